"""Load methods and query-catalogue latency on a real Neo4j and on ArcadeDB, side by side.

Used by ``bench/run.py`` (its hooks ``neo4j_load_rows`` and
``catalogue_latency_rows``); not a script of its own. Each server is started for
the run in a temporary directory on free ports and stopped when the run ends,
however it ends (:class:`BenchServer`): a real Neo4j 5.26 community
(:mod:`oversight.graph.neo4j_server`, needs Java 17+ and Maven; started with an
import directory for ``LOAD CSV``) and ArcadeDB (:mod:`oversight.graph.bolt_server`,
the pip-only server). Where one cannot start, its parts are skipped with the reason.

**Load**, for one graph, each method into a fresh, empty database
(:meth:`BenchServer.fresh`: on ArcadeDB a new database; on Neo4j, whose community
edition has one, that database emptied, its constraints and indexes dropped and
its query caches cleared), the same schema (the uniqueness constraint and the
catalogue's indexes, online) made before the clock starts, and the client-side
row building inside the clock:

``batched``
    :meth:`oversight.graph.neo4j_store.Neo4jStore.load`, default batch size:
    ``UNWIND $rows …`` per label set and relationship type, one managed
    transaction per batch, with the created/updated/unchanged accounting.
``per-row-merge``
    What most tutorials do: one auto-commit ``session.run`` per node
    (``MERGE (n:<labels> {key: $key}) SET n += $props``) and one per
    relationship (``MATCH`` both ends by key, ``MERGE`` the relationship,
    ``SET r += $props``); with a budget, a timed shuffled sample (see
    :func:`load_per_row`).
``rdflib-neo4j``
    The same graph as RDF (:func:`oversight.graph.rdf_store.to_rdf`, inside the
    clock) streamed into the ``rdflib-neo4j`` package's ``Neo4jStore`` as its
    documentation shows (``Graph(store=Neo4jStore(config)).add(...)``,
    ``close(True)``); with a budget, time-boxed and its full time estimated
    (:func:`load_rdflib`). Where it fails, the row carries its exact error and no
    number.
``raw-create``
    The server's limit for these rows: ``UNWIND $rows AS row CREATE (n:…) SET
    n = row`` for nodes and ``MATCH`` both ends by key, ``CREATE`` the
    relationship for relationships, in batches of the same size, into an empty
    database: no check of what is there, no accounting.
``load-csv`` (Neo4j only)
    The graph written as CSV files into the server's import directory (inside the
    clock), then ``LOAD CSV WITH HEADERS FROM $url … CALL (row) { CREATE … } IN
    TRANSACTIONS`` per file, each property turned back into its ontology type
    (:func:`csv_statements`).

Rows are the graph's nodes plus relationships, the same count for every method
(``rdflib-neo4j`` writes triples, reported beside). After each complete load the
database is read back and the row says whether it holds exactly the graph: every
node with its labels and properties, every relationship with its ends, type and
properties (:func:`verify`).

**Latency**: every catalogue question, with realistic parameters taken from the
graph (:func:`question_params`), on the embedded graph and on each server (the
database the batched loader filled), warmed up, then timed
:data:`LATENCY_RUNS` times each; p50 and p95 (nearest rank), the CPU each run
used on average in this process and (on a server) in the server's, and whether
each server gave the embedded rows.
"""

from __future__ import annotations

import atexit
import base64
import collections
import contextlib
import gc
import io
import json
import logging
import math
import signal
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oversight.graph.bolt_server import free_ports

# The driver logs every server notification (a relationship type this graph lacks, a deprecation)
# as a warning on stderr; the bench's output is its tables.
logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)

LOAD_METHODS = ("batched", "per-row-merge", "rdflib-neo4j", "raw-create", "load-csv")
#: Timed runs per question and backend, after :data:`WARMUP_RUNS` untimed ones.
LATENCY_RUNS = 20
WARMUP_RUNS = 2
#: Goals, in milliseconds, for the p95 of each question, by backend: embedded, the local
#: ArcadeDB server (the pip-only one) and a real Neo4j 5 (issue 16: under 100 ms at 43 forces).
GOAL_P95_MS = {"embedded": 50.0, "arcadedb": 500.0, "neo4j": 100.0}
#: Day the "as of" questions are asked on: inside the fourth PEEL round of the synthetic corpus.
AS_OF = "2024-06-30"
DUE_WINDOW = ("2024-01-01", "2024-12-31")


class Unavailable(Exception):
    """No Bolt server could be had; the message says why."""


def _raise_exit(signum: int, frame: Any) -> None:  # noqa: ARG001
    raise SystemExit(128 + signum)


