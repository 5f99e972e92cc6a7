"""One inspection and its findings, each filled by its outcome.

Left to right: the bodies that conducted it, the force it inspected and the
counts the papers state; the inspection; its findings, filled by outcome (the standing :mod:`oversight.graph.standing` wrote on each); and what
decided each outcome: the findings that supersede it (drawn by basis), the
plan it was carried forward to, the inspection that closed it.

>>> from oversight.viz.examples import example_graph
>>> view = inspection_view(example_graph(), "kent-police/peel-2021-22")
>>> [(n["label"], n["level"], n["color"]["background"]) for n in view.nodes]
[('PEEL 2021/22', 1, '#1f4e79'), ('AFI 5 · PEEL 2021/22', 2, '#9970ab'), ('AFI 2 · PEEL 2023/25', 3, '#d9d9d9')]
>>> view.subtitle
'1 finding: 1 superseded.'
"""

from __future__ import annotations

from collections import Counter

from oversight.errors import BadParameter
from oversight.graph.model import OversightGraph
from oversight.ontology import L, R
from oversight.queries.outcomes import OUTCOMES
from oversight.viz.builder import ViewBuilder, node_label
from oversight.viz.page import View

__all__ = ["inspection_view"]

_CONTEXT = (R.CONDUCTED_BY, R.INSPECTED, R.HAS_STATED_COUNT)
_DECIDERS = (R.CARRIED_FORWARD_TO, R.CLOSED_BY)


def inspection_view(graph: OversightGraph, key: str) -> View:
    """Inspection ``key`` with its findings coloured by outcome, in columns."""
    node = graph.node(key)
    if L.Inspection not in node["labels"]:
        raise BadParameter(f"{key}: not an inspection")
    builder = ViewBuilder(graph, colour_by="outcome")
    builder.add_node(key, level=1)
    edges = []
    for edge in graph.edges(source=key):
        if edge["type"] in _CONTEXT:
            builder.add_node(edge["target"], level=0)
            edges.append(edge)
    findings = graph.out(key, R.ISSUED)
    outcomes: Counter[str] = Counter()
    for finding in findings:
        builder.add_node(finding, level=2)
        edges.append(next(e for e in graph.edges(type=R.ISSUED, source=key, target=finding)))
        outcomes[graph.node(finding)["outcome"]] += 1
    for finding in findings:
        for edge in graph.edges(type=R.SUPERSEDES, target=finding):
            if edge["source"] not in builder:
                builder.add_node(edge["source"], level=3)
            edges.append(edge)
        for edge in graph.edges(source=finding):
            if edge["type"] in _DECIDERS:
                if edge["target"] not in builder:
                    builder.add_node(edge["target"], level=3)
                edges.append(edge)
    for edge in edges:
        builder.add_edge(edge)
    total = len(findings)
    counted = ", ".join(f"{outcomes[o]} {o}" for o in OUTCOMES if outcomes[o])
    subtitle = f"{total} finding{'s' * (total != 1)}" + (f": {counted}." if counted else ".")
    return builder.build("inspection", node_label(graph, node), subtitle, layout="columns")
