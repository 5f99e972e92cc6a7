"""CLI commands for Neo4j, the query catalogue and the local Bolt server.

``oversight queries``, ``oversight query NAME``, ``oversight cypher "…"``,
``oversight neo4j load|status`` and ``oversight server start|stop|status``.
:func:`register` adds them to the main app (``oversight/cli.py`` calls it), so
they share its one error policy: a library error is one line and exit code 2.
Like the other commands, each parses its options, calls one function of
:mod:`oversight.api` and renders the result.

Connection settings come from ``--uri/--user/--password/--database``, then
``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``; with
no URI given and the store's local server running, that server.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from oversight.cells import safe_cell
from oversight.cli_options import JsonOption, StoreOption, progress_bar, settings
from oversight.errors import BadParameter
from oversight.graph.stores import store_names
from oversight.render import Lines, print_json, print_table, say
from oversight.settings import Settings

__all__ = ["register", "neo4j_app", "server_app"]

# Options of the commands below; --store and --json are shared (cli_options).
UriOption = Annotated[
    Optional[str],
    typer.Option("--uri", help="Bolt URI \\[env NEO4J_URI; default: the store's local server if running, else bolt://localhost:7687].", show_default=False),
]
UserOption = Annotated[
    Optional[str], typer.Option("--user", help="Neo4j user \\[env NEO4J_USERNAME; default neo4j].", show_default=False)
]
PasswordOption = Annotated[
    Optional[str],
    typer.Option("--password", help="Neo4j password \\[env NEO4J_PASSWORD, which keeps it out of the process list].", show_default=False),
]
DatabaseOption = Annotated[
    Optional[str],
    typer.Option("--database", help="Database, always passed explicitly \\[env NEO4J_DATABASE; default neo4j].", show_default=False),
]
ParamOption = Annotated[
    Optional[list[str]],
    typer.Option("--param", "-p", help="A parameter as name=value; repeat for more.", show_default=False),
]
DirOption = Annotated[
    Optional[Path],
    typer.Option("--dir", help="The server's directory \\[default <store>/server].", show_default=False),
]

PRODUCTION = (
    "Production use means Neo4j 5 (Docker, Desktop or Aura), for example "
    "`docker run -p7474:7474 -p7687:7687 -e NEO4J_AUTH=neo4j/<password> neo4j:5`, "
    "then set NEO4J_URI=bolt://localhost:7687, NEO4J_USERNAME=neo4j, NEO4J_PASSWORD and "
    "NEO4J_DATABASE=neo4j."
)


def _settings(store: Path | None, **neo4j: Any) -> Settings:
    return settings(store, **neo4j)


def _target(
    store: Path | None, uri: str | None, user: str | None, password: str | None, database: str | None, *, read_only: bool = False
) -> Any:
    from oversight import api

    _quiet_driver_log()
    cfg = _settings(store, neo4j_uri=uri, neo4j_username=user, neo4j_password=password, neo4j_database=database)
    return api.neo4j_target(cfg, read_only=read_only)


def _quiet_driver_log() -> None:
    """Keep the driver's log records (retry warnings, dropped connections) off stderr.

    With no handler configured, Python prints WARNING records to stderr, which
    would put lines before the one error line a failure ends with. A handler the
    user configures still receives them.
    """
    driver_log = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in driver_log.handlers):
        driver_log.addHandler(logging.NullHandler())


def _pairs(values: list[str] | None) -> dict[str, str]:
    """``name=value`` options as a dict; a malformed or repeated one is one clear error."""
    pairs: dict[str, str] = {}
    for item in values or []:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise BadParameter(f"--param {item!r}: write it as name=value")
        if name in pairs:
            raise BadParameter(f"--param {name}: given twice")
        pairs[name] = value
    return pairs


def _csv_cell(value: Any) -> str:
    """A CSV cell: lists as JSON, booleans as true/false, text that a spreadsheet would
    run as a formula neutralised (:func:`oversight.cells.safe_cell`), and a carriage
    return inside text made a line feed, which the writer quotes (it quotes only the
    characters of its line terminator, so a bare CR would split the row)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value)
    return str(safe_cell(text)).replace("\r\n", "\n").replace("\r", "\n")


def _render_rows(title: str, columns: list[str], rows: list[dict[str, Any]], *, as_json: bool, as_csv: bool, data: dict[str, Any]) -> None:
    if as_json:
        print_json(data)
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row.get(c)) for c in columns])
        sys.stdout.flush()
    elif not columns:
        say(title)
    else:
        print_table(title, columns, [[row.get(c) for c in columns] for row in rows])


# -- catalogue ---------------------------------------------------------------------


def queries(as_json: JsonOption = False, store: StoreOption = None) -> None:
    """List the named governance questions: name, description, parameters with defaults.

    Run one with `oversight query NAME --param name=value`; each answers on the
    embedded store (no server) or, with --backend neo4j, on Neo4j. (--store is
    accepted, as by every command; the catalogue is the same for every store.)
    """
    from oversight import api

    catalogue = api.query_catalogue()
    if as_json:
        print_json(catalogue)
        return
    rows = [
        (q["name"], q["description"], Lines(p["declaration"] for p in q["parameters"]) or "-")
        for q in catalogue
    ]
    print_table(f"{len(rows)} named questions", ["name", "description", "parameters"], rows)


