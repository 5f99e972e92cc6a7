"""Where findings stand: outcomes per inspection, status histories, due and overdue items.

The embedded twins of the catalogue questions ``inspection-outcomes``,
``inspection-outcome-counts``, ``status-history``, ``overdue-findings`` and
``recommendations-due`` (``queries/catalog/*.cypher``): plain functions that take
the graph first and return the same rows, in the same order, as the Cypher.

Dates are ISO 8601 strings at the precision the paper gives. Where a question
compares a date with a day, a date of month precision stands for the last day of
its month and one of year precision for 31 December (:func:`period_end`), so
``2023-03`` is overdue from ``2023-04-01``.

>>> g = demo_graph()
>>> [(r["finding"], r["outcome"]) for r in inspection_outcomes(g)]
[('kent-police/peel-2021-22/afi-01', 'superseded'), ('kent-police/peel-2021-22/afi-02', 'open'), ('kent-police/peel-2023-25/afi-01', 'unknown')]
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from typing import Any

from oversight.errors import QueryError
from oversight.graph.model import OversightGraph
from oversight.graph.standing import derive_standings, overdue_on, period_end, settled_by
from oversight.graph.status import DECIDING_BASES, status_history
from oversight.ontology import L, R, ontology

__all__ = [
    "period_end",
    "node_kind",
    "order_rows",
    "demo_graph",
    "inspection_outcomes",
    "inspection_outcome_counts",
    "finding_status_history",
    "overdue_findings",
    "recommendations_due",
]


def node_kind(graph: OversightGraph, key: str) -> str:
    """The most specific class of a node (``AreaForImprovement``, not ``Finding``).

    >>> node_kind(demo_graph(), "kent-police/peel-2021-22/afi-01")
    'AreaForImprovement'
    """
    return graph.labels(key)[0]


def order_rows(rows: list[dict[str, Any]], *columns: str) -> list[dict[str, Any]]:
    """Sort rows by ``columns`` as Cypher's ``ORDER BY`` does: ascending, nulls last.

    One stable sort per column, the last column first, gives the order of one
    sort on all of them, and a key of one value is built in less than half the
    time of a tuple of every column (the national views sort thousands of rows).

    >>> order_rows([{"a": None}, {"a": "x"}], "a")
    [{'a': 'x'}, {'a': None}]
    >>> order_rows([{"a": "y", "b": 1}, {"a": None, "b": 0}, {"a": "x", "b": 2}, {"a": "x", "b": None}], "a", "b")
    [{'a': 'x', 'b': 2}, {'a': 'x', 'b': None}, {'a': 'y', 'b': 1}, {'a': None, 'b': 0}]
    """
    for column in reversed(columns):

        def nulls_last(row: dict[str, Any], c: str = column) -> tuple[bool, Any]:
            value = row[c]
            return (value is None, "" if value is None else value)

        rows.sort(key=nulls_last)
    return rows


def _findings_of(graph: OversightGraph, keys: Iterable[str]) -> list[str]:
    return [k for k in keys if graph.has_label(k, L.Finding)]


# --- one pass over the adjacency -----------------------------------------------------
#
# The questions below read every finding of a national graph (thousands). Going
# through ``graph.out``/``graph.into``/``graph.node`` for each (a checked type,
# a sorted copy, a dict copy per call) and through networkx's Mapping views
# (about a microsecond an access) cost 150-300 ms a question at 43 forces.
# These helpers read the same adjacency and properties through the graph's
# copy-free read view (``graph.read``: :class:`~oversight.graph.model.ReadView`),
# in one visit of each finding's relationships, and give the same values.
# Nothing is cached, so a graph changed between two questions is read as it is.

_CARRIED_FORWARD_TO = str(R.CARRIED_FORWARD_TO)
_HAS_STATUS = str(R.HAS_STATUS)
_SUPERSEDES = str(R.SUPERSEDES)
_ISSUED = str(R.ISSUED)
_RAISED_IN = str(R.RAISED_IN)
_OWNED_BY = str(R.OWNED_BY)
_OVERSEEN_BY = str(R.OVERSEEN_BY)
_IN_AREA = str(R.IN_AREA)
_BY_KEY = (_CARRIED_FORWARD_TO, _HAS_STATUS, _SUPERSEDES, _ISSUED, _RAISED_IN, _OWNED_BY, _OVERSEEN_BY, _IN_AREA)
if any(ontology().relationship(t).identity_property for t in _BY_KEY):
    raise RuntimeError(  # pragma: no cover - an ontology change
        "queries/progress.py: _Standing finds relationships by edge key, which needs these types to have no "
        "identity property: " + ", ".join(_BY_KEY)
    )


#: Edge keys _Standing reads on the way out of a finding, and what it does with each.
_OUT_SLOTS = {_CARRIED_FORWARD_TO: 1, _OWNED_BY: 2, _OVERSEEN_BY: 3, _IN_AREA: 4, _RAISED_IN: 5}

def _ordered(keys: list[str] | None) -> list[str]:
    """Sorted (the neighbours of one node are distinct: one relationship of a type per pair); [] for None."""
    if keys is None:
        return []
    return sorted(keys) if len(keys) > 1 else keys


def _keys_with(graph: OversightGraph, label: str) -> list[str]:
    """Keys of the nodes with ``label``, sorted (as ``graph.keys(label)``)."""
    return sorted(k for k, data in graph.read.nodes.items() if label in data["labels"])


def _props(graph: OversightGraph, key: str) -> dict[str, Any]:
    """The stored properties of a node (not a copy: read, never change)."""
    return graph.read.nodes[key]["props"]  # type: ignore[no-any-return]


def _name_of(graph: OversightGraph, key: str | None) -> Any:
    return None if key is None else graph.read.nodes[key]["props"].get("name")


def _kind_of(graph: OversightGraph, key: str) -> str:
    return graph.read.nodes[key]["labels"][0]  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=256)
def _keyed_in(onto: Any, type: str) -> bool:
    return onto.relationship(type).identity_property is None


def _keyed_by_type(graph: OversightGraph, type: str) -> bool:
    """Whether relationships of ``type`` are stored under the edge key ``type`` itself.

    :meth:`OversightGraph.add_edge` keys a relationship by its type, or by
    ``type#identity`` for a type with an identity property (``EVIDENCED_BY``:
    one per cited line). For the others, "is there a ``type`` relationship to
    this neighbour" is one dict lookup rather than a look at each relationship.
    """
    return _keyed_in(graph.onto, type)


def _neighbours(graph: OversightGraph, key: str, type: str, incoming: bool = False) -> list[str]:
    """``graph.out(key, type)`` (or ``graph.into``) read straight from the adjacency: sorted, distinct."""
    adjacency = (graph.read.pred if incoming else graph.read.succ).get(key)
    if not adjacency:
        return []
    if _keyed_by_type(graph, type):
        found = [other for other, keyed in adjacency.items() if type in keyed]
        return sorted(found) if len(found) > 1 else found
    return sorted({other for other, keyed in adjacency.items() for d in keyed.values() if d["type"] == type})


def _issuer_of(graph: OversightGraph, key: str) -> str | None:
    """``graph.issuer(key)``: the first issuing inspection or meeting, else the first audit it was raised in."""
    issuers = _neighbours(graph, key, _ISSUED, incoming=True) or _neighbours(graph, key, _RAISED_IN)
    return issuers[0] if issuers else None


class _Standing:
    """What the questions need of one finding, read in one visit of its relationships each way.

    The finding's standing (``outcome``, ``mayBeOpen``, latest status, due date)
    is read from its node, where :mod:`oversight.graph.standing` wrote it when the
    graph was built: no question derives it again. ``carried`` and
    ``superseded_by`` are the sorted keys of the plans and the stated or
    registered successors; ``owners``, ``boards``, ``areas`` and ``issued_by``
    are ``graph.out(key, OWNED_BY)``, ``OVERSEEN_BY``, ``IN_AREA`` and
    ``graph.issuer(key)``.
    """

    __slots__ = ("props", "carried", "superseded_by", "outcome", "open", "owners", "boards", "areas", "issued_by")

    def __init__(self, graph: OversightGraph, key: str) -> None:
        # Every type read here is keyed by its own name (_keyed_by_type): one
        # relationship of each type per pair of nodes, found by its edge key. The
        # lists stay None until used: this runs once per finding of the graph.
        self.props: dict[str, Any] = graph.read.nodes[key]["props"]
        if "outcome" not in self.props:
            raise QueryError(
                f"{key}: this graph has no derived standings (build it with build_graph, or call "
                "oversight.graph.standing.derive_standings)"
            )
        carried = owners = boards = areas = raised_in = None
        for target, keyed in graph.read.succ[key].items():
            for edge_key in keyed:
                slot = _OUT_SLOTS.get(edge_key)
                if slot is None:
                    continue
                if slot == 1:
                    carried = [target] if carried is None else [*carried, target]
                elif slot == 2:
                    owners = [target] if owners is None else [*owners, target]
                elif slot == 3:
                    boards = [target] if boards is None else [*boards, target]
                elif slot == 4:
                    areas = [target] if areas is None else [*areas, target]
                else:
                    raised_in = [target] if raised_in is None else [*raised_in, target]
        superseded = issuers = None
        for source, keyed in graph.read.pred[key].items():
            if _SUPERSEDES in keyed and keyed[_SUPERSEDES]["props"].get("basis") in DECIDING_BASES:
                superseded = [source] if superseded is None else [*superseded, source]
            if _ISSUED in keyed:
                issuers = [source] if issuers is None else [*issuers, source]
        self.carried = _ordered(carried)
        self.superseded_by = _ordered(superseded)
        self.owners = _ordered(owners)
        self.boards = _ordered(boards)
        self.areas = _ordered(areas)
        self.issued_by = min(issuers) if issuers else min(raised_in) if raised_in else None
        self.outcome: str = self.props["outcome"]
        self.open: bool = self.props["mayBeOpen"]


def demo_graph() -> OversightGraph:
    """A tiny graph for the examples: two PEEL rounds of one force, a board, a chain to the Panel.

    >>> len(demo_graph())
    18
    """
    g = OversightGraph()
    g.add_node("document/demo", L.Document, {"title": "Demo paper"})
    g.add_node("kent-police", L.Force, {"name": "Kent Police"})
    g.add_node("hmicfrs", L.Inspectorate, {"name": "HMICFRS"})
    g.add_node("area/investigating-crime", L.AssessmentArea, {"name": "Investigating crime"})
    for key, published in (("kent-police/peel-2021-22", "2022-04-28"), ("kent-police/peel-2023-25", "2023-11-17")):
        g.add_node(key, L.Inspection, {"kind": "peel", "published": published})
        g.add_edge(key, R.INSPECTED, "kent-police")
        g.add_edge(key, R.CONDUCTED_BY, "hmicfrs")
        g.add_node(f"{key}/judgement/investigating-crime", L.Judgement, {"grade": "adequate" if "2021" in key else "good"})
        g.add_edge(key, R.HAS_JUDGEMENT, f"{key}/judgement/investigating-crime")
        g.add_edge(f"{key}/judgement/investigating-crime", R.IN_AREA, "area/investigating-crime")
    old1, old2, new1 = (
        "kent-police/peel-2021-22/afi-01",
        "kent-police/peel-2021-22/afi-02",
        "kent-police/peel-2023-25/afi-01",
    )
    for key in (old1, old2, new1):
        g.add_node(key, L.AreaForImprovement, {"number": 1 if key.endswith("01") else 2, "text": "Improve."})
        g.add_edge(key.rsplit("/", 1)[0], R.ISSUED, key)
        g.add_edge(key, R.IN_AREA, "area/investigating-crime")
    g.add_edge(new1, R.SUPERSEDES, old1, {"basis": "stated"})
    for date, status, due in (("2022-10", "open", "2023-03"), ("2023-04-18", "in-progress", "2023-09")):
        g.add_node(f"{old2}/status/{date}", L.StatusAssessment, {"date": date, "status": status, "anticipatedCompletion": due})
        g.add_edge(old2, R.HAS_STATUS, f"{old2}/status/{date}")
    g.add_node("kent-police/post/deputy-chief-constable", L.Post, {"name": "Deputy Chief Constable"})
    g.add_node("kent-police/post/police-and-crime-commissioner", L.Post, {"name": "Police and Crime Commissioner"})
    g.add_node("kent-police/board/future-improvement-and-development-board", L.Board, {"name": "FIDB"})
    g.add_node("kent-police/board/police-and-crime-panel", L.Board, {"name": "Police and Crime Panel"})
    g.add_edge(old2, R.OWNED_BY, "kent-police/post/deputy-chief-constable")
    g.add_edge(old2, R.OVERSEEN_BY, "kent-police/board/future-improvement-and-development-board")
    g.add_edge("kent-police/board/future-improvement-and-development-board", R.CHAIRED_BY, "kent-police/post/deputy-chief-constable")
    g.add_edge("kent-police/post/deputy-chief-constable", R.ACCOUNTABLE_TO, "kent-police/post/police-and-crime-commissioner")
    g.add_edge("kent-police/post/police-and-crime-commissioner", R.SCRUTINISED_BY, "kent-police/board/police-and-crime-panel")
    g.add_node("kent-police/board/tactical-group", L.Board, {"name": "Tactical Group", "unresolved": True, "surfaceNames": ["the TG"]})
    from oversight.loaders.models import Evidence

    g.add_node(old2, L.AreaForImprovement, {}, Evidence(document="document/demo", line=4, quote="AFI 2"))
    g.add_edge(new1, R.SUPERSEDES, old1, {}, Evidence(document="document/demo", line=9, quote="replaces"))
    derive_standings(g)
    return g


# --- questions ----------------------------------------------------------------------


def inspection_outcomes(graph: OversightGraph, inspection: str | None = None) -> list[dict[str, Any]]:
    """What each inspection's findings became (twin of ``inspection-outcomes.cypher``).

    Parameters
    ----------
    graph
        The oversight graph.
    inspection
        Only this inspection's findings; ``None`` for every inspection.

    Returns
    -------
    list of dict
        One row per inspection and issued finding, ordered by inspection and finding:
        ``inspection, finding, kind, number, outcome, basis, status, assessed,
        supersededBy, carriedForwardTo``: the standing written on each finding
        (:mod:`oversight.graph.standing`), ``basis`` saying how it is known.

    Examples
    --------
    >>> row = inspection_outcomes(demo_graph(), "kent-police/peel-2021-22")[0]
    >>> row["finding"], row["outcome"], row["supersededBy"]
    ('kent-police/peel-2021-22/afi-01', 'superseded', ['kent-police/peel-2023-25/afi-01'])
    """
    rows = []
    finding = L.Finding
    for ins in _keys_with(graph, L.Inspection):
        if inspection is not None and ins != inspection:
            continue
        for key in _neighbours(graph, ins, _ISSUED):
            if finding not in graph.read.nodes[key]["labels"]:
                continue
            standing = _Standing(graph, key)
            rows.append(
                {
                    "inspection": ins,
                    "finding": key,
                    "kind": _kind_of(graph, key),
                    "number": standing.props.get("number"),
                    "outcome": standing.outcome,
                    "basis": standing.props.get("outcomeBasis"),
                    "status": standing.props.get("latestStatus"),
                    "assessed": standing.props.get("latestStatusDate"),
                    "supersededBy": standing.superseded_by,
                    "carriedForwardTo": standing.carried,
                }
            )
    return order_rows(rows, "inspection", "finding")


def inspection_outcome_counts(graph: OversightGraph, inspection: str | None = None) -> list[dict[str, Any]]:
    """How many of each inspection's findings have each outcome, beside what the papers state
    (twin of ``inspection-outcome-counts.cypher``).

    ``findings`` counts the findings whose standing is that outcome (recorded,
    deduced or inferred: see ``inspection-outcomes`` for which); ``stated`` is the
    largest count a paper states of the whole inspection for that outcome ("14 of
    the 19 closed"), or null: "14 closed stated, 8 of them identified".

    Examples
    --------
    >>> inspection_outcome_counts(demo_graph(), "kent-police/peel-2021-22")
    [{'inspection': 'kent-police/peel-2021-22', 'outcome': 'open', 'findings': 1, 'stated': None}, {'inspection': 'kent-police/peel-2021-22', 'outcome': 'superseded', 'findings': 1, 'stated': None}]
    """
    counts = Counter((r["inspection"], r["outcome"]) for r in inspection_outcomes(graph, inspection))
    stated: dict[tuple[str, str], int] = {}
    for ins in {i for i, _ in counts}:
        for count_key in _neighbours(graph, ins, str(R.HAS_STATED_COUNT)):
            c = _props(graph, count_key)
            if "outcome" not in c or "count" not in c or _neighbours(graph, count_key, _IN_AREA):
                continue
            pair = (ins, c["outcome"])
            stated[pair] = max(stated.get(pair, 0), int(c["count"]))
    rows = [{"inspection": i, "outcome": o, "findings": n, "stated": stated.get((i, o))} for (i, o), n in counts.items()]
    return order_rows(rows, "inspection", "outcome")


def finding_status_history(graph: OversightGraph, finding: str) -> list[dict[str, Any]]:
    """Every status assessment of one finding, oldest first (twin of ``status-history.cypher``).

    Returns ``date, status, rag, anticipatedCompletion, assessment, documents``
    (the keys of the documents that state the assessment); no rows when
    ``finding`` is not a finding of the graph.

    Examples
    --------
    >>> [(r["date"], r["status"]) for r in finding_status_history(demo_graph(), "kent-police/peel-2021-22/afi-02")]
    [('2022-10', 'open'), ('2023-04-18', 'in-progress')]
    """
    if not graph.has_label(finding, L.Finding):
        return []
    rows = []
    for s in status_history(graph, finding):
        rows.append(
            {
                "date": s.get("date"),
                "status": s.get("status"),
                "rag": s.get("rag"),
                "anticipatedCompletion": s.get("anticipatedCompletion"),
                "assessment": s["key"],
                "documents": graph.out(s["key"], R.EVIDENCED_BY),
            }
        )
    rows.sort(key=lambda r: (r["date"] or "", r["assessment"]))
    return rows


def overdue_findings(graph: OversightGraph, as_of: str) -> list[dict[str, Any]]:
    """Findings past their due date and not settled as of a day (twin of ``overdue-findings.cypher``).

    Parameters
    ----------
    graph
        The oversight graph.
    as_of
        An ISO 8601 day (``2024-01-31``).

    Returns
    -------
    list of dict
        ``finding, kind, due, dueSource, status, assessed, outcome, basis, reason,
        text``, ordered by due date, then finding: the findings for which
        :func:`oversight.graph.standing.overdue_on` holds — not closed,
        discharged, superseded, carried forward or signed off by ``as_of``, and
        due before it (the anticipated completion of the latest assessment dated
        by then, else the deadline: ``dueSource``). ``reason`` says why it still
        stands (its latest status and the line that gives it).

    Examples
    --------
    >>> [(r["finding"], r["due"]) for r in overdue_findings(demo_graph(), "2023-04-01")]
    [('kent-police/peel-2021-22/afi-02', '2023-03')]
    >>> overdue_findings(demo_graph(), "2023-03-31")
    []
    """
    rows = []
    for key in _keys_with(graph, L.Finding):
        node = _props(graph, key)
        if settled_by(node, as_of):
            continue
        known = overdue_on(node, status_history(graph, key), as_of)
        if known is None:
            continue
        rows.append(
            {
                "finding": key,
                "kind": _kind_of(graph, key),
                "due": known["due"],
                "dueSource": known["dueSource"],
                "status": known["status"],
                "assessed": known["assessed"],
                "outcome": node.get("outcome"),
                "basis": node.get("outcomeBasis"),
                "reason": node.get("outcomeReason"),
                "text": node.get("text"),
            }
        )
    return order_rows(rows, "due", "finding")


def recommendations_due(
    graph: OversightGraph, due_from: str = "0001-01-01", due_to: str = "9999-12-31"
) -> list[dict[str, Any]]:
    """Recommendations whose deadline falls in a window (twin of ``recommendations-due.cypher``).

    Both ends are included; a deadline of month or year precision is in the
    window when any day of its period is (it starts no later than ``due_to`` and
    :func:`period_end` is no earlier than ``due_from``).

    Returns ``finding, kind, deadline, addressee, forChiefConstables, issuedBy,
    outcome`` for recommendations and audit recommendations, by deadline.

    Examples
    --------
    >>> g = demo_graph()
    >>> g.add_node("hmicfrs/review/rec-01", "Recommendation", {"deadline": "2024-03", "forChiefConstables": True})
    >>> derive_standings(g)
    >>> [r["finding"] for r in recommendations_due(g, "2024-03-31", "2024-04-30")]
    ['hmicfrs/review/rec-01']
    >>> recommendations_due(g, "2024-04-01", "2024-04-30")
    []
    """
    rows = []
    recommendation, audit_recommendation = L.Recommendation, L.AuditRecommendation
    for key in _keys_with(graph, L.Finding):
        labels = graph.read.nodes[key]["labels"]
        if not (recommendation in labels or audit_recommendation in labels):
            continue
        node = _props(graph, key)
        deadline = node.get("deadline")
        if deadline is None or not (deadline <= due_to and period_end(deadline) >= due_from):
            continue
        standing = _Standing(graph, key)
        rows.append(
            {
                "finding": key,
                "kind": _kind_of(graph, key),
                "deadline": deadline,
                "addressee": node.get("addressee"),
                "forChiefConstables": node.get("forChiefConstables"),
                "issuedBy": standing.issued_by,
                "outcome": standing.outcome,
            }
        )
    return order_rows(rows, "deadline", "finding")