class BenchServer:
    """A local Bolt server for one benchmark run, in a temporary directory, on free ports.

    ``engine`` is ``arcadedb`` (the pip-only server; a fresh database per method,
    created and dropped through its HTTP API) or ``neo4j`` (a real Neo4j 5.26
    community, :mod:`oversight.graph.neo4j_server`, started with an import
    directory so ``LOAD CSV`` can read the files this bench writes; community has
    one user database, which :meth:`fresh` empties between methods).

    Use as a context manager: :meth:`stop` runs on leaving it, at interpreter
    exit, and on SIGTERM or SIGHUP (turned into ``SystemExit`` so the
    ``finally`` blocks run), so the server never outlives the run.
    """

    def __init__(self, max_heap: str = "2g", engine: str = "arcadedb") -> None:
        self.max_heap = max_heap
        self.engine = engine
        self.root: Path | None = None
        self.info: Any = None
        self._signals: dict[int, Any] = {}

    @property
    def import_dir(self) -> Path | None:
        """Where ``LOAD CSV`` reads ``file:///`` URLs from (Neo4j only; None: it may not)."""
        return self.root / "import" if self.root is not None and self.engine == "neo4j" else None

    def start(self) -> BenchServer:
        from oversight.errors import ServerError
        from oversight.graph import bolt_server

        try:
            if self.engine == "neo4j":
                from oversight.graph import neo4j_server

                neo4j_server.find_runtime()
            else:
                bolt_server.find_runtime()
        except ServerError as exc:
            raise Unavailable(str(exc)) from None
        self.root = Path(tempfile.mkdtemp(prefix=f"oversight-bench-{self.engine}-"))
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(ValueError):  # not the main thread
                self._signals[sig] = signal.signal(sig, _raise_exit)
        atexit.register(self.stop)
        bolt, http = free_ports(2)
        import_dir = self.import_dir
        if import_dir is not None:
            import_dir.mkdir()
        try:
            self.info = bolt_server.start(
                self.root / "server", engine=self.engine, bolt_port=bolt, http_port=http,
                max_heap=self.max_heap, import_dir=import_dir,
            )  # fmt: skip
        except ServerError as exc:
            self.stop()
            raise Unavailable(f"the local {self.engine} server did not start: {exc}") from None
        return self

    def stop(self) -> None:
        import shutil

        from oversight.graph import bolt_server

        if self.root is not None:
            with contextlib.suppress(Exception):
                bolt_server.stop(self.root / "server")
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
        for sig, previous in self._signals.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(sig, previous)
        self._signals.clear()

    def __enter__(self) -> BenchServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def agent(self) -> str:
        if self.engine == "neo4j":
            return self.info.version or "Neo4j"
        return f"ArcadeDB {self.info.version}" if self.info.version else "ArcadeDB"

    def command(self, text: str) -> None:
        """One ArcadeDB server command through its HTTP API (``create database x``, ``drop database x``)."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.info.http_port}/api/v1/server",
            method="POST",
            data=json.dumps({"command": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        token = base64.b64encode(f"{self.info.username}:{self.info.password.get_secret_value()}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()

    def target(self, database: str) -> Any:
        from oversight.graph.neo4j_store import Neo4jTarget

        return Neo4jTarget(uri=self.info.uri, username=self.info.username, password=self.info.password, database=database)

    def fresh(self, name: str) -> str:
        """An empty database with no constraint or index, for one method; returns its name.

        ArcadeDB: the database ``name``, created (dropped first if a previous run
        left it). Neo4j community has one user database, so it is emptied instead,
        outside any clock: every node and relationship deleted (``CALL () { … } IN
        TRANSACTIONS``), every constraint and index but the two token-lookup ones
        dropped and the query caches cleared (so every method plans its statements,
        as a first load does). Community has no ``db.checkpoint()``: a checkpoint
        comes every 15 minutes or 100,000 transactions, and may land in any method's
        clock.
        """
        if self.engine != "neo4j":
            with contextlib.suppress(urllib.error.HTTPError):
                self.command(f"drop database {name}")
            self.command(f"create database {name}")
            return name
        database = self.info.database
        driver = self.driver()
        try:
            with driver.session(database=database) as session:
                session.run("CALL () { MATCH (n) DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
                for record in list(session.run("SHOW CONSTRAINTS YIELD name")):
                    session.run("DROP CONSTRAINT $name", name=record["name"]).consume()
                for record in list(session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")):
                    session.run("DROP INDEX $name", name=record["name"]).consume()
                session.run("CALL db.clearQueryCaches()").consume()
        finally:
            driver.close()
        return database

    def create_database(self, name: str) -> Any:
        """A fresh, empty database (see :meth:`fresh`); returns its target."""
        return self.target(self.fresh(name))

    def drop_database(self, name: str) -> None:
        if self.engine == "neo4j":  # the one database stays; the next fresh() empties it
            return
        with contextlib.suppress(urllib.error.HTTPError, OSError):
            self.command(f"drop database {name}")

    @contextlib.contextmanager
    def database(self, name: str) -> Iterator[Any]:
        target = self.create_database(name)
        try:
            yield target
        finally:
            self.drop_database(target.database)

    def driver(self) -> Any:
        import neo4j

        return neo4j.GraphDatabase.driver(
            self.info.uri,
            auth=(self.info.username, self.info.password.get_secret_value()),
            warn_notification_severity="OFF",
        )


# --- load ------------------------------------------------------------------------------


@dataclass
class LoadResult:
    method: str
    rows: int  # the graph's nodes plus relationships
    rows_done: int = 0
    seconds: float | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    verified: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float | None:
        if self.error or not self.seconds or not self.rows_done:
            return None
        return self.rows_done / self.seconds


def driver_description() -> str:
    """The Python driver's version and whether it packs rows in Rust (``neo4j-rust-ext``) or pure Python."""
    import importlib.metadata

    from neo4j._codec.packstream import v1  # the driver's own switch between the two

    rust = getattr(v1, "_rust_pack", None) is not None
    version = importlib.metadata.version("neo4j")
    return f"neo4j driver {version}, packstream in {'Rust (neo4j-rust-ext)' if rust else 'pure Python'}"


