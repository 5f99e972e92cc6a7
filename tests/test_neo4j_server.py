"""The local server's ``neo4j`` engine: a real Neo4j 5.26 community, started, reached,
refusing a wrong password, never showing the password, and stopped by SIGTERM.

One server serves the module (its last test stops and restarts it). Skipped where Java
17+ or Maven is missing, with what is missing, except under ``CI``, where that is a
failure. The tests of the missing-prerequisite message need no server.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from conftest import require
from server_helpers import run
from test_bolt_server import _listening_addresses

from oversight import api
from oversight.errors import ServerError
from oversight.graph import bolt_server, neo4j_server
from oversight.graph.bolt_server import free_ports

NEEDS = "neo4j engine needs Java 17+ and Maven (mvn) on PATH"


def _fake_tool(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(0o755)


def test_missing_java_and_maven_are_named(tmp_path: Path) -> None:
    with pytest.raises(ServerError) as raised:
        neo4j_server.find_runtime(path=str(tmp_path))
    assert str(raised.value) == f"{NEEDS}: java not found, mvn not found"


def test_missing_maven_alone_is_named(tmp_path: Path) -> None:
    _fake_tool(tmp_path, "java", 'echo \'openjdk version "17.0.15" 2025-04-15\' >&2')
    assert neo4j_server.missing_prerequisite(str(tmp_path)) == f"{NEEDS}: mvn not found"


def test_an_old_java_is_named(tmp_path: Path) -> None:
    _fake_tool(tmp_path, "java", 'echo \'java version "1.8.0_381"\' >&2')
    _fake_tool(tmp_path, "mvn", "exit 0")
    assert neo4j_server.missing_prerequisite(str(tmp_path)) == f"{NEEDS}: {tmp_path}/java is Java 8"


def test_the_cli_says_what_is_missing_in_one_line(tmp_path: Path) -> None:
    result = run("server", "start", "--engine", "neo4j", "--store", tmp_path, env={"PATH": str(tmp_path)})
    assert (result.exit_code, result.stderr) == (2, f"error: {NEEDS}: java not found, mvn not found\n")
    assert not (tmp_path / "server" / "server.json").exists()


def test_without_java_the_default_engine_is_arcadedb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert bolt_server.default_engine() == "arcadedb"


def test_an_unknown_engine_is_refused(tmp_path: Path) -> None:
    result = run("server", "start", "--engine", "neo5j", "--store", tmp_path)
    assert (result.exit_code, result.stderr) == (2, "error: 'neo5j': unknown server engine (known: neo4j, arcadedb)\n")


def test_an_import_directory_is_for_the_neo4j_engine_only(tmp_path: Path) -> None:
    with pytest.raises(ServerError) as raised:
        bolt_server.start(tmp_path / "server", engine="arcadedb", import_dir=tmp_path)
    assert str(raised.value) == f"{tmp_path}: an import directory for LOAD CSV is for the neo4j engine only"


def test_a_missing_import_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ServerError) as raised:
        bolt_server.start(tmp_path / "server", engine="neo4j", import_dir=tmp_path / "import")
    assert str(raised.value) == f"{tmp_path / 'import'}: the import directory for LOAD CSV does not exist"


# -- with a real Neo4j ------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store whose server/ runs Neo4j, started through the CLI as a user would."""
    require(
        neo4j_server.missing_prerequisite() is None,
        f"no real Neo4j here: {neo4j_server.missing_prerequisite()}",
    )
    root = tmp_path_factory.mktemp("neo4j-store") / "store"
    (bolt_port,) = free_ports(1)
    result = run("server", "start", "--engine", "neo4j", "--store", root, "--bolt-port", bolt_port)
    assert result.exit_code == 0, result.stderr
    yield root
    bolt_server.stop(root / "server")


@pytest.fixture(scope="module")
def server(store: Path) -> bolt_server.ServerInfo:
    info = bolt_server.status(store / "server")
    assert info is not None
    return info


def _driver(info: bolt_server.ServerInfo, password: str | None = None) -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(
        info.uri, auth=(info.username, password or info.password.get_secret_value())
    )


