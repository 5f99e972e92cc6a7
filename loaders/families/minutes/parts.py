"""The parts of an agenda pack or a paper: agenda, minutes of a meeting, notes, papers, by their opening lines."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Part:
    """A paper within the pack: its kind and its first and last line."""

    kind: str
    start: int
    end: int


_MARKERS = [
    ("agenda", re.compile(r"^\s*AGENDA\s*$|Notice is hereby given that a meeting of", re.I)),
    ("minutes", re.compile(r"^\s*MINUTES\s+of\s+(?:a|the)\s+meeting\s+of\b", re.I)),
    ("paper", re.compile(r"^\s*To:\s+\S")),
    ("notes", re.compile(r"^\s*(?:Meeting\s+Notes|Notes\s+of\s+(?:the\s+)?meeting)\s*$", re.I)),
    ("other", re.compile(r"^\s*[A-Z][^\d\t]{0,80}\bFuture\s+work\s+programme\b", re.I)),
]


def split_parts(lines: list[str]) -> list[Part]:
    """Cut a pack into its papers at their opening lines (see the module docstring).

    >>> [(p.kind, p.start) for p in split_parts(["AGENDA", "x", "MINUTES of a meeting of the Panel", "y"])]
    [('agenda', 1), ('minutes', 3)]
    """
    starts: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        for kind, pattern in _MARKERS:
            if pattern.search(raw):
                if not (
                    starts
                    and starts[-1][1] == kind
                    and kind == "agenda"
                    and number - starts[-1][0] < 12
                ):
                    starts.append((number, kind))
                break
    if not starts or starts[0][0] > 1:
        starts.insert(0, (1, "other"))
    parts = []
    for index, (start, kind) in enumerate(starts):
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(lines)
        parts.append(Part(kind, start, end))
    return parts
