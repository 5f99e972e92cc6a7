"""Export formats, keyed by name: node-link JSON, Turtle, JSON-LD, GraphML.

The ``json`` format is a contract other tools rely on::

    {"nodes": [{"key": ..., "labels": [...], ...properties}],
     "edges": [{"source": key, "target": key, "type": ..., ...properties}]}

in canonical order (nodes by key; relationships by source, type, target), so
exporting the same graph twice gives the same bytes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from oversight.errors import BadParameter, UnknownName
from oversight.graph.model import OversightGraph
from oversight.graph.rdf_store import serialize

__all__ = ["EXPORTERS", "export_text", "write_export", "node_link_json"]


def node_link_json(graph: OversightGraph) -> str:
    """The node-link JSON text: one node or relationship per line, keys sorted."""
    link = graph.to_node_link()
    parts = ['{"nodes":[']
    parts.append(",\n".join(json.dumps(n, sort_keys=True, ensure_ascii=False) for n in link["nodes"]))
    parts.append('],\n"edges":[')
    parts.append(",\n".join(json.dumps(e, sort_keys=True, ensure_ascii=False) for e in link["edges"]))
    parts.append("]}\n")
    return "\n".join(parts)


def _graphml(graph: OversightGraph) -> str:
    # GraphML holds scalars only: labels are joined with ';', lists become JSON text.
    flat = nx.MultiDiGraph()
    for node in graph.nodes():
        attrs = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v) for k, v in node.items()}
        attrs["labels"] = ";".join(node["labels"])
        flat.add_node(node["key"], **{k: v for k, v in attrs.items() if k != "key"})
    for edge in graph.edges():
        attrs = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v) for k, v in edge.items()}
        flat.add_edge(attrs.pop("source"), attrs.pop("target"), **attrs)
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


#: Exporters by format name: ``graph -> text``.
EXPORTERS: dict[str, Callable[[OversightGraph], str]] = {
    "json": node_link_json,
    "ttl": lambda graph: serialize(graph, "ttl"),
    "jsonld": lambda graph: serialize(graph, "jsonld"),
    "graphml": _graphml,
}


def export_text(graph: OversightGraph, fmt: str) -> str:
    """The graph in format ``fmt``; raises UnknownName listing the formats."""
    if fmt not in EXPORTERS:
        raise UnknownName(f"unknown export format {fmt!r}; known: {', '.join(sorted(EXPORTERS))}")
    return EXPORTERS[fmt](graph)


def write_export(graph: OversightGraph, fmt: str, path: Path, overwrite: bool = False) -> Path:
    """Write the export atomically; an existing file is kept unless ``overwrite``."""
    if path.exists() and not overwrite:
        raise BadParameter(f"{path}: already exists (use --force to replace it)")
    if path.is_dir():
        raise BadParameter(f"{path}: is a directory")
    text = export_text(graph, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path
