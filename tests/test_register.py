"""The curated register: validated YAML, errors with file and line, facts cited to their lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.errors import RegisterError
from oversight.graph.build import build_graph
from oversight.loaders.register import load_register, parse_register

REGISTER = """\
register:
  asserted_by: Head of Governance
  asserted_on: 2024-02-01
force: Kent Police
inspections:
  - round: "2021/22"
    kind: peel
    published: 2022-04-28
    conducted_by: [HMICFRS]
    inspected: true
findings:
  - inspection: kent-police/peel-2021-22
    number: 5
    text: Call takers to advise on evidence and crime prevention
    overseen_by: FIDB
  - inspection: kent-police/peel-2023-25
    number: 2
    text: Advice to callers
boards:
  - name: FIDB
    chaired_by: DCC
supersedes:
  - later: kent-police/peel-2023-25/afi-02
    earlier: kent-police/peel-2021-22/afi-05
    note: The same advice, carried into the new round
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "register.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_registered_supersession_has_basis_register_with_who_and_when(tmp_path: Path) -> None:
    g = build_graph([load_register(write(tmp_path, REGISTER))])
    edge = next(g.edges(type="SUPERSEDES"))
    assert {k: edge[k] for k in ("basis", "assertedBy", "assertedOn", "reason", "confidence")} == {
        "basis": "register",
        "assertedBy": "Head of Governance",
        "assertedOn": "2024-02-01",
        "reason": "The same advice, carried into the new round",
        "confidence": 1.0,
    }


def test_registered_facts_cite_the_lines_of_their_entry(tmp_path: Path) -> None:
    g = build_graph([load_register(write(tmp_path, REGISTER))])
    edge = next(g.edges(type="SUPERSEDES"))
    assert edge["evidenceLines"] == [23]


def test_a_registered_board_resolves_through_the_gazetteer(tmp_path: Path) -> None:
    g = build_graph([load_register(write(tmp_path, REGISTER))])
    assert g.out("kent-police/board/future-improvement-and-development-board", "CHAIRED_BY") == ["kent-police/post/deputy-chief-constable"]


@pytest.mark.parametrize(
    "text,message",
    [
        ("findings:\n  - inspection: a\n    kind: Recomendation\n    number: 3\n", "r.yaml:3: findings[0].kind: Input should be 'AreaForImprovement'"),
        ("findings:\n  - inspection: a\n    number: three\n", "r.yaml:3: findings[0].number: Input should be a valid integer"),
        ("boards:\n  - name: FIDB\n    colour: red\n", "r.yaml:3: boards[0].colour: Extra inputs are not permitted"),
        ("force: Kent Police\nforce: Essex Police\n", "r.yaml:2: duplicate key 'force' (first at line 1)"),
        ("supersedes:\n  - later: a/afi-01\n", "r.yaml:2: supersedes[0].earlier: Field required"),
        ("boards: [\n", "r.yaml:2: not valid YAML"),
        ("- just\n- a list\n", "r.yaml:1: a register is a mapping"),
    ],
)
def test_an_invalid_register_is_reported_with_file_and_line(text: str, message: str) -> None:
    with pytest.raises(RegisterError) as caught:
        parse_register(text, "r.yaml")
    assert str(caught.value).startswith(message)


def test_yaml_tags_that_build_python_objects_are_refused() -> None:
    with pytest.raises(RegisterError, match="not valid YAML"):
        parse_register("force: !!python/object/apply:os.system ['echo hacked']\n", "r.yaml")


def test_the_example_register_loads_and_validates() -> None:
    from oversight.graph.validate import validate

    example = Path(__file__).resolve().parents[1] / "examples" / "register.yaml"
    g = build_graph([load_register(example)])
    assert (g.g.number_of_nodes() > 10, validate(g)) == (True, [])


def test_an_alias_of_a_list_is_refused_before_it_expands() -> None:
    from oversight.errors import RegisterError
    from oversight.loaders.register import parse_register

    laughs = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"
    with pytest.raises(RegisterError, match=r"^r\.yaml:2: alias \*a stands for a mapping or list"):
        parse_register(laughs, "r.yaml")


def test_more_aliases_than_the_bound_are_refused_with_the_line() -> None:
    from oversight.errors import RegisterError
    from oversight.loaders.register import MAX_ALIASES, parse_register

    text = "a: &a 1\n" + "".join(f"k{i}: *a\n" for i in range(MAX_ALIASES + 1))
    with pytest.raises(RegisterError, match=rf"^r\.yaml:{MAX_ALIASES + 2}: more than {MAX_ALIASES} YAML aliases"):
        parse_register(text, "r.yaml")


def test_a_bad_vocabulary_value_refuses_that_register_alone_with_file_line_and_field(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from oversight import api

    bad = tmp_path / "bad.yaml"
    bad.write_text("inspections:\n  - key: kent-police/test\n    kind: bogus\n    title: Test\n", encoding="utf-8")
    paper = tmp_path / "paper.yaml"
    paper.write_text("force: Kent Police\ninspections:\n  - round: '2021/22'\n    kind: peel\n", encoding="utf-8")
    report = api.ingest([bad, paper], tmp_path / "store")
    assert ([str(p).split(": ", 1)[0] for p in report.problems], [d["path"] for d in report.documents]) == (
        [f"{bad}:2"],
        [str(paper)],
    )
    assert "kind: 'bogus' is not in vocabulary InspectionKinds" in str(report.problems[0])


def test_a_key_that_collides_with_another_kind_of_thing_is_an_error_for_that_entry_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from oversight import api

    register = tmp_path / "r.yaml"
    register.write_text(
        "force: Kent Police\n"
        "inspections:\n  - round: '2021/22'\n    kind: peel\n"
        "findings:\n"
        "  - key: kent-police/peel-2021-22\n    inspection: kent-police/peel-2021-22\n    text: Clashes.\n"
        "  - {inspection: kent-police/peel-2021-22, number: 3, area: Preventing crime}\n",
        encoding="utf-8",
    )
    report = api.ingest([register], tmp_path / "store")
    graph = api.load(tmp_path / "store")
    assert ([str(p) for p in report.problems], "kent-police/peel-2021-22/afi-03" in graph) == (
        [f"{register}:6: kent-police/peel-2021-22: one key for two kinds of thing (Inspection and AreaForImprovement)"],
        True,
    )
