"""The Neo4j store: load the oversight graph into Neo4j 5 over Bolt, and read it back.

Every node this store writes carries the ontology's base label ``OversightNode``
besides its class chain (``OversightNode:AreaForImprovement:Finding``), so one
uniqueness constraint covers every ``key`` and :meth:`Neo4jStore.wipe` removes
exactly what this tool loaded, never other data in the database.

A load runs in this order, and each step is idempotent:

1. the constraint and the indexes the catalogue uses (``IF NOT EXISTS``);
2. nodes, grouped by label set, then relationships, grouped by type, each group
   sent as ``UNWIND $rows AS row …`` statements in fixed-size batches through
   managed write transactions (``session.execute_write``): a failed batch rolls
   back and its error names it, the driver retries transient failures and lost
   connections for up to :data:`MAX_RETRY_TIME` seconds (the transaction function
   catches nothing, so they reach the driver), and a rerun resumes safely because
   each batch first finds by ``key`` what an earlier run wrote (updating it, and
   creating only the rest), and relationships MERGE on their end nodes (and, for
   ``EVIDENCED_BY``, on the identity property ``line``).

Labels and relationship types are never values: they come from the ontology,
are checked against it, and are written into the statement text, one statement
per label set or type; every value (keys, properties) is a parameter. The
statements are plain functions of the ontology names, so tests can lint every
one of them with Neo4j's grammar::

    >>> print(node_statements(("AreaForImprovement", "Finding")).create)
    UNWIND $rows AS row
    CREATE (n:OversightNode:AreaForImprovement:Finding {key: row.key})
    SET n = row.props
    RETURN 'created' AS outcome, count(*) AS rows
    >>> node_statements(("Finding", "Bored"))
    Traceback (most recent call last):
    ...
    oversight.errors.UnknownName: unknown label 'Bored'; did you mean Board or Force?

Property values follow one rule: what the graph holds, with its ontology type
(strings, integers, floats, booleans, and lists of one of those); dates stay ISO
8601 strings at the precision the paper gives; ``None`` and empty lists are not
written. See ``docs/neo4j.md``.
"""

from __future__ import annotations

import contextlib
import functools
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_serializer

from oversight.errors import QueryError, StoreError, StoreUnavailable, UnknownName
from oversight.graph.model import OversightGraph
from oversight.ontology import Ontology, ontology

__all__ = [
    "BASE_LABEL",
    "DEFAULT_BATCH_SIZE",
    "INDEXES",
    "MAX_RETRY_TIME",
    "SCHEMES",
    "Batch",
    "LoadReport",
    "Neo4jStore",
    "Neo4jTarget",
    "NodeStatements",
    "Outcomes",
    "constraint_statement",
    "count_statements",
    "index_statements",
    "load_statements",
    "node_statements",
    "plan_load",
    "relationship_statement",
    "schema_statements",
    "wipe_statement",
]

BASE_LABEL = "OversightNode"
DEFAULT_BATCH_SIZE = 1000
#: Seconds the driver keeps retrying a managed transaction after a transient error or a
#: lost connection (the driver's ``max_transaction_retry_time``; its own default is 30).
#: The check comes before each backoff sleep (1 s, doubling, with 20 % jitter), so a
#: server that stays down is reported after 15 to about 31 s.
MAX_RETRY_TIME = 15.0
#: Seconds to wait for a server to accept a connection and answer the first request
#: (the driver's ``connection_timeout``, and the bound on the opening check: a
#: stopped process's kernel still accepts the TCP connection, then nothing answers).
CONNECT_TIMEOUT = 10.0
#: Seconds one transaction (a read, a write, one batch of a load) may take before the
#: client gives up on the server: sent to the server as the transaction's timeout, and
#: enforced here too, since a frozen server enforces nothing.
TRANSACTION_TIMEOUT = 120.0
#: What the client waits beyond a transaction's timeout for the server's own refusal.
_CLIENT_GRACE = 5.0
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

#: (label, property) pairs the catalogue looks up or filters on, besides ``key``.
INDEXES: tuple[tuple[str, str], ...] = (
    ("Finding", "deadline"),
    ("StatusAssessment", "date"),
    ("Inspection", "kind"),
    ("Inspection", "published"),
    ("Audit", "assurance"),
    ("OversightNode", "unresolved"),
)

ProgressCallback = Callable[[int, int, str], None]


