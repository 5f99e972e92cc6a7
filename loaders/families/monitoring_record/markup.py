"""A register record with its status history as inline markup (see the family's docs).

- Detection: a line of the history opening with ``[on]<date>
  [status]<word>[/status]`` (markup quoted in a sentence is not a record);
  surer when the first line is a record heading ending in its id in brackets.
- The ``[comment]`` blocks are commentary: a sentence in one ("it was
  considered that this recommendation had been completed") is not a status
  of the register, so the statement layer's status sentences are dropped
  wherever the markup gives the history.
- The heading names the inspection ("<Force>: <inspection> (<id>)"); when
  it names no force and the paper names none (a recommendation to all
  forces), the inspection is national: a thematic inspection.
- The register is HMICFRS's: the record's inspection is ``CONDUCTED_BY`` it.
"""

from __future__ import annotations

import re

from oversight.loaders.models import EdgeFact, Fact, NodeFact, TextDocument
from oversight.loaders.statements.refine import Refinement
from oversight.loaders.statements.text import force_pattern
from oversight.loaders.toolkit import naming as common
from oversight.ontology import R

__all__ = ["detect", "refine", "MARKUP", "HEADING"]

MARKUP = re.compile(r"\[on\][^\[\]\n]{1,40}?\s{0,3}\[status\][A-Za-z\- ]{1,40}\[/status\]")
#: A line of the history: it opens with an entry (or closes a comment and opens the next), never markup quoted in prose.
_HISTORY_LINE = re.compile(r"^\s{0,4}(?:\[/comment\]\[/on\])?\[on\][^\[\]\n]{1,40}?\s{0,3}\[status\]")
#: "Merseyside Police: Crime Data Integrity inspection 2016 (7319)": a record heading and its id.
HEADING = re.compile(r"^\s{0,4}(?P<title>[^\n()]{5,200}?)\s{0,3}\((?P<id>\d{3,6})\)\s{0,4}$")
#: The register's inspectorate.
REGISTER_BODY = "HMICFRS"


def _heading(doc: TextDocument) -> tuple[int, re.Match[str]] | None:
    first = next(((n, line) for n, line in enumerate(doc.lines[:20], start=1) if line.strip()), None)
    if first is None:
        return None
    match = HEADING.match(first[1])
    return (first[0], match) if match else None


def detect(doc: TextDocument) -> float:
    if not any(_HISTORY_LINE.match(line) for line in doc.lines[:2000]):
        return 0.0
    return 0.95 if _heading(doc) else 0.85


def _status_sentence(fact: Fact) -> bool:
    method = fact.evidence.method or ""
    return method.endswith(":status-sentence") and (
        (isinstance(fact, NodeFact) and fact.ref.label == "StatusAssessment")
        or (isinstance(fact, EdgeFact) and fact.type == R.HAS_STATUS)
    )


def refine(refined: Refinement) -> None:
    """Refine the statement layer's reading of a register record (see the module docs)."""
    refined.drop(_status_sentence)
    heading = _heading(refined.doc)
    if heading is None:
        return
    line, match = heading
    inspections = [f for f in refined.nodes("Inspection") if f.evidence.line == line]
    if not inspections:
        return
    inspection = inspections[0].ref
    prefix = match.group("title").split(":", 1)[0] if ":" in match.group("title") else ""
    names_force = bool(force_pattern().search(prefix)) or any(force_pattern().search(text) for text in refined.doc.lines[:200])
    if not names_force and inspections[0].properties.get("kind") == "inspection":
        refined.amend(inspection, kind="thematic")
    inspectorate = common.body_ref(REGISTER_BODY)
    if not any(e.source == inspection for e in refined.edges(R.CONDUCTED_BY)):
        refined.edge(R.CONDUCTED_BY, inspection, inspectorate, line)
