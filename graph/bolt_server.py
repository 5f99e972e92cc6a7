"""A local Bolt/Cypher server: start, status and stop, for either engine.

Two engines, chosen by name (:data:`ENGINES`) and recorded in ``server.json`` so
:func:`status` and :func:`stop` need not be told which one runs:

``neo4j``
    A real Neo4j 5.26 community, built by the pinned Maven project
    ``tools/neo4j-server`` (needs Java 17+ and Maven on PATH; the jars are cached in
    ``~/.m2`` after the first build). See :mod:`oversight.graph.neo4j_server`.
    The default where Java and Maven are present (:func:`default_engine`).
``arcadedb``
    The pure-pip option, described below.

What follows describes ArcadeDB; the files common to both (credentials, server.json,
server.log, jvm.args) are the same for Neo4j, whose data lives in ``data/`` and ``logs/``.

This runs ArcadeDB (PyPI ``arcadedb-jvm``, the optional extra ``[server]``: it bundles a
Java runtime and the server jars) as a detached background process that speaks Bolt on
127.0.0.1, so the official ``neo4j`` driver, ``cypher-shell`` and this project's Neo4j
store talk to it as to a Neo4j server. It is a convenience and the test backend, not a
Neo4j: its Cypher is laxer in places (it accepts writes in a read transaction, for
one) and lacks some Neo4j 5 forms (``SHORTEST k`` path selectors), which is why the
tests also lint every statement with Neo4j's own grammar.

**Production use means Neo4j 5** (Docker, Desktop or Aura). For example::

    docker run -p7474:7474 -p7687:7687 -e NEO4J_AUTH=neo4j/<password> neo4j:5

then point the project at it with ``NEO4J_URI`` (``bolt://localhost:7687``),
``NEO4J_USERNAME`` (``neo4j``), ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` (``neo4j``).

Everything about one local server lives in its *server directory*:

``credentials.json``
    The root user's name and its random password, made on first start
    (``secrets.token_urlsafe``), mode 0600. It is the only copy of the secret at rest:
    the password is handed to the JVM through a 0600 file named by
    ``arcadedb.server.rootPasswordPath``, removed again once the server answers, so it
    never appears on the process command line (``ps``) nor in the log.
``jvm.args``
    The Java argument file (``java @jvm.args``): class path and settings, no secret.
``server.json``
    What is running: pid, ports, database, URI, user name, start time, version.
``server.log``
    The server's standard output and error.
``config/``, ``databases/``, ``log/``, ``backups/``
    ArcadeDB's own files.

Every listener binds 127.0.0.1 only: Bolt, and ArcadeDB's HTTP API (which also serves
its Studio web page); the MCP plugin jar is left off the class path. The functions here
never print, never exit and read no setting from the environment (the neo4j engine
looks for ``java`` and ``mvn`` on PATH): callers pass everything in, and failures raise :class:`oversight.errors.ServerError`. POSIX only (Linux, macOS).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import errno
import importlib.metadata
import importlib.util
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, SecretStr

from oversight.errors import ServerError

__all__ = [
    "ENGINES",
    "Engine",
    "LaunchArgs",
    "Runtime",
    "ServerInfo",
    "default_engine",
    "get_engine",
    "find_runtime",
    "free_ports",
    "start",
    "status",
    "stop",
]

HOST = "127.0.0.1"
USERNAME = "root"
MAIN_CLASS = "com.arcadedb.server.ArcadeDBServer"
#: The engines :func:`start` knows, by name; ``server.json`` records which one runs.
ENGINES = ("neo4j", "arcadedb")
MISSING_EXTRA = "local server needs the [server] extra: pip install 'oversight-graph[server]'"

# Jars left off the class path: the MCP plugin is auto-discovered from the class path
# whatever ``arcadedb.server.plugins`` says, and a Cypher sandbox has no use for it.
_EXCLUDED_JARS = ("arcadedb-mcp-",)
_CREDENTIALS = "credentials.json"
#: The read-only user's name and password (mode 0600), made on first start of ArcadeDB.
_READER = "reader.json"
#: The read-only user's name on ArcadeDB: a member of the server's built-in ``readonly``
#: group (read records of every type, nothing else), so the server refuses any write.
READER_USERNAME = "reader"
_SERVER_JSON = "server.json"
_LOG = "server.log"
_ARGFILE = "jvm.args"
PASSWORD_FILE = ".root-password"
_LOCK = ".lock"
_DATABASE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,62}")
_BOLT_MAGIC = b"\x60\x60\xb0\x17"
# Bolt handshake: offer 5.4..5.0 (one range entry), 4.4..4.2, then nothing.
_BOLT_VERSIONS = b"\x00\x04\x04\x05" + b"\x00\x02\x04\x04" + b"\x00" * 8
_POLL = 0.2


@dataclass(frozen=True)
class Runtime:
    """Where the ``arcadedb-jvm`` package keeps its Java runtime and jars."""

    java: Path
    jars: Path
    package_version: str

    def classpath(self) -> str:
        """The server's class path: every bundled jar except the excluded plugins."""
        jars = sorted(
            p
            for p in self.jars.glob("*.jar")
            if not any(p.name.startswith(prefix) for prefix in _EXCLUDED_JARS)
        )
        return os.pathsep.join(str(p) for p in jars)


