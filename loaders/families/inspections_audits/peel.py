"""The PEEL section of an inspections-and-audits paper.

When a PEEL report comes out, the paper gives it one section: the report's
publication, then one paragraph group per assessment area headed
``<area> – <grade> (<n> AFIs)``, then the next steps (the improvement plan and
the boards that monitor it). From it this module states:

- the PEEL inspection of the round the heading names, and a Judgement per area
  (grade, scale, ``afiCount``, and ``previousGrade`` where the text says the
  grade moved);
- one AreaForImprovement per AFI an area heading counts, keyed
  ``…/afi/<area-slug>-01``, with the text the paragraphs give it, or
  ``missing: ["text"]`` where they describe none; statuses the text states for
  them ("this AFI has been discharged");
- what the section says of the *previous* round's AFIs ("14 of the 19 AFIs
  closed", "three of the four previous AFIs … closed"), as StatedCounts on that
  round's inspection, in their area where the statement sits in one;
- other inspections of the force the area paragraphs date ("The inspection of
  vetting … took place in early 2022 with the report published in November 2022");
- the new improvement plan, the boards that oversee it and who chairs them,
  where its progress is reported, and the previous plan's closure;
- a per-finding statement that a previous round's AFI was superseded ("AFI 12
  from PEEL 2021/22 has been superseded by the new AFI on victim needs
  assessments", "The previous AFI 7 (…) is superseded by AFI 2 in Investigating
  Crime"): ``SUPERSEDES`` from the new AFI to the previous one, ``basis:
  stated``, citing the sentence. The new AFI is the one the sentence places
  (area and position) or the one AFI of the sentence's area (of the whole
  section, in the opening) whose description holds every word of the
  sentence's description; when neither identifies it, the previous AFI gets
  the status ``superseded`` with the quote, and a warning. Such a statement
  about one finding is not an aggregate count.

A sentence about an AFI is read as one of: a stated supersession of one
previous AFI (above), a statement about the previous
round (it says "previous", "last round" or names another round), a status of
a new AFI ("This AFI remains ongoing"), a list of new AFIs ("given two AFIs …;
A and B"), or a description of one new AFI. Descriptions are numbered in the
order the paper gives them; an AFI the paragraphs never describe keeps only its
count's evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oversight.loaders.families.inspections_audits.sections import Section
from oversight.loaders.models import Evidence, Ref, TextDocument
from oversight.loaders.toolkit import naming, spans
from oversight.loaders.toolkit.counts import NUM
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import board_mentions, read_chairs, scanner
from oversight.loaders.toolkit.publication import read_published
from oversight.loaders.toolkit.spans import (
    Para,
    Sentence,
    clean_cell,
    is_noise,
    paragraphs,
    sentence_spans,
)
from oversight.loaders.toolkit.statuses import outcome_for
from oversight.loaders.toolkit.textparse import parse_date, parse_number
from oversight.ontology import R, ontology

__all__ = ["extract_peel", "AREA_HEADING"]

_GRADES = r"Outstanding|Good|Adequate|Requires\s+Improvement|Inadequate|Ungraded|Not\s+graded"
#: "Responding to the Public – Requires Improvement (4 AFIs)"
AREA_HEADING = re.compile(
    rf"^\s*(?P<area>[A-Z][^\u2013\u2014]{{2,120}}?)\s+[\u2013\u2014-]\s+(?P<grade>{_GRADES})\s*"
    r"(?:\((?P<afis>[^)]*)\))?\s*$",
    re.I,
)
_AFI = re.compile(r"\bAFIs?\b|\bareas?\s+for\s+improvement\b", re.I)
_NO_AFI = re.compile(r"\bno\s+(?:AFIs?|areas?\s+for\s+improvement)\b", re.I)
_PREVIOUS = re.compile(
    r"previous(?:ly)?\s+(?:\w+\s+){0,2}?(?:AFIs?|areas?\s+for\s+improvement)"
    r"|(?:AFIs?|areas?\s+for\s+improvement)\s+(?:\w+\s+){0,3}?previous(?:ly)?"
    r"|(?:AFIs?|areas?\s+for\s+improvement)[^.]{0,60}?\blast\s+round\b",
    re.I,
)
_ROUND_MENTION = re.compile(r"\bPEEL\s+(?:Inspection\s+)?(20\d\d\s*(?:/|-|\u2013)\s*\d\d)")
_STATUS = re.compile(r"\b(?:this|that|the)\s+AFI\s+(?:remains|has\s+been|is\s+now|is|was)\b", re.I)
_ENUMERATION = re.compile(
    rf"(?:given|identified|issued|received)\s+(?P<n>{NUM})\s+(?:AFIs|areas\s+for\s+improvement),?\s+"
    r"(?:both|all)\s+of\s+which\s+relat\w*\s+to\s+[^;:]*[;:]\s*(?P<list>.+)$",
    re.I,
)
_INDEFINITE = re.compile(
    r"\b(?:an|one|a\s+further|another|a\s+new)\s+(?:AFI|area\s+for\s+improvement)\b", re.I
)
_COUNT_OF = re.compile(
    rf"(?P<c>{NUM})\s+of\s+the\s+(?P<t>{NUM})\s+(?:(?:remaining|previous|outstanding)\s+)*"
    r"(?:AFIs?|areas?\s+for\s+improvement)",
    re.I,
)
#: "the remaining two AFIs", "the other three areas for improvement": a count without a total.
_COUNTED = re.compile(
    rf"\bthe\s+(?:(?:remaining|other|previous|outstanding)\s+)+(?P<c>{NUM})\s+(?:AFIs|areas\s+for\s+improvement)\b",
    re.I,
)
_SINGLE = re.compile(
    r"\b(?:the|this)\s+(?:(?:previous|remaining)\s+)?AFI\b(?!s)|\bthe\s+(?:previous\s+)?area\s+for\s+improvement\b",
    re.I,
)
_MOVED = re.compile(rf"moved\s+from\s+(?P<a>{_GRADES})\s+to\s+(?P<b>{_GRADES})", re.I)
_AREAS_GRADED = re.compile(
    rf"across\s+(?P<n>{NUM})\s+areas\b[^.]*?\bgrading\s+for\s+(?P<g>{NUM})\b", re.I
)
_GRADE_TALLY = re.compile(
    rf"(?P<n>{NUM})\s+(?P<g>outstanding|good|adequate|inadequate)\s+gradings?\b", re.I
)
_SUB_INSPECTION = re.compile(
    r"\bThe\s+inspection\s+of\s+(?P<t>[^.]+?)\s+took\s+place\s+in\s+[^.]+?\s+with\s+the\s+report\s+"
    r"published\s+in\s+(?P<pub>[^.]+?)\.",
)
_RECEIVED = re.compile(rf"received\s+an?\s+(?P<g>{_GRADES})\s+grading", re.I)
#: "AFI 12 from PEEL 2021/22 has been superseded by …", "The previous AFI 7 (…) is superseded by …"
_STATED_SUPERSESSION = re.compile(
    r"\bAFI\s+(?P<old>\d{1,3})\b(?P<between>[^.]{0,160}?)\s+(?:has\s+been|have\s+been|had\s+been|is|was|"
    r"are|were|is\s+now|has\s+now\s+been)\s+superseded\s+by\s+(?P<new>[^.]+?)\s*\.?\s*$",
    re.I,
)
#: "AFI 2 in Investigating Crime", "the new AFI 2 in this area"
_NEW_BY_PLACE = re.compile(
    r"^(?:the\s+)?(?:new\s+)?AFI\s+(?P<n>\d{1,3})\s+(?:in|under|for|of)\s+(?:the\s+)?(?P<area>.+?)"
    r"(?:\s+area)?$",
    re.I,
)
#: "the new AFI on victim needs assessments"
_NEW_BY_DESCRIPTION = re.compile(
    r"^(?:the|a|an)\s+new\s+AFI\s+(?:on|regarding|about|concerning|covering|relating\s+to|"
    r"in\s+respect\s+of|for)\s+(?P<desc>.+)$",
    re.I,
)
_STOP = frozenset(
    "the and for with that this have been from their they were which into also than more such only "
    "make sure have being been will would should where when there these those force afis afi".split()
)


@dataclass
class _Afi:
    area: str
    text: str | None = None
    evidence: Evidence | None = None
    para: int | None = None
    start: int = 0
    enumerated: bool = False
    statuses: list[tuple[str, Evidence]] = field(default_factory=list)


@dataclass
class _Stated:
    """A stated supersession of one previous AFI, resolved once every area's AFIs are known."""

    sentence: Sentence
    match: re.Match[str]
    previous: str | None
    slug: str | None
    area_name: str | None


