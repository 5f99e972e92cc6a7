"""One standing per finding on the seeds plus the example register: every surface agrees.

Run ``python tests/test_standing_seeds.py`` to print the README's table of the PEEL
2021/22 AFIs (the test below keeps the README's copy equal to it).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from oversight import api
from oversight.queries.runner import run_question

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import EXAMPLES, REPO, SEEDS, require  # noqa: E402

pytestmark = pytest.mark.seeds

PEEL_2021 = "kent-police/peel-2021-22"
README = REPO / "README.md"


def _build(store: Path) -> Any:
    api.ingest([*sorted(SEEDS.glob("*.txt")), EXAMPLES / "register.yaml"], store)
    return api.load(store)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require(SEEDS.is_dir() and any(SEEDS.glob("*.txt")), f"seed papers not found at {SEEDS}")
    path = tmp_path_factory.mktemp("standing-seeds") / "store"
    _build(path)
    return path


@pytest.fixture(scope="module")
def graph(store: Path) -> Any:
    return api.load(store)


def _afis(graph: Any) -> list[str]:
    return graph.out(PEEL_2021, "ISSUED")  # type: ignore[no-any-return]


def test_peel_2021_22_issued_nineteen_afis(graph: Any) -> None:
    assert len(_afis(graph)) == 19


def test_no_peel_2021_22_afi_is_left_open(graph: Any) -> None:
    # Seed 002: 14 closed, four of the five remaining superseded, one carried forward.
    assert [k for k in _afis(graph) if graph.node(k)["mayBeOpen"]] == []


def test_every_surface_gives_each_peel_2021_22_afi_one_outcome(graph: Any, store: Path) -> None:
    standing = {k: graph.node(k)["outcome"] for k in _afis(graph)}
    reconciled = {r["key"]: r["outcome"] for r in api.reconcile(store, PEEL_2021)[0]["findings"]}
    asked = {
        r["finding"]: r["outcome"]
        for r in run_question("inspection-outcomes", {"inspection": PEEL_2021}, graph=graph).rows
    }
    listed = {r["key"]: r["outcome"] for r in api.findings(store, inspection=PEEL_2021)}
    traced = {k: api.trace(store, k)["finding"]["outcome"] for k in standing}
    view = api.view(store, "inspection", PEEL_2021)
    shown = {
        key: dict(view.info[key]["facts"])["outcome"].split(" (")[0] for key in standing if key in view.info
    }
    assert reconciled == asked == listed == traced == shown == standing


def test_outcome_counts_agree_with_the_outcomes(graph: Any) -> None:
    counted = {
        r["outcome"]: r["findings"]
        for r in run_question("inspection-outcome-counts", {"inspection": PEEL_2021}, graph=graph).rows
    }
    assert counted == dict(Counter(graph.node(k)["outcome"] for k in _afis(graph)))


def test_outcome_counts_report_the_stated_counts_beside_the_identified(graph: Any) -> None:
    stated = {
        r["outcome"]: r["stated"]
        for r in run_question("inspection-outcome-counts", {"inspection": PEEL_2021}, graph=graph).rows
    }
    assert (stated["closed"], stated["superseded"], stated["carried-forward"]) == (14, 4, 1)


def test_the_inspection_view_title_counts_the_outcomes(graph: Any, store: Path) -> None:
    counts = Counter(graph.node(k)["outcome"] for k in _afis(graph))
    view = api.view(store, "inspection", PEEL_2021)
    assert all(f"{n} {o}" in view.subtitle for o, n in counts.items())


def test_trace_shows_the_outcome_not_a_contradicting_status(store: Path) -> None:
    finding = api.trace(store, f"{PEEL_2021}/afi-05")["finding"]
    assert (finding["outcome"], finding["basis"]) == ("superseded", "recorded")


def test_overdue_on_31_january_2024_holds_only_what_the_papers_leave_open_and_past_due(graph: Any) -> None:
    rows = run_question("overdue-findings", {"asOf": "2024-01-31"}, graph=graph).rows
    assert [(r["finding"], r["due"], r["dueSource"], r["status"]) for r in rows] == [
        ("kent-police/board/performance-and-delivery-board/meeting/2023-03-15/action-01", "2023-06-07", "deadline", "open"),
        ("kent-police/board/performance-and-delivery-board/meeting/2023-03-15/action-02", "2023-06-07", "deadline", "open"),
    ]


def test_overdue_rows_say_why_they_still_stand(graph: Any) -> None:
    rows = run_question("overdue-findings", {"asOf": "2024-01-31"}, graph=graph).rows
    assert all(r["reason"].startswith("latest status open") and "line" in r["reason"] for r in rows)


def test_no_signed_off_audit_recommendation_is_overdue(graph: Any) -> None:
    rows = run_question("overdue-findings", {"asOf": "2024-01-31"}, graph=graph).rows
    assert [r["finding"] for r in rows if r["kind"] == "AuditRecommendation"] == []


def readme_table(graph: Any) -> str:
    """The README's table: each PEEL 2021/22 AFI with its outcome and how it is known."""
    lines = [
        "| AFI | area | outcome | how it is known |",
        "|---|---|---|---|",
    ]
    for key in _afis(graph):
        node = graph.node(key)
        areas = graph.out(key, "IN_AREA")
        area = graph.node(areas[0]).get("name") if areas else ""
        possible = node["outcomePossible"]
        outcome = node["outcome"] if node["outcome"] != "unknown" else "unknown: " + " or ".join(possible)
        lines.append(f"| {node.get('number')} | {area} | {outcome} | {node['outcomeBasis']} |")
    return "\n".join(lines) + "\n"


def readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- standing-table -->\n") + len("<!-- standing-table -->\n")
    end = text.index("<!-- /standing-table -->", start)
    return text[start:end]


def test_the_readme_table_of_peel_2021_22_outcomes_is_generated_from_the_graph(graph: Any) -> None:
    assert readme_section() == readme_table(graph)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(readme_table(_build(Path(tmp) / "store")), end="")


@pytest.mark.neo4j
def test_the_server_gives_each_peel_2021_22_afi_the_same_outcome_and_counts(graph: Any, neo4j_store: Any) -> None:
    neo4j_store.load(graph, wipe=True)
    asked = {
        r["finding"]: (r["outcome"], r["basis"])
        for r in run_question("inspection-outcomes", {"inspection": PEEL_2021}, store=neo4j_store).rows
    }
    counted = run_question("inspection-outcome-counts", {"inspection": PEEL_2021}, store=neo4j_store).rows
    embedded = run_question("inspection-outcome-counts", {"inspection": PEEL_2021}, graph=graph).rows
    standing = {k: (graph.node(k)["outcome"], graph.node(k)["outcomeBasis"]) for k in _afis(graph)}
    assert (asked, counted) == (standing, embedded)


@pytest.mark.neo4j
def test_the_server_lists_the_same_overdue_rows(graph: Any, neo4j_store: Any) -> None:
    neo4j_store.load(graph, wipe=True)
    server = run_question("overdue-findings", {"asOf": "2024-01-31"}, store=neo4j_store).rows
    assert server == run_question("overdue-findings", {"asOf": "2024-01-31"}, graph=graph).rows
