"""Passwords never show: not in output, errors, logs, reprs, nor the process list.

A sentinel password (``S3ntinel-<random>``), the real password of a user made for
these tests, goes through ``--password`` and through ``NEO4J_PASSWORD`` to every
command that takes one (``neo4j load``, ``neo4j status``, ``cypher``, ``query
--backend neo4j``), when the command succeeds and when it fails (wrong password,
server down), with ``--json`` and without. It must never appear in stdout, stderr,
the driver's log records, the local server's logs, exception messages, or the
``repr()`` of the settings and target objects. The local server's own generated
password must never appear in ``oversight server start|status`` output, the
server's command line, environment or logs.

Uses the tests' Bolt server; skipped without one, except under CI.
"""

from __future__ import annotations

import json
import logging
import secrets
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from conftest import generated_graph
from server_helpers import run, temporary_users

from oversight import api
from oversight.errors import StoreUnavailable
from oversight.graph.bolt_server import free_ports
from oversight.graph.embedded_store import EmbeddedStore, StoreState
from oversight.graph.neo4j_store import Neo4jStore, Neo4jTarget
from oversight.settings import Settings

pytestmark = pytest.mark.neo4j

REFUSED = "(set NEO4J_USERNAME and NEO4J_PASSWORD, or --user and --password)"
COMMANDS = {
    "neo4j load": ["neo4j", "load"],
    "neo4j status": ["neo4j", "status"],
    "cypher": ["cypher", "MATCH (n:OversightNode) RETURN count(n) AS n"],
    "query": ["query", "boards", "--backend", "neo4j"],
}



def _server_files(server_dir: Path) -> str:
    """Everything the local server writes as text: its log, the engine's logs (ArcadeDB's
    log/, Neo4j's logs/), its state."""
    paths = [server_dir / "server.log", server_dir / "server.json", server_dir / "jvm.args"]
    paths += sorted(p for folder in ("log", "logs") for p in (server_dir / folder).rglob("*") if p.is_file())
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in paths if p.exists())


def _exception_text(exc: BaseException) -> str:
    """The message, repr and traceback of an exception and of every one it was raised from."""
    texts = traceback.format_exception(exc)
    seen: BaseException | None = exc
    while seen is not None:
        texts += [str(seen), repr(seen), repr(seen.args)]
        seen = seen.__cause__ or seen.__context__
    return "\n".join(texts)


@pytest.fixture()
def wrong_user(sentinel: tuple[str, str, str], bolt_server_info: Any) -> Iterator[str]:
    """A user whose password is not the sentinel: the module's decoy on ArcadeDB; on
    Neo4j a fresh one per test, as Neo4j locks a user for 5 s after 3 failed logins in
    a row (``dbms.security.auth_max_failed_attempts``)."""
    if bolt_server_info.engine != "neo4j":
        yield sentinel[2]
        return
    name = f"decoy-{secrets.token_hex(6)}"
    with temporary_users(bolt_server_info, [(name, secrets.token_urlsafe(12), {})]):
        yield name


@pytest.fixture(scope="module")
def sentinel(bolt_server_info: Any) -> Iterator[tuple[str, str, str]]:
    """(user, password, decoy): a user of the test database whose password is the
    sentinel, and a user whose password it is not.

    The wrong-password cases log in as the decoy: ArcadeDB refuses a user for about
    30 s after 5 failed logins in a row, which must not happen to root, whom the
    other tests use.
    """
    suffix = secrets.token_hex(6)
    user, password, decoy = f"sentinel-{suffix}", f"S3ntinel-{suffix}", f"decoy-{suffix}"
    databases = {bolt_server_info.database: ["admin"]}
    with temporary_users(
        bolt_server_info,
        [(user, password, databases), (decoy, secrets.token_urlsafe(12), databases)],
    ):
        yield user, password, decoy


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, neo4j_target: Neo4jTarget) -> Path:
    """A store with a generated graph, and the test database emptied once for its loads."""
    path = tmp_path_factory.mktemp("sentinel") / "store"
    EmbeddedStore(path).save(StoreState(graph=generated_graph(61)))
    with Neo4jStore.open(neo4j_target) as emptied:
        emptied.write("MATCH (n) DETACH DELETE n")
    return path


