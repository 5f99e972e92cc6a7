"""Evidence in context: the papers' own text, carried in a page so any fact can open its passage.

The tracker and every network view carry, in their data block, the text of
each document they cite (:func:`texts_payload`: its title, date and lines, as
the store kept them, :mod:`oversight.graph.document_texts`). The page script
``static/evidence.js`` (inlined before the page's own script) turns a source
(document, line, last line, quote) into the passage: the document's title and
date, the paragraph around the cited lines with those lines highlighted, and a
link (``#paper=<document key>:<line>-<last line>``) that opens the whole text
in the page, scrolled to the lines. Everything is built with ``textContent``:
no document string is ever HTML. A document the store kept no text of (a
graph built in memory, a store written before texts were kept) still shows
its title, line and quote, and says that its text is not in the store.

>>> from oversight.graph.model import OversightGraph
>>> g = OversightGraph()
>>> g.add_node("document/a", "Document", {"sha256": "a" * 64, "title": "Progress paper", "date": "2023-04-18"})
>>> texts_payload(g, ["document/a"])
{'document/a': {'name': 'Progress paper (2023-04-18)', 'title': 'Progress paper', 'date': '2023-04-18', 'lines': None}}
>>> cited_documents({"x": [{"document": "document/a", "line": 3}], "y": {"document": "document/a"}})
['document/a']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from oversight.graph.model import OversightGraph
from oversight.graph.passages import document_lines
from oversight.queries.tracker import document_name

__all__ = ["texts_payload", "cited_documents"]


def texts_payload(graph: OversightGraph, documents: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Each document's ``name`` (title and date), ``title`` (its file name when it has none),
    ``date`` and ``lines`` (None when the store kept no text of it), by key, for the page's data block."""
    out: dict[str, dict[str, Any]] = {}
    for key in sorted(set(documents)):
        node = graph.node(key) if key in graph else {}
        out[key] = {
            "name": document_name(graph, key),
            "title": node.get("title") or (str(node["path"]).replace("\\", "/").rsplit("/", 1)[-1] if node.get("path") else None),
            "date": node.get("date"),
            "lines": document_lines(graph, key) if key in graph else None,
        }
    return out


def cited_documents(data: Any) -> list[str]:
    """The keys of every document a source in ``data`` cites (any dict with a ``document``), sorted."""
    found: set[str] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("document"), str):
                found.add(item["document"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return sorted(found)
