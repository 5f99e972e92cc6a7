"""Paragraphs and sentences with the raw lines (and columns) they came from.

Committee papers are exported from Word and PDF with page furniture between
the lines ("Item 4", "Page 17") and sentences broken across page breaks.
:func:`paragraphs` joins a paragraph split by a page break and maps every
sentence back to the raw lines it came from, so evidence quotes are always
found in the cited lines.

>>> paras = paragraphs(["The report makes", "Item 4", "fourteen recommendations."], 1, 3)
>>> paras[0].text
'The report makes fourteen recommendations.'
>>> (paras[0].first, paras[0].last)
(1, 3)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from oversight.loaders.models import Evidence, TextDocument

__all__ = ["Para", "Sentence", "is_noise", "paragraphs", "sentence_spans", "sentences", "clean_cell"]


_NOISE = re.compile(
    r"^\s*(?:[-\u2022]\s*)?(?:Item\s+[A-Z]?\d{1,2}|Page\s+\d{1,3}|\d{1,3}|"
    r"This page is intentionally left blank)\s*$",
    re.IGNORECASE,
)
_TERMINAL = tuple(".!?:;\"'\u2019\u201d)")


def is_noise(line: str) -> bool:
    """Page furniture that a paper's text flows around ("Item 4", "Page 17").

    >>> [is_noise(x) for x in ("Item 4", "- Page 17", "Item 4 of the agenda")]
    [True, True, False]
    """
    return bool(_NOISE.match(line))


@dataclass
class Para:
    """A paragraph: its text and, for each piece, the raw line and column it came from."""

    text: str = ""
    pieces: list[tuple[int, int, int]] = field(
        default_factory=list
    )  # (offset in text, line, column)

    @property
    def first(self) -> int:
        return self.pieces[0][1]

    @property
    def last(self) -> int:
        return self.pieces[-1][1]

    def _locate(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.pieces, offset, key=lambda piece: piece[0]) - 1
        if index < 0:
            return self.pieces[0][1], self.pieces[0][2]
        start, line, column = self.pieces[index]
        return line, column + (offset - start)

    def evidence(self, lines: Sequence[str], start: int, end: int, doc: TextDocument) -> Evidence:
        """Evidence for ``text[start:end]``: its lines, and the raw words between its ends.

        When the span crosses a page break the quote keeps the page furniture
        that lies between its ends, so it is still found in the cited lines.
        """
        first_line, first_col = self._locate(start)
        last_line, last_col = self._locate(max(start, end - 1))
        if first_line == last_line:
            quote = lines[first_line - 1][first_col : last_col + 1]
        else:
            parts = [lines[first_line - 1][first_col:]]
            parts.extend(lines[first_line : last_line - 1])
            parts.append(lines[last_line - 1][: last_col + 1])
            quote = " ".join(parts)
        return doc.evidence(first_line, last_line if last_line != first_line else None, quote)

    def line_of(self, offset: int) -> int:
        return self._locate(offset)[0]


def paragraphs(lines: Sequence[str], start: int, end: int) -> list[Para]:
    """The paragraphs of lines ``start``..``end`` (1-based, inclusive).

    A blank line ends a paragraph, except that a paragraph whose last line
    lacks closing punctuation continues on the next text line when that line
    starts in lower case: the sentence was cut by a page break or a wrap.
    Page furniture (:func:`is_noise`) is skipped.

    >>> [p.text for p in paragraphs(["One.", "", "Two and", "Page 3", "three."], 1, 5)]
    ['One.', 'Two and three.']
    """
    paras: list[Para] = []
    current: Para | None = None
    # The text of ``current`` is gathered in a list and joined once: appending
    # to a string attribute line by line is quadratic on a long run of lines.
    parts: list[str] = []
    length = 0

    def close() -> None:
        if current is not None:
            current.text = " ".join(parts)
            paras.append(current)

    open_ended = False
    for number in range(start, min(end, len(lines)) + 1):
        raw = lines[number - 1]
        stripped = raw.strip()
        if not stripped or is_noise(raw):
            if current is not None and not open_ended:
                close()
                current = None
            continue
        column = len(raw) - len(raw.lstrip())
        if current is not None and open_ended and (
            stripped[0].islower()
            or (not _blank_between(lines, current.last, number) and not _ITEM_START.match(stripped))
        ):
            current.pieces.append((length + 1, number, column))
            parts.append(stripped)
            length += 1 + len(stripped)
        else:
            close()
            current = Para(stripped, [(0, number, column)])
            parts, length = [stripped], len(stripped)
        open_ended = not stripped.endswith(_TERMINAL)
    close()
    return paras


_ITEM_START = re.compile(r"^(?:[-\u2022\u00b7>*]|\d{1,3}[.)]\s|[IVX]{1,4}\.\s)")


def _blank_between(lines: Sequence[str], a: int, b: int) -> bool:
    return any(not lines[i - 1].strip() for i in range(a + 1, b))


_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|Op|Cllr|vs|approx|Ch|Supt|Insp|Sgt|Det|Nos)|\b[A-Z])$"
)
_BREAK = re.compile(r"[.!?]['\u2019\"\u201d)\]]*\s+(?=[A-Z0-9\"'\u2018\u201c(\[\u00a3])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences of ``text``.

    A full stop after a common abbreviation or an initial does not end a
    sentence.

    >>> t = "Kent was inspected. Mr P M Hill chaired. e.g. Thanet was not."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Kent was inspected.', 'Mr P M Hill chaired. e.g. Thanet was not.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK.finditer(text):
        before = text[start : match.start()]
        if _ABBREVIATION.search(before):
            continue
        end = match.start() + len(match.group(0).rstrip())
        spans.append((start, end))
        start = match.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


@dataclass
class Sentence:
    """One sentence of a paragraph: its span in the paragraph's text; ``index`` is the paragraph's place.

    >>> [(s.text, s.index) for s in sentences(paragraphs(["One. Two.", "", "Three."], 1, 3))]
    [('One.', 0), ('Two.', 0), ('Three.', 1)]
    """

    para: Para
    start: int
    end: int
    index: int = 0

    @property
    def text(self) -> str:
        return self.para.text[self.start : self.end]


def sentences(paras: Sequence[Para]) -> list[Sentence]:
    """Every sentence of ``paras``, in order (:func:`sentence_spans` of each)."""
    return [Sentence(p, a, b, i) for i, p in enumerate(paras) for a, b in sentence_spans(p.text)]


def clean_cell(text: str) -> str:
    """A table cell or heading without markup (``**``, ``<u>``), bookmarks and spare spaces."""
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)
    text = re.sub(r"</?u>|\*\*?", "", text)
    return " ".join(text.split())
