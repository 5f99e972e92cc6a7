"""The order of a finding's status history when papers date their statuses at different precisions.

A paper that states only the period it covers is dated by the end of that
period at the precision the paper gives (a month); a status it gives must take
its place among day-precision statuses of other papers, and an undated status
must never count as the latest.
"""

from __future__ import annotations

from oversight.graph.model import OversightGraph
from oversight.graph.status import current_status, date_order, status_history

AFI = "essex-police/peel-2023-25/afi/managing-offenders-01"


def finding_with(*statuses: tuple[str, str | None]) -> OversightGraph:
    """A finding with one status assessment per (status, date); None leaves it undated."""
    g = OversightGraph()
    g.add_node(AFI, "AreaForImprovement")
    for n, (status, date) in enumerate(statuses):
        key = f"{AFI}/status/{date or f'undated-{n}'}"
        g.add_node(key, "StatusAssessment", {"status": status, **({"date": date} if date else {})})
        g.add_edge(AFI, "HAS_STATUS", key)
    return g


def test_a_month_status_is_later_than_a_day_of_an_earlier_month() -> None:
    g = finding_with(("closed", "2024-01"), ("in-progress", "2023-12-05"))
    assert current_status(g, AFI)["key"] == f"{AFI}/status/2024-01"


def test_a_day_within_a_month_counts_as_later_than_the_month() -> None:
    g = finding_with(("in-progress", "2023-12-05"), ("open", "2023-12"))
    assert [s["date"] for s in status_history(g, AFI)] == ["2023-12", "2023-12-05"]


def test_an_undated_status_sorts_first_and_never_overrides_a_dated_one() -> None:
    g = finding_with(("closed", None), ("in-progress", "2023-04-18"))
    assert [s["status"] for s in status_history(g, AFI)] == ["closed", "in-progress"]


def test_a_year_sorts_by_its_first_day() -> None:
    assert sorted(["2023-02-01", "2023", "2022-12-31"], key=date_order) == ["2022-12-31", "2023", "2023-02-01"]
