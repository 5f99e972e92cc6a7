"""Extract an HMICFRS PEEL inspection report: the inspection, its graded judgements, its findings.

A PEEL report (converted from the published PDF to text) opens with a title
block: ``PEEL: Police effectiveness 2017`` (the pillar and year, before 2021) or
``PEEL 2021/22`` (the round, from 2021), ``An inspection of <force>``, the month
of publication on a line of its own, and ``© HMICFRS <year>``. The judgements
follow as a table::

    Overall effectiveness 2017  Good
    Question<TAB>Grade<TAB>Last inspected
    Preventing crime and tackling anti-social behaviour<TAB>Good<TAB>2016

and the body is cut into ``#`` sections, one per graded question or area, each
opening with its grade. Findings sit under the report's own headings ("Area for
improvement", "Areas for improvement", "Cause of concern", "Recommendations")
inside a section, as bullet points; the section they sit in is their
assessment area.

The rules read that layout, not one report: the force, round, pillar, grades
and areas are all taken from the text, and areas are named through the area
scheme with the round's framework (a 2017 report's "Protecting vulnerable
people" is the 2017 question, not the 2021 core area).

>>> text = '''# PEEL: Police effectiveness 2017
... An inspection of Kent Police
... March 2018
... Overall effectiveness 2017  Good
... Question\\tGrade\\tLast inspected
... Specialist capabilities\\tUngraded\\t2017
... '''
>>> extraction = PeelReportExtractor().extract(TextDocument.from_text(text))
>>> (extraction.document.title, extraction.document.date)
('PEEL: Police effectiveness 2017 – An inspection of Kent Police', '2018-03')
>>> sorted(f.properties["grade"] for f in extraction.facts if f.kind == "node" and "grade" in f.properties)
['good', 'ungraded']
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from oversight.loaders.models import (
    Extraction,
    ExtractionWarning,
    Ref,
    TextDocument,
    Value,
)
from oversight.loaders.toolkit import naming, textparse
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.naming import grade_scale
from oversight.ontology import L, R, normalise_label, ontology

__all__ = ["PeelReportExtractor"]

#: Finding headings a PEEL report uses, by the class of finding under them.
FINDING_HEADINGS = {
    "area for improvement": L.AreaForImprovement,
    "areas for improvement": L.AreaForImprovement,
    "cause of concern": L.CauseOfConcern,
    "causes of concern": L.CauseOfConcern,
    "recommendation": L.Recommendation,
    "recommendations": L.Recommendation,
}

_PILLARS = ("effectiveness", "efficiency", "legitimacy")
_SECTION = re.compile(r"^#(?!#)\s*(.+?)\s*#*\s*$")
_ANY_HEADING = re.compile(r"^#{1,6}\s")
_BULLET = re.compile(r"^\s*(?:[-\u2022\u25cf\u25aa]|\*(?!\*))\s+(.*\S)\s*$")
_OVERALL = re.compile(
    r"^\W*Overall\s+(effectiveness|efficiency|legitimacy)(?:\s+(?:19|20)\d\d(?:/\d\d)?)?"
    r"\s*[:\-\u2013]?\s*(\w[\w ]*?)\W*$",
    re.IGNORECASE,
)
_INSPECTION_OF = re.compile(r"\bAn\s+inspection\s+of\s+(.+?)\W*$", re.IGNORECASE)
#: A word every finding heading holds; an ASCII line without one cannot be a heading.
_HEADING_WORD = re.compile(r"improvement|concern|recommendation", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:\u00a9|\(c\)|copyright)\s*(.+?)\s+(?:19|20)\d\d\b", re.IGNORECASE)


def _clean(text: str) -> str:
    """A heading or cell without Markdown emphasis, HTML tags or runs of whitespace."""
    text = re.sub(r"</?[a-z]+>", "", text)
    text = text.replace("**", "").replace("__", "")
    return " ".join(text.split()).strip(" #*_")


def _grade(text: str) -> str | None:
    """The grade notation a cell names ("Good", " Requires improvement"), or None."""
    return ontology().vocabulary("Grades").notation_for(_clean(text)) if _clean(text) else None


@dataclass(frozen=True)
class _Section:
    line: int  # 1-based line of the "#" heading
    title: str
    area: str | None  # area slug in the round's framework


class PeelReportExtractor:
    """Extractor for HMICFRS PEEL inspection reports (family ``peel-report``)."""

    family = "peel-report"

    # -- detection -----------------------------------------------------------

    def detect(self, doc: TextDocument) -> float:
        """How sure this is a PEEL report, from its title block, judgement table and headings.

        A paper that merely discusses a PEEL report (a PCC's update, minutes)
        names PEEL in its body, not in its first lines, and has no table of
        questions with a grade column.
        """
        # Only the opening lines are read for the title block (cleaning every line of
        # a long paper here would cost more than the rest of detection).
        nonblank = [_clean(line) for line in itertools.islice((x for x in doc.lines if x.strip()), 15)]
        head = nonblank[:5]
        score = 0.0
        if any("PEEL" in line for line in head):
            score += 0.3
            if any(_INSPECTION_OF.search(line) for line in nonblank[:8]):
                score += 0.15
        if self._grade_table(doc) is not None:
            score += 0.3
        if any(
            (m := _OVERALL.match(_clean(line))) and _grade(m.group(2)) for line in doc.lines[:400]
        ):
            score += 0.1
        if any(
            normalise_label(_clean(line)) in FINDING_HEADINGS
            for line in doc.lines
            if not line.isascii() or _HEADING_WORD.search(line)  # a cheap test first
        ):
            score += 0.1
        if any(_COPYRIGHT.search(line) for line in nonblank[:15]):
            score += 0.05
        return round(min(score, 1.0), 3)

    # -- extraction ------------------------------------------------------------

    def extract(self, doc: TextDocument) -> Extraction:
        """The inspection, its judgements and its findings, each citing its line."""
        warnings: list[ExtractionWarning] = []
        sink = Facts(doc)
        title_line = self._title_line(doc)
        title = _clean(doc.line(title_line)) if title_line else None
        round_ = naming.peel_round(title) if title else None
        if round_ is None:
            warnings.append(
                doc.warning("no PEEL round or year in the title; nothing extracted", title_line)
            )
            return Extraction(document=doc.record(title=title), warnings=warnings)
        pillar = None
        if naming.round_year(round_) < 2021 and title:
            found = re.search(r"\b(" + "|".join(_PILLARS) + r")\b", title, re.IGNORECASE)
            pillar = found.group(1).lower() if found else None

        force_line, force = self._force(doc)
        if force is None:
            warnings.append(doc.warning("no force named in the report; nothing extracted"))
            return Extraction(document=doc.record(title=title), warnings=warnings)
        inspection = naming.peel_inspection(force, round_, pillar)
        subtitle = _clean(doc.line(force_line)) if force_line else None
        published_line, published = self._published(doc, title_line or 1)

        sink.node(
            inspection, title_line or 1, kind="peel", round=round_, pillar=pillar, title=title
        )
        if published_line:
            sink.node(inspection, published_line, published=published)
        if force_line:
            sink.edge(R.INSPECTED, inspection, force, force_line)
        else:
            warnings.append(doc.warning("no 'An inspection of <force>' line; INSPECTED not stated"))
        body_line, body = self._inspectorate(doc)
        if body is not None and body_line is not None:
            sink.edge(R.CONDUCTED_BY, inspection, naming.body_ref(body), body_line)
        else:
            warnings.append(doc.warning("no inspectorate named in the title block"))

        self._judgements(doc, sink, inspection, round_, pillar, warnings)
        self._findings(doc, sink, inspection, round_, warnings)

        record_title = (
            f"{title} \u2013 {subtitle}" if title and subtitle and subtitle not in title else title
        )
        return Extraction(
            document=doc.record(title=record_title, date=published),
            facts=sink.facts(),
            warnings=warnings,
        )

    # -- title block -------------------------------------------------------------

    @staticmethod
    def _title_line(doc: TextDocument) -> int | None:
        """The first of the first ten non-blank lines that names PEEL."""
        seen = 0
        for number, line in enumerate(doc.lines, 1):
            if not line.strip():
                continue
            seen += 1
            if "PEEL" in line and naming.peel_round(_clean(line)):
                return number
            if seen >= 10:
                break
        return None

    @staticmethod
    def _force(doc: TextDocument) -> tuple[int | None, Ref | None]:
        """The force of the 'An inspection of <force>' line, else the force named most."""
        for number, line in enumerate(doc.lines[:60], 1):
            match = _INSPECTION_OF.search(_clean(line))
            if match:
                force = naming.find_force(TextDocument.from_text(match.group(1)))
                if force is not None:
                    return number, force
        return None, naming.find_force(doc)

    @staticmethod
    def _published(doc: TextDocument, after: int) -> tuple[int | None, str | None]:
        """The month (or day) of publication: a line holding only a date, near the title."""
        for number in range(after, min(after + 25, len(doc.lines)) + 1):
            value = textparse.parse_date(_clean(doc.line(number)))
            if value and len(value) >= 7:
                return number, value
        return None, None

    @staticmethod
    def _inspectorate(doc: TextDocument) -> tuple[int | None, str | None]:
        """The inspectorate named in the copyright line, else the first one named near the top."""
        gazetteer = ontology().gazetteer
        for number, line in enumerate(doc.lines[:40], 1):
            match = _COPYRIGHT.search(line)
            if match and gazetteer.lookup(match.group(1), L.Inspectorate):
                return number, match.group(1).strip()
        names = sorted(
            {name for entry in gazetteer.entries_of(L.Inspectorate) for name in entry.names},
            key=len,
            reverse=True,
        )
        for number, line in enumerate(doc.lines[:60], 1):
            folded = f" {normalise_label(line)} "
            for name in names:
                if f" {normalise_label(name)} " in folded:
                    return number, name
        return None, None

    # -- judgements --------------------------------------------------------------

    @staticmethod
    def _grade_table(doc: TextDocument) -> tuple[int, int, int | None] | None:
        """The header line of the judgements table, its grade column and last-inspected column."""
        for number, line in enumerate(doc.lines, 1):
            if "\t" not in line:
                continue
            cells = [_clean(c).lower() for c in line.split("\t")]
            if "grade" in cells[1:]:
                last = next(
                    (i for i, c in enumerate(cells) if c.startswith("last inspected")), None
                )
                return number, cells.index("grade"), last
        return None

    def _judgements(
        self,
        doc: TextDocument,
        sink: Facts,
        inspection: Ref,
        round_: str,
        pillar: str | None,
        warnings: list[ExtractionWarning],
    ) -> None:
        scale = grade_scale(round_)
        for number, line in enumerate(doc.lines[:400], 1):
            match = _OVERALL.match(_clean(line))
            if match and _grade(match.group(2)):
                name = f"Overall {match.group(1).lower()}"
                self._judgement(
                    sink,
                    inspection,
                    round_,
                    name,
                    number,
                    grade=_grade(match.group(2)),
                    gradeScale=scale,
                )
                break
        table = self._grade_table(doc)
        if table is not None:
            header, grade_col, last_col = table
            number = header + 1
            while number <= len(doc.lines) and "\t" in doc.line(number):
                cells = doc.line(number).split("\t")
                name = _clean(cells[0])
                grade = _grade(cells[grade_col]) if grade_col < len(cells) else None
                last = (
                    _clean(cells[last_col])
                    if last_col is not None and last_col < len(cells)
                    else ""
                )
                if name and grade:
                    self._judgement(
                        sink,
                        inspection,
                        round_,
                        name,
                        number,
                        grade=grade,
                        gradeScale=scale,
                        lastInspected=last if re.fullmatch(r"(?:19|20)\d\d", last) else None,
                    )
                else:
                    warnings.append(
                        doc.warning(f"judgement row without a known grade: {name!r}", number)
                    )
                number += 1
        # Each graded section opens with its grade: a second statement of the same judgement.
        for section in self._sections(doc, round_):
            first = next(
                (
                    n
                    for n in range(section.line + 1, min(section.line + 8, len(doc.lines)) + 1)
                    if doc.line(n).strip()
                ),
                None,
            )
            grade = _grade(doc.line(first)) if first else None
            if first and grade and section.area:
                self._judgement(
                    sink, inspection, round_, section.title, first, grade=grade, gradeScale=scale
                )

    @staticmethod
    def _judgement(
        sink: Facts, inspection: Ref, round_: str, name: str, line: int, **props: Value | None
    ) -> None:
        slug = naming.area_slug(name, round_)
        judgement = Ref.of(L.Judgement, slug or name, within=inspection)
        sink.node(judgement, line, **props)
        sink.edge(R.HAS_JUDGEMENT, inspection, judgement, line)
        sink.edge(R.IN_AREA, judgement, naming.area_ref(name, round_), line)

    # -- findings ---------------------------------------------------------------

    @staticmethod
    def _sections(doc: TextDocument, round_: str) -> list[_Section]:
        sections = []
        for number, line in enumerate(doc.lines, 1):
            match = _SECTION.match(line)
            if match:
                title = _clean(match.group(1))
                sections.append(_Section(number, title, naming.area_slug(title, round_)))
        return sections

    def _findings(
        self,
        doc: TextDocument,
        sink: Facts,
        inspection: Ref,
        round_: str,
        warnings: list[ExtractionWarning],
    ) -> None:
        sections = self._sections(doc, round_)
        numbers: dict[str, int] = {}
        for number, line in enumerate(doc.lines, 1):
            label = FINDING_HEADINGS.get(normalise_label(_clean(line))) if len(line) < 80 else None
            if label is None:
                continue
            section = next((s for s in reversed(sections) if s.line < number), None)
            for start, end, text in self._items(doc, number):
                numbers[label] = numbers.get(label, 0) + 1
                # Reports list findings without numbers; counted in report order they
                # match the numbers progress papers give them ("AFI 5"), so both
                # papers' mentions of one finding meet at one key.
                finding = Ref.of(label, str(numbers[label]), within=inspection)
                sink.node(finding, start, end_line=end, text=text, number=numbers[label])
                # The heading is what makes these bullets findings of this inspection.
                sink.edge(R.ISSUED, inspection, finding, number)
                if section is not None and section.area:
                    sink.edge(
                        R.IN_AREA, finding, naming.area_ref(section.title, round_), section.line
                    )
                else:
                    where = f"section {section.title!r}" if section else "no section"
                    warnings.append(
                        doc.warning(
                            f"{label} {numbers[label]} sits under {where}, not a known area; no IN_AREA",
                            start,
                        )
                    )

    @staticmethod
    def _items(doc: TextDocument, heading: int) -> list[tuple[int, int, str]]:
        """The findings under a heading: bullet points (with wrapped lines), or else one paragraph."""
        items: list[tuple[int, int, str]] = []
        number = heading + 1
        blank = False
        while number <= len(doc.lines):
            line = doc.line(number)
            cleaned = _clean(line)
            if (
                _ANY_HEADING.match(line)
                or line.strip() == "---"
                or normalise_label(cleaned) in FINDING_HEADINGS
            ):
                break
            bullet = _BULLET.match(line)
            if not line.strip():
                blank = True
            elif bullet:
                items.append((number, number, _clean(bullet.group(1))))
                blank = False
            elif items and not blank:
                start, _, text = items[-1]
                items[-1] = (start, number, f"{text} {cleaned}")
            elif not items:
                # A finding written as a paragraph: it runs to the next blank line.
                end = number
                while end + 1 <= len(doc.lines) and doc.line(end + 1).strip():
                    end += 1
                text = " ".join(_clean(doc.line(n)) for n in range(number, end + 1))
                return [(number, end, text)]
            else:
                break
            number += 1
        return items
