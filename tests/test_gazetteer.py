"""Every force: its short names, its commissioner, office and panel, the force a body belongs to, and inspection programmes."""

from __future__ import annotations

from collections import defaultdict

import pytest
from conftest import REPO, require

from oversight.errors import OntologyError
from oversight.graph.resolve import Resolver
from oversight.loaders.models import Ref
from oversight.ontology import GZ, Gazetteer, GazetteerEntry, normalise_label, ontology

SOURCES = REPO.parent / "shared" / "corpus" / "SOURCES.md"

TERRITORIAL = [
    "avon-and-somerset-police", "bedfordshire-police", "cambridgeshire-constabulary", "cheshire-constabulary",
    "city-of-london-police", "cleveland-police", "cumbria-constabulary", "derbyshire-constabulary",
    "devon-and-cornwall-police", "dorset-police", "durham-constabulary", "dyfed-powys-police", "essex-police",
    "gloucestershire-constabulary", "greater-manchester-police", "gwent-police",
    "hampshire-and-isle-of-wight-constabulary", "hertfordshire-constabulary", "humberside-police", "kent-police",
    "lancashire-constabulary", "leicestershire-police", "lincolnshire-police", "merseyside-police",
    "metropolitan-police-service", "norfolk-constabulary", "north-wales-police", "north-yorkshire-police",
    "northamptonshire-police", "northumbria-police", "nottinghamshire-police", "south-wales-police",
    "south-yorkshire-police", "staffordshire-police", "suffolk-constabulary", "surrey-police", "sussex-police",
    "thames-valley-police", "warwickshire-police", "west-mercia-police", "west-midlands-police",
    "west-yorkshire-police", "wiltshire-police",
]
#: Forces with no commissioner and no panel, and the body that oversees them instead.
AUTHORITIES = {
    "british-transport-police": "british-transport-police-authority",
    "city-of-london-police": "city-of-london-police-authority-board",
}
WITH_COMMISSIONER = [f for f in TERRITORIAL if f not in AUTHORITIES]


def gazetteer() -> Gazetteer:
    return ontology().gazetteer


# -- the forces -------------------------------------------------------------------


def test_the_43_territorial_forces_are_listed_once_each() -> None:
    forces = [e.slug for e in gazetteer().entries_of("Force")]
    assert sorted(f for f in forces if f != "british-transport-police") == TERRITORIAL


def test_british_transport_police_is_listed_once_beside_them() -> None:
    assert [e.slug for e in gazetteer().entries_of("Force")].count("british-transport-police") == 1


@pytest.mark.parametrize(
    "name,slug",
    [
        ("the Met", "metropolitan-police-service"),
        ("Met", "metropolitan-police-service"),
        ("MPS", "metropolitan-police-service"),
        ("Met Police", "metropolitan-police-service"),
        ("GMP", "greater-manchester-police"),
        ("WMP", "west-midlands-police"),
        ("TVP", "thames-valley-police"),
        ("Thames Valley", "thames-valley-police"),
        ("Northants", "northamptonshire-police"),
        ("Dyfed Powys", "dyfed-powys-police"),
        ("Dyfed-Powys", "dyfed-powys-police"),
        ("Heddlu Dyfed-Powys", "dyfed-powys-police"),
        ("Avon & Somerset", "avon-and-somerset-police"),
        ("Devon & Cornwall", "devon-and-cornwall-police"),
        ("Hampshire", "hampshire-and-isle-of-wight-constabulary"),
        ("BTP", "british-transport-police"),
        ("CoLP", "city-of-london-police"),
    ],
)
def test_a_force_is_found_by_its_short_name(name: str, slug: str) -> None:
    entry = gazetteer().lookup(name, "Force")
    assert entry is not None and entry.slug == slug


# -- each force's commissioner, office and panel ------------------------------------


@pytest.mark.parametrize("force", WITH_COMMISSIONER)
def test_each_force_has_its_own_commissioner_office_and_panel(force: str) -> None:
    own = {(e.label, e.slug) for e in gazetteer().own_entries(force)}
    assert own == {("Post", "police-and-crime-commissioner"), ("Organisation", "opcc"), ("Board", "police-and-crime-panel")}


@pytest.mark.parametrize("force,authority", sorted(AUTHORITIES.items()))
def test_a_force_without_a_commissioner_has_its_police_authority_instead(force: str, authority: str) -> None:
    assert [e.slug for e in gazetteer().own_entries(force)] == [authority]