def _grade(text: str) -> str | None:
    return ontology().vocabulary("Grades").notation_for(" ".join(text.split()))


def _stems(text: str) -> set[str]:
    stems = set()
    for word in re.findall(r"[a-z]{4,}", text.lower()):
        if word in _STOP:
            continue
        for suffix in (
            "ations",
            "ation",
            "ments",
            "ment",
            "ings",
            "ing",
            "ions",
            "ion",
            "ed",
            "es",
            "s",
        ):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        stems.add(word[:6])
    return stems


def extract_peel(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    section: Section,
    round_: str,
    status_part: str,
) -> None:
    """State everything the PEEL section of round ``round_`` gives (see the module docstring).

    Parameters
    ----------
    facts : Facts
        Where the facts and warnings go.
    doc : TextDocument
        The paper.
    force : Ref or None
        The force the paper is about; without one nothing is stated, since a
        PEEL inspection is always of one force.
    section : Section
        The numbered section whose heading names the PEEL round.
    round_ : str
        The round, as :func:`~oversight.loaders.toolkit.naming.peel_round` gives it.
    status_part : str
        The key part of status assessments: the paper's date (stated, or
        deduced from its period), or an ``undated <hash>`` part when it gives
        neither; the date itself comes from ``facts.dated()``.
    """
    if force is None:
        facts.warn("PEEL section in a paper that names no force; not extracted", section.line)
        return
    heading_line: int = section.line
    end: int = section.end
    inspection = naming.peel_inspection(force, round_)
    title = clean_cell(re.sub(r"^\s*\d{1,2}\.\d{1,2}\.?\s+", "", doc.lines[heading_line - 1]))
    heading_ev = facts.evidence(heading_line)
    facts.node(inspection, heading_ev, title=title, kind="peel", round=round_, forceInspected=True)
    facts.edge(R.INSPECTED, inspection, force, heading_ev)

    areas, breaks = _area_headings(doc, heading_line, end)
    intro_end = areas[0][0] - 1 if areas else end
    intro = paragraphs(doc.lines, heading_line + 1, intro_end)
    context_round: dict[str, str | None] = {"value": None}
    stated: list[_Stated] = []
    _intro(facts, doc, force, inspection, intro, round_, context_round, stated)
    placed: dict[str, tuple[str, int, list[_Afi]]] = {}  # area slug -> (name, count, AFIs)

    afi_total = 0
    graded = 0
    tallies: dict[str, int] = {}
    for index, (line, match) in enumerate(areas):
        stop = areas[index + 1][0] - 1 if index + 1 < len(areas) else end
        stop = min([stop] + [b - 1 for b in breaks if line < b <= stop])
        judged = _judgement(facts, inspection, round_, line, match)
        if judged is None:
            continue
        judgement, area, slug, name, grade, count = judged
        if grade != "ungraded":
            graded += 1
            tallies[grade] = tallies.get(grade, 0) + 1
        sentences = spans.sentences(paragraphs(doc.lines, line + 1, stop))
        _grade_moved(facts, doc, judgement, name, grade, sentences)
        _sub_inspections(facts, doc, force, sentences, slug, name, round_)
        afis = _area_afis(
            facts, doc, sentences, slug, name, round_, force, context_round, line, stated
        )
        if count is None:
            if afis:
                facts.warn(f"{name}: AFIs described but the heading gives no count", line)
            continue
        afi_total += count
        placed[slug] = (name, count, _counted_afis(facts, slug, name, count, afis, line))
        refs = [Ref.of("AreaForImprovement", slug, str(n), within=inspection) for n in range(1, count + 1)]
        _area_boards(facts, doc, force, sentences, refs)
        _state_area_afis(facts, inspection, area, slug, name, placed[slug][2], line, status_part)
    if areas:
        facts.node(
            inspection,
            facts.evidence(areas[0][0]),
            afiCount=afi_total,
            deduced=["afiCount"],
            deducedFrom=[f"afiCount: the sum of the AFIs the {len(areas)} area headings count"],
        )
    _check_tallies(facts, doc, intro, len(areas), graded, tallies)
    for statement in stated:
        _stated_supersession(facts, doc, force, inspection, round_, statement, placed, status_part)
    last = areas[-1][0] if areas else heading_line
    tail_start = next((b for b in breaks if b > last), end + 1)
    _plans(
        facts, doc, force, inspection, round_, paragraphs(doc.lines, tail_start, end), context_round
    )


