"""The ``audit-committee`` family: a joint (independent) audit committee's page, agenda or minutes.

Layouts (one module each): :mod:`.papers` (a heading or opening naming an
audit committee; a membership or attendee list; numbered agenda items with
owners' initials and times; dates of future meetings). The statement layer
reads the meeting (dated, or undated when the page lists its attendees but no
date), members, attendees, apologies and secretariat however punctuated, the
other meetings named and the actions minuted in prose; this family adds the
paper's own date.
"""

from __future__ import annotations

from oversight.loaders.families.audit_committee.papers import audit_committee_score
from oversight.loaders.models import Extraction, TextDocument
from oversight.loaders.statements.layout import extract_with_layout

__all__ = ["AuditCommitteeExtractor"]


class AuditCommitteeExtractor:
    """Audit committee pages, agendas and minutes."""

    family = "audit-committee"

    def detect(self, doc: TextDocument) -> float:
        return audit_committee_score(doc.lines)

    def extract(self, doc: TextDocument) -> Extraction:
        return extract_with_layout(doc, lambda c, statements: None)
