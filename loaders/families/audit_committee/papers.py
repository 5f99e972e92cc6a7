"""An audit committee's page, agenda or minutes: how sure the paper is one, from its structure alone.

The opening (its first lines, or the first 300 characters of a paper whose
table was collapsed onto one line) names an audit committee ("Joint Audit
Committee", "Joint Audit and Ethics Committee", "Joint Independent Audit
Committee", "JIAC"); a list of members or attendees, or numbered agenda items,
make it surer. A paper that opens as a report on an inspection ("HMIC
Update", "Response to …") to such a committee is a progress paper's first.

>>> audit_committee_score(["JOINT AUDIT AND ETHICS COMMITTEE", "MONDAY 13 JUNE 2016", "PRESENT", "Mr A Smith (Chair)"])
0.75
>>> audit_committee_score(["Audit of the kitchen", "Present: the cook"])
0.0
"""

from __future__ import annotations

import re

__all__ = ["audit_committee_score"]

_COMMITTEE = re.compile(r"(?i)\b(?:audit(?:\s{1,3}and\s{1,3}[a-z]{3,12})?\s{1,3}committee|JIAC|JAC)\b")
_LIST = re.compile(r"(?im)^\s{0,4}(?:\d{1,2}[.)]?\s{1,6})?(?:attendees|attending|present|apologies|in\s{1,3}attend[ae]nce|secretariat|(?:the\s{1,3})?current\s{1,3}membership)\b")
_ITEMS = re.compile(r"(?m)(?:^|\s)\d{1,2}\s{1,3}[A-Z][a-z]{2,}")


def audit_committee_score(lines: list[str]) -> float:
    """0..1: how sure the lines are an audit committee's paper (see the module docs)."""
    opening = [line for line in lines[:60] if line.strip()][:8]
    head = "\n".join(line[:300] for line in opening)
    if not _COMMITTEE.search(head):
        return 0.0
    text = "\n".join(lines[:400])
    score = 0.55
    if _LIST.search(text) or len(_ITEMS.findall(text[:5000])) >= 6:
        score += 0.2
    return round(score, 2)
