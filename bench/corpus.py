"""Recall and precision of extraction on the real corpus, per kind of fact and per family, beside the seeds.

Reproduce (from the repository root, in the project's venv)::

    python bench/corpus.py                    # tables on stdout
    python bench/corpus.py --json out.json    # the report as JSON as well

The measuring stick is ``tests/corpus/*.yaml``: for each file of
``../shared/corpus/`` (34 real pages of 22 forces), the facts it states,
written by hand as data (keys, numbers, ISO dates, phrases of at most eight
words; never the paper's text), validated by :class:`Annotation`. The seeds'
expectations (``tests/test_seeds_extraction_1.py`` and ``_2.py``, read off the
papers by hand) are written the same way in ``tests/corpus/seeds/``; they are
partial, so a seed file names the kinds it annotates completely and precision
counts only those.

Each file is extracted twice with the project (:func:`oversight.loaders.ingest.extract_paths`):

- **detected**: as a user would, detection choosing the family; a file the
  tool refuses recalls nothing (its reason is kept);
- **forced**: with the family forced (``family=``): the annotation's own
  family when it is registered, else the nearest registered one
  (:data:`FORCED_FAMILY`).

Kinds of fact, and what each is matched against in an extraction (node facts
of one document merged by their reference, with their relationships):

- ``document-date``: the document record's date;
- ``inspection``: ``Inspection`` nodes (inspectorate by ``CONDUCTED_BY``,
  force by ``INSPECTED``, ``forceInspected`` or the reference's scope, kind,
  round, pillar, title);
- ``inspection-date``: each date of an annotated inspection, against each date
  of an extracted inspection matching it (the date's name is not compared; an
  ISO 8601 interval gives both its ends);
- ``finding``: ``AreaForImprovement``, ``Recommendation``, ``CauseOfConcern``
  (kind by label; number; phrase in the text; deadline);
- ``judgement``: ``Judgement`` nodes (grade; area by ``IN_AREA`` and the key);
- ``status``: ``StatusAssessment`` nodes with the finding they are ``HAS_STATUS`` of;
- ``count``: ``StatedCount`` nodes, and an inspection's stated numbers of
  recommendations and AFIs (``recommendationCount``, ``afiCount``);
- ``closure``: ``SUPERSEDES``, ``CLOSED_BY``, ``CARRIED_FORWARD_TO`` edges,
  statuses that are outcomes (closed, discharged, superseded, carried forward),
  and ``MonitoringDecision`` nodes (a force moved to Engage or returned to
  Scan: the force by ``MONITORING_OF``, who decided by ``DECIDED_BY``);
- ``meeting``: ``Meeting`` nodes (date; body by ``MEETING_OF`` and title; chair);
- ``attendee``: ``ATTENDED_BY`` edges to a person, and ``APOLOGIES_FROM`` (those who sent apologies)
  (name, post by ``HOLDS`` or role);
- ``action``: ``Action`` nodes (text, deadline, owner by ``OWNED_BY``);
- ``person``: people who ``HOLDS`` a post and attend no meeting of the document.

Matching is tolerant, one annotated fact to at most one extracted fact (a
maximum bipartite matching per file and kind):

- text is normalised: accents dropped, case folded, ``&`` read as "and",
  every run of punctuation and spaces one space;
- a phrase matches when the extracted text contains it, or holds every one of
  its words (in any order);
- a name matches when the extracted name holds every word of it ("A
  Harrison" matches "Mrs A Harrison"); an owner given as initials ("TS/SC")
  matches when each part is in the owner's name or is its initials;
- dates match at the precision annotated ("2019-05" matches "2019-05-20",
  not the other way); a round matches on its first year, and on its second
  part when both give one ("2018" matches "2018/19"; "2023-25" is "2023/25");
- numbers match exactly (a finding's number as an integer: "05" is 5);
- HMIC and HMICFRS are one inspectorate; "Police" and "Constabulary" are
  dropped from force names;
- some fields are *lenient*: compared only when the extracted fact has a
  value for them (:data:`LENIENT`): an inspection's inspectorate and kind, a
  judgement's year, a count's outcome, an attendee's or a person's post, a
  meeting's chair;
- some are for people, not compared: a count's ``of``, a judgement's force,
  an attendee's initials and apologies (initials are there to resolve action
  owners), a person's organisation, a finding's ``issued`` date, and notes.

Recall is matched annotated facts over annotated facts; precision is matched
extracted facts over extracted facts, on the kinds a file annotates completely
(every kind, for the corpus). A kind or family with nothing extracted has
precision None. Not a timed benchmark.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

import networkx as nx
import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

import oversight.ontology as onto
from oversight.ontology import ontology

REPO = Path(__file__).resolve().parents[1]
ANNOTATIONS = REPO / "tests" / "corpus"
SEED_ANNOTATIONS = ANNOTATIONS / "seeds"
CORPUS = REPO.parent / "shared" / "corpus"
SEEDS = REPO.parent / "shared" / "seeds"

#: Families an annotation may name besides the ontology's DocumentFamilies: the new ones of issue 15
#: (proposed notations, not yet in ontology/vocab/scales.ttl).
PROPOSED_FAMILIES = ("committee-minutes", "board-minutes", "progress-paper", "audit-committee")
#: Status words that no FindingStatuses notation fits (proposed notations; the monitoring records' awaiting-review
#: and no-further-action are the ontology's now).
PROPOSED_STATUSES: tuple[str, ...] = ()
#: Closure statements besides the FindingStatuses outcomes: HMICFRS monitoring phases (proposed notations).
PROPOSED_CLOSURES = ("returned-to-scan", "moved-to-engage")
#: For the forced run: the registered family nearest to each new family.
FORCED_FAMILY = {
    "committee-minutes": "minutes",
    "board-minutes": "minutes",
    "progress-paper": "peel-progress",
    "audit-committee": "minutes",
}
KINDS = (
    "document-date", "inspection", "inspection-date", "finding", "judgement", "status", "count", "closure",
    "meeting", "attendee", "action", "person",
)
#: Kinds of finding, and the class each is extracted as.
FINDING_CLASSES = {
    "area-for-improvement": "AreaForImprovement",
    "recommendation": "Recommendation",
    "cause-of-concern": "CauseOfConcern",
}
#: The closure kind of each relationship type.
CLOSURE_RELATIONSHIPS = {"SUPERSEDES": "superseded", "CLOSED_BY": "closed", "CARRIED_FORWARD_TO": "carried-forward"}
#: The closure kind of each phase a monitoring decision moves a force into (MonitoringPhases notations).
PHASE_CLOSURES = {"engage": "moved-to-engage", "scan": "returned-to-scan"}
#: Statuses that are outcomes, read as closure statements too.
CLOSING_STATUSES = ("closed", "discharged", "superseded", "carried-forward")
#: Fields compared only when the extracted fact has a value for them.
LENIENT: dict[str, frozenset[str]] = {
    "inspection": frozenset({"inspectorate", "kind"}),
    "judgement": frozenset({"year"}),
    "count": frozenset({"outcome"}),
    "attendee": frozenset({"post"}),
    "meeting": frozenset({"chair"}),
    "person": frozenset({"post"}),
}
#: The longest phrase an annotation may hold, in words (and the longest run of a paper's words it may copy).
MAX_PHRASE_WORDS = 8

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# ---------------------------------------------------------------------------
# The annotation schema
# ---------------------------------------------------------------------------


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


class _Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    #: A remark for people (never compared).
    note: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _dates_as_text(cls, value: Any) -> Any:
        return _iso(value)


def _check_date(value: str | None) -> str | None:
    if value is not None and not ISO_DATE.match(value):
        raise ValueError(f"not an ISO 8601 date (yyyy, yyyy-mm or yyyy-mm-dd): {value!r}")
    return value


def _in(vocabulary: str, value: str | None, proposed: tuple[str, ...] = ()) -> str | None:
    """``value`` when it is a notation of the ontology's ``vocabulary`` (or a proposed one)."""
    known = ontology().vocabulary(vocabulary).notations + proposed
    if value is not None and value not in known:
        raise ValueError(f"{value!r} is not in {vocabulary} (known: {', '.join(known)})")
    return value


