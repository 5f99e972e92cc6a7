"""The in-memory oversight graph: one node per key, merged from every mention.

:class:`OversightGraph` wraps a networkx ``MultiDiGraph``. It is the exact
property graph that goes to Neo4j and to the node-link JSON: nodes have a key,
labels and properties; relationships have a type and properties. A node's
evidence is a real ``EVIDENCED_BY`` relationship to its :class:`Document` node
(one per cited line, with ``line``, ``endLine`` and ``quote``); a
relationship's evidence is kept on it as three parallel lists
(``evidenceDocuments``, ``evidenceLines``, ``evidenceQuotes``), ordered by
document and line.

Merge rules, when a node or relationship arrives again:

- labels: the class chains must agree (an AFI is also a Finding); a node that
  would be both an AFI and a Board raises :class:`KeyCollision`.
- multi-valued properties (declared ``ov:multiValued``): sorted union.
- ``basis`` of a supersession: the highest-ranked basis wins (stated >
  register > inferred), every basis seen is listed in ``bases``, and
  ``confidence`` is 1 unless the link is only inferred.
- any other property: the first value stated is kept; each different value
  is added to ``conflicts`` as ``name=<json> (document#Lline)``, so both are
  kept and the conflict is visible.
- evidence: united.

Every label, relationship type, property name and vocabulary value is checked
against the ontology on the way in.

>>> from oversight.loaders.models import Evidence
>>> g = OversightGraph()
>>> g.add_node("document/abc", "Document", {"sha256": "0" * 64})
>>> ev = Evidence(document="document/abc", line=3, quote="AFI 5 is amber")
>>> g.add_node("x/afi-05", "AreaForImprovement", {"number": 5}, ev)
>>> g.add_node("x/afi-05", "AreaForImprovement", {"number": 6}, ev)
>>> g.node("x/afi-05")["conflicts"]
['number=6 (document/abc#L3)']
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx

from oversight.errors import KeyCollision, StoreCorrupt, UnknownKey, UnknownName
from oversight.graph.keys import check_key
from oversight.loaders.models import Evidence
from oversight.ontology import Ontology, ontology

__all__ = ["OversightGraph", "ReadView", "EDGE_EVIDENCE_PROPS", "check_value", "nearest"]

EDGE_EVIDENCE_PROPS = ("evidenceDocuments", "evidenceLines", "evidenceQuotes")


def check_value(onto: Ontology, name: str, value: Any) -> Any:
    """Check a property value against the ontology and return it in canonical form.

    Lists are only allowed for multi-valued properties and come back sorted and
    without duplicates; vocabulary-bound values must be notations.
    """
    info = onto.prop(name)
    if isinstance(value, (list, tuple)):
        if not info.multi_valued:
            raise UnknownName(f"property {name!r} takes one value, not a list")
        items = [check_value_scalar(onto, info.name, info.datatype, v) for v in value]
        return sorted(set(items))
    if info.multi_valued and name not in EDGE_EVIDENCE_PROPS:
        return [check_value_scalar(onto, info.name, info.datatype, value)]
    return check_value_scalar(onto, info.name, info.datatype, value)


def check_value_scalar(onto: Ontology, name: str, datatype: str, value: Any) -> Any:
    """One value, checked by :meth:`~oversight.ontology.Ontology.check_scalar` (the loaders check facts the same way)."""
    return onto.check_scalar(name, value)


def nearest(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 85.0) -> list[str]:
    """The ``n`` candidates most like ``word`` (edit similarity at least ``cutoff`` of 100), best first.

    Used to answer a mistyped key or value with "did you mean …"; ties keep
    the candidates' order.

    >>> nearest("k/afi-5", ["k/afi-05", "k/afi-15", "k/board/fidb"])
    ['k/afi-05', 'k/afi-15']
    >>> nearest("inprogress", ["open", "in-progress", "completed"])
    ['in-progress']
    """
    # Imported here, when a key or value is mistyped, rather than by every command.
    from rapidfuzz import fuzz, process

    found = process.extract(word, list(candidates), scorer=fuzz.ratio, limit=n, score_cutoff=cutoff)
    return [match for match, _, _ in found]


def document_name(graph: OversightGraph, document: str | None) -> str | None:
    """How a person names a document: ``<title> (<date>)``; a paper with no title by its file name.

    Every surface that names a paper to a person (the standing's reasons, trace,
    reconcile, the tracker, the views) reads this one rule.
    """
    if document is None:
        return None
    if document not in graph:
        return document
    props = graph.read.nodes[document]["props"]
    title = props.get("title") or (str(props["path"]).replace("\\", "/").rsplit("/", 1)[-1] if props.get("path") else document)
    date = props.get("date")
    return f"{title} ({date})" if date else str(title)


def _cite(evidence: Evidence | None) -> str:
    return f" ({evidence.document}#L{evidence.line})" if evidence else ""


class ReadView:
    """Read-only, copy-free access to a graph's nodes and adjacency, for questions that
    visit every finding of a national graph.

    ``graph.node(key)`` and ``graph.out(key, type)`` check, sort and copy on every
    call, which costs 150-300 ms a question at 43 forces; these mappings are the
    graph's own storage instead (networkx's node and adjacency dicts), behind
    read-only proxies: ``nodes[key]`` is ``{"labels": (...), "props": {...}}``,
    ``succ[key]`` and ``pred[key]`` map a neighbour to ``{edge key: {"type",
    "props"}}`` (an edge key is the relationship type, or ``type#identity`` for
    a type with an identity property). Read them, never change what they hold.

    >>> g = OversightGraph()
    >>> g.add_node("i", "Inspection"); g.add_node("i/afi-01", "AreaForImprovement"); g.add_edge("i", "ISSUED", "i/afi-01")
    >>> list(g.read.succ["i"]["i/afi-01"])
    ['ISSUED']
    >>> g.read.nodes["i/afi-01"]["labels"]
    ('AreaForImprovement', 'Finding')
    """

    __slots__ = ("nodes", "succ", "pred")

    def __init__(self, g: nx.MultiDiGraph) -> None:
        self.nodes: Mapping[str, dict[str, Any]] = MappingProxyType(g._node)
        self.succ: Mapping[str, dict[str, dict[str, Any]]] = MappingProxyType(g._succ)
        self.pred: Mapping[str, dict[str, dict[str, Any]]] = MappingProxyType(g._pred)


class OversightGraph:
    """A property graph keyed by ``key``, with merge and provenance rules."""

    def __init__(self, onto: Ontology | None = None) -> None:
        self.onto = onto or ontology()
        self.g: nx.MultiDiGraph = nx.MultiDiGraph()
        self._basis = self.onto.vocabulary("SupersessionBases")
        self._rel_types = self.onto.R
        self._multi = {n for n, p in self.onto.properties.items() if p.multi_valued}
        self._labels_for: dict[str, tuple[str, ...]] = {}
        #: Facts the build left out, as (document path, line, why): a key one paper gives
        #: to two kinds of thing. Reported by ingest; not part of the stored graph.
        self.rejected: list[tuple[str, int | None, str]] = []
        #: Where relative document paths start (the store directory, which keeps them
        #: relative to itself); None: the working directory. Not part of the stored graph.
        self.documents_root: Path | None = None

    # -- reading -------------------------------------------------------------

    @property
    def read(self) -> ReadView:
        """Copy-free read-only access to the nodes and adjacency (:class:`ReadView`)."""
        return ReadView(self.g)

    def __len__(self) -> int:
        return self.g.number_of_nodes()

    def __contains__(self, key: object) -> bool:
        return key in self.g

    def node(self, key: str) -> dict[str, Any]:
        """The properties of node ``key`` (plus ``key`` and ``labels``); raises UnknownKey."""
        if key not in self.g:
            raise UnknownKey(key, suggestions=self.nearest_keys(key))
        data = self.g.nodes[key]
        return {"key": key, "labels": list(data["labels"]), **data["props"]}

    def nearest_keys(self, key: str, n: int = 3) -> list[str]:
        """The keys of the graph most like ``key``, best first: what a mistyped key probably meant.

        >>> g = OversightGraph()
        >>> for k in ("k/afi-05", "k/afi-15", "k/board/fidb"):
        ...     g.add_node(k, "Finding")
        >>> g.nearest_keys("k/afi-5")
        ['k/afi-05', 'k/afi-15']
        """
        return nearest(key, sorted(self.g.nodes), n)

    def labels(self, key: str) -> tuple[str, ...]:
        if key not in self.g:
            raise UnknownKey(key, suggestions=self.nearest_keys(key))
        return self.g.nodes[key]["labels"]  # type: ignore[no-any-return]

    def has_label(self, key: str, label: str) -> bool:
        return key in self.g and label in self.g.nodes[key]["labels"]

    def nodes(self, label: str | None = None) -> Iterator[dict[str, Any]]:
        """Every node (as from :meth:`node`), optionally only those with ``label``, by key."""
        if label is not None:
            self.onto.L.check(label)
        for key in sorted(self.g.nodes):
            data = self.g.nodes[key]
            if label is None or label in data["labels"]:
                yield {"key": key, "labels": list(data["labels"]), **data["props"]}

    def keys(self, label: str | None = None) -> list[str]:
        if label is not None:
            self.onto.L.check(label)
        return sorted(k for k, d in self.g.nodes(data=True) if label is None or label in d["labels"])

    def edges(
        self, type: str | None = None, source: str | None = None, target: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Relationships as dicts with source, target, type and properties, in canonical order."""
        if type is not None:
            self._rel_types.check(type)
        if source is not None:
            found = self.g.out_edges(source, keys=True, data=True) if source in self.g else []
        elif target is not None:
            found = self.g.in_edges(target, keys=True, data=True) if target in self.g else []
        else:
            found = self.g.edges(keys=True, data=True)
        rows = []
        for u, v, k, data in found:
            if type is not None and data["type"] != type:
                continue
            if target is not None and v != target:
                continue
            rows.append((u, data["type"], v, k, data))
        rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
        for u, t, v, _, data in rows:
            yield {"source": u, "target": v, "type": t, **data["props"]}

    def out(self, key: str, type: str) -> list[str]:
        """Targets of ``type`` relationships leaving ``key``, sorted."""
        self._rel_types.check(type)
        if key not in self.g:
            return []
        return sorted({v for v, keyed in self.g.adj[key].items() for d in keyed.values() if d["type"] == type})

    def into(self, key: str, type: str) -> list[str]:
        """Sources of ``type`` relationships arriving at ``key``, sorted."""
        self._rel_types.check(type)
        if key not in self.g:
            return []
        return sorted({u for u, keyed in self.g.pred[key].items() for d in keyed.values() if d["type"] == type})

    def evidence(self, key: str) -> list[dict[str, Any]]:
        """The citations of a node: document key, line, endLine, quote; by document and line."""
        rows = []
        for edge in self.edges(type="EVIDENCED_BY", source=key):
            row = {"document": edge["target"], "line": edge["line"], "quote": edge.get("quote", "")}
            if "endLine" in edge:
                row["endLine"] = edge["endLine"]
            rows.append(row)
        return sorted(rows, key=lambda r: (r["document"], r["line"]))

    def issuer(self, key: str) -> str | None:
        """The inspection or meeting that issued a finding, or the audit that raised it."""
        sources = self.into(key, "ISSUED") or self.out(key, "RAISED_IN")
        # A finding restated under another inspection (merged into one node) keeps the issuer it is keyed under.
        own = [s for s in sources if key.startswith(s + "/")]
        return (own or sources)[0] if sources else None

    def issued_on(self, key: str) -> str | None:
        """When a finding was issued: its issuer's publication date (or meeting or audit date)."""
        source = self.issuer(key)
        if source is None:
            return None
        props = self.g.nodes[source]["props"]
        return props.get("published") or props.get("date") or props.get("stageDate")

    # -- writing -------------------------------------------------------------

    def add_node(
        self,
        key: str,
        label: str,
        props: Mapping[str, Any] | None = None,
        evidence: Evidence | None = None,
    ) -> None:
        """Add or merge node ``key`` of class ``label``; cite ``evidence`` if given."""
        check_key(key)
        labels = self._labels_for.get(label)
        if labels is None:
            labels = self._labels_for[label] = self.onto.labels_for(label)
        if key in self.g and labels[0] in self.g.nodes[key]["labels"]:
            # Stated again as its own class or an ancestor: the labels stand as they are.
            self._merge_props(self.g.nodes[key]["props"], props or {}, evidence)
        elif key in self.g:
            data = self.g.nodes[key]
            merged = set(data["labels"]) | set(labels)
            try:
                leaf = self.onto.most_specific(merged)
            except UnknownName:
                raise KeyCollision(
                    f"{key}: one key for two kinds of thing ({data['labels'][0]} and {label})"
                ) from None
            data["labels"] = self.onto.labels_for(leaf)
            self._merge_props(data["props"], props or {}, evidence)
        else:
            self.g.add_node(key, labels=labels, props={})
            self._merge_props(self.g.nodes[key]["props"], props or {}, evidence)
        if evidence is not None:
            self._cite_node(key, evidence)

    def add_edge(
        self,
        source: str,
        type: str,
        target: str,
        props: Mapping[str, Any] | None = None,
        evidence: Evidence | None = None,
    ) -> None:
        """Add or merge a relationship; both ends must already be nodes."""
        info = self.onto.relationship(type)
        for end in (source, target):
            if end not in self.g:
                raise UnknownKey(end, f"end of a {type} relationship")
        props = dict(props or {})
        ident = ""
        if info.identity_property:
            ident = str(props.get(info.identity_property, ""))
        edge_key = f"{type}#{ident}" if ident else type
        if self.g.has_edge(source, target, edge_key):
            data = self.g.edges[source, target, edge_key]
        else:
            self.g.add_edge(source, target, key=edge_key, type=type, props={})
            data = self.g.edges[source, target, edge_key]
        self._merge_props(data["props"], props, evidence)
        if evidence is not None and type != "EVIDENCED_BY":
            self._cite_edge(data["props"], evidence)

    def _cite_node(self, key: str, evidence: Evidence) -> None:
        if evidence.document not in self.g:
            raise UnknownKey(evidence.document, f"document cited by {key}")
        props: dict[str, Any] = {"line": evidence.line, "quote": evidence.quote}
        if evidence.end_line is not None:
            props["endLine"] = evidence.end_line
        if evidence.method is not None:  # found by the statement layer: how, and how sure
            props["method"] = evidence.method
            props["confidence"] = evidence.confidence
        self.add_edge(key, "EVIDENCED_BY", evidence.document, props)

    @staticmethod
    def _cite_edge(props: dict[str, Any], evidence: Evidence) -> None:
        citations = set(
            zip(
                props.get("evidenceDocuments", []),
                props.get("evidenceLines", []),
                props.get("evidenceQuotes", []),
                strict=True,
            )
        )
        citations.add((evidence.document, evidence.line, evidence.quote))
        ordered = sorted(citations)
        props["evidenceDocuments"] = [c[0] for c in ordered]
        props["evidenceLines"] = [c[1] for c in ordered]
        props["evidenceQuotes"] = [c[2] for c in ordered]

    def _merge_props(
        self, current: dict[str, Any], incoming: Mapping[str, Any], evidence: Evidence | None
    ) -> None:
        for name in sorted(incoming):
            value = incoming[name]
            if value is None:
                continue
            value = check_value(self.onto, name, value)
            if name in self._multi and name not in EDGE_EVIDENCE_PROPS:
                current[name] = sorted(set(current.get(name, [])) | set(value))
            elif name == "basis":
                self._merge_basis(current, value)
            elif name == "confidence" and "basis" in current:
                if current["basis"] == "inferred" and "confidence" in current:
                    current["confidence"] = max(current["confidence"], value)
                elif current["basis"] == "inferred" or "confidence" not in current:
                    current["confidence"] = value
            elif name not in current:
                current[name] = value
            elif current[name] != value:
                note = f"{name}={json.dumps(value, ensure_ascii=False)}{_cite(evidence)}"
                current["conflicts"] = sorted(set(current.get("conflicts", [])) | {note})

    def _merge_basis(self, current: dict[str, Any], basis: str) -> None:
        seen = set(current.get("bases", [])) | {basis}
        if "basis" in current:
            seen.add(current["basis"])
        best = max(seen, key=self._basis.rank)
        current["basis"] = best
        if len(seen) > 1:
            current["bases"] = sorted(seen)
        if best != "inferred":
            current["confidence"] = 1.0

    def set_props(self, key: str, props: Mapping[str, Any]) -> None:
        """Overwrite properties of an existing node (derived values, not document facts)."""
        if key not in self.g:
            raise UnknownKey(key)
        data = self.g.nodes[key]["props"]
        for name, value in props.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = check_value(self.onto, name, value)

    def remove_edge(self, source: str, type: str, target: str) -> None:
        """Remove every ``type`` relationship from ``source`` to ``target``."""
        if not self.g.has_node(source) or not self.g.has_node(target):
            return
        for k in [k for k, d in self.g.get_edge_data(source, target, default={}).items() if d["type"] == type]:
            self.g.remove_edge(source, target, k)

    # -- node-link JSON ------------------------------------------------------

    def to_node_link(self) -> dict[str, list[dict[str, Any]]]:
        """The graph as the node-link JSON contract, in canonical order.

        ``{"nodes": [{"key", "labels", ...properties}], "edges": [{"source",
        "target", "type", ...properties}]}``; nodes by key, relationships by
        source, type, target and identity.
        """
        return {"nodes": list(self.nodes()), "edges": list(self.edges())}

    @classmethod
    def from_node_link(
        cls, data: Mapping[str, Any], onto: Ontology | None = None, source: str = "graph"
    ) -> OversightGraph:
        """Rebuild a graph from node-link JSON; raises StoreCorrupt naming ``source`` when malformed."""
        graph = cls(onto)
        try:
            for node in data["nodes"]:
                props = {k: v for k, v in node.items() if k not in ("key", "labels")}
                label = graph.onto.most_specific(node["labels"])
                graph.add_node(node["key"], label, props)
            for edge in data["edges"]:
                props = {k: v for k, v in edge.items() if k not in ("source", "target", "type")}
                evidence_props = {k: props.pop(k) for k in EDGE_EVIDENCE_PROPS if k in props}
                graph.add_edge(edge["source"], edge["type"], edge["target"], props)
                if evidence_props:
                    key = edge["type"]
                    ident = graph.onto.relationship(key).identity_property
                    if ident and ident in props:
                        key = f"{key}#{props[ident]}"
                    graph.g.edges[edge["source"], edge["target"], key]["props"].update(evidence_props)
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreCorrupt(f"{source}: malformed node-link data ({exc!r})") from exc
        except UnknownName as exc:
            raise StoreCorrupt(f"{source}: {exc}") from exc
        return graph

    # -- summaries -----------------------------------------------------------

    def counts(self) -> dict[str, dict[str, int]]:
        """Node counts by label and relationship counts by type, sorted by name."""
        labels: Counter[str] = Counter()
        for _, data in self.g.nodes(data=True):
            labels.update(data["labels"])
        types: Counter[str] = Counter(d["type"] for _, _, d in self.g.edges(data=True))
        return {"labels": dict(sorted(labels.items())), "relationships": dict(sorted(types.items()))}

    def unresolved(self) -> list[dict[str, Any]]:
        """Nodes made for names the gazetteer does not know, awaiting review."""
        return [n for n in self.nodes() if n.get("unresolved")]

    def subgraph(self, keys: Iterable[str]) -> OversightGraph:
        """A copy restricted to ``keys`` (and the documents they cite)."""
        keep = set(keys)
        for key in list(keep):
            keep.update(e["target"] for e in self.edges(type="EVIDENCED_BY", source=key))
        out = OversightGraph(self.onto)
        out.g = self.g.subgraph(k for k in keep if k in self.g).copy()
        return out
