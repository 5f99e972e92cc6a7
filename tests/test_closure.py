"""Closure accounting: stated counts reconciled with each finding's record; deductions explained."""

from __future__ import annotations

import pytest

from graphs import RoundsBuilder
from oversight.errors import UnknownKey
from oversight.graph.closure import solve
from oversight.queries.closure import reconcile

OLD, NEW = "kent-police/peel-2021-22", "kent-police/peel-2023-25"


def five_findings() -> tuple[RoundsBuilder, list[str]]:
    """Five AFIs: two in responding, three in investigating; the paper counts 3 closed, 1 superseded, 1 carried forward."""
    b = RoundsBuilder()
    keys = [
        b.finding(OLD, "afi-01", "Record victims' protected characteristics"),
        b.finding(OLD, "afi-02", "Identify repeat callers", "responding"),
        b.finding(OLD, "afi-03", "Give callers crime prevention advice", "responding"),
        b.finding(OLD, "afi-04", "Allocate crimes promptly", "investigating"),
        b.finding(OLD, "afi-05", "Plan investigations", "investigating"),
    ]
    b.stated_count(OLD, "closed", 3, 5)
    b.stated_count(OLD, "superseded", 1)
    b.stated_count(OLD, "carried-forward", 1)
    return b, keys


def test_recorded_outcomes_that_match_the_counts_reconcile() -> None:
    b, (a1, a2, a3, a4, a5) = five_findings()
    for key in (a2, a4, a5):
        b.status(key, "2024-01-31", "closed")
    b.status(a1, "2024-01-31", "carried-forward")
    successor = b.finding(NEW, "afi/responding-01", "Advice to callers", "responding")
    b.supersedes(successor, a3, "stated")
    report = reconcile(b.derived(), OLD)
    assert (report["totals"], report["reconciles"], report["discrepancies"]) == (
        {"closed": 3, "discharged": 0, "superseded": 1, "carried-forward": 1, "signed-off": 0, "open": 0, "unknown": 0},
        True,
        [],
    )


def test_the_last_finding_is_deduced_when_the_counts_leave_one_outcome() -> None:
    b, (a1, a2, a3, a4, a5) = five_findings()
    for key in (a2, a4, a5):
        b.status(key, "2024-01-31", "closed")
    b.status(a1, "2024-01-31", "carried-forward")
    closure = solve(b.g, OLD)
    assert closure.deduced == {a3: ("superseded", [f"{OLD}/count/carried-forward", f"{OLD}/count/closed"])}


def test_a_deduced_outcome_is_reported_as_deduced_not_as_recorded() -> None:
    b, (a1, a2, a3, a4, a5) = five_findings()
    for key in (a2, a4, a5):
        b.status(key, "2024-01-31", "closed")
    b.status(a1, "2024-01-31", "carried-forward")
    row = next(r for r in reconcile(b.derived(), OLD)["findings"] if r["key"] == a3)
    assert (row["outcome"], row["basis"], row["how"].split(":")[0], row["because"]) == (
        "superseded", "deduced", "superseded", [f"{OLD}/count/carried-forward", f"{OLD}/count/closed"],
    )


def test_findings_the_counts_cannot_tell_apart_are_named_as_unaccounted() -> None:
    b, (a1, a2, a3, a4, a5) = five_findings()
    b.status(a1, "2024-01-31", "carried-forward")
    b.stated_count(OLD, "closed", 1, 2, area="responding")
    report = reconcile(b.derived(), OLD)
    assert (report["unaccounted"], report["reconciles"]) == ([a2, a3, a4, a5], False)


def test_an_area_count_narrows_the_findings_in_that_area() -> None:
    b, (a1, a2, a3, a4, a5) = five_findings()
    b.status(a1, "2024-01-31", "carried-forward")
    b.stated_count(OLD, "closed", 2, 2, area="investigating")
    closure = solve(b.g, OLD)
    assert {k: v[0] for k, v in closure.deduced.items()} == {a4: "closed", a5: "closed"}


def test_more_recorded_than_stated_is_a_discrepancy_naming_the_findings() -> None:
    b, (a1, a2, a3, a4, a5) = five_findings()
    for key in (a1, a2, a3, a4):
        b.status(key, "2024-01-31", "closed")
    first, second = reconcile(b.derived(), OLD)["discrepancies"]
    assert (first["message"], first["findings"], second["message"]) == (
        f"the paper states 3 closed, but the records show 4: {a1}, {a2}, {a3}, {a4}",
        [a1, a2, a3, a4],
        "the paper states 1 superseded, but only 0 finding(s) could be superseded given the other records",
    )