class InspectionFact(_Fact):
    inspectorate: str | None = None
    kind: str | None = None  # an InspectionKinds notation
    programme: str | None = None
    round: str | None = None
    pillar: str | None = None
    force: str | None = None
    dates: dict[str, str] = Field(default_factory=dict)

    @field_validator("dates", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return {k: _check_date(_iso(v)) for k, v in (value or {}).items()}

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str | None) -> str | None:
        return _in("InspectionKinds", value)


class FindingFact(_Fact):
    kind: Literal["cause-of-concern", "recommendation", "area-for-improvement"]
    number: str | None = None
    phrase: str | None = None
    deadline: str | None = None  # an ISO date, or words ("within six months")
    issued: str | None = None

    @model_validator(mode="after")
    def _named(self) -> FindingFact:
        if self.number is None and self.phrase is None:
            raise ValueError("a finding needs a number or a phrase")
        _check_date(self.issued)
        return self


class JudgementFact(_Fact):
    area: str | None = None
    grade: str  # a Grades notation
    force: str | None = None
    year: str | None = None

    @field_validator("grade")
    @classmethod
    def _grade(cls, value: str) -> str | None:
        return _in("Grades", value)


class StatusFact(_Fact):
    finding: str
    status: str | None = None  # a FindingStatuses notation, or a proposed one
    word: str | None = None  # the paper's own status word, normalised
    rag: str | None = None  # a RAG notation
    date: str | None = None
    due: str | None = None

    @model_validator(mode="after")
    def _something(self) -> StatusFact:
        _in("FindingStatuses", self.status, PROPOSED_STATUSES)
        _in("RAG", self.rag)
        if self.status is None and self.rag is None and self.due is None:
            raise ValueError("a status needs a status, a RAG or a due date")
        _check_date(self.date)
        _check_date(self.due)
        return self


class CountFact(_Fact):
    of: str
    outcome: str | None = None
    number: float
    total: int | None = None
    due: str | None = None
    inspection: str | None = None


