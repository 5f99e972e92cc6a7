"""On the local ArcadeDB server, `oversight cypher` without --write runs as a user the server
itself allows only to read (issue 17): a write that got past every check on the client is
still refused, and LOAD CSV is refused there even with --write.
"""

from __future__ import annotations

from typing import Any

import pytest
from server_helpers import snapshot

from oversight import api
from oversight.errors import QueryError, StoreError
from oversight.graph.neo4j_store import Neo4jStore, Neo4jTarget
from oversight.queries.runner import run_cypher
from oversight.settings import Settings

pytestmark = [pytest.mark.neo4j]

#: Writes the server must refuse from the read-only user, sent straight to the server
#: (no text check on the way), each on a kind of record the seeds' graph has.
SERVER_REFUSES = [
    "MATCH (f:Finding) SET f.pwned = true RETURN count(f) AS n",
    "MATCH (f:Finding) DETACH DELETE f",
    "CREATE (:Finding {key: 'pwned'}) RETURN 1 AS n",
    "MATCH (a:Finding), (b:Inspection) WITH a, b LIMIT 1 CREATE (a)-[:SUPERSEDES]->(b) RETURN 1 AS n",
    "MATCH (f:Finding) REMOVE f.key RETURN count(f) AS n",
]


def _reader(info: Any) -> Neo4jTarget:
    assert info.read_username is not None, "the local ArcadeDB server made no read-only user"
    return Neo4jTarget(uri=info.uri, username=info.read_username, password=info.read_password, database=info.database)


@pytest.fixture()
def loaded(arcadedb_target: Any, seed_graph: Any) -> Any:
    with Neo4jStore.open(arcadedb_target) as admin:
        admin.write("MATCH (n) DETACH DELETE n")
        admin.load(seed_graph, wipe=True)
        yield admin


@pytest.mark.parametrize("statement", SERVER_REFUSES)
def test_the_read_only_user_is_refused_by_the_server_itself(loaded: Any, arcadedb_server_info: Any, statement: str) -> None:
    before = snapshot(loaded)
    with Neo4jStore.open(_reader(arcadedb_server_info)) as reader, pytest.raises(StoreError, match="permission denied|not allowed"):
        reader.write(statement)
    assert snapshot(loaded) == before


def test_the_read_only_user_reads(loaded: Any, arcadedb_server_info: Any, seed_graph: Any) -> None:
    with Neo4jStore.open(_reader(arcadedb_server_info)) as reader:
        _, rows = reader.read("MATCH (f:Finding) RETURN count(f) AS findings")
    assert rows == [{"findings": len(seed_graph.keys("Finding"))}]


def test_cypher_without_write_connects_to_the_local_server_as_its_read_only_user(arcadedb_server_info: Any) -> None:
    store = arcadedb_server_info.server_dir.parent
    target = api.neo4j_target(Settings(store=store), read_only=True)
    assert (target.username, target.uri) == (arcadedb_server_info.read_username, arcadedb_server_info.uri)


def test_cypher_with_write_connects_as_the_servers_own_user(arcadedb_server_info: Any) -> None:
    store = arcadedb_server_info.server_dir.parent
    assert api.neo4j_target(Settings(store=store)).username == arcadedb_server_info.username


def test_load_csv_is_refused_on_arcadedb_even_with_write(loaded: Any, arcadedb_server_info: Any) -> None:
    secret = arcadedb_server_info.server_dir / "credentials.json"
    with pytest.raises(QueryError, match="refused: LOAD CSV on this server"):
        run_cypher(loaded, f"LOAD CSV FROM 'file://{secret}' AS row RETURN row", write=True)


def test_the_read_only_users_password_file_is_private(arcadedb_server_info: Any) -> None:
    mode = (arcadedb_server_info.server_dir / "reader.json").stat().st_mode & 0o777
    assert mode == 0o600
