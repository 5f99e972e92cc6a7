"""Statuses at a date, counts of findings, and closure and supersession statements.

- The monitoring-record markup ``[on]9th February 2017 [status]awaiting-review[/status][/on]``
  is a dated status history: one status assessment per date and status.
- "This recommendation is complete", "this recommendation had been completed",
  "the AFI has been superseded": a status of the finding the passage is about,
  dated by the ``[on]`` block it sits in, else by the paper's date.
- "RAG: Amber", "Status - green": a RAG rating of that finding.
- Counts: "we identified six causes of concern", "close three recommendations",
  "14 of the 19 AFIs are closed": a stated count of the inspection's findings,
  with the outcome when the sentence gives one (closed, discharged,
  superseded, carried forward) and the total when it gives one.

Status words map to the FindingStatuses vocabulary through its labels
("awaiting review" is the register's own status, "being progressed" a label of in progress).
"""

from __future__ import annotations

import bisect
import re

from oversight.loaders.models import Ref
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.findings import Finding, kind_of
from oversight.loaders.statements.text import sentences
from oversight.loaders.toolkit.naming import paper_stamp
from oversight.loaders.toolkit.textparse import NUMBER_PATTERN, parse_date, parse_number
from oversight.ontology import R, ontology

__all__ = ["read_statuses", "read_counts"]

_MARKUP = re.compile(r"\[on\](?P<date>[^\[\]\n]{1,40}?)\s{0,3}\[status\](?P<status>[A-Za-z\- ]{1,40})\[/status\]")
_ON = re.compile(r"\[on\](?P<date>[^\[\]\n]{1,40}?)\s{0,3}\[")
_STATUS_WORDS = r"(?P<status>complete|completed|closed|discharged|superseded|outstanding|open|ongoing|in\s{1,3}progress|being\s{1,3}progressed|awaiting\s{1,3}review|carried\s{1,3}forward)"
_THIS_FINDING = re.compile(
    r"(?i)\b(?:this|the)\s{1,3}(?:recommendation|cause\s{1,3}of\s{1,3}concern|area\s{1,3}for\s{1,3}improvement|AFI)\s{1,3}"
    r"(?:is|was|has\s{1,3}been|had\s{1,3}been|is\s{1,3}now)\s{1,3}(?:therefore\s{1,3}|now\s{1,3}|fully\s{1,3})?" + _STATUS_WORDS + r"\b"
)
_SUPERSEDED_BY = re.compile(r"(?i)\b(?:this|the)\s{1,3}(?:recommendation|cause\s{1,3}of\s{1,3}concern|area\s{1,3}for\s{1,3}improvement|AFI)\s{1,3}(?:is|was|has\s{1,3}been|had\s{1,3}been)\s{1,3}superseded\s{1,3}by\b")
_RAG = re.compile(r"(?i)\b(?:RAG(?:\s{1,3}(?:rating|status))?|status)\s{0,3}[:\-\u2013]\s{0,3}(?P<rag>red|amber|green)\b")

_KIND = r"(?P<kind>causes?\s{1,3}of\s{1,3}concern|recommendations?|areas?\s{1,3}for\s{1,3}improvement|AFIs?)"
_MODIFIER = r"(?:(?:remaining|outstanding|open|new|additional|further|accelerated|broad|national|key|other)\s{1,3}){0,2}"
_COUNT = re.compile(
    r"(?<![\w/.,])(?P<n>" + NUMBER_PATTERN + r")(?:\s{1,3}(?:of|out\s{1,3}of)\s{1,3}(?:the\s{1,3}|its\s{1,3}|these\s{1,3})?(?P<total>" + NUMBER_PATTERN + r"))?"
    r"\s{1,3}" + _MODIFIER + _KIND + r"\b"
)
_OUTCOMES = (
    (re.compile(r"(?i)\bclos(?:e|ed|ing)\b"), "closed"),
    (re.compile(r"(?i)\bdischarg(?:e|ed)\b"), "discharged"),
    (re.compile(r"(?i)\bsuperseded\b"), "superseded"),
    (re.compile(r"(?i)\bcarried\s{1,3}(?:forward|over|across)\b"), "carried-forward"),
)


