"""Closure accounting: reconcile what papers say an inspection's findings became with each finding's record.

Papers often count rather than name ("14 of the 19 AFIs closed, four of the
remaining five superseded, one carried forward"; "three of the four previous
AFIs in responding to the public closed"). Each such :class:`StatedCount` is
a constraint: *exactly* ``count`` findings of the inspection (of that kind, in
that area when the count names one) have that outcome; a count that says
"all" (``coversAll``, no number) covers every finding in its scope.

:func:`solve` starts from each finding's recorded outcome (the shared rule of
:mod:`oversight.graph.status`: stated or registered facts only) and narrows
the possible outcomes of the others by the constraints until nothing changes:

- when a count is already met by findings known to have the outcome, no other
  finding in its scope can have it;
- when only as many findings as the count could have the outcome, they all do;
- a statement about one finding that describes it ("the remaining AFI in
  respect of protected characteristics … carried forward") settles the one
  finding in scope whose wording clearly matches (TF-IDF similarity, reported).

A finding narrowed to one outcome this way is *deduced*, with the statements
that forced it; it is reported as deduced, never as stated, and nothing is
written to the graph. A finding still open to several outcomes is
*unaccounted for*, with the outcomes it could have. A count the records
cannot meet is a discrepancy, reported with the findings involved.

>>> from oversight.graph.model import OversightGraph
>>> g = OversightGraph()
>>> g.add_node("i", "Inspection")
>>> for n in (1, 2):
...     g.add_node(f"i/afi-0{n}", "AreaForImprovement"); g.add_edge("i", "ISSUED", f"i/afi-0{n}")
>>> g.add_node("i/count/closed", "StatedCount", {"outcome": "closed", "count": 1, "ofTotal": 2})
>>> g.add_node("i/count/superseded", "StatedCount", {"outcome": "superseded", "count": 1})
>>> g.add_edge("i", "HAS_STATED_COUNT", "i/count/closed"); g.add_edge("i", "HAS_STATED_COUNT", "i/count/superseded")
>>> g.add_node("i/afi-01/status/2024", "StatusAssessment", {"date": "2024", "status": "closed"})
>>> g.add_edge("i/afi-01", "HAS_STATUS", "i/afi-01/status/2024")
>>> solve(g, "i").deduced
{'i/afi-02': ('superseded', ['i/count/closed'])}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from oversight.errors import UnknownKey
from oversight.graph.model import OversightGraph
from oversight.graph.similarity import comparison_text, similarities
from oversight.graph.status import OUTCOMES, SETTLED, finding_outcome
from oversight.ontology import L, R

__all__ = ["Constraint", "Closure", "TERMINAL", "constraints_of", "solve"]

#: Outcomes that settle a finding; open and unknown do not.
TERMINAL = SETTLED
#: A one-finding statement settles the finding its wording matches at least this well...
MATCH_MIN = 0.08
#: ...and this many times better than the next finding.
MATCH_MARGIN = 2.0


@dataclass(frozen=True)
class Constraint:
    """A stated count: exactly ``count`` findings in ``scope`` have ``outcome``."""

    key: str
    outcome: str
    count: int | None  # None: "all" of a scope with no finding recorded in it
    of_total: int | None
    area: str | None
    scope: tuple[str, ...]
    quote: str
    document: str | None
    line: int | None


@dataclass
class Closure:
    """The solved accounts of one inspection."""

    inspection: str
    findings: list[str]
    recorded: dict[str, str]
    domains: dict[str, set[str]]
    deduced: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    constraints: list[Constraint] = field(default_factory=list)
    discrepancies: list[dict[str, Any]] = field(default_factory=list)

    def outcome(self, key: str) -> str:
        """Recorded outcome, else the deduced one, else unknown."""
        if self.recorded[key] in TERMINAL:
            return self.recorded[key]
        if key in self.deduced:
            return self.deduced[key][0]
        return "unknown"


def constraints_of(graph: OversightGraph, inspection: str) -> list[Constraint]:
    """The outcome counts papers state about an inspection's findings, as constraints."""
    issued = graph.out(inspection, R.ISSUED)
    out = []
    for key in graph.out(inspection, R.HAS_STATED_COUNT):
        node = graph.node(key)
        if "outcome" not in node or ("count" not in node and not node.get("coversAll")):
            continue
        scope = [f for f in issued if not node.get("findingKind") or graph.has_label(f, str(node["findingKind"]))]
        areas = graph.out(key, R.IN_AREA)
        if areas:
            scope = [f for f in scope if areas[0] in graph.out(f, R.IN_AREA)]
        # "the AFIs of this area have been closed": every finding in scope, however many.
        count = int(node["count"]) if "count" in node else (len(scope) or None)
        cited = graph.evidence(key)
        out.append(
            Constraint(
                key=key,
                outcome=str(node["outcome"]),
                count=count,
                of_total=node.get("ofTotal"),
                area=areas[0] if areas else None,
                scope=tuple(scope),
                quote=cited[0]["quote"] if cited else "",
                document=cited[0]["document"] if cited else None,
                line=cited[0]["line"] if cited else None,
            )
        )
    return sorted(out, key=lambda c: (c.area is not None, c.key))