class ServerInfo(BaseModel):
    """How to reach a running local server; the password prints as ``**********``."""

    model_config = ConfigDict(frozen=True)

    uri: str
    username: str
    password: SecretStr
    database: str
    pid: int
    bolt_port: int
    http_port: int | None
    server_dir: Path
    log_path: Path
    started_at: str
    version: str | None = None
    engine: str = "arcadedb"
    #: A user the server itself allows only to read (ArcadeDB); None where the engine has
    #: no such user (Neo4j community has no roles: read transactions and the plan's query
    #: type keep `oversight cypher` read-only there).
    read_username: str | None = None
    read_password: SecretStr | None = None


def find_runtime() -> Runtime:
    """Locate the bundled Java and jars of the installed ``arcadedb`` package.

    The package is found with :func:`importlib.util.find_spec`, which does not import
    it (importing it would load JPype).

    Raises
    ------
    ServerError
        When the ``[server]`` extra (``arcadedb-jvm``) is not installed, or is
        missing its Java runtime or jars.

    Examples
    --------
    >>> find_runtime().java.name  # doctest: +SKIP
    'java'
    """
    try:
        spec = importlib.util.find_spec("arcadedb")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ServerError(MISSING_EXTRA)
    package = Path(next(iter(spec.submodule_search_locations)))
    java = package / "jre" / "bin" / ("java.exe" if os.name == "nt" else "java")
    jars = package / "jars"
    if not java.is_file() or not any(jars.glob("arcadedb-server-*.jar")):
        raise ServerError(MISSING_EXTRA)
    try:
        version = importlib.metadata.version("arcadedb-jvm")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    return Runtime(java=java, jars=jars, package_version=version)


@dataclass(frozen=True)
class LaunchArgs:
    """What :func:`start` hands an engine's ``launch`` and ``wait``."""

    password: str
    bolt_port: int
    http_port: int | None
    database: str
    max_heap: str
    #: Neo4j only: the directory ``LOAD CSV`` may read ``file:///`` URLs from (None: refused).
    import_dir: Path | None = None


@dataclass(frozen=True)
class Engine:
    """One engine's way to find, launch, recognise and wait for its JVM.

    ``prepare`` finds (or builds) what the engine needs and raises
    :class:`ServerError` naming what is missing; ``launch`` spawns the detached JVM
    (see :func:`spawn`) and returns its pid; ``wait`` returns once the server accepts
    the password, with its version string. The JVM's command line is
    ``java @<server_dir>/jvm.args <main_class> …``, which is how :func:`status` and
    :func:`stop` recognise it.
    """

    name: str
    username: str
    main_class: str
    default_database: str
    uses_http: bool
    prepare: Callable[[], Any]
    launch: Callable[[Any, Path, LaunchArgs], int]
    wait: Callable[[int, Path, LaunchArgs, float], str | None]


def get_engine(name: str) -> Engine:
    """The engine called ``name`` (one of :data:`ENGINES`).

    Raises
    ------
    ServerError
        For an unknown name.
    """
    if name == "arcadedb":
        return _ARCADEDB
    if name == "neo4j":
        from oversight.graph.neo4j_server import ENGINE

        return ENGINE
    raise ServerError(f"{name!r}: unknown server engine (known: {', '.join(ENGINES)})")


