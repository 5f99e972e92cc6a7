"""HMICFRS recommendation monitoring records: one register record per force and round.

The layout of HMICFRS's recommendations register (read by the
``monitoring-record`` family): a heading naming the force, a crime data
integrity inspection and the record's id, the recommendation, then its
status history as inline markup (``[on]<date> [status]<word>[/status][/on]``)
with ``[comment]`` blocks between. The facts are recorded as extraction
states them: the inspection (``INSPECTED`` the force, ``CONDUCTED_BY``
HMICFRS), the numbered recommendation it ``ISSUED``, and one dated
``StatusAssessment`` per ``[status]`` that the recommendation ``HAS_STATUS``.

Every choice comes from a generator of its own (seed, force, "records"), so
adding these records leaves the force's other papers as they were.
"""

from __future__ import annotations

import datetime as dt
import random

from oversight.loaders.models import Ref
from oversight.loaders.toolkit import naming as common
from oversight.ontology import R, ontology
from oversight.synth.docs import Doc, iso, ordinal_date
from oversight.synth.lexicon import TOPICS
from oversight.synth.world import ForceWorld, RoundPlan

__all__ = ["render_record"]

#: Status words of the register, in the order a record moves through them, then how it ends. The register's
#: own awaiting-review and no-further-action-needed are left out here: bench/standing.py compares today's answers
#: with a commit whose Cypher knows only the older statuses (the family's tests cover those words).
_OPENING = ("being-progressed",)
_ENDINGS = ("complete",)
_PERIODS = (("three", 3), ("six", 6), ("twelve", 12))


def render_record(world: ForceWorld, plan: RoundPlan, seed: int) -> Doc:
    """The register record of ``world``'s force for the crime data integrity inspection of ``plan``'s year."""
    force = world.force
    rng = random.Random(f"{seed}/{force.slug}/records/{plan.round.notation}")
    year = plan.published.year
    number = str(rng.randint(5000, 9999))
    topic = rng.choice(TOPICS[rng.choice(sorted(TOPICS))])
    words, _months = rng.choice(_PERIODS)
    doc = Doc(f"{force.slug}/{plan.round.slug}/hmicfrs-recommendation-{number}.txt", "monitoring-record")
    inspection = Ref.of("Inspection", f"crime data integrity {year}", within=force.ref)
    heading = doc.para(f"{force.name}: Crime Data Integrity inspection {year} ({number})")
    doc.node(inspection, heading, kind="inspection", round=str(year))
    doc.edge(R.INSPECTED, inspection, force.ref, heading)
    doc.edge(R.CONDUCTED_BY, inspection, common.body_ref("HMICFRS"), heading)
    text = f"Within {words} months, the force should {topic.ask}"
    recommendation = Ref.of("Recommendation", number, within=inspection)
    line = doc.para(text)
    doc.node(recommendation, line, text=text, number=int(number), deadlineText=f"Within {words} months")
    doc.edge(R.ISSUED, inspection, recommendation, line)
    first = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    history = [(first, rng.choice(_OPENING))]
    if rng.random() < 0.6:
        history.append((first + dt.timedelta(days=rng.randint(60, 300)), rng.choice(_ENDINGS)))
    statuses = ontology().vocabulary("FindingStatuses")
    comments = ("New recommendation", f"{force.name} is progressing this recommendation.", "We have reviewed the evidence.")
    closing = ""  # the register runs a comment's closing tags and the next entry together on one line
    for index, (day, word) in enumerate(history):
        line = doc.add(f"{closing}[on]{ordinal_date(day)} [status]{word}[/status][/on][on]{ordinal_date(day)} [comment]")
        status = statuses.notation_for(word.replace("-", " "))
        assert status is not None
        ref = Ref.of("StatusAssessment", iso(day), status, within=recommendation)
        doc.node(ref, line, status=status, date=iso(day))
        doc.edge(R.HAS_STATUS, recommendation, ref, line)
        doc.add("")
        doc.para(comments[min(index, len(comments) - 1)])
        closing = "[/comment][/on]"
    doc.add(closing)
    return doc
