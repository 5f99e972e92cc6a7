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

from collections import Counter
from collections.abc import Iterable
from typing import Any

from oversight.graph.model import OversightGraph
from oversight.ontology import L, R
from oversight.queries.outcomes import (
    STATUS_OUTCOME,
    current_status,
    finding_outcome,
    status_history,
    superseded_by,
)

__all__ = [
    "OPEN_OUTCOMES",
    "period_end",
    "node_kind",
    "latest_status",
    "outcome_with",
    "due_date",
    "order_rows",
    "demo_graph",
    "inspection_outcomes",
    "inspection_outcome_counts",
    "finding_status_history",
    "overdue_findings",
    "recommendations_due",
]

#: Outcomes that mean "still to be done": open, or never assessed.
OPEN_OUTCOMES = ("open", "unknown")


def period_end(date: str) -> str:
    """The last day a date of year or month precision stands for; a full date as it is.

    >>> period_end("2023"), period_end("2023-02"), period_end("2023-02-14")
    ('2023-12-31', '2023-02-31', '2023-02-14')

    ``2023-02-31`` is not a day, but as a string it sorts after every day of
    February and before March, which is all a comparison with a real day needs.
    """
    if len(date) == 4:
        return date + "-12-31"
    if len(date) == 7:
        return date + "-31"
    return date


def node_kind(graph: OversightGraph, key: str) -> str:
    """The most specific class of a node (``AreaForImprovement``, not ``Finding``).

    >>> node_kind(demo_graph(), "kent-police/peel-2021-22/afi-01")
    'AreaForImprovement'
    """
    return graph.labels(key)[0]


def latest_status(graph: OversightGraph, key: str, as_of: str | None = None) -> dict[str, Any] | None:
    """The latest status assessment of a finding, or of those dated by ``as_of``.

    Assessments are ordered by date, then key (as :func:`status_history`);
    with ``as_of``, one counts when :func:`period_end` of its date is on or
    before that day (an undated one always counts).

    >>> latest_status(demo_graph(), "kent-police/peel-2021-22/afi-02")["status"]
    'in-progress'
    >>> latest_status(demo_graph(), "kent-police/peel-2021-22/afi-02", as_of="2022-12-31")["status"]
    'open'
    """
    if as_of is None:
        return current_status(graph, key)
    history = [s for s in status_history(graph, key) if period_end(s.get("date", "")) <= as_of]
    return history[-1] if history else None


def outcome_with(graph: OversightGraph, key: str, latest: dict[str, Any] | None) -> str:
    """The outcome rule of :mod:`oversight.queries.outcomes`, with a given latest assessment.

    Same as :func:`~oversight.queries.outcomes.finding_outcome` when ``latest``
    is the finding's current status; used for "as of a day" questions.

    >>> g = demo_graph()
    >>> outcome_with(g, "kent-police/peel-2021-22/afi-02", None)
    'unknown'
    """
    if graph.out(key, R.CARRIED_FORWARD_TO):
        return "carried-forward"
    if superseded_by(graph, key):
        return "superseded"
    if latest is None or "status" not in latest:
        return "unknown"
    return STATUS_OUTCOME[latest["status"]]


def due_date(latest: dict[str, Any] | None, finding: dict[str, Any]) -> str | None:
    """The latest assessment's anticipated completion, else the finding's deadline.

    >>> due_date({"anticipatedCompletion": "2024-03"}, {"deadline": "2023-12-31"})
    '2024-03'
    >>> due_date(None, {"deadline": "2023-12-31"})
    '2023-12-31'
    """
    if latest is not None and latest.get("anticipatedCompletion") is not None:
        return str(latest["anticipatedCompletion"])
    deadline = finding.get("deadline")
    return None if deadline is None else str(deadline)


def _nulls_last(value: Any) -> tuple[bool, Any]:
    return (value is None, "" if value is None else value)


def order_rows(rows: list[dict[str, Any]], *columns: str) -> list[dict[str, Any]]:
    """Sort rows by ``columns`` as Cypher's ``ORDER BY`` does: ascending, nulls last.

    >>> order_rows([{"a": None}, {"a": "x"}], "a")
    [{'a': 'x'}, {'a': None}]
    """
    rows.sort(key=lambda row: tuple(_nulls_last(row[c]) for c in columns))
    return rows