class ClosureFact(_Fact):
    kind: str  # a FindingStatuses notation, or a monitoring phase (PROPOSED_CLOSURES)
    subject: str | None = None
    by: str | None = None
    date: str | None = None

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return _check_date(value)

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str | None:
        return _in("FindingStatuses", value, PROPOSED_CLOSURES)


class MeetingFact(_Fact):
    body: str
    date: str | None = None
    chair: str | None = None

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return _check_date(value)


class AttendeeFact(_Fact):
    name: str
    initials: str | None = None
    post: str | None = None
    apologies: bool = False


class ActionFact(_Fact):
    owner: str | None = None
    phrase: str | None = None
    due: str | None = None

    @field_validator("due")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        return _check_date(value)


class PersonFact(_Fact):
    name: str
    post: str | None = None
    organisation: str | None = None


class Facts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    inspection: list[InspectionFact] = Field(default_factory=list)
    finding: list[FindingFact] = Field(default_factory=list)
    judgement: list[JudgementFact] = Field(default_factory=list)
    status: list[StatusFact] = Field(default_factory=list)
    count: list[CountFact] = Field(default_factory=list)
    closure: list[ClosureFact] = Field(default_factory=list)
    meeting: list[MeetingFact] = Field(default_factory=list)
    attendee: list[AttendeeFact] = Field(default_factory=list)
    action: list[ActionFact] = Field(default_factory=list)
    person: list[PersonFact] = Field(default_factory=list)


class Annotation(BaseModel):
    """The facts one corpus file states, by kind (see the module docstring)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    file: str
    family: str
    force: str | None = None
    date: str | None = None
    #: The kinds annotated completely; None: every kind (precision counts only these).
    complete: list[str] | None = None
    note: str | None = None
    facts: Facts = Field(default_factory=Facts)

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return _check_date(_iso(value))

    @field_validator("family")
    @classmethod
    def _family(cls, value: str) -> str | None:
        return _in("DocumentFamilies", value, PROPOSED_FAMILIES)

    @field_validator("complete")
    @classmethod
    def _kinds(cls, value: list[str] | None) -> list[str] | None:
        unknown = sorted(set(value or ()) - set(KINDS))
        if unknown:
            raise ValueError(f"unknown kinds {unknown}; known: {list(KINDS)}")
        return value

    def is_complete(self, kind: str) -> bool:
        return self.complete is None or kind in self.complete

    def truth(self) -> dict[str, list[Any]]:
        """The annotated facts by kind, inspection dates split out as facts of their own."""
        out: dict[str, list[Any]] = {kind: [] for kind in KINDS}
        if self.date:
            out["document-date"].append(self.date)
        for name in Facts.model_fields:
            out[name] = list(getattr(self.facts, name))
        out["inspection-date"] = [(i, d) for i in self.facts.inspection for d in i.dates.values()]
        return out

    def count(self) -> int:
        return sum(len(v) for v in self.truth().values())

    def strings(self) -> Iterator[str]:
        """Every text the annotation holds (for the checks that nothing is copied from the paper)."""
        yield from _strings(self.model_dump(exclude={"file", "family", "complete"}))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def load_annotation(path: Path) -> Annotation:
    return Annotation.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def load_annotations(folder: Path = ANNOTATIONS) -> list[Annotation]:
    return [load_annotation(p) for p in sorted(folder.glob("*.yaml"))]


# ---------------------------------------------------------------------------
# Tolerant comparison
# ---------------------------------------------------------------------------


def norm(text: Any) -> str:
    """Accents dropped, case folded, ``&`` as "and", punctuation and spaces one space.

    >>> norm("Zoë  Metcalfe – Chair & PFCC")
    'zoe metcalfe chair and pfcc'
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def words(text: Any) -> list[str]:
    return norm(text).split()


def phrase_in(phrase: str, text: str) -> bool:
    """The phrase is in the text, or every word of it is.

    >>> phrase_in("crime prevention isn't a priority", "Crime prevention isn’t a priority for the force")
    True
    >>> phrase_in("use of force", "stop and search")
    False
    """
    p, t = norm(phrase), norm(text)
    if not p:
        return True
    if f" {p} " in f" {t} ":
        return True
    return set(p.split()) <= set(t.split())


def date_matches(annotated: str, extracted: Any) -> bool:
    """At the annotated precision: "2019-05" matches "2019-05-20"; "2019-05-20" does not match "2019-05"."""
    return isinstance(extracted, str) and extracted[: len(annotated)] == annotated and len(extracted) >= len(annotated)


def _round_parts(text: str) -> list[str]:
    parts = re.findall(r"\d+", text)
    if len(parts) >= 2 and len(parts[1]) == 4:
        parts[1] = parts[1][2:]
    return parts


def round_matches(annotated: str, extracted: Any) -> bool:
    """On the first year, and on the second part when both give one.

    >>> [round_matches("2018", "2018/19"), round_matches("2023-25", "2023/25"), round_matches("2021/22", "2023/25")]
    [True, True, False]
    """
    if extracted is None:
        return False
    a, e = _round_parts(annotated), _round_parts(str(extracted))
    if not a or not e or a[0] != e[0]:
        return False
    return len(a) < 2 or len(e) < 2 or a[1] == e[1]


