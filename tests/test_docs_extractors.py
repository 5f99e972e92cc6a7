"""docs/extractors.md's worked example runs as written: its layout module obeys the layering, its test passes.

The example's two files are the doc's code blocks whose first line names a
path (``# loaders/families/…``, ``# tests/…``). The module is loaded under the
name its path gives, from a copy in a temporary folder (the example is not
wired into the real family, so the seeds read as before), and the test's
functions are called as pytest would.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from test_family_imports import ALLOWED, project_imports

DOC = Path(__file__).resolve().parents[1] / "docs" / "extractors.md"


def doc_files() -> dict[str, str]:
    """The doc's code blocks that open with a path comment, by path."""
    blocks = re.findall(r"```python\n# ((?:loaders|tests)/\S+\.py)\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return {path: code for path, code in blocks}


def test_worked_example_has_one_layout_module_in_one_family_and_its_test() -> None:
    paths = sorted(doc_files())
    assert [re.sub(r"/[^/]+\.py$", "/", p) for p in paths] == ["loaders/families/minutes/", "tests/"]


def test_worked_example_module_imports_only_toolkit_models_statements_ontology_errors(tmp_path: Path) -> None:
    (path, code), = [(p, c) for p, c in doc_files().items() if p.startswith("loaders/")]
    written = tmp_path / path
    written.parent.mkdir(parents=True)
    written.write_text(code, encoding="utf-8")
    own = "oversight.loaders.families.minutes"
    outside = [
        module
        for _, module in project_imports(written, tmp_path / "loaders")
        if not module.startswith(own) and not any(module == a or module.startswith(a + ".") for a in ALLOWED)
    ]
    assert outside == []


def test_worked_example_test_passes_on_its_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = doc_files()
    (module_path,) = [p for p in files if p.startswith("loaders/")]
    (test_path,) = [p for p in files if p.startswith("tests/")]
    written = tmp_path / module_path
    written.parent.mkdir(parents=True)
    written.write_text(files[module_path], encoding="utf-8")
    name = "oversight." + module_path.removesuffix(".py").replace("/", ".")
    spec = importlib.util.spec_from_file_location(name, written)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    namespace: dict[str, object] = {}
    exec(compile(files[test_path], test_path, "exec"), namespace)  # noqa: S102 - the doc's own test
    tests = {n: f for n, f in namespace.items() if n.startswith("test_") and callable(f)}
    assert sorted(tests) == [
        "test_action_line_states_the_action_its_owner_and_deadline",
        "test_line_without_action_mark_states_nothing",
    ]
    for test in tests.values():
        test()
