"""Neo4j's own Cypher linter (tools/cypher-lint) accepts Neo4j 5 and rejects bad syntax.

Skipped when node or ``tools/cypher-lint/node_modules`` is missing, except under
``CI``, where that is a failure.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

import cypher_lint

VALID_MERGE = "UNWIND $rows AS row MERGE (n:Finding {key: row.key}) SET n += row.props"
UNCLOSED_NODE = "MATCH (n RETURN n"
SHORTEST_K = "MATCH p = SHORTEST 2 (a)-[:SUPERSEDES]-+(b) RETURN p"
UNDEFINED_VARIABLE = "MATCH (n)\nRETURN m"
DEPRECATED_ID = "MATCH (n) RETURN id(n)"
STATEMENTS = [VALID_MERGE, UNCLOSED_NODE, SHORTEST_K, UNDEFINED_VARIABLE, DEPRECATED_ID]


@pytest.fixture(scope="module")
def diagnostics() -> dict[str, list[dict[str, Any]]]:
    if not cypher_lint.available():
        reason = "cypher lint needs node and `npm ci` in tools/cypher-lint"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return dict(zip(STATEMENTS, cypher_lint.lint(STATEMENTS), strict=True))


def test_unwind_merge_with_parameters_is_clean(diagnostics: dict) -> None:
    assert diagnostics[VALID_MERGE] == []


def test_unclosed_node_pattern_is_an_error(diagnostics: dict) -> None:
    assert diagnostics[UNCLOSED_NODE] == [
        {
            "severity": "error",
            "message": "Invalid input 'RETURN': expected a graph pattern, a parameter, "
            "')', ':', 'IS', 'WHERE' or '{'",
            "line": 1,
            "column": 10,
        }
    ]


def test_neo4j5_shortest_path_selector_is_clean(diagnostics: dict) -> None:
    assert diagnostics[SHORTEST_K] == []


def test_undefined_variable_is_a_semantic_error_with_its_position(diagnostics: dict) -> None:
    assert diagnostics[UNDEFINED_VARIABLE] == [
        {"severity": "error", "message": "Variable `m` not defined", "line": 2, "column": 8}
    ]


def test_deprecation_is_kept_as_a_warning_not_an_error(diagnostics: dict) -> None:
    assert [d["severity"] for d in diagnostics[DEPRECATED_ID]] == ["warning"]
    assert cypher_lint.errors(diagnostics[DEPRECATED_ID]) == []


def test_empty_batch_gives_an_empty_result(diagnostics: dict) -> None:
    assert cypher_lint.lint([]) == []
