"""A recommendation's own page: its kind as the heading, its text, and where it stands at the end.

- Detection: the first line is a finding kind alone ("Cause of concern",
  "Recommendation", "Area for improvement") and a line says where the
  record stands ("This recommendation is complete").
- That closing status is the record's: it is given to the record's first
  finding (the cause of concern the page is headed by), not to each
  recommendation bulleted under it, as the statement layer would.
"""

from __future__ import annotations

import re

from oversight.loaders.models import EdgeFact, Fact, NodeFact, Ref, TextDocument
from oversight.loaders.statements.refine import Refinement
from oversight.ontology import R

__all__ = ["detect", "refine"]

_KIND_HEADING = re.compile(r"(?i)^\s{0,4}(?:cause\s{1,3}of\s{1,3}concern|recommendation|area\s{1,3}for\s{1,3}improvement)\s{0,4}$")
_STANDING = re.compile(
    r"(?i)^\s{0,4}this\s{1,3}(?:recommendation|cause\s{1,3}of\s{1,3}concern|area\s{1,3}for\s{1,3}improvement)\s{1,3}is\s{1,3}"
    r"(?:now\s{1,3})?(?:not\s{1,3}yet\s{1,3})?(?:complete|completed|closed|open|in\s{1,3}progress|being\s{1,3}progressed)\.?\s{0,4}$"
)
_FINDINGS = ("CauseOfConcern", "Recommendation", "AreaForImprovement")


def detect(doc: TextDocument) -> float:
    first = next((line for line in doc.lines[:20] if line.strip()), "")
    if not _KIND_HEADING.match(first):
        return 0.0
    return 0.75 if any(_STANDING.match(line) for line in doc.lines[:400]) else 0.0


def _status_sentence(fact: Fact) -> bool:
    return (fact.evidence.method or "").endswith(":status-sentence") and (
        (isinstance(fact, NodeFact) and fact.ref.label == "StatusAssessment")
        or (isinstance(fact, EdgeFact) and fact.type == R.HAS_STATUS)
    )


def refine(refined: Refinement) -> None:
    """Give the page's closing status to its first finding only (see the module docs)."""
    statuses = [f for f in refined.nodes("StatusAssessment") if _status_sentence(f)]
    findings = sorted((f for f in refined.nodes() if f.ref.label in _FINDINGS), key=lambda f: f.evidence.line)
    if not statuses or not findings:
        return
    refined.drop(_status_sentence)
    head = findings[0].ref
    seen: set[tuple[object, object]] = set()
    for status in statuses:
        props = status.properties
        if (props.get("status"), props.get("date")) in seen:
            continue
        seen.add((props.get("status"), props.get("date")))
        ref = Ref.of("StatusAssessment", *status.ref.parts, within=head)
        refined.node(ref, status.evidence.line, status.evidence.method, status.evidence.confidence, **props)
        refined.edge(R.HAS_STATUS, head, ref, status.evidence.line, status.evidence.method, status.evidence.confidence)
