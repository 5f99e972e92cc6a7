"""Read plain-text and Markdown papers in whatever encoding they came in.

UTF-8 (with or without a byte-order mark) is tried first because nearly every
export is UTF-8; anything else is detected with charset-normalizer. A file
that is empty, holds binary data, or exceeds the size limit is refused with
:class:`~oversight.errors.UnreadableDocument` naming it.
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from charset_normalizer import from_bytes

from oversight.errors import UnreadableDocument
from oversight.loaders.models import TextDocument

__all__ = ["read_text", "decode_text", "MAX_TEXT_BYTES"]

#: Larger text files are refused rather than read into memory.
MAX_TEXT_BYTES = 32 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: Encodings English-language papers arrive in besides UTF-8. Restricting
#: detection to these keeps a short cp1252 file from being read as, say, Big5.
_CANDIDATES = ("cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850", "utf_16", "utf_32")


def decode_text(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``; raises UnreadableDocument.

    >>> decode_text("The caf\\u00e9\\u2019s review \\u2013 closed".encode("cp1252"))
    ('The café’s review – closed', 'cp1252')
    >>> decode_text(codecs.BOM_UTF8 + b"AFI 5")
    ('AFI 5', 'utf-8-sig')
    """
    if not data.strip():
        raise UnreadableDocument(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(path, f"not valid {encoding} despite its byte-order mark") from exc
    if b"\x00" in data[:8192]:
        raise UnreadableDocument(path, "binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[: 4 * 1024 * 1024], cp_isolation=list(_CANDIDATES)).best()
    if best is None or best.encoding is None:
        raise UnreadableDocument(path, "binary content, not text (no text encoding fits)")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise UnreadableDocument(path, f"cannot decode as {best.encoding}") from exc


def read_text(path: Path) -> TextDocument:
    """Read a .txt or .md file into a TextDocument (lines without line endings)."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise UnreadableDocument(
                path, f"too large to read as text ({size / 1e6:.0f} MB > {MAX_TEXT_BYTES / 1e6:.0f} MB)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(path, exc.strerror or str(exc)) from exc
    text, encoding = decode_text(data, str(path))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return TextDocument(
        text.split("\n") if not text.endswith("\n") else text[:-1].split("\n"),
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format=path.suffix.lower().lstrip(".") or "txt",
        encoding=encoding,
    )
