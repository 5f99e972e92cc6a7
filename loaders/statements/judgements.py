"""Graded judgements, written as sentences or as a grade word on its own line.

- "the extent to which the force is effective at keeping people safe and
  reducing crime is good" (and "… requires improvement");
- "the efficiency with which the force carries out its responsibilities
  requires improvement", "had been assessed as requiring improvement in respect
  of the efficiency …";
- "the force requires improvement in reducing crime and preventing offending"
  (and each "… and requires improvement in …" of the same sentence);
- "In 2017, we judged the constabulary to be good at treating its workforce
  fairly": an earlier round's judgement, with the year (``lastInspected``);
- a grade alone on a line after a question heading ("How legitimately does the
  force treat the public and its workforce?" … "Good"), or glued to the end of
  the question ("…keep people safe?Good").

A judgement is of the inspection the passage is about; its part of the key is
the PEEL pillar the wording names, else the question's words. The grade is
the Grades vocabulary's notation of the words as written.
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.text import clean, sentences
from oversight.loaders.toolkit import naming
from oversight.ontology import R, ontology

__all__ = ["read_judgements"]

_GRADE = r"(?P<grade>outstanding|good|adequate|inadequate|requires?\s{1,3}improvement|requiring\s{1,3}improvement|poor)"
_EXTENT = re.compile(r"(?i)\bthe\s{1,3}extent\s{1,3}to\s{1,3}which\s{1,3}(?P<what>[^.;\n]{5,200}?)\s{1,3}(?:is\s{1,3}|are\s{1,3})?" + _GRADE + r"\s{0,3}(?:[.;]|$)")
_WITH_WHICH = re.compile(r"(?i)\bthe\s{1,3}(?P<what>effectiveness|efficiency|legitimacy)\s{1,3}with\s{1,3}which\s{1,3}[^.;\n]{3,160}?\s{1,3}(?:is\s{1,3})?" + _GRADE + r"\b")
_ASSESSED = re.compile(r"(?i)\b(?:assessed|rated|judged|graded)\s{1,3}as\s{1,3}['\u2018]?" + _GRADE + r"['\u2019]?\s{1,3}(?:in\s{1,3}respect\s{1,3}of|for|at|in)\s{1,3}(?P<what>[^.;\n]{5,120})")
_REQUIRES_IN = re.compile(r"(?i)\b(?:the\s{1,3}force|the\s{1,3}constabulary|it)\s{1,3}" + _GRADE + r"\s{1,3}in\s{1,3}(?P<what>(?:the\s{1,3}way\s{1,3})?[a-z][^.;,\n]{4,100}?)(?=\s{0,3}(?:[.;,]|\sand\s(?:requires?|it)\b|$))")
#: "… and requires improvement in tackling anti-social behaviour": a further grade of the same subject in a list.
_AND_REQUIRES_IN = re.compile(r"(?i)\band\s{1,3}" + _GRADE + r"\s{1,3}in\s{1,3}(?P<what>(?:the\s{1,3}way\s{1,3})?[a-z][^.;,\n]{4,100}?)(?=\s{0,3}(?:[.;,]|$))")
#: "In 2017, we judged Avon and Somerset Constabulary to be good at treating its workforce fairly": an earlier judgement carried forward.
_JUDGED_TO_BE = re.compile(
    r"(?i)^(?:in\s{1,3}(?P<year>(?:19|20)\d\d),?\s{1,3})?we\s{1,3}judged\s{1,3}[^.;]{2,60}?\s{1,3}to\s{1,3}be\s{1,3}" + _GRADE
    + r"\s{1,3}(?:at|in)\s{1,3}(?P<what>[^.;\n]{5,120}?)\s{0,3}(?:[.;]|$)"
)
#: The opening of a PEEL question, dropped from the judgement's key so that its subject is kept.
_QUESTION_OPENING = re.compile(r"(?i)^(?:how\s{1,3}\w+|to\s{1,3}what\s{1,3}extent)\s{1,3}(?:does|do|is|are|has)\s{1,3}(?:the\s{1,3})?(?:force|constabulary)\s{1,3}")
_QUESTION = re.compile(r"^\s{0,4}(?P<q>(?:How|To\s{1,3}what\s{1,3}extent)\b[^?\n]{5,200}\?)\s{0,3}(?P<grade>Outstanding|Good|Adequate|Inadequate|Requires\s{1,3}improvement)?\.?\s{0,4}$", re.I)
_GRADE_LINE = re.compile(r"^\s{0,4}" + _GRADE + r"\s{0,4}$", re.I)
_SKIP_BETWEEN = re.compile(r"(?i)^\s{0,4}(?:last\s{1,3}updated\b|\d{1,2}\s{0,4}$)")

_PILLARS = (
    (re.compile(r"(?i)\beffective"), "effectiveness"),
    (re.compile(r"(?i)\befficien"), "efficiency"),
    (re.compile(r"(?i)\blegitima"), "legitimacy"),
)


def _pillar(what: str) -> str | None:
    found = [p for pattern, p in _PILLARS if pattern.search(what)]
    return found[0] if len(found) == 1 else None


def _grade(words: str) -> str | None:
    words = " ".join(words.lower().split())
    if words.startswith("requir"):
        words = "requires improvement"
    if words == "poor":
        return None
    return ontology().vocabulary("Grades").notation_for(words)


def _emit(c: Collector, ctx: Context, line: int, what: str, grade_words: str, method: str, confidence: float, question: bool = False,
          year: str | None = None) -> None:
    grade = _grade(grade_words)
    if grade is None:
        return
    inspection = ctx.inspection_at(line)
    within = inspection.ref if inspection else (ctx.force or ctx.scope)
    assert within is not None
    pillar = None if question else _pillar(what)
    if inspection is not None and inspection.props.get("pillar") and (question or pillar is None):
        pillar = None if question else inspection.props["pillar"]
    part = pillar or " ".join(re.findall(r"[a-z0-9]+", _QUESTION_OPENING.sub("", what.strip()).lower())[:12])
    if not part:
        return
    round_ = inspection.props.get("round") if inspection else None
    area = naming.area_slug(clean(what), round_) if round_ else None
    ref = Ref.of("Judgement", area or part, within=within)
    props: dict[str, object] = {"grade": grade, "text": clean(what), "lastInspected": year}
    c.node(ref, line, method, confidence, counts_as="judgement", **props)  # type: ignore[arg-type]
    if inspection is not None:
        c.edge(R.HAS_JUDGEMENT, inspection.ref, ref, line, method, confidence)
    if area is not None:
        c.edge(R.IN_AREA, ref, naming.area_ref(clean(what), round_), line, method, confidence)


def read_judgements(c: Collector, ctx: Context) -> int:
    """Every judgement the paper states (see the module docs); returns how many."""
    before = c.found["judgement"]
    lines = c.doc.lines
    last_question: tuple[int, str] | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped == "\u00a0":
            continue
        question = _QUESTION.match(line)
        if question:
            if question.group("grade"):
                _emit(c, ctx, number, question.group("q"), question.group("grade"), "judgement-question-grade", 0.85, question=_pillar(question.group("q")) is None)
                last_question = None
            else:
                last_question = (number, question.group("q"))
            continue
        grade_line = _GRADE_LINE.match(line)
        if grade_line and last_question is not None:
            q_line, q = last_question
            _emit(c, ctx, number, q, grade_line.group("grade"), "judgement-grade-line", 0.85, question=_pillar(q) is None or bool(re.match(r"(?i)to\s+what", q)))
            last_question = None
            continue
        if last_question is not None and not _SKIP_BETWEEN.match(line):
            last_question = None
        for _start, _end, sentence in sentences(line):
            matched = False
            for pattern, method, confidence in (
                (_EXTENT, "judgement-sentence", 0.9),
                (_WITH_WHICH, "judgement-sentence", 0.8),
                (_ASSESSED, "judgement-assessed-as", 0.7),
            ):
                for match in pattern.finditer(sentence):
                    _emit(c, ctx, number, match.group("what"), match.group("grade"), method, confidence)
                    matched = True
            judged = _JUDGED_TO_BE.match(sentence)
            if judged and not matched:
                _emit(c, ctx, number, judged.group("what"), judged.group("grade"), "judgement-judged-to-be", 0.7,
                      question=True, year=judged.group("year"))
                matched = True
            if not matched:
                listed = False
                for match in _REQUIRES_IN.finditer(sentence):
                    _emit(c, ctx, number, match.group("what"), match.group("grade"), "judgement-requires-in", 0.6, question=True)
                    listed = True
                if listed:
                    for match in _AND_REQUIRES_IN.finditer(sentence):
                        _emit(c, ctx, number, match.group("what"), match.group("grade"), "judgement-requires-in", 0.55, question=True)
    return c.found["judgement"] - before
