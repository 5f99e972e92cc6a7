"""Interactive HTML views of the oversight graph.

Each view is one function ``graph -> View`` in its own module, registered in
:data:`VIEWS` under the name the CLI uses (``oversight view NAME``). A
:class:`~oversight.viz.page.View` is plain data; ``view.html()`` gives one
self-contained page (vis-network inlined, nothing fetched, document text
always escaped) and ``view.write(path)`` saves it, never over an existing
file unless asked.

>>> from oversight.viz.examples import example_graph
>>> sorted(VIEWS)
['boards', 'graph', 'inspection', 'lineage', 'node']
>>> make_view(example_graph(), "lineage", "kent-police/peel-2023-25/afi-02").counts
(2, 1)
>>> make_view(example_graph(), "lineage")
Traceback (most recent call last):
...
oversight.errors.BadParameter: the lineage view needs a KEY
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from oversight.errors import BadParameter, UnknownName
from oversight.graph.model import OversightGraph
from oversight.graph.standing import underived
from oversight.viz.boards_view import boards_view
from oversight.viz.graph_view import graph_view
from oversight.viz.inspection_view import inspection_view
from oversight.viz.lineage_view import lineage_view
from oversight.viz.node_view import node_view
from oversight.viz.page import DEFAULT_FILENAME, View, render_html, write_html

__all__ = [
    "VIEWS",
    "KEYED",
    "View",
    "make_view",
    "render_html",
    "write_html",
    "graph_view",
    "node_view",
    "lineage_view",
    "boards_view",
    "inspection_view",
    "DEFAULT_FILENAME",
]

#: Every view by name: ``name -> function(graph, [key], **options) -> View``.
VIEWS: dict[str, Callable[..., View]] = {
    "graph": graph_view,
    "node": node_view,
    "lineage": lineage_view,
    "boards": boards_view,
    "inspection": inspection_view,
}

#: Views whose first argument after the graph is a node key.
KEYED = frozenset({"node", "lineage", "inspection"})


def make_view(graph: OversightGraph, name: str, key: str | None = None, **options: Any) -> View:
    """Build view ``name`` (of node ``key`` for the keyed views) with its ``options``."""
    if name not in VIEWS:
        raise UnknownName(f"unknown view {name!r}; known: {', '.join(sorted(VIEWS))}")
    missing = underived(graph)
    if missing:
        raise BadParameter(f"{missing} has no derived standing (build the graph with build_graph)")
    if name in KEYED:
        if key is None:
            raise BadParameter(f"the {name} view needs a KEY")
        return VIEWS[name](graph, key, **options)
    if key is not None:
        raise BadParameter(f"the {name} view takes no KEY")
    return VIEWS[name](graph, **options)
