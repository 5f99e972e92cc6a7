"""How the views draw things, read from the ontology (``ontology/vocab/styles.ttl``).

This module is the one place that reads colours, shapes and line styles: the
class styles (``ov:colour``, ``ov:shape``, ``ov:nodeSize``, ``ov:shortLabel``),
the colours of RAG ratings and finding statuses, and the line of each
supersession basis. A class without a style of its own takes its nearest
ancestor's; a concept scheme's own colour is the colour of "not stated".

>>> s = styles()
>>> s.for_class("AreaForImprovement").shape, s.for_class("AreaForImprovement").short_label
('dot', 'AFI')
>>> s.for_class("Force").colour == s.for_class("Force").colour.lower()
True
>>> s.value_colour("RAG", "amber"), s.value_colour("RAG", None) == s.unstated_colour("RAG")
('#f5a623', True)
>>> s.line("inferred").dashes
[2, 5]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from oversight.errors import OntologyError, UnknownName
from oversight.ontology import OV, Ontology, ontology

__all__ = ["ClassStyle", "LineStyle", "Styles", "styles", "SHAPES", "DASHES"]

#: vis-network shapes whose label is drawn below the shape.
SHAPES = ("dot", "square", "diamond", "triangle", "triangleDown", "star", "hexagon")

#: Line style name -> vis-network ``dashes`` (False: solid; a list: dash, gap, ...).
DASHES: dict[str, Any] = {"solid": False, "dashed": [10, 6], "dotted": [2, 5]}

_HEX = re.compile(r"^#[0-9a-f]{6}$")


@dataclass(frozen=True)
class ClassStyle:
    """The drawing of one class: fill colour, shape, size, and a finding's short label."""

    label: str
    title: str
    colour: str
    shape: str
    size: int
    short_label: str | None


@dataclass(frozen=True)
class LineStyle:
    """The drawing of a supersession basis: colour, line style and its vis-network dashes."""

    basis: str
    title: str
    colour: str
    style: str

    @property
    def dashes(self) -> Any:
        return DASHES[self.style]


class Styles:
    """Class styles and value colours from the ontology graph."""

    def __init__(self, onto: Ontology) -> None:
        from rdflib import URIRef

        g = onto.graph
        self._onto = onto

        def value(subject: Any, local: str) -> Any:
            found = g.value(subject, URIRef(OV + local))
            return found.toPython() if found is not None else None

        def colour(subject: Any) -> str | None:
            text = value(subject, "colour")
            if text is None:
                return None
            text = str(text).lower()
            if not _HEX.match(text):
                raise OntologyError(f"styles.ttl: {subject}: colour {text!r} is not #rrggbb")
            return text

        self._own: dict[str, dict[str, Any]] = {}
        for label, info in onto.classes.items():
            subject = URIRef(info.iri)
            own = {
                "colour": colour(subject),
                "shape": value(subject, "shape"),
                "size": value(subject, "nodeSize"),
                "short_label": value(subject, "shortLabel"),
            }
            if own["shape"] is not None and own["shape"] not in SHAPES:
                raise OntologyError(f"styles.ttl: {label}: shape {own['shape']!r} is not one of {', '.join(SHAPES)}")
            self._own[label] = {k: v for k, v in own.items() if v is not None}
        if not {"colour", "shape", "size"} <= set(self._own.get("OversightNode", {})):
            raise OntologyError("styles.ttl: OversightNode needs a colour, a shape and a node size (the defaults)")

        self._values: dict[str, dict[str | None, str]] = {}
        for name, vocabulary in onto.vocabularies.items():
            colours: dict[str | None, str] = {}
            unstated = colour(URIRef(vocabulary.iri))
            if unstated is not None:
                colours[None] = unstated
            for concept in vocabulary.concepts:
                found = colour(URIRef(concept.iri))
                if found is not None:
                    colours[concept.notation] = found
            if colours:
                self._values[name] = colours

        self._lines: dict[str, LineStyle] = {}
        for concept in onto.vocabulary("SupersessionBases").concepts:
            subject = URIRef(concept.iri)
            style = value(subject, "lineStyle")
            found = colour(subject)
            if style is None or found is None:
                raise OntologyError(f"styles.ttl: basis {concept.notation!r} needs a colour and a line style")
            if style not in DASHES:
                raise OntologyError(f"styles.ttl: line style {style!r} is not one of {', '.join(DASHES)}")
            self._lines[concept.notation] = LineStyle(concept.notation, concept.pref_label, found, str(style))

        self._classes = {label: self._resolve(label) for label in onto.classes}

    def for_class(self, label: str) -> ClassStyle:
        """The style of class ``label``: its own values, else its nearest ancestor's."""
        return self._classes[self._onto.L.check(label)]

    def _resolve(self, label: str) -> ClassStyle:
        merged: dict[str, Any] = {}
        for name in (label, *self._onto.ancestors(label), "OversightNode"):
            for prop, found in self._own.get(name, {}).items():
                merged.setdefault(prop, found)
        return ClassStyle(
            label=label,
            title=self._onto.classes[label].title or label,
            colour=merged["colour"],
            shape=merged["shape"],
            size=int(merged["size"]),
            short_label=merged.get("short_label"),
        )

    def value_colour(self, vocabulary: str, notation: str | None) -> str:
        """The colour of a value of ``vocabulary`` (None or an unstyled value: "not stated")."""
        colours = self._values.get(vocabulary)
        if colours is None or None not in colours:
            raise UnknownName(f"styles.ttl gives no colours for vocabulary {vocabulary!r}")
        return colours.get(notation, colours[None])

    def unstated_colour(self, vocabulary: str) -> str:
        """The colour of a finding for which ``vocabulary`` has no stated value."""
        return self.value_colour(vocabulary, None)

    def line(self, basis: str) -> LineStyle:
        """The line of a supersession basis; raises UnknownName for another value."""
        if basis not in self._lines:
            raise UnknownName(f"unknown supersession basis {basis!r}; known: {', '.join(self._lines)}")
        return self._lines[basis]

    @property
    def bases(self) -> tuple[str, ...]:
        """Supersession bases, strongest first."""
        return tuple(self._lines)


@functools.lru_cache(maxsize=1)
def styles() -> Styles:
    """The styles of the package's ontology, read once."""
    return Styles(ontology())
