"""Extract a progress paper on a PEEL inspection's areas for improvement (AFIs).

A commissioner's paper to the Police and Crime Panel (or a force's paper to
a board) reports how the force is addressing the AFIs of one PEEL round. Its
front part names the inspection ("On 28 April 2022, HMICFRS published PEEL
2021/22 An Inspection of <force>"), tabulates the graded judgements (one column
per grade), states totals ("five AFIs as green", "14 AFIs as amber … seven
anticipated for completion by the end of March 2023") and names the boards that
govern the work. An appendix then takes each AFI in turn: a numbered heading,
a RAG rating, "Action Taken" and "Ongoing Activity" columns, and an
"Anticipated completion date" or "Completed".

Papers converted from Word tables to text arrive damaged, and the rules here
are written for the damage rather than for one paper:

- A heading may lose its number (recovered from its place in the sequence,
  ``numberMissing``) or vanish whole, leaving its body between two AFIs (the
  number is deduced from the gap, the text is recorded as ``missing``).
- A RAG word may sit on its own line, in a table cell, in bold inside a
  run-on line, or at the end of the heading.
- The two columns may be interleaved on one line; text is assigned to a
  column only where the cell positions say which it is, else kept whole as
  ``progressText``. An anticipated completion may be buried in a run-on line.
- A RAG missing from the paper is deduced from the paper's own totals when
  they leave exactly one possibility (``deduced``, ``deducedFrom``), never
  otherwise; an anticipated completion missing is recorded as missing, even
  when totals by month exist (they cannot say which AFI is which).
- Boards are linked to AFIs (``OVERSEEN_BY``) only where the text says the
  AFIs' governance, oversight, monitoring or scrutiny runs through the board;
  a board merely named gets its node and its citation.

>>> text = '''Subject: PEEL 2021/22 update
... Date: 18 April 2023
... On 28 April 2022, HMICFRS published PEEL 2021/22 An Inspection of Kent Police.
... 1. The Force should answer calls promptly
... Amber
... Action Taken
... - More call handlers recruited
... Anticipated completion date \u2013 May 2023
... '''
>>> extraction = PeelProgressExtractor().extract(TextDocument.from_text(text))
>>> status = [f.properties for f in extraction.facts if f.kind == "node" and "rag" in f.properties]
>>> status[0]["rag"], extraction.document.date
('amber', '2023-04-18')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from oversight.loaders.models import Extraction, ExtractionWarning, Ref, TextDocument
from oversight.loaders.toolkit import naming, textparse
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.naming import grade_scale
from oversight.ontology import L, R, normalise_label, ontology

__all__ = ["PeelProgressExtractor", "Mention", "find_boards", "find_posts"]

_N = textparse.NUMBER_PATTERN
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)

#: The most rows one graded area's name wraps over in a judgement grid.
_MAX_NAME_ROWS = 6

_HEADING = re.compile(
    r"^\s*(?:AFI\s*(?P<afi>\d{1,3})\s*[.:\-\u2013]|(?P<n>\d{1,3})\.(?!\d))\s*(?P<text>\S.*)$"
)
_RAG_CELL = re.compile(
    r"^[\W_]*(?:RAG(?:\s+status)?\s*[:\-\u2013]\s*)?(Red|Amber|Green)[\W_]*$", re.IGNORECASE
)
_RAG_BOLD = re.compile(r"\*\*\s*(Red|Amber|Green)\s*\*\*")
_RAG_TRAILING = re.compile(r"\s(Red|Amber|Green)\W*$")
_HEADER_PREFIX = re.compile(
    r"^[\W_]*(?P<a>Action\s+Taken)?[\s*]*(?P<o>O\w?ngoing\s+Activity)?[\s*:]*", re.IGNORECASE
)
_HEADER_COLLAPSED = re.compile(r"(actiontaken)?(o[a-z]?ngoingactivity)?")
_HEADER_INLINE = re.compile(
    r"[\s*]*\b(Action\s+Taken)\b(\s+Ongoing\s+Activity)?[\s*]*|[\s*]*\b(Ongoing\s+Activity)\b[\s*]*"
)
_ANTICIPATED = re.compile(r"Anticipated\s+completion(?:\s+date)?", re.IGNORECASE)
_COMPLETED_CELL = re.compile(r"^(?:Status\s*[:\-\u2013]\s*)?Complete(?:d)?\W*$", re.IGNORECASE)
_LINKED = re.compile(
    r"\(?\s*Linked\s+(?:to|with)\s+AFIs?\s*((?:\d{1,3}\s*(?:,|and|&)?\s*){1,20})\)?", re.IGNORECASE
)
_MODAL = re.compile(
    r"\b(?:should|needs?\s+to|must|is\s+failing|has\s+to|ought|requires?)\b", re.IGNORECASE
)
_BULLET_PREFIX = re.compile(r"^[\s\u2022\u25cf\u25aa\-\u2013_*]+")
_INLINE_BULLET = re.compile(r"\s+[\u2022\u25cf\u25aa]\s+")
_DATE_LINE = re.compile(r"^\s*Date\s*:\s*(.+?)\s*$", re.IGNORECASE)
_SUBJECT_LINE = re.compile(r"^\s*(?:Subject|Title)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_PUBLISHED = re.compile(
    r"\bpublished\s+(?:its\s+|their\s+|the\s+)?(PEEL\b.*?)\s*\.?\s*$", re.IGNORECASE
)
_AFI_WORDS = r"(?:AFIs?|areas?\s+for\s+improvement)"
_TOTAL = re.compile(rf"\b(?:the|all)\s+({_N})\s+{_AFI_WORDS}", re.IGNORECASE)
_RAG_COUNT = re.compile(
    rf"({_N})\s+{_AFI_WORDS}\s+(?:(?:are|were|is|as|rated|assessed\s+as)\s+){{0,3}}(green|amber|red)\b",
    re.IGNORECASE,
)
_WINDOW = re.compile(
    rf"({_N})\s+(?:(?:are|is)\s+)?(?:(?:anticipated|expected|due|planned)\s+(?:for\s+)?"
    rf"(?:completion|to\s+complete|to\s+be\s+completed)\s+)?"
    rf"(?:(?P<by>by\s+(?:the\s+end\s+of\s+)?{_MONTH}\s+\d{{4}})"
    rf"|(?P<between>between\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{4}}))?\s+and\s+{_MONTH}\s+\d{{4}})"
    rf"|(?P<in>(?:in|during)\s+{_MONTH}\s+\d{{4}}))",
    re.IGNORECASE,
)
_WINDOW_ANCHOR = re.compile(
    r"\b(?:anticipated|expected|due|planned)\s+(?:for\s+)?complet", re.IGNORECASE
)
_GRADED_COUNT = re.compile(rf"graded\s+judgements?\s+(?:on|in|for)\s+({_N})\b", re.IGNORECASE)
_OVERSIGHT_BEFORE = re.compile(
    r"\b(?:governance|governed|oversight|overseen|oversees|oversee|monitor\w*|scrutin[iy]\w*)\b"
    r"[^.;\u2022]{0,50}?\b(?:through|at|by|via)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CHAIRED_AFTER = re.compile(
    # an abbreviation in brackets may sit between the board and "chaired by": "Board (FIDB) chaired by"
    r"^\s*(?:\(\s*[A-Z][A-Za-z&]{1,9}\s*\)\s*)?,?\s*\(?\s*(?:which\s+is\s+|that\s+is\s+|and\s+is\s+|is\s+)?chaired\s+by\s+",
    re.IGNORECASE,
)
_CHAIRED_MEETING = re.compile(
    r"\b(?:the\s+)?(?:meeting|board|committee|panel)\s+is\s+chaired\s+by\s+", re.IGNORECASE
)
_HELD_BEFORE = re.compile(
    r"\s+(?:has\s+)?(?:held|holds|convened|convenes)\s+(?:an?\s+|the\s+)?(?:[a-z][a-z-]*\s+)?$"
)
_TO_ACCOUNT = re.compile(r"\bhold(?:s|ing)?\s+(?:the\s+)?", re.IGNORECASE)
_ACCOUNT_VIA = re.compile(
    r"\s+(?:through|via|at|by\s+means\s+of)\s+(?:(?:his|her|their|its|the)\s+)?(?:[a-z][a-z-]*\s+)?"
)
#: "following each board an update is also provided to the <post>": the board reports to that post.
_UPDATE_AFTER_BOARD = re.compile(
    r"\b(?:following|after)\s+(?:each|every)\s+(?:board|meeting)\b[^.;]{0,40}?\b(?:update|report)s?\b"
    r"[^.;]{0,30}?\b(?:provided|given|sent|submitted|made)\s+to\s+",
    re.IGNORECASE,
)
#: The paper's addressee in its header ("To: Kent and Medway Police and Crime Panel").
_ADDRESSED_TO = re.compile(r"^\s*To\s*:\s*", re.IGNORECASE)
#: "this paper … outlines how the <post> is holding …": the paper reports the holder's work to its addressee.
_THIS_PAPER = re.compile(r"\b(?:this|the)\s+(?:paper|report)\b", re.IGNORECASE)
_BOARD_PHRASE = re.compile(
    r"\b((?:[A-Z][\w&'\u2019-]*\s+(?:(?:and|of|for|&)\s+)?){2,8}(?:Board|Committee|Panel|Group|Forum))\b"
)


# ---------------------------------------------------------------------------
# Names of boards and posts in running text
# ---------------------------------------------------------------------------

_APOSTROPHES = "'\u2019\u2018`\u00b4"


def _fold(text: str) -> tuple[str, list[int]]:
    """Fold text as ``normalise_label`` does, keeping each folded character's source index."""
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


