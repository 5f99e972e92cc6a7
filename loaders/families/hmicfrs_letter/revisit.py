"""What a revisit letter or return-to-Scan letter says of the inspection and its causes of concern.

- The inspection: a letter that names PEEL without a round ("the latest
  PEEL assessment of Humberside Police", "as part of our … (PEEL)
  programme", "During our PEEL inspection of Cleveland") is about the force's
  PEEL inspection, round unstated; a named inspection of a force's work ("our
  2023 inspection of the MPS's handling of the sexual and criminal
  exploitation of children") is an inspection of that theme, in the year
  given. They are added to the statement layer's context before the rest is
  read, so fieldwork, revisit and publication dates, findings and counts are
  scoped to them (:func:`add_inspections`).
- A cause of concern named by its topic ("we issued an accelerated cause of
  concern on leadership and force management") is a finding, unless a
  heading of the letter already states it ("Accelerated cause of concern:
  investigations" for "… on investigating crime": a word stem shared), and
  only while the letter's causes found are fewer than it says it identified
  (with no number stated, only when it states none in a section of its own):
  a topic named in passing is otherwise one the letter states in full.
- The inspections the letter is about ("our PEEL programme", "our 2023
  inspection of …") are HMICFRS's: ``CONDUCTED_BY`` it.
- "One of them was about …" then "This was that <the cause>": the cause of
  concern, in its first sentence.
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.statements.context import Context, InspectionMention
from oversight.loaders.statements.refine import Refinement
from oversight.loaders.statements.text import sentences
from oversight.loaders.toolkit import naming as common
from oversight.ontology import R

__all__ = ["add_inspections", "read_causes", "conducted_by_hmicfrs"]

_PEEL = re.compile(r"\bPEEL\)?\s{1,3}(?:inspection|assessment|programme|report)\b|\(PEEL\)\s{1,3}programme\b")
_NAMED = re.compile(
    r"(?i)\b(?:our|the|an?)\s{1,3}(?:(?P<year>(?:19|20)\d\d)\s{1,3})?inspection\s{1,3}of\s{1,3}(?:the\s{1,3})?[A-Z][\w&\-]{1,30}(?:\s{1,3}[A-Z][\w&\-]{1,30}){0,3}[\u2019']s?"
    r"\s{1,3}(?:(?:handling|approach|response)\s{1,3}(?:of|to)\s{1,3})?(?:the\s{1,3})?(?P<what>[a-z][a-z ,\-]{5,80}?)\s{0,3}(?=[,.;]|\swe\b|$)"
)
_COC_ON = re.compile(
    r"(?i)\bcause\s{1,3}of\s{1,3}concern\s{1,3}(?:on|about|regarding|relating\s{1,3}to)\s{1,3}(?P<topic>[^.;]{4,160}?)(?=,\s{1,3}and\s{1,3}another\b|[.;]|$)"
)
_COC_HEADING = re.compile(r"(?i)^\s{0,4}(?:accelerated\s{1,3}|additional\s{1,3})?cause\s{1,3}of\s{1,3}concern\s{0,3}[:\-\u2013]\s{0,3}(?P<topic>[^\n]{3,80}?)\s{0,4}$")
_THIS_WAS_THAT = re.compile(r"^\s{0,4}This\s{1,3}was\s{1,3}that\s{1,3}(?P<cause>[^\n]{10,})$")
_MENTIONS_COC = re.compile(r"(?i)\bcauses?\s{1,3}of\s{1,3}concern\b")


def add_inspections(doc: TextDocument) -> object:
    """A context hook for :func:`~oversight.loaders.statements.read_statements` (see the module docs)."""

    def hook(ctx: Context) -> None:
        scope = ctx.force or ctx.scope
        if scope is None:
            return
        named: list[InspectionMention] = []
        for number, line in enumerate(doc.lines, start=1):
            for match in _NAMED.finditer(line):
                what = " ".join(match.group("what").split())
                props = {"kind": "inspection", **({"fieldwork": match.group("year")} if match.group("year") else {})}
                named.append(InspectionMention(number, Ref.of("Inspection", what, within=scope), what, props, "letter-inspection-named", 0.7))
        ctx.mentions.extend(named)
        if not any(m.props.get("kind") == "peel" for m in ctx.mentions):
            line = next((n for n, text in enumerate(doc.lines, start=1) if _PEEL.search(text)), None)
            if line is not None and ctx.force is not None:
                mention = InspectionMention(line, Ref.of("Inspection", "PEEL", within=ctx.force), "PEEL", {"kind": "peel"}, "letter-inspection-peel", 0.75)
                ctx.mentions.append(mention)
                ctx.main = ctx.main or mention
        ctx.mentions.sort(key=lambda m: m.line)
        ctx.main = ctx.main or (ctx.mentions[0] if ctx.mentions else None)

    return hook


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]{5,}", text.lower())}


def read_causes(refined: Refinement, ctx: Context) -> int:
    """Causes of concern named by topic or restated (see the module docs); returns how many were added."""
    lines = refined.doc.lines
    headed = set().union(*(_stems(m.group("topic")) for line in lines if (m := _COC_HEADING.match(line)))) if lines else set()
    stated = [f.properties.get("count") for f in refined.nodes("StatedCount") if f.properties.get("findingKind") == "CauseOfConcern"]
    numbers = [int(n) for n in stated if isinstance(n, (int, float))]
    known = {f.ref for f in refined.nodes("CauseOfConcern")}
    found = len(known)
    budget = max(numbers) - found if numbers else (0 if found else 10**6)
    count = 0
    previous = ""
    for number, line in enumerate(lines, start=1):
        restated = _THIS_WAS_THAT.match(line)
        if restated and _MENTIONS_COC.search(previous):
            cause = sentences(restated.group("cause"))[0][2]
            count += _emit(refined, ctx, known, number, cause[:1].upper() + cause[1:], "hmicfrs-letter:cause-restated", 0.7)
        for match in _COC_ON.finditer(line):
            topic = " ".join(match.group("topic").split()).rstrip(",")
            if _stems(topic) & headed or budget <= 0:
                continue
            added = _emit(refined, ctx, known, number, topic, "hmicfrs-letter:cause-on-topic", 0.7)
            budget -= added
            count += added
        if line.strip():
            previous = line
    return count


def _emit(refined: Refinement, ctx: Context, known: set[Ref], line: int, text: str, method: str, confidence: float) -> int:
    inspection = ctx.inspection_at(line)
    within = inspection.ref if inspection else (ctx.force or ctx.scope)
    if within is None:
        return 0
    words = " ".join(re.findall(r"[a-z0-9]+", text.lower())[:8])
    ref = Ref.of("CauseOfConcern", words, within=within)
    if ref in known:
        return 0
    known.add(ref)
    refined.node(ref, line, method, confidence, text=text)
    if inspection is not None:
        refined.edge(R.ISSUED, inspection.ref, ref, line, method, confidence)
    return 1


def conducted_by_hmicfrs(refined: Refinement, ctx: Context) -> None:
    """The inspections the letter's own rules named are HMICFRS's (see the module docs)."""
    inspectorate = common.body_ref("HMICFRS")
    conducted = {e.source for e in refined.edges(R.CONDUCTED_BY)}
    for mention in ctx.mentions:
        if mention.method.startswith("letter-inspection") and mention.ref not in conducted:
            refined.edge(R.CONDUCTED_BY, mention.ref, inspectorate, mention.line)
            conducted.add(mention.ref)