@pytest.mark.neo4j
def test_status_describes_a_neo4j_5_26_server(server: bolt_server.ServerInfo) -> None:
    assert (server.engine, server.username, server.database, server.http_port) == ("neo4j", "neo4j", "neo4j", None)
    assert server.uri == f"bolt://127.0.0.1:{server.bolt_port}"
    assert (server.version or "").startswith("Neo4j 5.26.")
    assert json.loads((server.server_dir / "server.json").read_text())["engine"] == "neo4j"


@pytest.mark.neo4j
def test_the_driver_runs_cypher(server: bolt_server.ServerInfo) -> None:
    with _driver(server) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS x", database_=server.database)
        agent = driver.get_server_info().agent
    assert ([r.data() for r in records], agent.startswith("Neo4j/5.26.")) == ([{"x": 1}], True)


@pytest.mark.neo4j
def test_a_wrong_password_is_refused(server: bolt_server.ServerInfo) -> None:
    with _driver(server, password="not-the-password") as driver, pytest.raises(neo4j.exceptions.AuthError):
        driver.verify_connectivity()


@pytest.mark.neo4j
def test_the_default_password_is_not_accepted(server: bolt_server.ServerInfo) -> None:
    with _driver(server, password="neo4j") as driver, pytest.raises(neo4j.exceptions.AuthError):
        driver.verify_connectivity()


@pytest.mark.neo4j
def test_start_again_returns_the_running_server(store: Path, server: bolt_server.ServerInfo) -> None:
    info, started = api.server_start(store)
    assert (info, started) == (server, False)
    with pytest.raises(ServerError, match="a neo4j server .* is running there; stop it before starting arcadedb"):
        api.server_start(store, engine="arcadedb")


@pytest.mark.neo4j
def test_the_password_is_never_shown(store: Path, server: bolt_server.ServerInfo) -> None:
    secret = server.password.get_secret_value()
    cmdline = Path(f"/proc/{server.pid}/cmdline").read_bytes().decode()
    logs = [server.log_path, server.server_dir / "jvm.args", *sorted((server.server_dir / "logs").glob("*"))]
    log = "".join(p.read_text(encoding="utf-8", errors="replace") for p in logs if p.is_file())
    outputs = "".join(
        r.stdout + r.stderr
        for r in (run("server", "status", "--store", store), run("server", "status", "--json", "--store", store))
    )
    assert (secret in cmdline, secret in log, secret in outputs, secret in repr(server)) == (False,) * 4
    assert "credentials.json" in outputs
    assert not (server.server_dir / bolt_server.PASSWORD_FILE).exists()


@pytest.mark.neo4j
def test_the_credentials_file_is_private(server: bolt_server.ServerInfo) -> None:
    path = server.server_dir / "credentials.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {"username": "neo4j", "password": server.password.get_secret_value()}


@pytest.mark.neo4j
def test_only_bolt_listens_and_on_loopback(server: bolt_server.ServerInfo) -> None:
    assert _listening_addresses(server.pid) == {("127.0.0.1", server.bolt_port)}


@pytest.mark.neo4j
def test_sigterm_stops_it_cleanly_and_a_restart_keeps_password_and_data(store: Path, server: bolt_server.ServerInfo) -> None:
    with _driver(server) as driver:
        driver.execute_query("CREATE (:Probe {key: 'kept'})", database_=server.database)
    stopped = run("server", "stop", "--store", store)
    assert (stopped.exit_code, stopped.stdout) == (0, "stopped the local Bolt server\n")
    assert not Path(f"/proc/{server.pid}").exists()
    assert not any(
        str(server.server_dir) in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        for pid in os.listdir("/proc")
        if pid.isdigit() and Path(f"/proc/{pid}/cmdline").exists()
    )
    # The launcher's shutdown hook ran: SIGTERM shut the DBMS down, not a kill.
    assert server.log_path.read_text().rstrip().endswith("oversight-neo4j-server: stopped")
    assert (bolt_server.status(store / "server"), (store / "server" / "ready.json").exists()) == (None, False)
    again = bolt_server.start(store / "server", engine="neo4j", bolt_port=server.bolt_port)
    try:
        with _driver(again) as driver:
            records, _, _ = driver.execute_query("MATCH (n:Probe) RETURN n.key AS key", database_=again.database)
        assert ([r.data() for r in records], again.password) == ([{"key": "kept"}], server.password)
    finally:
        bolt_server.stop(store / "server")