def _area_headings(doc: TextDocument, heading_line: int, end: int) -> tuple[list[tuple[int, re.Match[str]]], list[int]]:
    """The area headings of the section (``<area> – <grade> (<n> AFIs)``), and the short
    unpunctuated lines that end an area's paragraphs (the next steps' subheadings)."""
    areas = []  # (line, match)
    breaks = []
    for number in range(heading_line + 1, end + 1):
        raw = doc.lines[number - 1]
        match = AREA_HEADING.match(raw)
        if match:
            areas.append((number, match))
        elif (
            raw.strip()
            and len(raw.strip()) <= 40
            and not raw.strip().endswith(tuple(".:;,"))
            and not is_noise(raw)
        ):
            breaks.append(number)
    return areas, breaks


def _judgement(
    facts: Facts, inspection: Ref, round_: str, line: int, match: re.Match[str]
) -> tuple[Ref, Ref, str, str, str, int | None] | None:
    """The area's Judgement from its heading: grade, scale and the AFIs it counts.

    Returns (judgement, area, area slug, area name, grade, AFI count or None), or None
    (with a warning) for a grade the scale lacks.
    """
    grade = _grade(match.group("grade"))
    if grade is None:
        facts.warn(f"unknown grade {match.group('grade')!r}", line)
        return None
    name = match.group("area").strip()
    slug = naming.area_slug(name, round_)
    if slug is None:
        facts.warn(f"assessment area {name!r} is not in the area scheme; kept unresolved", line)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    area = naming.area_ref(name, round_)
    count = None
    if match.group("afis"):
        words = re.sub(
            r"\s*(?:AFIs?|areas?\s+for\s+improvement)\s*$", "", match.group("afis"), flags=re.I
        )
        count = 0 if words.strip().lower() in ("no", "none", "nil") else parse_number(words)
    ev = facts.evidence(line)
    judgement = Ref.of("Judgement", slug, within=inspection)
    facts.node(
        judgement,
        ev,
        grade=grade,
        gradeScale=None
        if grade == "ungraded"
        else ("peel-5" if naming.round_year(round_) >= 2021 else "peel-4"),
        afiCount=count,
    )
    facts.edge(R.HAS_JUDGEMENT, inspection, judgement, ev)
    facts.edge(R.IN_AREA, judgement, area, ev)
    return judgement, area, slug, name, grade, count