def _inspectorate(text: str) -> str:
    n = norm(text)
    if "hmic" in n.split() or "hmicfrs" in n.split() or "inspectorate of constabulary" in n:
        return "hmicfrs"
    return n


def _force(text: str) -> str:
    return " ".join(w for w in words(text) if w not in {"police", "constabulary", "service", "the"})


def force_matches(annotated: str, extracted: Iterable[str]) -> bool:
    a = _force(annotated)
    return any(a and (a in _force(e) or (_force(e) and _force(e) in a)) for e in extracted)


def name_matches(annotated: str, extracted: str) -> bool:
    return bool(extracted) and set(words(annotated)) <= set(words(extracted))


def initials_of(name: str) -> str:
    titles = {"mr", "mrs", "ms", "dr", "sir", "cllr", "councillor", "lord", "dame", "miss"}
    return "".join(w[0] for w in words(name) if w not in titles)


def owner_matches(annotated: str, owners: list[str]) -> bool:
    """Each part of the owner ("TS/SC", "Kent Police") is in an owner's name, or is its initials."""
    parts = [p for p in re.split(r"\s*(?:/|,|\band\b)\s*", annotated) if p.strip()]
    return bool(owners) and all(
        any(phrase_in(part, o) or norm(part).replace(" ", "") == initials_of(o) for o in owners) for part in parts
    )


def number_matches(annotated: str, extracted: Any) -> bool:
    try:
        return int(str(annotated).lstrip("0") or "0") == int(str(extracted).lstrip("0") or "0")
    except ValueError:
        return norm(annotated) == norm(extracted)


def _text(*values: Any) -> str:
    out: list[str] = []
    for value in values:
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            out.extend(str(v) for v in value)
        else:
            out.append(str(value))
    return " | ".join(out)


# ---------------------------------------------------------------------------
# What an extraction holds, by kind
# ---------------------------------------------------------------------------


@dataclass
class Entity:
    """One thing an extraction names: its reference, merged properties, relationships out and in."""

    label: str
    ref: Any
    props: dict[str, Any] = field(default_factory=dict)
    out: list[tuple[str, Entity, dict[str, Any]]] = field(default_factory=list)
    into: list[tuple[str, Entity, dict[str, Any]]] = field(default_factory=list)

    def names(self) -> list[str]:
        """The reference's name, parts and key, its scope's names, and its title."""
        out: list[str] = []
        ref = self.ref
        while ref is not None:
            out.extend(x for x in (ref.name, *ref.parts, ref.key) if x)
            ref = ref.within
        if "title" in self.props:
            out.append(str(self.props["title"]))
        return out

    def own_name(self) -> str:
        return _text(self.ref.name, *self.ref.parts, self.ref.key)

    def targets(self, *types: str) -> list[Entity]:
        return [e for t, e, _ in self.out if t in types]

    def sources(self, *types: str) -> list[Entity]:
        return [e for t, e, _ in self.into if t in types]

    def dates(self) -> list[str]:
        """The values of its date properties (those the ontology describes as ISO 8601 dates)."""
        dated = _date_properties()
        values = [v for k, v in self.props.items() if k in dated and isinstance(v, str)]
        # an ISO 8601 interval ("2019-05-20/2019-05-31", as fieldwork and revisit allow) gives both its ends
        return [d for v in values for d in v.split("/") if ISO_DATE.match(d)]


@cache
def _date_properties() -> frozenset[str]:
    return frozenset(name for name, info in ontology().properties.items() if "ISO 8601" in info.comment)


def _ref_id(ref: Any) -> str:
    return str(ref.model_dump_json())


def entities(extraction: Any) -> dict[str, Entity]:
    """The things one extraction names, node facts merged by reference (first stated value kept)."""
    found: dict[str, Entity] = {}

    def entity(ref: Any) -> Entity:
        key = _ref_id(ref)
        if key not in found:
            found[key] = Entity(ref.label, ref)
        return found[key]

    for fact in extraction.facts:
        if fact.kind == "node":
            node = entity(fact.ref)
            for k, v in fact.properties.items():
                node.props.setdefault(k, v)
    for fact in extraction.facts:
        if fact.kind == "edge":
            source, target = entity(fact.source), entity(fact.target)
            source.out.append((fact.type, target, dict(fact.properties)))
            target.into.append((fact.type, source, dict(fact.properties)))
    return found


@cache
def _finding_labels() -> dict[str, str]:
    """Finding kinds by label, each label checked against the ontology (an unknown one raises)."""
    return {onto.L.check(label): kind for kind, label in FINDING_CLASSES.items()}


@cache
def _closure_edges() -> dict[str, str]:
    return {onto.R.check(rel): kind for rel, kind in CLOSURE_RELATIONSHIPS.items()}


def _is(thing: Entity, label: str) -> bool:
    return thing.label in ontology().classes and ontology().is_a(thing.label, label)


