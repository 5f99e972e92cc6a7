"""A force's or PCC office's paper on inspections: how sure a paper is one, and the inspections it dates.

Detection reads the opening (the first six lines, or the first 300
characters of a paper whose layout collapsed onto one line): it names an
inspectorate or an inspection, and says what the paper is (an update, a
response, progress, a report to a board or committee, the HMICFRS reports a
PCC lists); a commissioner, chief constable, committee or board must be named
near the top (the paper's issuer or audience). Pages the inspectorate publishes itself (a letter's From/To
block, a "Last updated" stamp, the monitoring markup) are not its.

>>> report_score(["AGENDA ITEM 19 Report to the Independent Audit Committee 2 December 2015 HMIC Update"])
0.8
>>> report_score(["Letter information", "From", "Jane Doe", "HMICFRS report update"])
0.0
"""

from __future__ import annotations

import functools
import re

from oversight.loaders import common
from oversight.loaders.models import Ref
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.text import name_pattern, sentences
from oversight.loaders.textparse import parse_date
from oversight.ontology import R, ontology

__all__ = ["report_score", "read_dated_inspections"]

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
        score += 0.3
    return round(score, 2)


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WHEN = r"(?P<when>(?:\d{1,2}(?:st|nd|rd|th)?\s{1,3})?" + _MONTH + r"(?:,?\s{1,3}(?:19|20)\d\d)?)"
#: "… took place in October", "… was published in July 2013", "… completed in October 2018", "… published findings in July 2011".
_EVENT = re.compile(
    r"(?i:\b(?P<verb>took\s{1,3}place|was\s{1,3}(?:carried\s{1,3}out|conducted|published)|were\s{1,3}published|completed|published(?:\s{1,3}(?:findings|its\s{1,3}report))?)"
    r"(?:\s{1,3}in\s{1,3}[A-Z][a-z]{2,20}(?:\s{1,3}[A-Z][a-z]{2,20})?)?\s{1,3}(?:in|on)\s{1,3})" + _WHEN
)
#: "In May 2017, HMICFRS conducted a … inspection of …".
_OPENING_WHEN = re.compile(r"^\s{0,4}In\s{1,3}(?P<when>" + _MONTH + r"\s{1,3}(?:19|20)\d\d),\s{1,3}(?P<rest>[^.]{5,300}?\b(?:conducted|carried\s{1,3}out|inspected|published)\b[^.]{0,200})")
_PILLAR = re.compile(r"(?i)\b(effectiveness|efficiency|legitimacy)\b")
_REINSPECTION = re.compile(r"(?i)\bre-?\s?inspection\b")


@functools.lru_cache(maxsize=1)
def _programmes() -> list[tuple[re.Pattern[str], str, str | None]]:
    """Each inspection programme's labels (eight letters or more) as one pattern, its name and its kind."""
    vocabulary = ontology().vocabulary("InspectionProgrammes")
    kinds = set(ontology().vocabulary("InspectionKinds").notations)
    out = []
    for concept in vocabulary.concepts:
        if concept.notation.startswith("peel"):
            continue
        labels = [label for label in (concept.pref_label, *concept.alt_labels) if len(label) >= 8]
        if not labels:
            continue
        pattern = re.compile(r"(?i)\b(?:" + "|".join(name_pattern(label) for label in sorted(labels, key=len, reverse=True)) + r")\b")
        kind = next((b for b in concept.broader if b in kinds), None)
        out.append((pattern, concept.pref_label, kind))
    return out


def _iso(when: str, anchor: str | None) -> tuple[str, bool] | None:
    """The ISO date of "October", "July 2013" or "17 October 2016", and whether its year is inferred (the paper's)."""
    stated = parse_date(when)
    if stated is not None:
        return stated, False
    month = parse_date(f"{when} 2000")
    if month is None or anchor is None:
        return None
    number = int(month[5:7])
    year = int(anchor[:4]) if number <= int(anchor[5:7] or 12) else int(anchor[:4]) - 1
    return f"{year}-{number:02d}", True


def _named(subject: str, programme: tuple[str, str | None] | None) -> tuple[str, dict[str, str], tuple[str, str | None] | None] | None:
    """The inspection a subject names: its label, properties and programme (kept for a later re-inspection)."""
    if re.search(r"\bPEEL\b", subject) or (_PILLAR.search(subject) and re.search(r"(?i)\binspection\b", subject)):
        pillar = _PILLAR.search(subject)
        return "PEEL", {"kind": "peel", **({"pillar": pillar.group(1).lower()} if pillar else {})}, programme
    for pattern, name, kind in _programmes():
        if pattern.search(subject):
            label = name + (" re-inspection" if _REINSPECTION.search(subject) else "")
            return label, ({"kind": kind} if kind and kind != "inspection" else {}), (name, kind)
    if programme is not None and _REINSPECTION.search(subject):
        return f"{programme[0]} re-inspection", ({"kind": programme[1]} if programme[1] and programme[1] != "inspection" else {}), programme
    return None


def read_dated_inspections(c: Collector, ctx: Context, anchor: str | None = None) -> None:
    """The inspections the paper dates (see the package docs): a PEEL pillar or a programme of the ontology,
    named before "took place / was published / completed in <month>"; a month without a year takes the paper's
    (method ``statement:dated-inspection-inferred-year``, lower confidence), or that of ``anchor`` (the paper's meeting)."""
    scope = ctx.force or ctx.scope
    assert scope is not None
    programme: tuple[str, str | None] | None = None
    for number, line in enumerate(c.doc.lines, start=1):
        if len(line) > 20000 or not re.search(_MONTH, line):
            continue
        for _start, _end, sentence in sentences(line):
            events = [(m.group("when"), sentence[: m.start()], m.group("verb").lower()) for m in _EVENT.finditer(sentence)]
            opening = _OPENING_WHEN.match(sentence)
            if opening:
                events.append((opening.group("when"), opening.group("rest"), "conducted"))
            for when, subject, verb in events:
                named = _named(subject[-240:], programme)
                dated = _iso(when, ctx.date or anchor)
                if named is None or dated is None:
                    continue
                label, props, programme = named
                iso, inferred = dated
                if label == "PEEL":
                    round_ = iso[:4]
                    pillar = common.peel_pillar(props["pillar"], round_) if "pillar" in props else None
                    label = f"PEEL {round_}" + (f" {pillar}" if pillar else "")
                    props = {"kind": "peel", "round": round_, **({"pillar": pillar} if pillar else {})}
                elif "re-inspection" not in label:
                    props = {**props, "round": iso[:4]}
                prop = "published" if "publish" in verb else "fieldwork"
                method, confidence = ("dated-inspection-inferred-year", 0.6) if inferred else ("dated-inspection", 0.75)
                ref = Ref.of("Inspection", label, within=scope)
                c.node(ref, number, method, confidence, **props, **{prop: iso})  # type: ignore[arg-type]
                if ctx.inspectorate is not None:
                    c.edge(R.CONDUCTED_BY, ref, ctx.inspectorate, number, method, confidence * 0.9)
                if ctx.force is not None:
                    c.edge(R.INSPECTED, ref, ctx.force, number, method, confidence)
