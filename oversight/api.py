"""The public Python API: what the CLI calls, and what a notebook user imports.

>>> from oversight import api                                # doctest: +SKIP
>>> report = api.ingest(["papers/"], store=".oversight")     # doctest: +SKIP
>>> graph = api.load(".oversight")                           # doctest: +SKIP
>>> api.findings(graph, status="in-progress")                # doctest: +SKIP

Functions take a store path or an already loaded graph, return plain data
(dicts, lists, dataclasses), and raise :class:`oversight.errors.OversightError`
subclasses; they never print or exit.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

from oversight.graph.build import build_graph
from oversight.graph.embedded_store import DEFAULT_LOCK_WAIT, EmbeddedStore, StoreState
from oversight.graph.export import write_export
from oversight.graph.model import OversightGraph
from oversight.graph.validate import DEFAULT_ENGINE, Violation
from oversight.graph.validate import validate as run_checks
from oversight.loaders.families.tracker import parse_column_spec
from oversight.loaders.ingest import Problem, ProgressCallback, extract_paths, fact_counts
from oversight.loaders.models import ExtractOptions
from oversight.queries.findings import findings_table

__all__ = [
    "IngestReport",
    "stored_path",
    "ingest",
    "load",
    "load_state",
    "stats",
    "export",
    "validate",
    "findings",
    "trace",
    "reconcile",
]

GraphOrStore: TypeAlias = "OversightGraph | str | Path"


@dataclass
class IngestReport:
    """What an ingest did: documents by family, facts by kind, warnings and problems."""

    store: str
    documents: list[dict[str, Any]] = field(default_factory=list)
    families: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "store": self.store,
            "documents": self.documents,
            "families": self.families,
            "facts": self.facts,
            "warnings": self.warnings,
            "problems": [str(p) for p in self.problems],
            "skipped": self.skipped,
            "replaced": self.replaced,
            "nodes": self.nodes,
            "relationships": self.relationships,
        }


def stored_path(path: str, store: str | Path) -> str:
    """Where a document is, as the store records it: its real path (links resolved)
    relative to the store directory, with ``/`` separators; the real path itself
    when none can be made (another drive).

    >>> stored_path("/papers/a.txt", "/papers/store")
    '../a.txt'
    """
    real = os.path.realpath(path)
    try:
        relative = os.path.relpath(real, os.path.realpath(store))
    except ValueError:
        return real
    return Path(relative).as_posix()


def load_state(store: str | Path) -> StoreState:
    """The store's extractions and graph."""
    return EmbeddedStore(store).load()


def load(source: GraphOrStore) -> OversightGraph:
    """The graph of a store (or the graph itself, when given one)."""
    if isinstance(source, OversightGraph):
        return source
    return load_state(source).graph


def ingest(
    paths: Iterable[str | Path],
    store: str | Path,
    family: str | None = None,
    on_progress: ProgressCallback | None = None,
    lock_wait: float = DEFAULT_LOCK_WAIT,
    columns: str | Mapping[str, str] | None = None,
    inspection: str | None = None,
) -> IngestReport:
    """Read papers and registers into the store, rebuilding its graph.

    ``columns`` overrides how a tracker's columns are mapped
    (``"status=C,owner=Lead officer"``, a YAML file of ``field: column``, or a
    mapping); ``inspection`` names the inspection a tracker's rows belong to
    when the tracker does not say.

    A document is kept under its path relative to the store (:func:`stored_path`:
    the real path, symbolic links resolved), so the same file is the same document
    whatever directory the command ran in, and the store holds no absolute home
    path. Each document replaces what an earlier version of the same file (same
    path, other content) contributed; the same content under a new path is the
    same document, renamed. Each document's text is kept in the store (its lines, as the
    facts cite them: :mod:`oversight.graph.document_texts`), so its passages can be shown
    wherever the file goes. Documents already in the store are kept. Files that
    cannot be used are listed in ``problems``; the others are still ingested. The
    store is written atomically, once, at the end.
    """
    embedded = EmbeddedStore(store)
    options = ExtractOptions(columns=tuple(parse_column_spec(columns).items()), inspection=inspection)
    run = extract_paths(paths, family=family, on_progress=on_progress, options=options)
    given = {id(e): e.document.path for e in run.extractions}
    warnings = [str(w) for e in run.extractions for w in e.warnings]  # as the user named the files
    for extraction in run.extractions:
        where = stored_path(extraction.document.path, embedded.path)
        extraction.document = extraction.document.model_copy(update={"path": where})
        extraction.warnings = [w.model_copy(update={"path": where}) for w in extraction.warnings]
    with embedded.lock(timeout=lock_wait, holder="oversight ingest"):
        state = embedded.load() if embedded.file.exists() else StoreState()
        by_key = {e.document.key: e for e in state.extractions}
        replaced: list[str] = []
        for extraction in run.extractions:
            for old_key, old in list(by_key.items()):
                if old.document.path == extraction.document.path and old_key != extraction.document.key:
                    replaced.append(given[id(extraction)])  # as the user named the file
                    del by_key[old_key]
            by_key[extraction.document.key] = extraction
        extractions = sorted(by_key.values(), key=lambda e: e.document.key)
        graph = build_graph(extractions, documents_root=embedded.path)
        named = {e.document.path: given[id(e)] for e in run.extractions}  # as the user named them
        run.problems.extend(
            Problem(named.get(path, path), message, line) for path, line, message in dict.fromkeys(graph.rejected)
        )
        if run.extractions or not embedded.exists():
            embedded.save(StoreState(extractions=extractions, graph=graph, texts=run.texts))
    counts = graph.counts()
    return IngestReport(
        store=str(embedded.path),
        documents=[
            {
                "path": given[id(e)],
                "key": e.document.key,
                "family": e.document.family,
                "confidence": e.document.family_confidence,
                "title": e.document.title,
            }
            for e in run.extractions
        ],
        families=dict(sorted(Counter(e.document.family or "unknown" for e in run.extractions).items())),
        facts=fact_counts(run.extractions),
        warnings=warnings,
        problems=run.problems,
        skipped=run.skipped,
        replaced=sorted(set(replaced)),
        nodes=sum(1 for _ in graph.g.nodes),
        relationships=sum(counts["relationships"].values()),
    )


