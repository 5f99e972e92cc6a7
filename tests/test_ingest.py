"""Ingest: folders read recursively, bad files named and skipped, the store rebuilt deterministically."""

from __future__ import annotations

import shutil
from pathlib import Path

from oversight import api
from oversight.graph.embedded_store import EmbeddedStore
from oversight.loaders.ingest import discover, extract_paths

EXAMPLE_REGISTER = Path(__file__).resolve().parents[1] / "examples" / "register.yaml"


def test_discover_walks_folders_in_order_and_passes_over_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir(); (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "a.md", ".hidden/x.txt", ".dot.txt", "b/notes.odt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, problems, skipped = discover([tmp_path])
    assert ([f.relative_to(tmp_path).as_posix() for f in files], problems, [Path(s).name for s in skipped]) == (
        ["a.md", "b/2.txt"],
        [],
        ["notes.odt"],
    )


def test_a_symlink_loop_does_not_trap_the_walk(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "loop").symlink_to(tmp_path / "papers")
    (tmp_path / "papers" / "a.txt").write_text("x", encoding="utf-8")
    files, problems, _ = discover([tmp_path / "papers"])
    assert ([f.name for f in files], problems) == (["a.txt"], [])


def test_a_missing_path_and_an_unsupported_file_are_problems_naming_them(tmp_path: Path) -> None:
    sheet = tmp_path / "plan.odt"
    sheet.write_bytes(b"PK")
    _, problems, _ = discover([tmp_path / "nope.txt", sheet])
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'nope.txt'}: no such file or directory",
        f"{sheet}: unsupported file type .odt (supported: .csv, .docx, .htm, .html, .md, .pdf, .text, .txt, .xlsx, .yaml, .yml)",
    ]


def test_one_unreadable_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    shutil.copy(EXAMPLE_REGISTER, tmp_path / "register.yaml")
    run = extract_paths([tmp_path])
    assert ([e.document.family for e in run.extractions], [str(p) for p in run.problems]) == (
        ["register"],
        [f"{tmp_path / 'empty.txt'}: empty file"],
    )


def test_ingesting_twice_gives_a_byte_identical_store(tmp_path: Path) -> None:
    api.ingest([EXAMPLE_REGISTER], tmp_path / "s")
    first = EmbeddedStore(tmp_path / "s").file.read_bytes()
    api.ingest([EXAMPLE_REGISTER], tmp_path / "s")
    assert EmbeddedStore(tmp_path / "s").file.read_bytes() == first


def test_a_changed_file_replaces_its_earlier_version(tmp_path: Path) -> None:
    register = tmp_path / "register.yaml"
    register.write_text("force: Kent Police\nboards:\n  - name: Gold Group\n", encoding="utf-8")
    api.ingest([register], tmp_path / "s")
    register.write_text("force: Kent Police\nboards:\n  - name: Silver Group\n", encoding="utf-8")
    report = api.ingest([register], tmp_path / "s")
    names = [n["name"] for n in api.load(tmp_path / "s").nodes("Board")]
    assert (report.replaced, names) == ([str(register)], ["Silver Group"])


def test_a_bad_input_keeps_what_the_store_already_held(tmp_path: Path) -> None:
    api.ingest([EXAMPLE_REGISTER], tmp_path / "s")
    before = api.load(tmp_path / "s").to_node_link()
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    report = api.ingest([tmp_path / "bad.txt"], tmp_path / "s")
    assert ([str(p) for p in report.problems], api.load(tmp_path / "s").to_node_link()) == (
        [f"{tmp_path / 'bad.txt'}: binary content, not text"],
        before,
    )