def solve(graph: OversightGraph, inspection: str, match_descriptions: bool = True) -> Closure:
    """Reconcile an inspection's stated counts with its findings' records (see module docs).

    With ``match_descriptions=False`` only the counts narrow the outcomes: what
    is deduced then is deduced by logic alone, which is how the standing stage
    tells a deduced outcome from one that rests on a wording match (inferred).
    """
    if inspection not in graph:
        raise UnknownKey(inspection, suggestions=graph.nearest_keys(inspection))
    if not graph.has_label(inspection, L.Inspection):
        raise UnknownKey(inspection, f"{graph.labels(inspection)[0]}, not an inspection")
    findings = graph.out(inspection, R.ISSUED)
    recorded = {f: finding_outcome(graph, f) for f in findings}
    constraints = constraints_of(graph, inspection)
    whole = [c for c in constraints if c.area is None and len(c.scope) == len(findings)]
    exhaustive = bool(whole) and sum(c.count or 0 for c in whole) == len(findings) and len({c.outcome for c in whole}) == len(whole)
    domains: dict[str, set[str]] = {}
    for f in findings:
        if recorded[f] in TERMINAL:
            domains[f] = {recorded[f]}
        elif exhaustive:
            domains[f] = {c.outcome for c in whole}
        else:
            # signed off is an audit action's record, never a count's conclusion
            domains[f] = set(OUTCOMES) - {"unknown", "signed-off"}
    closure = Closure(inspection, findings, recorded, domains, constraints=constraints)
    reasons: dict[str, list[str]] = {f: [] for f in findings}
    broken: set[str] = set()
    for c in constraints:
        if c.count is None:
            broken.add(c.key)
            closure.discrepancies.append(_discrepancy(c, [], [], recorded))
    if match_descriptions:
        _match_descriptions(graph, constraints, domains, reasons, broken)
    changed = True
    while changed:
        changed = False
        for c in constraints:
            if c.key in broken or c.count is None:
                continue
            fixed = [f for f in c.scope if domains[f] == {c.outcome}]
            possible = [f for f in c.scope if c.outcome in domains[f]]
            if len(fixed) > c.count or len(possible) < c.count:
                broken.add(c.key)
                closure.discrepancies.append(_discrepancy(c, fixed, possible, recorded))
                continue
            if len(fixed) == c.count:
                for f in possible:
                    if f not in fixed and len(domains[f]) > 1:
                        domains[f] = domains[f] - {c.outcome}
                        reasons[f].append(c.key)
                        changed = True
            elif len(possible) == c.count:
                for f in possible:
                    if domains[f] != {c.outcome}:
                        domains[f] = {c.outcome}
                        reasons[f].append(c.key)
                        changed = True
    for f in findings:
        if exhaustive and not reasons[f] and len(domains[f]) == 1 and recorded[f] not in TERMINAL:
            # the whole-inspection counts alone leave it one outcome ("all 19 closed")
            reasons[f] = [c.key for c in whole if c.outcome in domains[f]]
        if recorded[f] not in TERMINAL and len(domains[f]) == 1 and reasons[f]:
            closure.deduced[f] = (next(iter(domains[f])), sorted(set(reasons[f])))
    return closure


