"""Plain text in any common encoding; empty and binary files refused by name."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from oversight.errors import UnreadableDocument
from oversight.loaders.read_text import read_text

PAPER = "Progress on the PEEL 2021/22 AFIs \u2013 the Commissioner\u2019s update\nAFI 5 is amber\n"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (PAPER.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + PAPER.encode("utf-8"), "utf-8-sig"),
        (PAPER.encode("utf-16"), "utf-16"),
        (PAPER.encode("cp1252"), "cp1252"),
    ],
)
def test_text_is_read_whatever_its_encoding(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(data)
    doc = read_text(path)
    assert (doc.lines, doc.encoding) == (PAPER.rstrip("\n").split("\n"), encoding)


def test_windows_line_endings_give_the_same_lines(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(PAPER.replace("\n", "\r\n").encode("utf-8"))
    assert read_text(path).lines == PAPER.rstrip("\n").split("\n")


def test_an_empty_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(UnreadableDocument, match=r"empty.txt: empty file$"):
        read_text(path)


def test_a_binary_file_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UnreadableDocument, match=r"image.txt: binary content, not text$"):
        read_text(path)


def test_the_document_key_is_the_hash_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(b"AFI 5\n")
    digest = hashlib.sha256(b"AFI 5\n").hexdigest()
    assert (read_text(path).sha256, read_text(path).key) == (digest, "document/" + digest[:12])
