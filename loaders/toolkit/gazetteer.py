"""Gazetteer names in running text: inspectorates, boards, posts, forces, found longest name first.

Papers name one body in several hands ("HMICFRS", "His Majesty's Inspectorate
of Constabulary and Fire & Rescue Services"); the gazetteer (ontology) holds
every name, and :class:`NameScanner` finds them in text.

>>> [m.surface for m in scanner("Inspectorate").find("HMICFRS and HMI Prisons (HMIP) visited")]
['HMICFRS', 'HMI Prisons', 'HMIP']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from oversight.loaders.models import Ref
from oversight.ontology import normalise_label, ontology

__all__ = [
    "NameMention",
    "NameScanner",
    "scanner",
    "board_mentions",
    "read_chairs",
    "force_names",
    "force_pattern",
]


def _name_pattern(name: str) -> str:
    pattern = re.escape(name)
    pattern = re.sub(r"(?:\\ )+", r"\\s+", pattern)
    pattern = pattern.replace("'", "['\u2019]?").replace("\u2019", "['\u2019]?")
    pattern = pattern.replace("\\&", "(?:&|and)")
    if re.fullmatch(r"[A-Z&]{2,6}", name):
        return f"(?-i:{pattern})"
    return f"(?i:{pattern})"


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    surface: str
    label: str


class NameScanner:
    """Find the gazetteer names of some classes in text, longest name first.

    >>> [m.surface for m in scanner("Inspectorate").find("HMICFRS and HMI Prisons (HMIP) visited")]
    ['HMICFRS', 'HMI Prisons', 'HMIP']
    """

    def __init__(self, labels: Iterable[str]) -> None:
        onto = ontology()
        names: dict[str, str] = {}
        for label in labels:
            for entry in onto.gazetteer.entries_of(label):
                for name in entry.names:
                    if len(name) >= 2:
                        names.setdefault(name, entry.label)
        ordered = sorted(names, key=lambda n: (-len(n), n))
        self._labels = names
        self._regex = re.compile(
            r"(?<![\w&])(" + "|".join(_name_pattern(n) for n in ordered) + r")(?![\w&])"
        )

    def find(self, text: str) -> list[NameMention]:
        found = []
        for match in self._regex.finditer(text):
            surface = match.group(1)
            entry = ontology().gazetteer.lookup(surface)
            label = entry.label if entry else self._label_of(surface)
            found.append(NameMention(match.start(1), match.end(1), surface, label))
        return found

    def _label_of(self, surface: str) -> str:
        folded = normalise_label(surface)
        for name, label in self._labels.items():
            if normalise_label(name) == folded:
                return label
        return "Organisation"


@functools.lru_cache(maxsize=8)
def scanner(*labels: str) -> NameScanner:
    """A cached :class:`NameScanner` for gazetteer classes ``labels``."""
    return NameScanner(labels)


_GENERIC_BOARD = re.compile(
    r"(?<![\w&'\u2019-])((?!(?:The|A|An|This|That|Its|Our|Their|His|Her)\s)(?:[A-Z][\w'\u2019&/-]*\s+)"
    r"(?:(?:[A-Z][\w'\u2019&/-]*|and|of|&|for)\s+){0,6}"
    r"(?:Board|Committee|Panel|Forum|Group))\b"
)


def board_mentions(text: str) -> list[NameMention]:
    """Boards named in ``text``: gazetteer names first, then capitalised names ending in Board, Panel….

    An abbreviation in brackets right after the full name ("… Board (FIDB)")
    is the same board and is not listed again.

    >>> [m.surface for m in board_mentions("the Future Improvement and Development Board (FIDB) "
    ...                                     "and the VAWG Community Forum")]
    ['Future Improvement and Development Board', 'VAWG Community Forum']
    """
    found = [m for m in scanner("Board").find(text)]
    for match in _GENERIC_BOARD.finditer(text):
        start, end = match.span(1)
        if not any(m.start < end and start < m.end for m in found):
            found.append(NameMention(start, end, match.group(1), "Board"))
    found.sort(key=lambda m: m.start)
    kept: list[NameMention] = []
    for mention in found:
        if (
            kept
            and re.fullmatch(r"\s*\(", text[kept[-1].end : mention.start])
            and text[mention.end : mention.end + 1] == ")"
        ):
            continue
        kept.append(mention)
    return kept


def read_chairs(text: str) -> list[tuple[NameMention, NameMention]]:
    """Each "<board> … chaired by <post>" in ``text``, as (board, post) mentions.

    The board is the nearest one named before "chaired by"; the post must be a
    gazetteer post named right after it, so "chaired by the Chief Officer
    lead" (no such post) is passed over rather than guessed.

    >>> [(b.surface, p.surface) for b, p in read_chairs(
    ...     "monitored via FIDB chaired by the DCC and COMB chaired by the Chief Constable")]
    [('FIDB', 'DCC'), ('COMB', 'Chief Constable')]
    """
    pairs = []
    boards = board_mentions(text)
    for match in re.finditer(r"\bchaired\s+by\s+(?:the\s+)?", text, re.I):
        before = [b for b in boards if b.end <= match.start()]
        posts = [p for p in scanner("Post").find(text[match.end() :]) if p.start == 0]
        if before and posts:
            post = posts[0]
            pairs.append(
                (
                    before[-1],
                    NameMention(
                        match.end() + post.start, match.end() + post.end, post.surface, post.label
                    ),
                )
            )
    return pairs


def force_names(force: Ref | None) -> list[str]:
    """Every name of ``force`` in the gazetteer (its own name if uncatalogued)."""
    if force is None or force.name is None:
        return []
    entry = ontology().gazetteer.lookup(force.name, "Force")
    return list(entry.names) if entry else [force.name]


def force_pattern(force: Ref | None) -> str:
    """A regex fragment for the force as a paper names it: any of its names, or "the force".

    >>> bool(re.fullmatch(force_pattern(Ref.named("Force", "Kent Police")), "Kent"))
    True
    """
    names = sorted(force_names(force), key=len, reverse=True)
    alternatives = [_name_pattern(n).replace("(?-i:", "(?:") for n in names] + ["(?i:the\\s+force)"]
    return "(?:" + "|".join(alternatives) + ")"
