"""The statement layer: what a governance lead would highlight in any paper, whatever its layout.

It reads a :class:`~oversight.loaders.models.TextDocument` in a few linear
passes and returns facts, each with its evidence (document, line), the rule
that found it (``Evidence.method``, ``statement:<rule>``) and a confidence:

1. :mod:`.context`: the force, inspectorate, inspections named (programme,
   round, pillar; fieldwork, revisit and publication dates), the paper's date;
2. :mod:`.findings`: causes of concern, recommendations, AFIs, with lead-ins,
   bullets, numbers and deadlines;
3. :mod:`.judgements`: graded judgements as sentences or grade lines;
4. :mod:`.statuses`: statuses and RAG at a date (the monitoring-record markup
   as a dated history), counts of findings by outcome, closure and
   supersession statements;
5. :mod:`.meetings`: meetings, attendees, actions with owners, people in posts;
6. :mod:`.agenda_item`: a council committee's item page (ModernGov), the first
   layout the new committee-minutes family needs beyond the statements.

Where it runs. Detection (``loaders/registry.py``) gives a paper that no
family recognises to the ``generic`` family, whose extractor is
:class:`GenericExtractor`: the statement layer alone. If that finds nothing,
the paper is refused as before. The seeds' families do not call it yet, so
their extraction is unchanged; the hook for a family that wants to refine it
is :func:`read_statements`: call it on the document, keep the facts your
layout does not state better, and add your own (the facts are plain
``NodeFact``/``EdgeFact`` records, their evidence says ``statement:…``).

Why regular expressions and not spaCy's ``Matcher``. The vocabularies (grades,
statuses, finding kinds, the gazetteer's 44 forces and inspectorates) are
phrase tables compiled from the ontology into one bounded alternation each,
matched once per line: the whole corpus of 34 papers reads in about 0.1 s. A
blank spaCy pipeline would add a large dependency and a tokenisation pass per
paper for the same phrase lookups, and most rules here need the line layout
(a grade on its own line after a question, bullets after a lead-in, a
``From``/``To`` block), which token patterns do not see. Dates go through the
project's one date parser (:mod:`oversight.loaders.toolkit.textparse`), not
``dateparser``, so that generic and family facts read dates alike and never
guess a year. Nothing downloads a model.

>>> from oversight.loaders.models import TextDocument
>>> doc = TextDocument.from_text(
...     "Gwent 2014\\n\\nThis is the first PEEL Assessment of Gwent Police.\\n\\n"
...     "the extent to which the force is effective at keeping people safe and reducing crime is good.")
>>> result = read_statements(doc)
>>> result.summary()
'1 judgement, 1 inspection'
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from oversight.loaders.models import Extraction, Fact, Ref, TextDocument
from oversight.loaders.statements.agenda_item import read_agenda_item
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context, read_context
from oversight.loaders.statements.findings import read_findings
from oversight.loaders.statements.judgements import read_judgements
from oversight.loaders.statements.meetings import read_meetings
from oversight.loaders.statements.statuses import read_counts, read_statuses
from oversight.ontology import R, ontology

__all__ = ["Statements", "read_statements", "has_oversight", "GenericExtractor", "OVERSIGHT_KINDS"]

#: The kinds of statement that make a paper oversight material, in the order a summary names them.
OVERSIGHT_KINDS = (
    "finding", "judgement", "status", "count", "inspection", "inspectorate", "oversight body", "meeting", "agenda item",
    "action", "person",
)
_PLURALS = {"status": "statuses", "person": "people", "oversight body": "oversight bodies"}
#: A commissioner's office or a panel, named in the paper ("Police, Fire and Crime Commissioner", "OPCC").
_OVERSIGHT_BODY = re.compile(
    r"(?i:\bpolice,?\s{1,3}(?:fire\s{1,3})?and\s{1,3}crime\s{1,3}(?P<what>commissioner|panel))\b|\b(?P<abbr>O?P(?:F)?CC)\b"
)


@dataclass
class Statements:
    """What the statement layer found in one paper."""

    facts: list[Fact]
    found: Counter[str] = field(default_factory=Counter)
    context: Context | None = None

    def summary(self) -> str:
        """What was found, as words: '3 findings, 2 judgements, 1 inspection'."""
        parts = []
        for kind in OVERSIGHT_KINDS:
            n = self.found.get(kind, 0)
            if n:
                parts.append(f"{n} {kind if n == 1 else _PLURALS.get(kind, kind + 's')}")
        return ", ".join(parts)

    @property
    def is_oversight(self) -> bool:
        """Whether the paper holds oversight material.

        A finding, judgement, status, count or inspection; or a paper that
        names an inspectorate or a commissioner's office or panel. Meetings and
        people alone do not make a paper oversight material (a club's minutes
        name a committee and its members too).
        """
        kinds = ("finding", "judgement", "status", "count", "inspection", "inspectorate", "oversight body")
        return any(self.found.get(k, 0) for k in kinds)


def _inspections(c: Collector, ctx: Context) -> None:
    seen: set[tuple[Ref, int]] = set()
    for mention in ctx.mentions:
        if (mention.ref, mention.line) in seen:
            continue
        seen.add((mention.ref, mention.line))
        props: dict[str, object] = dict(mention.props)
        if ctx.main is not None and mention.ref == ctx.main.ref and ctx.last_updated:
            props["lastUpdated"] = ctx.last_updated[0]
        c.node(mention.ref, mention.line, mention.method, mention.confidence, counts_as="inspection", **props)  # type: ignore[arg-type]
        if ctx.force is not None:
            c.edge(R.INSPECTED, mention.ref, ctx.force, mention.line, mention.method, mention.confidence)
        if ctx.inspectorate is not None and mention.props.get("kind") == "peel":
            c.edge(R.CONDUCTED_BY, mention.ref, ctx.inspectorate, mention.line, mention.method, mention.confidence * 0.9)


def _bodies(c: Collector, ctx: Context) -> None:
    """The inspectorate the paper names first, and the first commissioner's office or panel it names."""
    if ctx.inspectorate is not None and ctx.inspectorate_line is not None:
        c.node(ctx.inspectorate, ctx.inspectorate_line, "inspectorate-mention", 0.9, counts_as="inspectorate")
    scope = ctx.force or ctx.scope
    for number, line in enumerate(c.doc.lines, start=1):
        match = _OVERSIGHT_BODY.search(line)
        if not match:
            continue
        what = (match.group("what") or "").lower()
        if what == "panel":
            ref = Ref.named("Board", "Police and Crime Panel", within=scope)
        else:
            abbr = match.group("abbr")
            name = "Office of the Police and Crime Commissioner" if abbr and abbr.startswith("O") else "Police and Crime Commissioner"
            ref = Ref.named("Organisation" if name.startswith("Office") else "Post", name, within=scope)
        c.node(ref, number, "oversight-body-mention", 0.8, counts_as="oversight body")
        return


