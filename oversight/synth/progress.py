"""Commissioners' progress papers on a PEEL round's areas for improvement.

The layout of a paper to the police and crime panel: letterhead, To / Subject
/ Date, numbered paragraphs (the publication, sometimes the graded judgements
as a grid with one column per grade, the governance of the AFIs, the RAG
totals, how the commissioner holds the chief constable to account), then an
appendix taking each AFI in turn. The appendix carries the damage of a Word
table converted to text, at rates like the real papers':

- about 1 heading in 15 loses its number, 1 in 40 is lost whole;
- the RAG word stands on its own line, in a trailing cell, in bold inside a
  run-on line, or is missing (then only the paper's totals tell it);
- "Action Taken" and "Ongoing Activity" come as separate headings (sometimes
  doubled), as two positioned cells, broken mid-word, or run into one line;
- completion as "Completed" or "Anticipated completion date – <month>" with or
  without a remark.

A RAG the paper omits is in the truth only where the paper's own totals settle
it (every AFI without one has the same colour), as extraction deduces it.
"""

from __future__ import annotations

from oversight.loaders.models import Ref
from oversight.loaders.toolkit import naming
from oversight.synth.docs import Doc, iso, iso_month, long_date, month_year, words
from oversight.synth.lexicon import ACTIONS, FIVE_TIER, ONGOING
from oversight.synth.report import grade_notation
from oversight.synth.world import Afi, ForceWorld, RoundPlan, Status

__all__ = ["render_progress"]

_STATUS_WORD = {"green": "completed", "amber": "in-progress", "red": None}


def _split_name(name: str) -> list[str]:
    """An area name as a grid wraps it: the continuation starts in lower case."""
    words_ = name.split()
    for cut in range(len(words_) - 1, 0, -1):
        if words_[cut][0].islower() and cut >= 1:
            if len(" ".join(words_[:cut])) <= 22 or cut == 1:
                return [" ".join(words_[:cut]), " ".join(words_[cut:])]
    return [name]


def _grid(doc: Doc, world: ForceWorld, plan: RoundPlan, inspection: Ref) -> None:
    round_ = plan.round
    intro = doc.para(f"- 4. The following is an overview of the graded judgements HMICFRS gave {world.force.name}:")
    columns: dict[str, list[tuple[str, str]]] = {grade: [] for grade in FIVE_TIER}
    for area in round_.areas:
        if area.graded:
            columns[plan.grades[area.slug]].append((area.slug, area.report_name))
    fragments: dict[str, list[tuple[str, str, str]]] = {}
    for grade, names in columns.items():
        fragments[grade] = []
        for slug, name in names:
            for piece in _split_name(name):
                fragments[grade].append((slug, name, piece))
    header = doc.add("\t".join(FIVE_TIER))
    rows = max(len(v) for v in fragments.values())
    first_row: dict[str, int] = {}
    last_row: dict[str, int] = {}
    for row in range(rows):
        cells = []
        for grade in FIVE_TIER:
            if row < len(fragments[grade]):
                slug, name, piece = fragments[grade][row]
                cells.append(piece)
                line = header + 1 + row
                first_row.setdefault(slug, line)
                last_row[slug] = line
            else:
                cells.append("")
        doc.add("\t".join(cells) + "\t")
    doc.add("")
    for grade, names in columns.items():
        for slug, name in names:
            judgement = Ref.of("Judgement", slug, within=inspection)
            doc.node(judgement, header, grade=grade_notation(grade), gradeScale="peel-5")
            doc.edge("HAS_JUDGEMENT", inspection, judgement, intro)
            doc.edge("IN_AREA", judgement, naming.area_ref(name, round_.notation), first_row[slug])
    doc.defect("judgement-grid")


def _completion(status: Status, remark: bool) -> str:
    if status.rag == "green":
        return "Completed"
    assert status.anticipated is not None
    dash = "\u2013" if remark or status.anticipated.month % 2 else "-"
    tail = " (awaiting evidence that the improvement is sustained)" if remark else ""
    return f"Anticipated completion date {dash} {month_year(status.anticipated)}{tail}"


