"""Each finding's standing: derived once per build, written onto the graph, read by every surface.

A governance lead asks one question of a finding — what became of it, and how
do we know — and must get one answer from every command, catalogue question,
backend and view. So the answer is not worked out where it is shown: this
stage runs at the end of the build (:data:`oversight.graph.build.DERIVATIONS`),
after the stated facts and the inferred links are in, and writes on every
``Finding`` node:

``outcome`` (vocabulary ``FindingOutcomes``) and ``outcomeBasis`` (``StandingBases``)
    1. *recorded*: a paper or the register states it of this finding — carried
       forward, superseded on a stated or registered basis, an audit action's
       sign-off, or a settling latest status (the rule of
       :func:`oversight.graph.status.finding_outcome`);
    2. *deduced*: the counts the papers state ("14 of the 19 closed, four of
       the five remaining superseded") leave it one outcome
       (:func:`oversight.graph.closure.solve`);
    3. *inferred*: as deduced, but a step matched a one-finding statement to
       this finding by its wording (a similarity score, not logic);
    4. otherwise its latest status, when that leaves it open and the counts
       allow open (*recorded*, ``open``);
    5. otherwise ``unknown``, *unknown*: ``outcomePossible`` lists what the
       papers still allow ("closed or superseded": not open).
``outcomeReason``, ``outcomeFrom``, ``outcomeDocument``/``Line``/``Quote``
    Why, and where a paper says so.
``outcomeDate``, ``outcomeBy``
    When the outcome is known by (the status's or sign-off's date, the
    superseding inspection's publication, the date of the paper that states the
    counts) and the last day that date stands for.
``mayBeOpen``
    True when the papers leave the finding open or leave open possible: what
    every "still open" question selects.
``latestStatus``, ``latestRag``, ``latestStatusDate``, ``latestAssessment``
    The latest status assessment (``latestRag`` from the latest that gives one).
``due``, ``dueSource``, ``dueBy``
    The latest assessment's anticipated completion, else the deadline.

"As of a day" questions use :func:`settled_by`, :func:`as_of` and
:func:`overdue_on`, and nothing else; their Cypher twin
(``overdue-findings.cypher``) compares the same properties and dates.

>>> from oversight.graph.model import OversightGraph
>>> g = OversightGraph()
>>> g.add_node("i", "Inspection")
>>> for n in (1, 2):
...     g.add_node(f"i/afi-0{n}", "AreaForImprovement"); g.add_edge("i", "ISSUED", f"i/afi-0{n}")
>>> g.add_node("i/count/closed", "StatedCount", {"outcome": "closed", "count": 2, "ofTotal": 2})
>>> g.add_edge("i", "HAS_STATED_COUNT", "i/count/closed")
>>> derive_standings(g)
>>> g.node("i/afi-01")["outcome"], g.node("i/afi-01")["outcomeBasis"], g.node("i/afi-01")["mayBeOpen"]
('closed', 'deduced', False)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from oversight.graph.closure import Closure, Constraint, solve
from oversight.graph.model import EDGE_EVIDENCE_PROPS, OversightGraph, document_name
from oversight.graph.status import (
    OUTCOMES,
    SETTLED,
    finding_outcome,
    status_history,
    superseded_by,
)
from oversight.ontology import L, R

__all__ = [
    "STANDING_PROPS",
    "Standing",
    "period_end",
    "derive_standings",
    "standing_of",
    "underived",
    "settled_by",
    "as_of",
    "overdue_on",
]

#: Every property this stage writes on a finding (and clears before writing).
STANDING_PROPS = (
    "outcome",
    "outcomeBasis",
    "outcomeReason",
    "outcomeFrom",
    "outcomeDocument",
    "outcomeLine",
    "outcomeQuote",
    "outcomeDate",
    "outcomeBy",
    "outcomePossible",
    "mayBeOpen",
    "latestStatus",
    "latestRag",
    "latestStatusDate",
    "latestAssessment",
    "due",
    "dueSource",
    "dueBy",
)

#: The longest quote kept on a finding's standing: room for a whole sentence or register
#: entry (300 cut a register note before the clause that said what it meant), bounded for
#: the odd PDF line that holds a page.
_QUOTE_MAX = 1000


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


@dataclass
class Standing:
    """A finding's standing, as written on its node (see the module docs)."""

    outcome: str
    basis: str
    reason: str
    possible: list[str]
    since: list[str] = field(default_factory=list)
    document: str | None = None
    line: int | None = None
    quote: str | None = None
    date: str | None = None

    @property
    def may_be_open(self) -> bool:
        return "open" in self.possible


