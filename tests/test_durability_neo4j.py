"""`oversight neo4j load` killed with SIGKILL: every batch is all or nothing, a rerun converges.

Runs ``python -m oversight neo4j load`` as a subprocess against the tests' server,
kills it with SIGKILL as soon as a random number of rows has committed (so the kill
lands mid-load however fast the machine is), and checks that the database then holds exactly the first *k* batches of the load
plan for some *k*: each batch is one transaction, so none is half-written. After
the last kill a rerun completes, the database holds exactly the graph, and loading
again changes nothing. Skipped without a Bolt server, except under CI.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, generated_graph
from server_helpers import snapshot, written

from oversight import api
from oversight.graph.embedded_store import EmbeddedStore, StoreState
from oversight.graph.neo4j_store import Neo4jStore, plan_load

pytestmark = pytest.mark.neo4j

BATCH_SIZE = 15
KILLS = 3


def _load(store: Path, info: Any, *extra: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "OVERSIGHT_"))}
    env["NEO4J_PASSWORD"] = info.password.get_secret_value()
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "oversight",
            "neo4j",
            "load",
            "--batch-size",
            str(BATCH_SIZE),
            "--store",
            str(store),
            "--uri",
            info.uri,
            "--user",
            info.username,
            "--database",
            info.database,
            *extra,
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _rows(store: Neo4jStore) -> int:
    """Nodes and relationships loaded so far."""
    _, nodes = store.read("MATCH (n:OversightNode) RETURN count(n) AS n")
    _, rels = store.read("MATCH (:OversightNode)-[r]->(:OversightNode) RETURN count(r) AS n")
    return int(nodes[0]["n"]) + int(rels[0]["n"])


def test_a_killed_load_leaves_whole_batches_and_a_rerun_converges(
    neo4j_store: Neo4jStore, bolt_server_info: Any, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    EmbeddedStore(store).save(StoreState(graph=generated_graph(51, forces=4)))
    graph = api.load(store)  # as the subprocess reads it
    batches = plan_load(graph, BATCH_SIZE)
    states = [written(batches[:k]) for k in range(len(batches) + 1)]
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    cut_at = []
    for run in range(KILLS):
        if run < KILLS - 1:
            neo4j_store.write(
                "MATCH (n) DETACH DELETE n"
            )  # each kill from scratch; the last one is resumed
        done, total = _rows(neo4j_store), len(graph) + graph.g.number_of_edges()
        threshold = rng.randint(done + 1, total - 1) if done + 1 < total else total
        proc = _load(store, bolt_server_info)
        deadline = time.monotonic() + 60
        # No sleep: a load of this graph takes well under a second, and each check
        # (two counts) is already a round trip; a coarser poll let every kill land
        # after the load had finished.
        while (
            _rows(neo4j_store) < threshold and proc.poll() is None and time.monotonic() < deadline
        ):
            pass
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        state = snapshot(neo4j_store)
        whole = [k for k, expected in enumerate(states) if expected == state]
        assert whole, f"seed {seed}, run {run}: the database holds a part of a batch"
        cut_at.append(whole[0])
    assert any(0 < k < len(batches) for k in cut_at), (
        f"seed {seed}: no kill landed mid-load ({cut_at})"
    )

    rerun = _load(store, bolt_server_info, "--json")
    out, err = rerun.communicate(timeout=120)
    report = json.loads(out)
    assert (rerun.returncode, err, report["nodes"]["created"], report["nodes"]["unchanged"]) == (
        0,
        "",
        len(graph) - len(states[cut_at[-1]][0]),
        len(states[cut_at[-1]][0]),
    )
    assert snapshot(neo4j_store) == states[-1]

    again = neo4j_store.load(graph, batch_size=BATCH_SIZE)
    assert (again.nodes.as_dict(), again.relationships.as_dict(), snapshot(neo4j_store)) == (
        {"created": 0, "updated": 0, "unchanged": len(graph)},
        {"created": 0, "updated": 0, "unchanged": graph.g.number_of_edges()},
        states[-1],
    )
