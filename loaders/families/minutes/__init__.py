"""Extractor for agenda packs, minutes and meeting notes of panels and boards.

A police and crime panel's agenda pack bundles several papers, each in a
layout of its own, and this extractor first cuts the pack at their openings:

- the **agenda** ("Notice is hereby given that a meeting of <panel> will be
  held in <place> on <date>", then items "1 …", "B1 … (Pages 7 - 12)");
- **minutes** ("MINUTES of a meeting of <panel> held in <place> on <date>",
  PRESENT / ALSO PRESENT / IN ATTENDANCE, numbered minutes with "(Item B1)"
  and "RESOLVED …", undertakings "agreed to … following the meeting");
- the commissioner's **papers** to the panel ("To: / Subject: / Date:"),
  which state governance (a change programme's owner, lead and boards; who
  chairs a board; who holds whom to account);
- **meeting notes** of a board ("Meeting Notes", the board, the date, the
  attendees as "Name - Post (ABBR)", apologies, numbered items, the
  inspections discussed, the auditors, and the action log table).

Each meeting is a Meeting node of its board; items hang off it with
``HAS_ITEM`` and point at what they discuss (an earlier meeting's minutes, a
PEEL round, an inspection, a programme) with ``DISCUSSES``.

>>> doc = TextDocument.from_text(EXAMPLE, path="notes.txt")
>>> extraction = MinutesExtractor().extract(doc)
>>> sorted({f.type for f in extraction.facts if f.kind == "edge"})[:4]
['ATTENDED_BY', 'HAS_ITEM', 'HAS_STATUS', 'HOLDS']
"""

from __future__ import annotations

import re

from oversight.loaders.families.minutes.agenda import read_agenda
from oversight.loaders.families.minutes.board_notes import paper_subject, read_notes
from oversight.loaders.families.minutes.governance import governance, programme
from oversight.loaders.families.minutes.panel_minutes import read_minutes
from oversight.loaders.families.minutes.parts import Part, split_parts
from oversight.loaders.families.minutes.people import full_names
from oversight.loaders.models import Extraction, Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.spans import paragraphs
from oversight.ontology import normalise_label, ontology

__all__ = ["MinutesExtractor", "Part", "split_parts", "EXAMPLE"]


EXAMPLE = """Meeting Notes

Performance and Delivery Board
Wednesday 6 March 2024
Force Headquarters
 Essex Police: Jane Roe - Chief Constable (CC) John Doe - Deputy Chief Constable (DCC)

1. Welcome

- The PCC welcomed the CC and DCC.

\tStatus\tOwner\tDue date
Provide a briefing on road safety\tOpen\tForce\t05/06/2024
"""


class MinutesExtractor:
    """Reads agenda packs, minutes and meeting notes (family ``minutes``)."""

    family = "minutes"

    def detect(self, doc: TextDocument) -> float:
        """How sure this is an agenda, minutes or notes of a meeting, from their set phrases.

        Parameters
        ----------
        doc : TextDocument
            The pack or paper; only its content is read.

        Returns
        -------
        float
            0..1 from the phrases only meetings use: "MINUTES of a meeting",
            "RESOLVED", "Meeting Notes", "PRESENT:", an agenda notice, an
            action log with owners and due dates, attendees as "Name - Post
            (ABBR)". A commissioner's paper to a panel has none of them, so a
            progress paper is not claimed.
        """
        text = doc.text
        score = 0.0
        if re.search(r"^\s*MINUTES\s+of\s+(?:a|the)\s+meeting", text, re.M | re.I):
            score += 0.4
        resolved = len(re.findall(r"^\s*RESOLVED\b", text, re.M))
        score += 0.3 if resolved >= 3 else (0.2 if resolved else 0.0)
        if re.search(
            r"^\s*(?:Meeting\s+Notes|Notes\s+of\s+(?:the\s+)?(?:previous\s+)?meeting)",
            text,
            re.M | re.I,
        ):
            score += 0.2
        if re.search(r"^\s*(?:PRESENT:|Apologies\b)", text, re.M):
            score += 0.15
        if re.search(r"^\s*AGENDA\s*$", text, re.M) and re.search(
            r"Notice is hereby given", text, re.I
        ):
            score += 0.3
        if re.search(r"\bOwner\t+Due\s+date\b", text, re.I):
            score += 0.15
        if (
            len(re.findall(r"[A-Z][a-z]+ [A-Z][a-z'-]+ - [A-Z][A-Za-z' ]+\([A-Z]{2,5}\)", text))
            >= 2
        ):
            score += 0.2
        if re.search(r"^\s*Date of next\b", text, re.M | re.I):
            score += 0.1
        return round(min(score, 1.0), 3)

    def extract(self, doc: TextDocument) -> Extraction:
        """Meetings, attendance, items, actions, inspections discussed and governance of the pack.

        Parameters
        ----------
        doc : TextDocument
            An agenda pack, minutes, or a board's meeting notes.

        Returns
        -------
        Extraction
            Titled and dated by the first meeting the pack calls or records;
            facts for every paper :func:`split_parts` finds in it, and the
            governance the whole pack states (:mod:`~oversight.loaders.families.minutes.governance`).
        """
        facts = Facts(doc)
        force = naming.find_force(doc)
        if force is None:
            facts.warn("no force named in the paper; force-level facts are keyed without one")
        names = full_names(doc.lines)
        parts = split_parts(doc.lines)
        programmes: dict[str, Ref] = {}
        for part in parts:
            if part.kind == "paper":
                subject = paper_subject(doc.lines, part)
                if subject:
                    found = programme(
                        facts, doc, force, subject[0], subject[1], part.start, part.end
                    )
                    if found is not None:
                        programmes[normalise_label(subject[0])] = found
        title = date = None
        for part in parts:
            meeting = None
            if part.kind == "agenda":
                meeting = read_agenda(facts, doc, force, part, programmes)
            elif part.kind == "minutes":
                meeting = read_minutes(facts, doc, force, part, names, programmes)
            elif part.kind == "notes":
                meeting = read_notes(facts, doc, force, part, names, programmes)
            if meeting is not None and title is None:
                board_name = ontology().gazetteer.lookup(meeting.board.name or "", "Board")
                label = board_name.pref_label if board_name else meeting.board.name
                title = f"{label}: {dict(agenda='agenda', minutes='minutes', notes='meeting notes')[part.kind]}"
                date = meeting.date
        governance(facts, doc, force, paragraphs(doc.lines, 1, len(doc.lines)))
        return Extraction(
            document=doc.record(title=title, date=date), facts=facts.facts(), warnings=facts.warnings
        )
