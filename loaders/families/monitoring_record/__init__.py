"""HMICFRS recommendation monitoring records: one recommendation (or cause of concern) and its status history.

Two layouts of HMICFRS's recommendations register, one module each:

- :mod:`.markup`: a register record, ``<Force>: <inspection> (<id>)`` over the
  recommendation's text and its history as inline markup
  (``[on]9th February 2017 [status]awaiting-review[/status][/on]``, then
  ``[comment]…[/comment]`` blocks). Every ``[status]`` is a dated
  ``StatusAssessment`` the recommendation ``HAS_STATUS`` (the statement layer
  reads them; the status words are the FindingStatuses notations of the
  register: awaiting-review, being-progressed, complete,
  no-further-action-needed); the comments are commentary, not statuses.
- :mod:`.record_page`: a recommendation's own page, headed by its kind
  ("Cause of concern", "Recommendation") and closed by a line saying where it
  stands ("This recommendation is complete"): that status is the record's,
  so of its first finding, not of each bullet.

The statement layer reads the rest (the inspection, the finding, deadlines);
the layout refines it.

>>> from oversight.loaders.models import TextDocument
>>> doc = TextDocument.from_text(
...     "Gwent Police: Crime Data Integrity inspection 2016 (1234)\\n\\n"
...     "The force should audit its crime records.\\n\\n"
...     "[on]9th February 2017 [status]awaiting-review[/status][/on]")
>>> extractor = MonitoringRecordExtractor()
>>> extractor.detect(doc)
0.95
>>> [(f.ref.label, f.properties.get("status"), f.properties.get("date")) for f in extractor.extract(doc).facts
...  if f.kind == "node" and f.ref.label == "StatusAssessment"]
[('StatusAssessment', 'awaiting-review', '2017-02-09')]
"""

from __future__ import annotations

from oversight.loaders.families.monitoring_record import markup, record_page
from oversight.loaders.models import Extraction, TextDocument
from oversight.loaders.statements import read_statements
from oversight.loaders.statements.refine import Refinement

__all__ = ["MonitoringRecordExtractor"]


class MonitoringRecordExtractor:
    """The ``monitoring-record`` family (see the module docs)."""

    family = "monitoring-record"

    def detect(self, doc: TextDocument) -> float:
        return max(markup.detect(doc), record_page.detect(doc))

    def extract(self, doc: TextDocument) -> Extraction:
        statements = read_statements(doc)
        refined = Refinement(doc, statements.facts)
        if markup.detect(doc):
            markup.refine(refined)
        elif record_page.detect(doc):
            record_page.refine(refined)
        ctx = statements.context
        title = next((line.strip() for line in doc.lines if line.strip()), None)
        fields: dict[str, object] = {}
        if ctx is not None and ctx.date is not None:
            fields = {"date": ctx.date, "date_basis": "stated", "date_line": ctx.date_line}
        return Extraction(document=doc.record(title=title[:200] if title else None, **fields), facts=refined.facts)
