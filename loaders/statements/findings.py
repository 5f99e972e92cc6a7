"""Findings, whatever the layout: causes of concern, recommendations, areas for improvement.

Read in one pass over the lines, with a little state (the section heading and
a pending lead-in), so the time is linear in the paper:

- a heading ("Cause of concern", "Recommendations", "Areas for improvement",
  "Accelerated cause of concern: investigations") opens a section whose
  paragraphs and bullets are findings of that kind;
- a lead-in ending in a colon that names a kind ("we identified the following
  four causes of concern:") makes the bullets after it findings of that kind;
  one that says what the force should do ("The force should immediately:")
  makes each bullet its own finding, worded lead-in then bullet;
- bullets run together on one line ("• … • …") are split, one finding each;
- "The force should …" sentences after a colon in a line that names a kind
  (a PDF table collapsed onto one line) are one finding each;
- a sentence saying "this is a cause of concern" is one;
- an HMICFRS monitoring record ("<Force>: <inspection> (7319)" over the text
  and its ``[on]date [status]…`` history) is one recommendation, numbered.

A finding's number is kept when stated (a record's id, "Recommendation 3");
otherwise its key is its first words. A deadline is kept as worded
(``deadlineText``) and as a date only when the text gives the date ("By 30
September 2025") or what it counts from and that date is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oversight.loaders.models import Ref
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context, InspectionMention
from oversight.loaders.statements.text import bullet, clean
from oversight.loaders.toolkit.textparse import NUMBER_PATTERN, find_dates, parse_number
from oversight.ontology import R

__all__ = ["Finding", "read_findings", "KIND_OF_NOUN", "kind_of"]

KIND_OF_NOUN = (
    (re.compile(r"(?i)\bcauses?\s{1,3}of\s{1,3}concern\b"), "CauseOfConcern"),
    (re.compile(r"(?i)\bareas?\s{1,3}for\s{1,3}improvement\b|\bAFIs?\b"), "AreaForImprovement"),
    (re.compile(r"(?i)\brecommendations?\b"), "Recommendation"),
)

_HEADING = re.compile(
    r"^\s{0,4}(?:(?:accelerated|additional|national)\s{1,3})?(?P<noun>causes?\s{1,3}of\s{1,3}concern|recommendations?|areas?\s{1,3}for\s{1,3}improvement)"
    r"\s{0,3}(?:[:\-\u2013]\s{0,3}(?P<topic>[^.\n]{1,80}))?\s{0,3}$",
    re.I,
)
_SHOULD = re.compile(r"(?i)\b(?:should|must|needs?\s{1,3}to|is\s{1,3}required\s{1,3}to)\b")
_LEADS_ACTION = re.compile(r"(?i)^(?:by\s[^:]{3,40},\s{1,3})?(?:the|all|each|every|chief)\s{1,3}(?:force|forces|constabulary|constables)\b[^:]{0,60}\b(?:should|must|needs?\s{1,3}to)\b[^:]{0,40}:\s{0,3}$")
_INLINE_BULLETS = re.compile(r"\s{0,3}[\u2022\u25e6]\s{0,3}")
_FORCE_SHOULD = re.compile(r"(?=\bThe\s(?:force|constabulary)\s(?:should|must|needs\sto)\b)")
_SECTION_NUMBER = re.compile(r"\s\d{1,2}\.\d{1,2}\s")
#: A kind named then a colon within the sentence: a list of findings collapsed onto one line follows.
_COLLAPSED = re.compile(r"(?i)(?:areas?\s{1,3}for\s{1,3}improvement|\bAFIs?\b|\brecommendations?\b|causes?\s{1,3}of\s{1,3}concern)[^:.]{0,160}:")
_THIS_IS_COC = re.compile(r"(?i)\b(?:this|which|that)\s{1,3}is\s{1,3}(?:a|another)\s{1,3}cause\s{1,3}of\s{1,3}concern\b")
_RECORD_TITLE = re.compile(r"^\s{0,4}(?P<title>[^\n]{5,200}?)\s{0,3}\((?P<number>\d{3,6})\)\s{0,4}$")
_NUMBERED = re.compile(r"(?i)^(?:recommendation|AFI|area\s{1,3}for\s{1,3}improvement|cause\s{1,3}of\s{1,3}concern)\s{1,3}(?P<n>\d{1,3})\b[\s:.\-\u2013]{0,4}")
_WITHIN = re.compile(r"(?i)\bwithin\s{1,3}(?P<n>" + NUMBER_PATTERN + r")\s{1,3}(?P<unit>months?|weeks?)(?P<from>\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:publication|date)\s{1,3}of\s{1,3}this\s{1,3}report)?")
_BY_DATE = re.compile(r"(?i)\bby\s{1,3}(?:the\s{1,3}end\s{1,3}of\s{1,3})?(?=\d|[A-Z])")
_IMMEDIATE = re.compile(r"(?i)\b(?:immediately|with\s{1,3}immediate\s{1,3}effect)\b")


@dataclass
class Finding:
    """A finding found, for the status readers to attach statuses to."""

    ref: Ref
    line: int
    kind: str


def _words(text: str, count: int = 8) -> str:
    """The first ``count`` words, lower-case, for a key part."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower())[:count])


