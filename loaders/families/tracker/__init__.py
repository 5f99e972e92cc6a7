"""Extract a finding tracker: a table with one row per AFI or recommendation.

Many forces keep their AFI and recommendation trackers in Excel (or export
them as CSV; some publish them as a web page's table). The readers give each
table row's cells (``doc.rows``); this family reads them by column.

**The header row** is the first row with at least three non-empty cells that
map to different known columns. A header maps to a column by its wording
(:data:`COLUMN_SYNONYMS`, compared case- and punctuation-insensitively: the
whole header first, else the longest synonym it contains as whole words).
The mapping found is reported as a warning on the header's line
(``tracker columns: ref=A 'AFI No', text=B 'Area for improvement', …``), and
the user can override any of it (``ExtractOptions.columns``, the CLI's
``--columns status=C,owner="Lead officer"``): a column is named by its header
as written or by its letter.

**Each data row** (a row below the header with a reference or finding text)
becomes:

- the finding (``AreaForImprovement``, ``Recommendation`` or
  ``CauseOfConcern``: from the reference cell's wording, "AFI 3", "Rec 2",
  else the reference or text column's header, else the sheet or file name;
  when nothing says, an AFI with a warning) with its ``number`` and ``text``,
  ``ISSUED`` by its inspection;
- its status assessment (``HAS_STATUS``) as of the row's update date, else the
  paper's date: ``status`` through the ontology's ``FindingStatuses``
  vocabulary, ``rag`` through ``RAG``, ``anticipatedCompletion`` from the due
  date, ``progressText`` from the update column; a word the vocabulary does
  not know, or a due date that is not a date ("TBC"), is reported and left
  out, never guessed;
- ``OWNED_BY`` the owner (a post the gazetteer knows, or a post-like title;
  else a person) and ``OVERSEEN_BY`` the board, each as the cell states it.

Every fact cites the row's line, which is its row number on the first sheet.

**The inspection** a row belongs to is its inspection column's cell, else the
user's ``ExtractOptions.inspection``, else the sheet's name, the tracker's
title or the file's name when that names a PEEL round ("PEEL 2021-22 AFIs"). When none says, the rows
are kept, scoped to the document instead of an inspection, with a warning: an
inspection is never invented.

>>> doc = TextDocument.from_text("AFI No | Area for improvement | Status | Owner\\nAFI 1 | Improve call handling | Open | DCC")
>>> doc.rows = {1: ["AFI No", "Area for improvement", "Status", "Owner"], 2: ["AFI 1", "Improve call handling", "Open", "DCC"]}
>>> TrackerExtractor().detect(doc)  # a table that is the whole paper
0.9
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from oversight.errors import OversightError, UnknownName
from oversight.loaders.models import (
    DocumentRecord,
    Extraction,
    ExtractionWarning,
    ExtractOptions,
    Ref,
    TextDocument,
    Value,
)
from oversight.loaders.toolkit import naming, textparse
from oversight.loaders.toolkit.facts import Facts
from oversight.ontology import L, R, normalise_label, ontology

__all__ = [
    "TrackerExtractor",
    "COLUMN_SYNONYMS",
    "FIELDS",
    "find_header",
    "tables",
    "parse_column_spec",
    "column_index",
]

#: How tracker headers name each column, by field. Rules as data: a new wording is a new entry.
COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": (
        "ref", "reference", "ref no", "reference number", "no", "number", "id", "item", "afi",
        "afi no", "afi number", "afi ref", "afi reference", "afi id", "rec", "rec no",
        "recommendation no", "recommendation number", "recommendation ref", "coc no", "finding no",
        "finding ref", "finding number",
    ),
    "text": (
        "recommendation", "recommendations", "area for improvement", "areas for improvement",
        "afi description", "afi text", "description", "finding", "finding text", "cause of concern",
        "recommendation text", "recommendation afi", "detail", "details", "issue", "improvement required",
    ),
    "inspection": (
        "inspection", "report", "source", "inspection report", "source report", "hmicfrs report",
        "inspection name", "report name", "inspection title", "origin", "source inspection",
    ),
    "status": ("status", "current status", "progress status", "overall status", "state", "afi status"),
    "rag": ("rag", "rag rating", "rag status", "rating", "brag", "current rag", "rag rating current"),
    "owner": (
        "owner", "lead", "lead officer", "responsible officer", "action owner", "afi owner",
        "accountable officer", "responsible", "portfolio lead", "chief officer lead", "owner lead",
        "responsible lead", "lead owner", "strategic lead", "tactical lead", "senior responsible officer",
    ),
    "board": (
        "board", "governance board", "governance", "oversight board", "governance forum",
        "reporting board", "forum", "governance meeting", "oversight", "governance route",
    ),
    "due": (
        "target date", "due date", "completion date", "deadline", "target completion date",
        "anticipated completion", "anticipated completion date", "expected completion",
        "expected completion date", "due", "timescale", "target", "target completion", "due by",
    ),
    "update": (
        "update", "latest update", "progress", "progress update", "comments", "comment", "status update",
        "action taken", "actions taken", "progress to date", "narrative", "notes", "current position",
        "activity", "update on progress",
    ),
    "updated": ("date", "date of update", "update date", "last updated", "date updated", "as at", "as of", "updated"),
}
FIELDS = tuple(COLUMN_SYNONYMS)
_MIN_HEADER_FIELDS = 3
_HEADER_SEARCH_ROWS = 50

_KIND_WORDS = (
    (re.compile(r"\bcauses?\s+of\s+concern\b|\bcoc\b", re.I), L.CauseOfConcern),
    (re.compile(r"\bareas?\s+for\s+improvement\b|\bafis?\b", re.I), L.AreaForImprovement),
    (re.compile(r"\brecommendations?\b|\brecs?\b|^r\s?\d", re.I), L.Recommendation),
)
#: A reference holding one whole number ("AFI 5", "R2", "12"); "1.2" or "A3/4" is a reference, not a number.
_ONE_NUMBER = re.compile(r"\D*?(?<!\d\.)(\d{1,4})(?!\.?\d)\D*")
#: Words that make an unknown owner a post rather than a named person ("Head of Crime").
_POST_WORDS = re.compile(
    r"\b(?:head|chief|director|manager|lead|officer|commander|superintendent|inspector|constable|"
    r"commissioner|team|unit|department|portfolio|deputy|assistant|acc|dcc|supt|insp)\b",
    re.I,
)
#: A rank or title followed by a name ("Ch Supt Jane Smith", "DI A. Khan", "Mrs Patel"): a person.
_TITLED_NAME = re.compile(
    r"(?:(?:Ch\.?|Chief|Det\.?|T/|A/|D/)\s*)?"
    r"(?:Supt|Superintendent|Insp|Inspector|Sgt|Sergeant|CI|DI|DCI|DS|DC|PC|Mr|Mrs|Ms|Miss|Dr)\.?"
    r"\s+(?:[A-Z]\.?\s+)*[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+)*"
)
_SPLIT_NAMES = re.compile(r"\s*(?:/|;|&|\band\b|\n)\s*")
_PAPER_DATE = re.compile(r"\b(?:as\s+(?:at|of)|updated|last\s+updated|date)\b", re.I)


# -- columns --------------------------------------------------------------------------


def _letter_index(text: str) -> int | None:
    """A column letter ("C", "Col C", "column AB") as a 0-based index, else None.

    >>> _letter_index("Col C"), _letter_index("AB"), _letter_index("Status")
    (2, 27, None)
    """
    match = re.fullmatch(r"\s*col(?:umn)?\.?\s*([A-Za-z]{1,3})\s*", text, re.IGNORECASE) or re.fullmatch(
        r"\s*([A-Z]{1,2})\s*", text
    )
    if not match:
        return None
    index = 0
    for char in match.group(1).upper():
        index = index * 26 + ord(char) - 64
    return index - 1


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def header_field(header: str) -> str | None:
    """The field a header names, or None.

    >>> [header_field(h) for h in ("AFI No.", "RAG rating", "Target completion date", "Notes on it", "Colour")]
    ['ref', 'rag', 'due', 'update', None]
    """
    folded = normalise_label(header)
    if not folded:
        return None
    for name, synonyms in COLUMN_SYNONYMS.items():
        if folded in synonyms:
            return name
    best: tuple[int, str] | None = None
    for name, synonyms in COLUMN_SYNONYMS.items():
        for synonym in synonyms:
            if len(synonym) > 2 and re.search(rf"(?<!\w){re.escape(synonym)}(?!\w)", folded):
                if best is None or len(synonym) > best[0]:
                    best = (len(synonym), name)
    return best[1] if best else None


def parse_column_spec(spec: str | Mapping[str, str] | None) -> dict[str, str]:
    """The user's column mapping: ``"status=C,owner=Lead officer"``, a YAML file of it, or a mapping.

    Raises :class:`~oversight.errors.UnknownName` for a field that is not a
    tracker field, and :class:`~oversight.errors.OversightError` for a part
    without ``=``.

    >>> parse_column_spec("status=Col C, owner = Lead officer")
    {'status': 'Col C', 'owner': 'Lead officer'}
    """
    if spec is None:
        return {}
    if isinstance(spec, str):
        if spec.lower().endswith((".yaml", ".yml")) and Path(spec).is_file():
            import yaml

            try:
                loaded = yaml.safe_load(Path(spec).read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise OversightError(f"{spec}: not a readable column mapping ({exc})") from exc
            if not isinstance(loaded, dict):
                raise OversightError(f"{spec}: a column mapping is field: column lines")
            spec = {str(k): str(v) for k, v in loaded.items()}
        else:
            pairs: dict[str, str] = {}
            for part in (p for p in spec.split(",") if p.strip()):
                name, sep, column = part.partition("=")
                if not sep or not name.strip() or not column.strip():
                    raise OversightError(f"--columns: {part.strip()!r} is not field=column")
                pairs[name.strip()] = column.strip()
            spec = pairs
    out: dict[str, str] = {}
    for name, column in spec.items():
        key = name.strip().lower()
        if key not in COLUMN_SYNONYMS:
            raise UnknownName(f"unknown tracker column {name!r}; known: {', '.join(FIELDS)}")
        out[key] = column
    return out


def column_index(column: str, header: list[str]) -> int | None:
    """The index of a column named by header text (as written) or letter, in a header row.

    >>> column_index("Lead officer", ["Ref", "Lead Officer"]), column_index("Col C", ["a"])
    (1, 2)
    """
    wanted = normalise_label(column)
    for index, cell in enumerate(header):
        if cell and normalise_label(cell) == wanted:
            return index
    return _letter_index(column)


@dataclass
class Header:
    """A header row: its line, the field of each mapped column, and what was overridden."""

    line: int
    cells: list[str]
    columns: dict[str, int]
    overridden: set[str] = field(default_factory=set)

    def describe(self) -> str:
        parts = []
        for name in FIELDS:
            if name in self.columns:
                index = self.columns[name]
                heading = self.cells[index] if index < len(self.cells) else ""
                mark = " (given)" if name in self.overridden else ""
                parts.append(f"{name}={_letter(index)} {heading!r}{mark}")
        mapped = set(self.columns.values())
        unmapped = [f"{_letter(i)} {c!r}" for i, c in enumerate(self.cells) if c and i not in mapped]
        text = "tracker columns: " + ", ".join(parts)
        return text + (f"; not read: {', '.join(unmapped)}" if unmapped else "")


def _map_header(cells: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = header_field(cell)
        if name is not None and name not in columns:
            columns[name] = index
    return columns


def tables(doc: TextDocument) -> list[list[int]]:
    """The row lines of each table: a sheet of a workbook or a CSV, or a run of a page's table rows."""
    groups: list[list[int]] = []
    previous: tuple[str | None, int] | None = None
    for line in sorted(doc.rows):
        sheet = doc.sheet_rows.get(line, (None, 0))[0]
        spreadsheet = doc.format in ("csv", "xlsx")
        if previous is None or sheet != previous[0] or (not spreadsheet and line != previous[1] + 1):
            groups.append([])
        groups[-1].append(line)
        previous = (sheet, line)
    return groups


