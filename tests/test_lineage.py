"""Lineage and trace: both directions, transitively, every hop with its basis and evidence."""

from __future__ import annotations

import pytest

from graphs import RoundsBuilder
from oversight.errors import UnknownKey
from oversight.queries.lineage import lineage, supersession_chain, trace

OLD, NEW = "kent-police/peel-2021-22", "kent-police/peel-2023-25"


def three_rounds() -> RoundsBuilder:
    b = RoundsBuilder()
    b.g.add_node("kent-police/peel-2017", "Inspection", {"published": "2018-03"}, b.ev())
    a = b.finding("kent-police/peel-2017", "afi-01", "Complete investigations to a good standard")
    c = b.finding(OLD, "afi-09", "Allocate and investigate crimes in a timely manner")
    d = b.finding(NEW, "afi/investigating-crime-01", "Investigate crime in a timely way")
    b.supersedes(c, a, "register", assertedBy="Lead", assertedOn="2024-02-01")
    b.supersedes(d, c, "inferred", confidence=0.62, reason="inferred: same area")
    b.status(c, "2023-04-18", "in-progress", "amber")
    b.status(c, "2022-12-06", "open")
    return b


def test_the_chain_runs_both_ways_and_oldest_first() -> None:
    assert supersession_chain(three_rounds().g, f"{OLD}/afi-09") == [
        "kent-police/peel-2017/afi-01",
        f"{OLD}/afi-09",
        f"{NEW}/afi/investigating-crime-01",
    ]


def test_stated_only_leaves_the_inferred_hop_out() -> None:
    assert supersession_chain(three_rounds().g, f"{OLD}/afi-09", stated_only=True) == ["kent-police/peel-2017/afi-01", f"{OLD}/afi-09"]


def test_a_hop_carries_basis_confidence_date_and_evidence() -> None:
    hop = lineage(three_rounds().g, f"{OLD}/afi-09")["supersedes"][0]
    assert {k: hop[k] for k in ("key", "basis", "confidence", "date", "depth", "via")} == {
        "key": "kent-police/peel-2017/afi-01",
        "basis": "register",
        "confidence": 1.0,
        "date": "2018-03",
        "depth": 1,
        "via": f"{OLD}/afi-09",
    }
    assert hop["evidence"][0]["quote"] == f"{OLD}/afi-09 replaces kent-police/peel-2017/afi-01"


def test_an_inferred_hop_says_so_and_gives_its_reason() -> None:
    hop = lineage(three_rounds().g, f"{OLD}/afi-09")["supersededBy"][0]
    assert (hop["basis"], hop["confidence"], hop["evidence"]) == ("inferred", 0.62, [{"inference": "inferred: same area"}])


def test_lineage_is_transitive() -> None:
    result = lineage(three_rounds().g, f"{NEW}/afi/investigating-crime-01")
    assert [(h["key"], h["depth"]) for h in result["supersedes"]] == [(f"{OLD}/afi-09", 1), ("kent-police/peel-2017/afi-01", 2)]


def test_trace_has_the_documented_shape_and_history_in_date_order() -> None:
    result = trace(three_rounds().g, f"{OLD}/afi-09")
    assert (list(result), [h["date"] for h in result["history"]]) == (
        ["root", "finding", "supersedes", "supersededBy", "history", "owners", "boards"],
        ["2022-12-06", "2023-04-18"],
    )


def test_trace_of_an_unknown_key_raises_unknown_key() -> None:
    with pytest.raises(UnknownKey, match="kent-police/peel-2021-22/afi-99: no such node"):
        trace(three_rounds().g, f"{OLD}/afi-99")


def test_trace_of_a_node_that_is_not_a_finding_says_what_it_is() -> None:
    with pytest.raises(UnknownKey, match="kent-police: no such node \\(Force, not a finding\\)"):
        trace(three_rounds().g, "kent-police")
