"""The graph as RDF under the ontology, and back, without losing the core facts.

Mapping (``ov:`` is ``https://w3id.org/oversight#``, nodes are
``https://w3id.org/oversight/id/<key>``):

- each label is an ``rdf:type`` of the class of that name; ``ov:key`` holds the key;
- each property is a literal of the datatype property of that name (a
  multi-valued property gives one triple per value);
- a relationship is a triple with the object property whose relationship type
  it is (``SUPERSEDES`` is ``ov:supersedes``, a subproperty of
  ``dcterms:replaces``); when it has properties it is also reified as an
  ``rdf:Statement`` carrying them, and each citation of the relationship is an
  ``ov:evidencedBy`` statement about that statement, with ``ov:line`` and
  ``ov:quote``.

:func:`from_rdf` inverts :func:`to_rdf` exactly, so a graph survives a trip
through Turtle or JSON-LD with the same node-link JSON.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote, unquote

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from oversight.errors import StoreCorrupt, UnknownName
from oversight.graph.model import EDGE_EVIDENCE_PROPS, OversightGraph
from oversight.ontology import ID, OV, Ontology, ontology

__all__ = ["to_rdf", "rdf_triples", "from_rdf", "serialize", "parse", "RDF_FORMATS", "node_iri"]

OVNS = Namespace(OV)
#: Our format names and rdflib's.
RDF_FORMATS = {"ttl": "turtle", "turtle": "turtle", "jsonld": "json-ld", "json-ld": "json-ld", "nt": "nt"}


def node_iri(key: str) -> URIRef:
    """The IRI of the node with ``key``.

    >>> str(node_iri("kent-police/peel-2021-22/afi-05"))
    'https://w3id.org/oversight/id/kent-police/peel-2021-22/afi-05'
    """
    return URIRef(ID + quote(key, safe="/-"))


def _key_of(iri: Any) -> str | None:
    text = str(iri)
    return unquote(text[len(ID):]) if text.startswith(ID) else None


def _literal(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    return Literal(value)


def _python(literal: Any) -> Any:
    value = literal.toPython()
    if literal.datatype in (XSD.double, XSD.decimal, XSD.float):
        return float(value)
    if isinstance(value, (bool, int, str)):
        return value
    return str(literal)


def _bind(g: Graph) -> None:
    g.bind("ov", OVNS)
    g.bind("id", Namespace(ID))
    g.bind("prov", Namespace("http://www.w3.org/ns/prov#"))
    g.bind("dcterms", Namespace("http://purl.org/dc/terms/"))


def rdf_triples(
    graph: OversightGraph,
    named: Callable[[str], Any],
    literal: Callable[[Any], Any],
    blank: Callable[[], Any],
) -> Iterator[tuple[Any, Any, Any]]:
    """The graph's triples under the ontology, each term made by the caller's factories.

    ``named`` makes an IRI from its text, ``literal`` a literal from a Python
    value, ``blank`` a fresh blank node: :func:`to_rdf` passes rdflib's terms;
    another RDF library's terms (pyoxigraph's, say) give the same triples
    without building an rdflib graph, from this one mapping.
    """
    onto = graph.onto
    rdf_type, key_p = named(str(RDF.type)), named(OV + "key")
    statement_t = named(str(RDF.Statement))
    subject_p, predicate_p, object_p = named(str(RDF.subject)), named(str(RDF.predicate)), named(str(RDF.object))
    evidenced_p, line_p, quote_p = named(OV + "evidencedBy"), named(OV + "line"), named(OV + "quote")
    terms: dict[str, Any] = {}

    def term(text: str) -> Any:
        found = terms.get(text)
        if found is None:
            found = terms[text] = named(text)
        return found

    def node(key: str) -> Any:
        return term(ID + quote(key, safe="/-"))

    for data in graph.nodes():
        subject = node(data["key"])
        yield subject, key_p, literal(data["key"])
        for label in data["labels"]:
            yield subject, rdf_type, term(OV + label)
        for name, value in data.items():
            if name in ("key", "labels"):
                continue
            for item in value if isinstance(value, list) else [value]:
                yield subject, term(OV + name), literal(item)
    for edge in graph.edges():
        predicate = term(OV + onto.relationship(edge["type"]).local)
        source, target = node(edge["source"]), node(edge["target"])
        yield source, predicate, target
        props = {k: v for k, v in edge.items() if k not in ("source", "target", "type")}
        if not props:
            continue
        statement = blank()
        yield statement, rdf_type, statement_t
        yield statement, subject_p, source
        yield statement, predicate_p, predicate
        yield statement, object_p, target
        citations = zip(*(props.pop(k, []) for k in EDGE_EVIDENCE_PROPS), strict=True)
        for name, value in props.items():
            for item in value if isinstance(value, list) else [value]:
                yield statement, term(OV + name), literal(item)
        for document, line, text in citations:
            cite = blank()
            yield cite, rdf_type, statement_t
            yield cite, subject_p, statement
            yield cite, predicate_p, evidenced_p
            yield cite, object_p, node(document)
            yield cite, line_p, literal(line)
            yield cite, quote_p, literal(text)


def to_rdf(graph: OversightGraph) -> Graph:
    """The graph's triples under the ontology."""
    g = Graph()
    _bind(g)
    for triple in rdf_triples(graph, URIRef, _literal, BNode):
        g.add(triple)
    return g


