"""A server that stops answering is reported within a bound, in one line (issue 17).

A stopped (SIGSTOP) or hung server keeps its connections open: the kernel still
completes a new TCP connection, and nothing ever answers on it. The driver would
wait for ever; every call has a connect and a transaction timeout instead.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from oversight.errors import StoreUnavailable
from oversight.graph.neo4j_store import Neo4jStore, Neo4jTarget


@contextmanager
def silent_server() -> Iterator[int]:
    """A port whose connections are accepted by the kernel and never answered."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)  # never accept(): the backlog completes the handshake
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()


class FreezableProxy:
    """A TCP proxy to a real server that can stop forwarding, as a frozen server would."""

    def __init__(self, port: int) -> None:
        self.upstream = port
        self.frozen = threading.Event()
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.upstream))
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        ends = [a, b]
        while not self._stop.is_set():
            ready, _, _ = select.select(ends, [], [], 0.1)
            if self.frozen.is_set():
                continue  # hold everything: the client's bytes go nowhere, nothing comes back
            for end in ready:
                data = end.recv(65536)
                if not data:
                    return
                (b if end is a else a).sendall(data)

    def close(self) -> None:
        self._stop.set()
        self.listener.close()


def test_a_server_that_never_answers_is_reported_within_the_connect_timeout() -> None:
    with silent_server() as port:
        target = Neo4jTarget(uri=f"bolt://127.0.0.1:{port}", username="neo4j", password="x", database="neo4j", connect_timeout=1)
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match=r"did not answer within 1 s while connecting"):
            Neo4jStore.open(target)
        assert time.monotonic() - started < 5


def test_the_command_line_gives_one_line_and_exit_2_for_a_server_that_never_answers(tmp_path: Path) -> None:
    with silent_server() as port:
        env = {
            **os.environ,
            "NEO4J_URI": f"bolt://127.0.0.1:{port}",
            "NEO4J_PASSWORD": "x",
            "OVERSIGHT_NEO4J_CONNECT_TIMEOUT": "1",
        }
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "oversight", "neo4j", "status", "--store", str(tmp_path / "s")],
            capture_output=True, text=True, env=env, timeout=60,
        )
    assert (done.returncode, done.stderr.strip().count("\n"), time.monotonic() - started < 20) == (2, 0, True)
    assert "did not answer within 1 s while connecting" in done.stderr
    assert "OVERSIGHT_NEO4J_CONNECT_TIMEOUT" in done.stderr


def test_a_bad_timeout_setting_is_one_line_naming_the_variable(tmp_path: Path) -> None:
    env = {**os.environ, "OVERSIGHT_NEO4J_TIMEOUT": "soon"}
    done = subprocess.run(
        [sys.executable, "-m", "oversight", "neo4j", "status", "--store", str(tmp_path / "s")],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert (done.returncode, done.stderr.strip()) == (
        2, "error: OVERSIGHT_NEO4J_TIMEOUT=soon: input should be a valid number, unable to parse string as a number"
    )


@pytest.mark.neo4j
def test_a_server_that_freezes_during_a_read_is_reported_within_the_transaction_timeout(neo4j_target: Any) -> None:
    port = int(neo4j_target.uri.rsplit(":", 1)[1])
    proxy = FreezableProxy(port)
    try:
        target = neo4j_target.model_copy(update={"uri": f"bolt://127.0.0.1:{proxy.port}", "timeout": 1, "max_retry_time": 1})
        with Neo4jStore.open(target) as store:
            assert store.read("RETURN 1 AS one")[1] == [{"one": 1}]
            proxy.frozen.set()
            started = time.monotonic()
            # the client's bound (6 s: the timeout and the grace for the server's own refusal),
            # or sooner where the server asked the driver to time reads out itself
            with pytest.raises(StoreUnavailable, match=r"did not answer within 6 s while reading|no Bolt server answers"):
                store.read("RETURN 1 AS one")
            assert time.monotonic() - started < 10
    finally:
        proxy.close()


@pytest.mark.neo4j
def test_neo4j_load_against_a_stopped_server_process_ends_in_one_line(arcadedb_server_info: Any, tmp_path: Path, seeds: Path) -> None:
    """The reported attack: the server's process stopped with SIGSTOP during `neo4j load`."""
    store = tmp_path / "store"
    subprocess.run([sys.executable, "-m", "oversight", "ingest", str(next(seeds.glob("000_*.txt"))), "--store", str(store)],
                   check=True, capture_output=True, timeout=300)
    env = {
        **os.environ,
        "NEO4J_URI": arcadedb_server_info.uri,
        "NEO4J_USERNAME": arcadedb_server_info.username,
        "NEO4J_PASSWORD": arcadedb_server_info.password.get_secret_value(),
        "NEO4J_DATABASE": arcadedb_server_info.database,
        "OVERSIGHT_NEO4J_CONNECT_TIMEOUT": "2",
        "OVERSIGHT_NEO4J_TIMEOUT": "2",
    }
    os.kill(arcadedb_server_info.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "oversight", "neo4j", "load", "--store", str(store)],
                              capture_output=True, text=True, env=env, timeout=120)
        took = time.monotonic() - started
    finally:
        os.kill(arcadedb_server_info.pid, signal.SIGCONT)
    assert (done.returncode, done.stderr.strip().count("\n")) == (2, 0), done.stderr
    assert "did not answer within" in done.stderr
    assert took < 30
