"""Inspections, audits and what followed them: who inspected, grade movements, supersession.

The embedded twins of the catalogue questions ``inspections-by-inspectorate``,
``grade-changes``, ``audits`` and ``finding-lineage`` (``queries/catalog/*.cypher``):
plain functions that take the graph first and return the same rows, in the same
order, as the Cypher.

>>> from oversight.queries.progress import demo_graph
>>> [(r["fromGrade"], r["toGrade"], r["change"]) for r in grade_changes(demo_graph())]
[('adequate', 'good', 'improved')]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from oversight.errors import UnknownName
from oversight.graph.model import OversightGraph
from oversight.ontology import L, R
from oversight.queries.progress import (
    _keys_with,
    _name_of,
    _neighbours,
    _props,
    node_kind,
    order_rows,
)

__all__ = [
    "inspections_by_inspectorate",
    "grade_changes",
    "audits",
    "finding_lineage",
]


def _name(graph: OversightGraph, key: str | None) -> Any:
    return None if key is None else graph.node(key).get("name")


def inspections_by_inspectorate(
    graph: OversightGraph, inspectorate: str | None = None
) -> list[dict[str, Any]]:
    """Inspections by inspectorate, with their recommendation counts (twin of ``inspections-by-inspectorate.cypher``).

    Returns ``inspectorate, inspectorateName, inspection, title, published,
    recommendations, forChiefConstables, statedRecommendations,
    statedForChiefConstables``: the recommendations the graph holds for the
    inspection (and how many are flagged ``forChiefConstables``) beside the
    counts the report states. One row per conducting inspectorate, ordered by
    inspectorate, publication date (missing last), then inspection.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> [(r["inspection"], r["recommendations"]) for r in inspections_by_inspectorate(demo_graph())]
    [('kent-police/peel-2021-22', 0), ('kent-police/peel-2023-25', 0)]
    """
    rows = []
    for key in _keys_with(graph, L.Inspection):
        node = _props(graph, key)
        recommendations = [k for k in _neighbours(graph, key, R.ISSUED) if L.Recommendation in graph.read.nodes[k]["labels"]]
        for body in _neighbours(graph, key, R.CONDUCTED_BY):
            if L.Inspectorate not in graph.read.nodes[body]["labels"] or (inspectorate is not None and body != inspectorate):
                continue
            rows.append(
                {
                    "inspectorate": body,
                    "inspectorateName": _name_of(graph, body),
                    "inspection": key,
                    "title": node.get("title"),
                    "published": node.get("published"),
                    "recommendations": len(recommendations),
                    "forChiefConstables": sum(
                        1 for k in recommendations if _props(graph, k).get("forChiefConstables") is True
                    ),
                    "statedRecommendations": node.get("recommendationCount"),
                    "statedForChiefConstables": node.get("chiefConstableRecommendationCount"),
                }
            )
    return order_rows(rows, "inspectorate", "published", "inspection")


def _grade_rank(graph: OversightGraph, grade: Any) -> int | None:
    if grade is None:
        return None
    try:
        return graph.onto.vocabulary("Grades").rank(grade)
    except UnknownName:
        return None


def grade_changes(graph: OversightGraph, force: str | None = None) -> list[dict[str, Any]]:
    """How each force's grade per area moved between PEEL inspections (twin of ``grade-changes.cypher``).

    For every force and assessment area, the judgements of the force's PEEL
    inspections (``kind`` peel, ``INSPECTED`` the force) in that area are put in
    order of publication date (then inspection and judgement key), and each
    consecutive pair is one row: ``force, area, areaName, step, fromInspection,
    fromPublished, fromGrade, fromScale, toInspection, toPublished, toGrade,
    toScale, change``. ``change`` compares the grades' ranks in the Grades
    vocabulary: improved, declined, unchanged, or not comparable when either is
    missing or ungraded.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> row = grade_changes(demo_graph(), force="kent-police")[0]
    >>> row["step"], row["fromInspection"], row["toInspection"]
    (1, 'kent-police/peel-2021-22', 'kent-police/peel-2023-25')
    """
    rounds: dict[tuple[str, str], list[tuple[str, str, str, dict[str, Any]]]] = defaultdict(list)
    labels = {key: data["labels"] for key, data in graph.read.nodes.items()}
    for key in _keys_with(graph, L.Inspection):
        ins = _props(graph, key)
        if ins.get("kind") != "peel":
            continue
        for body in _neighbours(graph, key, R.INSPECTED):
            if L.Force not in labels[body] or (force is not None and body != force):
                continue
            for j in _neighbours(graph, key, R.HAS_JUDGEMENT):
                if L.Judgement not in labels[j]:
                    continue
                judgement = _props(graph, j)
                for area in _neighbours(graph, j, R.IN_AREA):
                    if L.AssessmentArea not in labels[area]:
                        continue
                    entry = {
                        "inspection": key,
                        "published": ins.get("published"),
                        "grade": judgement.get("grade"),
                        "scale": judgement.get("gradeScale"),
                    }
                    rounds[(body, area)].append((ins.get("published") or "", key, j, entry))
    rows = []
    for (body, area), entries in rounds.items():
        entries.sort(key=lambda e: e[:3])
        for n in range(len(entries) - 1):
            before, after = entries[n][3], entries[n + 1][3]
            r0, r1 = _grade_rank(graph, before["grade"]), _grade_rank(graph, after["grade"])
            if not r0 or not r1:
                change = "not comparable"
            else:
                change = "improved" if r1 > r0 else "declined" if r1 < r0 else "unchanged"
            rows.append(
                {
                    "force": body,
                    "area": area,
                    "areaName": _name_of(graph, area),
                    "step": n + 1,
                    "fromInspection": before["inspection"],
                    "fromPublished": before["published"],
                    "fromGrade": before["grade"],
                    "fromScale": before["scale"],
                    "toInspection": after["inspection"],
                    "toPublished": after["published"],
                    "toGrade": after["grade"],
                    "toScale": after["scale"],
                    "change": change,
                }
            )
    return order_rows(rows, "force", "area", "step")


def audits(
    graph: OversightGraph, sponsor: str | None = None, assurance: str | None = None
) -> list[dict[str, Any]]:
    """Internal audits by sponsor and assurance (twin of ``audits.cypher``).

    Returns ``sponsor, sponsorName, audit, title, planYear, stage, assurance,
    sponsorMissing, recommendations`` (how many audit recommendations it
    raised), one row per sponsor (None for an audit without one), ordered by
    sponsor, assurance (missing last), then audit.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> g = demo_graph()
    >>> g.add_node("kent-police/audit/2023-24-payroll", "Audit", {"assurance": "reasonable", "sponsorMissing": True})
    >>> [(r["audit"], r["sponsor"], r["sponsorMissing"]) for r in audits(g)]
    [('kent-police/audit/2023-24-payroll', None, True)]
    """
    rows = []
    sponsored_by, raised_in = R.SPONSORED_BY, R.RAISED_IN
    for key in _keys_with(graph, L.Audit):
        node = _props(graph, key)
        if assurance is not None and node.get("assurance") != assurance:
            continue
        for who in _neighbours(graph, key, sponsored_by) or [None]:
            if sponsor is not None and who != sponsor:
                continue
            rows.append(
                {
                    "sponsor": who,
                    "sponsorName": _name_of(graph, who),
                    "audit": key,
                    "title": node.get("title"),
                    "planYear": node.get("planYear"),
                    "stage": node.get("stage"),
                    "assurance": node.get("assurance"),
                    "sponsorMissing": node.get("sponsorMissing", False),
                    "recommendations": len(_neighbours(graph, key, raised_in, incoming=True)),
                }
            )
    return order_rows(rows, "sponsor", "assurance", "audit")


def finding_lineage(graph: OversightGraph, finding: str, include_inferred: bool = True) -> list[dict[str, Any]]:
    """The supersession lineage of a finding, both ways, any depth (twin of ``finding-lineage.cypher``).

    Parameters
    ----------
    graph
        The oversight graph.
    finding
        The finding's key.
    include_inferred
        Keep paths with an inferred hop (a suggestion of the tool, not a fact).

    Returns
    -------
    list of dict
        ``direction, depth, finding, kind, path, bases``: one row per path that
        follows ``SUPERSEDES`` forwards (``supersedes``: the earlier findings it
        replaced) or backwards (``superseded-by``: the later ones), never over one
        relationship twice, with the node keys along the path and the basis of
        each hop. Ordered by direction, depth, finding, then path.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> finding_lineage(demo_graph(), "kent-police/peel-2021-22/afi-01")
    [{'direction': 'superseded-by', 'depth': 1, 'finding': 'kent-police/peel-2023-25/afi-01', 'kind': 'AreaForImprovement', 'path': ['kent-police/peel-2021-22/afi-01', 'kent-police/peel-2023-25/afi-01'], 'bases': ['stated']}]
    """
    if not graph.has_label(finding, L.Finding):
        return []
    rows: list[dict[str, Any]] = []
    for direction, forward in (("supersedes", True), ("superseded-by", False)):

        def walk(
            node: str, path: list[str], bases: list[Any], used: frozenset[tuple[str, str]], *, forward: bool = forward, direction: str = direction
        ) -> None:
            edges = graph.edges(type=R.SUPERSEDES, source=node) if forward else graph.edges(type=R.SUPERSEDES, target=node)
            for edge in edges:
                step = (edge["source"], edge["target"])
                if step in used or (not include_inferred and edge.get("basis") == "inferred"):
                    continue
                other = edge["target"] if forward else edge["source"]
                rows.append(
                    {
                        "direction": direction,
                        "depth": len(bases) + 1,
                        "finding": other,
                        "kind": node_kind(graph, other),
                        "path": [*path, other],
                        "bases": [*bases, edge.get("basis")],
                    }
                )
                walk(other, [*path, other], [*bases, edge.get("basis")], used | {step})

        walk(finding, [finding], [], frozenset())
    return order_rows(rows, "direction", "depth", "finding", "path")
