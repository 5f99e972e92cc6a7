"""Read many paths into extractions: discovery, reading, detection, extraction.

One bad file never stops the run: its problem is collected (file, then what
is wrong) and the other files are still read. The caller decides what to do
with the problems; the CLI prints each on one line and exits 2 at the end.
Nothing here knows about stores.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from oversight.errors import OversightError, UnknownName, UnreadableDocument, UnrecognisedDocument
from oversight.loaders.models import EdgeFact, Extraction, ExtractOptions, NodeFact
from oversight.loaders.register import load_register
from oversight.loaders.registry import detect, get_extractor, reader_for, reader_suffixes
from oversight.ontology import ontology
from oversight.printable import one_line

__all__ = [
    "Problem",
    "ExtractionRun",
    "REGISTER_SUFFIXES",
    "discover",
    "extract_file",
    "extract_with_text",
    "extract_paths",
    "fact_counts",
]

REGISTER_SUFFIXES = (".yaml", ".yml")

ProgressCallback = Callable[[int, int, Path], None]


@dataclass(frozen=True)
class Problem:
    """A file that could not be used, and why, in one line."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        # A file name or a parser's message may hold a line break or a terminal
        # escape; the line stays one line and prints them escaped.
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return one_line(f"{where}: {self.message}")


@dataclass
class ExtractionRun:
    """What reading a set of paths produced."""

    extractions: list[Extraction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: Each extracted document's lines as read (the line numbers its facts cite), by document key.
    texts: dict[str, list[str]] = field(default_factory=dict)


def _supported(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in reader_suffixes() or suffix in REGISTER_SUFFIXES


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem], list[str]]:
    """Expand files and folders (recursively) into the files to read, in a stable order.

    Hidden files and folders are passed over; files of unsupported types met
    inside a folder are listed as skipped, while one named explicitly is a
    problem. Symbolic links to folders are not followed, so a link loop cannot
    trap the walk.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    skipped: list[str] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    candidate = Path(root) / name
                    if not candidate.is_file():
                        if candidate.is_symlink():
                            problems.append(Problem(str(candidate), "broken or looping symbolic link"))
                        continue
                    if _supported(candidate):
                        if candidate.resolve() not in seen:
                            seen.add(candidate.resolve())
                            files.append(candidate)
                    else:
                        skipped.append(str(candidate))
        elif path.is_file():
            if not _supported(path):
                suffix = path.suffix.lower() or "(none)"
                known = ", ".join(reader_suffixes() + list(REGISTER_SUFFIXES))
                problems.append(Problem(str(path), f"unsupported file type {suffix} (supported: {known})"))
            elif path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
        elif path.is_symlink():
            problems.append(Problem(str(path), "broken or looping symbolic link"))
        elif path.exists():  # a device or a named pipe: reading it could block forever
            problems.append(Problem(str(path), "not a regular file"))
        else:
            problems.append(Problem(str(path), "no such file or directory"))
    return files, problems, skipped


def extract_file(path: Path, family: str | None = None, options: ExtractOptions | None = None) -> Extraction:
    """Read, detect (unless ``family`` forces one) and extract one file (see :func:`extract_with_text`)."""
    return extract_with_text(path, family, options)[0]


def _register_lines(path: Path) -> list[str]:
    """A register's lines as YAML numbers them (a line ends at LF, CR LF or CR)."""
    return re.split(r"\r\n|\r|\n", path.read_text(encoding="utf-8", errors="replace").removesuffix("\n"))


def extract_with_text(
    path: Path, family: str | None = None, options: ExtractOptions | None = None
) -> tuple[Extraction, list[str]]:
    """Read, detect (unless ``family`` forces one) and extract one file; the extraction and
    the document's lines as read (what its facts' line numbers count).

    ``options`` (a tracker's column mapping, the inspection) reach the
    extractor on the document. A title or date the file itself states (a web
    page's ``<title>``) is the document's when the extractor finds none.
    Raises an OversightError subclass naming the file when it cannot be used.
    """
    if path.suffix.lower() in REGISTER_SUFFIXES:
        register = load_register(path)
        return register, _register_lines(path)
    try:
        reader = reader_for(path)
    except UnknownName as exc:
        raise UnreadableDocument(path, str(exc)) from exc
    doc = reader(path)
    if not any(line.strip() for line in doc.lines):
        raise UnreadableDocument(path, "no text in the document")
    if options is not None:
        doc.options = options
    if family is not None:
        extractor = get_extractor(family)
        confidence = 1.0
    else:
        detection = detect(doc)
        extractor = get_extractor(detection.family)
        confidence = detection.confidence
    extraction = extractor.extract(doc)
    if family is not None and not extraction.facts:
        raise UnrecognisedDocument(path, f"--type {family} found nothing to extract in this document")
    update: dict[str, object] = {"family": extractor.family, "family_confidence": confidence}
    if extraction.document.title is None and doc.title:
        update["title"] = doc.title
    if extraction.document.date is None and doc.date:
        update.update(date=doc.date, date_basis="stated", date_line=doc.date_line)
    extraction.document = extraction.document.model_copy(update=update)
    # What the reader had to say about the bytes (stray non-UTF-8 bytes) comes first.
    extraction.warnings[:0] = doc.read_warnings
    return extraction, doc.lines


