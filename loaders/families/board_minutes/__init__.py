"""The ``board-minutes`` family: a PCC's accountability or executive board, its agenda pack or its notes.

Layouts (one module each): :mod:`.notes` (a board's heading with "Minutes",
"Notes", "Agenda" or a document pack; attendee lists; "Action – XX to …"
lines; numbered items). The statement layer reads the meeting, attendees
however punctuated, apologies, actions with owners resolved through the
attendees' initials, the other meetings named; this family adds the paper's
own date (the pack's or the meeting's).
"""

from __future__ import annotations

from oversight.loaders.families.board_minutes.notes import notes_score
from oversight.loaders.models import Extraction, TextDocument
from oversight.loaders.statements.layout import extract_with_layout

__all__ = ["BoardMinutesExtractor"]


class BoardMinutesExtractor:
    """PCC accountability and executive board agendas and notes."""

    family = "board-minutes"

    def detect(self, doc: TextDocument) -> float:
        return notes_score(doc.lines)

    def extract(self, doc: TextDocument) -> Extraction:
        return extract_with_layout(doc, lambda c, statements: None)