def _grade_moved(
    facts: Facts, doc: TextDocument, judgement: Ref, name: str, grade: str, sentences: list[Sentence]
) -> None:
    """``previousGrade`` where the area's text says the grade moved ("from good to adequate")."""
    for sentence in sentences:
        moved = _MOVED.search(sentence.text)
        if moved:
            before, after = _grade(moved.group("a")), _grade(moved.group("b"))
            mev = sentence.para.evidence(
                doc.lines, sentence.start + moved.start(), sentence.start + moved.end(), doc
            )
            facts.node(judgement, mev, previousGrade=before)
            if after != grade:
                facts.warn(
                    f"{name}: the text says the grade moved to {after}, the heading says {grade}",
                    mev.line,
                )


def _counted_afis(
    facts: Facts, slug: str, name: str, count: int, afis: list[_Afi], line: int
) -> list[_Afi]:
    """The area's AFIs as many as its heading counts: extra descriptions merged into the last,
    AFIs the text never describes added empty."""
    if len(afis) > count:
        facts.warn(
            f"{name}: {len(afis)} AFIs described but the heading counts {count}; extra descriptions merged",
            line,
        )
        for extra in afis[count:]:
            afis[count - 1].text = f"{afis[count - 1].text} {extra.text}" if count else None
        afis = afis[:count]
    while len(afis) < count:
        afis.append(_Afi(slug))
    return afis


def _state_area_afis(
    facts: Facts,
    inspection: Ref,
    area: Ref,
    slug: str,
    name: str,
    afis: list[_Afi],
    line: int,
    status_part: str,
) -> None:
    """Each AFI of an area, keyed ``…/afi/<area-slug>-NN``: its text (or ``missing: ["text"]``),
    ``ISSUED``, ``IN_AREA``, and the statuses the text gives it."""
    ev = facts.evidence(line)
    count = len(afis)
    for number, afi in enumerate(afis, start=1):
        ref = Ref.of("AreaForImprovement", slug, str(number), within=inspection)
        if afi.text and afi.evidence is not None:
            facts.node(ref, afi.evidence, number=number, text=afi.text)
            facts.edge(R.ISSUED, inspection, ref, afi.evidence)
        else:
            facts.node(ref, ev, number=number, missing=["text"])
            facts.edge(R.ISSUED, inspection, ref, ev)
            facts.warn(f"{name}: AFI {number} of {count} is counted but not described", line)
        facts.edge(R.IN_AREA, ref, area, ev)
        for status, sev in afi.statuses:
            assessment = Ref.of("StatusAssessment", status_part, within=ref)
            facts.node(assessment, sev, status=status, **facts.dated())
            facts.edge(R.HAS_STATUS, ref, assessment, sev)


def _round_of(text: str, current: str) -> str | None:
    for match in _ROUND_MENTION.finditer(text):
        found = naming.peel_round(match.group(1))
        if found and found != current:
            return found
    return None