def find_header(
    doc: TextDocument, overrides: Mapping[str, str] | None = None, lines: list[int] | None = None
) -> Header | None:
    """The first row with at least three cells mapping to different fields, overrides applied.

    A header the user maps by name counts towards the three, so a tracker
    whose headers no synonym knows can still be read with ``--columns``.
    Only the first rows of ``lines`` (one table; default all the rows) are searched.
    """
    overrides = overrides or {}
    for line in (sorted(doc.rows) if lines is None else lines)[:_HEADER_SEARCH_ROWS]:
        cells = doc.rows[line]
        columns = _map_header(cells)
        named = {name for name, column in overrides.items() if any(normalise_label(c) == normalise_label(column) for c in cells if c)}
        if len(set(columns) | named) < _MIN_HEADER_FIELDS:
            continue
        header = Header(line, cells, columns)
        for name, column in overrides.items():
            index = column_index(column, cells)
            if index is None:
                raise UnknownName(
                    f"{doc.path}: column {column!r} (for {name}) is neither a header of row {line} nor a column letter"
                )
            header.columns = {k: v for k, v in header.columns.items() if v != index}
            header.columns[name] = index
            header.overridden.add(name)
        return header
    return None


# -- the extractor ----------------------------------------------------------------------


def _kind_of(*texts: str | None) -> str | None:
    for text in texts:
        if not text:
            continue
        for pattern, label in _KIND_WORDS:
            if pattern.search(text):
                return label
    return None


