"""Checks of a built graph: the SHACL shapes, and registered graph-level checks.

``oversight validate`` runs every check in :data:`CHECKS` and lists what each
found. The SHACL check runs the shapes (``ontology/shapes.ttl``) over the
graph's RDF with the ontology and vocabularies mixed in, on pyshacl-turbo (a
Rust engine with pySHACL's API and messages) or, with ``engine="pyshacl"``, on
pySHACL as before issue 16; other checks (supersession
cycles, links that contradict a stated fact) register here as plain functions
``graph -> list[Violation]``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from rdflib import Graph
from rdflib.namespace import SH

from oversight.errors import UnknownName
from oversight.graph.checks import (
    Violation,
    contradictions,
    identity_suggestions,
    supersession_cycles,
    supersession_order,
    value_conflicts,
)
from oversight.graph.model import OversightGraph
from oversight.graph.rdf_store import _key_of, to_rdf
from oversight.ontology import ID, OV, ontology, shapes_text

__all__ = ["Violation", "CHECKS", "ENGINES", "validate", "shacl_violations", "shapes_violations", "report_violations"]


#: The SHACL engines, by name: ``turbo`` (pyshacl-turbo, Rust; the default) and
#: ``pyshacl`` (pySHACL on an rdflib graph: the engine before issue 16, kept to
#: prove the two give the same violations, and as a fallback).
ENGINES = ("turbo", "pyshacl")
DEFAULT_ENGINE = "turbo"


@functools.cache
def _shapes() -> Graph:
    return Graph().parse(data=shapes_text(), format="turtle")


def report_violations(report: Graph) -> list[Violation]:
    """The violations of a SHACL validation report, as :class:`Violation` (focus key, check, message with path)."""
    out = []
    for result in report.subjects(SH.resultSeverity, None):
        focus = report.value(result, SH.focusNode)
        message = report.value(result, SH.resultMessage)
        path = report.value(result, SH.resultPath)
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1].lower()
        text = str(message) if message is not None else "constraint violated"
        text = text.replace(ID, "").replace(OV, "")
        if path is not None and str(path).startswith("https://w3id.org/oversight#"):
            text = f"{str(path).rsplit('#', 1)[-1]}: {text}"
        out.append(Violation(_key_of(focus) or str(focus), "shacl", text, severity))
    return sorted(set(out))


def shapes_violations(data: bytes | Graph, engine: str = DEFAULT_ENGINE) -> list[Violation]:
    """Run the SHACL shapes on RDF data (N-Triples bytes or an rdflib graph) with the vocabularies mixed in.

    The vocabularies go into the data graph itself, so the SPARQL constraints
    can look up allowed notations; they hold no ``ov:key``, so no shape
    targets them. Both engines read the same shapes (``ontology/shapes.ttl``)
    and give the same violations (``tests/test_validate_engines.py``).
    """
    graph = Graph()
    if isinstance(data, bytes):
        graph.parse(data=data, format="nt")
    else:
        graph += data
    return _run_shapes(graph, engine)


def _run_shapes(graph: Graph, engine: str) -> list[Violation]:
    """The shapes on ``graph``, to which the vocabularies are added in place (a copy of 1.1 million triples costs 20 s)."""
    if engine not in ENGINES:
        raise UnknownName(f"unknown SHACL engine {engine!r}; known: {', '.join(ENGINES)}")
    options: dict[str, Any] = {"inference": "none", "advanced": True, "allow_warnings": True}
    graph += ontology().graph
    if engine == "pyshacl":
        from pyshacl import validate as pyshacl_validate

        _, report, _ = pyshacl_validate(graph, shacl_graph=_shapes(), **options)
    else:
        from pyshacl_turbo import validate as turbo_validate

        # An rdflib graph: given N-Triples text pyshacl-turbo 0.6.5 parses it
        # with rdflib (slower), and given a pyoxigraph Store it misses the
        # inferred-confidence constraint (tests/validate_cases).
        _, report, _ = turbo_validate(graph, shacl_graph=_shapes(), **options)
    return report_violations(report)


def shacl_violations(graph: OversightGraph, engine: str = DEFAULT_ENGINE) -> list[Violation]:
    """Run the SHACL shapes on the graph's RDF (:func:`~oversight.graph.rdf_store.to_rdf`).

    ``turbo`` validates in Rust; ``pyshacl`` is the engine before issue 16,
    which re-parses each SPARQL constraint for every focus node with rdflib
    (518 s at 43 forces).
    """
    return _run_shapes(to_rdf(graph), engine)


#: Every check ``oversight validate`` runs, by name.
CHECKS: dict[str, Callable[[OversightGraph], list[Violation]]] = {
    "shacl": shacl_violations,
    "supersession-cycles": supersession_cycles,
    "supersession-order": supersession_order,
    "contradictions": contradictions,
    "conflicts": value_conflicts,
    "identity": identity_suggestions,
}


def validate(
    graph: OversightGraph,
    checks: list[str] | None = None,
    engine: str = DEFAULT_ENGINE,
    on_progress: Callable[[int, int, str], None] | None = None,
) -> list[Violation]:
    """Run the named checks (all by default) and return their violations, sorted.

    ``engine`` is the SHACL engine (:data:`ENGINES`); ``on_progress(done,
    total, check)`` is called before each check runs.
    """
    names = checks or list(CHECKS)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise UnknownName(f"unknown check {unknown[0]!r}; known: {', '.join(CHECKS)}")
    if engine not in ENGINES:
        raise UnknownName(f"unknown SHACL engine {engine!r}; known: {', '.join(ENGINES)}")
    found: list[Violation] = []
    for done, name in enumerate(names):
        if on_progress is not None:
            on_progress(done, len(names), name)
        found.extend(shacl_violations(graph, engine) if name == "shacl" else CHECKS[name](graph))
    if on_progress is not None:
        on_progress(len(names), len(names), "done")
    return sorted(found)
