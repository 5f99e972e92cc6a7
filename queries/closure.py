"""The reconcile report: each finding's outcome and why, what reconciles, every discrepancy,
and what the stated counts leave to settle ("5 more closed among AFIs 8–13").

Each finding's outcome and how it is known are its standing, written on the
node when the graph was built (:mod:`oversight.graph.standing`), so the report
gives the answer every other command gives: *recorded* (a paper's status or a
stated or registered link, with the line), *deduced* from the stated counts
(with the statements that force it), *inferred* (a count matched to it by
wording), or *unknown* (with the outcomes still possible, and any inferred
successor as a suggestion, labelled inferred). The stated counts, what
reconciles and what is left to settle come from
:func:`oversight.graph.closure.solve`.

>>> from oversight.graph.model import OversightGraph
>>> g = OversightGraph()
>>> g.add_node("i", "Inspection", {"title": "PEEL"})
>>> g.add_node("i/afi-01", "AreaForImprovement", {"number": 1}); g.add_edge("i", "ISSUED", "i/afi-01")
>>> from oversight.graph.standing import derive_standings
>>> derive_standings(g)
>>> reconcile(g, "i")["totals"]
{'closed': 0, 'discharged': 0, 'superseded': 0, 'carried-forward': 0, 'signed-off': 0, 'open': 0, 'unknown': 1}
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from oversight.graph.closure import TERMINAL, solve
from oversight.graph.model import OversightGraph, document_name
from oversight.graph.status import OUTCOMES
from oversight.ontology import L, R
from oversight.queries.findings import display_name

__all__ = ["reconcile", "reconcilable_inspections"]


def reconcilable_inspections(graph: OversightGraph) -> list[str]:
    """Inspections with findings and at least one stated count about them."""
    return [
        key
        for key in graph.keys(L.Inspection)
        if graph.out(key, R.ISSUED) and graph.out(key, R.HAS_STATED_COUNT)
    ]


def reconcile(graph: OversightGraph, inspection: str) -> dict[str, Any]:
    """The reconcile report of one inspection (see module docs)."""
    closure = solve(graph, inspection)
    rows = []
    for key in closure.findings:
        node = graph.node(key)
        areas = graph.out(key, R.IN_AREA)
        basis = node["outcomeBasis"]
        row: dict[str, Any] = {
            "key": key,
            "number": node.get("number"),
            "text": node.get("text"),
            "area": display_name(graph.node(areas[0])) if areas else None,
            "outcome": node["outcome"],
            "basis": basis,
            "how": node.get("outcomeReason"),
            "because": node.get("outcomeFrom", []),
            "possible": node.get("outcomePossible", []),
            "lastStatus": node.get("latestStatus"),
            "evidence": (
                [{"document": node["outcomeDocument"], "line": node.get("outcomeLine"), "quote": node.get("outcomeQuote")}]
                if node.get("outcomeDocument") and basis == "recorded"
                else []
            ),
        }
        inferred = [e for e in graph.edges(type=R.SUPERSEDES, target=key) if e.get("basis") == "inferred"]
        if inferred:
            row["inferredSuccessors"] = [
                {"key": e["source"], "confidence": e.get("confidence"), "reason": e.get("reason")} for e in inferred
            ]
        rows.append(row)
    totals = Counter(row["outcome"] for row in rows)
    recorded_totals = Counter(r["outcome"] for r in rows if r["basis"] == "recorded" and r["outcome"] in TERMINAL)
    statements = []
    for c in closure.constraints:
        in_scope = [r for r in rows if r["key"] in c.scope]
        have = sum(1 for r in in_scope if r["outcome"] == c.outcome)
        statements.append(
            {
                "statement": c.key,
                "outcome": c.outcome,
                "area": display_name(graph.node(c.area)) if c.area else None,
                "stated": c.count,
                "ofTotal": c.of_total,
                "recorded": sum(1 for r in in_scope if r["basis"] == "recorded" and r["outcome"] == c.outcome),
                "recordedOrDeduced": have,
                "identified": have,
                "reconciles": have == c.count and not any(r["basis"] == "unknown" for r in in_scope),
                "quote": c.quote,
                "document": c.document,
                "documentTitle": document_name(graph, c.document),
                "line": c.line,
            }
        )
    unaccounted = [r["key"] for r in rows if r["basis"] == "unknown"]
    by_key = {r["key"]: r for r in rows}
    to_settle = []
    for c in closure.constraints:
        if c.count is None or c.key in {d["statement"] for d in closure.discrepancies}:
            continue
        among = [k for k in c.scope if by_key[k]["basis"] == "unknown" and c.outcome in by_key[k]["possible"]]
        settled = sum(1 for k in c.scope if by_key[k]["outcome"] == c.outcome)
        if among and c.count > settled:
            to_settle.append(
                {
                    "statement": c.key,
                    "outcome": c.outcome,
                    "area": display_name(graph.node(c.area)) if c.area else None,
                    "still": c.count - settled,
                    "among": among,
                    "document": c.document,
                    "documentTitle": document_name(graph, c.document),
                    "line": c.line,
                }
            )
    return {
        "inspection": inspection,
        "title": display_name(graph.node(inspection)),
        "findings": rows,
        "totals": {o: totals.get(o, 0) for o in OUTCOMES},
        "recordedTotals": {o: recorded_totals.get(o, 0) for o in TERMINAL},
        "statements": statements,
        "discrepancies": closure.discrepancies,
        "unaccounted": unaccounted,
        "toSettle": to_settle,
        "reconciles": bool(statements) and not closure.discrepancies and not unaccounted and all(s["reconciles"] for s in statements),
    }
