"""Conventions every extractor shares, so that two papers about one thing name it alike.

- :func:`find_force`: which force a paper is about, from the gazetteer's force
  names as they occur in the text.
- :func:`peel_round` and :func:`peel_inspection`: one PEEL round is one
  inspection whichever paper mentions it (``kent-police/peel-2021-22``).
- :func:`area_ref` and :func:`area_slug`: assessment areas by any wording,
  keyed by the area scheme.
- :func:`body_ref`: a national body (inspectorate, partner) by any label.

>>> doc = TextDocument.from_text("Kent Police ... HMICFRS inspected Kent Police.")
>>> find_force(doc)
Ref(label='Force', name='Kent Police', parts=(), key=None, within=None, context=None)
>>> peel_round("PEEL Inspection 2023-25")
'2023/25'
>>> peel_inspection(find_force(doc), "2021/22").parts
('PEEL 2021/22',)
>>> area_slug("Responding to the Public", "2023/25")
'responding-to-the-public'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.toolkit.gazetteer import force_pattern, scanner
from oversight.loaders.toolkit.textparse import find_dates
from oversight.ontology import ontology

__all__ = [
    "find_force",
    "force_ref",
    "peel_round",
    "round_year",
    "peel_inspection",
    "peel_pillar",
    "area_slug",
    "area_ref",
    "body_ref",
    "board_ref",
    "post_ref",
    "person_ref",
    "paper_stamp",
    "PaperDate",
    "period_date",
    "grade_scale",
    "short_title",
]


def find_force(doc: TextDocument, limit: int = 400) -> Ref | None:
    """The force the paper is about: the force named most often in its first ``limit`` lines.

    Names are matched folded (:meth:`~oversight.loaders.toolkit.gazetteer.NameScanner.find_folded`),
    at least four letters long ("the Met" folds to "met", a common word).
    Returns None when no force is named. Ties go to the force named first.
    """
    forces = scanner("Force")
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for index, line in enumerate(doc.lines[:limit]):
        for mention in forces.find_folded(line, min_length=4):
            force = mention.pref_label or mention.surface
            counts[force] += 1
            first.setdefault(force, index)
    if not counts:
        return None
    force = max(counts, key=lambda f: (counts[f], -first[f]))
    return Ref.named("Force", force)


def force_ref(name: str) -> Ref:
    """A force by any of its names."""
    return Ref.named("Force", name)


_ROUND = re.compile(r"\b(20\d\d|19\d\d)(?:\s*(?:/|-|\u2013|\u2014|to)\s*(?:20)?(\d\d))?\b")


def peel_round(text: str) -> str | None:
    """The PEEL round a text names, as ``2021/22``, ``2023/25`` or ``2017``.

    >>> [peel_round(t) for t in ("PEEL 2021/22", "2023\u20132025", "effectiveness 2017", "none")]
    ['2021/22', '2023/25', '2017', None]
    """
    match = _ROUND.search(text)
    if not match:
        return None
    start, end = match.group(1), match.group(2)
    return f"{start}/{end}" if end else start


def round_year(round_: str) -> int:
    """First year of a round: ``2021/22`` -> 2021."""
    return int(round_[:4])


def peel_inspection(force: Ref, round_: str, pillar: str | None = None) -> Ref:
    """The Ref of a force's PEEL inspection for a round (and pillar, before 2021).

    >>> kent = Ref.named("Force", "Kent Police")
    >>> peel_inspection(kent, "2017", "effectiveness").parts
    ('PEEL 2017 effectiveness',)
    """
    label = f"PEEL {round_}" + (f" {pillar.lower()}" if pillar else "")
    return Ref.of("Inspection", label, within=force)


_PILLAR = re.compile(r"\b(effectiveness|efficiency|legitimacy)\b", re.IGNORECASE)


def peel_pillar(text: str, round_: str) -> str | None:
    """The PEEL pillar a text names, for rounds before 2021 (inspected pillar by pillar).

    >>> peel_pillar("PEEL: Police effectiveness 2017 - An inspection of Kent Police", "2017")
    'effectiveness'
    >>> peel_pillar("PEEL 2021/22 effectiveness", "2021/22") is None
    True
    """
    if round_year(round_) >= 2021:
        return None
    match = _PILLAR.search(text)
    return match.group(1).lower() if match else None


def area_slug(name: str, round_: str | None = None) -> str | None:
    """The area scheme's slug for a wording, in the framework of the round; None if unknown."""
    areas = ontology().areas
    framework = areas.framework_for(round_year(round_)) if round_ else None
    area = areas.lookup(name, framework)
    return area.slug if area else None


def area_ref(name: str, round_: str | None = None) -> Ref:
    """An assessment area by any wording; the round picks the framework."""
    return Ref.named("AssessmentArea", name, context=round_)


def body_ref(name: str) -> Ref:
    """A national body (inspectorate, partner, auditor) by any of its labels."""
    entry = ontology().gazetteer.lookup(name, "Organisation")
    label = entry.label if entry else "Organisation"
    return Ref.named(label, name)


