"""Inferred supersession: suggestions only where no outcome is stated, never against a stated fact."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graphs import RoundsBuilder
from oversight import api
from oversight.graph.inference import add_inferred_supersession, supersession_candidates
from oversight.synth import generate
from oversight.synth.score import score_inferred

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
    assert (edge["source"], edge["target"], edge["basis"], edge["confidence"]) == (new, old, "inferred", 0.86)


def test_a_link_inferred_from_the_findings_wordings_cites_no_line_of_its_own() -> None:
    b, _, _, _ = two_rounds()
    add_inferred_supersession(b.g)
    [edge] = list(b.g.edges(type="SUPERSEDES"))
    assert sorted(k for k in edge if k.startswith("evidence")) == []


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


def test_only_the_next_round_is_searched_for_a_successor() -> None:
    b, old, _, _ = two_rounds()
    b.g.add_node("kent-police/peel-2025-27", "Inspection", {"published": "2026-03-01"}, b.ev())
    b.g.add_edge("kent-police/peel-2025-27", "INSPECTED", "kent-police", {}, b.ev())
    b.finding("kent-police/peel-2025-27", "afi-01", ADVICE_OLD, "responding")
    assert [c.later for c in supersession_candidates(b.g) if c.earlier == old] == [f"{NEW}/afi/responding-01"]


def test_a_finding_reported_complete_gets_no_candidate_for_a_loosely_worded_successor() -> None:
    b = RoundsBuilder()
    old = b.finding(OLD, "afi-06", "Better manage the response to incidents so that attendance is timely", "responding")
    b.finding(NEW, "afi/responding-01", "Improve how incidents are managed by the control room", "responding")
    b.status(old, "2023-04-18", "completed", "green")
    assert supersession_candidates(b.g) == []


def test_each_earlier_finding_keeps_only_its_best_candidate() -> None:
    b, old, new, _ = two_rounds()
    b.finding(NEW, "afi/responding-03", "Make sure callers are given advice on crime prevention", "responding")
    assert [c.later for c in supersession_candidates(b.g)] == [new]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The claim of bench/run.py's inferred-supersession section, in small: on a generated corpus
    (4 forces x 4 rounds), the suggestions against the chains no paper states."""
    out = tmp_path_factory.mktemp("synth") / "four"
    generate(out, forces=4, rounds=4, seed=1)
    api.ingest([out / "corpus"], out / "store")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return score_inferred(api.load(out / "store").to_node_link(), manifest["unstated"])


@pytest.mark.slow
def test_on_a_synthetic_corpus_precision_is_at_least_0_8(synthetic: dict[str, Any]) -> None:
    assert (synthetic["chains"], synthetic["precision"] >= 0.8) == (10, True)


@pytest.mark.slow
def test_on_a_synthetic_corpus_recall_is_at_least_0_8(synthetic: dict[str, Any]) -> None:
    assert (synthetic["chains"], synthetic["recall"] >= 0.8) == (10, True)
