"""Agenda packs: a police and crime panel's minutes and the commissioner's board meeting notes.

The panel minutes: the MINUTES heading with place and date, PRESENT / ALSO
PRESENT / IN ATTENDANCE with titles and initials and roles in brackets,
numbered minutes with "(Item B1)" references and RESOLVED lines, an
undertaking "agreed to … following the meeting", and the commissioner's word
on holding the chief constable to account. The board notes: "Meeting Notes",
the board and date, attendees as "Name - Post (ABBR)", apologies, numbered
items (an inspectorate publication discussed, the internal auditors), and the
action log table with status, owner and due date.

People named with initials ("Mr M Scott") are the people the pack names in
full elsewhere ("Matthew Scott - Police and Crime Commissioner (PCC)") when
exactly one full name fits; the others keep their initials.
"""

from __future__ import annotations

import datetime as dt

from oversight.loaders.models import Ref
from oversight.loaders.toolkit import naming
from oversight.synth.docs import Doc, iso, long_date, numeric_date, words
from oversight.synth.inspections import count_sentence, force_inspected, publications_between
from oversight.synth.lexicon import BRIEFINGS
from oversight.synth.world import ForceWorld, Person, RoundPlan, add_months

__all__ = ["render_minutes"]

_POSTS = {
    "pcc": ("Police and Crime Commissioner", "PCC"),
    "cfo": ("Chief Finance Officer", "CFO"),
    "cc": ("Chief Constable", "CC"),
    "dcc": ("Deputy Chief Constable", "DCC"),
    "dco": ("Deputy Chief Officer", "DCO"),
}


def _weekday_date(day: dt.date) -> str:
    return f"{day.strftime('%A')} {long_date(day)}"


def _name_as_minuted(person: Person, full_names: list[Person]) -> str:
    """The person a minute's "Mr M Scott" resolves to: the one full name of the pack that fits, else as written."""
    fits = [p for p in full_names if p.surname == person.surname and p.first[0] == person.first[0]]
    return fits[0].full if len(fits) == 1 else f"{person.first[0]} {person.surname}"


