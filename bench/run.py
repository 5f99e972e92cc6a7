"""National-scale benchmark: extraction accuracy, ingest throughput, memory and cost growth.

Reproduce (from the repository root, in the project's venv)::

    python bench/run.py                      # 5, 15 and 43 forces x 4 PEEL rounds
    python bench/run.py --quick              # 1, 2 and 4 forces x 4 rounds (under 2 minutes)
    python bench/run.py --tiny               # 1, 2 and 3 forces x 2 rounds (a smoke test)
    python bench/run.py --json report.json   # the report as JSON as well
    python bench/run.py --sizes 43 --keep    # one size; keep the corpus and store (printed)
    python bench/run.py --quick --profile prof/   # pyinstrument profile of each ingest in prof/
    python bench/run.py --only standing,standing-latency   # of the extra sections, only these
    python bench/run.py --only validate      # validate before and after issue 16 (bench/bench_validate.py)
    python bench/run.py --only cold-cli      # the command line cold, before and after the store index

For each size, side by side in one run, on a corpus written by ``oversight
synth`` (:mod:`oversight.synth`) with the same seed:

- **accuracy**: the graph ``oversight.api.ingest`` builds from the corpus,
  against the corpus's ``truth.json``, as precision and recall per kind of
  fact (:mod:`oversight.synth.score`: each label's keys, key properties, each
  relationship type's pairs, stated and registered supersession apart); the
  goal is F1 >= 0.98 for every kind. Inferred supersession is scored apart,
  against the chains no paper states, with the rules before issue 14
  (``bench/inference_before.py``) and now side by side on the same graph
  (goal: precision >= 0.8 at recall >= 0.8);
- **throughput**: documents/s and facts/s of the whole ingest (read, detect,
  extract, resolve, build with inference, save), imports excluded; wall time
  and CPU time (CPU time is the steadier on a shared machine);
- **memory**: peak resident set size (``ru_maxrss``) of the ingest, and of
  loading the embedded store, each in its own process;
- **cost growth**: each measure at the three sizes, with the exponent ``k``
  of ``cost ~ size^k`` fitted to them (1 linear, about 1.1 n log n, 2
  quadratic).

Each size runs in fresh processes (generate, ingest, load and score), so one
size's memory does not carry into the next. Not a timed test: compare the
numbers with each other, in one run, on one machine.

Then, in the same run (the hooks in :data:`EXTRA_SECTIONS`):

- **Neo4j load** (``bench/bench_neo4j.py``): each size's graph loaded into a
  fresh, empty database of a real Neo4j 5.26 community and of ArcadeDB (each
  started for the run on free ports, stopped however the run ends) by the
  batched loader, one MERGE per row, rdflib-neo4j, a raw ``UNWIND … CREATE``
  and (Neo4j) ``LOAD CSV`` from files, in rows per second and as ratios;
- **query catalogue latency**: p50 and p95 of every named question on the
  embedded graph, on ArcadeDB and on Neo4j, at each size, with realistic
  parameters, and whether each server gives the embedded rows;
- **views** (``bench/bench_views.py``): generation time and HTML size of the
  graph view at 1,000, 5,000 and 20,000 nodes, and the 5,000-node page's time
  to interactive in headless Chromium;
- **growth** of load time and latency with the graph's size;
- **corpus facts** (``bench/corpus.py``): recall and precision of extraction
  on the real papers of ``../shared/corpus/`` against their annotations in
  ``tests/corpus/``, per kind of fact and per family, detected and with the
  family forced, beside the seeds' figures (the same in every mode: the corpus
  is small). Without the corpus it is skipped with the reason, except under CI.
- **standing stage** (``bench/bench_standing.py``): at each size, the time
  of ``derive_standings`` (each finding's standing, the last pass of the
  build), its share of the whole build and its peak traced memory;
- **the catalogue before and after the standing stage**: at the largest size,
  each question whose Cypher changed since ``bench_standing.BEFORE``, its old
  and new form alternating on the same graph (embedded: the Python twins at
  that commit against today's) and on the same server database (the Cypher),
  with p50, p95 and the ratio after / before;
- **growth** of load time and latency with the graph's size;
- **the command line cold** (``bench/bench_cold_cli.py``): a catalogue
  question from the shell, a fresh process per run, at each size: the tool
  before the store index (reading ``graph.json``) and now (reading
  ``graph.sqlite``), alternating on the same store, p50 and p95 and their
  ratio; the first open that builds the index; then every question now
  (goal: under 1 s at 43 forces).

The Neo4j parts need Java 17+ and Maven for the real Neo4j, the ``[server]``
extra for ArcadeDB (and ``[bench]`` for rdflib-neo4j); a server that cannot
start is skipped with the reason (``neo4j engine needs Java 17+ and Maven (mvn)
on PATH: java not found``), except under CI (env ``CI``), where that ends the
run; ``--engines neo4j,arcadedb`` chooses the servers (``--tiny``: ArcadeDB
only). The full run times a 30 s sample of the one-MERGE-per-row load and 45 s
of rdflib-neo4j's streaming at each size (each row says so); ``--quick`` (a
smoke test, in CI) shortens both, times each question 5 times, draws views up
to 5,000 nodes and, once a method has failed at one size, does not try it again
at the larger ones (a row says so).

The report is a list of *sections* (name, title, columns, rows, notes),
printed as tables and written as JSON. Other benchmarks append sections
through :data:`EXTRA_SECTIONS`, each a function ``context -> rows`` or
``context -> (rows, notes)``; see :func:`neo4j_load_rows`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FULL = (5, 15, 43)
QUICK = (1, 2, 4)
TINY = (1, 2, 3)
#: The servers the Neo4j sections measure, in this order: a real Neo4j 5.26 (the reference; Java 17+
#: and Maven) and ArcadeDB (the pip-only local server).
ENGINES = ("neo4j", "arcadedb")


# ---------------------------------------------------------------------------
# The report format: sections of rows, appended to by other benchmarks
# ---------------------------------------------------------------------------


@dataclass
class Section:
    """One table of the report: a name for machines, a title for people, columns and rows."""

    name: str
    title: str
    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "columns": self.columns, "rows": self.rows, "notes": self.notes}


@dataclass
class Context:
    """What hooks get: the sizes run, and for each its corpus and store directories."""

    sizes: list[int]
    rounds: int
    seed: int
    corpora: dict[int, Path]
    stores: dict[int, Path]
    measures: dict[int, dict[str, Any]]
    #: "full", "quick" or "tiny": how much the hooks measure (:data:`MODES`).
    mode: str = "full"
    #: What the hooks share: the Bolt server, the graphs, each hook's results.
    shared: dict[str, Any] = field(default_factory=dict)
    #: The names of the :data:`EXTRA_SECTIONS` to run (``--only``); None: every one.
    only: frozenset[str] | None = None
    #: The servers the Neo4j sections start (``--engines``; :data:`ENGINES`).
    engines: tuple[str, ...] = ENGINES

    @property
    def settings(self) -> Mode:
        return MODES[self.mode]


@dataclass(frozen=True)
class Mode:
    """How much the hooks measure: the full run, or one of the smoke tests (``--quick``, ``--tiny``).

    ``--quick`` must finish in under two minutes here: it ran 169 s at 2, 5 and 10
    forces with the full run's views and 20 runs (54 s of it latency, 18 s views),
    and 86 s as set below at 1, 2 and 4 forces, on a slow hour of this machine.
    """

    #: Nodes of the three synthetic view graphs (the middle one is opened in Chromium).
    view_sizes: tuple[int, int, int]
    #: Seconds the one-MERGE-per-row load is timed at each size, on a sample of the rows
    #: (``bench_neo4j.load_per_row``); None: the whole graph. Neo4j commits each auto-commit
    #: transaction to disk (10 to 25 ms here): the whole 43-force graph would take most of an hour.
    per_row_budget: float | None
    #: Timed runs of each question per backend; None: ``bench_neo4j.LATENCY_RUNS``.
    latency_runs: int | None
    #: Seconds the machine settles, after a garbage collection, before each question's timed
    #: runs (``bench_neo4j._timed``); None: neither (102 collections of a large heap a run).
    latency_settle: float | None
    #: Whether the loads run once untimed first, so the server's JIT is warm for the first size.
    warm_up_loads: bool
    #: Whether a load method that failed at one size is tried again at the larger ones (the full
    #: run shows rdflib-neo4j's failure at every size; the smoke tests save its to_rdf time).
    retry_failed_load: bool
    #: Builds of each size's graph whose passes are timed (the median is reported) in the standing section.
    standing_repeats: int = 3
    #: Alternations of the before and after versions of each question, and timed runs of each
    #: version per alternation, in the standing-latency section (``bench/bench_standing.py``).
    compare_rounds: int = 6
    compare_runs: int = 5
    #: Cold runs (a fresh process each) of the question before and after the store index at each size, in
    #: the cold-cli section (``bench/bench_cold_cli.py``); every question after it runs half as many times.
    cold_runs: int = 7
    #: Seconds rdflib-neo4j streams triples at each size before its rate is taken (None: every triple;
    #: it writes about 800 triples a second to Neo4j here, 20 minutes for the 43-force graph's million).
    rdflib_budget: float | None = 45.0
    #: The servers measured unless ``--engines`` says otherwise.
    engines: tuple[str, ...] = ENGINES


MODES = {
    "full": Mode((1000, 5000, 20000), 30.0, None, 0.5, warm_up_loads=True, retry_failed_load=True, rdflib_budget=45.0),
    "quick": Mode((1000, 2000, 5000), 1.5, 5, None, warm_up_loads=False, retry_failed_load=False,
                  compare_rounds=2, compare_runs=3, cold_runs=3, rdflib_budget=10.0),
    "tiny": Mode((200, 500, 1000), 1.5, 5, None, warm_up_loads=False, retry_failed_load=False,
                 compare_rounds=2, compare_runs=2, cold_runs=2, rdflib_budget=5.0, engines=("arcadedb",)),
}


def _graph(context: Context, forces: int) -> Any:
    """The graph of one size's store, loaded once for every hook."""
    graphs = context.shared.setdefault("graphs", {})
    if forces not in graphs:
        from oversight.graph.embedded_store import EmbeddedStore

        graphs[forces] = EmbeddedStore(context.stores[forces]).load().graph
    return graphs[forces]


