"""Security: what the package's source may not contain, safe YAML, zip archives inspected before
they are inflated, and hostile text kept inert on the way to the terminal.
"""

from __future__ import annotations

import importlib
import io
import re
import tokenize
import zipfile
from pathlib import Path

import pytest
import yaml
from test_reliability_bad_input import run
from test_reliability_inputs import (
    _CONTENT_TYPES,
    deflate_zeros,
    deflated,
    lying_zip_docx,
    write,
    zip_archive,
)

from oversight.errors import UnreadableDocument
from oversight.loaders import read_docx as read_docx_module
from oversight.loaders.read_docx import read_docx

REPO = Path(__file__).resolve().parents[1]
#: The folders of the ``oversight`` package (see [tool.setuptools.package-dir]).
PACKAGE = {"oversight": "oversight", "ontology": "oversight.ontology", "loaders": "oversight.loaders",
           "graph": "oversight.graph", "queries": "oversight.queries", "viz": "oversight.viz"}  # fmt: skip


def package_files() -> list[Path]:
    return sorted(p for folder in PACKAGE for p in (REPO / folder).rglob("*.py"))


def tokens(path: Path) -> list[tokenize.TokenInfo]:
    """The code tokens of a file: names and operators, not strings or comments."""
    with path.open("rb") as handle:
        return [t for t in tokenize.tokenize(handle.readline) if t.type in (tokenize.NAME, tokenize.OP)]


def module_name(path: Path) -> str:
    relative = path.relative_to(REPO).with_suffix("")
    return ".".join([PACKAGE[relative.parts[0]], *relative.parts[1:]]).removesuffix(".__init__")


#: Modules that turn bytes into objects or run code, and must never read what a document holds.
FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "jsonpickle"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
#: multiprocessing calls that pickle what they carry (the bounded runner uses send_bytes/recv_bytes).
PICKLING_IPC = {"send", "recv", "Queue", "SimpleQueue", "JoinableQueue", "Pool", "Manager"}


def findings_in(path: Path) -> list[str]:
    found = []
    code = tokens(path)
    uses_multiprocessing = any(t.string == "multiprocessing" for t in code)
    for i, token in enumerate(code):
        before = code[i - 1].string if i else ""
        after = code[i + 1].string if i + 1 < len(code) else ""
        where = f"{path.relative_to(REPO)}:{token.start[0]}"
        if token.type != tokenize.NAME:
            continue
        if token.string in FORBIDDEN_MODULES:
            found.append(f"{where}: {token.string}")
        elif token.string in FORBIDDEN_CALLS and after == "(" and before != ".":
            found.append(f"{where}: {token.string}(")
        elif token.string in {"unsafe_load", "full_load", "unsafe_load_all", "full_load_all", "UnsafeLoader", "FullLoader"}:
            found.append(f"{where}: yaml.{token.string}")
        elif token.string == "system" and before == "." and code[i - 2].string == "os":
            found.append(f"{where}: os.system(")
        elif token.string == "shell" and after == "=" and code[i + 2].string == "True":
            found.append(f"{where}: shell=True")
        elif uses_multiprocessing and token.string in PICKLING_IPC and before == "." and after == "(":
            found.append(f"{where}: .{token.string}( pickles over a pipe")
    return found


def test_the_package_source_has_no_pickle_eval_exec_or_unsafe_yaml() -> None:
    assert [f for path in package_files() for f in findings_in(path)] == []


def test_every_yaml_load_in_the_package_uses_a_safe_loader() -> None:
    """``yaml.load(..., Loader=X)`` only where X is a SafeLoader (or a subclass of one)."""
    calls = []
    for path in package_files():
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\byaml\.load(?:_all)?\((?P<args>[^)]*)\)", text):
            loader = re.search(r"Loader\s*=\s*(?P<name>[\w.]+)", match["args"])
            module = importlib.import_module(module_name(path))
            resolved = None
            if loader is not None:
                resolved = eval(loader["name"], {"yaml": yaml}, vars(module))  # noqa: S307 - a name from our own source
            calls.append((str(path.relative_to(REPO)), isinstance(resolved, type) and issubclass(resolved, yaml.SafeLoader)))
    assert calls == [("loaders/register.py", True)]