def candidates(extraction: Any) -> dict[str, list[dict[str, Any]]]:
    """The extracted facts of one document, by kind, as plain dicts the matchers read."""
    things = list(entities(extraction).values())
    out: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    if extraction.document.date:
        out["document-date"].append({"date": extraction.document.date})
    attendees: set[int] = set()
    for thing in things:
        props = thing.props
        if _is(thing, onto.L.Inspection):
            _inspection(thing, out)
        elif thing.label in _finding_labels():
            out["finding"].append({
                "label": thing.label,
                "number": props.get(onto.P.number),
                "text": _text(props.get(onto.P.text), thing.own_name()),
                "dates": [props[k] for k in (onto.P.deadline, onto.P.due) if isinstance(props.get(k), str)],
                "deadlineText": _text(props.get(onto.P.deadline)),
            })
        elif _is(thing, onto.L.Judgement):
            out["judgement"].append({
                "grade": props.get(onto.P.grade),
                "text": _text(thing.names(), [e.own_name() for e in thing.targets(onto.R.IN_AREA)]),
                "year": props.get(onto.P.lastInspected),
            })
        elif _is(thing, onto.L.StatusAssessment):
            findings = [
                {"number": f.props.get(onto.P.number), "text": _text(f.props.get(onto.P.text), f.names())}
                for f in thing.sources(onto.R.HAS_STATUS)
            ]
            out["status"].append({
                "status": props.get(onto.P.status),
                "rag": props.get(onto.P.rag),
                "date": props.get(onto.P.date),
                "due": props.get(onto.P.anticipatedCompletion),
                "findings": findings,
            })
            if props.get(onto.P.status) in CLOSING_STATUSES:
                out["closure"].append({"kind": props[onto.P.status], "subject": _text([f["text"] for f in findings]),
                                       "by": "", "dates": thing.dates()})
        elif _is(thing, onto.L.MonitoringDecision) and props.get(onto.P.phase) in PHASE_CLOSURES:
            out["closure"].append({
                "kind": PHASE_CLOSURES[props[onto.P.phase]],
                "subject": _text([e.own_name() for e in thing.targets(onto.R.MONITORING_OF)]),
                "by": _text([e.own_name() for e in thing.targets(onto.R.DECIDED_BY)]),
                "dates": thing.dates(),
            })
        elif _is(thing, onto.L.StatedCount):
            out["count"].append({
                "of": props.get(onto.P.findingKind),
                "outcome": props.get(onto.P.outcome) or props.get(onto.P.rag),
                "number": props.get(onto.P.count),
                "total": props.get(onto.P.ofTotal),
                "due": props.get(onto.P.anticipatedCompletion),
                "text": _text(thing.names()),
            })
        elif _is(thing, onto.L.Meeting):
            boards = thing.targets(onto.R.MEETING_OF)
            chairs = [c.own_name() for b in boards for c in b.targets(onto.R.CHAIRED_BY)]
            chairs += [c.own_name() for c in thing.targets(onto.R.CHAIRED_BY)]
            out["meeting"].append({
                "date": props.get(onto.P.date),
                "text": _text(thing.names(), [b.names() for b in boards]),
                "chairs": chairs,
            })
            for _, person, edge_props in (x for x in thing.out if x[0] in (onto.R.ATTENDED_BY, onto.R.APOLOGIES_FROM)):
                attendees.add(id(person))
                out["attendee"].append({
                    "name": person.own_name(),
                    "posts": [p.own_name() for p in person.targets(onto.R.HOLDS)] + [str(edge_props.get(onto.P.role) or "")],
                })
        elif _is(thing, onto.L.Action):
            out["action"].append({
                "text": _text(props.get(onto.P.text), thing.own_name()),
                "due": props.get(onto.P.deadline),
                "owners": [o.own_name() for o in thing.targets(onto.R.OWNED_BY)],
            })
        for edge_type, target, _ in thing.out:
            if edge_type in _closure_edges():
                out["closure"].append({"kind": _closure_edges()[edge_type], "subject": _text(thing.names()),
                                       "by": _text(target.names()), "dates": thing.dates()})
    for thing in things:
        if _is(thing, onto.L.Person) and id(thing) not in attendees and thing.targets(onto.R.HOLDS):
            out["person"].append({
                "name": thing.own_name(),
                "posts": [p.own_name() for p in thing.targets(onto.R.HOLDS)],
            })
    return out


def _inspection(thing: Entity, out: dict[str, list[dict[str, Any]]]) -> None:
    """An inspection's facts: itself, each of its dates, and the numbers of findings it states."""
    props = thing.props
    forces = [e.own_name() for e in thing.targets(onto.R.INSPECTED)]
    if isinstance(props.get(onto.P.forceInspected), str):
        forces.append(props[onto.P.forceInspected])
    scope = thing.ref.within
    while scope is not None:
        if scope.label == onto.L.Force:
            forces.append(_text(scope.name, *scope.parts, scope.key))
        scope = scope.within
    row = {
        "inspectorate": [e.own_name() for e in thing.targets(onto.R.CONDUCTED_BY)],
        "kind": props.get(onto.P.kind),
        "text": _text(thing.names(), props.get(onto.P.kind), props.get(onto.P.pillar), props.get(onto.P.round)),
        "round": props.get(onto.P.round),
        "pillar": props.get(onto.P.pillar),
        "forces": forces,
    }
    out["inspection"].append(row)
    out["inspection-date"].extend({**row, "date": d} for d in thing.dates())
    for prop, of in ((onto.P.recommendationCount, "recommendations"), (onto.P.afiCount, "areas for improvement")):
        if isinstance(props.get(prop), int):
            out["count"].append({"of": of, "outcome": "issued", "number": props[prop], "total": None,
                                 "due": None, "text": _text(thing.names())})


