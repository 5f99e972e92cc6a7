"""The ModernGov item page: how sure a paper is one, and the reports it lists under a lead-in.

A ModernGov page of one agenda item (``mgAi.aspx``) opens "Agenda item",
then the item's title and "Minutes:", and closes "Resolved:" (blank lines may
hold a non-breaking space). A minute often lists the reports it considered as
bullets under a lead-in that names inspections ("… the findings of the recent
inspections conducted by HMICFRS … as follows:"): each bullet is an
inspection, named by its own words, with the kind they state (PEEL, a
post-inspection review, a thematic) and conducted by the inspectorate the
lead-in names.

>>> item_page_score(["Agenda item", "", "HMICFRS Inspections", "", "Minutes:", "The Panel considered a report."])
0.9
>>> item_page_score(["AGENDA", "KENT AND MEDWAY POLICE AND CRIME PANEL"])
0.0
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.text import bullet, clean, inspectorate_pattern
from oversight.loaders.toolkit import naming
from oversight.ontology import R

__all__ = ["item_page_score", "read_listed_inspections"]

_OPENING = re.compile(r"^\s{0,4}Agenda\s{1,3}item(?:\s{1,3}\d{1,3}[a-z]?)?\s{0,4}$", re.I)
_MINUTE_MARKS = re.compile(r"(?im)^\s{0,4}(?:minutes\s{0,3}:|resolved\b)|\b(?:panel|committee)\s{1,3}(?:considered|received|noted)\b")
_LEAD_IN = re.compile(r"(?i)\b(?:inspections?|reports?)\b.{0,400}(?::|as\s{1,3}follows|listed\s{1,3}below)\s{0,4}$")
_COPY_NOTE = re.compile(r"(?i)\s{0,3}\((?:for\s{1,3}copy|copy)[^()]{0,60}\)")
_KINDS = (
    (re.compile(r"(?i)\bpost[\s-]{0,3}inspection\s{1,3}review\b"), "post-inspection-review"),
    (re.compile(r"\bPEEL\b"), "peel"),
    (re.compile(r"(?i)\bjoint\s{1,3}thematic\b"), "joint-thematic"),
    (re.compile(r"(?i)\bthematic\b"), "thematic"),
)


def _blank(line: str) -> bool:
    return not line.strip() or line.strip() == "\u00a0"


def item_page_score(lines: list[str]) -> float:
    """0..1: how sure the lines are a committee item page (see the module docs)."""
    first = next((line for line in lines[:40] if not _blank(line)), "")
    if not _OPENING.match(first):
        return 0.0
    return 0.9 if _MINUTE_MARKS.search("\n".join(lines[:400])) else 0.6


def read_listed_inspections(c: Collector, ctx: Context) -> None:
    """Each bullet under a lead-in naming inspections or reports is an inspection (see the module docs)."""
    lines = c.doc.lines
    scope = ctx.force or ctx.scope
    lead: tuple[int, Ref | None] | None = None
    for number, line in enumerate(lines, start=1):
        if _blank(line):
            continue
        text = bullet(line)
        if text is None:
            text = line.strip()
            if text[:1] in "\u00b7\u2022" and len(text) > 2:
                text = text[1:].strip()
            else:
                lead = None
                if len(line) <= 2000 and _LEAD_IN.search(line) and not re.search(r"(?i)\bquestions?\b", line):
                    named = inspectorate_pattern().search(line)
                    lead = (number, naming.body_ref(" ".join(named.group(0).split())) if named else None)
                continue
        if lead is None:
            continue
        title = clean(_COPY_NOTE.sub("", text)).rstrip(".")
        if not 4 <= len(title) <= 200:
            continue
        ref = Ref.of("Inspection", title, within=scope)
        kind = next((k for pattern, k in _KINDS if pattern.search(title)), None)
        c.node(ref, number, "listed-inspection", 0.7, title=title, kind=kind)
        if lead[1] is not None:
            c.edge(R.CONDUCTED_BY, ref, lead[1], number, "listed-inspection", 0.7)
        if ctx.force is not None:
            c.edge(R.INSPECTED, ref, ctx.force, number, "listed-inspection", 0.6)
