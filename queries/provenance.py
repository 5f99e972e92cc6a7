"""Where facts come from, and which names still need a person to look at them.

The embedded twins of the catalogue questions ``evidenced-by-document`` and
``unresolved-names`` (``queries/catalog/*.cypher``): plain functions that take the
graph first and return the same rows, in the same order, as the Cypher.

>>> from oversight.queries.progress import demo_graph
>>> [(r["kind"], r["source"], r["lines"]) for r in evidenced_by_document(demo_graph(), "document/demo")]
[('node', 'kent-police/peel-2021-22/afi-02', [4]), ('relationship', 'kent-police/peel-2023-25/afi-01', [9])]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from oversight.graph.model import OversightGraph
from oversight.ontology import L, R
from oversight.queries.progress import _kind_of, _neighbours, order_rows

__all__ = ["evidenced_by_document", "unresolved_names"]


def evidenced_by_document(graph: OversightGraph, document: str) -> list[dict[str, Any]]:
    """Everything one document states (twin of ``evidenced-by-document.cypher``).

    Parameters
    ----------
    graph
        The oversight graph.
    document
        The document's key (``document/<sha256 prefix>``).

    Returns
    -------
    list of dict
        ``kind, source, type, target, lines``: a ``node`` row for each node the
        document evidences (``EVIDENCED_BY``; type and target None) with the cited
        lines in order, and a ``relationship`` row for each relationship whose
        ``evidenceDocuments`` name the document, with the lines cited from it.
        Ordered by kind, source, type, then target. No rows when the graph has no
        such document.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> evidenced_by_document(demo_graph(), "document/other")
    []
    """
    if not graph.has_label(document, L.Document):
        return []
    node_lines: dict[str, list[int]] = defaultdict(list)
    for source, keyed in graph.read.pred[document].items():
        for data in keyed.values():
            if data["type"] == R.EVIDENCED_BY:
                node_lines[source].append(data["props"]["line"])
    rows: list[dict[str, Any]] = [
        {"kind": "node", "source": key, "type": None, "target": None, "lines": sorted(lines)}
        for key, lines in node_lines.items()
    ]
    # Every relationship that cites the document: one pass over the adjacency
    # (a relationship's evidence is on it, not indexed), without building and
    # sorting every relationship as graph.edges() does; the rows are sorted below.
    for source, targets in graph.read.succ.items():
        for target, keyed in targets.items():
            for data in keyed.values():
                props = data["props"]
                documents = props.get("evidenceDocuments")
                if not documents or document not in documents:
                    continue
                lines = [line for doc, line in zip(documents, props.get("evidenceLines") or [], strict=False) if doc == document]
                rows.append({"kind": "relationship", "source": source, "type": data["type"], "target": target, "lines": lines})
    return order_rows(rows, "kind", "source", "type", "target")


def unresolved_names(graph: OversightGraph) -> list[dict[str, Any]]:
    """Names the gazetteer does not know, awaiting review (twin of ``unresolved-names.cypher``).

    Returns ``key, kind, name, surfaceNames, documents`` (the keys of the
    documents that name it), by key.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> unresolved_names(demo_graph())
    [{'key': 'kent-police/board/tactical-group', 'kind': 'Board', 'name': 'Tactical Group', 'surfaceNames': ['the TG'], 'documents': []}]
    """
    rows = []
    for key in sorted(k for k, data in graph.read.nodes.items() if data["props"].get("unresolved") is True):
        node = graph.read.nodes[key]["props"]
        rows.append(
            {
                "key": key,
                "kind": _kind_of(graph, key),
                "name": node.get("name"),
                "surfaceNames": list(node.get("surfaceNames") or []),
                "documents": _neighbours(graph, key, R.EVIDENCED_BY),
            }
        )
    return order_rows(rows, "key")