#: Lower-case words without one of which no rule of the layer can find oversight material: the finding
#: kinds, grade words, PEEL and the programmes, the commissioner and panel (see :func:`has_oversight`).
_CUES = (
    "concern", "recommendation", "improvement", "afi", "good", "outstanding", "adequate", "peel", "integrity",
    "vetting", "inspect", "effectiveness", "efficiency", "legitima", "crime commissioner", "crime panel", "pcc",
    "pfcc", "[status]",
)


@functools.lru_cache(maxsize=1)
def _inspectorate_cues() -> tuple[str, ...]:
    names = {n.lower() for e in ontology().gazetteer.entries_of("Inspectorate") for n in e.names}
    return tuple(sorted(names))


def has_oversight(doc: TextDocument) -> bool:
    """Whether the statement layer finds oversight material in ``doc``.

    A first pass looks for any word without which no rule can fire (a finding
    kind, a grade word, PEEL, an inspectorate's name, a commissioner or panel
    …), substring searches in C; only a paper that has one is read whole. A million lines of "line N" are refused in about a second instead of
    twenty.

    >>> has_oversight(TextDocument.from_text("Lemon cake\\nMix the flour."))
    False
    """
    text = doc.text.lower()
    if not any(cue in text for cue in _CUES + _inspectorate_cues()):
        return False
    return read_statements(doc).is_oversight


def read_statements(
    doc: TextDocument, force: Ref | None = None, context_hook: Callable[[Context], None] | None = None
) -> Statements:
    """Read every statement the layer knows in ``doc`` (see the module docs).

    ``force`` overrides the force read from the text (``--force``).
    ``context_hook`` lets a family whose layout names inspections the generic
    rules miss add them to the context before the rest is read, so that
    their dates, findings and counts are scoped to them.
    """
    ctx = read_context(doc, force)
    if context_hook is not None:
        context_hook(ctx)
    c = Collector(doc)
    _inspections(c, ctx)
    _bodies(c, ctx)
    from oversight.loaders.statements.dates import read_inspection_dates

    read_inspection_dates(c, ctx)
    findings = read_findings(c, ctx)
    read_judgements(c, ctx)
    read_statuses(c, ctx, findings)
    read_counts(c, ctx)
    read_meetings(c, ctx)
    read_agenda_item(c, ctx)
    return Statements(c.facts(), Counter(c.found), ctx)


class GenericExtractor:
    """The ``generic`` family: a paper no family's layout recognises, read by the statement layer alone."""

    family = "generic"

    def detect(self, doc: TextDocument) -> float:
        """Never chosen by score: detection falls back to it when no family reaches the threshold."""
        return 0.0

    def extract(self, doc: TextDocument) -> Extraction:
        statements = read_statements(doc)
        ctx = statements.context
        fields: dict[str, object] = {}
        if ctx is not None and ctx.date is not None:
            fields = {"date": ctx.date, "date_basis": "stated", "date_line": ctx.date_line}
        title = next((line.strip() for line in doc.lines if line.strip()), None)
        extraction = Extraction(document=doc.record(title=title[:200] if title else None, **fields), facts=statements.facts)
        if statements.facts:
            extraction.warnings.append(doc.warning(f"read generically: {statements.summary() or 'nothing'}"))
        self.last = statements
        return extraction
