"""Merging: one node per key, properties united, conflicts kept and flagged, bases ranked."""

from __future__ import annotations

import pytest

from oversight.errors import KeyCollision, UnknownKey, UnknownName
from oversight.graph.model import OversightGraph
from oversight.loaders.models import Evidence

DOC = "document/0123456789ab"


def graph_with_document() -> OversightGraph:
    g = OversightGraph()
    g.add_node(DOC, "Document", {"sha256": "0" * 64})
    return g


def ev(line: int, quote: str = "words") -> Evidence:
    return Evidence(document=DOC, line=line, quote=quote)


def test_a_node_arriving_twice_unites_its_properties() -> None:
    g = graph_with_document()
    g.add_node("x/afi-01", "AreaForImprovement", {"number": 1}, ev(1))
    g.add_node("x/afi-01", "AreaForImprovement", {"text": "Improve"}, ev(2))
    assert g.node("x/afi-01") == {"key": "x/afi-01", "labels": ["AreaForImprovement", "Finding"], "number": 1, "text": "Improve"}


def test_a_conflicting_value_is_kept_beside_the_first_and_flagged_with_its_source() -> None:
    g = graph_with_document()
    g.add_node("x/afi-01", "AreaForImprovement", {"text": "Improve A"}, ev(1))
    g.add_node("x/afi-01", "AreaForImprovement", {"text": "Improve B"}, ev(7))
    node = g.node("x/afi-01")
    assert (node["text"], node["conflicts"]) == ("Improve A", ['text="Improve B" (document/0123456789ab#L7)'])


def test_multi_valued_properties_are_a_sorted_union() -> None:
    g = graph_with_document()
    g.add_node("k/board/fidb", "Board", {"surfaceNames": ["FIDB"]}, ev(1))
    g.add_node("k/board/fidb", "Board", {"surfaceNames": ["Future Improvement and Development Board", "FIDB"]}, ev(2))
    assert g.node("k/board/fidb")["surfaceNames"] == ["FIDB", "Future Improvement and Development Board"]


def test_a_less_specific_label_merges_into_the_more_specific_one() -> None:
    g = graph_with_document()
    g.add_node("x/afi-01", "Finding", {}, ev(1))
    g.add_node("x/afi-01", "AreaForImprovement", {}, ev(2))
    assert g.labels("x/afi-01") == ("AreaForImprovement", "Finding")


def test_two_kinds_of_thing_at_one_key_raise_key_collision() -> None:
    g = graph_with_document()
    g.add_node("x/thing", "AreaForImprovement", {}, ev(1))
    with pytest.raises(KeyCollision, match="x/thing: one key for two kinds of thing"):
        g.add_node("x/thing", "Board", {}, ev(2))


def test_an_unknown_property_name_is_refused() -> None:
    with pytest.raises(UnknownName, match="unknown property 'colour'"):
        graph_with_document().add_node("x/b", "Board", {"colour": "red"})


def test_a_value_outside_its_vocabulary_is_refused() -> None:
    with pytest.raises(UnknownName, match="'purple' is not in vocabulary RAG"):
        graph_with_document().add_node("x/s", "StatusAssessment", {"rag": "purple"})


def test_a_value_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(UnknownName, match="property 'number' takes integer, not '5'"):
        graph_with_document().add_node("x/afi-05", "AreaForImprovement", {"number": "5"})


def test_node_evidence_becomes_an_evidenced_by_relationship_per_line() -> None:
    g = graph_with_document()
    g.add_node("x/afi-01", "AreaForImprovement", {}, ev(3, "AFI 1"))
    g.add_node("x/afi-01", "AreaForImprovement", {}, ev(9, "AFI 1 again"))
    assert g.evidence("x/afi-01") == [
        {"document": DOC, "line": 3, "quote": "AFI 1"},
        {"document": DOC, "line": 9, "quote": "AFI 1 again"},
    ]


def test_relationship_evidence_is_kept_as_parallel_lists_in_document_and_line_order() -> None:
    g = graph_with_document()
    g.add_node("a", "AreaForImprovement"); g.add_node("b", "AreaForImprovement")
    g.add_edge("a", "LINKED_TO", "b", {}, ev(8, "later"))
    g.add_edge("a", "LINKED_TO", "b", {}, ev(2, "earlier"))
    edge = next(g.edges(type="LINKED_TO"))
    assert (edge["evidenceDocuments"], edge["evidenceLines"], edge["evidenceQuotes"]) == ([DOC, DOC], [2, 8], ["earlier", "later"])


@pytest.mark.parametrize(
    "first,second,basis,bases",
    [
        ("inferred", "stated", "stated", ["inferred", "stated"]),
        ("stated", "register", "stated", ["register", "stated"]),
        ("register", "inferred", "register", ["inferred", "register"]),
    ],
)
def test_a_supersession_asserted_on_two_bases_keeps_the_strongest(first: str, second: str, basis: str, bases: list[str]) -> None:
    g = graph_with_document()
    g.add_node("a", "AreaForImprovement"); g.add_node("b", "AreaForImprovement")
    g.add_edge("a", "SUPERSEDES", "b", {"basis": first, "confidence": 0.6})
    g.add_edge("a", "SUPERSEDES", "b", {"basis": second, "confidence": 0.4})
    edge = next(g.edges(type="SUPERSEDES"))
    assert (edge["basis"], edge["bases"], edge["confidence"]) == (basis, bases, 1.0)


def test_an_inferred_supersession_keeps_its_best_confidence() -> None:
    g = graph_with_document()
    g.add_node("a", "AreaForImprovement"); g.add_node("b", "AreaForImprovement")
    g.add_edge("a", "SUPERSEDES", "b", {"basis": "inferred", "confidence": 0.4})
    g.add_edge("a", "SUPERSEDES", "b", {"basis": "inferred", "confidence": 0.7})
    assert next(g.edges(type="SUPERSEDES"))["confidence"] == 0.7


def test_a_relationship_to_a_missing_node_raises_unknown_key() -> None:
    g = graph_with_document()
    g.add_node("a", "AreaForImprovement")
    with pytest.raises(UnknownKey, match="nowhere: no such node"):
        g.add_edge("a", "LINKED_TO", "nowhere")


def test_node_link_round_trip_is_exact() -> None:
    from graphs import small_graph

    g = small_graph()
    assert OversightGraph.from_node_link(g.to_node_link()).to_node_link() == g.to_node_link()
