"""The tracker's table as plain data: the spreadsheet a governance lead keeps, with sources.

One row per finding (:func:`tracker_rows`) and one summary per inspection
(:func:`inspection_rows`); :func:`tracker` gives both with the documents they
cite. The HTML tracker, its CSV and its XLSX (:mod:`oversight.viz.tracker`)
all read these rows, so they show the same table.

Nothing here decides anything again: each finding's outcome and how it is
known, its latest status, RAG and due date are its standing, written on the
node when the graph was built (:mod:`oversight.graph.standing`); "overdue as
of a day" is :func:`oversight.graph.standing.overdue_on`; the stated counts
beside what is attributed to findings are :func:`oversight.queries.closure.reconcile`'s.
Each fact carries its source: the document key, its title and date, the line
and the quote (``None`` when no paper states it, e.g. a deduced link).

>>> from oversight.graph.model import OversightGraph
>>> from oversight.graph.standing import derive_standings
>>> g = OversightGraph()
>>> g.add_node("i", "Inspection", {"title": "PEEL", "published": "2022-04-28"})
>>> g.add_node("i/afi-01", "AreaForImprovement", {"number": 1, "text": "Do better", "deadline": "2023-03"})
>>> g.add_edge("i", "ISSUED", "i/afi-01")
>>> derive_standings(g)
>>> [(r["key"], r["outcome"], r["overdue"]) for r in tracker_rows(g, "2023-04-01")]
[('i/afi-01', 'unknown', True)]
>>> tracker_rows(g, "2023-03-31")[0]["overdue"]
False
"""

from __future__ import annotations

import re
from typing import Any

from oversight.graph.model import EDGE_EVIDENCE_PROPS, OversightGraph, document_name
from oversight.graph.standing import overdue_on
from oversight.graph.status import date_order, status_history
from oversight.ontology import L, R
from oversight.queries.closure import reconcile
from oversight.queries.findings import display_name
from oversight.queries.lineage import supersession_links

__all__ = ["tracker", "tracker_rows", "inspection_rows", "source_of"]

_TRAILING_NUMBER = re.compile(r"(\d+)$")


def source_of(graph: OversightGraph, document: str | None, line: int | None, quote: str | None = None) -> dict[str, Any] | None:
    """A fact's source as the tracker shows it, or None when no document is cited.

    >>> from oversight.graph.model import OversightGraph
    >>> g = OversightGraph()
    >>> g.add_node("document/a", "Document", {"sha256": "a" * 64, "title": "Progress paper", "date": "2023-04-18"})
    >>> source_of(g, "document/a", 7, "AFI 5: amber")["cite"]
    'Progress paper (2023-04-18), line 7'
    """
    if document is None:
        return None
    name = document_name(graph, document)
    return {
        "document": document,
        "title": name,
        "line": line,
        "quote": quote or None,
        "cite": f"{name}, line {line}" if line is not None else name,
    }


def _node_source(graph: OversightGraph, key: str | None) -> dict[str, Any] | None:
    if key is None or key not in graph:
        return None
    cited = graph.evidence(key)
    if not cited:
        return None
    first = cited[0]
    return source_of(graph, first["document"], first["line"], first.get("quote"))


def _edge_source(graph: OversightGraph, edge: dict[str, Any]) -> dict[str, Any] | None:
    documents, lines, quotes = (edge.get(p) or [] for p in EDGE_EVIDENCE_PROPS)
    if not documents:
        return None
    return source_of(graph, documents[0], lines[0] if lines else None, quotes[0] if quotes else None)


def _edge_sources(graph: OversightGraph, edge: dict[str, Any]) -> list[dict[str, Any]]:
    """Every line a relationship cites (a deduced link cites what it was deduced from)."""
    documents, lines, quotes = (edge.get(p) or [] for p in EDGE_EVIDENCE_PROPS)
    out = []
    for index, document in enumerate(documents):
        line = lines[index] if index < len(lines) else None
        quote = quotes[index] if index < len(quotes) else None
        cited = source_of(graph, document, line, quote)
        if cited is not None and cited not in out:
            out.append(cited)
    return out


