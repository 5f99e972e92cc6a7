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


class RoundsBuilder:
    """Two PEEL rounds of one force, findings with areas, texts and statuses, built directly."""

    DOC = "document/0123456789ab"

    def __init__(self) -> None:
        from oversight.loaders.models import Evidence

        self.Evidence = Evidence
        self.g = OversightGraph()
        self.g.add_node(self.DOC, "Document", {"sha256": "0" * 64, "title": "Test paper"})
        self.line = 0
        for force in ("kent-police", "essex-police"):
            self.g.add_node(force, "Force", {"name": force}, self.ev())
        for key, date in (("kent-police/peel-2021-22", "2022-04-28"), ("kent-police/peel-2023-25", "2023-11-17"), ("essex-police/peel-2023-25", "2023-10-01")):
            self.g.add_node(key, "Inspection", {"published": date}, self.ev())
            self.g.add_edge(key, "INSPECTED", key.split("/")[0], {}, self.ev())

    def ev(self, quote: str = "words"):  # type: ignore[no-untyped-def]
        self.line += 1
        return self.Evidence(document=self.DOC, line=self.line, quote=quote)

    def finding(self, inspection: str, tail: str, text: str, area: str | None = None, kind: str = "AreaForImprovement") -> str:
        key = f"{inspection}/{tail}"
        self.g.add_node(key, kind, {"text": text}, self.ev(text))
        self.g.add_edge(inspection, "ISSUED", key, {}, self.ev())
        if area:
            self.g.add_node(f"area/{area}", "AssessmentArea", {"name": area}, self.ev())
            self.g.add_edge(key, "IN_AREA", f"area/{area}", {}, self.ev())
        return key

    def status(self, finding: str, date: str, status: str, rag: str | None = None) -> None:
        key = f"{finding}/status/{date}"
        props = {"date": date, "status": status}
        if rag:
            props["rag"] = rag
        self.g.add_node(key, "StatusAssessment", props, self.ev())
        self.g.add_edge(finding, "HAS_STATUS", key, {}, self.ev())

    def supersedes(self, later: str, earlier: str, basis: str, **props: object) -> None:
        self.g.add_edge(later, "SUPERSEDES", earlier, {"basis": basis, **props}, self.ev(f"{later} replaces {earlier}") if basis != "inferred" else None)

    def stated_count(
        self, inspection: str, outcome: str, count: int, of_total: int | None = None, area: str | None = None, quote: str = "words"
    ) -> str:
        key = f"{inspection}/count/{outcome}" + (f"-{area}" if area else "")
        props: dict[str, object] = {"outcome": outcome, "count": count}
        if of_total is not None:
            props["ofTotal"] = of_total
        self.g.add_node(key, "StatedCount", props, self.ev(quote))
        self.g.add_edge(inspection, "HAS_STATED_COUNT", key, {}, self.ev())
        if area:
            self.g.add_node(f"area/{area}", "AssessmentArea", {"name": area}, self.ev())
            self.g.add_edge(key, "IN_AREA", f"area/{area}", {}, self.ev())
        return key


    def derived(self) -> OversightGraph:
        """The graph with each finding's standing derived, as a build leaves it."""
        from oversight.graph.standing import derive_standings

        derive_standings(self.g)
        return self.g


def unstamped(tail: str) -> str:
    """A stated count's last key segment without the paper stamp (its date or undated-<sha8>)."""
    import re

    return re.sub(r"^(?:\d{4}(?:-\d{2}){0,2}|undated-[0-9a-f]{8})-", "", tail)


def stated_count(graph: OversightGraph, parent: str, tail: str) -> dict:  # type: ignore[type-arg]
    """The one stated count under ``parent`` whose unstamped segment is ``tail``."""
    [key] = [
        k for k in graph.keys("StatedCount") if k.startswith(parent + "/count/") and unstamped(k.rsplit("/", 1)[1]) == tail
    ]
    return graph.node(key)
