"""The ontology is the single source of names: every term documented, names closed, lookups exact."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import OWL, SKOS

from oversight.errors import UnknownName
from oversight.ontology import OV, L, P, R, normalise_label, ontology, rel_type_from_local


def _ov_terms(kind: URIRef) -> list[URIRef]:
    g = ontology().graph
    return sorted(s for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(OV))


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty])
def test_every_ontology_term_has_a_label_and_a_comment(kind: URIRef) -> None:
    g = ontology().graph
    undocumented = [str(t) for t in _ov_terms(kind) if not g.value(t, RDFS.label) or not g.value(t, RDFS.comment)]
    assert undocumented == []


def test_every_concept_scheme_has_a_label_and_a_comment() -> None:
    g = ontology().graph
    schemes = _ov_terms(SKOS.ConceptScheme)
    assert [str(s) for s in schemes if not g.value(s, RDFS.label) or not g.value(s, RDFS.comment)] == []


def test_every_concept_has_a_preferred_label() -> None:
    g = ontology().graph
    concepts = {s for s in g.subjects(SKOS.inScheme, None)}
    assert sorted(str(c) for c in concepts if not g.value(c, SKOS.prefLabel)) == []


def test_core_classes_of_the_design_exist() -> None:
    expected = {
        "Organisation", "Inspectorate", "Force", "Board", "Post", "Person", "Inspection", "Finding",
        "AreaForImprovement", "Recommendation", "CauseOfConcern", "Action", "AuditRecommendation",
        "Audit", "AssessmentArea", "Judgement", "StatusAssessment", "ImprovementPlan", "Meeting", "Document",
    }
    assert expected <= set(L)


def test_core_relationship_types_of_the_design_exist() -> None:
    expected = {
        "ISSUED", "CONDUCTED_BY", "INSPECTED", "ADDRESSED_TO", "OWNED_BY", "OVERSEEN_BY", "CHAIRED_BY",
        "SUPERSEDES", "LINKED_TO", "CLOSED_BY", "CARRIED_FORWARD_TO", "IN_AREA", "HAS_STATUS",
        "FOLLOWS_UP", "SPONSORED_BY", "RAISED_IN", "EVIDENCED_BY",
    }
    assert expected <= set(R)


def test_relationship_types_are_upper_snake_case() -> None:
    assert [t for t in R if not re.fullmatch(r"[A-Z]+(_[A-Z]+)*", t)] == []


def test_property_names_are_camel_case() -> None:
    assert [p for p in P if not re.fullmatch(r"[a-z][a-zA-Z0-9]*", p)] == []


def test_supersedes_is_a_subproperty_of_dcterms_replaces() -> None:
    g = ontology().graph
    assert (URIRef(OV + "supersedes"), RDFS.subPropertyOf, URIRef("http://purl.org/dc/terms/replaces")) in g


def test_an_unknown_relationship_type_raises_and_suggests_the_close_one() -> None:
    with pytest.raises(UnknownName, match="unknown relationship type 'SUPERSEEDS'; did you mean SUPERSEDES"):
        R.SUPERSEEDS  # noqa: B018


def test_an_unknown_label_raises_unknown_name() -> None:
    with pytest.raises(UnknownName, match="unknown label 'Boardd'"):
        L.check("Boardd")


def test_relationship_type_is_derived_from_the_camel_case_property() -> None:
    assert rel_type_from_local("carriedForwardTo") == "CARRIED_FORWARD_TO"


def test_labels_of_an_area_for_improvement_include_finding() -> None:
    assert ontology().labels_for("AreaForImprovement") == ("AreaForImprovement", "Finding")


def test_labels_of_an_inspectorate_include_organisation() -> None:
    assert ontology().labels_for("Inspectorate") == ("Inspectorate", "Organisation")


@pytest.mark.parametrize(
    "text,slug",
    [
        ("FIDB", "future-improvement-and-development-board"),
        ("Future Improvement and Development Board", "future-improvement-and-development-board"),
        ("future improvement & development board", "future-improvement-and-development-board"),
        ("F.I.D.B.", "future-improvement-and-development-board"),
        ("DCC", "deputy-chief-constable"),
        ("the Deputy Chief Constable", "deputy-chief-constable"),
        ("ACC Crime", "acc-crime"),
        ("DCO", "deputy-chief-officer"),
        ("JAC", "joint-audit-committee"),
        ("OPCC", "opcc"),
        ("PCC", "police-and-crime-commissioner"),
        ("His Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue Services", "hmicfrs"),
        ("HMCPPI", "hmcpsi"),
        ("HMIP", "hmi-prisons"),
        ("Kent", "kent-police"),
    ],
)
def test_gazetteer_finds_an_entry_by_any_label_ignoring_case_and_punctuation(text: str, slug: str) -> None:
    entry = ontology().gazetteer.lookup(text)
    assert entry is not None and entry.slug == slug


def test_gazetteer_has_the_43_territorial_forces_plus_transport_police() -> None:
    assert len(ontology().gazetteer.entries_of("Force")) == 44


def test_gazetteer_returns_none_for_an_unknown_name() -> None:
    assert ontology().gazetteer.lookup("Gold Command Group") is None


def test_normalise_label_folds_apostrophes_ampersands_and_a_leading_the() -> None:
    assert normalise_label("The Victims\u2019 Commissioner & Co.") == "victims commissioner and co"


def test_area_wording_shared_by_two_frameworks_resolves_by_round() -> None:
    areas = ontology().areas
    assert (areas.lookup("Protecting vulnerable people", "peel-2014").slug, areas.lookup("Protecting vulnerable people").slug) == (
        "protecting-vulnerable-people-2017",
        "protecting-vulnerable-people",
    )


def test_area_altlabel_of_the_2023_round_finds_the_2021_concept() -> None:
    assert ontology().areas.lookup("Treating People Fairly, Appropriately, and Respectfully").slug == "treatment-of-the-public"


def test_supersession_bases_rank_stated_over_register_over_inferred() -> None:
    bases = ontology().vocabulary("SupersessionBases")
    assert [c.notation for c in bases.concepts] == ["stated", "register", "inferred"]


def test_vocabulary_check_lists_the_known_notations() -> None:
    with pytest.raises(UnknownName, match="'purple' is not in vocabulary RAG; known: green, amber, red"):
        ontology().vocabulary("RAG").check("purple")


def test_a_force_level_name_with_a_hyphenated_place_name_resolves() -> None:
    entry = ontology().gazetteer.lookup("Dyfed-Powys Police and Crime Panel", "Board", force="dyfed-powys-police")
    assert entry is not None and entry.slug == "police-and-crime-panel"