def default_engine() -> str:
    """``neo4j`` where its prerequisites (Java 17+, Maven, the Maven project) are present, else ``arcadedb``."""
    from oversight.graph.neo4j_server import missing_prerequisite

    return "arcadedb" if missing_prerequisite() else "neo4j"


def start(
    server_dir: Path,
    *,
    engine: str = "arcadedb",
    bolt_port: int = 7687,
    http_port: int | None = 2480,
    database: str | None = None,
    timeout: float = 300.0,
    max_heap: str = "1g",
    import_dir: Path | None = None,
) -> ServerInfo:
    """Start the local server for ``server_dir``, or return the one already running.

    The JVM runs detached (its own session), so it outlives the caller; stop it with
    :func:`stop`. The first start makes the password; later starts reuse it.

    Parameters
    ----------
    server_dir
        The server's directory (created, mode 0700, if missing).
    engine
        ``neo4j`` or ``arcadedb`` (:data:`ENGINES`); callers that want the
        machine's best choice pass :func:`default_engine`.
    bolt_port, http_port
        Ports on 127.0.0.1 for Bolt and, for ArcadeDB only, its HTTP API (used here
        to create the database; it also serves the Studio web page). Neo4j opens no
        HTTP port and ignores ``http_port``.
    database
        ArcadeDB: created if missing (default ``oversight``), also the Bolt default
        database. Neo4j community has one database, ``neo4j``, and refuses another.
    timeout
        Seconds to wait for the server to answer before giving up and killing it
        (a first Neo4j start also builds the Maven project, which is not counted).
    max_heap
        The JVM's ``-Xmx``.
    import_dir
        Neo4j only, and only when asked for (the bench's ``LOAD CSV`` method): an
        existing directory that ``LOAD CSV`` resolves ``file:///`` URLs against. By
        default the server refuses file URLs altogether.

    Returns
    -------
    ServerInfo
        What to pass to ``neo4j.GraphDatabase.driver``; when a server was already
        running for ``server_dir``, its info, even if other ports were asked for.

    Raises
    ------
    ServerError
        The engine's prerequisites are missing (the message names what), a port is
        taken (the message names it), the database name is not a plain name, a
        server of the other engine runs there, or the server did not come up.

    Examples
    --------
    >>> info = start(Path(".oversight/server"), engine="neo4j")  # doctest: +SKIP
    >>> info.uri  # doctest: +SKIP
    'bolt://127.0.0.1:7687'
    """
    spec = get_engine(engine)
    database = database or spec.default_database
    if not _DATABASE_NAME.fullmatch(database):
        raise ServerError(
            f"{database!r}: not a database name (a letter, then letters, digits, '_' or '-')"
        )
    if spec.name == "neo4j" and database != spec.default_database:
        raise ServerError(
            f"{database!r}: Neo4j community has one database, {spec.default_database!r}"
        )
    if import_dir is not None:
        if spec.name != "neo4j":
            raise ServerError(f"{import_dir}: an import directory for LOAD CSV is for the neo4j engine only")
        import_dir = Path(import_dir).absolute()
        if not import_dir.is_dir():
            raise ServerError(f"{import_dir}: the import directory for LOAD CSV does not exist")
    if not spec.uses_http:
        http_port = None
    elif http_port is None or bolt_port == http_port:
        raise ServerError(f"port {bolt_port}: Bolt and HTTP need two different ports")
    runtime = spec.prepare()
    server_dir = Path(server_dir).absolute()
    server_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    with _locked(server_dir):
        running = status(server_dir)
        if running is not None:
            if running.engine != spec.name:
                raise ServerError(
                    f"{server_dir}: a {running.engine} server (pid {running.pid}) is running "
                    f"there; stop it before starting {spec.name}"
                )
            return running
        state = _read_state(server_dir)
        if state is not None and _is_our_server(_pid_of(state), server_dir, _engine_of(state)):
            raise ServerError(
                f"{server_dir}: a server (pid {state['pid']}) is running but its Bolt port "
                f"{state.get('bolt_port')} does not answer; stop it first"
            )
        _remove(server_dir / _SERVER_JSON)
        _check_port_free(bolt_port, "Bolt")
        if http_port is not None:
            _check_port_free(http_port, "HTTP")
        password = _credentials(server_dir, spec.username)
        args = LaunchArgs(password, bolt_port, http_port, database, max_heap, import_dir)
        _write_private(server_dir / PASSWORD_FILE, password)
        try:
            pid = spec.launch(runtime, server_dir, args)
        except BaseException:
            _remove(server_dir / PASSWORD_FILE)
            raise
        try:
            version = spec.wait(pid, server_dir, args, time.monotonic() + timeout)
        except BaseException:
            _terminate(pid, grace=10.0)
            raise
        finally:
            _remove(server_dir / PASSWORD_FILE)
        started_at = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        state = {
            "engine": spec.name,
            "pid": pid,
            "uri": f"bolt://{HOST}:{bolt_port}",
            "username": spec.username,
            "database": database,
            "bolt_port": bolt_port,
            "http_port": http_port,
            "log_path": str(server_dir / _LOG),
            "started_at": started_at,
            "version": version,
        }
        _write_private(server_dir / _SERVER_JSON, json.dumps(state, indent=2) + "\n", mode=0o644)
        return _info(server_dir, state, password)


