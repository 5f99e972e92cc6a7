"""Graph checks beyond the SHACL shapes: supersession cycles and order, contradictions, conflicts.

Each check is a plain function ``graph -> list[Violation]`` registered in
:data:`oversight.graph.validate.CHECKS`:

- ``supersession-cycles``: findings that (transitively) supersede themselves;
- ``supersession-order``: a finding superseded by one issued earlier;
- ``contradictions``: a stated or registered supersession of a finding that a
  paper says was closed, discharged or carried forward; more findings
  superseded (on stated or registered links) than a paper's stated count;
- ``conflicts``: nodes that hold two different values for one property
  (kept both, flagged on the node);
- ``identity``: pairs of findings that may be one finding (an inferred
  ``SAME_AS`` the identity stage left unmerged), for review.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from oversight.graph.model import OversightGraph
from oversight.graph.status import DECIDING_BASES, current_status
from oversight.ontology import L, R

__all__ = [
    "Violation",
    "supersession_cycles",
    "supersession_order",
    "contradictions",
    "value_conflicts",
    "identity_suggestions",
]

_TERMINAL = ("closed", "discharged", "carried-forward")


@dataclass(frozen=True, order=True)
class Violation:
    """One problem: the node it concerns, which check found it, and what is wrong."""

    focus: str
    check: str
    message: str
    severity: str = "violation"

    def as_dict(self) -> dict[str, str]:
        return {"focus": self.focus, "check": self.check, "message": self.message, "severity": self.severity}


def _cited(edge: dict[str, object]) -> str:
    docs = edge.get("evidenceDocuments") or []
    lines = edge.get("evidenceLines") or []
    cites = [f"{d}#L{n}" for d, n in zip(docs, lines, strict=True)]  # type: ignore[call-overload]
    return f" ({', '.join(cites)})" if cites else ""


def supersession_cycles(graph: OversightGraph) -> list[Violation]:
    """Findings that supersede themselves through a chain of SUPERSEDES links."""
    sub = nx.DiGraph()
    for edge in graph.edges(type=R.SUPERSEDES):
        sub.add_edge(edge["source"], edge["target"])
    out = []
    rotated = []
    for cycle in nx.simple_cycles(sub):
        start = cycle.index(min(cycle))  # the same cycle always starts at its smallest key
        rotated.append(cycle[start:] + cycle[:start])
    for cycle in sorted(rotated):
        path = " -> ".join([*cycle, cycle[0]])
        out.append(Violation(cycle[0], "supersession-cycles", f"supersession cycle: {path}"))
    return out


def supersession_order(graph: OversightGraph) -> list[Violation]:
    """A finding superseded by a finding issued earlier than itself."""
    out = []
    for edge in graph.edges(type=R.SUPERSEDES):
        later, earlier = graph.issued_on(edge["source"]), graph.issued_on(edge["target"])
        if later and earlier and later[: len(earlier)] < earlier[: len(later)]:
            out.append(
                Violation(
                    edge["source"],
                    "supersession-order",
                    f"supersedes {edge['target']} (issued {earlier}) but was issued earlier ({later}); basis {edge.get('basis')}{_cited(edge)}",
                )
            )
    return out


def contradictions(graph: OversightGraph) -> list[Violation]:
    """Stated or registered supersessions that contradict a stated outcome or a stated count."""
    out = []
    for edge in graph.edges(type=R.SUPERSEDES):
        if edge.get("basis") not in DECIDING_BASES:
            continue
        target = edge["target"]
        latest = current_status(graph, target)
        if latest is not None and latest.get("status") in _TERMINAL:
            cite = "; ".join(f"{e['document']}#L{e['line']}" for e in graph.evidence(str(latest["key"])))
            out.append(
                Violation(
                    target,
                    "contradictions",
                    f"{edge.get('basis')} link says {edge['source']} supersedes it{_cited(edge)}, "
                    f"but its latest status is {latest['status']} ({cite})",
                )
            )
        if graph.out(target, R.CARRIED_FORWARD_TO):
            out.append(
                Violation(target, "contradictions", f"{edge.get('basis')} link says {edge['source']} supersedes it{_cited(edge)}, but it was carried forward")
            )
    for count_key in graph.keys(L.StatedCount):
        count = graph.node(count_key)
        if count.get("outcome") != "superseded" or "count" not in count or graph.out(count_key, R.IN_AREA):
            continue
        for inspection in graph.into(count_key, R.HAS_STATED_COUNT):
            superseded = sorted(
                f
                for f in graph.out(inspection, R.ISSUED)
                if any(e.get("basis") in DECIDING_BASES for e in graph.edges(type=R.SUPERSEDES, target=f))
            )
            if len(superseded) > int(count["count"]):  # type: ignore[call-overload]
                out.append(
                    Violation(
                        inspection,
                        "contradictions",
                        f"a paper states {count['count']} superseded findings, but {len(superseded)} are superseded by stated or registered links: {', '.join(superseded)}",
                    )
                )
    return sorted(set(out))


def value_conflicts(graph: OversightGraph) -> list[Violation]:
    """Nodes holding two different values for one property (both kept, flagged)."""
    return [
        Violation(node["key"], "conflicts", f"conflicting values: {', '.join(node['conflicts'])}", "warning")
        for node in graph.nodes()
        if node.get("conflicts")
    ]


def identity_suggestions(graph: OversightGraph) -> list[Violation]:
    """Pairs of findings that may be one finding but were left as two, for a reviewer.

    An inferred ``SAME_AS`` fell short of a clear match; a stated one that is
    still there was not merged because the two disagree (area, or number).
    """
    out = []
    for edge in graph.edges(type=R.SAME_AS):
        if edge.get("basis") == "inferred":
            why = f"inferred, confidence {edge.get('confidence')}: {edge.get('reason')}"
        else:
            why = f"{edge.get('basis')}, but their area or number disagree"
        out.append(
            Violation(
                edge["source"],
                "identity",
                f"may be the same finding as {edge['target']} ({why}){_cited(edge)}; not merged",
                "warning",
            )
        )
    return sorted(out)
