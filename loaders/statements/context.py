"""What a paper is about: its force, its inspectorate, the inspections it names, its own date.

These are read first, in one pass over the lines, so that the other statement
readers can scope what they find: a finding belongs to the inspection the
passage is about, a judgement to an inspection of a force.

- The force: a force named in the paper's opening lines (its title), else one
  named at least twice and more often than any other, else the only force
  named. When two forces compete, none is taken: a force is never guessed.
- Inspections: "PEEL 2021/22", "PEEL 2018" (with its pillar when the passage
  names one), "our 2016 effectiveness inspection", a page titled "Gwent 2014"
  in a paper about PEEL, "Crime Data Integrity inspection 2017", "an inspection
  of vetting, misconduct and misogyny". One inspection is one node whichever
  paper names it (``naming.peel_inspection``).
- The paper's date: "Published on: 4 April 2025", "Sent on" with the date on
  the next line, "Last updated 27/09/2019".

>>> from oversight.loaders.models import TextDocument
>>> doc = TextDocument.from_text("Gwent 2014\\n\\nThis is the first PEEL Assessment of Gwent Police.")
>>> ctx = read_context(doc)
>>> ctx.force.name, ctx.main.label
('Gwent', 'PEEL 2014')
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.statements.text import force_pattern, inspectorate_pattern, sentences
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.textparse import find_dates, parse_date
from oversight.ontology import ontology

__all__ = ["Context", "InspectionMention", "read_context", "document_scope"]

#: How many opening lines count as the paper's title block.
TITLE_LINES = 6

_ROUND = r"(?P<round>(?:19|20)\d\d(?:\s{0,2}[/\u2013\u2014-]\s{0,2}(?:20)?\d\d)?)"
_PILLAR = r"(?P<pillar>effectiveness|efficiency|legitimacy)"
#: "PEEL 2021/22", "PEEL: Police effectiveness, efficiency and legitimacy 2018/19", "PEEL Efficiency 2016".
_PEEL_THEN_ROUND = re.compile(r"\bPEEL\b(?P<between>[^.\n]{0,70}?)(?<![\d/])" + _ROUND + r"(?![\d/])")
#: "2021 PEEL inspection", "the 2016 PEEL effectiveness".
_ROUND_THEN_PEEL = re.compile(r"(?<![\d/])" + _ROUND + r"(?:\s{1,3}integrated)?\s{1,3}PEEL\b")
#: "our 2016 effectiveness inspection", "Police Effectiveness 2016", "Police Efficiency 2016 report".
_ROUND_PILLAR = re.compile(
    r"(?<![\d/])(?P<round>(?:19|20)\d\d)\s{1,3}(?i:" + _PILLAR + r")\s{1,3}(?i:inspection|report)\b"
    r"|\bPolice\s{1,3}(?i:" + _PILLAR.replace("pillar", "pillar2") + r")\s{1,3}(?P<round2>(?:19|20)\d\d)\b"
)
_CDI = re.compile(
    r"(?i:\bcrime\s{1,3}data\s{1,3}integrity\b)(?:\s{1,3}\(CDI\))?(?:\s{1,3}(?i:(?P<re>re-?inspection)|inspection|audit))?"
    r"(?:\s{1,3}(?P<round>(?:19|20)\d\d))?"
)
_VETTING = re.compile(r"(?i:\binspection\s{1,3}of\s{1,3}(?:the\s{1,3}police[\u2019's]{0,2}\s{1,3})?vetting\b)")
_PEEL_WORD = re.compile(r"\bPEEL\b")
#: "2018/19 grades": a heading over a table of a round's grades.
_ROUND_GRADES = re.compile(r"^\s{0,4}" + _ROUND + r"\s{1,3}(?:PEEL\s{1,3})?grades\s{0,4}$", re.I)
#: A year that ends a date ("31 May 2019") is not a round.
_DATE_BEFORE = re.compile(r"(?i)(?:\d|January|February|March|April|May|June|July|August|September|October|November|December)\s{0,3},?\s{0,3}$")
#: A page title: a force's name and a round alone on a line ("Gwent 2014", "Northumbria 2018/19", "Cleveland PEEL 2018").
_TITLE_ROUND = re.compile(r"^\s{0,4}(?P<force>[A-Z][A-Za-z &\-]{2,40}?)\s{1,3}(?:PEEL\s{1,3})?" + _ROUND + r"\s{0,4}$")

_LAST_UPDATED = re.compile(r"^\s{0,4}Last\s{1,3}updated:?\s{0,3}(?P<date>[^\n]{6,30}?)\s{0,4}$", re.I)
_DATE_LABEL = re.compile(r"^\s{0,4}(?P<label>Published\s{1,3}on|Sent\s{1,3}on|Date)\s{0,3}:?\s{0,3}(?P<date>[^\n]{0,40}?)\s{0,4}$", re.I)


@dataclass(frozen=True)
class InspectionMention:
    """An inspection a line names, as the node to cite and its properties."""

    line: int
    ref: Ref
    label: str
    props: dict[str, str]
    method: str
    confidence: float


@dataclass
class Context:
    """What the paper is about; see the module docs."""

    force: Ref | None = None
    force_line: int | None = None
    inspectorate: Ref | None = None
    inspectorate_line: int | None = None
    mentions: list[InspectionMention] = field(default_factory=list)
    main: InspectionMention | None = None
    date: str | None = None
    date_line: int | None = None
    last_updated: tuple[str, int] | None = None
    scope: Ref | None = None
    _lines: list[int] | None = field(default=None, repr=False)

    def named_by(self, line: int) -> InspectionMention | None:
        """The last inspection named at or before ``line`` (a binary search: linear time over a paper)."""
        if self._lines is None or len(self._lines) != len(self.mentions):
            self.mentions.sort(key=lambda m: m.line)
            self._lines = [m.line for m in self.mentions]
        index = bisect.bisect_right(self._lines, line)
        return self.mentions[index - 1] if index else None

    def inspection_at(self, line: int) -> InspectionMention | None:
        """The inspection a passage at ``line`` is about: the last one named at or before it, else the main one."""
        return self.named_by(line) or self.main


def document_scope(doc: TextDocument) -> Ref:
    """The scope of things a paper names without a force: the paper itself, so none is merged across forces."""
    return Ref.keyed("Document", doc.key)


def _choose_force(doc: TextDocument) -> tuple[Ref | None, int | None]:
    pattern = force_pattern()
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, str]] = {}
    in_title: list[str] = []
    seen_lines = 0
    for number, line in enumerate(doc.lines, start=1):
        if line.strip():
            seen_lines += 1
        for match in pattern.finditer(line):
            surface = match.group(0)
            entry = ontology().gazetteer.lookup(surface, "Force")
            if entry is None:
                continue
            counts[entry.slug] += 1
            first.setdefault(entry.slug, (number, " ".join(surface.split())))
            if seen_lines <= TITLE_LINES:
                in_title.append(entry.slug)
    if not counts:
        return None, None
    if len(set(in_title)) == 1:
        chosen = in_title[0]
    else:
        ranked = counts.most_common()
        if len(ranked) == 1:
            chosen = ranked[0][0]
        elif ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]:
            chosen = ranked[0][0]
        else:
            return None, None
    line, surface = first[chosen]
    return Ref.named("Force", surface), line


def _peel_mention(
    ctx: Context, line: int, round_: str, pillar: str | None, method: str, confidence: float
) -> InspectionMention:
    round_ = naming.peel_round(round_) or round_
    pillar = naming.peel_pillar(pillar, round_) if pillar else None
    scope = ctx.force or ctx.scope
    assert scope is not None
    label = f"PEEL {round_}" + (f" {pillar}" if pillar else "")
    ref = Ref.of("Inspection", label, within=scope)
    props = {"kind": "peel", "round": round_}
    if pillar:
        props["pillar"] = pillar
    return InspectionMention(line, ref, label, props, method, confidence)


def _named_mention(ctx: Context, line: int, label: str, method: str, confidence: float, **props: str) -> InspectionMention:
    scope = ctx.force or ctx.scope
    assert scope is not None
    return InspectionMention(line, Ref.of("Inspection", label, within=scope), label, {"kind": "inspection", **props}, method, confidence)


def _mentions_in(ctx: Context, number: int, line: str, peel_paper: bool) -> list[InspectionMention]:
    found: list[InspectionMention] = []
    for match in _PEEL_THEN_ROUND.finditer(line):
        # the date word can only be in the few characters before the round (the pattern ends
        # there): searching the whole prefix would be quadratic on a long line of mentions
        if _DATE_BEFORE.search(line[max(0, match.start("round") - 24) : match.start("round")]):
            continue
        pillar = re.search(r"(?i)\b(effectiveness|efficiency|legitimacy)\b", match.group("between"))
        only_one = pillar and len(re.findall(r"(?i)\b(?:effectiveness|efficiency|legitimacy)\b", match.group("between"))) == 1
        found.append(_peel_mention(ctx, number, match.group("round"), pillar.group(1) if only_one and pillar else None, "inspection-peel-round", 0.9))
    for match in _ROUND_THEN_PEEL.finditer(line):
        after = re.match(r"(?i)\s{1,3}" + _PILLAR, line[match.end() : match.end() + 20])
        found.append(_peel_mention(ctx, number, match.group("round"), after.group("pillar") if after else None, "inspection-peel-round", 0.9))
    for match in _ROUND_PILLAR.finditer(line):
        year: str = match.group("round") or match.group("round2")
        named: str | None = match.group("pillar") or match.group("pillar2")
        found.append(_peel_mention(ctx, number, year, named, "inspection-pillar-year", 0.75))
    for match in _CDI.finditer(line):
        round_ = match.group("round")
        again = bool(match.group("re"))
        if round_ is None and number > 3 and not again:
            continue  # "our rolling crime data integrity inspections": the programme, not one inspection
        # a re-inspection is an inspection of its own ("a crime data integrity (CDI) re-inspection in February 2018")
        label = "crime data integrity" + (" re-inspection" if again else "") + (f" {round_}" if round_ else "")
        found.append(_named_mention(ctx, number, label, "inspection-programme", 0.85, **({"round": round_} if round_ else {})))
    if _VETTING.search(line):
        found.append(_named_mention(ctx, number, "vetting, misconduct and misogyny", "inspection-programme", 0.8, kind="thematic"))
    graded = _ROUND_GRADES.match(line)
    if graded and peel_paper:
        found.append(_peel_mention(ctx, number, graded.group("round"), None, "inspection-round-grades-heading", 0.75))
    if number <= 12 and not found and peel_paper:
        title = _TITLE_ROUND.match(line)
        if title and ontology().gazetteer.lookup(title.group("force").strip(), "Force") is not None:
            pillar = None
            found.append(_peel_mention(ctx, number, title.group("round"), pillar, "inspection-page-title", 0.8))
    return found


def read_context(doc: TextDocument, force: Ref | None = None) -> Context:
    """Read the paper's force, inspectorate, inspections and own date (see the module docs)."""
    ctx = Context(scope=document_scope(doc))
    if force is not None:
        ctx.force, ctx.force_line = force, None
    else:
        ctx.force, ctx.force_line = _choose_force(doc)
    peel_paper = any(_PEEL_WORD.search(line) for line in doc.lines)
    inspectorates = inspectorate_pattern()
    previous = ""
    pillar_heading: str | None = None
    for number, line in enumerate(doc.lines, start=1):
        if ctx.inspectorate is None:
            match = inspectorates.search(line)
            if match:
                ctx.inspectorate = naming.body_ref(" ".join(match.group(0).split()))
                ctx.inspectorate_line = number
        if number <= 12 and line.strip().lower() in ("effectiveness", "efficiency", "legitimacy"):
            pillar_heading = line.strip().lower()
        for mention in _mentions_in(ctx, number, line, peel_paper):
            if pillar_heading and "pillar" not in mention.props and mention.props.get("kind") == "peel" and number <= 12:
                mention = _peel_mention(ctx, number, mention.props["round"], pillar_heading, mention.method, mention.confidence)
            ctx.mentions.append(mention)
        stripped = line.strip()
        updated = _LAST_UPDATED.match(line)
        if updated:
            iso = parse_date(updated.group("date"))
            if iso and ctx.last_updated is None:
                ctx.last_updated = (iso, number)
                if ctx.date is None:
                    ctx.date, ctx.date_line = iso, number
        label = _DATE_LABEL.match(previous) if stripped else None
        same = _DATE_LABEL.match(line)
        if ctx.date is None and same and same.group("date"):
            iso = parse_date(same.group("date"))
            if iso:
                ctx.date, ctx.date_line = iso, number
        elif ctx.date is None and label and not label.group("date"):
            iso = parse_date(stripped)
            if iso:
                ctx.date, ctx.date_line = iso, number
        if stripped:
            previous = line
    # A pillar page ("Cleveland PEEL 2018" then "Effectiveness") names the pillar on the next line.
    if pillar_heading:
        ctx.mentions = [
            _peel_mention(ctx, m.line, m.props["round"], pillar_heading, m.method, m.confidence)
            if m.props.get("kind") == "peel" and "pillar" not in m.props and m.line <= 12
            else m
            for m in ctx.mentions
        ]
    if ctx.mentions:
        titled = [m for m in ctx.mentions if m.line <= 12]
        if titled:
            ctx.main = titled[0]
        else:
            counts = Counter(m.ref for m in ctx.mentions)
            best, n = counts.most_common(1)[0]
            if n >= 2 or len(counts) == 1:
                ctx.main = next(m for m in ctx.mentions if m.ref == best)
    return ctx


def dates_in_sentence(line: str) -> list[tuple[int, int, str]]:
    """Every date of a line (a thin alias kept for readers that scan sentences)."""
    return find_dates(line)


def sentence_of(line: str, position: int) -> tuple[int, int, str]:
    """The sentence of ``line`` that holds ``position``."""
    for start, end, text in sentences(line):
        if start <= position <= end:
            return start, end, text
    return 0, len(line), line
