"""The whole graph, or a filtered part of it.

Documents and EVIDENCED_BY links are not drawn (what documents say is in each
tooltip's source lines) unless ``labels`` asks for ``Document``. Filters:

- ``inspection``: that inspection, its findings, and the direct neighbours of
  both (owners, boards, status assessments, areas, superseding findings);
- ``status``: the findings whose latest status is ``status`` (``unknown``
  for findings no paper assessed), with their direct neighbours;
- ``labels``: of what is left, only nodes carrying one of these labels.

The whole graph starts grouped: each inspection, with the findings it issued, its
judgements and its stated counts, is folded into one node that the page expands
on a click (:func:`inspection_groups`); a filtered view starts expanded.

>>> from oversight.viz.examples import example_graph
>>> view = graph_view(example_graph())
>>> view.counts
(6, 5)
>>> graph_view(example_graph(), labels=["Finding"]).counts
(2, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from oversight.errors import BadParameter
from oversight.graph.model import OversightGraph, document_name
from oversight.ontology import L, R
from oversight.viz.builder import ViewBuilder
from oversight.viz.page import View

__all__ = ["graph_view", "neighbours", "inspection_groups", "group_names"]


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
    grouped: bool | None = None,
) -> View:
    """The graph (or the part the filters keep), laid out once, with physics off.

    ``grouped`` folds each inspection with its findings into one node the page expands
    on a click; by default the whole graph starts grouped and a filtered one does not.
    """
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
    if grouped is None:
        grouped = not described
    builder = ViewBuilder(
        graph, colour_by=colour_by, show_documents=show_documents, fold_statuses=L.StatusAssessment not in wanted
    )
    builder.add_nodes(sorted(keys))
    builder.add_edges_among()
    notes = []
    if grouped:
        groups = inspection_groups(graph, set(builder.keys))
        builder.group(groups, group_names(graph, groups))
        notes.append("Each inspection starts folded into one node: click it (or its button below) to expand it.")
    subtitle = ("Filtered: " + "; ".join(described) + ".") if described else "Everything in the store."
    return builder.build("graph", "Oversight graph", subtitle, notes=notes)


def inspection_groups(graph: OversightGraph, keys: set[str]) -> dict[str, str]:
    """The group of each node that belongs to one inspection (or meeting, or audit): the
    issuer itself, the findings it issued or raised, its judgements, stated counts and
    agenda items, and then every node whose other links all lead into that one group
    (an area only its findings are in, a person only its audit names).

    >>> from oversight.viz.examples import example_graph
    >>> sorted(inspection_groups(example_graph(), set(example_graph().keys())).items())[:2]
    [('kent-police/peel-2021-22', 'kent-police/peel-2021-22'), ('kent-police/peel-2021-22/afi-05', 'kent-police/peel-2021-22')]
    """
    group: dict[str, str] = {}
    heads = sorted(k for k in keys if any(graph.has_label(k, label) for label in (L.Inspection, L.Meeting, L.Audit)))
    for head in heads:
        group[head] = head
    for key in sorted(keys):
        if graph.has_label(key, L.Finding):
            issuer = graph.issuer(key)
            if issuer is not None and issuer in keys:
                group[key] = issuer
    for head in heads:
        for rel_type in (R.HAS_JUDGEMENT, R.HAS_STATED_COUNT, R.HAS_ITEM):
            for key in graph.out(head, rel_type):
                if key in keys and key not in group:
                    group[key] = head
    for _ in range(2):  # leaves, then what only leaves of one group lead to
        joined = {}
        for key in sorted(keys - set(group)):
            if graph.has_label(key, L.Document):
                continue
            around = {group.get(other) for other in neighbours(graph, key) if other in keys}
            if len(around) == 1 and None not in around:
                joined[key] = around.pop()
        if not joined:
            break
        group.update({k: v for k, v in joined.items() if v is not None})
    sizes = Counter(group.values())
    for head in heads:  # an audit or meeting alone joins the others of its kind its paper lists
        cited = graph.evidence(head)
        if sizes[head] == 1 and cited:
            group[head] = f"{cited[0]['document']}#{graph.labels(head)[0]}"
    return group


def group_names(graph: OversightGraph, groups: dict[str, str]) -> dict[str, str]:
    """A name for each group that is no node: "Audit in <the paper's title and date>"."""
    names = {}
    for head in set(groups.values()):
        if "#" in head and head not in graph:
            document, label = head.rsplit("#", 1)
            names[head] = f"{graph.onto.classes[label].title or label} in {document_name(graph, document)}"
    return names