@dataclass(frozen=True)
class Mention:
    """A name found in a line: the words as written, their span, and the class they name."""

    name: str
    start: int
    end: int
    label: str


@functools.lru_cache(maxsize=4)
def _pattern(label: str) -> re.Pattern[str]:
    names = {normalise_label(n) for e in ontology().gazetteer.entries_of(label) for n in e.names}
    ordered = sorted((n for n in names if n), key=len, reverse=True)
    return re.compile(
        r"(?<![a-z0-9])(" + "|".join(re.escape(n) for n in ordered) + r")(?![a-z0-9])"
    )


def _gazetteer_mentions(text: str, label: str) -> list[Mention]:
    folded, index = _fold(text)
    found = []
    for match in _pattern(label).finditer(folded):
        start, end = index[match.start()], index[match.end() - 1] + 1
        written = text[start:end]
        # A one-word label ("the Panel", "Commissioner") names a body only when written as
        # an initialism or, for a post, capitalised: "the panel" in prose is no one in particular.
        if " " not in match.group(1):
            if not (written.isupper() or (label == L.Post and written[:1].isupper())):
                continue
        found.append(Mention(written, start, end, label))
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


# ---------------------------------------------------------------------------
# The AFI appendix
# ---------------------------------------------------------------------------


@dataclass
class _Column:
    items: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def add(self, text: str, line: int) -> None:
        for piece in _INLINE_BULLET.split(text):
            bulleted = (
                bool(_BULLET_PREFIX.match(piece))
                and piece.strip()[:1] in "\u2022\u25cf\u25aa-\u2013"
            )
            piece = " ".join(_BULLET_PREFIX.sub("", piece).replace("**", "").split())
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
class _Afi:
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
    actions: _Column = field(default_factory=_Column)
    ongoing: _Column = field(default_factory=_Column)
    unsorted: _Column = field(default_factory=_Column)
    links: list[int] = field(default_factory=list)
    heading_split: bool = False
    mixed_lines: list[int] = field(default_factory=list)
    deduced_rag: str | None = None

    def set_rag(self, word: str, line: int) -> None:
        if self.rag is None:
            self.rag = ontology().vocabulary("RAG").notation_for(word)
            self.rag_line = line


def _previous_nonblank(doc: TextDocument, lines: list[int], k: int) -> list[int]:
    """The index in ``lines`` of the last non-blank line before index ``k``, as a list of 0 or 1."""
    for j in range(k - 1, -1, -1):
        if doc.line(lines[j]).strip():
            return [j]
    return []


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def _has_text(cell: str) -> bool:
    return bool(re.search(r"[A-Za-z0-9]", cell))


def _header_mode(line: str) -> tuple[str | None, bool]:
    """The column(s) a header-only line opens, and whether its cells give column positions."""
    cells = [c for c in _cells(line) if _has_text(c)]
    collapsed = re.sub(r"[\W_]+", "", line).lower()
    if not collapsed or not _HEADER_COLLAPSED.fullmatch(collapsed):
        return None, False
    action = collapsed.startswith("actiontaken")
    ongoing = "ngoingactivity" in collapsed
    mode = "both" if action and ongoing else ("actions" if action else "ongoing")
    positional = mode == "both" and [c.lower() for c in cells] == [
        "action taken",
        "ongoing activity",
    ]
    return mode, positional


def _is_completion(line: str) -> bool:
    return bool(_ANTICIPATED.search(line)) or any(
        _COMPLETED_CELL.match(c) for c in _cells(line) if c
    )