def _server(context: Context, engine: str = "arcadedb") -> Any:
    """The run's local server of ``engine`` (``neo4j`` or ``arcadedb``), started on first use; None when
    none can be had (the reason is kept, :func:`_skipped`).

    Under CI (env ``CI``) a missing server ends the run with the reason.
    """
    servers = context.shared.setdefault("servers", {})
    if engine not in servers:
        import bench_neo4j

        if engine not in context.engines:
            servers[engine] = None
            context.shared.setdefault("skipped", {})[engine] = (
                f"{engine} measurements skipped: not among --engines ({','.join(context.engines)})")
            return None
        try:
            servers[engine] = bench_neo4j.BenchServer(engine=engine).start()
        except bench_neo4j.Unavailable as exc:
            if os.environ.get("CI"):
                raise SystemExit(f"bench: required under CI: a {engine} server for the Neo4j sections: {exc}") from None
            servers[engine] = None
            context.shared.setdefault("skipped", {})[engine] = f"{engine} measurements skipped: {exc}"
        else:
            print(f"bench: {servers[engine].agent} at {servers[engine].info.uri}", file=sys.stderr)
    return servers[engine]


def _skipped(context: Context, engine: str) -> str:
    return str(context.shared.get("skipped", {}).get(engine, f"no {engine} server"))


def close_hooks(context: Context) -> None:
    """Stop the run's servers (and drop the databases the hooks kept)."""
    servers = context.shared.pop("servers", {})
    arcadedb = servers.get("arcadedb")
    if arcadedb is not None:
        for name in context.shared.pop("kept", {}).values():
            arcadedb.drop_database(name)
    for server in servers.values():
        if server is not None:
            server.stop()


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def neo4j_load_rows(context: Context) -> tuple[list[dict[str, Any]], list[str]]:
    """Hook: load of each size's graph by every method, side by side, on a real Neo4j and on ArcadeDB
    (see ``bench/bench_neo4j.py``).

    Each method loads into a fresh, empty database (``BenchServer.fresh``: on
    Neo4j the one database emptied, schema dropped, checkpointed and the plan
    cache cleared): ``batched`` (``Neo4jStore.load``), ``per-row-merge`` (one
    auto-commit MERGE per row; on Neo4j a time-boxed sample), ``rdflib-neo4j``
    (the graph as RDF into its store), ``raw-create`` (``UNWIND … CREATE`` into an
    empty database) and, on Neo4j, ``load-csv`` (``LOAD CSV`` from files written
    inside the clock). Rows per second count nodes plus relationships;
    ``xPerRowMerge`` is a method's speed over the per-row MERGE's, ``xRawCreate``
    how many times slower than raw CREATE it is. Neo4j runs first, with the
    machine's attention; ArcadeDB's rows are there to compare the two servers.
    """
    import bench_neo4j

    rows: list[dict[str, Any]] = []
    notes: list[str] = [f"client: {bench_neo4j.driver_description()}"]
    results: dict[str, dict[int, dict[str, Any]]] = {}
    for engine in ENGINES:
        server = _server(context, engine)
        if server is None:
            notes.append(_skipped(context, engine))
            continue
        notes.append(f"{engine} server: {server.agent}, local, same machine as the client (the two share its CPUs)")
        methods = bench_neo4j.methods_for(server)
        if context.settings.warm_up_loads:
            bench_neo4j.warm_up(server, _graph(context, context.sizes[0]))
        first_failure: dict[str, tuple[int, Any]] = {}  # method -> (forces, its LoadResult) where it first failed
        results[engine] = {}
        for forces in context.sizes:
            graph = _graph(context, forces)
            skipped = set() if context.settings.retry_failed_load else set(first_failure)
            found, kept = bench_neo4j.run_load(server, f"{forces}x{context.rounds}", graph,
                                               methods=tuple(m for m in methods if m not in skipped),
                                               per_row_budget=context.settings.per_row_budget,
                                               rdflib_budget=context.settings.rdflib_budget)
            by = {r.method: r for r in found}
            for method in skipped:
                at = first_failure[method][0]
                by[method] = bench_neo4j.LoadResult(
                    method, len(graph) + graph.g.number_of_edges(),
                    error=f"not tried again in a {context.mode} run: it failed at {at} force{'' if at == 1 else 's'}")
            found = [by[m] for m in methods]
            for r in found:
                if r.error:
                    first_failure.setdefault(r.method, (forces, r))
            if kept is not None:
                context.shared.setdefault("kept", {})[forces] = kept
            results[engine][forces] = by
            per_row_rps = by["per-row-merge"].rows_per_second
            raw_rps = by["raw-create"].rows_per_second
            for r in found:
                rps = r.rows_per_second
                rows.append({
                    "engine": engine, "forces": forces, "method": r.method, "nodes": len(graph),
                    "relationships": graph.g.number_of_edges(), "rows": r.rows,
                    "rowsDone": r.rows_done if not r.error else 0,
                    "seconds": None if r.seconds is None or r.error else round(r.seconds, 2),
                    "rowsPerSecond": None if rps is None else round(rps),
                    "xPerRowMerge": _ratio(rps, per_row_rps), "xRawCreate": _ratio(raw_rps, rps),
                    "verified": r.verified, "error": r.error, "notes": "; ".join(r.notes), **r.extra,
                })
            print(f"bench: {engine} load of {forces} forces: " + ", ".join(
                f"{r.method} {r.rows_per_second or 0:,.0f} rows/s" for r in found), file=sys.stderr)
        notes.extend(_load_goal_notes(engine, context.sizes[-1], results[engine][context.sizes[-1]], first_failure))
        ceiling = bench_neo4j.round_trip_ms(server)
        notes.append(f"{engine}: one auto-commit round trip (RETURN 1, median of 200) takes {ceiling:.2f} ms: no "
                     f"per-row method can pass {1000 / ceiling:,.0f} rows/s here")
    context.shared["load"] = results
    return rows, notes


