"""The inference rules as they were before issue 14 (commit df4c2f2), frozen for ``bench/run.py``.

The inferred-supersession section runs these rules and the current ones
(:mod:`oversight.graph.inference`) on the same graph, side by side in one
run, so the report shows precision and recall before and after. Not used by
the tool; do not change it. Its original docstring follows.

Inferred supersession candidates: the tool's suggestions, never presented as facts.

For a finding of an earlier round that no paper or register gives an outcome
(its outcome is ``open`` or ``unknown``), propose which later findings may
supersede it. A candidate must be:

- a finding of the same kind, issued later, about the same force;
- in the same assessment area, or a related one (``skos:closeMatch``), or
  either side has no area yet (weaker);
- similar in wording: TF-IDF cosine similarity of the two texts
  (scikit-learn, fitted on every finding text in the graph); a finding whose
  text the paper lost is compared on its recorded actions, and the reason
  says so.

Its confidence (0..1) weighs the similarity (45%), the area match (25%), the
earlier finding's status history (15%: still in progress at its last
assessment makes supersession likelier than reported complete) and the
closure accounting (15%: the stated counts leave the earlier finding no
outcome but superseded, or leave superseded possible). The reason spells
each out.

Stated facts win: a finding with a stated or registered outcome gets no
candidate; a candidate that would make an inspection's superseded findings
outnumber the count a paper states, or that the stated counts rule out
(closure accounting leaves the finding no room to be superseded, as after
"all the AFIs in this area were closed"), is dropped; a pair already linked on any basis, or linked by a paper
(``LINKED_TO``), is left alone. Candidates are
added as ``SUPERSEDES`` with ``basis: inferred``, ``confidence`` and
``reason``, and every view and trace shows them as inferred.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from oversight.graph.closure import solve
from oversight.graph.model import OversightGraph
from oversight.graph.similarity import comparison_text, pair_similarities
from oversight.graph.status import current_status, finding_outcome

__all__ = ["Candidate", "supersession_candidates", "add_inferred_supersession"]

#: Least similarity for a candidate in the same or a related area...
MIN_SIMILARITY = 0.15
#: ...when either finding's area is not recorded...
MIN_SIMILARITY_NO_AREA = 0.2
#: ...and when the stated counts leave the earlier finding no outcome but superseded.
MIN_SIMILARITY_FORCED = 0.05
MIN_CONFIDENCE = 0.35
PER_FINDING = 2
#: Similarity at or above this counts in full (TF-IDF scores of short texts stay low).
SIMILARITY_CEILING = 0.3


@dataclass(frozen=True, order=True)
class Candidate:
    """A later finding that may supersede an earlier one."""

    earlier: str
    later: str
    confidence: float
    similarity: float
    reason: str


def _forces(graph: OversightGraph, finding: str) -> tuple[str, ...]:
    source = graph.issuer(finding)
    return tuple(graph.out(source, "INSPECTED")) if source else ()


def _area(graph: OversightGraph, finding: str) -> str | None:
    areas = graph.out(finding, "IN_AREA")
    return areas[0] if areas else None


def _area_score(graph: OversightGraph, a: str | None, b: str | None) -> tuple[float, str]:
    if a is None or b is None:
        return 0.3, "area not recorded for both"
    if a == b:
        return 1.0, f"same area ({graph.node(a).get('name', a)})"
    slug_a, slug_b = a.split("/", 1)[-1], b.split("/", 1)[-1]
    if slug_b in graph.onto.areas.related(slug_a):
        return 0.7, f"related areas ({graph.node(a).get('name', a)} / {graph.node(b).get('name', b)})"
    return 0.0, "different areas"


def _status_score(graph: OversightGraph, finding: str) -> tuple[float, str]:
    latest = current_status(graph, finding)
    if latest is None:
        return 0.6, "no status recorded"
    status, rag = latest.get("status"), latest.get("rag")
    when = latest.get("date", "?")
    if status == "completed" or rag == "green":
        return 0.3, f"reported complete on {when}"
    return 1.0, f"still {status or rag} on {when}"


def _stated_capacity(graph: OversightGraph, inspection: str) -> int | None:
    """How many more findings of ``inspection`` the papers' count of superseded ones allows."""
    issued = graph.out(inspection, "ISSUED")
    for count_key in graph.out(inspection, "HAS_STATED_COUNT"):
        count = graph.node(count_key)
        if count.get("outcome") == "superseded" and not graph.out(count_key, "IN_AREA") and "count" in count:
            already = sum(1 for f in issued if finding_outcome(graph, f) == "superseded")
            return max(0, int(count["count"]) - already)
    return None


def _continued(graph: OversightGraph, key: str) -> bool:
    """True when a paper links the finding to one issued later (it continues there, as itself)."""
    date = graph.issued_on(key)
    others = graph.out(key, "LINKED_TO") + graph.into(key, "LINKED_TO")
    return bool(date) and any((graph.issued_on(o) or "") > str(date) for o in others)


def _closure_score(domain: set[str]) -> tuple[float, str]:
    if domain == {"superseded"}:
        return 1.0, "the stated counts leave it no outcome but superseded"
    return 0.5, "the stated counts leave superseded possible"


