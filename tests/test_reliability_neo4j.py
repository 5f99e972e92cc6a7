"""Neo4j faults and bad input: one clear line, exit code 2, and no data lost.

Each fault is tried through the CLI (the exact stderr line and exit code 2) and
through the API (the exact exception message): nothing listening on the URI, a
wrong password, a missing database, a read-only user and a user without access,
transient errors (retried by the driver's managed transactions), and the local
server killed with SIGKILL in the middle of a load. Ad-hoc Cypher that writes is
refused without ``--write``, and read-only statements run in read transactions.

The kill test starts its own server in a temporary directory on free ports; the
others use the tests' server (``conftest.bolt_server_info``). Without the
``[server]`` extra they are skipped with the reason, except under CI, where that is
a failure. docs/neo4j.md, "Faults", shows what the user sees in each case.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from conftest import generated_graph, require
from neo4j.exceptions import Neo4jError
from pydantic import SecretStr
from server_helpers import (
        loaded,
    run,
    snapshot,
    temporary_users,
    written,
)

from oversight import api
from oversight.errors import QueryError, ServerError, StoreError, StoreUnavailable
from oversight.graph import bolt_server
from oversight.graph.bolt_server import free_ports
from oversight.graph.embedded_store import EmbeddedStore, StoreState
from oversight.graph.model import OversightGraph
from oversight.graph.neo4j_store import (
    Batch,
    Neo4jStore,
    Neo4jTarget,
    plan_load,
)

REFUSED_PASSWORD = "(set NEO4J_USERNAME and NEO4J_PASSWORD, or --user and --password)"
TRANSIENT_CODE = "Neo.TransientError.Transaction.DeadlockDetected"
TRANSIENT_MESSAGE = "deadlock injected by the test"



def _options(info: Any, user: str | None = None, database: str | None = None) -> list[str]:
    return [
        "--uri",
        info.uri,
        "--user",
        user or info.username,
        "--database",
        database or info.database,
    ]


def _target(info: Any, **update: Any) -> Neo4jTarget:
    target = Neo4jTarget(
        uri=info.uri, username=info.username, password=info.password, database=info.database
    )
    return target.model_copy(update=update)


def _save(graph: OversightGraph, store: Path) -> OversightGraph:
    """Write ``graph`` as a store and return it as the CLI reads it back."""
    EmbeddedStore(store).save(StoreState(graph=graph))
    return api.load(store)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, OversightGraph]:
    """A store holding a generated graph of about 500 rows."""
    store = tmp_path_factory.mktemp("reliability") / "store"
    return store, _save(generated_graph(31), store)


# -- server down: nothing listens on the URI -------------------------------------------------

DOWN_COMMANDS = [
    ["neo4j", "load"],
    ["neo4j", "status"],
    ["cypher", "MATCH (n) RETURN count(n) AS n"],
    ["query", "boards", "--backend", "neo4j"],
]


@pytest.mark.parametrize("command", DOWN_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_server_down_is_one_line_and_exit_2(
    command: list[str], small_store: tuple[Path, OversightGraph]
) -> None:
    port = free_ports(1)[0]
    line = f"bolt://127.0.0.1:{port}: no Bolt server answers (connection refused)"
    options = [*command, "--uri", f"bolt://127.0.0.1:{port}", "--store", str(small_store[0])]
    human, machine = run(*options), run(*options, "--json")
    assert (human.exit_code, human.stdout, human.stderr) == (2, "", f"error: {line}\n")
    assert (machine.exit_code, json.loads(machine.stdout), machine.stderr) == (
        2,
        {"ok": False, "error": line},
        "",
    )


def test_server_down_through_the_api(small_store: tuple[Path, OversightGraph]) -> None:
    port = free_ports(1)[0]
    target = Neo4jTarget(
        uri=f"bolt://127.0.0.1:{port}", username="neo4j", password=SecretStr("pw"), database="neo4j"
    )
    calls = [
        lambda: api.neo4j_load(small_store[1], target),
        lambda: api.neo4j_status(target),
        lambda: api.run_cypher(target, "RETURN 1 AS one"),
        lambda: api.run_query("boards", backend="neo4j", target=target),
    ]
    messages = []
    for call in calls:
        with pytest.raises(StoreUnavailable) as raised:
            call()
        messages.append(str(raised.value))
    assert messages == [f"bolt://127.0.0.1:{port}: no Bolt server answers (connection refused)"] * 4


def test_an_unresolvable_host_is_one_line(small_store: tuple[Path, OversightGraph]) -> None:
    result = run(
        "neo4j",
        "status",
        "--uri",
        "bolt://no-such-host.invalid:7687",
        "--store",
        str(small_store[0]),
    )
    assert (
        result.exit_code,
        result.stderr.startswith(
            "error: bolt://no-such-host.invalid:7687: no Bolt server answers (cannot resolve the host name: "
        ),
        result.stderr.count("\n"),
    ) == (2, True, 1)


# -- wrong password, missing database -------------------------------------------------------


@pytest.mark.neo4j
def test_a_wrong_password_names_the_uri_and_user_and_changes_nothing(
    neo4j_store: Neo4jStore, bolt_server_info: Any, small_store: tuple[Path, OversightGraph]
) -> None:
    store, graph = small_store
    neo4j_store.load(graph)
    before = snapshot(neo4j_store)
    line = f"{bolt_server_info.uri}: the server refused user '{bolt_server_info.username}' with this password {REFUSED_PASSWORD}"
    result = run(
        "neo4j",
        "load",
        "--store",
        str(store),
        *_options(bolt_server_info),
        env={"NEO4J_PASSWORD": "not-the-password"},
    )
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {line}\n")
    with pytest.raises(StoreUnavailable) as raised:
        api.neo4j_load(graph, _target(bolt_server_info, password=SecretStr("not-the-password")))
    assert (str(raised.value), snapshot(neo4j_store)) == (line, before)


@pytest.mark.neo4j
def test_a_missing_database_is_named(
    neo4j_store: Neo4jStore, bolt_server_info: Any, small_store: tuple[Path, OversightGraph]
) -> None:
    store, graph = small_store
    line = f"{bolt_server_info.uri}: database 'nosuchdb' does not exist (set NEO4J_DATABASE or --database)"
    env = {"NEO4J_PASSWORD": bolt_server_info.password.get_secret_value()}
    result = run(
        "neo4j",
        "load",
        "--json",
        "--store",
        str(store),
        *_options(bolt_server_info, database="nosuchdb"),
        env=env,
    )
    assert (result.exit_code, json.loads(result.stdout), result.stderr) == (
        2,
        {"ok": False, "error": line},
        "",
    )
    with pytest.raises(StoreUnavailable) as raised:
        api.neo4j_load(graph, _target(bolt_server_info, database="nosuchdb"))
    assert str(raised.value) == line


# -- a read-only user, and a user without access to the database ------------------------------
#
# On ArcadeDB (the parity server when the tests' server is Neo4j): Neo4j community has
# no roles, every user may read, write and reach every database (docs/neo4j.md).


@pytest.fixture(scope="module")
def roles_server(arcadedb_server_info: Any) -> Any:
    """A server with roles: ArcadeDB."""
    return arcadedb_server_info


@pytest.fixture()
def roles_store(arcadedb_target: Neo4jTarget) -> Iterator[Neo4jStore]:
    """An open store on the emptied ArcadeDB test database."""
    with Neo4jStore.open(arcadedb_target) as store:
        store.write("MATCH (n) DETACH DELETE n")
        yield store


@pytest.fixture(scope="module")
def limited_users(roles_server: Any) -> Iterator[dict[str, tuple[str, SecretStr]]]:
    """A user in ArcadeDB's built-in ``readonly`` group on the test database, and one
    with rights on another database only; both dropped afterwards."""
    suffix = secrets.token_hex(4)
    users = {
        "reader": (
            f"reader-{suffix}",
            SecretStr(secrets.token_urlsafe(12)),
            ["readonly"],
            roles_server.database,
        ),
        "outsider": (
            f"outsider-{suffix}",
            SecretStr(secrets.token_urlsafe(12)),
            ["admin"],
            "some-other-database",
        ),
    }
    specs = [
        (name, password.get_secret_value(), {database: groups})
        for name, password, groups, database in users.values()
    ]
    with temporary_users(roles_server, specs):
        yield {role: (name, password) for role, (name, password, _, _) in users.items()}


@pytest.mark.neo4j
def test_a_read_only_user_cannot_load_but_can_query(
    roles_store: Neo4jStore,
    roles_server: Any,
    limited_users: dict[str, tuple[str, SecretStr]],
    small_store: tuple[Path, OversightGraph],
) -> None:
    store, graph = small_store
    name, password = limited_users["reader"]
    env = {"NEO4J_PASSWORD": password.get_secret_value()}
    as_reader = ["--store", str(store), *_options(roles_server, user=name)]
    uri, db = roles_server.uri, roles_server.database
    denied = f"{uri}: permission denied for user {name!r} on database {db!r}"

    # An empty database: the load's first step, the constraint, is refused.
    roles_store.write("DROP CONSTRAINT oversight_node_key IF EXISTS")
    fresh = run("neo4j", "load", *as_reader, env=env)
    assert (fresh.exit_code, fresh.stdout, fresh.stderr) == (
        2,
        "",
        f"error: {denied} (creating the constraint and indexes a load needs): User {name!r} is not allowed to update schema\n",
    )
    assert snapshot(roles_store) == ([], [])

    # Loaded by root: the schema exists, and the first batch is refused and rolled back.
    roles_store.load(graph)
    before = snapshot(roles_store)
    first = plan_load(graph)[0]
    loaded = run("neo4j", "load", *as_reader, env=env)
    line = f"{first.name}: {denied} (writing): Transaction error on commit"
    assert (loaded.exit_code, loaded.stdout, loaded.stderr) == (2, "", f"error: {line}\n")
    with pytest.raises(StoreError) as raised:
        api.neo4j_load(graph, _target(roles_server, username=name, password=password))
    assert (str(raised.value), snapshot(roles_store)) == (line, before)

    counted = run(
        "cypher", "MATCH (n:OversightNode) RETURN count(n) AS n", "--json", *as_reader, env=env
    )
    assert (counted.exit_code, json.loads(counted.stdout)["rows"]) == (0, [{"n": len(graph)}])
    rows = api.run_cypher(
        _target(roles_server, username=name, password=password),
        "MATCH (n:Force) RETURN count(n) AS n",
    ).rows
    assert rows == [{"n": len(graph.keys("Force"))}]
    written = run(
        "cypher",
        "MATCH (n:Force) SET n.name = 'x' RETURN count(n) AS n",
        "--write",
        *as_reader,
        env=env,
    )
    assert (written.exit_code, written.stderr, snapshot(roles_store)) == (
        2,
        f"error: {denied} (writing): Transaction error on commit\n",
        before,
    )


@pytest.mark.neo4j
def test_a_user_without_access_to_the_database_is_refused_at_connect(
    roles_server: Any,
    limited_users: dict[str, tuple[str, SecretStr]],
    small_store: tuple[Path, OversightGraph],
) -> None:
    name, password = limited_users["outsider"]
    db = roles_server.database
    line = (
        f"{roles_server.uri}: permission denied for user {name!r} on database {db!r} (connecting): "
        f"Access to database {db!r} is not allowed"
    )
    options = ["--store", str(small_store[0]), *_options(roles_server, user=name)]
    result = run(
        "cypher",
        "MATCH (n) RETURN count(n) AS n",
        *options,
        env={"NEO4J_PASSWORD": password.get_secret_value()},
    )
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {line}\n")
    with pytest.raises(StoreUnavailable) as raised:
        api.neo4j_status(_target(roles_server, username=name, password=password))
    assert str(raised.value) == line


# -- transient errors: retried by the driver's managed transactions ----------------------------


def _transient() -> Neo4jError:
    # How the driver builds the error from a server FAILURE message (a TransientError).
    return Neo4jError._hydrate_neo4j(code=TRANSIENT_CODE, message=TRANSIENT_MESSAGE)


class _FlakyTransaction:
    """A managed transaction in which the statement that writes ``batch``'s rows (the
    first row whole, properties and all) runs, then the first ``failures`` attempts
    raise a TransientError; ``attempts`` gets the time of each try."""

    def __init__(self, tx: Any, batch: Batch, failures: int, attempts: list[float]) -> None:
        self._tx, self._first_row, self._failures, self._attempts = (
            tx,
            batch.rows[0],
            failures,
            attempts,
        )

    def run(self, query: str, parameters: Any = None, **kwargs: Any) -> Any:
        result = self._tx.run(query, parameters, **kwargs)
        rows = (parameters or {}).get("rows") or [None]
        if rows[0] == self._first_row:
            self._attempts.append(time.monotonic())
            if len(self._attempts) <= self._failures:
                list(result)  # the statement has written inside the transaction
                raise _transient()
        return result


def _inject_transient(monkeypatch: pytest.MonkeyPatch, batch: Batch, failures: int) -> list[float]:
    """Make the first ``failures`` attempts at ``batch`` raise a TransientError from inside
    the transaction function (our code's), through the real ``Session.execute_write``;
    returns the times of the attempts at that batch."""
    original = neo4j.Session.execute_write
    attempts: list[float] = []

    def execute_write(self: Any, work: Any, *args: Any, **kwargs: Any) -> Any:
        def flaky(tx: Any, *a: Any, **k: Any) -> Any:
            return work(_FlakyTransaction(tx, batch, failures, attempts), *a, **k)

        return original(self, flaky, *args, **kwargs)

    monkeypatch.setattr(neo4j.Session, "execute_write", execute_write)
    return attempts


@pytest.mark.neo4j
def test_a_transient_error_is_retried_with_backoff_and_the_load_completes(
    neo4j_store: Neo4jStore,
    bolt_server_info: Any,
    small_store: tuple[Path, OversightGraph],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    graph = small_store[1]
    batches = plan_load(graph, 50)
    attempts = _inject_transient(monkeypatch, batches[2], failures=2)
    report = api.neo4j_load(graph, _target(bolt_server_info), batch_size=50)
    gaps = [later - earlier for earlier, later in zip(attempts, attempts[1:], strict=False)]
    assert (len(attempts), gaps[0] >= 0.8, gaps[1] >= 1.6) == (
        3,
        True,
        True,
    )  # 1 s, then 2 s, +-20 %
    assert (report.nodes.created, report.relationships.created, report.batches) == (
        len(graph),
        graph.g.number_of_edges(),
        len(batches),
    )
    assert snapshot(neo4j_store) == loaded(graph)


@pytest.mark.neo4j
def test_the_cli_load_survives_a_transient_error(
    neo4j_store: Neo4jStore,
    bolt_server_info: Any,
    small_store: tuple[Path, OversightGraph],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, graph = small_store
    attempts = _inject_transient(monkeypatch, plan_load(graph, 50)[-1], failures=1)
    env = {"NEO4J_PASSWORD": bolt_server_info.password.get_secret_value()}
    result = run(
        "neo4j",
        "load",
        "--batch-size",
        "50",
        "--json",
        "--store",
        str(store),
        *_options(bolt_server_info),
        env=env,
    )
    data = json.loads(result.stdout)
    assert (result.exit_code, result.stderr, len(attempts)) == (0, "", 2)
    assert (data["nodes"]["created"], data["relationships"]["created"]) == (
        len(graph),
        graph.g.number_of_edges(),
    )
    assert snapshot(neo4j_store) == loaded(graph)


@pytest.mark.neo4j
def test_a_transient_error_past_the_retry_time_names_the_batch(
    neo4j_store: Neo4jStore,
    bolt_server_info: Any,
    small_store: tuple[Path, OversightGraph],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store, graph = small_store
    batches = plan_load(graph, 50)
    line = f"{batches[3].name}: {TRANSIENT_CODE}: {TRANSIENT_MESSAGE}"
    attempts = _inject_transient(monkeypatch, batches[3], failures=100)
    with pytest.raises(StoreError) as raised:
        api.neo4j_load(graph, _target(bolt_server_info, max_retry_time=0.5), batch_size=50)
    assert (str(raised.value), len(attempts), snapshot(neo4j_store)) == (
        line,
        2,
        written(batches[:3]),
    )

    # The CLI does not expose the retry time; shorten it where the CLI builds its target.
    neo4j_target = api.neo4j_target
    monkeypatch.setattr(
        api,
        "neo4j_target",
        lambda cfg, **kw: neo4j_target(cfg, **kw).model_copy(update={"max_retry_time": 0.5}),
    )
    env = {"NEO4J_PASSWORD": bolt_server_info.password.get_secret_value()}
    result = run(
        "neo4j",
        "load",
        "--batch-size",
        "50",
        "--store",
        str(store),
        *_options(bolt_server_info),
        env=env,
    )
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {line}\n")


# -- the server killed in the middle of a load --------------------------------------------------


def _kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while bolt_server._alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)


def _restart(store: Path, ports: list[int]) -> Any:
    """``oversight server start`` again: same directory, same credentials."""
    result = run(
        "server",
        "start",
        "--store",
        str(store),
        "--bolt-port",
        str(ports[0]),
        "--http-port",
        str(ports[1]),
    )
    info = bolt_server.status(store / "server")
    assert (
        result.exit_code,
        result.stdout.startswith("local Bolt server started (pid "),
        info is not None,
    ) == (0, True, True)
    assert info.password.get_secret_value() not in result.stdout
    return info


@pytest.mark.neo4j
def test_a_server_killed_mid_load_names_the_batch_and_a_rerun_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        bolt_server.find_runtime()
    except ServerError as exc:
        require(False, f"no local Bolt server for the kill test: {exc}")
    store = tmp_path / "store"
    graph = _save(generated_graph(41, forces=2), store)
    batches = plan_load(graph, 25)
    ports = free_ports(2)
    info = _restart(store, ports)
    # The driver's retry time is not a CLI option; shorten it where the CLI builds its target.
    neo4j_target = api.neo4j_target
    monkeypatch.setattr(
        api,
        "neo4j_target",
        lambda cfg, **kw: neo4j_target(cfg, **kw).model_copy(update={"max_retry_time": 0.5}),
    )
    write_batch, failed = Neo4jStore._write_batch, []
    kill_at: dict[str, Any] = {}

    def instrumented(self: Neo4jStore, batch: Batch) -> Any:
        if batch.index == kill_at.get("index"):
            kill_at.pop("index")
            kill_at["how"](kill_at["pid"])
        try:
            return write_batch(self, batch)
        except StoreError:
            failed.append(batch)
            raise

    monkeypatch.setattr(Neo4jStore, "_write_batch", instrumented)
    try:
        # CLI: the server dies as batch k begins; the driver retries, then gives up.
        kill_at.update(index=len(batches) // 4, pid=info.pid, how=_kill)
        with monkeypatch.context() as bare:
            # No logging handler at all, as in a plain process, where the driver's retry
            # warnings would reach stderr unless the CLI keeps them off it.
            bare.setattr(logging.getLogger(), "handlers", [])
            result = run("neo4j", "load", "--batch-size", "25", "--store", str(store))
        cut = failed[-1]
        assert (result.exit_code, result.stdout, result.stderr) == (
            2,
            "",
            f"error: {cut.name}: {info.uri}: no Bolt server answers (connection refused)\n",
        )
        info = _restart(store, ports)
        target = _target(info, max_retry_time=0.5)
        with Neo4jStore.open(target) as check:
            assert snapshot(check) == written(
                batches[: cut.index - 1]
            )  # committed batches all kept

        # API: the server dies while a later batch is being written (killed from another thread).
        kill_at.update(
            index=len(batches) // 2,
            pid=info.pid,
            how=lambda pid: threading.Thread(target=_kill, args=[pid]).start(),
        )
        with pytest.raises(StoreUnavailable) as raised:
            api.neo4j_load(graph, target, batch_size=25)
        cut = failed[-1]
        assert str(raised.value) in (
            f"{cut.name}: {info.uri}: no Bolt server answers (connection refused)",
            f"{cut.name}: {info.uri}: the connection was lost while committing, so whether this was "
            "written is unknown; run it again (a load resumes)",
        )
        info = _restart(store, ports)
        with Neo4jStore.open(_target(info)) as check:
            kept = snapshot(check)
        assert kept in (written(batches[: cut.index - 1]), written(batches[: cut.index]))

        # A rerun completes: what is there is unchanged, the rest created, nothing updated.
        rerun = run("neo4j", "load", "--batch-size", "25", "--json", "--store", str(store))
        data = json.loads(rerun.stdout)
        nodes, rels = len(kept[0]), len(kept[1])
        assert (rerun.exit_code, data["nodes"], data["relationships"], data["batches"]) == (
            0,
            {"created": len(graph) - nodes, "updated": 0, "unchanged": nodes},
            {"created": graph.g.number_of_edges() - rels, "updated": 0, "unchanged": rels},
            len(batches),
        )
        with Neo4jStore.open(_target(info)) as check:
            _, keys = check.read(
                "MATCH (n:OversightNode) RETURN count(n) AS nodes, count(DISTINCT n.key) AS keys"
            )
            _, constraints = check.read("SHOW CONSTRAINTS YIELD name RETURN name")
            assert (snapshot(check), keys, {"name": "oversight_node_key"} in constraints) == (
                loaded(graph),
                [{"nodes": len(graph), "keys": len(graph)}],
                True,
            )
            again = check.load(graph, batch_size=25)
            assert (again.nodes.as_dict(), again.relationships.as_dict()) == (
                {"created": 0, "updated": 0, "unchanged": len(graph)},
                {"created": 0, "updated": 0, "unchanged": graph.g.number_of_edges()},
            )
    finally:
        bolt_server.stop(store / "server")


# -- ad-hoc Cypher is read-only unless --write ---------------------------------------------------

REFUSE = "run it with --write to allow writes"


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        ("CREATE (n:Scratch) RETURN n", "CREATE"),
        ("MERGE (n:Scratch {key: 'x'}) RETURN n", "MERGE"),
        ("MATCH (n:Board) SET n.name = 'x' RETURN n", "SET"),
        ("MATCH (n:Scratch) DELETE n", "DELETE"),
        ("MATCH (n) DETACH DELETE n", "DETACH, DELETE"),
        ("MATCH (n:Board) REMOVE n.name RETURN n", "REMOVE"),
        ("DROP CONSTRAINT oversight_node_key", "DROP"),
        ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD CSV"),
        ("MATCH (n:Board) FOREACH (x IN [1] | CREATE (:Scratch))", "FOREACH, CREATE"),
        (
            "CALL db.createLabel('Scratch')",
            "db.createLabel (a procedure not known to be read-only)",
        ),
        ("INSERT (n:Scratch)", "INSERT"),
        ("GRANT ROLE admin TO bob", "GRANT"),
        ("match (n) with n create (m:Scratch)", "CREATE"),
    ],
)
def test_cypher_refuses_each_write_clause_without_write(statement: str, found: str) -> None:
    line = f"refused: the statement writes ({found}); {REFUSE}"
    human, machine = run("cypher", statement), run("cypher", statement, "--json")
    assert (human.exit_code, human.stdout, human.stderr) == (2, "", f"error: {line}\n")
    assert (machine.exit_code, json.loads(machine.stdout)) == (2, {"ok": False, "error": line})


def test_the_api_refuses_a_write_before_connecting() -> None:
    target = Neo4jTarget(
        uri=f"bolt://127.0.0.1:{free_ports(1)[0]}", username="neo4j", database="neo4j"
    )
    with pytest.raises(QueryError) as raised:
        api.run_cypher(target, "MATCH (n) DETACH DELETE n")
    assert str(raised.value) == f"refused: the statement writes (DETACH, DELETE); {REFUSE}"


@pytest.fixture()
def transactions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The kinds of managed transaction sessions run ("read" or "write"), in order."""
    seen: list[str] = []
    for kind in ("read", "write"):
        original = getattr(neo4j.Session, f"execute_{kind}")

        def spy(
            self: Any,
            work: Any,
            *args: Any,
            _kind: str = kind,
            _original: Any = original,
            **kwargs: Any,
        ) -> Any:
            seen.append(_kind)
            return _original(self, work, *args, **kwargs)

        monkeypatch.setattr(neo4j.Session, f"execute_{kind}", spy)
    return seen


@pytest.mark.neo4j
def test_cypher_reads_in_a_read_transaction_and_text_is_not_a_clause(
    neo4j_store: Neo4jStore, bolt_server_info: Any, transactions: list[str], tmp_path: Path
) -> None:
    neo4j_store.write("CREATE (:Note {text: 'CREATE (x) DETACH DELETE y'})")
    transactions.clear()
    env = {"NEO4J_PASSWORD": bolt_server_info.password.get_secret_value()}
    options = ["--json", "--store", str(tmp_path), *_options(bolt_server_info)]
    literal = run(
        "cypher",
        "MATCH (n:Note) WHERE n.text STARTS WITH 'CREATE' RETURN n.text AS text",
        *options,
        env=env,
    )
    comment = run(
        "cypher",
        "MATCH (n:Note) // DELETE them all\nRETURN count(n) AS n /* DETACH DELETE */",
        *options,
        env=env,
    )
    assert [(r.exit_code, json.loads(r.stdout)["rows"]) for r in (literal, comment)] == [
        (0, [{"text": "CREATE (x) DETACH DELETE y"}]),
        (0, [{"n": 1}]),
    ]
    # on Neo4j each statement is first planned (EXPLAIN) in a read transaction of its own
    planned = 2 if bolt_server_info.engine == "neo4j" else 1
    assert transactions == ["read"] * (2 * planned)


@pytest.mark.neo4j
def test_cypher_write_runs_in_a_write_transaction(
    neo4j_store: Neo4jStore, bolt_server_info: Any, transactions: list[str], tmp_path: Path
) -> None:
    env = {"NEO4J_PASSWORD": bolt_server_info.password.get_secret_value()}
    options = ["--json", "--store", str(tmp_path), *_options(bolt_server_info)]
    result = run(
        "cypher",
        "CREATE (n:Scratch {name: $name}) RETURN n.name AS name",
        "-p",
        "name=x",
        "--write",
        *options,
        env=env,
    )
    data = json.loads(result.stdout)
    assert (result.exit_code, data["rows"], data["counters"]["nodes_created"], transactions) == (
        0,
        [{"name": "x"}],
        1,
        ["write"],
    )
