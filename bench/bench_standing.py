"""The standing stage (``graph/standing.py``): its cost, and the catalogue before and after it.

Issue 14 moved each finding's outcome out of the questions: it is derived once
per build, by :func:`oversight.graph.standing.derive_standings` (the last pass
of :data:`oversight.graph.build.DERIVATIONS`), and written on the Finding
nodes, and the catalogue's Cypher and its Python twins read those properties
instead of re-deriving the outcome per finding. This module measures both
sides of that trade, for ``bench/run.py`` (sections ``standing`` and
``standing-latency``):

- **the stage**: :func:`measure_standing` rebuilds a store's graph from its
  extractions ``repeats`` times, timing the stated facts, each derivation pass
  and so the whole build, and the standing pass's share of it; then, on one
  more build, the standing pass's peak traced memory (``tracemalloc``: Python
  allocations, not RSS). It runs in its own process (``run.py --child
  standing``) so one size's heap does not carry into the next.
- **the catalogue, before and after**: each question whose Cypher changed
  since :data:`BEFORE` (the commit before the standing stage;
  :func:`compare_cypher.changed_questions`) runs in its old and its new form,
  alternately, in one process, on the same graph: on the server the old and
  the new Cypher text against the same database; embedded the old and the new
  Python twin, the old one loaded from ``git show BEFORE:queries/progress.py``
  and ``…/governance.py`` into fresh module objects (:func:`before_twins`).
  p50 and p95 of each, their ratio new / old, the CPU a run cost, and whether
  the two give the same rows.

Comparing rows: several questions gained columns (``basis``, ``stated``,
``reason``), so rows are compared on the old version's columns; and where the
standing now deduces an outcome the papers' counts force, the new answer is
meant to differ: that is reported (``rows differ (expected: the standing
changed the answer)``), not treated as a failure.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
import tracemalloc
import types
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import bench_neo4j
import compare_cypher

#: The commit before the standing stage ("Standing stage: …"): the "before" of every comparison.
BEFORE = "df4c2f2"

#: The twins' modules at :data:`BEFORE` that re-derived the outcome per finding.
_BEFORE_MODULES = ("progress", "governance")


# ---------------------------------------------------------------------------
# The stage: time and memory
# ---------------------------------------------------------------------------


def _standing_props(graph: Any) -> dict[str, dict[str, Any]]:
    from oversight.graph.standing import STANDING_PROPS
    from oversight.ontology import L

    return {key: {p: graph.node(key).get(p) for p in STANDING_PROPS} for key in graph.keys(L.Finding)}


def measure_standing(store: Path, repeats: int = 3) -> dict[str, Any]:
    """Time each pass of the build of ``store``'s graph (median of ``repeats``) and the standing pass's peak memory.

    ``factsSeconds`` is :func:`~oversight.graph.build.build_graph` without its
    derivations (resolving and merging every stated fact); then each pass of
    ``DERIVATIONS`` in order, ``derive_standings`` last; ``buildSeconds`` their
    sum. ``sameAsStore`` says whether the standings rebuilt here are the ones
    the ingest wrote (so the pass timed is the pass that ran).
    """
    from oversight.graph.build import DERIVATIONS, build_graph
    from oversight.graph.embedded_store import EmbeddedStore
    from oversight.graph.standing import derive_standings
    from oversight.ontology import L

    state = EmbeddedStore(store).load()
    stored = _standing_props(state.graph)
    extractions = state.extractions
    del state
    passes = ["facts", *[d.__name__ for d in DERIVATIONS]]
    wall: dict[str, list[float]] = {p: [] for p in passes}
    cpu: dict[str, list[float]] = {p: [] for p in passes}
    graph = None
    for _ in range(repeats):
        graph = None
        gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        graph = build_graph(extractions, derive=False)
        wall["facts"].append(time.perf_counter() - t0)
        cpu["facts"].append(time.process_time() - c0)
        for derivation in DERIVATIONS:
            c0, t0 = time.process_time(), time.perf_counter()
            derivation(graph)
            wall[derivation.__name__].append(time.perf_counter() - t0)
            cpu[derivation.__name__].append(time.process_time() - c0)
    assert graph is not None
    same = _standing_props(graph) == stored
    findings, nodes = len(graph.keys(L.Finding)), len(graph)

    # Memory on one more build, only the standing pass traced (tracing slows it: not timed).
    graph = None
    gc.collect()
    graph = build_graph(extractions, derive=False)
    for derivation in DERIVATIONS:
        if derivation is not derive_standings:
            derivation(graph)
    tracemalloc.start()
    derive_standings(graph)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    def med(values: list[float]) -> float:
        return round(statistics.median(values), 3)

    build = sum(statistics.median(wall[p]) for p in passes)
    build_cpu = sum(statistics.median(cpu[p]) for p in passes)
    standing = statistics.median(wall["derive_standings"])
    return {
        "findings": findings,
        "nodes": nodes,
        "repeats": repeats,
        "passes": {p: {"seconds": med(wall[p]), "cpuSeconds": med(cpu[p])} for p in passes},
        "buildSeconds": round(build, 3),
        "buildCpuSeconds": round(build_cpu, 3),
        "standingSeconds": med(wall["derive_standings"]),
        "standingCpuSeconds": med(cpu["derive_standings"]),
        "standingShare": round(standing / build, 3) if build else None,
        "standingMsPerFinding": round(standing * 1000 / findings, 3) if findings else None,
        "standingPeakMB": round(peak / 2**20, 1),
        "standingRetainedMB": round(current / 2**20, 1),
        "sameAsStore": same,
    }


# ---------------------------------------------------------------------------
# The twins before the standing stage
# ---------------------------------------------------------------------------


def _module(name: str, source: str, origin: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = origin
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    exec(compile(source, origin, "exec"), module.__dict__)  # noqa: S102 - the project's own file at a revision
    return module


def before_twins(revision: str = BEFORE) -> dict[str, types.ModuleType]:
    """``{"progress": module, "governance": module}``: the twins' modules as they were at ``revision``.

    Each is the file's text at that revision (``git show``) executed in a fresh
    module object; governance's ``from oversight.queries.progress import`` is
    pointed at the old progress module, so the old governance questions use the
    old helpers. Everything else they import (``oversight.graph.status``,
    ``oversight.queries.outcomes``, the ontology) is today's: every name they
    import from there still exists, so no shim is needed.
    """
    tag = "".join(c if c.isalnum() else "_" for c in revision)
    loaded: dict[str, types.ModuleType] = {}
    for name in _BEFORE_MODULES:
        path = f"queries/{name}.py"
        source = compare_cypher._git_show(revision, path)
        if source is None:
            raise LookupError(f"{path} is not in revision {revision}")
        for old in _BEFORE_MODULES:
            if old in loaded:
                source = source.replace(f"from oversight.queries.{old} import", f"from {loaded[old].__name__} import")
        loaded[name] = _module(f"_bench_before_{tag}_{name}", source, f"{revision}:{path}")
    return loaded


def _twin(modules: dict[str, types.ModuleType] | None, name: str) -> Callable[..., Any] | None:
    """The question's twin, today's (``modules`` None) or from the old modules; None if it has none there."""
    import importlib

    from oversight.queries.catalog import TWINS

    module_name, function = TWINS[name].split(":")
    if modules is None:
        return getattr(importlib.import_module(module_name), function)  # type: ignore[no-any-return]
    short = module_name.rsplit(".", 1)[1]
    return getattr(modules[short], function, None) if short in modules else None


# ---------------------------------------------------------------------------
# Before and after, alternating
# ---------------------------------------------------------------------------


def alternate(versions: Mapping[str, Callable[..., Any]], rounds: int, runs: int,
              server_pid: int | None = None) -> dict[str, dict[str, Any]]:
    """Time ``old`` and ``new`` alternately (old first on even rounds), ``rounds`` x ``runs`` timed runs each.

    Each round warms its version once first (``bench_neo4j._timed``). Returns,
    per version, every time (ms) and the median CPU ms a run cost the client
    and, given ``server_pid``, the server.
    """
    times: dict[str, list[float]] = {v: [] for v in versions}
    cpu: dict[str, dict[str, list[float]]] = {v: {"client": [], "server": []} for v in versions}
    order = list(versions)
    for turn in range(rounds):
        for version in order if turn % 2 == 0 else order[::-1]:
            took, _, used = bench_neo4j._timed(versions[version], runs, 1, server_pid=server_pid)
            times[version].extend(took)
            for side in ("client", "server"):
                value = used[side]
                if value is not None:
                    cpu[version][side].append(value)
    return {
        v: {"times": times[v],
            "clientCpuMs": round(statistics.median(cpu[v]["client"]), 1) if cpu[v]["client"] else None,
            "serverCpuMs": round(statistics.median(cpu[v]["server"]), 1) if cpu[v]["server"] else None}
        for v in versions
    }


def _key(row: dict[str, Any], columns: list[str]) -> str:
    return json.dumps({c: row.get(c) for c in columns}, sort_keys=True, default=str)


def agreement(old_rows: list[dict[str, Any]], new_rows: list[dict[str, Any]], old_columns: list[str],
              new_columns: list[str]) -> dict[str, Any]:
    """Whether the two versions answer alike, on the old version's columns, and which columns' values differ.

    >>> agreement([{"a": 1}], [{"a": 1, "b": 2}], ["a"], ["a", "b"])["answer"]
    'same rows on the old columns (new: b)'
    >>> agreement([{"a": 1}, {"a": 2}], [{"a": 1}, {"a": 3}], ["a"], ["a"])["rowsOnlyNew"]
    1
    """
    added = [c for c in new_columns if c not in old_columns]
    common = [c for c in old_columns if c in new_columns]
    old_keys, new_keys = [_key(r, common) for r in old_rows], [_key(r, common) for r in new_rows]
    only_old, only_new = Counter(old_keys) - Counter(new_keys), Counter(new_keys) - Counter(old_keys)
    if old_keys == new_keys:
        answer = "same rows" + (f" on the old columns (new: {', '.join(added)})" if added else "")
    elif not only_old and not only_new:
        answer = "same rows, another order"
    else:
        answer = "rows differ (expected: the standing changed the answer)"
    differing = [c for c in common if Counter(_key(r, [c]) for r in old_rows) != Counter(_key(r, [c]) for r in new_rows)]
    return {"sameRows": old_keys == new_keys, "rowsOnlyOld": sum(only_old.values()),
            "rowsOnlyNew": sum(only_new.values()), "newColumns": added, "columnsDiffering": differing,
            "answer": answer}


def _row(name: str, backend: str, timed: dict[str, dict[str, Any]], answers: dict[str, list[dict[str, Any]]],
         columns: dict[str, list[str]]) -> dict[str, Any]:
    row: dict[str, Any] = {"query": name, "backend": backend, "resultRowsOld": len(answers["old"]),
                           "resultRowsNew": len(answers["new"]), "runs": len(timed["new"]["times"])}
    for measure, q in (("p50ms", 50), ("p95ms", 95)):
        old, new = (bench_neo4j.percentile(timed[v]["times"], q) for v in ("old", "new"))
        row[f"{measure}Old"], row[f"{measure}New"] = round(old, 2), round(new, 2)
        row[f"{measure}Ratio"] = round(new / old, 3) if old else None
    side = "serverCpuMs" if backend == "neo4j" else "clientCpuMs"
    old_cpu, new_cpu = timed["old"][side], timed["new"][side]
    row["cpuMsOld"], row["cpuMsNew"] = old_cpu, new_cpu
    row["cpuRatio"] = round(new_cpu / old_cpu, 3) if old_cpu and new_cpu is not None else None
    row.update(agreement(answers["old"], answers["new"], columns["old"], columns["new"]))
    return row


def compare_before_after(graph: Any, server: Any = None, database: str | None = None, rounds: int = 6,
                         runs: int = 5, revision: str = BEFORE) -> tuple[list[dict[str, Any]], list[str]]:
    """p50/p95 of each question whose Cypher changed since ``revision``, old beside new, on both backends.

    Embedded: the twins at ``revision`` (:func:`before_twins`) against today's,
    on ``graph``. On the server (when ``server`` and ``database``, a database
    holding ``graph``): the Cypher at ``revision`` against today's. Every
    question embedded first, then every question on the server (as
    ``bench_neo4j.run_latency`` does).
    """
    from oversight.queries.catalog import parse_question, question, snake_case

    notes: list[str] = []
    changed = compare_cypher.changed_questions(revision)
    if not changed:
        return [], [f"no catalogue question's Cypher differs from {revision}"]
    params = bench_neo4j.question_params(graph)
    old_modules = before_twins(revision)
    rows: list[dict[str, Any]] = []
    columns: dict[str, dict[str, list[str]]] = {}
    bound: dict[str, dict[str, Any]] = {}
    for name in sorted(changed):
        q = question(name)
        bound[name] = q.bind(params.get(name, {}))
        old_text_file = compare_cypher._git_show(revision, f"queries/catalog/{Path(q.file).name}") or ""
        columns[name] = {"old": list(parse_question(old_text_file, q.file).columns), "new": list(q.columns)}
    for name in sorted(changed):
        old_twin, new_twin = _twin(old_modules, name), _twin(None, name)
        if old_twin is None or new_twin is None:
            notes.append(f"{name}: no twin at {revision} to compare embedded")
            continue
        kwargs = {snake_case(k): v for k, v in bound[name].items()}
        versions = {"old": lambda f=old_twin, k=kwargs: f(graph, **k), "new": lambda f=new_twin, k=kwargs: f(graph, **k)}
        answers = {v: list(run()) for v, run in versions.items()}
        rows.append(_row(name, "embedded", alternate(versions, rounds, runs), answers, columns[name]))
        print(f"bench: standing before/after embedded: {name} done", file=sys.stderr)
    if server is not None and database is not None:
        driver = server.driver()
        try:
            with driver.session(database=database) as session:
                for name, (old_text, new_text) in sorted(changed.items()):
                    texts = {"old": old_text, "new": new_text}
                    versions = {v: lambda t=t, b=bound[name]: list(session.run(t, b)) for v, t in texts.items()}
                    answers = {v: [r.data() for r in session.run(t, bound[name])] for v, t in texts.items()}
                    rows.append(_row(name, "neo4j", alternate(versions, rounds, runs, server.info.pid), answers,
                                     columns[name]))
                    print(f"bench: standing before/after on the server: {name} done", file=sys.stderr)
        finally:
            driver.close()
    return rows, notes
