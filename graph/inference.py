"""Inferred supersession candidates: the tool's suggestions, never presented as facts.

For a finding of an earlier round that no paper or register gives an outcome
(its outcome is ``open`` or ``unknown``) and that the stated counts leave
possibly superseded (closure accounting, :func:`oversight.graph.closure.solve`),
propose which findings of the *next* inspection round of the same force may
supersede it. A candidate must be:

- a finding of the same kind, issued by an inspection of the same force and
  kind in the first later round (an AFI of PEEL
  2017 is taken up, or not, by PEEL 2018/19, not by PEEL 2023/25);
- in the same assessment area or a related one (``skos:closeMatch``) when
  both areas are known; a finding with no area recorded is placed by the
  passage of the later paper that describes it (below), or compared with
  every later finding (weaker);
- similar in wording, for short texts: the mean of the word and the
  character n-gram TF-IDF cosine (:class:`oversight.graph.similarity.ShortTexts`),
  fitted on every finding text, at least :data:`MIN_SIMILARITY` (less for a
  finding still in progress, more with no area, little when the counts leave
  it no outcome but superseded). A finding whose text the paper lost is
  compared on its recorded actions, and the reason says so.

A later paper often describes, area by area, work that continues an old
finding without naming it, beside the new findings it counts
(:mod:`oversight.graph.passages`: the lines of an area's section that no fact
cites). The passage most like the earlier finding places it in its area, and
stands in for the wording of a later finding in that area that the paper
counts but does not describe. The passage's document and line go with the
suggestion as its evidence.

Its confidence (0..1) weighs the similarity (50%), the area (20%: same 1,
related 0.7, placed by a passage 0.8, unknown 0.3), the earlier finding's
status history (15%: still in progress at its last assessment makes
supersession likelier; reported complete or green makes it unlikely) and the
closure accounting (15%: the stated counts leave it no outcome but
superseded, or leave superseded possible). Each earlier finding keeps its best
candidate, and any other as confident (within :data:`RUNNER_UP`). The reason spells
each part out.

Stated facts win: a finding with a stated or registered outcome gets no
candidate; a candidate that would make an inspection's superseded findings
outnumber the count a paper states (the best-supported are kept), or that the
stated counts rule out (closure accounting leaves the finding no room to be
superseded, as after "all the AFIs in this area were closed"), is dropped; a
pair already linked on any basis, or linked by a paper (``LINKED_TO``), is
left alone. Candidates are added as ``SUPERSEDES`` with ``basis: inferred``,
``confidence``, ``reason`` and, when a passage supports them, its line and
the line stating the wording it was compared with; every view and trace
shows them as inferred.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from oversight.graph.closure import solve
from oversight.graph.model import OversightGraph
from oversight.graph.passages import Passage, PassageIndex
from oversight.graph.similarity import ShortTexts, comparison_text
from oversight.graph.status import current_status, finding_outcome
from oversight.loaders.models import Evidence
from oversight.ontology import L, R

__all__ = ["Candidate", "supersession_candidates", "add_inferred_supersession"]

#: Least similarity for a candidate whose area is the earlier finding's (or related, or placed by a passage)...
MIN_SIMILARITY = 0.35
#: ...when the earlier finding was still in progress at its last assessment...
MIN_SIMILARITY_IN_PROGRESS = 0.25
#: ...when the earlier finding's area is neither recorded nor placed by a passage...
MIN_SIMILARITY_NO_AREA = 0.45
#: ...and when the stated counts leave the earlier finding no outcome but superseded.
MIN_SIMILARITY_FORCED = 0.1
#: Least similarity of a passage that places an earlier finding in its area.
MIN_PASSAGE_SIMILARITY = 0.2
MIN_CONFIDENCE = 0.5
#: The most later findings one earlier finding is compared with. A PEEL round issues a few
#: dozen findings of a kind; a finding whose next round offers more in compatible areas
#: (a register of thousands, an adversarial input) gets no suggestion rather than
#: quadratic work: a suggestion is only ever a suggestion, so leaving it out invents
#: nothing, and the work stays linear in the number of findings.
MAX_COMPARED = 300
#: Other candidates of the same earlier finding are kept when this close to the best's confidence.
RUNNER_UP = 0.0
#: Similarity at or above this counts in full (short texts worded anew rarely score higher).
SIMILARITY_CEILING = 0.5


@dataclass(frozen=True, order=True)
class Candidate:
    """A later finding that may supersede an earlier one, with the passage that supports it, if any."""

    earlier: str
    later: str
    confidence: float
    similarity: float
    reason: str
    passage: Passage | None = None
    #: The lines that support it: the passage, and where the wording compared with it is stated.
    support: tuple[Evidence, ...] = ()


def _forces(graph: OversightGraph, inspection: str) -> tuple[str, ...]:
    return tuple(graph.out(inspection, R.INSPECTED))


def _area(graph: OversightGraph, finding: str) -> str | None:
    areas = graph.out(finding, R.IN_AREA)
    return areas[0] if areas else None


def _area_name(graph: OversightGraph, area: str) -> str:
    return str(graph.node(area).get("name", area))


def _area_score(graph: OversightGraph, a: str | None, b: str | None) -> tuple[float, str]:
    if a is None or b is None:
        return 0.3, "area not recorded for both"
    if a == b:
        return 1.0, f"same area ({_area_name(graph, a)})"
    slug_a, slug_b = a.split("/", 1)[-1], b.split("/", 1)[-1]
    if slug_b in graph.onto.areas.related(slug_a):
        return 0.7, f"related areas ({_area_name(graph, a)} / {_area_name(graph, b)})"
    return 0.0, "different areas"


def _status_score(graph: OversightGraph, finding: str) -> tuple[float, str]:
    latest = current_status(graph, finding)
    if latest is None:
        return 0.6, "no status recorded"
    status, rag = latest.get("status"), latest.get("rag")
    when = latest.get("date", "?")
    if status == "completed" or rag == "green":
        return 0.0, f"reported complete on {when}"
    return 1.0, f"still {status or rag} on {when}"


def _stated_capacity(graph: OversightGraph, inspection: str) -> int | None:
    """How many more findings of ``inspection`` the papers' count of superseded ones allows."""
    issued = graph.out(inspection, R.ISSUED)
    for count_key in graph.out(inspection, R.HAS_STATED_COUNT):
        count = graph.node(count_key)
        if count.get("outcome") == "superseded" and not graph.out(count_key, R.IN_AREA) and "count" in count:
            already = sum(1 for f in issued if finding_outcome(graph, f) == "superseded")
            return max(0, int(count["count"]) - already)
    return None


