"""HMICFRS letters and their web publications: revisit letters, returns to Scan, letters ahead of a report.

Layouts, one module each, on top of the statement layer's reading:

- :mod:`.letter_block`: the ``From`` / ``To`` / ``Cc`` / ``Sent on`` block
  (people in their posts; national posts by the gazetteer's label) and the
  people the letter names in passing ("HMI Skeer");
- :mod:`.revisit`: the inspection the letter is about (PEEL, round unstated;
  a named inspection of a force's work) and its causes of concern named by
  topic or restated;
- :mod:`.monitoring`: the force moved into Engage or returned to Scan
  (``MonitoringDecision``), and the meeting the letter names with its date.

Detection: the letter block (0.9); else a publication page whose title line
says it is a letter, a revisit, or a return to the default phase of
monitoring, and whose text names a cause of concern or HMICFRS's monitoring
(0.75).

>>> from oversight.loaders.models import TextDocument
>>> doc = TextDocument.from_text(
...     "Gwent Police: return to default phase of monitoring\\n\\nFrom\\nHMI Jane Smith\\n"
...     "His Majesty's Inspector of Constabulary\\n\\nTo\\nJohn Brown\\nChief Constable\\nGwent Police\\n\\n"
...     "Sent on\\n3 March 2025\\n\\nOn 4 May 2023, we moved Gwent Police into Engage.")
>>> extractor = HmicfrsLetterExtractor()
>>> extractor.detect(doc)
0.9
>>> sorted((f.ref.label, f.properties.get("phase"), f.properties.get("date")) for f in extractor.extract(doc).facts
...        if f.kind == "node" and f.ref.label == "MonitoringDecision")
[('MonitoringDecision', 'engage', '2023-05-04')]
"""

from __future__ import annotations

import re
from typing import Any

from oversight.loaders.families.hmicfrs_letter import letter_block, monitoring, revisit
from oversight.loaders.models import Extraction, TextDocument
from oversight.loaders.statements import read_statements
from oversight.loaders.statements.refine import Refinement

__all__ = ["HmicfrsLetterExtractor"]

_TITLE = re.compile(r"(?i)\bletter\b|\brevisit\b|\breturn\s{1,3}to\s{1,3}(?:the\s{1,3})?default\s{1,3}phase\b|\breturn(?:ed)?\s{1,3}to\s{1,3}Scan\b")
_SUBJECT = re.compile(r"(?i)\bcauses?\s{1,3}of\s{1,3}concern\b|\bphase\s{1,3}of\s{1,3}monitoring\b|\bEngage\b")


def _publication(doc: TextDocument) -> float:
    title = next((line for line in doc.lines[:10] if line.strip()), "")
    if len(title) > 200 or not _TITLE.search(title):
        return 0.0
    return 0.75 if any(_SUBJECT.search(line) for line in doc.lines[:200]) else 0.0


class HmicfrsLetterExtractor:
    """The ``hmicfrs-letter`` family (see the module docs)."""

    family = "hmicfrs-letter"

    def detect(self, doc: TextDocument) -> float:
        return max(letter_block.detect(doc), _publication(doc))

    def extract(self, doc: TextDocument) -> Extraction:
        hook: Any = revisit.add_inspections(doc)
        statements = read_statements(doc, context_hook=hook)
        ctx = statements.context
        assert ctx is not None
        refined = Refinement(doc, statements.facts)
        refined.drop(lambda f: (f.evidence.method or "") in letter_block.LETTER_METHODS)
        scope = ctx.force or ctx.scope
        people = letter_block.read_people(refined, scope)
        monitoring.read_monitoring(refined, ctx.force, people)
        monitoring.read_meeting(refined, scope, ctx.date)
        revisit.read_causes(refined, ctx)
        revisit.conducted_by_hmicfrs(refined, ctx)
        title = next((line.strip() for line in doc.lines if line.strip()), None)
        fields: dict[str, object] = {}
        if ctx.date is not None:
            fields = {"date": ctx.date, "date_basis": "stated", "date_line": ctx.date_line}
        return Extraction(document=doc.record(title=title[:200] if title else None, **fields), facts=refined.facts)