def _inspection_ref(text: str, force: Ref | None) -> Ref:
    """The inspection a cell or option names: a PEEL round as the other families key it, else as written."""
    round_ = naming.peel_round(text) if re.search(r"\bpeel\b", text, re.I) else None
    if round_:
        return naming.peel_inspection(force, round_, naming.peel_pillar(text, round_)) if force else Ref.of(
            L.Inspection, f"PEEL {round_}"
        )
    return Ref.of(L.Inspection, " ".join(text.split()), within=force)


def _named_inspection(name: str, force: Ref | None) -> Ref | None:
    """An inspection a sheet's or file's name names: only a PEEL round is recognised there."""
    words = re.sub(r"[_]+", " ", name)
    if re.search(r"\bpeel\b", words, re.I) and naming.peel_round(words):
        return _inspection_ref(words, force)
    return None


def _owner_refs(cell: str, force: Ref | None) -> list[Ref]:
    """Each owner a cell names: a post the gazetteer knows or a title; a person by name.

    >>> [(r.label, r.name) for r in _owner_refs("DCC / Supt Jones; Head of Crime and Jane Smith", None)]
    [('Post', 'DCC'), ('Person', 'Supt Jones'), ('Post', 'Head of Crime'), ('Person', 'Jane Smith')]
    """
    refs = []
    gazetteer = ontology().gazetteer
    for name in (n.strip(" .,") for n in _SPLIT_NAMES.split(cell)):
        if not name or not re.search(r"[A-Za-z]", name):
            continue
        if gazetteer.lookup(name, L.Post) or (_POST_WORDS.search(name) and not _TITLED_NAME.fullmatch(name)):
            refs.append(naming.post_ref(name, force))
        else:
            refs.append(naming.person_ref(name, force))
    return refs