def render_progress(world: ForceWorld, plan: RoundPlan, index: int) -> Doc:
    """Progress paper ``index`` (0 or 1) of ``plan``'s round, with the facts it states."""
    force, round_, rng, people = world.force, plan.round, world.rng, world.people
    date = plan.progress_dates[index]
    stamp = iso(date)
    doc = Doc(f"{force.slug}/{round_.slug}/progress-{index + 1}.txt", "peel-progress")
    # The inspection the paper tracks is the round's, pillar and all: the paper names the report.
    inspection = naming.peel_inspection(force.ref, round_.notation, round_.pillar)
    name = f"PEEL {round_.notation}" if round_.pillar is None else round_.title
    panel = Ref.named("Board", "Police and Crime Panel", within=force.ref)
    afis = plan.afis
    statuses = [afi.statuses[index] for afi in afis]

    doc.para(people["pcc"].full)
    doc.para(f"{force.place} Police and Crime Commissioner")
    doc.para(f"Office telephone: 01000 {rng.randint(100000, 999999)} Email: contact@pcc.example")
    line = doc.para(f"To: {force.place} Police and Crime Panel")
    doc.node(panel, line)
    doc.para(f"Subject: HMICFRS PEEL Inspection {round_.notation}" if round_.pillar is None else f"Subject: HMICFRS {name}")
    date_line = doc.para(f"Date: {long_date(date)}")
    doc.para("Introduction:")
    doc.para(
        f"- 1. This paper updates members on the progress {force.name} is making against the findings of "
        f"the HMICFRS PEEL Inspection {round_.notation}."
    )
    doc.para("Background:")
    doc.add("- 2. PEEL is the regular assessment by HMICFRS of how good police forces are in core areas of policing.")
    line = doc.para(
        f"- 3. On {long_date(plan.published)}, HMICFRS published {name} An Inspection of {force.name}."
    )
    doc.node(
        inspection, line, kind="peel", round=round_.notation, published=iso(plan.published),
        title=f"{name} An Inspection of {force.name}",
    )
    doc.edge("INSPECTED", inspection, force.ref, line)
    doc.edge("CONDUCTED_BY", inspection, naming.body_ref("HMICFRS"), line)
    if round_.tiers == 5 and rng.random() < 0.5:
        _grid(doc, world, plan, inspection)

    board_name, board_abbr, chair = world.board
    board = Ref.named("Board", board_name, within=force.ref)
    doc.para("Progress Update:")
    doc.add(f"- 5. Following the inspection, {force.name} developed an improvement plan.")
    named = f"{board_name} ({board_abbr})" if board_abbr and rng.random() < 0.5 else board_name
    total_line = doc.add(
        f"- 6. Progress against the {len(afis)} Areas for Improvement (AFIs) is overseen by the {named} "
        f"chaired by the {chair}."
    )
    doc.node(inspection, total_line, afiCount=len(afis))
    doc.node(board, total_line)
    doc.edge("CHAIRED_BY", board, Ref.named("Post", chair, within=force.ref), total_line)
    doc.add("- 7. The force's own assessment of the RAG status of each AFI shows:")
    totals = {rag: sum(1 for s in statuses if s.rag == rag) for rag in ("green", "amber", "red")}
    present = [rag for rag in ("green", "amber", "red") if totals[rag]]
    notes = {"green": "(complete)", "amber": "(work in progress)", "red": "(not started)"}
    for position, colour in enumerate(present):
        count = totals[colour]
        said = words(count) if count <= 20 and rng.random() < 0.6 else str(count)
        end = "." if position == len(present) - 1 else (" and" if position == len(present) - 2 else ";")
        line = doc.add(f" - {said} AFIs as {colour} {notes[colour]}{end}")
        ref = Ref.of("StatedCount", stamp, colour, within=inspection)
        doc.node(ref, line, rag=colour, count=count, findingKind="AreaForImprovement", date=stamp)
        doc.edge("HAS_STATED_COUNT", inspection, ref, line)
    doc.add("")
    doc.para("Holding to account:")
    pdb = Ref.named("Board", "Performance and Delivery Board", within=force.ref)
    cc = Ref.named("Post", "Chief Constable", within=force.ref)
    pcc = Ref.named("Post", "Commissioner", within=force.ref)
    line = doc.add(
        "- 8. The Commissioner will continue to hold the Chief Constable to account through the quarterly "
        "Performance and Delivery Board."
    )
    doc.node(pdb, line)
    doc.edge("ACCOUNTABLE_TO", cc, pcc, line)
    doc.edge("ACCOUNTABLE_TO", cc, pdb, line)
    line = doc.para(
        "- 9. Open to members of the public, the meeting is chaired by the Commissioner and its papers are "
        "published in advance."
    )
    doc.edge("CHAIRED_BY", pdb, pcc, line)
    doc.para("Recommendation:")
    line = doc.para(f"10. The {force.place} Police and Crime Panel is asked to note this report.")
    doc.node(panel, line)

    doc.para(f"HMICFRS PEEL Inspection {round_.notation} \u2013 progress overview")
    doc.para("The following is a summary of key activity in relation to each AFI.")
    doc.para("RAG status: Green = Complete Amber = Work in progress Red = Not started")

    defects = _defects(rng, afis, statuses)
    unrated = [i for i, d in enumerate(defects) if d["rag_lost"]]
    colours = {statuses[i].rag for i in unrated}
    deduced = colours.pop() if len(colours) == 1 else None
    for afi, status, defect in zip(afis, statuses, defects, strict=True):
        rag: str | None = status.rag if not defect["rag_lost"] else deduced
        _block(doc, world, plan, inspection, afi, status, defect, rag, stamp, date_line)
        doc.edge("OVERSEEN_BY", Ref.of("AreaForImprovement", str(afi.number), within=inspection), board, total_line)
    return doc


