"""Run catalogue questions on either backend, and ad-hoc Cypher on a Bolt server.

:func:`run_question` answers a named question on the embedded graph (no server)
or on Neo4j, with its parameters bound and checked by the declared types; both
backends return the same rows. :func:`run_cypher` runs a statement the user
wrote, read-only unless asked otherwise: in a read transaction *and* refused
before it is sent when it has a write clause, because not every server honours
read transactions (the local test server accepts writes in them). Values always
travel as parameters, never in the statement text.

>>> check_read_only("MATCH (n) WHERE n.title = 'CREATE (x)' RETURN n // MERGE")
>>> check_read_only("MATCH (n) DETACH DELETE n")
Traceback (most recent call last):
...
oversight.errors.QueryError: refused: the statement writes (DETACH, DELETE); run it with --write to allow writes
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from oversight.errors import QueryError
from oversight.graph.stores import Store, open_store, store_names
from oversight.queries.catalog import Question, question

__all__ = [
    "ADMIN_COMMANDS",
    "BACKENDS",
    "READ_ONLY_PROCEDURES",
    "WRITE_CLAUSES",
    "QueryResult",
    "run_question",
    "run_cypher",
    "check_read_only",
    "write_clauses",
    "strip_literals",
    "parse_cypher_value",
]

#: The stores a question can be answered on (the store registry's names).
BACKENDS = store_names()

#: Clauses (keywords) that write; LOAD stands for LOAD CSV (reported so); INSERT is GQL's
#: CREATE (Neo4j 5.18 and later).
WRITE_CLAUSES = ("CREATE", "INSERT", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "LOAD", "FOREACH")

#: Administration commands that change users, privileges, databases or servers; they
#: open a statement (after an optional ``USE name``), which is where they are looked for,
#: so a variable named ``start`` or ``stop`` is not taken for one.
ADMIN_COMMANDS = (
    "ALTER", "DEALLOCATE", "DENY", "ENABLE", "GRANT", "REALLOCATE", "RENAME", "REVOKE", "START", "STOP", "TERMINATE",
)

#: Procedures known to only read, which ``CALL`` may name in a read-only statement.
READ_ONLY_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.info",
        "db.ping",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "dbms.components",
        "dbms.info",
        "dbms.procedures",
        "dbms.functions",
    }
)

_WORD = re.compile(r"[^\W\d]\w*")
#: Line terminators that end a ``//`` comment.
_LINE_ENDS = ("\n", "\r", "\u2028", "\u2029", "\x85")
_LEADING_WORD = re.compile(r"\s*(?:USE\s+[A-Za-z0-9_.`]+\s+)?([A-Za-z_]+)", re.IGNORECASE)


@dataclass
class QueryResult:
    """Rows of a question or statement, with its columns in order."""

    name: str
    backend: str
    columns: list[str]
    rows: list[dict[str, Any]]
    params: dict[str, Any] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ok": True,
            "name": self.name,
            "backend": self.backend,
            "params": self.params,
            "columns": self.columns,
            "rows": self.rows,
        }
        if self.counters:
            out["counters"] = self.counters
        return out


def run_question(
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    backend: str | None = None,
    graph: Any = None,
    store: Any = None,
    today: _dt.date | None = None,
) -> QueryResult:
    """Answer the named question.

    Parameters
    ----------
    name
        A catalogue name (``oversight queries`` lists them).
    params
        Parameter values by their Cypher name: strings from the command line
        (parsed by the declared type) or Python values (checked).
    backend
        A store name of :data:`oversight.graph.stores.STORES` (``embedded``,
        ``rdf``, ``neo4j``), with what it opens from: ``graph`` (a graph in
        memory) or ``store`` (a store directory, an RDF file, or an open
        :class:`~oversight.graph.neo4j_store.Neo4jStore`). Default: ``embedded``
        for a graph, ``neo4j`` for a store. An already opened
        :class:`~oversight.graph.stores.Store` may be given as ``store`` alone.
    today
        The date a ``today`` default stands for (default: the current date).

    Raises
    ------
    QueryError
        Unknown name, store or parameter, or a value of the wrong type.

    Examples
    --------
    >>> from oversight.queries.progress import demo_graph
    >>> result = run_question("status-history", {"finding": "kent-police/peel-2021-22/afi-02"}, graph=demo_graph())
    >>> [row["status"] for row in result.rows]
    ['open', 'in-progress']
    """
    q: Question = question(name)
    bound = q.bind(params or {}, today=today)
    if isinstance(store, Store):
        opened = store
    elif graph is not None:
        opened = open_store(backend or "embedded", source=graph)
    elif store is not None:
        opened = open_store(backend or "neo4j", source=store, target=store)
    else:
        raise QueryError(f"query {name}: give a graph or a store to answer it on")
    rows = opened.answer(q.cypher, lambda g: q.run_embedded(g, bound), bound)
    columns = list(q.columns)
    rows = [{c: row.get(c) for c in columns} for row in rows]
    return QueryResult(name=name, backend=opened.name, columns=columns, rows=rows, params=bound)


def run_cypher(
    store: Any, statement: str, params: Mapping[str, Any] | None = None, *, write: bool = False
) -> QueryResult:
    """Run one ad-hoc statement on an open Neo4j store.

    Read-only unless ``write``, enforced by the server, not by reading the text:
    on Neo4j the statement is planned first (``EXPLAIN``, in a read transaction)
    and refused unless the plan's query type is read-only, then runs in a read
    transaction, which Neo4j also refuses to write in; on the local ArcadeDB
    server the CLI connects as its read-only user, whose writes the server
    refuses. ``LOAD CSV`` runs only with ``write`` and only on Neo4j (whose
    file URLs are confined to its import directory, or off). The text check
    (:func:`check_read_only`) only gives a friendlier message earlier. Values
    go as ``params``, never into the text.
    """
    if not statement.strip():
        raise QueryError("empty statement")
    if write:
        if "LOAD CSV" in write_clauses(statement) and not _plans(store):
            raise QueryError(
                "refused: LOAD CSV on this server (ArcadeDB) reads any file the server can read, "
                "and it has no import directory to confine it; load files into a Neo4j 5 server instead"
            )
        columns, rows, counters = store.write(statement, params or {})
    else:
        check_read_only(statement)  # the friendlier early message; the server decides below
        kind = store.query_type(statement, params or {}) if _plans(store) else None
        if kind not in (None, "r"):
            raise QueryError(
                f"refused: the server plans this statement as {_QUERY_TYPES.get(kind, kind)}; "
                "run it with --write to allow writes"
            )
        columns, rows = store.read(statement, params or {})
        counters = {}
    return QueryResult(
        name="cypher", backend="neo4j", columns=columns, rows=rows, params=dict(params or {}), counters=counters
    )


#: The plan summary's query types, as words.
_QUERY_TYPES = {"r": "a read", "rw": "a read and a write", "w": "a write", "s": "a schema change"}


def _plans(store: Any) -> bool:
    """Whether the server answers ``EXPLAIN`` with a query type: Neo4j does. ArcadeDB's Bolt
    does not, and accepts writes in read transactions, so there the CLI connects as the server's read-only user instead
    (docs/neo4j.md; SECURITY.md)."""
    try:
        agent = str(store.server_info().get("agent", ""))
    except AttributeError:
        return False
    # ArcadeDB says "Neo4j/5.26.0 compatible (ArcadeDB …)"
    return agent.startswith("Neo4j/") and "compatible" not in agent


def strip_literals(statement: str) -> str:
    """The statement with string literals, quoted names and comments blanked out.

    >>> strip_literals("RETURN 'it''s', `CREATE`, 1 /* MERGE */ // DELETE")
    "RETURN '', ``, 1    "
    """
    out: list[str] = []
    i, n = 0, len(statement)
    while i < n:
        c = statement[i]
        if statement.startswith("//", i):
            # a line comment ends at any line terminator Cypher knows, not only \n: a
            # carriage return or U+2028 after "//x" starts a new, live line
            ends = [e for e in (statement.find(t, i) for t in _LINE_ENDS) if e >= 0]
            i = min(ends) if ends else n
            out.append(" ")
        elif statement.startswith("/*", i):
            end = statement.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif c in ("'", '"', "`"):
            j = i + 1
            while j < n:
                if statement[j] == "\\" and c != "`":
                    j += 2
                    continue
                if statement[j] == c:
                    if j + 1 < n and statement[j + 1] == c:  # doubled quote escapes itself
                        j += 2
                        continue
                    break
                j += 1
            out.append("''" if c != "`" else "``")
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def write_clauses(statement: str) -> list[str]:
    """The write keywords and unknown procedures a statement uses (empty for a read).

    A keyword counts as a clause unless it is a property (``n.set``), a label or
    type (``:Create``), a parameter (``$merge``), a map key (``{delete: 1}``) or
    an alias (``AS set``).

    >>> write_clauses("MATCH (n {set: 1}) WHERE n.create = $merge RETURN n")
    []
    >>> write_clauses("CALL apoc.periodic.iterate('x', 'y', {}) YIELD batches RETURN batches")
    ['apoc.periodic.iterate (a procedure not known to be read-only)']
    >>> write_clauses("CALL db.labels() YIELD label RETURN label")
    []
    >>> write_clauses("LOAD CSV FROM 'file:///x.csv' AS row RETURN row")
    ['LOAD CSV']
    >>> write_clauses("USE system GRANT ROLE admin TO bob"), write_clauses("MATCH (start) RETURN start")
    (['GRANT'], [])
    >>> write_clauses("WITH 1 AS as CREATE (:X) RETURN 1"), write_clauses("RETURN 1 AS x //c" + chr(13) + "CREATE (:X)")
    (['CREATE'], ['CREATE'])
    """
    text = strip_literals(statement)
    found: list[str] = []
    for part in text.split(";"):
        leading = _LEADING_WORD.match(part)
        if leading and leading.group(1).upper() in ADMIN_COMMANDS:
            found.append(leading.group(1).upper())
    alias_next = False  # the word after the keyword AS names a variable, whatever it spells
    for match in _WORD.finditer(text):
        word = match.group(0).upper()
        before = text[: match.start()].rstrip()[-1:]
        after = text[match.end() :].lstrip()[:2]
        if before in (".", ":", "$") or (after.startswith(":") and not after.startswith("::")):
            continue  # a property, label, parameter or map key: never a clause, nor the keyword AS
        if alias_next:
            alias_next = False
            continue
        if word == "AS":
            alias_next = True
            continue
        if word == "LOAD" and re.match(r"\s*CSV\b", text[match.end() :], re.IGNORECASE):
            found.append("LOAD CSV")
        elif word in WRITE_CLAUSES:
            found.append(word)
        elif word == "CALL":
            proc = re.match(r"\s*([A-Za-z_][A-Za-z0-9_.]*)", text[match.end() :])
            if proc and proc.group(1).lower() not in READ_ONLY_PROCEDURES:
                found.append(f"{proc.group(1)} (a procedure not known to be read-only)")
    return list(dict.fromkeys(found))


def check_read_only(statement: str) -> None:
    """Raise QueryError when the statement writes (see :func:`write_clauses`)."""
    found = write_clauses(statement)
    if found:
        raise QueryError(
            f"refused: the statement writes ({', '.join(found)}); run it with --write to allow writes"
        )


def parse_cypher_value(text: str) -> Any:
    """A ``--param`` value of an ad-hoc statement: JSON when it parses as JSON, else the text.

    >>> parse_cypher_value("42"), parse_cypher_value("true"), parse_cypher_value('["a", "b"]')
    (42, True, ['a', 'b'])
    >>> parse_cypher_value("x' OR 1=1 //")
    "x' OR 1=1 //"
    """
    try:
        return json.loads(text)
    except ValueError:
        return text