def _schema(server: BenchServer, driver: Any, database: str) -> None:
    """The loader's constraint and indexes, made (and on Neo4j online) before a clock starts."""
    from oversight.graph.neo4j_store import schema_statements

    with driver.session(database=database) as session:
        for statement in schema_statements():
            session.run(statement).consume()
        if server.engine == "neo4j":
            session.run("CALL db.awaitIndexes(300)").consume()


def _error_line(exc: BaseException) -> str:
    """The exact error, on one line: class, then the message (the server's code and text)."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:600]


def _rows(graph: Any) -> int:
    return len(graph) + graph.g.number_of_edges()


def load_batched(server: BenchServer, database: str, graph: Any, batch_size: int | None = None) -> LoadResult:
    from oversight.graph.neo4j_store import DEFAULT_BATCH_SIZE, Neo4jStore

    size = batch_size or DEFAULT_BATCH_SIZE
    result = LoadResult("batched", _rows(graph))
    driver = server.driver()
    try:
        _schema(server, driver, database)
    finally:
        driver.close()
    with Neo4jStore.open(server.target(database)) as store:
        started = time.perf_counter()
        report = store.load(graph, batch_size=size)
        result.seconds = time.perf_counter() - started
    result.rows_done = report.rows
    result.extra = {"batchSize": size, "batches": report.batches, "created": report.nodes.created + report.relationships.created}
    return result


def _per_row_statements(graph: Any) -> tuple[list[tuple[str, dict[str, Any]]], list[tuple[str, dict[str, Any]]]]:
    """One (statement, parameters) per node and per relationship, as a tutorial's per-row MERGE writes them."""
    from oversight.graph.neo4j_store import BASE_LABEL, node_rows, relationship_rows

    onto = graph.onto
    nodes: list[tuple[str, dict[str, Any]]] = []
    for chain, group in node_rows(graph).items():
        # Labels come from the graph's ontology-checked class chains.
        statement = f"MERGE (n:{BASE_LABEL}:{':'.join(chain)} {{key: $key}}) SET n += $props"
        nodes.extend((statement, {"key": row["key"], "props": row["props"]}) for row in group)
    relationships = []
    for rel_type, group in relationship_rows(graph).items():
        identity = onto.relationship(rel_type).identity_property
        merge = f"MERGE (s)-[r:{rel_type} {{{identity}: $identity}}]->(t)" if identity else f"MERGE (s)-[r:{rel_type}]->(t)"
        statement = f"MATCH (s:{BASE_LABEL} {{key: $source}}) MATCH (t:{BASE_LABEL} {{key: $target}}) {merge} SET r += $props"
        for row in group:
            params = {"source": row["source"], "target": row["target"], "props": row["props"]}
            if identity:
                params["identity"] = row["props"][identity]
            relationships.append((statement, params))
    return nodes, relationships


