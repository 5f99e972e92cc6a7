"""Bad input through the CLI: one line per bad file on stderr, exit 2, every other file read,
and the store keeps everything it held.

Each failure mode of tests/test_reliability_inputs.py (the list the README table is
made from) is fed to ``oversight ingest`` alone, against a store that already holds
the example register: stderr must be exactly its lines, the exit code its code, and
the store's node-link graph unchanged (or only grown, for the inputs that are read).
Then every bad input at once is fed with a good paper: the good paper is ingested,
stderr is the union of the lines, and nothing the store held is lost.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from test_reliability_inputs import GOOD_PAPER, MODES, Mode, _good
from typer.testing import CliRunner

from oversight.cli import app
from oversight.graph.embedded_store import EmbeddedStore
from oversight.loaders import bounded
from oversight.loaders.bounded import human_bytes

EXAMPLE_REGISTER = Path(__file__).resolve().parents[1] / "examples" / "register.yaml"
runner = CliRunner()


def where(store: Path, stored: str) -> str:
    """The file a stored document path names (the store keeps it relative to itself)."""
    return os.path.normpath(os.path.join(os.path.realpath(store), stored))


def run(*args: str) -> Any:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200", "OVERSIGHT_STORE": ""})
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@dataclass
class Ran:
    exit_code: int
    stdout: str
    stderr: str


def run_fresh(limits: Mapping[str, float], *args: str) -> Ran:
    """``oversight`` in a fresh process whose parse limits are ``limits``.

    The memory limit counts address space beyond what the parser's process
    inherits, and free memory inside the inherited heap is reused without
    counting; a test process that has run a thousand tests has plenty, so the
    cases that test the limits start from a fresh process, as the CLI does.
    """
    patch = "".join(f"bounded.{name} = {value!r}; " for name, value in limits.items())
    code = f"from oversight.loaders import bounded; {patch}from oversight.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", "OVERSIGHT_STORE": ""},
        timeout=600,
    )
    assert "Traceback" not in done.stdout + done.stderr
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the example register (copied for each test)."""
    store = tmp_path_factory.mktemp("populated") / "store"
    assert run("ingest", str(EXAMPLE_REGISTER), "--store", str(store)).exit_code == 0
    return store


