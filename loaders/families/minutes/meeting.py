"""The meeting a part records (board and date) and the items it took."""

from __future__ import annotations

import re
from dataclasses import dataclass

from oversight.loaders.models import Evidence, Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import board_mentions
from oversight.loaders.toolkit.spans import clean_cell
from oversight.loaders.toolkit.textparse import find_dates
from oversight.ontology import R, normalise_label


@dataclass
class Meeting:
    ref: Ref
    board: Ref
    date: str
    line: int


def state_meeting(
    facts: Facts,
    force: Ref | None,
    board_name: str,
    date: str,
    line: int,
    quote: str | None,
    location: str | None,
) -> Meeting:
    board = naming.board_ref(board_name.strip(), force)
    ref = Ref.of("Meeting", date, within=board)
    ev = facts.evidence(line, quote=quote)
    facts.node(ref, ev, date=date, location=location)
    facts.edge(R.MEETING_OF, ref, board, ev)
    return Meeting(ref, board, date, line)


def state_item(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    meeting: Meeting,
    ref_text: str,
    title: str,
    line: int,
    quote: str | None,
    programmes: dict[str, Ref],
    number: int | None = None,
) -> Ref:
    """An agenda item of ``meeting`` and what its title says it discusses."""
    title = clean_cell(re.sub(r"\s*\(\s*Pages?\s*[\d\s-]+\)\s*$", "", title)).strip(" .")
    item = Ref.of("AgendaItem", str(number) if number is not None else ref_text, within=meeting.ref)
    ev = facts.evidence(line, quote=quote)
    item_ref = ref_text if ref_text != str(number) else None
    facts.node(
        item,
        ev,
        title=title,
        number=number if number is not None else _int(ref_text),
        itemRef=item_ref or ref_text,
    )
    facts.edge(R.HAS_ITEM, meeting.ref, item, ev)
    _discusses(facts, force, meeting, item, title, ev, programmes)
    return item


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _discusses(
    facts: Facts,
    force: Ref | None,
    meeting: Meeting,
    item: Ref,
    title: str,
    ev: Evidence,
    programmes: dict[str, Ref],
) -> None:
    """What an item's title names: an earlier meeting's minutes, a PEEL round, a programme."""
    if re.match(r"(?:minutes|notes)\s+of\b", title, re.I):
        dates = find_dates(title)
        boards = board_mentions(title)
        if dates and len(dates[-1][2]) == 10:
            if boards:
                board = naming.board_ref(boards[0].surface, force)
            elif re.search(r"\bprevious\s+meeting\b", title, re.I):
                board = meeting.board
            else:
                board = None
            if board is not None:
                other = Ref.of("Meeting", dates[-1][2], within=board)
                facts.node(other, ev, date=dates[-1][2])
                facts.edge(R.MEETING_OF, other, board, ev)
                facts.edge(R.DISCUSSES, item, other, ev)
    peel = re.search(r"\bPEEL\b[^()]*?\b(20\d\d(?:\s*[/-]\s*\d\d)?)\b", title)
    if peel and force is not None:
        round_ = naming.peel_round(peel.group(1))
        if round_:
            peel_ref = naming.peel_inspection(force, round_, naming.peel_pillar(title, round_))
            facts.node(peel_ref, ev, kind="peel", round=round_)
            facts.edge(R.DISCUSSES, item, peel_ref, ev)
    found = programmes.get(normalise_label(title))
    if found is not None:
        facts.edge(R.DISCUSSES, item, found, ev)
