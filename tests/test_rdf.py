"""RDF under the ontology: Turtle and JSON-LD round-trip; SHACL catches a broken graph."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from graphs import small_graph
from oversight.graph.rdf_store import parse, serialize, to_rdf
from oversight.graph.validate import Violation, validate


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_the_graph_survives_a_round_trip_through_rdf(fmt: str) -> None:
    g = small_graph()
    assert parse(serialize(g, fmt), fmt).to_node_link() == g.to_node_link()


def test_the_turtle_parses_with_plain_rdflib() -> None:
    assert len(Graph().parse(data=serialize(small_graph(), "ttl"), format="turtle")) == len(to_rdf(small_graph()))


def test_a_supersession_is_a_dcterms_replaces_subproperty_triple() -> None:
    g = to_rdf(small_graph())
    s = URIRef("https://w3id.org/oversight/id/kent-police/peel-2023-25/afi-02")
    o = URIRef("https://w3id.org/oversight/id/kent-police/peel-2021-22/afi-05")
    assert (s, URIRef("https://w3id.org/oversight#supersedes"), o) in g


def test_a_well_formed_graph_has_no_violations() -> None:
    assert validate(small_graph()) == []


def test_shacl_catches_a_deliberately_broken_graph() -> None:
    g = small_graph()
    g.add_node("kent-police/peel-2023-25/afi-09", "AreaForImprovement", {"text": "orphan"})
    g.add_edge("kent-police/peel-2023-25/afi-09", "SUPERSEDES", "kent-police/peel-2021-22/afi-05")
    g.g.nodes["kent-police/peel-2021-22/afi-05"]["props"]["rag"] = "purple"
    assert validate(g) == [
        Violation("kent-police/peel-2021-22/afi-05", "shacl", "rag = purple is not in vocabulary RAG"),
        Violation("kent-police/peel-2023-25/afi-09", "shacl", "SUPERSEDES to kent-police/peel-2021-22/afi-05 has no basis"),
        Violation("kent-police/peel-2023-25/afi-09", "shacl", "a finding is one kind of finding, issued by exactly one inspection or meeting or raised in exactly one audit"),
        Violation("kent-police/peel-2023-25/afi-09", "shacl", "a node must cite at least one document line (EVIDENCED_BY)"),
    ]


def test_an_inferred_supersession_without_confidence_is_a_violation() -> None:
    g = small_graph()
    g.add_edge("kent-police/peel-2023-25/afi-02", "SUPERSEDES", "kent-police/peel-2021-22/afi-05", {"basis": "inferred"})
    g.g.edges["kent-police/peel-2023-25/afi-02", "kent-police/peel-2021-22/afi-05", "SUPERSEDES"]["props"] = {"basis": "inferred"}
    assert validate(g) == [
        Violation("kent-police/peel-2023-25/afi-02", "shacl", "inferred SUPERSEDES to kent-police/peel-2021-22/afi-05 needs a confidence in 0..1")
    ]