def _intro(
    facts: Facts,
    doc: TextDocument,
    force: Ref,
    inspection: Ref,
    intro: list[Para],
    round_: str,
    context_round: dict[str, str | None],
    stated: list[_Stated],
) -> None:
    """Publication and bodies of the report, and what the opening says of the previous round."""
    published = False
    bodies_done = False
    for para in intro:
        for a, b in sentence_spans(para.text):
            text = para.text[a:b]
            if not published:
                found = read_published(text)
                if found:
                    published = True
                    facts.node(
                        inspection,
                        para.evidence(doc.lines, a + found[1], a + found[2], doc),
                        published=found[0],
                    )
            if not bodies_done:
                for mention in scanner("Inspectorate").find(text):
                    bodies_done = True
                    facts.edge(
                        R.CONDUCTED_BY,
                        inspection,
                        naming.body_ref(mention.surface),
                        para.evidence(doc.lines, a + mention.start, a + mention.end, doc),
                    )
            other = _round_of(text, round_)
            if other:
                context_round["value"] = other
            supersession = _STATED_SUPERSESSION.search(text)
            if supersession:
                stated.append(
                    _Stated(Sentence(para, a, b), supersession, context_round["value"], None, None)
                )
            elif _AFI.search(text) and outcome_for(text) and not _NO_AFI.search(text):
                _previous_count(facts, doc, force, Sentence(para, a, b), None, None, context_round)


def _previous_count(
    facts: Facts,
    doc: TextDocument,
    force: Ref,
    sentence: Sentence,
    slug: str | None,
    area_name: str | None,
    context_round: dict[str, str | None],
) -> None:
    """A statement about the previous round's AFIs, as a StatedCount on that round's inspection."""
    text = sentence.text
    outcome = outcome_for(text)
    if outcome is None or outcome == "in-progress":
        return
    previous = context_round["value"]
    if previous is None:
        facts.warn(
            "a statement about earlier AFIs names no round; not recorded",
            sentence.para.line_of(sentence.start),
        )
        return
    ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
    props: dict[str, object] = {"outcome": outcome, "findingKind": "AreaForImprovement"}
    counted = _COUNT_OF.search(text)
    numbered = _COUNTED.search(text)
    if counted:
        props.update(
            count=parse_number(counted.group("c")), ofTotal=parse_number(counted.group("t"))
        )
    elif numbered and parse_number(numbered.group("c")) is not None:
        props["count"] = parse_number(numbered.group("c"))
    elif _SINGLE.search(text):
        props["count"] = 1
    else:
        props.update(coversAll=True, missing=["count"])
    old = naming.peel_inspection(force, previous)
    facts.node(old, ev, kind="peel", round=previous)
    parts = (outcome, slug) if slug else (outcome,)
    stated = Ref.of("StatedCount", facts.stamp, *parts, within=old)
    facts.node(stated, ev, **facts.dated(props, undated=False))
    facts.edge(R.HAS_STATED_COUNT, old, stated, ev)
    if slug and area_name:
        facts.edge(R.IN_AREA, stated, naming.area_ref(area_name, previous), ev)


def _area_afis(
    facts: Facts,
    doc: TextDocument,
    sentences: list[Sentence],
    slug: str,
    area_name: str,
    round_: str,
    force: Ref,
    context_round: dict[str, str | None],
    heading_line: int,
    stated: list[_Stated],
) -> list[_Afi]:
    """The new AFIs an area's paragraphs describe, in order, with their stated statuses.

    A stated supersession of one previous AFI goes to ``stated``, to be
    resolved once every area's AFIs are known.
    """
    afis: list[_Afi] = []
    by_para: dict[int, _Afi] = {}
    pending: list[tuple[Sentence, str]] = []
    previous_sentence: dict[int, Sentence] = {}
    for sentence in sentences:
        text = sentence.text
        other = _round_of(text, round_)
        if other:
            context_round["value"] = other
        if not _AFI.search(text) or _NO_AFI.search(text):
            previous_sentence[sentence.index] = sentence
            continue
        supersession = _STATED_SUPERSESSION.search(text)
        if supersession:
            stated.append(_Stated(sentence, supersession, context_round["value"], slug, area_name))
        elif _PREVIOUS.search(text) or other:
            _previous_count(facts, doc, force, sentence, slug, area_name, context_round)
        elif _STATUS.search(text) and outcome_for(text):
            pending.append((sentence, outcome_for(text)))  # type: ignore[arg-type]
        else:
            enumeration = _ENUMERATION.search(text)
            items = []
            if enumeration:
                n = parse_number(enumeration.group("n"))
                offset = sentence.start + enumeration.start("list")
                pieces = _split_list(enumeration.group("list"))
                if n and len(pieces) == n:
                    items = [(offset + a, offset + b) for a, b in pieces]
            if items:
                for a, b in items:
                    afi = _Afi(
                        slug,
                        sentence.para.text[a:b],
                        sentence.para.evidence(doc.lines, a, b, doc),
                        sentence.index,
                        a,
                        enumerated=True,
                    )
                    afis.append(afi)
            elif _INDEFINITE.search(text) or sentence.index not in by_para:
                start = sentence.start
                if (
                    re.search(r"\b(?:associated|related|relevant)\s+AFI\b", text, re.I)
                    and sentence.index in previous_sentence
                ):
                    start = previous_sentence[sentence.index].start
                words = sentence.para.text[start : sentence.end]
                evidence = sentence.para.evidence(doc.lines, start, sentence.end, doc)
                afi = _Afi(slug, clean_cell(words), evidence, sentence.index, start)
                afis.append(afi)
                by_para[sentence.index] = afi
            else:
                afi = by_para[sentence.index]
                afi.text = f"{afi.text} {clean_cell(text)}"
                afi.evidence = sentence.para.evidence(doc.lines, afi.start, sentence.end, doc)
        previous_sentence[sentence.index] = sentence
    _assign_statuses(facts, doc, afis, by_para, pending, area_name, heading_line)
    return afis


