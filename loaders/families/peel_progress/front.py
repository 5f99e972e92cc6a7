"""The front of a progress paper: its subject line, its date, the inspection it tracks and the total of AFIs."""

from __future__ import annotations

import re

from oversight.loaders.families.peel_progress.cells import AFI_WORDS, RAG_COUNT, N
from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.toolkit import naming, textparse
from oversight.ontology import L, ontology

_DATE_LINE = re.compile(r"^\s*Date\s*:\s*(.+?)\s*$", re.IGNORECASE)


_SUBJECT_LINE = re.compile(r"^\s*(?:Subject|Title)\s*:\s*(.+?)\s*$", re.IGNORECASE)


_PUBLISHED = re.compile(
    r"\bpublished\s+(?:its\s+|their\s+|the\s+)?(PEEL\b.*?)\s*\.?\s*$", re.IGNORECASE
)


_TOTAL = re.compile(rf"\b(?:the|all)\s+({N})\s+{AFI_WORDS}", re.IGNORECASE)


def paper_title(doc: TextDocument) -> tuple[int | None, str | None]:
    for number, line in enumerate(doc.lines[:60], 1):
        match = _SUBJECT_LINE.match(line)
        if match:
            return number, " ".join(match.group(1).split())
    for number, line in enumerate(doc.lines[:60], 1):
        if "PEEL" in line and line.strip():
            return number, " ".join(line.split())
    return None, None


def paper_date(doc: TextDocument) -> tuple[int | None, str | None]:
    for number, line in enumerate(doc.lines[:60], 1):
        match = _DATE_LINE.match(line)
        if match and textparse.parse_date(match.group(1)):
            return number, textparse.parse_date(match.group(1))
    for number, line in enumerate(doc.lines[:30], 1):
        value = textparse.parse_date(line)
        if value and len(value) == 10:
            return number, value
    return None, None


def inspection_tracked(
    doc: TextDocument,
) -> tuple[int | None, str | None, str | None, Ref | None, str | None]:
    """Line, round, publication date, force and title of the inspection the paper tracks."""
    for number, line in enumerate(doc.lines, 1):
        match = _PUBLISHED.search(line)
        if match and naming.peel_round(match.group(1)):
            round_ = naming.peel_round(match.group(1))
            dates = textparse.find_dates(line[: match.start()])
            published = dates[-1][2] if dates else None
            force = naming.find_force(
                TextDocument.from_text(match.group(1))
            ) or naming.find_force(doc)
            return number, round_, published, force, " ".join(match.group(1).split())
    for number, line in enumerate(doc.lines[:60], 1):
        if "PEEL" in line and naming.peel_round(line[line.index("PEEL") :]):
            return (
                number,
                naming.peel_round(line[line.index("PEEL") :]),
                None,
                naming.find_force(doc),
                None,
            )
    return None, None, None, None, None


def publisher_of(line: str) -> str | None:
    """The inspectorate named as publishing the report in the line."""
    before = line[: line.lower().index("published")] if "published" in line.lower() else line
    for word in reversed(re.findall(r"[A-Z][\w&'\u2019]+", before)):
        entry = ontology().gazetteer.lookup(word, L.Inspectorate)
        if entry is not None:
            return word
    return None


def afi_total(doc: TextDocument) -> tuple[int | None, int | None]:
    for number, line in enumerate(doc.lines, 1):
        match = _TOTAL.search(line)
        if match and not RAG_COUNT.search(line):
            return number, textparse.parse_number(match.group(1))
    return None, None