def _latest_with(history: list[dict[str, Any]], prop: str) -> dict[str, Any] | None:
    for assessment in reversed(history):
        if assessment.get(prop) is not None:
            return assessment
    return None


def _doc_date(graph: OversightGraph, document: str | None) -> str | None:
    if document is None or document not in graph:
        return None
    date = graph.g.nodes[document]["props"].get("date")
    return None if date is None else str(date)


def _doc_name(graph: OversightGraph, document: str | None) -> str:
    if document is None or document not in graph:
        return "an unnamed paper"
    return str(document_name(graph, document))


def _where(graph: OversightGraph, document: str | None, line: int | None) -> str:
    """'<title> (<date>), line N': where a person finds the words."""
    return _doc_name(graph, document) + (f", line {line}" if line is not None else "")


def _cut(text: str | None) -> str | None:
    if not text:
        return None
    return text if len(text) <= _QUOTE_MAX else text[: _QUOTE_MAX - 1].rsplit(" ", 1)[0] + "…"


def _latest_date(dates: list[str | None]) -> str | None:
    known = [d for d in dates if d]
    return max(known, key=period_end) if known else None


def _from_edge(graph: OversightGraph, edge: dict[str, Any]) -> tuple[str | None, int | None, str | None]:
    documents, lines, quotes = (edge.get(p) or [] for p in EDGE_EVIDENCE_PROPS)
    if not documents:
        return None, None, None
    return documents[0], lines[0], quotes[0]


def _from_node(graph: OversightGraph, key: str) -> tuple[str | None, int | None, str | None]:
    cited = graph.evidence(key)
    if not cited:
        return None, None, None
    return cited[0]["document"], cited[0]["line"], cited[0].get("quote")


def _recorded(graph: OversightGraph, key: str, outcome: str, history: list[dict[str, Any]]) -> Standing:
    """The standing of a finding whose own records settle it (rule of finding_outcome)."""
    if outcome == "carried-forward" and graph.out(key, R.CARRIED_FORWARD_TO):
        edge = next(graph.edges(type=R.CARRIED_FORWARD_TO, source=key))
        document, line, quote = _from_edge(graph, edge)
        return Standing(
            outcome, "recorded", f"carried forward to {edge['target']}, as {_where(graph, document, line)} states",
            [outcome], [edge["target"]], document, line, quote, _doc_date(graph, document),
        )
    successors = superseded_by(graph, key)
    if outcome == "superseded" and successors:
        edge = next(e for e in graph.edges(type=R.SUPERSEDES, target=key) if e["source"] == successors[0])
        document, line, quote = _from_edge(graph, edge)
        basis = str(edge.get("basis"))
        how = "the register records" if basis == "register" else f"{_where(graph, document, line)} states"
        date = graph.issued_on(successors[0]) or _doc_date(graph, document)
        return Standing(
            outcome, "recorded", f"superseded by {', '.join(successors)} ({basis}): {how} it",
            [outcome], successors, document, line, quote, date,
        )
    props = graph.g.nodes[key]["props"]
    if outcome == "signed-off":
        latest = history[-1] if history else None
        document, line, quote = _from_node(graph, latest["key"]) if latest else _from_node(graph, key)
        return Standing(
            outcome, "recorded", f"signed off on {props['signedOff']}, as {_where(graph, document, line)} states",
            [outcome], [latest["key"]] if latest else [], document, line, quote, str(props["signedOff"]),
        )
    latest = history[-1]
    document, line, quote = _from_node(graph, latest["key"])
    when = f" on {latest['date']}" if latest.get("date") else " (undated)"
    return Standing(
        outcome, "recorded", f"latest status {latest['status']}{when}, as {_where(graph, document, line)} states",
        [outcome], [latest["key"]], document, line, quote, latest.get("date"),
    )


def _constraints_named(closure: Closure, reasons: list[str]) -> list[Constraint]:
    by_key = {c.key: c for c in closure.constraints}
    return [by_key[r.split(" ", 1)[0]] for r in reasons if r.split(" ", 1)[0] in by_key]