def test_no_name_belongs_to_two_bodies() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gazetteer().entries:
        for name in entry.names:
            owners[normalise_label(name)].add(entry.local_form_of or entry.iri)
    assert {name: sorted(iris) for name, iris in owners.items() if len(iris) > 1} == {}


@pytest.mark.parametrize(
    "name,force",
    [
        ("Durham Police and Crime Panel", "durham-constabulary"),
        ("Dyfed Powys Police and Crime Panel", "dyfed-powys-police"),
        ("Essex Police, Fire and Crime Panel", "essex-police"),
        ("Kent and Medway Police and Crime Panel", "kent-police"),
        ("Greater Manchester Police, Fire and Crime Panel", "greater-manchester-police"),
        ("London Assembly Police and Crime Committee", "metropolitan-police-service"),
        ("North Yorkshire OPFCC", "north-yorkshire-police"),
        ("Northamptonshire OPFCC", "northamptonshire-police"),
        ("Cumbria OPCC", "cumbria-constabulary"),
        ("COPCC", "cumbria-constabulary"),
        ("Office of the Police and Crime Commissioner for Humberside", "humberside-police"),
        ("Mayor's Office for Policing and Crime", "metropolitan-police-service"),
        ("MOPAC", "metropolitan-police-service"),
        ("Humberside Police and Crime Commissioner", "humberside-police"),
        ("Police, Fire and Crime Commissioner for Essex", "essex-police"),
        ("Staffordshire Commissioner", "staffordshire-police"),
        ("Durham Police, Crime and Victims' Commissioner", "durham-constabulary"),
        ("Mayor of London", "metropolitan-police-service"),
        ("Mayor of Greater Manchester", "greater-manchester-police"),
        ("Mayor of West Yorkshire", "west-yorkshire-police"),
        ("Mayor of South Yorkshire", "south-yorkshire-police"),
        ("Mayor of York and North Yorkshire", "north-yorkshire-police"),
        ("British Transport Police Authority", "british-transport-police"),
        ("City of London Police Authority Board", "city-of-london-police"),
    ],
)
def test_force_of_finds_the_force_an_office_commissioner_or_panel_belongs_to(name: str, force: str) -> None:
    assert gazetteer().force_of(name) == force


@pytest.mark.parametrize(
    "name",
    [
        "North Yorkshire Police and Crime Commissioner",
        "North Yorkshire Police, Fire and Crime Commissioner",
        "Mayor of York and North Yorkshire",
    ],
)
def test_a_commissioners_older_titles_still_give_its_force(name: str) -> None:
    assert gazetteer().force_of(name) == "north-yorkshire-police"


def test_force_of_finds_a_named_body_inside_a_longer_phrase() -> None:
    assert gazetteer().force_of("Minutes of the Leicestershire Police and Crime Panel, County Hall") == "leicestershire-police"


@pytest.mark.parametrize("name", ["Chief Constable", "the Commissioner", "OPCC", "Police and Crime Panel", "Deputy Mayor for Policing and Crime"])
def test_force_of_a_generic_name_is_none(name: str) -> None:
    assert gazetteer().force_of(name) is None


def test_force_of_a_phrase_naming_two_forces_is_none() -> None:
    assert gazetteer().force_of("a joint paper of Kent Police and Essex Police") is None


def test_force_of_does_not_read_a_short_name_as_a_word() -> None:
    assert gazetteer().force_of("The panel met on Tuesday") is None


def test_the_issuing_bodies_of_the_corpus_give_the_force_of_their_paper() -> None:
    require(SOURCES.is_file(), f"corpus list not found at {SOURCES}")
    wrong = []
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 5 or not cells[0].endswith(".txt") or cells[3].startswith("HMIC"):
            continue
        force = gazetteer().force_entry(cells[4])
        if force is None or gazetteer().force_of(cells[3]) != force.slug:
            wrong.append(cells[0])
    assert wrong == []


# -- resolution: one node per force's body, never merged across forces ---------------


def _key(label: str, name: str, force: str) -> str:
    return Resolver().resolve(Ref.named(label, name, within=Ref.named("Force", force))).key


@pytest.mark.parametrize("name", ["Durham Police and Crime Panel", "the Panel", "PCP", "County Durham and Darlington Police and Crime Panel"])
def test_every_name_of_a_forces_panel_gives_its_one_panel_key(name: str) -> None:
    assert _key("Board", name, "Durham Constabulary") == "durham-constabulary/board/police-and-crime-panel"


def test_mopac_resolves_to_the_mets_commissioners_office() -> None:
    assert _key("Organisation", "MOPAC", "the Met") == "metropolitan-police-service/org/opcc"


