"""Gazetteer names in running text: inspectorates, boards, posts, forces, found longest name first.

Papers name one body in several hands ("HMICFRS", "His Majesty's Inspectorate
of Constabulary and Fire & Rescue Services"); the gazetteer (ontology) holds
every name, and :class:`NameScanner` is the one engine that finds them in
text, by one of two rules:

- :meth:`NameScanner.find`, names as written: any case, any spacing, the
  apostrophe optional and "&" for "and", abbreviations ("DCC") in capitals
  only;
- :meth:`NameScanner.find_folded`, names as :func:`~oversight.ontology.normalise_label`
  folds them (case, accents, apostrophes, "&", punctuation), matched on the
  folded text and mapped back to the words as written: "Kent-Police" is
  not "Kent Police" as written, but folds to it.

Both take the longest name at the leftmost place. Measured against spaCy's
``PhraseMatcher`` on a blank English pipeline (``bench/bench_gazetteer.py``):
it scans about twice as fast but takes thirteen times as long to build, and
its tokenizer keeps names inside web and e-mail addresses whole, so it finds
fewer of them; the regular expression stays.

>>> [m.surface for m in scanner("Inspectorate").find("HMICFRS and HMI Prisons (HMIP) visited")]
['HMICFRS', 'HMI Prisons', 'HMIP']
>>> [(m.surface, m.pref_label) for m in scanner("Force").find_folded("the Kent-Police report", min_length=4)]
[('Kent-Police', 'Kent Police')]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from oversight.loaders.models import Ref
from oversight.ontology import normalise_label, ontology

__all__ = [
    "NameMention",
    "NameScanner",
    "scanner",
    "fold",
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
    """A gazetteer name found in text: its span, the words as written, and the class they name.

    ``pref_label`` is the matched entry's preferred label, where the rule
    knows it (folded matches).
    """

    start: int
    end: int
    surface: str
    label: str
    pref_label: str | None = None


_APOSTROPHES = "'\u2019\u2018`\u00b4"


def fold(text: str) -> tuple[str, list[int]]:
    """Fold text as :func:`~oversight.ontology.normalise_label` folds a name, keeping each character's source index.

    >>> fold("Chief-Constable's")
    ('chief constables', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16])
    """
    out: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        if char in _APOSTROPHES:
            continue
        if char == "&":
            piece = " and "
        elif char.isascii():
            piece = char.lower()
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            piece = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        for c in piece:
            c = c if c.isalnum() else " "
            if c == " " and (not out or out[-1] == " "):
                continue
            out.append(c)
            index.append(position)
    return "".join(out), index


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
        #: Every name folded, to the class and preferred label of the entry it names.
        self._folded: dict[str, tuple[str, str]] = {}
        for label in labels:
            for entry in onto.gazetteer.entries_of(label):
                for name in entry.names:
                    folded = normalise_label(name)
                    if folded:
                        self._folded[folded] = (label, entry.pref_label)
        self._folded_regex: dict[int, re.Pattern[str]] = {}

    def find_folded(self, text: str, min_length: int = 1) -> list[NameMention]:
        """Names matched on ``text`` folded, each with the words as written; names folding shorter than ``min_length`` are left out."""
        regex = self._folded_regex.get(min_length)
        if regex is None:
            ordered = sorted((n for n in self._folded if len(n) >= min_length), key=len, reverse=True)
            regex = re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(n) for n in ordered) + r")(?![a-z0-9])")
            self._folded_regex[min_length] = regex
        folded, index = fold(text)
        found = []
        for match in regex.finditer(folded):
            start, end = index[match.start()], index[match.end() - 1] + 1
            label, name = self._folded[match.group(1)]
            found.append(NameMention(start, end, text[start:end], label, name))
        return found

    def find(self, text: str) -> list[NameMention]:
        """Names as written in ``text``, longest first, in order."""
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
