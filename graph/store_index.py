"""The store's index: the built graph in SQLite beside ``graph.json``, so a command opens it without parsing the JSON.

``graph.json`` is the store's record: diffable, written atomically, the only
thing a store must hold. Parsing all of it and rebuilding the graph through
the merge rules (every value checked against the ontology) took 8 s at 43
forces, for a question that then answers in 50 ms; and most of the file is
the facts, which a question never reads. The index ``graph.sqlite`` holds the
graph's node-link rows, as the JSON holds them, in a form a command reads
straight into the graph:

- **derived, never trusted over the JSON.** It records the JSON's SHA-256,
  and the file's size, inode, modification and change times when it was
  written. It is used only when the file's stat is the one recorded (a new
  file, or any write to it, changes the inode or the change time, which no
  program can set) or, failing that, when the file's hash still is. A stale,
  missing, unreadable or other-version index is ignored, the JSON is parsed,
  and the index is written again. The ontology's files and the tool's version
  are recorded too: the JSON path checks every label and value against the
  ontology, so an index made under another ontology is stale.
- **safe.** SQLite holds text and numbers; reading it runs no code (no
  pickle): each section is JSON text, parsed by the standard library.
- **atomic.** Written to a temporary file, flushed, then renamed over the old
  index, after the JSON itself; a crash between the two leaves an index whose
  hash no longer matches, which is rebuilt.

It holds two sections, ``nodes`` (``[key, labels, properties]`` rows) and
``edges`` (``[source, target, type, key, properties]`` rows: the key networkx
holds a relationship under), each one JSON array in one row: one parse of 14
MB in C is about half the time of reading 107,000 rows and building their
dictionaries in Python (measured at 43 forces). Reading builds networkx's own
storage directly, in the JSON's order (nodes by key, relationships by source,
type, target and identity), so the graph is the one
:meth:`~oversight.graph.model.OversightGraph.from_node_link` builds from the
same rows, property order included.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oversight.graph.model import EDGE_EVIDENCE_PROPS, OversightGraph
from oversight.ontology import Ontology, ontology_digest

__all__ = ["INDEX_FILE", "INDEX_FORMAT", "INDEX_VERSION", "Stamp", "Indexed", "stamp", "write_index", "read_index",
           "index_state"]

INDEX_FILE = "graph.sqlite"
INDEX_FORMAT = "oversight-store-index"
#: Bumped whenever what the index holds or how it is read changes: an index of another version is rebuilt.
INDEX_VERSION = 1
_EVIDENCE = frozenset(EDGE_EVIDENCE_PROPS)


@dataclass(frozen=True)
class Stamp:
    """What the index knows of the JSON it was made from."""

    sha256: str
    size: int
    inode: int
    mtime_ns: int
    ctime_ns: int

    def same_stat(self, st: os.stat_result) -> bool:
        return (self.size, self.inode, self.mtime_ns, self.ctime_ns) == (
            st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns,
        )  # fmt: skip


@dataclass(frozen=True)
class Indexed:
    """A graph read from the index, with the hash of the JSON it was made from and that JSON's store version."""

    graph: OversightGraph
    sha256: str
    store_version: int


def stamp(st: os.stat_result, sha256: str) -> Stamp:
    """The stamp of a file whose stat is ``st`` and whose bytes hash to ``sha256``.

    Take ``st`` from the handle the bytes were read from (``os.fstat``), before
    reading: a file replaced meanwhile is then never stamped with another's hash.
    """
    return Stamp(sha256, st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tool_version() -> str:
    from oversight import __version__

    return __version__


def _order(name: str) -> tuple[bool, str]:
    """Property order in a graph built from node-link rows: by name, a relationship's evidence lists last."""
    return (name in _EVIDENCE, name)


def _dump(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))


def _ordered(row: Mapping[str, Any], skip: tuple[str, ...]) -> dict[str, Any]:
    """A row's properties, in the order a graph built from node-link rows holds them."""
    return {k: row[k] for k in sorted((k for k in row if k not in skip), key=_order)}


_NODE_SKIP = ("key", "labels")
_EDGE_SKIP = ("source", "target", "type")


