"""Read plain-text and Markdown papers in whatever encoding they came in.

UTF-8 (with or without a byte-order mark) is tried first because nearly every
export is UTF-8; anything else is detected with charset-normalizer. A file
that is empty, holds binary data, or exceeds the size limit
(:data:`MAX_TEXT_BYTES`; never read past it) is refused with
:class:`~oversight.errors.UnreadableDocument` naming it.

A file that is UTF-8 but for a few stray bytes (a paragraph pasted from a
Windows-1252 document into a UTF-8 one) is neither refused nor re-read as a
single-byte encoding, which would turn every dash and quote of the UTF-8 part
into mojibake: the UTF-8 is kept, each stray byte is read as the Windows-1252
character it almost certainly was, and the document carries a warning naming
the line of the first one (``read_warnings``; the ingest reports it).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from charset_normalizer import from_bytes

from oversight.errors import UnreadableDocument
from oversight.loaders.bounded import read_bytes
from oversight.loaders.models import ExtractionWarning, TextDocument

__all__ = ["read_text", "decode_text", "decode_mixed_utf8", "MAX_TEXT_BYTES"]

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
    >>> decode_text("AFI 5 \\u2013 amber, caf".encode() + b"\\xe9")
    ('AFI 5 – amber, café', 'utf-8')
    """
    text, encoding, _ = _decode(data, path)
    return text, encoding


def _decode(data: bytes, path: str) -> tuple[str, str, tuple[int, int, int] | None]:
    """``(text, encoding, strays)``: strays is ``(count, first byte, its line)`` or None."""
    if not data.strip():
        raise UnreadableDocument(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, None
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(path, f"not valid {encoding} despite its byte-order mark") from exc
    if b"\x00" in data[:8192]:
        raise UnreadableDocument(path, "binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed_utf8(data)
    if mixed is not None:
        return mixed[0], "utf-8", mixed[1:]
    best = from_bytes(data[: 4 * 1024 * 1024], cp_isolation=list(_CANDIDATES)).best()
    if best is None or best.encoding is None:
        raise UnreadableDocument(path, "binary content, not text (no text encoding fits)")
    try:
        return data.decode(best.encoding), best.encoding, None
    except (UnicodeDecodeError, LookupError) as exc:
        raise UnreadableDocument(path, f"cannot decode as {best.encoding}") from exc


_STRAY = re.compile("[\\udc80-\\udcff]")
_NON_ASCII = re.compile("[^\\x00-\\x7f]")
_LINE_BREAK = re.compile("\\r\\n?|\\n")


def decode_mixed_utf8(data: bytes) -> tuple[str, int, int, int] | None:
    """Decode UTF-8 with a few stray single-byte characters in it, or None if it is not that.

    Returns ``(text, stray_count, first_stray_byte, line_of_first_stray)``. The
    bytes count as UTF-8 with strays when at least as many characters decode
    as valid multi-byte UTF-8 as there are stray bytes; a file of
    Windows-1252 text has (almost) no valid multi-byte UTF-8 and is left to
    detection.

    >>> decode_mixed_utf8("AFI 5 \\u2013 amber\\n".encode() + b"caf\\xe9\\n")
    ('AFI 5 – amber\\ncafé\\n', 1, 233, 2)
    >>> decode_mixed_utf8(b"caf\\xe9") is None
    True
    """
    escaped = data.decode("utf-8", "surrogateescape")
    strays = [m.start() for m in _STRAY.finditer(escaped)]
    if not strays:
        return None
    valid = len(_NON_ASCII.findall(escaped)) - len(strays)
    if valid < len(strays):
        return None
    text = _STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), escaped)
    first = strays[0]
    line = len(_LINE_BREAK.findall(escaped, 0, first)) + 1
    return text, len(strays), ord(escaped[first]) - 0xDC00, line


def read_text(path: Path) -> TextDocument:
    """Read a .txt or .md file into a TextDocument (lines without line endings).

    A warning about the reading itself (stray bytes) is in the document's
    ``read_warnings`` list, for the ingest to report with the extractor's.
    """
    data = read_bytes(path, MAX_TEXT_BYTES, "text")
    text, encoding, strays = _decode(data, str(path))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    doc = TextDocument(
        text.split("\n") if not text.endswith("\n") else text[:-1].split("\n"),
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format=path.suffix.lower().lstrip(".") or "txt",
        encoding=encoding,
    )
    read_warnings: list[ExtractionWarning] = []
    if strays is not None:
        count, byte, line = strays
        plural = "s" if count != 1 else ""
        message = f"{count} byte{plural} not valid UTF-8 (first 0x{byte:02X}), read as Windows-1252"
        read_warnings.append(doc.warning(message, line))
    doc.read_warnings = read_warnings
    return doc
