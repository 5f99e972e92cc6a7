"""Names of boards and posts in one line of a progress paper, as the gazetteer knows them or capitalised."""

from __future__ import annotations

import re
from dataclasses import dataclass

from oversight.loaders.toolkit.gazetteer import fold, scanner
from oversight.ontology import L, ontology

_BOARD_PHRASE = re.compile(
    r"\b((?:[A-Z][\w&'\u2019-]*\s+(?:(?:and|of|for|&)\s+)?){2,8}(?:Board|Committee|Panel|Group|Forum))\b"
)


@dataclass(frozen=True)
class Mention:
    """A name found in a line: the words as written, their span, and the class they name."""

    name: str
    start: int
    end: int
    label: str


def _gazetteer_mentions(text: str, label: str) -> list[Mention]:
    found = []
    for mention in scanner(label).find_folded(text):
        written = mention.surface
        # A one-word label ("the Panel", "Commissioner") names a body only when written as
        # an initialism or, for a post, capitalised: "the panel" in prose is no one in particular.
        if " " not in fold(written)[0]:
            if not (written.isupper() or (label == L.Post and written[:1].isupper())):
                continue
        found.append(Mention(written, mention.start, mention.end, label))
    return found


def find_boards(text: str) -> list[Mention]:
    """Boards named in one line: gazetteer names, and capitalised names ending "Board", "Panel", ….

    A capitalised name the gazetteer lacks still counts (it becomes an
    unresolved node), if it has at least two capitalised words before the
    head noun; "a further Oversight Board" is not a name.

    >>> [m.name for m in find_boards("overseen by the FIDB and the Gold Command Group")]
    ['FIDB', 'Gold Command Group']
    >>> [m.name for m in find_boards("progress is reported to the Panel")]
    []
    """
    found = _gazetteer_mentions(text, L.Board)
    for match in _BOARD_PHRASE.finditer(text):
        words = match.group(1).split()
        # Drop leading words until the rest is a known board, if some suffix is.
        for skip in range(len(words) - 1):
            candidate = " ".join(words[skip:])
            if ontology().gazetteer.lookup(candidate, L.Board):
                start = match.start(1) + match.group(1).index(candidate)
                found.append(Mention(candidate, start, start + len(candidate), L.Board))
                break
        else:
            name, start = match.group(1), match.start(1)
            if words[0] == "The":  # an article, not part of the name
                name, start = name[4:], start + 4
            found.append(Mention(name, start, match.end(1), L.Board))
    # Keep the longest of overlapping mentions, then order by position.
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            if mention.end - mention.start > kept[-1].end - kept[-1].start:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def find_posts(text: str) -> list[Mention]:
    """Posts the gazetteer knows, named in one line.

    >>> [m.name for m in find_posts("chaired by the Deputy Chief Constable and the PCC")]
    ['Deputy Chief Constable', 'PCC']
    """
    return _gazetteer_mentions(text, L.Post)