def board_ref(name: str, force: Ref | None) -> Ref:
    """A board of a force by any of its labels."""
    return Ref.named("Board", name, within=force)


def post_ref(name: str, force: Ref | None) -> Ref:
    """A post in a force by any of its labels."""
    return Ref.named("Post", name, within=force)


def person_ref(name: str, force: Ref | None) -> Ref:
    """A named person, scoped to the force whose paper names them."""
    return Ref.named("Person", name, within=force)


def paper_stamp(doc: TextDocument, date: str | None) -> str:
    """The key part that keeps one paper's dated statements apart from another's.

    The paper's date when it states one, else ``undated <first 8 hex of its
    SHA-256>``: status assessments and stated counts of two papers never share a
    key, and an undated paper's statements stay its own.

    >>> paper_stamp(TextDocument.from_text("x"), "2023-04-18")
    '2023-04-18'
    >>> paper_stamp(TextDocument.from_text("x"), None)
    'undated 2d711642'
    """
    return date or f"undated {doc.sha256[:8]}"


@dataclass(frozen=True)
class PaperDate:
    """The date a paper's statements are made as of, and how it is known.

    ``basis`` is a notation of the ontology's ``DateBases``: ``stated`` when the
    paper gives its own date on ``line``, ``deduced`` when it gives only the
    period it covers there and the date is the end of that period (``period``
    is the words that state it).
    """

    iso: str
    line: int
    basis: str
    period: str | None = None

    def props(self) -> dict[str, object]:
        """The properties a statement dated by the paper carries: its date, and why when deduced.

        >>> PaperDate("2024-01", 5, "deduced", "period November 2023 to January 2024").props()["deducedFrom"]
        ["date: the end of the period the paper covers, 'period November 2023 to January 2024' (line 5)"]
        """
        if self.basis != "deduced":
            return {"date": self.iso}
        return {
            "date": self.iso,
            "deduced": ["date"],
            "deducedFrom": [f"date: the end of the period the paper covers, {self.period!r} (line {self.line})"],
        }


#: A sentence about the paper itself ("This report will record …", "the reporting period").
_PAPER_ITSELF = re.compile(r"\bthis\s+(?:report|paper|update|briefing|document)\b|\breporting\s+period\b", re.I)
#: What leads in to the date that ends a period, matched against the text before that date:
#: "period November 2023 to ", "between 1 April and ", "covering October to ", "quarter ending ".
_PERIOD_END = re.compile(
    r"(?P<cue>\b(?:period|covering|covers|between|from)\b[^.;:]{1,40}?"
    r"(?:\s(?:to|until|till|and|through)\s+|\s?[-\u2010-\u2015\u2212]\s?)"
    r"|\b(?:period|quarter|year|months?)\s+(?:ending|ended|up\s+to)\s+)$",
    re.I,
)


def period_date(doc: TextDocument, within: int = 60) -> PaperDate | None:
    """The date deduced for a paper that states no date of its own: the end of the period it covers.

    Only a sentence about the paper itself counts ("This report … during the
    period November 2023 to January 2024", "the reporting period ending 31
    March 2023"), within its first ``within`` lines, so a period some other
    report reviewed is never taken for the paper's. The date keeps the
    precision the text gives: a month stays a month.

    >>> doc = TextDocument.from_text("Aims\\n\\nThis report covers the period November 2023 to January 2024.")
    >>> period_date(doc)
    PaperDate(iso='2024-01', line=3, basis='deduced', period='covers the period November 2023 to January 2024')
    >>> period_date(TextDocument.from_text("The period reviewed was 9 October 2022 to 9 January 2023.")) is None
    True
    """
    for number, line in enumerate(doc.lines[:within], start=1):
        if not _PAPER_ITSELF.search(line):
            continue
        for start, end, iso in find_dates(line):
            lead = _PERIOD_END.search(line[:start])
            if lead:
                return PaperDate(iso, number, "deduced", line[lead.start() : end])
    return None


def grade_scale(round_: str) -> str:
    """The grading scale of a PEEL round: four tiers before 2021, five from 2021.

    >>> grade_scale("2017"), grade_scale("2021/22"), grade_scale("2023/25")
    ('peel-4', 'peel-5', 'peel-5')
    """
    return "peel-4" if round_year(round_) < 2021 else "peel-5"


def short_title(title: str, force: Ref | None) -> str:
    """The short title a force-level inspection is keyed by: without boilerplate and the force.

    >>> short_title("A report into the effectiveness of vetting and counter-corruption "
    ...             "arrangements in Kent Police", Ref.named("Force", "Kent Police"))
    'vetting and counter-corruption'
    """
    text = re.sub(
        r"^(?:an?|the)\s+(?:report|inspection|review)\s+(?:into|of|on)\s+(?:the\s+)?(?:effectiveness\s+of\s+)?",
        "",
        title.strip(),
        flags=re.I,
    )
    text = re.sub(rf"\s+(?:in|of|for|at)\s+{force_pattern(force)}\s*$", "", text, flags=re.I)
    text = re.sub(r"\s+arrangements\s*$", "", text, flags=re.I)
    return text.strip() or title
