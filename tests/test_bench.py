"""Smoke test of the national-scale benchmark: ``bench/run.py --tiny`` runs end to end.

No timing is asserted (the numbers depend on the machine); the tests check that
every section of the report is there, in the JSON format other benchmarks
append to, that the run found no disagreement with the truth beyond the known
extractor gaps, and that the Neo4j, catalogue and view sections measured every
method, question and size. The Neo4j parts need a Bolt server (the run starts its
own local one with the ``[server]`` extra); without one they are skipped with the
reason, except under CI, where the run itself fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import require

from oversight.queries.catalog import TWINS

REPO = Path(__file__).resolve().parents[1]
SECTIONS = [
    "accuracy", "catalogue-latency", "cold-cli", "corpus", "corpus-facts", "growth", "growth-neo4j",
    "inferred-supersession", "ingest", "known-gaps", "neo4j-load", "standing", "standing-latency", "validate", "view-timings",
]
#: The commit before the standing stage: the "before" of the standing-latency section.
BEFORE = "df4c2f2"
METHODS = ["batched", "per-row-merge", "rdflib-neo4j", "raw-create"]


def _bench_module(name: str) -> Any:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(REPO / "bench"))


@pytest.fixture(scope="module")
def tiny_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    report_file = tmp_path_factory.mktemp("bench") / "report.json"
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--tiny", "--json", str(report_file)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(report_file.read_text())  # type: ignore[no-any-return]


def _section(report: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in report["sections"] if s["name"] == name)


@pytest.mark.slow
def test_tiny_run_writes_every_section(tiny_report: dict[str, Any]):
    sections = {s["name"]: s for s in tiny_report["sections"]}
    assert (
        sorted(sections),
        [row["forces"] for row in sections["ingest"]["rows"]],
        sorted(tiny_report["machine"]),
        tiny_report["parameters"],
    ) == (
        SECTIONS,
        [1, 2, 3],
        ["cpu", "nproc", "platform", "python", "ramGB"],
        {"sizes": [1, 2, 3], "rounds": 2, "seed": 1},
    )


@pytest.mark.slow
def test_tiny_run_finds_no_disagreement_beyond_the_known_gaps(tiny_report: dict[str, Any]):
    accuracy = _section(tiny_report, "accuracy")
    assert [r["kind"] for r in accuracy["rows"] if r["unexplainedMisses"] or r["unexplainedExtras"]] == []


@pytest.mark.slow
@pytest.mark.neo4j
def test_tiny_run_loads_every_size_by_every_method(tiny_report: dict[str, Any]):
    load = _section(tiny_report, "neo4j-load")
    require(bool(load["rows"]), "; ".join(load["notes"]))
    rows = load["rows"]
    assert [(r["engine"], r["forces"], r["method"]) for r in rows] == [
        ("arcadedb", n, m) for n in (1, 2, 3) for m in METHODS
    ]
    # The batched and raw loads leave exactly the graph; a failed method has its error and no number.
    assert {(r["method"], r["verified"]) for r in rows if r["method"] in ("batched", "raw-create")} == {
        ("batched", True), ("raw-create", True)
    }
    assert [r["method"] for r in rows if (r["error"] is None) == (r["rowsPerSecond"] is None)] == []


@pytest.mark.slow
def test_tiny_run_does_not_try_a_failed_load_method_again_at_larger_sizes(tiny_report: dict[str, Any]):
    rows = _section(tiny_report, "neo4j-load")["rows"]
    require(bool(rows), "no Bolt server")
    rdflib = {r["forces"]: r["error"] for r in rows if r["method"] == "rdflib-neo4j"}
    require(rdflib[1] is not None, "rdflib-neo4j loaded at 1 force")
    assert (rdflib[2], rdflib[3]) == ("not tried again in a tiny run: it failed at 1 force",) * 2


@pytest.mark.slow
def test_tiny_run_times_every_question_on_both_backends(tiny_report: dict[str, Any]):
    latency = _section(tiny_report, "catalogue-latency")
    server = bool(_section(tiny_report, "neo4j-load")["rows"])
    backends = ["embedded", "arcadedb"] if server else ["embedded"]  # --tiny measures ArcadeDB only
    rows = latency["rows"]
    assert sorted((r["forces"], r["query"], r["backend"]) for r in rows) == sorted(
        (n, q, b) for n in (1, 2, 3) for q in TWINS for b in backends
    )
    assert {r["runs"] for r in rows} == {5}
    # Both backends answer each question with the same rows (parity, not speed).
    assert [r["query"] for r in rows if r["sameRows"] is False] == []


@pytest.mark.slow
def test_tiny_run_reports_the_cpu_of_the_client_and_on_the_server_of_the_server(tiny_report: dict[str, Any]):
    rows = _section(tiny_report, "catalogue-latency")["rows"]
    assert sorted({(r["backend"], r["clientCpuMs"] is not None, r["serverCpuMs"] is not None) for r in rows}) == sorted(
        {("embedded", True, False)} | {("arcadedb", True, True) for r in rows if r["backend"] == "arcadedb"}
    )


def test_timed_reports_the_cpu_of_this_process_per_run():
    bench_neo4j = _bench_module("bench_neo4j")

    def spin() -> int:
        import time

        end = time.process_time() + 0.02
        while time.process_time() < end:
            pass
        return 1

    times, result, cpu = bench_neo4j._timed(spin, runs=5, warmup=1)
    assert (len(times), result, cpu["server"], 20 <= cpu["client"] < 30) == (5, 1, None, True)


@pytest.mark.slow
def test_tiny_run_times_the_view_at_three_sizes(tiny_report: dict[str, Any]):
    views = _section(tiny_report, "view-timings")
    browser = Path("/usr/bin/chromium").exists()
    assert (
        [r["nodes"] for r in views["rows"]],
        [r["interactiveSeconds"] is not None for r in views["rows"]],
    ) == ([200, 500, 1000], [False, browser, False])


@pytest.mark.slow
def test_tiny_run_states_the_growth_of_the_new_measures(tiny_report: dict[str, Any]):
    growth = _section(tiny_report, "growth-neo4j")
    measures = [r["measure"] for r in growth["rows"]]
    assert [f"p50 ms embedded: {q}" in measures for q in sorted(TWINS)] == [True] * len(TWINS)


def test_sections_can_be_appended_through_the_hooks():
    bench = _bench_module("run")
    assert [name for name, *_ in bench.EXTRA_SECTIONS] == [
        "neo4j-load", "catalogue-latency", "view-timings", "corpus-facts", "standing", "standing-latency", "validate", "cold-cli",
    ]


@pytest.mark.slow
def test_tiny_run_times_the_cold_command_before_and_after_the_index_at_every_size(tiny_report: dict[str, Any]):
    rows = _section(tiny_report, "cold-cli")["rows"]
    paired = [(r["forces"], r["path"], r["sameRows"]) for r in rows if "goalMet" not in r]  # not every question
    assert paired == [
        (forces, path, same)
        for forces in (1, 2, 3)
        for path, same in (("before: graph.json", None), ("after: graph.sqlite", True),
                           ("after, first open (index built)", True))
    ]


@pytest.mark.slow
def test_tiny_run_times_every_question_cold_at_the_largest_size(tiny_report: dict[str, Any]):
    rows = _section(tiny_report, "cold-cli")["rows"]
    assert sorted(r["query"] for r in rows if "goalMet" in r and r["forces"] == 3) == sorted(TWINS)


def _require_before() -> None:
    known = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{BEFORE}^{{commit}}"], capture_output=True)
    if known.returncode != 0:  # a shallow clone: history is not the project's to require
        pytest.skip(f"commit {BEFORE} is not in this clone's history")


@pytest.mark.slow
def test_tiny_run_times_the_standing_stage_at_every_size(tiny_report: dict[str, Any]):
    standing = _section(tiny_report, "standing")
    rows = standing["rows"]
    assert (
        [r["forces"] for r in rows],
        [r["repeats"] for r in rows],
        [r["sameAsStore"] for r in rows],
        [0 < r["standingShare"] < 1 for r in rows],
        [r["findings"] > 0 and r["standingPeakMB"] is not None for r in rows],
        sorted(rows[0]),
    ) == (
        [1, 2, 3],
        [3, 3, 3],
        [True, True, True],
        [True, True, True],
        [True, True, True],
        sorted(standing["columns"] + ["repeats"]),
    )


@pytest.mark.slow
def test_tiny_run_times_each_rewritten_question_before_and_after_on_both_backends(tiny_report: dict[str, Any]):
    _require_before()
    compare = _bench_module("compare_cypher")
    rows = _section(tiny_report, "standing-latency")["rows"]
    server = bool(_section(tiny_report, "neo4j-load")["rows"])
    backends = ["embedded", "neo4j"] if server else ["embedded"]
    assert (
        sorted((r["query"], r["backend"]) for r in rows),
        {r["runs"] for r in rows},
        [sorted(r) for r in rows if r["p50msOld"] is None or r["p50msNew"] is None or r["p95msRatio"] is None],
    ) == (sorted((q, b) for q in compare.changed_questions(BEFORE) for b in backends), {4}, [])


@pytest.mark.slow
def test_tiny_run_names_the_columns_the_rewritten_questions_gained(tiny_report: dict[str, Any]):
    _require_before()
    rows = _section(tiny_report, "standing-latency")["rows"]
    gained = {r["query"]: r["newColumns"] for r in rows if r["backend"] == "embedded" and r["newColumns"]}
    assert gained == {
        "inspection-outcome-counts": ["stated"], "inspection-outcomes": ["basis"], "overdue-findings": ["basis", "reason"]
    }


@pytest.mark.slow
def test_tiny_run_gives_the_same_rows_before_and_after_on_both_backends(tiny_report: dict[str, Any]):
    _require_before()
    rows = _section(tiny_report, "standing-latency")["rows"]
    by_backend = {b: {r["query"]: r["answer"] for r in rows if r["backend"] == b} for b in ("embedded", "neo4j")}
    require(bool(by_backend["neo4j"]), "no Bolt server")
    assert by_backend["neo4j"] == by_backend["embedded"]


def test_twins_before_the_standing_stage_load_governance_over_the_old_progress():
    _require_before()
    bench_standing = _bench_module("bench_standing")
    old = bench_standing.before_twins(BEFORE)
    assert (old["governance"].order_rows.__module__, old["progress"].__name__) == (
        f"_bench_before_{BEFORE}_progress", f"_bench_before_{BEFORE}_progress"
    )


def test_twins_before_the_standing_stage_list_the_same_findings_as_today():
    from conftest import generated_graph

    from oversight.queries.progress import inspection_outcomes

    _require_before()
    bench_standing = _bench_module("bench_standing")
    old = bench_standing.before_twins(BEFORE)
    graph = generated_graph(0)
    before, after = old["progress"].inspection_outcomes(graph), inspection_outcomes(graph)
    assert [r["finding"] for r in before] == [r["finding"] for r in after]


def test_answers_are_compared_on_the_old_columns():
    bench_standing = _bench_module("bench_standing")
    old = [{"finding": "a", "outcome": "open"}, {"finding": "b", "outcome": "open"}]
    new = [{"finding": "a", "outcome": "open", "basis": "recorded"}, {"finding": "b", "outcome": "closed", "basis": "deduced"}]
    assert (
        bench_standing.agreement(old, [{**r, "basis": "recorded"} for r in old], ["finding", "outcome"],
                                 ["finding", "outcome", "basis"])["answer"],
        bench_standing.agreement(old, new, ["finding", "outcome"], ["finding", "outcome", "basis"]),
    ) == (
        "same rows on the old columns (new: basis)",
        {"sameRows": False, "rowsOnlyOld": 1, "rowsOnlyNew": 1, "newColumns": ["basis"], "columnsDiffering": ["outcome"],
         "answer": "rows differ (expected: the standing changed the answer)"},
    )


def test_compare_cypher_finds_the_questions_a_commit_changed():
    compare = _bench_module("compare_cypher")
    rewrite = "a9c4487"  # the latest status as a COLLECT subquery, in eight files
    known = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{rewrite}^"], capture_output=True)
    if known.returncode != 0:  # a shallow clone: history is not the project's to require
        pytest.skip(f"commit {rewrite} is not in this clone's history")
    assert sorted(compare.changed_questions(f"{rewrite}^", rewrite)) == [
        "findings-by-area", "findings-by-board", "governance-gaps", "inspection-outcome-counts",
        "inspection-outcomes", "open-findings-by-owner", "overdue-findings", "recommendations-due",
    ]


def test_compare_cypher_finds_nothing_between_a_revision_and_itself():
    compare = _bench_module("compare_cypher")
    assert compare.changed_questions("HEAD", "HEAD") == {}


def test_percentiles_are_nearest_rank():
    bench_neo4j = _bench_module("bench_neo4j")
    assert (bench_neo4j.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50), bench_neo4j.percentile(list(range(1, 21)), 95)) == (
        3.0,
        19,
    )


def test_question_parameters_are_real_keys_of_the_graph():
    from conftest import generated_graph

    bench_neo4j = _bench_module("bench_neo4j")
    graph = generated_graph(0)
    params = bench_neo4j.question_params(graph)
    keys = {name: next(iter(p.values())) for name, p in params.items() if name not in ("overdue-findings", "recommendations-due")}
    assert (
        sorted(params),
        {name: key in graph for name, key in keys.items()},
        params["overdue-findings"],
    ) == (
        ["accountability-chain", "evidenced-by-document", "finding-lineage", "overdue-findings", "recommendations-due",
         "status-history"],
        {name: True for name in keys},
        {"asOf": "2024-06-30"},
    )


def test_only_refuses_a_section_the_run_does_not_have(capsys: pytest.CaptureFixture[str]):
    bench = _bench_module("run")
    with pytest.raises(SystemExit) as exited:
        bench.main(["--tiny", "--only", "standing,stnading"])
    assert (exited.value.code, capsys.readouterr().err.splitlines()[-1].split(": ", 1)[1]) == (
        2,
        "error: --only: unknown sections stnading; known: neo4j-load, catalogue-latency, view-timings, "
        "corpus-facts, standing, standing-latency, validate, cold-cli",
    )


def test_csv_cells_quote_values_and_leave_absent_ones_empty():
    bench_neo4j = _bench_module("bench_neo4j")
    cells = [bench_neo4j._csv_cell(v) for v in (None, 'say "no"', 3, 0.5, True, ["a", "b"], [1, 2])]
    assert cells == ['', '"say ""no"""', '"3"', '"0.5"', '"true"', '"a\x1fb"', '"1\x1f2"']


