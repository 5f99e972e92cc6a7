"""The numbered layout of committee papers: sections, and the short titles of force inspections.

Chief constables' papers number their sections ("1.", "3.", "3.2") and number
the recommendations inside a section too ("1.", "2."). :func:`find_sections`
tells them apart by sequence: a top-level number must follow the last one,
and a subsection must belong to the current section. :func:`short_title` is
how an inspection of one force is named wherever a paper mentions it, so the
vetting inspection of a force is one node whether a paper calls it "A report
into the effectiveness of vetting and counter-corruption arrangements in Kent
Police" or "the inspection of vetting and counter corruption".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oversight.loaders.toolkit.gazetteer import scanner

__all__ = ["Section", "find_sections", "strip_bodies", "TOP_HEADING"]


@dataclass
class Section:
    """A numbered section of the paper: "3" or "3.2", its heading line and body lines."""

    number: str
    heading: str
    line: int
    end: int
    parent: str = ""
    children: list[Section] = field(default_factory=list)

    @property
    def body_start(self) -> int:
        return self.line + 1


TOP_HEADING = re.compile(r"^\s*(\d{1,2})\.\s+(\S.{0,118}?)\s*$")
_SUB = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.?\s+(\S.*?)\s*$")


def find_sections(lines: list[str]) -> list[Section]:
    """The numbered top-level sections and their ``n.m`` subsections.

    A top-level number must follow the previous one (so the numbered
    recommendations inside a section are not taken for sections), and a
    subsection must belong to the current top-level section.

    >>> tops = find_sections(["1. Aims.", "x", "2. HMICFRS", "2.1 First", "1. A recommendation", "2.2 Second"])
    >>> [(s.number, [c.number for c in s.children]) for s in tops]
    [('1', []), ('2', ['2.1', '2.2'])]
    """
    tops: list[Section] = []
    for index, raw in enumerate(lines, start=1):
        sub = _SUB.match(raw)
        if sub and tops and int(sub.group(1)) == int(tops[-1].number):
            tops[-1].children.append(
                Section(
                    f"{sub.group(1)}.{sub.group(2)}",
                    sub.group(3),
                    index,
                    len(lines),
                    tops[-1].number,
                )
            )
            continue
        top = TOP_HEADING.match(raw)
        if top and ". " not in top.group(2).rstrip("."):
            number = int(top.group(1))
            expected = int(tops[-1].number) + 1 if tops else 1
            if number == expected or (not tops and number <= 2):
                tops.append(Section(str(number), top.group(2), index, len(lines)))
    for i, section in enumerate(tops):
        section.end = tops[i + 1].line - 1 if i + 1 < len(tops) else len(lines)
        for j, child in enumerate(section.children):
            child.end = (
                section.children[j + 1].line - 1 if j + 1 < len(section.children) else section.end
            )
    return tops


_LEADING_NOISE = re.compile(
    r"^(?:Super[\s-]?Complaint\s+)?(?:Publication)?\s*[-\u2013\u2014:]?\s*", re.I
)


def strip_bodies(heading: str) -> str:
    """A heading without the publishing bodies and "Publication" that open it."""
    text = heading
    while True:
        mentions = scanner("Inspectorate").find(text)
        if mentions and mentions[0].start == 0 and mentions[0].end < len(text):
            text = re.sub(r"^\s*(?:&|and|,)?\s*", "", text[mentions[0].end :])
            continue
        break
    stripped = _LEADING_NOISE.sub("", text, count=1)
    return (stripped or text).strip().rstrip(".")