def supersession_candidates(graph: OversightGraph) -> list[Candidate]:
    """Every candidate the rules above allow, best first per earlier finding."""
    texts: dict[str, str] = {}
    stand_ins: set[str] = set()
    for key in graph.keys("Finding"):
        text, from_actions = comparison_text(graph, key)
        if text:
            texts[key] = text
            if from_actions:
                stand_ins.add(key)
    pending = [
        k for k in texts if finding_outcome(graph, k) in ("open", "unknown") and not _continued(graph, k)
    ]
    if not pending:
        return []
    # What the rules ask of every finding, once: when it was issued, by which
    # forces' inspection, its kind and area. Later findings are then looked up
    # by force and kind, not compared with every finding in the graph.
    issued = {k: graph.issued_on(k) for k in texts}
    forces = {k: _forces(graph, k) for k in texts}
    kinds = {k: graph.labels(k)[0] for k in texts}
    by_force_kind: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in texts:  # sorted by key, as graph.keys gives them
        if issued[key]:
            for force in forces[key]:
                by_force_kind[(force, kinds[key])].append(key)
    candidates: dict[str, list[str]] = {}
    for earlier in pending:
        groups = [by_force_kind.get((force, kinds[earlier]), []) for force in forces[earlier]]
        candidates[earlier] = sorted(set().union(*groups)) if len(groups) > 1 else list(groups[0] if groups else [])
    sims = pair_similarities(texts, candidates)
    # a pair a paper or register already relates (supersession on any basis, or a
    # stated link such as "these are that inspection's AFIs") is left alone
    linked = {(e["source"], e["target"]) for t in ("SUPERSEDES", "LINKED_TO") for e in graph.edges(type=t)}
    domains: dict[str, dict[str, set[str]]] = {}
    areas: dict[str, str | None] = {}
    area_scores: dict[tuple[str | None, str | None], tuple[float, str]] = {}
    by_earlier: dict[str, list[Candidate]] = defaultdict(list)
    for earlier in pending:
        date_e, forces_e, source = issued[earlier], forces[earlier], graph.issuer(earlier)
        if not date_e or not forces_e or source is None:
            continue
        if source not in domains:
            domains[source] = solve(graph, source).domains
        domain = domains[source].get(earlier, {"superseded"})
        if "superseded" not in domain:
            continue  # the stated counts rule it out ("all the AFIs in this area were closed")
        area_e = _area(graph, earlier)
        status_score, status_text = _status_score(graph, earlier)
        closure_score, closure_text = _closure_score(domain)
        for later in candidates[earlier]:
            date_l = issued[later]
            if later == earlier or not date_l or date_l <= date_e:
                continue
            if (later, earlier) in linked or (earlier, later) in linked:
                continue
            if later not in areas:
                areas[later] = _area(graph, later)
            pair = (area_e, areas[later])
            if pair not in area_scores:
                area_scores[pair] = _area_score(graph, *pair)
            area_score, area_text = area_scores[pair]
            similarity = sims.get((earlier, later), 0.0)
            if closure_score == 1.0:
                floor = MIN_SIMILARITY_FORCED
            else:
                floor = MIN_SIMILARITY_NO_AREA if area_score < 0.7 else MIN_SIMILARITY
            if area_score == 0.0 or similarity < floor:
                continue
            confidence = round(
                0.45 * min(1.0, similarity / SIMILARITY_CEILING)
                + 0.25 * area_score
                + 0.15 * status_score
                + 0.15 * closure_score,
                2,
            )
            if confidence < MIN_CONFIDENCE:
                continue
            compared = " (compared on its recorded actions: its text was lost)" if earlier in stand_ins else ""
            reason = (
                f"inferred: {area_text}; text similarity {similarity:.2f}{compared}; earlier finding {status_text} "
                f"and given no outcome by any paper; {closure_text}; issued {date_l}, after {date_e}"
            )
            by_earlier[earlier].append(Candidate(earlier, later, confidence, round(similarity, 3), reason))
    kept: list[Candidate] = []
    by_inspection: dict[str, list[str]] = defaultdict(list)
    for earlier in sorted(by_earlier):
        by_inspection[str(graph.issuer(earlier))].append(earlier)
    for inspection, earliers in sorted(by_inspection.items()):
        capacity = _stated_capacity(graph, inspection)
        allowed = sorted(earliers, key=lambda e: (-max(c.confidence for c in by_earlier[e]), e))
        if capacity is not None:
            allowed = allowed[:capacity]  # never more supersessions than the paper counts
        for earlier in sorted(allowed):
            kept.extend(sorted(by_earlier[earlier], key=lambda c: (-c.confidence, c.later))[:PER_FINDING])
    return kept


def add_inferred_supersession(graph: OversightGraph) -> None:
    """Add every candidate as an inferred SUPERSEDES relationship (a build derivation)."""
    for candidate in supersession_candidates(graph):
        props: dict[str, Any] = {
            "basis": "inferred",
            "confidence": candidate.confidence,
            "reason": candidate.reason,
        }
        graph.add_edge(candidate.later, "SUPERSEDES", candidate.earlier, props)
