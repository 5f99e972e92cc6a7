"""Where a graph is kept, behind one protocol and a registry keyed by name.

Three stores hold the same property graph: ``embedded`` (the store directory's
``graph.json``, or a graph already in memory), ``rdf`` (a Turtle or JSON-LD file
under the ontology) and ``neo4j`` (a Bolt server). Each answers a catalogue
question the way it can: the embedded and RDF stores run the question's Python
twin on their graph, Neo4j runs its Cypher. The query runner and the API open a
store by name (:func:`open_store`) and call :meth:`Store.answer`, so neither
branches on which store it has; an unknown name is refused with the known ones.

>>> from oversight.graph.standing import derive_standings
>>> graph = OversightGraph()
>>> graph.add_node("x/afi-01", "AreaForImprovement")
>>> derive_standings(graph)
>>> store = open_store("embedded", source=graph)
>>> store.answer("MATCH (f:Finding) RETURN count(f) AS findings", lambda g: [{"findings": len(g.keys("Finding"))}], {})
[{'findings': 1}]
>>> open_store("sqlite")
Traceback (most recent call last):
...
oversight.errors.QueryError: unknown store 'sqlite'; known: embedded, neo4j, rdf
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from oversight.errors import QueryError
from oversight.graph.model import OversightGraph
from oversight.graph.standing import underived

__all__ = ["Store", "Twin", "GraphStore", "Neo4jQueryStore", "STORES", "open_store", "store_names"]

#: A question's Python twin, bound to its parameters: graph -> rows.
Twin = Callable[[OversightGraph], list[dict[str, Any]]]


@runtime_checkable
class Store(Protocol):
    """What the query runner needs of a store."""

    #: The store's name in :data:`STORES`.
    name: str

    def answer(self, cypher: str, twin: Twin, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The rows of one question: its Cypher (with ``params``) or its twin, whichever this store runs."""
        ...

    def close(self) -> None:
        """Release what the store holds open (a driver); a no-op for files."""
        ...


class GraphStore:
    """A graph in memory, read from the embedded store or an RDF file: questions run their twins.

    The graph must carry each finding's derived standing (every graph
    :func:`~oversight.graph.build.build_graph` makes does); a hand-built one
    without it is refused rather than answered wrongly.
    """

    def __init__(self, graph: OversightGraph, name: str = "embedded") -> None:
        self.graph = graph
        self.name = name

    def answer(self, cypher: str, twin: Twin, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        missing = underived(self.graph)
        if missing:
            raise QueryError(
                f"{missing} has no derived standing (build the graph with build_graph, "
                "or call oversight.graph.standing.derive_standings)"
            )
        return twin(self.graph)

    def close(self) -> None:
        return None


class Neo4jQueryStore:
    """An open :class:`~oversight.graph.neo4j_store.Neo4jStore`: questions run their Cypher in a read transaction."""

    name = "neo4j"

    def __init__(self, store: Any) -> None:
        self.store = store

    def answer(self, cypher: str, twin: Twin, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        _, rows = self.store.read(cypher, params)
        return rows  # type: ignore[no-any-return]

    def close(self) -> None:
        self.store.close()


def _open_embedded(source: Any = None, target: Any = None) -> Store:
    if isinstance(source, OversightGraph):
        return GraphStore(source)
    if source is None:
        raise QueryError("the embedded store needs a store directory or a graph")
    from oversight.graph.embedded_store import EmbeddedStore

    return GraphStore(EmbeddedStore(source).load().graph)


def _open_rdf(source: Any = None, target: Any = None) -> Store:
    from oversight.graph.rdf_store import parse

    if source is None:
        raise QueryError("the rdf store needs a Turtle (.ttl) or JSON-LD (.jsonld) file")
    path = Path(source)
    fmt = {".ttl": "ttl", ".jsonld": "jsonld", ".json": "jsonld"}.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: the rdf store reads .ttl or .jsonld files")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read ({exc.__class__.__name__})") from exc
    return GraphStore(parse(text, fmt, source=str(path)), name="rdf")


def _open_neo4j(source: Any = None, target: Any = None) -> Store:
    from oversight.graph.neo4j_store import Neo4jStore

    if isinstance(target, Neo4jStore):
        return Neo4jQueryStore(target)
    if target is None:
        raise QueryError("the neo4j store needs a connection (NEO4J_URI or the local server)")
    return Neo4jQueryStore(Neo4jStore.open(target))


#: Store openers by name: ``(source=…, target=…) -> Store``. ``source`` is a store
#: directory, a graph or an RDF file; ``target`` a Neo4j connection or an open Neo4jStore.
STORES: dict[str, Callable[..., Store]] = {
    "embedded": _open_embedded,
    "neo4j": _open_neo4j,
    "rdf": _open_rdf,
}


def store_names() -> tuple[str, ...]:
    """The registered store names, sorted."""
    return tuple(sorted(STORES))


def open_store(name: str, *, source: Any = None, target: Any = None) -> Store:
    """Open the store registered as ``name``; raises QueryError for an unknown name."""
    opener = STORES.get(name)
    if opener is None:
        raise QueryError(f"unknown store {name!r}; known: {', '.join(store_names())}")
    return opener(source=source, target=target)
