"""Build the one graph from every document's extraction.

The graph is a pure function of the extractions: documents are taken in key
order and facts in the order each extractor stated them, so the same inputs
give a byte-identical graph whatever order the files were ingested in.
Derived links (inferred supersession candidates) are added afterwards by the
passes in :data:`DERIVATIONS`, each of which only adds what no document or
register already states; the last pass writes each finding's standing
(:mod:`oversight.graph.standing`), which every surface reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from oversight.errors import KeyCollision
from oversight.graph.accountability import add_plan_oversight
from oversight.graph.identity import resolve_identities
from oversight.graph.inference import add_inferred_supersession
from oversight.graph.model import OversightGraph
from oversight.graph.resolve import Resolver
from oversight.graph.standing import derive_standings
from oversight.loaders.models import DocumentRecord, EdgeFact, Extraction, Fact, NodeFact
from oversight.ontology import L, Ontology, ontology

__all__ = ["build_graph", "document_props", "DERIVATIONS"]

#: Passes run after the stated facts are in, in order, each ``graph -> None``.
DERIVATIONS: list[Callable[[OversightGraph], None]] = [add_plan_oversight, add_inferred_supersession, derive_standings]


def document_props(record: DocumentRecord) -> dict[str, Any]:
    """The properties of a Document node."""
    props: dict[str, Any] = {
        "sha256": record.sha256,
        "path": record.path,
        "format": record.format,
        "lineCount": record.line_count,
        "title": record.title,
        "date": record.date,
        "dateBasis": record.date_basis,
        "dateLine": record.date_line,
        "family": record.family,
        "familyConfidence": record.family_confidence,
        "encoding": record.encoding,
    }
    return {k: v for k, v in props.items() if v is not None}


def _add_fact(graph: OversightGraph, resolver: Resolver, fact: Fact) -> None:
    if isinstance(fact, NodeFact):
        node = resolver.resolve(fact.ref)
        graph.add_node(node.key, node.label, {**node.props, **fact.properties}, fact.evidence)
    elif isinstance(fact, EdgeFact):
        source = resolver.resolve(fact.source)
        target = resolver.resolve(fact.target)
        graph.add_node(source.key, source.label, source.props, fact.evidence)
        graph.add_node(target.key, target.label, target.props, fact.evidence)
        graph.add_edge(source.key, fact.type, target.key, fact.properties, fact.evidence)


def build_graph(
    extractions: Iterable[Extraction],
    onto: Ontology | None = None,
    derive: bool = True,
    documents_root: Path | None = None,
) -> OversightGraph:
    """Resolve and merge every fact of every extraction into one graph.

    >>> from oversight.loaders.models import TextDocument, Ref
    >>> doc = TextDocument.from_text("FIDB is chaired by the DCC", path="a.txt")
    >>> kent = Ref.named("Force", "Kent Police")
    >>> fact = EdgeFact(type="CHAIRED_BY", source=Ref.named("Board", "FIDB", within=kent),
    ...                 target=Ref.named("Post", "DCC", within=kent), evidence=doc.evidence(1))
    >>> g = build_graph([Extraction(document=doc.record(family="minutes"), facts=[fact])])
    >>> g.out("kent-police/board/future-improvement-and-development-board", "CHAIRED_BY")
    ['kent-police/post/deputy-chief-constable']
    """
    onto = onto or ontology()
    graph = OversightGraph(onto)
    graph.documents_root = documents_root
    resolver = Resolver(onto)
    ordered = sorted(extractions, key=lambda e: e.document.key)
    for extraction in ordered:
        graph.add_node(extraction.document.key, L.Document, document_props(extraction.document))
    for extraction in ordered:
        for fact in extraction.facts:
            try:
                _add_fact(graph, resolver, fact)
            except KeyCollision as exc:
                # One paper's (or register entry's) key clashing with another's is an error
                # for that fact alone: it is left out and reported, the rest is built.
                graph.rejected.append((extraction.document.path, fact.evidence.line, str(exc)))
    resolve_identities(graph)  # one node per real finding, before anything is derived
    if derive:
        for derivation in DERIVATIONS:
            derivation(graph)
    return graph
