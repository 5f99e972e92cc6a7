"""Graph checks: supersession cycles and order, contradictions with stated facts, conflicts."""

from __future__ import annotations

from graphs import RoundsBuilder
from oversight.graph.checks import (
    Violation,
    contradictions,
    supersession_cycles,
    supersession_order,
    value_conflicts,
)

OLD, NEW = "kent-police/peel-2021-22", "kent-police/peel-2023-25"


def test_a_supersession_cycle_is_reported_with_its_path() -> None:
    b = RoundsBuilder()
    x, y = b.finding(OLD, "afi-01", "a"), b.finding(NEW, "afi-01", "b")
    b.supersedes(y, x, "register"); b.supersedes(x, y, "register")
    assert supersession_cycles(b.g) == [
        Violation(f"{OLD}/afi-01", "supersession-cycles", f"supersession cycle: {OLD}/afi-01 -> {NEW}/afi-01 -> {OLD}/afi-01")
    ]


def test_a_three_finding_cycle_keeps_its_path_order() -> None:
    b = RoundsBuilder()
    x, y, z = b.finding(OLD, "afi-01", "a"), b.finding(NEW, "afi-01", "b"), b.finding(NEW, "afi-02", "c")
    b.supersedes(x, z, "register"); b.supersedes(z, y, "register"); b.supersedes(y, x, "register")
    [violation] = supersession_cycles(b.g)
    assert violation.message == f"supersession cycle: {x} -> {z} -> {y} -> {x}"


def test_a_finding_superseded_by_an_earlier_one_is_reported() -> None:
    b = RoundsBuilder()
    x, y = b.finding(OLD, "afi-01", "a"), b.finding(NEW, "afi-01", "b")
    b.supersedes(x, y, "stated")
    [violation] = supersession_order(b.g)
    assert (violation.focus, violation.message.split(";")[0]) == (
        x,
        f"supersedes {y} (issued 2023-11-17) but was issued earlier (2022-04-28)",
    )


def test_a_registered_supersession_of_a_closed_finding_contradicts_the_paper() -> None:
    b = RoundsBuilder()
    x, y = b.finding(OLD, "afi-01", "a"), b.finding(NEW, "afi-01", "b")
    b.status(x, "2024-01-31", "closed")
    b.supersedes(y, x, "register")
    [violation] = contradictions(b.g)
    assert (violation.focus, violation.message.startswith(f"register link says {y} supersedes it"), violation.message.endswith("but its latest status is closed (document/0123456789ab#L13)")) == (x, True, True)


def test_more_superseded_findings_than_the_stated_count_is_a_contradiction() -> None:
    b = RoundsBuilder()
    x1, x2 = b.finding(OLD, "afi-01", "a"), b.finding(OLD, "afi-02", "b")
    y = b.finding(NEW, "afi-01", "c")
    b.supersedes(y, x1, "register"); b.supersedes(y, x2, "register")
    b.stated_count(OLD, "superseded", 1)
    assert contradictions(b.g) == [
        Violation(OLD, "contradictions", f"a paper states 1 superseded findings, but 2 are superseded by stated or registered links: {x1}, {x2}")
    ]


def test_an_inferred_link_never_contradicts_anything() -> None:
    b = RoundsBuilder()
    x, y = b.finding(OLD, "afi-01", "a"), b.finding(NEW, "afi-01", "b")
    b.status(x, "2024-01-31", "closed")
    b.supersedes(y, x, "inferred", confidence=0.5)
    assert contradictions(b.g) == []


def test_conflicting_values_are_reported_as_warnings() -> None:
    b = RoundsBuilder()
    x = b.finding(OLD, "afi-01", "a")
    b.g.add_node(x, "AreaForImprovement", {"text": "b"}, b.ev())
    [violation] = value_conflicts(b.g)
    assert (violation.focus, violation.severity, violation.message.startswith('conflicting values: text="b"')) == (x, "warning", True)
