"""Checks of a built graph: the SHACL shapes, and registered graph-level checks.

``oversight validate`` runs every check in :data:`CHECKS` and lists what each
found. The SHACL check runs pyshacl over the graph's RDF with the ontology and
vocabularies mixed in (``ontology/shapes.ttl``); other checks (supersession
cycles, links that contradict a stated fact) register here as plain functions
``graph -> list[Violation]``.
"""

from __future__ import annotations

from collections.abc import Callable

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

__all__ = ["Violation", "CHECKS", "validate", "shacl_violations"]


def shacl_violations(graph: OversightGraph) -> list[Violation]:
    """Run the SHACL shapes on the graph's RDF."""
    from pyshacl import validate as pyshacl_validate
    from rdflib import Graph, Namespace
    from rdflib.namespace import SH

    data = to_rdf(graph)
    # The vocabularies go into the data graph itself, so the SPARQL constraints
    # can look up allowed notations; they hold no ov:key, so no shape targets them.
    data += ontology().graph
    shapes = Graph().parse(data=shapes_text(), format="turtle")
    _, report, _ = pyshacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    out = []
    for result in report.subjects(Namespace(str(SH))["resultSeverity"], None):
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


#: Every check ``oversight validate`` runs, by name.
CHECKS: dict[str, Callable[[OversightGraph], list[Violation]]] = {
    "shacl": shacl_violations,
    "supersession-cycles": supersession_cycles,
    "supersession-order": supersession_order,
    "contradictions": contradictions,
    "conflicts": value_conflicts,
    "identity": identity_suggestions,
}


def validate(graph: OversightGraph, checks: list[str] | None = None) -> list[Violation]:
    """Run the named checks (all by default) and return their violations, sorted."""
    names = checks or list(CHECKS)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise UnknownName(f"unknown check {unknown[0]!r}; known: {', '.join(CHECKS)}")
    found: list[Violation] = []
    for name in names:
        found.extend(CHECKS[name](graph))
    return sorted(found)