def load_per_row(server: BenchServer, database: str, graph: Any, budget: float | None = None) -> LoadResult:
    """One auto-commit statement per row; with a ``budget`` (seconds), a timed sample of the rows.

    Without a budget every node, then every relationship, is written in load
    order and the clock covers all of it. With one (Neo4j commits each
    auto-commit transaction to disk, about 10 to 25 ms here, so the whole graph
    would take most of an hour at 43 forces), nodes in a fixed shuffled order
    (seed 0, so every label set is in the sample) are timed for half the budget,
    the nodes not reached are created untimed in batches so every relationship
    finds its ends, then relationships in a shuffled order for the other half:
    rows per second is the rows timed over the seconds timed, and the row says so.
    """
    import random

    from oversight.graph.neo4j_store import BASE_LABEL, DEFAULT_BATCH_SIZE, node_rows

    result = LoadResult("per-row-merge", _rows(graph))
    nodes, relationships = _per_row_statements(graph)
    driver = server.driver()
    try:
        _schema(server, driver, database)
        with driver.session(database=database) as session:
            if budget is None:
                started = time.perf_counter()
                for statement, params in nodes + relationships:
                    session.run(statement, params).consume()
                result.seconds = time.perf_counter() - started
                result.rows_done = len(nodes) + len(relationships)
                return result
            random.Random(0).shuffle(nodes)
            random.Random(0).shuffle(relationships)
            seconds, done = 0.0, 0
            written: set[str] = set()
            for part in (nodes, relationships):
                started = time.perf_counter()
                for statement, params in part:
                    if time.perf_counter() - started > budget / 2:
                        break
                    session.run(statement, params).consume()
                    done += 1
                    if part is nodes:
                        written.add(params["key"])
                seconds += time.perf_counter() - started
                if part is nodes:  # untimed: the nodes not reached, so relationships find their ends
                    for chain, group in node_rows(graph).items():
                        statement = f"UNWIND $rows AS row CREATE (n:{BASE_LABEL}:{':'.join(chain)}) SET n = row"
                        rest = [row["props"] for row in group if row["key"] not in written]
                        for start in range(0, len(rest), DEFAULT_BATCH_SIZE):
                            batch = rest[start : start + DEFAULT_BATCH_SIZE]
                            session.execute_write(lambda tx, s=statement, b=batch: tx.run(s, rows=b).consume())
            result.seconds, result.rows_done = seconds, done
            result.notes.append(
                f"time-boxed at {budget:g} s: {done:,} of {result.rows:,} rows timed, a shuffled sample of the nodes "
                f"then of the relationships (the other nodes written untimed between them); rows/s is of the sample"
            )
            result.extra["sampled"] = True
    finally:
        driver.close()
    return result


def load_rdflib(server: BenchServer, database: str, graph: Any, budget: float | None = None) -> LoadResult:
    """The graph as RDF (``to_rdf``, inside the clock) streamed into rdflib-neo4j's store.

    With a ``budget`` (seconds of streaming), it stops there, closes the store
    (writing the last batch) and the full load's time is estimated: the
    ``to_rdf`` time plus the streaming time scaled up by the share of triples
    written; the row says so.
    """
    rows = _rows(graph)
    result = LoadResult("rdflib-neo4j", rows)
    try:
        from rdflib import Graph
        from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStoreConfig
        from rdflib_neo4j import Neo4jStore as RdfNeo4jStore
    except ImportError as exc:
        result.error = f"rdflib-neo4j is not installed ({exc}); pip install -e '.[bench]'"
        return result
    from oversight.graph.rdf_store import to_rdf
    from oversight.ontology import ID, OV

    auth = {
        "uri": server.info.uri,
        "database": database,
        "user": server.info.username,
        "pwd": server.info.password.get_secret_value(),
    }
    config = Neo4jStoreConfig(
        auth_data=auth,
        custom_prefixes={"ov": OV, "id": ID, "prov": "http://www.w3.org/ns/prov#"},
        handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE,
        batching=True,
    )
    quiet = io.StringIO()  # it prints progress to stdout and logs its errors on the root logger
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.CRITICAL)
    started = time.perf_counter()
    triples = 0
    try:
        with contextlib.redirect_stdout(quiet):
            rdf = to_rdf(graph)
            result.extra["toRdfSeconds"] = round(time.perf_counter() - started, 2)
            result.extra["triples"] = len(rdf)
            target = Graph(store=RdfNeo4jStore(config=config))
            failure: BaseException | None = None
            streaming = time.perf_counter()
            try:
                for triple in rdf:
                    target.add(triple)
                    triples += 1
                    if budget is not None and triples % 1000 == 0 and time.perf_counter() - streaming > budget:
                        break
            except BaseException as exc:  # noqa: BLE001 - re-raised below, after the store is closed
                failure = exc
            try:
                target.close(True)  # writes the last batch: a failure here is the load's failure too
            except Exception as exc:
                if failure is None:
                    failure = exc
            if failure is not None:
                raise failure
        result.seconds = time.perf_counter() - started
        result.rows_done = rows
        total = result.extra["triples"]
        if triples < total:
            streamed = time.perf_counter() - streaming
            result.seconds = result.extra["toRdfSeconds"] + streamed * total / triples
            result.extra["estimated"] = True
            result.notes.append(
                f"time-boxed at {budget:g} s of streaming: {triples:,} of {total:,} triples written in {streamed:.1f} s "
                f"after to_rdf's {result.extra['toRdfSeconds']:.1f} s; seconds are to_rdf plus the streaming time "
                f"scaled to every triple"
            )
    except Exception as exc:  # its failures are the measurement here: recorded, never hidden
        result.error = _error_line(exc)
        result.notes.append(f"failed after {time.perf_counter() - started:.1f} s, at triple {triples:,}")
    finally:
        root.setLevel(level)
    return result


