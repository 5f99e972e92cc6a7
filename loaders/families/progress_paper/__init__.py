"""The ``progress-paper`` family: a force's or PCC office's paper on inspections (an update, a response, progress).

Layouts (one module each): :mod:`.report` (a report to a board or committee,
a PCC's response or web page on HMICFRS reports, a news statement on an
inspection: its opening names an inspectorate or an inspection and what the
paper is, an update, a response, a report). The statement layer reads the
inspections, findings, grades, meetings and owners; this family adds the
inspections the paper dates by month ("the inspection took place in
October", "published in July 2013", "In May 2017, HMICFRS conducted …"),
and the paper's own date.
"""

from __future__ import annotations

from oversight.loaders.families.progress_paper.report import report_score
from oversight.loaders.models import Extraction, Ref, TextDocument
from oversight.loaders.statements import Statements
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.inspection_events import read_dated_inspections
from oversight.loaders.statements.layout import extract_with_layout, meeting_of

__all__ = ["ProgressPaperExtractor"]


def _layout(c: Collector, statements: Statements) -> set[Ref]:
    assert statements.context is not None
    meeting = meeting_of(statements)
    return read_dated_inspections(c, statements.context, meeting[0] if meeting else None)


class ProgressPaperExtractor:
    """A force's or PCC office's update, response or progress paper on inspections."""

    family = "progress-paper"

    def detect(self, doc: TextDocument) -> float:
        return report_score(doc.lines)

    def extract(self, doc: TextDocument) -> Extraction:
        return extract_with_layout(doc, _layout)
