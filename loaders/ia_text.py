"""Text helpers shared by the inspections-and-audits and minutes extractors.

Committee papers are exported from Word and PDF with page furniture between
the lines ("Item 4", "Page 17"), sentences broken across page breaks, and the
same body named in several hands ("HMICFRS", "His Majesty's Inspectorate of
Constabulary and Fire & Rescue Services"). The helpers here absorb that once:

- :class:`Facts` collects facts and warnings for one document and drops empty
  values, so extractors state only what the paper gives.
- :func:`paragraphs` joins a paragraph split by a page break and maps every
  sentence back to the raw lines it came from, so evidence quotes are always
  found in the cited lines.
- :class:`NameScanner` finds gazetteer names (inspectorates, boards, posts) in
  running text, longest name first.
- :func:`read_counts`, :func:`read_force_inspected`, :func:`inspection_kind`
  and :func:`read_published` read what a paper says about a publication; the
  minutes extractor uses them too, for the inspections a board discussed.

>>> paras = paragraphs(["The report makes", "Item 4", "fourteen recommendations."], 1, 3)
>>> paras[0].text
'The report makes fourteen recommendations.'
>>> read_counts("The report makes fourteen recommendations, all for other agencies.")
{'recommendationCount': 14, 'chiefConstableRecommendationCount': 0}
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from oversight.loaders import common
from oversight.loaders.models import (
    EdgeFact,
    Evidence,
    ExtractionWarning,
    NodeFact,
    Ref,
    TextDocument,
)
from oversight.loaders.textparse import NUMBER_PATTERN, find_dates, parse_number
from oversight.ontology import normalise_label, ontology

__all__ = [
    "Facts",
    "Para",
    "is_noise",
    "paragraphs",
    "sentence_spans",
    "NameScanner",
    "scanner",
    "force_names",
    "force_pattern",
    "read_counts",
    "read_force_inspected",
    "inspection_kind",
    "read_published",
    "status_for",
    "outcome_for",
    "clean_cell",
    "board_mentions",
    "read_chairs",
    "NUM",
]

#: One count in digits or words, as a named-group-free fragment.
NUM = NUMBER_PATTERN


# --------------------------------------------------------------------------
# Collecting facts
# --------------------------------------------------------------------------


class Facts:
    """The facts and warnings one extractor states about one document.

    Properties whose value is None are dropped, so a rule can pass what it
    found without testing each value; ``missing`` lists are kept sorted.
    """

    def __init__(self, doc: TextDocument) -> None:
        self.doc = doc
        #: Key part of the paper's dated statements (its date once known); see common.paper_stamp.
        self.stamp = common.paper_stamp(doc, None)
        #: The paper's date, stated or deduced, once known; see :meth:`dated`.
        self.date: common.PaperDate | None = None
        self.facts: list[NodeFact | EdgeFact] = []
        self.warnings: list[ExtractionWarning] = []

    def date_paper(self, date: common.PaperDate | None) -> None:
        """Date the paper's statements by ``date``, stated or deduced (None: left undated)."""
        self.date = date
        self.stamp = common.paper_stamp(self.doc, date.iso if date else None)

    def dated(self, props: dict[str, object] | None = None, undated: bool = True) -> dict[str, object]:
        """``props`` plus the date of a statement made as of the paper's date.

        The date (with why, when deduced from the paper's period), or
        ``missing: ["date"]`` when the paper gives neither date nor period
        (nothing when ``undated`` is False). Lists (``deduced``, ``missing``)
        already in ``props`` are extended, not replaced.
        """
        merged: dict[str, object] = dict(props or {})
        extra = self.date.props() if self.date else ({"missing": ["date"]} if undated else {})
        for name, value in extra.items():
            before = merged.get(name)
            merged[name] = [*before, *value] if isinstance(before, list) and isinstance(value, list) else value
        return merged

    def evidence(
        self, line: int, end_line: int | None = None, quote: str | None = None
    ) -> Evidence:
        return self.doc.evidence(line, end_line, quote)

    def node(self, ref: Ref, evidence: Evidence, **props: object) -> Ref:
        """State node ``ref`` with ``props`` at ``evidence``; returns the ref for chaining."""
        clean = {k: v for k, v in props.items() if v is not None and v != []}
        missing = clean.get("missing")
        if isinstance(missing, list):
            clean["missing"] = sorted(set(missing))
        self.facts.append(NodeFact(ref=ref, properties=clean, evidence=evidence))  # type: ignore[arg-type]
        return ref

    def edge(
        self, type: str, source: Ref, target: Ref, evidence: Evidence, **props: object
    ) -> None:
        """State relationship ``type`` from ``source`` to ``target`` at ``evidence``."""
        clean = {k: v for k, v in props.items() if v is not None}
        self.facts.append(
            EdgeFact(type=type, source=source, target=target, properties=clean, evidence=evidence)  # type: ignore[arg-type]
        )

    def warn(self, message: str, line: int | None = None) -> None:
        self.warnings.append(self.doc.warning(message, line))