def _stated_supersession(
    facts: Facts,
    doc: TextDocument,
    force: Ref,
    inspection: Ref,
    round_: str,
    statement: _Stated,
    placed: dict[str, tuple[str, int, list[_Afi]]],
    status_part: str,
) -> None:
    """``SUPERSEDES`` (basis stated) for one "AFI n … has been superseded by …" sentence.

    The previous AFI is AFI ``n`` of the round the sentence names, else of the
    previous round the section last named. The new AFI is found by area and
    position ("AFI 2 in Investigating Crime", "AFI 2 in this area") or by a
    description ("the new AFI on victim needs assessments") that matches
    exactly one AFI described in the sentence's area (in any area, for a
    sentence of the opening). When it cannot be identified, the previous AFI's
    status is recorded as superseded, citing the sentence, with a warning.
    """
    sentence, match = statement.sentence, statement.match
    text = sentence.text
    ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
    previous = _round_of(match.group("between"), round_) or statement.previous
    number = int(match.group("old"))
    if previous is None:
        facts.warn(
            f"AFI {number} is stated superseded but no earlier PEEL round is named; not recorded",
            ev.line,
        )
        return
    old = Ref.of("AreaForImprovement", str(number), within=naming.peel_inspection(force, previous))
    target = " ".join(clean_cell(match.group("new")).split())
    new: Ref | None = None
    why = ""
    by_place = _NEW_BY_PLACE.match(target)
    by_description = _NEW_BY_DESCRIPTION.match(target)
    if by_place:
        area_words = by_place.group("area").strip()
        if re.fullmatch(r"this|the\s+same|that", area_words, re.I):
            slug = statement.slug
        else:
            slug = naming.area_slug(area_words, round_)
        position = int(by_place.group("n"))
        if slug is None or slug not in placed:
            why = f"no area {area_words!r} with AFIs in this section"
        elif not 1 <= position <= placed[slug][1]:
            why = f"{placed[slug][0]} counts {placed[slug][1]} AFIs, not {position}"
        else:
            new = Ref.of("AreaForImprovement", slug, str(position), within=inspection)
    elif by_description:
        wanted = _stems(by_description.group("desc"))
        areas = [statement.slug] if statement.slug else sorted(placed)
        matches = [
            (slug, index)
            for slug in areas
            if slug in placed
            for index, afi in enumerate(placed[slug][2], start=1)
            if wanted and afi.text and wanted <= _stems(afi.text)
        ]
        if len(matches) == 1:
            slug, index = matches[0]
            new = Ref.of("AreaForImprovement", slug, str(index), within=inspection)
        else:
            why = f"the description matches {len(matches)} AFIs of this section, not one"
    else:
        why = "the sentence neither places nor describes the new AFI"
    if new is not None:
        facts.edge(R.SUPERSEDES, new, old, ev, basis="stated")
        return
    status = Ref.of("StatusAssessment", status_part, within=old)
    facts.node(status, ev, status="superseded", **facts.dated())
    facts.edge(R.HAS_STATUS, old, status, ev)
    facts.warn(
        f"PEEL {previous} AFI {number} is stated superseded, but the new AFI cannot be identified "
        f"({why}); recorded as status superseded: {text!r}",
        ev.line,
    )


def _split_list(raw: str) -> list[tuple[int, int]]:
    """Spans of the items of "A; B" or "A and the B" (a list of AFIs), without the closing stop.

    >>> raw = "the management of vetting and the introduction of a system."
    >>> [raw[a:b] for a, b in _split_list(raw)]
    ['the management of vetting', 'the introduction of a system']
    """
    spans = []
    start = 0
    for separator in re.finditer(r";\s*|,?\s+and\s+(?=the\s)", raw):
        spans.append((start, separator.start()))
        start = separator.end()
    spans.append((start, len(raw.rstrip().rstrip("."))))
    return [(a, b) for a, b in spans if raw[a:b].strip()]