def kind_of(text: str) -> str | None:
    """The finding class a phrase names, or None."""
    for pattern, kind in KIND_OF_NOUN:
        if pattern.search(text):
            return kind
    return None


def _add_months(iso: str, months: int) -> str | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return None
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    total = year * 12 + month - 1 + months
    year, month = divmod(total, 12)
    return f"{year:04d}-{month + 1:02d}-{min(day, 28 if month + 1 == 2 else 30 if month + 1 in (4, 6, 9, 11) else 31):02d}"


def _deadline(text: str, inspection: InspectionMention | None) -> dict[str, object]:
    """The deadline a finding's words set: the words, and the date when the text fixes it."""
    by = _BY_DATE.search(text)
    if by:
        dates = [d for d in find_dates(text[by.start() : by.start() + 40]) if d[0] <= by.end() - by.start() + 12]
        if dates:
            start, end, iso = dates[0]
            words = " ".join(text[by.start() : by.start() + end].split())
            return {"deadline": iso, "deadlineText": words}
    within = _WITHIN.search(text)
    if within:
        words = " ".join(within.group(0).split())
        n = parse_number(within.group("n"))
        published = inspection.props.get("published") if inspection else None
        if within.group("from") and published and n is not None and within.group("unit").lower().startswith("month"):
            due = _add_months(published, n)
            if due:
                return {
                    "deadline": due,
                    "deadlineText": words,
                    "deduced": ["deadline"],
                    "deducedFrom": [f"deadline: {words!r} counted from publication on {published}"],
                }
        return {"deadlineText": words}
    immediate = _IMMEDIATE.search(text)
    if immediate:
        return {"deadlineText": immediate.group(0).lower()}
    return {}


class _Reader:
    def __init__(self, collector: Collector, ctx: Context) -> None:
        self.c = collector
        self.ctx = ctx
        self.found: list[Finding] = []
        self._keys: set[Ref] = set()

    def emit(self, kind: str, text: str, line: int, method: str, confidence: float, number: str | None = None, end_line: int | None = None) -> None:
        text = clean(text)
        if len(text) < 12:
            return
        numbered = _NUMBERED.match(text)
        if number is None and numbered:
            number = numbered.group("n")
        inspection = self.ctx.inspection_at(line)
        within = inspection.ref if inspection else (self.ctx.force or self.ctx.scope)
        assert within is not None
        if number is not None:
            part = number
        else:
            words = _words(text)
            part = words or f"line {line}"
        ref = Ref.of(kind, part, within=within)
        if ref in self._keys:
            ref = Ref.of(kind, f"{part} line {line}", within=within)
        self._keys.add(ref)
        props: dict[str, object] = {"text": text, **_deadline(text, inspection)}
        if number is not None and number.isdigit():
            props["number"] = int(number)
        self.c.node(ref, line, method, confidence, end_line=end_line, counts_as="finding", **props)  # type: ignore[arg-type]
        if inspection is not None:
            self.c.edge(R.ISSUED, inspection.ref, ref, line, method, confidence)
        self.found.append(Finding(ref, line, kind))


