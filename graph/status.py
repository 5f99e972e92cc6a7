"""A finding's status history and outcome: the rule every stage shares.

A finding's status is never one overwritten field: each paper that assesses it
adds a ``StatusAssessment`` dated by the paper; :func:`status_history` gives
them in date order and :func:`current_status` the latest.

What became of a finding (:func:`finding_outcome`) is decided by one rule,
used by closure accounting, inference, the catalogue and the views:

1. carried forward: it has a ``CARRIED_FORWARD_TO`` relationship;
2. superseded: a later finding ``SUPERSEDES`` it on a *stated* or *register*
   basis (an inferred link is a suggestion and never decides an outcome);
3. a latest status assessment of ``closed``, ``discharged``, ``superseded`` or
   ``carried-forward`` stands as it is (HMICFRS's ``no-further-action`` is
   ``closed``) (an audit action signed off as
   superseded is superseded);
4. signed off: an audit action with a ``signedOff`` date;
5. otherwise the latest status decides: ``open``, ``awaiting-review``,
   ``in-progress`` and ``completed`` (the owner's view, not yet closed by the inspectorate) are
   ``open``;
6. no status assessment at all: ``unknown``.

This is the *recorded* outcome only. What the stated counts deduce on top of
it, and what every surface shows, is the finding's standing, derived once per
build by :mod:`oversight.graph.standing` and written on the node.

>>> from oversight.graph.model import OversightGraph
>>> g = OversightGraph()
>>> g.add_node("i/afi-01", "AreaForImprovement"); g.add_node("j/afi-01", "AreaForImprovement")
>>> finding_outcome(g, "i/afi-01")
'unknown'
>>> g.add_edge("j/afi-01", "SUPERSEDES", "i/afi-01", {"basis": "inferred", "confidence": 0.8})
>>> finding_outcome(g, "i/afi-01")
'unknown'
>>> g.add_edge("j/afi-01", "SUPERSEDES", "i/afi-01", {"basis": "register"})
>>> finding_outcome(g, "i/afi-01")
'superseded'
>>> for date, status in (("2023-04-18", "in-progress"), ("2024-01-31", "closed")):
...     g.add_node(f"i/afi-01/status/{date}", "StatusAssessment", {"date": date, "status": status})
...     g.add_edge("i/afi-01", "HAS_STATUS", f"i/afi-01/status/{date}")
>>> [s["status"] for s in status_history(g, "i/afi-01")]
['in-progress', 'closed']
"""

from __future__ import annotations

from typing import Any

from oversight.errors import UnknownKey
from oversight.graph.model import OversightGraph
from oversight.ontology import R, ontology

__all__ = [
    "OUTCOMES",
    "SETTLED",
    "DECIDING_BASES",
    "STATUS_OUTCOME",
    "date_order",
    "status_history",
    "current_status",
    "superseded_by",
    "finding_outcome",
]

_OUTCOMES = ontology().vocabulary("FindingOutcomes")
#: Every outcome (vocabulary ``FindingOutcomes``), in the order reports list them.
OUTCOMES: tuple[str, ...] = tuple(sorted(_OUTCOMES.notations, key=_OUTCOMES.rank))
#: The outcomes that settle a finding: every one but open and unknown.
SETTLED: tuple[str, ...] = tuple(o for o in OUTCOMES if o not in ("open", "unknown"))

#: Supersession bases that decide an outcome (inferred ones never do).
DECIDING_BASES = ("stated", "register")

#: Latest status -> outcome.
STATUS_OUTCOME = {
    "closed": "closed",
    "discharged": "discharged",
    "superseded": "superseded",
    "carried-forward": "carried-forward",
    "no-further-action": "closed",
    "open": "open",
    "awaiting-review": "open",
    "in-progress": "open",
    "completed": "open",
}


def date_order(date: str | None) -> tuple[int, ...]:
    """Sort key of a status date at any precision: the start of the period it names.

    A day, a month (``2024-01``) or a year each stand for the period they name
    and sort by its first day, so a month-precision status is later than any
    day of an earlier month, and within its own month it sorts before the
    days (neither is earlier; the one that names the day counts as later). An
    undated status sorts first, never last: it never overrides a dated one.

    >>> sorted(["2024-01", "2023-12-05", None, "2023-12", "2023"], key=date_order)
    [None, '2023', '2023-12', '2023-12-05', '2024-01']
    >>> date_order("2024-01") > date_order("2023-12-05"), date_order("2023-12") < date_order("2023-12-01")
    (True, True)
    """
    if not date:
        return (0,)
    parts = [int(p) for p in date.split("-")[:3] if p.isdigit()]
    return (1, *parts, *[1] * (3 - len(parts)), len(parts))


def status_history(graph: OversightGraph, key: str) -> list[dict[str, Any]]:
    """Every status assessment of a finding, oldest first (by :func:`date_order`, then key)."""
    if key not in graph:
        raise UnknownKey(key, suggestions=graph.nearest_keys(key))
    rows = [graph.node(target) for target in graph.out(key, R.HAS_STATUS)]
    return sorted(rows, key=lambda r: (date_order(r.get("date")), r["key"]))


def current_status(graph: OversightGraph, key: str) -> dict[str, Any] | None:
    """The latest status assessment of a finding, or None if no paper assessed it."""
    history = status_history(graph, key)
    return history[-1] if history else None


def superseded_by(graph: OversightGraph, key: str, bases: tuple[str, ...] = DECIDING_BASES) -> list[str]:
    """Keys of the findings that supersede ``key`` on one of ``bases``, sorted."""
    return sorted({e["source"] for e in graph.edges(type=R.SUPERSEDES, target=key) if e.get("basis") in bases})


def finding_outcome(graph: OversightGraph, key: str) -> str:
    """The outcome of a finding by the rule above."""
    if graph.out(key, R.CARRIED_FORWARD_TO):
        return "carried-forward"
    if superseded_by(graph, key):
        return "superseded"
    latest = current_status(graph, key)
    said = STATUS_OUTCOME[latest["status"]] if latest is not None and "status" in latest else None
    if said in SETTLED:  # an audit action signed off *as superseded* is superseded
        return said
    if graph.g.nodes[key]["props"].get("signedOff"):
        return "signed-off"
    return said or "unknown"