@pytest.mark.parametrize("as_json", [False, True], ids=["human", "json"])
@pytest.mark.parametrize("outcome", ["success", "wrong-password", "server-down"])
@pytest.mark.parametrize("channel", ["--password", "NEO4J_PASSWORD"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_password_never_shows(
    command: str,
    channel: str,
    outcome: str,
    as_json: bool,
    sentinel: tuple[str, str, str],
    bolt_server_info: Any,
    store: Path,
    caplog: pytest.LogCaptureFixture,
    request: pytest.FixtureRequest,
) -> None:
    user, password, _ = sentinel
    uri = bolt_server_info.uri
    if outcome == "wrong-password":
        user = request.getfixturevalue("wrong_user")  # whose password is another
    elif outcome == "server-down":
        uri = f"bolt://127.0.0.1:{free_ports(1)[0]}"
    args = [
        *COMMANDS[command],
        "--store",
        str(store),
        "--uri",
        uri,
        "--user",
        user,
        "--database",
        bolt_server_info.database,
    ]
    args += ["--json"] if as_json else []
    env = {}
    if channel == "--password":
        args += ["--password", password]
    else:
        env["NEO4J_PASSWORD"] = password
    caplog.set_level(logging.DEBUG)  # every record the driver (or anything else) logs
    result = run(*args, env=env)

    assert (password in result.stdout, password in result.stderr, password in caplog.text) == (
        False,
        False,
        False,
    )
    # The driver's debug log was captured: it shows the login, with the password masked.
    logins = [r.getMessage() for r in caplog.records if "C: LOGON" in r.getMessage()]
    assert (bool(logins), all("'credentials': '*******'" in m for m in logins)) == (
        outcome != "server-down",
        True,
    )
    if outcome == "success":
        assert (result.exit_code, result.stderr) == (0, "")
        return
    line = {
        "wrong-password": f"{uri}: the server refused user {user!r} with this password {REFUSED}",
        "server-down": f"{uri}: no Bolt server answers (connection refused)",
    }[outcome]
    if as_json:
        assert (result.exit_code, json.loads(result.stdout), result.stderr) == (
            2,
            {"ok": False, "error": line},
            "",
        )
    else:
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {line}\n")


def test_settings_targets_and_errors_never_show_the_password(
    sentinel: tuple[str, str, str], bolt_server_info: Any, store: Path
) -> None:
    user, password, decoy = sentinel
    flags = {
        "store": store,
        "neo4j_uri": bolt_server_info.uri,
        "neo4j_username": user,
        "neo4j_database": bolt_server_info.database,
    }
    from_flag = Settings.resolve({**flags, "neo4j_password": password}, {})
    from_env = Settings.resolve(flags, {"NEO4J_PASSWORD": password})
    targets = [api.neo4j_target(from_flag), api.neo4j_target(from_env)]
    in_uri = Neo4jTarget(
        uri=f"bolt://{user}:{password}@127.0.0.1:7687", username=user, database="neo4j"
    )
    shown = [
        text
        for obj in (from_flag, from_env, *targets, in_uri)
        for text in (
            repr(obj),
            str(obj),
            obj.model_dump_json(),
            json.dumps(obj.model_dump(), default=str),
        )
    ]
    assert ([password in text for text in shown], targets[0].password.get_secret_value()) == (
        [False] * len(shown),
        password,
    )

    with Neo4jStore.open(targets[0]) as opened:
        report = opened.load(api.load(store))
        shown = [
            repr(opened),
            repr(opened.target),
            repr(report),
            json.dumps(report.as_dict()),
            json.dumps(opened.server_info()),
        ]
    assert [password in text for text in shown] == [False] * len(shown)

    failures = [
        targets[0].model_copy(update={"username": decoy}),  # wrong password
        targets[0].model_copy(
            update={"uri": f"bolt://127.0.0.1:{free_ports(1)[0]}"}
        ),  # server down
        in_uri,  # a password written into the URI
    ]
    texts = []
    for target in failures:
        with pytest.raises(StoreUnavailable) as raised:
            api.neo4j_status(target)
        texts.append(_exception_text(raised.value))
    assert [password in text for text in texts] == [False, False, False]


def test_the_servers_logs_never_show_the_sentinel(
    sentinel: tuple[str, str, str], bolt_server_info: Any, store: Path
) -> None:
    user, password, decoy = sentinel
    for who in (user, decoy):  # one right password, one wrong
        run(
            "neo4j",
            "status",
            "--store",
            str(store),
            "--uri",
            bolt_server_info.uri,
            "--user",
            who,
            env={"NEO4J_PASSWORD": password},
        )
    server_dir = Path(bolt_server_info.server_dir)
    if bolt_server_info.engine == "neo4j":  # users live in the system database, hashed
        auth = (bolt_server_info.username, bolt_server_info.password.get_secret_value())
        with neo4j.GraphDatabase.driver(bolt_server_info.uri, auth=auth) as driver:
            records, _, _ = driver.execute_query("SHOW USERS YIELD user", database_="system")
        users = " ".join(r["user"] for r in records)
    else:
        users = (server_dir / "config" / "server-users.jsonl").read_text()
    assert (user in users, password in users, password in _server_files(server_dir)) == (
        True,
        False,
        False,
    )


def test_the_local_servers_password_never_shows(bolt_server_info: Any) -> None:
    server_dir = Path(bolt_server_info.server_dir)
    secret = bolt_server_info.password.get_secret_value()
    results = [
        run("server", *command, "--dir", str(server_dir), *fmt)
        for command in (["start"], ["status"])
        for fmt in ([], ["--json"])
    ]
    assert [(r.exit_code, secret in r.stdout, secret in r.stderr) for r in results] == [
        (0, False, False)
    ] * 4
    assert [json.loads(r.stdout)["passwordFile"] for r in results[1::2]] == [
        str(server_dir / "credentials.json")
    ] * 2
    proc = Path(f"/proc/{bolt_server_info.pid}")
    cmdline, environ = (
        (proc / "cmdline").read_bytes().decode(),
        (proc / "environ").read_bytes().decode(),
    )
    assert (
        secret in cmdline,
        secret in environ,
        secret in _server_files(server_dir),
        secret in repr(bolt_server_info),
    ) == (
        False,
        False,
        False,
        False,
    )
    assert not (server_dir / ".root-password").exists()
