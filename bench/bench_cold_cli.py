"""The command line at national scale: a catalogue question from the shell, cold, before and after the store index.

Every ``oversight`` command is a fresh process: it imports the tool, opens the
store and answers. Before the store index (:data:`BEFORE`), opening meant
parsing all of ``graph.json`` (64 MB at 43 forces) and rebuilding the graph
through the merge rules; now the graph comes from ``graph.sqlite``
(``graph/store_index.py``), and the JSON is read only when the index is stale.
This module times both, for ``bench/run.py`` (section ``cold-cli``):

- **before and after, side by side**: one question (:data:`QUESTION`) run as a
  fresh process on the same store, ``runs`` times each, alternating which goes
  first; "before" is the tool at :data:`BEFORE`, exported from git
  (``git archive``) and run by this file as a launcher, which imports that
  tree instead of this one (:func:`command`); "after" is this tree. Wall time
  and the CPU the process used (user + system, from ``getrusage`` of the
  children: steadier on a shared machine), their p50 and p95, and the ratio
  after / before. The two must print the same rows.
- **the first open after an upgrade**: this tree on the store with its index
  removed, once: the JSON parsed and the index written (what the first
  command after ingesting with an older version pays).
- **every question**: each catalogue question, this tree, at the largest size
  (realistic parameters: ``bench_neo4j.question_params``), to show the goal
  (under 1 s at 43 forces) holds for any of them, not only one.

Each command prints JSON (``--json``), the output a script reads; the table a
person reads costs rich's rendering on top (``tableSeconds`` beside, once).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

#: The commit before the store index: the "before" of every comparison.
BEFORE = "c58d1e3"
#: The question timed before and after (the one the issue measured: 8.4 s at 43 forces).
QUESTION = "governance-gaps"
#: The goal: any catalogue question from the shell, cold, under this many seconds at 43 forces.
GOAL_SECONDS = 1.0


def export_tree(commit: str, dest: Path) -> Path:
    """The repository's files at ``commit`` in ``dest`` (``git archive``); raises RuntimeError when git cannot."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = dest.with_suffix(".tar")
    done = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", "-o", str(archive), commit],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"git archive {commit}: {done.stderr.strip() or done.returncode}")
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    archive.unlink()
    return dest


def command(tree: Path | None, args: list[str]) -> list[str]:
    """The command line of ``oversight ARGS``: this tree's (``tree`` None), or another tree's through this launcher."""
    if tree is None:
        return [sys.executable, "-m", "oversight", *args]
    return [sys.executable, str(Path(__file__).resolve()), "--tree", str(tree), *args]


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``: wall seconds, CPU seconds of the process (user + system), its output; raises on failure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "COLUMNS": "120"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[-6:])}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def _args(name: str, store: Path, params: Mapping[str, Any], as_json: bool = True) -> list[str]:
    args = ["query", name, "--store", str(store)]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    return args + (["--json"] if as_json else [])


def _rows(output: str) -> Any:
    return json.loads(output)["rows"]


def _summary(walls: list[float], cpus: list[float]) -> dict[str, Any]:
    from bench_neo4j import percentile

    return {"runs": len(walls), "p50s": round(statistics.median(walls), 3), "p95s": round(percentile(walls, 95), 3),
            "cpuS": round(statistics.median(cpus), 3)}


def readable_store(tree: Path, store: Path, corpus: Path, dest: Path) -> Path:
    """``store`` if the tool of ``tree`` reads it, else a store that tool ingests from ``corpus`` into ``dest``.

    A store made by this tree may hold what the older tool's ontology does not know
    (a document family added since); both then time the older tool's store, which
    this tree reads as any store of an earlier version (same bytes, same rows).
    """
    probe = subprocess.run(command(tree, _args(QUESTION, store, {})), capture_output=True, text=True)
    if probe.returncode == 0:
        return store
    subprocess.run(command(tree, ["ingest", str(corpus), "--store", str(dest), "--json"]), capture_output=True, text=True)
    if not (dest / "graph.json").is_file():
        raise RuntimeError(f"{tree}: ingest of {corpus} made no store")
    return dest