def status(server_dir: Path) -> ServerInfo | None:
    """The running server of ``server_dir``, or ``None``.

    ``None`` unless ``server.json`` names a live process that is this directory's
    JVM of the engine it records (a reused pid does not count) and its Bolt port
    answers a Bolt handshake.

    Examples
    --------
    >>> status(Path(".oversight/server")) is None  # doctest: +SKIP
    True
    """
    server_dir = Path(server_dir).absolute()
    state = _read_state(server_dir)
    if state is None:
        return None
    try:
        pid = int(state["pid"])
        bolt_port = int(state["bolt_port"])
    except (KeyError, TypeError, ValueError):
        return None
    if not _is_our_server(pid, server_dir, _engine_of(state)) or not bolt_answers(bolt_port):
        return None
    password = _read_password(server_dir)
    if password is None:
        return None
    try:
        return _info(server_dir, state, password)
    except (KeyError, TypeError, ValueError):
        return None


def stop(server_dir: Path, *, timeout: float = 30.0) -> bool:
    """Stop the server of ``server_dir``: SIGTERM, then SIGKILL after ``timeout`` s.

    Removes ``server.json``; the data and credentials stay for the next start.

    Returns
    -------
    bool
        ``True`` if a server was running and has stopped, ``False`` if none was.

    Raises
    ------
    ServerError
        The process survived SIGKILL, or may not be signalled.

    Examples
    --------
    >>> stop(Path(".oversight/server"))  # doctest: +SKIP
    True
    """
    server_dir = Path(server_dir).absolute()
    if not server_dir.is_dir():
        return False
    with _locked(server_dir):
        state = _read_state(server_dir)
        if state is None:
            return False
        pid = _pid_of(state)
        running = _is_our_server(pid, server_dir, _engine_of(state))
        if running:
            _terminate(pid, grace=timeout)
        _remove(server_dir / _SERVER_JSON)
        return running


# --- process ----------------------------------------------------------------------

# Children started by this process, kept so they are reaped (no zombies, no
# ResourceWarning from a garbage-collected Popen) when stopped from here.
_children: dict[int, subprocess.Popen[bytes]] = {}


def _launch(runtime: Runtime, server_dir: Path, args: LaunchArgs) -> int:
    """Spawn ArcadeDB; the root password goes through the 0600 file :func:`start` wrote."""
    settings = {
        "arcadedb.server.rootPath": server_dir,
        "arcadedb.server.databaseDirectory": server_dir / "databases",
        "arcadedb.server.backupDirectory": server_dir / "backups",
        "arcadedb.server.logsDirectory": server_dir / "log",
        "arcadedb.server.rootPasswordPath": server_dir / PASSWORD_FILE,
        "arcadedb.server.plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "arcadedb.server.httpIncomingHost": HOST,
        "arcadedb.server.httpIncomingPort": args.http_port,
        "arcadedb.bolt.host": HOST,
        "arcadedb.bolt.port": args.bolt_port,
        "arcadedb.bolt.defaultDatabase": args.database,
    }
    jvm = [
        f"-Xmx{args.max_heap}",
        "-Djava.awt.headless=true",
        "-XX:+ExitOnOutOfMemoryError",
        "-cp",
        runtime.classpath(),
        *(f"-D{key}={value}" for key, value in settings.items()),
    ]
    return spawn(runtime.java, server_dir, jvm, MAIN_CLASS, [])


