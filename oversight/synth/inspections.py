"""The chief constable's "Inspections, Audits & Reviews" papers.

Numbered sections as the real papers number them: aims, then one ``3.n``
section per inspectorate publication of the period (publication date, which
bodies published it, whether this force was inspected, recommendation counts
in words or digits, sometimes the recommendations one by one with a deadline
and the force's response), a PEEL section after a PEEL report (one paragraph
group per area headed "<area> – <grade> (<n> AFIs)", what became of the
previous round's AFIs, stated supersessions, the new improvement plan and its
boards), then internal audit (the plan table, the actions signed off) and
external audit. Conversion damage written in: a section heading repeated
from the section before (the title is then only in the text), tables with one
cell per line, dates with a doubled slash, sentences broken by page furniture.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from oversight.loaders.models import Ref
from oversight.loaders.toolkit import naming
from oversight.ontology import normalise_label
from oversight.synth.docs import Doc, iso, long_date, month_year, numeric_date, ordinal_date, words
from oversight.synth.lexicon import (
    AUDIT_NAMES,
    IA_FILLER,
    PUBLICATION_SUMMARY,
    PUBLICATIONS,
    Publication,
)
from oversight.synth.report import grade_notation
from oversight.synth.world import Chain, ForceWorld, RoundPlan, add_months

__all__ = ["render_inspections", "force_inspected", "publications_between", "count_sentence"]


def force_inspected(seed: int, force_slug: str, publication: Publication) -> bool:
    """Whether a force was one of those a national inspection visited (stable across papers)."""
    digest = hashlib.sha256(f"{seed}/{force_slug}/{publication.title}".encode()).digest()
    return digest[0] % 5 == 0


def publications_between(start: dt.date, end: dt.date) -> list[Publication]:
    return [p for p in PUBLICATIONS if start < dt.date.fromisoformat(p.date) <= end]


def _count(n: int, rng) -> str:  # type: ignore[no-untyped-def]
    return words(n) if n <= 50 and rng.random() < 0.6 else str(n)


def _pair(a: int, b: int, rng) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Two counts of one sentence ("three of the four"), written alike: both in words or both in digits.

    Draws from ``rng`` as two :func:`_count` calls would, so what follows is unchanged.
    """
    in_words = rng.random() < 0.6
    rng.random()
    say = words if in_words else str
    return say(a), say(b)


