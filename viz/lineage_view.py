"""A finding's supersession chain, left to right by date.

The chain is :func:`oversight.queries.lineage.supersession_chain`: every
finding the given one supersedes, transitively, and every finding that
supersedes it, transitively. Columns follow the order of the issuing
inspections' ``published`` dates (:meth:`OversightGraph.issued_on`); when an
issuer in the chain has no date, columns follow the order of supersession
instead. Each
link is drawn by its basis: stated solid, register dashed, inferred dotted and
labelled "inferred" with its confidence. ``stated_only`` leaves inferred links
out (and the findings only they reach).

>>> from oversight.viz.examples import example_graph
>>> view = lineage_view(example_graph(), "kent-police/peel-2021-22/afi-05")
>>> [(n["id"], n["level"]) for n in view.nodes]
[('kent-police/peel-2021-22/afi-05', 0), ('kent-police/peel-2023-25/afi-02', 1)]
>>> [(e["label"], e["dashes"]) for e in view.edges]
[('stated', False)]
"""

from __future__ import annotations

from typing import Any

from oversight.errors import BadParameter
from oversight.graph.model import OversightGraph
from oversight.ontology import L, R
from oversight.queries.lineage import STATED_BASES, supersession_chain
from oversight.viz.builder import ViewBuilder, node_label
from oversight.viz.page import View

__all__ = ["lineage_view", "levels"]


def levels(graph: OversightGraph, keys: list[str], links: list[dict[str, Any]]) -> dict[str, int]:
    """Column of each finding: rank of its inspection's published date, else of supersession order."""
    published = {key: graph.issued_on(key) for key in keys}
    if all(published.values()):
        order = sorted(set(published.values()))
        return {k: order.index(published[k]) for k in keys}
    # Longest path from the oldest: a finding sits one column right of what it supersedes.
    level = dict.fromkeys(keys, 0)
    inside = [e for e in links if e["source"] in level and e["target"] in level]
    for _ in range(len(keys)):
        changed = False
        for edge in inside:
            if level[edge["source"]] < level[edge["target"]] + 1:
                level[edge["source"]] = level[edge["target"]] + 1
                changed = True
        if not changed:
            break
    return level


def lineage_view(graph: OversightGraph, key: str, stated_only: bool = False, colour_by: str = "outcome") -> View:
    """The supersession chain of finding ``key``, in columns left to right."""
    node = graph.node(key)
    if L.Finding not in node["labels"]:
        raise BadParameter(f"{key}: not a finding (lineage needs an area for improvement, recommendation or other finding)")
    keys = supersession_chain(graph, key, stated_only)
    inside = set(keys)
    links = [
        e
        for k in keys
        for e in graph.edges(type=R.SUPERSEDES, source=k)
        if e["target"] in inside and (not stated_only or e.get("basis") in STATED_BASES)
    ]
    column = levels(graph, keys, links)
    builder = ViewBuilder(graph, colour_by=colour_by)
    for k in keys:
        extra: dict[str, Any] = {"level": column[k]}
        if k == key:
            extra.update(size=22, borderWidth=5, font={"size": 16})
        builder.add_node(k, **extra)
    for edge in links:
        builder.add_edge(edge)
    view = builder.build("lineage", f"Lineage of {node_label(graph, node)}", _timeline(graph, keys, column), layout="columns")
    inferred = sum(1 for e in links if e.get("basis") == "inferred")
    if stated_only:
        view.notes.append("Inferred links are left out: only what a paper states or a governance lead registered is shown.")
    elif inferred:
        view.notes.append(
            f"{inferred} dotted link{'s are' if inferred != 1 else ' is'} inferred by the tool: "
            "a suggestion with its confidence, not a fact."
        )
    return view


def _timeline(graph: OversightGraph, keys: list[str], column: dict[str, int]) -> str:
    by_column: dict[int, set[str]] = {}
    for k in keys:
        source = graph.issuer(k)
        if source:
            inspection = graph.node(source)
            when = graph.issued_on(k)
            by_column.setdefault(column[k], set()).add(node_label(graph, inspection) + (f" ({when})" if when else ""))
    if not by_column:
        return "Oldest on the left."
    parts = [" / ".join(sorted(by_column[c])) for c in sorted(by_column)]
    return "Left to right: " + " \u2192 ".join(parts) + "."
