"""The numbered recommendations a publication section lists, with the posts they are for."""

from __future__ import annotations

import re

from oversight.loaders.families.inspections_audits.sections import (
    Section,
)
from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.spans import clean_cell, is_noise, paragraphs
from oversight.loaders.toolkit.textparse import find_dates
from oversight.ontology import R

_REC = re.compile(r"^\s*(?:[-\u2022\u00b7]\s*)?(\d{1,2})\.\s+(\S.*)$")


_BULLET = re.compile(r"^\s*[-\u2022\u00b7*]\s*")


def first_recommendation(lines: list[str], section: Section) -> int | None:
    """The line of recommendation 1 of a section, if the section lists its recommendations."""
    for number in range(section.body_start, section.end + 1):
        match = _REC.match(lines[number - 1])
        if match and match.group(1) == "1" and len(match.group(2)) > 40:
            return number
    return None


def read_recommendations(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    section: Section,
    start: int,
    inspection: Ref,
) -> None:
    """The numbered recommendations from ``start``: text, addressee, deadline and response."""
    expected = 1
    blocks: list[tuple[int, int]] = []  # (line, number)
    for number in range(start, section.end + 1):
        match = _REC.match(doc.lines[number - 1])
        if match and int(match.group(1)) == expected and len(match.group(2)) > 40:
            blocks.append((number, expected))
            expected += 1
    for index, (line, number) in enumerate(blocks):
        stop = blocks[index + 1][0] - 1 if index + 1 < len(blocks) else section.end
        text_lines = [line]
        cursor = line + 1
        while cursor <= stop:
            raw = doc.lines[cursor - 1]
            if not raw.strip() or is_noise(raw):
                cursor += 1
                continue
            if _BULLET.match(raw) and not _REC.match(raw):
                text_lines.append(cursor)
                cursor += 1
                continue
            break
        pieces = [clean_cell(_REC.match(doc.lines[line - 1]).group(2))]  # type: ignore[union-attr]
        pieces += [clean_cell(_BULLET.sub("", doc.lines[n - 1])) for n in text_lines[1:]]
        text = " ".join(p.rstrip("*").strip() for p in pieces)
        ref = Ref.of("Recommendation", str(number), within=inspection)
        ev = facts.evidence(line, text_lines[-1] if len(text_lines) > 1 else None)
        deadline = None
        body = text
        dates = find_dates(text[:40])
        by = re.match(r"\s*By\s+", text)
        if by and dates and dates[0][0] == by.end():
            deadline = dates[0][2]
            body = text[dates[0][1] :].lstrip(" ,")
        addressee_match = re.match(
            r"(.+?)\s+(?:should|must|to\s+(?:assure|work|ensure|make|review|consider|provide))\b",
            body,
        )
        addressee = addressee_match.group(1).strip(" ,") if addressee_match else None
        for_chief = bool(addressee and re.search(r"chief\s+constable", addressee, re.I))
        facts.node(
            ref,
            ev,
            number=number,
            text=text,
            addressee=addressee,
            forChiefConstables=for_chief if addressee else None,
            deadline=deadline,
            missing=None if addressee else ["addressee"],
        )
        facts.edge(R.ISSUED, inspection, ref, facts.evidence(line))
        if addressee:
            if for_chief:
                facts.edge(
                    R.ADDRESSED_TO,
                    ref,
                    naming.post_ref("Chief Constable", force),
                    facts.evidence(line),
                )
            if re.search(r"police\s+and\s+crime\s+commissioners?|\bPCCs?\b", addressee, re.I):
                facts.edge(
                    R.ADDRESSED_TO,
                    ref,
                    naming.post_ref("Police and Crime Commissioner", force),
                    facts.evidence(line),
                )
        else:
            facts.warn(
                f"recommendation {number} of section {section.number}: addressee not stated", line
            )
        response = [p for p in paragraphs(doc.lines, cursor, stop) if p.text]
        if response:
            words = " ".join(clean_cell(p.text) for p in response)
            facts.node(ref, facts.evidence(response[0].first, response[-1].last), response=words)
