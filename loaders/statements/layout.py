"""The hook a family uses to refine the statement layer: its facts, then the layout's own, in one extraction.

A family's ``extract`` is the statement layer's reading of the paper plus what
its layout states better: :func:`extract_with_layout` runs the layer, gives the
layout a :class:`~oversight.loaders.statements.collect.Collector` of its own
(so each added fact says the rule that found it, ``statement:<rule>`` methods
kept for the layer's, and a confidence), leaves out the layer's facts of the
references the layout returns as stated better, and returns one
:class:`~oversight.loaders.models.Extraction` whose document date is the one
the layout reads, else the one the layer read.

>>> from oversight.loaders.models import TextDocument
>>> doc = TextDocument.from_text("RESOURCES BOARD\\nMinutes\\n3rd March 2024\\nAttendees:\\nAnn Smith (AS)\\n")
>>> extraction = extract_with_layout(doc, lambda c, statements: None)
>>> extraction.document.date, extraction.document.date_line
('2024-03-03', 3)
"""

from __future__ import annotations

from collections.abc import Callable

from oversight.loaders.models import EdgeFact, Extraction, Fact, NodeFact, Ref, TextDocument
from oversight.loaders.statements import Statements, read_statements
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.meeting_refs import paper_date

__all__ = ["extract_with_layout", "Layout", "meeting_of"]

#: A layout's reading: it adds facts to the collector, knowing what the statement layer found, and may return
#: the statement layer's references it states better (their facts are left out).
Layout = Callable[[Collector, Statements], "set[Ref] | None"]


def meeting_of(statements: Statements) -> tuple[str, int] | None:
    """The date and line of the meeting the paper records (the layer's body-and-date heading)."""
    for fact in statements.facts:
        if isinstance(fact, NodeFact) and fact.evidence.method == "statement:meeting-body-date":
            date = fact.properties.get("date")
            if isinstance(date, str):
                return date, fact.evidence.line
    return None


def _without(facts: list[Fact], superseded: set[Ref]) -> list[Fact]:
    """The facts that name none of the superseded references."""
    if not superseded:
        return facts
    return [
        f for f in facts
        if not (isinstance(f, NodeFact) and f.ref in superseded)
        and not (isinstance(f, EdgeFact) and (f.source in superseded or f.target in superseded))
    ]


def extract_with_layout(doc: TextDocument, layout: Layout, title: str | None = None) -> Extraction:
    """The statement layer's facts and the layout's, with the paper's date (see the module docs)."""
    statements = read_statements(doc)
    c = Collector(doc)
    superseded = layout(c, statements) or set()
    ctx = statements.context
    fields: dict[str, object] = {}
    dated = paper_date(doc.lines, meeting_of(statements))
    if dated is not None:
        fields = {"date": dated[0], "date_basis": "stated", "date_line": dated[1]}
    elif ctx is not None and ctx.date is not None:
        fields = {"date": ctx.date, "date_basis": "stated", "date_line": ctx.date_line}
    if title is None:
        title = next((line.strip() for line in doc.lines if line.strip()), None)
    return Extraction(document=doc.record(title=title[:200] if title else None, **fields), facts=_without(statements.facts, superseded) + c.facts())