def _defects(rng, afis: list[Afi], statuses: list[Status]) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """Which conversion damage each AFI's block gets. Lost headings and numbers are never
    next to each other, and a heading is never lost from the first or last block."""
    out: list[dict[str, object]] = []
    previous_lost = False
    for position, (afi, status) in enumerate(zip(afis, statuses, strict=True)):
        defect: dict[str, object] = {"lost_number": False, "lost_heading": False, "rag_lost": False}
        roll = rng.random()
        if not previous_lost and 0 < position < len(afis) - 1 and roll < 1 / 40:
            defect["lost_heading"] = True
        elif not previous_lost and roll < 1 / 40 + 1 / 15:
            defect["lost_number"] = True
        lost = bool(defect["lost_heading"] or defect["lost_number"])
        if lost:
            defect["style"] = "table"
            defect["rag_lost"] = True
        else:
            defect["style"] = rng.choices(("clean", "table", "doubled", "runon", "broken"), (6, 3, 1, 1, 1))[0]
            if status.rag == "amber" and defect["style"] in ("clean", "table") and rng.random() < 0.2:
                defect["rag_lost"] = True
            if defect["style"] == "runon" and len(afi.text.split()) < 8:
                defect["style"] = "clean"
        defect["afi_style"] = rng.random() < 0.1
        defect["remark"] = rng.random() < 0.3
        defect["positional"] = rng.random() < 0.5
        previous_lost = lost
        out.append(defect)
    return out


