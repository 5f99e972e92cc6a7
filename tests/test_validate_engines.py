"""The SHACL check gives the same violations on either engine (issue 16, deliverable 5).

``tests/validate_cases/`` holds small graphs, each breaking one shape (a key
missing, twice, of the wrong datatype or shared; a value outside its
vocabulary; a finding with two kind labels or none, issued twice or by a
document; a dangling edge; a supersession without basis or confidence; …),
each read on top of ``_base.ttl``, a small valid graph. ``expected.json`` is
what pySHACL, the engine before issue 16, reported on each (focus node, check,
message with its path, severity), frozen by running it; the default engine
must report exactly that, and so must pySHACL still.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from oversight.errors import UnknownName
from oversight.graph.build import build_graph
from oversight.graph.validate import DEFAULT_ENGINE, shapes_violations, validate

CASES = Path(__file__).parent / "validate_cases"
EXPECTED: dict[str, list[dict[str, str]]] = json.loads((CASES / "expected.json").read_text(encoding="utf-8"))


def _case(name: str) -> Graph:
    return Graph().parse(CASES / "_base.ttl").parse(CASES / f"{name}.ttl")


def test_every_case_file_has_its_frozen_violations() -> None:
    files = sorted(p.stem for p in CASES.glob("*.ttl") if not p.stem.startswith("_"))
    assert files == sorted(EXPECTED)


def test_the_base_graph_is_valid_on_both_engines() -> None:
    base = Graph().parse(CASES / "_base.ttl")
    assert (shapes_violations(base, "pyshacl"), shapes_violations(base, DEFAULT_ENGINE)) == ([], [])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_default_engine_reports_what_pyshacl_reported(name: str) -> None:
    found = [v.as_dict() for v in shapes_violations(_case(name), DEFAULT_ENGINE)]
    assert found == EXPECTED[name]


@pytest.mark.parametrize("name", ["finding-two-kinds", "supersedes-inferred-no-confidence", "vocabulary-unknown-status"])
def test_pyshacl_still_reports_the_frozen_violations(name: str) -> None:
    found = [v.as_dict() for v in shapes_violations(_case(name), "pyshacl")]
    assert found == EXPECTED[name]


def test_an_unknown_engine_is_refused_with_the_known_names() -> None:
    with pytest.raises(UnknownName, match="unknown SHACL engine 'jena'; known: turbo, pyshacl"):
        validate(build_graph([]), engine="jena")


def test_the_command_line_offers_the_engines_the_library_knows() -> None:
    from oversight.cli import SHACL_ENGINES
    from oversight.graph.validate import ENGINES

    assert SHACL_ENGINES == ENGINES