def _findings_of(graph: OversightGraph, keys: Iterable[str]) -> list[str]:
    return [k for k in keys if graph.has_label(k, L.Finding)]


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
        ``inspection, finding, kind, number, outcome, status, assessed,
        supersededBy, carriedForwardTo``. ``outcome`` follows
        :func:`~oversight.queries.outcomes.finding_outcome`.

    Examples
    --------
    >>> row = inspection_outcomes(demo_graph(), "kent-police/peel-2021-22")[0]
    >>> row["finding"], row["outcome"], row["supersededBy"]
    ('kent-police/peel-2021-22/afi-01', 'superseded', ['kent-police/peel-2023-25/afi-01'])
    """
    rows = []
    for ins in graph.keys(L.Inspection):
        if inspection is not None and ins != inspection:
            continue
        for key in _findings_of(graph, graph.out(ins, R.ISSUED)):
            node = graph.node(key)
            latest = current_status(graph, key) or {}
            rows.append(
                {
                    "inspection": ins,
                    "finding": key,
                    "kind": node_kind(graph, key),
                    "number": node.get("number"),
                    "outcome": finding_outcome(graph, key),
                    "status": latest.get("status"),
                    "assessed": latest.get("date"),
                    "supersededBy": superseded_by(graph, key),
                    "carriedForwardTo": graph.out(key, R.CARRIED_FORWARD_TO),
                }
            )
    return order_rows(rows, "inspection", "finding")


def inspection_outcome_counts(graph: OversightGraph, inspection: str | None = None) -> list[dict[str, Any]]:
    """How many of each inspection's findings have each outcome (twin of ``inspection-outcome-counts.cypher``).

    Examples
    --------
    >>> inspection_outcome_counts(demo_graph(), "kent-police/peel-2021-22")
    [{'inspection': 'kent-police/peel-2021-22', 'outcome': 'open', 'findings': 1}, {'inspection': 'kent-police/peel-2021-22', 'outcome': 'superseded', 'findings': 1}]
    """
    counts = Counter((r["inspection"], r["outcome"]) for r in inspection_outcomes(graph, inspection))
    rows = [{"inspection": i, "outcome": o, "findings": n} for (i, o), n in counts.items()]
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
    """Open findings past their due date as of a day (twin of ``overdue-findings.cypher``).

    Parameters
    ----------
    graph
        The oversight graph.
    as_of
        An ISO 8601 day (``2024-01-31``).

    Returns
    -------
    list of dict
        ``finding, kind, due, dueSource, status, assessed, outcome, text``, ordered by
        due date, then finding. The due date is the anticipated completion of the
        latest assessment dated by ``as_of``, else the finding's deadline
        (``dueSource`` says which); a finding is overdue when :func:`period_end`
        of it is before ``as_of`` and its outcome, with that assessment, is open
        or unknown.

    Examples
    --------
    >>> [(r["finding"], r["due"]) for r in overdue_findings(demo_graph(), "2023-04-01")]
    [('kent-police/peel-2021-22/afi-02', '2023-03')]
    >>> overdue_findings(demo_graph(), "2023-03-31")
    []
    """
    rows = []
    for node in graph.nodes(L.Finding):
        key = node["key"]
        latest = latest_status(graph, key, as_of)
        outcome = outcome_with(graph, key, latest)
        due = due_date(latest, node)
        if outcome not in OPEN_OUTCOMES or due is None or not period_end(due) < as_of:
            continue
        from_status = latest is not None and latest.get("anticipatedCompletion") is not None
        rows.append(
            {
                "finding": key,
                "kind": node_kind(graph, key),
                "due": due,
                "dueSource": "anticipatedCompletion" if from_status else "deadline",
                "status": (latest or {}).get("status"),
                "assessed": (latest or {}).get("date"),
                "outcome": outcome,
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
    >>> [r["finding"] for r in recommendations_due(g, "2024-03-31", "2024-04-30")]
    ['hmicfrs/review/rec-01']
    >>> recommendations_due(g, "2024-04-01", "2024-04-30")
    []
    """
    rows = []
    for node in graph.nodes(L.Finding):
        key = node["key"]
        if not (graph.has_label(key, L.Recommendation) or graph.has_label(key, L.AuditRecommendation)):
            continue
        deadline = node.get("deadline")
        if deadline is None or not (deadline <= due_to and period_end(deadline) >= due_from):
            continue
        rows.append(
            {
                "finding": key,
                "kind": node_kind(graph, key),
                "deadline": deadline,
                "addressee": node.get("addressee"),
                "forChiefConstables": node.get("forChiefConstables"),
                "issuedBy": graph.issuer(key),
                "outcome": finding_outcome(graph, key),
            }
        )
    return order_rows(rows, "deadline", "finding")
