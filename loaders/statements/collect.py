"""The statement layer's fact collector: the toolkit's, naming every rule ``statement:<rule>``.

Every citation says which rule found the fact (``method``, always
``statement:<rule>``) and how sure that rule is (``confidence`` in 0..1), and
the collector counts what it found by kind so that ingest can say what was
read generically. See :class:`oversight.loaders.toolkit.facts.Facts`.

>>> from oversight.loaders.models import Ref, TextDocument
>>> doc = TextDocument.from_text("Cause of concern\\nThe force must improve.")
>>> c = Collector(doc)
>>> _ = c.node(Ref.of("CauseOfConcern", "x"), 2, "finding-heading", 0.9, counts_as="finding", text="The force must improve.")
>>> fact = c.facts()[0]
>>> (fact.evidence.line, fact.evidence.method, fact.evidence.confidence, c.found["finding"])
(2, 'statement:finding-heading', 0.9, 1)
"""

from __future__ import annotations

from oversight.loaders.models import TextDocument
from oversight.loaders.toolkit.facts import Facts

__all__ = ["Collector", "METHOD_PREFIX"]

METHOD_PREFIX = "statement:"


class Collector(Facts):
    """The toolkit's collector for the statement layer: methods named ``statement:<rule>``."""

    def __init__(self, doc: TextDocument) -> None:
        super().__init__(doc, method_prefix=METHOD_PREFIX)
