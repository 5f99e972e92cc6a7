"""Helpers for the tests that use the tests' Bolt server (Neo4j or ArcadeDB): the CLI
run with no Neo4j settings from the environment, what a database holds, and users made
and dropped (Neo4j: on its system database; ArcadeDB: over its HTTP API)."""

from __future__ import annotations

import base64
import json
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from typer.testing import CliRunner

from oversight.cli import app
from oversight.graph.model import OversightGraph
from oversight.graph.neo4j_store import BASE_LABEL, Batch, Neo4jStore, plan_load

#: Blanks every setting the CLI could read from the environment, so only the options a test passes count.
NO_NEO4J_ENV = {"NEO4J_URI": "", "NEO4J_USERNAME": "", "NEO4J_PASSWORD": "", "NEO4J_DATABASE": "", "OVERSIGHT_STORE": ""}
_runner = CliRunner()


def run(*args: object, env: dict[str, str] | None = None) -> Any:
    """``oversight ARGS`` in-process, with :data:`NO_NEO4J_ENV` under ``env``."""
    return _runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", **NO_NEO4J_ENV, **(env or {})})


def snapshot(store: Neo4jStore) -> tuple[list[Any], list[Any]]:
    """Every loaded node (key, labels, properties) and relationship, sorted."""
    _, nodes = store.read(
        "MATCH (n:OversightNode) RETURN n.key AS key, labels(n) AS labels, properties(n) AS props"
    )
    _, rels = store.read(
        "MATCH (s:OversightNode)-[r]->(t:OversightNode) "
        "RETURN s.key AS source, type(r) AS type, t.key AS target, properties(r) AS props"
    )
    return (
        sorted((n["key"], sorted(n["labels"]), n["props"]) for n in nodes),
        sorted(((r["source"], r["type"], r["target"], r["props"]) for r in rels), key=repr),
    )


def written(batches: list[Batch]) -> tuple[list[Any], list[Any]]:
    """What the database holds, as :func:`snapshot` reads it, once ``batches`` (a
    prefix of a load plan) are written."""
    nodes, rels = [], []
    for batch in batches:
        for row in batch.rows:
            if batch.kind == "nodes":
                nodes.append((row["key"], sorted([*batch.group.split(":"), BASE_LABEL]), row["props"]))
            else:
                rels.append((row["source"], batch.group, row["target"], row["props"]))
    return sorted(nodes), sorted(rels, key=repr)


def loaded(graph: OversightGraph) -> tuple[list[Any], list[Any]]:
    """What the database holds, as :func:`snapshot` reads it, once all of ``graph`` is loaded."""
    return written(plan_load(graph))


def server_command(info: Any, command: str) -> None:
    """Run an ArcadeDB server command (``create user …``) as root over its HTTP API."""
    token = base64.b64encode(
        f"{info.username}:{info.password.get_secret_value()}".encode()
    ).decode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{info.http_port}/api/v1/server",
        method="POST",
        data=json.dumps({"command": command}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Basic {token}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.loads(response.read()) == {"result": "ok"}


def neo4j_system_command(info: Any, statement: str, **params: Any) -> None:
    """Run a statement on a Neo4j server's ``system`` database as its admin user."""
    import neo4j

    auth = (info.username, info.password.get_secret_value())
    with neo4j.GraphDatabase.driver(info.uri, auth=auth) as driver:
        driver.execute_query(statement, params, database_="system")


@contextmanager
def temporary_users(
    info: Any, users: list[tuple[str, str, dict[str, list[str]]]]
) -> Iterator[None]:
    """Create ``(name, password, {database: groups})`` users, and drop them afterwards.

    On Neo4j (community, no roles) the groups are ignored: every user is all-powerful.
    """
    if info.engine == "neo4j":
        for name, password, _ in users:
            neo4j_system_command(info, "CREATE USER $name SET PASSWORD $password CHANGE NOT REQUIRED", name=name, password=password)
        try:
            yield
        finally:
            for name, _, _ in users:
                neo4j_system_command(info, "DROP USER $name IF EXISTS", name=name)
        return
    for name, password, databases in users:
        server_command(
            info,
            "create user "
            + json.dumps({"name": name, "password": password, "databases": databases}),
        )
    try:
        yield
    finally:
        for name, _, _ in users:
            server_command(info, f"drop user {name}")