def load_raw_create(server: BenchServer, database: str, graph: Any, batch_size: int | None = None) -> LoadResult:
    from oversight.graph.neo4j_store import (
        BASE_LABEL,
        DEFAULT_BATCH_SIZE,
        node_rows,
        relationship_rows,
    )

    size = batch_size or DEFAULT_BATCH_SIZE
    result = LoadResult("raw-create", _rows(graph))
    driver = server.driver()

    def write(statement: str, batch: list[Any]) -> None:
        with driver.session(database=database) as session:
            session.execute_write(lambda tx: tx.run(statement, rows=batch).consume())

    try:
        _schema(server, driver, database)
        started = time.perf_counter()
        done = 0
        for chain, group in node_rows(graph).items():
            statement = f"UNWIND $rows AS row CREATE (n:{BASE_LABEL}:{':'.join(chain)}) SET n = row"
            for start in range(0, len(group), size):
                batch = [row["props"] for row in group[start : start + size]]
                write(statement, batch)
                done += len(batch)
        for rel_type, group in relationship_rows(graph).items():
            statement = (
                f"UNWIND $rows AS row MATCH (s:{BASE_LABEL} {{key: row.source}}) MATCH (t:{BASE_LABEL} {{key: row.target}}) "
                f"CREATE (s)-[r:{rel_type}]->(t) SET r = row.props"
            )
            for start in range(0, len(group), size):
                batch = group[start : start + size]
                write(statement, batch)
                done += len(batch)
        result.seconds = time.perf_counter() - started
        result.rows_done = done
        result.extra = {"batchSize": size}
    finally:
        driver.close()
    return result


#: Separates the items of a list property in a CSV cell (a control character no paper's text keeps).
LIST_SEPARATOR = "\x1f"


def _csv_cell(value: Any) -> str:
    """One CSV field: absent values empty and unquoted (LOAD CSV reads them as null), others quoted."""
    if value is None:
        return ""
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(_csv_scalar(v) for v in value)
    else:
        text = _csv_scalar(value)
    return '"' + text.replace('"', '""') + '"'


def _csv_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if LIST_SEPARATOR in text or "\\" in text:
        # The separator would split the value; Neo4j's default (legacy) CSV quoting reads \\" as a quote.
        raise ValueError(f"a value holds {'the list separator' if LIST_SEPARATOR in text else 'a backslash'}: "
                         f"{text[:40]!r}")
    return text


def _csv_value(onto: Any, name: str, column: str) -> str:
    """The Cypher expression that turns one CSV column back into the property's ontology type."""
    info = onto.properties[onto.P.check(name)]
    convert = {"integer": "toInteger({})", "boolean": "toBoolean({})", "decimal": "toFloat({})",
               "double": "toFloat({})"}.get(info.datatype, "{}")
    if info.multi_valued:
        return f"[x IN split({column}, $separator) | {convert.format('x')}]"
    return convert.format(column)


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(columns) + "\n")
        for row in rows:
            handle.write(",".join(_csv_cell(row.get(c)) for c in columns) + "\n")


def csv_statements(graph: Any, import_dir: Path, batch_size: int) -> list[tuple[str, str]]:
    """Write the graph as CSV files into ``import_dir`` (one per label set and relationship type);
    the ``LOAD CSV`` statements that load them, each with its file's name.

    Each file has a header; cells are strings, turned back into each property's
    ontology type in the statement (``toInteger``, ``toFloat``, ``toBoolean``,
    lists split on :data:`LIST_SEPARATOR`). Nodes are ``CREATE``d with their
    labels, relationships ``CREATE``d between the nodes matched by key, in
    ``CALL (row) { … } IN TRANSACTIONS OF batch_size ROWS``: the documented way
    to load an empty database from files. Labels, types and property names come
    from the ontology (checked); the file URL is a parameter.
    """
    from oversight.graph.neo4j_store import BASE_LABEL, node_rows, relationship_rows

    onto = graph.onto
    out = []
    for index, (chain, group) in enumerate(node_rows(graph).items()):
        names = sorted({k for row in group for k in row["props"]} - {"key"})
        columns = ["key", *(f"p{i}" for i in range(len(names)))]
        _write_csv(import_dir / f"nodes-{index}.csv", columns,
                   [{"key": row["key"], **{f"p{i}": row["props"].get(n) for i, n in enumerate(names)}} for row in group])
        props = ", ".join(["key: row.key", *(f"{n}: {_csv_value(onto, n, f'row.p{i}')}" for i, n in enumerate(names))])
        out.append((f"nodes-{index}.csv", "\n".join([
            "LOAD CSV WITH HEADERS FROM $url AS row",
            "CALL (row) {",
            f"  CREATE (n:{BASE_LABEL}:{':'.join(chain)})",
            f"  SET n = {{{props}}}",
            f"}} IN TRANSACTIONS OF {int(batch_size)} ROWS",
        ])))
    for index, (rel_type, group) in enumerate(relationship_rows(graph).items()):
        names = sorted({k for row in group for k in row["props"]})
        columns = ["source", "target", *(f"p{i}" for i in range(len(names)))]
        _write_csv(import_dir / f"relationships-{index}.csv", columns,
                   [{"source": row["source"], "target": row["target"],
                     **{f"p{i}": row["props"].get(n) for i, n in enumerate(names)}} for row in group])
        props = ", ".join(f"{n}: {_csv_value(onto, n, f'row.p{i}')}" for i, n in enumerate(names))
        out.append((f"relationships-{index}.csv", "\n".join([
            "LOAD CSV WITH HEADERS FROM $url AS row",
            "CALL (row) {",
            f"  MATCH (s:{BASE_LABEL} {{key: row.source}})",
            f"  MATCH (t:{BASE_LABEL} {{key: row.target}})",
            f"  CREATE (s)-[r:{onto.relationship(rel_type).type}]->(t)",
            f"  SET r = {{{props}}}",
            f"}} IN TRANSACTIONS OF {int(batch_size)} ROWS",
        ])))
    return out


