"""Failures that used to print a traceback give one line naming the file and exit 2 (issue 17)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from oversight.cli import app

HEAD = '{"format":"oversight-store","version":2,"documents":[],"facts":[],"warnings":[],'
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: object, env: dict[str, str] | None = None) -> Any:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"OVERSIGHT_STORE": "", "NEO4J_URI": "", **(env or {})})
    assert "Traceback" not in result.stdout + result.stderr
    return result


def _store(tmp_path: Path, body: str) -> Path:
    store = tmp_path / "store"
    store.mkdir()
    (store / "graph.json").write_text(HEAD + body, encoding="utf-8")
    return store


def test_a_store_nested_a_hundred_thousand_deep_is_corrupt(tmp_path: Path) -> None:
    store = _store(tmp_path, '"nodes":' + "[" * 100_000 + "]" * 100_000 + ',"edges":[]}')
    result = run("stats", "--store", store)
    assert (result.exit_code, result.stderr) == (2, f"error: {store}/graph.json: nested too deeply to be a store\n")


def test_a_store_with_a_five_thousand_digit_number_is_corrupt(tmp_path: Path) -> None:
    store = _store(tmp_path, '"nodes":[{"key":"a","labels":["Force"],"n":' + "9" * 5000 + '}],"edges":[]}')
    result = run("stats", "--store", store)
    assert (result.exit_code, result.stderr.startswith(f"error: {store}/graph.json: not a store (ValueError")) == (2, True)


def test_a_store_whose_nodes_are_an_object_is_malformed(tmp_path: Path) -> None:
    store = _store(tmp_path, '"nodes":{"a":1},"edges":[]}')
    result = run("stats", "--store", store)
    assert (result.exit_code, result.stderr) == (2, f"error: {store}/graph.json: malformed graph (AttributeError)\n")


@pytest.mark.parametrize("command", [("stats",), ("ingest", str(EXAMPLES / "register.yaml"))])
def test_a_folder_where_the_store_file_should_be_is_named(tmp_path: Path, command: tuple[str, ...]) -> None:
    (tmp_path / "store" / "graph.json").mkdir(parents=True)
    result = run(*command, "--store", tmp_path / "store")
    expected = f"error: {tmp_path}/store/graph.json: not a file (a folder or device where the store file should be)\n"
    assert (result.exit_code, result.stderr) == (2, expected)


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Path, *args: Any, **kwargs: Any) -> int:
        raise OSError(28, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_text", full)


def test_a_full_disk_while_writing_a_view_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("ingest", EXAMPLES / "register.yaml", "--store", tmp_path / "store")
    _disk_full(monkeypatch)
    result = run("view", "graph", "-o", tmp_path / "v.html", "--store", tmp_path / "store")
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path}/v.html: cannot write (No space left on device)\n")


def test_a_full_disk_while_writing_an_export_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("ingest", EXAMPLES / "register.yaml", "--store", tmp_path / "store")
    _disk_full(monkeypatch)
    result = run("export", "--format", "ttl", "-o", tmp_path / "g.ttl", "--store", tmp_path / "store")
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path}/g.ttl: cannot write (No space left on device)\n")


def test_a_full_disk_while_writing_the_store_keeps_it_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_open = builtins.open

    def full(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode and str(file).endswith(".tmp"):
            raise OSError(28, "No space left on device", str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", full)
    result = run("ingest", EXAMPLES / "register.yaml", "--store", tmp_path / "store")
    expected = f"error: {tmp_path}/store/graph.json: cannot write the store (No space left on device); the store is unchanged\n"
    assert (result.exit_code, result.stderr.splitlines()[-1] + "\n") == (2, expected)


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("bolt://[::1", "error: the Neo4j URI: not a valid URI (Invalid IPv6 URL)\n"),
        ("bolt://me:secret@[::1", "error: the Neo4j URI: not a valid URI (Invalid IPv6 URL)\n"),
        ("bolt://localhost:99999", "error: bolt://localhost:99999: not a valid URI (Port out of range 0-65535)\n"),
    ],
)
def test_a_malformed_neo4j_uri_is_one_line_and_never_shows_a_password(tmp_path: Path, uri: str, message: str) -> None:
    result = run("neo4j", "status", "--store", tmp_path / "store", env={"NEO4J_URI": uri})
    assert (result.exit_code, result.stderr) == (2, message)


def test_an_escape_byte_in_a_paper_is_written_escaped_in_graphml(tmp_path: Path) -> None:
    register = tmp_path / "r.yaml"
    register.write_text('force: Kent Police\ninspections:\n  - round: "2021/22"\n    kind: peel\n    title: "bad \\e[31m"\n', encoding="utf-8")
    run("ingest", register, "--store", tmp_path / "store")
    result = run("export", "--format", "graphml", "-o", tmp_path / "g.graphml", "--store", tmp_path / "store")
    text = (tmp_path / "g.graphml").read_text(encoding="utf-8")
    assert (result.exit_code, "bad \\x1b[31m" in text, "\x1b" in text) == (0, True, False)
