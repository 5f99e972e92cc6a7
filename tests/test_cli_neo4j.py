"""The Neo4j, catalogue and server commands: whole outputs, exit codes, one-line errors.

Commands that need a Bolt server use the tests' local server; the one-line-error
tests need none. The local-server flow uses a store whose ``server/`` directory is
the test server's, as ``oversight server start`` makes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, SERVER_DIR_ENV, require
from server_helpers import run

from oversight.graph.bolt_server import free_ports
from oversight.queries.catalog import catalogue


@pytest.fixture()
def example_store(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    assert run("ingest", str(EXAMPLES / "register.yaml"), "--store", str(store)).exit_code == 0
    return store


def _stats(store: Path) -> dict[str, Any]:
    return json.loads(run("stats", "--json", "--store", str(store)).stdout)  # type: ignore[no-any-return]


def _connection(info: Any) -> list[str]:
    return ["--uri", info.uri, "--user", info.username, "--database", info.database]


# -- the catalogue on the embedded store (no server) ------------------------------------------


def test_queries_json_lists_every_question_with_its_parameters() -> None:
    result = run("queries", "--json")
    data = json.loads(result.stdout)
    assert (result.exit_code, [q["name"] for q in data]) == (0, sorted(catalogue()))
    lineage = next(q for q in data if q["name"] == "finding-lineage")
    assert lineage["parameters"] == [
        {"name": "finding", "type": "string", "default": None, "required": True, "declaration": "finding: string (required)"},
        {"name": "includeInferred", "type": "boolean", "default": True, "required": False, "declaration": "includeInferred: boolean = true"},
    ]


def test_queries_table_shows_names_and_defaults() -> None:
    result = run("queries")
    assert (result.exit_code, "overdue-findings" in result.stdout, "asOf: date = today" in result.stdout) == (0, True, True)


def test_query_answers_on_the_embedded_store(example_store: Path) -> None:
    from oversight import api
    from oversight.queries.governance import boards

    result = run("query", "boards", "--json", "--store", str(example_store))
    data = json.loads(result.stdout)
    assert (result.exit_code, data["columns"], data["rows"]) == (0, list(catalogue()["boards"].columns), boards(api.load(example_store)))
    assert [r["name"] for r in data["rows"]][:3] == [
        "Chief Officer Management Board",
        "Future Improvement and Development Board",
        "Performance and Delivery Board",
    ]


def test_query_csv_has_a_header_and_lists_as_json(example_store: Path) -> None:
    from oversight import api
    from oversight.queries.governance import findings_by_area

    rows = findings_by_area(api.load(example_store))
    result = run("query", "findings-by-area", "--csv", "--store", str(example_store))
    expected = "area,areaName,finding,kind,issuedBy,outcome\n" + "".join(
        f"{r['area']},{r['areaName']},{r['finding']},{r['kind']},{r['issuedBy']},{r['outcome']}\n" for r in rows
    )
    assert (result.exit_code, result.stdout, len(rows) > 0) == (0, expected, True)


def test_query_parses_parameters_by_their_declared_type(example_store: Path) -> None:
    from oversight import api
    from oversight.queries.governance import governance_gaps

    result = run("query", "governance-gaps", "--param", "openOnly=false", "--json", "--store", str(example_store))
    data = json.loads(result.stdout)
    assert (result.exit_code, data["params"], data["rows"]) == (
        0,
        {"openOnly": False},
        governance_gaps(api.load(example_store), open_only=False),
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "nope"], "error: unknown query 'nope'; known: " + ", ".join(sorted(catalogue())) + "\n"),
        (["query", "boards", "--param", "x=1"], "error: query boards: unknown parameter 'x'; known: none\n"),
        (["query", "overdue-findings", "-p", "asOf=tomorrow"], "error: query overdue-findings: parameter asOf: 'tomorrow' is not a date (YYYY-MM-DD)\n"),
        (["query", "status-history"], "error: query status-history: parameter finding is required (finding: string (required))\n"),
        (["query", "boards", "--param", "oops"], "error: --param 'oops': write it as name=value\n"),
        (["query", "boards", "--backend", "sqlite"], "error: unknown store 'sqlite'; known: embedded, neo4j, rdf\n"),
    ],
)
def test_bad_queries_are_one_line_and_exit_2(args: list[str], message: str, example_store: Path) -> None:
    result = run(*args, "--store", str(example_store))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_a_cypher_looking_parameter_finds_nothing_embedded(example_store: Path) -> None:
    result = run("query", "findings-by-board", "--param", "board=x' OR 1=1 //", "--json", "--store", str(example_store))
    assert (result.exit_code, json.loads(result.stdout)["rows"]) == (0, [])


# -- one-line errors before or without a server -------------------------------------------------


def test_cypher_refuses_a_write_without_write() -> None:
    result = run("cypher", "MATCH (n) DETACH DELETE n")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: refused: the statement writes (DETACH, DELETE); run it with --write to allow writes\n",
    )


def test_cypher_refuses_an_unknown_procedure() -> None:
    result = run("cypher", "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", "--json")
    assert (result.exit_code, json.loads(result.stdout)) == (
        2,
        {"ok": False, "error": "refused: the statement writes (apoc.periodic.iterate (a procedure not known to be read-only)); run it with --write to allow writes"},
    )


def test_wipe_needs_yes(example_store: Path) -> None:
    result = run("neo4j", "load", "--wipe", "--store", str(example_store))
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --wipe deletes every OversightNode node and its relationships; add --yes to confirm\n",
    )


def test_an_unreachable_server_is_one_line_and_exit_2(tmp_path: Path) -> None:
    port = free_ports(1)[0]
    result = run("neo4j", "status", "--uri", f"bolt://127.0.0.1:{port}", "--store", str(tmp_path), env={"NEO4J_PASSWORD": "pw-123"})
    assert (result.exit_code, result.stderr.startswith(f"error: bolt://127.0.0.1:{port}: no Bolt server answers ("), result.stderr.count("\n")) == (2, True, 1)
    assert "pw-123" not in result.stderr


def test_server_status_when_none_runs(tmp_path: Path) -> None:
    result = run("server", "status", "--store", str(tmp_path))
    assert (result.exit_code, result.stdout) == (1, "no local Bolt server is running\n")


def test_server_stop_when_none_runs(tmp_path: Path) -> None:
    result = run("server", "stop", "--store", str(tmp_path))
    assert (result.exit_code, result.stdout) == (0, "no local Bolt server was running\n")


def test_server_help_says_production_means_neo4j_5() -> None:
    result = run("server", "--help")
    text = " ".join(result.stdout.replace("│", " ").split())
    assert (
        "Production use means Neo4j 5" in text,
        "docker run -p7474:7474 -p7687:7687 -e NEO4J_AUTH=neo4j/<password> neo4j:5" in text,
        "NEO4J_URI" in text,
    ) == (True, True, True)


# -- with the test server ----------------------------------------------------------------------


@pytest.fixture()
def server_store(bolt_server_info: Any, neo4j_store: Any) -> Path:
    """The store whose local server (``<store>/server``) is the test server, with the example ingested."""
    server_dir = Path(bolt_server_info.server_dir)
    require(server_dir.name == "server", f"the test server's directory {server_dir} is not a store's server/ directory")
    store = server_dir.parent
    assert run("ingest", str(EXAMPLES / "register.yaml"), "--store", str(store)).exit_code == 0
    return store


@pytest.mark.neo4j
def test_server_start_load_and_cypher_work_with_no_settings(server_store: Path, bolt_server_info: Any) -> None:
    started = run("server", "start", "--store", str(server_store))
    password = bolt_server_info.password.get_secret_value()
    assert (started.exit_code, password in started.stdout) == (0, False)
    assert started.stdout.splitlines()[1:] == [
        f"  uri:      {bolt_server_info.uri}",
        f"  user:     {bolt_server_info.username}",
        f"  password: in {server_store / 'server' / 'credentials.json'} (not printed)",
        f"  database: {bolt_server_info.database}",
    ]
    stats = _stats(server_store)
    loaded = run("neo4j", "load", "--json", "--store", str(server_store))
    assert (loaded.exit_code, json.loads(loaded.stdout)["nodes"]["created"]) == (0, stats["nodes"])
    counted = run("cypher", "MATCH (n:AreaForImprovement) RETURN count(n) AS afis", "--json", "--store", str(server_store))
    assert (counted.exit_code, json.loads(counted.stdout)["rows"]) == (0, [{"afis": stats["labels"]["AreaForImprovement"]}])


@pytest.mark.neo4j
def test_query_on_neo4j_gives_the_embedded_rows(server_store: Path) -> None:
    assert run("neo4j", "load", "--store", str(server_store)).exit_code == 0
    for name in ("boards", "findings-by-board", "inspections-by-inspectorate", "governance-gaps"):
        embedded = json.loads(run("query", name, "--json", "--store", str(server_store)).stdout)
        server = json.loads(run("query", name, "--json", "--backend", "neo4j", "--store", str(server_store)).stdout)
        assert (name, server["rows"], server["columns"]) == (name, embedded["rows"], embedded["columns"])


@pytest.mark.neo4j
def test_load_twice_reports_everything_unchanged(server_store: Path) -> None:
    assert run("neo4j", "load", "--store", str(server_store)).exit_code == 0
    result = run("neo4j", "load", "--store", str(server_store))
    stats = _stats(server_store)
    rows = [" ".join(line.replace("│", " ").split()) for line in result.stdout.splitlines()]
    assert (result.exit_code, [r for r in rows if r.startswith(("nodes ", "relationships "))]) == (
        0,
        [f"nodes 0 0 {stats['nodes']}", f"relationships 0 0 {stats['relationships']}"],
    )


@pytest.mark.neo4j
def test_status_shows_the_server_and_the_loaded_counts(server_store: Path) -> None:
    assert run("neo4j", "load", "--store", str(server_store)).exit_code == 0
    data = json.loads(run("neo4j", "status", "--json", "--store", str(server_store)).stdout)
    stats = _stats(server_store)
    assert (data["agent"].startswith("Neo4j/5"), data["labels"], data["relationships"], data["allNodes"]) == (
        True,
        {**stats["labels"], "OversightNode": stats["nodes"]},
        stats["relationshipTypes"],
        stats["nodes"],
    )


@pytest.mark.neo4j
def test_explicit_connection_options_win_over_the_local_server(bolt_server_info: Any, neo4j_store: Any, tmp_path: Path) -> None:
    password = bolt_server_info.password.get_secret_value()
    result = run("cypher", "RETURN $x AS x", "-p", "x=[1, 2]", "--json", "--store", str(tmp_path), *_connection(bolt_server_info), env={"NEO4J_PASSWORD": password})
    assert (result.exit_code, json.loads(result.stdout)["rows"]) == (0, [{"x": [1, 2]}])
    wrong = run("neo4j", "status", "--store", str(tmp_path), *_connection(bolt_server_info), "--password", "wrong-pw")
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        f"error: {bolt_server_info.uri}: the server refused user '{bolt_server_info.username}' with this password (set NEO4J_USERNAME and NEO4J_PASSWORD, or --user and --password)\n",
    )
    missing = run("neo4j", "status", "--store", str(tmp_path), "--uri", bolt_server_info.uri, "--user", bolt_server_info.username, "--database", "nosuchdb", env={"NEO4J_PASSWORD": password})
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"error: {bolt_server_info.uri}: database 'nosuchdb' does not exist (set NEO4J_DATABASE or --database)\n",
    )


@pytest.mark.neo4j
def test_cypher_text_in_values_changes_nothing(server_store: Path) -> None:
    assert run("neo4j", "load", "--store", str(server_store)).exit_code == 0
    before = json.loads(run("neo4j", "status", "--json", "--store", str(server_store)).stdout)
    found = run("query", "findings-by-board", "--param", "board=x' OR 1=1 //", "--backend", "neo4j", "--json", "--store", str(server_store))
    adhoc = run("cypher", "MATCH (n:OversightNode) WHERE n.key = $k RETURN n.key AS key", "-p", "k=x' OR 1=1 //", "--json", "--store", str(server_store))
    literal = run("cypher", "MATCH (n:Board) WHERE n.name = 'CREATE (x) DETACH DELETE n' RETURN n.key AS key", "--json", "--store", str(server_store))
    after = json.loads(run("neo4j", "status", "--json", "--store", str(server_store)).stdout)
    assert [json.loads(r.stdout)["rows"] for r in (found, adhoc, literal)] == [[], [], []]
    assert (after["labels"], after["relationships"]) == (before["labels"], before["relationships"])


@pytest.mark.neo4j
def test_cypher_write_runs_only_with_write(server_store: Path) -> None:
    result = run("cypher", "CREATE (n:Scratch {name: $name}) RETURN n.name AS name", "-p", "name=x", "--write", "--json", "--store", str(server_store))
    data = json.loads(result.stdout)
    assert (result.exit_code, data["rows"], data["counters"]["nodes_created"]) == (0, [{"name": "x"}], 1)


def test_the_test_server_directory_variable_is_documented_in_ci() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert f"export {SERVER_DIR_ENV}=" in ci


def test_queries_shows_each_parameter_on_its_own_line(tmp_path: Path) -> None:
    result = run("queries", "--store", tmp_path / "store", env={"COLUMNS": "200"})
    lines = [line for line in result.stdout.splitlines() if "sponsor: string = null" in line or "assurance: string = null" in line]
    assert (result.exit_code, "\\n" in result.stdout, len(lines)) == (0, False, 2)
