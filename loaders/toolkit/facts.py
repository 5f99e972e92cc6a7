"""The fact collector: what one extractor states about one document, each fact with its evidence.

Every layer states facts through one :class:`Facts` per document: the
statement layer (through its preset :class:`~oversight.loaders.statements.collect.Collector`,
which names its rules ``statement:<rule>``) and every family's layouts.

A fact is cited in one of two ways:

- at a **line** (an ``int``): the collector cites a node at most once per
  line, merging what several rules state about it there, and quotes the
  cited lines. The graph keeps one citation (``EVIDENCED_BY``) per node and
  line, so two facts citing one node at one line with different quotes or end
  lines would record a conflict on the citation itself; merged, every citation
  of a line reads the same.
- with its own :class:`~oversight.loaders.models.Evidence` (a quote inside
  the lines, from :meth:`Para.evidence <oversight.loaders.toolkit.spans.Para.evidence>`,
  say): the fact is kept as stated, one per call.

Either way a rule may say how it found the fact (``method``) and how sure it
is (``confidence`` in 0..1), given by position after the line or evidence;
both go onto the evidence, not the fact (a relationship's own ``confidence``
property, an inferred link's, is a keyword like any property). Properties whose
value is None are left out, so a rule passes what it found without testing
each value. Facts come out in the order first stated, nodes and
relationships alike (the graph takes a node's first quote at a line from the
first fact citing it there).

>>> from oversight.loaders.models import Ref
>>> doc = TextDocument.from_text("FIDB oversees AFI 5\\nmore")
>>> facts = Facts(doc)
>>> board = Ref.named("Board", "FIDB")
>>> facts.node(board, 1, name="FIDB", chair=None) == board
True
>>> _ = facts.node(board, 1, "board-line", 0.8, end_line=2)
>>> [(f.properties, f.evidence.end_line, f.evidence.method) for f in facts.facts()]
[({'name': 'FIDB'}, 2, None)]
>>> _ = facts.node(board, facts.evidence(1, quote="FIDB"), name="FIDB")
>>> [f.evidence.quote for f in facts.facts()]
['FIDB oversees AFI 5 more', 'FIDB']
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

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

__all__ = ["Facts"]


@dataclass
class _Node:
    ref: Ref
    line: int
    evidence: Evidence | None  # None: cited at ``line`` (to ``end``), quoting the lines
    method: str | None
    confidence: float | None
    values: dict[str, Value] = field(default_factory=dict)
    end: int = 0


@dataclass
class _Edge:
    type: str
    source: Ref
    target: Ref
    line: int
    evidence: Evidence | None
    method: str | None
    confidence: float | None
    values: dict[str, Value]


class Facts:
    """The facts and warnings one extractor states about one document.

    Parameters
    ----------
    doc : TextDocument
        The document every fact cites.
    method_prefix : str
        Put before every ``method`` a rule names (the statement layer's
        ``"statement:"``), so a citation says which layer found it.
    """

    def __init__(self, doc: TextDocument, method_prefix: str = "") -> None:
        self.doc = doc
        self.method_prefix = method_prefix
        #: Key part of the paper's dated statements (its date once known); see naming.paper_stamp.
        self.stamp = naming.paper_stamp(doc, None)
        #: The paper's date, stated or deduced, once known; see :meth:`dated`.
        self.date: naming.PaperDate | None = None
        self.warnings: list[ExtractionWarning] = []
        #: What was found, by kind of statement ("finding", "judgement", …): one per node stated with a kind.
        self.found: Counter[str] = Counter()
        self._counted: set[tuple[str, Ref]] = set()
        #: Nodes and relationships in the order first stated, keyed so that a line's citations merge.
        self._stated: dict[tuple[object, ...], _Node | _Edge] = {}
        self._serial = itertools.count(1)

    # -- the paper's date ---------------------------------------------------

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

    # -- stating facts ------------------------------------------------------

    def evidence(self, line: int, end_line: int | None = None, quote: str | None = None) -> Evidence:
        """The document's evidence for lines ``line``..``end_line`` (quote: their text unless given)."""
        return self.doc.evidence(line, end_line, quote)

    def node(
        self,
        ref: Ref,
        at: int | Evidence,
        method: str | None = None,
        confidence: float | None = None,
        /,
        end_line: int | None = None,
        counts_as: str | None = None,
        **props: object,
    ) -> Ref:
        """State node ``ref`` at a line (to ``end_line``) or at its own evidence; returns the ref.

        At a line, what several calls state about ``ref`` there is merged: the
        first value of a property stays, lists are joined (sorted), the end
        line is the furthest, the method and confidence the first call's.
        ``counts_as`` counts the node once as a statement of that kind
        (:attr:`found`).
        """
        if isinstance(at, Evidence):
            values = {k: v for k, v in props.items() if v is not None and v != []}
            missing = values.get("missing")
            if isinstance(missing, list):
                values["missing"] = sorted(set(missing))
            self._stated[("node", next(self._serial))] = _Node(ref, at.line, at, method, confidence, values)  # type: ignore[arg-type]
        else:
            entry = self._stated.get(("node", ref, at))
            if not isinstance(entry, _Node):
                entry = self._stated[("node", ref, at)] = _Node(ref, at, None, method, confidence, end=at)
            for name, value in props.items():
                if value is None:
                    continue
                if isinstance(value, list):
                    entry.values[name] = sorted(set(entry.values.get(name, [])) | set(value))  # type: ignore[arg-type]
                else:
                    entry.values.setdefault(name, value)  # type: ignore[arg-type]
            if end_line is not None and end_line > entry.end:
                entry.end = end_line
        if counts_as is not None and (counts_as, ref) not in self._counted:
            self._counted.add((counts_as, ref))
            self.found[counts_as] += 1
        return ref

    def edge(
        self,
        type: str,
        source: Ref,
        target: Ref,
        at: int | Evidence,
        method: str | None = None,
        confidence: float | None = None,
        /,
        **props: object,
    ) -> None:
        """State relationship ``type`` from ``source`` to ``target`` at one line or at its own evidence.

        At a line, the same relationship with the same properties is stated once.
        """
        values = {k: v for k, v in props.items() if v is not None}
        if isinstance(at, Evidence):
            key: tuple[object, ...] = ("edge", next(self._serial))
            line, evidence = at.line, at
        else:
            key, line, evidence = ("edge", type, source, target, at, repr(sorted(values.items()))), at, None
        if key not in self._stated:
            self._stated[key] = _Edge(type, source, target, line, evidence, method, confidence, values)  # type: ignore[arg-type]

    def warn(self, message: str, line: int | None = None) -> None:
        """Add a warning about the document (at ``line``)."""
        self.warnings.append(self.doc.warning(message, line))

    # -- the facts ----------------------------------------------------------

    def _cite(self, evidence: Evidence, method: str | None, confidence: float | None) -> Evidence:
        if method is None and confidence is None:
            return evidence
        update: dict[str, object] = {}
        if method is not None:
            update["method"] = self.method_prefix + method
        if confidence is not None:
            update["confidence"] = round(confidence, 2)
        return evidence.model_copy(update=update)

    def facts(self) -> list[Fact]:
        """Every fact in the order first stated, nodes and relationships alike.

        A node cited at a line by a relationship at that line cites that line
        alone (the graph keeps relationships' citations without an end line).
        """
        cited_by_edges = {
            (ref, item.line)
            for item in self._stated.values()
            if isinstance(item, _Edge) and item.evidence is None
            for ref in (item.source, item.target)
        }
        out: list[Fact] = []
        for item in self._stated.values():
            if isinstance(item, _Node):
                evidence = item.evidence
                if evidence is None:
                    last = None if (item.ref, item.line) in cited_by_edges or item.end == item.line else item.end
                    evidence = self.doc.evidence(item.line, last)
                out.append(
                    NodeFact(
                        ref=item.ref,
                        properties=item.values,
                        evidence=self._cite(evidence, item.method, item.confidence),
                    )
                )
            else:
                out.append(
                    EdgeFact(
                        type=item.type,
                        source=item.source,
                        target=item.target,
                        properties=item.values,
                        evidence=self._cite(item.evidence or self.doc.evidence(item.line), item.method, item.confidence),
                    )
                )
        return out