def _date_of(cell: str) -> str | None:
    """A date cell as an ISO date (the reader wrote Excel dates as ISO), or None if it is not one."""
    cell = cell.strip()
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?: \d{2}:\d{2}(?::\d{2})?)?", cell)
    return textparse.parse_date(match.group(1)) if match else textparse.parse_date(cell)


class TrackerExtractor:
    """Extractor for finding trackers (spreadsheets, CSV, web-page tables), registered as ``tracker``."""

    family = "tracker"

    def detect(self, doc: TextDocument) -> float:
        """How sure this is a tracker: a header row with data rows under it.

        A spreadsheet with a header is surely a tracker (0.95); a table on a
        page is one in proportion to how much of the page it is.
        """
        if not doc.rows:
            return 0.0
        # The user's overrides are applied by extract, which reports a column they name
        # that is not there; here only whether the table is a tracker counts.
        data = 0
        for lines in tables(doc):
            header = find_header(doc, lines=lines)
            if header is None and doc.options.columns:
                try:
                    header = find_header(doc, dict(doc.options.columns), lines)
                except OversightError:
                    header = None
            if header is not None and {"ref", "text"} & set(header.columns):
                data += sum(1 for line in lines if line > header.line and self._is_data(doc.rows[line], header))
        if data == 0:
            return 0.0
        if doc.format in ("csv", "xlsx"):
            return 0.95
        written = sum(1 for line in doc.lines if line.strip()) or 1
        return round(0.5 + 0.4 * min(1.0, (data + 1) / written), 3)

    @staticmethod
    def _is_data(cells: list[str], header: Header) -> bool:
        for name in ("ref", "text"):
            index = header.columns.get(name)
            if index is not None and index < len(cells) and cells[index].strip():
                return True
        return False

    def extract(self, doc: TextDocument) -> Extraction:
        run = _Run(doc, doc.options)
        run.read()
        return Extraction(document=run.record(), facts=run.sink.facts(), warnings=run.warnings)


