"""Read a PDF's text layer into a TextDocument, one text line per document line.

Papers are published as PDFs with a text layer; the text of each page is
taken with pypdf and the pages are joined with line breaks, so line numbers
in evidence count across the whole file. No OCR is attempted: a PDF without a
text layer (a scan) is refused rather than read as an empty paper, because an
empty extraction would look like a paper that states nothing.

Reading is bounded and refusals are specific, each an
:class:`~oversight.errors.UnreadableDocument` naming the file:

- larger than :data:`MAX_PDF_BYTES` or with more than :data:`MAX_PDF_PAGES`
  pages: "too large …";
- no ``%PDF-`` header, no ``%%EOF`` marker near the end (a truncated
  download), or a file pypdf cannot parse: "not a readable PDF (…)";
- encrypted with a user password: "encrypted PDF (needs a password)"; encrypted
  with only an owner password (any viewer opens it) but forbidding text
  extraction: "encrypted PDF (text extraction not permitted)". An
  owner-password PDF that permits extraction is read: the owner's own
  permissions allow it;
- no text on any page: "PDF has no text layer (scanned?)";
- parsing that runs past :data:`~oversight.loaders.bounded.PARSE_TIMEOUT` or
  needs more than :data:`~oversight.loaders.bounded.PARSE_MAX_BYTES`: "took
  longer than 60 s to parse; refused", "needed more than 1 GB to parse;
  refused". pypdf runs in a child process (:mod:`oversight.loaders.bounded`),
  so a hostile PDF can neither hang the ingest nor exhaust the machine.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

from oversight.errors import UnreadableDocument
from oversight.loaders.bounded import read_bytes, run_bounded
from oversight.loaders.models import TextDocument

__all__ = ["read_pdf", "MAX_PDF_BYTES", "MAX_PDF_PAGES"]

#: Larger PDFs are refused rather than parsed.
MAX_PDF_BYTES = 64 * 1024 * 1024
#: PDFs with more pages are refused; oversight papers run to tens of pages.
MAX_PDF_PAGES = 2000

#: How far from the end of the file the ``%%EOF`` marker may sit (trailing junk is common).
_EOF_WINDOW = 2048


def read_pdf(path: Path) -> TextDocument:
    """Read the text layer of a PDF; raises UnreadableDocument with the reason.

    Parameters
    ----------
    path : Path
        The PDF file.

    Returns
    -------
    TextDocument
        Lines of every page in order, ``format="pdf"``, ``sha256`` of the
        file's bytes (so the same PDF is the same document wherever it lies).

    Raises
    ------
    UnreadableDocument
        For a file too large, truncated, corrupt, encrypted or without text.
    """
    path = Path(path)
    data = read_bytes(path, MAX_PDF_BYTES, "a PDF")
    if not data.lstrip()[:5] == b"%PDF-":
        raise UnreadableDocument(path, "not a readable PDF (no %PDF header)")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise UnreadableDocument(path, "not a readable PDF (truncated: no %%EOF marker at the end)")
    import pypdf  # noqa: F401 - loaded once here, so each forked parser finds it loaded

    lines = run_bounded(_text_lines, path, data)
    if not any(line.strip() for line in lines):
        raise UnreadableDocument(path, "PDF has no text layer (scanned?)")
    return TextDocument(
        lines, path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="pdf"
    )


def _check_encryption(path: Path, reader: Any) -> None:
    """Refuse a PDF we may not read; an owner-password PDF that permits extraction passes."""
    from pypdf.constants import UserAccessPermissions

    try:
        opened = bool(reader.decrypt(""))
    except Exception:  # pypdf raises several types for unsupported encryption
        opened = False
    if not opened:
        raise UnreadableDocument(path, "encrypted PDF (needs a password)")
    permissions = reader.user_access_permissions
    if permissions is not None and not permissions & UserAccessPermissions.EXTRACT:
        raise UnreadableDocument(path, "encrypted PDF (text extraction not permitted)")


def _text_lines(path: Path, data: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _check_encryption(path, reader)
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise UnreadableDocument(
                path, f"too large to read as a PDF ({count} pages > {MAX_PDF_PAGES})"
            )
        lines: list[str] = []
        for page in reader.pages:
            text = page.extract_text() or ""
            lines.extend(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
            if lines and lines[-1] == "":
                lines.pop()
    except UnreadableDocument:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
    ) as exc:
        # pypdf signals damage with these (a broken xref, a bad stream, a missing object).
        raise UnreadableDocument(path, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    return lines