def _finding_at(findings: list[Finding], lines: list[int], line: int) -> Finding | None:
    """The last finding stated at or before ``line`` (a binary search over the findings' lines)."""
    index = bisect.bisect_right(lines, line)
    return findings[index - 1] if index else None


def read_statuses(c: Collector, ctx: Context, findings: list[Finding]) -> int:
    """Every status stated of a finding (see the module docs); returns how many."""
    before = c.found["status"]
    statuses = ontology().vocabulary("FindingStatuses")
    stamp = paper_stamp(c.doc, ctx.date)
    on_date: str | None = None
    findings = sorted(findings, key=lambda f: f.line)
    finding_lines = [f.line for f in findings]
    for number, line in enumerate(c.doc.lines, start=1):
        for block in _ON.finditer(line):
            on_date = parse_date(block.group("date")) or on_date
        finding = _finding_at(findings, finding_lines, number)
        if finding is None:
            continue
        for match in _MARKUP.finditer(line):
            date = parse_date(match.group("date"))
            status = statuses.notation_for(match.group("status").replace("-", " "))
            if status is None or date is None:
                continue
            ref = Ref.of("StatusAssessment", date, status, within=finding.ref)
            c.node(ref, number, "status-markup", 0.95, counts_as="status", status=status, date=date)
            c.edge(R.HAS_STATUS, finding.ref, ref, number, "status-markup", 0.95)
        for _start, _end, sentence in sentences(line):
            stated = _THIS_FINDING.search(sentence)
            superseded = _SUPERSEDED_BY.search(sentence)
            words = "superseded" if superseded else (stated.group("status") if stated else None)
            if words is None:
                continue
            status = statuses.notation_for(" ".join(words.split()))
            if status is None:
                continue
            date = on_date or ctx.date
            # Bullets run together on one line are one recommendation's parts: the status is each one's.
            for one in [f for f in findings if f.line == finding.line and f.kind == finding.kind]:
                ref = Ref.of("StatusAssessment", date or stamp, status, within=one.ref)
                c.node(ref, number, "status-sentence", 0.75, counts_as="status", status=status, date=date)
                c.edge(R.HAS_STATUS, one.ref, ref, number, "status-sentence", 0.75)
        for match in _RAG.finditer(line):
            rag = match.group("rag").lower()
            date = on_date or ctx.date
            ref = Ref.of("StatusAssessment", date or stamp, rag, within=finding.ref)
            c.node(ref, number, "status-rag", 0.7, counts_as="status", rag=rag, date=date)
            c.edge(R.HAS_STATUS, finding.ref, ref, number, "status-rag", 0.7)
    return c.found["status"] - before


def read_counts(c: Collector, ctx: Context) -> int:
    """Every count of findings the paper states (see the module docs); returns how many."""
    before = c.found["count"]
    stamp = paper_stamp(c.doc, ctx.date)
    for number, line in enumerate(c.doc.lines, start=1):
        if not line.strip():
            continue
        for _start, _end, sentence in sentences(line):
            for match in _COUNT.finditer(sentence):
                n = parse_number(match.group("n"))
                if n is None or n == 0 or n > 500:
                    continue
                total = parse_number(match.group("total")) if match.group("total") else None
                kind = kind_of(match.group("kind"))
                outcome = next((o for pattern, o in _OUTCOMES if pattern.search(sentence)), None)
                inspection = ctx.inspection_at(number)
                within = inspection.ref if inspection else (ctx.force or ctx.scope)
                assert within is not None
                parts = [stamp, kind or "finding", outcome or "stated", str(n)]
                ref = Ref.of("StatedCount", *parts, within=within)
                props: dict[str, object] = {"count": n, "findingKind": kind, "ofTotal": total, "outcome": outcome}
                if ctx.date:
                    props["date"] = ctx.date
                c.node(ref, number, "count-sentence", 0.8, counts_as="count", **props)  # type: ignore[arg-type]
                if inspection is not None:
                    c.edge(R.HAS_STATED_COUNT, inspection.ref, ref, number, "count-sentence", 0.8)
    return c.found["count"] - before
