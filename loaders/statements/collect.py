"""The statement layer's fact collector: every fact with its evidence, method and confidence.

Like the families' collectors, it cites a node at most once per line (the
graph keeps one citation per node and line) and keeps relationships in the
order stated. Unlike them, every citation also says which rule found the fact
(``method``, always ``statement:<rule>``) and how sure that rule is
(``confidence`` in 0..1), and the collector counts what it found by kind so
that ingest can say what was read generically.

>>> from oversight.loaders.models import Ref, TextDocument
>>> doc = TextDocument.from_text("Cause of concern\\nThe force must improve.")
>>> c = Collector(doc)
>>> c.node(Ref.of("CauseOfConcern", "x"), 2, "finding-heading", 0.9, counts_as="finding", text="The force must improve.")
>>> fact = c.facts()[0]
>>> (fact.evidence.line, fact.evidence.method, fact.evidence.confidence, c.found["finding"])
(2, 'statement:finding-heading', 0.9, 1)
"""

from __future__ import annotations

from collections import Counter

from oversight.loaders.models import EdgeFact, Evidence, Fact, NodeFact, Ref, TextDocument, Value

__all__ = ["Collector", "METHOD_PREFIX"]

METHOD_PREFIX = "statement:"


class Collector:
    """Collects the statement layer's facts for one document."""

    def __init__(self, doc: TextDocument) -> None:
        self.doc = doc
        self._nodes: dict[tuple[Ref, int], tuple[dict[str, Value], list[int], str, float]] = {}
        self._edges: dict[tuple[str, Ref, Ref, int], tuple[dict[str, Value], str, float]] = {}
        #: What was found, by kind of statement ("finding", "judgement", …): one per node stated with a kind.
        self.found: Counter[str] = Counter()
        self._counted: set[tuple[str, Ref]] = set()

    def node(
        self,
        ref: Ref,
        line: int,
        method: str,
        confidence: float,
        end_line: int | None = None,
        counts_as: str | None = None,
        **props: Value | None,
    ) -> None:
        """Cite ``ref`` at ``line`` (to ``end_line``) with properties; None values are left out.

        ``counts_as`` counts the node once as a statement of that kind for the summary.
        """
        entry = self._nodes.get((ref, line))
        if entry is None:
            entry = ({}, [line], METHOD_PREFIX + method, confidence)
            self._nodes[(ref, line)] = entry
        values, end = entry[0], entry[1]
        for name, value in props.items():
            if value is not None:
                values.setdefault(name, value)
        if end_line is not None and end_line > end[0]:
            end[0] = end_line
        if counts_as is not None and (counts_as, ref) not in self._counted:
            self._counted.add((counts_as, ref))
            self.found[counts_as] += 1

    def edge(
        self, type: str, source: Ref, target: Ref, line: int, method: str, confidence: float, **props: Value | None
    ) -> None:
        """State a relationship at one line."""
        values = {k: v for k, v in props.items() if v is not None}
        self._edges.setdefault((type, source, target, line), (values, METHOD_PREFIX + method, confidence))

    def _evidence(self, line: int, end_line: int | None, method: str, confidence: float) -> Evidence:
        base = self.doc.evidence(line, end_line)
        return base.model_copy(update={"method": method, "confidence": round(confidence, 2)})

    def facts(self) -> list[Fact]:
        """Node facts in the order first stated, then relationships in order."""
        cited_by_edges = set()
        for _type, source, target, line in self._edges:
            cited_by_edges.update({(source, line), (target, line)})
        facts: list[Fact] = []
        for (ref, line), (values, end, method, confidence) in self._nodes.items():
            last = None if (ref, line) in cited_by_edges or end[0] == line else end[0]
            facts.append(NodeFact(ref=ref, properties=values, evidence=self._evidence(line, last, method, confidence)))
        for (type_, source, target, line), (values, method, confidence) in self._edges.items():
            facts.append(
                EdgeFact(
                    type=type_,
                    source=source,
                    target=target,
                    properties=values,
                    evidence=self._evidence(line, None, method, confidence),
                )
            )
        return facts
