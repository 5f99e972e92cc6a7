"""The registries of readers (by file suffix) and extractors (by document family).

Both are plain dicts in this one file, like rdflib's plugin registry: the
built-in entries are import paths, loaded on first use, and an outside reader
or extractor registers through the same :func:`register_reader` /
:func:`register_extractor` calls with no special path. Unknown names raise
:class:`~oversight.errors.UnknownName` listing the known ones.

An extractor is any object with::

    family: str                                   # a notation of ov:DocumentFamilies
    def detect(self, doc: TextDocument) -> float  # 0..1: how sure this is its family
    def extract(self, doc: TextDocument) -> Extraction

Detection asks every extractor and takes the most confident; below
:data:`DETECTION_THRESHOLD` the document goes to the ``generic`` family (the
layout-independent statement layer, ``loaders/statements``) when that finds
oversight material in it, and is reported as unrecognised otherwise, never
guessed. ``generic`` is never chosen by score.

>>> sorted(extractor_families())
['audit-committee', 'board-minutes', 'committee-minutes', 'generic', 'hmicfrs-letter', 'inspections-audits', 'minutes', 'monitoring-record', 'peel-progress', 'peel-report', 'peel-web', 'progress-paper', 'tracker']
>>> reader_for("paper.TXT").__name__
'read_text'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from oversight.errors import UnknownName, UnrecognisedDocument
from oversight.loaders.models import Extraction, TextDocument
from oversight.ontology import ontology

__all__ = [
    "Extractor",
    "Detection",
    "DETECTION_THRESHOLD",
    "register_reader",
    "register_extractor",
    "reader_for",
    "reader_suffixes",
    "get_extractor",
    "extractor_families",
    "detect",
]

DETECTION_THRESHOLD = 0.5


class Extractor(Protocol):
    family: str

    def detect(self, doc: TextDocument) -> float: ...

    def extract(self, doc: TextDocument) -> Extraction: ...


_READERS: dict[str, Any] = {
    ".txt": "oversight.loaders.read_text:read_text",
    ".md": "oversight.loaders.read_text:read_text",
    ".text": "oversight.loaders.read_text:read_text",
    ".pdf": "oversight.loaders.read_pdf:read_pdf",
    ".docx": "oversight.loaders.read_docx:read_docx",
    ".html": "oversight.loaders.read_html:read_html",
    ".htm": "oversight.loaders.read_html:read_html",
    ".csv": "oversight.loaders.read_sheet:read_csv",
    ".xlsx": "oversight.loaders.read_sheet:read_xlsx",
}

_EXTRACTORS: dict[str, Any] = {
    "peel-report": "oversight.loaders.families.peel_report:PeelReportExtractor",
    "peel-progress": "oversight.loaders.families.peel_progress:PeelProgressExtractor",
    "inspections-audits": "oversight.loaders.families.inspections_audits:InspectionsAuditsExtractor",
    "minutes": "oversight.loaders.families.minutes:MinutesExtractor",
    "generic": "oversight.loaders.statements:GenericExtractor",
    "tracker": "oversight.loaders.families.tracker:TrackerExtractor",
    "monitoring-record": "oversight.loaders.families.monitoring_record:MonitoringRecordExtractor",
    "hmicfrs-letter": "oversight.loaders.families.hmicfrs_letter:HmicfrsLetterExtractor",
    "peel-web": "oversight.loaders.families.peel_web:PeelWebExtractor",
    "committee-minutes": "oversight.loaders.families.committee_minutes:CommitteeMinutesExtractor",
    "board-minutes": "oversight.loaders.families.board_minutes:BoardMinutesExtractor",
    "audit-committee": "oversight.loaders.families.audit_committee:AuditCommitteeExtractor",
    "progress-paper": "oversight.loaders.families.progress_paper:ProgressPaperExtractor",
}

#: The family a document goes to when no family's layout recognises it.
GENERIC = "generic"

_INSTANCES: dict[str, Extractor] = {}


def _load(target: Any) -> Any:
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        return getattr(importlib.import_module(module), attr)
    return target


def register_reader(suffix: str, reader: Callable[[Path], TextDocument] | str) -> None:
    """Register a reader ``path -> TextDocument`` for a file suffix (".txt")."""
    _READERS[suffix.lower()] = reader


def register_extractor(family: str, extractor: type | str) -> None:
    """Register an extractor class (or "module:Class") for a document family."""
    ontology().vocabulary("DocumentFamilies").check(family)
    _EXTRACTORS[family] = extractor
    _INSTANCES.pop(family, None)


def reader_suffixes() -> list[str]:
    return sorted(_READERS)


def reader_for(path: str | Path) -> Callable[[Path], TextDocument]:
    """The reader for a file's suffix; raises UnknownName listing the supported ones."""
    suffix = Path(path).suffix.lower()
    if suffix not in _READERS:
        known = ", ".join(reader_suffixes())
        raise UnknownName(f"unsupported file type {suffix or '(none)'!r}; supported: {known}")
    reader = _load(_READERS[suffix])
    _READERS[suffix] = reader
    return reader  # type: ignore[no-any-return]


def extractor_families() -> list[str]:
    return sorted(_EXTRACTORS)


def get_extractor(family: str) -> Extractor:
    """The extractor for ``family``; raises UnknownName listing the known families."""
    if family not in _EXTRACTORS:
        raise UnknownName(
            f"unknown document family {family!r}; known: {', '.join(extractor_families())}"
        )
    if family not in _INSTANCES:
        _INSTANCES[family] = _load(_EXTRACTORS[family])()
    return _INSTANCES[family]


@dataclass(frozen=True)
class Detection:
    """The family a document was detected as, how sure, and every family's score."""

    family: str
    confidence: float
    scores: dict[str, float]


def detect(doc: TextDocument) -> Detection:
    """Detect a document's family from its content.

    Below the threshold, a document in which the statement layer finds
    oversight material is the ``generic`` family's (its confidence is the best
    family's score, so a reader sees how far from any layout it was); one with
    none raises UnrecognisedDocument.
    """
    scores = {
        family: round(float(get_extractor(family).detect(doc)), 3) for family in extractor_families() if family != GENERIC
    }
    family, confidence = max(sorted(scores.items()), key=lambda item: item[1])
    if confidence < DETECTION_THRESHOLD:
        from oversight.loaders.statements import has_oversight

        if has_oversight(doc):
            return Detection(GENERIC, confidence, scores)
        best = ", ".join(f"{f} {s:.2f}" for f, s in sorted(scores.items(), key=lambda i: -i[1])[:2])
        raise UnrecognisedDocument(
            doc.path,
            f"not recognised as any document family (best: {best}); use --type to force one",
        )
    return Detection(family, confidence, scores)
