"""The ``neo4j`` engine of the local server: a real Neo4j 5.26 community on 127.0.0.1.

:mod:`oversight.graph.bolt_server` starts, finds and stops it (``start(engine="neo4j")``);
this module only knows how to get the Neo4j jars and launch them:

- ``tools/neo4j-server`` in the source checkout is a pinned Maven project (Neo4j
  5.26.x community with its Bolt connector) plus one launcher class. :func:`build`
  runs ``mvn -B -q package dependency:build-classpath`` there, offline (``-o``) first
  and online only when the jars are not yet in ``~/.m2``, and keeps the result in
  ``target/`` (the launcher jar and ``classpath.txt``) until the project changes.
- The launcher starts the embedded DBMS with only Bolt listening, on 127.0.0.1 at
  the given port, authentication on; the password of the user ``neo4j`` comes from
  the 0600 file ``bolt_server`` writes for the start (removed once the server
  answers), never from the command line; HTTP is off. On SIGTERM its shutdown hook
  stops the DBMS cleanly. Once logins work it writes ``ready.json`` (pid, version).
  ``LOAD CSV`` may not read ``file:///`` URLs, unless the caller passes an import
  directory (``bolt_server.start(import_dir=…)``, used by the bench only): then only
  files in it.

Needs Java 17+ and Maven (``mvn``) on PATH; :func:`missing_prerequisite` says what is
missing, and :func:`oversight.graph.bolt_server.default_engine` falls back to ArcadeDB
when anything is. The functions here never print, never exit and raise
:class:`oversight.errors.ServerError`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from oversight.errors import ServerError
from oversight.graph import bolt_server
from oversight.graph.bolt_server import Engine, LaunchArgs

__all__ = ["ENGINE", "PROJECT", "Built", "Runtime", "build", "find_runtime", "missing_prerequisite"]

#: The pinned Maven project (in the source checkout, beside ``graph/``).
PROJECT = Path(__file__).resolve().parents[1] / "tools" / "neo4j-server"
MAIN_CLASS = "org.oversight.neo4jserver.Launcher"
USERNAME = "neo4j"
DATABASE = "neo4j"
NEEDS = "neo4j engine needs Java 17+ and Maven (mvn) on PATH"
_READY = "ready.json"
_STAMP = ".built"
_JAVA_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


@dataclass(frozen=True)
class Runtime:
    """The ``java`` (17+) and ``mvn`` found on PATH."""

    java: Path
    mvn: Path
    java_major: int


@dataclass(frozen=True)
class Built:
    """The built launcher: its jar and the class path of the Neo4j jars in ``~/.m2``."""

    jar: Path
    classpath: str


def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    match = _JAVA_VERSION.search(out.stderr + out.stdout)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


def find_runtime(path: str | None = None) -> Runtime:
    """Java 17+ and Maven from ``path`` (default: the PATH), and the Maven project.

    Raises
    ------
    ServerError
        One line naming what is missing, e.g. ``neo4j engine needs Java 17+ and Maven
        (mvn) on PATH: mvn not found``.
    """
    missing = []
    java = shutil.which("java", path=path)
    major = None
    if java is None:
        missing.append("java not found")
    else:
        major = _java_major(java)
        if major is None:
            missing.append(f"{java} did not report its version")
        elif major < 17:
            missing.append(f"{java} is Java {major}")
    mvn = shutil.which("mvn", path=path)
    if mvn is None:
        missing.append("mvn not found")
    if missing:
        raise ServerError(f"{NEEDS}: {', '.join(missing)}")
    if not (PROJECT / "pom.xml").is_file():
        raise ServerError(
            f"{PROJECT}: the neo4j engine needs the Maven project tools/neo4j-server of a "
            f"source checkout (pip install -e .)"
        )
    assert java is not None and mvn is not None and major is not None
    return Runtime(java=Path(java), mvn=Path(mvn), java_major=major)


def missing_prerequisite(path: str | None = None) -> str | None:
    """Why the neo4j engine cannot run here (one line), or ``None`` when it can."""
    try:
        find_runtime(path)
    except ServerError as exc:
        return str(exc)
    return None


def build(runtime: Runtime, project: Path = PROJECT) -> Built:
    """Build the launcher (once; again only when the project changed); what to run.

    Tries Maven offline first, so a machine with the jars in ``~/.m2`` needs no
    network; online only when that fails. Serialised across processes.

    Raises
    ------
    ServerError
        Maven failed (online too); the message ends with Maven's last lines.
    """
    target = project / "target"
    target.mkdir(exist_ok=True)
    jar, cp_file = target / "neo4j-server.jar", target / "classpath.txt"
    with _build_lock(target):
        built = _built(project, jar, cp_file)
        if built is not None:
            return built
        base = [
            str(runtime.mvn), "-B", "-q", "-f", str(project / "pom.xml"),
            "package", "dependency:build-classpath", f"-Dmdep.outputFile={cp_file}",
        ]  # fmt: skip
        failure = ""
        for offline in (True, False):
            try:
                done = subprocess.run(
                    base[:2] + (["-o"] if offline else []) + base[2:],
                    capture_output=True, text=True, timeout=1800, check=False,
                    cwd=project, stdin=subprocess.DEVNULL,
                )  # fmt: skip
            except (OSError, subprocess.SubprocessError) as exc:
                raise ServerError(f"{runtime.mvn}: cannot run Maven ({exc})") from exc
            if done.returncode == 0:
                (target / _STAMP).touch()
                built = _built(project, jar, cp_file)
                if built is not None:
                    return built
            failure = _tail(done.stdout + done.stderr)
        raise ServerError(f"{project}: mvn package failed: {failure}")


def _built(project: Path, jar: Path, cp_file: Path) -> Built | None:
    """The build output if its last successful build is newer than the project's sources
    and its jars exist (Maven leaves unchanged outputs untouched, so a stamp file says
    when it last succeeded)."""
    try:
        built_at = (jar.parent / _STAMP).stat().st_mtime
        jar.stat()
        classpath = cp_file.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    sources = [project / "pom.xml", *(project / "src").rglob("*.java")]
    if any(p.stat().st_mtime > built_at for p in sources):
        return None
    entries = classpath.split(os.pathsep) if classpath else []
    if not entries or not all(Path(e).is_file() for e in entries):
        return None
    return Built(jar=jar, classpath=classpath)


@contextlib.contextmanager
def _build_lock(target: Path) -> Iterator[None]:
    import fcntl  # POSIX only, like bolt_server

    fd = os.open(target / ".build.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _tail(text: str, lines: int = 5) -> str:
    kept = [line.strip() for line in text.splitlines() if line.strip()][-lines:]
    return " | ".join(kept) or "(no output)"


def _prepare() -> tuple[Runtime, Built]:
    runtime = find_runtime()
    return runtime, build(runtime)


def _launch(prepared: tuple[Runtime, Built], server_dir: Path, args: LaunchArgs) -> int:
    runtime, built = prepared
    jvm = [
        f"-Xmx{args.max_heap}",
        "-Djava.awt.headless=true",
        "-XX:+ExitOnOutOfMemoryError",
        "-cp",
        os.pathsep.join([str(built.jar), built.classpath]),
    ]
    main_args = [
        "-dir", str(server_dir),
        "-bolt-port", str(args.bolt_port),
        "-password-file", str(server_dir / bolt_server.PASSWORD_FILE),
    ]  # fmt: skip
    if args.import_dir is not None:  # LOAD CSV's file:/// URLs, asked for by the bench only
        main_args += ["-import-dir", str(args.import_dir)]
    return bolt_server.spawn(runtime.java, server_dir, jvm, MAIN_CLASS, main_args)


def _wait(pid: int, server_dir: Path, args: LaunchArgs, deadline: float) -> str | None:
    """Wait for the launcher's ``ready.json`` (written once logins work) and the Bolt handshake."""
    ready = server_dir / _READY
    while True:
        with contextlib.suppress(OSError, ValueError, TypeError):
            state = json.loads(ready.read_text(encoding="utf-8"))
            if int(state["pid"]) == pid and bolt_server.bolt_answers(args.bolt_port):
                return f"Neo4j {state['version']} {state['edition']}"
        bolt_server.check_alive_or_fail(pid, server_dir)
        bolt_server.check_deadline(deadline, server_dir, f"Neo4j on Bolt port {args.bolt_port}")
        time.sleep(0.2)


ENGINE = Engine(
    name="neo4j",
    username=USERNAME,
    main_class=MAIN_CLASS,
    default_database=DATABASE,
    uses_http=False,
    prepare=_prepare,
    launch=_launch,
    wait=_wait,
)
