"""The firms a paper names as a force's auditors ("Our auditors, EY, …", "the internal auditors, RSM, …").

Read by the inspections-and-audits family in its audit section and by the
minutes family in any paragraph.
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import scanner
from oversight.ontology import R

__all__ = ["auditors_in"]


def auditors_in(
    facts: Facts, doc: TextDocument, force: Ref, para: object, role: str | None
) -> None:
    """``AUDITED_BY`` for each "(internal|external) auditors, <firm>" in one paragraph."""
    text: str = para.text  # type: ignore[attr-defined]
    for match in re.finditer(
        r"\b(?:(?P<kind>internal|external)\s+)?auditors?\b[,:]?\s*(?:(?:are|were|is)\s+)?",
        text,
        re.I,
    ):
        mentions = [
            m
            for m in scanner("Organisation").find(text[match.end() : match.end() + 60])
            if m.start == 0
        ]
        if not mentions or mentions[0].label not in ("Organisation",):
            continue
        mention = mentions[0]
        kind = (match.group("kind") or role or "").lower()
        ev = para.evidence(doc.lines, match.start(), match.end() + mention.end, doc)  # type: ignore[attr-defined]
        facts.edge(
            R.AUDITED_BY,
            force,
            naming.body_ref(mention.surface),
            ev,
            role=f"{kind} auditor" if kind else None,
        )
