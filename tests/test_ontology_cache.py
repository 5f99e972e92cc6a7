"""The parsed ontology kept as JSON beside the module's bytecode, named by the digest of what it was read from."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import oversight.ontology as ontology_module
from oversight.ontology import Ontology, _read_graph, ontology_digest


@pytest.fixture()
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The cache file moved to a temporary folder, and the loaded ontology forgotten (restored after)."""
    cache = tmp_path / "__pycache__" / "ontology.json"
    monkeypatch.setattr(ontology_module, "_cache_file", lambda digest: cache)
    ontology_module.ontology.cache_clear()
    yield cache
    ontology_module.ontology.cache_clear()


def test_the_ontology_read_from_the_cache_is_the_one_the_turtle_gives() -> None:
    parsed = Ontology(_read_graph())
    cached = Ontology._from_cache_data(json.loads(json.dumps(parsed._cache_data())))
    assert (cached._cache_data(), cached.gazetteer.lookup("F.I.D.B.").slug, cached.labels_for("AreaForImprovement")) == (
        parsed._cache_data(), "future-improvement-and-development-board", ("AreaForImprovement", "Finding"),
    )  # fmt: skip


def test_the_first_load_writes_the_cache_named_by_the_digest(cache_in: Path) -> None:
    ontology_module.ontology()
    assert json.loads(cache_in.read_text(encoding="utf-8"))["digest"] == ontology_digest()


def test_a_cache_of_another_digest_is_ignored_and_replaced(cache_in: Path) -> None:
    cache_in.parent.mkdir()
    cache_in.write_text(json.dumps({"digest": "0" * 64, "classes": []}), encoding="utf-8")
    loaded = ontology_module.ontology()
    assert (loaded._cache_data(), json.loads(cache_in.read_text(encoding="utf-8"))["digest"]) == (
        Ontology(_read_graph())._cache_data(), ontology_digest(),
    )  # fmt: skip


def test_an_unreadable_cache_is_ignored(cache_in: Path) -> None:
    cache_in.parent.mkdir()
    cache_in.write_text("{not json", encoding="utf-8")
    assert ontology_module.ontology()._cache_data() == Ontology(_read_graph())._cache_data()


def test_the_rdflib_graph_of_a_cached_ontology_is_parsed_on_first_use(cache_in: Path) -> None:
    ontology_module.ontology()
    ontology_module.ontology.cache_clear()
    cached = ontology_module.ontology()
    assert (cached._graph, len(cached.graph)) == (None, len(_read_graph()))