def _grounds(graph: OversightGraph, keys: list[str]) -> list[dict[str, Any]]:
    """What a deduced or inferred fact rests on: each node with its label class and first cited line."""
    return [
        {"key": k, "kind": graph.labels(k)[0], "source": _node_source(graph, k)}
        for k in keys
        if k in graph
    ]


def _number(node: dict[str, Any], key: str) -> int | str | None:
    """The finding's number; a key like ``…/afi/responding-to-the-public-04`` numbers it 4 within its area."""
    if node.get("number") is not None:
        return node["number"]  # type: ignore[no-any-return]
    found = _TRAILING_NUMBER.search(key.rsplit("/", 1)[-1])
    return int(found.group(1)) if found else None


def _links(graph: OversightGraph, key: str, type: str) -> list[dict[str, Any]]:
    """Owners (OWNED_BY) or boards (OVERSEEN_BY) with how each is known: stated, or
    deduced ``via`` a plan or an area with a confidence."""
    rows = []
    for edge in graph.edges(type=type, source=key):
        target = edge["target"]
        rows.append(
            {
                "key": target,
                "name": display_name(graph.node(target)),
                "via": edge.get("via"),
                "confidence": edge.get("confidence"),
                "source": _edge_source(graph, edge),
                "sources": _edge_sources(graph, edge),
            }
        )
    return rows


def _supersession(graph: OversightGraph, key: str, direction: str) -> list[dict[str, Any]]:
    rows = []
    for link in supersession_links(graph, key, direction):
        stated = [e for e in link["evidence"] if "document" in e]
        inferred = link["basis"] == "inferred"
        rows.append(
            {
                "key": link["key"],
                "basis": link["basis"],
                "confidence": link["confidence"],
                "suggestion": inferred,
                "reason": next((e["inference"] for e in link["evidence"] if "inference" in e), None),
                "source": source_of(graph, stated[0]["document"], stated[0]["line"], stated[0]["quote"]) if stated else None,
                "sources": [source_of(graph, e["document"], e["line"], e["quote"]) for e in stated],
                # an inferred link rests on the two findings' own wordings (and any passage it cites)
                "from": _grounds(graph, sorted({key, link["key"]})) if inferred else [],
            }
        )
    return rows


def _inspection_order(graph: OversightGraph, inspection: str | None) -> tuple[Any, ...]:
    if inspection is None:
        return ((9999,), "")
    props = graph.read.nodes[inspection]["props"]
    published = props.get("published") or props.get("date") or props.get("stageDate")
    return (date_order(str(published)) if published else (9999,), inspection)


