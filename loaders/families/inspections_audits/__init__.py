"""Extractor for the Chief Constable's "Inspections, Audits & Reviews" papers.

The paper goes to the commissioner's Performance and Delivery Board each
quarter. Its numbered sections follow one layout, whichever force writes it:

- ``3.n`` one section per inspectorate publication (HMICFRS alone or jointly):
  the publication date, which bodies published it, whether the force was
  inspected, how many recommendations (and how many for chief constables),
  actions and areas for improvement it makes, sometimes the numbered
  recommendations with the force's response, and what it follows up;
- a PEEL section, when a PEEL report came out, with one paragraph per graded
  area (read by :mod:`oversight.loaders.families.inspections_audits.peel`);
- ``4.`` internal audit (the audit plan table, the audit actions signed off)
  and external audit (read by :mod:`oversight.loaders.families.inspections_audits.audits`).

Rules read the layout and the wording, never line numbers or one force's names:
the force is the one the paper names (:func:`~oversight.loaders.toolkit.naming.find_force`),
national inspections are keyed under the body that led them, and an inspection
of this force alone under the force.

>>> doc = TextDocument.from_text(EXAMPLE, path="example.txt")
>>> extraction = InspectionsAuditsExtractor().extract(doc)
>>> sorted(f.properties["published"] for f in extraction.facts if "published" in f.properties)
['2022-03-04']
>>> [f.properties["forceInspected"] for f in extraction.facts if "forceInspected" in f.properties]
[False]
"""

from __future__ import annotations

import re

from oversight.loaders.families.inspections_audits.audits import extract_auditors, extract_audits
from oversight.loaders.families.inspections_audits.peel import extract_peel
from oversight.loaders.families.inspections_audits.publications import read_publication
from oversight.loaders.families.inspections_audits.sections import (
    TOP_HEADING,
    Section,
    find_sections,
)
from oversight.loaders.models import Extraction, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import scanner
from oversight.loaders.toolkit.naming import short_title
from oversight.loaders.toolkit.spans import paragraphs
from oversight.loaders.toolkit.textparse import parse_date

__all__ = ["InspectionsAuditsExtractor", "Section", "find_sections", "short_title", "EXAMPLE"]


EXAMPLE = """Chief Constable's Report
INSPECTIONS, AUDITS & REVIEWS
1st April 2022

1. Aims of the report.

This report will record the latest or ongoing inspections, audits or other reviews.

2. HMICFRS.

2.1 HMICFRS Publication - Policing the roads

On 4th March 2022 HMICFRS published their national thematic report. Essex was not inspected. The report makes four recommendations, two of which are for Chief Constables.
"""


def _is_publication(doc: TextDocument, section: Section, top: Section) -> bool:
    """Whether a numbered section reports an inspection, review or publication.

    Under a top-level heading naming an inspectorate every subsection does;
    elsewhere the subsection's heading or opening must name one, or say it
    was published.
    """
    if scanner("Inspectorate").find(top.heading) or re.search(
        r"inspection|review", top.heading, re.I
    ):
        return True
    opening = paragraphs(doc.lines, section.body_start, min(section.end, section.body_start + 6))
    text = section.heading + " " + (opening[0].text if opening else "")
    return bool(
        scanner("Inspectorate").find(text)
        or re.search(r"\bpublish|\binspection\b|\breview\b|super[\s-]?complaint", text, re.I)
    )


def _title_and_date(doc: TextDocument) -> tuple[str | None, naming.PaperDate | None]:
    """The paper's title line and the date it states for itself near the top, if any."""
    title = None
    date = None
    for number, raw in enumerate(doc.lines[:20], start=1):
        stripped = raw.strip()
        if TOP_HEADING.match(raw):
            break
        if re.fullmatch(r"inspections,?\s+audits,?\s*(?:&|and)\s*reviews\.?", stripped, re.I):
            title = stripped
        elif stripped and date is None:
            iso = parse_date(stripped)
            if iso and len(iso) == 10:
                date = naming.PaperDate(iso, number, "stated")
    return title, date