def _load_goal_notes(engine: str, largest: int, by: dict[str, Any], first_failure: dict[str, Any]) -> list[str]:
    """The load goals at the largest size, each met or missed with its number."""
    notes = []
    batched, per_row, rdf, raw = (by[m] for m in ("batched", "per-row-merge", "rdflib-neo4j", "raw-create"))
    b, p, c = batched.rows_per_second, per_row.rows_per_second, raw.rows_per_second
    if b and p:
        notes.append(f"{engine}: goal batched >= 10x per-row MERGE at {largest} forces: {b / p:.1f}x "
                     + ("(met)" if b / p >= 10 else "(missed)"))
    if rdf.error:
        failed = first_failure.get("rdflib-neo4j", (largest, rdf))[1].error
        notes.append(f"{engine}: goal batched ahead of rdflib-neo4j: not comparable, rdflib-neo4j did not load: {failed}")
    elif b and rdf.rows_per_second:
        notes.append(f"{engine}: goal batched ahead of rdflib-neo4j at {largest} forces: {b / rdf.rows_per_second:.1f}x "
                     + ("(met)" if b > rdf.rows_per_second else "(missed)"))
    if b and c:
        notes.append(f"{engine}: goal batched within 1.5x of raw CREATE at {largest} forces: {c / b:.2f}x "
                     + ("(met)" if c / b <= 1.5 else "(missed)"))
    csv = by.get("load-csv")
    if b and csv is not None and csv.rows_per_second:
        notes.append(f"{engine}: LOAD CSV from files at {largest} forces is {csv.rows_per_second / b:.2f}x the batched "
                     f"load's speed")
    return notes


def catalogue_latency_rows(context: Context) -> tuple[list[dict[str, Any]], list[str]]:
    """Hook: p50 and p95 of every catalogue question, embedded, on ArcadeDB and on a real Neo4j, at each size.

    With each, the CPU milliseconds a run used on average, in the client and in
    the server: on a shared machine, wall times move with the neighbours and
    CPU times much less, so the CPU says what a change did to the work.

    Realistic parameters come from each graph (``bench_neo4j.question_params``);
    each question runs ``Mode.latency_runs`` times per backend after a warm-up, every
    question embedded first, then every question on ArcadeDB, then on Neo4j, each
    (full run) after a garbage collection and ``Mode.latency_settle`` seconds of quiet.
    ArcadeDB answers from the database its batched load filled; Neo4j (one database)
    is emptied and loaded by the batched loader again, untimed, for each size.
    """
    import bench_neo4j

    from oversight.graph.neo4j_store import Neo4jStore

    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    servers = {engine: _server(context, engine) for engine in ("arcadedb", "neo4j")}
    for engine, server in servers.items():
        if server is None:
            notes.append(_skipped(context, engine) + f"; no {engine} latency")
    kept = context.shared.get("kept", {})
    runs = context.settings.latency_runs or bench_neo4j.LATENCY_RUNS
    settle = context.settings.latency_settle
    for forces in context.sizes:
        graph = _graph(context, forces)
        with contextlib.ExitStack() as stack:
            stores: dict[str, tuple[Any, int | None]] = {}
            arcadedb, neo4j = servers["arcadedb"], servers["neo4j"]
            if arcadedb is not None:
                if forces not in kept:  # the load section did not run (--only)
                    kept[forces] = arcadedb.fresh(f"latency{forces}")
                    context.shared["kept"] = kept
                    bench_neo4j.load_batched(arcadedb, kept[forces], graph)
                stores["arcadedb"] = (stack.enter_context(Neo4jStore.open(arcadedb.target(kept[forces]))),
                                      arcadedb.info.pid)
            if neo4j is not None:
                database = neo4j.fresh(f"latency{forces}")
                loaded = bench_neo4j.load_batched(neo4j, database, graph)
                bench_neo4j.verify(neo4j, database, graph, loaded)
                if not loaded.verified:
                    raise SystemExit(f"bench: Neo4j does not hold the {forces}-force graph: {loaded.notes}")
                stores["neo4j"] = (stack.enter_context(Neo4jStore.open(neo4j.target(database))), neo4j.info.pid)
            found = bench_neo4j.run_latency(graph, stores, runs=runs, settle=settle)
        rows.extend({"forces": forces, "nodes": len(graph), **row} for row in found)
        print(f"bench: catalogue latency at {forces} forces done", file=sys.stderr)
    context.shared["latency"] = rows
    largest = context.sizes[-1]
    for backend, goal in bench_neo4j.GOAL_P95_MS.items():
        at = [r for r in rows if r["forces"] == largest and r["backend"] == backend]
        if not at:
            continue
        missed = [f"{r['query']} ({r['p95ms']} ms)" for r in at if not r["goalMet"]]
        notes.append(f"goal p95 < {goal:g} ms {backend} at {largest} forces: "
                     + ("met by every question" if not missed else "missed by " + ", ".join(missed)))
    for backend in ("arcadedb", "neo4j"):
        at = [r for r in rows if r["backend"] == backend]
        if at:
            differ = sorted({f"{r['forces']}:{r['query']}" for r in at if r["sameRows"] is False})
            notes.append(f"{backend} and embedded rows identical for every question at every size" if not differ
                         else f"{backend} rows differ from embedded: " + ", ".join(differ))
    return rows, notes