class Neo4jTarget(BaseModel):
    """Where and as whom to connect; the password prints as ``**********``.

    ``max_retry_time`` is how long, in seconds, the driver keeps retrying a managed
    transaction that failed with a transient error or a lost connection (its
    ``max_transaction_retry_time``); see :data:`MAX_RETRY_TIME`. ``connect_timeout``
    and ``timeout`` bound, in seconds, connecting and each transaction; a server that
    does not answer within them is reported as unavailable (see :data:`CONNECT_TIMEOUT`,
    :data:`TRANSACTION_TIMEOUT`).

    >>> Neo4jTarget(uri="bolt://localhost:7687", username="neo4j", password="s3cret", database="neo4j")
    Neo4jTarget(uri='bolt://localhost:7687', username='neo4j', password=SecretStr('**********'), database='neo4j', max_retry_time=15.0, connect_timeout=10.0, timeout=120.0)

    A password written into the URI is left out of the repr too:

    >>> Neo4jTarget(uri="bolt://me:s3cret@db:7687", username="me", database="neo4j")
    Neo4jTarget(uri='bolt://db:7687', username='me', password=None, database='neo4j', max_retry_time=15.0, connect_timeout=10.0, timeout=120.0)
    """

    model_config = ConfigDict(frozen=True)

    uri: str
    username: str
    password: SecretStr | None = None
    database: str
    max_retry_time: float = Field(default=MAX_RETRY_TIME, gt=0)
    connect_timeout: float = Field(default=CONNECT_TIMEOUT, gt=0)
    timeout: float = Field(default=TRANSACTION_TIMEOUT, gt=0)

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        for name, value in super().__repr_args__():
            yield name, (self.safe_uri if name == "uri" else value)

    @field_serializer("uri")
    def _serialize_uri(self, uri: str) -> str:
        """Dumps (``model_dump``, ``model_dump_json``) leave a password in the URI out too."""
        return self.safe_uri

    @property
    def safe_uri(self) -> str:
        """The URI without any user or password written into it.

        >>> Neo4jTarget(uri="bolt://me:pw@db:7687", username="me", database="neo4j").safe_uri
        'bolt://db:7687'
        """
        try:
            parts = urllib.parse.urlsplit(self.uri)
            if parts.username is None and parts.password is None:
                return self.uri
            netloc = parts.hostname or ""
            if parts.port is not None:
                netloc += f":{parts.port}"
        except ValueError:  # not a URI at all ("bolt://[::1"): nothing of it is shown
            return "the Neo4j URI"
        return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


# --- statements -------------------------------------------------------------------


def _check_label(onto: Ontology, label: str) -> str:
    return onto.L.check(label)


def _check_chain(onto: Ontology, labels: Sequence[str]) -> tuple[str, ...]:
    """A class chain as the graph stores it (class first, then ancestors), checked."""
    checked = tuple(_check_label(onto, label) for label in labels)
    if not checked or BASE_LABEL in checked or checked != onto.labels_for(checked[0]):
        raise UnknownName(f"labels {list(labels)} are not one class and its ancestors")
    return checked


def constraint_statement(onto: Ontology | None = None) -> str:
    """The uniqueness constraint on ``key`` of every node this tool loads."""
    base = _check_label(onto or ontology(), BASE_LABEL)
    return (
        f"CREATE CONSTRAINT oversight_node_key IF NOT EXISTS "
        f"FOR (n:{base}) REQUIRE n.key IS UNIQUE"
    )


