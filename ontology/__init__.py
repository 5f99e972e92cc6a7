"""The vocabulary every stage uses, read from the Turtle files beside this module.

Labels, relationship types, property names, SKOS vocabularies and the gazetteer
are data (``oversight.ttl``, ``vocab/*.ttl``); this module reads them once and
exposes them as closed name sets, so a misspelt name raises instead of quietly
minting a new label::

    >>> from oversight.ontology import L, R, P
    >>> L.AreaForImprovement
    'AreaForImprovement'
    >>> R.SUPERSEDES
    'SUPERSEDES'
    >>> P.anticipatedCompletion
    'anticipatedCompletion'
    >>> R.SUPERSEEDS
    Traceback (most recent call last):
    ...
    oversight.errors.UnknownName: unknown relationship type 'SUPERSEEDS'; did you mean SUPERSEDES?

The loaded :class:`Ontology` answers the rest: the label set of a class with its
ancestors, the concepts of a scheme, gazetteer lookup by any label::

    >>> from oversight.ontology import ontology
    >>> ontology().labels_for("AreaForImprovement")
    ('AreaForImprovement', 'Finding')
    >>> ontology().gazetteer.lookup("F.I.D.B.").slug
    'future-improvement-and-development-board'
    >>> ontology().vocabulary("RAG").notation_for("Work in progress")
    'amber'
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from oversight.errors import OntologyError, UnknownName

__all__ = [
    "OV",
    "GZ",
    "AREA",
    "ID",
    "Ontology",
    "ClassInfo",
    "RelationshipInfo",
    "PropertyInfo",
    "Concept",
    "Vocabulary",
    "GazetteerEntry",
    "Gazetteer",
    "AreaScheme",
    "ontology",
    "normalise_label",
    "rel_type_from_local",
    "L",
    "R",
    "P",
]

OV = "https://w3id.org/oversight#"
GZ = "https://w3id.org/oversight/gazetteer/"
AREA = "https://w3id.org/oversight/area/"
ID = "https://w3id.org/oversight/id/"

_OWL = "http://www.w3.org/2002/07/owl#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_XSD = "http://www.w3.org/2001/XMLSchema#"

_APOSTROPHES = "'\u2019\u2018`\u00b4"


def normalise_label(text: str) -> str:
    """Fold a name for lookup: case, accents, apostrophes, '&', punctuation, spacing.

    >>> normalise_label("His Majesty\u2019s Inspectorate of Constabulary & Fire")
    'his majestys inspectorate of constabulary and fire'
    >>> normalise_label("  the F.I.D.B. ")
    'fidb'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = text.replace("&", " and ")
    # Initialisms written with full stops ("F.I.D.B.") fold to their letters.
    text = re.sub(r"\b(?:[a-z]\.){2,}", lambda m: m.group(0).replace(".", ""), text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def rel_type_from_local(local: str) -> str:
    """Turn an object property's local name into its relationship type.

    >>> rel_type_from_local("carriedForwardTo")
    'CARRIED_FORWARD_TO'
    >>> rel_type_from_local("issued")
    'ISSUED'
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", local).upper()


@dataclass(frozen=True)
class ClassInfo:
    """A class of the ontology; its local name is the Neo4j label."""

    label: str
    iri: str
    title: str
    comment: str
    parents: tuple[str, ...]
    key_segment: str | None


@dataclass(frozen=True)
class RelationshipInfo:
    """An object property; ``type`` is its Neo4j relationship type."""

    type: str
    local: str
    iri: str
    title: str
    comment: str
    identity_property: str | None


@dataclass(frozen=True)
class PropertyInfo:
    """A datatype property: a node or relationship property name."""

    name: str
    iri: str
    title: str
    comment: str
    datatype: str
    vocabulary: str | None
    multi_valued: bool


@dataclass(frozen=True)
class Concept:
    """A SKOS concept; graph values are its ``notation``."""

    iri: str
    notation: str
    pref_label: str
    alt_labels: tuple[str, ...]
    definition: str
    rank: int | None
    broader: tuple[str, ...] = ()  # notations of broader concepts, in any scheme


@dataclass(frozen=True)
class Vocabulary:
    """A SKOS concept scheme with lookup by notation or any label."""

    name: str
    iri: str
    title: str
    concepts: tuple[Concept, ...]
    _index: dict[str, Concept] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for concept in self.concepts:
            for text in (concept.notation, concept.pref_label, *concept.alt_labels):
                self._index.setdefault(normalise_label(text), concept)

    @property
    def notations(self) -> tuple[str, ...]:
        return tuple(c.notation for c in self.concepts)

    def concept_for(self, text: str) -> Concept | None:
        """The concept whose notation or label matches ``text`` (case/punctuation-insensitive)."""
        return self._index.get(normalise_label(text))

    def notation_for(self, text: str) -> str | None:
        concept = self.concept_for(text)
        return concept.notation if concept else None

    def check(self, value: str) -> str:
        """Return ``value`` if it is a notation of this scheme, else raise UnknownName."""
        if value in self.notations:
            return value
        raise UnknownName(
            f"{value!r} is not in vocabulary {self.name}; known: {', '.join(self.notations)}"
        )

    def rank(self, notation: str) -> int:
        for concept in self.concepts:
            if concept.notation == notation:
                return concept.rank if concept.rank is not None else 0
        raise UnknownName(f"{notation!r} is not in vocabulary {self.name}")


@dataclass(frozen=True)
class GazetteerEntry:
    """A known organisation, board or post."""

    iri: str
    label: str  # the ontology class (Neo4j label) of the entry
    slug: str
    scope: str  # "national" or "force"
    pref_label: str
    alt_labels: tuple[str, ...]
    comment: str
    force: str | None = None  # slug of the force a force's own body or post belongs to (ov:forForce)
    local_form_of: str | None = None  # IRI of the generic entry it is one force's form of (ov:localFormOf)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.pref_label, *self.alt_labels)


#: Words of a force's names that are not place names.
_NOT_PLACE = {"police", "constabulary", "service", "the", "of", "and", "force"}


class Gazetteer:
    """Lookup of known bodies and posts by any of their labels."""

    def __init__(self, entries: tuple[GazetteerEntry, ...], is_a: Any) -> None:
        self.entries = entries
        self._is_a = is_a
        self._index: dict[str, list[GazetteerEntry]] = {}
        self._by_iri = {entry.iri: entry for entry in entries}
        self._forces = {entry.slug: entry for entry in entries if is_a(entry.label, "Force")}
        for entry in entries:
            for name in entry.names:
                bucket = self._index.setdefault(normalise_label(name), [])
                if entry not in bucket:
                    bucket.append(entry)
            self._check_local(entry)

    def _check_local(self, entry: GazetteerEntry) -> None:
        if entry.force is not None and entry.force not in self._forces:
            raise OntologyError(f"gazetteer entry {entry.iri}: ov:forForce is not a force's entry")
        if entry.local_form_of is None:
            return
        generic = self._by_iri.get(entry.local_form_of)
        if (
            entry.force is None
            or generic is None
            or generic.force is not None
            or (generic.label, generic.slug, generic.scope) != (entry.label, entry.slug, "force")
            or entry.scope != "force"
        ):
            raise OntologyError(
                f"gazetteer entry {entry.iri}: ov:localFormOf needs ov:forForce and a generic "
                "force-level entry of the same class and slug"
            )

    def lookup(self, text: str, label: str | None = None, force: str | None = None) -> GazetteerEntry | None:
        """The entry any of whose labels matches ``text``, optionally of class ``label``.

        A force's own name for its office, commissioner or panel ("Durham
        Police and Crime Panel") answers with the generic force-level entry it
        is a form of, so all its names give one key under the force. With
        ``force`` (a force's name or key), another force's own names match
        nothing, and a force-level name that carries the force's own place
        name ("Essex Police and Crime Panel") is looked up again without it
        ("Police and Crime Panel"). Returns None when nothing matches, or when
        the match is ambiguous and no ``label`` tells the candidates apart.

        >>> ontology().gazetteer.lookup("Dyfed-Powys Police and Crime Panel", "Board", force="dyfed-powys-police").slug
        'police-and-crime-panel'
        """
        own: str | None = None  # the force's slug; "" within a force the gazetteer lacks
        if force:
            known = self.force_entry(force)
            own = known.slug if known else ""
        entry = self._lookup(text, label, own)
        if entry is None and force:
            generic = self.without_place(text, force)
            if generic:
                entry = self._lookup(generic, label, own)
                if entry is not None and entry.scope != "force":
                    entry = None
        return entry

    def _lookup(self, text: str, label: str | None, force: str | None = None) -> GazetteerEntry | None:
        """The one entry a name gives: a force's own form answers with its generic entry.

        Within ``force`` (a force slug, or "" for a force the gazetteer lacks),
        another force's own body does not match.
        """
        found: list[GazetteerEntry] = []
        for entry in self._index.get(normalise_label(text), []):
            if label is not None and not self._is_a(entry.label, label):
                continue
            if force is not None and entry.force is not None and entry.force != force:
                continue
            if entry.local_form_of is not None:
                entry = self._by_iri[entry.local_form_of]
            if entry not in found:
                found.append(entry)
        return found[0] if len(found) == 1 else None

    def force_entry(self, force: str) -> GazetteerEntry | None:
        """The force a key ("essex-police/board/..."), slug or any name of a force gives.

        >>> ontology().gazetteer.force_entry("Northants").slug
        'northamptonshire-police'
        """
        slug = force.split("/", 1)[0]
        if slug in self._forces:
            return self._forces[slug]
        candidates = [e for e in self._index.get(normalise_label(slug), []) if e.slug in self._forces]
        return candidates[0] if len(candidates) == 1 else None

    def own_entries(self, force: str) -> tuple[GazetteerEntry, ...]:
        """The entries that belong to one force: its office, commissioner, panel or police authority."""
        entry = self.force_entry(force)
        return tuple(e for e in self.entries if entry is not None and e.force == entry.slug)

    def force_of(self, text: str) -> str | None:
        """The slug of the force a named office, commissioner, panel or force belongs to, or None.

        The whole text is looked up first as a name, so short names count
        ("the Met", "MOPAC"); failing that, the names of forces and of their
        own bodies at least four letters long are found inside the text
        ("report of the Durham Police and Crime Panel"), and one force must
        account for all of them, else None. A generic name ("Chief Constable",
        "the Commissioner") names no force.

        >>> gazetteer = ontology().gazetteer
        >>> gazetteer.force_of("Durham Police and Crime Panel"), gazetteer.force_of("North Yorkshire OPFCC")
        ('durham-constabulary', 'north-yorkshire-police')
        >>> gazetteer.force_of("Chief Constable") is None
        True
        """
        whole = {self._force_slug(e) for e in self._index.get(normalise_label(text), [])} - {None}
        if whole:
            return whole.pop() if len(whole) == 1 else None
        pattern, owners = self._forces_pattern
        found = {owners[m.group(1)] for m in pattern.finditer(normalise_label(text))}
        return found.pop() if len(found) == 1 else None

    def _force_slug(self, entry: GazetteerEntry) -> str | None:
        return entry.slug if entry.slug in self._forces and entry.force is None else entry.force

    @functools.cached_property
    def _forces_pattern(self) -> tuple[re.Pattern[str], dict[str, str]]:
        owners: dict[str, str] = {}
        ambiguous: set[str] = set()
        for entry in self.entries:
            slug = self._force_slug(entry)
            if slug is None:
                continue
            for name in entry.names:
                folded = normalise_label(name)
                # Short names ("Met", "GMP") are words or initials that count only as a whole name.
                if len(folded) < 4:
                    continue
                if owners.setdefault(folded, slug) != slug:
                    ambiguous.add(folded)
        for folded in ambiguous:
            del owners[folded]
        alternatives = sorted(owners, key=lambda n: (-len(n), n))
        pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in alternatives) + r")\b")
        return pattern, owners

    def without_place(self, text: str, force: str) -> str | None:
        """``text`` without the place words of ``force``'s names, or None if it has none.

        >>> ontology().gazetteer.without_place("Thames Valley Police and Crime Commissioner", "Thames Valley Police")
        'Police and Crime Commissioner'
        """
        entry = self.force_entry(force)
        if entry is None:
            return None
        place = {w for name in entry.names for w in re.findall(r"[a-z]+", name.lower())} - _NOT_PLACE
        kept = [w for w in text.split() if not set(re.findall(r"[a-z]+", w.lower())) <= place or not re.search(r"[a-z]", w.lower())]
        generic = re.sub(r"^(?:and|of|the)\b\W*", "", " ".join(kept), flags=re.IGNORECASE).strip(" ,")
        return generic if generic and generic != text else None

    def entries_of(self, label: str) -> tuple[GazetteerEntry, ...]:
        return tuple(e for e in self.entries if self._is_a(e.label, label))


@dataclass(frozen=True)
class Area:
    """An assessment area concept."""

    iri: str
    slug: str
    framework: str
    pref_label: str
    alt_labels: tuple[str, ...]
    definition: str
    close_matches: tuple[str, ...]  # slugs

    @property
    def names(self) -> tuple[str, ...]:
        return (self.pref_label, *self.alt_labels)


class AreaScheme:
    """The PEEL assessment areas, looked up by wording and framework."""

    def __init__(self, areas: tuple[Area, ...]) -> None:
        self.areas = areas
        self.by_slug = {a.slug: a for a in areas}
        self._index: dict[str, list[Area]] = {}
        for area in areas:
            for name in area.names:
                bucket = self._index.setdefault(normalise_label(name), [])
                if area not in bucket:
                    bucket.append(area)

    @staticmethod
    def framework_for(year: int | None) -> str:
        """PEEL framework of an inspection year: the core areas from 2021, the pillars before."""
        return "peel-2014" if year is not None and year < 2021 else "peel-2021"

    def lookup(self, text: str, framework: str | None = None) -> Area | None:
        """The area a wording names; ``framework`` picks between rounds sharing a wording."""
        candidates = self._index.get(normalise_label(text), [])
        if len(candidates) > 1:
            candidates = [a for a in candidates if a.framework == (framework or "peel-2021")]
        return candidates[0] if len(candidates) == 1 else None

    def related(self, slug: str) -> set[str]:
        """The area and every area it is a close match of, either way."""
        out = {slug}
        for area in self.areas:
            if area.slug == slug:
                out.update(area.close_matches)
            elif slug in area.close_matches:
                out.add(area.slug)
        return out


class Names:
    """A closed set of names: attribute access returns the name or raises UnknownName."""

    def __init__(self, kind: str, names: frozenset[str]) -> None:
        self._kind = kind
        self._names = names

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return self.check(name)

    def check(self, name: str) -> str:
        if name in self._names:
            return name
        close = difflib.get_close_matches(name, sorted(self._names), n=3)
        hint = f"; did you mean {' or '.join(close)}?" if close else f"; known: {', '.join(sorted(self._names))}"
        raise UnknownName(f"unknown {self._kind} {name!r}{hint}")

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._names))

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"<{self._kind}s: {len(self._names)}>"


#: Python types a property value may have, by the property's XSD datatype (default: str).
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "decimal": (float, int),
    "double": (float, int),
}


class Ontology:
    """Everything the code needs from the Turtle files, read once."""

    def __init__(self, graph: Any) -> None:
        from rdflib import RDF, RDFS, Literal, URIRef
        from rdflib.namespace import OWL, SKOS

        self._graph = graph
        g = graph
        ov = lambda local: URIRef(OV + local)  # noqa: E731

        def text(subject: Any, predicate: Any) -> str:
            values = sorted(str(o) for o in g.objects(subject, predicate))
            return values[0] if values else ""

        def local(iri: Any) -> str:
            return str(iri)[len(OV):]

        # classes
        self.classes: dict[str, ClassInfo] = {}
        for cls in g.subjects(RDF.type, OWL.Class):
            if not str(cls).startswith(OV):
                continue
            parents = tuple(
                sorted(local(p) for p in g.objects(cls, RDFS.subClassOf) if str(p).startswith(OV))
            )
            segment = text(cls, ov("keySegment")) or None
            self.classes[local(cls)] = ClassInfo(
                label=local(cls),
                iri=str(cls),
                title=text(cls, RDFS.label),
                comment=text(cls, RDFS.comment),
                parents=parents,
                key_segment=segment,
            )
        # relationship types
        self.relationships: dict[str, RelationshipInfo] = {}
        for prop in g.subjects(RDF.type, OWL.ObjectProperty):
            if not str(prop).startswith(OV):
                continue
            name = local(prop)
            info = RelationshipInfo(
                type=rel_type_from_local(name),
                local=name,
                iri=str(prop),
                title=text(prop, RDFS.label),
                comment=text(prop, RDFS.comment),
                identity_property=text(prop, ov("identityProperty")) or None,
            )
            self.relationships[info.type] = info
        # properties
        self.properties: dict[str, PropertyInfo] = {}
        for prop in g.subjects(RDF.type, OWL.DatatypeProperty):
            if not str(prop).startswith(OV):
                continue
            vocab = g.value(prop, ov("vocabulary"))
            rng = g.value(prop, RDFS.range)
            multi = g.value(prop, ov("multiValued"))
            self.properties[local(prop)] = PropertyInfo(
                name=local(prop),
                iri=str(prop),
                title=text(prop, RDFS.label),
                comment=text(prop, RDFS.comment),
                datatype=str(rng)[len(_XSD):] if rng is not None else "string",
                vocabulary=local(vocab) if vocab is not None else None,
                multi_valued=bool(multi is not None and multi.toPython()),
            )
        self.L = Names("label", frozenset(self.classes))
        self.R = Names("relationship type", frozenset(self.relationships))
        self.P = Names("property", frozenset(self.properties))
        # vocabularies
        self.vocabularies: dict[str, Vocabulary] = {}
        for scheme in g.subjects(RDF.type, SKOS.ConceptScheme):
            if not str(scheme).startswith(OV):
                continue
            concepts = []
            for concept in g.subjects(SKOS.inScheme, scheme):
                notation = g.value(concept, SKOS.notation)
                if notation is None:
                    continue
                rank = g.value(concept, ov("rank"))
                concepts.append(
                    Concept(
                        iri=str(concept),
                        notation=str(notation),
                        pref_label=text(concept, SKOS.prefLabel),
                        alt_labels=tuple(sorted(str(a) for a in g.objects(concept, SKOS.altLabel))),
                        definition=text(concept, SKOS.definition),
                        rank=int(rank.toPython()) if isinstance(rank, Literal) else None,
                        broader=tuple(
                            sorted(str(n) for b in g.objects(concept, SKOS.broader) for n in g.objects(b, SKOS.notation))
                        ),
                    )
                )
            concepts.sort(key=lambda c: (-(c.rank or 0), c.notation))
            self.vocabularies[local(scheme)] = Vocabulary(
                name=local(scheme), iri=str(scheme), title=text(scheme, RDFS.label), concepts=tuple(concepts)
            )
        # gazetteer
        entries = []
        for subject in g.subjects(SKOS.inScheme, ov("Gazetteer")):
            cls = next((local(c) for c in g.objects(subject, RDF.type) if local(c) in self.classes), None)
            if cls is None:
                raise OntologyError(f"gazetteer entry {subject} has no ontology class")
            force = g.value(subject, ov("forForce"))
            generic = g.value(subject, ov("localFormOf"))
            entries.append(
                GazetteerEntry(
                    iri=str(subject),
                    label=cls,
                    slug=text(subject, ov("slug")),
                    scope=text(subject, ov("scope")) or "national",
                    pref_label=text(subject, SKOS.prefLabel),
                    alt_labels=tuple(sorted(str(a) for a in g.objects(subject, SKOS.altLabel))),
                    comment=text(subject, RDFS.comment),
                    force=(text(force, ov("slug")) or str(force)) if force is not None else None,
                    local_form_of=str(generic) if generic is not None else None,
                )
            )
        entries.sort(key=lambda e: e.iri)
        self.gazetteer = Gazetteer(tuple(entries), self.is_a)
        # assessment areas
        areas = []
        for subject in g.subjects(SKOS.inScheme, ov("AssessmentAreas")):
            areas.append(
                Area(
                    iri=str(subject),
                    slug=text(subject, ov("slug")),
                    framework=text(subject, ov("framework")),
                    pref_label=text(subject, SKOS.prefLabel),
                    alt_labels=tuple(sorted(str(a) for a in g.objects(subject, SKOS.altLabel))),
                    definition=text(subject, SKOS.definition),
                    close_matches=tuple(
                        sorted(text(m, ov("slug")) for m in g.objects(subject, SKOS.closeMatch))
                    ),
                )
            )
        areas.sort(key=lambda a: a.slug)
        self.areas = AreaScheme(tuple(areas))

        self._check_required()

    @property
    def graph(self) -> Any:
        """The ontology as an rdflib graph (parsed from the Turtle files on first use when read from the cache)."""
        if self._graph is None:
            self._graph = _read_graph()
        return self._graph

    # -- the cache: what the Turtle files say, as JSON -------------------------------

    def _cache_data(self) -> dict[str, Any]:
        def plain(item: Any) -> dict[str, Any]:
            return {f.name: getattr(item, f.name) for f in fields(item) if not f.name.startswith("_")}

        return {
            "classes": [plain(c) for c in self.classes.values()],
            "relationships": [plain(r) for r in self.relationships.values()],
            "properties": [plain(p) for p in self.properties.values()],
            "vocabularies": [
                {**plain(v), "concepts": [plain(c) for c in v.concepts]} for v in self.vocabularies.values()
            ],
            "gazetteer": [plain(e) for e in self.gazetteer.entries],
            "areas": [plain(a) for a in self.areas.areas],
        }

    @classmethod
    def _from_cache_data(cls, data: dict[str, Any]) -> Ontology:
        """The ontology :meth:`_cache_data` describes: the same objects the Turtle files give."""

        def made(kind: Any, item: dict[str, Any]) -> Any:
            return kind(**{k: tuple(v) if isinstance(v, list) else v for k, v in item.items()})

        self = cls.__new__(cls)
        self._graph = None
        self.classes = {c["label"]: made(ClassInfo, c) for c in data["classes"]}
        self.relationships = {r["type"]: made(RelationshipInfo, r) for r in data["relationships"]}
        self.properties = {p["name"]: made(PropertyInfo, p) for p in data["properties"]}
        self.L = Names("label", frozenset(self.classes))
        self.R = Names("relationship type", frozenset(self.relationships))
        self.P = Names("property", frozenset(self.properties))
        self.vocabularies = {
            v["name"]: Vocabulary(
                name=v["name"], iri=v["iri"], title=v["title"],
                concepts=tuple(made(Concept, c) for c in v["concepts"]),
            )
            for v in data["vocabularies"]
        }  # fmt: skip
        self.gazetteer = Gazetteer(tuple(made(GazetteerEntry, e) for e in data["gazetteer"]), self.is_a)
        self.areas = AreaScheme(tuple(made(Area, a) for a in data["areas"]))
        self._check_required()
        return self

    # -- names -------------------------------------------------------------

    def _check_required(self) -> None:
        for label in ("OversightNode", "Finding", "Document", "AssessmentArea"):
            self.L.check(label)
        for rel in ("EVIDENCED_BY", "SUPERSEDES", "IN_AREA"):
            self.R.check(rel)

    def ancestors(self, label: str) -> tuple[str, ...]:
        """Ancestor classes of ``label`` in this ontology, nearest first, without OversightNode."""
        self.L.check(label)
        out: list[str] = []
        frontier = list(self.classes[label].parents)
        while frontier:
            parent = frontier.pop(0)
            if parent not in out and parent != "OversightNode":
                out.append(parent)
                frontier.extend(self.classes[parent].parents)
        return tuple(out)

    def labels_for(self, label: str) -> tuple[str, ...]:
        """The Neo4j labels a node of class ``label`` carries: the class, then its ancestors."""
        return (self.L.check(label), *self.ancestors(label))

    def is_a(self, label: str, other: str) -> bool:
        """True when ``label`` is ``other`` or a subclass of it."""
        return label == other or other in self.ancestors(label)

    def most_specific(self, labels: set[str] | tuple[str, ...] | list[str]) -> str:
        """The one class of ``labels`` that all others are ancestors of; raises when they fork."""
        labels = set(labels)
        leaves = [a for a in labels if not any(b != a and self.is_a(b, a) for b in labels)]
        if len(leaves) != 1 or not all(self.is_a(leaves[0], a) for a in labels):
            raise UnknownName(f"labels {sorted(labels)} do not form one class chain")
        return leaves[0]

    def relationship(self, rel_type: str) -> RelationshipInfo:
        return self.relationships[self.R.check(rel_type)]

    def prop(self, name: str) -> PropertyInfo:
        return self.properties[self.P.check(name)]

    def check_scalar(self, name: str, value: Any) -> Any:
        """One value of property ``name``, checked against its datatype and vocabulary;
        returned in canonical form (a decimal as float). Raises UnknownName naming the
        property and the value.

        >>> ontology().check_scalar("status", "in-progress")
        'in-progress'
        >>> ontology().check_scalar("number", "five")
        Traceback (most recent call last):
        ...
        oversight.errors.UnknownName: property 'number' takes integer, not 'five'
        """
        info = self.prop(name)
        allowed = _PY_TYPES.get(info.datatype, (str,))
        if (isinstance(value, bool) and bool not in allowed) or not isinstance(value, allowed):
            raise UnknownName(f"property {info.name!r} takes {info.datatype}, not {str(value)[:40]!r}")
        if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**63:
            # Neo4j, RDF tools and JSON readers hold 64-bit integers: refused here, not at load
            raise UnknownName(f"property {info.name!r} takes a 64-bit integer, not one of {len(str(abs(value)))} digits")
        if info.datatype in ("decimal", "double") and isinstance(value, (int, float)):
            value = float(value)
        vocabulary = self.vocabulary_of(name)
        if vocabulary is not None:
            vocabulary.check(value)
        return value

    def vocabulary(self, name: str) -> Vocabulary:
        if name not in self.vocabularies:
            raise UnknownName(
                f"unknown vocabulary {name!r}; known: {', '.join(sorted(self.vocabularies))}"
            )
        return self.vocabularies[name]

    def vocabulary_of(self, prop: str) -> Vocabulary | None:
        """The vocabulary that constrains a property's values, if any."""
        scheme = self.prop(prop).vocabulary
        return self.vocabulary(scheme) if scheme else None


def _read_graph() -> Any:
    from rdflib import Graph

    graph = Graph()
    for path in _turtle_files():
        try:
            graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
        except Exception as exc:  # rdflib raises many parser types; name the file
            raise OntologyError(f"{path.name}: {exc}") from exc
    return graph


def _turtle_files() -> list[Any]:
    base = resources.files(__name__)
    return [base / "oversight.ttl"] + sorted(
        (p for p in (base / "vocab").iterdir() if p.name.endswith(".ttl")), key=lambda p: p.name
    )


def ontology_digest() -> str:
    """The SHA-256 of the ontology's Turtle files and of this module (what the ontology is read from, and how)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in _turtle_files():
        digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _cache_file(digest: str) -> Path:
    """Where the parsed ontology is kept: beside this module's bytecode, named by its digest."""
    return Path(__file__).parent / "__pycache__" / f"ontology-{digest[:32]}.json"


@functools.lru_cache(maxsize=1)
def ontology() -> Ontology:
    """The ontology, read from the package's Turtle files on first use.

    Parsing the Turtle takes about 0.3 s (rdflib), paid by every command; what
    it gives is kept as JSON in ``__pycache__/ontology-<digest>.json`` beside
    this module, as Python keeps bytecode: named by the hash of the Turtle files
    and of this module, so an edit to either is a new file, read back in a few
    milliseconds. Like bytecode, it is skipped where it cannot be read or written.
    """
    digest = ontology_digest()
    cache = _cache_file(digest)
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError, OntologyError):
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data.get("digest") == digest:
            return Ontology._from_cache_data(data)
    onto = Ontology(_read_graph())
    with contextlib.suppress(OSError):
        cache.parent.mkdir(exist_ok=True)
        tmp = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"digest": digest, **onto._cache_data()}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cache)
    return onto


def shapes_text() -> str:
    """The SHACL shapes (Turtle text)."""
    return (resources.files(__name__) / "shapes.ttl").read_text(encoding="utf-8")


def __getattr__(name: str) -> Names:
    # L, R and P load the ontology on first use, not on import.
    if name in ("L", "R", "P"):
        return getattr(ontology(), name)  # type: ignore[no-any-return]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
