"""The embedded store: diffable JSON, atomic writes, clear errors."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from graphs import small_extraction, small_graph
from oversight.errors import StoreCorrupt, StoreUnavailable
from oversight.graph import embedded_store
from oversight.graph.embedded_store import EmbeddedStore, StoreState


def saved(store_dir: Path) -> EmbeddedStore:
    store = EmbeddedStore(store_dir)
    store.save(StoreState([small_extraction()], small_graph()))
    return store


def test_a_saved_store_loads_back_the_same_graph_and_facts(store_dir: Path) -> None:
    state = saved(store_dir).load()
    assert (state.graph.to_node_link(), state.extractions) == (small_graph().to_node_link(), [small_extraction()])


def test_the_store_file_is_plain_json_with_one_item_per_line(store_dir: Path) -> None:
    text = (saved(store_dir).file).read_text(encoding="utf-8")
    data = json.loads(text)
    assert (data["format"], data["version"], text.count("\n") > len(data["nodes"]) + len(data["edges"])) == ("oversight-store", 2, True)


def test_saving_twice_gives_the_same_bytes(store_dir: Path, tmp_path: Path) -> None:
    first = saved(store_dir).file.read_bytes()
    assert saved(tmp_path / "again").file.read_bytes() == first


def test_a_failure_mid_save_leaves_the_previous_store_intact(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = saved(store_dir)
    before = store.file.read_bytes()
    real = embedded_store._write_section

    def crash_at_nodes(out, name, items, last=False):  # type: ignore[no-untyped-def]
        if name == "nodes":
            raise OSError("disk full")
        real(out, name, items, last)

    monkeypatch.setattr(embedded_store, "_write_section", crash_at_nodes)
    with pytest.raises(StoreUnavailable, match=r"graph\.json: cannot write the store \(disk full\); the store is unchanged"):
        store.save(StoreState([], small_graph()))
    leftovers = [p.name for p in store_dir.iterdir() if p.name.endswith(".tmp")]
    assert (store.file.read_bytes(), leftovers) == (before, [])


def test_loading_a_missing_store_says_to_ingest_first(store_dir: Path) -> None:
    with pytest.raises(StoreUnavailable, match=r"no store here yet \(run `oversight ingest PATH` first\)"):
        EmbeddedStore(store_dir).load()


def test_loading_a_truncated_store_raises_store_corrupt_naming_the_file(store_dir: Path) -> None:
    store = saved(store_dir)
    store.file.write_text(store.file.read_text(encoding="utf-8")[:200], encoding="utf-8")
    with pytest.raises(StoreCorrupt, match=r"graph.json: not valid JSON \(line \d+: "):
        store.load()


def test_loading_a_json_file_that_is_not_a_store_is_refused(store_dir: Path) -> None:
    store_dir.mkdir()
    (store_dir / "graph.json").write_text('{"nodes": []}', encoding="utf-8")
    with pytest.raises(StoreCorrupt, match="graph.json: not an oversight store"):
        EmbeddedStore(store_dir).load()


def test_a_second_writer_waits_then_reports_the_lock(store_dir: Path) -> None:
    store = EmbeddedStore(store_dir)
    held = threading.Event(); release = threading.Event()

    def hold() -> None:
        with EmbeddedStore(store_dir).lock():
            held.set(); release.wait(5)

    thread = threading.Thread(target=hold); thread.start(); held.wait(5)
    try:
        with pytest.raises(StoreUnavailable, match=r"locked by oversight \(pid \d+, since "):
            with store.lock(timeout=0.2):
                pass
    finally:
        release.set(); thread.join()


def test_a_writer_that_cannot_take_the_lock_names_who_holds_it(store_dir: Path) -> None:
    import os

    import pytest

    from oversight.errors import StoreUnavailable
    from oversight.graph.embedded_store import EmbeddedStore

    store = EmbeddedStore(store_dir)
    with store.lock(holder="oversight ingest"):
        with pytest.raises(StoreUnavailable, match=rf"locked by oversight ingest \(pid {os.getpid()}, since .*\) \(waited 0.1 s"):
            with EmbeddedStore(store_dir).lock(timeout=0.1):
                pass


def test_the_lock_wait_comes_from_the_environment_unless_a_flag_gives_it() -> None:
    from oversight.settings import Settings

    assert (
        Settings.resolve({"lock_wait": None}, {"OVERSIGHT_LOCK_WAIT": "30"}).lock_wait,
        Settings.resolve({"lock_wait": 2.5}, {"OVERSIGHT_LOCK_WAIT": "30"}).lock_wait,
        Settings.resolve({}, {}).lock_wait,
    ) == (30.0, 2.5, 10.0)
