"""How a progress paper's AFI appendix writes its cells: headings, RAG words, completion lines, and the records read from them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oversight.loaders.models import ExtractionWarning, Ref, TextDocument
from oversight.loaders.toolkit import textparse
from oversight.loaders.toolkit.facts import Facts
from oversight.ontology import ontology

N = textparse.NUMBER_PATTERN


HEADING = re.compile(
    r"^\s*(?:AFI\s*(?P<afi>\d{1,3})\s*[.:\-\u2013]|(?P<n>\d{1,3})\.(?!\d))\s*(?P<text>\S.*)$"
)


RAG_CELL = re.compile(
    r"^[\W_]*(?:RAG(?:\s+status)?\s*[:\-\u2013]\s*)?(Red|Amber|Green)[\W_]*$", re.IGNORECASE
)


RAG_BOLD = re.compile(r"\*\*\s*(Red|Amber|Green)\s*\*\*")


RAG_TRAILING = re.compile(r"\s(Red|Amber|Green)\W*$")


HEADER_PREFIX = re.compile(
    r"^[\W_]*(?P<a>Action\s+Taken)?[\s*]*(?P<o>O\w?ngoing\s+Activity)?[\s*:]*", re.IGNORECASE
)


HEADER_COLLAPSED = re.compile(r"(actiontaken)?(o[a-z]?ngoingactivity)?")


HEADER_INLINE = re.compile(
    r"[\s*]*\b(Action\s+Taken)\b(\s+Ongoing\s+Activity)?[\s*]*|[\s*]*\b(Ongoing\s+Activity)\b[\s*]*"
)


ANTICIPATED = re.compile(r"Anticipated\s+completion(?:\s+date)?", re.IGNORECASE)


COMPLETED_CELL = re.compile(r"^(?:Status\s*[:\-\u2013]\s*)?Complete(?:d)?\W*$", re.IGNORECASE)


LINKED = re.compile(
    r"\(?\s*Linked\s+(?:to|with)\s+AFIs?\s*((?:\d{1,3}\s*(?:,|and|&)?\s*){1,20})\)?", re.IGNORECASE
)


MODAL = re.compile(
    r"\b(?:should|needs?\s+to|must|is\s+failing|has\s+to|ought|requires?)\b", re.IGNORECASE
)


BULLET_PREFIX = re.compile(r"^[\s\u2022\u25cf\u25aa\-\u2013_*]+")


INLINE_BULLET = re.compile(r"\s+[\u2022\u25cf\u25aa]\s+")


AFI_WORDS = r"(?:AFIs?|areas?\s+for\s+improvement)"


RAG_COUNT = re.compile(
    rf"({N})\s+{AFI_WORDS}\s+(?:(?:are|were|is|as|rated|assessed\s+as)\s+){{0,3}}(green|amber|red)\b",
    re.IGNORECASE,
)


@dataclass
class Column:
    items: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def add(self, text: str, line: int) -> None:
        for piece in INLINE_BULLET.split(text):
            bulleted = (
                bool(BULLET_PREFIX.match(piece))
                and piece.strip()[:1] in "\u2022\u25cf\u25aa-\u2013"
            )
            piece = " ".join(BULLET_PREFIX.sub("", piece).replace("**", "").split())
            if not re.search(r"[A-Za-z0-9]", piece) or self._repeats(piece):
                continue
            if self.items and not bulleted and not piece[:1].isupper() and not piece[:1].isdigit():
                self.items[-1] = f"{self.items[-1]} {piece}"
            else:
                self.items.append(piece)
            if line not in self.lines:
                self.lines.append(line)

    def _repeats(self, piece: str) -> bool:
        """A piece conversion duplicated: an item again, or a long phrase already in the column.

        Short pieces ("Training") may legitimately recur inside longer ones, so only
        a phrase of six words or more counts as a repeat when it is contained.
        """
        return piece in self.items or (len(piece.split()) >= 6 and piece in self.text)

    @property
    def text(self) -> str:
        return "\n".join(self.items)


@dataclass
class Afi:
    number: int | None
    line: int  # the heading line, or the first body line when the heading is lost
    text: str | None
    number_missing: bool
    body: list[int]  # 1-based lines after the heading
    deduced_number: str | None = None
    rag: str | None = None
    rag_line: int | None = None
    anticipated: str | None = None
    completed: bool = False
    completion_line: int | None = None
    completion_unreadable: bool = False
    actions: Column = field(default_factory=Column)
    ongoing: Column = field(default_factory=Column)
    unsorted: Column = field(default_factory=Column)
    links: list[int] = field(default_factory=list)
    heading_split: bool = False
    mixed_lines: list[int] = field(default_factory=list)
    deduced_rag: str | None = None

    def set_rag(self, word: str, line: int) -> None:
        if self.rag is None:
            self.rag = ontology().vocabulary("RAG").notation_for(word)
            self.rag_line = line


def previous_nonblank(doc: TextDocument, lines: list[int], k: int) -> list[int]:
    """The index in ``lines`` of the last non-blank line before index ``k``, as a list of 0 or 1."""
    for j in range(k - 1, -1, -1):
        if doc.line(lines[j]).strip():
            return [j]
    return []


def split_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def has_text(cell: str) -> bool:
    return bool(re.search(r"[A-Za-z0-9]", cell))


def header_mode(line: str) -> tuple[str | None, bool]:
    """The column(s) a header-only line opens, and whether its cells give column positions."""
    cells = [c for c in split_cells(line) if has_text(c)]
    collapsed = re.sub(r"[\W_]+", "", line).lower()
    if not collapsed or not HEADER_COLLAPSED.fullmatch(collapsed):
        return None, False
    action = collapsed.startswith("actiontaken")
    ongoing = "ngoingactivity" in collapsed
    mode = "both" if action and ongoing else ("actions" if action else "ongoing")
    positional = mode == "both" and [c.lower() for c in cells] == [
        "action taken",
        "ongoing activity",
    ]
    return mode, positional


def is_completion(line: str) -> bool:
    return bool(ANTICIPATED.search(line)) or any(
        COMPLETED_CELL.match(c) for c in split_cells(line) if c
    )


def is_marker(line: str) -> bool:
    lowered = line.lower()
    return (
        "action taken" in lowered
        or "ongoing activity" in lowered
        or is_completion(line)
        or any(RAG_CELL.match(c) for c in split_cells(line) if c)
        or bool(RAG_BOLD.search(line))
    )


def plain_heading(line: str) -> bool:
    """A line that can be an AFI heading whose number was lost: prose that asks for something."""
    return (
        bool(line.strip())
        and not BULLET_PREFIX.match(line)
        and not is_marker(line)
        and "RAG" not in line
        and "=" not in line
        and len(line.split()) >= 4
        and bool(MODAL.search(line))
    )


@dataclass
class Context:
    doc: TextDocument
    sink: Facts
    inspection: Ref
    force: Ref
    date: str
    date_line: int | None
    warnings: list[ExtractionWarning]

    @property
    def date_or_none(self) -> str | None:
        return None if self.date == "undated" else self.date