def render_minutes(world: ForceWorld, plan: RoundPlan, seed: int) -> Doc:
    """The round's agenda pack: panel minutes and the commissioner's board meeting notes."""
    force, round_, rng, people = world.force, plan.round, world.rng, world.people
    doc = Doc(f"{force.slug}/{round_.slug}/agenda-pack.txt", "minutes")
    panel = Ref.named("Board", f"{force.place} Police and Crime Panel", within=force.ref)
    pdb = Ref.named("Board", "Performance and Delivery Board", within=force.ref)
    # Some packs carry only the panel's minutes: nobody is then named in full.
    with_notes = rng.random() > 0.3
    full_names = [people[role] for role in ("pcc", "cfo", "cc", "dcc", "dco", "ceo")] if with_notes else []

    # -- the panel's minutes ---------------------------------------------------------
    date = plan.panel_date
    doc.para(f"{force.place.upper()} POLICE AND CRIME PANEL")
    location = "Council Chamber, County Hall"
    line = doc.para(
        f"MINUTES of a meeting of the {force.place} Police and Crime Panel held in the {location} on "
        f"{date.strftime('%A')}, {long_date(date)}."
    )
    meeting = Ref.of("Meeting", iso(date), within=panel)
    doc.node(meeting, line, date=iso(date), location=location)
    doc.edge("MEETING_OF", meeting, panel, line)

    chair, *members = world.panel
    present = [f"{chair.initialled} (Chairman)"] + [m.initialled for m in members]
    line = doc.para("PRESENT: " + ", ".join(present[:-1]) + " and " + present[-1])
    chair_ref = Ref.named("Person", _name_as_minuted(chair, full_names), within=force.ref)
    doc.edge("ATTENDED_BY", meeting, chair_ref, line, role="Chairman")
    doc.edge("CHAIRED_BY", panel, chair_ref, line, role="Chairman")
    for member in members:
        doc.edge("ATTENDED_BY", meeting, Ref.named("Person", _name_as_minuted(member, full_names), within=force.ref), line)
    pcc, ceo = people["pcc"], people["ceo"]
    line = doc.para(
        f"ALSO PRESENT: {pcc.initialled} ({force.place} Police and Crime Commissioner) and "
        f"{ceo.initialled} (PCC's Chief Executive)"
    )
    pcc_ref = Ref.named("Person", _name_as_minuted(pcc, full_names), within=force.ref)
    ceo_ref = Ref.named("Person", _name_as_minuted(ceo, full_names), within=force.ref)
    doc.edge("ATTENDED_BY", meeting, pcc_ref, line, role=f"{force.place} Police and Crime Commissioner")
    doc.edge("HOLDS", pcc_ref, Ref.named("Post", "Police and Crime Commissioner", within=force.ref), line)
    doc.edge("ATTENDED_BY", meeting, ceo_ref, line, role="PCC's Chief Executive")
    doc.edge("HOLDS", ceo_ref, Ref.named("Post", "PCC's Chief Executive", within=force.ref), line)
    officers = [(people["scrutiny"], "Scrutiny Research Officer"), (people["democratic"], "Democratic Services Officer")]
    line = doc.para("IN ATTENDANCE: " + " and ".join(f"{p.initialled} ({role})" for p, role in officers))
    for person, role in officers:
        doc.edge("ATTENDED_BY", meeting, Ref.named("Person", _name_as_minuted(person, full_names), within=force.ref),
                 line, role=role)
    doc.para("UNRESTRICTED ITEMS")

    first = rng.randint(20, 90)
    previous = add_months(date, -2, rng.randint(1, 28))
    minutes = [
        ("Declarations of Interests by Members in Items on the Agenda for this Meeting", "3", None),
        (f"Minutes of the Police and Crime Panel held on {long_date(previous)}", "4", "minutes"),
        (f"HMICFRS PEEL Inspection {round_.notation} - update" if round_.tracked
         else f"HMICFRS {round_.title} - update", "B1", "peel"),
        ("Questions to the Commissioner", "D1", None),
        ("Future work programme", "E1", None),
    ]
    for offset, (title, item_ref, what) in enumerate(minutes):
        number = first + offset
        if item_ref == "4":
            line = doc.para(f"{number}. {title} (*Item {item_ref}*)")
        else:
            line = doc.para(f"{number}. {title}")
            doc.para(f"(Item {item_ref})")
        item = Ref.of("AgendaItem", str(number), within=meeting)
        doc.node(item, line, title=title, number=number, itemRef=item_ref)
        doc.edge("HAS_ITEM", meeting, item, line)
        if what == "minutes":
            other = Ref.of("Meeting", iso(previous), within=Ref.named("Board", "Police and Crime Panel", within=force.ref))
            doc.node(other, line, date=iso(previous))
            doc.edge("MEETING_OF", other, Ref.named("Board", "Police and Crime Panel", within=force.ref), line)
            doc.edge("DISCUSSES", item, other, line)
            resolution = (f"that the minutes of the meeting held on {long_date(previous)} were an accurate record "
                          f"and that they be signed by the Chairman.")
        elif what == "peel":
            peel = naming.peel_inspection(force.ref, round_.notation, round_.pillar)
            doc.node(peel, line, kind="peel", round=round_.notation)
            doc.edge("DISCUSSES", item, peel, line)
            doc.para(f"1. The Commissioner introduced the report, which updated members on the progress {force.name} "
                     f"had made against the findings of the inspection.")
            doc.add("- 2. A Member asked how the force assured itself that improvements would be sustained. "
                    "The Commissioner agreed to provide a summary of the evidence for each completed AFI, "
                    "following the meeting.")
            action_line = doc.last
            line3 = doc.para("- 3. The Commissioner assured members that he continued to hold the Chief Constable to "
                             "account through the Performance and Delivery Board.")
            action = Ref.of("Action", "1", within=meeting)
            doc.node(action, action_line, number=1, text="Provide a summary of the evidence for each completed AFI")
            doc.edge("ISSUED", meeting, action, action_line)
            doc.edge("OWNED_BY", action, Ref.named("Post", "The Commissioner", within=force.ref), action_line)
            cc = Ref.named("Post", "Chief Constable", within=force.ref)
            doc.edge("ACCOUNTABLE_TO", cc, Ref.named("Post", "The Commissioner", within=force.ref), line3)
            doc.edge("ACCOUNTABLE_TO", cc, pdb, line3)
            resolution = "to note the report."
        elif item_ref == "3":
            doc.para("No declarations were made.")
            resolution = None
        elif item_ref == "D1":
            resolution = "to note the responses to the questions."
        else:
            resolution = "to note the report."
        if resolution:
            line = doc.para(f"RESOLVED {resolution}")
            doc.node(item, line, resolution=resolution)
    doc.para("This page is intentionally left blank")
    if not with_notes:
        doc.defect("pack-without-board-notes")
        return doc

    # -- the board's meeting notes -------------------------------------------------------
    date = plan.notes_date
    doc.para("Meeting Notes")
    board_line = doc.add("Performance and Delivery Board")
    date_line = doc.add(_weekday_date(date))
    where = f"{force.name} Headquarters"
    doc.add(where)
    notes = Ref.of("Meeting", iso(date), within=pdb)
    doc.node(notes, date_line, date=iso(date), location=where)
    doc.edge("MEETING_OF", notes, pdb, date_line)
    doc.node(notes, board_line, title="Performance and Delivery Board")
    groups = [
        (f" Office of the {force.place} Police and Crime Commissioner: ", ("pcc", "cfo")),
        (f" {force.name}: ", ("cc", "dcc", "dco")),
    ]
    for prefix, roles in groups:
        line = doc.add(prefix + " ".join(f"{people[r].full} - {_POSTS[r][0]} ({_POSTS[r][1]})" for r in roles))
        for role in roles:
            person = Ref.named("Person", people[role].full, within=force.ref)
            post = Ref.named("Post", _POSTS[role][0], within=force.ref)
            doc.edge("HOLDS", person, post, line)
            doc.edge("ATTENDED_BY", notes, person, line, role=_POSTS[role][0])
    doc.add("")
    doc.para("Apologies")
    line = doc.para(f"{ceo.full} - PCC's Chief Executive")
    doc.edge("HOLDS", Ref.named("Person", ceo.full, within=force.ref),
             Ref.named("Post", "PCC's Chief Executive", within=force.ref), line)

    earlier = add_months(date, -3, rng.randint(1, 28))
    items = ["Welcome and Introduction", f"Notes of Previous Meeting \u2013 {long_date(earlier)}",
             "Inspections, Audits and Reviews", "Finance"]
    for number, title in enumerate(items, start=1):
        line = doc.para(f"{number}. {title}")
        item = Ref.of("AgendaItem", str(number), within=notes)
        doc.node(item, line, title=title, number=number, itemRef=str(number))
        doc.edge("HAS_ITEM", notes, item, line)
        if number == 1:
            doc.para("- The PCC welcomed the CC, DCC and DCO and thanked them for the papers.")
        elif number == 2:
            other = Ref.of("Meeting", iso(earlier), within=pdb)
            doc.node(other, line, date=iso(earlier))
            doc.edge("MEETING_OF", other, pdb, line)
            doc.edge("DISCUSSES", item, other, line)
            doc.para("- The notes were agreed as a true and accurate record.")
        elif number == 3:
            found = publications_between(add_months(date, -6, 1), date)
            if found:
                publication = found[-1]
                inspection = Ref.of("Inspection", publication.title, within=naming.body_ref("HMICFRS"))
                inspected = force_inspected(seed, force.slug, publication)
                said = (f"{force.name} was one of {words(rng.randint(5, 12))} forces inspected."
                        if inspected else f"{force.name} was not inspected.")
                sentence, counts = count_sentence(publication, rng)
                line = doc.add(f"- HMICFRS Publication {publication.title}: {said} {sentence}")
                doc.node(inspection, line, title=publication.title, forceInspected=inspected, **counts)
                doc.edge("CONDUCTED_BY", inspection, naming.body_ref("HMICFRS"), line)
                doc.edge("DISCUSSES", item, inspection, line)
                if inspected:
                    doc.edge("INSPECTED", inspection, force.ref, line)
            line = doc.add("- With regards to the internal auditors, RSM, the DCO reported that the audit plan was on track.")
            doc.edge("AUDITED_BY", force.ref, naming.body_ref("RSM"), line, role="internal auditor")
            doc.add("")
        else:
            doc.para("- The DCO reported that the revenue budget was forecast to balance at the year end.")
    doc.add("\tStatus\tOwner\tDue date")
    for count, briefing in enumerate(rng.sample(BRIEFINGS, rng.randint(1, 3)), start=1):
        owner = rng.choice(("Force", "DCC", "Chief Constable"))
        due = add_months(date, 3, rng.randint(1, 28))
        line = doc.add(f"Provide the PCC with {briefing}\tOpen\t{owner}\t{numeric_date(due)}")
        action = Ref.of("Action", str(count), within=notes)
        doc.node(action, line, number=count, text=f"Provide the PCC with {briefing}", deadline=iso(due))
        doc.edge("ISSUED", notes, action, line)
        doc.edge("OWNED_BY", action, force.ref if owner == "Force" else Ref.named("Post", owner, within=force.ref), line)
        status = Ref.of("StatusAssessment", iso(date), within=action)
        doc.node(status, line, status="open", date=iso(date))
        doc.edge("HAS_STATUS", action, status, line)
    doc.add("")
    doc.para(f"Date of next Performance and Delivery Board: {long_date(add_months(date, 3, rng.randint(1, 28)))}")
    return doc
