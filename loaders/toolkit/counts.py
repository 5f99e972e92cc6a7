"""Counts of findings that a sentence states about the report it describes.

>>> read_counts("The report makes fourteen recommendations, all for other agencies.")
{'recommendationCount': 14, 'chiefConstableRecommendationCount': 0}
"""

from __future__ import annotations

import re

from oversight.loaders.toolkit.textparse import NUMBER_PATTERN, parse_number

__all__ = ["read_counts", "NUM"]

#: One count in digits or words, as a named-group-free fragment.
NUM = NUMBER_PATTERN


_CC = r"chief\s+constables?"
_RECS = r"(?:overarching\s+|further\s+)?recommendations?"
_COUNT_RULES: list[tuple[str, re.Pattern[str]]] = [
    # "thirteen recommendations, seven of which are for Chief Constables"
    (
        "both",
        re.compile(
            rf"(?P<n>{NUM})\s+{_RECS},?\s+(?P<c>{NUM})\s+of\s+which\s+(?:are|were)\s+(?:directly\s+)?for\s+{_CC}",
            re.I,
        ),
    ),
    # "43 recommendations with 28 for Chief Constables"
    (
        "both",
        re.compile(
            rf"(?P<n>{NUM})\s+{_RECS},?\s+with\s+(?P<c>{NUM})\s+(?:of\s+them\s+)?for\s+{_CC}", re.I
        ),
    ),
    # "fourteen recommendations, all for leads within other agencies"
    (
        "none",
        re.compile(
            rf"(?P<n>{NUM})\s+{_RECS},?\s+all\s+(?:of\s+which\s+are\s+)?for\s+(?!{_CC})", re.I
        ),
    ),
    # "three recommendations for the attention of Chief Constables"
    ("all", re.compile(rf"(?P<n>{NUM})\s+{_RECS}\s+for\s+(?:the\s+attention\s+of\s+)?{_CC}", re.I)),
    # "three recommendations were for Chief Constables"
    (
        "cc",
        re.compile(rf"(?P<c>{NUM})\s+{_RECS}\s+(?:are|were)\s+(?:directly\s+)?for\s+{_CC}", re.I),
    ),
    # "six of the recommendations are for Chief Constables", "Five of these were for ..."
    (
        "cc",
        re.compile(
            rf"(?P<c>{NUM})\s+of\s+(?:these|them|the\s+{_RECS})\s+(?:are|were)\s+(?:directly\s+)?for\s+{_CC}",
            re.I,
        ),
    ),
    # "Chief Constables are responsible for two recommendations"
    ("cc", re.compile(rf"{_CC}\s+are\s+responsible\s+for\s+(?P<c>{NUM})\s+{_RECS}", re.I)),
    # "None of the recommendations are directly for Chief Constables"
    (
        "zero",
        re.compile(
            rf"none\s+of\s+the\s+{_RECS}\s+(?:are|were)\s+(?:directly\s+)?for\s+{_CC}", re.I
        ),
    ),
    # "There are no recommendations made in this report"
    (
        "no",
        re.compile(
            rf"\bno\s+{_RECS}\s+(?:are\s+|were\s+)?(?:made|in\s+this|set)"
            rf"|\b(?:makes?|made|sets?\s+out|contains?|gives?)\s+no\s+{_RECS}\b",
            re.I,
        ),
    ),
]
_TOTAL = re.compile(rf"(?P<n>{NUM})\s+{_RECS}\b", re.I)
_ACTIONS = re.compile(rf"(?P<n>{NUM})\s+actions\b", re.I)
_AFIS = re.compile(rf"(?P<n>{NUM})\s+(?:areas?\s+for\s+improvement|AFIs?)\b", re.I)
_BOTH_AFIS = re.compile(r"\bthe\s+AFIs\b[^.]*\bboth\b", re.I)


def read_counts(sentence: str) -> dict[str, int]:
    """The counts of findings one sentence states about the report it describes.

    Returns ``recommendationCount``, ``chiefConstableRecommendationCount``,
    ``actionCount`` and ``afiCount`` as far as the sentence gives them.
    Numbers in words are read with :func:`~oversight.loaders.toolkit.textparse.parse_number`.

    >>> read_counts("In total two actions and six recommendations were made; "
    ...             "three recommendations were for Chief Constables.")
    {'chiefConstableRecommendationCount': 3, 'recommendationCount': 6, 'actionCount': 2}
    >>> read_counts("HMICFRS made nine recommendations and one area for improvement. "
    ...             "Five of these were for Chief Constables")
    {'chiefConstableRecommendationCount': 5, 'recommendationCount': 9, 'afiCount': 1}
    """
    counts: dict[str, int | None] = {}  # None: a number the words did not give
    masked = sentence
    for kind, pattern in _COUNT_RULES:
        for match in pattern.finditer(masked):
            groups = match.groupdict()
            total = parse_number(groups["n"]) if groups.get("n") else None
            chief = parse_number(groups["c"]) if groups.get("c") else None
            if kind == "both":
                counts.setdefault("recommendationCount", total)
                counts.setdefault("chiefConstableRecommendationCount", chief)
            elif kind == "none":
                counts.setdefault("recommendationCount", total)
                counts.setdefault("chiefConstableRecommendationCount", 0)
            elif kind == "all":
                counts.setdefault("recommendationCount", total)
                counts.setdefault("chiefConstableRecommendationCount", total)
            elif kind == "cc":
                counts.setdefault("chiefConstableRecommendationCount", chief)
            elif kind == "zero":
                counts.setdefault("chiefConstableRecommendationCount", 0)
            elif kind == "no":
                counts.setdefault("recommendationCount", 0)
                counts.setdefault("chiefConstableRecommendationCount", 0)
            masked = (
                masked[: match.start()]
                + " " * (match.end() - match.start())
                + masked[match.end() :]
            )
    if "recommendationCount" not in counts:
        found = _TOTAL.search(masked)
        if found:
            counts["recommendationCount"] = parse_number(found.group("n"))
    if re.search(r"recommendation", sentence, re.I):
        found = _ACTIONS.search(masked)
        if found:
            counts["actionCount"] = parse_number(found.group("n"))
    found = _AFIS.search(masked)
    if found:
        counts["afiCount"] = parse_number(found.group("n"))
    elif _BOTH_AFIS.search(sentence):
        counts["afiCount"] = 2
    return {k: v for k, v in counts.items() if v is not None}
