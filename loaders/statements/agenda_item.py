"""A council committee's item page (the ModernGov ``mgAi.aspx`` layout): one agenda item and its minute.

The page opens "Agenda item", then the item's title, then "Minutes:", the
minute and "Resolved:" with the resolution. It names no meeting date (that is
on the meeting's own page), so the meeting is kept undated: keyed by the
paper (``undated <sha8>``) with ``missing: ["date"]``, never given a date the
page does not state. The body is the panel or committee the minute names
("The Panel considered …", "the Police and Crime Panel"). The item discusses
the inspection its title names, when it names one.

>>> from oversight.loaders.models import TextDocument
>>> from oversight.loaders.statements.context import read_context
>>> doc = TextDocument.from_text("Agenda item\\n\\nHMIC report - PEEL Police Effectiveness 2016.\\n\\nMinutes:\\n\\n"
...     "The Police and Crime Panel considered a report.\\n\\nResolved:\\n\\nThat the report be noted.\\n")
>>> c = Collector(doc)
>>> read_agenda_item(c, read_context(doc))
>>> [(f.evidence.line, f.properties) for f in c.facts() if getattr(f, "ref", None) and f.ref.label == "AgendaItem"]
[(3, {'title': 'HMIC report - PEEL Police Effectiveness 2016'}), (11, {'resolution': 'That the report be noted.'})]
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.text import clean
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.naming import paper_stamp
from oversight.ontology import R

__all__ = ["read_agenda_item"]

_OPENING = re.compile(r"^\s{0,4}Agenda\s{1,3}item\s{0,4}$", re.I)
_MINUTES = re.compile(r"^\s{0,4}Minutes\s{0,3}:\s{0,4}$", re.I)
_RESOLVED = re.compile(r"^\s{0,4}Resolved\s{0,3}[:\-\u2013]?\s{0,3}(?P<rest>.{0,400})$", re.I)
_BODY = re.compile(r"\b(?P<body>Police(?:,\s{1,3}Fire)?\s{1,3}and\s{1,3}Crime\s{1,3}Panel|(?:[A-Z][a-z]{2,15}\s{1,3}){0,4}Committee)\b|\bThe\s{1,3}(?P<panel>Panel)\b")


def _blank(line: str) -> bool:
    return not line.strip() or line.strip() == "\u00a0"


def read_agenda_item(c: Collector, ctx: Context) -> None:
    """The item, its resolution and its undated meeting, when the paper opens with "Agenda item"."""
    lines = c.doc.lines
    numbered = [(n, line) for n, line in enumerate(lines[:40], start=1) if not _blank(line)]
    if not numbered or not _OPENING.match(numbered[0][1]):
        return
    title_line, title = next(((n, t) for n, t in numbered[1:3] if not _MINUTES.match(t) and not t.strip().startswith("[") and len(t.strip()) <= 120), (0, ""))
    body = None
    for number, line in enumerate(lines, start=1):
        match = _BODY.search(line)
        if match:
            body = (number, "Police and Crime Panel" if match.group("panel") else " ".join(match.group("body").split()))
            break
    if body is None:
        return
    board = naming.board_ref(body[1], ctx.force or ctx.scope)
    meeting = Ref.of("Meeting", paper_stamp(c.doc, None), within=board)
    c.node(meeting, body[0], "agenda-item-page", 0.7, counts_as="meeting", missing=["date"])
    c.edge(R.MEETING_OF, meeting, board, body[0], "agenda-item-page", 0.7)
    resolution: tuple[int, str] | None = None
    for number, line in enumerate(lines, start=1):
        match = _RESOLVED.match(line)
        if not match:
            continue
        rest = match.group("rest").strip()
        if rest:
            resolution = (number, rest)
        else:
            following = next(((n, lines[n - 1]) for n in range(number + 1, min(number + 6, len(lines) + 1)) if not _blank(lines[n - 1])), None)
            resolution = (following[0], following[1].strip()) if following else None
        break
    if not title:
        return
    item = Ref.of("AgendaItem", clean(title).rstrip("."), within=meeting)
    c.node(item, title_line, "agenda-item-page", 0.8, counts_as="agenda item", title=clean(title).rstrip("."))
    c.edge(R.HAS_ITEM, meeting, item, title_line, "agenda-item-page", 0.8)
    if resolution is not None:
        c.node(item, resolution[0], "agenda-item-resolution", 0.8, resolution=resolution[1])
    named = ctx.named_by(title_line)
    if named is not None and named.line == title_line:
        c.edge(R.DISCUSSES, item, named.ref, title_line, "agenda-item-page", 0.75)