def test_the_scan_would_catch_what_it_looks_for(tmp_path: Path) -> None:
    """The scanner itself, on a file that does every forbidden thing once."""
    bad = REPO / "loaders" / "_scan_probe.py"
    try:
        bad.write_text(
            "import pickle\nx = eval('1')\nexec('y = 2')\nimport yaml\nyaml.unsafe_load('a')\nimport os\nos.system('true')\n"
            "import subprocess\nsubprocess.run('true', shell=True)\nimport multiprocessing\nconn = None\nconn.recv()\n"
            "model.eval()  # a method named eval is not the builtin\n",
            encoding="utf-8",
        )
        assert [f.split(": ", 1)[1] for f in findings_in(bad)] == [
            "pickle", "eval(", "exec(", "yaml.unsafe_load", "os.system(", "shell=True", ".recv( pickles over a pipe",
        ]  # fmt: skip
    finally:
        bad.unlink()


def test_a_register_that_would_run_a_command_is_refused_and_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    register = write(tmp_path / "evil.yaml", f"force: !!python/object/apply:os.system ['touch {marker}']\n")
    result = run("ingest", str(register), "--store", str(tmp_path / "store"))
    assert (result.exit_code, result.stderr, marker.exists()) == (
        2,
        f"error: {register}:1: not valid YAML (could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system')\n",
        False,
    )


@pytest.mark.parametrize(
    "tag", ["!!python/object/new:os.system [echo]", "!!python/name:os.system", "!!python/module:os"]
)
def test_no_python_or_binary_tag_is_constructed(tag: str, tmp_path: Path) -> None:
    register = write(tmp_path / "r.yaml", f"force: {tag}\n")
    result = run("ingest", str(register), "--store", str(tmp_path / "store"))
    assert (result.exit_code, result.stderr.count("\n"), result.stderr.startswith(f"error: {register}:1: ")) == (
        2,
        1,
        True,
    )