def stats(source: GraphOrStore) -> dict[str, Any]:
    """Counts by label and relationship type, and the names awaiting review."""
    graph = load(source)
    counts = graph.counts()
    return {
        "nodes": graph.g.number_of_nodes(),
        "relationships": graph.g.number_of_edges(),
        "labels": counts["labels"],
        "relationshipTypes": counts["relationships"],
        "unresolved": [
            {"key": n["key"], "label": n["labels"][0], "name": n.get("name"), "surfaceNames": n.get("surfaceNames", [])}
            for n in graph.unresolved()
        ],
    }


def export(source: GraphOrStore, fmt: str, path: str | Path, overwrite: bool = False) -> Path:
    """Write the graph as ``json`` (node-link), ``ttl``, ``jsonld`` or ``graphml``."""
    return write_export(load(source), fmt, Path(path), overwrite=overwrite)


def validate(
    source: GraphOrStore,
    checks: list[str] | None = None,
    engine: str = DEFAULT_ENGINE,
    on_progress: Any = None,
) -> list[Violation]:
    """Run the SHACL shapes and graph checks; an empty list means valid.

    ``engine`` is the SHACL engine: ``turbo`` (default) or ``pyshacl`` (the
    engine before issue 16; the same violations, much slower at scale).
    """
    return run_checks(load(source), checks, engine=engine, on_progress=on_progress)


