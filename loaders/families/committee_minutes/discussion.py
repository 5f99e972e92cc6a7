"""What a committee's minute reports of an inspection's grades, in the members' and officers' words.

- a count of graded areas: "rated the force as 'adequate' in 6 categories and
  as 'requiring improvement' in 2 categories";
- a count of graded cases: "out of the 20 cases that were audited, 9 were
  good, 16 required improvement and 4 were inadequate";
- a quoted grade: "noted 'good' rating for the force";
- a quoted area and its grade: "the 'developing a positive workforce'
  category required improvement";
- an earlier grade: "previously the force were rated as requiring
  improvement", of the pillar the passage names ("how effective …").

Each is of the inspection the passage is about (the statement layer's
context), else of the paper; the grade is the Grades vocabulary's notation.
Nothing is counted that the minute does not number.

>>> from oversight.loaders.models import TextDocument
>>> from oversight.loaders.statements.context import read_context
>>> doc = TextDocument.from_text("The assessment rated the force as 'adequate' in 6 categories.")
>>> c = Collector(doc)
>>> read_discussion(c, read_context(doc))
>>> [(f.properties["count"], f.properties["grade"]) for f in c.facts()]
[(6, 'adequate')]
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.text import force_pattern, sentences
from oversight.loaders.toolkit.naming import paper_stamp
from oversight.loaders.toolkit.textparse import parse_number
from oversight.ontology import R

__all__ = ["read_discussion", "read_assessment"]

#: "the HMICFRS … (PEEL) assessment of Dyfed-Powys Police": a PEEL inspection of the force, its round unstated.
_ASSESSMENT_OF = re.compile(r"\bPEEL\)?\s{1,3}(?:assessment|inspection)\s{1,3}of\s{1,3}(?P<force>[A-Z][\w-]{2,20}(?:\s{1,3}[A-Z][\w-]{2,20}){0,3})")

_GRADE = r"(?P<grade>outstanding|good|adequate|inadequate|requir(?:es|ing|ed)\s{1,3}improvement)"
_OPEN = r"[\u2018'\"\u201c]"
_CLOSE = r"[\u2019'\"\u201d]"
_SMALL = r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_IN_AREAS = re.compile(r"(?i)" + _OPEN + r"?" + _GRADE + _CLOSE + r"?\s{1,3}in\s{1,3}(?P<n>" + _SMALL + r")\s{1,3}(?:graded\s{1,3})?(?:categories|areas|questions|pillars)\b")
_OUT_OF = re.compile(r"(?i)\bout\s{1,3}of\s{1,3}(?:the\s{1,3})?(?P<total>\d{1,4})\s{1,3}(?P<of>[a-z][a-z ]{2,60}?)\s{1,3}(?:that\s{1,3})?(?:were|was|had\s{1,3}been)\s{1,3}[a-z]{3,20},\s{0,3}(?P<list>[^.;]{5,300})")
_LISTED = re.compile(r"(?i)(?P<n>\d{1,4})\s{1,3}(?:were\s{1,3}|was\s{1,3})?" + _GRADE)
_QUOTED_RATING = re.compile(r"(?i)" + _OPEN + _GRADE + _CLOSE + r"\s{1,3}(?:rating|grade|judgement|assessment)\b")
_QUOTED_AREA = re.compile(
    _OPEN + r"(?P<area>[a-z][^\u2019'\"\u201d\n]{3,80})" + _CLOSE + r"\s{1,3}(?:category|area|question|pillar)\s{1,3}"
    r"(?:(?:was|had\s{1,3}been)\s{1,3}(?:graded|rated|assessed|judged)\s{1,3}(?:as\s{1,3})?)?(?i:" + _GRADE + r")"
)
_EARLIER = re.compile(r"(?i)\b(?:the\s{1,3}force|it)\s{1,3}(?:was|were|had\s{1,3}been)\s{1,3}(?:previously\s{1,3})?(?:rated|graded|assessed|judged)\s{1,3}as\s{1,3}" + _OPEN + r"?" + _GRADE)
_PREVIOUSLY = re.compile(r"(?i)\bpreviously\b")
_PILLAR_WORD = re.compile(r"(?i)\b(?P<w>effective\w{0,4}|efficien\w{0,4}|legitima\w{0,4})")
_PILLARS = {"effect": "effectiveness", "effici": "efficiency", "legiti": "legitimacy"}


def _grade(words: str) -> str:
    words = " ".join(words.lower().split())
    return "requires-improvement" if words.endswith("improvement") else words


def _within(ctx: Context, line: int) -> Ref:
    inspection = ctx.inspection_at(line)
    scope = inspection.ref if inspection is not None else (ctx.force or ctx.scope)
    assert scope is not None
    return scope


def _count(c: Collector, ctx: Context, line: int, n: int, grade: str, total: int | None, of: str) -> None:
    within = _within(ctx, line)
    ref = Ref.of("StatedCount", paper_stamp(c.doc, ctx.date), of, grade, str(n), within=within)
    c.node(ref, line, "graded-count", 0.7, count=n, grade=grade, ofTotal=total)
    if within.label == "Inspection":
        c.edge(R.HAS_STATED_COUNT, within, ref, line, "graded-count", 0.7)


def _judgement(c: Collector, ctx: Context, line: int, part: str, grade: str, method: str) -> None:
    within = _within(ctx, line)
    ref = Ref.of("Judgement", part, within=within)
    c.node(ref, line, method, 0.65, grade=grade)
    if within.label == "Inspection":
        c.edge(R.HAS_JUDGEMENT, within, ref, line, method, 0.65)


def read_discussion(c: Collector, ctx: Context) -> None:
    """The grades and graded counts the minute reports (see the module docs)."""
    for number, line in enumerate(c.doc.lines, start=1):
        if len(line) > 20000 or not re.search(r"(?i)good|adequate|inadequate|outstanding|improvement", line):
            continue
        for match in _IN_AREAS.finditer(line):
            n = parse_number(match.group("n"))
            if n:
                _count(c, ctx, number, int(n), _grade(match.group("grade")), None, "graded areas")
        for match in _OUT_OF.finditer(line):
            total = int(match.group("total"))
            of = " ".join(match.group("of").split())
            for item in _LISTED.finditer(match.group("list")):
                _count(c, ctx, number, int(item.group("n")), _grade(item.group("grade")), total, of)
        for match in _QUOTED_RATING.finditer(line):
            _judgement(c, ctx, number, "rating", _grade(match.group("grade")), "quoted-grade")
        for match in _QUOTED_AREA.finditer(line):
            _judgement(c, ctx, number, " ".join(match.group("area").split()), _grade(match.group("grade")), "quoted-area-grade")
        for _start, end, sentence in sentences(line):
            earlier = _EARLIER.search(sentence)
            if earlier is None or not _PREVIOUSLY.search(sentence):
                continue
            pillars = list(_PILLAR_WORD.finditer(line[:end]))
            if pillars:
                pillar = _PILLARS[pillars[-1].group("w").lower()[:6]]
                _judgement(c, ctx, number, f"{pillar} previously", _grade(earlier.group("grade")), "earlier-grade")


def read_assessment(c: Collector, ctx: Context) -> None:
    """A PEEL assessment of the paper's force whose round the minute does not state: one of this paper only
    (keyed within the paper, never merged with a dated round), inspected the force, by the inspectorate named."""
    if ctx.force is None or any(m.props.get("kind") == "peel" for m in ctx.mentions):
        return
    for number, line in enumerate(c.doc.lines, start=1):
        match = _ASSESSMENT_OF.search(line[:20000])
        if match is None or force_pattern().search(match.group("force")) is None:
            continue
        ref = Ref.of("Inspection", "PEEL", within=ctx.scope)
        c.node(ref, number, "peel-assessment-of-force", 0.65, counts_as="inspection", kind="peel")
        c.edge(R.INSPECTED, ref, ctx.force, number, "peel-assessment-of-force", 0.65)
        if ctx.inspectorate is not None:
            c.edge(R.CONDUCTED_BY, ref, ctx.inspectorate, number, "peel-assessment-of-force", 0.6)
        return
