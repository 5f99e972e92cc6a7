"""Acceptance on seed 002: a paper that states its period but no date is dated by the end of the period.

Seed 002 (the Chief Constable's inspections-and-audits paper) states no date of
its own but says, on line 7, that it covers "the period November 2023 to
January 2024": its date is deduced as 2024-01 and the statuses and counts it
gives are keyed and dated by it, so they take their place in the history.
"""

from __future__ import annotations

import pytest

from oversight.graph.model import OversightGraph
from oversight.graph.status import current_status

VETTING = "kent-police/vetting-and-counter-corruption"
PEEL = "kent-police/peel-2023-25"
OLD = "kent-police/peel-2021-22"
PERIOD = "date: the end of the period the paper covers, 'period November 2023 to January 2024' (line 7)"


@pytest.fixture(scope="module")
def document(seed_graph: OversightGraph) -> dict:  # type: ignore[type-arg]
    [node] = [n for n in seed_graph.nodes("Document") if n["path"].endswith("002_8b997dc97057f2eb.txt")]
    return node


def test_seed_002_is_dated_by_the_end_of_its_period_deduced_with_the_line(document: dict) -> None:  # type: ignore[type-arg]
    assert (document["date"], document["dateBasis"], document["dateLine"]) == ("2024-01", "deduced", 7)


def test_seed_000_date_is_recorded_as_stated_with_the_line(seed_graph: OversightGraph) -> None:
    [node] = [n for n in seed_graph.nodes("Document") if n["path"].endswith("000_29553d6a39e4881e.txt")]
    assert (node["date"], node["dateBasis"], node["dateLine"]) == ("2021-12-01", "stated", 9)


def test_the_vetting_afi_statuses_of_seed_002_are_keyed_and_dated_by_the_deduced_date(seed_graph: OversightGraph) -> None:
    rows = [
        (s, seed_graph.node(s)["status"], seed_graph.node(s)["date"], seed_graph.node(s)["deducedFrom"])
        for n in (1, 2)
        for s in seed_graph.out(f"{VETTING}/afi/workforce-corruption-0{n}", "HAS_STATUS")
        if seed_graph.node(s).get("deducedFrom")
    ]
    assert rows == [
        (f"{PEEL}/afi/workforce-corruption-01/status/2024-01", "in-progress", "2024-01", [PERIOD]),
        (f"{PEEL}/afi/workforce-corruption-02/status/2024-01", "discharged", "2024-01", [PERIOD]),
    ]


def test_a_status_seed_002_gives_counts_as_the_latest(seed_graph: OversightGraph) -> None:
    # the AFI is one node under the vetting inspection (its PEEL 2023/25 key an alias): seed 002's
    # dated status (2024-01) is later than seed 003's (2023-03-15)
    latest = current_status(seed_graph, f"{VETTING}/afi/workforce-corruption-02")
    assert (latest["key"], latest["status"]) == (f"{PEEL}/afi/workforce-corruption-02/status/2024-01", "discharged")


def test_the_peel_2021_22_counts_of_seed_002_are_keyed_and_dated_by_the_deduced_date(seed_graph: OversightGraph) -> None:
    counts = sorted(
        (k.rsplit("/", 1)[1], seed_graph.node(k)["date"])
        for k in seed_graph.out(OLD, "HAS_STATED_COUNT")
        if k.rsplit("/", 1)[1].startswith("2024-01")
    )
    assert counts == [
        ("2024-01-carried-forward", "2024-01"),
        ("2024-01-closed", "2024-01"),
        ("2024-01-closed-investigating-crime", "2024-01"),
        ("2024-01-closed-managing-offenders", "2024-01"),
        ("2024-01-closed-preventing-crime", "2024-01"),
        ("2024-01-closed-protecting-vulnerable-people", "2024-01"),
        ("2024-01-closed-responding-to-the-public", "2024-01"),
        ("2024-01-superseded", "2024-01"),
    ]


def test_no_status_on_the_seeds_is_left_undated(seed_graph: OversightGraph) -> None:
    assert [n["key"] for n in seed_graph.nodes("StatusAssessment") if "date" not in n] == []