def tracker_rows(graph: OversightGraph, as_of: str) -> list[dict[str, Any]]:
    """One row per finding, by inspection (oldest first), then number, then key.

    Parameters
    ----------
    graph
        A built graph (each finding carries its standing).
    as_of
        The ISO 8601 day the overdue mark is computed for (``2024-01-31``).

    Returns
    -------
    list of dict
        ``key, aliases, kind, number, text, textSource, inspection,
        inspectionTitle, area, outcome, outcomeBasis, outcomeReason,
        outcomeSource, outcomeDate, outcomeFrom, outcomePossible, mayBeOpen, status,
        statusDate, rag, statusSource, due, dueSource, dueBy, overdue,
        overdueDue, owners, boards, supersedes, supersededBy``. ``overdue``
        is :func:`~oversight.graph.standing.overdue_on` on ``as_of``;
        ``overdueDue`` the due date, as known that day, that makes it so.
        Owners and boards say how each is known (``via`` and ``confidence``
        when deduced through a plan or an area, and every line the link cites
        in ``sources``); supersession links say their ``basis``, mark inferred
        ones as ``suggestion`` and give what they were inferred ``from`` (the
        two findings, each with its cited line). ``outcomeFrom`` lists what the
        outcome rests on (the stated counts it was deduced from, the status or
        link that records it), each with its cited line.
    """
    nodes = graph.read.nodes
    rows = []
    for key in graph.keys(L.Finding):
        node = nodes[key]["props"]
        inspection = graph.issuer(key)
        areas = graph.out(key, R.IN_AREA)
        known = overdue_on(node, status_history(graph, key), as_of)
        outcome_source = source_of(graph, node.get("outcomeDocument"), node.get("outcomeLine"), node.get("outcomeQuote"))
        rows.append(
            {
                "key": key,
                "aliases": list(node.get("aliasKeys") or []),
                "kind": graph.labels(key)[0],
                "number": _number(node, key),
                "text": node.get("text"),
                "textSource": _node_source(graph, key),
                "inspection": inspection,
                "inspectionTitle": display_name(graph.node(inspection)) if inspection else None,
                "area": "; ".join(display_name(graph.node(a)) for a in areas) or None,
                "outcome": node.get("outcome"),
                "outcomeBasis": node.get("outcomeBasis"),
                "outcomeReason": node.get("outcomeReason"),
                "outcomeSource": outcome_source,
                "outcomeDate": node.get("outcomeDate"),
                "outcomeFrom": _grounds(graph, list(node.get("outcomeFrom") or [])),
                "outcomePossible": list(node.get("outcomePossible") or []),
                "mayBeOpen": node.get("mayBeOpen"),
                "status": node.get("latestStatus"),
                "statusDate": node.get("latestStatusDate"),
                "rag": node.get("latestRag"),
                "statusSource": _node_source(graph, node.get("latestAssessment")),
                "due": node.get("due"),
                "dueSource": node.get("dueSource"),
                "dueBy": node.get("dueBy"),
                "overdue": known is not None,
                "overdueDue": known["due"] if known else None,
                "owners": _links(graph, key, R.OWNED_BY),
                "boards": _links(graph, key, R.OVERSEEN_BY),
                "supersedes": _supersession(graph, key, "supersedes"),
                "supersededBy": _supersession(graph, key, "supersededBy"),
            }
        )
    rows.sort(
        key=lambda r: (
            _inspection_order(graph, r["inspection"]),
            (0, r["number"], "") if isinstance(r["number"], int) else (1, 0, str(r["number"] or "")),
            r["key"],
        )
    )
    return rows


def inspection_rows(graph: OversightGraph, rows: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """One summary per inspection that issued findings, oldest first: its findings by
    outcome, and each count a paper states beside the findings it is attributed to.

    ``statements`` are :func:`~oversight.queries.closure.reconcile`'s: ``outcome,
    area, stated, ofTotal, identified, reconciles, source`` — "14 closed stated,
    8 identified". ``rows`` are :func:`tracker_rows` when already built (any day).
    """
    findings = rows if rows is not None else tracker_rows(graph, "0000-01-01")
    by_inspection: dict[str | None, list[dict[str, Any]]] = {}
    for row in findings:
        by_inspection.setdefault(row["inspection"], []).append(row)
    summaries = []
    for inspection in sorted(by_inspection, key=lambda k: _inspection_order(graph, k)):
        own = by_inspection[inspection]
        outcomes: dict[str, int] = {}
        for row in own:
            outcomes[row["outcome"]] = outcomes.get(row["outcome"], 0) + 1
        statements = []
        reconciles = None
        if inspection is not None and graph.out(inspection, R.HAS_STATED_COUNT):
            report = reconcile(graph, inspection)
            reconciles = report["reconciles"]
            statements = [
                {
                    "outcome": s["outcome"],
                    "area": s["area"],
                    "stated": s["stated"],
                    "ofTotal": s["ofTotal"],
                    "identified": s["identified"],
                    "reconciles": s["reconciles"],
                    "source": source_of(graph, s["document"], s["line"], s["quote"]),
                }
                for s in report["statements"]
            ]
        props = graph.read.nodes[inspection]["props"] if inspection is not None else {}
        summaries.append(
            {
                "key": inspection,
                "title": display_name(graph.node(inspection)) if inspection else None,
                "published": props.get("published") or props.get("date"),
                "findings": len(own),
                "outcomes": dict(sorted(outcomes.items(), key=lambda kv: str(kv[0]))),
                "statements": statements,
                "reconciles": reconciles,
                "source": _node_source(graph, inspection),
            }
        )
    return summaries


def tracker(graph: OversightGraph, as_of: str) -> dict[str, Any]:
    """The whole tracker: ``asOf``, ``inspections`` (:func:`inspection_rows`) and
    ``findings`` (:func:`tracker_rows`)."""
    rows = tracker_rows(graph, as_of)
    return {"asOf": as_of, "inspections": inspection_rows(graph, rows), "findings": rows}
