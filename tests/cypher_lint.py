"""Check Cypher with Neo4j's own grammar, from Python tests (a helper, not a test file).

Runs ``node tools/cypher-lint/lint.mjs`` (npm ``@neo4j-cypher/language-support``,
``lintCypherQuery``, as Cypher 5) once for a whole batch of statements, so every
statement the project emits can be held to Neo4j 5 even where the local test server
is laxer. The first test that asks (:func:`available`) installs it with ``npm ci`` in
``tools/cypher-lint`` where npm is on PATH, so the README's test command runs these
tests on a fresh machine with Node; without npm (or offline) they skip, or fail under CI.

Each diagnostic is ``{"severity", "message", "line", "column"}`` with a 1-based line
and column; only ``severity == "error"`` makes a statement invalid. Unknown labels,
types and procedures are not reported (the schema is empty), nor are ``$parameters``
(bound at run time).
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["LINT_DIR", "available", "errors", "lint"]

LINT_DIR = Path(__file__).resolve().parent.parent / "tools" / "cypher-lint"
_PACKAGE = LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support"


@cache
def available() -> bool:
    """``node`` is on PATH and the linter's package is installed (by :func:`install` if need be)."""
    if shutil.which("node") is None:
        return False
    if not (_PACKAGE / "package.json").is_file():
        install()
    return (_PACKAGE / "package.json").is_file()


def install(*, timeout: float = 600.0) -> None:
    """``npm ci`` in ``tools/cypher-lint`` (the versions its lock file pins), once, where npm exists.

    A lock file keeps two test processes from installing at once; a failed
    install (no network) leaves the package missing, which :func:`available` reports.
    """
    npm = shutil.which("npm")
    if npm is None:
        return
    with open(LINT_DIR / ".install.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (_PACKAGE / "package.json").is_file():
            return
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=LINT_DIR, capture_output=True, timeout=timeout, check=False,
        )


def lint(statements: list[str], *, timeout: float = 600.0) -> list[list[dict[str, Any]]]:
    """The diagnostics of each statement, in order (``[]`` for a clean one).

    One ``node`` process lints the whole batch. Raises ``RuntimeError`` with the
    linter's message if it cannot run or rejects its input.
    """
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("cypher lint: node is not on PATH")
    result = subprocess.run(
        [node, str(LINT_DIR / "lint.mjs")],
        input=json.dumps(list(statements)),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=LINT_DIR,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"cypher lint: exit {result.returncode}: {result.stderr.strip()}")
    entries = json.loads(result.stdout)
    if [entry["index"] for entry in entries] != list(range(len(statements))):
        raise RuntimeError("cypher lint: output does not match the statements given")
    return [entry["diagnostics"] for entry in entries]


def errors(diagnostics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Only the diagnostics that make a statement invalid Neo4j 5 Cypher."""
    return [d for d in diagnostics if d["severity"] == "error"]
