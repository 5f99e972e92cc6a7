"""The store's index (graph.sqlite): derived from graph.json, used only while it matches it, never trusted over it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from graphs import small_extraction, small_graph
from oversight import api
from oversight.errors import StoreUnavailable
from oversight.graph import store_index
from oversight.graph.embedded_store import STORE_FILE, EmbeddedStore, StoreState
from oversight.graph.model import OversightGraph
from oversight.graph.store_index import INDEX_FILE
from oversight.queries.catalog import catalogue
from oversight.queries.runner import run_question


def saved(store_dir: Path) -> EmbeddedStore:
    store = EmbeddedStore(store_dir)
    store.save(StoreState([small_extraction()], small_graph()))
    return store


def storage(graph: OversightGraph) -> list[Any]:
    """Everything networkx holds, in its order (nodes, then each node's successors and predecessors)."""
    g = graph.g
    return [
        (key, list(data["labels"]), list(data["props"].items()),
         [(v, [(k, d["type"], list(d["props"].items())) for k, d in keyed.items()]) for v, keyed in g._succ[key].items()],
         list(g._pred[key]))
        for key, data in g._node.items()
    ]  # fmt: skip


def from_json(store_dir: Path) -> OversightGraph:
    """The graph as the store's JSON alone gives it."""
    return OversightGraph.from_node_link(json.loads((store_dir / STORE_FILE).read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def seed_store(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("seed-store")
    api.ingest([*sorted(seeds.glob("*.txt")), Path(__file__).parents[1] / "examples" / "register.yaml"], store)
    return store


def test_saving_a_store_writes_the_index_the_next_load_reads(store_dir: Path) -> None:
    saved(store_dir)
    store = EmbeddedStore(store_dir)
    store.load()
    assert ((store_dir / INDEX_FILE).is_file(), store.index_status) == (True, "fresh")


def test_the_graph_from_the_index_is_the_graph_from_the_json_in_networkx_order(seed_store: Path) -> None:
    assert storage(EmbeddedStore(seed_store).load().graph) == storage(from_json(seed_store))


def test_a_stale_index_is_ignored_and_rebuilt_from_the_json(store_dir: Path, tmp_path: Path) -> None:
    saved(store_dir)
    other = tmp_path / "other"
    EmbeddedStore(other).save(StoreState([small_extraction()], OversightGraph()))
    shutil.copy(other / STORE_FILE, store_dir / STORE_FILE)  # graph.json changed behind the index's back
    first, second = EmbeddedStore(store_dir), EmbeddedStore(store_dir)
    graphs = [len(first.load().graph), len(second.load().graph)]
    assert (first.index_status, second.index_status, graphs) == ("stale (graph.json changed since)", "fresh", [0, 0])


def test_a_missing_index_is_rebuilt(store_dir: Path) -> None:
    saved(store_dir)
    (store_dir / INDEX_FILE).unlink()
    first, second = EmbeddedStore(store_dir), EmbeddedStore(store_dir)
    first.load(), second.load()
    assert (first.index_status, second.index_status) == ("missing", "fresh")


def test_a_corrupt_index_is_ignored_and_the_json_used(store_dir: Path) -> None:
    saved(store_dir)
    (store_dir / INDEX_FILE).write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    store = EmbeddedStore(store_dir)
    graph = store.load().graph
    assert (store.index_status.startswith("unreadable"), storage(graph)) == (True, storage(from_json(store_dir)))


def test_an_index_whose_section_is_not_a_graph_is_ignored(store_dir: Path) -> None:
    saved(store_dir)
    with sqlite3.connect(store_dir / INDEX_FILE) as db:
        db.execute("UPDATE sections SET data = ? WHERE name = 'edges'", ('[["a", "b"]]',))
    db.close()
    store = EmbeddedStore(store_dir)
    graph = store.load().graph
    assert (store.index_status, storage(graph)) == (
        "unreadable (ValueError: not enough values to unpack (expected 5, got 2))",
        storage(from_json(store_dir)),
    )


def test_an_index_of_another_version_is_rebuilt(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_index, "INDEX_VERSION", 0)
    saved(store_dir)
    monkeypatch.undo()
    first, second = EmbeddedStore(store_dir), EmbeddedStore(store_dir)
    first.load(), second.load()
    assert (first.index_status, second.index_status) == (
        "another format or version ('oversight-store-index' 0)",
        "fresh",
    )


def test_a_copied_store_uses_its_index_once_the_json_hash_matches(store_dir: Path, tmp_path: Path) -> None:
    saved(store_dir)
    copy = tmp_path / "copy"
    shutil.copytree(store_dir, copy)  # new inode and times: the hash decides
    store = EmbeddedStore(copy)
    store.load()
    assert store.index_status == "fresh"


def test_a_version_1_store_opens_and_its_rebuilt_graph_is_indexed(store_dir: Path) -> None:
    saved(store_dir)
    (store_dir / INDEX_FILE).unlink()
    text = (store_dir / STORE_FILE).read_text(encoding="utf-8")
    (store_dir / STORE_FILE).write_text(text.replace('"version":2,', '"version":1,', 1), encoding="utf-8")
    first, second = EmbeddedStore(store_dir), EmbeddedStore(store_dir)
    built, indexed = first.load().graph, second.load().graph
    # A version 1 store's graph is built from its facts (in build order); the index holds it in node-link order.
    assert (first.index_status, second.index_status, indexed.to_node_link(), indexed.documents_root) == (
        "missing", "fresh", built.to_node_link(), store_dir,
    )  # fmt: skip


def test_a_version_2_store_without_an_index_opens(store_dir: Path) -> None:
    saved(store_dir)
    (store_dir / INDEX_FILE).unlink()
    assert storage(EmbeddedStore(store_dir).load().graph) == storage(from_json(store_dir))


def test_the_facts_come_from_the_json_when_the_graph_came_from_the_index(store_dir: Path) -> None:
    saved(store_dir)
    state = EmbeddedStore(store_dir).load()
    assert [e.model_dump() for e in state.extractions] == [small_extraction().model_dump()]


def test_facts_asked_for_after_the_json_changed_are_refused(store_dir: Path, tmp_path: Path) -> None:
    saved(store_dir)
    state = EmbeddedStore(store_dir).load()
    other = tmp_path / "other"
    EmbeddedStore(other).save(StoreState([], OversightGraph()))
    shutil.copy(other / STORE_FILE, store_dir / STORE_FILE)
    with pytest.raises(StoreUnavailable, match="changed while it was being read; run the command again"):
        _ = state.extractions


def test_an_index_that_cannot_be_written_leaves_the_store_working_from_the_json(store_dir: Path) -> None:
    saved(store_dir)
    (store_dir / INDEX_FILE).unlink()
    (store_dir / INDEX_FILE).mkdir()  # something in the way of the index
    store = EmbeddedStore(store_dir)
    graph = store.load().graph
    assert (store.index_status, storage(graph)) == ("missing", storage(from_json(store_dir)))


def _params(graph: OversightGraph, name: str) -> dict[str, Any]:
    """Values for a question's required parameters, chosen from the graph: the best-connected finding or document."""
    def busiest(label: str) -> str:
        return max(graph.keys(label), key=lambda k: (len(graph.g._succ[k]) + len(graph.g._pred[k]), k))

    required = {p.name for p in catalogue()[name].params if p.required}
    chosen = {"finding": busiest("Finding"), "document": busiest("Document")}
    return {p: chosen[p] for p in required}


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_question_gives_the_same_rows_from_the_index_and_from_the_json(seed_store: Path, name: str) -> None:
    indexed, parsed = EmbeddedStore(seed_store).load().graph, from_json(seed_store)
    params = _params(parsed, name)
    rows = [json.dumps(run_question(name, params, graph=g).rows) for g in (indexed, parsed)]
    assert rows[0] == rows[1]
