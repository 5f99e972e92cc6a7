"""HMICFRS PEEL web pages of every round since 2014.

Layouts, one module each, on top of the statement layer (which reads the
grades as sentences and as a grade word on its own line, the questions with
their grades, the areas for improvement and "Last updated"):

- :mod:`.pillar_page`: the older pages (2014 to 2018/19): a force's landing
  page ("Gwent 2014", "Read more about …", "HMI's observations") or a
  pillar's page ("Cleveland PEEL 2018" / "Effectiveness" / "Last updated
  27/09/2019" / "Inadequate"); an area "assessed" with "a narrative rather
  than graded judgment" is ungraded;
- :mod:`.summary_page`: the newer rounds' "Overall summary" (2021/22,
  2023–25), whose grades are graphics: what the text does state, how many
  areas were graded of how many, the grades awarded none of, and when the
  judgments were made.

Both: the HM Inspector who signs the page holds the national post by the
gazetteer's label, however the page words it.

>>> from oversight.loaders.models import TextDocument
>>> doc = TextDocument.from_text(
...     "Skip to content\\n\\nGwent 2015\\n\\nRead more about Gwent\\n\\nThis is the second PEEL assessment.\\n\\n"
...     "The extent to which Gwent Police is effective at keeping people safe and reducing crime is good.\\n\\n"
...     "Jane Smith, Her Majesty\\u2019s Inspector of Constabulary\\n\\nHMI's observations")
>>> extractor = PeelWebExtractor()
>>> extractor.detect(doc)
0.9
>>> sorted(f.target.name for f in extractor.extract(doc).facts if f.kind == "edge" and f.type == "HOLDS")
['HM Inspector of Constabulary']
"""

from __future__ import annotations

from oversight.loaders.families.peel_web import pillar_page, summary_page
from oversight.loaders.models import EdgeFact, Extraction, Ref, TextDocument
from oversight.loaders.statements import read_statements
from oversight.loaders.statements.refine import Refinement
from oversight.ontology import R, ontology

__all__ = ["PeelWebExtractor"]


def national_posts(refined: Refinement) -> None:
    """Every post held that is a national post of the gazetteer, named by its preferred label."""
    out = []
    for fact in refined.facts:
        if isinstance(fact, EdgeFact) and fact.type == R.HOLDS and fact.target.name:
            entry = ontology().gazetteer.lookup(fact.target.name, "Post")
            if entry is not None and entry.scope == "national" and not fact.target.name.isupper():
                fact = fact.model_copy(update={"target": Ref.named("Post", entry.pref_label)})
        out.append(fact)
    refined.facts = out


class PeelWebExtractor:
    """The ``peel-web`` family (see the module docs)."""

    family = "peel-web"

    def detect(self, doc: TextDocument) -> float:
        return max(pillar_page.detect(doc), summary_page.detect(doc))

    def extract(self, doc: TextDocument) -> Extraction:
        statements = read_statements(doc)
        ctx = statements.context
        assert ctx is not None
        refined = Refinement(doc, statements.facts)
        national_posts(refined)
        pillar_page.refine(refined, ctx)
        summary_page.refine(refined, ctx)
        title = next((line.strip() for line in doc.lines if line.strip() and line.strip().lower() != "skip to content"), None)
        fields: dict[str, object] = {}
        if ctx.date is not None:
            fields = {"date": ctx.date, "date_basis": "stated", "date_line": ctx.date_line}
        return Extraction(document=doc.record(title=title[:200] if title else None, **fields), facts=refined.facts)