def findings(
    source: GraphOrStore,
    kind: str | None = None,
    inspection: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """Findings with status, RAG, due date, owners and overseeing boards."""
    return findings_table(load(source), kind=kind, inspection=inspection, status=status)


def trace(source: GraphOrStore, key: str, stated_only: bool = False) -> dict[str, Any]:
    """A finding's whole lineage (both directions, transitively), status history, owners and boards."""
    from oversight.queries.lineage import trace as trace_finding

    return trace_finding(load(source), key, stated_only=stated_only)


def reconcile(source: GraphOrStore, inspection: str | None = None) -> list[dict[str, Any]]:
    """Closure accounting for one inspection, or for every inspection a paper states counts about."""
    from oversight.queries.closure import reconcilable_inspections
    from oversight.queries.closure import reconcile as reconcile_inspection

    graph = load(source)
    keys = [inspection] if inspection else reconcilable_inspections(graph)
    return [reconcile_inspection(graph, key) for key in keys]


# -- Neo4j, the query catalogue and the local Bolt server ---------------------------
# (imports are local so that the embedded commands never load the driver)


def server_dir(store: str | Path) -> Path:
    """The local Bolt server's directory for a store: ``<store>/server``."""
    return Path(store) / "server"


def neo4j_target(settings: Any, *, read_only: bool = False) -> Any:
    """Where to find Neo4j for these :class:`~oversight.settings.Settings`.

    When no URI was given (no ``--uri``, no ``NEO4J_URI``) and the store's local
    server (``<store>/server``) is running, that server, with its own user and
    password (a database given explicitly still wins); with ``read_only``, its
    read-only user where it has one (ArcadeDB: a user of the built-in
    ``readonly`` group, so the server itself refuses every write). Otherwise the
    settings as resolved: flags, then environment, then defaults. The
    connection and transaction timeouts come from the settings either way.
    """
    from oversight.graph import bolt_server
    from oversight.graph.neo4j_store import Neo4jTarget

    given = settings.model_fields_set
    bounds = {"connect_timeout": settings.neo4j_connect_timeout, "timeout": settings.neo4j_timeout}
    if "neo4j_uri" not in given:
        local = bolt_server.status(server_dir(settings.store))
        if local is not None:
            reader = read_only and local.read_username is not None and local.read_password is not None
            return Neo4jTarget(
                uri=local.uri,
                username=local.read_username if reader else local.username,
                password=local.read_password if reader else local.password,
                database=settings.neo4j_database if "neo4j_database" in given else local.database,
                **bounds,
            )
    return Neo4jTarget(
        uri=settings.neo4j_uri,
        username=settings.neo4j_username,
        password=settings.neo4j_password,
        database=settings.neo4j_database,
        **bounds,
    )


def neo4j_load(
    source: GraphOrStore,
    target: Any,
    *,
    batch_size: int | None = None,
    wipe: bool = False,
    on_progress: Any = None,
) -> Any:
    """Load the graph into Neo4j (see :mod:`oversight.graph.neo4j_store`); returns a LoadReport."""
    from oversight.graph.neo4j_store import DEFAULT_BATCH_SIZE, Neo4jStore

    graph = load(source)
    with Neo4jStore.open(target) as store:
        return store.load(graph, batch_size=batch_size or DEFAULT_BATCH_SIZE, wipe=wipe, on_progress=on_progress)


def neo4j_status(target: Any) -> dict[str, Any]:
    """Connectivity, server agent and version, and what this tool loaded, by label and type."""
    from oversight.graph.neo4j_store import Neo4jStore

    with Neo4jStore.open(target) as store:
        return {"ok": True, **store.server_info(), **store.counts()}


def query_catalogue() -> list[dict[str, Any]]:
    """Every named question: name, description, parameters with defaults, columns."""
    from oversight.queries.catalog import catalogue

    return [q.as_dict() for q in catalogue().values()]


def run_query(
    name: str,
    params: dict[str, Any] | None = None,
    *,
    source: GraphOrStore | None = None,
    backend: str = "embedded",
    target: Any = None,
) -> Any:
    """Answer a named question on a store of :data:`oversight.graph.stores.STORES`: ``embedded``
    (``source``: a store directory or a graph), ``rdf`` (``source``: a .ttl or .jsonld file) or
    ``neo4j`` (``target``: the connection)."""
    from oversight.graph.stores import open_store
    from oversight.queries.catalog import question
    from oversight.queries.runner import run_question

    question(name)  # an unknown name fails before any store is opened
    opened = open_store(backend, source=source, target=target)
    try:
        return run_question(name, params, store=opened)
    finally:
        opened.close()


def run_cypher(target: Any, statement: str, params: dict[str, Any] | None = None, *, write: bool = False) -> Any:
    """Run an ad-hoc statement on the Bolt server; read-only unless ``write``."""
    from oversight.graph.neo4j_store import Neo4jStore
    from oversight.queries.runner import check_read_only
    from oversight.queries.runner import run_cypher as run

    if not write:
        check_read_only(statement)  # refused before connecting
    with Neo4jStore.open(target) as store:
        return run(store, statement, params, write=write)


def server_start(
    store: str | Path, directory: str | Path | None = None, engine: str | None = None, **ports: int
) -> tuple[Any, bool]:
    """Start the local Bolt server (or find it running); returns (ServerInfo, started now).

    ``engine`` is ``neo4j`` or ``arcadedb``; ``None`` means the one running, else
    :func:`oversight.graph.bolt_server.default_engine` (Neo4j where Java 17+ and
    Maven are present). Asking for one engine while the other runs is an error.
    """
    from oversight.errors import ServerError
    from oversight.graph import bolt_server

    if engine is not None:
        bolt_server.get_engine(engine)  # an unknown name fails before anything else
    where = Path(directory) if directory is not None else server_dir(store)
    running = bolt_server.status(where)
    if running is not None:
        if engine is not None and running.engine != engine:
            raise ServerError(
                f"{where}: a {running.engine} server (pid {running.pid}) is running there; "
                f"stop it before starting {engine}"
            )
        return running, False
    chosen = engine or bolt_server.default_engine()
    return bolt_server.start(where, engine=chosen, **ports), True


def server_stop(store: str | Path, directory: str | Path | None = None) -> bool:
    """Stop the local Bolt server; False when none was running."""
    from oversight.graph import bolt_server

    return bolt_server.stop(Path(directory) if directory is not None else server_dir(store))


def server_status(store: str | Path, directory: str | Path | None = None) -> Any:
    """The running local Bolt server's ServerInfo, or None."""
    from oversight.graph import bolt_server

    return bolt_server.status(Path(directory) if directory is not None else server_dir(store))


__all__ += [
    "server_dir",
    "neo4j_target",
    "neo4j_load",
    "neo4j_status",
    "query_catalogue",
    "run_query",
    "run_cypher",
    "server_start",
    "server_stop",
    "server_status",
]


# -- HTML views ----------------------------------------------------------------------
# (imports are local so that the other commands never load the view templates)


def view(source: GraphOrStore, name: str, key: str | None = None, **options: Any) -> Any:
    """Build the HTML view ``name`` (graph, node, lineage, boards, inspection) as a
    :class:`~oversight.viz.page.View`; ``key`` names the node of the node, lineage and
    inspection views; ``options`` are the view function's (``depth``, ``stated_only``,
    ``labels``, ``inspection``, ``status``, ``colour_by``). ``view(...).html()`` is the page.
    """
    from oversight.viz import make_view

    return make_view(load(source), name, key, **options)


def write_view(
    source: GraphOrStore,
    name: str,
    path: str | Path | None = None,
    key: str | None = None,
    overwrite: bool = False,
    **options: Any,
) -> dict[str, Any]:
    """Write the HTML view ``name`` to ``path`` (default ``oversight-<name>.html``).

    An existing file is kept (BadParameter) unless ``overwrite``; the check comes
    before the store is read. Returns ``{"view", "path", "nodes", "edges"}``.
    """
    from oversight.errors import BadParameter
    from oversight.viz import DEFAULT_FILENAME

    target = Path(path) if path is not None else Path(DEFAULT_FILENAME.format(view=name))
    if target.exists() and not overwrite:
        raise BadParameter(f"{target}: already exists (use --force to replace it)")
    built = view(source, name, key, **options)
    written = built.write(target, overwrite=overwrite)
    nodes, edges = built.counts
    return {"view": name, "path": str(written), "nodes": nodes, "edges": edges}


__all__ += ["view", "write_view"]


# -- the tracker -----------------------------------------------------------------------


def tracker(source: GraphOrStore, as_of: str | None = None) -> dict[str, Any]:
    """The tracker's table as plain data (:func:`oversight.queries.tracker.tracker`):
    ``asOf``, ``inspections`` and ``findings``; ``as_of`` (an ISO 8601 day) defaults to today."""
    from oversight.queries.tracker import tracker as tracker_of

    return tracker_of(load(source), _day(as_of))


def _day(as_of: str | None) -> str:
    import datetime
    import re

    from oversight.errors import BadParameter

    if as_of is None:
        return datetime.date.today().isoformat()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
            raise ValueError(as_of)
        datetime.date.fromisoformat(as_of)
    except ValueError:
        raise BadParameter(f"--as-of {as_of!r}: not a day (YYYY-MM-DD)") from None
    return as_of


def write_tracker(
    source: GraphOrStore,
    path: str | Path | None = None,
    as_of: str | None = None,
    csv: str | Path | None = None,
    xlsx: str | Path | None = None,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Write the HTML tracker to ``path`` (default ``oversight-tracker.html``) and, when
    asked, the same table as ``csv`` and ``xlsx``, overdue marks as of ``as_of`` (default
    today). No file is replaced unless ``overwrite`` (BadParameter, checked for every
    target before the store is read). Returns ``{"path", "csv", "xlsx", "asOf",
    "findings", "inspections", "overdue"}``.
    """
    from oversight.errors import BadParameter
    from oversight.graph.export import write_atomically
    from oversight.viz.tracker import (
        DEFAULT_TRACKER,
        tracker_data,
        tracker_html_of,
        write_tracker_csv,
        write_tracker_xlsx,
    )

    day = _day(as_of)
    target = Path(path) if path is not None else Path(DEFAULT_TRACKER)
    targets = [target] + [Path(p) for p in (csv, xlsx) if p is not None]
    for each in targets:
        if each.exists() and not overwrite:
            raise BadParameter(f"{each}: already exists (use --force to replace it)")
    if len({str(t.resolve()) for t in targets}) != len(targets):
        raise BadParameter(f"{target}: the HTML, CSV and XLSX files must be three different files")
    graph = load(source)
    data = tracker_data(graph, day)
    written = write_atomically(target, tracker_html_of(data), overwrite=overwrite)
    report: dict[str, Any] = {
        "path": str(written),
        "csv": str(write_tracker_csv(graph, csv, day, overwrite, data)) if csv is not None else None,
        "xlsx": str(write_tracker_xlsx(graph, xlsx, day, overwrite, data)) if xlsx is not None else None,
        "asOf": day,
        "findings": len(data["findings"]),
        "inspections": len(data["inspections"]),
        "overdue": sum(1 for row in data["findings"] if row["overdue"]),
    }
    return report


__all__ += ["tracker", "write_tracker"]