def view_timing_rows(context: Context) -> tuple[list[dict[str, Any]], list[str]]:
    """Hook: generation time and HTML size of the graph view at three sizes, and the middle page's time to interactive.

    Uses ``bench/bench_views.py`` (its synthetic graphs and measurements); the
    browser part needs Debian's Chromium and playwright and is skipped, with a
    note, without them.
    """
    import bench_views

    sizes = context.settings.view_sizes
    notes: list[str] = []
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="oversight-bench-views-") as tmp:
        for size in sizes:
            started = time.perf_counter()
            graph = bench_views.synthetic_graph(size)
            made = time.perf_counter() - started
            row = bench_views.measure_generation(graph, Path(tmp), size)
            row["graphSeconds"] = round(made, 2)
            rows.append(row)
        middle = rows[len(rows) // 2]
        problem = None
        if not Path(bench_views.CHROMIUM).exists():
            problem = f"{bench_views.CHROMIUM} not found"
        else:
            try:
                import playwright.sync_api  # noqa: F401
            except ImportError:
                problem = "playwright is not installed"
        if problem is None:
            bench_views.measure_browser([middle], Path(tmp) / "profile")
            notes.append(f"time to interactive measured for the {middle['size']:,}-node page only "
                         f"(headless Chromium, from navigation start to the first drawn frame with search and filters wired)")
        else:
            notes.append(f"time to interactive skipped: {problem}")
    out = []
    for row in rows:
        out.append({
            "nodes": row["size"], "drawnNodes": row["drawnNodes"], "drawnLinks": row["drawnLinks"],
            "buildSeconds": row["buildSeconds"], "renderSeconds": row["renderSeconds"],
            "generationSeconds": row["generationSeconds"], "htmlMB": round(row["htmlBytes"] / 1e6, 2),
            "interactiveSeconds": row.get("interactiveSeconds"), "loadWallSeconds": row.get("loadWallSeconds"),
            "selectSeconds": row.get("selectSeconds"), "pageErrors": len(row.get("pageErrors", [])) if "pageErrors" in row else None,
        })
    context.shared["views"] = out
    return out, notes


def corpus_facts_rows(context: Context) -> tuple[list[dict[str, Any]], list[str]]:
    """Hook: recall and precision on the annotated real corpus, beside the seeds (see ``bench/corpus.py``)."""
    if str(REPO / "bench") not in sys.path:
        sys.path.insert(0, str(REPO / "bench"))
    import corpus as corpus_facts

    return corpus_facts.section_rows()


def validate_rows(context: Context) -> tuple[list[dict[str, Any]], list[str]]:
    """Hook: ``oversight validate`` on each size's store, pySHACL and pyshacl-turbo side by side (``bench/bench_validate.py``)."""
    import bench_validate

    return bench_validate.validate_rows({forces: context.stores[forces] for forces in context.sizes})


def standing_rows(context: Context) -> tuple[list[dict[str, Any]], list[str]]:
    """Hook: the standing stage's time, share of the build and peak memory at each size (``bench/bench_standing.py``).

    Each size in its own process: the store's graph rebuilt from its extractions
    ``Mode.standing_repeats`` times, each pass timed (median reported), then the
    standing pass once more under ``tracemalloc``.
    """
    rows: list[dict[str, Any]] = []
    for forces in context.sizes:
        found = _run_child("standing", forces, context.rounds, context.seed, context.corpora[forces],
                           context.stores[forces], repeats=context.settings.standing_repeats)
        passes = found["passes"]
        rows.append({
            "forces": forces, "findings": found["findings"], "nodes": found["nodes"],
            "factsSeconds": passes["facts"]["seconds"],
            "inferenceSeconds": round(sum(v["seconds"] for k, v in passes.items()
                                          if k not in ("facts", "derive_standings")), 3),
            "standingSeconds": found["standingSeconds"], "buildSeconds": found["buildSeconds"],
            "standingShare": found["standingShare"], "standingCpuSeconds": found["standingCpuSeconds"],
            "buildCpuSeconds": found["buildCpuSeconds"], "msPerFinding": found["standingMsPerFinding"],
            "standingPeakMB": found["standingPeakMB"], "repeats": found["repeats"], "sameAsStore": found["sameAsStore"],
        })
        print(f"bench: standing stage at {forces} forces: {found['standingSeconds']} s of a "
              f"{found['buildSeconds']} s build", file=sys.stderr)
    notes = [
        "build = the stated facts resolved and merged (factsSeconds), then each pass of graph.build.DERIVATIONS: "
        "inferred supersession (inferenceSeconds), the standing last; seconds are the median of the repeats, "
        "standingShare = standingSeconds / buildSeconds (wall), CPU seconds beside them (steadier on a shared machine)",
        "standingPeakMB: peak of the Python allocations traced (tracemalloc) while derive_standings ran on a "
        "built graph; the graph itself was allocated before tracing started",
    ]
    k = fit_exponent([float(r["findings"]) for r in rows], [float(r["standingCpuSeconds"]) for r in rows])
    if k is not None:
        notes.append(f"standing CPU time against findings: k = {k} ({growth_name(k)})")
    if not all(r["sameAsStore"] for r in rows):
        notes.append("the standings rebuilt differ from the ingest's at "
                     + ", ".join(str(r["forces"]) for r in rows if not r["sameAsStore"]) + " forces")
    context.shared["standing"] = rows
    return rows, notes


def standing_latency_rows(context: Context) -> tuple[list[dict[str, Any]], list[str]]:
    """Hook: each question the standing stage rewrote, before and after it, alternating, on both backends.

    At the largest size only: embedded, the twins at ``bench_standing.BEFORE``
    against today's on the same graph; on the server, the Cypher at that
    revision against today's in the database the batched loader filled
    (``bench/bench_standing.py``).
    """
    import bench_standing

    largest = context.sizes[-1]
    known = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{bench_standing.BEFORE}^{{commit}}"],
                           capture_output=True)
    if known.returncode != 0:
        return [], [f"skipped: commit {bench_standing.BEFORE} is not in this clone's history"]
    server = _server(context, "arcadedb")
    database = context.shared.get("kept", {}).get(largest)
    if server is not None and database is None:  # the load section did not run (--only): load the graph here
        import bench_neo4j

        database = server.fresh(f"standing{largest}")
        context.shared.setdefault("kept", {})[largest] = database
        bench_neo4j.load_batched(server, database, _graph(context, largest))
    notes = [f"at {largest} forces; before = {bench_standing.BEFORE} (outcome re-derived per finding in each "
             f"question), after = this tree (the standing read from the Finding nodes); each version "
             f"{context.settings.compare_rounds} x {context.settings.compare_runs} timed runs, alternating which goes "
             f"first; ratio = after / before (below 1: faster); cpuMs = the server's CPU per run on the server, "
             f"the client's embedded"]
    if server is None or database is None:
        notes.append((_skipped(context, "arcadedb") if server is None else "no database of the batched load")
                     + "; embedded only")
    rows, more = bench_standing.compare_before_after(
        _graph(context, largest), server if database else None, database,
        rounds=context.settings.compare_rounds, runs=context.settings.compare_runs,
    )
    notes.extend(more)
    for backend in ("embedded", "neo4j"):
        at = [r for r in rows if r["backend"] == backend]
        if at:
            p50 = statistics.median(r["p50msRatio"] for r in at if r["p50msRatio"] is not None)
            p95 = statistics.median(r["p95msRatio"] for r in at if r["p95msRatio"] is not None)
            total_before, total_after = sum(r["p50msOld"] for r in at), sum(r["p50msNew"] for r in at)
            notes.append(f"{backend}: median ratio after / before over {len(at)} questions: p50 {p50:.2f}, p95 {p95:.2f}; "
                         f"sum of p50s {total_before:,.0f} ms before, {total_after:,.0f} ms after")
    same = sorted({r["query"] for r in rows if r["sameRows"]})
    notes.append("same rows before and after (on the old columns): " + (", ".join(same) if same else "none") +
                 "; the others differ, in the columns columnsDiffering names (outcome: the standing's outcome where "
                 "the old per-question rule gave another; fewer rows: findings the standing settles)")
    context.shared["standingLatency"] = rows
    return rows, notes


