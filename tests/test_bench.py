"""Smoke test of the national-scale benchmark: ``bench/run.py --tiny`` runs end to end.

No timing is asserted (the numbers depend on the machine); the tests check that
every section of the report is there, in the JSON format other benchmarks
append to, and that the run found no disagreement with the truth beyond the
known extractor gaps.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tiny_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    report_file = tmp_path_factory.mktemp("bench") / "report.json"
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--tiny", "--json", str(report_file)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(report_file.read_text())  # type: ignore[no-any-return]


@pytest.mark.slow
def test_tiny_run_writes_every_section(tiny_report: dict[str, Any]):
    sections = {s["name"]: s for s in tiny_report["sections"]}
    assert (
        sorted(sections),
        [row["forces"] for row in sections["ingest"]["rows"]],
        sorted(tiny_report["machine"]),
        tiny_report["parameters"],
    ) == (
        ["accuracy", "corpus", "growth", "inferred-supersession", "ingest", "known-gaps"],
        [1, 2, 3],
        ["cpu", "nproc", "platform", "python", "ramGB"],
        {"sizes": [1, 2, 3], "rounds": 2, "seed": 1},
    )


@pytest.mark.slow
def test_tiny_run_finds_no_disagreement_beyond_the_known_gaps(tiny_report: dict[str, Any]):
    accuracy = next(s for s in tiny_report["sections"] if s["name"] == "accuracy")
    assert [r["kind"] for r in accuracy["rows"] if r["unexplainedMisses"] or r["unexplainedExtras"]] == []


def test_sections_can_be_appended_through_the_hooks():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import run as bench
    finally:
        sys.path.remove(str(REPO / "bench"))
    assert [name for name, *_ in bench.EXTRA_SECTIONS] == ["neo4j-load", "catalogue-latency", "view-timings"]
