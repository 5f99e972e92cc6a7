"""Read a Word (.docx) paper into a TextDocument: paragraphs and tables in body order.

Progress papers keep their substance in tables (one row per AFI, columns for
actions and ongoing activity; a grid of grades), so a reader that takes only
paragraphs loses the paper. The body's block items are taken in document
order: a paragraph is one line, a table row is one line with its cells joined
by a tab. That is the layout the extractors already read from text exported
from Word, so a .docx and its .txt export give the same facts.

Cells keep their column: a cell spanning columns is followed by empty cells
for the columns it covers, and the continuation of a vertically merged cell
is empty, so the text of a merged cell is read once and every cell stays
under its column heading. Line breaks inside a cell become spaces (one row,
one line).

Refusals, each an :class:`~oversight.errors.UnreadableDocument` naming the file:
"too large …" (file or uncompressed content over the limits), "a zip bomb,
not a Word document (…)", "not a Word document (…)" for anything that is not
a readable .docx package, "Word document has no text", and the limits of
:mod:`oversight.loaders.bounded` ("took longer than 60 s to parse; refused",
"needed more than 1 GB to parse; refused").

A .docx is a zip archive, so it is inspected before anything is decompressed:
the sizes the archive declares for its parts must stay under
:data:`MAX_DOCX_UNPACKED_BYTES` in all, no part larger than
:data:`BOMB_FLOOR_BYTES` may expand more than :data:`BOMB_RATIO`-fold (deflate
tops out near 1000-fold, and even a deliberately repetitive Word table stays
under 200), and the archive may hold at most :data:`MAX_DOCX_ENTRIES` parts.
Only then does python-docx parse it, in a bounded child process. An archive
that *understates* a part's size gets past the inspection, and
:mod:`zipfile`, reading a whole part at once, inflates all of it before it
cuts the output to the declared size; the child's memory limit is what stops
that one ("needed more than 1 GB to parse; refused").
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from oversight.errors import UnreadableDocument
from oversight.loaders.bounded import (
    BOMB_FLOOR_BYTES,
    BOMB_RATIO,
    check_zip_package,
    read_bytes,
    run_bounded,
)
from oversight.loaders.models import TextDocument

__all__ = [
    "read_docx",
    "MAX_DOCX_BYTES",
    "MAX_DOCX_UNPACKED_BYTES",
    "MAX_DOCX_ENTRIES",
    "BOMB_RATIO",
    "BOMB_FLOOR_BYTES",
]

#: Larger .docx files are refused.
MAX_DOCX_BYTES = 64 * 1024 * 1024
#: Refuse packages that would unpack to more than this (a zip bomb is not a paper).
MAX_DOCX_UNPACKED_BYTES = 512 * 1024 * 1024
#: Refuse archives with more parts than this (a Word paper has a few dozen).
MAX_DOCX_ENTRIES = 5000
#: A part larger than BOMB_FLOOR_BYTES that expands more than BOMB_RATIO-fold is a zip bomb.


def read_docx(path: Path) -> TextDocument:
    """Read a .docx: paragraphs and table rows (cells joined by tabs), in body order.

    Parameters
    ----------
    path : Path
        The Word file.

    Returns
    -------
    TextDocument
        One line per paragraph or table row, ``format="docx"``, ``sha256`` of
        the file's bytes.

    Raises
    ------
    UnreadableDocument
        For a file too large, not a Word package, or without text.
    """
    path = Path(path)
    data = read_bytes(path, MAX_DOCX_BYTES, "a Word document")
    _check_package(path, data)
    import docx  # noqa: F401 - loaded once here, so each forked parser finds it loaded

    lines = run_bounded(_parse, path, data)
    if not any(line.strip() for line in lines):
        raise UnreadableDocument(path, "Word document has no text")
    return TextDocument(
        lines, path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="docx"
    )


def _check_package(path: Path, data: bytes) -> None:
    """Refuse what is not a .docx package, or would unpack too far, before anything is inflated."""
    check_zip_package(
        path, data, kind="a Word document", required="word/document.xml",
        max_entries=MAX_DOCX_ENTRIES, max_unpacked=MAX_DOCX_UNPACKED_BYTES, too_large_as="a Word document",
    )


def _parse(path: Path, data: bytes) -> list[str]:
    """The lines of the package (run in the bounded child)."""
    return list(_lines(path, data))


def _lines(path: Path, data: bytes) -> Iterator[str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
        for block in blocks:
            if isinstance(block, Table):
                yield from _table_rows(block)
            else:
                yield " ".join(block.text.split("\n"))
    except XMLSyntaxError as exc:
        if "memory" in str(exc).lower():  # libxml2 reports a failed allocation as a syntax error
            raise MemoryError(str(exc)) from exc
        raise UnreadableDocument(path, f"not a Word document (damaged XML: {exc})") from exc
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        EOFError,
        # python-docx meets a well-formed but wrong part (a [Content_Types].xml of junk) with these
        AttributeError,
        TypeError,
        IndexError,
        RuntimeError,  # an encrypted part, an unsupported compression method, deep recursion
    ) as exc:
        raise UnreadableDocument(
            path, f"not a Word document ({type(exc).__name__}: {exc})"
        ) from exc


def _table_rows(table: Any) -> Iterator[str]:
    """Each row as its cells' text joined by tabs, one cell per grid column."""
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    for row in table.rows:
        cells: list[str] = []
        for tc in row._tr.tc_lst:
            if tc.vMerge == "continue":
                text = ""
            else:
                cell = _Cell(tc, table)
                text = " ".join(" ".join(Paragraph(p, cell).text.split()) for p in tc.p_lst).strip()
                nested = [" ".join(r.split("\t")) for t in cell.tables for r in _table_rows(t)]
                text = " ".join(part for part in [text, *nested] if part)
            cells.append(text)
            cells.extend([""] * (tc.grid_span - 1))
        yield "\t".join(cells)
