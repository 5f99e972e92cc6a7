"""PEEL inspection reports, in the layout of the published reports converted to text.

Title block (title, "An inspection of <force>", month of publication, the
copyright line), contents, a judgements table, then one ``#`` section per
assessed area opening with its grade, with the area's findings as bullets
under "Area(s) for improvement" (and, in some reports, a cause of concern with
its recommendations). Conversion damage written in: bullets wrapped onto a
second line, a finding written as a paragraph, footnotes breaking the prose,
bold sub-headings.
"""

from __future__ import annotations

from oversight.loaders.models import Ref
from oversight.loaders.toolkit import naming
from oversight.ontology import ontology
from oversight.synth.docs import Doc, iso_month, month_year
from oversight.synth.lexicon import REPORT_FILLER
from oversight.synth.world import ForceWorld, RoundPlan

__all__ = ["render_report", "grade_notation"]

_SUBHEADINGS = ("How the force works", "What we found", "Leadership of this area", "Working with partners")


def grade_notation(word: str) -> str:
    notation = ontology().vocabulary("Grades").notation_for(word)
    assert notation is not None, word
    return notation


def _judgement(doc: Doc, inspection: Ref, round_: str, name: str, line: int, **props: object) -> None:
    slug = naming.area_slug(name, round_)
    assert slug is not None, name
    judgement = Ref.of("Judgement", slug, within=inspection)
    doc.node(judgement, line, **props)
    doc.edge("HAS_JUDGEMENT", inspection, judgement, line)
    doc.edge("IN_AREA", judgement, naming.area_ref(name, round_), line)


def _filler(doc: Doc, world: ForceWorld, count: int, footnote: int | None = None) -> None:
    rng = world.rng
    for sentence in rng.sample(REPORT_FILLER, count):
        doc.para(sentence.format(force=world.force.name))
    if footnote is not None:
        doc.para("---")
        doc.para(f"<sup>{footnote}</sup> The figures in this section are those the force gave us during the inspection.")
        doc.defect("footnote-break")


