"""An inspection a board discussed: which one, its publication, the AFIs discussed."""

from __future__ import annotations

import re

from oversight.loaders.families.minutes.meeting import Meeting
from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.counts import NUM, read_counts
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import force_pattern, scanner
from oversight.loaders.toolkit.naming import short_title
from oversight.loaders.toolkit.publication import inspection_kind, read_force_inspected
from oversight.loaders.toolkit.spans import Para, clean_cell, sentence_spans
from oversight.loaders.toolkit.statuses import outcome_for
from oversight.loaders.toolkit.textparse import parse_number
from oversight.ontology import R, ontology

_PUBLICATION = re.compile(
    r"^\s*[-\u2022]?\s*(?P<prefix>(?:[A-Z&]{2,8}\s+)*Publication:?\s*(?:Super[\s-]?Complaint:?\s*)?)(?P<title>[^:]+?):\s+(?P<rest>.+)$"
)


def inspection_discussed(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    meeting: Meeting,
    item: Ref,
    para: Para,
    paras: list[Para],
) -> None:
    """An inspection a board item reports ("HMICFRS Publication <title>: Kent was one of …")."""
    match = _PUBLICATION.match(para.text)
    if not match:
        return
    prefix, title, rest = (
        match.group("prefix"),
        clean_cell(match.group("title")),
        match.group("rest"),
    )
    kind = inspection_kind(
        f"{title} {'super complaint' if re.search('complaint', prefix, re.I) else ''}", rest
    )
    bodies = scanner("Inspectorate").find(prefix)
    in_title = force is not None and re.search(rf"\b{force_pattern(force)}\b", title)
    if in_title:
        inspection = Ref.of("Inspection", short_title(title, force), within=force)
    elif bodies:
        inspection = Ref.of("Inspection", title, within=naming.body_ref(bodies[0].surface))
    else:
        inspection = Ref.of("Inspection", title)
    title_ev = para.evidence(doc.lines, match.start("title"), match.end("title"), doc)
    facts.node(inspection, title_ev, title=title, kind=kind)
    for body in bodies:
        facts.edge(
            R.CONDUCTED_BY,
            inspection,
            naming.body_ref(body.surface),
            para.evidence(doc.lines, body.start, body.end, doc),
        )
    facts.edge(R.DISCUSSES, item, inspection, title_ev)
    offset = match.start("rest")
    if in_title:
        facts.node(inspection, title_ev, forceInspected=True)
        facts.edge(R.INSPECTED, inspection, force, title_ev)  # type: ignore[arg-type]
    else:
        found = read_force_inspected(rest, force)
        if found:
            ev = para.evidence(doc.lines, offset + found[1], offset + found[2], doc)
            facts.node(inspection, ev, forceInspected=found[0])
            if found[0] and force is not None:
                facts.edge(R.INSPECTED, inspection, force, ev)
    counted: set[str] = set()
    for a, b in sentence_spans(rest):
        sentence = rest[a:b]
        ev = para.evidence(doc.lines, offset + a, offset + b, doc)
        for name, value in read_counts(sentence).items():
            if name not in counted:
                counted.add(name)
                facts.node(inspection, ev, **{name: value})
        for outcome, pattern in (
            ("discharged", rf"\bdischarged\s+(?P<n>{NUM})\b"),
            ("closed", rf"\bclosed\s+(?P<n>{NUM})\b"),
            ("open", rf"\bremaining\s+(?P<n>{NUM})\b[^.]*\b(?:would|will)\b"),
        ):
            stated = re.search(pattern, sentence, re.I)
            if stated:
                ref = Ref.of("StatedCount", meeting.date or facts.stamp, outcome, within=inspection)
                facts.node(ref, ev, outcome=outcome, count=parse_number(stated.group("n")))
                facts.edge(R.HAS_STATED_COUNT, inspection, ref, ev)
    grade = re.search(
        r"\bgraded\s+['\u2018\"]?(?P<g>Outstanding|Good|Adequate|Requires\s+Improvement|Inadequate)",
        rest,
        re.I,
    )
    area_name = short_title(title, force) if in_title else title
    slug = naming.area_slug(area_name)
    if grade:
        ev = para.evidence(doc.lines, offset + grade.start(), offset + grade.end(), doc)
        notation = ontology().vocabulary("Grades").notation_for(grade.group("g"))
        if slug:
            judgement = Ref.of("Judgement", slug, within=inspection)
            five = notation == "adequate"
            facts.node(
                judgement,
                ev,
                grade=notation,
                gradeScale="peel-5" if five else None,
                deduced=["gradeScale"] if five else None,
                deducedFrom=["gradeScale: 'adequate' exists only on the five-tier scale"]
                if five
                else None,
            )
            facts.edge(R.HAS_JUDGEMENT, inspection, judgement, ev)
            facts.edge(R.IN_AREA, judgement, naming.area_ref(area_name), ev)
        else:
            facts.warn(
                f"inspection {title!r} graded {grade.group('g')!r} in no known assessment area",
                ev.line,
            )
    if slug and re.search(r"\bAFIs\b", rest):
        _discussed_afis(facts, doc, meeting, inspection, slug, area_name, para, paras, rest)


def _discussed_afis(
    facts: Facts,
    doc: TextDocument,
    meeting: Meeting,
    inspection: Ref,
    slug: str,
    area_name: str,
    para: Para,
    paras: list[Para],
    rest: str,
) -> None:
    """The AFIs a board item lists under an inspection, with the status the item gives them."""
    index = paras.index(para)
    status = outcome_for(rest)
    status_ev = para.evidence(doc.lines, para.text.find(rest), len(para.text), doc)
    number = 0
    for following in paras[index + 1 :]:
        raw = doc.lines[following.first - 1]
        if not re.match(r"^\s+[-\u2022]\s+", raw):
            break
        number += 1
        text = re.sub(r"^\s*[-\u2022]\s*", "", following.text)
        cut = re.search(
            r"\s+the\s+(?:[A-Z]{2,4}|Chief\s+Constable|Deputy\s+Chief\s+Constable)\s+(?:said|reported|advised|stated|confirmed)\b",
            text,
        )
        description = text[: cut.start()] if cut else text
        start = following.text.find(description)
        afi = Ref.of("AreaForImprovement", slug, str(number), within=inspection)
        ev = following.evidence(doc.lines, start, start + len(description), doc)
        facts.node(afi, ev, number=number, text=clean_cell(description))
        facts.edge(R.ISSUED, inspection, afi, ev)
        facts.edge(R.IN_AREA, afi, naming.area_ref(area_name), ev)
        if status:
            assessment = Ref.of("StatusAssessment", meeting.date, within=afi)
            facts.node(assessment, status_ev, status=status, date=meeting.date)
            facts.edge(R.HAS_STATUS, afi, assessment, status_ev)