def _assign_statuses(
    facts: Facts,
    doc: TextDocument,
    afis: list[_Afi],
    by_para: dict[int, _Afi],
    pending: list[tuple[Sentence, str]],
    area_name: str,
    heading_line: int,
) -> None:
    """Give each "This AFI …" status to its AFI: the one its paragraph describes, else the best match."""
    deferred: list[tuple[Sentence, str]] = []
    taken: set[int] = set()
    candidates = [a for a in afis if a.enumerated]
    shared = set.intersection(*(_stems(a.text or "") for a in candidates)) if candidates else set()
    for sentence, status in pending:
        ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
        if sentence.index in by_para:
            by_para[sentence.index].statuses.append((status, ev))
            continue
        words = _stems(sentence.para.text) - shared
        scores = [
            (len(words & (_stems(a.text or "") - shared)), i)
            for i, a in enumerate(candidates)
            if i not in taken
        ]
        best = max((s for s, _ in scores), default=0)
        winners = [i for s, i in scores if s == best]
        if best > 0 and len(winners) == 1:
            taken.add(winners[0])
            candidates[winners[0]].statuses.append((status, ev))
        else:
            deferred.append((sentence, status))
    for sentence, status in deferred:
        free = [i for i in range(len(candidates)) if i not in taken]
        ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
        if free:
            taken.add(free[0])
            candidates[free[0]].statuses.append((status, ev))
        else:
            facts.warn(
                f"{area_name}: a status for an AFI that cannot be told apart; not recorded", ev.line
            )


_AREA_GOVERNANCE = re.compile(
    r"\b(?:monitor\w*|overs(?:een|ees|ight)|scrutin[iy]\w*|governed|report(?:ed|ing)\s+(?:in)?to)\b[^.;]*?$",
    re.IGNORECASE,
)


def _area_boards(
    facts: Facts, doc: TextDocument, force: Ref, sentences: list[Sentence], afis: list[Ref]
) -> None:
    """Boards an area's paragraphs say monitor its work ("performance reported into both the IQB
    and CJB"), without saying which AFI: each AFI of the area is ``OVERSEEN_BY`` the board with
    ``via: area`` and confidence 1/n for the area's n AFIs, never as stated per AFI."""
    if not afis:
        return
    for sentence in sentences:
        for board in board_mentions(sentence.text):
            if not _AREA_GOVERNANCE.search(sentence.text[: board.start]):
                continue
            ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
            for afi in afis:
                facts.edge(
                    R.OVERSEEN_BY,
                    afi,
                    naming.board_ref(board.surface, force),
                    ev,
                    via="area",
                    confidence=round(1 / len(afis), 2),
                )


def _sub_inspections(
    facts: Facts,
    doc: TextDocument,
    force: Ref,
    sentences: list[Sentence],
    slug: str,
    area_name: str,
    round_: str,
) -> None:
    """Separate inspections of the force an area paragraph dates, with the grade they gave."""
    for i, sentence in enumerate(sentences):
        match = _SUB_INSPECTION.search(sentence.text)
        if not match:
            continue
        title = re.sub(r"\s*\([A-Z]{2,6}\)", "", match.group("t")).strip()
        ref = Ref.of("Inspection", title, within=force)
        ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
        facts.node(
            ref,
            ev,
            kind="inspection",
            published=parse_date(match.group("pub")),
            forceInspected=True,
        )
        facts.edge(R.INSPECTED, ref, force, ev)
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        if following is not None and following.para is sentence.para:
            received = _RECEIVED.search(following.text)
            if received:
                grade = _grade(received.group("g"))
                gev = following.para.evidence(doc.lines, following.start, following.end, doc)
                judgement = Ref.of("Judgement", slug, within=ref)
                afis = re.search(rf"\b(?P<n>{NUM})\s+AFIs\b", following.text)
                facts.node(
                    judgement,
                    gev,
                    grade=grade,
                    gradeScale="peel-5" if grade == "adequate" else None,
                    deduced=["gradeScale"] if grade == "adequate" else None,
                    deducedFrom=["gradeScale: 'adequate' exists only on the five-tier scale"]
                    if grade == "adequate"
                    else None,
                )
                facts.edge(R.HAS_JUDGEMENT, ref, judgement, gev)
                facts.edge(R.IN_AREA, judgement, naming.area_ref(area_name, round_), gev)
                if afis:
                    count = parse_number(afis.group("n"))
                    facts.node(ref, gev, afiCount=count)
                    # The paper counts this inspection's AFIs under the PEEL area: they are
                    # the same findings, listed once, so each area AFI is stated to be the
                    # separate inspection's AFI at the same place in that list (the graph's
                    # identity stage merges the two keys, keeping both).
                    peel = naming.peel_inspection(force, round_)
                    for place in range(1, (count or 0) + 1):
                        own = Ref.of("AreaForImprovement", slug, str(place), within=ref)
                        facts.node(own, gev, number=place)
                        facts.edge(R.ISSUED, ref, own, gev)
                        facts.edge(R.IN_AREA, own, naming.area_ref(area_name, round_), gev)
                        counted = Ref.of("AreaForImprovement", slug, str(place), within=peel)
                        facts.edge(R.SAME_AS, counted, own, gev, basis="stated")