class _Run:
    """One tracker's extraction: the header, then each data row."""

    def __init__(self, doc: TextDocument, options: ExtractOptions) -> None:
        self.doc = doc
        self.options = options
        self.sink = Facts(doc)
        self.warnings: list[ExtractionWarning] = self.sink.warnings
        self.force = naming.find_force(doc)
        self.title: str | None = doc.title  # a web page's own title, else the tracker's title row
        self.date: str | None = None
        self.date_line: int | None = None

    def record(self) -> DocumentRecord:
        return self.doc.record(
            title=self.title,
            date=self.date,
            date_basis="stated" if self.date else None,
            date_line=self.date_line,
        )

    def where(self, line: int) -> str:
        sheet, row = self.doc.sheet_rows.get(line, (None, line))
        return f"sheet {sheet!r} row {row}" if sheet and line != row else f"row {row}"

    def node(self, ref: Ref, line: int, **props: Value | None) -> None:
        self.sink.node(ref, self.doc.evidence(line), **props)

    def edge(self, type_: str, source: Ref, target: Ref, line: int) -> None:
        self.sink.edge(type_, source, target, self.doc.evidence(line))

    def read(self) -> None:
        doc = self.doc
        overrides = dict(self.options.columns)
        unknown_inspection: list[int] = []
        defaulted_kind: list[int] = []
        headers = 0
        for lines in tables(doc):
            header = find_header(doc, overrides, lines)
            if header is None:
                continue
            headers += 1
            self.warnings.append(doc.warning(header.describe(), header.line))
            if headers == 1:
                self._preamble(header)
            kinds = [_kind_of(header.cells[i]) for n, i in header.columns.items() if n in ("ref", "text") and i < len(header.cells)]
            header_kind = next((k for k in kinds if k), None)
            for line in lines:
                cells = doc.rows[line]
                if line <= header.line or cells == header.cells:
                    continue  # above the header, or the header repeated (a printed tracker's page breaks)
                if TrackerExtractor._is_data(cells, header):
                    self._row(line, cells, header, header_kind, unknown_inspection, defaulted_kind)
        if headers == 0:
            self.warnings.append(doc.warning("no header row naming at least three tracker columns; nothing read"))
        if defaulted_kind:
            self.warnings.append(
                doc.warning(
                    f"finding kind not stated for {len(defaulted_kind)} row(s) (first: {self.where(defaulted_kind[0])}); "
                    "read as areas for improvement",
                    defaulted_kind[0],
                )
            )
        if unknown_inspection:
            self.warnings.append(
                doc.warning(
                    f"no inspection stated for {len(unknown_inspection)} row(s) (first: {self.where(unknown_inspection[0])}): "
                    "no inspection column, --inspection, or PEEL round in the sheet name, title or file name; "
                    "their findings are kept under this document, not an inspection",
                    unknown_inspection[0],
                )
            )

    def _preamble(self, header: Header) -> None:
        """A title and an "as at" date stated in the rows above the header."""
        for line in range(1, header.line):
            text = self.doc.lines[line - 1].strip()
            if not text or text.startswith("Sheet: "):
                continue
            if self.date is None and _PAPER_DATE.search(text):
                dates = textparse.find_dates(text)
                if dates:
                    self.date, self.date_line = dates[0][2], line
                    continue
            written = [c for c in self.doc.rows.get(line, [text]) if c.strip()]
            if self.title is None and len(written) == 1:
                self.title = written[0].strip()

    def _cell(self, cells: list[str], header: Header, name: str) -> str:
        index = header.columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def _inspection(self, line: int, cell: str) -> Ref | None:
        if cell:
            return _inspection_ref(cell, self.force)
        if self.options.inspection:
            return _inspection_ref(self.options.inspection, self.force)
        sheet = self.doc.sheet_rows.get(line, (None, 0))[0]
        for name in (sheet, self.title, Path(self.doc.path).stem):
            if name:
                named = _named_inspection(name, self.force)
                if named is not None:
                    return named
        return None

    def _row(
        self,
        line: int,
        cells: list[str],
        header: Header,
        header_kind: str | None,
        unknown_inspection: list[int],
        defaulted_kind: list[int],
    ) -> None:
        doc, vocab = self.doc, ontology()
        get = lambda name: self._cell(cells, header, name)  # noqa: E731
        ref_cell, text = get("ref"), get("text")
        sheet = doc.sheet_rows.get(line, (None, 0))[0]
        kind = _kind_of(ref_cell) or header_kind or _kind_of(sheet, Path(doc.path).stem)
        if kind is None:
            kind = L.AreaForImprovement
            defaulted_kind.append(line)
        inspection = self._inspection(line, get("inspection"))
        if inspection is None:
            unknown_inspection.append(line)
        scope = inspection if inspection is not None else Ref.keyed(L.Document, doc.key)
        whole = _ONE_NUMBER.fullmatch(ref_cell)
        number = int(whole.group(1)) if whole else None
        if number is not None:
            finding = Ref.of(kind, str(number), within=scope)
        elif ref_cell:
            finding = Ref.of(kind, ref_cell, within=scope)
        else:
            finding = Ref.of(kind, f"row {line}", within=Ref.keyed(L.Document, doc.key))
        self.node(finding, line, number=number, text=text or None)
        if inspection is not None:
            self.node(inspection, line)
            self.edge(R.ISSUED, inspection, finding, line)

        # the status assessment, as of the row's update date, else the paper's
        updated_cell = get("updated")
        updated = _date_of(updated_cell) if updated_cell else None
        if updated_cell and updated is None:
            self.warnings.append(doc.warning(f"{self.where(line)}: update date {updated_cell!r} is not a date; left out", line))
        as_of = updated or self.date or doc.date
        status_cell, rag_cell, due_cell, update = get("status"), get("rag"), get("due"), get("update")
        status = vocab.vocabulary("FindingStatuses").notation_for(status_cell) if status_cell else None
        rag = vocab.vocabulary("RAG").notation_for(rag_cell) if rag_cell else None
        if status_cell and status is None:
            status_as_rag = vocab.vocabulary("RAG").notation_for(status_cell)
            if status_as_rag and not rag_cell:
                rag = status_as_rag  # a "Status" column of RAG colours
            else:
                self.warnings.append(doc.warning(f"{self.where(line)}: status {status_cell!r} is not a known status; left out", line))
        if rag_cell and rag is None:
            self.warnings.append(doc.warning(f"{self.where(line)}: RAG {rag_cell!r} is not red, amber or green; left out", line))
        due = _date_of(due_cell) if due_cell else None
        if due_cell and due is None:
            self.warnings.append(doc.warning(f"{self.where(line)}: due date {due_cell!r} is not a date; left out", line))
        if any(v is not None for v in (status, rag, due)) or update:
            stamp = as_of or naming.paper_stamp(doc, None)
            assessment = Ref.of(L.StatusAssessment, stamp, within=finding)
            self.node(
                assessment,
                line,
                date=as_of,
                status=status,
                rag=rag,
                anticipatedCompletion=due,
                progressText=update or None,
            )
            self.edge(R.HAS_STATUS, finding, assessment, line)

        for owner in _owner_refs(get("owner"), self.force) if get("owner") else []:
            self.edge(R.OWNED_BY, finding, owner, line)
        board_cell = get("board")
        if board_cell:
            for name in (n.strip(" .,") for n in _SPLIT_NAMES.split(board_cell)):
                if re.search(r"[A-Za-z]", name):
                    self.edge(R.OVERSEEN_BY, finding, naming.board_ref(name, self.force), line)
