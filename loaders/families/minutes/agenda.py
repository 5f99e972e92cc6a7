"""An agenda: the meeting it calls and its numbered items."""

from __future__ import annotations

import re

from oversight.loaders.families.minutes.meeting import Meeting, state_item, state_meeting
from oversight.loaders.families.minutes.parts import Part
from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.spans import clean_cell
from oversight.loaders.toolkit.textparse import find_dates

_NOTICE = re.compile(
    r"meeting\s+of\s+(?:the\s+)?(?P<board>.+?)\s+will\s+be\s+held\s+(?:in|at)\s+(?:the\s+)?(?P<place>.+?)\s+on\s+(?P<when>.+)",
    re.I,
)


_ITEM_LINE = re.compile(r"^\s*(?:-\s*)?(?P<ref>[A-F]\d{1,2}|\d{1,2})\s+(?P<title>[A-Z].+?)\s*$")


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


_ITEM_SPLIT = re.compile(
    rf"\s(?=(?:[A-F]\d{{1,2}}|\d{{1,2}})\s+(?!(?:{_MONTHS})\b)[A-Z][a-z])"
    r"|\s(?=[A-F]\s+-\s)|(?<=\))\s"
)


def read_agenda(
    facts: Facts, doc: TextDocument, force: Ref | None, part: Part, programmes: dict[str, Ref]
) -> Meeting | None:
    """The meeting an agenda calls, and its items."""
    meeting = None
    for line in range(part.start, part.end + 1):
        notice = _NOTICE.search(clean_cell(doc.lines[line - 1]))
        if notice:
            dates = find_dates(notice.group("when"))
            if not dates:
                facts.warn("agenda notice states no date; meeting not recorded", line)
                return None
            meeting = state_meeting(
                facts,
                force,
                notice.group("board"),
                dates[0][2],
                line,
                None,
                notice.group("place").strip(" ,"),
            )
            break
    if meeting is None:
        return None
    seen: set[str] = set()
    exempt = next(
        (
            n
            for n in range(meeting.line, part.end + 1)
            if re.match(r"^\s*EXEMPT\s+ITEMS", doc.lines[n - 1])
        ),
        part.end,
    )
    for line in range(meeting.line + 1, exempt):
        raw = doc.lines[line - 1]
        whole = _ITEM_LINE.match(raw)
        if whole and len(raw) < 160 and not re.match(r"^\s*[A-F]\s+-", raw):
            segments = [(whole.group("ref"), whole.group("title"), raw.strip())]
        else:
            segments = []
            for piece in _ITEM_SPLIT.split(raw):
                found = _ITEM_LINE.match(piece)
                if found and re.search(r"\(Pages?\b", piece):
                    segments.append((found.group("ref"), found.group("title"), piece.strip()))
                elif found and found.group("ref")[0].isdigit() and len(piece) < 120:
                    segments.append((found.group("ref"), found.group("title"), piece.strip()))
        for ref_text, title, quote in segments:
            if ref_text in seen or re.fullmatch(r"\d{3,}", ref_text):
                continue
            seen.add(ref_text)
            state_item(facts, doc, force, meeting, ref_text, title, line, quote, programmes)
    return meeting
