"""The identity stage: one node per real finding, unclear matches kept as suggestions."""

from __future__ import annotations

import pytest

from oversight.errors import UnknownKey
from oversight.graph.identity import canonical_key, identity_matches, resolve_identities
from oversight.graph.model import OversightGraph
from oversight.graph.validate import validate
from oversight.loaders.models import Evidence
from oversight.queries.lineage import trace

DOC = "document/a"
PEEL = "k/peel-2023-25"
VET = "k/vetting"


def ev(line: int, quote: str = "stated", document: str = DOC) -> Evidence:
    return Evidence(document=document, line=line, quote=quote)


def base() -> OversightGraph:
    g = OversightGraph()
    for doc in (DOC, "document/b"):
        g.add_node(doc, "Document", {"sha256": "0" * 64})
    g.add_node("area/vetting", "AssessmentArea", {"name": "Vetting"}, ev(1))
    g.add_node("area/other", "AssessmentArea", {"name": "Other"}, ev(1))
    for inspection in (PEEL, VET):
        g.add_node(inspection, "Inspection", {}, ev(1))
    return g


def afi(g: OversightGraph, key: str, issuer: str, number: int, text: str, line: int, area: str = "area/vetting",
        document: str = DOC) -> None:
    g.add_node(key, "AreaForImprovement", {"number": number, "text": text}, ev(line, text, document))
    g.add_edge(issuer, "ISSUED", key, {}, ev(line, text, document))
    g.add_edge(key, "IN_AREA", area, {}, ev(line, text, document))


def status(g: OversightGraph, finding: str, tail: str, value: str, line: int, document: str = DOC) -> None:
    key = f"{finding}/status/{tail}"
    g.add_node(key, "StatusAssessment", {"status": value}, ev(line, value, document))
    g.add_edge(finding, "HAS_STATUS", key, {}, ev(line, value, document))


def restated() -> OversightGraph:
    """A paper lists the vetting inspection's AFI 1 under PEEL, in other words; a second paper gives its status."""
    g = base()
    afi(g, f"{PEEL}/afi/vetting-01", PEEL, 1, "the management of vetting clearance", 10)
    afi(g, f"{VET}/afi/vetting-01", VET, 1, "officers in posts without enhanced vetting", 20, document="document/b")
    g.add_edge(f"{PEEL}/afi/vetting-01", "SAME_AS", f"{VET}/afi/vetting-01", {"basis": "stated"}, ev(10, "two AFIs"))
    status(g, f"{PEEL}/afi/vetting-01", "undated", "discharged", 12)
    status(g, f"{VET}/afi/vetting-01", "2023-03-15", "in-progress", 21, "document/b")
    return g


class TestMerge:
    def test_a_stated_restatement_in_the_same_area_and_place_is_merged_into_its_own_issuers_key(self):
        g = restated()
        resolve_identities(g)
        assert (g.keys("Finding"), g.node(f"{VET}/afi/vetting-01")["aliasKeys"]) == (
            [f"{VET}/afi/vetting-01"],
            [f"{PEEL}/afi/vetting-01"],
        )

    def test_the_merged_node_keeps_both_statuses_in_its_history(self):
        g = restated()
        resolve_identities(g)
        assert sorted(g.node(s)["status"] for s in g.out(f"{VET}/afi/vetting-01", "HAS_STATUS")) == [
            "discharged",
            "in-progress",
        ]

    def test_the_merged_node_cites_both_papers(self):
        g = restated()
        resolve_identities(g)
        assert sorted({e["document"] for e in g.evidence(f"{VET}/afi/vetting-01")}) == [DOC, "document/b"]

    def test_the_merged_node_keeps_one_issuer_and_names_the_other_in_its_reasons(self):
        g = restated()
        resolve_identities(g)
        node = g.node(f"{VET}/afi/vetting-01")
        assert (g.into(f"{VET}/afi/vetting-01", "ISSUED"), node["aliasReasons"]) == (
            [VET],
            [
                f"{PEEL}/afi/vetting-01: confidence 0.84; a paper lists them as one ({DOC}#L10); "
                "same area; same number; wording similarity 0.09",
                f"{PEEL}/afi/vetting-01: listed under {PEEL}",
            ],
        )

    def test_the_kept_wording_is_the_issuers_own(self):
        g = restated()
        resolve_identities(g)
        assert g.node(f"{VET}/afi/vetting-01")["text"] == "officers in posts without enhanced vetting"

    def test_a_stated_link_between_different_areas_is_not_merged(self):
        g = base()
        afi(g, f"{PEEL}/afi/vetting-01", PEEL, 1, "the management of vetting clearance", 10, "area/other")
        afi(g, f"{VET}/afi/vetting-01", VET, 1, "officers in posts without enhanced vetting", 20)
        g.add_edge(f"{PEEL}/afi/vetting-01", "SAME_AS", f"{VET}/afi/vetting-01", {"basis": "stated"}, ev(10))
        resolve_identities(g)
        assert g.keys("Finding") == [f"{PEEL}/afi/vetting-01", f"{VET}/afi/vetting-01"]

    def test_validate_lists_a_stated_link_left_unmerged(self):
        g = base()
        afi(g, f"{PEEL}/afi/vetting-01", PEEL, 1, "the management of vetting clearance", 10, "area/other")
        afi(g, f"{VET}/afi/vetting-01", VET, 1, "officers in posts without enhanced vetting", 20)
        g.add_edge(f"{PEEL}/afi/vetting-01", "SAME_AS", f"{VET}/afi/vetting-01", {"basis": "stated"}, ev(10))
        resolve_identities(g)
        assert [v.message for v in validate(g, ["identity"])] == [
            f"may be the same finding as {VET}/afi/vetting-01 (stated, but their area or number disagree) "
            f"({DOC}#L10); not merged"
        ]

    def test_findings_of_different_inspections_with_no_stated_link_are_not_candidates(self):
        g = base()
        afi(g, f"{PEEL}/afi/vetting-01", PEEL, 1, "officers in posts without enhanced vetting", 10)
        afi(g, f"{VET}/afi/vetting-01", VET, 1, "officers in posts without enhanced vetting", 20)
        assert identity_matches(g) == []