def _block(
    doc: Doc,
    world: ForceWorld,
    plan: RoundPlan,
    inspection: Ref,
    afi: Afi,
    status: Status,
    defect: dict[str, object],
    rag: str | None,
    stamp: str,
    date_line: int,
) -> None:
    rng = world.rng
    ref = Ref.of("AreaForImprovement", str(afi.number), within=inspection)
    text = afi.text
    if afi.links and not defect["lost_heading"] and not defect["lost_number"]:
        heading_text = f"{text} (Linked to AFI {afi.links[0]} and {afi.links[1]})"
    else:
        heading_text = text
    numbered = f"AFI {afi.number}: {heading_text}" if defect["afi_style"] else f"{afi.number}. {heading_text}"
    actions = rng.sample(ACTIONS, rng.randint(2, 4))
    ongoing = rng.sample(ONGOING, rng.randint(1, 2)) if status.rag != "green" else []
    word = status.rag.capitalize()
    completion = _completion(status, bool(defect["remark"]))
    style = defect["style"]
    rag_line: int | None = None
    if defect["lost_heading"]:
        doc.defect("lost-heading")
        doc.add("Action Taken\tOngoing Activity\t\t")
        afi_line = doc.add(f" {'; '.join(actions)}\t{'; '.join(ongoing)}\t\t")
        completion_line = doc.add(completion + "\t\t\t")
        doc.add("")
        has_text = False
    elif defect["lost_number"]:
        doc.defect("lost-number")
        afi_line = doc.add(f"{heading_text}\t\t\t")
        doc.add("Action Taken\tOngoing Activity\t\t")
        doc.add(f" {'; '.join(actions)}\t{'; '.join(ongoing)}\t\t")
        completion_line = doc.add(completion + "\t\t\t")
        doc.add("")
        has_text = True
    elif style == "clean":
        afi_line = doc.para(numbered)
        if not defect["rag_lost"]:
            rag_line = doc.para(word)
            doc.defect("rag-own-line")
        doc.para("Action Taken")
        doc.para(*[f"- {a}" for a in actions])
        if ongoing:
            doc.para("Ongoing Activity")
            doc.para(*[f"- {o}" for o in ongoing])
        completion_line = doc.para(completion)
        has_text = True
    elif style == "table":
        if defect["rag_lost"]:
            afi_line = doc.add(f"{numbered}\t\t\t")
        else:
            afi_line = rag_line = doc.add(f"{numbered}\t\t\t{word}")
            doc.defect("rag-trailing-cell")
        doc.add("Action Taken\tOngoing Activity\t\t")
        if defect["positional"]:
            doc.add(f" {'; '.join(actions)}\t{'; '.join(ongoing)}\t\t")
        else:
            doc.add(f" {' '.join(actions + ongoing)}\t\t\t")
            doc.defect("interleaved-columns")
        completion_line = doc.add(completion + "\t\t\t")
        doc.add("")
        has_text = True
    elif style == "doubled":
        afi_line = doc.para(numbered)
        rag_line = doc.para(word)
        doc.defect("rag-own-line")
        doc.para("Action Taken")
        doc.para("Action Taken")
        doc.para(*[f"- {a}" for a in actions])
        if ongoing:
            doc.para("Ongoing Activity")
            doc.para("Ongoing Activity")
            doc.para(*[f"- {o}" for o in ongoing])
        completion_line = doc.para(completion)
        doc.defect("doubled-headers")
        has_text = True
    elif style == "runon":
        words_ = heading_text.split()
        cut = len(words_) - 2
        afi_line = rag_line = doc.add(
            f"{'AFI ' + str(afi.number) + ':' if defect['afi_style'] else str(afi.number) + '.'} "
            f"{' '.join(words_[:cut])} **{word}** {' '.join(words_[cut:])} **Action Taken Ongoing Activity** "
            f"{actions[0]} {' '.join(ongoing)}"
        )
        doc.add("")
        doc.para("working in the roles now established")
        completion_line = doc.para(completion)
        doc.defect("rag-bold-run-on")
        has_text = True
    else:  # broken header cells
        afi_line = rag_line = doc.add(f"{numbered}\t\t\t{word}")
        doc.defect("rag-trailing-cell")
        doc.add("Ac\ttion Taken\tOr\tngoing Activity\t")
        doc.add(f"\u2022\t{actions[0]}")
        doc.add("")
        doc.para(*[f"- {a}" for a in actions[1:] + ongoing])
        completion_line = doc.para(completion)
        doc.defect("broken-column-header")
        has_text = True

    doc.node(ref, afi_line, number=afi.number, text=text if has_text else None)
    doc.edge("ISSUED", inspection, ref, afi_line)
    if afi.links and has_text and not defect["lost_number"]:
        for target in afi.links:
            doc.edge("LINKED_TO", ref, Ref.of("AreaForImprovement", str(target), within=inspection), afi_line)
    assessment = Ref.of("StatusAssessment", stamp, within=ref)
    doc.edge("HAS_STATUS", ref, assessment, afi_line)
    doc.node(assessment, date_line, date=stamp)
    if rag is not None:
        doc.node(assessment, rag_line or afi_line, rag=rag, status=_STATUS_WORD[rag])
    if status.rag == "green":
        doc.node(assessment, completion_line, completed=True, status="completed")
    else:
        assert status.anticipated is not None
        doc.node(assessment, completion_line, anticipatedCompletion=iso_month(status.anticipated), completed=False)
