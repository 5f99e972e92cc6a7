"""Acceptance on the seeds plus examples/register.yaml: closure accounting and lineage of PEEL 2021/22."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oversight import api
from oversight.graph.model import OversightGraph

REGISTER = Path(__file__).resolve().parents[1] / "examples" / "register.yaml"
OLD = "kent-police/peel-2021-22"


@pytest.fixture(scope="module")
def graph(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> OversightGraph:
    store = tmp_path_factory.mktemp("store")
    report = api.ingest([seeds, REGISTER], store)
    assert report.problems == []
    return api.load(store)


@pytest.fixture(scope="module")
def report(graph: OversightGraph) -> dict:  # type: ignore[type-arg]
    [result] = api.reconcile(graph, OLD)
    return result


def test_reconcile_lists_the_19_findings_of_peel_2021_22(report: dict) -> None:  # type: ignore[type-arg]
    assert [r["number"] for r in report["findings"]] == list(range(1, 20))


def test_the_stated_counts_are_14_closed_4_superseded_1_carried_forward(report: dict) -> None:  # type: ignore[type-arg]
    whole = {s["outcome"]: s["stated"] for s in report["statements"] if s["area"] is None}
    assert whole == {"carried-forward": 1, "closed": 14, "superseded": 4}


def test_afi_1_on_protected_characteristics_is_carried_forward(report: dict) -> None:  # type: ignore[type-arg]
    row = report["findings"][0]
    # the paper describes it ("the remaining AFI in respect of … protected characteristics … carried
    # across"): matched to AFI 1 by its wording, so inferred, with the score in the reason
    assert (row["outcome"], row["basis"], "inferred by matching its wording" in row["how"]) == ("carried-forward", "inferred", True)


def test_the_outcomes_the_counts_settle_and_how(report: dict) -> None:  # type: ignore[type-arg]
    settled = {r["number"]: (r["outcome"], r["basis"]) for r in report["findings"] if r["basis"] != "unknown"}
    assert settled == {
        1: ("carried-forward", "inferred"),
        3: ("closed", "deduced"),
        4: ("closed", "deduced"),
        5: ("superseded", "recorded"),
        6: ("closed", "deduced"),
        7: ("closed", "deduced"),
        14: ("superseded", "inferred"),
        15: ("closed", "inferred"),
        16: ("closed", "deduced"),
        17: ("closed", "deduced"),
        18: ("closed", "deduced"),
    }


def test_reconcile_names_exactly_the_findings_left_unaccounted_for(report: dict) -> None:  # type: ignore[type-arg]
    assert (report["reconciles"], [k.rsplit("/", 1)[1] for k in report["unaccounted"]], report["discrepancies"]) == (
        False,
        ["afi-02", "afi-08", "afi-09", "afi-10", "afi-11", "afi-12", "afi-13", "afi-19"],
        [],
    )


def test_what_remains_to_settle_is_stated_per_count(report: dict) -> None:  # type: ignore[type-arg]
    assert [(t["outcome"], t["area"], t["still"], len(t["among"])) for t in report["toSettle"]] == [
        ("closed", None, 6, 8),
        ("superseded", None, 2, 8),
        ("closed", "Investigating crime", 5, 6),
    ]


def test_trace_of_afi_5_shows_its_peel_2023_25_successor_in_responding_to_the_public(graph: OversightGraph) -> None:
    result = api.trace(graph, f"{OLD}/afi-05")
    [hop] = result["supersededBy"]
    assert (hop["key"], hop["basis"], hop["date"], hop["evidence"][0]["path"].endswith("register.yaml")) == (
        "kent-police/peel-2023-25/afi/responding-to-the-public-04",
        "register",
        "2023-11-17",
        True,
    )


def test_the_successor_of_afi_14_is_inferred_and_labelled_so(graph: OversightGraph) -> None:
    [hop] = api.trace(graph, f"{OLD}/afi-14")["supersededBy"]
    assert (hop["key"], hop["basis"], hop["confidence"] < 1, hop["evidence"][0]["inference"].startswith("inferred: same area")) == (
        "kent-police/peel-2023-25/afi/protecting-vulnerable-people-01",
        "inferred",
        True,
        True,
    )


def test_stated_only_trace_leaves_the_inferred_successor_out(graph: OversightGraph) -> None:
    assert api.trace(graph, f"{OLD}/afi-14", stated_only=True)["supersededBy"] == []


def test_the_seeds_and_register_validate_without_violations(graph: OversightGraph) -> None:
    assert api.validate(graph) == []


def test_every_peel_2021_22_afi_has_an_accountability_chain_to_the_pcc_and_the_panel(graph: OversightGraph) -> None:
    from oversight.queries.governance import accountability_chain

    ends = {
        f"{OLD}/afi-{n:02d}": sorted({row["end"] for row in accountability_chain(graph, f"{OLD}/afi-{n:02d}")})
        for n in range(1, 20)
    }
    assert ends == {
        key: ["kent-police/board/police-and-crime-panel", "kent-police/post/police-and-crime-commissioner"]
        for key in ends
    }


def test_the_shortest_chain_runs_through_the_board_its_report_to_the_chief_constable_and_the_pcc(
    graph: OversightGraph,
) -> None:
    from oversight.queries.governance import accountability_chain

    first = accountability_chain(graph, f"{OLD}/afi-07")[0]
    assert (first["path"], first["hops"]) == (
        [
            f"{OLD}/afi-07",
            "kent-police/board/future-improvement-and-development-board",
            "kent-police/post/chief-constable",
            "kent-police/post/police-and-crime-commissioner",
        ],
        ["OVERSEEN_BY", "REPORTS_TO", "ACCOUNTABLE_TO"],
    )


def test_each_link_of_the_chain_cites_the_papers(graph: OversightGraph) -> None:
    links = [
        ("kent-police/board/future-improvement-and-development-board", "REPORTS_TO", "kent-police/post/chief-constable"),
        ("kent-police/post/police-and-crime-commissioner", "REPORTS_TO", "kent-police/board/police-and-crime-panel"),
    ]
    assert [
        next(graph.edges(type=t, source=s, target=e))["evidenceLines"] for s, t, e in links
    ] == [[53], [13, 21]]


def test_a_vetting_afi_is_found_under_its_peel_2023_25_key(graph: OversightGraph) -> None:
    result = api.trace(graph, "kent-police/peel-2023-25/afi/workforce-corruption-02")
    assert result["root"] == "kent-police/vetting-and-counter-corruption/afi/workforce-corruption-02"


# -- the seeds alone (no register): the successor of PEEL 2021/22 AFI 5 is suggested ----------

P23 = "kent-police/peel-2023-25"


@pytest.fixture(scope="module")
def alone_store(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("alone")
    report = api.ingest([seeds], store)
    assert report.problems == []
    return store


@pytest.fixture(scope="module")
def alone(alone_store: Path) -> OversightGraph:
    return api.load(alone_store)


def test_on_the_seeds_alone_afi_5_is_suggested_the_fourth_2023_25_afi_in_responding_to_the_public(
    alone: OversightGraph,
) -> None:
    [hop] = api.trace(alone, f"{OLD}/afi-05")["supersededBy"]
    assert (hop["key"], hop["basis"], hop["confidence"]) == (f"{P23}/afi/responding-to-the-public-04", "inferred", 0.83)


def test_the_suggestion_cites_the_january_2024_paper_s_passage_on_call_takers_advice_and_the_afi_s_wording(
    alone: OversightGraph, seed_paths: dict[str, Path]
) -> None:
    [hop] = api.trace(alone, f"{OLD}/afi-05")["supersededBy"]
    cited = [(Path(e["path"]).name, e["line"]) for e in hop["evidence"] if "line" in e]
    assert cited == [(seed_paths["002"].name, 62), (seed_paths["001"].name, 115)]


def test_the_suggestion_s_reason_says_how_the_passage_placed_and_described_it(alone: OversightGraph) -> None:
    [hop] = api.trace(alone, f"{OLD}/afi-05")["supersededBy"]
    assert hop["evidence"][-1]["inference"].split("; ")[:3] == [
        "inferred: area not recorded",
        "placed in Responding to the public by the later paper's passage on work there (line 62)",
        "the later finding is counted but not described",
    ]


def test_on_the_seeds_alone_the_suggestion_never_decides_the_outcome(alone: OversightGraph) -> None:
    [result] = api.reconcile(alone, OLD)
    row = next(r for r in result["findings"] if r["number"] == 5)
    assert (row["outcome"], row["basis"]) == ("unknown", "unknown")


def test_on_the_seeds_alone_the_stated_only_trace_of_afi_5_has_no_successor(alone: OversightGraph) -> None:
    assert api.trace(alone, f"{OLD}/afi-05", stated_only=True)["supersededBy"] == []


def test_on_the_seeds_alone_the_only_supersession_is_that_suggestion(alone: OversightGraph) -> None:
    links = [(e["source"], e["target"], e["basis"]) for e in alone.edges(type="SUPERSEDES")]
    assert links == [(f"{P23}/afi/responding-to-the-public-04", f"{OLD}/afi-05", "inferred")]


def test_trace_on_the_command_line_shows_the_inferred_successor_and_its_line(alone_store: Path) -> None:
    from typer.testing import CliRunner

    from oversight.cli import app

    result = CliRunner().invoke(app, ["trace", f"{OLD}/afi-05", "--store", str(alone_store), "--json"], env={"OVERSIGHT_STORE": ""})
    [hop] = json.loads(result.stdout)["supersededBy"]
    assert (result.exit_code, hop["key"], hop["basis"], hop["evidence"][0]["line"]) == (
        0, f"{P23}/afi/responding-to-the-public-04", "inferred", 62,
    )