def test_a_value_with_a_backslash_is_refused_for_csv():
    bench_neo4j = _bench_module("bench_neo4j")
    with pytest.raises(ValueError, match="a backslash"):
        bench_neo4j._csv_cell("C:\\papers")


def test_load_csv_writes_one_file_per_label_set_and_type_and_converts_each_ontology_type(tmp_path: Path):
    from conftest import generated_graph

    from oversight.graph.neo4j_store import node_rows, relationship_rows

    bench_neo4j = _bench_module("bench_neo4j")
    graph = generated_graph(0)
    statements = bench_neo4j.csv_statements(graph, tmp_path, 500)
    files = sorted(p.name for p in tmp_path.iterdir())
    nodes, relationships = node_rows(graph), relationship_rows(graph)
    evidence = dict(statements)[f"relationships-{list(relationships).index('EVIDENCED_BY')}.csv"]
    assert (
        files,
        [name for name, _ in statements],
        evidence.splitlines()[0],
        evidence.splitlines()[-1],
        "line: toInteger(row.p" in evidence,
    ) == (
        sorted([f"nodes-{i}.csv" for i in range(len(nodes))] + [f"relationships-{i}.csv" for i in range(len(relationships))]),
        [f"nodes-{i}.csv" for i in range(len(nodes))] + [f"relationships-{i}.csv" for i in range(len(relationships))],
        "LOAD CSV WITH HEADERS FROM $url AS row",
        "} IN TRANSACTIONS OF 500 ROWS",
        True,
    )
