"""The whole graph, or a filtered part of it.

Documents and EVIDENCED_BY links are not drawn (what documents say is in each
tooltip's source lines) unless ``labels`` asks for ``Document``. Filters:

- ``inspection``: that inspection, its findings, and the direct neighbours of
  both (owners, boards, status assessments, areas, superseding findings);
- ``status``: the findings whose latest status is ``status`` (``unknown``
  for findings no paper assessed), with their direct neighbours;
- ``labels``: of what is left, only nodes carrying one of these labels.

>>> from oversight.viz.examples import example_graph
>>> view = graph_view(example_graph())
>>> view.counts
(6, 5)
>>> graph_view(example_graph(), labels=["Finding"]).counts
(2, 1)
"""

from __future__ import annotations

from collections.abc import Iterable

from oversight.errors import BadParameter
from oversight.graph.model import OversightGraph
from oversight.ontology import L, R
from oversight.viz.builder import ViewBuilder
from oversight.viz.page import View

__all__ = ["graph_view", "neighbours"]


def neighbours(graph: OversightGraph, key: str) -> set[str]:
    """Keys joined to ``key`` by any relationship, either way (documents excluded)."""
    found = set(graph.g.successors(key)) | set(graph.g.predecessors(key))
    return {k for k in found if not graph.has_label(k, L.Document)}


def graph_view(
    graph: OversightGraph,
    labels: Iterable[str] | None = None,
    inspection: str | None = None,
    status: str | None = None,
    colour_by: str = "rag",
) -> View:
    """The graph (or the part the filters keep), laid out once, with physics off."""
    wanted = [graph.onto.L.check(label) for label in (labels or [])]
    show_documents = L.Document in wanted
    keys = {k for k in graph.keys() if show_documents or not graph.has_label(k, L.Document)}
    described = []
    if inspection is not None:
        if L.Inspection not in graph.node(inspection)["labels"]:
            raise BadParameter(f"{inspection}: not an inspection")
        findings = set(graph.out(inspection, R.ISSUED))
        keep = {inspection} | neighbours(graph, inspection) | findings
        for finding in findings:
            keep |= neighbours(graph, finding)
        keys &= keep | ({k for k in keys if graph.has_label(k, L.Document)} if show_documents else set())
        described.append(f"inspection {inspection}")
    if status is not None:
        known = (*graph.onto.vocabulary("FindingStatuses").notations, "unknown")
        if status not in known:
            raise BadParameter(f"status {status!r} is not one of {', '.join(known)}")
        matching = {
            k for k in keys
            if graph.has_label(k, L.Finding) and (graph.node(k).get("latestStatus") or "unknown") == status
        }
        keep = set(matching)
        for finding in matching:
            keep |= neighbours(graph, finding)
        keys &= keep | ({k for k in keys if graph.has_label(k, L.Document)} if show_documents else set())
        described.append(f"findings whose latest status is {status}, with their neighbours")
    if wanted:
        keys = {k for k in keys if any(graph.has_label(k, label) for label in wanted)}
        described.append("only " + ", ".join(wanted))
    builder = ViewBuilder(
        graph, colour_by=colour_by, show_documents=show_documents, fold_statuses=L.StatusAssessment not in wanted
    )
    builder.add_nodes(sorted(keys))
    builder.add_edges_among()
    subtitle = ("Filtered: " + "; ".join(described) + ".") if described else "Everything in the store."
    return builder.build("graph", "Oversight graph", subtitle)
