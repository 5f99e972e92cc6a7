"""The newer rounds' PEEL web page: the "Overall summary" of 2021/22 and 2023–25.

The grades are graphics on the page, so the text states none; what it does state:

- "We make graded judgments in 11 of these 13 as follows": a stated count of
  the areas graded, with the total;
- "West Midlands Police was awarded no outstanding or good grades": a stated
  count of the grades awarded (zero included: it is stated);
- "We made our initial judgments in May 2021": when the inspection was
  judged (``judged``).

Detection: an "Overall summary" heading and "Our inspection assessed how good
<force> is in <n> areas of policing" (0.85).
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.refine import Refinement
from oversight.loaders.toolkit.naming import paper_stamp
from oversight.loaders.toolkit.textparse import NUMBER_PATTERN, find_dates, parse_number
from oversight.ontology import R

__all__ = ["detect", "refine"]

_SUMMARY = re.compile(r"(?i)^\s{0,4}overall\s{1,3}summary\s{0,4}$")
_ASSESSED_HOW_GOOD = re.compile(r"(?i)\binspection\s{1,3}assessed\s{1,3}how\s{1,3}good\b[^.\n]{3,80}\bareas?\s{1,3}of\s{1,3}policing\b")
_GRADED_IN = re.compile(r"(?i)\bgraded\s{1,3}judge?ments?\s{1,3}in\s{1,3}(?P<n>" + NUMBER_PATTERN + r")\s{1,3}of\s{1,3}(?:these|the)\s{1,3}(?P<total>" + NUMBER_PATTERN + r")\b")
_GRADE_WORD = r"(?:outstanding|good|adequate|inadequate|requires\s{1,3}improvement)"
_AWARDED = re.compile(r"(?i)\bawarded\s{1,3}(?P<n>no|" + NUMBER_PATTERN + r")\s{1,3}(?P<what>" + _GRADE_WORD + r"(?:\s{1,3}(?:or|and)\s{1,3}" + _GRADE_WORD + r")?)\s{1,3}grades?\b")
_INITIAL = re.compile(r"(?i)\binitial\s{1,3}judge?ments?\s{1,3}(?:in|on)\s{1,3}")


def detect(doc: TextDocument) -> float:
    head = doc.lines[:60]
    if any(_SUMMARY.match(line) for line in head) and any(_ASSESSED_HOW_GOOD.search(line) for line in head):
        return 0.85
    return 0.0


def refine(refined: Refinement, ctx: Context) -> None:
    """The counts and the judgment date the summary states (see the module docs)."""
    stamp = paper_stamp(refined.doc, ctx.date)
    for number, line in enumerate(refined.doc.lines, start=1):
        inspection = ctx.inspection_at(number)
        if inspection is None:
            continue
        for match in _GRADED_IN.finditer(line):
            _count(refined, inspection.ref, number, stamp, "graded areas", parse_number(match.group("n")), parse_number(match.group("total")))
        for match in _AWARDED.finditer(line):
            n = 0 if match.group("n").lower() == "no" else parse_number(match.group("n"))
            _count(refined, inspection.ref, number, stamp, " ".join(match.group("what").lower().split()) + " grades", n, None)
        initial = _INITIAL.search(line)
        if initial:
            dates = [d for d in find_dates(line) if 0 <= d[0] - initial.end() <= 3]
            if dates:
                refined.node(inspection.ref, number, "peel-web:initial-judgments", 0.75, judged=dates[0][2])


def _count(refined: Refinement, inspection: Ref, line: int, stamp: str, what: str, n: float | int | None, total: float | int | None) -> None:
    if n is None:
        return
    ref = Ref.of("StatedCount", stamp, what, str(n), within=inspection)
    refined.node(ref, line, "peel-web:summary-count", 0.8, count=n, ofTotal=total)
    refined.edge(R.HAS_STATED_COUNT, inspection, ref, line, "peel-web:summary-count", 0.8)