@pytest.fixture()
def store(populated: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(populated, copy)
    return copy


def node_link(store: Path) -> dict[str, Any]:
    data = json.loads(EmbeddedStore(store).file.read_text(encoding="utf-8"))
    return {"nodes": data["nodes"], "edges": data["edges"]}


def assert_kept(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Nothing the store held is lost: every node (key and labels) and every relationship is still there."""
    nodes = {n["key"]: n["labels"] for n in after["nodes"]}
    edges = {(e["source"], e["type"], e["target"]) for e in after["edges"]}
    assert [n["key"] for n in before["nodes"] if nodes.get(n["key"]) != n["labels"]] == []
    assert [e for e in before["edges"] if (e["source"], e["type"], e["target"]) not in edges] == []


def expected_lines(mode: Mode, given: Path, limits: Mapping[str, float] | None = None) -> list[str]:
    chosen = {**mode.limits, **(limits or {})}
    shown = {
        "timeout": f"{chosen.get('PARSE_TIMEOUT', bounded.PARSE_TIMEOUT):g}",
        "memory": human_bytes(chosen.get("PARSE_MAX_BYTES", bounded.PARSE_MAX_BYTES)),
    }
    if mode.each:
        files = sorted(p for p in given.rglob("*") if p.is_file())
        return [line.format(file=f, **shown) for f in files for line in mode.lines]
    return [line.format(file=mode.shown(given), **shown) for line in mode.lines]


@pytest.mark.parametrize("mode", [m for m in MODES if not m.heavy], ids=lambda m: m.key)
def test_a_bad_input_is_one_line_and_the_store_keeps_what_it_held(mode: Mode, store: Path, tmp_path: Path) -> None:
    given = mode.build(tmp_path / "in")
    before = node_link(store)
    if mode.limits:
        result = run_fresh(mode.limits, "ingest", str(given), "--store", str(store))
    else:
        result = run("ingest", str(given), "--store", str(store))
    after = node_link(store)
    assert (result.exit_code, result.stderr.splitlines()) == (mode.exit_code, expected_lines(mode, given))
    if mode.exit_code == 2:
        assert after == before
    else:
        assert_kept(before, after)


def test_a_stray_byte_and_cp1252_keep_every_character(store: Path, tmp_path: Path) -> None:
    stray = next(m for m in MODES if m.key == "stray-byte").build(tmp_path / "a")
    cp1252 = next(m for m in MODES if m.key == "cp1252").build(tmp_path / "b")
    assert run("ingest", str(stray), str(cp1252), "--store", str(store)).exit_code == 0
    documents = {where(store, d.document.path): d.document for d in EmbeddedStore(store).load().extractions}
    quotes = {
        f.evidence.quote
        for e in EmbeddedStore(store).load().extractions
        if where(store, e.document.path) in (str(stray), str(cp1252))
        for f in e.facts
    }
    assert (documents[str(stray)].encoding, documents[str(cp1252)].encoding) == ("utf-8", "cp1252")
    assert {q for q in quotes if "caf" in q or "\u2013 June" in q} == {
        "2. The force should record crime accurately (caf\u00e9 review)",
        "Anticipated completion date \u2013 June 2023",
    }


@pytest.mark.slow
def test_every_bad_input_at_once_with_a_good_paper(store: Path, tmp_path: Path) -> None:
    """Every other input is processed: the good paper is ingested whatever surrounds it."""
    limits = {"PARSE_TIMEOUT": 10, "PARSE_MAX_BYTES": 32 * 1024**2}  # both hostile PDFs at once
    modes = [m for m in MODES if not m.heavy]  # the heavy two have their own tests below
    given = [m.build(tmp_path / m.key) for m in modes]
    good = _good(tmp_path / "good")
    before = node_link(store)
    started = time.monotonic()
    result = run_fresh(limits, "ingest", *map(str, given), str(good), "--store", str(store))
    elapsed = time.monotonic() - started
    expected = [line for m, g in zip(modes, given, strict=True) for line in expected_lines(m, g, limits)]
    assert sorted(result.stderr.splitlines()) == sorted(expected)
    assert result.exit_code == 2
    assert_kept(before, node_link(store))
    paths = {where(store, e.document.path) for e in EmbeddedStore(store).load().extractions}
    assert {str(good), str(given[[m.key for m in modes].index("cp1252")])} <= paths
    assert elapsed < 120


@pytest.mark.slow
def test_a_million_short_lines_are_refused_in_under_ten_seconds_of_cpu(store: Path, tmp_path: Path) -> None:
    mode = next(m for m in MODES if m.key == "million-lines")
    given = mode.build(tmp_path / "in")
    before = node_link(store)
    cpu = time.process_time()
    result = run("ingest", str(given), "--store", str(store))
    cpu = time.process_time() - cpu
    assert (result.exit_code, result.stderr.splitlines(), node_link(store)) == (2, expected_lines(mode, given), before)
    assert cpu < 10, f"{cpu:.1f} s of CPU"


@pytest.mark.slow
def test_three_thousand_unrecognised_files_get_one_line_each_quickly(store: Path, tmp_path: Path) -> None:
    mode = next(m for m in MODES if m.key == "thousands")
    given = mode.build(tmp_path / "in")
    good = _good(given / "zz-good")
    before = node_link(store)
    cpu = time.process_time()
    result = run("ingest", str(given), "--store", str(store))
    cpu = time.process_time() - cpu
    lines = expected_lines(mode, given)
    lines.remove(f"error: {good}: {mode.lines[0].split(': ', 2)[2]}")  # the good paper is read
    assert (result.exit_code, result.stderr.splitlines()) == (2, lines)
    assert_kept(before, node_link(store))
    assert str(good) in {where(store, e.document.path) for e in EmbeddedStore(store).load().extractions}
    assert cpu < 20, f"{cpu:.1f} s of CPU"


@pytest.mark.parametrize("family", ["peel-report", "peel-progress", "inspections-audits", "minutes"])
def test_detection_and_extraction_are_not_quadratic(family: str) -> None:
    """Four times the lines take about four times as long (quadratic would be sixteen)."""
    from oversight.loaders.models import TextDocument
    from oversight.loaders.registry import get_extractor

    extractor = get_extractor(family)

    def cost(lines: int) -> float:
        doc = TextDocument.from_text("\n".join(f"AFI {n % 40} amber line {n}" for n in range(lines)))
        start = time.process_time()
        extractor.detect(doc)
        extractor.extract(doc)
        return time.process_time() - start

    cost(1000)  # warm caches
    small, large = min(cost(10_000) for _ in range(2)), cost(40_000)
    assert large < 8 * max(small, 0.01), (small, large)


def test_the_console_script_never_prints_a_traceback_on_bad_input(tmp_path: Path) -> None:
    """The same inputs through ``python -m oversight`` in a real process (not CliRunner)."""
    given = [m.build(tmp_path / m.key) for m in MODES if not m.heavy and not m.limits]
    result = subprocess.run(
        [sys.executable, "-m", "oversight", "ingest", *map(str, given), "--store", str(tmp_path / "store")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "COLUMNS": "200"},
        timeout=300,
    )
    assert (result.returncode, "Traceback" in result.stdout + result.stderr) == (2, False)
    assert all(line.startswith(("error: ", "warning: ")) for line in result.stderr.splitlines())


def test_the_good_paper_alone_gives_no_warnings(tmp_path: Path) -> None:
    """The fixture the mixed runs rely on: the good paper is read with no line on stderr."""
    paper = tmp_path / "good.txt"
    paper.write_text(GOOD_PAPER, encoding="utf-8")
    result = run("ingest", str(paper), "--store", str(tmp_path / "store"))
    assert (result.exit_code, result.stderr) == (0, "")
