"""What a paper says about a publication it describes: whether the force was inspected, the kind, the date.

Committee papers summarise each inspectorate publication in a paragraph; the
inspections-and-audits family reads them section by section, and the minutes
family for the inspections a board discussed.

>>> kent = Ref.named("Force", "Kent Police")
>>> read_force_inspected("It visited six forces. Kent was not inspected.", kent)[0]
False
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref
from oversight.loaders.toolkit.counts import NUM
from oversight.loaders.toolkit.gazetteer import force_pattern
from oversight.loaders.toolkit.textparse import find_dates

__all__ = ["read_force_inspected", "inspection_kind", "read_published"]


def read_force_inspected(text: str, force: Ref | None) -> tuple[bool, int, int] | None:
    """Whether ``text`` says the force was inspected: (answer, start, end of the words).

    The first statement wins: "Kent were not inspected", "Kent was not an
    involved force", "Kent was not subject of inspection" say no; "Kent were
    one of nineteen forces visited", "Kent Police were chosen as one of the
    forces" say yes.

    >>> kent = Ref.named("Force", "Kent Police")
    >>> read_force_inspected("It visited six forces. Kent was not inspected.", kent)[0]
    False
    >>> read_force_inspected("Kent were one of nineteen forces visited.", kent)[0]
    True
    """
    forces = force_pattern(force)
    negative = re.compile(
        rf"\b{forces}\s+(?:was|were|is|are|will)\s+not\s+(?:be\s+)?(?:an?\s+)?"
        r"(?:inspected|visited|reviewed|involved|included|subject\s+(?:of|to)\s+(?:the\s+)?inspection)",
        re.I,
    )
    positive = re.compile(
        rf"\b{forces}\s+(?:was|were)\s+(?:(?:chosen\s+as\s+)?one\s+of\s+(?:the\s+)?(?:{NUM}\s+)?"
        r"(?:police\s+)?forces|inspected\b|visited\b)",
        re.I,
    )
    found = []
    for answer, pattern in ((False, negative), (True, positive)):
        match = pattern.search(text)
        if match:
            found.append((match.start(), answer, match.end()))
    if not found:
        return None
    start, answer, end = min(found)
    return answer, start, end


_KIND_RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("peel", re.compile(r"\bPEEL\b"), "heading"),
    ("super-complaint", re.compile(r"super[\s-]?complaint", re.I), "any"),
    ("post-inspection-review", re.compile(r"post[\s-]inspection\s+review", re.I), "any"),
    ("custody-inspection", re.compile(r"\bcustody\b", re.I), "heading"),
    (
        "annual-assessment",
        re.compile(r"state\s+of\s+policing|annual\s+assessment", re.I),
        "heading",
    ),
    ("interim-update", re.compile(r"\binterim\b", re.I), "heading"),
    ("independent-review", re.compile(r"\bindependent\s+review\b", re.I), "heading"),
    ("joint-thematic", re.compile(r"\bjoint\s+(?:thematic|inspection)\b", re.I), "any"),
    ("thematic", re.compile(r"\bthematic\b", re.I), "any"),
    (
        "thematic",
        re.compile(
            rf"(?:{NUM})\s+(?:police\s+)?forces\b(?:\s+\w+){{0,2}}\s*(?:visited|inspected)|"
            rf"(?:within|in|visited|inspected)\s+(?:{NUM})\s+(?:police\s+)?forces",
            re.I,
        ),
        "any",
    ),
]


def inspection_kind(heading: str, text: str) -> str:
    """The kind of inspection (a notation of ov:InspectionKinds) a heading and its text describe.

    >>> inspection_kind("Review of policing domestic abuse", "HMICFRS published their national thematic report")
    'thematic'
    >>> inspection_kind("Report on the X super-complaint", "a joint inspection")
    'super-complaint'
    """
    for kind, pattern, where in _KIND_RULES:
        if pattern.search(heading) or (where == "any" and pattern.search(text)):
            return kind
    return "inspection"


_EARLIER = re.compile(r"\b(?:initial|original|previous|earlier|interim|last)\b[^.]{0,80}$", re.I)
_PUBLISHED = re.compile(r"\bpublish(?:ed|es)\b|\bpublication\b", re.I)


def read_published(sentence: str) -> tuple[str, int, int] | None:
    """The publication date a sentence gives the report it describes: (ISO, start, end).

    "On 23rd June 2021 HMICFRS published …" gives the date that opens the
    sentence; "The findings … were published on … 26th May 2021" the first
    date after "published"; a date given to an *earlier* report ("their
    initial report … published in April 2019") is not this report's. A
    "letter dated 10 January 2024" dates an interim update.

    >>> read_published("On 5th August 2021 HMICFRS published a review of their initial report published in April 2019.")[0]
    '2021-08-05'
    >>> read_published("The findings were published on the website on 26th May 2021.")[0]
    '2021-05-26'
    """
    dates = find_dates(sentence)
    if not dates:
        return None
    letter = re.search(r"\bletter\s+dated\s+", sentence, re.I)
    if letter:
        for start, end, iso in dates:
            if start >= letter.end() and start - letter.end() < 3:
                return iso, start, end
    published = _PUBLISHED.search(sentence)
    if published is None or re.search(
        r"\b(?:will|to)\s+be\s+published\b|\bdue\s+to\s+be\b", sentence, re.I
    ):
        return None
    opening = re.match(r"\s*(?:On|In)\s+", sentence)
    if opening:
        start, end, iso = dates[0]
        if start == opening.end() and start < published.start():
            return iso, start, end
    for start, end, iso in dates:
        if start > published.start() and not _EARLIER.search(sentence[:start]):
            return iso, start, end
    return None