def _is_marker(line: str) -> bool:
    lowered = line.lower()
    return (
        "action taken" in lowered
        or "ongoing activity" in lowered
        or _is_completion(line)
        or any(_RAG_CELL.match(c) for c in _cells(line) if c)
        or bool(_RAG_BOLD.search(line))
    )


def _plain_heading(line: str) -> bool:
    """A line that can be an AFI heading whose number was lost: prose that asks for something."""
    return (
        bool(line.strip())
        and not _BULLET_PREFIX.match(line)
        and not _is_marker(line)
        and "RAG" not in line
        and "=" not in line
        and len(line.split()) >= 4
        and bool(_MODAL.search(line))
    )


class PeelProgressExtractor:
    """Extractor for AFI progress papers on a PEEL inspection (family ``peel-progress``)."""

    family = "peel-progress"

    # -- detection -------------------------------------------------------------

    def detect(self, doc: TextDocument) -> float:
        """How sure this is an AFI progress paper: per-AFI progress columns and completion lines.

        Papers that only discuss AFIs (an inspections paper, minutes of the
        panel that received the update) lack the per-AFI "Action Taken" /
        "Anticipated completion date" apparatus.
        """
        anticipated = sum(1 for line in doc.lines if _ANTICIPATED.search(line))
        headers = sum(
            1 for line in doc.lines if re.search(r"action\s+taken|ongoing\s+activity", line, re.I)
        )
        rag = sum(1 for line in doc.lines for c in _cells(line) if c and _RAG_CELL.match(c))
        text = doc.text
        score = 0.0
        score += 0.35 if anticipated >= 2 else (0.15 if anticipated == 1 else 0.0)
        score += 0.25 if headers >= 2 else 0.0
        score += 0.15 if rag >= 1 or re.search(r"RAG status", text) else 0.0
        score += 0.15 if re.search(_AFI_WORDS, text, re.IGNORECASE) else 0.0
        score += 0.1 if "PEEL" in text else 0.0
        return round(min(score, 1.0), 3)

    # -- extraction --------------------------------------------------------------

    def extract(self, doc: TextDocument) -> Extraction:
        """The tracked inspection, its judgements, its AFIs with their status, the boards."""
        warnings: list[ExtractionWarning] = []
        sink = Facts(doc)
        title_line, title = self._title(doc)
        date_line, date = self._date(doc)
        if date is None:
            warnings.append(
                doc.warning("the paper gives no date; status assessments are keyed 'undated'")
            )
        round_line, round_, published, force, inspection_title = self._inspection(doc)
        if round_ is None or force is None:
            what = "PEEL round" if round_ is None else "force"
            warnings.append(
                doc.warning(f"no {what} found for the inspection tracked; nothing extracted")
            )
            return Extraction(document=doc.record(title=title, date=date), warnings=warnings)
        named = inspection_title or (doc.line(round_line) if round_line else "") or (title or "")
        inspection = naming.peel_inspection(force, round_, naming.peel_pillar(named, round_))
        line = round_line or title_line or 1
        sink.node(
            inspection, line, kind="peel", round=round_, published=published, title=inspection_title
        )
        if published is not None and round_line is not None:
            sink.edge(R.INSPECTED, inspection, force, round_line)
            body = self._publisher(doc.line(round_line))
            if body is not None:
                sink.edge(R.CONDUCTED_BY, inspection, naming.body_ref(body), round_line)

        self._judgement_grid(doc, sink, inspection, round_, warnings)
        total_line, total = self._total(doc)
        if total is not None and total_line is not None:
            sink.node(inspection, total_line, afiCount=total)

        afis, region_start = self._afis(doc, total, warnings)
        counts = self._rag_counts(doc, region_start)
        self._deduce_rags(doc, afis, counts, total, warnings)
        context = _Context(doc, sink, inspection, force, naming.paper_stamp(doc, date), date_line, warnings)
        for afi in afis:
            self._afi_facts(context, afi)
        self._stated_counts(context, counts, region_start, afis)
        self._governance(context, afis, region_start)
        return Extraction(
            document=doc.record(title=title, date=date), facts=sink.facts(), warnings=warnings
        )

    # -- front matter --------------------------------------------------------------

    @staticmethod
    def _title(doc: TextDocument) -> tuple[int | None, str | None]:
        for number, line in enumerate(doc.lines[:60], 1):
            match = _SUBJECT_LINE.match(line)
            if match:
                return number, " ".join(match.group(1).split())
        for number, line in enumerate(doc.lines[:60], 1):
            if "PEEL" in line and line.strip():
                return number, " ".join(line.split())
        return None, None

    @staticmethod
    def _date(doc: TextDocument) -> tuple[int | None, str | None]:
        for number, line in enumerate(doc.lines[:60], 1):
            match = _DATE_LINE.match(line)
            if match and textparse.parse_date(match.group(1)):
                return number, textparse.parse_date(match.group(1))
        for number, line in enumerate(doc.lines[:30], 1):
            value = textparse.parse_date(line)
            if value and len(value) == 10:
                return number, value
        return None, None

    @staticmethod
    def _inspection(
        doc: TextDocument,
    ) -> tuple[int | None, str | None, str | None, Ref | None, str | None]:
        """Line, round, publication date, force and title of the inspection the paper tracks."""
        for number, line in enumerate(doc.lines, 1):
            match = _PUBLISHED.search(line)
            if match and naming.peel_round(match.group(1)):
                round_ = naming.peel_round(match.group(1))
                dates = textparse.find_dates(line[: match.start()])
                published = dates[-1][2] if dates else None
                force = naming.find_force(
                    TextDocument.from_text(match.group(1))
                ) or naming.find_force(doc)
                return number, round_, published, force, " ".join(match.group(1).split())
        for number, line in enumerate(doc.lines[:60], 1):
            if "PEEL" in line and naming.peel_round(line[line.index("PEEL") :]):
                return (
                    number,
                    naming.peel_round(line[line.index("PEEL") :]),
                    None,
                    naming.find_force(doc),
                    None,
                )
        return None, None, None, None, None

    @staticmethod
    def _publisher(line: str) -> str | None:
        """The inspectorate named as publishing the report in the line."""
        before = line[: line.lower().index("published")] if "published" in line.lower() else line
        for word in reversed(re.findall(r"[A-Z][\w&'\u2019]+", before)):
            entry = ontology().gazetteer.lookup(word, L.Inspectorate)
            if entry is not None:
                return word
        return None

    @staticmethod
    def _total(doc: TextDocument) -> tuple[int | None, int | None]:
        for number, line in enumerate(doc.lines, 1):
            match = _TOTAL.search(line)
            if match and not _RAG_COUNT.search(line):
                return number, textparse.parse_number(match.group(1))
        return None, None

    # -- graded judgements ----------------------------------------------------------

    def _judgement_grid(
        self,
        doc: TextDocument,
        sink: Facts,
        inspection: Ref,
        round_: str,
        warnings: list[ExtractionWarning],
    ) -> None:
        """The grid with one column per grade: area names wrap over rows within their column."""
        grades = ontology().vocabulary("Grades")
        for header in range(1, len(doc.lines) + 1):
            cells = _cells(doc.line(header))
            named = [c for c in cells if c]
            if len(named) < 3 or not all(
                grades.notation_for(c) not in (None, "ungraded") for c in named
            ):
                continue
            columns = {i: grades.notation_for(c) for i, c in enumerate(cells) if c}
            fragments: dict[int, list[tuple[int, str]]] = {i: [] for i in columns}
            row = header + 1
            while row <= len(doc.lines) and doc.line(row).strip():
                for i, cell in enumerate(_cells(doc.line(row))):
                    if cell and i in fragments:
                        fragments[i].append((row, cell))
                row += 1
            intro = header - 1
            while intro >= 1 and not doc.line(intro).strip():
                intro -= 1
            cite = intro if intro >= 1 and "judgement" in doc.line(intro).lower() else header
            found = 0
            for i, parts in fragments.items():
                for first, last, name in self._area_names(parts, round_):
                    found += 1
                    slug = naming.area_slug(name, round_)
                    if slug is None:
                        warnings.append(
                            doc.warning(f"graded area {name!r} is not in the area scheme", first)
                        )
                    judgement = Ref.of(L.Judgement, slug or name, within=inspection)
                    sink.node(
                        judgement, header, end_line=last, grade=columns[i], gradeScale=grade_scale(round_)
                    )
                    sink.edge(R.HAS_JUDGEMENT, inspection, judgement, cite)
                    sink.edge(R.IN_AREA, judgement, naming.area_ref(name, round_), first)
            stated = next(
                (
                    textparse.parse_number(m.group(1))
                    for line in doc.lines[:header]
                    if (m := _GRADED_COUNT.search(line))
                ),
                None,
            )
            if stated is not None and stated != found:
                warnings.append(
                    doc.warning(
                        f"the paper states {stated} graded judgements; the grid gives {found}",
                        header,
                    )
                )
            return

    @staticmethod
    def _area_names(parts: list[tuple[int, str]], round_: str) -> list[tuple[int, int, str]]:
        """Join a column's fragments into area names: a lower-case fragment continues the name
        before it, and so does any fragment while the name so far is no known area.

        A name wraps over at most :data:`_MAX_NAME_ROWS` rows: without that bound a
        column of words that never make a known area would grow one name forever,
        looking it up again at each row (quadratic in the column).
        """
        names: list[tuple[int, int, str]] = []
        pieces = 0
        for row, cell in parts:
            if (
                names
                and pieces < _MAX_NAME_ROWS
                and (cell[:1].islower() or naming.area_slug(names[-1][2], round_) is None)
            ):
                first, _, name = names[-1]
                names[-1] = (first, row, f"{name} {cell}")
                pieces += 1
            else:
                names.append((row, row, cell))
                pieces = 1
        return names

    # -- AFIs --------------------------------------------------------------------------

    def _afis(
        self, doc: TextDocument, total: int | None, warnings: list[ExtractionWarning]
    ) -> tuple[list[_Afi], int]:
        """Every AFI of the appendix, numbered; and the line where the appendix begins."""
        lines = doc.lines
        candidates = [
            (number, int(m.group("afi") or m.group("n")))
            for number, line in enumerate(lines, 1)
            if (m := _HEADING.match(line))
        ]
        bounds = {
            line: (candidates[k + 1][0] - 1 if k + 1 < len(candidates) else len(lines))
            for k, (line, _) in enumerate(candidates)
        }
        # A candidate is an AFI heading when progress follows it before the next AFI
        # begins (a numbered paragraph above a numberless first AFI is not one).
        marked = [
            (line, n)
            for line, n in candidates
            if _is_marker(lines[line - 1])
            or any(
                _is_marker(lines[i - 1])
                for i in self._own(doc, list(range(line + 1, bounds[line] + 1)))
            )
        ]
        chain = _longest_increasing(marked)
        if not chain:
            warnings.append(doc.warning("no numbered AFIs with progress found"))
            return [], len(lines) + 1

        afis: list[_Afi] = []
        # Before the first numbered heading: AFIs whose heading lost its number.
        previous = max((line for line, _ in candidates if line < chain[0][0]), default=0)
        region = list(range(previous + 1, chain[0][0]))
        pre = self._unheaded(doc, region)
        expected = chain[0][1] - 1
        if pre and len(pre) == expected:
            for k, afi in enumerate(pre, 1):
                afi.number = k
                where = f"before AFI {chain[0][1]} (line {chain[0][0]})"
                self._recovered(doc, afi, where, warnings)
            afis.extend(pre)
        elif expected:
            missing = ", ".join(str(n) for n in range(1, expected + 1))
            unplaced = f" ({len(pre)} unnumbered block(s) there cannot be numbered)" if pre else ""
            warnings.append(
                doc.warning(
                    f"AFI {missing}: not found before AFI {chain[0][1]}{unplaced}", chain[0][0]
                )
            )
        region_start = min([a.line for a in pre if a.number] + [chain[0][0]])

        for k, (line, number) in enumerate(chain):
            end = chain[k + 1][0] - 1 if k + 1 < len(chain) else len(lines)
            following = chain[k + 1][1] if k + 1 < len(chain) else (total + 1 if total else None)
            body = list(range(line + 1, end + 1))
            split = self._split_unheaded(doc, body)
            gap = following - number - 1 if following is not None else 0
            inner = self._unheaded(doc, body[split:]) if split is not None else []
            afi = _Afi(number=number, line=line, text=None, number_missing=False, body=body)
            if inner and len(inner) == gap:
                afi.body = body[:split]
                for j, extra in enumerate(inner, 1):
                    extra.number = number + j
                    nxt = f"AFI {following}" if k + 1 < len(chain) else "the stated total"
                    self._recovered(
                        doc, extra, f"between AFI {number} (line {line}) and {nxt}", warnings
                    )
            elif inner and gap and split is not None:
                warnings.append(
                    doc.warning(
                        f"{len(inner)} unnumbered AFI block(s) after AFI {number} cannot fill the gap of {gap}; "
                        f"kept under AFI {number}",
                        body[split],
                    )
                )
                inner = []
            else:
                inner = []
            if gap and not inner:
                missing = ", ".join(str(n) for n in range(number + 1, number + gap + 1))
                warnings.append(doc.warning(f"AFI {missing}: not found in the paper", line))
            afis.append(afi)
            afis.extend(inner)
        for afi in afis:
            self._parse(doc, afi, warnings)
        return sorted(afis, key=lambda a: a.number or 0), region_start

    @staticmethod
    def _recovered(
        doc: TextDocument, afi: _Afi, where: str, warnings: list[ExtractionWarning]
    ) -> None:
        afi.number_missing = True
        if afi.text is not None:
            afi.deduced_number = f"number: heading without a number {where}"
            warnings.append(
                doc.warning(
                    f"AFI {afi.number}: heading has lost its number; numbered from its place {where}",
                    afi.line,
                )
            )
        else:
            afi.deduced_number = f"number: heading lost; body {where}"
            warnings.append(
                doc.warning(
                    f"AFI {afi.number}: heading line lost; numbered from its place {where}; text missing",
                    afi.line,
                )
            )

    def _own(self, doc: TextDocument, body: list[int]) -> list[int]:
        """The part of ``body`` before the next unnumbered AFI, if one begins inside it."""
        split = self._split_unheaded(doc, body)
        return body if split is None else body[:split]

    @staticmethod
    def _split_unheaded(doc: TextDocument, body: list[int]) -> int | None:
        """Index in ``body`` where a second AFI begins: after a completion line, a new
        "Action Taken" heading with progress under it (the heading line of that AFI was lost)."""
        seen = False
        for k, number in enumerate(body):
            line = doc.line(number)
            if _is_completion(line):
                seen = True
                continue
            mode, _ = _header_mode(line)
            after_heading = any(
                _plain_heading(doc.line(body[j])) for j in _previous_nonblank(doc, body, k)
            )
            if (seen or after_heading) and mode in ("actions", "both"):
                if any(doc.line(n).strip() and not _is_marker(doc.line(n)) for n in body[k + 1 :]):
                    start = k
                    # Its heading text, if the number alone was lost, is the line just before.
                    for j in range(k - 1, -1, -1):
                        text = doc.line(body[j])
                        if not text.strip():
                            continue
                        if _plain_heading(text):
                            start = j
                        break
                    return start
        return None

    def _unheaded(self, doc: TextDocument, region: list[int]) -> list[_Afi]:
        """AFI blocks in ``region`` that have no numbered heading. Each begins at an
        "Action Taken" heading with progress under it, or at the prose line before
        that heading when only the number was lost; a block ends where the next begins."""
        blocks: list[_Afi] = []
        start = self._first_unheaded(doc, region)
        while start is not None:
            begin = region[start]
            after = region[start + 1 :]
            nxt = self._split_unheaded(doc, after)
            body = after[:nxt] if nxt is not None else after
            if _plain_heading(doc.line(begin)):
                blocks.append(_Afi(None, begin, "", True, body))
            else:
                content = next(
                    (n for n in body if doc.line(n).strip() and not _is_marker(doc.line(n))), begin
                )
                blocks.append(_Afi(None, content, None, True, [begin, *body]))
            if nxt is None:
                break
            region, start = after[nxt:], 0
        return blocks

    @staticmethod
    def _first_unheaded(doc: TextDocument, region: list[int]) -> int | None:
        for k, number in enumerate(region):
            mode, _ = _header_mode(doc.line(number))
            if mode in ("actions", "both") and any(
                doc.line(n).strip() and not _is_marker(doc.line(n)) for n in region[k + 1 :]
            ):
                for j in range(k - 1, -1, -1):
                    text = doc.line(region[j])
                    if text.strip():
                        return j if _plain_heading(text) else k
                return k
        return None

    def _parse(self, doc: TextDocument, afi: _Afi, warnings: list[ExtractionWarning]) -> None:
        """Fill an AFI from its heading and body lines."""
        mode: str | None = None
        positional: tuple[int, int] | None = None
        if afi.text is not None or not afi.number_missing:
            raw = doc.line(afi.line)
            heading = _HEADING.match(raw)
            raw = heading.group("text") if heading and not afi.number_missing else raw
            text, mode, rest = self._heading(afi, raw)
            afi.text = text
            if rest:
                self._route(afi, [rest], mode, None, afi.line)
        for number in afi.body:
            line = doc.line(number)
            if not line.strip():
                continue
            header, is_positional = _header_mode(line)
            if header is not None:
                mode = header
                cells = _cells(line)
                if is_positional:
                    lowered = [c.lower() for c in cells]
                    positional = (lowered.index("action taken"), lowered.index("ongoing activity"))
                else:
                    positional = None
                continue
            cells = []
            for cell in line.split("\t"):
                kept = self._cell(afi, cell, number)
                if kept is not None:
                    header_match = _HEADER_PREFIX.match(kept)
                    if header_match and (header_match.group("a") or header_match.group("o")):
                        a, o = header_match.group("a"), header_match.group("o")
                        mode = "both" if a and o else ("actions" if a else "ongoing")
                        positional = None
                        kept = kept[header_match.end() :].strip()
                cells.append(kept or "")
            self._route(afi, cells, mode, positional, number)
        if afi.heading_split:
            warnings.append(
                doc.warning(
                    f"AFI {afi.number}: heading text is split across columns by conversion; kept as written",
                    afi.line,
                )
            )
        if afi.mixed_lines:
            lines = ", ".join(str(n) for n in afi.mixed_lines)
            warnings.append(
                doc.warning(
                    f"AFI {afi.number}: Action Taken and Ongoing Activity cannot be told apart on line(s) {lines}; "
                    "kept as progressText",
                    afi.mixed_lines[0],
                )
            )
        if afi.completion_unreadable:
            warnings.append(
                doc.warning(
                    f"AFI {afi.number}: anticipated completion gives no date", afi.completion_line
                )
            )

    @staticmethod
    def _heading(afi: _Afi, raw: str) -> tuple[str, str | None, str]:
        """AFI text, the column a heading-line header opens, and the progress text after it."""
        bold = _RAG_BOLD.search(raw)
        if bold:
            afi.set_rag(bold.group(1), afi.line)
            raw = raw[: bold.start()] + " " + raw[bold.end() :]
        mode, rest = None, ""
        inline = _HEADER_INLINE.search(raw)
        if inline:
            action, both = inline.group(1), inline.group(2)
            mode = "both" if action and both else ("actions" if action else "ongoing")
            raw, rest = raw[: inline.start()], raw[inline.end() :]
        cells = [c for c in _cells(raw) if _has_text(c)]
        kept = []
        for cell in cells:
            rag = _RAG_CELL.match(cell)
            if rag:
                afi.set_rag(rag.group(1), afi.line)
            else:
                kept.append(cell)
        afi.heading_split = len(kept) > 1
        text = " ".join(" ".join(kept).replace("**", "").split())
        trailing = _RAG_TRAILING.search(text)
        if trailing:
            afi.set_rag(trailing.group(1), afi.line)
            text = text[: trailing.start()].rstrip()
        link = _LINKED.search(text)
        if link:
            afi.links = [int(n) for n in re.findall(r"\d+", link.group(1))]
            text = (text[: link.start()] + text[link.end() :]).strip()
        return text, mode, rest

    @staticmethod
    def _cell(afi: _Afi, cell: str, line: int) -> str | None:
        """A cell with its RAG rating and completion taken out; None when nothing else is left."""
        text = cell.strip()
        if not _has_text(text):
            return None
        rag = _RAG_CELL.match(text)
        if rag:
            afi.set_rag(rag.group(1), line)
            return None
        bold = _RAG_BOLD.search(text)
        if bold:
            afi.set_rag(bold.group(1), line)
            text = (text[: bold.start()] + " " + text[bold.end() :]).strip()
        if _COMPLETED_CELL.match(text):
            if afi.completion_line is None:
                afi.completed, afi.completion_line = True, line
            return None
        anticipated = _ANTICIPATED.search(text)
        if anticipated:
            value, _ = textparse.parse_anticipated_completion(text[anticipated.start() :])
            if afi.completion_line is None:
                afi.anticipated, afi.completion_line = value, line
                afi.completion_unreadable = value is None
            if anticipated.start() == 0 or _BULLET_PREFIX.fullmatch(text[: anticipated.start()]):
                return None
            rest = text[anticipated.end() :]
            dates = textparse.find_dates(rest)
            cut = (
                anticipated.end() + dates[0][1] if dates and dates[0][0] <= 4 else anticipated.end()
            )
            text = (text[: anticipated.start()] + " " + text[cut:]).strip()
        return text if _has_text(text) else None

    @staticmethod
    def _route(
        afi: _Afi, cells: list[str], mode: str | None, positional: tuple[int, int] | None, line: int
    ) -> None:
        """Put a line's cells into a column: by position when the header gave positions,
        by order when the line has one cell per column, else kept unsorted."""
        filled = [(i, c) for i, c in enumerate(cells) if c]
        if not filled:
            return
        if mode in ("actions", "ongoing"):
            column = afi.actions if mode == "actions" else afi.ongoing
            column.add(" ".join(c for _, c in filled), line)
        elif mode == "both" and positional is not None and len(cells) > 1:
            _, ongoing_at = positional
            left = " ".join(c for i, c in filled if i < ongoing_at)
            right = " ".join(c for i, c in filled if i >= ongoing_at)
            if left:
                afi.actions.add(left, line)
            if right:
                afi.ongoing.add(right, line)
        elif mode == "both" and len(filled) >= 2:
            afi.actions.add(filled[0][1], line)
            afi.ongoing.add(" ".join(c for _, c in filled[1:]), line)
        else:
            afi.unsorted.add(" ".join(c for _, c in filled), line)
            if mode == "both" and line not in afi.mixed_lines:
                afi.mixed_lines.append(line)

    # -- totals -------------------------------------------------------------------------

    @staticmethod
    def _rag_counts(doc: TextDocument, region_start: int) -> dict[str, tuple[int, int]]:
        """RAG totals the paper states before its appendix: rag -> (count, line)."""
        counts: dict[str, tuple[int, int]] = {}
        for number, line in enumerate(doc.lines[: region_start - 1], 1):
            for match in _RAG_COUNT.finditer(line):
                value = textparse.parse_number(match.group(1))
                rag = match.group(2).lower()
                if value is not None and rag not in counts:
                    counts[rag] = (value, number)
        return counts

    @staticmethod
    def _deduce_rags(
        doc: TextDocument,
        afis: list[_Afi],
        counts: dict[str, tuple[int, int]],
        total: int | None,
        warnings: list[ExtractionWarning],
    ) -> None:
        """Give AFIs without a stated RAG the one colour the stated totals leave, if only one."""
        unrated = [a for a in afis if a.rag is None]
        if not unrated:
            return
        stated_sum = sum(c for c, _ in counts.values())
        found = {rag: sum(1 for a in afis if a.rag == rag) for rag in ("red", "amber", "green")}
        short = {rag: counts[rag][0] - found[rag] for rag in counts if counts[rag][0] > found[rag]}
        numbers = ", ".join(str(a.number) for a in unrated)
        consistent = (
            counts
            and stated_sum == len(afis)
            and (total is None or total == len(afis))
            and all(found[r] <= counts[r][0] for r in counts)
            and all(found[r] == 0 for r in found if r not in counts)
            and len(short) == 1
            and sum(short.values()) == len(unrated)
        )
        if not consistent:
            for afi in unrated:
                afi.rag = None
            warnings.append(
                doc.warning(
                    f"AFI {numbers}: no RAG stated, and the paper's totals do not settle it; recorded missing"
                )
            )
            return
        rag = next(iter(short))
        line = counts[rag][1]
        stated = ", ".join(f"{counts[r][0]} {r}" for r in ("green", "amber", "red") if r in counts)
        given = ", ".join(f"{found[r]} {r}" for r in ("green", "amber", "red") if found[r])
        reason = (
            f"rag: the paper states {stated} of {len(afis)} AFIs (line {line}); "
            f"{len(afis) - len(unrated)} AFIs state a RAG ({given}), so the {len(unrated)} without one are {rag}"
        )
        for afi in unrated:
            afi.rag, afi.rag_line, afi.deduced_rag = rag, line, reason
        warnings.append(
            doc.warning(f"AFI {numbers}: no RAG stated; deduced {rag} from the stated totals", line)
        )

    # -- facts ----------------------------------------------------------------------------

    def _afi_facts(self, ctx: _Context, afi: _Afi) -> None:
        doc, sink = ctx.doc, ctx.sink
        ref = Ref.of(L.AreaForImprovement, str(afi.number), within=ctx.inspection)
        missing = ["text"] if not afi.text else None
        sink.node(
            ref,
            afi.line,
            number=afi.number,
            text=afi.text or None,
            numberMissing=True if afi.number_missing else None,
            missing=missing,
            deduced=["number"] if afi.deduced_number else None,
            deducedFrom=[afi.deduced_number] if afi.deduced_number else None,
        )
        sink.edge(R.ISSUED, ctx.inspection, ref, afi.line)
        for target in afi.links:
            sink.edge(
                R.LINKED_TO,
                ref,
                Ref.of(L.AreaForImprovement, str(target), within=ctx.inspection),
                afi.line,
            )

        status = Ref.of(L.StatusAssessment, ctx.date, within=ref)
        sink.edge(R.HAS_STATUS, ref, status, afi.line)
        # The date is the paper's: cite the line that gives it.
        sink.node(status, ctx.date_line or afi.line, date=ctx.date_or_none)
        deduced_rag = afi.deduced_rag
        status_word = None
        if afi.rag == "green":
            status_word = "completed"
        elif afi.rag == "amber":
            status_word = "in-progress"
        if afi.rag is not None and afi.rag_line is not None:
            if deduced_rag:
                sink.node(
                    status,
                    afi.rag_line,
                    rag=afi.rag,
                    status=status_word,
                    deduced=["rag", "status"] if status_word else ["rag"],
                    deducedFrom=[deduced_rag, f"status: from the deduced RAG {afi.rag}"]
                    if status_word
                    else [deduced_rag],
                )
            else:
                sink.node(status, afi.rag_line, rag=afi.rag, status=status_word)
        status_missing = []
        if afi.rag is None:
            status_missing.append("rag")
        if afi.completion_line is not None:
            if afi.completed:
                sink.node(status, afi.completion_line, completed=True, status="completed")
            elif afi.anticipated is not None:
                sink.node(
                    status,
                    afi.completion_line,
                    anticipatedCompletion=afi.anticipated,
                    completed=False,
                )
            else:
                status_missing.append("anticipatedCompletion")
        elif afi.rag != "green":
            status_missing.append("anticipatedCompletion")
            ctx.warnings.append(
                doc.warning(
                    f"AFI {afi.number}: no anticipated completion stated; recorded missing",
                    afi.line,
                )
            )
        if status_missing:
            sink.node(status, afi.line, missing=status_missing)
        for column, name in (
            (afi.actions, "actionsTaken"),
            (afi.ongoing, "ongoingActivity"),
            (afi.unsorted, "progressText"),
        ):
            if column.items:
                sink.node(status, min(column.lines), end_line=max(column.lines), **{name: column.text})

    def _stated_counts(
        self, ctx: _Context, counts: dict[str, tuple[int, int]], region_start: int, afis: list[_Afi]
    ) -> None:
        doc, sink = ctx.doc, ctx.sink
        for rag, (value, line) in counts.items():
            count = Ref.of(L.StatedCount, naming.paper_stamp(doc, ctx.date_or_none), rag, within=ctx.inspection)
            sink.node(count, line, rag=rag, count=value, findingKind=L.AreaForImprovement)
            sink.node(count, ctx.date_line or line, date=ctx.date_or_none)
            sink.edge(R.HAS_STATED_COUNT, ctx.inspection, count, line)
        for number, line in enumerate(doc.lines[: region_start - 1], 1):
            if not _WINDOW_ANCHOR.search(line):
                continue
            rag_match = _RAG_COUNT.search(line)
            window_rag = rag_match.group(2).lower() if rag_match else None
            of_total = textparse.parse_number(rag_match.group(1)) if rag_match else None
            windows = []
            for match in _WINDOW.finditer(line[rag_match.end() if rag_match else 0 :]):
                value = textparse.parse_number(match.group(1))
                when = match.group("by") or match.group("between") or match.group("in")
                dates = textparse.find_dates(when)
                if value is None or not dates:
                    continue
                end = dates[-1][2]
                start = None
                if match.group("between"):
                    year = int(match.group("y1") or end[:4])
                    month = textparse.parse_date(f"{match.group('m1')} {year}")
                    if month and month > end:
                        month = textparse.parse_date(f"{match.group('m1')} {year - 1}")
                    start = month
                elif match.group("in"):
                    start = end
                windows.append((value, start, end))
            for value, start, end in windows:
                label = _window_label(start, end)
                count = Ref.of(L.StatedCount, naming.paper_stamp(doc, ctx.date_or_none), window_rag or "all", label, within=ctx.inspection)
                sink.node(
                    count,
                    number,
                    rag=window_rag,
                    count=value,
                    ofTotal=of_total,
                    findingKind=L.AreaForImprovement,
                    anticipatedCompletion=end,
                    anticipatedCompletionFrom=start,
                )
                sink.node(count, ctx.date_line or number, date=ctx.date_or_none)
                sink.edge(R.HAS_STATED_COUNT, ctx.inspection, count, number)
            if windows:
                self._check_windows(ctx, afis, window_rag, windows, number)
        self._check_totals(ctx, counts, afis)

    @staticmethod
    def _check_windows(
        ctx: _Context,
        afis: list[_Afi],
        rag: str | None,
        windows: list[tuple[int, str | None, str]],
        line: int,
    ) -> None:
        """Say whether the stated completion windows agree with the AFIs' own dates."""
        pool = [a for a in afis if rag is None or a.rag == rag]
        placed = []
        for value, start, end in windows:
            inside = [
                a
                for a in pool
                if a.anticipated
                and (start is None or a.anticipated >= start)
                and a.anticipated <= end
                and not a.completed
            ]
            placed.append((value, start, end, inside))
        dated = {a.number for _, _, _, inside in placed for a in inside}
        undated = [a for a in pool if not a.anticipated and not a.completed]
        outside = [a for a in pool if a.anticipated and a.number not in dated]
        spare = sum(value - len(inside) for value, _, _, inside in placed)
        ok = (
            all(len(inside) <= value for value, _, _, inside in placed)
            and not outside
            and spare == len(undated)
        )
        parts = []
        for value, start, end, inside in placed:
            parts.append(
                f"{value} stated {_window_label(start, end)[len('completion ') :]}, {len(inside)} found"
            )
        verdict = "consistent" if ok else "inconsistent"
        undated_text = ", ".join(str(a.number) for a in undated) or "none"
        message = (
            f"stated completion windows{' of the ' + rag + ' AFIs' if rag else ''}: {'; '.join(parts)}; "
            f"AFIs with no anticipated completion: {undated_text}; {verdict}"
        )
        if ok and undated:
            message += " (which window each of those falls in cannot be told)"
        if outside:
            message += "; outside every window: " + ", ".join(str(a.number) for a in outside)
        ctx.warnings.append(ctx.doc.warning(message, line))

    @staticmethod
    def _check_totals(ctx: _Context, counts: dict[str, tuple[int, int]], afis: list[_Afi]) -> None:
        for rag, (value, line) in counts.items():
            found = sum(1 for a in afis if a.rag == rag)
            if found != value:
                ctx.warnings.append(
                    ctx.doc.warning(
                        f"the paper states {value} {rag} AFIs; {found} carry that RAG", line
                    )
                )

    # -- boards and posts -------------------------------------------------------------------

    def _governance(self, ctx: _Context, afis: list[_Afi], region_start: int) -> None:
        doc, sink = ctx.doc, ctx.sink
        owner: dict[int, _Afi] = {}
        for afi in afis:
            for number in [afi.line, *afi.body]:
                owner.setdefault(number, afi)
        last_board: tuple[int, Ref] | None = None
        addressee: tuple[int, Ref] | None = None
        for number, line in enumerate(doc.lines, 1):
            boards = find_boards(line)
            refs = {id(m): naming.board_ref(m.name, ctx.force) for m in boards}
            header = _ADDRESSED_TO.match(line)
            if header and addressee is None and number < region_start:
                named = [m for m in boards if m.start >= header.end()]
                if named:
                    addressee = (number, refs[id(named[0])])
            updated = _UPDATE_AFTER_BOARD.search(line)
            if updated:
                self._reports_to_post(ctx, line, updated, [(m, refs[id(m)]) for m in boards], number)
            for mention in boards:
                board = refs[id(mention)]
                sink.node(board, number)
                before, after = line[: mention.start], line[mention.end :]
                if _OVERSIGHT_BEFORE.search(before):
                    owning = owner.get(number)
                    sentence = re.split(r"[.;]\s", before)[-1]
                    if owning is not None and number >= region_start:
                        sink.edge(
                            R.OVERSEEN_BY,
                            Ref.of(L.AreaForImprovement, str(owning.number), within=ctx.inspection),
                            board,
                            number,
                        )
                    elif number < region_start and re.search(_AFI_WORDS, sentence, re.IGNORECASE):
                        for each in afis:
                            sink.edge(
                                R.OVERSEEN_BY,
                                Ref.of(
                                    L.AreaForImprovement, str(each.number), within=ctx.inspection
                                ),
                                board,
                                number,
                            )
                chaired = _CHAIRED_AFTER.match(after)
                if chaired:
                    self._chair(ctx, board, after[chaired.end() :], number)
                held = _HELD_BEFORE.search(before)
                if held:
                    posts = [
                        p
                        for p in find_posts(before[: held.start()])
                        if not before[p.end : held.start()].strip()
                    ]
                    if posts:
                        sink.edge(
                            R.CONVENED_BY, board, naming.post_ref(posts[-1].name, ctx.force), number
                        )
            if _TO_ACCOUNT.search(line):
                holder = self._accountable(ctx, line, [(m, refs[id(m)]) for m in boards], number)
                if holder is not None and addressee is not None and _THIS_PAPER.search(line):
                    # The paper reports to its addressee how the holder holds the post to account.
                    for cited in (addressee[0], number):
                        ctx.sink.edge(R.REPORTS_TO, holder, addressee[1], cited)
            if boards:
                last_board = (number, refs[id(boards[-1])])
            meeting = _CHAIRED_MEETING.search(line)
            if meeting and last_board is not None and number - last_board[0] <= 3:
                in_line = [m for m in boards if m.end <= meeting.start()]
                if not in_line:
                    self._chair(ctx, last_board[1], line[meeting.end() :], number)

    def _chair(self, ctx: _Context, board: Ref, text: str, line: int) -> None:
        posts = find_posts(text)
        if posts and re.fullmatch(
            r"\s*(?:(?:the|his|her|their|its)\s+)?", text[: posts[0].start], re.IGNORECASE
        ):
            ctx.sink.edge(R.CHAIRED_BY, board, naming.post_ref(posts[0].name, ctx.force), line)
        else:
            words = " ".join(text.split()[:4])
            ctx.warnings.append(
                ctx.doc.warning(
                    f"chair {words!r}… is not a post the gazetteer knows; no CHAIRED_BY", line
                )
            )

    def _reports_to_post(
        self, ctx: _Context, text: str, updated: re.Match[str], boards: list[tuple[Mention, Ref]], line: int
    ) -> None:
        """'<board> … following each board an update is provided to the <post>': the board
        REPORTS_TO the post (the last board named before the words)."""
        posts = find_posts(text[updated.end() :])
        if not posts or text[updated.end() : updated.end() + posts[0].start].strip().lower() not in ("", "the"):
            return
        before = [board for mention, board in boards if mention.end <= updated.start()]
        if before:
            ctx.sink.edge(R.REPORTS_TO, before[-1], naming.post_ref(posts[0].name, ctx.force), line)

    def _accountable(
        self, ctx: _Context, text: str, boards: list[tuple[Mention, Ref]], line: int
    ) -> Ref | None:
        """'<holder> … hold(s) the <post> to account [through <board>]': the post is
        ACCOUNTABLE_TO the holder, and to the board the sentence names as the means.
        Returns the holder (the last one the line names), if any."""
        found: Ref | None = None
        for match in _TO_ACCOUNT.finditer(text):
            posts = find_posts(text[match.end() :])
            if not posts or posts[0].start != 0:
                continue
            post_end = match.end() + posts[0].end
            tail = re.match(r"\s+to\s+account\b", text[post_end:], re.IGNORECASE)
            if not tail:
                continue
            held = naming.post_ref(posts[0].name, ctx.force)
            own = normalise_label(posts[0].name)
            holders = [
                p for p in find_posts(text[: match.start()]) if normalise_label(p.name) != own
            ]
            if holders:
                found = naming.post_ref(holders[-1].name, ctx.force)
                ctx.sink.edge(R.ACCOUNTABLE_TO, held, found, line)
            after = post_end + tail.end()
            via = _ACCOUNT_VIA.match(text[after:])
            if via:
                for mention, board in boards:
                    if after <= mention.start <= after + via.end():
                        ctx.sink.edge(R.ACCOUNTABLE_TO, held, board, line)
                        break
        return found


@dataclass
class _Context:
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


def _window_label(start: str | None, end: str) -> str:
    """How a completion window is named in a stated count's key.

    >>> _window_label(None, "2023-03"), _window_label("2023-04", "2023-06"), _window_label("2023-05", "2023-05")
    ('completion by 2023-03', 'completion 2023-04 to 2023-06', 'completion in 2023-05')
    """
    if start is None:
        return f"completion by {end}"
    return f"completion in {end}" if start == end else f"completion {start} to {end}"


def _longest_increasing(items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (line, number) pairs whose numbers strictly increase, in line order.

    >>> _longest_increasing([(10, 29), (20, 2), (30, 3), (40, 5)])
    [(20, 2), (30, 3), (40, 5)]
    """
    if not items:
        return []
    best = [1] * len(items)
    back = [-1] * len(items)
    for i in range(len(items)):
        for j in range(i):
            if items[j][1] < items[i][1] and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    end = max(range(len(items)), key=lambda i: (best[i], -i))
    chain = []
    while end != -1:
        chain.append(items[end])
        end = back[end]
    return chain[::-1]
