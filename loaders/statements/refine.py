"""How a family refines what the statement layer read: keep, drop, amend and add facts.

A family whose layout is known reads a paper in two steps: the statement
layer first (:func:`~oversight.loaders.statements.read_statements`), then its
layout module, which knows better on some points (a monitoring record's
comments are not statuses; a letter's ``To`` block names a post the generic
rule misses). :class:`Refinement` holds the statement layer's facts and lets
the layout drop the ones it knows to be wrong, amend a node's properties, and
add its own facts with evidence. Facts the layout reads from its known
structure leave ``method`` and ``confidence`` unset (as every family's facts
do); a generic rule a layout adds says its method and confidence.

>>> from oversight.loaders.models import Ref, TextDocument
>>> doc = TextDocument.from_text("Title\\nThe force is good.")
>>> refined = Refinement(doc, [])
>>> refined.node(Ref.of("Judgement", "x"), 2, grade="good")
>>> [(f.evidence.line, f.properties["grade"], f.evidence.method) for f in refined.facts]
[(2, 'good', None)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from oversight.loaders.models import EdgeFact, Evidence, Fact, NodeFact, Ref, TextDocument, Value

__all__ = ["Refinement"]


class Refinement:
    """The facts of one paper as the statement layer read them, refined by a family's layout."""

    def __init__(self, doc: TextDocument, facts: Iterable[Fact]) -> None:
        self.doc = doc
        self.facts: list[Fact] = list(facts)
        # one Evidence per cited span, and one statement per thing and line (as the collector keeps
        # them): many facts on one long line then cost the line's length once, not once each
        self._evidence: dict[tuple[int, int | None], Evidence] = {}
        self._stated: set[tuple[object, ...]] = set()

    def _cite(self, line: int, end_line: int | None, method: str | None, confidence: float | None) -> Evidence:
        base = self._evidence.get((line, end_line))
        if base is None:
            base = self._evidence[(line, end_line)] = self.doc.evidence(line, end_line)
        return base.model_copy(update={"method": method, "confidence": confidence})

    def nodes(self, label: str | None = None) -> list[NodeFact]:
        """The node facts (of one label)."""
        return [f for f in self.facts if isinstance(f, NodeFact) and (label is None or f.ref.label == label)]

    def edges(self, type: str | None = None) -> list[EdgeFact]:
        """The relationship facts (of one type)."""
        return [f for f in self.facts if isinstance(f, EdgeFact) and (type is None or f.type == type)]

    def drop(self, unwanted: Callable[[Fact], bool]) -> int:
        """Drop every fact ``unwanted`` says is wrong, and the relationships of a dropped node; returns how many."""
        before = len(self.facts)
        gone = {f.ref for f in self.facts if isinstance(f, NodeFact) and unwanted(f)}
        kept = [f for f in self.facts if not unwanted(f)]
        # a node another rule also stated (the same ref) stays, with its relationships
        gone -= {f.ref for f in kept if isinstance(f, NodeFact)}
        self.facts = [f for f in kept if not (isinstance(f, EdgeFact) and (f.source in gone or f.target in gone))]
        return before - len(self.facts)

    def amend(self, ref: Ref, **props: Value | None) -> None:
        """Set properties on every statement of ``ref`` (None removes one)."""
        out: list[Fact] = []
        for fact in self.facts:
            if isinstance(fact, NodeFact) and fact.ref == ref:
                values = {**fact.properties, **{k: v for k, v in props.items() if v is not None}}
                for name in [k for k, v in props.items() if v is None]:
                    values.pop(name, None)
                fact = fact.model_copy(update={"properties": values})
            out.append(fact)
        self.facts = out

    def node(
        self,
        ref: Ref,
        line: int,
        method: str | None = None,
        confidence: float | None = None,
        end_line: int | None = None,
        **props: Value | None,
    ) -> None:
        """Add a node stated at ``line`` (to ``end_line``); None values are left out; once per thing, line and values."""
        values = {k: v for k, v in props.items() if v is not None}
        seen = ("node", ref, line, repr(sorted(values.items())))
        if seen in self._stated:
            return
        self._stated.add(seen)
        self.facts.append(NodeFact(ref=ref, properties=values, evidence=self._cite(line, end_line, method, confidence)))

    def edge(
        self,
        type: str,
        source: Ref,
        target: Ref,
        line: int,
        method: str | None = None,
        confidence: float | None = None,
        **props: Value | None,
    ) -> None:
        """Add a relationship stated at ``line`` (once per line)."""
        seen = ("edge", type, source, target, line)
        if seen in self._stated:
            return
        self._stated.add(seen)
        values = {k: v for k, v in props.items() if v is not None}
        self.facts.append(EdgeFact(type=type, source=source, target=target, properties=values, evidence=self._cite(line, None, method, confidence)))
