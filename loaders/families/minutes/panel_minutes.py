"""Minutes of a panel or committee: the meeting, attendance, numbered minutes and undertakings."""

from __future__ import annotations

import re

from oversight.loaders.families.minutes.meeting import Meeting, state_item, state_meeting
from oversight.loaders.families.minutes.parts import Part
from oversight.loaders.families.minutes.people import attendance_list
from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import scanner
from oversight.loaders.toolkit.spans import Para, clean_cell, paragraphs, sentence_spans
from oversight.loaders.toolkit.textparse import find_dates
from oversight.ontology import R

_MINUTES_HEAD = re.compile(
    r"MINUTES\s+of\s+(?:a|the)\s+meeting\s+of\s+(?:the\s+)?(?P<board>.+?)\s+held\s+(?:in|at)\s+(?:the\s+)?"
    r"(?P<place>.+?)\s+on\s+(?P<when>.+?)\.?\s*$",
    re.I,
)


_MINUTE = re.compile(
    r"^\s*(?P<n>\d{1,3})\.\s+(?P<title>\S.*?)\s*(?:\(\s*\*?Item\s+(?P<item>[A-Z]?\d{1,2})\*?\s*\))?\s*$"
)


def read_minutes(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    part: Part,
    names: list[str],
    programmes: dict[str, Ref],
) -> Meeting | None:
    """A panel's minutes: the meeting, who was present, the minutes and what was resolved."""
    head = _MINUTES_HEAD.search(clean_cell(doc.lines[part.start - 1]))
    if head is None:
        facts.warn("minutes heading not understood; meeting not recorded", part.start)
        return None
    dates = find_dates(head.group("when"))
    if not dates:
        facts.warn("minutes heading states no date; meeting not recorded", part.start)
        return None
    meeting = state_meeting(
        facts,
        force,
        head.group("board"),
        dates[0][2],
        part.start,
        None,
        head.group("place").strip(" ,"),
    )
    for line in range(part.start + 1, part.end + 1):
        attendance = re.match(
            r"^\s*(?:ALSO\s+PRESENT|PRESENT|IN\s+ATTENDANCE):\s*", doc.lines[line - 1]
        )
        if attendance:
            attendance_list(facts, doc, force, meeting, line, attendance.end(), names)
    headings = _minute_headings(doc.lines, part.start + 1, part.end)
    actions = 0
    for index, (line, number, title, item_ref) in enumerate(headings):
        stop = headings[index + 1][0] - 1 if index + 1 < len(headings) else part.end
        if item_ref is None:
            for look in range(line + 1, min(stop, line + 3) + 1):
                found = re.match(
                    r"^\s*\(\s*\*?Item\s+([A-Z]?\d{1,2})\*?\s*\)\s*$", doc.lines[look - 1]
                )
                if found:
                    item_ref = found.group(1)
                    break
        item = state_item(
            facts,
            doc,
            force,
            meeting,
            item_ref or str(number),
            title,
            line,
            None,
            programmes,
            number=number,
        )
        if item_ref:
            facts.node(item, facts.evidence(line), itemRef=item_ref)
        for look in range(line + 1, stop + 1):
            raw = doc.lines[look - 1]
            if re.match(r"^\s*RESOLVED\b", raw):
                facts.node(
                    item,
                    facts.evidence(look),
                    resolution=clean_cell(re.sub(r"^\s*RESOLVED\s*", "", raw)),
                )
                break
        for para in paragraphs(doc.lines, line + 1, stop):
            for a, b in sentence_spans(para.text):
                actions = _undertaking(facts, doc, force, meeting, para, a, b, actions)
    return meeting


def _minute_headings(
    lines: list[str], start: int, end: int
) -> list[tuple[int, int, str, str | None]]:
    """The numbered minute headings: the longest run of short numbered lines counting up by one.

    Paragraphs inside a minute are numbered too ("1. The Commissioner
    introduced …"); they are long or end like sentences, and where a short
    one slips through, the longer run of minute numbers still wins.
    """
    candidates = []
    for line in range(start, end + 1):
        match = _MINUTE.match(lines[line - 1])
        if not match:
            continue
        title = match.group("title")
        if len(title) > 150 or (
            title.rstrip().endswith((".", ":", ";")) and not match.group("item")
        ):
            continue
        candidates.append((line, int(match.group("n")), clean_cell(title), match.group("item")))
    best: list[tuple[int, int, str, str | None]] = []
    for index, first in enumerate(candidates):
        run = [first]
        for later in candidates[index + 1 :]:
            if later[1] == run[-1][1] + 1:
                run.append(later)
        if len(run) > len(best):
            best = run
    return best


def _undertaking(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    meeting: Meeting,
    para: Para,
    a: int,
    b: int,
    count: int,
) -> int:
    """ "The Commissioner agreed to provide …, following the meeting": an action the post owns."""
    sentence = para.text[a:b]
    match = re.search(
        r"\b(?P<who>[A-Z][\w'\u2019 ]{1,60}?)\s+agreed\s+to\s+(?P<what>[^.]*?\bfollowing\s+the\s+meeting\b[^.]*)",
        sentence,
    )
    if not match:
        return count
    posts = [
        p for p in scanner("Post").find(match.group("who")) if p.end == len(match.group("who"))
    ]
    if not posts:
        return count
    count += 1
    what = re.sub(r",?\s*following\s+the\s+meeting,?", "", match.group("what")).strip(" ,")
    action = Ref.of("Action", str(count), within=meeting.ref)
    ev = para.evidence(doc.lines, a, b, doc)
    facts.node(action, ev, number=count, text=what[:1].upper() + what[1:])
    facts.edge(R.ISSUED, meeting.ref, action, ev)
    facts.edge(R.OWNED_BY, action, naming.post_ref(posts[0].surface, force), ev)
    return count
