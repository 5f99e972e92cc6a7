"""Extract a progress paper on a PEEL inspection's areas for improvement (AFIs).

A commissioner's paper to the Police and Crime Panel (or a force's paper to
a board) reports how the force is addressing the AFIs of one PEEL round. Its
front part names the inspection ("On 28 April 2022, HMICFRS published PEEL
2021/22 An Inspection of <force>"), tabulates the graded judgements (one column
per grade), states totals ("five AFIs as green", "14 AFIs as amber … seven
anticipated for completion by the end of March 2023") and names the boards that
govern the work. An appendix then takes each AFI in turn: a numbered heading,
a RAG rating, "Action Taken" and "Ongoing Activity" columns, and an
"Anticipated completion date" or "Completed".

Papers converted from Word tables to text arrive damaged, and the rules here
are written for the damage rather than for one paper:

- A heading may lose its number (recovered from its place in the sequence,
  ``numberMissing``) or vanish whole, leaving its body between two AFIs (the
  number is deduced from the gap, the text is recorded as ``missing``).
- A RAG word may sit on its own line, in a table cell, in bold inside a
  run-on line, or at the end of the heading.
- The two columns may be interleaved on one line; text is assigned to a
  column only where the cell positions say which it is, else kept whole as
  ``progressText``. An anticipated completion may be buried in a run-on line.
- A RAG missing from the paper is deduced from the paper's own totals when
  they leave exactly one possibility (``deduced``, ``deducedFrom``), never
  otherwise; an anticipated completion missing is recorded as missing, even
  when totals by month exist (they cannot say which AFI is which).
- Boards are linked to AFIs (``OVERSEEN_BY``) only where the text says the
  AFIs' governance, oversight, monitoring or scrutiny runs through the board;
  a board merely named gets its node and its citation.

>>> text = '''Subject: PEEL 2021/22 update
... Date: 18 April 2023
... On 28 April 2022, HMICFRS published PEEL 2021/22 An Inspection of Kent Police.
... 1. The Force should answer calls promptly
... Amber
... Action Taken
... - More call handlers recruited
... Anticipated completion date – May 2023
... '''
>>> extraction = PeelProgressExtractor().extract(TextDocument.from_text(text))
>>> status = [f.properties for f in extraction.facts if f.kind == "node" and "rag" in f.properties]
>>> status[0]["rag"], extraction.document.date
('amber', '2023-04-18')
"""

from __future__ import annotations

import re

from oversight.loaders.families.peel_progress.afi_facts import afi_facts
from oversight.loaders.families.peel_progress.appendix import read_afis
from oversight.loaders.families.peel_progress.cells import (
    AFI_WORDS,
    ANTICIPATED,
    RAG_CELL,
    Context,
    split_cells,
)
from oversight.loaders.families.peel_progress.front import (
    afi_total,
    inspection_tracked,
    paper_date,
    paper_title,
    publisher_of,
)
from oversight.loaders.families.peel_progress.governance import governance
from oversight.loaders.families.peel_progress.judgement_grid import judgement_grid
from oversight.loaders.families.peel_progress.rag_counts import (
    deduce_rags,
    rag_counts,
    stated_counts,
)
from oversight.loaders.models import Extraction, ExtractionWarning, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.facts import Facts
from oversight.ontology import R

__all__ = ["PeelProgressExtractor"]


class PeelProgressExtractor:
    """Extractor for AFI progress papers on a PEEL inspection (family ``peel-progress``)."""

    family = "peel-progress"

    def detect(self, doc: TextDocument) -> float:
        """How sure this is an AFI progress paper: per-AFI progress columns and completion lines.

        Papers that only discuss AFIs (an inspections paper, minutes of the
        panel that received the update) lack the per-AFI "Action Taken" /
        "Anticipated completion date" apparatus.
        """
        anticipated = sum(1 for line in doc.lines if ANTICIPATED.search(line))
        headers = sum(
            1 for line in doc.lines if re.search(r"action\s+taken|ongoing\s+activity", line, re.I)
        )
        rag = sum(1 for line in doc.lines for c in split_cells(line) if c and RAG_CELL.match(c))
        text = doc.text
        score = 0.0
        score += 0.35 if anticipated >= 2 else (0.15 if anticipated == 1 else 0.0)
        score += 0.25 if headers >= 2 else 0.0
        score += 0.15 if rag >= 1 or re.search(r"RAG status", text) else 0.0
        score += 0.15 if re.search(AFI_WORDS, text, re.IGNORECASE) else 0.0
        score += 0.1 if "PEEL" in text else 0.0
        return round(min(score, 1.0), 3)

    def extract(self, doc: TextDocument) -> Extraction:
        """The tracked inspection, its judgements, its AFIs with their status, the boards."""
        warnings: list[ExtractionWarning] = []
        sink = Facts(doc)
        title_line, title = paper_title(doc)
        date_line, date = paper_date(doc)
        if date is None:
            warnings.append(
                doc.warning("the paper gives no date; status assessments are keyed 'undated'")
            )
        round_line, round_, published, force, inspection_title = inspection_tracked(doc)
        if round_ is None or force is None:
            what = "PEEL round" if round_ is None else "force"
            warnings.append(
                doc.warning(f"no {what} found for the inspection tracked; nothing extracted")
            )
            return Extraction(document=doc.record(title=title, date=date), warnings=warnings)
        named = inspection_title or (doc.line(round_line) if round_line else "") or (title or "")
        inspection = naming.peel_inspection(force, round_, naming.peel_pillar(named, round_))
        line = round_line or title_line or 1
        sink.node(
            inspection, line, kind="peel", round=round_, published=published, title=inspection_title
        )
        if published is not None and round_line is not None:
            sink.edge(R.INSPECTED, inspection, force, round_line)
            body = publisher_of(doc.line(round_line))
            if body is not None:
                sink.edge(R.CONDUCTED_BY, inspection, naming.body_ref(body), round_line)

        judgement_grid(doc, sink, inspection, round_, warnings)
        total_line, total = afi_total(doc)
        if total is not None and total_line is not None:
            sink.node(inspection, total_line, afiCount=total)

        afis, region_start = read_afis(doc, total, warnings)
        counts = rag_counts(doc, region_start)
        deduce_rags(doc, afis, counts, total, warnings)
        context = Context(doc, sink, inspection, force, naming.paper_stamp(doc, date), date_line, warnings)
        for afi in afis:
            afi_facts(context, afi)
        stated_counts(context, counts, region_start, afis)
        governance(context, afis, region_start)
        return Extraction(
            document=doc.record(title=title, date=date), facts=sink.facts(), warnings=warnings
        )