def _match_descriptions(
    graph: OversightGraph,
    constraints: list[Constraint],
    domains: dict[str, set[str]],
    reasons: dict[str, list[str]],
    broken: set[str],
) -> None:
    """A statement about one finding that describes it ("the AFI in respect of protected
    characteristics … carried forward") settles that finding when its wording clearly
    matches one undecided finding in scope: TF-IDF similarity (the better of the
    finding's text alone and its text with its recorded actions, since papers often
    describe a finding in the words of its actions) at least MATCH_MIN and at least
    MATCH_MARGIN times the next best finding's. The match is reported as deduced, with
    the scores."""
    for c in constraints:
        if c.key in broken or c.count != 1 or not c.quote:
            continue
        undecided = [f for f in c.scope if len(domains[f]) > 1 and c.outcome in domains[f]]
        if len(undecided) < 2 or any(domains[f] == {c.outcome} for f in c.scope):
            continue
        scores: dict[str, float] = {}
        for with_actions in (False, True):
            texts = {f: comparison_text(graph, f, with_actions=with_actions)[0] for f in undecided}
            sims = similarities({**{f: t for f, t in texts.items() if t}, "\x00statement": c.quote})
            for f in undecided:
                scores[f] = max(scores.get(f, 0.0), sims.get(("\x00statement", f), 0.0))
        ranked = sorted(((score, f) for f, score in scores.items()), reverse=True)
        if not ranked:
            continue
        best, match = ranked[0]
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        if best >= MATCH_MIN and best >= MATCH_MARGIN * second:
            domains[match] = {c.outcome}
            reasons[match].append(
                f"{c.key} (matched by description: similarity {best:.2f}, next best {second:.2f})"
            )


def _discrepancy(c: Constraint, fixed: list[str], possible: list[str], recorded: dict[str, str]) -> dict[str, Any]:
    where = f" in {c.area}" if c.area else ""
    to_record = "each finding's area" if c.area else "the inspection's findings"
    if c.count is None:
        return {
            "statement": c.key,
            "quote": c.quote,
            "document": c.document,
            "line": c.line,
            "stated": None,
            "recorded": 0,
            "message": (
                f"the paper says all {c.outcome}{where}, but no finding of the inspection is recorded{where} "
                f"(record {to_record}, e.g. in the register, to reconcile this statement)"
            ),
            "findings": [],
        }
    if len(fixed) > c.count:
        message = (
            f"the paper states {c.count} {c.outcome}{where}, but the records show {len(fixed)}: {', '.join(fixed)}"
        )
        involved = fixed
    elif not c.scope:
        message = (
            f"the paper states {c.count} {c.outcome}{where}, but no finding of the inspection is recorded"
            f"{where or ' at all'} (record {to_record}, e.g. in the register, to reconcile this count)"
        )
        involved = []
    else:
        message = (
            f"the paper states {c.count} {c.outcome}{where}, but only {len(possible)} finding(s) could be "
            f"{c.outcome} given the other records"
        )
        involved = [f for f in c.scope if f not in possible]
    return {
        "statement": c.key,
        "quote": c.quote,
        "document": c.document,
        "line": c.line,
        "stated": c.count,
        "recorded": len(fixed),
        "message": message,
        "findings": involved,
    }