def load_csv(server: BenchServer, database: str, graph: Any, batch_size: int | None = None) -> LoadResult:
    """``LOAD CSV`` from files the clock also covers writing (into the server's import directory)."""
    import shutil

    from oversight.graph.neo4j_store import DEFAULT_BATCH_SIZE

    size = batch_size or DEFAULT_BATCH_SIZE
    result = LoadResult("load-csv", _rows(graph))
    import_dir = server.import_dir
    if import_dir is None:
        result.error = f"LOAD CSV from files: the {server.engine} bench server has no import directory (Neo4j only)"
        return result
    for old in import_dir.iterdir():
        old.unlink()
    driver = server.driver()
    try:
        _schema(server, driver, database)
        started = time.perf_counter()
        statements = csv_statements(graph, import_dir, size)
        written = time.perf_counter() - started
        with driver.session(database=database) as session:
            for name, statement in statements:  # CALL … IN TRANSACTIONS needs an auto-commit transaction
                session.run(statement, url=f"file:///{name}", separator=LIST_SEPARATOR).consume()
        result.seconds = time.perf_counter() - started
        result.rows_done = result.rows
        result.extra = {"batchSize": size, "csvSeconds": round(written, 2),
                        "csvMB": round(sum(p.stat().st_size for p in import_dir.iterdir()) / 1e6, 1)}
    finally:
        driver.close()
        for old in import_dir.iterdir():
            with contextlib.suppress(OSError):
                old.unlink() if old.is_file() else shutil.rmtree(old)
    return result