def _deduced(graph: OversightGraph, closure: Closure, key: str, inferred: bool) -> Standing:
    outcome, reasons = closure.deduced[key]
    constraints = _constraints_named(closure, reasons)
    first = constraints[0] if constraints else None
    cited = "; ".join(
        f"'{_cut(c.quote)}' ({_where(graph, c.document, c.line)})" for c in constraints
    )
    how = "inferred by matching its wording to" if inferred else "deduced from"
    scores = [r.split(" ", 1)[1].strip("()") for r in reasons if "matched by description" in r]
    return Standing(
        outcome,
        "inferred" if inferred else "deduced",
        f"{outcome}: {how} the stated counts {cited}" + (f" [{'; '.join(scores)}]" if scores else ""),
        [outcome],
        sorted({c.key for c in constraints}),
        first.document if first else None,
        first.line if first else None,
        first.quote if first else None,
        _latest_date([_doc_date(graph, c.document) for c in constraints]),
    )


def _undecided(
    graph: OversightGraph, closure: Closure | None, key: str, history: list[dict[str, Any]]
) -> Standing:
    """Neither recorded nor deduced: open when its latest status says so and the counts allow it."""
    possible = (
        sorted(closure.domains[key], key=OUTCOMES.index)
        if closure is not None and key in closure.domains
        else [o for o in OUTCOMES if o not in ("unknown", "signed-off")]
    )
    bounding = [c for c in (closure.constraints if closure else []) if key in c.scope]
    latest = history[-1] if history else None
    if latest is not None and "status" in latest and "open" in possible:
        document, line, quote = _from_node(graph, latest["key"])
        when = f" on {latest['date']}" if latest.get("date") else " (undated)"
        return Standing(
            "open", "recorded",
            f"latest status {latest['status']}{when}, as {_where(graph, document, line)} states; nothing settles it since",
            ["open"], [latest["key"]], document, line, quote, latest.get("date"),
        )
    if "open" not in possible and bounding:
        cited = "; ".join(f"'{_cut(c.quote)}' ({_where(graph, c.document, c.line)})" for c in bounding)
        reason = f"one of {' or '.join(possible)}, not open: the stated counts {cited} leave no more"
        first = bounding[0]
        return Standing(
            "unknown", "unknown", reason, possible, sorted({c.key for c in bounding}),
            first.document, first.line, first.quote,
            _latest_date([_doc_date(graph, c.document) for c in bounding]),
        )
    reason = "no paper gives its status or outcome" if latest is None else "its latest status gives no outcome"
    return Standing("unknown", "unknown", f"{reason}; possible: {', '.join(possible)}", possible)


def standing_of(
    graph: OversightGraph, key: str, strict: Closure | None = None, matched: Closure | None = None
) -> Standing:
    """Derive one finding's standing from its inspection's accounts, if it has any:
    ``strict`` solved by the counts alone, ``matched`` also matching one-finding
    statements to findings by wording (:func:`~oversight.graph.closure.solve`).
    """
    history = status_history(graph, key)
    recorded = finding_outcome(graph, key)
    if recorded in SETTLED:
        return _recorded(graph, key, recorded, history)
    if strict is not None and key in strict.deduced:
        return _deduced(graph, strict, key, inferred=False)
    if matched is not None and key in matched.deduced:
        return _deduced(graph, matched, key, inferred=True)
    return _undecided(graph, strict, key, history)


def _props(standing: Standing, history: list[dict[str, Any]], node: dict[str, Any]) -> dict[str, Any]:
    latest = history[-1] if history else None
    rag = _latest_with(history, "rag")
    due_from_status = latest is not None and latest.get("anticipatedCompletion") is not None
    due = latest["anticipatedCompletion"] if due_from_status and latest else node.get("deadline")
    return {
        "outcome": standing.outcome,
        "outcomeBasis": standing.basis,
        "outcomeReason": standing.reason,
        "outcomeFrom": standing.since or None,
        "outcomeDocument": standing.document,
        "outcomeLine": standing.line,
        "outcomeQuote": _cut(standing.quote),
        "outcomeDate": standing.date,
        "outcomeBy": period_end(standing.date) if standing.date else None,
        "outcomePossible": standing.possible,
        "mayBeOpen": standing.may_be_open,
        "latestStatus": latest.get("status") if latest else None,
        "latestRag": rag.get("rag") if rag else None,
        "latestStatusDate": latest.get("date") if latest else None,
        "latestAssessment": latest["key"] if latest else None,
        "due": None if due is None else str(due),
        "dueSource": ("anticipatedCompletion" if due_from_status else "deadline") if due is not None else None,
        "dueBy": period_end(str(due)) if due is not None else None,
    }