def cold_cli_rows(context: Context) -> tuple[list[dict[str, Any]], list[str]]:
    """Hook: a catalogue question from the shell, a fresh process each run, before and after the store index
    (``bench/bench_cold_cli.py``), at each size; then every question after it, at the largest size.

    Before is the tool at ``bench_cold_cli.BEFORE`` (exported from git and run
    from that tree), reading ``graph.json``; after is this tree, reading
    ``graph.sqlite``; alternating, on the same store.
    """
    import bench_cold_cli
    import bench_neo4j

    runs = context.settings.cold_runs
    notes: list[str] = []
    rows: list[dict[str, Any]] = []
    tree: Path | None = None
    with tempfile.TemporaryDirectory(prefix="oversight-before-") as folder:
        try:
            tree = bench_cold_cli.export_tree(bench_cold_cli.BEFORE, Path(folder) / "tree")
        except RuntimeError as exc:
            notes.append(f"before skipped: {exc} (a clone without that commit); after only")
        for forces in context.sizes:
            store = context.stores[forces]
            params = bench_neo4j.question_params(_graph(context, forces))
            sizes = {"storeMB": round((store / "graph.json").stat().st_size / 1e6, 1)}
            if tree is not None:
                paired = bench_cold_cli.readable_store(tree, store, context.corpora[forces], Path(folder) / f"store-{forces}")
                if paired != store:
                    notes.append(f"{forces} forces: the before tool does not read this tree's store (a family added "
                                 "since), so both read a store the before tool ingested from the same corpus")
                found = bench_cold_cli.before_and_after(paired, tree, runs, params)
                sizes["indexMB"] = round((paired / "graph.sqlite").stat().st_size / 1e6, 1)
                rows.extend({"forces": forces, **sizes, **row} for row in found)
            if forces == context.sizes[-1]:
                every = bench_cold_cli.every_question(store, max(1, runs // 2), params)
                rows.extend({"forces": forces, **sizes, **row, "goalMet": row["p95s"] < bench_cold_cli.GOAL_SECONDS}
                            for row in every)
            print(f"bench: cold CLI at {forces} forces done", file=sys.stderr)
    notes.append(f"a fresh `python -m oversight query NAME --store S --json` per run; before = {bench_cold_cli.BEFORE} "
                 "(graph.json parsed, the graph rebuilt through the merge rules, the facts validated), after = this "
                 f"tree (graph.sqlite read, the facts left in the JSON); {runs} runs of each, alternating which goes "
                 "first; ratio = after / before p50 wall, cpuRatio = after / before median CPU (user + system of the "
                 "process, steadier on a shared machine); tableSeconds: the same question printed as a table, once")
    for forces in context.sizes:
        before = [r for r in rows if r["forces"] == forces and r["path"] == "before: graph.json"]
        after = [r for r in rows if r["forces"] == forces and "ratio" in r]
        if before and after:
            notes.append(f"{forces} forces: {bench_cold_cli.QUESTION} {before[0]['p50s']} s before, {after[0]['p50s']} "
                         f"s after (x{round(before[0]['p50s'] / after[0]['p50s'], 1)} faster; CPU "
                         f"x{round(before[0]['cpuS'] / after[0]['cpuS'], 1)})")
    largest = context.sizes[-1]
    every_largest = [r for r in rows if r["forces"] == largest and "goalMet" in r]
    missed = [f"{r['query']} ({r['p95s']} s)" for r in every_largest if not r["goalMet"]]
    slowest = max(every_largest, key=lambda r: r["p95s"]) if every_largest else None
    if slowest is not None:
        busiest = max(every_largest, key=lambda r: r["cpuS"])
        notes.append(f"goal: every question under {bench_cold_cli.GOAL_SECONDS:g} s at p95 at {largest} forces: "
                     + ("met (slowest " if not missed else "missed by " + ", ".join(missed) + " (slowest ")
                     + f"{slowest['query']} {slowest['p95s']} s); CPU per command at most {busiest['cpuS']} s "
                     f"({busiest['query']})")
    if any(r.get("sameRows") is False for r in rows):
        notes.append("ROWS DIFFER between before and after at "
                     + ", ".join(f"{r['forces']} forces ({r['path']})" for r in rows if r.get("sameRows") is False))
    elif tree is not None:
        notes.append("the same rows before and after, and on the first open, at every size")
    context.shared["coldCli"] = rows
    return rows, notes


def new_measure_growth(context: Context) -> Section | None:
    """Growth of the load times and query latencies with the graph's size (nodes plus relationships)."""
    load = context.shared.get("load")
    latency = context.shared.get("latency")
    if not load and not latency:
        return None
    sizes = context.sizes
    graph_rows = [float(len(_graph(context, n)) + _graph(context, n).g.number_of_edges()) for n in sizes]
    section = Section("growth-neo4j", "Cost growth of Neo4j load and query latency (cost ~ rows^k, rows = nodes + relationships)",
                      ["measure", *[f"at{n}" for n in sizes], "kRows", "growth"])
    section.rows.append({"measure": "graph rows", **{f"at{n}": int(v) for n, v in zip(sizes, graph_rows, strict=True)},
                         "kRows": None, "growth": "graph size"})
    for engine, by_size in (load or {}).items():
        for method in by_size[sizes[0]]:
            results = [by_size[n][method] for n in sizes]
            if any(r.error or r.seconds is None or r.rows_done != r.rows for r in results):
                continue
            values = [round(r.seconds, 2) for r in results]
            k = fit_exponent(graph_rows, values)
            section.rows.append({"measure": f"load seconds {engine}: {method}",
                                 **{f"at{n}": v for n, v in zip(sizes, values, strict=True)},
                                 "kRows": k, "growth": growth_name(k)})
    latency = latency or []
    for backend in ("embedded", "arcadedb", "neo4j"):
        names = sorted({r["query"] for r in latency if r["backend"] == backend})
        for name in names:
            values = [next(r["p50ms"] for r in latency if r["query"] == name and r["backend"] == backend and r["forces"] == n)
                      for n in sizes]
            k = fit_exponent(graph_rows, [max(v, 0.01) for v in values])
            section.rows.append({"measure": f"p50 ms {backend}: {name}", **{f"at{n}": v for n, v in zip(sizes, values, strict=True)},
                                 "kRows": k, "growth": growth_name(k)})
    section.notes.append("k against the graph's rows; a question whose work is bounded by one finding's or one "
                         "document's neighbourhood stays flat (sublinear), one that reads every finding grows linearly")
    return section

#: Sections other benchmarks add to this run: (name, title, columns, rows function).
#: A rows function returns the rows, or (rows, notes).
EXTRA_SECTIONS: list[tuple[str, str, list[str], Callable[[Context], Any]]] = [
    ("neo4j-load", "Load into a real Neo4j and into ArcadeDB, each method into a fresh, empty database "
     "(rows = nodes + relationships)",
     ["engine", "forces", "method", "rows", "rowsDone", "seconds", "rowsPerSecond", "xPerRowMerge", "xRawCreate",
      "verified", "error"],
     neo4j_load_rows),
    ("catalogue-latency", "Query catalogue latency, warm (p50 and p95 of the timed runs after a warm-up; CPU ms per run)",
     ["forces", "query", "backend", "resultRows", "p50ms", "p95ms", "clientCpuMs", "serverCpuMs", "goalMs", "goalMet",
      "sameRows"], catalogue_latency_rows),
    ("view-timings", "HTML graph view: generation, size, and time to interactive of the middle page",
     ["nodes", "drawnNodes", "drawnLinks", "buildSeconds", "renderSeconds", "generationSeconds", "htmlMB",
      "interactiveSeconds", "loadWallSeconds", "selectSeconds"], view_timing_rows),
    ("corpus-facts", "Real corpus (../shared/corpus) and seeds: annotated facts recalled, per kind and per family; "
     "detected, forced and seeds side by side (goal: recall >= 0.8 and precision >= 0.95 per family)",
     ["by", "name", "files", "refused", "facts", "recalled", "recall", "extracted", "precision", "forcedRecalled",
      "forcedRecall", "forcedExtracted", "forcedPrecision", "seedFacts", "seedRecall", "seedExtracted",
      "seedPrecision"], corpus_facts_rows),
    ("standing", "Standing stage (graph/standing.py derive_standings): time, share of the build, peak memory",
     ["forces", "findings", "nodes", "factsSeconds", "inferenceSeconds", "standingSeconds", "buildSeconds",
      "standingShare", "standingCpuSeconds", "buildCpuSeconds", "msPerFinding", "standingPeakMB", "sameAsStore"],
     standing_rows),
    ("standing-latency", "Catalogue before and after the standing stage, alternating in one run (p50/p95 ms; ratio after / before)",
     ["query", "backend", "resultRowsOld", "resultRowsNew", "runs", "p50msOld", "p50msNew", "p50msRatio", "p95msOld",
      "p95msNew", "p95msRatio", "cpuMsOld", "cpuMsNew", "cpuRatio", "answer", "columnsDiffering"],
     standing_latency_rows),
    ("validate", "oversight validate: pySHACL (before issue 16) and pyshacl-turbo (after) on the same store, side by side",
     ["forces", "nodes", "secondsBefore", "secondsAfter", "xFaster", "cpuSecondsBefore", "cpuSecondsAfter",
      "xFasterCpu", "peakMBBefore", "peakMBAfter", "violations", "sameViolations", "goalMet"],
     validate_rows),
    ("cold-cli", "The command line cold (a fresh process per run): a catalogue question before and after the store "
     "index, then every question after it (seconds; goal: under 1 s at 43 forces)",
     ["forces", "storeMB", "indexMB", "query", "path", "runs", "p50s", "p95s", "cpuS", "ratio", "cpuRatio",
      "tableSeconds", "goalMet", "sameRows"], cold_cli_rows),
]


# ---------------------------------------------------------------------------
# Measurements, each in its own process
# ---------------------------------------------------------------------------


def _peak_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _cpu_seconds() -> float:
    """CPU time (user and system) this process has used: steadier than wall time on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    try:
        import psutil

        return round(psutil.Process().memory_info().rss / 2**20, 1)
    except ImportError:  # pragma: no cover - psutil is in the dev extra
        return _peak_mb()


def measure_generate(corpus: Path, forces: int, rounds: int, seed: int) -> dict[str, Any]:
    from oversight.synth import generate

    start = time.perf_counter()
    manifest = generate(corpus, forces=forces, rounds=rounds, seed=seed)
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "documents": manifest["documents"],
        "facts": manifest["facts"]["total"],
        "truthNodes": manifest["truth"]["nodes"],
        "truthRelationships": manifest["truth"]["relationships"],
        "lines": manifest["lines"],
        "megabytes": round(manifest["bytes"] / 1e6, 2),
        "supersession": manifest["supersession"],
        "peakMB": _peak_mb(),
    }


def measure_ingest(corpus: Path, store: Path, profile: Path | None = None) -> dict[str, Any]:
    # Imports first, so the time measured is the work, not the loading of libraries.
    import sklearn.feature_extraction.text  # noqa: F401
    import sklearn.metrics.pairwise  # noqa: F401

    from oversight import api
    from oversight.loaders.registry import extractor_families, get_extractor
    from oversight.ontology import ontology

    ontology()
    for family in extractor_families():
        get_extractor(family)
    before = _rss_mb()
    profiler = None
    if profile is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.005)
        profiler.start()
    cpu, start = _cpu_seconds(), time.perf_counter()
    report = api.ingest([corpus / "corpus"], store)
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    if profiler is not None and profile is not None:
        profiler.stop()
        profile.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    facts = sum(report.facts.values())
    return {
        "seconds": round(seconds, 2),
        "cpuSeconds": round(cpu, 2),
        "documents": len(report.documents),
        "facts": facts,
        "documentsPerSecond": round(len(report.documents) / seconds, 1),
        "factsPerSecond": round(facts / seconds),
        "nodes": report.nodes,
        "relationships": report.relationships,
        "problems": [str(p) for p in report.problems],
        "warnings": len(report.warnings),
        "rssBeforeMB": before,
        "peakMB": _peak_mb(),
        "storeMB": round((store / "graph.json").stat().st_size / 1e6, 1),
    }


def measure_load_and_score(corpus: Path, store: Path) -> dict[str, Any]:
    from oversight.graph.embedded_store import EmbeddedStore
    from oversight.synth.score import GOAL_F1, KNOWN_GAPS, gap_counts, score, score_inferred

    before = _rss_mb()
    cpu, start = _cpu_seconds(), time.perf_counter()
    state = EmbeddedStore(store).load()
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    peak = _peak_mb()
    extracted = state.graph.to_node_link()
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    rows = score(truth, extracted)
    return {
        "loadSeconds": round(seconds, 2),
        "loadCpuSeconds": round(cpu, 2),
        "loadRssBeforeMB": before,
        "loadPeakMB": peak,
        "accuracy": [r.as_dict() for r in rows],
        "belowGoal": [r.kind for r in rows if r.f1 < GOAL_F1],
        "belowGoalWithoutKnownGaps": [r.kind for r in rows if r.f1_without_gaps < GOAL_F1],
        "gaps": [
            {"gap": g.name, "where": g.where, "facts": gap_counts(rows)[g.name], "description": g.description}
            for g in KNOWN_GAPS
        ],
        "inferred": score_inferred(extracted, manifest["unstated"]),
        "inferredRules": measure_inference_rules(state.extractions, manifest["unstated"]),
    }


def measure_inference_rules(extractions: list[Any], unstated: list[Any]) -> list[dict[str, Any]]:
    """The inference rules before issue 14 (``bench/inference_before.py``) and now, each run on a
    fresh build of the same extractions without derivations, scored against the unstated chains,
    with the CPU time of the inference alone."""
    import inference_before
    import sklearn.feature_extraction.text  # noqa: F401  (imported before timing either rule set)
    import sklearn.metrics.pairwise  # noqa: F401

    from oversight.graph import inference
    from oversight.graph.build import build_graph
    from oversight.synth.score import score_inferred

    rows = []
    for rules, module in (("before", inference_before), ("after", inference)):
        graph = build_graph(extractions, derive=False)
        cpu = _cpu_seconds()
        module.add_inferred_supersession(graph)
        cpu = _cpu_seconds() - cpu
        scored = score_inferred(graph.to_node_link(), unstated)
        rows.append({"rules": rules, **scored, "inferenceCpuSeconds": round(cpu, 2)})
    return rows


def _child(args: argparse.Namespace) -> int:
    """Run one measurement in this process and print its JSON on the last line."""
    corpus, store = Path(args.corpus), Path(args.store)
    if args.measure == "generate":
        result = measure_generate(corpus, args.forces, args.rounds, args.seed)
    elif args.measure == "ingest":
        result = measure_ingest(corpus, store, Path(args.profile) if args.profile else None)
    elif args.measure == "standing":
        import bench_standing

        result = bench_standing.measure_standing(store, args.repeats)
    else:
        result = measure_load_and_score(corpus, store)
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    return 0


def _run_child(measure: str, forces: int, rounds: int, seed: int, corpus: Path, store: Path,
               profile: Path | None = None, repeats: int | None = None) -> dict[str, Any]:
    command = [
        sys.executable, str(Path(__file__).resolve()), "--child", measure,
        "--forces", str(forces), "--rounds", str(rounds), "--seed", str(seed),
        "--corpus", str(corpus), "--store", str(store),
    ]
    if profile is not None:
        command += ["--profile", str(profile)]
    if repeats is not None:
        command += ["--repeats", str(repeats)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"bench: {measure} of {forces} forces failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------
# Growth
# ---------------------------------------------------------------------------


def fit_exponent(sizes: list[float], costs: list[float]) -> float | None:
    """The exponent k of cost ~ size^k, least squares on logs (None with fewer than two points).

    >>> fit_exponent([5, 15, 45], [1.0, 3.0, 9.0])
    1.0
    >>> fit_exponent([5, 15, 45], [1.0, 9.0, 81.0])
    2.0
    """
    points = [(math.log(s), math.log(c)) for s, c in zip(sizes, costs, strict=True) if s > 0 and c > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    if sxx == 0:
        return None
    return round(sum((x - mx) * (y - my) for x, y in points) / sxx, 2)


def growth_name(k: float | None) -> str:
    """Words for a fitted exponent.

    >>> [growth_name(k) for k in (0.3, 0.97, 1.12, 1.6, 2.1)]
    ['sublinear (fixed costs dominate)', 'linear', 'n log n', 'between n log n and quadratic', 'quadratic or worse']
    """
    if k is None:
        return "n/a"
    if k < 0.85:
        return "sublinear (fixed costs dominate)"
    if k < 1.08:
        return "linear"
    if k < 1.25:
        return "n log n"
    if k < 1.85:
        return "between n log n and quadratic"
    return "quadratic or worse"


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor(),
        "ramGB": ram,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def run(sizes: list[int], rounds: int, seed: int, workdir: Path, profile: Path | None = None,
        mode: str = "full", only: frozenset[str] | None = None,
        engines: tuple[str, ...] | None = None) -> tuple[list[Section], Context]:
    corpora: dict[int, Path] = {}
    stores: dict[int, Path] = {}
    measures: dict[int, dict[str, Any]] = {}
    for forces in sizes:
        corpus = workdir / f"corpus-{forces}x{rounds}"
        store = workdir / f"store-{forces}x{rounds}"
        shutil.rmtree(store, ignore_errors=True)
        corpora[forces], stores[forces] = corpus, store
        generated = _run_child("generate", forces, rounds, seed, corpus, store)
        profile_file = None
        if profile is not None:
            profile.mkdir(parents=True, exist_ok=True)
            profile_file = profile / f"ingest-{forces}x{rounds}.txt"
        ingested = _run_child("ingest", forces, rounds, seed, corpus, store, profile_file)
        scored = _run_child("score", forces, rounds, seed, corpus, store)
        measures[forces] = {"generate": generated, "ingest": ingested, "score": scored}
        print(f"bench: {forces} forces x {rounds} rounds: {ingested['documents']} documents ingested in "
              f"{ingested['seconds']} s", file=sys.stderr)
    context = Context(sizes, rounds, seed, corpora, stores, measures, mode, only=only,
                      engines=MODES[mode].engines if engines is None else engines)
    try:
        return sections(context), context
    finally:
        close_hooks(context)


def sections(context: Context) -> list[Section]:
    sizes, measures = context.sizes, context.measures
    out: list[Section] = []

    corpus = Section("corpus", "Synthetic corpus", ["forces", "rounds", "documents", "reports", "progress",
                                                    "inspectionsAudits", "minutes", "registers", "facts",
                                                    "truthNodes", "truthRelationships", "MB", "generateSeconds"])
    for forces in sizes:
        g = measures[forces]["generate"]
        by = g["documents"]["byFamily"]
        corpus.rows.append({
            "forces": forces, "rounds": context.rounds, "documents": g["documents"]["total"],
            "reports": by.get("peel-report", 0), "progress": by.get("peel-progress", 0),
            "inspectionsAudits": by.get("inspections-audits", 0), "minutes": by.get("minutes", 0),
            "registers": by.get("register", 0), "facts": g["facts"], "truthNodes": g["truthNodes"],
            "truthRelationships": g["truthRelationships"], "MB": g["megabytes"], "generateSeconds": g["seconds"],
        })
    out.append(corpus)

    largest = sizes[-1]
    scored = measures[largest]["score"]
    accuracy = Section(
        "accuracy",
        f"Extraction accuracy at {largest} forces x {context.rounds} rounds (goal: F1 >= 0.98 per kind)",
        ["kind", "truth", "extracted", "precision", "recall", "f1", "misses", "extras", "f1WithoutKnownGaps",
         "unexplainedMisses", "unexplainedExtras"],
    )
    for row in scored["accuracy"]:
        accuracy.rows.append({k: row[k] for k in accuracy.columns})
    below, residual = scored["belowGoal"], scored["belowGoalWithoutKnownGaps"]
    accuracy.notes.append(
        "every kind meets the goal" if not below else f"{len(below)} kinds below the goal: " + ", ".join(below)
    )
    accuracy.notes.append(
        "with the facts of the known extractor gaps set aside, every kind meets the goal"
        if not residual else "below the goal even without the known gaps: " + ", ".join(residual)
    )
    for row in scored["accuracy"]:
        if row["unexplainedMisses"] or row["unexplainedExtras"]:
            accuracy.notes.append(
                f"{row['kind']}: unexplained misses {row['missSample'][:3]}, extras {row['extraSample'][:3]}"
            )
    for forces in sizes[:-1]:
        other = measures[forces]["score"]["belowGoalWithoutKnownGaps"]
        accuracy.notes.append(
            f"at {forces} forces: {len(measures[forces]['score']['belowGoal'])} kinds below the goal, "
            + ("none without the known gaps" if not other else "without the known gaps: " + ", ".join(other))
        )
    out.append(accuracy)

    gaps = Section("known-gaps", f"Known extractor gaps and the facts they explain at {largest} forces",
                   ["gap", "where", "facts", "description"])
    gaps.rows.extend(scored["gaps"])
    out.append(gaps)

    inferred = Section("inferred-supersession",
                       "Inferred supersession against the unstated chains: the rules before issue 14 and now, on the "
                       "same graph (suggestions; goal: precision >= 0.8 at recall >= 0.8)",
                       ["forces", "rules", "chains", "suggestions", "right", "chainsFound", "precision", "recall",
                        "inferenceCpuSeconds"])
    for forces in sizes:
        for row in measures[forces]["score"]["inferredRules"]:
            inferred.rows.append({"forces": forces, **{k: row[k] for k in inferred.columns[1:]}})
    inferred.notes.append(
        "before: word TF-IDF, every later round, up to two suggestions each (bench/inference_before.py); after: "
        "the next round only, word and character n-gram TF-IDF, status history, best suggestion each, the later "
        "papers' uncited passages (graph/inference.py); 'right' counts a later finding's two keys apart"
    )
    out.append(inferred)

    cost = Section("ingest", "Ingest (api.ingest: read, detect, extract, resolve, build with inference, save) and store load",
                   ["forces", "documents", "facts", "ingestSeconds", "ingestCpuSeconds", "documentsPerSecond",
                    "factsPerSecond", "ingestPeakMB", "storeMB", "loadSeconds", "loadCpuSeconds", "loadPeakMB", "problems"])
    for forces in sizes:
        i, s = measures[forces]["ingest"], measures[forces]["score"]
        cost.rows.append({
            "forces": forces, "documents": i["documents"], "facts": i["facts"], "ingestSeconds": i["seconds"],
            "ingestCpuSeconds": i["cpuSeconds"], "documentsPerSecond": i["documentsPerSecond"],
            "factsPerSecond": i["factsPerSecond"], "ingestPeakMB": i["peakMB"], "storeMB": i["storeMB"],
            "loadSeconds": s["loadSeconds"], "loadCpuSeconds": s["loadCpuSeconds"], "loadPeakMB": s["loadPeakMB"],
            "problems": len(i["problems"]),
        })
    cost.notes.append(
        f"peak RSS includes the interpreter and libraries: {measures[sizes[0]]['ingest']['rssBeforeMB']} MB before "
        f"ingest, {measures[sizes[0]]['score']['loadRssBeforeMB']} MB before load"
    )
    out.append(cost)

    growth = Section("growth", "Cost growth (cost ~ size^k, fitted on the sizes run, against forces and against facts)",
                     ["measure", *[f"at{n}" for n in sizes], "kForces", "kFacts", "growth"])
    series = {
        "documents": [measures[n]["ingest"]["documents"] for n in sizes],
        "facts": [measures[n]["ingest"]["facts"] for n in sizes],
        "ingestSeconds": [measures[n]["ingest"]["seconds"] for n in sizes],
        "ingestCpuSeconds": [measures[n]["ingest"]["cpuSeconds"] for n in sizes],
        "ingestPeakMB (above baseline)": [
            round(measures[n]["ingest"]["peakMB"] - measures[n]["ingest"]["rssBeforeMB"], 1) for n in sizes
        ],
        "storeMB": [measures[n]["ingest"]["storeMB"] for n in sizes],
        "loadSeconds": [measures[n]["score"]["loadSeconds"] for n in sizes],
        "loadCpuSeconds": [measures[n]["score"]["loadCpuSeconds"] for n in sizes],
        "loadPeakMB (above baseline)": [
            round(measures[n]["score"]["loadPeakMB"] - measures[n]["score"]["loadRssBeforeMB"], 1) for n in sizes
        ],
        "generateSeconds": [measures[n]["generate"]["seconds"] for n in sizes],
    }
    facts = [float(v) for v in series["facts"]]
    for name, values in series.items():
        k = fit_exponent([float(n) for n in sizes], [float(v) for v in values])
        k_facts = None if name in ("documents", "facts") else fit_exponent(facts, [float(v) for v in values])
        named = "corpus size" if k_facts is None else growth_name(k_facts)
        growth.rows.append({"measure": name, **{f"at{n}": v for n, v in zip(sizes, values, strict=True)}, "kForces": k,
                            "kFacts": k_facts, "growth": named})
    growth.notes.append(
        "k is the least-squares slope of log cost against log size; the growth named is against facts (the "
        "corpus size), since forces differ in how many papers they have; fixed costs (a few hundred ms per run) "
        "pull k below 1 at small sizes"
    )
    out.append(growth)

    for name, title, columns, rows in EXTRA_SECTIONS:
        if context.only is not None and name not in context.only:
            continue
        found = rows(context)
        notes: list[str] = []
        if isinstance(found, tuple):
            found, notes = found
        if found or notes:
            out.append(Section(name, title, columns, list(found), list(notes)))
    grown = new_measure_growth(context)
    if grown is not None:
        out.append(grown)
    return out


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1000 else f"{value:.0f}"
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    return "" if value is None else str(value)


def format_section(section: Section) -> str:
    """A section as a plain-text table (columns padded, numbers right-aligned), then its notes."""
    rows = [[_cell(row.get(c)) for c in section.columns] for row in section.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(section.columns)]
    numeric = [all(r[i].replace(".", "", 1).replace("-", "", 1).isdigit() for r in rows if r[i]) for i in range(len(widths))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric, strict=True)).rstrip()

    out = [section.title, "-" * len(section.title), line(section.columns)]
    out.extend(line(r) for r in rows)
    out.extend(f"  * {note}" for note in section.notes)
    return "\n".join(out) + "\n"


def print_sections(found: list[Section], info: dict[str, Any]) -> None:
    print(f"machine: {info['nproc']} CPU ({info['cpu']}), {info['ramGB']} GB RAM, Python {info['python']}\n")
    for section in found:
        print(format_section(section))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="National-scale benchmark of the oversight pipeline (see the module docstring).")
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument("--quick", action="store_true", help="1, 2 and 4 forces, views up to 5,000 nodes, 5 runs a question (under 2 minutes)")
    sizes.add_argument("--tiny", action="store_true", help="1, 2 and 3 forces x 2 rounds (a smoke test)")
    sizes.add_argument("--sizes", help="comma-separated numbers of forces, e.g. 5,15,43")
    parser.add_argument("--rounds", type=int, default=None, help="PEEL rounds, 1 to 4 [4; 2 with --tiny]")
    parser.add_argument("--seed", type=int, default=1, help="generator seed [1]")
    parser.add_argument("--json", dest="json_file", help="also write the report as JSON to this file")
    parser.add_argument("--workdir", help="where corpora and stores go [a temporary directory]")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and stores")
    parser.add_argument("--only", help="comma-separated names of the extra sections to run, e.g. standing,standing-latency "
                                       "[every one: " + ",".join(name for name, *_ in EXTRA_SECTIONS) + "]")
    parser.add_argument("--engines", help="comma-separated servers the Neo4j sections measure, of "
                        + ",".join(ENGINES) + " [both; arcadedb only with --tiny]")
    parser.add_argument("--profile", help="profile each ingest with pyinstrument; write the profiles to this directory")
    parser.add_argument("--child", choices=("generate", "ingest", "score", "standing"), help=argparse.SUPPRESS)
    parser.add_argument("--repeats", type=int, default=3, help=argparse.SUPPRESS)
    parser.add_argument("--forces", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        args.measure = args.child
        return _child(args)

    chosen = list(TINY if args.tiny else QUICK if args.quick else FULL)
    if args.sizes:
        chosen = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    rounds = args.rounds or (2 if args.tiny else 4)
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="oversight-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        mode = "tiny" if args.tiny else "quick" if args.quick else "full"
        only = None
        if args.only:
            only = frozenset(n.strip() for n in args.only.split(",") if n.strip())
            unknown = sorted(only - {name for name, *_ in EXTRA_SECTIONS})
            if unknown:
                parser.error(f"--only: unknown sections {', '.join(unknown)}; known: "
                             + ", ".join(name for name, *_ in EXTRA_SECTIONS))
        engines = None
        if args.engines is not None:
            engines = tuple(e for e in ENGINES if e in {n.strip() for n in args.engines.split(",")})
            unknown = sorted({n.strip() for n in args.engines.split(",") if n.strip()} - set(ENGINES))
            if unknown:
                parser.error(f"--engines: unknown servers {', '.join(unknown)}; known: {', '.join(ENGINES)}")
        found, context = run(chosen, rounds, args.seed, workdir, Path(args.profile) if args.profile else None, mode,
                             only, engines)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    info = machine()
    report = {
        "benchmark": "oversight national scale",
        "command": "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": info,
        "parameters": {"sizes": chosen, "rounds": rounds, "seed": args.seed},
        "engines": list(context.engines),
        "seconds": round(time.perf_counter() - started, 1),
        "sections": [s.as_dict() for s in found],
    }
    print_sections(found, info)
    print(json.dumps(report, indent=1))
    if args.json_file:
        Path(args.json_file).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if args.keep:
        print(f"bench: corpora and stores kept in {workdir}", file=sys.stderr)
    del context
    return 0


if __name__ == "__main__":
    sys.exit(main())
