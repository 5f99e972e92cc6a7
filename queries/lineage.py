"""Supersession lineage: which finding superseded which, on what basis, transitively.

A ``SUPERSEDES`` relationship runs from the later finding to the one it
replaces and always carries its ``basis``: *stated* (a paper says so; its
quote and line go with it), *register* (a governance lead asserted it) or
*inferred* (the tool's suggestion, with a confidence). Every function here can
leave inferred links out (``stated_only=True``); none ever presents one as a
fact: each hop says its basis.

>>> from oversight.graph.model import OversightGraph
>>> g = OversightGraph()
>>> for k in ("a/afi-01", "b/afi-01", "c/afi-01"):
...     g.add_node(k, "AreaForImprovement")
>>> g.add_edge("b/afi-01", "SUPERSEDES", "a/afi-01", {"basis": "stated"})
>>> g.add_edge("c/afi-01", "SUPERSEDES", "b/afi-01", {"basis": "inferred", "confidence": 0.6})
>>> supersession_chain(g, "a/afi-01")
['a/afi-01', 'b/afi-01', 'c/afi-01']
>>> supersession_chain(g, "a/afi-01", stated_only=True)
['a/afi-01', 'b/afi-01']
>>> [hop["key"] for hop in lineage(g, "c/afi-01")["supersedes"]]
['b/afi-01', 'a/afi-01']
"""

from __future__ import annotations

from collections import deque
from typing import Any

from oversight.errors import UnknownKey
from oversight.graph.identity import canonical_key
from oversight.graph.model import OversightGraph, document_name
from oversight.ontology import L, R
from oversight.queries.findings import display_name, status_history

__all__ = [
    "STATED_BASES",
    "finding_date",
    "supersession_links",
    "supersession_chain",
    "lineage",
    "trace",
]

#: Bases that are facts (stated by a paper or registered by a person).
STATED_BASES = ("stated", "register")


def finding_date(graph: OversightGraph, key: str) -> str | None:
    """When a finding was issued (its issuer's date); see :meth:`OversightGraph.issued_on`."""
    return graph.issued_on(key)


