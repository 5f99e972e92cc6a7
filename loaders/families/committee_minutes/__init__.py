"""The ``committee-minutes`` family: a council committee's minutes, such as a Police and Crime Panel's.

Layouts (one module each): :mod:`.moderngov` (the ModernGov item page:
"Agenda item", its title, "Minutes:", the minute, "Resolved:"; the reports it
lists as bullets under a lead-in naming inspections), and :mod:`.discussion`
(what members and officers said of the grades: a quoted grade and the areas
or cases it counts). The statement layer reads the item, its undated meeting
(the page states no date), the councillors named, the officers' undertakings;
this family adds the inspections the item lists and the grades the minute
reports. The force is the one the page names, else the panel's own
(gazetteer), else none.
"""

from __future__ import annotations

from oversight.loaders.families.committee_minutes.discussion import read_assessment, read_discussion
from oversight.loaders.families.committee_minutes.moderngov import (
    item_page_score,
    read_listed_inspections,
)
from oversight.loaders.models import Extraction, Ref, TextDocument
from oversight.loaders.statements import Statements
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.inspection_events import read_dated_inspections
from oversight.loaders.statements.layout import extract_with_layout

__all__ = ["CommitteeMinutesExtractor"]


def _layout(c: Collector, statements: Statements) -> set[Ref]:
    ctx = statements.context
    assert ctx is not None
    read_listed_inspections(c, ctx)
    read_discussion(c, ctx)
    read_assessment(c, ctx)
    return read_dated_inspections(c, ctx)


class CommitteeMinutesExtractor:
    """Council committee minutes (ModernGov item pages)."""

    family = "committee-minutes"

    def detect(self, doc: TextDocument) -> float:
        return item_page_score(doc.lines)

    def extract(self, doc: TextDocument) -> Extraction:
        return extract_with_layout(doc, _layout)
