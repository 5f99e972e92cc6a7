"""From graph nodes and relationships to the items, tooltips, legend and filters of a view.

Every view module picks *which* nodes and relationships to show and how to
lay them out; :class:`ViewBuilder` decides *how each looks* (styles from the
ontology, one colour scale per view for findings), what its tooltip says
(key facts, and the document and line of each source) and which filters and
legend entries the page gets. Documents are never drawn unless asked for:
what they say goes into the tooltips as source lines.

>>> from oversight.graph.model import OversightGraph
>>> g = OversightGraph()
>>> g.add_node("i", "Inspection", {"round": "2021/22", "kind": "peel"})
>>> g.add_node("i/afi-05", "AreaForImprovement", {"number": 5})
>>> g.add_edge("i", "ISSUED", "i/afi-05")
>>> b = ViewBuilder(g)
>>> b.add_nodes(["i", "i/afi-05"]); b.add_edges_among()
>>> view = b.build("graph", "Two nodes")
>>> [(n["id"], n["label"]) for n in view.nodes]
[('i', 'PEEL 2021/22'), ('i/afi-05', 'AFI 5 · PEEL 2021/22')]
>>> [(e["from"], e["to"]) for e in view.edges]
[('i', 'i/afi-05')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from oversight.errors import UnknownName
from oversight.graph.model import OversightGraph
from oversight.graph.standing import STANDING_PROPS
from oversight.graph.status import status_history
from oversight.ontology import L, R
from oversight.queries.findings import display_name
from oversight.queries.outcomes import OUTCOMES
from oversight.viz.evidence import texts_payload
from oversight.viz.layout import column_positions, positions
from oversight.viz.page import View
from oversight.viz.styles import Styles, styles

__all__ = ["ViewBuilder", "COLOUR_SCALES", "node_label", "BIG"]

#: Finding colour scales: view option -> the vocabulary whose colours fill findings.
COLOUR_SCALES = {"rag": "RAG", "outcome": "FindingOutcomes"}

#: From this many nodes a page trades looks for speed (straight links, none drawn while dragging).
BIG = 800

_PEEL_SLUG = re.compile(r"peel-(\d{4})(?:-(\d{2}))?(?:-(.+))?")
_NUMBERED_SLUG = re.compile(r"[a-z]+-0*(\d+)")
_WITHIN_SLUG = re.compile(r"([a-z0-9-]+?)-0*(\d+)")
_VALUE_LIMIT = 600
_SOURCE_LIMIT = 25
_EDGE_LABEL_LIMIT = 50  # links are labelled with their type when a view has at most this many

#: Node properties shown in tooltips, in this order (then any other, by name).
_FACT_ORDER = (
    "name", "title", "number", "text", "round", "kind", "published", "date", "grade", "previousGrade",
    "gradeScale", "lastInspected", "status", "rag", "anticipatedCompletion", "deadline", "signedOff",
    "completed", "stage", "assurance", "risk", "outcome", "count", "ofTotal", "findingKind", "planYear",
    "role", "resolution", "location", "addressee", "response", "actionsTaken", "ongoingActivity",
    "progressText", "surfaceNames", "unresolved", "missing", "deduced", "deducedFrom", "conflicts",
)
_HIDDEN_FACTS = {"sha256", "encoding", "familyConfidence", "evidenceDocuments", "evidenceLines", "evidenceQuotes"}
_EDGE_FACTS = ("basis", "confidence", "reason", "bases", "assertedBy", "assertedOn", "role")

_BASE_OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "physics": {"enabled": False},
    "interaction": {
        "hover": True,
        "navigationButtons": False,
        "keyboard": False,
        "multiselect": False,
        "selectConnectedEdges": True,
        "tooltipDelay": 150,
    },
    "nodes": {
        "font": {
            "size": 14,
            "face": "system-ui, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif",
            "color": "#1f1f1f",
            "strokeWidth": 4,
            "strokeColor": "#ffffff",
        },
        "widthConstraint": {"maximum": 190},
        "borderWidth": 2,
        "borderWidthSelected": 4,
    },
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
        "color": {"color": "#a0a0a0", "highlight": "#333333", "hover": "#333333"},
        "width": 1.2,
        "selectionWidth": 1.5,
        "hoverWidth": 1,
        "font": {"size": 11, "color": "#444444", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "horizontal"},
    },
}


def _clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _fact_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_fact_value(v) for v in value)
    return _clip(str(value), _VALUE_LIMIT)


def _inspection_tag(node: dict[str, Any]) -> str:
    round_ = node.get("round")
    kind = node.get("kind")
    if round_:
        return f"PEEL {round_}" if kind == "peel" else str(round_)
    if node.get("title"):
        return str(node["title"])
    tail = node["key"].rsplit("/", 1)[-1]
    peel = _PEEL_SLUG.fullmatch(tail)
    if peel:
        year, end, rest = peel.groups()
        return f"PEEL {year}" + (f"/{end}" if end else "") + (f" {rest}" if rest else "")
    return tail


def _number(node: dict[str, Any], in_area: bool = False) -> str:
    # AFI 5 for .../afi-05; "responding to the public 4" for an unnumbered .../afi/responding-to-the-public-04
    # (just 4 when the label names the area).
    if node.get("number") is not None:
        return str(node["number"])
    tail = node["key"].rsplit("/", 1)[-1]
    numbered = _NUMBERED_SLUG.fullmatch(tail)
    if numbered:
        return numbered.group(1)
    within = _WITHIN_SLUG.fullmatch(tail)
    if within and in_area:
        return within.group(2)
    return f"{within.group(1).replace('-', ' ')} {within.group(2)}" if within else tail.replace("-", " ")


def node_label(graph: OversightGraph, node: dict[str, Any], style: Styles | None = None) -> str:
    """A label that says what a node is, in full: ``AFI 4 · Responding to the public · PEEL 2023/25``
    (kind and number, assessment area, inspection), ``PEEL 2021/22``, a name or title."""
    style = style or styles()
    labels = node["labels"]
    cls = labels[0]
    key = node["key"]
    if L.Finding in labels:
        short = style.for_class(cls).short_label or cls
        areas = sorted(display_name(graph.node(a)) for a in graph.out(key, R.IN_AREA)) if key in graph else []
        parts = [f"{short} {_number(node, bool(areas))}", *([" / ".join(areas)] if areas else [])]
        source = graph.issuer(key) if key in graph else None
        if source:
            parts.append(_inspection_tag(graph.node(source)))
        return " \u00b7 ".join(parts)
    if cls == L.Inspection:
        if node.get("title"):
            return str(node["title"])
        return _inspection_tag(node)
    if cls == L.StatusAssessment:
        said = node.get("status") or node.get("rag") or "status"
        return f"{said} {node.get('date', '')}".strip()
    if cls == L.StatedCount:
        what = node.get("outcome") or node.get("rag") or "count"
        of = f" of {node['ofTotal']}" if "ofTotal" in node else ""
        return f"{node.get('count', '?')}{of} {what}"
    tail = key.rsplit("/", 1)[-1]
    if cls == L.Judgement:
        grade = str(node.get("grade", "judgement")).replace("-", " ")
        return f"{grade.capitalize()}: {tail.replace('-', ' ')}"
    name = display_name(node)
    if name == key:  # nothing to call it by but its key: say what it is and the key's last part
        title = style.for_class(cls).title
        return f"{title} {tail}"
    return str(name)


class ViewBuilder:
    """Collects the nodes and links of one view and builds its :class:`View`.

    Status assessments are folded into their finding (its details list the
    history, each with its source) unless ``fold_statuses`` is False.

    ``colour_by`` chooses the one scale that fills findings: ``rag`` (the RAG
    rating of the latest status assessment) or ``outcome`` (closed,
    superseded, carried forward, …; see :mod:`oversight.queries.outcomes`).
    """

    def __init__(
        self, graph: OversightGraph, colour_by: str = "rag", show_documents: bool = False, fold_statuses: bool = True
    ) -> None:
        if colour_by not in COLOUR_SCALES:
            raise UnknownName(f"unknown colour scale {colour_by!r}; known: {', '.join(COLOUR_SCALES)}")
        self.graph = graph
        self.onto = graph.onto
        self.styles = styles()
        self.colour_by = colour_by
        self.show_documents = show_documents
        self.fold_statuses = fold_statuses
        self.keys: list[str] = []
        self._nodes: dict[str, dict[str, Any]] = {}
        self._extra: dict[str, dict[str, Any]] = {}
        self._edges: list[dict[str, Any]] = []
        self._edge_seen: set[tuple[str, str, str, int]] = set()
        self.info: dict[str, dict[str, Any]] = {}
        self._documents: dict[str, int] = {}
        self._titles: list[str] = []
        self._document_keys: list[str] = []
        self._cited_lines: dict[str, set[int]] = {}
        self._classes: Counter[str] = Counter()
        self._scale: Counter[str | None] = Counter()
        self._status: Counter[str] = Counter()
        self._bases: Counter[str] = Counter()
        self._plain_links = 0
        self._groups: dict[str, list[str]] = {}
        self._group_names: dict[str, str] = {}

    # -- nodes -----------------------------------------------------------------

    def __contains__(self, key: object) -> bool:
        return key in self._nodes

    def add_nodes(self, keys: Iterable[str], **extra: Any) -> None:
        """Add nodes (each once; documents only when the view shows documents)."""
        for key in keys:
            self.add_node(key, **extra)

    def add_node(self, key: str, **extra: Any) -> None:
        """Add one node; ``extra`` vis-network fields (``level``, ``size``, …) are kept on it."""
        if key in self._nodes:
            self._nodes[key].update(extra)
            return
        node = self.graph.node(key)
        if L.Document in node["labels"] and not self.show_documents:
            return
        if L.StatusAssessment in node["labels"] and self.fold_statuses:
            return  # folded into its finding: the finding's details list its status history
        self.keys.append(key)
        self._nodes[key] = node
        self._extra[key] = dict(extra)

    def _document_index(self, key: str) -> int:
        if key not in self._documents:
            title = key
            if key in self.graph:
                doc = self.graph.node(key)
                title = doc.get("title") or doc.get("path") or key
            self._documents[key] = len(self._titles)
            self._titles.append(_clip(title, 120))
            self._document_keys.append(key)
        return self._documents[key]

    def _cited(self, key: str) -> list[list[Any]]:
        """The source lines of node ``key`` (none for a key not in the graph)."""
        if key not in self.graph:
            return []
        return self._sources((r["document"], r["line"], r.get("endLine"), r.get("quote", "")) for r in self.graph.evidence(key))

    def _grounds(self, title: str, keys: Iterable[str]) -> dict[str, Any] | None:
        """What a deduced or inferred fact rests on: each thing's label and its source lines."""
        items = [
            {"t": node_label(self.graph, self.graph.node(k), self.styles), "src": self._cited(k)[:3]}
            for k in keys
            if k in self.graph
        ]
        return {"title": title, "items": items} if items else None

    def _history(self, key: str) -> list[dict[str, Any]]:
        """A finding's status assessments, oldest first, each with its source lines (the folded nodes)."""
        rows = []
        for assessment in status_history(self.graph, key):
            said = " ".join(str(assessment[p]) for p in ("status", "rag") if assessment.get(p))
            rows.append({"t": f"{assessment.get('date') or 'undated'}: {said or 'assessed'}", "src": self._cited(assessment["key"])})
        return rows

    def _sources(self, rows: Iterable[tuple[str, int, int | None, str]]) -> list[list[Any]]:
        out = []
        for document, line, end, quote in list(rows)[:_SOURCE_LIMIT]:
            out.append([self._document_index(document), line, end, quote])
            self._cited_lines.setdefault(document, set()).update(n for n in (line, end) if isinstance(n, int))
        return out

    def _finding_state(self, key: str) -> tuple[dict[str, Any], str]:
        """The finding's standing as the graph stage wrote it: latest status and RAG, outcome."""
        props = self.graph.g.nodes[key]["props"]
        latest = {
            "status": props.get("latestStatus") or "unknown",
            "rag": props.get("latestRag"),
            "date": props.get("latestStatusDate"),
            "due": props.get("due"),
            "basis": props.get("outcomeBasis"),
            "reason": props.get("outcomeReason"),
        }
        return latest, props.get("outcome") or "unknown"

    def _node_item(self, key: str, node: dict[str, Any]) -> dict[str, Any]:
        labels = node["labels"]
        cls = labels[0]
        style = self.styles.for_class(cls)
        label = node_label(self.graph, node, self.styles)
        item: dict[str, Any] = {"id": key, "label": label, "shape": style.shape, "size": style.size}
        facts: list[list[str]] = [["key", key], ["class", style.title]]
        facets: dict[str, str] = {"cls": cls}
        self._classes[cls] += 1
        if L.Finding in labels:
            latest, outcome = self._finding_state(key)
            status = latest.get("status", "unknown")
            rag = latest.get("rag")
            value = rag if self.colour_by == "rag" else outcome
            fill = self.styles.value_colour(COLOUR_SCALES[self.colour_by], value)
            self._scale[value] += 1
            self._status[status] += 1
            facets["status"] = status
            facets[self.colour_by] = value or "none"
            item["color"] = {
                "background": fill,
                "border": style.colour,
                "highlight": {"background": fill, "border": "#000000"},
                "hover": {"background": fill, "border": "#000000"},
            }
            item["borderWidth"] = 3
            source = self.graph.issuer(key)
            if source:
                inspection = self.graph.node(source)
                when = self.graph.issued_on(key)
                facts.append(["issued by", node_label(self.graph, inspection, self.styles) + (f" ({when})" if when else "")])
            said = status if status != "unknown" else "not assessed"
            facts.append(["status", f"{said} (as of {latest['date']})" if latest.get("date") else said])
            facts.append(["RAG", rag or "not stated"])
            facts.append(["outcome", f"{outcome} ({latest['basis']})" if latest.get("basis") else outcome])
            if latest.get("reason"):
                facts.append(["why", str(latest["reason"])])
            due = latest.get("due")
            if due:
                facts.append(["due", str(due)])
        else:
            item["color"] = {
                "background": style.colour,
                "border": style.colour,
                "highlight": {"background": style.colour, "border": "#000000"},
                "hover": {"background": style.colour, "border": "#000000"},
            }
            if cls == L.StatusAssessment and node.get("status"):
                facets["status"] = node["status"]
                self._status[node["status"]] += 1
        shown = {"key", "labels"}
        ordered = [p for p in _FACT_ORDER if p in node] + sorted(p for p in node if p not in _FACT_ORDER)
        for prop in ordered:
            if prop in shown or prop in _HIDDEN_FACTS or (prop == "path" and cls != L.Document):
                continue
            if prop in STANDING_PROPS and L.Finding in labels:
                continue  # summarised above (status, RAG, outcome, why, due); its grounds below
            title = self.onto.properties[prop].title if prop in self.onto.properties else prop
            if prop == "surfaceNames":
                title = "also called"
            facts.append([title, _fact_value(node[prop])])
        rows = [(r["document"], r["line"], r.get("endLine"), r.get("quote", "")) for r in self.graph.evidence(key)]
        entry: dict[str, Any] = {"t": label, "f": facets, "facts": facts, "src": self._sources(rows)}
        if not rows:
            entry["nosrc"] = "No document line cited." if cls != L.Document else "A paper the graph was built from."
        if L.Finding in labels:
            props = self.graph.g.nodes[key]["props"]
            title = {
                "recorded": "Outcome recorded by",
                "deduced": "Outcome deduced from",
                "inferred": "Outcome inferred from",
                "unknown": "Outcome bounded by",
            }.get(str(props.get("outcomeBasis")))
            grounds = self._grounds(title, props.get("outcomeFrom") or []) if title else None
            if grounds:
                entry["from"] = grounds
            history = self._history(key)
            if history:
                entry["history"] = history
        self.info[key] = entry
        item.update(self._extra[key])
        return item

    # -- groups ----------------------------------------------------------------

    def group(self, groups: dict[str, str], names: dict[str, str] | None = None, least: int = 2) -> None:
        """Fold nodes into groups the page expands on a click: ``groups`` maps a node to its
        group, the key of the node that heads it (an inspection) or a group named in
        ``names``; groups of fewer than ``least`` nodes in the view stay unfolded."""
        members: dict[str, list[str]] = {}
        for key in self.keys:
            if key in groups:
                members.setdefault(groups[key], []).append(key)
        self._group_names = dict(names or {})
        self._groups = {
            head: keys
            for head, keys in sorted(members.items())
            if len(keys) >= least and (head in self._nodes or head in self._group_names)
        }

    def _group_items(self) -> list[dict[str, Any]]:
        out = []
        for head, keys in self._groups.items():
            kinds: Counter[str] = Counter()
            for key in keys:
                labels = self._nodes[key]["labels"]
                if key == head:
                    continue
                kinds["finding" if L.Finding in labels else self.styles.for_class(labels[0]).title.lower()] += 1
            contents = ", ".join(f"{n} {kind}{'s' * (n != 1)}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
            named = head not in self._nodes
            label = self._group_names[head] if named else self.info[head]["t"]
            group_id = f"group:{head}"
            style = self.styles.for_class(self._nodes[keys[0] if named else head]["labels"][0])
            self.info[group_id] = {
                "t": f"{label} (folded)",
                "facts": [["contains", contents or "nothing else"], ["expand", "click it, or its button in the panel"]],
                "src": [] if named else self.info[head]["src"],
            }
            out.append(
                {
                    "id": group_id,
                    "of": keys[0] if named else head,
                    "label": f"{label} \u00b7 {contents}" if contents else label,
                    "members": keys,
                    "shape": style.shape,
                    "colour": style.colour,
                }
            )
        return out

    # -- edges -----------------------------------------------------------------

    def add_edge(self, edge: dict[str, Any]) -> None:
        """Add one relationship (a dict from ``graph.edges()``) whose ends are both in the view."""
        if edge["type"] == R.EVIDENCED_BY and not self.show_documents:
            return
        if edge["source"] not in self._nodes or edge["target"] not in self._nodes:
            return
        marker = (edge["source"], edge["type"], edge["target"], edge.get("line", 0))
        if marker in self._edge_seen:
            return
        self._edge_seen.add(marker)
        self._edges.append(edge)

    def add_edges_among(self, types: Iterable[str] | None = None) -> None:
        """Add every relationship (of ``types``, if given) between two nodes of the view."""
        wanted = set(types) if types is not None else None
        for key in self.keys:
            for edge in self.graph.edges(source=key):
                if wanted is None or edge["type"] in wanted:
                    self.add_edge(edge)

    def _edge_item(self, index: int, edge: dict[str, Any], labelled: bool) -> dict[str, Any]:
        rel_type = edge["type"]
        info = self.onto.relationships[rel_type]
        edge_id = f"e:{index}"
        item: dict[str, Any] = {"id": edge_id, "from": edge["source"], "to": edge["target"]}
        source_label = self.info[edge["source"]]["t"]
        target_label = self.info[edge["target"]]["t"]
        facts = [["relationship", f"{rel_type} ({info.title})"]]
        if rel_type == R.SUPERSEDES and edge.get("basis") in self.styles.bases:
            basis = edge["basis"]
            line = self.styles.line(basis)
            self._bases[basis] += 1
            label = basis
            if basis == "inferred":
                confidence = edge.get("confidence")
                label = f"inferred {confidence:.2f}" if isinstance(confidence, (int, float)) else "inferred"
            item.update(
                label=label,
                dashes=line.dashes,
                width=2.5,
                color={"color": line.colour, "highlight": line.colour, "hover": line.colour},
                font={"color": line.colour, "size": 12},
            )
            if basis == "inferred":
                facts.append(["basis", "inferred by the tool: a suggestion, not a fact"])
            else:
                facts.append(["basis", {"stated": "stated by a paper", "register": "registered by a governance lead"}[basis]])
        else:
            self._plain_links += 1
            if labelled:
                item["label"] = info.title
        for prop in _EDGE_FACTS:
            if prop in edge and prop != "basis":
                title = self.onto.properties[prop].title if prop in self.onto.properties else prop
                facts.append([title, _fact_value(edge[prop])])
        rows = list(
            zip(
                edge.get("evidenceDocuments", []),
                edge.get("evidenceLines", []),
                [None] * len(edge.get("evidenceLines", [])),
                edge.get("evidenceQuotes", []),
                strict=False,
            )
        )
        if rel_type == R.EVIDENCED_BY:
            rows = [(edge["target"], edge["line"], edge.get("endLine"), edge.get("quote", ""))]
        entry: dict[str, Any] = {"t": f"{source_label} {info.title} {target_label}", "facts": facts, "src": self._sources(rows)}
        if edge.get("basis") == "inferred":
            grounds = self._grounds("Inferred from the wording of", [edge["source"], edge["target"]])
            if grounds:
                entry["from"] = grounds
        if not rows:
            entry["nosrc"] = "No document line: " + (
                "the tool inferred this link." if edge.get("basis") == "inferred" else "registered or derived."
            )
        self.info[edge_id] = entry
        return item

    # -- legend, filters, page -------------------------------------------------------

    def _legend(self) -> list[dict[str, Any]]:
        sections = []
        classes = []
        for cls in sorted(self._classes, key=lambda c: (not self.onto.is_a(c, L.Finding), self.styles.for_class(c).title)):
            style = self.styles.for_class(cls)
            finding = self.onto.is_a(cls, L.Finding)
            classes.append(
                {
                    "kind": "node",
                    "label": style.title + (f" (fill: {'RAG' if self.colour_by == 'rag' else 'outcome'})" if finding else ""),
                    "shape": style.shape,
                    "colour": "#ffffff" if finding else style.colour,
                    "border": style.colour,
                }
            )
        if classes:
            sections.append({"title": "Classes", "items": classes})
        if self._scale:
            vocabulary = self.onto.vocabulary(COLOUR_SCALES[self.colour_by])
            values: list[str | None]
            if self.colour_by == "rag":
                values = [c.notation for c in sorted(vocabulary.concepts, key=lambda c: c.rank or 0)] + [None]
                title = "Findings filled by RAG rating"
            else:
                values = [o for o in OUTCOMES if o != "unknown"] + [None]
                title = "Findings filled by outcome"
            items = []
            for value in values:
                key = value if value is not None else ("unknown" if self.colour_by == "outcome" else None)
                if key not in self._scale:
                    continue
                items.append(
                    {
                        "kind": "node",
                        "label": f"{self._value_label(value)} ({self._scale[key]})",
                        "shape": "dot",
                        "colour": self.styles.value_colour(vocabulary.name, value),
                        "border": self.styles.value_colour(vocabulary.name, value),
                    }
                )
            sections.append({"title": title, "items": items})
        links = []
        descriptions = {
            "stated": "stated by a paper",
            "register": "registered by a governance lead",
            "inferred": "inferred by the tool (a suggestion; confidence shown)",
        }
        for basis in self.styles.bases:
            if self._bases[basis]:
                line = self.styles.line(basis)
                links.append(
                    {"kind": "line", "label": f"supersedes: {descriptions[basis]}", "colour": line.colour, "dashes": line.dashes}
                )
        if self._plain_links:
            links.append({"kind": "line", "label": "other relationship (its type on hover)", "colour": "#a0a0a0", "dashes": False})
        if links:
            sections.append({"title": "Links", "items": links})
        if self._groups:
            sections.append(
                {
                    "title": "Folded",
                    "items": [
                        {
                            "kind": "node",
                            "label": f"an inspection and its findings, folded ({len(self._groups)}): click to expand",
                            "shape": "hexagon",
                            "colour": self.styles.for_class(L.Inspection).colour,
                            "border": "#1f1f1f",
                        }
                    ],
                }
            )
        return sections

    def _value_label(self, value: str | None) -> str:
        if value is None:
            return "no RAG stated" if self.colour_by == "rag" else "unknown"
        vocabulary = self.onto.vocabulary(COLOUR_SCALES[self.colour_by])
        concept = vocabulary.concept_for(value)
        return concept.pref_label if concept else value

    def _facets(self) -> list[dict[str, Any]]:
        facets = [
            {
                "name": "cls",
                "title": "Class",
                "values": [
                    {"value": c, "label": self.styles.for_class(c).title, "count": n}
                    for c, n in sorted(self._classes.items(), key=lambda kv: self.styles.for_class(kv[0]).title)
                ],
            }
        ]
        statuses = self.onto.vocabulary("FindingStatuses")
        if self._status:
            order = [c.notation for c in statuses.concepts] + ["unknown"]
            values = sorted(self._status, key=lambda s: order.index(s) if s in order else len(order))
            facets.append(
                {
                    "name": "status",
                    "title": "Status (latest)",
                    "values": [
                        {
                            "value": s,
                            "label": statuses.concept_for(s).pref_label if statuses.concept_for(s) else "not assessed",
                            "count": self._status[s],
                        }
                        for s in values
                    ],
                }
            )
        if self._scale:
            title = "RAG rating" if self.colour_by == "rag" else "Outcome"
            ordered = sorted(self._scale, key=lambda v: (v is None, str(v)))
            facets.append(
                {
                    "name": self.colour_by,
                    "title": title,
                    "values": [
                        {"value": v or "none", "label": self._value_label(v), "count": self._scale[v]} for v in ordered
                    ],
                }
            )
        return facets

    def _labelled(self) -> list[bool]:
        # A link shows its type when the view is small enough, and only the first of a fan
        # (seventeen "overseen by" links into one board show one label, not seventeen stacked).
        if len(self._edges) > _EDGE_LABEL_LIMIT:
            return [False] * len(self._edges)
        seen: set[tuple[str, str]] = set()
        out = []
        for edge in self._edges:
            ends = {(edge["type"], "from " + edge["source"]), (edge["type"], "to " + edge["target"])}
            out.append(not (ends & seen))
            seen |= ends
        return out

    def build(
        self,
        name: str,
        title: str,
        subtitle: str = "",
        layout: str = "force",
        notes: Iterable[str] = (),
    ) -> View:
        """The view, laid out once here: ``force`` (by the links) or ``columns`` (by each node's ``level``)."""
        items = [self._node_item(key, self._nodes[key]) for key in self.keys]
        big = len(items) >= BIG
        edges = [self._edge_item(i, edge, labelled) for i, (edge, labelled) in enumerate(zip(self._edges, self._labelled(), strict=True))]
        groups = self._group_items()
        options = _copy(_BASE_OPTIONS)
        options["layout"] = {"improvedLayout": False, "randomSeed": 0}
        if layout == "columns":
            levels = {item["id"]: int(item.get("level", 0)) for item in items}
            pos = column_positions(levels, ((e["source"], e["target"], e["type"]) for e in self._edges))
            for item in items:
                item["x"], item["y"] = pos[item["id"]]
            options["nodes"]["widthConstraint"] = {"maximum": 190}
            options["edges"]["smooth"] = (
                False if big else {"enabled": True, "type": "cubicBezier", "forceDirection": "horizontal", "roundness": 0.45}
            )
        elif layout == "force":
            pos = positions(self.keys, ((e["source"], e["target"], e["type"]) for e in self._edges))
            for item in items:
                item["x"], item["y"] = pos[item["id"]]
            options["edges"]["smooth"] = False if big else {"enabled": True, "type": "continuous", "roundness": 0.3}
        else:
            raise UnknownName(f"unknown layout {layout!r}; known: force, columns")
        if big:
            options["interaction"].update(hideEdgesOnDrag=True, hideEdgesOnZoom=True)
            for item in items:
                if item.get("borderWidth") == 3:
                    item["borderWidth"] = 1  # zoomed out, a thick outline would hide the RAG fill
        return View(
            name=name,
            title=title,
            subtitle=subtitle,
            nodes=items,
            edges=edges,
            info=self.info,
            documents=self._titles,
            document_keys=self._document_keys,
            groups=groups,
            texts=texts_payload(self.graph, {key: self._cited_lines.get(key, set()) for key in self._document_keys}),
            legend=self._legend(),
            facets=self._facets(),
            notes=list(notes),
            options=options,
            big=big,
        )


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
