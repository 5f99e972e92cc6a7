"""Small text helpers of the statement layer: sentences of a line, bullets, name patterns.

Every pattern here is bounded (no nested unbounded repetition), so each runs
in time linear in the line it reads.

>>> [s for _, _, s in sentences("The force is good. It should improve; really.")]
['The force is good.', 'It should improve; really.']
>>> bullet("  \u2022 review how it manages crimes;")
'review how it manages crimes;'
>>> bullet("The force should:") is None
True
"""

from __future__ import annotations

import functools
import re

from oversight.ontology import ontology

__all__ = ["sentences", "bullet", "BULLET", "name_pattern", "force_pattern", "inspectorate_pattern", "clean"]

#: A bullet mark at the start of a line: •, ·, ◦, ▪, -, *, or "1." / "(i)" / "a)".
BULLET = re.compile(r"^\s{0,12}(?:[\u2022\u00b7\u25e6\u25aa\u2023\u2043*-]|\(?[ivx]{1,4}\)|\(?[a-h]\)|\d{1,2}[.)])\s{1,12}(?=\S)")
_SENTENCE_END = re.compile(r"(?<=[.;!?])[\"'\u2019\u201d)]{0,2}\s{1,8}(?=[\"'\u2018\u201c(]?[A-Z\u2022\u00b7])")


def sentences(line: str) -> list[tuple[int, int, str]]:
    """The sentences of one line, as ``(start, end, text)``; a line without a full stop is one sentence."""
    out = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        text = line[start : match.start()].strip()
        if text:
            out.append((start, match.start(), text))
        start = match.end()
    text = line[start:].strip()
    if text:
        out.append((start, len(line), text))
    return out


def bullet(line: str) -> str | None:
    """The text of a bulleted line without its mark, or None if the line is not a bullet."""
    match = BULLET.match(line)
    return line[match.end() :].strip() if match else None


def clean(text: str) -> str:
    """Whitespace collapsed, bullet marks and trailing separators dropped."""
    return " ".join(text.split()).strip(" ;,\u2022\u00b7\u25e6")


def name_pattern(name: str) -> str:
    """A regex for a name whatever its spacing, hyphens and apostrophes ("Dyfed-Powys" = "Dyfed Powys")."""
    words = re.findall(r"[A-Za-z0-9&]+", name)
    return r"[\s\-\u2010-\u2015'\u2019]{1,3}".join(re.escape(w) for w in words)


@functools.lru_cache(maxsize=1)
def force_pattern() -> re.Pattern[str]:
    """Every name of every force in the gazetteer, longest first, as one case-insensitive pattern."""
    names = {n for e in ontology().gazetteer.entries_of("Force") for n in e.names if len(n) >= 4}
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(name_pattern(n) for n in ordered) + r")(?![\w-])", re.I)


@functools.lru_cache(maxsize=1)
def inspectorate_pattern() -> re.Pattern[str]:
    """Every name of the gazetteer's inspectorates; abbreviations match in capitals only."""
    long_names: set[str] = set()
    short: set[str] = set()
    for entry in ontology().gazetteer.entries_of("Inspectorate"):
        for name in entry.names:
            (short if name.isupper() or len(name) <= 5 else long_names).add(name)
    alternatives = [f"(?i:{name_pattern(n)})" for n in sorted(long_names, key=len, reverse=True)]
    alternatives += [re.escape(n) for n in sorted(short, key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
