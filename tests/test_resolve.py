"""Entity resolution: one key per real thing, however a paper names it."""

from __future__ import annotations

import pytest

from graphs import small_graph
from oversight.graph.resolve import Resolver
from oversight.loaders.models import Ref

KENT = Ref.named("Force", "Kent Police")


@pytest.mark.parametrize("name", ["FIDB", "Future Improvement and Development Board", "the F.I.D.B."])
def test_every_name_of_the_fidb_resolves_to_one_board(name: str) -> None:
    assert Resolver().resolve(Ref.named("Board", name, within=KENT)).key == "kent-police/board/future-improvement-and-development-board"


@pytest.mark.parametrize("name", ["DCC", "Deputy Chief Constable"])
def test_dcc_and_deputy_chief_constable_are_one_post(name: str) -> None:
    assert Resolver().resolve(Ref.named("Post", name, within=KENT)).key == "kent-police/post/deputy-chief-constable"


def test_a_force_named_two_ways_is_one_force() -> None:
    r = Resolver()
    assert r.resolve(Ref.named("Force", "Kent")).key == r.resolve(KENT).key == "kent-police"


def test_a_national_body_is_keyed_without_a_force() -> None:
    assert Resolver().resolve(Ref.named("Organisation", "HMICFRS", within=KENT)).key == "hmicfrs"


def test_a_resolved_name_takes_the_gazetteer_class() -> None:
    assert Resolver().resolve(Ref.named("Organisation", "HMICFRS")).label == "Inspectorate"


def test_an_unknown_board_becomes_an_unresolved_node_under_its_force() -> None:
    resolved = Resolver().resolve(Ref.named("Board", "Gold Group", within=KENT))
    assert (resolved.key, resolved.props) == (
        "kent-police/board/gold-group",
        {"surfaceNames": ["Gold Group"], "name": "Gold Group", "unresolved": True},
    )


def test_a_numbered_finding_is_keyed_with_a_zero_padded_number() -> None:
    ref = Ref.of("AreaForImprovement", "5", within=Ref.of("Inspection", "PEEL 2021/22", within=KENT))
    assert Resolver().resolve(ref).key == "kent-police/peel-2021-22/afi-05"


def test_an_unnumbered_finding_is_keyed_by_area_and_position() -> None:
    ref = Ref.of("AreaForImprovement", "responding-to-the-public", "2", within=Ref.of("Inspection", "PEEL 2023/25", within=KENT))
    assert Resolver().resolve(ref).key == "kent-police/peel-2023-25/afi/responding-to-the-public-02"


def test_an_area_of_2017_resolves_to_the_2017_question() -> None:
    ref = Ref.named("AssessmentArea", "Protecting vulnerable people", context="2017")
    assert Resolver().resolve(ref).key == "area/protecting-vulnerable-people-2017"


def test_the_built_graph_lists_the_names_of_the_fidb_it_met() -> None:
    assert small_graph().node("kent-police/board/future-improvement-and-development-board")["surfaceNames"] == ["FIDB"]


@pytest.mark.parametrize(
    "force,name,key",
    [
        ("Essex Police", "Essex Police, Fire and Crime Panel", "essex-police/board/police-and-crime-panel"),
        ("Devon and Cornwall Police", "Devon and Cornwall Police and Crime Panel", "devon-and-cornwall-police/board/police-and-crime-panel"),
        ("Thames Valley Police", "Thames Valley Police and Crime Commissioner", "thames-valley-police/post/police-and-crime-commissioner"),
    ],
)
def test_a_force_level_name_with_its_place_name_resolves_for_any_force(force: str, name: str, key: str) -> None:
    label = "Post" if key.split("/")[1] == "post" else "Board"
    assert Resolver().resolve(Ref.named(label, name, within=Ref.named("Force", force))).key == key