# ---------------------------------------------------------------------------
# Matching one annotated fact to one extracted fact
# ---------------------------------------------------------------------------


def _lenient(kind: str, name: str, extracted: Any) -> bool:
    """True when a lenient field has no extracted value, so it is not compared."""
    return name in LENIENT.get(kind, ()) and not extracted


def matches(kind: str, fact: Any, cand: dict[str, Any]) -> bool:
    """Whether the extracted fact ``cand`` states the annotated ``fact`` of ``kind`` (see the docstring)."""
    if kind == "document-date":
        return date_matches(fact, cand["date"])
    if kind in ("inspection", "inspection-date"):
        inspection = fact[0] if kind == "inspection-date" else fact
        if not _inspection_matches(inspection, cand):
            return False
        return kind == "inspection" or date_matches(fact[1], cand["date"])
    if kind == "finding":
        if _finding_labels().get(cand["label"]) != fact.kind:
            return False
        if fact.number is not None and not number_matches(fact.number, cand["number"]):
            return False
        if fact.phrase is not None and not phrase_in(fact.phrase, cand["text"]):
            return False
        if fact.deadline is not None:
            if ISO_DATE.match(fact.deadline):
                return any(date_matches(fact.deadline, d) for d in cand["dates"])
            return phrase_in(fact.deadline, cand["deadlineText"] + " " + cand["text"])
        return True
    if kind == "judgement":
        return (
            fact.grade == cand["grade"]
            and (fact.area is None or phrase_in(fact.area, cand["text"]))
            and (fact.year is None or _lenient(kind, "year", cand["year"]) or date_matches(fact.year, cand["year"]))
        )
    if kind == "status":
        if fact.status is not None and cand["status"] not in {fact.status, fact.word}:
            return False
        if fact.rag is not None and cand["rag"] != fact.rag:
            return False
        if fact.date is not None and not date_matches(fact.date, cand["date"]):
            return False
        if fact.due is not None and not date_matches(fact.due, cand["due"]):
            return False
        return any(
            (f["number"] is not None and number_matches(fact.finding, f["number"]))
            or (not fact.finding.isdigit() and phrase_in(fact.finding, f["text"]))
            for f in cand["findings"]
        )
    if kind == "count":
        if cand["number"] is None or float(cand["number"]) != fact.number:
            return False
        if fact.total is not None and cand["total"] != fact.total:
            return False
        if fact.due is not None and not date_matches(fact.due, cand["due"]):
            return False
        if fact.inspection is not None and not phrase_in(fact.inspection, cand["text"]):
            return False
        outcome = cand["outcome"]
        return fact.outcome is None or _lenient(kind, "outcome", outcome) or norm(fact.outcome) == norm(outcome)
    if kind == "closure":
        return (
            fact.kind == cand["kind"]
            and (fact.subject is None or phrase_in(fact.subject, cand["subject"]))
            and (fact.by is None or phrase_in(fact.by, cand["by"]))
            and (fact.date is None or any(date_matches(fact.date, d) for d in cand["dates"]))
        )
    if kind == "meeting":
        return (
            phrase_in(fact.body, cand["text"])
            and (fact.date is None or date_matches(fact.date, cand["date"]))
            and (fact.chair is None or _lenient(kind, "chair", cand["chairs"])
                 or any(name_matches(fact.chair, c) for c in cand["chairs"]))
        )
    if kind == "attendee":
        posts = [p for p in cand["posts"] if p]
        return (
            name_matches(fact.name, cand["name"])
            and (fact.post is None or _lenient(kind, "post", posts)
                 or any(phrase_in(fact.post, p) or phrase_in(p, fact.post) for p in posts))
        )
    if kind == "action":
        return (
            (fact.phrase is None or phrase_in(fact.phrase, cand["text"]))
            and (fact.due is None or date_matches(fact.due, cand["due"]))
            and (fact.owner is None or owner_matches(fact.owner, cand["owners"]))
        )
    if kind == "person":
        posts = [p for p in cand["posts"] if p]
        return (
            name_matches(fact.name, cand["name"])
            and (fact.post is None or _lenient(kind, "post", posts)
                 or any(phrase_in(fact.post, p) or phrase_in(p, fact.post) for p in posts))
        )
    raise ValueError(f"unknown kind of fact: {kind}")


def _inspection_matches(fact: InspectionFact, cand: dict[str, Any]) -> bool:
    if fact.inspectorate is not None and not _lenient("inspection", "inspectorate", cand["inspectorate"]):
        if _inspectorate(fact.inspectorate) not in {_inspectorate(i) for i in cand["inspectorate"]}:
            return False
    if fact.kind is not None and not _lenient("inspection", "kind", cand["kind"]) and fact.kind != cand["kind"]:
        return False
    if fact.programme is not None and not phrase_in(fact.programme, cand["text"]):
        return False
    if fact.round is not None and not round_matches(fact.round, cand["round"]):
        return False
    if fact.pillar is not None and not phrase_in(fact.pillar, _text(cand["pillar"], cand["text"])):
        return False
    return fact.force is None or force_matches(fact.force, cand["forces"])


