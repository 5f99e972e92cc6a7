"""The older PEEL web pages (2014 to 2018/19): a force's landing page or a pillar's page.

- Detection: PEEL named, and the page's furniture: "Read more about
  <force>", "HMI's observations", "Last updated dd/mm/yyyy", "Questions for
  <pillar>", a pillar's question alone on its line ("How effectively does the
  force …?"): with a title naming a force and a round ("Gwent 2014", "Cleveland
  PEEL 2018") 0.9, else two pieces of furniture 0.8.
- The 2014 landing page's list ("The available evidence indicates that:"
  then "in terms of its effectiveness, … the force is good at reducing crime
  …, it requires improvement in …"): each clause with a grade is a judgement
  of the area it names, whether the grade is "good at" or "requires
  improvement in" (the statement layer reads the latter).
- "This year, for the first time, we have assessed leadership across the
  force. The assessment has led to a narrative rather than graded judgment":
  the area assessed is ``ungraded``.
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.refine import Refinement
from oversight.loaders.statements.text import sentences
from oversight.ontology import R, ontology

__all__ = ["detect", "refine"]

_FURNITURE = (
    re.compile(r"(?i)^\s{0,4}questions\s{1,3}for\s{1,3}(?:effectiveness|efficiency|legitimacy)\s{0,4}$"),
    re.compile(r"(?i)^\s{0,4}read\s{1,3}more\s{1,3}about\s{1,3}[A-Z][\w &-]{2,40}$"),
    re.compile(r"(?i)^\s{0,4}HMI[\u2019']s\s{1,3}observations\s{0,4}$"),
    re.compile(r"(?i)^\s{0,4}last\s{1,3}updated:?\s{0,3}\d{1,2}/\d{1,2}/\d{4}"),
    re.compile(r"^\s{0,4}(?:How\s{1,3}\w+|To\s{1,3}what\s{1,3}extent)\s{1,3}(?:does|is)\s{1,3}the\s{1,3}force\b[^?\n]{5,200}\?\s{0,4}$"),
)
_PEEL = re.compile(r"\bPEEL\b")
_ASSESSED = re.compile(r"(?i)\b(?:we\s{1,3}have\s{1,3})?assessed\s{1,3}(?P<what>[a-z][a-z ,&-]{2,60}?)\s{1,3}(?:across|in|of|at)\s{1,3}the\s{1,3}(?:force|constabulary)\b")
_NARRATIVE = re.compile(r"(?i)\bnarrative\s{1,3}rather\s{1,3}than\s{1,3}(?:a\s{1,3})?graded\s{1,3}judge?ment\b|\bnot\s{1,3}(?:been\s{1,3})?graded\b")


#: The page's title: a force and a round alone on a line ("Gwent 2014", "Cleveland PEEL 2018", "Northumbria 2018/19").
_TITLE = re.compile(r"^\s{0,4}(?P<force>[A-Z][A-Za-z &\-]{2,40}?)\s{1,3}(?:PEEL\s{1,3})?(?:19|20)\d\d(?:/\d\d)?\s{0,4}$")


def _titled(doc: TextDocument) -> bool:
    opening = [line for line in doc.lines[:40] if line.strip()][:6]
    return any(
        (match := _TITLE.match(line)) is not None and ontology().gazetteer.lookup(match.group("force"), "Force") is not None
        for line in opening
    )


def detect(doc: TextDocument) -> float:
    """0.9 for a force-and-round title with the page's furniture, 0.8 for two pieces of furniture, else 0."""
    head = doc.lines[:300]
    if not any(_PEEL.search(line) for line in head):
        return 0.0
    found = sum(1 for pattern in _FURNITURE if any(pattern.match(line) for line in head))
    if found and _titled(doc):
        return 0.9
    return 0.8 if found >= 2 else 0.0


_IN_TERMS_OF = re.compile(r"(?i)^\s{0,4}in\s{1,3}terms\s{1,3}of\s{1,3}its\s{1,3}(?:effectiveness|efficiency|legitimacy)\b")
_GRADE = r"(?P<grade>outstanding|good|adequate|inadequate|requires?\s{1,3}improvement)"
_CLAUSE = re.compile(
    r"(?i)(?:\b(?:the\s{1,3}force|the\s{1,3}constabulary|it)\s{1,3}(?:is\s{1,3})?|\band\s{1,3}(?:is\s{1,3})?)" + _GRADE
    + r"\s{1,3}(?:at|in)\s{1,3}(?P<what>(?:the\s{1,3}way\s{1,3})?[a-z][^.;,\n]{4,100}?)(?=\s{0,3}(?:[.;,]|\sand\s(?:is\s)?" + _GRADE.replace("?P<grade>", "?:") + r"|$))"
)


def _listed(refined: Refinement, ctx: Context) -> None:
    listed = [n for n, line in enumerate(refined.doc.lines, start=1) if _IN_TERMS_OF.match(line)]
    if not listed:
        return
    # the list's clauses are read here, each with its own grade, in place of the statement layer's
    # "requires improvement in" reading of them (which runs a clause into the next "and is good at …")
    lines = set(listed)
    refined.drop(lambda f: (f.evidence.method or "").endswith(":judgement-requires-in") and f.evidence.line in lines)
    for number in listed:
        stated: set[str] = set()
        for match in _CLAUSE.finditer(refined.doc.lines[number - 1]):
            what = " ".join(match.group("what").split())
            words = "requires improvement" if match.group("grade").lower().startswith("requir") else match.group("grade")
            grade = ontology().vocabulary("Grades").notation_for(words)
            if grade is not None and what.lower() not in stated:
                stated.add(what.lower())
                _judgement(refined, ctx, number, what, grade, "peel-web:listed-judgement")


def refine(refined: Refinement, ctx: Context) -> None:
    """Listed grades of the 2014 page, and areas assessed with a narrative (see the module docs)."""
    _listed(refined, ctx)
    assessed: tuple[int, str] | None = None
    for number, line in enumerate(refined.doc.lines, start=1):
        for _start, _end, sentence in sentences(line):
            match = _ASSESSED.search(sentence)
            if match:
                assessed = (number, " ".join(match.group("what").split()))
            if _NARRATIVE.search(sentence) and assessed is not None and number - assessed[0] <= 2:
                _judgement(refined, ctx, number, assessed[1], "ungraded", "peel-web:narrative-judgement")
                assessed = None


def _judgement(refined: Refinement, ctx: Context, line: int, what: str, grade: str, method: str) -> None:
    inspection = ctx.inspection_at(line)
    within = inspection.ref if inspection else (ctx.force or ctx.scope)
    if within is None:
        return
    ref = Ref.of("Judgement", " ".join(re.findall(r"[a-z0-9]+", what.lower())[:12]), within=within)
    refined.node(ref, line, method, 0.7, grade=grade, text=what)
    if inspection is not None:
        refined.edge(R.HAS_JUDGEMENT, inspection.ref, ref, line, method, 0.7)
