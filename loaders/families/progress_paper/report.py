"""A force's or PCC office's paper on inspections: how sure a paper is one, and the inspections it dates.

Detection reads the opening (the first six lines, or the first 300
characters of a paper whose layout collapsed onto one line): it names an
inspectorate or an inspection, and says what the paper is (an update, a
response, progress, a report to a board or committee, the HMICFRS reports a
PCC lists); a commissioner, chief constable, committee or board must be named
near the top (the paper's issuer or audience). Pages the inspectorate publishes itself (a letter's From/To
block, a "Last updated" stamp, the monitoring markup) are not its.

>>> report_score(["AGENDA ITEM 19 Report to the Independent Audit Committee 2 December 2015 HMIC Update"])
0.7
>>> report_score(["Letter information", "From", "Jane Doe", "HMICFRS report update"])
0.0
"""

from __future__ import annotations

import re

__all__ = ["report_score"]

_INSPECT = re.compile(r"\b(?:HMIC|HMICFRS|PEEL)\b|(?i:\binspect(?:ion|ions|orate)\b)")
_PAPER = re.compile(r"(?i)\b(?:update|response|responses|progress|reports|report\s{1,3}(?:to|by)|action\s{1,3}plan|agenda\s{1,3}(?:item|no))\b")
_ISSUER = re.compile(r"(?i)\b(?:police\s{1,3}(?:,\s{1,3}fire\s{1,3})?and\s{1,3}crime\s{1,3}commissioner|O?P(?:F)?CC|chief\s{1,3}constable|committee|board)\b")
_NOT_OURS = re.compile(r"(?im)^\s{0,4}(?:from|sent\s{1,3}on|last\s{1,3}updated)\b\s{0,3}:?|\[status\]")


def report_score(lines: list[str]) -> float:
    """0..1: how sure the lines are a progress paper or response on inspections (see the module docs)."""
    opening = [line for line in lines[:60] if line.strip() and line.strip() != "\u00a0"][:6]
    head = "\n".join(line[:300] for line in opening)
    text = "\n".join(lines[:400])
    issuer = "\n".join(line[:2000] for line in lines[:80] if line.strip())
    if not _INSPECT.search(head) or _NOT_OURS.search(text) or not _ISSUER.search(issuer):
        return 0.0
    score = 0.5
    if _PAPER.search(head):
        score += 0.2
    return round(score, 2)
