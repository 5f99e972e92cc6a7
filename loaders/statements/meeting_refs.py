"""Other meetings of the same body that a meeting paper names, each with the date it gives.

A paper of one meeting names others: the meeting whose minutes it approves
("Minutes of the meeting held on 7 March 2016", "Meeting Log and Actions – 20th
July 2018"), the next one ("the next meeting will be held on …", "move the
meeting to the 15th August 2016"), a list of future dates under a heading
("Date and venue of future meetings", "… workshops"), and months without a
year ("Minutes from the July meeting were approved", "since the Committee's
meeting in September", "the June Audit Committee meeting").

Each is a meeting of the paper's own body (or of the body the phrase names),
keyed by its date like the paper's own meeting. A month without a year takes
the year of the paper's meeting (the year before, when the month is later than
the meeting's): that date is *inferred* and says so (method
``statement:meeting-month-reference``, confidence 0.6, ``missing: ["day"]``);
without a dated meeting of the paper, no month is given a year.

>>> from oversight.loaders.models import Ref
>>> refs = meetings_named(["Minutes of the meeting held on 7 March 2016", "the July meeting"], "2016-09-01")
>>> [(r.line, r.date, r.inferred) for r in refs]
[(1, '2016-03-07', False), (2, '2016-07', True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oversight.loaders.toolkit.textparse import find_dates

__all__ = ["NamedMeeting", "meetings_named", "paper_date"]

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_GLUED_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)(?=[A-Z])")
#: "minutes of the (previous) meeting (of the …) held on", "Meeting Log and Actions – ", "the meeting to the".
_DATED = re.compile(
    r"(?i:\bminutes\s{1,3}of\s{1,3}the\s{1,3}(?:previous\s{1,3}|last\s{1,3})?meeting\b[^.\n]{0,90}?\bheld\s{1,3}on\s{1,3}(?:the\s{1,3})?"
    r"|\b(?:meeting|action)\s{1,3}log\b[^.\n]{0,20}?[\u2013\u2014:-]\s{0,3}"
    r"|\bnext\s{1,3}meeting\s{1,3}(?:will|would|is|shall)\s{1,3}be\s{1,3}(?:held\s{1,3})?on\s{1,3}(?:the\s{1,3})?"
    r"|\b(?:move|moved|moving|rearrange|rearranged|change|changed)\s{1,3}the\s{1,3}(?:next\s{1,3})?meeting\s{1,3}to\s{1,3}(?:the\s{1,3})?)"
)
#: "Date and venue of future JIAC meetings", "Dates of future meetings", "future workshops".
_FUTURE = re.compile(r"(?i)\b(?:future|forthcoming|next)\b[^.\n]{0,30}?\b(?:meetings|workshops)\b")
#: "the July meeting", "the June Audit Committee meeting", "meeting in September".
_MONTH_MEETING = re.compile(
    r"\b(?:(?i:the)\s{1,3})?" + _MONTH + r"\s{1,3}(?P<body>(?:[A-Z][a-z]{1,20}\s{1,3}){0,4}(?:Committee|Board|Panel)\s{1,3})?meeting\b"
    r"|\bmeeting\s{1,3}(?:held\s{1,3})?in\s{1,3}" + _MONTH.replace("month", "month2") + r"\b(?![\s,]{1,3}\d)"
)
_BODY_AFTER = re.compile(r"(?P<body>(?:[A-Z][a-z]{1,20}\s{1,3}){1,4}(?:Committee|Board|Panel))\s{1,3}meeting\b")


@dataclass(frozen=True)
class NamedMeeting:
    """A meeting a paper names: line, ISO date, whether the year is inferred, and the body when named."""

    line: int
    date: str
    inferred: bool
    body: str | None = None


def _year_of(month: int, anchor: str) -> str:
    year, anchor_month = int(anchor[:4]), int(anchor[5:7]) if len(anchor) >= 7 else 12
    return f"{year if month <= anchor_month else year - 1}-{month:02d}"


def meetings_named(lines: list[str], anchor: str | None) -> list[NamedMeeting]:
    """Every other meeting the lines name (see the module docs); ``anchor`` is the paper's meeting date."""
    out: list[NamedMeeting] = []
    future_until = 0
    for number, raw in enumerate(lines, start=1):
        if len(raw) > 20000:
            continue
        line = _GLUED_ORDINAL.sub(r"\1\2 ", raw)
        for match in _DATED.finditer(line):
            dates = find_dates(line[match.end() : match.end() + 40])
            if dates and dates[0][0] == 0 and len(dates[0][2]) == 10:
                out.append(NamedMeeting(number, dates[0][2], False))
        future = _FUTURE.search(line)
        if future:
            future_until = number + 6
            tail = line[future.end() :]
        elif number <= future_until:
            tail = line
        else:
            tail = ""
        if tail:
            found = [iso for _s, _e, iso in find_dates(tail) if len(iso) == 10]
            out.extend(NamedMeeting(number, iso, False) for iso in found)
            if found and not future:
                future_until = number + 2
        if anchor is None:
            continue
        for match in _MONTH_MEETING.finditer(line):
            if re.search(r"(?i)\b(?:no|nor|not\s{1,3}a)\s{1,3}$", line[max(0, match.start() - 12) : match.start()]):
                continue  # "There was no meeting in August."
            month = (match.group("month") or match.group("month2")).lower()
            body = match.group("body")
            if body is None and match.group("month2"):
                before = _BODY_AFTER.search(line[max(0, match.start() - 60) : match.end()])
                body = before.group("body") if before else None
            out.append(NamedMeeting(number, _year_of(_MONTHS.index(month) + 1, anchor), True, " ".join(body.split()) if body else None))
    return out


def _alone(line: str, start: int, end: int) -> bool:
    """The date is all the line says, but for a weekday and a time ("Tuesday 12th May 2020", "6 May 2020")."""
    rest = (line[:start] + " " + line[end:]).strip(" ,|\u00a0\t")
    return not rest or re.fullmatch(r"(?i)(?:at\s{1,3})?\d{1,2}[.:]\d\d\s{0,2}(?:am|pm)?(?:\s{1,3}(?:to|-|\u2013)\s{1,3}\d{1,2}[.:]\d\d\s{0,2}(?:am|pm)?)?", rest) is not None


def paper_date(lines: list[str], meeting: tuple[str, int] | None) -> tuple[str, int] | None:
    """A meeting paper's own date and its line: a date alone on one of its first five lines (a pack's or the
    minutes' date), else its meeting's date when that is the first date the paper states; else None.

    >>> paper_date(["Public Document Pack", "", "6 May 2020", "Board on 12 May 2020"], ("2020-05-12", 4))
    ('2020-05-06', 3)
    >>> paper_date(["Committee", "15 August 2016 Item 4", "MINUTES 13 June 2016"], ("2016-06-13", 3)) is None
    True
    """
    opening = [(n, line) for n, line in enumerate(lines[:80], start=1) if line.strip() and line.strip() != "\u00a0"][:5]
    for number, line in opening:
        if len(line) > 200:
            continue
        dates = [d for d in find_dates(line) if len(d[2]) == 10]
        if len(dates) == 1 and _alone(line, dates[0][0], dates[0][1]):
            return dates[0][2], number
        if dates:
            break
    if meeting is None:
        return None
    for number, line in enumerate(lines[:80], start=1):
        dates = [d for d in find_dates(line[:2000]) if len(d[2]) == 10]
        if dates:
            return (dates[0][2], number) if dates[0][2] == meeting[0] else None
    return None