def index_statements(onto: Ontology | None = None) -> list[str]:
    """One range index per entry of :data:`INDEXES`, named ``oversight_<label>_<property>``."""
    onto = onto or ontology()
    out = []
    for label, prop in INDEXES:
        label, prop = _check_label(onto, label), onto.P.check(prop)
        name = f"oversight_{label.lower()}_{prop.lower()}"
        out.append(f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    return out


def schema_statements(onto: Ontology | None = None) -> list[str]:
    """The constraint, then the indexes."""
    return [constraint_statement(onto), *index_statements(onto)]


@dataclass(frozen=True)
class NodeStatements:
    """The statements that write one label set, in one transaction per batch: find
    which keys exist, relabel and update those, create the rest."""

    labels: tuple[str, ...]
    find: str
    relabel: str
    update: str
    create: str


def node_statements(labels: Sequence[str], onto: Ontology | None = None) -> NodeStatements:
    """The statements for nodes of one class chain, e.g. ``("AreaForImprovement", "Finding")``.

    ``find`` returns which of the batch's keys are loaded already. ``relabel``
    gives an existing node with this key the chain's labels and takes
    away other ontology class labels it may carry from an earlier load (an
    ``Organisation`` later known to be an ``Inspectorate``); it returns the keys it
    changed. ``update`` sets the properties of the nodes that exist and returns,
    per key, whether that changed them (``updated``) or not (``unchanged``,
    comparing the stored properties in the same statement). ``create`` writes the
    other keys, with every label. Each gets only the rows it needs, so a first
    load sends each node's properties once.

    Why not one ``MERGE (n:OversightNode:<chain> {key: row.key})``: it has the same
    effect, but the local test server seeks an index for a ``MERGE`` only when its
    pattern has one label, and scans every node of the class otherwise, so a load
    slowed quadratically with the size of each class (``bench/run.py``, README
    "Performance"). Both statements here find nodes by ``OversightNode.key``, the
    unique constraint's index, on every server. The labels are written by
    ``CREATE`` rather than added by ``SET`` afterwards because that server cannot
    add a label to a node created in the same transaction under a uniqueness
    constraint. The one difference from ``MERGE``: a key another client creates
    between ``find`` and ``create`` fails the batch with the constraint's error
    instead of being waited for; rerunning the load then resumes.
    """
    onto = onto or ontology()
    chain = _check_chain(onto, labels)
    base = _check_label(onto, BASE_LABEL)
    others = [c for c in sorted(onto.classes) if c not in chain and c != BASE_LABEL]
    has_chain = " AND ".join(f"n:{label}" for label in chain)
    has_other = " OR ".join(f"n:{label}" for label in others)
    find = "\n".join(["UNWIND $rows AS row", f"MATCH (n:{base} {{key: row.key}})", "RETURN n.key AS key"])
    relabel = "\n".join(
        [
            "UNWIND $rows AS row",
            f"MATCH (n:{base} {{key: row.key}})",
            f"WHERE NOT ({has_chain}) OR {has_other}" if others else f"WHERE NOT ({has_chain})",
            *([f"REMOVE n:{':'.join(others)}"] if others else []),
            f"SET n:{':'.join(chain)}",
            "RETURN n.key AS key",
        ]
    )
    update = "\n".join(
        [
            "UNWIND $rows AS row",
            f"MATCH (n:{base} {{key: row.key}})",
            "WITH n, row, CASE WHEN properties(n) = row.props AND NOT row.key IN $relabelled "
            "THEN 'unchanged' ELSE 'updated' END AS outcome",
            "SET n = row.props",
            "RETURN outcome, count(*) AS rows",
        ]
    )
    create = "\n".join(
        [
            "UNWIND $rows AS row",
            f"CREATE (n:{base}:{':'.join(chain)} {{key: row.key}})",
            "SET n = row.props",
            "RETURN 'created' AS outcome, count(*) AS rows",
        ]
    )
    return NodeStatements(labels=chain, find=find, relabel=relabel, update=update, create=create)


def relationship_statement(rel_type: str, onto: Ontology | None = None) -> str:
    """The statement that writes relationships of one type between loaded nodes.

    A type with an identity property (``EVIDENCED_BY``: ``line``) MERGEs on it, so
    one relationship per cited line; others MERGE one relationship per pair.

    >>> print(relationship_statement("EVIDENCED_BY"))
    UNWIND $rows AS row
    MATCH (s:OversightNode {key: row.source})
    MATCH (t:OversightNode {key: row.target})
    WITH s, t, row, [(s)-[old:EVIDENCED_BY {line: row.props.line}]->(t) | properties(old)] AS olds
    WITH s, t, row, CASE WHEN size(olds) = 0 THEN 'created' WHEN olds[0] = row.props THEN 'unchanged' ELSE 'updated' END AS outcome
    MERGE (s)-[r:EVIDENCED_BY {line: row.props.line}]->(t)
    SET r = row.props
    RETURN outcome, count(*) AS rows
    """
    onto = onto or ontology()
    info = onto.relationship(rel_type)
    base = _check_label(onto, BASE_LABEL)
    identity = ""
    if info.identity_property:
        prop = onto.P.check(info.identity_property)
        identity = f" {{{prop}: row.props.{prop}}}"
    return "\n".join(
        [
            "UNWIND $rows AS row",
            f"MATCH (s:{base} {{key: row.source}})",
            f"MATCH (t:{base} {{key: row.target}})",
            f"WITH s, t, row, [(s)-[old:{info.type}{identity}]->(t) | properties(old)] AS olds",
            "WITH s, t, row, CASE WHEN size(olds) = 0 THEN 'created' "
            "WHEN olds[0] = row.props THEN 'unchanged' ELSE 'updated' END AS outcome",
            f"MERGE (s)-[r:{info.type}{identity}]->(t)",
            "SET r = row.props",
            "RETURN outcome, count(*) AS rows",
        ]
    )


def wipe_statement(onto: Ontology | None = None) -> str:
    """Delete up to ``$limit`` loaded nodes and their relationships; returns how many."""
    base = _check_label(onto or ontology(), BASE_LABEL)
    return f"MATCH (n:{base})\nWITH n LIMIT $limit\nDETACH DELETE n\nRETURN count(*) AS deleted"


def count_statements(onto: Ontology | None = None) -> dict[str, str]:
    """Statements for :meth:`Neo4jStore.counts`: loaded nodes by label, relationships by type."""
    base = _check_label(onto or ontology(), BASE_LABEL)
    return {
        "labels": (
            f"MATCH (n:{base})\nUNWIND labels(n) AS label\n"
            "RETURN label, count(*) AS nodes\nORDER BY label"
        ),
        "relationships": (
            f"MATCH (:{base})-[r]->(:{base})\n"
            "RETURN type(r) AS type, count(*) AS relationships\nORDER BY type"
        ),
        "all_nodes": "MATCH (n)\nRETURN count(n) AS nodes",
    }


# --- planning ---------------------------------------------------------------------


@dataclass(frozen=True)
class Batch:
    """One managed write transaction of a load: rows of one label set or type."""

    index: int  # 1-based
    total: int
    kind: str  # "nodes" or "relationships"
    group: str  # "AreaForImprovement:Finding" or "EVIDENCED_BY"
    first_row: int  # 1-based, within the group
    rows: tuple[dict[str, Any], ...]
    statements: tuple[str, ...]  # nodes: (find, relabel, update, create); relationships: (merge,)

    @property
    def name(self) -> str:
        """How errors and progress name this batch.

        >>> Batch(3, 12, "relationships", "EVIDENCED_BY", 2001, ({},) * 1000, ()).name
        'batch 3/12 (EVIDENCED_BY relationships, rows 2001\u20133000)'
        """
        last = self.first_row + len(self.rows) - 1
        return f"batch {self.index}/{self.total} ({self.group} {self.kind}, rows {self.first_row}\u2013{last})"


def _clean(props: Mapping[str, Any]) -> dict[str, Any]:
    """Property values as they are written: no None, no empty list."""
    return {
        k: (list(v) if isinstance(v, tuple) else v)
        for k, v in sorted(props.items())
        if v is not None and not (isinstance(v, (list, tuple)) and len(v) == 0)
    }


def node_rows(graph: OversightGraph) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """The graph's nodes as loader rows ``{"key", "props"}``, grouped by class chain."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for node in graph.nodes():
        chain = tuple(node["labels"])
        props = _clean({k: v for k, v in node.items() if k != "labels"})
        groups.setdefault(chain, []).append({"key": node["key"], "props": props})
    return dict(sorted(groups.items()))


def relationship_rows(graph: OversightGraph) -> dict[str, list[dict[str, Any]]]:
    """The graph's relationships as loader rows ``{"source", "target", "props"}``, by type."""
    groups: dict[str, list[dict[str, Any]]] = {}
    identities: dict[str, str | None] = {}
    for edge in graph.edges():
        props = _clean({k: v for k, v in edge.items() if k not in ("source", "target", "type")})
        if edge["type"] not in identities:
            identities[edge["type"]] = graph.onto.relationship(edge["type"]).identity_property
        identity = identities[edge["type"]]
        if identity and identity not in props:
            raise StoreError(
                f"{edge['source']} -[{edge['type']}]-> {edge['target']}: no {identity!r}, "
                f"which tells {edge['type']} relationships apart"
            )
        groups.setdefault(edge["type"], []).append(
            {"source": edge["source"], "target": edge["target"], "props": props}
        )
    return dict(sorted(groups.items()))


def plan_load(graph: OversightGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> list[Batch]:
    """Every batch of a load of ``graph``: nodes first, then relationships, in a fixed order."""
    if batch_size < 1:
        raise StoreError(f"batch size {batch_size}: must be at least 1")
    onto = graph.onto
    pending: list[tuple[str, str, int, list[dict[str, Any]], tuple[str, ...]]] = []
    for chain, rows in node_rows(graph).items():
        stmts = node_statements(chain, onto)
        for start in range(0, len(rows), batch_size):
            pending.append(
                ("nodes", ":".join(chain), start + 1, rows[start : start + batch_size], (stmts.find, stmts.relabel, stmts.update, stmts.create))
            )
    for rel_type, rows in relationship_rows(graph).items():
        stmt = relationship_statement(rel_type, onto)
        for start in range(0, len(rows), batch_size):
            pending.append(("relationships", rel_type, start + 1, rows[start : start + batch_size], (stmt,)))
    total = len(pending)
    return [
        Batch(i, total, kind, group, first, tuple(rows), stmts)
        for i, (kind, group, first, rows, stmts) in enumerate(pending, start=1)
    ]


def load_statements(graph: OversightGraph) -> list[str]:
    """Every distinct statement a load of ``graph`` runs, schema first (for linting)."""
    seen: dict[str, None] = dict.fromkeys(schema_statements(graph.onto))
    for batch in plan_load(graph):
        seen.update(dict.fromkeys(batch.statements))
    return list(seen)


# --- reports ----------------------------------------------------------------------


@dataclass
class Outcomes:
    """How many rows a load created, updated or found unchanged."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, outcome: str, rows: int) -> None:
        setattr(self, outcome, getattr(self, outcome) + rows)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


@dataclass
class LoadReport:
    """What a load did."""

    uri: str
    database: str
    nodes: Outcomes = field(default_factory=Outcomes)
    relationships: Outcomes = field(default_factory=Outcomes)
    batches: int = 0
    batch_size: int = DEFAULT_BATCH_SIZE
    wiped: int | None = None
    schema_added: int = 0
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return self.nodes.total + self.relationships.total

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "uri": self.uri,
            "database": self.database,
            "nodes": self.nodes.as_dict(),
            "relationships": self.relationships.as_dict(),
            "batches": self.batches,
            "batchSize": self.batch_size,
            "wiped": self.wiped,
            "schemaAdded": self.schema_added,
            "seconds": round(self.seconds, 3),
        }


# --- the store --------------------------------------------------------------------


_GIVEN_URI = re.compile(r"\s*Given URI: .*", re.DOTALL)


def _first_line(exc: BaseException) -> str:
    """One line for an error: the server's status code and the first line of its message.

    An error the driver raises itself (not the server) gives its own text, less the
    URI it may quote, which can hold a password written into it.
    """
    from neo4j.exceptions import Neo4jError

    if isinstance(exc, Neo4jError):
        message, code = str(exc.message or "").strip(), exc.code
    else:
        message, code = _GIVEN_URI.sub("", str(exc)).strip(), None
    line = message.splitlines()[0] if message else ""
    if line.startswith("Error executing Cypher command"):  # the test server echoes the statement
        line = ""
    if code:
        line = f"{code}: {line}" if line else str(code)
    return (line or type(exc).__name__)[:300]


def _unreachable_reason(exc: BaseException) -> str:
    """Why a connection failed, in a few words: the socket error when there is one.

    >>> try:
    ...     raise RuntimeError("Couldn't connect") from ConnectionRefusedError(111, "Connection refused")
    ... except RuntimeError as exc:
    ...     _unreachable_reason(exc)
    'connection refused'
    """
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror):
            return f"cannot resolve the host name: {seen.strerror or seen}"
        if isinstance(seen, TimeoutError):
            return "timed out"
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror[:1].lower() + seen.strerror[1:]
        seen = seen.__cause__ or seen.__context__
    return " ".join(_GIVEN_URI.sub("", str(exc)).split())[:200] or type(exc).__name__


class Neo4jStore:
    """A connection to one database of a Neo4j 5 server (or the local Bolt server).

    Open it with :meth:`open`, which checks that the server answers, accepts the
    credentials and has the database; every session names the database
    explicitly. Use it as a context manager to close the driver.
    """

    def __init__(self, target: Neo4jTarget, onto: Ontology | None = None) -> None:
        self.target = target
        self.onto = onto or ontology()
        self._driver: Any = None
        self._info: Any = None
        #: Set when a call was abandoned to a frozen server, until the next connection.
        self._abandoned = False

    # -- connection -------------------------------------------------------------

    @classmethod
    def open(cls, target: Neo4jTarget, onto: Ontology | None = None) -> Neo4jStore:
        """Connect and check the server, the credentials and the database.

        Raises
        ------
        StoreUnavailable
            The URI is not a Bolt URI, the server does not answer, the user or
            password is refused, the database does not exist, or the user may
            not access it; the message names the URI (never the password).
        """
        store = cls(target, onto)
        store._connect()
        return store

    def _connect(self) -> None:
        import neo4j
        from neo4j.exceptions import ConfigurationError, DriverError, Neo4jError

        self._abandoned = False

        uri = self.target.safe_uri
        try:
            scheme = urllib.parse.urlsplit(self.target.uri).scheme
            urllib.parse.urlsplit(self.target.uri).port  # noqa: B018 - a bad port or host raises here
        except ValueError as exc:
            raise StoreUnavailable(f"{uri}: not a valid URI ({exc})") from None
        if scheme not in SCHEMES:
            raise StoreUnavailable(f"{uri}: not a Bolt URI (use one of {', '.join(s + '://' for s in SCHEMES)})")
        password = self.target.password.get_secret_value() if self.target.password else None
        auth = (self.target.username, password) if password is not None else None
        problem = None
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.target.uri,
                auth=auth,
                connection_timeout=self.target.connect_timeout,
                max_transaction_retry_time=self.target.max_retry_time,
            )
        except (ConfigurationError, ValueError) as exc:
            problem = _first_line(exc)
        if problem is not None:  # raised out here, so the driver's error, which quotes the URI, is not its context
            raise StoreUnavailable(f"{uri}: {problem}")
        try:
            with self._guard():
                driver = self._driver

                def check() -> Any:
                    info = driver.get_server_info()
                    driver.execute_query("RETURN 1 AS ok", database_=self.target.database, routing_="r")
                    return info

                self._info = self._answer("connecting", check, connecting=True)
        except StoreError:
            self.close()
            raise
        except (Neo4jError, DriverError) as exc:
            self.close()
            raise StoreUnavailable(f"{uri}: {_first_line(exc)}") from None

    def _guard(self, doing: str = "connecting") -> contextlib.AbstractContextManager[None]:
        """Turn connection and permission failures into one clear line naming the URI."""
        return _connection_errors(self.target, doing)

    def _answer(self, doing: str, call: Callable[[], Any], *, connecting: bool = False) -> Any:
        """``call()``, or StoreUnavailable when the server does not answer in time: the target's
        ``connect_timeout`` when ``connecting``, else its transaction ``timeout`` and a grace.

        The driver waits on a socket for as long as the server keeps the connection
        open, and a frozen server (a stopped process, a hung host) keeps it open for
        ever; so the call runs on a daemon thread and is abandoned after the bound
        (the driver is then closed, which ends the connection). The transaction's
        own timeout reaches the server too (:meth:`_work`), so a live server stops
        the work first and its refusal is the error.
        """
        limit = self.target.connect_timeout if connecting else self.target.timeout + _CLIENT_GRACE
        setting = "OVERSIGHT_NEO4J_CONNECT_TIMEOUT" if connecting else "OVERSIGHT_NEO4J_TIMEOUT"
        box: dict[str, Any] = {}

        def run() -> None:
            try:
                box["value"] = call()
            except BaseException as exc:  # handed to the caller's thread, which raises it
                box["error"] = exc

        worker = threading.Thread(target=run, name="oversight-bolt", daemon=True)
        worker.start()
        worker.join(limit)
        if worker.is_alive():
            self._abandoned = True
            driver, self._driver = self._driver, None
            if driver is not None:  # closing may wait on the stuck connection: not here
                threading.Thread(target=_close_quietly, args=(driver,), name="oversight-bolt-close", daemon=True).start()
            raise StoreUnavailable(
                f"{self.target.safe_uri}: the server did not answer within {limit:g} s while {doing}; "
                f"it may be stopped, frozen or overloaded ({setting} sets the limit)"
            )
        if "error" in box:
            raise box["error"]
        return box.get("value")

    def _work(self, work: Callable[..., Any]) -> Callable[..., Any]:
        """``work`` as a unit of work with the target's transaction timeout, which the server enforces."""
        import neo4j

        return neo4j.unit_of_work(timeout=self.target.timeout)(work)

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _session(self) -> Iterator[Any]:
        """A session on the target's database; one left to a stuck call (:meth:`_answer`) is not
        closed here, since its thread may still be using the connection."""
        if self._driver is None:
            self._connect()
        session = self._driver.session(database=self.target.database)
        try:
            yield session
        finally:
            if not self._abandoned:
                session.close()

    def server_info(self) -> dict[str, Any]:
        """The server's agent string (product and version), Bolt version and address."""
        info = self._info
        return {
            "uri": self.target.safe_uri,
            "database": self.target.database,
            "agent": info.agent,
            "protocol": ".".join(str(v) for v in info.protocol_version),
            "address": f"{info.address[0]}:{info.address[1]}",
        }

    # -- schema and load ------------------------------------------------------------

    def ensure_schema(self) -> int:
        """Create the constraint and indexes if missing; returns how many were added."""
        from neo4j.exceptions import DriverError, Neo4jError

        added = 0
        for statement in schema_statements(self.onto):
            guard = self._guard("creating the constraint and indexes a load needs")
            try:
                with guard, self._session() as session:
                    summary = self._answer("creating the schema", functools.partial(_consume, session, statement))
            except (Neo4jError, DriverError) as exc:
                name = statement.split(" IF NOT EXISTS")[0]
                raise StoreError(f"{self.target.safe_uri}: {name}: {_first_line(exc)}") from None
            counters = summary.counters
            added += counters.constraints_added + counters.indexes_added
        return added

    def load(
        self,
        graph: OversightGraph,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        wipe: bool = False,
        on_progress: ProgressCallback | None = None,
    ) -> LoadReport:
        """Write ``graph``: schema, then (after an optional wipe) every batch of :func:`plan_load`.

        Loading the same graph twice leaves the database as it was after the
        first load; the second report counts every row unchanged.

        Raises
        ------
        StoreError
            A batch failed (or the user may not write or change the schema); the
            batch was rolled back, earlier batches stay, and the message names
            the batch. Rerunning the load resumes safely.
        StoreUnavailable
            The server could not be reached or refused the credentials, or went
            away during a batch and stayed away for the target's
            ``max_retry_time``; the message names the batch.
        """
        started = time.perf_counter()
        report = LoadReport(uri=self.target.safe_uri, database=self.target.database, batch_size=batch_size)
        batches = plan_load(graph, batch_size)
        report.schema_added = self.ensure_schema()
        if wipe:
            report.wiped = self.wipe(batch_size=batch_size)
        self.write_batches(batches, report, on_progress)
        report.seconds = time.perf_counter() - started
        return report

    def write_batches(
        self, batches: Sequence[Batch], report: LoadReport, on_progress: ProgressCallback | None = None
    ) -> LoadReport:
        """Run ``batches`` in order, one managed write transaction each, adding to ``report``."""
        total_rows = sum(len(b.rows) for b in batches)
        done = 0
        for batch in batches:
            if on_progress is not None:
                on_progress(done, total_rows, f"{batch.group} {batch.kind}")
            outcomes = self._write_batch(batch)
            target = report.nodes if batch.kind == "nodes" else report.relationships
            for outcome, rows in outcomes.items():
                target.add(outcome, rows)
            report.batches += 1
            done += len(batch.rows)
        if on_progress is not None:
            on_progress(done, total_rows, "done")
        return report

    def _write_batch(self, batch: Batch) -> dict[str, int]:
        from neo4j.exceptions import DriverError, Neo4jError

        rows = [dict(row) for row in batch.rows]
        # find and relabel read only row.key: they get the keys alone (packing rows is
        # most of the client's time), and update and create get only their own rows.
        keys = [{"key": row["key"]} for row in rows] if batch.kind == "nodes" else []

        # No try/except in here: the driver retries a transient error (and a lost
        # connection) only when it escapes this function; the whole batch reruns.
        def work(tx: Any) -> dict[str, int]:
            outcomes: dict[str, int] = {}

            def tally(statement: str, params: dict[str, Any]) -> None:
                outcomes.update({r["outcome"]: r["rows"] for r in tx.run(statement, params)})

            if batch.kind == "nodes":
                find, relabel, update, create = batch.statements
                found = {r["key"] for r in tx.run(find, {"rows": keys})}
                if found:
                    there = [k for k in keys if k["key"] in found]
                    relabelled = [r["key"] for r in tx.run(relabel, {"rows": there})]
                    tally(update, {"rows": [row for row in rows if row["key"] in found], "relabelled": relabelled})
                absent = [row for row in rows if row["key"] not in found]
                if absent:
                    tally(create, {"rows": absent})
            else:
                tally(batch.statements[0], {"rows": rows})
            written = sum(outcomes.values())
            if written != len(rows):
                raise _BatchShortfall(f"{len(rows) - written} of {len(rows)} rows have an end node missing")
            return outcomes

        try:
            with self._guard("writing"), self._session() as session:
                return self._answer(f"writing {batch.name}", lambda: session.execute_write(self._work(work)))  # type: ignore[no-any-return]
        except StoreError as exc:  # unreachable, refused or not allowed, from the guard
            raise type(exc)(f"{batch.name}: {exc}") from None
        except _BatchShortfall as exc:
            raise StoreError(f"{batch.name}: {exc}") from None
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"{batch.name}: {_first_line(exc)}") from None

    def wipe(self, *, batch_size: int = DEFAULT_BATCH_SIZE) -> int:
        """Delete every node labelled OversightNode and its relationships, in batches.

        Nothing without that label is touched. Returns the number of nodes deleted.
        """
        from neo4j.exceptions import DriverError, Neo4jError

        statement = wipe_statement(self.onto)
        deleted = 0
        while True:
            try:
                with self._guard("deleting"), self._session() as session:
                    count = self._answer(
                        "deleting",
                        lambda: session.execute_write(
                            self._work(lambda tx: tx.run(statement, {"limit": batch_size}).single()["deleted"])
                        ),
                    )
            except (Neo4jError, DriverError) as exc:
                raise StoreError(f"{self.target.safe_uri}: wipe: {_first_line(exc)}") from None
            deleted += count
            if count == 0:
                return deleted

    # -- reading ----------------------------------------------------------------------

    def counts(self) -> dict[str, Any]:
        """Loaded nodes by label and relationships (between loaded nodes) by type."""
        stmts = count_statements(self.onto)
        _, labels = self.read(stmts["labels"])
        _, types = self.read(stmts["relationships"])
        _, total = self.read(stmts["all_nodes"])
        return {
            "labels": {r["label"]: r["nodes"] for r in labels},
            "relationships": {r["type"]: r["relationships"] for r in types},
            "allNodes": total[0]["nodes"],
        }

    def query_type(self, statement: str, params: Mapping[str, Any] | None = None) -> str | None:
        """What the server says a statement does, from its plan (``EXPLAIN``, nothing runs):
        ``r`` read only, ``rw`` read and write, ``w`` write only, ``s`` schema; None when the
        server gives no plan summary (ArcadeDB's Bolt does not).

        Asked in a read transaction, so even the planning cannot write.
        """
        from neo4j.exceptions import DriverError, Neo4jError

        def work(tx: Any) -> str | None:
            summary = tx.run("EXPLAIN " + statement, dict(params or {})).consume()
            return getattr(summary, "query_type", None)

        try:
            with self._guard("reading"), self._session() as session:
                return self._answer("planning", lambda: session.execute_read(self._work(work)))  # type: ignore[no-any-return]
        except (Neo4jError, DriverError) as exc:
            raise QueryError(f"{self.target.safe_uri}: {_first_line(exc)}") from None

    def read(self, statement: str, params: Mapping[str, Any] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
        """Run one statement in a managed read transaction; returns (columns, rows)."""
        return self._run(statement, params, write=False)[:2]  # type: ignore[return-value]

    def write(
        self, statement: str, params: Mapping[str, Any] | None = None
    ) -> tuple[list[str], list[dict[str, Any]], dict[str, int]]:
        """Run one statement in a managed write transaction; returns (columns, rows, counters)."""
        return self._run(statement, params, write=True)

    def _run(
        self, statement: str, params: Mapping[str, Any] | None, *, write: bool
    ) -> tuple[list[str], list[dict[str, Any]], dict[str, int]]:
        from neo4j.exceptions import DriverError, Neo4jError

        def work(tx: Any) -> tuple[list[str], list[dict[str, Any]], dict[str, int]]:
            result = tx.run(statement, dict(params or {}))
            keys = list(result.keys())
            rows = [{k: _plain(v) for k, v in zip(keys, record.values(), strict=True)} for record in result]
            counters = result.consume().counters
            changed = {
                name: getattr(counters, name)
                for name in (
                    "nodes_created",
                    "nodes_deleted",
                    "relationships_created",
                    "relationships_deleted",
                    "properties_set",
                    "labels_added",
                    "labels_removed",
                )
                if getattr(counters, name)
            }
            return keys, rows, changed

        try:
            with self._guard("writing" if write else "reading"), self._session() as session:
                execute = session.execute_write if write else session.execute_read
                return self._answer("writing" if write else "reading", lambda: execute(self._work(work)))  # type: ignore[no-any-return]
        except (Neo4jError, DriverError) as exc:
            raise QueryError(f"{self.target.safe_uri}: {_first_line(exc)}") from None


class _BatchShortfall(Exception):
    """A batch wrote fewer rows than it was given (rolls the transaction back)."""


@contextlib.contextmanager
def _connection_errors(target: Neo4jTarget, doing: str = "connecting") -> Iterator[None]:
    """Turn the driver's connection and permission failures into one line naming the URI.

    ``doing`` says what was refused in a permission error ("writing", ...). The
    password never goes into a message; neither does the driver's own text, which
    may quote the URI.
    """
    from neo4j.exceptions import (
        AuthError,
        ClientError,
        Forbidden,
        IncompleteCommit,
        ServiceUnavailable,
        SessionExpired,
    )

    uri = target.safe_uri
    try:
        yield
    except AuthError:
        how = "this password" if target.password is not None else "no password"
        raise StoreUnavailable(
            f"{uri}: the server refused user {target.username!r} with {how} "
            f"(set NEO4J_USERNAME and NEO4J_PASSWORD, or --user and --password)"
        ) from None
    except Forbidden as exc:
        if exc.code != "Neo.ClientError.Security.Forbidden":  # a read-only database, a schema rule
            raise
        denied = StoreUnavailable if doing == "connecting" else StoreError
        raise denied(
            f"{uri}: permission denied for user {target.username!r} on database "
            f"{target.database!r} ({doing}): {_first_line(exc).removeprefix(str(exc.code) + ': ')}"
        ) from None
    except IncompleteCommit:
        raise StoreUnavailable(
            f"{uri}: the connection was lost while committing, so whether this was written "
            f"is unknown; run it again (a load resumes)"
        ) from None
    except (ServiceUnavailable, SessionExpired) as exc:
        raise StoreUnavailable(f"{uri}: no Bolt server answers ({_unreachable_reason(exc)})") from None
    except ClientError as exc:
        if exc.code != "Neo.ClientError.Database.DatabaseNotFound":
            raise
        raise StoreUnavailable(
            f"{uri}: database {target.database!r} does not exist (set NEO4J_DATABASE or --database)"
        ) from None


def _close_quietly(driver: Any) -> None:
    """Close an abandoned driver; the stuck reader may still hold its buffer, and whatever
    closing it raises then is of no use to anyone (the caller was already told)."""
    with contextlib.suppress(Exception):
        driver.close()


def _consume(session: Any, statement: str) -> Any:
    """Run one auto-commit statement and return its summary."""
    return session.run(statement).consume()


#: Values the driver returns that are plain Python already: most of every answer.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """Driver values as plain Python: nodes and relationships as property dicts.

    Scalars return at once: a 3,000-row answer has some 20,000 values, and
    the checks below cost about 1 µs each (20 ms of the client's time per answer).
    """
    if type(value) in _SCALARS:
        return value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    try:
        from neo4j.graph import Node, Path, Relationship
    except ImportError:  # pragma: no cover
        return value
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **dict(value.items())}
    if isinstance(value, Relationship):
        return {"type": value.type, **dict(value.items())}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value

