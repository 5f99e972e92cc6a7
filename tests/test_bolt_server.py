"""The local Bolt server's ``arcadedb`` engine (the ``[server]`` extra) starts, answers and stops.

The ``neo4j`` engine has its own tests in test_neo4j_server.py.

One server serves the module; the stop and restart tests start their own. Skipped when
the extra is not installed, except under ``CI``, where that is a failure.
"""

from __future__ import annotations

import json
import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from oversight.errors import ServerError
from oversight.graph import bolt_server
from oversight.graph.bolt_server import free_ports

pytestmark = pytest.mark.neo4j


def _runtime_or_skip() -> bolt_server.Runtime:
    try:
        return bolt_server.find_runtime()
    except ServerError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the local Bolt server: {exc}")
        pytest.skip(f"arcadedb-jvm is not installed ({exc})")


def _listening_addresses(pid: int) -> set[tuple[str, int]]:
    """(address, port) of every TCP socket ``pid`` listens on, from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except FileNotFoundError:  # closed by the server between listing and reading: not a listener
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    found = set()
    for table, width in (("tcp", 4), ("tcp6", 16)):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in inodes:  # 0A: LISTEN
                continue
            hex_address, hex_port = local.split(":")
            raw = bytes.fromhex(hex_address)
            # /proc prints each 32-bit word in host (little-endian) order.
            raw = b"".join(raw[i : i + 4][::-1] for i in range(0, width, 4))
            address = socket.inet_ntop(socket.AF_INET if width == 4 else socket.AF_INET6, raw)
            found.add((address.removeprefix("::ffff:"), int(hex_port, 16)))
    return found


@pytest.fixture(scope="module")
def runtime() -> bolt_server.Runtime:
    return _runtime_or_skip()


@pytest.fixture(scope="module")
def server(
    runtime: bolt_server.Runtime, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[bolt_server.ServerInfo]:
    server_dir = tmp_path_factory.mktemp("bolt-server")
    bolt_port, http_port = free_ports(2)
    info = bolt_server.start(server_dir, bolt_port=bolt_port, http_port=http_port)
    yield info
    bolt_server.stop(server_dir)


def _driver(info: bolt_server.ServerInfo) -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(
        info.uri, auth=(info.username, info.password.get_secret_value())
    )


def test_runtime_points_at_bundled_java_and_jars(runtime: bolt_server.Runtime) -> None:
    assert (runtime.java.is_file(), runtime.jars.is_dir()) == (True, True)
    assert "arcadedb-mcp-" not in runtime.classpath()


def test_driver_runs_cypher_on_the_database(server: bolt_server.ServerInfo) -> None:
    with _driver(server) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS x", database_=server.database)
    assert [record.data() for record in records] == [{"x": 1}]


def test_status_reports_the_running_server(server: bolt_server.ServerInfo) -> None:
    assert bolt_server.status(server.server_dir) == server
    assert (server.uri, server.username, server.database) == (
        f"bolt://127.0.0.1:{server.bolt_port}",
        "root",
        "oversight",
    )


def test_start_twice_returns_the_same_server(server: bolt_server.ServerInfo) -> None:
    again = bolt_server.start(
        server.server_dir, bolt_port=server.bolt_port, http_port=server.http_port
    )
    assert again == server


def test_server_json_describes_the_server_without_the_password(
    server: bolt_server.ServerInfo,
) -> None:
    state = json.loads((server.server_dir / "server.json").read_text())
    assert state == {
        "engine": "arcadedb",
        "pid": server.pid,
        "uri": server.uri,
        "username": "root",
        "database": "oversight",
        "bolt_port": server.bolt_port,
        "http_port": server.http_port,
        "log_path": str(server.log_path),
        "started_at": server.started_at,
        "version": server.version,
    }


def test_password_is_not_in_the_log_nor_the_command_line(server: bolt_server.ServerInfo) -> None:
    secret = server.password.get_secret_value()
    cmdline = Path(f"/proc/{server.pid}/cmdline").read_bytes().decode()
    logs = [server.log_path, *sorted((server.server_dir / "log").iterdir())]
    log = "".join(path.read_text(encoding="utf-8", errors="replace") for path in logs)
    assert (secret in cmdline, secret in log, secret in repr(server)) == (False, False, False)
    assert not (server.server_dir / ".root-password").exists()


def test_credentials_file_is_private(server: bolt_server.ServerInfo) -> None:
    path = server.server_dir / "credentials.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {
        "username": "root",
        "password": server.password.get_secret_value(),
    }


def test_server_listens_on_loopback_only(server: bolt_server.ServerInfo) -> None:
    assert _listening_addresses(server.pid) == {
        ("127.0.0.1", server.bolt_port),
        ("127.0.0.1", server.http_port),
    }


def test_status_ignores_a_pid_that_is_not_our_server(
    runtime: bolt_server.Runtime, tmp_path: Path, server: bolt_server.ServerInfo
) -> None:
    state = json.loads((server.server_dir / "server.json").read_text())
    (tmp_path / "server.json").write_text(json.dumps({**state, "pid": os.getpid()}))
    (tmp_path / "credentials.json").write_text('{"username": "root", "password": "x"}')
    assert bolt_server.status(tmp_path) is None


@pytest.mark.parametrize(("taken_arg", "role"), [("bolt_port", "Bolt"), ("http_port", "HTTP")])
def test_port_in_use_is_named(
    runtime: bolt_server.Runtime, tmp_path: Path, taken_arg: str, role: str
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        bolt_port, http_port = free_ports(2)
        ports = {"bolt_port": bolt_port, "http_port": http_port, taken_arg: taken}
        with pytest.raises(ServerError) as raised:
            bolt_server.start(tmp_path, **ports)
    assert str(raised.value) == (
        f"port {taken} ({role}) on 127.0.0.1 is already in use by another process; "
        f"choose another {role.lower()} port"
    )
    assert not (tmp_path / "server.json").exists()


def test_stop_stops_the_server(runtime: bolt_server.Runtime, tmp_path: Path) -> None:
    bolt_port, http_port = free_ports(2)
    info = bolt_server.start(tmp_path, bolt_port=bolt_port, http_port=http_port)
    assert bolt_server.stop(tmp_path) is True
    assert bolt_server.status(tmp_path) is None
    assert not (tmp_path / "server.json").exists()
    assert not Path(f"/proc/{info.pid}").exists()
    assert bolt_server.stop(tmp_path) is False


def test_restart_keeps_credentials_and_data(runtime: bolt_server.Runtime, tmp_path: Path) -> None:
    bolt_port, http_port = free_ports(2)
    first = bolt_server.start(tmp_path, bolt_port=bolt_port, http_port=http_port)
    with _driver(first) as driver:
        driver.execute_query("CREATE (:Probe {key: 'kept'})", database_=first.database)
    bolt_server.stop(tmp_path)
    second = bolt_server.start(tmp_path, bolt_port=bolt_port, http_port=http_port)
    try:
        with _driver(second) as driver:
            records, _, _ = driver.execute_query(
                "MATCH (n:Probe) RETURN n.key AS key", database_=second.database
            )
        assert [r.data() for r in records] == [{"key": "kept"}]
        assert second.password == first.password
    finally:
        bolt_server.stop(tmp_path)


def test_bad_database_name_is_refused(runtime: bolt_server.Runtime, tmp_path: Path) -> None:
    with pytest.raises(ServerError) as raised:
        bolt_server.start(tmp_path, database="x; drop")
    assert str(raised.value) == (
        "'x; drop': not a database name (a letter, then letters, digits, '_' or '-')"
    )
