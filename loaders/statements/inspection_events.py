"""Inspections a paper dates in its own words: when one took place, was published or was completed.

A family reading a paper about inspections (a progress paper, a panel's
minute) calls :func:`read_dated_inspections`; the statement layer does not run
it on every paper. It finds:

- "<subject> took place / was conducted / was published / completed in|on
  <date>" where the subject names a PEEL pillar ("The PEEL 'Effectiveness'
  inspection", "The Effectiveness Inspection") or a programme of the
  ontology's InspectionProgrammes ("crime data integrity inspection"), or a
  re-inspection of the programme named before;
- "In <Month Year>, <inspectorate> conducted a <programme> inspection of …";
- "<programme> <Month Year>" ("the National Child Protection Inspection
  October 2019");
- "a further inspection of (police) <pillar> in <year>" (a PEEL round named
  by its year).

PEEL inspections are keyed as the statement layer keys them ("PEEL 2015
efficiency", within the force), so both readings are one node; the spelled-out
name of PEEL ("Police Effectiveness, Efficiency and Legitimacy") names no
pillar. A date given as a month without a year takes the paper's year (the
year before when the month is later than the paper's): such an inspection says
so (method ``statement:dated-inspection-inferred-year``, confidence 0.6); with
no date of the paper, none is given a year. The statement layer's undated,
unnumbered mention of a programme that this reader dates is returned as
superseded (:func:`read_dated_inspections`' result), for the family to leave
out.

>>> from oversight.loaders.models import TextDocument
>>> from oversight.loaders.statements.context import read_context
>>> doc = TextDocument.from_text("The PEEL Efficiency inspection report was published in October.")
>>> c = Collector(doc)
>>> _ = read_dated_inspections(c, read_context(doc), "2015-12-02")
>>> [(f.ref.parts, f.properties) for f in c.facts() if f.kind == "node"]
[(('PEEL 2015 efficiency',), {'kind': 'peel', 'round': '2015', 'pillar': 'efficiency', 'published': '2015-10'})]
"""

from __future__ import annotations

import functools
import re

from oversight.loaders.models import Ref
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.text import name_pattern, sentences
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.textparse import parse_date
from oversight.ontology import R, ontology

__all__ = ["read_dated_inspections"]

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
#: PEEL spelled out names all three pillars and so none.
_PEEL_NAME = re.compile(r"(?i)\bpolice\s{1,3}(?:effectiveness|efficiency|legitimacy)\s{0,3},\s{0,3}(?:effectiveness|efficiency|legitimacy)\s{1,3}and\s{1,3}(?:effectiveness|efficiency|legitimacy)\b")
#: "a further inspection of Police effectiveness in 2017".
_PILLAR_YEAR = re.compile(r"(?i)\binspection\s{1,3}of\s{1,3}(?:police\s{1,3})?(?P<pillar>effectiveness|efficiency|legitimacy)\s{1,3}in\s{1,3}(?P<year>(?:19|20)\d\d)\b")
#: A date right after a programme's name: "the National Child Protection Inspection October 2019".
_DIRECT_WHEN = re.compile(r"\s{0,3}(?:(?:in|of|dated)\s{1,3})?(?P<when>" + _MONTH + r"\s{1,3}(?:19|20)\d\d)\b")
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
    subject = _PEEL_NAME.sub("PEEL", subject)
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


def _state(c: Collector, ctx: Context, number: int, label: str, props: dict[str, str], prop: str, dated: tuple[str, bool]) -> Ref:
    scope = ctx.force or ctx.scope
    assert scope is not None
    iso, inferred = dated
    if label == "PEEL":
        round_ = iso[:4]
        pillar = naming.peel_pillar(props["pillar"], round_) if "pillar" in props else None
        label = f"PEEL {round_}" + (f" {pillar}" if pillar else "")
        props = {"kind": "peel", "round": round_, **({"pillar": pillar} if pillar else {})}
    elif "re-inspection" not in label:
        props = {**props, "round": iso[:4]}
    method, confidence = ("dated-inspection-inferred-year", 0.6) if inferred else ("dated-inspection", 0.75)
    ref = Ref.of("Inspection", label, within=scope)
    values: dict[str, str] = dict(props)
    if len(iso) >= 7:
        values[prop] = iso
    c.node(ref, number, method, confidence, counts_as="inspection", **values)  # type: ignore[arg-type]
    if ctx.inspectorate is not None:
        c.edge(R.CONDUCTED_BY, ref, ctx.inspectorate, number, method, confidence * 0.9)
    if ctx.force is not None:
        c.edge(R.INSPECTED, ref, ctx.force, number, method, confidence)
    return ref


def _events(sentence: str) -> list[tuple[str, str, str]]:
    """(when, subject, verb) of each dated event the sentence states."""
    events = [(m.group("when"), sentence[: m.start()], m.group("verb").lower()) for m in _EVENT.finditer(sentence)]
    opening = _OPENING_WHEN.match(sentence)
    if opening:
        events.append((opening.group("when"), opening.group("rest"), "conducted"))
    for pattern, _name, _kind in _programmes():
        for match in pattern.finditer(sentence):
            after = _DIRECT_WHEN.match(sentence, match.end())
            if after:
                events.append((after.group("when"), match.group(0), "took place"))
    return events


def read_dated_inspections(c: Collector, ctx: Context, anchor: str | None = None) -> set[Ref]:
    """The inspections the paper dates (see the module docs); ``anchor`` is the paper's date when the context has
    none (its meeting's). Returns the statement layer's mentions these supersede."""
    programme: tuple[str, str | None] | None = None
    dated_programmes: set[str] = set()
    for number, line in enumerate(c.doc.lines, start=1):
        if len(line) > 20000:
            continue
        for match in _PILLAR_YEAR.finditer(line):
            _state(c, ctx, number, "PEEL", {"pillar": match.group("pillar").lower()}, "round", (match.group("year"), False))
        if not re.search(_MONTH, line):
            continue
        for _start, _end, sentence in sentences(line):
            for when, subject, verb in _events(sentence):
                named = _named(subject[-240:], programme)
                dated = _iso(when, ctx.date or anchor)
                if named is None or dated is None:
                    continue
                label, props, programme = named
                if programme is not None:
                    dated_programmes.add(programme[0])
                _state(c, ctx, number, label, props, "published" if "publish" in verb else "fieldwork", dated)
    superseded: set[Ref] = set()
    for mention in ctx.mentions:
        if "round" in mention.props or mention.props.get("kind") == "peel":
            continue
        for pattern, name, _kind in _programmes():
            if name in dated_programmes and pattern.fullmatch(mention.label.strip()):
                superseded.add(mention.ref)
    return superseded
