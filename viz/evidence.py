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
{'document/a': {3}}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from oversight.graph.model import OversightGraph, document_name
from oversight.graph.passages import document_lines

__all__ = ["texts_payload", "cited_documents", "TEXT_BUDGET"]


#: Characters of document text a page carries whole; past this, a paper brings only the
#: lines around its cited ones (a store of hundreds of papers stays a page a browser opens).
TEXT_BUDGET = 5_000_000

#: Lines kept on each side of a cited line when a paper is carried in part.
AROUND = 12


def texts_payload(
    graph: OversightGraph, documents: Mapping[str, Iterable[int]] | Iterable[str], budget: int = TEXT_BUDGET
) -> dict[str, dict[str, Any]]:
    """Each document's ``name`` (title and date), ``title`` (its file name when it has none),
    ``date`` and ``lines`` (None when the store kept no text of it), by key, for the page's
    data block. ``documents`` are keys, or keys with the lines cited in each: once the
    page carries ``budget`` characters, a further paper carries only the lines within
    :data:`AROUND` of a cited one (the others None) and is marked ``partial``."""
    cited = documents if isinstance(documents, Mapping) else {key: () for key in documents}
    out: dict[str, dict[str, Any]] = {}
    carried = 0
    for key in sorted(cited):
        node = graph.node(key) if key in graph else {}
        lines = document_lines(graph, key) if key in graph else None
        entry: dict[str, Any] = {
            "name": document_name(graph, key),
            "title": node.get("title") or (str(node["path"]).replace("\\", "/").rsplit("/", 1)[-1] if node.get("path") else None),
            "date": node.get("date"),
            "lines": lines,
        }
        size = sum(len(line) for line in lines) if lines else 0
        if lines and carried + size > budget:
            keep = {n for line in cited[key] for n in range(int(line) - AROUND, int(line) + AROUND + 1)}
            entry["lines"] = [text if number in keep else None for number, text in enumerate(lines, start=1)]
            entry["partial"] = True
            size = sum(len(text) for number, text in enumerate(lines, start=1) if number in keep)
        carried += size
        out[key] = entry
    return out


def cited_documents(data: Any) -> dict[str, set[int]]:
    """The documents every source in ``data`` cites (any dict with a ``document``), with the
    lines cited in each, by key."""
    found: dict[str, set[int]] = {}
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("document"), str):
                lines = found.setdefault(item["document"], set())
                lines.update(int(item[p]) for p in ("line", "endLine") if isinstance(item.get(p), int))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