def spawn(java: Path, server_dir: Path, jvm: list[str], main_class: str, main_args: list[str]) -> int:
    """Start ``java @<server_dir>/jvm.args main_class main_args…`` detached; its pid.

    ``jvm`` (the JVM options and class path, no secret) goes into the argument file;
    standard output and error are appended to ``server.log``. The process gets its
    own session, so it outlives the caller.
    """
    argfile = server_dir / _ARGFILE
    _write_private(argfile, "".join(_argfile_quote(a) + "\n" for a in jvm))
    log = open(server_dir / _LOG, "ab")  # the child keeps its own copy of the descriptor
    try:
        proc = subprocess.Popen(
            [str(java), f"@{argfile}", main_class, *main_args],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=server_dir,
            start_new_session=True,
            close_fds=True,
        )
    except OSError as exc:
        raise ServerError(f"{java}: cannot start Java ({exc.strerror})") from exc
    finally:
        log.close()
    _children[proc.pid] = proc
    return proc.pid


def _wait_arcadedb(pid: int, server_dir: Path, args: LaunchArgs, deadline: float) -> str | None:
    """Wait for Bolt and the HTTP API, create the database if missing; the version."""
    assert args.http_port is not None
    _wait_until_up(pid, server_dir, args.bolt_port, args.http_port, deadline)
    try:
        version = _ensure_database(args.http_port, args.password, args.database, deadline)
        _ensure_reader(server_dir, args.http_port, args.password, args.database, deadline)
        return version
    except ServerError as exc:
        cause = exc.__cause__
        if isinstance(cause, urllib.error.HTTPError) and cause.code == 401:
            raise ServerError(
                f"{server_dir / _CREDENTIALS}: the server refuses this password; its root "
                f"user (config/server-users.jsonl) was made with another one"
            ) from exc
        raise


_ARCADEDB = Engine(
    name="arcadedb",
    username=USERNAME,
    main_class=MAIN_CLASS,
    default_database="oversight",
    uses_http=True,
    prepare=lambda: find_runtime(),
    launch=_launch,
    wait=_wait_arcadedb,
)


def _argfile_quote(arg: str) -> str:
    """Quote one argument for a ``java @file`` argument file."""
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _wait_until_up(
    pid: int, server_dir: Path, bolt_port: int, http_port: int, deadline: float
) -> None:
    """Wait for the Bolt handshake, then for the HTTP API's readiness probe."""
    while not bolt_answers(bolt_port):
        check_alive_or_fail(pid, server_dir)
        check_deadline(deadline, server_dir, f"Bolt port {bolt_port}")
        time.sleep(_POLL)
    while True:
        try:
            _http(http_port, "GET", "/api/v1/ready", password=None, timeout=2.0)
            return
        except ServerError:
            pass
        check_alive_or_fail(pid, server_dir)
        check_deadline(deadline, server_dir, f"HTTP port {http_port}")
        time.sleep(_POLL)


def check_alive_or_fail(pid: int, server_dir: Path) -> None:
    if not _alive(pid):
        raise ServerError(
            f"{server_dir / _LOG}: the server exited while starting: {_log_tail(server_dir)}"
        )


def check_deadline(deadline: float, server_dir: Path, what: str) -> None:
    if time.monotonic() > deadline:
        raise ServerError(
            f"{server_dir / _LOG}: {what} did not answer in time: {_log_tail(server_dir)}"
        )


def _log_tail(server_dir: Path, lines: int = 3) -> str:
    try:
        text = (server_dir / _LOG).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    tail = [line.strip() for line in text.splitlines() if line.strip()][-lines:]
    return " | ".join(tail) or "(empty log)"


