"""Oversight reached through an improvement plan, never dressed as stated per finding."""

from __future__ import annotations

from oversight.graph.accountability import add_plan_oversight
from oversight.graph.model import OversightGraph
from oversight.loaders.models import Evidence

DOC = "document/a"


def ev(line: int, quote: str = "stated") -> Evidence:
    return Evidence(document=DOC, line=line, quote=quote)


def planned() -> OversightGraph:
    g = OversightGraph()
    g.add_node(DOC, "Document", {"sha256": "0" * 64})
    g.add_node("k/peel", "Inspection", {}, ev(1))
    for n in (1, 2):
        g.add_node(f"k/peel/afi-0{n}", "AreaForImprovement", {"number": n}, ev(n + 1))
        g.add_edge("k/peel", "ISSUED", f"k/peel/afi-0{n}", {}, ev(n + 1))
    for key, label in (("k/plan/p", "ImprovementPlan"), ("k/board/fidb", "Board"), ("k/board/qb", "Board")):
        g.add_node(key, label, {}, ev(9))
    g.add_edge("k/plan/p", "ADDRESSES", "k/peel", {}, ev(8, "a new plan"))
    g.add_edge("k/plan/p", "OVERSEEN_BY", "k/board/fidb", {}, ev(9, "monitored via the FIDB"))
    return g


def test_each_finding_the_plan_addresses_is_overseen_by_the_plans_board_via_the_plan():
    g = planned()
    add_plan_oversight(g)
    assert [
        (e["source"], e["target"], e["via"], e["confidence"], e["evidenceLines"])
        for e in g.edges(type="OVERSEEN_BY")
        if e["source"] != "k/plan/p"
    ] == [
        ("k/peel/afi-01", "k/board/fidb", "plan", 0.9, [8, 9]),
        ("k/peel/afi-02", "k/board/fidb", "plan", 0.9, [8, 9]),
    ]


def test_a_finding_a_paper_already_links_to_the_board_keeps_its_stated_link():
    g = planned()
    g.add_edge("k/peel/afi-01", "OVERSEEN_BY", "k/board/fidb", {}, ev(2, "overseen by the FIDB"))
    add_plan_oversight(g)
    edge = next(g.edges(type="OVERSEEN_BY", source="k/peel/afi-01"))
    assert ("via" in edge, edge["evidenceLines"]) == (False, [2])


def test_a_finding_carried_into_the_plan_is_overseen_through_it():
    g = planned()
    g.add_node("k/old", "Inspection", {}, ev(1))
    g.add_node("k/old/afi-07", "AreaForImprovement", {"number": 7}, ev(5))
    g.add_edge("k/old", "ISSUED", "k/old/afi-07", {}, ev(5))
    g.add_edge("k/old/afi-07", "CARRIED_FORWARD_TO", "k/plan/p", {}, ev(6, "carried into the new plan"))
    add_plan_oversight(g)
    assert g.out("k/old/afi-07", "OVERSEEN_BY") == ["k/board/fidb"]


def test_a_plan_no_board_oversees_adds_nothing():
    g = planned()
    g.remove_edge("k/plan/p", "OVERSEEN_BY", "k/board/fidb")
    add_plan_oversight(g)
    assert list(g.edges(type="OVERSEEN_BY")) == []