class TestSameIssuer:
    """One report numbers its AFIs; a committee paper names one by its place in an area."""

    def both(self, restated_text: str) -> OversightGraph:
        g = base()
        afi(g, f"{PEEL}/afi-05", PEEL, 5, "call takers should give advice on preserving evidence", 10)
        afi(g, f"{PEEL}/afi/vetting-01", PEEL, 1, restated_text, 30)
        return g

    def test_the_same_wording_is_merged_into_the_reports_numbered_key(self):
        g = self.both("call takers should give advice on preserving evidence")
        resolve_identities(g)
        assert (g.keys("Finding"), g.node(f"{PEEL}/afi-05")["aliasKeys"]) == (
            [f"{PEEL}/afi-05"],
            [f"{PEEL}/afi/vetting-01"],
        )

    def test_other_wording_is_kept_as_two_nodes_with_an_inferred_suggestion(self):
        g = self.both("call handlers should give crime prevention advice")
        resolve_identities(g)
        edge = next(g.edges(type="SAME_AS"))
        assert (g.keys("Finding"), edge["source"], edge["target"], edge["basis"], edge["confidence"]) == (
            [f"{PEEL}/afi-05", f"{PEEL}/afi/vetting-01"],
            f"{PEEL}/afi-05",
            f"{PEEL}/afi/vetting-01",
            "inferred",
            0.73,
        )

    def test_validate_lists_the_suggestion_for_review(self):
        g = self.both("call handlers should give crime prevention advice")
        resolve_identities(g)
        assert [(v.focus, v.check, v.severity) for v in validate(g, ["identity"])] == [
            (f"{PEEL}/afi-05", "identity", "warning")
        ]

    def test_two_findings_numbered_the_same_way_are_never_one(self):
        g = base()
        afi(g, f"{PEEL}/afi-05", PEEL, 5, "call takers should give advice", 10)
        afi(g, f"{PEEL}/afi-06", PEEL, 6, "call takers should give advice", 11)
        assert identity_matches(g) == []


class TestAliasKeys:
    def test_an_alias_resolves_to_the_node_it_was_merged_into(self):
        g = restated()
        resolve_identities(g)
        assert canonical_key(g, f"{PEEL}/afi/vetting-01") == f"{VET}/afi/vetting-01"

    def test_an_unknown_key_is_refused(self):
        with pytest.raises(UnknownKey, match="afi-99"):
            canonical_key(restated(), f"{PEEL}/afi-99")

    def test_trace_accepts_an_alias_and_answers_for_the_node(self):
        g = restated()
        resolve_identities(g)
        result = trace(g, f"{PEEL}/afi/vetting-01")
        assert (result["root"], result["finding"]["aliasKeys"]) == (
            f"{VET}/afi/vetting-01",
            [f"{PEEL}/afi/vetting-01"],
        )

    def test_aliases_survive_the_node_link_round_trip(self):
        g = restated()
        resolve_identities(g)
        again = OversightGraph.from_node_link(g.to_node_link())
        assert again.node(f"{VET}/afi/vetting-01")["aliasKeys"] == [f"{PEEL}/afi/vetting-01"]