def _continued(graph: OversightGraph, key: str) -> bool:
    """True when a paper links the finding to one issued later (it continues there, as itself)."""
    date = graph.issued_on(key)
    others = graph.out(key, R.LINKED_TO) + graph.into(key, R.LINKED_TO)
    return bool(date) and any((graph.issued_on(o) or "") > str(date) for o in others)


def _stated_at(graph: OversightGraph, key: str, text: str) -> Evidence | None:
    """The cited line of a finding that states its wording: the one sharing most words with it."""
    words = set(text.lower().split())
    best: tuple[int, int, dict[str, Any]] | None = None
    for index, cite in enumerate(graph.evidence(key)):
        shared = len(words & set(str(cite.get("quote", "")).lower().split()))
        if shared and (best is None or shared > best[0]):
            best = (shared, index, cite)
    if best is None:
        return None
    cite = best[2]
    return Evidence(document=cite["document"], line=cite["line"], end_line=cite.get("endLine"), quote=cite.get("quote", ""))


def _closure_score(domain: set[str]) -> tuple[float, str]:
    if domain == {"superseded"}:
        return 1.0, "the stated counts leave it no outcome but superseded"
    return 0.5, "the stated counts leave superseded possible"


class _Rounds:
    """Each force's inspections by kind and round, to find the round after a finding's."""

    def __init__(self, graph: OversightGraph) -> None:
        self.graph = graph
        self._rounds: dict[tuple[str, Any], list[tuple[str, Any, str]]] = {}

    def next_round(self, source: str, forces: tuple[str, ...], issued: str) -> list[str]:
        """The inspections of the first round after inspection ``source``'s: same force, same kind
        of inspection, published after ``issued``, in another round (a round's inspections may be
        published on several days, as PEEL 2017's pillars were)."""
        graph = self.graph
        props = graph.node(source)
        kind, round_ = props.get("kind"), props.get("round")
        later: list[tuple[str, Any, str]] = []
        for force in forces:
            if (force, kind) not in self._rounds:
                rows = []
                for inspection in graph.into(force, R.INSPECTED):
                    node = graph.node(inspection)
                    date = node.get("published") or node.get("date")
                    if node.get("kind") == kind and date:
                        rows.append((str(date), node.get("round") or inspection, inspection))
                self._rounds[(force, kind)] = sorted(rows)
            later += [r for r in self._rounds[(force, kind)] if r[0] > issued and r[1] != (round_ or source)]
        if not later:
            return []
        first = min(later)[1]
        return sorted({inspection for _, r, inspection in later if r == first})