def query(
    name: Annotated[str, typer.Argument(help="The question's name (see `oversight queries`).", show_default=False)],
    param: ParamOption = None,
    backend: Annotated[str, typer.Option("--backend", help="Where to answer: " + ", ".join(store_names()) + " (embedded: the store, no server; rdf: a .ttl or .jsonld export given as --store; neo4j: the server).")] = "embedded",
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV (lists as JSON) instead of a table.")] = False,
    store: StoreOption = None,
    uri: UriOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Answer a named governance question.

    Parameter values are parsed by the type the question declares (string,
    integer, float, boolean, date as YYYY-MM-DD; null for "not given"). The
    embedded backend reads the store; --backend neo4j runs the question's Cypher
    on the server loaded with `oversight neo4j load`. Both give the same rows.
    """
    from oversight import api

    if as_json and as_csv:
        raise BadParameter("--json and --csv: choose one")
    values = _pairs(param)
    cfg = _settings(store)
    target = _target(store, uri, user, password, database) if backend == "neo4j" else None
    result = api.run_query(name, values, source=cfg.store, backend=backend, target=target)
    _render_rows(
        f"{name}: {len(result.rows)} row(s)", result.columns, result.rows, as_json=as_json, as_csv=as_csv, data=result.as_dict()
    )


def cypher(
    statement: Annotated[str, typer.Argument(help="The Cypher statement; use $name for values.", show_default=False)],
    param: ParamOption = None,
    write: Annotated[bool, typer.Option("--write", help="Allow a statement that writes (run in a write transaction).")] = False,
    as_json: JsonOption = False,
    store: StoreOption = None,
    uri: UriOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    database: DatabaseOption = None,
) -> None:
    """Run a Cypher statement on the Bolt server (the store's local server, or NEO4J_URI).

    Read-only unless --write: it runs in a read transaction, and a statement with
    a write clause (CREATE, INSERT, MERGE, SET, DELETE, DETACH, REMOVE, DROP, LOAD
    CSV, FOREACH, CALL of a procedure not known to be read-only, or an
    administration command such as GRANT or ALTER) is refused before it is sent.
    Values go as parameters (--param name=value, parsed as JSON when they are
    JSON, else taken as text), never into the statement.
    """
    from oversight import api
    from oversight.queries.runner import parse_cypher_value

    values = {k: parse_cypher_value(v) for k, v in _pairs(param).items()}
    target = _target(store, uri, user, password, database, read_only=not write)
    result = api.run_cypher(target, statement, values, write=write)
    _render_rows(f"{len(result.rows)} row(s)", result.columns, result.rows, as_json=as_json, as_csv=False, data=result.as_dict())
    if result.counters and not as_json:
        say(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in result.counters.items()))


# -- neo4j -----------------------------------------------------------------------------

neo4j_app = typer.Typer(
    help=(
        "Load the graph into Neo4j and check the connection.\n\n"
        "The connection comes from --uri/--user/--password/--database, then NEO4J_URI, "
        "NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE; with no URI given and the "
        "store's local server running (`oversight server start`), that server. " + PRODUCTION
    ),
    no_args_is_help=True,
)


@neo4j_app.command("load")
def neo4j_load(
    wipe: Annotated[bool, typer.Option("--wipe", help="First delete every node labelled OversightNode (what this tool loaded) and its relationships; needs --yes.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Confirm --wipe.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Rows per write transaction.", min=1)] = 1000,
    store: StoreOption = None,
    uri: UriOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Load the store's graph into Neo4j: constraint and indexes, nodes, then relationships.

    Every node gets the label OversightNode besides its class labels; `key` is
    unique. Rows go in batches, each its own write transaction: a failed batch
    is rolled back and named, and rerunning the load resumes. Loading twice
    changes nothing (the summary then counts every row unchanged). Other data in
    the database is never touched, also not by --wipe.
    """

    from oversight import api

    if wipe and not yes:
        raise BadParameter("--wipe deletes every OversightNode node and its relationships; add --yes to confirm")
    cfg = _settings(store)
    target = _target(store, uri, user, password, database)
    graph = api.load(cfg.store)
    with progress_bar("loading", quiet=as_json) as tick:
        report = api.neo4j_load(graph, target, batch_size=batch_size, wipe=wipe, on_progress=tick)
    if as_json:
        print_json(report.as_dict())
        return
    if report.wiped is not None:
        say(f"wiped {report.wiped} node(s) labelled OversightNode")
    print_table(
        f"Loaded into {report.database} at {report.uri}",
        ["", "created", "updated", "unchanged"],
        [
            ("nodes", report.nodes.created, report.nodes.updated, report.nodes.unchanged),
            ("relationships", report.relationships.created, report.relationships.updated, report.relationships.unchanged),
        ],
    )
    rate = report.rows / report.seconds if report.seconds else 0.0
    say(
        f"{report.rows} rows in {report.batches} batch(es) of up to {report.batch_size}, "
        f"{report.seconds:.1f} s ({rate:.0f} rows/s); {report.schema_added} constraint(s)/index(es) added"
    )


@neo4j_app.command("status")
def neo4j_status(
    store: StoreOption = None,
    uri: UriOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    database: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check the connection: server agent and version, and what this tool loaded, by label and type."""
    from oversight import api

    data = api.neo4j_status(_target(store, uri, user, password, database))
    if as_json:
        print_json(data)
        return
    say(f"connected to {data['uri']}, database {data['database']}: {data['agent']} (Bolt {data['protocol']})")
    print_table("Loaded nodes by label", ["label", "nodes"], data["labels"].items())
    print_table("Relationships by type", ["type", "relationships"], data["relationships"].items())
    say(f"{data['allNodes']} node(s) in the database in all")


# -- server ----------------------------------------------------------------------------

server_app = typer.Typer(
    help=(
        "A local Bolt/Cypher server on 127.0.0.1 only: a real Neo4j 5.26 community (engine "
        "`neo4j`, needs Java 17+ and Maven; the default where they are present) or ArcadeDB "
        "with its Bolt plugin (engine `arcadedb`, the optional `server` extra, pure pip). Both are "
        "for trying the Cypher side and for the tests. " + PRODUCTION
    ),
    no_args_is_help=True,
)


def _server_dict(info: Any, started: bool | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ok": True,
        "running": True,
        "uri": info.uri,
        "username": info.username,
        "database": info.database,
        "passwordFile": str(info.server_dir / "credentials.json"),
        "serverDir": str(info.server_dir),
        "pid": info.pid,
        "version": info.version,
        "engine": info.engine,
        "log": str(info.log_path),
    }
    if started is not None:
        data["started"] = started
    return data


def _print_server(info: Any, headline: str) -> None:
    say(headline)
    say(f"  uri:      {info.uri}")
    say(f"  user:     {info.username}")
    say(f"  password: in {info.server_dir / 'credentials.json'} (not printed)")
    say(f"  database: {info.database}")


@server_app.command("start")
def server_start(
    directory: DirOption = None,
    bolt_port: Annotated[int, typer.Option("--bolt-port", help="Bolt port on 127.0.0.1.")] = 7687,
    http_port: Annotated[int, typer.Option("--http-port", help="Port of ArcadeDB's HTTP API on 127.0.0.1 (Neo4j opens none).")] = 2480,
    engine: Annotated[
        Optional[str],
        typer.Option("--engine", help="neo4j (Java 17+ and Maven) or arcadedb (pip only) \\[default: neo4j where Java 17+ and Maven are present, else arcadedb].", show_default=False),
    ] = None,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Start the local Bolt server in the background (or report the one running).

    Prints the URI, the user and where the password is kept, never the password.
    The first Neo4j start builds tools/neo4j-server with Maven (the jars are then
    cached in ~/.m2).
    `oversight neo4j load`, `oversight cypher` and `oversight query --backend
    neo4j` use this server when no NEO4J_URI is set.

    Production use means Neo4j 5: `docker run -p7474:7474 -p7687:7687 -e
    NEO4J_AUTH=neo4j/<password> neo4j:5`, then set NEO4J_URI, NEO4J_USERNAME,
    NEO4J_PASSWORD and NEO4J_DATABASE.
    """
    from oversight import api

    info, started = api.server_start(_settings(store).store, directory, engine=engine, bolt_port=bolt_port, http_port=http_port)
    if as_json:
        print_json(_server_dict(info, started))
    else:
        _print_server(info, f"local Bolt server {'started' if started else 'already running'} (pid {info.pid}, {info.version or info.engine})")


@server_app.command("stop")
def server_stop(directory: DirOption = None, store: StoreOption = None, as_json: JsonOption = False) -> None:
    """Stop the local Bolt server; its data and credentials stay for the next start."""
    from oversight import api

    stopped = api.server_stop(_settings(store).store, directory)
    if as_json:
        print_json({"ok": True, "stopped": stopped})
    else:
        say("stopped the local Bolt server" if stopped else "no local Bolt server was running")


@server_app.command("status")
def server_status(directory: DirOption = None, store: StoreOption = None, as_json: JsonOption = False) -> None:
    """Whether the local Bolt server runs, and how to reach it (exit 1 when it does not)."""
    from oversight import api

    info = api.server_status(_settings(store).store, directory)
    if info is None:
        if as_json:
            print_json({"ok": True, "running": False})
        else:
            say("no local Bolt server is running")
        raise typer.Exit(1)
    if as_json:
        print_json(_server_dict(info))
    else:
        _print_server(info, f"local Bolt server running (pid {info.pid}, {info.version or info.engine})")


def register(app: typer.Typer) -> None:
    """Add these commands to the main ``oversight`` app."""
    app.command("queries")(queries)
    app.command("query")(query)
    app.command("cypher")(cypher)
    app.add_typer(neo4j_app, name="neo4j")
    app.add_typer(server_app, name="server")