def _check_tallies(
    facts: Facts,
    doc: TextDocument,
    intro: list[Para],
    areas: int,
    graded: int,
    tallies: dict[str, int],
) -> None:
    """Warn when the opening's totals ("eleven areas … grading for ten") disagree with the headings."""
    for para in intro:
        stated = _AREAS_GRADED.search(para.text)
        if stated:
            n, g = parse_number(stated.group("n")), parse_number(stated.group("g"))
            if (n, g) != (areas, graded):
                facts.warn(
                    f"the paper states {n} areas with {g} graded, its headings give {areas} and {graded}",
                    para.line_of(stated.start()),
                )
        for tally in _GRADE_TALLY.finditer(para.text):
            grade = _grade(tally.group("g"))
            n = parse_number(tally.group("n"))
            if grade and n != tallies.get(grade, 0):
                facts.warn(
                    f"the paper states {n} {grade} gradings, its headings give {tallies.get(grade, 0)}",
                    para.line_of(tally.start()),
                )


def _plans(
    facts: Facts,
    doc: TextDocument,
    force: Ref,
    inspection: Ref,
    round_: str,
    paras: list[Para],
    context_round: dict[str, str | None],
) -> None:
    """The improvement plans the section's next steps name, and their governance."""
    for para in paras:
        spans = sentence_spans(para.text)
        plan: Ref | None = None
        for a, b in spans:
            text = para.text[a:b]
            ev = para.evidence(doc.lines, a, b, doc)
            closed_plan = re.search(
                r"\bprevious\s+(?P<t>(?:[A-Z][\w/]*\s+)*Improvement\s+Plan)\b(?P<rest>[^.]*)", text
            )
            if closed_plan and re.search(
                r"\bnew\s+plan\b|\bnew\s+(?:improvement\s+)?plan\b", text, re.I
            ):
                previous = context_round["value"]
                if previous:
                    old = Ref.of("ImprovementPlan", f"PEEL {previous}", within=force)
                    facts.node(
                        old,
                        ev,
                        title=closed_plan.group("t"),
                        round=previous,
                        status=outcome_for(closed_plan.group("rest")),
                        deduced=["round"],
                        deducedFrom=[
                            f"round: the plan before the PEEL {round_} plan; the section names PEEL {previous} as the previous round"
                        ],
                    )
                    facts.edge(R.ADDRESSES, old, naming.peel_inspection(force, previous), ev)
                else:
                    facts.warn(
                        "the previous improvement plan's round is not named; not recorded", ev.line
                    )
                plan = Ref.of("ImprovementPlan", f"PEEL {round_}", within=force)
                facts.node(plan, ev, title=f"PEEL {round_} improvement plan", round=round_)
                facts.edge(R.ADDRESSES, plan, inspection, ev)
                continue
            if plan is None:
                continue
            monitored = re.search(
                r"\b(?:monitored|overseen|scrutinised|governed)\s+(?:via|by|through|at)\b",
                text,
                re.I,
            )
            if monitored:
                for board in board_mentions(text[monitored.end() :]):
                    facts.edge(
                        R.OVERSEEN_BY,
                        plan,
                        naming.board_ref(board.surface, force),
                        para.evidence(
                            doc.lines,
                            a + monitored.end() + board.start,
                            a + monitored.end() + board.end,
                            doc,
                        ),
                    )
                for board, post in read_chairs(text):
                    facts.edge(
                        R.CHAIRED_BY,
                        naming.board_ref(board.surface, force),
                        naming.post_ref(post.surface, force),
                        para.evidence(doc.lines, a + board.start, a + post.end, doc),
                    )
            reporting = re.search(r"\breport(?:ing|ed|s)?\b[^.]*?\bto\b", text, re.I)
            if reporting:
                for board in board_mentions(text[reporting.end() :]):
                    facts.edge(
                        R.REPORTS_TO,
                        plan,
                        naming.board_ref(board.surface, force),
                        para.evidence(
                            doc.lines,
                            a + reporting.end() + board.start,
                            a + reporting.end() + board.end,
                            doc,
                        ),
                    )