# --------------------------------------------------------------------------
# Lines, paragraphs, sentences
# --------------------------------------------------------------------------

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


def clean_cell(text: str) -> str:
    """A table cell or heading without markup (``**``, ``<u>``), bookmarks and spare spaces."""
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)
    text = re.sub(r"</?u>|\*\*?", "", text)
    return " ".join(text.split())


# --------------------------------------------------------------------------
# Gazetteer names in running text
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# What a paper says about a publication
# --------------------------------------------------------------------------

_CC = r"chief\s+constables?"
_RECS = r"(?:overarching\s+|further\s+)?recommendations?"
_COUNT_RULES: list[tuple[str, re.Pattern[str]]] = [
    # "thirteen recommendations, seven of which are for Chief Constables"
    (
        "both",
        re.compile(
            rf"(?P<n>{NUM})\s+{_RECS},?\s+(?P<c>{NUM})\s+of\s+which\s+(?:are|were)\s+(?:directly\s+)?for\s+{_CC}",
            re.I,
        ),
    ),
    # "43 recommendations with 28 for Chief Constables"
    (
        "both",
        re.compile(
            rf"(?P<n>{NUM})\s+{_RECS},?\s+with\s+(?P<c>{NUM})\s+(?:of\s+them\s+)?for\s+{_CC}", re.I
        ),
    ),
    # "fourteen recommendations, all for leads within other agencies"
    (
        "none",
        re.compile(
            rf"(?P<n>{NUM})\s+{_RECS},?\s+all\s+(?:of\s+which\s+are\s+)?for\s+(?!{_CC})", re.I
        ),
    ),
    # "three recommendations for the attention of Chief Constables"
    ("all", re.compile(rf"(?P<n>{NUM})\s+{_RECS}\s+for\s+(?:the\s+attention\s+of\s+)?{_CC}", re.I)),
    # "three recommendations were for Chief Constables"
    (
        "cc",
        re.compile(rf"(?P<c>{NUM})\s+{_RECS}\s+(?:are|were)\s+(?:directly\s+)?for\s+{_CC}", re.I),
    ),
    # "six of the recommendations are for Chief Constables", "Five of these were for ..."
    (
        "cc",
        re.compile(
            rf"(?P<c>{NUM})\s+of\s+(?:these|them|the\s+{_RECS})\s+(?:are|were)\s+(?:directly\s+)?for\s+{_CC}",
            re.I,
        ),
    ),
    # "Chief Constables are responsible for two recommendations"
    ("cc", re.compile(rf"{_CC}\s+are\s+responsible\s+for\s+(?P<c>{NUM})\s+{_RECS}", re.I)),
    # "None of the recommendations are directly for Chief Constables"
    (
        "zero",
        re.compile(
            rf"none\s+of\s+the\s+{_RECS}\s+(?:are|were)\s+(?:directly\s+)?for\s+{_CC}", re.I
        ),
    ),
    # "There are no recommendations made in this report"
    (
        "no",
        re.compile(
            rf"\bno\s+{_RECS}\s+(?:are\s+|were\s+)?(?:made|in\s+this|set)"
            rf"|\b(?:makes?|made|sets?\s+out|contains?|gives?)\s+no\s+{_RECS}\b",
            re.I,
        ),
    ),
]
_TOTAL = re.compile(rf"(?P<n>{NUM})\s+{_RECS}\b", re.I)
_ACTIONS = re.compile(rf"(?P<n>{NUM})\s+actions\b", re.I)
_AFIS = re.compile(rf"(?P<n>{NUM})\s+(?:areas?\s+for\s+improvement|AFIs?)\b", re.I)
_BOTH_AFIS = re.compile(r"\bthe\s+AFIs\b[^.]*\bboth\b", re.I)


