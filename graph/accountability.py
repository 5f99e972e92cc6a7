"""Oversight reached through an improvement plan: each finding the plan addresses, linked to its boards.

A paper often names the boards that monitor an improvement plan ("Progress
will be monitored via the FIDB … and the Chief Officer Management Board")
rather than a board per finding. The plan addresses an inspection
(``ADDRESSES``), or findings were carried into it (``CARRIED_FORWARD_TO``), so
each of those findings is overseen by the plan's boards. That link is deduced,
not stated per finding: it is added as ``OVERSEEN_BY`` with ``via: plan``, a
:data:`PLAN_CONFIDENCE` and the citations of the plan's own oversight and of
what ties the finding to the plan. A finding a paper already links to the
board keeps that link as it is.

>>> from oversight.loaders.models import Evidence
>>> g = OversightGraph()
>>> g.add_node("document/a", "Document", {"sha256": "0" * 64})
>>> ev = Evidence(document="document/a", line=9, quote="monitored via the FIDB")
>>> g.add_node("k/peel", "Inspection", {}, ev)
>>> g.add_node("k/peel/afi-01", "AreaForImprovement", {"number": 1}, ev)
>>> g.add_edge("k/peel", "ISSUED", "k/peel/afi-01", {}, ev)
>>> for key, label in (("k/plan/p", "ImprovementPlan"), ("k/board/fidb", "Board")):
...     g.add_node(key, label, {}, ev)
>>> g.add_edge("k/plan/p", "ADDRESSES", "k/peel", {}, ev)
>>> g.add_edge("k/plan/p", "OVERSEEN_BY", "k/board/fidb", {}, ev)
>>> add_plan_oversight(g)
>>> edge = next(g.edges(type="OVERSEEN_BY", source="k/peel/afi-01"))
>>> edge["target"], edge["via"], edge["confidence"]
('k/board/fidb', 'plan', 0.9)
"""

from __future__ import annotations

from oversight.graph.model import EDGE_EVIDENCE_PROPS, OversightGraph
from oversight.loaders.models import Evidence
from oversight.ontology import L, R

__all__ = ["add_plan_oversight", "PLAN_CONFIDENCE"]

#: Confidence of a finding's oversight deduced from its plan's: the plan names the board, not the finding.
PLAN_CONFIDENCE = 0.9


def _citations(edge: dict[str, object]) -> list[Evidence]:
    lists = [edge.get(p) or [] for p in EDGE_EVIDENCE_PROPS]
    return [
        Evidence(document=str(d), line=int(n), quote=str(q))
        for d, n, q in zip(*lists, strict=True)  # type: ignore[call-overload]
    ]


def add_plan_oversight(graph: OversightGraph) -> None:
    """Link each finding an improvement plan covers to the boards that oversee the plan (``via: plan``)."""
    for plan in graph.keys(L.ImprovementPlan):
        boards = list(graph.edges(type=R.OVERSEEN_BY, source=plan))
        if not boards:
            continue
        covered: dict[str, list[Evidence]] = {}
        for addressed in graph.edges(type=R.ADDRESSES, source=plan):
            for issued in graph.edges(type=R.ISSUED, source=addressed["target"]):
                covered.setdefault(issued["target"], []).extend(_citations(addressed))
        for carried in graph.edges(type=R.CARRIED_FORWARD_TO, target=plan):
            covered.setdefault(carried["source"], []).extend(_citations(carried))
        for finding in sorted(covered):
            if not graph.has_label(finding, L.Finding):
                continue
            for board in boards:
                if board["target"] in graph.out(finding, R.OVERSEEN_BY):
                    continue
                for evidence in [*_citations(board), *covered[finding]]:
                    graph.add_edge(
                        finding,
                        R.OVERSEEN_BY,
                        board["target"],
                        {"via": "plan", "confidence": PLAN_CONFIDENCE},
                        evidence,
                    )
