"""Dates of an inspection: fieldwork, revisit and publication, as a sentence states them.

- fieldwork: "During our PEEL inspection of Cleveland, between 20 and 31 May
  2019", "In January 2024, we inspected …", "The Effectiveness Inspection took
  place … on 17 October 2016";
- revisit: "Between 27 January and 7 February 2025, we revisited the force",
  "We reviewed progress against this cause of concern between 7 June and 29
  July 2021", "our revisit judgments in May 2022";
- published: "On 11 July 2024, we published our PEEL 2023–25 inspection
  report", "… which was published on the 2 November 2022";
- a range of months: "In May and June 2024, we revisited the force" is the
  interval 2024-05/2024-06.

A range's first day takes its month and year from the second only when it
states none itself ("between 20 and 31 May 2019" is 2019-05-20/2019-05-31);
that is what the words say, not a guess. The inspection is the one the line
names, else the one the passage is about.

>>> date_range("between 20 and 31 May 2019")
'2019-05-20/2019-05-31'
>>> date_range("between 7 June and 29 July 2021")
'2021-06-07/2021-07-29'
"""

from __future__ import annotations

import re

from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.text import sentences
from oversight.loaders.toolkit.textparse import find_dates, parse_date

__all__ = ["read_inspection_dates", "date_range", "month_range"]

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_RANGE = re.compile(
    r"(?i)\bbetween\s{1,3}(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s{1,3}(?P<m1>" + _MONTH + r"))?(?:\s{1,3}(?P<y1>\d{4}))?"
    r"\s{1,3}and\s{1,3}(?P<d2>\d{1,2}(?:st|nd|rd|th)?\s{1,3}" + _MONTH + r"\s{1,3}\d{4})"
)
_FIELDWORK = re.compile(r"(?i)\b(?:we\s{1,3}inspected|inspection\s{1,3}(?:of|took\s{1,3}place)|fieldwork)\b")
_REVISIT = re.compile(r"(?i)\b(?:revisit(?:ed)?|re-?inspection|reviewed\s{1,3}progress)\b")
_PUBLISHED = re.compile(r"(?i)\bpublished\b")
_FUTURE = re.compile(r"(?i)\bwill\b|\bshall\b|\bwould\b|\bintends?\b|\bplanned\b")
_PILLAR = re.compile(r"(?i)\b(effectiveness|efficiency|legitimacy)\b")
_PUBLISHED_AFTER = re.compile(r"(?i)^\s{0,3},?\s{0,3}(?:we|HMICFRS|HMIC|the\s{1,3}inspectorate)\s{1,3}published\b")
#: "In May and June 2024": a range of months of one year.
_MONTHS = re.compile(
    r"(?i)\b(?P<m1>" + _MONTH + r")\s{1,3}(?:and|to|-|\u2013)\s{1,3}(?P<m2>" + _MONTH + r")\s{1,3}(?P<year>(?:19|20)\d\d)\b"
)
_LABEL_LINE = re.compile(r"(?i)^\s{0,4}(?:published\s{1,3}on|sent\s{1,3}on|last\s{1,3}updated)\b")


def date_range(text: str) -> str | None:
    """The first "between D1 and D2" range of ``text`` as an ISO 8601 interval, or None."""
    match = _RANGE.search(text)
    if not match:
        return None
    end = parse_date(match.group("d2"))
    if end is None or len(end) != 10:
        return None
    month = match.group("m1") or re.search(_MONTH, match.group("d2"), re.I).group(0)  # type: ignore[union-attr]
    year = match.group("y1") or end[:4]
    start = parse_date(f"{match.group('d1')} {month} {year}")
    return f"{start}/{end}" if start and start <= end else None


def month_range(text: str) -> str | None:
    """The first "May and June 2024" range of ``text`` as an ISO 8601 interval of months, or None.

    >>> month_range("In May and June 2024, we revisited the force")
    '2024-05/2024-06'
    """
    match = _MONTHS.search(text)
    if not match:
        return None
    start = parse_date(f"{match.group('m1')} {match.group('year')}")
    end = parse_date(f"{match.group('m2')} {match.group('year')}")
    return f"{start}/{end}" if start and end and start < end else None


def _when(sentence: str) -> str | None:
    ranged = date_range(sentence) or month_range(sentence)
    if ranged:
        return ranged
    dates = find_dates(sentence)
    if len(dates) == 1:
        return dates[0][2]
    # "our initial judgments in May 2021 and our revisit judgments in May 2022": the date after the revisit word.
    revisit = _REVISIT.search(sentence)
    if revisit:
        after = [d for d in dates if 0 <= d[0] - revisit.end() <= 40]
        if after:
            return after[0][2]
    return None


def read_inspection_dates(c: Collector, ctx: Context) -> int:
    """Fieldwork, revisit and publication dates of the inspections named; returns how many were read."""
    count = 0
    for number, line in enumerate(c.doc.lines, start=1):
        if not line.strip() or not (_FIELDWORK.search(line) or _REVISIT.search(line) or _PUBLISHED.search(line)):
            continue
        if _LABEL_LINE.match(line):
            continue  # "Published on: 4 April 2025" dates the paper itself
        named = ctx.named_by(number)
        here = [named] if named is not None and named.line == number else []
        before = [named] if named is not None else []
        inspection = here[0] if here else (before[-1] if before else ctx.main)
        if inspection is None:
            continue
        for _start, _end, sentence in sentences(line):
            if _FUTURE.search(sentence):
                continue
            when = _when(sentence)
            if when is None:
                continue
            pillars = {p.lower() for p in _PILLAR.findall(sentence)}
            if inspection.props.get("pillar") and pillars and inspection.props["pillar"] not in pillars:
                continue  # the sentence is about another pillar's inspection
            first_date = find_dates(sentence)
            lead = sentence[: first_date[0][0]] if first_date else sentence
            after = sentence[first_date[0][1] : first_date[0][1] + 40] if first_date else ""
            # "… published on 2 November 2022", or "On 11 July 2024, we published our … report"
            if (_PUBLISHED.search(lead[-60:]) or _PUBLISHED_AFTER.match(after)) and "/" not in when:
                name = "published"
                if not here and not before:
                    continue  # a publication is only dated for an inspection already named
            elif _REVISIT.search(sentence):
                name = "revisit"
            elif _FIELDWORK.search(sentence):
                name = "fieldwork"
            else:
                continue
            if name == "published":
                inspection.props.setdefault("published", when)
            c.node(inspection.ref, number, f"inspection-{name}-date", 0.75, **{name: when})
            count += 1
    return count
