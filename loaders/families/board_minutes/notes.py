"""A board's agenda or notes: how sure the paper is one, from its structure alone.

Scored on the opening lines (a heading naming a Board or Conference, with
"Minutes", "Notes", "Agenda" or "Public Document Pack" near it) and on the
body (an attendee or apologies list, "Action – XX to …" lines, numbered
items). A council panel's or an audit committee's paper names a Panel or a
Committee, not a Board, and is left to its own family.

>>> notes_score(["ACCOUNTABILITY BOARD", "Minutes", "8th February 2022", "Attendees:", "Ann Smith (AS)", "Action \u2013 AS to write"])
0.8
>>> notes_score(["Chief Constable's Report", "to", "the Performance and Delivery Board", "INSPECTIONS, AUDITS & REVIEWS"])
0.0
"""

from __future__ import annotations

import re

__all__ = ["notes_score"]

_BOARD = re.compile(r"\b(?:[A-Z][A-Za-z]{2,20}\s{1,3}){1,5}(?:Board|BOARD|Conference|CONFERENCE)\b")
_PAPER = re.compile(r"(?i)\b(?:minutes|notes|agenda|public\s{1,3}document\s{1,3}pack|action\s{1,3}log)\b")
_LIST = re.compile(r"(?im)^\s{0,4}(?:attendees|attending|present|apologies|in\s{1,3}attend[ae]nce)\s{0,3}(?:[:|]|$)")
_ACTION = re.compile(r"(?m)^\s{0,4}Action\s{0,3}[-\u2013\u2014:]\s{0,3}[A-Z]{2,4}\b")
_ITEMS = re.compile(r"(?m)^\s{0,4}\d{1,2}[.)]?\s{1,6}(?:\|\s{0,3})?[A-Z][a-z]")


def notes_score(lines: list[str]) -> float:
    """0..1: how sure the lines are a board's agenda or notes (see the module docs)."""
    opening = [line for line in lines[:60] if line.strip()][:8]
    heading = [line for line in opening if len(line) <= 160]
    board = any(_BOARD.search(line) for line in heading)
    paper = any(_PAPER.search(line) for line in heading)
    if not (board and paper):
        return 0.0
    text = "\n".join(lines[:400])
    score = 0.5
    if _LIST.search(text):
        score += 0.15
    if _ACTION.search(text) or len(_ITEMS.findall(text)) >= 3:
        score += 0.15
    return round(min(score, 0.8), 2)