def _plain(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _fingerprint_db(driver: Any, database: str) -> tuple[collections.Counter[Any], collections.Counter[Any]]:
    """Every node (labels, properties) and relationship (ends' keys, type, properties) the database holds."""
    nodes: collections.Counter[Any] = collections.Counter()
    relationships: collections.Counter[Any] = collections.Counter()
    with driver.session(database=database) as session:
        for record in session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"):
            props = frozenset((k, _plain(v)) for k, v in record["props"].items())
            nodes[(frozenset(record["labels"]), props)] += 1
        for record in session.run(
            "MATCH (s)-[r]->(t) RETURN s.key AS source, type(r) AS type, t.key AS target, properties(r) AS props"
        ):
            props = frozenset((k, _plain(v)) for k, v in record["props"].items())
            relationships[(record["source"], record["type"], record["target"], props)] += 1
    return nodes, relationships


def _fingerprint_graph(graph: Any) -> tuple[collections.Counter[Any], collections.Counter[Any]]:
    from oversight.graph.neo4j_store import BASE_LABEL, node_rows, relationship_rows

    nodes: collections.Counter[Any] = collections.Counter()
    for chain, group in node_rows(graph).items():
        for row in group:
            nodes[(frozenset((BASE_LABEL, *chain)), frozenset((k, _plain(v)) for k, v in row["props"].items()))] += 1
    relationships: collections.Counter[Any] = collections.Counter()
    for rel_type, group in relationship_rows(graph).items():
        for row in group:
            props = frozenset((k, _plain(v)) for k, v in row["props"].items())
            relationships[(row["source"], rel_type, row["target"], props)] += 1
    return nodes, relationships


def verify(server: BenchServer, database: str, graph: Any, result: LoadResult) -> None:
    """Whether the database holds exactly the graph: every node with its labels and properties, every
    relationship with its ends, type and properties (compared as multisets, after the clock)."""
    if result.error or result.method == "rdflib-neo4j" or result.rows_done != result.rows:
        return
    driver = server.driver()
    try:
        nodes, relationships = _fingerprint_db(driver, database)
    finally:
        driver.close()
    want_nodes, want_relationships = _fingerprint_graph(graph)
    result.verified = (nodes, relationships) == (want_nodes, want_relationships)
    if not result.verified:
        result.notes.append(
            f"database holds {sum(nodes.values()):,} nodes and {sum(relationships.values()):,} relationships; "
            f"{sum((want_nodes - nodes).values()):,} nodes and {sum((want_relationships - relationships).values()):,} "
            f"relationships of the graph differ or are missing"
        )


def methods_for(server: BenchServer) -> tuple[str, ...]:
    """The load methods a server runs: LOAD CSV from files needs Neo4j's import directory."""
    return LOAD_METHODS if server.engine == "neo4j" else tuple(m for m in LOAD_METHODS if m != "load-csv")


def warm_up(server: BenchServer, graph: Any) -> None:
    """Run the batched, per-row and raw loads once, untimed, so the server's JIT is warm for the first size."""
    methods = ("batched", "per-row-merge", "raw-create") + (("load-csv",) if server.engine == "neo4j" else ())
    run_load(server, "warmup", graph, methods=methods, per_row_budget=1.0, keep=None)


def run_load(
    server: BenchServer,
    label: str,
    graph: Any,
    methods: tuple[str, ...] = LOAD_METHODS,
    per_row_budget: float | None = None,
    keep: str | None = "batched",
    rdflib_budget: float | None = None,
) -> tuple[list[LoadResult], str | None]:
    """Every method on ``graph``, each into a fresh, empty database (:meth:`BenchServer.fresh`);
    returns the results and the kept database.

    The database the ``keep`` method filled is left for the latency measurements
    (the caller drops it); the others are dropped. On Neo4j, whose one database
    the next method empties, nothing is kept.
    """
    results = []
    kept = None
    for method in methods:
        name = server.fresh(f"bench_{label}_{method.replace('-', '_')}")
        try:
            if method == "batched":
                result = load_batched(server, name, graph)
            elif method == "per-row-merge":
                result = load_per_row(server, name, graph, per_row_budget)
            elif method == "rdflib-neo4j":
                result = load_rdflib(server, name, graph, rdflib_budget)
            elif method == "load-csv":
                result = load_csv(server, name, graph)
            else:
                result = load_raw_create(server, name, graph)
            verify(server, name, graph, result)
        except Exception as exc:  # one method's failure is a row of the report, not the end of the run
            result = LoadResult(method, _rows(graph), error=_error_line(exc))
        results.append(result)
        if method == keep and result.error is None and server.engine != "neo4j":
            kept = name
        else:
            server.drop_database(name)
    return results, kept


# --- latency ------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100) of ``values``.

    >>> percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50), percentile(list(range(1, 21)), 95)
    (3.0, 19)
    """
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def question_params(graph: Any) -> dict[str, dict[str, Any]]:
    """Realistic parameters for the questions that take a key or a date, read from ``graph``.

    - ``finding-lineage``: the finding with the most supersession links (its
      lineage has the most paths);
    - ``status-history``: the finding with the most status assessments;
    - ``accountability-chain``: the finding with the most paths to the PCC or
      the Panel;
    - ``evidenced-by-document``: the document that evidences most nodes;
    - ``overdue-findings``: :data:`AS_OF`; ``recommendations-due``: :data:`DUE_WINDOW`.

    Questions with only optional filters run unfiltered: the national view,
    their heaviest case.
    """
    from oversight.queries.governance import accountability_chain

    g = graph.g
    findings = [k for k, d in g.nodes(data=True) if "Finding" in d["labels"]]
    documents = [k for k, d in g.nodes(data=True) if "Document" in d["labels"]]

    def count(key: str, rel: str, incoming: bool = False) -> int:
        edges = g.in_edges(key, data=True) if incoming else g.out_edges(key, data=True)
        return sum(1 for *_, d in edges if d["type"] == rel)

    params: dict[str, dict[str, Any]] = {
        "overdue-findings": {"asOf": AS_OF},
        "recommendations-due": {"dueFrom": DUE_WINDOW[0], "dueTo": DUE_WINDOW[1]},
    }
    if findings:
        lineage = max(sorted(findings), key=lambda k: count(k, "SUPERSEDES") + count(k, "SUPERSEDES", True))
        history = max(sorted(findings), key=lambda k: count(k, "HAS_STATUS"))
        params["finding-lineage"] = {"finding": lineage}
        params["status-history"] = {"finding": history}
        answerable = [k for k in sorted(findings) if count(k, "OWNED_BY") or count(k, "OVERSEEN_BY")]
        chain = max(answerable or sorted(findings), key=lambda k: len(accountability_chain(graph, k)))
        params["accountability-chain"] = {"finding": chain}
    if documents:
        params["evidenced-by-document"] = {
            "document": max(sorted(documents), key=lambda d: count(d, "EVIDENCED_BY", True))
        }
    return params


def _server_cpu(pid: int | None) -> Callable[[], float | None]:
    """A reader of the server process's CPU seconds (user + system, psutil); reads None without one."""
    if pid is None:
        return lambda: None
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil is in the dev extra
        return lambda: None
    try:
        process = psutil.Process(pid)
    except psutil.Error:
        return lambda: None

    def read() -> float | None:
        try:
            cpu = process.cpu_times()
        except psutil.Error:
            return None
        return float(cpu.user + cpu.system)

    return read