def write_index(
    directory: Path,
    link: Mapping[str, list[dict[str, Any]]],
    source: Stamp,
    onto: Ontology,
    store_version: int,
) -> Path:
    """Write ``directory/graph.sqlite`` from the node-link rows ``link`` of the JSON stamped ``source``
    (a store of ``store_version``).

    Atomic: a temporary file renamed over the old index. Raises OSError or
    sqlite3.Error when it cannot be written (the caller decides whether that matters).
    """
    target = directory / INDEX_FILE
    tmp = directory / f".{INDEX_FILE}.{os.getpid()}.tmp"
    nodes, edges = link["nodes"], link["edges"]
    meta = {
        "format": INDEX_FORMAT,
        "version": INDEX_VERSION,
        "tool": _tool_version(),
        "ontology": ontology_digest(),
        "source": {"sha256": source.sha256, "size": source.size, "inode": source.inode,
                   "mtimeNs": source.mtime_ns, "ctimeNs": source.ctime_ns},
        "storeVersion": store_version,
        "nodes": len(nodes),
        "edges": len(edges),
    }  # fmt: skip
    sections = {
        "nodes": _dump([[n["key"], n["labels"], _ordered(n, _NODE_SKIP)] for n in nodes]),
        "edges": _dump(
            [[e["source"], e["target"], e["type"], _edge_key(onto, e), _ordered(e, _EDGE_SKIP)] for e in edges]
        ),
    }
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")  # the file is fsynced once, below, before the rename
            db.execute("BEGIN")
            db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.executemany("INSERT INTO meta VALUES (?, ?)", ((k, json.dumps(v)) for k, v in meta.items()))
            db.execute("CREATE TABLE sections (name TEXT PRIMARY KEY, data TEXT NOT NULL)")
            db.executemany("INSERT INTO sections VALUES (?, ?)", sections.items())
            db.execute("COMMIT")
        finally:
            db.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def _edge_key(onto: Ontology, edge: Mapping[str, Any]) -> str:
    """The key networkx holds a relationship under, as :meth:`OversightGraph.add_edge` makes it."""
    identity = onto.relationship(edge["type"]).identity_property
    ident = str(edge.get(identity, "")) if identity else ""
    return f"{edge['type']}#{ident}" if ident else str(edge["type"])


def _meta(db: sqlite3.Connection) -> dict[str, Any]:
    return {name: json.loads(value) for name, value in db.execute("SELECT name, value FROM meta")}


def index_state(directory: Path, source: Path) -> tuple[sqlite3.Connection | None, dict[str, Any], str]:
    """Open the index of ``source`` if it may be used: (connection, meta, "fresh"); else (None, {}, why not)."""
    path = directory / INDEX_FILE
    if not path.is_file():
        return None, {}, "missing"
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return None, {}, f"unreadable ({exc})"
    try:
        meta = _meta(db)
        if meta.get("format") != INDEX_FORMAT or meta.get("version") != INDEX_VERSION:
            raise LookupError(f"another format or version ({meta.get('format')!r} {meta.get('version')!r})")
        if meta.get("tool") != _tool_version() or meta.get("ontology") != ontology_digest():
            raise LookupError("made by another version of the tool or ontology")
        recorded = meta["source"]
        made_from = Stamp(recorded["sha256"], recorded["size"], recorded["inode"], recorded["mtimeNs"], recorded["ctimeNs"])
        if not made_from.same_stat(source.stat()) and _file_sha256(source) != made_from.sha256:
            raise LookupError("stale (graph.json changed since)")
    except (sqlite3.Error, ValueError, LookupError, TypeError, OSError) as exc:
        db.close()
        reason = str(exc) if isinstance(exc, LookupError) else f"unreadable ({exc.__class__.__name__}: {exc})"
        return None, {}, reason
    return db, meta, "fresh"


def read_index(directory: Path, source: Path, onto: Ontology) -> tuple[Indexed | None, str]:
    """The graph the index of ``source`` holds and "fresh"; or (None, why not) when the index is
    missing, stale, of another version, or unreadable."""
    db, meta, why = index_state(directory, source)
    if db is None:
        return None, why
    collecting = gc.isenabled()
    gc.disable()  # a few hundred thousand new dicts, none cyclic: collections would only cost (half the time)
    try:
        graph = _graph(db, meta, onto)
        return Indexed(graph, str(meta["source"]["sha256"]), int(meta["storeVersion"])), "fresh"
    except (sqlite3.Error, ValueError, LookupError, TypeError, RecursionError) as exc:
        return None, f"unreadable ({exc.__class__.__name__}: {exc})"
    finally:
        db.close()
        if collecting:
            # The graph's dicts live as long as the command: kept out of every later collection
            # (freed by reference counting as usual), or the first one after this would walk them all.
            gc.freeze()
            gc.enable()


def _section(db: sqlite3.Connection, name: str) -> Any:
    found = db.execute("SELECT data FROM sections WHERE name = ?", (name,)).fetchone()
    if found is None:
        raise LookupError(f"no {name} section")
    return json.loads(found[0])


def _graph(db: sqlite3.Connection, meta: Mapping[str, Any], onto: Ontology) -> OversightGraph:
    """Build the graph straight into networkx's storage (the node, successor and predecessor dicts)."""
    graph = OversightGraph(onto)
    nodes, succ, pred = graph.g._node, graph.g._succ, graph.g._pred
    labels_of: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key, labels, props in _section(db, "nodes"):
        shared = labels_of.setdefault(tuple(labels), tuple(labels))
        nodes[key] = {"labels": shared, "props": props}
        succ[key] = {}
        pred[key] = {}
    count = 0
    for source, target, type_, ekey, props in _section(db, "edges"):
        out = succ[source]
        keyed = out.get(target)
        if keyed is None:
            keyed = out[target] = {}
            pred[target][source] = keyed
        keyed[ekey] = {"type": type_, "props": props}
        count += 1
    if len(nodes) != meta["nodes"] or count != meta["edges"]:
        raise LookupError("row counts differ from the recorded ones")
    return graph