def _record(reader: _Reader, lines: list[str]) -> bool:
    """An HMICFRS monitoring record: its title with the id, then the recommendation's text."""
    if not any("[on]" in line for line in lines[:400]):
        return False
    first = next(((i, text) for i, text in enumerate(lines, start=1) if text.strip()), None)
    if first is None:
        return False
    title = _RECORD_TITLE.match(first[1])
    if not title:
        return False
    body = next(((i, text) for i, text in enumerate(lines[first[0] :], start=first[0] + 1) if text.strip()), None)
    if body is None or "[on]" in body[1]:
        return False
    if not any(m.line == first[0] for m in reader.ctx.mentions):
        name = title.group("title").split(":", 1)[0].strip()
        if 3 <= len(name) <= 80:
            scope = reader.ctx.force or reader.ctx.scope
            assert scope is not None
            mention = InspectionMention(first[0], Ref.of("Inspection", name, within=scope), name, {"kind": "inspection", "title": title.group("title").strip()}, "inspection-record-title", 0.7)
            reader.ctx.mentions.insert(0, mention)
            reader.ctx.main = reader.ctx.main or mention
            reader.c.node(mention.ref, first[0], mention.method, mention.confidence, counts_as="inspection", **mention.props)
    kind = "CauseOfConcern" if kind_of(body[1][:60]) == "CauseOfConcern" else "Recommendation"
    reader.emit(kind, body[1], body[0], "finding-monitoring-record", 0.9, number=title.group("number"))
    return True


def read_findings(collector: Collector, ctx: Context) -> list[Finding]:
    """Every finding the paper states (see the module docs); adds them to ``collector``."""
    reader = _Reader(collector, ctx)
    lines = collector.doc.lines
    if _record(reader, lines):
        return reader.found
    section: str | None = None
    list_kind: str | None = None
    lead_in: str | None = None
    lead_line = 0
    blank_run = 0
    after_coc_kind: str | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped == "\u00a0":
            blank_run += 1
            if blank_run >= 3:
                section = None
            continue
        blank_run = 0
        heading = _HEADING.match(line)
        if heading and len(stripped) <= 100:
            section = kind_of(heading.group("noun"))
            list_kind, lead_in = None, None
            continue
        item = bullet(line)
        if item is not None and after_coc_kind and not (list_kind or section) and stripped.count("\u2022") < 2:
            list_kind = after_coc_kind
        if item is not None and (list_kind or section):
            kind = list_kind or section
            assert kind is not None
            text = f"{lead_in.rstrip(':').rstrip()} {item}" if lead_in else item
            reader.emit(kind, text, number, "finding-bullet", 0.85 if list_kind or lead_in else 0.8)
            continue
        if stripped.endswith(":") and len(stripped) <= 300:
            named = kind_of(stripped)
            if _LEADS_ACTION.match(stripped) and (section or list_kind):
                lead_in, lead_line = stripped, number
                list_kind = list_kind or section
                continue
            if named and re.search(r"(?i)\bfollowing\b|\bidentified\b|\bare\b\s{0,3}:$|\bas\s{1,3}follows\b", stripped):
                list_kind, lead_in = named, None
                continue
            list_kind, lead_in = None, None
            continue
        lead_in = None
        list_kind = None
        after_coc, after_coc_kind = after_coc_kind, None
        inline_kind = section or after_coc
        if "\u2022" in stripped and inline_kind and stripped.count("\u2022") >= 2:
            for piece in _INLINE_BULLETS.split(stripped):
                if _SHOULD.search(piece):
                    reader.emit(inline_kind, piece, number, "finding-inline-bullets", 0.8)
            continue
        if section:
            if _SHOULD.search(stripped) or section == "CauseOfConcern":
                reader.emit(section, stripped, number, "finding-section-paragraph", 0.8)
                if section == "CauseOfConcern":
                    # One paragraph states the cause; bullets right after it are its recommendations.
                    section, after_coc_kind = None, "Recommendation"
                continue
            if len(stripped) < 80 and not stripped.endswith("."):
                section = None  # another heading
            continue
        collapsed = _COLLAPSED.search(stripped)
        named = kind_of(collapsed.group(0)) if collapsed else None
        if collapsed and named and _FORCE_SHOULD.search(stripped[collapsed.end() :]):
            rest = stripped[collapsed.end() :]
            cut = _SECTION_NUMBER.search(rest)
            rest = rest[: cut.start()] if cut else rest
            for piece in _FORCE_SHOULD.split(rest):
                if piece.strip() and _SHOULD.search(piece[:40]):
                    reader.emit(named, piece, number, "finding-collapsed-list", 0.7)
            continue
        coc = _THIS_IS_COC.search(stripped)
        if coc:
            for _start, _end, sentence in _sentences_with(stripped, coc.start()):
                reader.emit("CauseOfConcern", sentence, number, "finding-cause-sentence", 0.7)
    _ = lead_line
    return reader.found


def _sentences_with(line: str, position: int) -> list[tuple[int, int, str]]:
    from oversight.loaders.statements.text import sentences

    return [s for s in sentences(line) if s[0] <= position < s[1]]