def from_rdf(g: Graph, onto: Ontology | None = None, source: str = "RDF") -> OversightGraph:
    """Rebuild the graph from triples made by :func:`to_rdf`."""
    onto = onto or ontology()
    by_local = {info.local: info for info in onto.relationships.values()}
    node_link: dict[str, list[dict[str, Any]]] = {"nodes": [], "edges": []}
    for subject in sorted(set(g.subjects(OVNS.key, None)), key=str):
        key = str(g.value(subject, OVNS.key))
        node: dict[str, Any] = {"key": key, "labels": []}
        for predicate, obj in g.predicate_objects(subject):
            if predicate == RDF.type:
                local = str(obj)[len(OV):]
                if str(obj).startswith(OV) and local in onto.classes:
                    node["labels"].append(local)
            elif isinstance(obj, Literal) and str(predicate).startswith(OV) and predicate != OVNS.key:
                _put(onto, node, str(predicate)[len(OV):], _python(obj))
        node_link["nodes"].append(node)
    # relationships: reified ones carry properties; bare triples have none
    reified: dict[tuple[str, str, str], list[Node]] = defaultdict(list)
    citations: dict[Any, list[tuple[str, int, str]]] = defaultdict(list)
    for statement in g.subjects(RDF.type, RDF.Statement):
        about = g.value(statement, RDF.subject)
        if isinstance(about, BNode):
            document = _key_of(g.value(statement, RDF.object))
            line = g.value(statement, OVNS.line)
            text = g.value(statement, OVNS.quote)
            if document is None or line is None:
                raise StoreCorrupt(f"{source}: a citation lacks its document or line")
            citations[about].append((document, int(str(line)), str(text or "")))
            continue
        triple = (str(about), str(g.value(statement, RDF.predicate)), str(g.value(statement, RDF.object)))
        reified[triple].append(statement)
    for s, p, o in g.triples((None, None, None)):
        if not str(p).startswith(OV) or str(p)[len(OV):] not in by_local:
            continue
        source_key, target_key = _key_of(s), _key_of(o)
        if source_key is None or target_key is None:
            continue
        rel_type = by_local[str(p)[len(OV):]].type
        statements = reified.get((str(s), str(p), str(o)), [])
        if not statements:
            node_link["edges"].append({"source": source_key, "target": target_key, "type": rel_type})
        for statement in statements:
            edge: dict[str, Any] = {"source": source_key, "target": target_key, "type": rel_type}
            for predicate, obj in g.predicate_objects(statement):
                if isinstance(obj, Literal) and str(predicate).startswith(OV):
                    _put(onto, edge, str(predicate)[len(OV):], _python(obj))
            cited = sorted(citations.get(statement, []))
            if cited:
                edge["evidenceDocuments"] = [c[0] for c in cited]
                edge["evidenceLines"] = [c[1] for c in cited]
                edge["evidenceQuotes"] = [c[2] for c in cited]
            node_link["edges"].append(edge)
    return OversightGraph.from_node_link(node_link, onto, source=source)


def _put(onto: Ontology, target: dict[str, Any], name: str, value: Any) -> None:
    try:
        multi = onto.prop(name).multi_valued
    except UnknownName:
        return  # a term of another vocabulary (a user's own annotation): not ours to import
    if multi:
        target.setdefault(name, []).append(value)
        target[name].sort()
    else:
        target[name] = value


def serialize(graph: OversightGraph, fmt: str) -> str:
    """The graph as Turtle (``ttl``), JSON-LD (``jsonld``) or N-Triples (``nt``)."""
    if fmt not in RDF_FORMATS:
        raise UnknownName(f"unknown RDF format {fmt!r}; known: {', '.join(sorted(RDF_FORMATS))}")
    text = to_rdf(graph).serialize(format=RDF_FORMATS[fmt])
    return text if isinstance(text, str) else text.decode("utf-8")


def parse(text: str, fmt: str, source: str = "RDF") -> OversightGraph:
    """Read a graph from Turtle, JSON-LD or N-Triples text made by :func:`serialize`."""
    if fmt not in RDF_FORMATS:
        raise UnknownName(f"unknown RDF format {fmt!r}; known: {', '.join(sorted(RDF_FORMATS))}")
    g = Graph()
    try:
        g.parse(data=text, format=RDF_FORMATS[fmt])
    except Exception as exc:  # rdflib's parsers raise assorted types
        raise StoreCorrupt(f"{source}: not valid {fmt} ({exc})") from exc
    return from_rdf(g, source=source)