def test_an_area_count_with_no_finding_recorded_in_that_area_says_what_to_record() -> None:
    b, _ = five_findings()
    b.stated_count(OLD, "closed", 1, 1, area="managing-offenders")
    [discrepancy] = reconcile(b.derived(), OLD)["discrepancies"]
    assert discrepancy["message"] == (
        "the paper states 1 closed in area/managing-offenders, but no finding of the inspection is recorded "
        "in area/managing-offenders (record each finding's area, e.g. in the register, to reconcile this count)"
    )


def test_an_inferred_successor_is_shown_as_a_suggestion_and_never_settles_the_outcome() -> None:
    b, (a1, a2, a3, a4, a5) = five_findings()
    successor = b.finding(NEW, "afi/responding-01", "Advice to callers", "responding")
    b.supersedes(successor, a3, "inferred", confidence=0.8, reason="inferred: same area")
    row = next(r for r in reconcile(b.derived(), OLD)["findings"] if r["key"] == a3)
    assert (row["outcome"], row["basis"], row["inferredSuccessors"]) == (
        "unknown",
        "unknown",
        [{"key": successor, "confidence": 0.8, "reason": "inferred: same area"}],
    )


def test_reconciling_something_that_is_not_an_inspection_says_what_it_is() -> None:
    b, _ = five_findings()
    with pytest.raises(UnknownKey, match="kent-police: no such node \\(Force, not an inspection\\)"):
        solve(b.g, "kent-police")


def test_a_statement_about_one_finding_settles_the_finding_it_describes() -> None:
    b, (a1, a2, a3, a4, a5) = five_findings()
    b.g.g.nodes[f"{OLD}/count/carried-forward"]["props"].clear()
    key = f"{OLD}/count/carried-forward-described"
    b.g.add_node(key, "StatedCount", {"outcome": "carried-forward", "count": 1}, b.ev("The remaining AFI on recording victims' protected characteristics will be carried forward"))
    b.g.add_edge(OLD, "HAS_STATED_COUNT", key, {}, b.ev())
    closure = solve(b.g, OLD)
    assert closure.deduced[a1] == (
        "carried-forward",
        [f"{key} (matched by description: similarity 0.40, next best 0.00)"],
    )


def test_a_description_that_fits_two_findings_settles_neither() -> None:
    b = RoundsBuilder()
    a1 = b.finding(OLD, "afi-01", "Improve call handling for repeat callers")
    a2 = b.finding(OLD, "afi-02", "Improve call handling for vulnerable callers")
    key = f"{OLD}/count/closed"
    b.g.add_node(key, "StatedCount", {"outcome": "closed", "count": 1}, b.ev("The AFI on call handling has been closed"))
    b.g.add_edge(OLD, "HAS_STATED_COUNT", key, {}, b.ev())
    assert (solve(b.g, OLD).deduced, reconcile(b.derived(), OLD)["unaccounted"]) == ({}, [a1, a2])


def test_a_statement_that_all_in_an_area_closed_with_no_finding_recorded_there_is_a_discrepancy() -> None:
    b, _ = five_findings()
    key = f"{OLD}/count/closed-managing-offenders"
    b.g.add_node(key, "StatedCount", {"outcome": "closed", "coversAll": True}, b.ev("The AFIs in managing offenders have been closed"))
    b.g.add_edge(OLD, "HAS_STATED_COUNT", key, {}, b.ev())
    b.g.add_node("area/managing-offenders", "AssessmentArea", {}, b.ev())
    b.g.add_edge(key, "IN_AREA", "area/managing-offenders", {}, b.ev())
    [discrepancy] = reconcile(b.derived(), OLD)["discrepancies"]
    assert discrepancy["message"] == (
        "the paper says all closed in area/managing-offenders, but no finding of the inspection is recorded "
        "in area/managing-offenders (record each finding's area, e.g. in the register, to reconcile this statement)"
    )


def test_a_statement_that_all_closed_about_an_inspection_with_no_finding_recorded_is_a_discrepancy() -> None:
    b = RoundsBuilder()
    key = f"{NEW}/count/closed"
    b.g.add_node(key, "StatedCount", {"outcome": "closed", "coversAll": True}, b.ev("All the AFIs have been closed"))
    b.g.add_edge(NEW, "HAS_STATED_COUNT", key, {}, b.ev())
    [discrepancy] = reconcile(b.g, NEW)["discrepancies"]
    assert discrepancy["message"] == (
        "the paper says all closed, but no finding of the inspection is recorded "
        "(record the inspection's findings, e.g. in the register, to reconcile this statement)"
    )