def before_and_after(store: Path, tree: Path, runs: int, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    """:data:`QUESTION` on ``store``, before (``tree``) and after (this tree), alternating; then the first open."""
    args = _args(QUESTION, store, params.get(QUESTION, {}))
    timed(command(None, args))  # the index made fresh, and the files in the page cache, for both
    walls: dict[str, list[float]] = {"before": [], "after": []}
    cpus: dict[str, list[float]] = {"before": [], "after": []}
    answers: dict[str, Any] = {}
    for run in range(runs):
        order = ("before", "after") if run % 2 == 0 else ("after", "before")
        for path in order:
            wall, cpu, out = timed(command(tree if path == "before" else None, args))
            walls[path].append(wall)
            cpus[path].append(cpu)
            answers[path] = _rows(out)
    same = answers["before"] == answers["after"]
    rows = [{"query": QUESTION, "path": "before: graph.json", **_summary(walls["before"], cpus["before"]),
             "sameRows": None},
            {"query": QUESTION, "path": "after: graph.sqlite", **_summary(walls["after"], cpus["after"]),
             "sameRows": same}]
    rows[1]["ratio"] = round(rows[1]["p50s"] / rows[0]["p50s"], 3)
    rows[1]["cpuRatio"] = round(rows[1]["cpuS"] / rows[0]["cpuS"], 3)
    index = store / "graph.sqlite"
    kept = store / "graph.sqlite.kept"
    shutil.move(index, kept)
    try:
        wall, cpu, out = timed(command(None, args))
    finally:
        index.unlink(missing_ok=True)
        shutil.move(kept, index)
    rows.append({"query": QUESTION, "path": "after, first open (index built)", "runs": 1, "p50s": round(wall, 3),
                 "p95s": round(wall, 3), "cpuS": round(cpu, 3), "sameRows": _rows(out) == answers["before"]})
    wall, _, _ = timed(command(None, _args(QUESTION, store, params.get(QUESTION, {}), as_json=False)))
    rows[1]["tableSeconds"] = round(wall, 3)
    return rows


def every_question(store: Path, runs: int, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each catalogue question on ``store``, this tree, ``runs`` cold runs each."""
    from oversight.queries.catalog import catalogue

    timed(command(None, _args(QUESTION, store, params.get(QUESTION, {}))))  # the index fresh, the files cached
    rows = []
    for name in sorted(catalogue()):
        walls, cpus = [], []
        for _ in range(runs):
            wall, cpu, _ = timed(command(None, _args(name, store, params.get(name, {}))))
            walls.append(wall)
            cpus.append(cpu)
        rows.append({"query": name, "path": "after: graph.sqlite", **_summary(walls, cpus)})
    return rows


def _launch(argv: list[str]) -> None:
    """Run ``oversight`` from another tree of this repository (``--tree DIR ARGS…``).

    The installed package is this tree, through setuptools' editable finder;
    that finder is taken out, and the packages mapped in the other tree's
    ``pyproject.toml`` (``[tool.setuptools.package-dir]``) are imported from
    that tree instead. The installed distribution's metadata (its version) stays.
    """
    import importlib.abc
    import importlib.machinery
    import importlib.util
    import tomllib

    tree = Path(argv[1])
    mapping = tomllib.loads((tree / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]

    class TreeFinder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
            if fullname not in mapping:
                return None
            folder = tree / mapping[fullname]
            return importlib.util.spec_from_file_location(fullname, folder / "__init__.py",
                                                          submodule_search_locations=[str(folder)])

    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")
                        and "editable" not in type(f).__module__]
    sys.meta_path.insert(0, TreeFinder())
    sys.argv = ["oversight", *argv[2:]]
    from oversight.cli import main

    main()


if __name__ == "__main__" and len(sys.argv) > 2 and sys.argv[1] == "--tree":
    del sys.argv[1]
    _launch(sys.argv)