def check_facts(extraction: Extraction, path: Path) -> Problem | None:
    """The first fact of an extraction that the graph could not hold, as a Problem with
    its line and field: a property the ontology lacks, a value of the wrong type, a
    vocabulary value it does not know, a relationship type it does not declare. Found
    here, that file is refused and the other files are still ingested; found while
    building, it would stop every file at once.
    """
    onto = ontology()
    for fact in extraction.facts:
        checking = "relationship type"
        try:
            if isinstance(fact, EdgeFact):
                onto.R.check(fact.type)
            for checking, value in fact.properties.items():
                for item in value if isinstance(value, (list, tuple)) else (value,):
                    onto.check_scalar(checking, item)
        except UnknownName as exc:
            return Problem(str(path), f"{checking}: {exc}", fact.evidence.line)
    return None


def _printable_path(extraction: Extraction) -> Extraction:
    """The extraction with its file name, and its warnings, as printable lines (see :func:`_one_line`).

    A file name that is not UTF-8 reaches Python with lone surrogates, which
    no UTF-8 store or terminal can take; one with a line break would split a
    report line. A warning may quote the document, whose text may hold a
    terminal escape. The document and its warnings keep the escaped forms.
    """
    path = extraction.document.path
    shown = one_line(path)
    if shown != path:
        extraction.document = extraction.document.model_copy(update={"path": shown})
    if shown != path or not all(w.message.isprintable() for w in extraction.warnings):
        extraction.warnings = [
            w.model_copy(
                update={"path": shown if w.path == path else one_line(w.path), "message": one_line(w.message)}
            )
            for w in extraction.warnings
        ]
    return extraction


def extract_paths(
    paths: Iterable[str | Path],
    family: str | None = None,
    on_progress: ProgressCallback | None = None,
    options: ExtractOptions | None = None,
) -> ExtractionRun:
    """Extract every file under ``paths``; problems are collected, not raised.

    ``options`` are given to every file's extractor (see :func:`extract_file`).
    """
    if family is not None:
        get_extractor(family)  # an unknown --type is the caller's error, before any reading
    files, problems, skipped = discover(paths)
    run = ExtractionRun(problems=problems, skipped=skipped)
    for index, path in enumerate(files, start=1):
        try:
            extraction, lines = extract_with_text(path, family, options)
            refused = check_facts(extraction, path)
            if refused is not None:
                run.problems.append(refused)
            else:
                run.extractions.append(_printable_path(extraction))
                run.texts[extraction.document.key] = lines
        except OversightError as exc:
            message = str(exc)
            prefix = f"{path}: "
            at_line = re.match(rf"{re.escape(str(path))}:(\d+): ", message)  # a register error names its line
            if message.startswith(prefix):
                run.problems.append(Problem(str(path), message[len(prefix):]))
            elif at_line:
                run.problems.append(Problem(str(path), message[at_line.end() :], int(at_line.group(1))))
            else:
                run.problems.append(Problem(str(path), message))
        except (OSError, MemoryError, RecursionError) as exc:
            run.problems.append(Problem(str(path), f"cannot read ({exc.__class__.__name__}: {exc})"))
        except Exception as exc:  # an extractor bug must not stop the other files; it is reported
            run.problems.append(
                Problem(str(path), f"extraction failed ({exc.__class__.__name__}: {exc}); please report this")
            )
        if on_progress is not None:
            on_progress(index, len(files), path)
    return run


def fact_counts(extractions: Iterable[Extraction]) -> dict[str, int]:
    """Facts by kind: node facts by label, relationship facts by type."""
    counts: Counter[str] = Counter()
    for extraction in extractions:
        for fact in extraction.facts:
            if isinstance(fact, NodeFact):
                counts[fact.ref.label] += 1
            elif isinstance(fact, EdgeFact):
                counts[fact.type] += 1
    return dict(sorted(counts.items()))
