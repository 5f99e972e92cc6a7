"""Every Cypher statement the project emits is valid Neo4j 5 and carries no value in its text.

Two checks: Neo4j's own grammar (``lintCypherQuery`` via tests/cypher_lint.py) passes
every statement with no error, even where the local test server is laxer; and no
statement is built by formatting a value into it. Labels and relationship types are
the only things written into statement text, and they come from the ontology and are
checked (graph/neo4j_store.py); a scan of graph/neo4j_store.py and queries/ holds the
code to that.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import INJECTION, REPO, generated_graph, require

import cypher_lint
from oversight.graph import neo4j_store
from oversight.graph.model import OversightGraph
from oversight.graph.neo4j_store import (
    count_statements,
    load_statements,
    node_statements,
    plan_load,
    relationship_statement,
    schema_statements,
    wipe_statement,
)
from oversight.ontology import ontology
from oversight.queries.catalog import catalogue

CYPHER_WORDS = re.compile(r"\b(MATCH|MERGE|CREATE|UNWIND|RETURN|DETACH|REMOVE|DELETE|SET|WITH|WHERE|CALL|FOREACH)\b")

#: The only expressions graph/neo4j_store.py interpolates into statement text, each an
#: ontology name checked before use (L.check, P.check, R via relationship(), labels_for).
ALLOWED_INTERPOLATIONS = {
    "base",  # BASE_LABEL through L.check
    "label",  # from INDEXES, through L.check
    "prop",  # through P.check
    "name",  # index name made of the checked label and property
    "info.type",  # ontology().relationship(t).type
    "identity",  # "{prop: row.props.prop}" with prop through P.check
    "has_chain",  # "n:A AND n:B" over the checked class chain
    "has_other",  # "n:X OR n:Y" over the ontology's other classes
    "':'.join(chain)",
    "':'.join(others)",
}


def every_statement(graphs: list[OversightGraph]) -> list[str]:
    """The loader's statements for every label set and type (of the ontology and the graphs), and the catalogue."""
    onto = ontology()
    statements: dict[str, None] = dict.fromkeys(schema_statements(onto))
    for cls in sorted(onto.classes):
        if cls != "OversightNode":
            stmts = node_statements(onto.labels_for(cls), onto)
            statements.update(dict.fromkeys([stmts.find, stmts.relabel, stmts.update, stmts.create]))
    for rel_type in sorted(onto.relationships):
        statements[relationship_statement(rel_type, onto)] = None
    for graph in graphs:
        statements.update(dict.fromkeys(load_statements(graph)))
    statements[wipe_statement(onto)] = None
    statements.update(dict.fromkeys(count_statements(onto).values()))
    statements.update(dict.fromkeys(q.cypher for q in catalogue().values()))
    return list(statements)


def test_every_statement_passes_neo4j_5_grammar(seed_graph: OversightGraph) -> None:
    require(cypher_lint.available(), "Neo4j's Cypher grammar is not installed (npm ci in tools/cypher-lint)")
    from concurrent.futures import ThreadPoolExecutor

    statements = every_statement([seed_graph, generated_graph(0)])
    halves = [statements[0::2], statements[1::2]]  # two node processes at once: the grammar is slow
    with ThreadPoolExecutor(max_workers=2) as pool:
        even, odd = pool.map(cypher_lint.lint, halves)
    diagnostics: list = [None] * len(statements)
    diagnostics[0::2], diagnostics[1::2] = even, odd
    failures = [(s.splitlines()[0][:80], cypher_lint.errors(d)) for s, d in zip(statements, diagnostics, strict=True) if cypher_lint.errors(d)]
    assert (failures, len(statements) > 80) == ([], True)


def test_the_linter_rejects_what_neo4j_rejects() -> None:
    require(cypher_lint.available(), "Neo4j's Cypher grammar is not installed (npm ci in tools/cypher-lint)")
    bad = cypher_lint.lint(["MATCH (n) RETRUN n"])[0]
    assert len(cypher_lint.errors(bad)) > 0


def test_loader_statements_cover_every_label_set_and_type_of_a_real_graph(seed_graph: OversightGraph) -> None:
    statements = "\n".join(load_statements(seed_graph))
    for node in seed_graph.nodes():
        assert f"CREATE (n:OversightNode:{':'.join(node['labels'])} {{key: row.key}})" in statements
    for rel_type in seed_graph.counts()["relationships"]:
        assert f"MERGE (s)-[r:{rel_type}" in statements


def test_no_value_reaches_the_statement_text() -> None:
    graph = generated_graph(0)
    texts = {s for b in plan_load(graph) for s in b.statements}
    values = {INJECTION, *graph.keys()}
    assert [v for v in values for t in texts if v in t] == []


def _cypher_formatting(path: Path) -> list[tuple[int, str]]:
    """(line, expression) of every value formatted into Cypher-looking text in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if CYPHER_WORDS.search(literal) or re.search(r"\brow\.|[(\[]\w*:\s*$", literal):
                for value in node.values:
                    if isinstance(value, ast.FormattedValue):
                        found.append((node.lineno, ast.unparse(value.value)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            if isinstance(node.func.value, ast.Constant) and CYPHER_WORDS.search(str(node.func.value.value)):
                found.append((node.lineno, ".format"))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            if isinstance(node.left, ast.Constant) and CYPHER_WORDS.search(str(node.left.value)):
                found.append((node.lineno, "%"))
    return found


def test_the_store_formats_only_checked_ontology_names_into_statements() -> None:
    found = _cypher_formatting(Path(neo4j_store.__file__))
    assert [(line, expr) for line, expr in found if expr not in ALLOWED_INTERPOLATIONS] == []
    assert {expr for _, expr in found} <= ALLOWED_INTERPOLATIONS


@pytest.mark.parametrize("path", sorted((REPO / "queries").glob("*.py")), ids=lambda p: p.name)
def test_query_modules_build_no_cypher_by_formatting(path: Path) -> None:
    assert _cypher_formatting(path) == []


def test_the_scan_catches_a_formatted_value(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text(
        'def q(key, title):\n'
        '    a = f"MATCH (n {{key: \'{key}\'}}) RETURN n"\n'
        '    b = "MATCH (n) WHERE n.title = \'%s\' RETURN n" % title\n'
        '    c = "MATCH (n:{}) RETURN n".format(key)\n'
        '    return a, b, c\n',
        encoding="utf-8",
    )
    assert _cypher_formatting(module) == [(2, "key"), (3, "%"), (4, ".format")]


def test_an_unknown_label_or_type_never_reaches_a_statement() -> None:
    from oversight.errors import UnknownName

    with pytest.raises(UnknownName, match=r"^unknown relationship type 'KNOWS'"):
        relationship_statement("KNOWS")
    with pytest.raises(UnknownName, match=r"^labels \['AreaForImprovement'\] are not one class and its ancestors$"):
        node_statements(("AreaForImprovement",))
    with pytest.raises(UnknownName, match=r"^unknown label 'Finding\) DETACH DELETE n //'"):
        node_statements(("Finding) DETACH DELETE n //",))
