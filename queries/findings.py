"""Findings and their status, as plain functions over the graph.

A finding's status is never a single overwritten field: each paper that
assesses it adds a :class:`StatusAssessment` dated by the paper. The *current*
status is the latest assessment's (:mod:`oversight.graph.status`).

>>> from oversight.graph.model import OversightGraph
>>> g = OversightGraph()
>>> g.add_node("i", "Inspection"); g.add_node("i/afi-01", "AreaForImprovement", {"number": 1})
>>> g.add_edge("i", "ISSUED", "i/afi-01")
>>> for date, status in (("2023-04-18", "in-progress"), ("2024-01-31", "closed")):
...     g.add_node(f"i/afi-01/status/{date}", "StatusAssessment", {"date": date, "status": status})
...     g.add_edge("i/afi-01", "HAS_STATUS", f"i/afi-01/status/{date}")
>>> [s["status"] for s in status_history(g, "i/afi-01")]
['in-progress', 'closed']
>>> from oversight.graph.standing import derive_standings
>>> derive_standings(g)
>>> row = findings_table(g)[0]
>>> row["status"], row["outcome"], row["basis"]
('closed', 'closed', 'recorded')
"""

from __future__ import annotations

from typing import Any

from oversight.graph.model import OversightGraph
from oversight.graph.status import current_status, status_history
from oversight.ontology import L, R

__all__ = [
    "finding_kinds",
    "finding_kind",
    "status_history",
    "current_status",
    "display_name",
    "findings_table",
]

def finding_kinds(graph: OversightGraph) -> list[str]:
    """The kinds of finding: the ontology's subclasses of Finding."""
    onto = graph.onto
    return sorted(c for c in onto.classes if c != L.Finding and onto.is_a(c, L.Finding))


def finding_kind(graph: OversightGraph, key: str) -> str:
    """The most specific class of a finding."""
    return graph.labels(key)[0]


def display_name(node: dict[str, Any]) -> str:
    """A short human name for any node: name, title, text, else its key."""
    for prop in ("name", "title", "text"):
        if node.get(prop):
            return str(node[prop])
    return str(node["key"])


def findings_table(
    graph: OversightGraph,
    kind: str | None = None,
    inspection: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """One row per finding: kind, number, text, issuer, area, outcome and how it is
    known, latest status, RAG, due date, owners, boards.

    The outcome, latest status, RAG and due date are the finding's standing, as
    :mod:`oversight.graph.standing` wrote it on the node. ``kind`` is a finding
    class (AreaForImprovement, …), ``inspection`` an issuing inspection's key,
    ``status`` a status notation of the latest status ("unknown" for findings
    no paper assessed).
    """
    if kind is not None:
        graph.onto.L.check(kind)
    rows = []
    for node in graph.nodes(L.Finding):
        key = node["key"]
        if kind is not None and kind not in node["labels"]:
            continue
        source = graph.issuer(key)
        if inspection is not None and source != inspection:
            continue
        current = node.get("latestStatus") or "unknown"
        if status is not None and current != status:
            continue
        areas = graph.out(key, R.IN_AREA)
        rows.append(
            {
                "key": key,
                "kind": node["labels"][0],
                "number": node.get("number"),
                "text": node.get("text"),
                "issuedBy": source,
                "area": display_name(graph.node(areas[0])) if areas else None,
                "outcome": node.get("outcome"),
                "basis": node.get("outcomeBasis"),
                "outcomeReason": node.get("outcomeReason"),
                "status": current,
                "rag": node.get("latestRag"),
                "due": node.get("due"),
                "owners": [display_name(graph.node(k)) for k in graph.out(key, R.OWNED_BY)],
                "boards": [display_name(graph.node(k)) for k in graph.out(key, R.OVERSEEN_BY)],
            }
        )
    return rows