def render_report(world: ForceWorld, plan: RoundPlan) -> Doc:
    """The PEEL report of ``plan``'s round for ``world``'s force, with the facts it states."""
    force, round_, rng = world.force, plan.round, world.rng
    scale = "peel-4" if round_.tiers == 4 else "peel-5"
    doc = Doc(f"{force.slug}/{round_.slug}/report.txt", "peel-report")
    inspection = naming.peel_inspection(force.ref, round_.notation, round_.pillar)
    doc.add("", "")
    line = doc.para(f"# {round_.title}")
    doc.node(inspection, line, kind="peel", round=round_.notation, pillar=round_.pillar, title=round_.title)
    line = doc.para(f"An inspection of {force.name}")
    doc.edge("INSPECTED", inspection, force.ref, line)
    doc.add("", "")
    line = doc.para(month_year(plan.published))
    doc.node(inspection, line, published=iso_month(plan.published))
    line = doc.para(f"\u00a9 HMICFRS {plan.published.year}")
    doc.edge("CONDUCTED_BY", inspection, naming.body_ref("HMICFRS"), line)
    doc.para("# Contents")
    page = 3
    for area in round_.areas:
        if area.graded:
            doc.add(f"<b>{area.report_name} .....</b>\t<b>{page}</b>")
            page += rng.randint(2, 4)
    doc.add(f"<b>Annex A \u2013 About the data .....</b>\t<b>{page}</b>", "")

    doc.para("## Overview")
    doc.para("### Judgements")
    if plan.overall is not None:
        label = "2017" if round_.notation == "2017" else round_.notation
        line = doc.para(f"Overall effectiveness {label}  {plan.overall}")
        _judgement(doc, inspection, round_.notation, "Overall effectiveness", line,
                   grade=grade_notation(plan.overall), gradeScale=scale)
    header = "Question\tGrade\tLast inspected" if plan.last_inspected else (
        "Question\tGrade" if round_.tiers == 4 else "Area of policing\tGrade")
    doc.add(header)
    for area in round_.areas:
        last = plan.last_inspected.get(area.slug)
        grade = plan.grades.get(area.slug, "Ungraded")
        cells = [area.report_name, f" {grade}"] + ([last] if last else [])
        if not area.graded and not last:
            continue
        line = doc.add("\t".join(cells))
        _judgement(doc, inspection, round_.notation, area.report_name, line,
                   grade=grade_notation(grade), gradeScale=scale, lastInspected=last)
    doc.add("")
    doc.para("### Summary")
    _filler(doc, world, 2)

    footnote = 1
    causes = {c.area.slug: c for c in plan.causes}
    coc_number = rec_number = afi_number = 0
    for area in round_.areas:
        afis = plan.afis_in(area.slug)
        inspected = plan.last_inspected.get(area.slug, round_.notation) == round_.notation
        if not area.graded:
            if plan.last_inspected.get(area.slug):
                doc.para(f"## {area.report_name}")
                doc.para("### Ungraded")
                _filler(doc, world, 1)
            continue
        if not inspected and not afis:
            continue
        section = doc.para(f"# {area.report_name}")
        doc.add("", "")
        line = doc.para(plan.grades[area.slug])
        _judgement(doc, inspection, round_.notation, area.report_name, line,
                   grade=grade_notation(plan.grades[area.slug]), gradeScale=scale)
        sub = rng.choice(_SUBHEADINGS)
        doc.para(f"## **{sub}**" if rng.random() < 0.3 else f"## {sub}")
        if rng.random() < 0.25:
            _filler(doc, world, 2, footnote)
            footnote += 1
        else:
            _filler(doc, world, 2)
        if afis:
            heading = "Area for improvement" if len(afis) == 1 else "Areas for improvement"
            hashes = rng.choice(("####", "###"))
            heading_line = doc.para(f"{hashes} **{heading}**" if rng.random() < 0.2 else f"{hashes} {heading}")
            paragraph_form = len(afis) == 1 and rng.random() < 0.2
            for afi in afis:
                afi_number += 1
                assert afi_number == afi.number
                ref = Ref.of("AreaForImprovement", str(afi.number), within=inspection)
                if paragraph_form:
                    start = doc.add(afi.text)
                    doc.defect("finding-as-paragraph")
                elif rng.random() < 0.12 and len(afi.text.split()) > 8:
                    cut = len(afi.text.split()) // 2
                    words_ = afi.text.split()
                    start = doc.add("- " + " ".join(words_[:cut]), "  " + " ".join(words_[cut:]))
                    doc.defect("wrapped-bullet")
                else:
                    start = doc.add(f"- {afi.text}")
                doc.node(ref, start, text=afi.text, number=afi.number)
                doc.edge("ISSUED", inspection, ref, heading_line)
                doc.edge("IN_AREA", ref, naming.area_ref(area.report_name, round_.notation), section)
            doc.add("")
        cause = causes.get(area.slug)
        if cause is not None:
            coc_number += 1
            heading_line = doc.para("#### Cause of concern")
            ref = Ref.of("CauseOfConcern", str(coc_number), within=inspection)
            start = doc.para(cause.text)
            doc.node(ref, start, text=cause.text, number=coc_number)
            doc.edge("ISSUED", inspection, ref, heading_line)
            doc.edge("IN_AREA", ref, naming.area_ref(area.report_name, round_.notation), section)
            heading_line = doc.para("#### Recommendations")
            for text in cause.recommendations:
                rec_number += 1
                ref = Ref.of("Recommendation", str(rec_number), within=inspection)
                start = doc.add(f"- {text}")
                doc.node(ref, start, text=text, number=rec_number)
                doc.edge("ISSUED", inspection, ref, heading_line)
                doc.edge("IN_AREA", ref, naming.area_ref(area.report_name, round_.notation), section)
            doc.add("")
    doc.para("# Annex A \u2013 About the data")
    doc.para("The information in this report comes from data the force supplied, our fieldwork and published statistics.")
    return doc