def count_sentence(publication: Publication, rng) -> tuple[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    """A sentence stating a publication's recommendation counts, and the counts it states."""
    n, chief = publication.recommendations, publication.chief
    if n == 0:
        return "There are no recommendations made in this report.", {
            "recommendationCount": 0, "chiefConstableRecommendationCount": 0}
    if chief is None:
        return f"The report makes {_count(n, rng)} recommendations.", {"recommendationCount": n}
    if chief == 0:
        return f"The report makes {_count(n, rng)} recommendations, all for other agencies.", {
            "recommendationCount": n, "chiefConstableRecommendationCount": 0}
    if chief == n:
        return f"The report sets out {_count(n, rng)} recommendations for the attention of Chief Constables.", {
            "recommendationCount": n, "chiefConstableRecommendationCount": n}
    if rng.random() < 0.5:
        text = f"The report makes {_count(n, rng)} recommendations, {_count(chief, rng)} of which are for Chief Constables."
    else:
        text = f"HMICFRS made {_count(n, rng)} recommendations with {_count(chief, rng)} for Chief Constables."
    return text, {"recommendationCount": n, "chiefConstableRecommendationCount": chief}


def _bodies_phrase(publication: Publication) -> str:
    bodies = list(publication.bodies)
    if len(bodies) == 1:
        return bodies[0]
    return ", ".join(bodies[:-1]) + " and " + bodies[-1]


def _publication(doc: Doc, world: ForceWorld, seed: int, publication: Publication, number: str,
                 previous_heading: str | None) -> str:
    force, rng = world.force, world.rng
    inspection = Ref.of("Inspection", publication.title, within=naming.body_ref("HMICFRS"))
    heading = f"HMICFRS Publication \u2013 {publication.title}"
    repeated = previous_heading is not None and rng.random() < 0.12
    line = doc.para(f"{number} {previous_heading if repeated else heading}")
    if repeated:
        doc.defect("repeated-heading")
    published = dt.date.fromisoformat(publication.date)
    inspected = force_inspected(seed, force.slug, publication)
    said = (
        f"{force.name} was one of {words(rng.randint(5, 12))} forces inspected."
        if inspected
        else f"{force.name} was not inspected."
    )
    first = doc.para(
        f"On {ordinal_date(published)} {_bodies_phrase(publication)} published the findings of their "
        f"{publication.kind_words} entitled '{publication.title}'. {said}"
    )
    doc.node(inspection, first if repeated else line, title=publication.title)
    doc.node(inspection, first, published=iso(published), forceInspected=inspected)
    for body in publication.bodies:
        name = body.split(" (")[0]
        doc.edge("CONDUCTED_BY", inspection, naming.body_ref(name), first)
    if inspected:
        doc.edge("INSPECTED", inspection, force.ref, first)
    sentence, counts = count_sentence(publication, rng)
    summary = rng.choice(PUBLICATION_SUMMARY)
    if "," in sentence and rng.random() < 0.2:
        head, tail = sentence.split(", ", 1)
        count_line = doc.add(f"{summary} {head},", "", "Item 4", "")
        doc.para(tail)
        doc.defect("page-break-in-sentence")
    else:
        count_line = doc.para(f"{summary} {sentence}")
    doc.node(inspection, count_line, **counts)
    if publication.numbered and publication.deadline:
        deadline = dt.date.fromisoformat(publication.deadline)
        cc = Ref.named("Post", "Chief Constable", within=force.ref)
        for index, text in enumerate(publication.numbered, start=1):
            full = f"By {long_date(deadline)}, {text}."
            ref = Ref.of("Recommendation", str(index), within=inspection)
            rec_line = doc.para(f"{index}. {full}")
            doc.node(ref, rec_line, number=index, text=full, addressee="chief constables",
                     forChiefConstables=True, deadline=iso(deadline))
            doc.edge("ISSUED", inspection, ref, rec_line)
            doc.edge("ADDRESSED_TO", ref, cc, rec_line)
            doc.para(rng.choice(IA_FILLER))
    return heading


def _peel(doc: Doc, world: ForceWorld, plan: RoundPlan, previous: RoundPlan | None, stamp: str) -> str:
    force, round_, rng = world.force, plan.round, world.rng
    inspection = naming.peel_inspection(force.ref, round_.notation)
    heading = rng.choice((
        f"PEEL {round_.notation} \u2013 An Inspection of {force.name}",
        f"Police Effectiveness, Efficiency and Legitimacy (PEEL) {round_.notation} \u2013 An Inspection of {force.name}",
    ))
    line = doc.para(f"3.1 {heading}")
    doc.node(inspection, line, title=heading, kind="peel", round=round_.notation, forceInspected=True)
    doc.edge("INSPECTED", inspection, force.ref, line)
    line = doc.para(
        f"On {long_date(plan.published)}, HMICFRS published their PEEL inspection of {force.name}. The inspection "
        f"assessed how good the force is in the areas of policing set out in the PEEL assessment framework."
    )
    doc.node(inspection, line, published=iso(plan.published))
    doc.edge("CONDUCTED_BY", inspection, naming.body_ref("HMICFRS"), line)

    prior = previous if previous is not None and previous.round.tracked else None
    if prior is not None:
        old = naming.peel_inspection(force.ref, prior.round.notation)
        total = len(prior.afis)
        closed = sum(1 for a in prior.afis if a.outcome == "closed")
        superseded = sum(1 for a in prior.afis if a.outcome == "superseded")
        carried = [a for a in prior.afis if a.outcome == "carried-forward"]
        doc.add(f"Areas for improvement (AFIs) issued by HMICFRS in PEEL {prior.round.notation} indicate where the force "
                "needed to improve.")
        if closed:
            said_closed, said_total = _pair(closed, total, rng)
            line = doc.add(
                f"HMICFRS have agreed to close {said_closed} of the {said_total} AFIs issued from "
                f"PEEL {prior.round.notation}."
            )
            _stated_count(doc, old, stamp, "closed", line, count=closed, ofTotal=total)
        if superseded:
            said, said_rest = _pair(superseded, total - closed, rng)
            if superseded < total - closed:
                text = f"{said.capitalize()} of the {said_rest} remaining AFIs have been superseded."
                of_total = total - closed
            else:  # every one not closed: counted against all the round's AFIs
                said, said_total = (words(superseded), words(total)) if said.isalpha() else (said, str(total))
                text = f"{said.capitalize()} of the {said_total} AFIs have been superseded."
                of_total = total
            line = doc.add(text)
            _stated_count(doc, old, stamp, "superseded", line, count=superseded, ofTotal=of_total)
        if len(carried) == 1:
            line = doc.add(
                f"The remaining AFI in respect of {carried[0].topic.phrase} issued in PEEL {prior.round.notation} "
                f"will be carried forward into the new improvement plan."
            )
            _stated_count(doc, old, stamp, "carried-forward", line, count=1)
        elif carried:
            line = doc.add(
                f"The remaining {_count(len(carried), rng)} AFIs issued in PEEL {prior.round.notation} will be "
                f"carried forward into the new improvement plan."
            )
            _stated_count(doc, old, stamp, "carried-forward", line, count=len(carried))
        doc.add("")

    later_chains: dict[str, list[Chain]] = {}
    for chain in world.chains:
        if chain.later.round is round_ and chain.basis in ("stated", "stated-unidentified") and prior is not None:
            later_chains.setdefault(chain.later.area.slug, []).append(chain)
    for area in round_.areas:
        if not area.graded:
            continue
        afis = sorted(plan.afis_in(area.slug), key=lambda a: a.area_position)
        grade = plan.grades[area.slug]
        count = "No AFIs" if not afis else ("1 AFI" if len(afis) == 1 else f"{len(afis)} AFIs")
        head = doc.para(f"{area.short_name} \u2013 {grade.title() if rng.random() < 0.5 else grade} ({count})")
        judgement = Ref.of("Judgement", area.slug, within=inspection)
        doc.node(judgement, head, grade=grade_notation(grade), gradeScale="peel-5" if round_.tiers == 5 else "peel-4",
                 afiCount=len(afis))
        doc.edge("HAS_JUDGEMENT", inspection, judgement, head)
        area_ref = naming.area_ref(area.short_name, round_.notation)
        doc.edge("IN_AREA", judgement, area_ref, head)
        before = previous.grades.get(area.slug) if previous is not None and previous.round.tiers == round_.tiers else None
        if before is not None and before != grade:
            line = doc.add(f"The force has moved from {before.lower()} to {grade.lower()} in this area.")
            doc.node(judgement, line, previousGrade=grade_notation(before))
            doc.para(rng.choice(IA_FILLER))
        else:
            doc.para(rng.choice(IA_FILLER))
        for afi in afis:
            ref = Ref.of("AreaForImprovement", area.slug, str(afi.area_position), within=inspection)
            if afi.ia_described:
                sentence = rng.choice(("An AFI was given in respect of", "One AFI relates to", "A further AFI concerns"))
                text = f"{sentence} {afi.topic.phrase}."
                status_text = {
                    None: "",
                    "in-progress": " This AFI remains ongoing to ensure improvements are sustained.",
                    "discharged": " As a result of the evidence provided this AFI has been discharged.",
                }[afi.ia_status]
                line = doc.para(text + status_text)
                doc.node(ref, line, number=afi.area_position, text=text)
                doc.edge("ISSUED", inspection, ref, line)
                if afi.ia_status:
                    status = Ref.of("StatusAssessment", stamp, within=ref)
                    doc.node(status, line, status=afi.ia_status, date=stamp)
                    doc.edge("HAS_STATUS", ref, status, line)
            else:
                doc.node(ref, head, number=afi.area_position)
                doc.edge("ISSUED", inspection, ref, head)
            doc.edge("IN_AREA", ref, area_ref, head)
        for chain in later_chains.get(area.slug, []):
            assert prior is not None
            _stated_chain(doc, world, chain, inspection, area.short_name, prior.round.notation, stamp)
        if prior is not None and prior.round.tiers == round_.tiers:
            earlier = prior.afis_in(area.slug)
            shut = sum(1 for a in earlier if a.outcome == "closed")
            if earlier and shut and rng.random() < 0.5:
                said_shut, said_earlier = _pair(shut, len(earlier), rng)
                old = naming.peel_inspection(force.ref, prior.round.notation)
                if len(earlier) == 1:
                    line = doc.para(
                        f"The work in this area has addressed the previous AFI given to the force in PEEL "
                        f"{prior.round.notation} and it has been closed by HMICFRS."
                    )
                    ref = _stated_count(doc, old, stamp, "closed", line, count=1, slug=area.slug)
                else:
                    line = doc.para(
                        f"The work in this area has addressed {said_shut} of the {said_earlier} previous AFIs given to "
                        f"the force in PEEL {prior.round.notation} and these have been closed by HMICFRS."
                    )
                    ref = _stated_count(doc, old, stamp, "closed", line, count=shut, ofTotal=len(earlier), slug=area.slug)
                doc.edge("IN_AREA", ref, naming.area_ref(area.short_name, prior.round.notation), line)
    doc.para("Next Steps")
    board_name, board_abbr, chair = world.board
    named = f"the {board_name} ({board_abbr})" if board_abbr else f"the {board_name}"
    chair_words = {"Deputy Chief Constable": rng.choice(("DCC", "Deputy Chief Constable")), "Chief Constable": "Chief Constable"}[chair]
    line = doc.para(
        "The previous PEEL Improvement Plan has now been closed and a new plan created. "
        f"Progress will be monitored via {named} chaired by the {chair_words} to ensure scrutiny at the highest level. "
        "Regular reporting of progress will also take place to the PCC Performance and Delivery Board."
    )
    new_plan = Ref.of("ImprovementPlan", f"PEEL {round_.notation}", within=force.ref)
    doc.node(new_plan, line, title=f"PEEL {round_.notation} improvement plan", round=round_.notation)
    doc.edge("ADDRESSES", new_plan, inspection, line)
    if prior is not None:
        old_plan = Ref.of("ImprovementPlan", f"PEEL {prior.round.notation}", within=force.ref)
        doc.node(old_plan, line, title="PEEL Improvement Plan", round=prior.round.notation, status="closed")
        doc.edge("ADDRESSES", old_plan, naming.peel_inspection(force.ref, prior.round.notation), line)
    board = Ref.named("Board", board_name, within=force.ref)
    doc.edge("OVERSEEN_BY", new_plan, board, line)
    doc.edge("CHAIRED_BY", board, Ref.named("Post", chair, within=force.ref), line)
    doc.edge("REPORTS_TO", new_plan, Ref.named("Board", "Performance and Delivery Board", within=force.ref), line)
    return heading


def _stated_count(doc: Doc, old: Ref, stamp: str, outcome: str, line: int, slug: str | None = None,
                  **props: int) -> Ref:
    parts = (outcome, slug) if slug else (outcome,)
    ref = Ref.of("StatedCount", stamp, *parts, within=old)
    doc.node(ref, line, outcome=outcome, findingKind="AreaForImprovement", **props)
    doc.node(old, line, kind="peel", round=old.parts[0].removeprefix("PEEL "))
    doc.edge("HAS_STATED_COUNT", old, ref, line)
    return ref


def _stated_chain(doc: Doc, world: ForceWorld, chain: Chain, inspection: Ref, area_name: str, prior: str,
                  stamp: str) -> None:
    earlier, later = chain.earlier, chain.later
    old = Ref.of("AreaForImprovement", str(earlier.number), within=naming.peel_inspection(world.force.ref, prior))
    if chain.form == "description":
        text = f"AFI {earlier.number} from PEEL {prior} has been superseded by the new AFI on {later.topic.phrase}."
    elif chain.form == "place":
        text = f"AFI {earlier.number} from PEEL {prior} is superseded by AFI {later.area_position} in {area_name}."
    elif chain.form == "this-area":
        text = (f"The previous AFI {earlier.number} ({earlier.topic.phrase}) is superseded by AFI "
                f"{later.area_position} in this area.")
    else:
        text = f"AFI {earlier.number} from PEEL {prior} has been superseded by a new AFI in this area."
    line = doc.para(text)
    if chain.form == "unidentified":
        status = Ref.of("StatusAssessment", stamp, within=old)
        doc.node(status, line, status="superseded", date=stamp)
        doc.edge("HAS_STATUS", old, status, line)
        return
    new = Ref.of("AreaForImprovement", later.area.slug, str(later.area_position), within=inspection)
    doc.edge("SUPERSEDES", new, old, line, basis="stated")


def _audits(doc: Doc, world: ForceWorld, date: dt.date, used: set[str]) -> None:
    force, rng = world.force, world.rng
    fy = date.year if date.month >= 4 else date.year - 1
    year = f"{fy}/{(fy + 1) % 100:02d}"
    one_cell = rng.random() < 0.5
    line = doc.para("4. Internal and External Audit Functions.")
    names = rng.sample(AUDIT_NAMES, rng.randint(6, 12))
    planned: dict[str, Ref] = {}
    rows: list[tuple[list[str], dict[str, object], list[str]]] = []
    for name in names:
        joint = rng.random() < 0.2
        start = add_months(dt.date(fy, 4, 1), rng.randint(0, 11), rng.randint(1, 28))
        props: dict[str, object] = {"title": name, "planYear": year, "joint": True if joint else None}
        if rng.random() < 0.12:
            start_cell = rng.choice(("Q3/4", "Q4", "Q2"))
            props["plannedQuarter"] = {"Q3/4": "Q3-Q4", "Q4": "Q4", "Q2": "Q2"}[start_cell]
        else:
            start_cell = numeric_date(start, short_year=one_cell)
            props["plannedStart"] = iso(start)
        sponsors = rng.sample(world.sponsors, rng.choice((1, 1, 1, 2)))
        if rng.random() < 0.1:
            sponsor_cell, sponsor_names = "Sponsor TBC", []
            props["sponsorMissing"] = True
        else:
            sponsor_cell = "/".join(p.full for p in sponsors)
            sponsor_names = [p.full for p in sponsors]
        stage = rng.choices(("draft", "final", "fieldwork", "scope", "timing"), (2, 3, 3, 2, 2))[0]
        if stage in ("draft", "final"):
            issued = add_months(start, rng.randint(1, 3), rng.randint(1, 28))
            doubled = rng.random() < 0.15
            when = numeric_date(issued, short_year=True, doubled=doubled)
            if doubled:
                doc.defect("doubled-slash-date")
            if stage == "final":
                assurance = rng.choice(("Substantial", "Reasonable", "Partial"))
                status_cell = f"FINAL issued {when} ({assurance} assurance)"
                props.update(stage="final", stageDate=iso(issued), assurance=assurance.lower())
            else:
                status_cell = f"DRAFT issued {when}"
                props.update(stage="draft", stageDate=iso(issued))
        else:
            status_cell, notation = {
                "fieldwork": ("Fieldwork in progress", "fieldwork"),
                "scope": ("Scope and timing agreed", "scope-and-timing-agreed"),
                "timing": ("Timing agreed", "timing-agreed"),
            }[stage]
            props["stage"] = notation
        props["stageText"] = status_cell
        cell_name = f"{name} (Joint)" if joint else name
        rows.append(([cell_name, start_cell, sponsor_cell, status_cell], props, sponsor_names))
    if one_cell:
        doc.para(f"The table below shows the latest update in respect of the remaining audits on the "
                 f"{fy % 100:02d}/{(fy + 1) % 100:02d} Internal Audit Plan:")
        header = ["Audit ", "Planned start", "Sponsor", "Status"]
        doc.para(*[f"\t{c}" for c in header])
        doc.defect("one-cell-per-line-table")
    else:
        doc.para(f"4.1 Internal Audits. The latest audit plan covering the OPCC and Force for {year} is shown in the "
                 f"table below and includes start dates where these are known.")
        doc.add("Audit\tPlanned start\tSponsor(s)\tStatus")
    for cells, props, sponsor_names in rows:
        if one_cell:
            first = doc.para(*[f"\t{c}" for c in cells])
            sponsor_line = first + 2
        else:
            first = sponsor_line = doc.add("\t".join(cells))
        name = str(props["title"])
        ref = Ref.of("Audit", f"{year} {name}", within=force.ref)
        planned[normalise_label(name)] = ref
        doc.node(ref, first, **props)
        for person in sponsor_names:
            doc.edge("SPONSORED_BY", ref, Ref.named("Person", person, within=force.ref), sponsor_line)
    if not one_cell:
        doc.add("")
    doc.para("Delivery of the plan is reviewed at each meeting of the audit committee.")
    del line

    if rng.random() < 0.6:
        jac = Ref.named("Board", "Joint Audit Committee", within=force.ref)
        intro = doc.add(
            "Audit actions and progress are reported at the Joint Audit Committee. Actions signed off since "
            "the last meeting of the committee are listed below."
        )
        header = ["Audit Name", "Recommendation", "Risk", "Deadline", "Signoff Date"]
        if one_cell:
            doc.para(*[f"\t{c}" for c in header])
        else:
            doc.add("\t".join(header))
        # Each action is signed off once: an audit's actions are not listed again in a later paper.
        candidates = [n for n in names if n not in used] + [n for n in AUDIT_NAMES if n not in names and n not in used]
        wanted = rng.randint(2, 4)
        for name in rng.sample(candidates[:10], min(wanted, len(candidates[:10]))):
            used.add(name)
            numbers = sorted(rng.sample(range(1, 10), rng.randint(1, 3)))
            recs_cell = numbers[0] if len(numbers) == 1 else ",".join(map(str, numbers[:-1])) + f" & {numbers[-1]}"
            risk_cell = rng.choice(("Low", "Medium", "High", "Medium/ Low"))
            deadline = add_months(date, -rng.randint(1, 4), 28)
            signed = add_months(date, -rng.randint(0, 2), rng.randint(1, 27))
            cells = [name, str(recs_cell), risk_cell, numeric_date(deadline), numeric_date(signed)]
            if one_cell:
                first = doc.add(*[f"\t{c}" for c in cells])
                superseded = rng.random() < 0.15
                if superseded:
                    note_line = doc.add("This action is marked as completed because it has been superseded.")
                doc.add("")
            else:
                first = doc.add("\t".join(cells))
                superseded = False
            audit = planned.get(normalise_label(name))
            if audit is None:
                audit = Ref.of("Audit", name, within=force.ref)
                doc.node(audit, first, title=name)
            rec_line = first + 1 if one_cell else first
            signed_line = first + 4 if one_cell else first
            for number in numbers:
                rec = Ref.of("AuditRecommendation", str(number), within=audit)
                risk = {"Low": "low", "Medium": "medium", "High": "high"}.get(risk_cell)
                doc.node(rec, first, number=number, deadline=iso(deadline), signedOff=iso(signed), risk=risk,
                         riskText=None if risk else risk_cell)
                doc.edge("RAISED_IN", rec, audit, rec_line)
                doc.edge("OVERSEEN_BY", rec, jac, intro)
                status = Ref.of("StatusAssessment", iso(signed), within=rec)
                if superseded:
                    doc.node(status, note_line, status="superseded", completed=True, date=iso(signed))
                    doc.edge("HAS_STATUS", rec, status, note_line)
                else:
                    doc.node(status, first, status="completed", completed=True, date=iso(signed))
                    doc.edge("HAS_STATUS", rec, status, signed_line)
        if not one_cell:
            doc.add("")
        doc.add("")
    doc.para("4.2 External Audit.")
    ey = naming.body_ref("EY")
    line = doc.para(f"Our auditors, EY, are reviewing information ahead of the final sign off for the "
                    f"{fy - 1}/{fy % 100:02d} accounts.")
    doc.edge("AUDITED_BY", force.ref, ey, line, role="external auditor")


def render_inspections(world: ForceWorld, plan: RoundPlan, index: int, previous: RoundPlan | None,
                       seed: int, used_audits: set[str]) -> Doc:
    """Inspections-and-audits paper ``index`` of ``plan``'s round, with the facts it states."""
    force, round_, rng = world.force, plan.round, world.rng
    date = plan.ia_dates[index]
    stamp = iso(date)
    doc = Doc(f"{force.slug}/{round_.slug}/inspections-audits-{index + 1}.txt", "inspections-audits")
    doc.add("", "", "Chief Constable's Report", "to",
            f"{force.place} Police and Crime Commissioner's Performance and Delivery Board", "")
    doc.para("INSPECTIONS, AUDITS & REVIEWS")
    doc.para(ordinal_date(date))
    doc.para("1. Strategic Overview.")
    doc.para("Policing is a regulated public service, and the framework for its governance is set by statute and "
             "by the protocol agreed between commissioners and chief constables.")
    doc.para("2. Aims of the report.")
    period_start = add_months(date, -4, 1)
    doc.para(f"This report will record the key detail of the latest or ongoing inspections, audits or other reviews "
             f"that have taken place during the period {month_year(period_start)} to {month_year(add_months(date, -1, 1))}.")
    doc.para("Progress against recommendations is monitored through established governance processes, with regular "
             "updates provided to the Deputy Chief Constable.")
    doc.para("3. His Majesty's Inspectorate of Constabulary and Fire and Rescue Service (HMICFRS).")
    doc.para("The role of HMICFRS is to inspect and report on the efficiency and effectiveness of police forces in "
             "the public interest.")
    number = 1
    previous_heading: str | None = None
    if index == 0 and round_.tracked:
        _peel(doc, world, plan, previous, stamp)
        number = 2
    for publication in publications_between(add_months(date, -5, 1), date - dt.timedelta(days=7)):
        previous_heading = _publication(doc, world, seed, publication, f"3.{number}", previous_heading)
        number += 1
    _audits(doc, world, date, used_audits)
    doc.para("5. Summary.")
    doc.para(rng.choice(IA_FILLER))
    return doc