def test_a_billion_laughs_register_is_refused_at_once(tmp_path: Path) -> None:
    text = 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in range(1, 10):
        text += f"l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]\n"
    register = write(tmp_path / "laughs.yaml", text.replace("l9: &l9", "findings: &l9"))
    result = run("ingest", str(register), "--store", str(tmp_path / "store"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {register}:2: alias *l0 stands for a mapping or list; aliases may only repeat a single value\n",
    )


# -- zip archives --------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_anything_is_inflated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[object, ...]] = []

    def refuse(*args: object, **kwargs: object) -> None:
        opened.append(args)
        raise AssertionError("the archive member was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)
    size = 1024**3
    path = write(
        tmp_path / "bomb.docx",
        zip_archive([("[Content_Types].xml", *_CONTENT_TYPES), ("word/styles.xml", deflate_zeros(size), 0, size)]),
    )
    with pytest.raises(UnreadableDocument) as caught:
        read_docx(path)
    assert (str(caught.value), opened) == (
        f"{path}: a zip bomb, not a Word document (word/styles.xml would unpack 1028-fold to 1 GB); refused",
        [],
    )


def test_a_zip_that_understates_its_sizes_is_stopped_by_the_memory_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part declared as 1 MB that inflates to 2 GB passes the inspection of declared sizes;
    zipfile, reading the part whole, inflates it all before cutting it to 1 MB. The parse's
    memory limit refuses it."""
    from oversight.loaders import bounded

    monkeypatch.setattr(bounded, "PARSE_MAX_BYTES", 256 * 1024**2)
    path = write(tmp_path / "liar.docx", lying_zip_docx())
    with pytest.raises(UnreadableDocument) as caught:
        read_docx(path)
    assert str(caught.value) == f"{path}: needed more than 256 MB to parse; refused"


def test_a_zip_of_too_many_parts_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_docx_module, "MAX_DOCX_ENTRIES", 10)
    parts = [("[Content_Types].xml", *_CONTENT_TYPES)] + [(f"word/part{n}.xml", *deflated(b"<x/>")) for n in range(11)]
    path = write(tmp_path / "many.docx", zip_archive(parts))
    with pytest.raises(UnreadableDocument) as caught:
        read_docx(path)
    assert str(caught.value) == f"{path}: not a Word document (12 parts in the archive > 10); refused"


def test_a_real_word_document_is_far_from_the_bomb_ratio(tmp_path: Path) -> None:
    """The bomb rule leaves room: a deliberately repetitive Word table stays well under it."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=300, cols=4)
    for row in table.rows:
        for cell in row.cells:
            cell.text = "Amber"
    for _ in range(2000):
        document.add_paragraph("The force should improve how it answers calls. " * 3)
    path = tmp_path / "long.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        worst = max(i.file_size / max(i.compress_size, 1) for i in archive.infolist())
    assert (worst < read_docx_module.BOMB_RATIO, len(read_docx(path).lines)) == (True, 2300)


# -- hostile text stays inert on the terminal ---------------------------------------------------


def test_a_file_name_cannot_forge_or_hide_an_error_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "x\u001b[2K\rerror: all good.txt", b"")
    write(folder / "y\u202eplh.txt", b"")  # a right-to-left override
    result = run("ingest", str(folder), "--store", str(tmp_path / "store"))
    assert (result.exit_code, result.stderr.splitlines()) == (
        2,
        [
            f"error: {folder}/x\\x1b[2K\\rerror: all good.txt: empty file",
            f"error: {folder}/y\\u202eplh.txt: empty file",
        ],
    )


def test_a_warning_quoting_hostile_text_is_one_inert_line() -> None:
    from oversight.loaders.ingest import _printable_path
    from oversight.loaders.models import Extraction, ExtractionWarning, TextDocument

    doc = TextDocument.from_text("x", path="paper.txt")
    extraction = Extraction(
        document=doc.record(),
        warnings=[ExtractionWarning(path="paper.txt", line=3, message="area \u001b]0;owned\u0007 is counted\nerror: forged")],
    )
    assert [str(w) for w in _printable_path(extraction).warnings] == [
        "paper.txt:3: area \\x1b]0;owned\\x07 is counted\\nerror: forged"
    ]


def test_document_text_is_stored_as_data(tmp_path: Path) -> None:
    """Text that looks like Cypher, HTML or markup goes into the store as the string it is."""
    hostile = "Report'}) MATCH (n) DETACH DELETE n // <script>alert(1)</script> [bold]{0}[/bold] ${HOME}"
    register = write(
        tmp_path / "r.yaml",
        f"findings:\n  - inspection: kent-police/peel-2021-22\n    number: 5\n    text: \"{hostile}\"\n",
    )
    assert run("ingest", str(register), "--store", str(tmp_path / "store")).exit_code == 0
    findings = run("findings", "--json", "--store", str(tmp_path / "store"))
    import json

    assert [row.get("text") for row in json.loads(findings.stdout)] == [hostile]


def test_the_bomb_check_reads_only_the_central_directory() -> None:
    """The zip check (.docx and .xlsx alike) lists the archive; it never opens a part."""
    import inspect

    from oversight.loaders.bounded import check_zip_package

    source = inspect.getsource(check_zip_package)
    assert (".open(" in source, ".read(" in source, "infolist()" in source) == (False, False, True)


def test_the_store_is_never_written_with_python_objects(tmp_path: Path) -> None:
    from oversight import api
    from oversight.graph.embedded_store import STORE_FILE

    api.ingest([REPO / "examples" / "register.yaml"], tmp_path / "s")
    head = (tmp_path / "s" / STORE_FILE).read_bytes()[:40]
    assert head == b'{"format":"oversight-store","version":2,'[:40]
    assert io.BytesIO(head).read(1) == b"{"