def _timed(
    run: Callable[[], Any], runs: int, warmup: int, settle: float | None = 0.0, server_pid: int | None = None
) -> tuple[list[float], Any, dict[str, float | None]]:
    """Times of ``runs`` calls of ``run`` after ``warmup`` untimed ones, and the CPU they used.

    Garbage from what ran before is collected first and the machine gets
    ``settle`` seconds to finish what it was doing (the server, sharing its
    CPUs, collects and flushes after a heavy query), so each question is timed
    as a user running it on its own would see it; its own collections stay in
    its times. ``settle=None`` skips both (a smoke test: a collection of this
    process's heap takes 50 to 100 ms, and there are 102 of them a run).

    The CPU figures are milliseconds per run, averaged over the timed runs:
    this process's (``client``) and, given ``server_pid``, the server's. On a
    shared machine they are the steadier measure of the work a question costs;
    the wall times say what a user waits.
    """
    result = None
    for _ in range(warmup):
        result = run()
    if settle is not None:
        gc.collect()
        time.sleep(settle)
    server = _server_cpu(server_pid)
    client_start, server_start = time.process_time(), server()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - started) * 1000)
    client_end, server_end = time.process_time(), server()

    def per_run(start: float | None, end: float | None) -> float | None:
        return None if start is None or end is None else round((end - start) * 1000 / runs, 1)

    return times, result, {"client": per_run(client_start, client_end), "server": per_run(server_start, server_end)}


def run_latency(
    graph: Any,
    stores: dict[str, tuple[Any, int | None]] | None = None,
    runs: int = LATENCY_RUNS,
    warmup: int = WARMUP_RUNS,
    settle: float | None = 0.0,
) -> list[dict[str, Any]]:
    """p50 and p95 of every question on the embedded graph and on each server of ``stores``.

    ``stores`` maps a backend's name (``arcadedb``, ``neo4j``: keys of
    :data:`GOAL_P95_MS`) to an open :class:`~oversight.graph.neo4j_store.Neo4jStore`
    holding the graph and its server's pid (for its CPU). Every question is timed
    embedded first, then every question on each server in turn: an embedded user
    has no server beside them, and a server, sharing this machine's CPUs, keeps
    working (collecting garbage, flushing) for a while after a heavy query, which
    would otherwise land in the next backend's times. ``sameRows`` on a server's
    row says whether it gave the embedded rows; on the embedded row, whether every
    server did (None without a server).
    """
    from oversight.queries.catalog import catalogue
    from oversight.queries.runner import run_question

    stores = stores or {}
    params = question_params(graph)
    given_to = {name: params.get(name, {}) for name in sorted(catalogue())}
    answers: dict[str, dict[str, tuple[list[float], list[Any], dict[str, float | None]]]] = {
        name: {} for name in given_to
    }
    for name, given in given_to.items():
        times, embedded, cpu = _timed(lambda: run_question(name, given, graph=graph), runs, warmup, settle)  # noqa: B023
        answers[name]["embedded"] = (times, embedded.rows, cpu)
    for backend, (store, pid) in stores.items():
        for name, given in given_to.items():
            times, server, cpu = _timed(
                lambda: run_question(name, given, backend="neo4j", store=store),  # noqa: B023
                runs, warmup, settle, pid,
            )
            answers[name][backend] = (times, server.rows, cpu)
    rows = []
    for name, given in given_to.items():
        expected = answers[name]["embedded"][1]
        same = {b: answers[name][b][1] == expected for b in stores}
        for backend, (times, found, cpu) in answers[name].items():
            p95 = percentile(times, 95)
            rows.append(
                {
                    "query": name,
                    "backend": backend,
                    "params": json.dumps(given, sort_keys=True) if given else "",
                    "resultRows": len(found),
                    "runs": len(times),
                    "p50ms": round(percentile(times, 50), 2),
                    "p95ms": round(p95, 2),
                    "clientCpuMs": cpu["client"],
                    "serverCpuMs": cpu["server"],
                    "goalMs": GOAL_P95_MS[backend],
                    "goalMet": p95 < GOAL_P95_MS[backend],
                    "sameRows": (all(same.values()) if same else None) if backend == "embedded" else same[backend],
                }
            )
    return rows


def round_trip_ms(server: BenchServer, runs: int = 200) -> float:
    """Median time of one auto-commit ``RETURN 1`` on the server: the floor of any one-statement-per-row load."""
    driver = server.driver()
    try:
        with driver.session(database=server.info.database) as session:
            for _ in range(20):
                session.run("RETURN 1").consume()
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                session.run("RETURN 1").consume()
                times.append((time.perf_counter() - started) * 1000)
    finally:
        driver.close()
    return percentile(times, 50)
