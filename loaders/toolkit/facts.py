"""The fact collector: the facts and warnings one extractor states about one document, with evidence.

>>> from oversight.loaders.models import Ref
>>> facts = Facts(TextDocument.from_text("FIDB oversees AFI 5"))
>>> ref = facts.node(Ref.named("Board", "FIDB"), facts.evidence(1), name="FIDB", chair=None)
>>> facts.facts[0].properties
{'name': 'FIDB'}
"""

from __future__ import annotations

from oversight.loaders.models import (
    EdgeFact,
    Evidence,
    ExtractionWarning,
    Fact,
    NodeFact,
    Ref,
    TextDocument,
    Value,
)
from oversight.loaders.toolkit import naming

__all__ = ["Facts", "FactSink"]


class Facts:
    """The facts and warnings one extractor states about one document.

    Properties whose value is None are dropped, so a rule can pass what it
    found without testing each value; ``missing`` lists are kept sorted.
    """

    def __init__(self, doc: TextDocument) -> None:
        self.doc = doc
        #: Key part of the paper's dated statements (its date once known); see naming.paper_stamp.
        self.stamp = naming.paper_stamp(doc, None)
        #: The paper's date, stated or deduced, once known; see :meth:`dated`.
        self.date: naming.PaperDate | None = None
        self.facts: list[NodeFact | EdgeFact] = []
        self.warnings: list[ExtractionWarning] = []

    def date_paper(self, date: naming.PaperDate | None) -> None:
        """Date the paper's statements by ``date``, stated or deduced (None: left undated)."""
        self.date = date
        self.stamp = naming.paper_stamp(self.doc, date.iso if date else None)

    def dated(self, props: dict[str, object] | None = None, undated: bool = True) -> dict[str, object]:
        """``props`` plus the date of a statement made as of the paper's date.

        The date (with why, when deduced from the paper's period), or
        ``missing: ["date"]`` when the paper gives neither date nor period
        (nothing when ``undated`` is False). Lists (``deduced``, ``missing``)
        already in ``props`` are extended, not replaced.
        """
        merged: dict[str, object] = dict(props or {})
        extra = self.date.props() if self.date else ({"missing": ["date"]} if undated else {})
        for name, value in extra.items():
            before = merged.get(name)
            merged[name] = [*before, *value] if isinstance(before, list) and isinstance(value, list) else value
        return merged

    def evidence(
        self, line: int, end_line: int | None = None, quote: str | None = None
    ) -> Evidence:
        return self.doc.evidence(line, end_line, quote)

    def node(self, ref: Ref, evidence: Evidence, **props: object) -> Ref:
        """State node ``ref`` with ``props`` at ``evidence``; returns the ref for chaining."""
        clean = {k: v for k, v in props.items() if v is not None and v != []}
        missing = clean.get("missing")
        if isinstance(missing, list):
            clean["missing"] = sorted(set(missing))
        self.facts.append(NodeFact(ref=ref, properties=clean, evidence=evidence))  # type: ignore[arg-type]
        return ref

    def edge(
        self, type: str, source: Ref, target: Ref, evidence: Evidence, **props: object
    ) -> None:
        """State relationship ``type`` from ``source`` to ``target`` at ``evidence``."""
        clean = {k: v for k, v in props.items() if v is not None}
        self.facts.append(
            EdgeFact(type=type, source=source, target=target, properties=clean, evidence=evidence)  # type: ignore[arg-type]
        )

    def warn(self, message: str, line: int | None = None) -> None:
        self.warnings.append(self.doc.warning(message, line))


class FactSink:
    """Collects an extraction's facts, citing each node at most once per line.

    The graph keeps one citation (``EVIDENCED_BY``) per node and line, so two
    facts citing one node at one line with different quotes or end lines
    would record a conflict on the citation itself. The sink merges a node's
    facts per line, and quotes are always the text of the cited lines, so
    every citation of a line reads the same. Relationships cite one line: the
    graph keeps their citations without an end line.

    >>> doc = TextDocument.from_text("FIDB oversees AFI 5\\nmore")
    >>> sink = FactSink(doc)
    >>> board = Ref.named("Board", "FIDB")
    >>> sink.node(board, 1, name="x")
    >>> sink.node(board, 1, end_line=2)
    >>> [f.evidence.end_line for f in sink.facts()]
    [2]
    """

    def __init__(self, doc: TextDocument) -> None:
        self.doc = doc
        self._nodes: dict[tuple[Ref, int], tuple[dict[str, Value], list[int]]] = {}
        self._edges: dict[tuple[str, Ref, Ref, int, str], dict[str, Value]] = {}

    def node(self, ref: Ref, line: int, end_line: int | None = None, **props: Value | None) -> None:
        """Cite ``ref`` at ``line`` (to ``end_line``) with properties; None values are left out."""
        values, end = self._nodes.setdefault((ref, line), ({}, [line]))
        for name, value in props.items():
            if value is None:
                continue
            if isinstance(value, list):
                values[name] = sorted(set(values.get(name, [])) | set(value))  # type: ignore[arg-type]
            else:
                values.setdefault(name, value)
        if end_line is not None and end_line > end[0]:
            end[0] = end_line

    def edge(self, type: str, source: Ref, target: Ref, line: int, **props: Value | None) -> None:
        """State a relationship at one line."""
        values = {k: v for k, v in props.items() if v is not None}
        self._edges.setdefault((type, source, target, line, repr(sorted(values.items()))), values)

    def facts(self) -> list[Fact]:
        """Node facts in the order first stated, then relationships in order."""
        cited_by_edges = set()
        for _type, source, target, line, _ in self._edges:
            cited_by_edges.update({(source, line), (target, line)})
        facts: list[Fact] = []
        for (ref, line), (values, end) in self._nodes.items():
            last = None if (ref, line) in cited_by_edges or end[0] == line else end[0]
            facts.append(
                NodeFact(ref=ref, properties=values, evidence=self.doc.evidence(line, last))
            )
        for (type_, source, target, line, _), values in self._edges.items():
            facts.append(
                EdgeFact(
                    type=type_,
                    source=source,
                    target=target,
                    properties=values,
                    evidence=self.doc.evidence(line),
                )
            )
        return facts