def test_a_forces_own_name_resolves_with_the_generic_entrys_name() -> None:
    entry = gazetteer().lookup("Kent and Medway Police and Crime Panel")
    assert entry is not None and (entry.iri, entry.pref_label) == (GZ + "force-board-police-and-crime-panel", "Police and Crime Panel")


def test_another_forces_panel_does_not_resolve_within_a_force() -> None:
    assert gazetteer().lookup("Durham Police and Crime Panel", "Board", force="kent-police") is None


def test_no_forces_own_panel_resolves_within_a_force_the_gazetteer_lacks() -> None:
    assert gazetteer().lookup("Durham Police and Crime Panel", "Board", force="Gotham City Police") is None


def test_two_forces_chief_constables_stay_two_keys() -> None:
    assert [_key("Post", "Chief Constable", f) for f in ("Kent Police", "Essex Police")] == [
        "kent-police/post/chief-constable",
        "essex-police/post/chief-constable",
    ]


def test_two_forces_commissioners_stay_two_keys() -> None:
    assert [_key("Post", "the Commissioner", f) for f in ("Northants", "GMP")] == [
        "northamptonshire-police/post/police-and-crime-commissioner",
        "greater-manchester-police/post/police-and-crime-commissioner",
    ]


def test_a_local_form_must_share_its_generic_entrys_class_and_slug() -> None:
    generic = GazetteerEntry(GZ + "g", "Board", "police-and-crime-panel", "force", "Police and Crime Panel", (), "")
    force = GazetteerEntry(GZ + "f", "Force", "kent-police", "national", "Kent Police", (), "")
    wrong = GazetteerEntry(GZ + "w", "Board", "panel", "force", "Kent Panel", (), "", force="kent-police", local_form_of=GZ + "g")
    with pytest.raises(OntologyError, match="ov:localFormOf"):
        Gazetteer((generic, force, wrong), ontology().is_a)


# -- inspection programmes -------------------------------------------------------------


@pytest.mark.parametrize(
    "name,notation",
    [
        ("PEEL 2014", "peel-2014"),
        ("PEEL 2015", "peel-2015"),
        ("PEEL 2016", "peel-2016"),
        ("PEEL 2017", "peel-2017"),
        ("PEEL 2018/19", "peel-2018-19"),
        ("Integrated PEEL Assessment", "peel-2018-19"),
        ("PEEL 2021/22", "peel-2021-22"),
        ("PEEL 2021-22", "peel-2021-22"),
        ("PEEL 2023\u201325", "peel-2023-25"),
        ("PEEL 2023/25", "peel-2023-25"),
        ("counter-corruption and vetting", "vetting-and-counter-corruption"),
        ("VSA", "victim-service-assessment"),
        ("Crime Data Integrity", "crime-data-integrity"),
        ("CDI", "crime-data-integrity"),
        ("joint inspection of police custody", "police-custody"),
        ("super-complaint", "super-complaints"),
        ("NCPI", "national-child-protection-inspection"),
        ("MAPPA thematic", "mappa-thematic"),
        ("joint inspection of case building", "joint-case-building"),
    ],
)
def test_an_inspection_programme_is_found_by_its_common_name(name: str, notation: str) -> None:
    assert ontology().vocabulary("InspectionProgrammes").notation_for(name) == notation


def test_every_programme_is_narrower_than_one_inspection_kind() -> None:
    kinds = set(ontology().vocabulary("InspectionKinds").notations)
    programmes = ontology().vocabulary("InspectionProgrammes").concepts
    assert [c.notation for c in programmes if len(c.broader) != 1 or c.broader[0] not in kinds] == []


def test_every_peel_round_is_a_peel_inspection() -> None:
    programmes = ontology().vocabulary("InspectionProgrammes").concepts
    rounds = sorted(c.notation for c in programmes if c.notation.startswith("peel-20"))
    assert (rounds, {ontology().vocabulary("InspectionProgrammes").concept_for(r).broader for r in rounds}) == (  # type: ignore[union-attr]
        ["peel-2014", "peel-2015", "peel-2016", "peel-2017", "peel-2018-19", "peel-2021-22", "peel-2023-25"],
        {("peel",)},
    )


def test_no_name_of_a_programme_belongs_to_two_programmes() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for concept in ontology().vocabulary("InspectionProgrammes").concepts:
        for name in (concept.notation, concept.pref_label, *concept.alt_labels):
            owners[normalise_label(name)].add(concept.notation)
    assert {n: sorted(c) for n, c in owners.items() if len(c) > 1} == {}

