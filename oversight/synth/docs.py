"""A document being written, line by line, with the facts each line states.

A renderer appends lines and, at the line that states it, records the fact
the line states as the project's loaders would: a :class:`~oversight.loaders.models.Ref`
for each thing, relationship types and property names of the ontology. When
the document is finished its bytes are fixed, so its key (the content hash) is
known and the recorded facts become an :class:`~oversight.loaders.models.Extraction`
citing that document: the ground truth of what this document states.

>>> doc = Doc("a.txt", "minutes")
>>> line = doc.add("FIDB is chaired by the DCC")
>>> doc.edge("CHAIRED_BY", Ref.named("Board", "FIDB"), Ref.named("Post", "DCC"), line)
>>> extraction = doc.extraction()
>>> [f.type for f in extraction.facts], extraction.document.key == document_key(doc.sha256)
(['CHAIRED_BY'], True)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from typing import Any

from oversight.loaders.models import (
    DocumentRecord,
    EdgeFact,
    Evidence,
    Extraction,
    NodeFact,
    Ref,
    document_key,
)

__all__ = ["Doc", "long_date", "ordinal_date", "month_year", "numeric_date", "words", "iso", "iso_month"]

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}


def words(n: int) -> str:
    """A count in words, as papers write small numbers.

    >>> [words(n) for n in (0, 7, 19, 28, 43)]
    ['zero', 'seven', 'nineteen', 'twenty-eight', 'forty-three']
    """
    if n <= 20:
        return _NUMBER_WORDS[n]
    tens, units = divmod(n, 10)
    return _TENS[tens * 10] + (f"-{_NUMBER_WORDS[units]}" if units else "")


def iso(day: dt.date) -> str:
    return day.isoformat()


def iso_month(day: dt.date) -> str:
    return day.isoformat()[:7]


def long_date(day: dt.date) -> str:
    """ "18 April 2023"."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def ordinal_date(day: dt.date) -> str:
    """ "1st December 2021"."""
    suffix = "th" if 10 <= day.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    return f"{day.day}{suffix} {day.strftime('%B')} {day.year}"


def month_year(day: dt.date) -> str:
    """ "March 2023"."""
    return f"{day.strftime('%B')} {day.year}"


def numeric_date(day: dt.date, short_year: bool = False, doubled: bool = False) -> str:
    """ "09/08/2021", "6/9/23", or with the doubled slash conversion leaves ("22//10/21")."""
    if short_year:
        text = f"{day.day}/{day.month}/{day.year % 100:02d}"
    else:
        text = f"{day.day:02d}/{day.month:02d}/{day.year}"
    return text.replace("/", "//", 1) if doubled else text


class Doc:
    """Lines of one document and the facts they state (see the module docstring)."""

    def __init__(self, path: str, family: str) -> None:
        self.path = path
        self.family = family
        self.lines: list[str] = []
        self._facts: list[tuple[Any, ...]] = []
        self.defects: Counter[str] = Counter()

    # -- writing -------------------------------------------------------------------

    def add(self, *lines: str) -> int:
        """Append lines; returns the 1-based number of the first."""
        first = len(self.lines) + 1
        self.lines.extend(lines)
        return first

    def para(self, *lines: str) -> int:
        """Append lines followed by a blank line; returns the number of the first."""
        first = self.add(*lines)
        self.lines.append("")
        return first

    @property
    def last(self) -> int:
        return len(self.lines)

    def node(self, ref: Ref, line: int, **props: Any) -> None:
        """State node ``ref`` (with ``props``; None values are left out) at ``line``."""
        self._facts.append(("node", ref, line, {k: v for k, v in props.items() if v is not None}))

    def edge(self, type: str, source: Ref, target: Ref, line: int, **props: Any) -> None:
        """State relationship ``type`` at ``line``."""
        self._facts.append(("edge", type, source, target, line, {k: v for k, v in props.items() if v is not None}))

    def defect(self, name: str) -> None:
        """Count a conversion defect written into this document (for the manifest)."""
        self.defects[name] += 1

    # -- finishing ---------------------------------------------------------------------

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def extraction(self, title: str | None = None, date: str | None = None) -> Extraction:
        """The facts this document states, as an Extraction citing its content hash."""
        sha = self.sha256
        key = document_key(sha)
        facts: list[NodeFact | EdgeFact] = []
        for fact in self._facts:
            if fact[0] == "node":
                _, ref, line, props = fact
                facts.append(NodeFact(ref=ref, properties=props, evidence=self._evidence(key, line)))
            else:
                _, type_, source, target, line, props = fact
                facts.append(
                    EdgeFact(type=type_, source=source, target=target, properties=props, evidence=self._evidence(key, line))
                )
        record = DocumentRecord(
            key=key,
            sha256=sha,
            path=self.path,
            format="yaml" if self.path.endswith(".yaml") else "txt",
            title=title,
            date=date,
            family=self.family,
            encoding="utf-8",
            line_count=len(self.lines),
        )
        return Extraction(document=record, facts=facts)

    def _evidence(self, key: str, line: int) -> Evidence:
        quote = self.lines[line - 1] if 1 <= line <= len(self.lines) else ""
        return Evidence(document=key, line=max(1, line), quote=quote[:200])
