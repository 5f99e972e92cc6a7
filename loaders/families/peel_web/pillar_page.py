"""The older PEEL web pages (2014 to 2018/19): a force's landing page or a pillar's page.

- Detection: PEEL named, and the page's furniture: "Skip to content", "Read
  more about <force>", "HMI's observations", "Last updated dd/mm/yyyy", a
  pillar's question ("How effectively does the force …?"); two of them 0.9,
  one 0.8.
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
from oversight.ontology import R

__all__ = ["detect", "refine"]

_FURNITURE = (
    re.compile(r"(?i)^\s{0,4}skip\s{1,3}to\s{1,3}(?:main\s{1,3})?content\s{0,4}$"),
    re.compile(r"(?i)^\s{0,4}read\s{1,3}more\s{1,3}about\s{1,3}[A-Z][\w &-]{2,40}$"),
    re.compile(r"(?i)^\s{0,4}HMI[\u2019']s\s{1,3}observations\s{0,4}$"),
    re.compile(r"(?i)^\s{0,4}last\s{1,3}updated:?\s{0,3}\d{1,2}/\d{1,2}/\d{4}"),
    re.compile(r"^\s{0,4}(?:How\s{1,3}\w+|To\s{1,3}what\s{1,3}extent)\s{1,3}(?:does|is)\s{1,3}the\s{1,3}force\b[^?\n]{5,200}\?\s{0,4}$"),
)
_PEEL = re.compile(r"\bPEEL\b")
_ASSESSED = re.compile(r"(?i)\b(?:we\s{1,3}have\s{1,3})?assessed\s{1,3}(?P<what>[a-z][a-z ,&-]{2,60}?)\s{1,3}(?:across|in|of|at)\s{1,3}the\s{1,3}(?:force|constabulary)\b")
_NARRATIVE = re.compile(r"(?i)\bnarrative\s{1,3}rather\s{1,3}than\s{1,3}(?:a\s{1,3})?graded\s{1,3}judge?ment\b|\bnot\s{1,3}(?:been\s{1,3})?graded\b")


def detect(doc: TextDocument) -> float:
    head = doc.lines[:300]
    if not any(_PEEL.search(line) for line in head):
        return 0.0
    found = sum(1 for pattern in _FURNITURE if any(pattern.match(line) for line in head))
    return 0.9 if found >= 2 else 0.8 if found == 1 else 0.0


def refine(refined: Refinement, ctx: Context) -> None:
    """An area assessed with a narrative rather than a grade is ungraded (see the module docs)."""
    assessed: tuple[int, str] | None = None
    for number, line in enumerate(refined.doc.lines, start=1):
        for _start, _end, sentence in sentences(line):
            match = _ASSESSED.search(sentence)
            if match:
                assessed = (number, " ".join(match.group("what").split()))
            if _NARRATIVE.search(sentence) and assessed is not None and number - assessed[0] <= 2:
                _ungraded(refined, ctx, number, assessed[1])
                assessed = None


def _ungraded(refined: Refinement, ctx: Context, line: int, what: str) -> None:
    inspection = ctx.inspection_at(line)
    within = inspection.ref if inspection else (ctx.force or ctx.scope)
    if within is None:
        return
    ref = Ref.of("Judgement", " ".join(re.findall(r"[a-z0-9]+", what.lower())[:8]), within=within)
    refined.node(ref, line, "peel-web:narrative-judgement", 0.7, grade="ungraded", text=what)
    if inspection is not None:
        refined.edge(R.HAS_JUDGEMENT, inspection.ref, ref, line, "peel-web:narrative-judgement", 0.7)