def supersession_candidates(graph: OversightGraph, read_passages: bool = True) -> list[Candidate]:
    """Every candidate the rules above allow, best first per earlier finding.

    With ``read_passages`` false, the later papers are not read again for
    uncited passages (see :mod:`oversight.graph.passages`).
    """
    texts: dict[str, str] = {}
    stand_ins: set[str] = set()
    for key in graph.keys("Finding"):
        text, from_actions = comparison_text(graph, key)
        if text:
            texts[key] = text
            if from_actions:
                stand_ins.add(key)
    rounds = _Rounds(graph)
    areas: dict[str, str | None] = {}

    def area(key: str) -> str | None:
        if key not in areas:
            areas[key] = _area(graph, key)
        return areas[key]

    # The findings of the next round each earlier one may meet: same kind, compatible area.
    # What that takes (the issuer's forces and next round) is worked out once per issuer.
    # Grouped by kind, then area, so that an earlier finding meets only the groups whose
    # area is compatible with its own (a few areas), not every later finding one by one.
    next_findings: dict[str, dict[str, dict[str | None, list[str]]]] = {}
    compatible: dict[tuple[str | None, str | None], bool] = {}
    candidates: dict[str, list[str]] = {}
    for key in texts:
        source = graph.issuer(key)
        if source is None:
            continue
        if source not in next_findings:
            by_kind: dict[str, dict[str | None, list[str]]] = defaultdict(lambda: defaultdict(list))
            issued = graph.issued_on(key)
            if issued and graph.has_label(source, L.Inspection):
                for inspection in rounds.next_round(source, _forces(graph, source), str(issued)):
                    for other in graph.out(inspection, R.ISSUED):
                        by_kind[graph.labels(other)[0]][area(other)].append(other)
            next_findings[source] = by_kind
        mine = area(key)
        laters: list[str] = []
        for theirs, group in next_findings[source].get(graph.labels(key)[0], {}).items():
            if (mine, theirs) not in compatible:
                compatible[(mine, theirs)] = _area_score(graph, mine, theirs)[0] > 0
            if compatible[(mine, theirs)]:
                laters.extend(group)
        if len(laters) > MAX_COMPARED:
            continue  # bounded work on any input: see MAX_COMPARED
        if laters and finding_outcome(graph, key) in ("open", "unknown") and not _continued(graph, key):
            candidates[key] = sorted(set(laters))
    if not candidates:
        return []
    scorer = ShortTexts(texts)
    sims = scorer.pairs(candidates)
    # The passages of the later papers, for an earlier finding whose area is not recorded, or
    # whose area's later findings the paper counts without describing them all (and none of
    # the described ones is alike).
    passages = PassageIndex(graph)
    passage_of: dict[str, Passage] = {}
    to_passages: dict[str, list[str]] = {}
    for earlier, laters in candidates.items():
        textless = any(k not in texts for k in laters)
        alike = any(sims.get((earlier, k), 0.0) >= MIN_SIMILARITY for k in laters)
        if read_passages and (area(earlier) is None or (textless and not alike)):
            found = [p for i in sorted({str(graph.issuer(k)) for k in laters}) for p in passages.of(i)]
            for p in found:
                passage_of[p.key] = p
            to_passages[earlier] = [p.key for p in found]
    if passage_of:
        scorer.add({k: p.text for k, p in passage_of.items()})
        sims.update(scorer.pairs(to_passages))
    # ... and, of those with a candidate alike enough, the ones the stated counts leave possibly superseded
    domains: dict[str, dict[str, set[str]]] = {}
    pending: dict[str, set[str]] = {}
    for key, laters in candidates.items():
        if max((sims.get((key, k), 0.0) for k in laters + to_passages.get(key, [])), default=0.0) < MIN_SIMILARITY_FORCED:
            continue
        source = str(graph.issuer(key))
        if source not in domains:
            domains[source] = solve(graph, source).domains
        domain = domains[source].get(key, {"superseded"})
        if "superseded" in domain:  # else the stated counts rule it out ("all the AFIs in this area were closed")
            pending[key] = domain
    # a pair a paper or register already relates (supersession on any basis, or a
    # stated link such as "these are that inspection's AFIs") is left alone
    linked = {(e["source"], e["target"]) for t in (R.SUPERSEDES, R.LINKED_TO) for e in graph.edges(type=t)}
    by_earlier: dict[str, list[Candidate]] = defaultdict(list)
    for earlier in sorted(pending):
        date_e = str(graph.issued_on(earlier))
        area_e = area(earlier)
        # the passage most like the earlier finding, in each area of the later papers
        best_passage: dict[str, tuple[float, Passage]] = {}
        for key in to_passages.get(earlier, []):
            p, score = passage_of[key], sims.get((earlier, key), 0.0)
            if score >= MIN_PASSAGE_SIMILARITY and (p.area not in best_passage or score > best_passage[p.area][0]):
                best_passage[p.area] = (score, p)
        placed = max(best_passage.values(), key=lambda sp: (sp[0], sp[1].key)) if best_passage else None
        status_score, status_text = _status_score(graph, earlier)
        closure_score, closure_text = _closure_score(pending[earlier])
        for later in candidates[earlier]:
            if (later, earlier) in linked or (earlier, later) in linked:
                continue
            area_l = area(later)
            area_score, area_text = _area_score(graph, area_e, area_l)
            passage: Passage | None = None
            if area_e is None and placed is not None and area_l == placed[1].area:
                area_score = 0.8
                area_text = (
                    f"area not recorded; placed in {_area_name(graph, placed[1].area)} by the later paper's passage "
                    f"on work there (line {placed[1].line})"
                )
                passage = placed[1]
            if later in texts:
                similarity, text_how = sims.get((earlier, later), 0.0), "text similarity"
            elif area_l in best_passage:
                similarity, passage = best_passage[area_l]
                text_how = (
                    f"the later finding is counted but not described; the paper's passage on work in its area "
                    f"(line {passage.line}) has similarity"
                )
            else:
                continue
            if closure_score == 1.0:
                floor = MIN_SIMILARITY_FORCED
            else:
                floor = MIN_SIMILARITY_NO_AREA if area_score < 0.7 else MIN_SIMILARITY
                if status_score == 1.0 and area_score >= 0.7:
                    floor = MIN_SIMILARITY_IN_PROGRESS
            if similarity < floor:
                continue
            confidence = round(
                0.5 * min(1.0, similarity / SIMILARITY_CEILING)
                + 0.2 * area_score
                + 0.15 * status_score
                + 0.15 * closure_score,
                2,
            )
            if confidence < MIN_CONFIDENCE:
                continue
            compared = " (compared on its recorded actions: its text was lost)" if earlier in stand_ins else ""
            reason = (
                f"inferred: {area_text}; {text_how} {similarity:.2f}{compared}; earlier finding {status_text} "
                f"and given no outcome by any paper; {closure_text}; issued {graph.issued_on(later)}, after {date_e}"
            )
            # A passage is cited with the line stating the wording it was compared with; a
            # suggestion on the findings' own wordings cites nothing new (each finding cites its own).
            support: list[Evidence | None] = []
            if passage is not None:
                support = [_stated_at(graph, earlier, texts[earlier])]
                support.append(Evidence(document=passage.document, line=passage.line, quote=passage.text))
            by_earlier[earlier].append(
                Candidate(earlier, later, confidence, round(similarity, 3), reason, passage, tuple(e for e in support if e))
            )
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
            ranked = sorted(by_earlier[earlier], key=lambda c: (-c.confidence, -c.similarity, c.later))
            kept.extend(c for c in ranked if c.confidence >= ranked[0].confidence - RUNNER_UP)
    return kept


def add_inferred_supersession(graph: OversightGraph) -> None:
    """Add every candidate as an inferred SUPERSEDES relationship (a build derivation)."""
    for candidate in supersession_candidates(graph):
        props: dict[str, Any] = {
            "basis": "inferred",
            "confidence": candidate.confidence,
            "reason": candidate.reason,
        }
        graph.add_edge(candidate.later, R.SUPERSEDES, candidate.earlier, props)
        for evidence in candidate.support:
            graph.add_edge(candidate.later, R.SUPERSEDES, candidate.earlier, props, evidence)
