"""A board's meeting notes: meeting, attendees, items, inspections discussed, auditors and the action log."""

from __future__ import annotations

import re

from oversight.loaders.families.minutes.inspections import inspection_discussed
from oversight.loaders.families.minutes.meeting import Meeting, state_item, state_meeting
from oversight.loaders.families.minutes.parts import Part
from oversight.loaders.families.minutes.people import NAME_POST, name_posts
from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.auditors import auditors_in
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import board_mentions, force_pattern
from oversight.loaders.toolkit.spans import clean_cell, paragraphs
from oversight.loaders.toolkit.statuses import status_for
from oversight.loaders.toolkit.tables import Table, read_tables
from oversight.loaders.toolkit.textparse import parse_date
from oversight.ontology import R, ontology


def paper_subject(lines: list[str], part: Part) -> tuple[str, int] | None:
    for line in range(part.start, min(part.end, part.start + 8) + 1):
        match = re.match(r"^\s*Subject:\s*(?P<s>\S.*?)\s*$", lines[line - 1])
        if match:
            return clean_cell(match.group("s")), line
    return None


def read_notes(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    part: Part,
    names: list[str],
    programmes: dict[str, Ref],
) -> Meeting | None:
    """A board's meeting notes: meeting, attendees, apologies, items, inspections, auditors, actions."""
    content = [n for n in range(part.start + 1, part.end + 1) if doc.lines[n - 1].strip()]
    if len(content) < 2:
        return None
    board_line, date_line = content[0], content[1]
    date = parse_date(doc.lines[date_line - 1])
    boards = board_mentions(doc.lines[board_line - 1])
    if date is None or not boards:
        facts.warn(
            "meeting notes without a board and date under the heading; not recorded", part.start
        )
        return None
    location = None
    if len(content) > 2 and not NAME_POST.search(doc.lines[content[2] - 1]):
        location = clean_cell(doc.lines[content[2] - 1])
    meeting = state_meeting(facts, force, boards[0].surface, date, date_line, None, location)
    facts.node(meeting.ref, facts.evidence(board_line), title=clean_cell(doc.lines[board_line - 1]))
    items = _numbered_items(doc.lines, part.start, part.end)
    first_item = items[0][0] if items else part.end + 1
    apologies = False
    for line in content[2:]:
        if line >= first_item:
            break
        raw = doc.lines[line - 1]
        if re.match(r"^\s*Apologies\b", raw, re.I):
            apologies = True
            continue
        for person, post, ev in name_posts(facts, doc, force, line, names):
            if not apologies:
                facts.edge(R.ATTENDED_BY, meeting.ref, person, ev, role=post)
    for index, (line, number, title) in enumerate(items):
        stop = items[index + 1][0] - 1 if index + 1 < len(items) else part.end
        item = state_item(
            facts, doc, force, meeting, str(number), title, line, None, programmes, number=number
        )
        paras = paragraphs(doc.lines, line + 1, stop)
        for para in paras:
            inspection_discussed(facts, doc, force, meeting, item, para, paras)
            if force is not None:
                auditors_in(facts, doc, force, para, None)
    for table in read_tables(doc.lines, part.start, part.end):
        if {"status", "owner", "due"} <= set(table.fields):
            _action_log(facts, doc, force, meeting, table)
    return meeting


def _numbered_items(lines: list[str], start: int, end: int) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for line in range(start, end + 1):
        match = re.match(r"^\s*(\d{1,2})\.\s+(\S.{0,120}?)\s*$", lines[line - 1])
        if not match:
            continue
        number = int(match.group(1))
        if number == (found[-1][1] + 1 if found else 1):
            found.append((line, number, clean_cell(match.group(2))))
    return found


def _action_log(
    facts: Facts, doc: TextDocument, force: Ref | None, meeting: Meeting, table: Table
) -> None:
    """Each action of the log: text, status (dated by the meeting), owner, due date."""
    for count, row in enumerate(table.rows, start=1):
        text = clean_cell(table.value(row, "text") or "")
        status_cell = table.value(row, "status") or ""
        owner = clean_cell(table.value(row, "owner") or "")
        due = parse_date(table.value(row, "due") or "")
        ev = facts.evidence(row.first)
        action = Ref.of("Action", str(count), within=meeting.ref)
        facts.node(
            action, ev, number=count, text=text, deadline=due, missing=None if due else ["deadline"]
        )
        facts.edge(R.ISSUED, meeting.ref, action, ev)
        owner_ref = _owner(owner, force)
        if owner_ref is not None:
            facts.edge(R.OWNED_BY, action, owner_ref, ev)
        status = status_for(status_cell)
        if status:
            assessment = Ref.of("StatusAssessment", meeting.date, within=action)
            facts.node(assessment, ev, status=status, date=meeting.date)
            facts.edge(R.HAS_STATUS, action, assessment, ev)
        else:
            facts.warn(f"action {count}: status {status_cell!r} not understood", row.first)


def _owner(text: str, force: Ref | None) -> Ref | None:
    """The owner a log names: the force ("Force"), a post, a board, or a person."""
    if not text:
        return None
    if re.fullmatch(rf"(?:the\s+)?(?:force|{force_pattern(force)})", text, re.I):
        return force
    if ontology().gazetteer.lookup(text, "Post"):
        return naming.post_ref(text, force)
    if ontology().gazetteer.lookup(text, "Board"):
        return naming.board_ref(text, force)
    return naming.person_ref(text, force)
