"""The query catalogue: every Cypher file has a Python twin, and both give the same rows.

The registry and header checks, and exact rows of the embedded twins on small graphs
written here, need no server. The parity tests load a graph into the Bolt server and
compare every question's Cypher rows with its twin's: on the seeds' graph, on the
example register and on generated graphs (``generated_graph`` in conftest.py).
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import INJECTION, REPO, generated_graph

from oversight.errors import QueryError
from oversight.graph.model import OversightGraph
from oversight.graph.standing import derive_standings
from oversight.ontology import ontology
from oversight.queries import catalog
from oversight.queries.catalog import (
    REQUIRED,
    TWINS,
    Param,
    catalogue,
    parse_question,
    question,
    snake_case,
)
from oversight.queries.governance import accountability_ends
from oversight.queries.outcomes import DECIDING_BASES, STATUS_OUTCOME
from oversight.queries.runner import run_question

CATALOG_DIR = REPO / "queries" / "catalog"


def cypher_files() -> list[Path]:
    return sorted(CATALOG_DIR.glob("*.cypher"))


# -- the registry --------------------------------------------------------------------------


def test_every_cypher_file_has_a_twin_and_every_twin_a_file() -> None:
    assert sorted(p.stem for p in cypher_files()) == sorted(TWINS)


def test_the_catalogue_reads_every_file() -> None:
    assert sorted(catalogue()) == sorted(p.stem for p in cypher_files())


def test_the_catalogue_has_at_least_fifteen_questions() -> None:
    assert len(catalogue()) >= 15


@pytest.mark.parametrize("name", sorted(TWINS))
def test_every_question_has_a_description_columns_and_a_callable_twin(name: str) -> None:
    q = question(name)
    assert (bool(q.description.strip()), len(q.columns) > 0, callable(q.function)) == (True, True, True)


@pytest.mark.parametrize("name", sorted(TWINS))
def test_the_twin_takes_the_graph_then_the_declared_parameters(name: str) -> None:
    q = question(name)
    signature = inspect.signature(q.function)
    names = list(signature.parameters)
    assert names == ["graph", *(snake_case(p.name) for p in q.params)]
    for p in q.params:
        default = signature.parameters[snake_case(p.name)].default
        if p.required or p.default == "today":
            assert default is inspect.Parameter.empty
        else:
            assert default == p.default


@pytest.mark.parametrize("name", sorted(TWINS))
def test_the_twin_has_a_numpydoc_docstring_with_an_example(name: str) -> None:
    doc = inspect.getdoc(question(name).function) or ""
    assert (f"``{name}.cypher``" in doc, ">>> " in doc) == (True, True)


def test_an_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(QueryError, match=r"^unknown query 'nope'; known: accountability-chain, audits, "):
        question("nope")


# -- headers and parameters -----------------------------------------------------------------


def test_header_and_parameters_are_read_from_the_comment_lines() -> None:
    q = question("finding-lineage")
    assert (q.name, q.params, q.columns, q.file) == (
        "finding-lineage",
        (Param("finding", "string", REQUIRED), Param("includeInferred", "boolean", True)),
        ("direction", "depth", "finding", "kind", "path", "bases"),
        "finding-lineage.cypher",
    )


def test_a_header_that_does_not_declare_a_used_parameter_is_refused() -> None:
    text = "// name: boards\n// description: d\n// columns: a\nMATCH (n) WHERE n.key = $key RETURN n.key AS a"
    with pytest.raises(QueryError, match=r"^boards.cypher: parameters used \(key\) and declared \(none\) differ$"):
        parse_question(text, "boards.cypher")


def test_a_file_named_unlike_its_header_is_refused() -> None:
    text = "// name: boards\n// description: d\n// columns: a\nRETURN 1 AS a"
    with pytest.raises(QueryError, match=r"^other.cypher: named 'boards'; the file must be boards.cypher$"):
        parse_question(text, "other.cypher")


def test_a_question_without_a_twin_is_refused() -> None:
    text = "// name: orphan\n// description: d\n// columns: a\nRETURN 1 AS a"
    with pytest.raises(QueryError, match=r"^orphan.cypher: no embedded twin registered"):
        parse_question(text, "orphan.cypher")


def test_bind_parses_values_by_the_declared_type() -> None:
    import datetime

    bound = question("overdue-findings").bind({}, today=datetime.date(2024, 2, 29))
    assert bound == {"asOf": "2024-02-29"}
    assert question("findings-by-board").bind({"openOnly": "yes", "board": "null"}) == {"board": None, "openOnly": True}


@pytest.mark.parametrize(
    ("name", "values", "message"),
    [
        ("boards", {"x": "1"}, "query boards: unknown parameter 'x'; known: none"),
        ("audits", {"sponsr": "a"}, "query audits: unknown parameter 'sponsr'; known: assurance, sponsor"),
        ("status-history", {}, "query status-history: parameter finding is required (finding: string (required))"),
        ("overdue-findings", {"asOf": "2024-02-30"}, "query overdue-findings: parameter asOf: '2024-02-30' is not a date (YYYY-MM-DD)"),
        ("governance-gaps", {"openOnly": "maybe"}, "query governance-gaps: parameter openOnly: 'maybe' is not true or false"),
        ("finding-lineage", {"finding": None}, "query finding-lineage: parameter finding: a value is needed"),
    ],
)
def test_bad_parameters_are_one_clear_error(name: str, values: dict[str, Any], message: str) -> None:
    with pytest.raises(QueryError) as info:
        question(name).bind(values)
    assert str(info.value) == message


# -- the Cypher stays in step with the rules it restates ----------------------------------------


def test_every_outcome_case_maps_statuses_as_status_outcome_does() -> None:
    for path in cypher_files():
        text = path.read_text(encoding="utf-8")
        if "WHEN 'closed' THEN" not in text:
            continue
        pairs = dict(re.findall(r"WHEN '([a-z-]+)' THEN '([a-z-]+)'", text))
        assert (path.name, pairs) == (path.name, STATUS_OUTCOME)
        bases = re.findall(r"r\.basis IN \[([^\]]*)\]", text)
        assert (path.name, {b for b in bases}) == (path.name, {", ".join(f"'{b}'" for b in DECIDING_BASES)})


def test_grade_ranks_in_grade_changes_are_the_vocabulary_ranks() -> None:
    text = (CATALOG_DIR / "grade-changes.cypher").read_text(encoding="utf-8")
    ranks = {g: int(r) for g, r in re.findall(r"WHEN '([a-z-]+)' THEN (\d)", text)}
    grades = ontology().vocabulary("Grades")
    assert ranks == {c.notation: grades.rank(c.notation) for c in grades.concepts}


def test_accountability_chain_ends_are_the_gazetteer_pcc_and_panel() -> None:
    text = (CATALOG_DIR / "accountability-chain.cypher").read_text(encoding="utf-8")
    assert tuple(re.findall(r"ENDS WITH '([^']+)'", text)) == accountability_ends(OversightGraph())


def test_the_kind_expression_holds_for_the_ontology_class_tree() -> None:
    # Cypher finds a node's class by dropping OversightNode, Finding and Organisation
    # from its labels; that is right while those two are the only parent classes.
    onto = ontology()
    parents = {p for c in onto.classes for p in onto.ancestors(c)}
    assert parents == {"Finding", "Organisation"}


def test_labels_and_types_in_the_catalogue_are_in_the_ontology() -> None:
    onto = ontology()
    for path in cypher_files():
        body = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("//"))
        body = re.sub(r"'[^']*'", "''", body)
        types = {t for group in re.findall(r"\[\w*:([A-Z_|]+)", body) for t in group.split("|")}
        labels = set(re.findall(r"[\w)]:([A-Z][A-Za-z]+)(?!\w)", re.sub(r"\[[^\]]*\]", "", body)))
        assert (path.name, sorted(labels - set(onto.L)), sorted(types - set(onto.R))) == (path.name, [], [])


def test_every_question_orders_its_rows() -> None:
    missing = [p.name for p in cypher_files() if not re.search(r"\nORDER BY [^\n]+\s*$", p.read_text(encoding="utf-8"))]
    assert missing == []


def test_the_docs_list_every_question() -> None:
    docs = (REPO / "docs" / "neo4j.md").read_text(encoding="utf-8")
    assert [name for name in sorted(TWINS) if f"`{name}`" not in docs] == []


# -- exact rows of the embedded twins on small graphs -----------------------------------------


def _finding_graph() -> OversightGraph:
    g = OversightGraph()
    g.add_node("x/peel-2021-22", "Inspection", {"kind": "peel"})
    for n, props in (
        (1, {"deadline": "2023-03"}),
        (2, {}),
        (3, {"deadline": "2024"}),
        (4, {}),
    ):
        g.add_node(f"x/peel-2021-22/afi-0{n}", "AreaForImprovement", {"number": n, **props})
        g.add_edge("x/peel-2021-22", "ISSUED", f"x/peel-2021-22/afi-0{n}")
    history = {
        2: [("2023-01-10", "open", "2023-06"), ("2023-08", "in-progress", "2023-12-15")],
        4: [("2023-02-01", "closed", "2023-01")],
    }
    for n, rows in history.items():
        for date, status, due in rows:
            key = f"x/peel-2021-22/afi-0{n}/status/{date}"
            g.add_node(key, "StatusAssessment", {"date": date, "status": status, "anticipatedCompletion": due})
            g.add_edge(f"x/peel-2021-22/afi-0{n}", "HAS_STATUS", key)
    derive_standings(g)
    return g


def test_overdue_counts_a_month_as_its_last_day() -> None:
    g = _finding_graph()
    due = lambda day: [(r["finding"][-6:], r["due"], r["dueSource"]) for r in run_question("overdue-findings", {"asOf": day}, graph=g).rows]  # noqa: E731
    assert due("2023-03-31") == []
    assert due("2023-04-01") == [("afi-01", "2023-03", "deadline")]
    # afi-02: the assessment of 2023-08 counts from 2023-08-31, so on 2023-08-20 the due date is still 2023-06
    assert due("2023-08-20") == [("afi-01", "2023-03", "deadline"), ("afi-02", "2023-06", "anticipatedCompletion")]
    assert due("2025-01-01") == [("afi-01", "2023-03", "deadline"), ("afi-02", "2023-12-15", "anticipatedCompletion"), ("afi-03", "2024", "deadline")]


def test_recommendations_due_takes_a_deadline_month_as_any_of_its_days() -> None:
    g = OversightGraph()
    for n, deadline in ((1, "2024-03"), (2, "2024-04-01"), (3, "2024")):
        g.add_node(f"x/rec-0{n}", "Recommendation", {"deadline": deadline})
    derive_standings(g)
    rows = lambda a, b: [r["finding"] for r in run_question("recommendations-due", {"dueFrom": a, "dueTo": b}, graph=g).rows]  # noqa: E731
    assert rows("2024-03-31", "2024-03-31") == ["x/rec-03", "x/rec-01"]
    assert rows("2024-04-01", "2024-04-30") == ["x/rec-03", "x/rec-02"]
    assert rows("2025-01-01", "2025-12-31") == []


def test_lineage_follows_each_relationship_once_around_a_cycle() -> None:
    g = OversightGraph()
    for k in ("a/afi-01", "b/afi-01", "c/afi-01"):
        g.add_node(k, "AreaForImprovement")
    g.add_edge("b/afi-01", "SUPERSEDES", "a/afi-01", {"basis": "stated"})
    g.add_edge("c/afi-01", "SUPERSEDES", "b/afi-01", {"basis": "register"})
    g.add_edge("a/afi-01", "SUPERSEDES", "c/afi-01", {"basis": "inferred", "confidence": 0.5})
    derive_standings(g)
    rows = [(r["direction"], r["path"], r["bases"]) for r in run_question("finding-lineage", {"finding": "a/afi-01"}, graph=g).rows]
    assert rows == [
        ("superseded-by", ["a/afi-01", "b/afi-01"], ["stated"]),
        ("superseded-by", ["a/afi-01", "b/afi-01", "c/afi-01"], ["stated", "register"]),
        ("superseded-by", ["a/afi-01", "b/afi-01", "c/afi-01", "a/afi-01"], ["stated", "register", "inferred"]),
        ("supersedes", ["a/afi-01", "c/afi-01"], ["inferred"]),
        ("supersedes", ["a/afi-01", "c/afi-01", "b/afi-01"], ["inferred", "register"]),
        ("supersedes", ["a/afi-01", "c/afi-01", "b/afi-01", "a/afi-01"], ["inferred", "register", "stated"]),
    ]
    stated = run_question("finding-lineage", {"finding": "a/afi-01", "includeInferred": "false"}, graph=g).rows
    assert [r["path"] for r in stated] == [["a/afi-01", "b/afi-01"], ["a/afi-01", "b/afi-01", "c/afi-01"]]


def test_inspection_outcomes_follow_the_outcome_rule() -> None:
    g = _finding_graph()
    g.add_node("x/plan", "ImprovementPlan")
    g.add_edge("x/peel-2021-22/afi-04", "CARRIED_FORWARD_TO", "x/plan")
    g.add_node("y/afi-01", "AreaForImprovement")
    g.add_edge("y/afi-01", "SUPERSEDES", "x/peel-2021-22/afi-03", {"basis": "inferred", "confidence": 0.9})
    g.add_edge("y/afi-01", "SUPERSEDES", "x/peel-2021-22/afi-01", {"basis": "register"})
    derive_standings(g)  # the graph changed after it was built: derive again, as a build would
    rows = run_question("inspection-outcomes", {}, graph=g).rows
    assert [(r["number"], r["outcome"], r["supersededBy"], r["carriedForwardTo"]) for r in rows] == [
        (1, "superseded", ["y/afi-01"], []),
        (2, "open", [], []),
        (3, "unknown", [], []),
        (4, "carried-forward", [], ["x/plan"]),
    ]


def test_the_seed_graph_answers_every_question(seed_graph: OversightGraph) -> None:
    answered = {name: run_question(name, _params(question(name), seed_graph)[0], graph=seed_graph).rows for name in TWINS}
    assert sorted(answered) == sorted(TWINS)


# -- parity: Cypher on the server and the twin give the same rows ------------------------------


def _params(q: catalog.Question, graph: OversightGraph) -> list[dict[str, Any]]:
    """Parameter sets that reach the interesting rows of ``graph``."""
    names = [p.name for p in q.params]
    findings = graph.keys("Finding")
    if "finding" in names:
        sets: list[dict[str, Any]] = [{"finding": f} for f in findings] + [{"finding": INJECTION}]
        if "includeInferred" in names:
            sets += [{"finding": f, "includeInferred": False} for f in findings]
        return sets
    if "document" in names:
        return [{"document": d} for d in graph.keys("Document")] + [{"document": INJECTION}]
    if "asOf" in names:
        return [{"asOf": d} for d in ("2019-12-31", "2023-04-01", "2024-06-30", "2031-01-01")]
    if "dueFrom" in names:
        return [{}, {"dueFrom": "2024-01-01", "dueTo": "2024-06-30"}, {"dueFrom": "2023-03-31", "dueTo": "2023-03-31"}]
    sets = [{}]
    for name, label, relationship in (
        ("owner", None, "OWNED_BY"),
        ("board", "Board", None),
        ("area", "AssessmentArea", None),
        ("inspection", "Inspection", None),
        ("inspectorate", "Inspectorate", None),
        ("force", "Force", None),
        ("sponsor", None, "SPONSORED_BY"),
    ):
        if name not in names:
            continue
        if label is not None:
            keys = graph.keys(label)[:3]
        else:
            keys = sorted({e["target"] for e in graph.edges(type=relationship)})[:3]
        sets += [{name: k} for k in keys] + [{name: INJECTION}]
    for flag in ("openOnly",):
        if flag in names:
            sets += [{flag: True}, {flag: False}]
    if "assurance" in names:
        sets += [{"assurance": "reasonable"}, {"assurance": "partial", "sponsor": None}]
    return sets


def _mismatches(store: Any, graph: OversightGraph) -> tuple[list[str], int]:
    store.load(graph, wipe=True)
    bad, runs = [], 0
    for name in sorted(TWINS):
        q = question(name)
        for params in _params(q, graph):
            runs += 1
            embedded = run_question(name, params, graph=graph).rows
            server = run_question(name, params, backend="neo4j", store=store).rows
            if embedded != server:
                first = next((f"{a} != {b}" for a, b in zip(embedded, server, strict=False) if a != b), "")
                bad.append(f"{name} {params}: {len(embedded)} vs {len(server)} rows {first[:300]}")
    return bad, runs


@pytest.mark.neo4j
@pytest.mark.arcadedb  # the parity subset: also on ArcadeDB
def test_parity_on_the_seed_graph(neo4j_store: Any, seed_graph: OversightGraph) -> None:
    bad, runs = _mismatches(neo4j_store, seed_graph)
    assert (bad, runs > 17) == ([], True)


@pytest.mark.neo4j
@pytest.mark.arcadedb  # the parity subset: also on ArcadeDB
def test_parity_on_the_example_register(neo4j_store: Any, tmp_path: Path) -> None:
    from oversight import api

    api.ingest([REPO / "examples" / "register.yaml"], tmp_path / "store")
    bad, runs = _mismatches(neo4j_store, api.load(tmp_path / "store"))
    assert (bad, runs > 17) == ([], True)


@pytest.mark.neo4j
@pytest.mark.arcadedb  # the parity subset: also on ArcadeDB
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_parity_on_generated_graphs(neo4j_store: Any, seed: int) -> None:
    bad, runs = _mismatches(neo4j_store, generated_graph(seed))
    assert (bad, runs > 17) == ([], True)


@pytest.mark.neo4j
def test_generated_graphs_reach_every_question(neo4j_store: Any) -> None:
    # The parity tests mean little if a question answers nothing: each one has rows
    # on some generated graph.
    empty = set(TWINS)
    for seed in (0, 1):
        graph = generated_graph(seed)
        for name in sorted(empty):
            if any(run_question(name, p, graph=graph).rows for p in _params(question(name), graph)):
                empty.discard(name)
    assert empty == set()


# -- the Neo4j Browser style sheet -------------------------------------------------------------


def test_the_style_sheet_styles_every_class_with_a_name_title_or_key_caption() -> None:
    from importlib import resources

    text = (resources.files("oversight.ontology") / "oversight.grass").read_text(encoding="utf-8")
    rules = dict(re.findall(r"node\.(\w+) \{[^}]*caption: \"\{(\w+)\}\";", text))
    types = set(re.findall(r"relationship\.(\w+) \{", text))
    onto = ontology()
    assert (sorted(rules), set(rules.values()) <= {"name", "title", "key"}, types <= set(onto.R)) == (sorted(onto.L), True, True)
    for label, caption in rules.items():
        assert (label, caption in onto.properties) == (label, True)


def test_the_style_sheet_lists_parent_classes_before_their_children() -> None:
    text = (REPO / "ontology" / "oversight.grass").read_text(encoding="utf-8")
    order = re.findall(r"node\.(\w+) \{", text)
    onto = ontology()
    late = [(c, p) for c in order for p in onto.ancestors(c) if order.index(p) > order.index(c)]
    assert (order[0], late) == ("OversightNode", [])
