"""Who answers for findings: owners, boards, chairs, gaps, and the chain up to the Panel.

The embedded twins of the catalogue questions ``open-findings-by-owner``,
``findings-by-board``, ``findings-by-area``, ``boards``, ``governance-gaps`` and
``accountability-chain`` (``queries/catalog/*.cypher``): plain functions that take
the graph first and return the same rows, in the same order, as the Cypher.

>>> from oversight.queries.progress import demo_graph
>>> [(r["owner"], r["finding"]) for r in open_findings_by_owner(demo_graph())]
[('kent-police/post/deputy-chief-constable', 'kent-police/peel-2021-22/afi-02'), (None, 'kent-police/peel-2023-25/afi-01')]
"""

from __future__ import annotations

from typing import Any

from oversight.graph.model import OversightGraph
from oversight.ontology import L, R
from oversight.queries.progress import (
    _keys_with,
    _kind_of,
    _name_of,
    _neighbours,
    _props,
    _Standing,
    order_rows,
)

__all__ = [
    "ACCOUNTABILITY_TYPES",
    "ACCOUNTABILITY_DEPTH",
    "accountability_ends",
    "open_findings_by_owner",
    "findings_by_board",
    "findings_by_area",
    "boards",
    "governance_gaps",
    "accountability_chain",
]

#: Relationship types an accountability chain follows, each in its own direction.
ACCOUNTABILITY_TYPES = (R.OWNED_BY, R.OVERSEEN_BY, R.CHAIRED_BY, R.REPORTS_TO, R.ACCOUNTABLE_TO, R.SCRUTINISED_BY)
#: The longest chain ``accountability-chain`` follows.
ACCOUNTABILITY_DEPTH = 6


def accountability_ends(graph: OversightGraph) -> tuple[str, ...]:
    """Key endings of the PCC's post and the Police and Crime Panel, from the gazetteer.

    >>> from oversight.queries.progress import demo_graph
    >>> accountability_ends(demo_graph())
    ('/post/police-and-crime-commissioner', '/board/police-and-crime-panel')
    """
    onto = graph.onto
    ends = []
    for name, label in (("Police and Crime Commissioner", L.Post), ("Police and Crime Panel", L.Board)):
        entry = onto.gazetteer.lookup(name, label)
        if entry is None:  # pragma: no cover - the gazetteer ships both
            raise LookupError(f"gazetteer lacks {name}")
        ends.append(f"/{onto.classes[entry.label].key_segment}/{entry.slug}")
    return tuple(ends)


def _name(graph: OversightGraph, key: str | None) -> Any:
    return None if key is None else graph.node(key).get("name")


def open_findings_by_owner(graph: OversightGraph, owner: str | None = None) -> list[dict[str, Any]]:
    """Open findings with who owns each (twin of ``open-findings-by-owner.cypher``).

    Parameters
    ----------
    graph
        The oversight graph.
    owner
        Only findings this post, person or body (a key) owns; ``None`` for all.

    Returns
    -------
    list of dict
        ``owner, ownerName, finding, kind, outcome, status, due, text``, one row
        per owner and finding the papers leave open (``mayBeOpen``); a finding nobody
        owns has ``owner`` None (and is left out when ``owner`` is given).
        Ordered by owner (None last), then finding.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> [r["due"] for r in open_findings_by_owner(demo_graph(), "kent-police/post/deputy-chief-constable")]
    ['2023-09']
    """
    rows = []
    for key in _keys_with(graph, L.Finding):
        standing = _Standing(graph, key)
        if not standing.open:
            continue
        node = _props(graph, key)
        for who in standing.owners or [None]:
            if owner is not None and who != owner:
                continue
            rows.append(
                {
                    "owner": who,
                    "ownerName": _name_of(graph, who),
                    "finding": key,
                    "kind": _kind_of(graph, key),
                    "outcome": standing.outcome,
                    "status": standing.props.get("latestStatus"),
                    "due": standing.props.get("due"),
                    "text": node.get("text"),
                }
            )
    return order_rows(rows, "owner", "finding")


def findings_by_board(
    graph: OversightGraph, board: str | None = None, open_only: bool = False
) -> list[dict[str, Any]]:
    """Findings with the board that oversees each (twin of ``findings-by-board.cypher``).

    Returns ``board, boardName, finding, kind, outcome, status, text``, one row per
    board and overseen finding, by board then finding; ``open_only`` keeps
    findings the papers leave open (``mayBeOpen``).

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> [(r["boardName"], r["finding"]) for r in findings_by_board(demo_graph())]
    [('FIDB', 'kent-police/peel-2021-22/afi-02')]
    """
    rows = []
    for key in _keys_with(graph, L.Finding):
        standing = _Standing(graph, key)
        overseers = standing.boards
        if board is not None:
            overseers = [b for b in overseers if b == board]
        if not overseers:
            continue
        if open_only and not standing.open:
            continue
        text = _props(graph, key).get("text")
        for b in overseers:
            rows.append(
                {
                    "board": b,
                    "boardName": _name_of(graph, b),
                    "finding": key,
                    "kind": _kind_of(graph, key),
                    "outcome": standing.outcome,
                    "status": standing.props.get("latestStatus"),
                    "text": text,
                }
            )
    return order_rows(rows, "board", "finding")