def read_counts(sentence: str) -> dict[str, int]:
    """The counts of findings one sentence states about the report it describes.

    Returns ``recommendationCount``, ``chiefConstableRecommendationCount``,
    ``actionCount`` and ``afiCount`` as far as the sentence gives them.
    Numbers in words are read with :func:`~oversight.loaders.textparse.parse_number`.

    >>> read_counts("In total two actions and six recommendations were made; "
    ...             "three recommendations were for Chief Constables.")
    {'chiefConstableRecommendationCount': 3, 'recommendationCount': 6, 'actionCount': 2}
    >>> read_counts("HMICFRS made nine recommendations and one area for improvement. "
    ...             "Five of these were for Chief Constables")
    {'chiefConstableRecommendationCount': 5, 'recommendationCount': 9, 'afiCount': 1}
    """
    counts: dict[str, int | None] = {}  # None: a number the words did not give
    masked = sentence
    for kind, pattern in _COUNT_RULES:
        for match in pattern.finditer(masked):
            groups = match.groupdict()
            total = parse_number(groups["n"]) if groups.get("n") else None
            chief = parse_number(groups["c"]) if groups.get("c") else None
            if kind == "both":
                counts.setdefault("recommendationCount", total)
                counts.setdefault("chiefConstableRecommendationCount", chief)
            elif kind == "none":
                counts.setdefault("recommendationCount", total)
                counts.setdefault("chiefConstableRecommendationCount", 0)
            elif kind == "all":
                counts.setdefault("recommendationCount", total)
                counts.setdefault("chiefConstableRecommendationCount", total)
            elif kind == "cc":
                counts.setdefault("chiefConstableRecommendationCount", chief)
            elif kind == "zero":
                counts.setdefault("chiefConstableRecommendationCount", 0)
            elif kind == "no":
                counts.setdefault("recommendationCount", 0)
                counts.setdefault("chiefConstableRecommendationCount", 0)
            masked = (
                masked[: match.start()]
                + " " * (match.end() - match.start())
                + masked[match.end() :]
            )
    if "recommendationCount" not in counts:
        found = _TOTAL.search(masked)
        if found:
            counts["recommendationCount"] = parse_number(found.group("n"))
    if re.search(r"recommendation", sentence, re.I):
        found = _ACTIONS.search(masked)
        if found:
            counts["actionCount"] = parse_number(found.group("n"))
    found = _AFIS.search(masked)
    if found:
        counts["afiCount"] = parse_number(found.group("n"))
    elif _BOTH_AFIS.search(sentence):
        counts["afiCount"] = 2
    return {k: v for k, v in counts.items() if v is not None}


def read_force_inspected(text: str, force: Ref | None) -> tuple[bool, int, int] | None:
    """Whether ``text`` says the force was inspected: (answer, start, end of the words).

    The first statement wins: "Kent were not inspected", "Kent was not an
    involved force", "Kent was not subject of inspection" say no; "Kent were
    one of nineteen forces visited", "Kent Police were chosen as one of the
    forces" say yes.

    >>> kent = Ref.named("Force", "Kent Police")
    >>> read_force_inspected("It visited six forces. Kent was not inspected.", kent)[0]
    False
    >>> read_force_inspected("Kent were one of nineteen forces visited.", kent)[0]
    True
    """
    forces = force_pattern(force)
    negative = re.compile(
        rf"\b{forces}\s+(?:was|were|is|are|will)\s+not\s+(?:be\s+)?(?:an?\s+)?"
        r"(?:inspected|visited|reviewed|involved|included|subject\s+(?:of|to)\s+(?:the\s+)?inspection)",
        re.I,
    )
    positive = re.compile(
        rf"\b{forces}\s+(?:was|were)\s+(?:(?:chosen\s+as\s+)?one\s+of\s+(?:the\s+)?(?:{NUM}\s+)?"
        r"(?:police\s+)?forces|inspected\b|visited\b)",
        re.I,
    )
    found = []
    for answer, pattern in ((False, negative), (True, positive)):
        match = pattern.search(text)
        if match:
            found.append((match.start(), answer, match.end()))
    if not found:
        return None
    start, answer, end = min(found)
    return answer, start, end


