"""HMICFRS's monitoring phases, and the meeting a letter thanks the force for.

- "On 28 June 2022, we moved the MPS into our enhanced monitoring process,
  Engage": a ``MonitoringDecision`` of phase ``engage``, dated, of the
  letter's force.
- "… Sir Andy Cooke, has decided to return West Midlands Police to our
  default phase of monitoring, which is known as Scan" (or "the force was
  returned to Scan"): phase ``scan``, ``DECIDED_BY`` the person named in the
  sentence. A title ("… : return to default phase of monitoring") states no
  decision.
- "the discussion at the Policing Performance Oversight Group on Tuesday 17
  September": a meeting of that group. A date without its year takes the
  year of the letter's own date (the latest such day not after it), and says
  so: ``deduced``.

The phases are the MonitoringPhases vocabulary's notations, found by its labels.
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref
from oversight.loaders.statements.refine import Refinement
from oversight.loaders.statements.text import sentences
from oversight.loaders.toolkit import naming as common
from oversight.loaders.toolkit.textparse import find_dates, parse_date
from oversight.ontology import R, ontology

__all__ = ["read_monitoring", "read_meeting"]

_MOVED = re.compile(r"(?i)\b(?:moved|placed|escalated|put)\b[^.;]{0,80}?\b(?:in|into|to)\b[^.;]{0,40}?\b(?P<phase>Engage)\b")
_RETURN = re.compile(
    r"(?i)(?:\breturn(?:ed|ing)?\s[^.;]{1,80}?|\b(?:was|were|has\s{1,3}been|have\s{1,3}been|is|are)\s{1,3}returned\s{1,3})\bto\s{1,3}(?:(?:our|the|its)\s{1,3})?(?P<phase>default\s{1,3}phase(?:\s{1,3}of\s{1,3}monitoring)?|Scan)\b"
)
#: Capitalised runs of two or three words: the names a sentence may hold, looked up among the letter's people.
_NAMES = re.compile(r"(?<![\w'\u2019-])[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20}(?:\s{1,3}[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20}){1,2}(?![\w-])")
_MEETING = re.compile(
    r"\bat\s{1,3}the\s{1,3}(?P<body>(?:[A-Z][a-z]{1,20}\s{1,3}){1,6}(?:Group|Board|Committee|Panel|Conference|Forum))\s{1,3}on\s{1,3}"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s{1,3})?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s{1,3}[A-Z][a-z]{2,8}(?:\s{1,3}(?:19|20)\d\d)?)"
)


def _phase(words: str) -> str | None:
    vocabulary = ontology().vocabulary("MonitoringPhases")
    return vocabulary.notation_for(" ".join(words.split()))


def read_monitoring(refined: Refinement, force: Ref | None, people: dict[str, Ref]) -> int:
    """Every monitoring decision the letter states (see the module docs); returns how many."""
    if force is None:
        return 0
    count = 0
    for number, line in enumerate(refined.doc.lines, start=1):
        for _start, _end, sentence in sentences(line):
            match = _MOVED.search(sentence) or _RETURN.search(sentence)
            if not match or re.search(r"\b(?:will|would|may|could|might|should|if|unless)\b", sentence[: match.start()]):
                continue
            phase = _phase(match.group("phase"))
            if phase is None:
                continue
            dates = [d for d in find_dates(sentence) if d[0] < match.start()]
            date = dates[-1][2] if dates else None
            ref = Ref.of("MonitoringDecision", phase, date or "undated", within=force)
            refined.node(ref, number, "hmicfrs-letter:monitoring-phase", 0.8, phase=phase, date=date)
            refined.edge(R.MONITORING_OF, ref, force, number, "hmicfrs-letter:monitoring-phase", 0.8)
            for candidate in _NAMES.finditer(sentence[: match.start()]):
                words = candidate.group(0).split()
                spans = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
                for person in sorted((people[n] for n in spans if n in people), key=lambda p: str(p.name)):
                    refined.edge(R.DECIDED_BY, ref, person, number, "hmicfrs-letter:monitoring-phase", 0.75)
            count += 1
    return count


def _dated(day_month: str, letter_date: str | None) -> tuple[str | None, bool]:
    """The ISO date of "17 September" (with its year when given), and whether the year was deduced."""
    iso = parse_date(day_month)
    if iso is not None and len(iso) == 10:
        return iso, False
    if letter_date is None or len(letter_date) < 4:
        return None, False
    year = int(letter_date[:4])
    for candidate in (year, year - 1):
        iso = parse_date(f"{day_month} {candidate}")
        if iso is not None and len(iso) == 10 and iso <= letter_date:
            return iso, True
    return None, False


def read_meeting(refined: Refinement, scope: Ref | None, letter_date: str | None) -> int:
    """The meetings the letter names with a date (see the module docs); returns how many."""
    count = 0
    for number, line in enumerate(refined.doc.lines, start=1):
        for match in _MEETING.finditer(line):
            date, deduced = _dated(match.group("date"), letter_date)
            if date is None:
                continue
            body = " ".join(match.group("body").split())
            board = common.board_ref(body, scope)
            ref = Ref.of("Meeting", date, within=board)
            extra: dict[str, object] = {}
            if deduced:
                extra = {"deduced": ["date"], "deducedFrom": [f"date: the year of the letter's date {letter_date}"]}
            refined.node(ref, number, "hmicfrs-letter:meeting-named", 0.75, date=date, **extra)  # type: ignore[arg-type]
            refined.edge(R.MEETING_OF, ref, board, number, "hmicfrs-letter:meeting-named", 0.75)
            count += 1
    return count