def match_pairs(kind: str, truth: list[Any], found: list[dict[str, Any]]) -> dict[int, int]:
    """The most annotated facts matched one to one with extracted facts: {annotated index: extracted index}."""
    if not truth or not found:
        return {}
    graph = nx.Graph()
    left = [("t", i) for i in range(len(truth))]
    graph.add_nodes_from(left, bipartite=0)
    graph.add_nodes_from((("f", j) for j in range(len(found))), bipartite=1)
    for i, fact in enumerate(truth):
        for j, cand in enumerate(found):
            if matches(kind, fact, cand):
                graph.add_edge(("t", i), ("f", j))
    matching = nx.bipartite.hopcroft_karp_matching(graph, top_nodes=left)
    return {node[1]: matching[node][1] for node in left if node in matching}


def _show(value: Any) -> str:
    """A fact in one short line, for the report's samples of misses and extras."""
    if isinstance(value, tuple):
        return " @ ".join(_show(v) for v in value)
    if isinstance(value, BaseModel):
        value = value.model_dump(exclude_none=True, exclude_defaults=True)
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if v not in (None, "", [], {})}
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 160 else text[:159] + "\u2026"


# ---------------------------------------------------------------------------
# Scoring files
# ---------------------------------------------------------------------------


@dataclass
class Tally:
    truth: int = 0
    recalled: int = 0
    extracted: int = 0  # extracted facts of completely annotated kinds
    right: int = 0  # of which matched

    def add(self, other: Tally) -> None:
        self.truth += other.truth
        self.recalled += other.recalled
        self.extracted += other.extracted
        self.right += other.right

    @property
    def recall(self) -> float | None:
        return round(self.recalled / self.truth, 4) if self.truth else None

    @property
    def precision(self) -> float | None:
        return round(self.right / self.extracted, 4) if self.extracted else None


@dataclass
class FileScore:
    file: str
    family: str
    mode: str
    extracted_as: str | None
    refused: str | None
    kinds: dict[str, Tally]
    #: Annotated facts not extracted, and extracted facts (of completely annotated kinds) not annotated.
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.kinds.values():
            total.add(tally)
        return total

    def as_dict(self) -> dict[str, Any]:
        t = self.total
        return {
            "file": self.file, "family": self.family, "mode": self.mode, "extractedAs": self.extracted_as,
            "refused": self.refused, "facts": t.truth, "recalled": t.recalled, "extracted": t.extracted,
            "right": t.right, "recall": t.recall, "precision": t.precision,
            "misses": self.misses, "extras": self.extras,
        }


def registered_families() -> list[str]:
    from oversight.loaders.registry import extractor_families

    return list(extractor_families())


def forced_family(family: str) -> str:
    return family if family in registered_families() else FORCED_FAMILY[family]


def score_file(annotation: Annotation, path: Path, mode: str = "detected") -> FileScore:
    """Extract one file (detected, or with its family forced) and score it against its annotation."""
    from oversight.loaders.ingest import extract_paths

    family = forced_family(annotation.family) if mode == "forced" else None
    run = extract_paths([path], family=family)
    truth = annotation.truth()
    if run.extractions:
        extraction = run.extractions[0]
        found = candidates(extraction)
        extracted_as, refused = extraction.document.family, None
    else:
        found = {kind: [] for kind in KINDS}
        extracted_as = None
        refused = "; ".join(p.message for p in run.problems) or "no extraction"
    result = FileScore(annotation.file, annotation.family, mode, extracted_as, refused, {})
    for kind in KINDS:
        pairs = match_pairs(kind, truth[kind], found[kind])
        complete = annotation.is_complete(kind)
        result.kinds[kind] = Tally(
            truth=len(truth[kind]),
            recalled=len(pairs),
            extracted=len(found[kind]) if complete else 0,
            right=len(pairs) if complete else 0,
        )
        result.misses += [f"{kind}: {_show(f)}" for i, f in enumerate(truth[kind]) if i not in pairs]
        if complete:
            used = set(pairs.values())
            result.extras += [f"{kind}: {_show(c)}" for j, c in enumerate(found[kind]) if j not in used]
    return result