class InspectionsAuditsExtractor:
    """Reads "Inspections, Audits & Reviews" papers (family ``inspections-audits``)."""

    family = "inspections-audits"

    def detect(self, doc: TextDocument) -> float:
        """How sure this is an inspections-and-audits paper, from its title, aims and sections.

        Parameters
        ----------
        doc : TextDocument
            The paper; only its content is read, never its file name.

        Returns
        -------
        float
            0..1: the title line "Inspections, Audits & Reviews", the aims
            sentence ("the latest or ongoing inspections, audits or other
            reviews"), the audit section and plan table, and numbered
            inspectorate sections each add weight. A paper that reads like
            minutes (RESOLVED, PRESENT:) is discounted, because the minutes of
            a board that discussed such a paper quote its headings.
        """
        head = doc.lines[:40]
        text = doc.text
        score = 0.0
        if any(
            re.fullmatch(r"\s*inspections,?\s+audits,?\s*(?:&|and)\s*reviews\.?\s*", ln, re.I)
            for ln in head
        ):
            score += 0.4
        if re.search(
            r"(?:latest|ongoing)[^.\n]{0,40}inspections,\s*audits,?\s*(?:or|and)\s*(?:other\s+)?reviews",
            text,
            re.I,
        ):
            score += 0.3
        if re.search(r"^\s*\d{1,2}\.\s+Internal\s+and\s+External\s+Audit", text, re.I | re.M):
            score += 0.2
        if re.search(r"Planned\s+start", text, re.I) and re.search(r"\bSponsor", text):
            score += 0.2
        if (
            len(
                re.findall(
                    r"^\s*\d\.\d{1,2}\s+.*(?:HMICFRS|Publication|Inspection|inspection)", text, re.M
                )
            )
            >= 2
        ):
            score += 0.15
        if re.search(r"^\s*\d\.\s+Aims of the report", text, re.I | re.M):
            score += 0.1
        if re.search(
            r"^\s*MINUTES of|^\s*RESOLVED\b|^\s*PRESENT:|^\s*Meeting Notes\s*$", text, re.M
        ):
            score *= 0.4
        return round(min(score, 1.0), 3)

    def extract(self, doc: TextDocument) -> Extraction:
        """Every publication, the PEEL section, the audit tables and the auditors of the paper.

        Parameters
        ----------
        doc : TextDocument
            An inspections-and-audits paper.

        Returns
        -------
        Extraction
            The document record (title and date only when the paper states its
            own), the facts, and a warning for every value the paper should
            give but does not (a publication date, whether the force was
            inspected, an AFI it counts but never describes).
        """
        facts = Facts(doc)
        force = naming.find_force(doc)
        if force is None:
            facts.warn("no force named in the paper; force-level facts are keyed without one")
        title, date = _title_and_date(doc)
        if date is None:
            date = naming.period_date(doc)
            if date is None:
                facts.warn("the paper states no date of its own; statuses it gives are left undated")
            else:
                facts.warn(
                    f"the paper states no date of its own; dated {date.iso}, the end of the period "
                    f"it covers ({date.period!r}), deduced",
                    date.line,
                )
        facts.date_paper(date)
        status_part = facts.stamp
        previous_title = ""
        for top in find_sections(doc.lines):
            if re.search(r"\baudit", top.heading, re.I):
                extract_audits(facts, doc, force, top.line, top.end)
                extract_auditors(facts, doc, force, top.line, top.end)
                continue
            for section in top.children:
                if not _is_publication(doc, section, top):
                    continue
                if re.search(r"\bPEEL\b", section.heading):
                    round_ = naming.peel_round(section.heading)
                    if round_ is None:
                        facts.warn(
                            f"section {section.number} reports PEEL activity but names no round; "
                            "not linked to a PEEL inspection",
                            section.line,
                        )
                        continue
                    extract_peel(facts, doc, force, section, round_, status_part)
                    previous_title = section.heading
                    continue
                previous_title = read_publication(facts, doc, force, section, previous_title)
        dating = (
            {"date": date.iso, "date_basis": date.basis, "date_line": date.line} if date else {}
        )
        return Extraction(
            document=doc.record(title=title, **dating), facts=facts.facts(), warnings=facts.warnings
        )
