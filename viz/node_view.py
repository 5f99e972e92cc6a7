"""The neighbourhood of one node, to a depth.

>>> from oversight.viz.examples import example_graph
>>> node_view(example_graph(), "kent-police/peel-2021-22/afi-05").counts
(4, 3)
>>> node_view(example_graph(), "kent-police/peel-2021-22/afi-05", depth=2).counts
(6, 5)
"""

from __future__ import annotations

from oversight.errors import BadParameter
from oversight.graph.model import OversightGraph
from oversight.ontology import L
from oversight.viz.boards_view import GROUP_FROM
from oversight.viz.builder import ViewBuilder, node_label
from oversight.viz.graph_view import group_names, inspection_groups
from oversight.viz.page import View

__all__ = ["node_view"]


def node_view(graph: OversightGraph, key: str, depth: int = 1, colour_by: str = "rag") -> View:
    """``key`` and every node within ``depth`` relationships of it, either way.

    Documents are left out (their lines are in the tooltips) unless ``key`` is
    itself a document, whose neighbourhood is what it states. A neighbourhood of
    more than :data:`~oversight.viz.boards_view.GROUP_FROM` nodes starts with every
    other inspection folded into one node with its findings, expanded on a click.
    """
    centre = graph.node(key)
    if depth < 0:
        raise BadParameter(f"depth must be 0 or more, not {depth}")
    show_documents = L.Document in centre["labels"]
    seen = {key}
    frontier = [key]
    for _ in range(depth):
        following = []
        for current in frontier:
            for other in sorted(set(graph.g.successors(current)) | set(graph.g.predecessors(current))):
                if other in seen or (not show_documents and graph.has_label(other, L.Document)):
                    continue
                seen.add(other)
                following.append(other)
        frontier = following
    builder = ViewBuilder(
        graph, colour_by=colour_by, show_documents=show_documents, fold_statuses=L.StatusAssessment not in centre["labels"]
    )
    builder.add_node(key, size=28, borderWidth=5, font={"size": 17})
    builder.add_nodes(sorted(seen - {key}))
    builder.add_edges_among()
    notes = []
    if len(builder.keys) > GROUP_FROM:
        groups = inspection_groups(graph, set(builder.keys) - {key})
        groups = {member: head for member, head in groups.items() if head != key}
        builder.group(groups, group_names(graph, groups))
        notes.append("The inspections around it start folded into one node each: click one to expand it.")
    name = node_label(graph, centre)
    hops = "relationship" if depth == 1 else "relationships"
    return builder.build("node", f"Around {name}", f"{key} and everything within {depth} {hops} of it.", notes=notes)