@dataclass
class Report:
    files: list[FileScore]

    def by(self, mode: str, key: str) -> dict[str, Tally]:
        """Tallies of one mode, by kind (``key="kind"``) or by family (``key="family"``)."""
        out: dict[str, Tally] = defaultdict(Tally)
        for score in self.files:
            if score.mode != mode:
                continue
            if key == "family":
                out[score.family].add(score.total)
            else:
                for kind, tally in score.kinds.items():
                    out[kind].add(tally)
        return dict(out)

    def total(self, mode: str) -> Tally:
        total = Tally()
        for score in self.files:
            if score.mode == mode:
                total.add(score.total)
        return total

    def refused(self, mode: str) -> list[str]:
        return [s.file for s in self.files if s.mode == mode and s.refused]

    def rows(self) -> list[dict[str, Any]]:
        """Per kind, then per family, then all: the corpus detected and forced, and the seeds, side by side."""
        rows: list[dict[str, Any]] = []
        detected, forced, seeds = "detected", "forced", "seeds"
        for key in ("kind", "family"):
            d, f, s = self.by(detected, key), self.by(forced, key), self.by(seeds, key)
            names = list(KINDS) if key == "kind" else sorted(set(d) | set(s))
            for name in names:
                rows.append(_row(key, name, d.get(name), f.get(name), s.get(name), self._files(key, name)))
        rows.append(_row("all", "all", self.total(detected), self.total(forced), self.total(seeds),
                         self._files("all", "all")))
        return rows

    def _files(self, key: str, name: str) -> tuple[int, int]:
        chosen = [s for s in self.files if s.mode == "detected" and (key != "family" or s.family == name)]
        return len(chosen), sum(1 for s in chosen if s.refused)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows(),
            "files": [s.as_dict() for s in self.files],
            "refused": self.refused("detected"),
            "forcedFamily": FORCED_FAMILY,
        }


def _row(key: str, name: str, d: Tally | None, f: Tally | None, s: Tally | None,
         files: tuple[int, int]) -> dict[str, Any]:
    d, f, s = d or Tally(), f or Tally(), s or Tally()
    return {
        "by": key, "name": name, "files": files[0] if key != "kind" else None,
        "refused": files[1] if key != "kind" else None,
        "facts": d.truth, "recalled": d.recalled, "recall": d.recall, "extracted": d.extracted,
        "precision": d.precision,
        "forcedRecalled": f.recalled, "forcedRecall": f.recall, "forcedExtracted": f.extracted,
        "forcedPrecision": f.precision,
        "seedFacts": s.truth, "seedRecall": s.recall, "seedExtracted": s.extracted, "seedPrecision": s.precision,
    }


COLUMNS = [
    "by", "name", "files", "refused", "facts", "recalled", "recall", "extracted", "precision", "forcedRecalled",
    "forcedRecall", "forcedExtracted", "forcedPrecision", "seedFacts", "seedRecall", "seedExtracted",
    "seedPrecision",
]


class CorpusMissing(Exception):
    """The real corpus (or its annotations) is not where the bench looks."""


def score(corpus: Path = CORPUS, seeds: Path | None = SEEDS, annotations: Path = ANNOTATIONS) -> Report:
    """Score every annotated corpus file (detected and forced) and every annotated seed present."""
    if not corpus.is_dir():
        raise CorpusMissing(f"the real corpus is not at {corpus}")
    files: list[FileScore] = []
    for annotation in load_annotations(annotations):
        path = corpus / annotation.file
        if not path.is_file():
            raise CorpusMissing(f"{annotation.file}: annotated, but not in {corpus}")
        files.append(score_file(annotation, path, "detected"))
        files.append(score_file(annotation, path, "forced"))
    if seeds is not None and seeds.is_dir():
        for annotation in load_annotations(annotations / "seeds"):
            path = seeds / annotation.file
            if path.is_file():
                seed = score_file(annotation, path, "detected")
                seed.mode = "seeds"
                files.append(seed)
    return Report(files)


def notes(report: Report) -> list[str]:
    refused = report.refused("detected")
    out = [
        f"{len(refused)} of {len([s for s in report.files if s.mode == 'detected'])} corpus files refused on "
        f"detection (a refused file recalls nothing)",
        "forced: each file extracted as its family, or the nearest registered one: "
        + ", ".join(f"{k} as {v}" for k, v in FORCED_FAMILY.items() if k not in registered_families()),
        "seeds: the hand-read expectations of the seed tests, partial; precision only on the kinds each seed "
        "annotates completely",
        "goal (issue 15): recall >= 0.8 and precision >= 0.95 per family on the corpus",
    ]
    return out


def section_rows() -> tuple[list[dict[str, Any]], list[str]]:
    """Rows and notes for ``bench/run.py``'s ``corpus-facts`` section (the same in every mode: it is small).

    Without the corpus the section is skipped with the reason, except under CI (env ``CI``), where that ends the run.
    """
    try:
        report = score()
    except CorpusMissing as exc:
        if os.environ.get("CI"):
            raise SystemExit(f"bench: required under CI: {exc}") from None
        return [], [f"corpus facts skipped: {exc}"]
    return report.rows(), notes(report)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_rows(rows: list[dict[str, Any]], columns: list[str] = COLUMNS) -> str:
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Recall and precision on the annotated real corpus (see the docstring).")
    parser.add_argument("--json", dest="json_file", help="also write the report as JSON to this file")
    parser.add_argument("--corpus", default=str(CORPUS), help=f"the corpus folder [{CORPUS}]")
    parser.add_argument("--seeds", default=str(SEEDS), help=f"the seeds folder [{SEEDS}]")
    args = parser.parse_args(argv)
    try:
        report = score(Path(args.corpus), Path(args.seeds))
    except CorpusMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_rows(report.rows()))
    for note in notes(report):
        print(f"  * {note}")
    if args.json_file:
        data = {"benchmark": "oversight real corpus", **report.as_dict(), "notes": notes(report)}
        Path(args.json_file).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
