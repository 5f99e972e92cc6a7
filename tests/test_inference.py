"""Inferred supersession: suggestions only where no outcome is stated, never against a stated fact."""

from __future__ import annotations

from graphs import RoundsBuilder
from oversight.graph.inference import add_inferred_supersession, supersession_candidates

OLD, NEW = "kent-police/peel-2021-22", "kent-police/peel-2023-25"
ADVICE_OLD = "Make sure call takers give advice on the preservation of evidence and crime prevention"
ADVICE_NEW = "Improve the crime prevention and evidence preservation advice call takers give to callers"
OTHER_NEW = "Answer emergency calls within ten seconds"


def two_rounds(area_old: str | None = "responding", area_new: str | None = "responding") -> tuple[RoundsBuilder, str, str, str]:
    b = RoundsBuilder()
    old = b.finding(OLD, "afi-05", ADVICE_OLD, area_old)
    new = b.finding(NEW, "afi/responding-01", ADVICE_NEW, area_new)
    other = b.finding(NEW, "afi/responding-02", OTHER_NEW, area_new)
    return b, old, new, other


def test_a_similar_later_finding_in_the_same_area_is_proposed() -> None:
    b, old, new, _ = two_rounds()
    b.status(old, "2023-04-18", "in-progress", "amber")
    [candidate] = supersession_candidates(b.g)
    assert (candidate.earlier, candidate.later, candidate.confidence) == (old, new, 0.92)


def test_the_reason_names_area_similarity_and_status() -> None:
    b, old, _, _ = two_rounds()
    b.status(old, "2023-04-18", "in-progress", "amber")
    [candidate] = supersession_candidates(b.g)
    assert candidate.reason == (
        "inferred: same area (responding); text similarity 0.56; earlier finding still in-progress on 2023-04-18 "
        "and given no outcome by any paper; the stated counts leave superseded possible; issued 2023-11-17, after 2022-04-28"
    )


def test_a_finding_a_paper_says_was_closed_gets_no_candidate() -> None:
    b, old, _, _ = two_rounds()
    b.status(old, "2024-01-31", "closed")
    assert supersession_candidates(b.g) == []


def test_a_finding_in_another_area_is_not_proposed() -> None:
    b, _, _, _ = two_rounds(area_new="investigating")
    assert supersession_candidates(b.g) == []


def test_a_finding_of_another_force_is_not_proposed() -> None:
    b = RoundsBuilder()
    b.finding(OLD, "afi-05", ADVICE_OLD, "responding")
    b.finding("essex-police/peel-2023-25", "afi/responding-01", ADVICE_NEW, "responding")
    assert supersession_candidates(b.g) == []


def test_a_recommendation_does_not_supersede_an_area_for_improvement() -> None:
    b = RoundsBuilder()
    b.finding(OLD, "afi-05", ADVICE_OLD, "responding")
    b.finding(NEW, "rec-01", ADVICE_NEW, "responding", kind="Recommendation")
    assert supersession_candidates(b.g) == []


def test_a_stated_link_wins_and_no_inferred_duplicate_is_added() -> None:
    b, old, new, _ = two_rounds()
    b.supersedes(new, old, "stated")
    add_inferred_supersession(b.g)
    assert [(e["source"], e["basis"]) for e in b.g.edges(type="SUPERSEDES")] == [(new, "stated")]


def test_a_candidate_beyond_the_stated_count_of_superseded_findings_is_dropped() -> None:
    b, old, new, _ = two_rounds()
    other_old = b.finding(OLD, "afi-06", "Better manage the response to incidents", "responding")
    b.supersedes(new, other_old, "register")
    b.stated_count(OLD, "superseded", 1)
    assert supersession_candidates(b.g) == []


def test_no_candidate_in_an_area_a_paper_says_was_closed_in_full() -> None:
    b, _, _, _ = two_rounds()
    b.stated_count(OLD, "closed", 1, 1, area="responding")
    assert supersession_candidates(b.g) == []


def test_inferred_links_are_added_with_basis_confidence_and_reason() -> None:
    b, old, new, _ = two_rounds()
    add_inferred_supersession(b.g)
    [edge] = list(b.g.edges(type="SUPERSEDES"))
    assert (edge["source"], edge["target"], edge["basis"], edge["confidence"], "evidenceDocuments" in edge) == (new, old, "inferred", 0.86, False)


def test_the_only_outcome_the_counts_leave_raises_the_confidence() -> None:
    b, old, new, other = two_rounds()
    b.stated_count(OLD, "superseded", 1)
    [candidate] = supersession_candidates(b.g)
    assert (candidate.confidence, candidate.reason.split("; ")[-2]) == (
        0.94,
        "the stated counts leave it no outcome but superseded",
    )


def test_a_finding_whose_text_was_lost_is_compared_on_its_recorded_actions() -> None:
    b = RoundsBuilder()
    old = f"{OLD}/afi-14"
    b.g.add_node(old, "AreaForImprovement", {"missing": ["text"]}, b.ev())
    b.g.add_edge(OLD, "ISSUED", old, {}, b.ev())
    b.g.add_node("area/pvp", "AssessmentArea", {}, b.ev())
    b.g.add_edge(old, "IN_AREA", "area/pvp", {}, b.ev())
    status = f"{old}/status/2023-04-18"
    b.g.add_node(status, "StatusAssessment", {"date": "2023-04-18", "status": "in-progress", "actionsTaken": "More protective orders sought for victims of domestic abuse"}, b.ev())
    b.g.add_edge(old, "HAS_STATUS", status, {}, b.ev())
    new = b.finding(NEW, "afi/pvp-01", "Make sure protective orders are sought for every victim of domestic abuse", "pvp")
    [candidate] = supersession_candidates(b.g)
    assert (candidate.later, "compared on its recorded actions: its text was lost" in candidate.reason) == (new, True)
