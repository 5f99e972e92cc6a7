"""Small graphs written for the tests (not seed text)."""

from __future__ import annotations

from oversight.graph.build import build_graph
from oversight.graph.model import OversightGraph
from oversight.loaders.models import EdgeFact, Extraction, NodeFact, Ref, TextDocument

PAPER = """Progress on PEEL 2021/22 of Kent Police
AFI 5: call takers should advise on preserving evidence
AFI 2 of PEEL 2023/25 replaces AFI 5
The FIDB is chaired by the DCC and oversees AFI 5"""


def small_document() -> TextDocument:
    return TextDocument.from_text(PAPER, path="small.txt")


def small_extraction() -> Extraction:
    doc = small_document()
    kent = Ref.named("Force", "Kent Police")
    old = Ref.of("Inspection", "PEEL 2021/22", within=kent)
    new = Ref.of("Inspection", "PEEL 2023/25", within=kent)
    afi5 = Ref.of("AreaForImprovement", "5", within=old)
    afi2 = Ref.of("AreaForImprovement", "2", within=new)
    fidb = Ref.named("Board", "FIDB", within=kent)
    facts = [
        NodeFact(ref=old, properties={"round": "2021/22", "kind": "peel"}, evidence=doc.evidence(1)),
        NodeFact(ref=afi5, properties={"number": 5, "text": "call takers should advise on preserving evidence"}, evidence=doc.evidence(2)),
        EdgeFact(type="ISSUED", source=old, target=afi5, evidence=doc.evidence(2)),
        EdgeFact(type="ISSUED", source=new, target=afi2, evidence=doc.evidence(3)),
        EdgeFact(type="SUPERSEDES", source=afi2, target=afi5, properties={"basis": "stated"}, evidence=doc.evidence(3)),
        EdgeFact(type="CHAIRED_BY", source=fidb, target=Ref.named("Post", "DCC", within=kent), evidence=doc.evidence(4)),
        EdgeFact(type="OVERSEEN_BY", source=afi5, target=fidb, evidence=doc.evidence(4)),
    ]
    return Extraction(document=doc.record(title="Progress on PEEL 2021/22", family="peel-progress", family_confidence=0.9), facts=facts)


def small_graph() -> OversightGraph:
    return build_graph([small_extraction()])
