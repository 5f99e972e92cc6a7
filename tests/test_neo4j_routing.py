"""A routing URI (neo4j://) reaches the single test server: reads and writes go through managed
read and write transactions, which is what clusters and Aura need (issue 16). What one machine
cannot test — a real cluster's leader changing mid-load, neo4j+s:// with Aura's certificates —
is said in docs/neo4j.md."""

from __future__ import annotations

from typing import Any

import pytest

from oversight.graph.neo4j_store import Neo4jStore
from oversight.queries.runner import run_question

pytestmark = pytest.mark.neo4j


@pytest.fixture()
def routed(bolt_server_info: Any, neo4j_target: Any) -> Any:
    if bolt_server_info.engine != "neo4j":
        pytest.skip("routing (neo4j://) needs the real Neo4j; ArcadeDB's Bolt answers bolt:// only")
    return neo4j_target.model_copy(update={"uri": neo4j_target.uri.replace("bolt://", "neo4j://", 1)})


def test_a_load_and_a_question_through_a_routing_uri_give_the_embedded_rows(routed: Any, seed_graph: Any) -> None:
    with Neo4jStore.open(routed) as store:
        store.write("MATCH (n) DETACH DELETE n")
        store.load(seed_graph, wipe=True)
        server = run_question("inspection-outcome-counts", {}, store=store).rows
    assert (routed.uri.startswith("neo4j://"), server) == (True, run_question("inspection-outcome-counts", {}, graph=seed_graph).rows)
