"""Finding statuses as a paper words them ("remains ongoing", "superseded", a status cell).

>>> status_for("Completed"), status_for("This AFI remains ongoing")
('completed', 'in-progress')
"""

from __future__ import annotations

import re

from oversight.ontology import ontology

__all__ = ["outcome_for", "status_for"]


_STATUS_WORDS: list[tuple[str, str]] = [
    (r"supersed", "superseded"),
    (r"carr(?:y|ied|ies)\b[^.]{0,40}\b(?:across|forward|over)", "carried-forward"),
    (r"discharg", "discharged"),
    (r"\bclos(?:e|ed|ing)\b", "closed"),
    (r"remains?\s+ongoing|\bongoing\b|in\s+progress|\bprogressed\b", "in-progress"),
    (r"remains?\s+open|\bopen\b", "open"),
    (r"\bcomplete(?:d)?\b", "completed"),
]


def outcome_for(text: str) -> str | None:
    """The finding status (ov:FindingStatuses notation) a statement reports, strongest first.

    >>> [outcome_for(t) for t in ("four have been superseded", "have been addressed and closed",
    ...                           "This AFI remains ongoing", "the force will carry this across")]
    ['superseded', 'closed', 'in-progress', 'carried-forward']
    """
    for pattern, status in _STATUS_WORDS:
        if re.search(pattern, text, re.I):
            return status
    return None


def status_for(text: str) -> str | None:
    """A status cell ("Open", "Completed") as a ov:FindingStatuses notation."""
    notation = ontology().vocabulary("FindingStatuses").notation_for(text.strip())
    return notation or outcome_for(text)