def derive_standings(graph: OversightGraph) -> None:
    """Write every finding's standing onto its node (the last pass of the build)."""
    closures: dict[str, tuple[Closure, Closure]] = {}
    for inspection in graph.keys(L.Inspection):
        if graph.out(inspection, R.ISSUED):
            strict = solve(graph, inspection, match_descriptions=False)
            matched = solve(graph, inspection) if strict.constraints else strict
            for finding in strict.findings:
                closures.setdefault(finding, (strict, matched))
    for key in graph.keys(L.Finding):
        history = status_history(graph, key)
        standing = standing_of(graph, key, *closures.get(key, (None, None)))
        graph.set_props(key, _props(standing, history, graph.g.nodes[key]["props"]))


def underived(graph: OversightGraph) -> str | None:
    """The key of a finding without a derived standing (a graph not built by
    :func:`~oversight.graph.build.build_graph`), or None when every finding has one."""
    finding = str(L.Finding)
    for key, data in graph.g.nodes(data=True):
        if finding in data["labels"] and "outcome" not in data["props"]:
            return str(key)
    return None


def settled_by(finding: dict[str, Any], day: str) -> bool:
    """Whether a finding (its node's properties) was settled — not open — on ``day``.

    Settled when the papers rule out open and its outcome is known by that day
    (``outcomeBy`` on or before it, or never dated). The Cypher twin is the
    ``WHERE`` of ``overdue-findings.cypher``.

    >>> settled_by({"mayBeOpen": False, "outcomeBy": "2023-10-18"}, "2024-01-31")
    True
    >>> settled_by({"mayBeOpen": False, "outcomeBy": "2024-03-31"}, "2024-01-31")
    False
    >>> settled_by({"mayBeOpen": True}, "2024-01-31")
    False
    """
    if finding.get("mayBeOpen", True):
        return False
    known_by = finding.get("outcomeBy")
    return known_by is None or known_by <= day


def as_of(finding: dict[str, Any], history: list[dict[str, Any]], day: str) -> dict[str, Any]:
    """What was known of a finding on ``day``: its latest status assessment dated by then
    (an undated one always counts) and the due date that gives — that assessment's
    anticipated completion, else the finding's deadline.

    >>> history = [{"key": "s1", "date": "2022-10", "status": "open", "anticipatedCompletion": "2023-03"},
    ...            {"key": "s2", "date": "2023-04-18", "status": "in-progress", "anticipatedCompletion": "2023-09"}]
    >>> as_of({"deadline": "2023-12"}, history, "2023-04-01")["due"]
    '2023-03'
    >>> as_of({"deadline": "2023-12"}, history, "2022-01-01")["dueSource"]
    'deadline'
    """
    dated = [s for s in history if period_end(str(s.get("date", ""))) <= day]
    latest = dated[-1] if dated else None
    from_status = latest is not None and latest.get("anticipatedCompletion") is not None
    due = latest["anticipatedCompletion"] if from_status and latest else finding.get("deadline")
    return {
        "assessment": latest,
        "status": latest.get("status") if latest else None,
        "assessed": latest.get("date") if latest else None,
        "due": None if due is None else str(due),
        "dueSource": ("anticipatedCompletion" if from_status else "deadline") if due is not None else None,
    }


def overdue_on(finding: dict[str, Any], history: list[dict[str, Any]], day: str) -> dict[str, Any] | None:
    """What makes a finding overdue on ``day`` (:func:`as_of`), or None when it is not:
    overdue when not settled by then (:func:`settled_by`) and due, as known then,
    before it. The Cypher twin is ``overdue-findings.cypher``.

    >>> overdue_on({"mayBeOpen": True, "deadline": "2023-03"}, [], "2023-04-01")["due"]
    '2023-03'
    >>> overdue_on({"mayBeOpen": True, "deadline": "2023-03"}, [], "2023-03-31") is None
    True
    >>> overdue_on({"mayBeOpen": False, "outcomeBy": "2023-10-18", "deadline": "2023-10-31"}, [], "2024-01-31") is None
    True
    """
    if settled_by(finding, day):
        return None
    known = as_of(finding, history, day)
    if known["due"] is None or not period_end(known["due"]) < day:
        return None
    return known