def _evidence(edge: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [
        {"document": d, "line": line, "quote": q}
        for d, line, q in zip(
            edge.get("evidenceDocuments", []), edge.get("evidenceLines", []), edge.get("evidenceQuotes", []), strict=True
        )
    ]
    if edge.get("basis") == "inferred" and edge.get("reason"):
        rows.append({"inference": edge["reason"]})
    return rows


def supersession_links(
    graph: OversightGraph, key: str, direction: str, stated_only: bool = False
) -> list[dict[str, Any]]:
    """The direct supersession links of a finding.

    ``direction`` is ``"supersedes"`` (older findings this one replaces) or
    ``"supersededBy"`` (later findings that replace it).
    """
    if direction == "supersedes":
        edges = graph.edges(type=R.SUPERSEDES, source=key)
        other = "target"
    elif direction == "supersededBy":
        edges = graph.edges(type=R.SUPERSEDES, target=key)
        other = "source"
    else:
        raise ValueError(f"direction must be supersedes or supersededBy, not {direction!r}")
    links = []
    for edge in edges:
        if stated_only and edge.get("basis") not in STATED_BASES:
            continue
        node = graph.node(edge[other])
        links.append(
            {
                "key": edge[other],
                "kind": node["labels"][0],
                "text": node.get("text"),
                "basis": edge.get("basis"),
                "confidence": edge.get("confidence"),
                "date": finding_date(graph, edge[other]),
                "evidence": _evidence(edge),
            }
        )
    return sorted(links, key=lambda link: (link["date"] or "", link["key"]))


def _walk(graph: OversightGraph, key: str, direction: str, stated_only: bool) -> list[dict[str, Any]]:
    seen = {key}
    out: list[dict[str, Any]] = []
    queue = deque([(key, 1)])
    while queue:
        current, depth = queue.popleft()
        for link in supersession_links(graph, current, direction, stated_only):
            if link["key"] in seen:
                continue
            seen.add(link["key"])
            out.append({**link, "via": current, "depth": depth})
            queue.append((link["key"], depth + 1))
    return out


def supersession_chain(graph: OversightGraph, key: str, stated_only: bool = False) -> list[str]:
    """Every finding in ``key``'s lineage (both directions, transitively), oldest first."""
    if key not in graph:
        raise UnknownKey(key, suggestions=graph.nearest_keys(key))
    keys = {key}
    keys.update(hop["key"] for hop in _walk(graph, key, "supersedes", stated_only))
    keys.update(hop["key"] for hop in _walk(graph, key, "supersededBy", stated_only))
    return sorted(keys, key=lambda k: (finding_date(graph, k) or "", k))


def lineage(graph: OversightGraph, key: str, stated_only: bool = False) -> dict[str, Any]:
    """The lineage of a finding: what it supersedes and what supersedes it, hop by hop.

    Each hop carries ``key``, ``basis``, ``confidence``, ``date``,
    ``evidence`` (the supporting lines; for an inferred hop, the inference),
    ``via`` (the finding it links to) and ``depth``.
    """
    if key not in graph:
        raise UnknownKey(key, suggestions=graph.nearest_keys(key))
    if not graph.has_label(key, L.Finding):
        raise UnknownKey(key, f"{graph.labels(key)[0]}, not a finding")
    return {
        "root": key,
        "supersedes": _walk(graph, key, "supersedes", stated_only),
        "supersededBy": _walk(graph, key, "supersededBy", stated_only),
    }


def trace(graph: OversightGraph, key: str, stated_only: bool = False) -> dict[str, Any]:
    """Everything a governance lead asks of one finding: lineage, status history, owners, boards.

    The shape is ``{"root", "finding", "supersedes", "supersededBy",
    "history", "owners", "boards"}``; ``finding`` carries its standing
    (``outcome``, how it is known as ``basis``, ``reason``, the outcomes still
    ``possible`` and the line that states it, as written on the node by
    :mod:`oversight.graph.standing`) beside its latest ``status``; history items
    are the finding's status assessments in date order, each with the line that
    states it. ``key`` may
    be any alias key of a finding merged into one node (``aliasKeys``); the
    answer is the node's, under its own key.
    """
    key = canonical_key(graph, key)
    result = lineage(graph, key, stated_only)
    node = graph.node(key)
    history = []
    for status in status_history(graph, key):
        history.append(
            {
                **{k: v for k, v in status.items() if k not in ("labels",)},
                "evidence": graph.evidence(status["key"]),
            }
        )
    source = graph.issuer(key)
    areas = graph.out(key, R.IN_AREA)
    result.update(
        finding={
            "key": key,
            "kind": node["labels"][0],
            "number": node.get("number"),
            "text": node.get("text"),
            "aliasKeys": node.get("aliasKeys", []),
            "issuedBy": source,
            "issuedByTitle": display_name(graph.node(source)) if source else None,
            "date": finding_date(graph, key),
            "area": display_name(graph.node(areas[0])) if areas else None,
            "outcome": node.get("outcome"),
            "basis": node.get("outcomeBasis"),
            "reason": node.get("outcomeReason"),
            "possible": node.get("outcomePossible"),
            "outcomeEvidence": (
                {"document": node["outcomeDocument"], "line": node.get("outcomeLine"), "quote": node.get("outcomeQuote")}
                if node.get("outcomeDocument")
                else None
            ),
            "status": node.get("latestStatus") or "unknown",
            "due": node.get("due"),
            "evidence": graph.evidence(key),
        },
        history=history,
        owners=[{"key": k, "name": display_name(graph.node(k))} for k in graph.out(key, R.OWNED_BY)],
        boards=[
            {
                "key": k,
                "name": display_name(graph.node(k)),
                "chairs": [display_name(graph.node(c)) for c in graph.out(k, R.CHAIRED_BY)],
            }
            for k in graph.out(key, R.OVERSEEN_BY)
        ],
    )
    out = {k: result[k] for k in ("root", "finding", "supersedes", "supersededBy", "history", "owners", "boards")}
    _add_paths(graph, out)
    return out


def _add_paths(graph: OversightGraph, value: Any) -> None:
    """Give every cited document its file path, so a reader can open the paper at the line,
    and the name a person knows it by (``title``: its title and date)."""
    if isinstance(value, dict):
        if "document" in value and "line" in value and value["document"] in graph:
            value["path"] = graph.node(value["document"]).get("path")
            value["title"] = document_name(graph, value["document"])
        for item in value.values():
            _add_paths(graph, item)
    elif isinstance(value, list):
        for item in value:
            _add_paths(graph, item)