def findings_by_area(graph: OversightGraph, area: str | None = None) -> list[dict[str, Any]]:
    """Findings by assessment area (twin of ``findings-by-area.cypher``).

    Returns ``area, areaName, finding, kind, issuedBy, outcome``, by area then finding.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> [(r["finding"], r["outcome"]) for r in findings_by_area(demo_graph())][:2]
    [('kent-police/peel-2021-22/afi-01', 'superseded'), ('kent-police/peel-2021-22/afi-02', 'open')]
    """
    rows = []
    for key in _keys_with(graph, L.Finding):
        standing = _Standing(graph, key)
        areas = standing.areas
        if area is not None:
            areas = [a for a in areas if a == area]
        if not areas:
            continue
        issued_by, outcome = standing.issued_by, standing.outcome
        for a in areas:
            rows.append(
                {
                    "area": a,
                    "areaName": _name_of(graph, a),
                    "finding": key,
                    "kind": _kind_of(graph, key),
                    "issuedBy": issued_by,
                    "outcome": outcome,
                }
            )
    return order_rows(rows, "area", "finding")


def boards(graph: OversightGraph) -> list[dict[str, Any]]:
    """Every board with its chairs, whom it reports to and what it oversees (twin of ``boards.cypher``).

    Returns ``board, name, chairs, chairNames, reportsTo, findings, oversees``:
    chairs and the boards or posts it reports to as sorted keys (``chairNames``
    in the same order, the key standing in for a missing name), the number of
    findings it oversees, and the keys of anything else it oversees.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> row = boards(demo_graph())[0]
    >>> row["name"], row["chairNames"], row["findings"]
    ('FIDB', ['Deputy Chief Constable'], 1)
    """
    rows = []
    for key in _keys_with(graph, L.Board):
        chairs = _neighbours(graph, key, R.CHAIRED_BY)
        overseen = _neighbours(graph, key, R.OVERSEEN_BY, incoming=True)
        findings = [k for k in overseen if L.Finding in graph.read.nodes[k]["labels"]]
        rows.append(
            {
                "board": key,
                "name": _props(graph, key).get("name"),
                "chairs": chairs,
                "chairNames": [_name_of(graph, c) if _name_of(graph, c) is not None else c for c in chairs],
                "reportsTo": _neighbours(graph, key, R.REPORTS_TO),
                "findings": len(findings),
                "oversees": [k for k in overseen if L.Finding not in graph.read.nodes[k]["labels"]],
            }
        )
    return order_rows(rows, "board")


def governance_gaps(graph: OversightGraph, open_only: bool = True) -> list[dict[str, Any]]:
    """Findings nobody owns or no board oversees (twin of ``governance-gaps.cypher``).

    Returns ``finding, kind, issuedBy, outcome, noOwner, noBoard`` by finding;
    ``open_only`` (the default) keeps those the papers leave open (``mayBeOpen``).

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> [(r["finding"], r["noOwner"], r["noBoard"]) for r in governance_gaps(demo_graph())]
    [('kent-police/peel-2023-25/afi-01', True, True)]
    """
    rows = []
    for key in _keys_with(graph, L.Finding):
        standing = _Standing(graph, key)
        no_owner = not standing.owners
        no_board = not standing.boards
        if not (no_owner or no_board):
            continue
        outcome = standing.outcome
        if open_only and not standing.open:
            continue
        rows.append(
            {
                "finding": key,
                "kind": _kind_of(graph, key),
                "issuedBy": standing.issued_by,
                "outcome": outcome,
                "noOwner": no_owner,
                "noBoard": no_board,
            }
        )
    return order_rows(rows, "finding")


def accountability_chain(graph: OversightGraph, finding: str) -> list[dict[str, Any]]:
    """Every path from a finding to the PCC's post or the Panel (twin of ``accountability-chain.cypher``).

    Follows :data:`ACCOUNTABILITY_TYPES` forwards, at most
    :data:`ACCOUNTABILITY_DEPTH` hops, never over one relationship twice (as a
    Cypher variable-length pattern does), and keeps the paths that end at a node
    whose key ends with one of :func:`accountability_ends`.

    Returns ``depth, end, endName, path, hops`` (node keys and relationship
    types along the path), by depth, end, then path.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> for row in accountability_chain(demo_graph(), "kent-police/peel-2021-22/afi-02"):
    ...     print(row["depth"], row["hops"])
    2 ['OWNED_BY', 'ACCOUNTABLE_TO']
    3 ['OWNED_BY', 'ACCOUNTABLE_TO', 'SCRUTINISED_BY']
    3 ['OVERSEEN_BY', 'CHAIRED_BY', 'ACCOUNTABLE_TO']
    4 ['OVERSEEN_BY', 'CHAIRED_BY', 'ACCOUNTABLE_TO', 'SCRUTINISED_BY']
    """
    if not graph.has_label(finding, L.Finding):
        return []
    ends = accountability_ends(graph)
    rows: list[dict[str, Any]] = []

    def walk(node: str, path: list[str], hops: list[str], used: frozenset[tuple[str, str, str]]) -> None:
        if len(hops) == ACCOUNTABILITY_DEPTH:
            return
        for edge in graph.edges(source=node):
            step = (edge["source"], edge["type"], edge["target"])
            if edge["type"] not in ACCOUNTABILITY_TYPES or step in used:
                continue
            target = edge["target"]
            if target.endswith(ends):
                rows.append(
                    {
                        "depth": len(hops) + 1,
                        "end": target,
                        "endName": _name(graph, target),
                        "path": [*path, target],
                        "hops": [*hops, edge["type"]],
                    }
                )
            walk(target, [*path, target], [*hops, edge["type"]], used | {step})

    walk(finding, [finding], [], frozenset())
    return order_rows(rows, "depth", "end", "path")
