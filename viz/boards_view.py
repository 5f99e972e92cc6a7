"""The accountability map: who owns each finding, which board oversees it, who chairs
that board, and whom they answer to, left to right.

Columns: findings (0) → owners, by OWNED_BY (1) → boards, by OVERSEEN_BY (2) →
chairs, by CHAIRED_BY (3) → whom they report, are accountable or are
scrutinised by (REPORTS_TO, ACCOUNTABLE_TO, SCRUTINISED_BY: one column further
per step, so the Police and Crime Commissioner and the Panel end on the right).
A node in two roles (a post that owns findings and chairs a board) takes the
rightmost column. Every board is shown, with or without findings. A map of more
than :data:`GROUP_FROM` nodes starts with each inspection's findings folded into one
node, expanded on a click.

>>> from oversight.viz.examples import example_graph
>>> view = boards_view(example_graph())
>>> [(n["label"], n["level"]) for n in view.nodes]
[('Future Improvement and Development Board', 2), ('AFI 5 · PEEL 2021/22', 0), ('Deputy Chief Constable', 3)]
"""

from __future__ import annotations

from oversight.graph.model import OversightGraph
from oversight.ontology import L, R
from oversight.viz.builder import ViewBuilder, node_label
from oversight.viz.page import View

__all__ = ["boards_view", "ACCOUNTABILITY", "LEAST_COLUMN", "GROUP_FROM"]

#: From this many nodes, the findings start folded by inspection (expanded on a click).
GROUP_FROM = 30

#: Relationship types of the map, in the order the columns follow them.
ACCOUNTABILITY = (R.OWNED_BY, R.OVERSEEN_BY, R.CHAIRED_BY, R.REPORTS_TO, R.ACCOUNTABLE_TO, R.SCRUTINISED_BY)

#: Least column of a node reached by each relationship type.
LEAST_COLUMN = {R.OWNED_BY: 1, R.OVERSEEN_BY: 2, R.CHAIRED_BY: 3}


def boards_view(graph: OversightGraph, colour_by: str = "rag") -> View:
    """Findings → owners → boards → chairs → PCC and Panel, in columns."""
    column: dict[str, int] = {}
    for key in graph.keys(L.Board):
        column[key] = 2
    for key in graph.keys(L.Finding):
        if graph.out(key, R.OWNED_BY) or graph.out(key, R.OVERSEEN_BY):
            column[key] = 0
    links: dict[tuple[str, str, str], dict] = {}
    frontier = sorted(column)
    while frontier:
        following = []
        for key in frontier:
            for edge in graph.edges(source=key):
                if edge["type"] not in ACCOUNTABILITY:
                    continue
                if edge["type"] in (R.OWNED_BY, R.OVERSEEN_BY) and column.get(key) != 0:
                    continue  # a plan or programme overseen by a board is not on this map
                links[(edge["source"], edge["type"], edge["target"])] = edge
                if edge["target"] not in column:
                    column[edge["target"]] = LEAST_COLUMN.get(edge["type"], 3)
                    following.append(edge["target"])
        frontier = sorted(following)
    for _ in range(len(column)):
        changed = False
        for (source, rel_type, target) in links:
            least = max(column[source] + 1, LEAST_COLUMN.get(rel_type, 0))
            if column[target] < least:
                column[target] = least
                changed = True
        if not changed:
            break
    builder = ViewBuilder(graph, colour_by=colour_by)
    for key in sorted(column, key=lambda k: (column[k] != 2, k)):
        builder.add_node(key, level=column[key])
    for edge in links.values():
        builder.add_edge(edge)
    notes = []
    if len(builder.keys) > GROUP_FROM:
        issuers = {key: graph.issuer(key) for key in builder.keys if column.get(key) == 0}
        groups = {key: issuer for key, issuer in issuers.items() if issuer is not None}
        builder.group(groups, {issuer: node_label(graph, graph.node(issuer)) for issuer in set(groups.values())})
        notes.append("The findings of each inspection start folded into one node: click it to expand it.")
    return builder.build(
        "boards",
        "Accountability map",
        "Findings \u2192 their owners \u2192 the boards that oversee them \u2192 the chairs \u2192 whom they answer to.",
        layout="columns",
        notes=notes,
    )
