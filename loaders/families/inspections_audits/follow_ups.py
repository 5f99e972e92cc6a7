"""Sentences that say a publication follows up an earlier one, or was followed up."""

from __future__ import annotations

import re

from oversight.loaders.families.inspections_audits.sections import (
    Section,
)
from oversight.loaders.models import Evidence, Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.counts import NUM
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.naming import short_title
from oversight.loaders.toolkit.publication import (
    inspection_kind,
)
from oversight.loaders.toolkit.spans import Sentence
from oversight.loaders.toolkit.statuses import outcome_for
from oversight.loaders.toolkit.textparse import find_dates, parse_number
from oversight.ontology import R

_FOLLOW_UP = re.compile(
    rf"\b(?:their|the|its)\s+(?:(?P<n>{NUM})\s+recommendations\s+from\s+the\s+)?"
    r"(?:initial|original|previous|earlier)\s+(?P<desc>[^'\u2018\u2019\".]{0,80}?)(?:report|inspection)\b\s*"
    r"(?:['\u2018\"\u201c](?P<title>[^\"\u201d]+?)['\u2019\"\u201d])?[^.]*?\bpublished\s+in\s+",
    re.I,
)


def read_follow_ups(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    section: Section,
    inspection: Ref,
    title: str,
    force_specific: bool,
    bodies: list[tuple[str, Evidence]],
    sentences: list[Sentence],
) -> set[int]:
    """Earlier inspections this one revisits (``FOLLOWS_UP``) and what it says of their findings.

    Returns the ids of the sentences used, so their counts are not taken for
    this report's own.
    """
    used: set[int] = set()
    original: Ref | None = None
    count: int | None = None
    for sentence in sentences:
        match = _FOLLOW_UP.search(sentence.text)
        if not match:
            continue
        used.add(id(sentence))
        rest = sentence.text[match.end() :]
        dates = find_dates(rest[:30])
        published = dates[0][2] if dates and dates[0][0] == 0 else None
        if match.group("title"):
            old_title = match.group("title").strip()
        elif re.search(r"post[\s-]inspection\s+review\s*$", title, re.I):
            old_title = re.sub(r"\s*post[\s-]inspection\s+review\s*$", "", title, flags=re.I)
        else:
            old_title = (match.group("desc").strip() + " inspection").strip().capitalize()
        if force_specific:
            original = Ref.of("Inspection", short_title(old_title, force), within=force)
        elif bodies:
            original = Ref.of("Inspection", old_title, within=naming.body_ref(bodies[0][0]))
        else:
            original = Ref.of("Inspection", old_title)
        ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
        count = parse_number(match.group("n")) if match.group("n") else None
        facts.node(
            original,
            ev,
            title=old_title,
            kind=inspection_kind(old_title, ""),
            published=published,
            recommendationCount=count,
        )
        if force_specific and force is not None:
            facts.edge(R.INSPECTED, original, force, ev)
        facts.edge(R.FOLLOWS_UP, inspection, original, ev)
        break
    if original is None:
        return used
    for sentence in sentences:
        if id(sentence) in used:
            continue
        text = sentence.text
        if not re.search(r"recommendations|areas\s+for\s+improvement", text, re.I):
            continue
        if not re.search(
            r"\b(?:original|initial|previous|earlier)\b|\b(?:19|20)\d\d\s+inspection", text, re.I
        ):
            continue
        outcome = outcome_for(text)
        if outcome not in ("closed", "open", "discharged", "completed", "superseded"):
            continue
        used.add(id(sentence))
        recs = bool(re.search(r"recommendations", text, re.I))
        afis = bool(re.search(r"areas\s+for\s+improvement|\bAFIs\b", text, re.I))
        kind = (
            "Recommendation"
            if recs and not afis
            else ("AreaForImprovement" if afis and not recs else None)
        )
        ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
        stated = Ref.of("StatedCount", facts.stamp, outcome, within=original)
        props: dict[str, object] = {"outcome": outcome, "coversAll": True, "findingKind": kind}
        if count is not None and kind == "Recommendation":
            props.update(
                count=count,
                ofTotal=count,
                deduced=["count", "ofTotal"],
                deducedFrom=[
                    f"count: the recommendations stated as {outcome} are all {count} the review assessed"
                ],
            )
        else:
            props["missing"] = ["count"]
        facts.node(stated, ev, **facts.dated(props, undated=False))
        facts.edge(R.HAS_STATED_COUNT, original, stated, ev)
    return used
