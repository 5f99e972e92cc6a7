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
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


#: Characters XML 1.0 cannot hold at all (controls other than tab, line feed and carriage
#: return; lone surrogates; U+FFFE and U+FFFF): a paper's ESC byte would make GraphML fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    r"""A value GraphML can hold: text has each character XML cannot carry written as ``\xNN``
    (or ``\uNNNN``), so nothing is lost silently; other values pass through.

    >>> xml_safe("bad \x1b[31m title")
    'bad \\x1b[31m title'
    """
    if not isinstance(value, str):
        return value
    return _NOT_XML.sub(lambda m: m.group(0).encode("unicode_escape", "backslashreplace").decode("ascii"), value)


def _scalar(value: Any) -> Any:
    return xml_safe(json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value)


def _graphml(graph: OversightGraph) -> str:
    # GraphML holds scalars only: labels are joined with ';', lists become JSON text.
    flat = nx.MultiDiGraph()
    for node in graph.nodes():
        attrs = {k: _scalar(v) for k, v in node.items()}
        attrs["labels"] = ";".join(node["labels"])
        flat.add_node(xml_safe(node["key"]), **{k: v for k, v in attrs.items() if k != "key"})
    for edge in graph.edges():
        attrs = {k: _scalar(v) for k, v in edge.items()}
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


def write_atomically(path: Path, text: str | bytes, overwrite: bool = False) -> Path:
    """Write ``text`` (or bytes) to ``path`` through a temporary file and a rename, so a crash or a
    full disk leaves no half file; an existing file is kept unless ``overwrite``.

    Raises BadParameter naming the file when it exists, is a directory, or cannot be
    written (disk full, a file size limit, no permission).
    """
    if path.is_dir():
        raise BadParameter(f"{path}: is a directory")
    if path.exists() and not overwrite:
        raise BadParameter(f"{path}: already exists (use --force to replace it)")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            tmp.write_bytes(text)
        else:
            tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise BadParameter(f"{path}: cannot write ({exc.strerror or exc.__class__.__name__})") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return path


def write_export(graph: OversightGraph, fmt: str, path: Path, overwrite: bool = False) -> Path:
    """Write the export atomically; an existing file is kept unless ``overwrite``."""
    if path.exists() and not overwrite:
        raise BadParameter(f"{path}: already exists (use --force to replace it)")
    if path.is_dir():
        raise BadParameter(f"{path}: is a directory")
    return write_atomically(path, export_text(graph, fmt), overwrite=overwrite)
