"""Read spreadsheets (.csv, .xlsx) into a TextDocument, one line per row.

Many forces keep their AFI and recommendation trackers in Excel. A
spreadsheet is read so that a row's line number *is* its row number: line 1
is row 1, and an empty row is an empty line, so evidence cites the row a
governance lead would scroll to. A row's line is its cells joined by
``" | "`` (empty cells at the end of the row left off); the cells themselves
are kept in ``doc.rows`` (line -> cells, one per column from column A), for
the tracker family to read by column.

- ``.csv``: decoded as the text reader decodes (UTF-8, a byte-order mark, or a
  detected single-byte encoding); the delimiter is sniffed among ``, ; tab |``
  (comma when unsure). A record with a quoted line break is still one row;
  its line breaks become spaces.
- ``.xlsx``: read with openpyxl in read-only mode with cached values
  (``data_only``: a formula's last computed value, never the formula). Dates
  become ISO dates (``2024-03-31``; with the time when it is not midnight),
  whole numbers lose their ``.0``. The first sheet with any content starts at
  line 1; each further sheet follows a line ``Sheet: <name>``, and
  ``doc.sheet_rows`` maps each of its lines to ``(sheet, row)``, so a warning
  can still name the sheet and row.

Refusals, each an :class:`~oversight.errors.UnreadableDocument` naming the
file: over :data:`MAX_SHEET_BYTES`; more than :data:`MAX_SHEET_ROWS` rows or
:data:`MAX_SHEET_COLUMNS` columns with content; "not a readable CSV (…)";
"not an Excel workbook (…)" for anything that is not a readable .xlsx package
(an old binary .xls among them); a zip bomb (the same inspection of the
archive as the Word reader, before anything is inflated); "spreadsheet has
no text". openpyxl parses in a child process under
:mod:`oversight.loaders.bounded`'s time and memory limits.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

from oversight.errors import UnreadableDocument
from oversight.loaders.bounded import (
    check_zip_package,
    read_bytes,
    run_bounded,
)
from oversight.loaders.models import TextDocument
from oversight.loaders.read_text import decode_text

__all__ = [
    "read_csv",
    "read_xlsx",
    "row_line",
    "MAX_SHEET_BYTES",
    "MAX_SHEET_ROWS",
    "MAX_SHEET_COLUMNS",
    "MAX_XLSX_UNPACKED_BYTES",
]

#: Larger spreadsheet files are refused.
MAX_SHEET_BYTES = 64 * 1024 * 1024
#: Rows (all sheets together) and columns with content; a tracker has hundreds at most.
MAX_SHEET_ROWS = 200_000
MAX_SHEET_COLUMNS = 1_000
#: Refuse workbooks that would unpack to more than this; and zip bombs, as for Word files.
MAX_XLSX_UNPACKED_BYTES = 512 * 1024 * 1024
_MAX_ENTRIES = 5000


def row_line(cells: list[str]) -> str:
    """The text line of a row: its cells joined by " | ", empty cells at the end left off.

    >>> row_line(["AFI 1", "", "Open", "", ""])
    'AFI 1 |  | Open'
    """
    cells = list(cells)
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(cells)


def _document(path: Path, data: bytes, rows: list[list[str]], fmt: str, encoding: str | None) -> TextDocument:
    lines = [row_line(cells) for cells in rows]
    if not any(lines):
        raise UnreadableDocument(path, "spreadsheet has no text")
    doc = TextDocument(lines, path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=fmt, encoding=encoding)
    doc.rows = {number: cells for number, cells in enumerate(rows, start=1) if any(cells)}
    return doc


def _check_size(path: Path, rows: int, columns: int) -> None:
    if rows > MAX_SHEET_ROWS:
        raise UnreadableDocument(path, f"too large to read as a spreadsheet (more than {MAX_SHEET_ROWS} rows)")
    if columns > MAX_SHEET_COLUMNS:
        raise UnreadableDocument(
            path, f"too large to read as a spreadsheet ({columns} columns > {MAX_SHEET_COLUMNS})"
        )


# -- CSV ------------------------------------------------------------------------------


def read_csv(path: Path) -> TextDocument:
    """Read a .csv: one line per record, line number = row number.

    Raises
    ------
    UnreadableDocument
        For a file too large, not text, not CSV, or empty.
    """
    path = Path(path)
    data = read_bytes(path, MAX_SHEET_BYTES, "a spreadsheet")
    text, encoding = decode_text(data, str(path))
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), dialect):
            rows.append([" ".join(cell.split()) for cell in record])
            _check_size(path, len(rows), len(record))
    except csv.Error as exc:
        raise UnreadableDocument(path, f"not a readable CSV (row {len(rows) + 1}: {exc})") from exc
    return _document(path, data, rows, "csv", encoding)


# -- XLSX -----------------------------------------------------------------------------


def read_xlsx(path: Path) -> TextDocument:
    """Read an .xlsx workbook, sheet by sheet; on the first sheet, line number = row number.

    Raises
    ------
    UnreadableDocument
        For a file too large, not an Excel workbook, a zip bomb, or empty.
    """
    path = Path(path)
    data = read_bytes(path, MAX_SHEET_BYTES, "a spreadsheet")
    _check_package(path, data)
    import openpyxl  # noqa: F401 - loaded once here, so each forked parser finds it loaded

    sheets: list[list[Any]] = run_bounded(_parse_xlsx, path, data)
    rows: list[list[str]] = []
    origin: dict[int, tuple[str, int]] = {}
    for name, sheet_rows in sheets:
        if rows:
            rows.append([f"Sheet: {name}"])
        for number, cells in enumerate(sheet_rows, start=1):
            rows.append(cells)
            origin[len(rows)] = (name, number)
    doc = _document(path, data, rows, "xlsx", None)
    doc.rows = {line: cells for line, cells in doc.rows.items() if line in origin}
    doc.sheet_rows = {line: origin[line] for line in doc.rows}
    return doc


def _check_package(path: Path, data: bytes) -> None:
    """Refuse what is not an .xlsx package, or would unpack too far, before anything is inflated."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnreadableDocument(path, "not an Excel workbook (an old binary .xls or an encrypted file; save it as .xlsx)")
    check_zip_package(
        path, data, kind="an Excel workbook", required="xl/workbook.xml",
        max_entries=_MAX_ENTRIES, max_unpacked=MAX_XLSX_UNPACKED_BYTES, too_large_as="a spreadsheet",
    )


def _cell(value: Any) -> str:
    """A cell's value as text: ISO dates, whole numbers without ``.0``, one line."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _parse_xlsx(path: Path, data: bytes) -> list[list[Any]]:
    """``[[sheet name, rows], …]`` for the sheets with content (run in the bounded child)."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError) as exc:
        raise UnreadableDocument(path, f"not an Excel workbook ({type(exc).__name__}: {exc})") from exc
    sheets: list[list[Any]] = []
    total = 0
    try:
        for sheet in workbook.worksheets:
            rows: list[list[str]] = []
            last = 0
            for values in sheet.iter_rows(values_only=True):
                cells = [_cell(v) for v in values]
                while cells and not cells[-1]:
                    cells.pop()
                rows.append(cells)
                if cells:
                    last = len(rows)
                    _check_size(path, total + last, len(cells))
            if last:
                sheets.append([sheet.title, rows[:last]])
                total += last
    except UnreadableDocument:
        raise
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, zipfile.BadZipFile) as exc:
        raise UnreadableDocument(path, f"not an Excel workbook ({type(exc).__name__}: {exc})") from exc
    finally:
        workbook.close()
    return sheets