_KIND_RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("peel", re.compile(r"\bPEEL\b"), "heading"),
    ("super-complaint", re.compile(r"super[\s-]?complaint", re.I), "any"),
    ("post-inspection-review", re.compile(r"post[\s-]inspection\s+review", re.I), "any"),
    ("custody-inspection", re.compile(r"\bcustody\b", re.I), "heading"),
    (
        "annual-assessment",
        re.compile(r"state\s+of\s+policing|annual\s+assessment", re.I),
        "heading",
    ),
    ("interim-update", re.compile(r"\binterim\b", re.I), "heading"),
    ("independent-review", re.compile(r"\bindependent\s+review\b", re.I), "heading"),
    ("joint-thematic", re.compile(r"\bjoint\s+(?:thematic|inspection)\b", re.I), "any"),
    ("thematic", re.compile(r"\bthematic\b", re.I), "any"),
    (
        "thematic",
        re.compile(
            rf"(?:{NUM})\s+(?:police\s+)?forces\b(?:\s+\w+){{0,2}}\s*(?:visited|inspected)|"
            rf"(?:within|in|visited|inspected)\s+(?:{NUM})\s+(?:police\s+)?forces",
            re.I,
        ),
        "any",
    ),
]


def inspection_kind(heading: str, text: str) -> str:
    """The kind of inspection (a notation of ov:InspectionKinds) a heading and its text describe.

    >>> inspection_kind("Review of policing domestic abuse", "HMICFRS published their national thematic report")
    'thematic'
    >>> inspection_kind("Report on the X super-complaint", "a joint inspection")
    'super-complaint'
    """
    for kind, pattern, where in _KIND_RULES:
        if pattern.search(heading) or (where == "any" and pattern.search(text)):
            return kind
    return "inspection"


_EARLIER = re.compile(r"\b(?:initial|original|previous|earlier|interim|last)\b[^.]{0,80}$", re.I)
_PUBLISHED = re.compile(r"\bpublish(?:ed|es)\b|\bpublication\b", re.I)


def read_published(sentence: str) -> tuple[str, int, int] | None:
    """The publication date a sentence gives the report it describes: (ISO, start, end).

    "On 23rd June 2021 HMICFRS published …" gives the date that opens the
    sentence; "The findings … were published on … 26th May 2021" the first
    date after "published"; a date given to an *earlier* report ("their
    initial report … published in April 2019") is not this report's. A
    "letter dated 10 January 2024" dates an interim update.

    >>> read_published("On 5th August 2021 HMICFRS published a review of their initial report published in April 2019.")[0]
    '2021-08-05'
    >>> read_published("The findings were published on the website on 26th May 2021.")[0]
    '2021-05-26'
    """
    dates = find_dates(sentence)
    if not dates:
        return None
    letter = re.search(r"\bletter\s+dated\s+", sentence, re.I)
    if letter:
        for start, end, iso in dates:
            if start >= letter.end() and start - letter.end() < 3:
                return iso, start, end
    published = _PUBLISHED.search(sentence)
    if published is None or re.search(
        r"\b(?:will|to)\s+be\s+published\b|\bdue\s+to\s+be\b", sentence, re.I
    ):
        return None
    opening = re.match(r"\s*(?:On|In)\s+", sentence)
    if opening:
        start, end, iso = dates[0]
        if start == opening.end() and start < published.start():
            return iso, start, end
    for start, end, iso in dates:
        if start > published.start() and not _EARLIER.search(sentence[:start]):
            return iso, start, end
    return None


_STATUS_WORDS: list[tuple[str, str]] = [
    (r"supersed", "superseded"),
    (r"carr(?:y|ied|ies)\b[^.]{0,40}\b(?:across|forward|over)", "carried-forward"),
    (r"discharg", "discharged"),
    (r"\bclos(?:e|ed|ing)\b", "closed"),
    (r"remains?\s+ongoing|\bongoing\b|in\s+progress|\bprogressed\b", "in-progress"),
    (r"remains?\s+open|\bopen\b", "open"),
    (r"\bcomplete(?:d)?\b", "completed"),
]


def outcome_for(text: str) -> str | None:
    """The finding status (ov:FindingStatuses notation) a statement reports, strongest first.

    >>> [outcome_for(t) for t in ("four have been superseded", "have been addressed and closed",
    ...                           "This AFI remains ongoing", "the force will carry this across")]
    ['superseded', 'closed', 'in-progress', 'carried-forward']
    """
    for pattern, status in _STATUS_WORDS:
        if re.search(pattern, text, re.I):
            return status
    return None


def status_for(text: str) -> str | None:
    """A status cell ("Open", "Completed") as a ov:FindingStatuses notation."""
    notation = ontology().vocabulary("FindingStatuses").notation_for(text.strip())
    return notation or outcome_for(text)