def _terminate(pid: int, *, grace: float) -> None:
    """SIGTERM, wait up to ``grace`` seconds, then SIGKILL; reap our own child."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 10.0)):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            break
        except PermissionError as exc:
            raise ServerError(f"pid {pid}: not allowed to stop the server") from exc
        deadline = time.monotonic() + wait
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(_POLL)
        if not _alive(pid):
            break
    else:
        raise ServerError(f"pid {pid}: the server did not stop after SIGKILL")
    _children.pop(pid, None)


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (zombies count as dead; our own children are reaped)."""
    if pid <= 0:
        return False
    child = _children.get(pid)
    if child is not None:
        if child.poll() is not None:
            _children.pop(pid, None)
            return False
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError):
        # The state follows the parenthesised command name, which may hold spaces.
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


def _cmdline(pid: int) -> list[str]:
    proc = Path(f"/proc/{pid}/cmdline")
    if Path("/proc/self").exists():
        try:
            return proc.read_bytes().decode(errors="replace").split("\0")[:-1]
        except OSError:
            return []
    try:  # macOS and other systems without /proc: one string, split on spaces.
        out = subprocess.run(
            ["ps", "-ww", "-o", "command=", "-p", str(pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    except OSError:
        return []
    return out.split()


def _is_our_server(pid: int, server_dir: Path, engine_name: str) -> bool:
    """``pid`` is alive and is the JVM of ``engine_name`` launched for ``server_dir``."""
    if not _alive(pid):
        return False
    try:
        main_class = get_engine(engine_name).main_class
    except ServerError:
        return False
    argv = _cmdline(pid)
    return (
        len(argv) >= 3
        and Path(argv[0]).name.startswith("java")
        and argv[1] == f"@{server_dir / _ARGFILE}"
        and argv[2] == main_class
    )


# --- network ----------------------------------------------------------------------


def free_ports(count: int) -> list[int]:
    """``count`` distinct TCP ports free on :data:`HOST` right now, for ``start(bolt_port=…, http_port=…)``.

    All are held open together while chosen, so they differ; another process
    may still take one before the server binds it, which ``start`` reports.
    """
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sockets.append(sock)
            sock.bind((HOST, 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _check_port_free(port: int, role: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As Java's server sockets do, so a port in TIME_WAIT is not "in use".
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                raise ServerError(
                    f"port {port} ({role}) on {HOST} is already in use by another process; "
                    f"choose another {role.lower()} port"
                ) from exc
            raise ServerError(f"port {port} ({role}) on {HOST}: {exc.strerror}") from exc


def bolt_answers(port: int, timeout: float = 1.0) -> bool:
    """A Bolt server on ``port`` accepts a connection and agrees a protocol version."""
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            sock.sendall(_BOLT_MAGIC + _BOLT_VERSIONS)
            reply = b""
            while len(reply) < 4:
                chunk = sock.recv(4 - len(reply))
                if not chunk:
                    return False
                reply += chunk
    except OSError:
        return False
    return reply != b"\x00\x00\x00\x00"


def _http(
    port: int,
    method: str,
    path: str,
    *,
    password: str | None,
    body: dict[str, str] | None = None,
    timeout: float = 10.0,
) -> dict[str, object]:
    request = urllib.request.Request(
        f"http://{HOST}:{port}{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json"} if body is not None else {},
    )
    if password is not None:
        token = base64.b64encode(f"{USERNAME}:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode(errors="replace")
        with contextlib.suppress(ValueError, AttributeError):
            detail = str(json.loads(detail).get("detail") or detail)
        raise ServerError(f"{method} {path} on port {port}: HTTP {exc.code}: {detail}") from exc
    except (OSError, ValueError) as exc:
        raise ServerError(f"{method} {path} on port {port}: {exc}") from exc
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise ServerError(f"{method} {path} on port {port}: not JSON") from exc
    return data if isinstance(data, dict) else {"result": data}


def _ensure_database(http_port: int, password: str, database: str, deadline: float) -> str | None:
    """Create ``database`` unless it exists; return the server's version string."""
    timeout = max(1.0, deadline - time.monotonic())
    exists = _http(
        http_port, "GET", f"/api/v1/exists/{database}", password=password, timeout=timeout
    )
    if exists.get("result") is not True:
        _http(
            http_port,
            "POST",
            "/api/v1/server",
            password=password,
            timeout=timeout,
            body={"command": f"create database {database}"},
        )
    info = _http(http_port, "GET", "/api/v1/server?mode=basic", password=password, timeout=timeout)
    version = info.get("version")
    return str(version) if version is not None else None


def _ensure_reader(server_dir: Path, http_port: int, password: str, database: str, deadline: float) -> None:
    """Make (or remake) the read-only user with its saved password, on ``database`` only.

    Dropped and created on every start, so the server's user list always matches the
    0600 file beside it and names only the database this server serves.
    """
    timeout = max(1.0, deadline - time.monotonic())
    reader_password = _reader_password(server_dir)
    with contextlib.suppress(ServerError):  # absent on a first start
        _http(http_port, "POST", "/api/v1/server", password=password, timeout=timeout,
              body={"command": f"drop user {READER_USERNAME}"})
    user = {"name": READER_USERNAME, "password": reader_password, "databases": {database: ["readonly"]}}
    _http(http_port, "POST", "/api/v1/server", password=password, timeout=timeout,
          body={"command": "create user " + json.dumps(user)})


def _reader_password(server_dir: Path) -> str:
    """The read-only user's password, made (mode 0600) on first use."""
    saved = _read_password(server_dir, _READER)
    if saved is not None:
        return saved
    made = secrets.token_urlsafe(24)
    _write_private(server_dir / _READER, json.dumps({"username": READER_USERNAME, "password": made}) + "\n")
    return made


# --- files ------------------------------------------------------------------------


@contextlib.contextmanager
def _locked(server_dir: Path) -> Iterator[None]:
    """Serialise start and stop on one directory across processes."""
    import fcntl  # POSIX only, like the rest of this module

    fd = os.open(server_dir / _LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _write_private(path: Path, text: str, mode: int = 0o600) -> None:
    """Write ``text`` to ``path`` atomically, created with ``mode`` from the start."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _remove(tmp)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _credentials(server_dir: Path, username: str) -> str:
    """The password, made (and saved with ``username``, mode 0600) on first use.

    Both engines share it: a directory that ran one engine and then the other keeps
    its password, and the file names the user of the engine started last.
    """
    path = server_dir / _CREDENTIALS
    password = _read_password(server_dir)
    if password is None:
        if path.exists():
            raise ServerError(
                f"{path}: unreadable credentials; remove it and the server's data "
                f"(config/ for ArcadeDB, data/ for Neo4j)"
            )
        password = secrets.token_urlsafe(24)
    else:
        with contextlib.suppress(OSError, ValueError):
            if json.loads(path.read_text(encoding="utf-8")).get("username") == username:
                return password
    _write_private(path, json.dumps({"username": username, "password": password}) + "\n")
    return password


def _read_password(server_dir: Path, name: str = _CREDENTIALS) -> str | None:
    """The password saved in ``server_dir/name`` (the server's own, or with ``_READER`` the
    read-only user's); None when the file is missing, unreadable or holds none."""
    try:
        data = json.loads((server_dir / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    password = data.get("password") if isinstance(data, dict) else None
    return password if isinstance(password, str) and password else None


def _read_state(server_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((server_dir / _SERVER_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _engine_of(state: dict[str, Any]) -> str:
    """The engine ``server.json`` records; ArcadeDB for files from before there were two."""
    return str(state.get("engine") or "arcadedb")


def _pid_of(state: dict[str, Any]) -> int:
    try:
        return int(state["pid"])
    except (KeyError, TypeError, ValueError):
        return 0


def _info(server_dir: Path, state: dict[str, Any], password: str) -> ServerInfo:
    version = state.get("version")
    http_port = state.get("http_port")
    return ServerInfo(
        uri=str(state["uri"]),
        username=str(state.get("username", USERNAME)),
        password=SecretStr(password),
        database=str(state["database"]),
        pid=int(state["pid"]),
        bolt_port=int(state["bolt_port"]),
        http_port=None if http_port is None else int(http_port),
        server_dir=server_dir,
        log_path=server_dir / _LOG,
        started_at=str(state.get("started_at", "")),
        version=None if version is None else str(version),
        engine=_engine_of(state),
        **_reader_of(server_dir, state),
    )


def _reader_of(server_dir: Path, state: dict[str, Any]) -> dict[str, Any]:
    """The read-only user's name and password, for an ArcadeDB server that has one."""
    reader = _read_password(server_dir, _READER) if _engine_of(state) == "arcadedb" else None
    if reader is None:
        return {}
    return {"read_username": READER_USERNAME, "read_password": SecretStr(reader)}
