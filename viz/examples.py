"""A tiny graph for the docstring examples of the views (written for them, not seed text).

Two PEEL rounds of one force: AFI 2 of 2023/25 supersedes AFI 5 of 2021/22 (stated
on line 3 of the example paper), and the FIDB, chaired by the DCC, oversees AFI 5.

>>> g = example_graph()
>>> len(g), g.out("kent-police/peel-2023-25/afi-02", "SUPERSEDES")
(7, ['kent-police/peel-2021-22/afi-05'])
"""

from __future__ import annotations

from oversight.graph.model import OversightGraph
from oversight.graph.standing import derive_standings
from oversight.loaders.models import Evidence
from oversight.ontology import L, R

__all__ = ["example_graph"]

OLD = "kent-police/peel-2021-22"
NEW = "kent-police/peel-2023-25"
FIDB = "kent-police/board/future-improvement-and-development-board"
DCC = "kent-police/post/deputy-chief-constable"


def example_graph() -> OversightGraph:
    """Seven nodes, each citing a line of one example paper."""
    g = OversightGraph()
    doc = "document/0123456789ab"
    g.add_node(doc, L.Document, {"sha256": "0123456789ab" * 5 + "0123", "title": "Example progress paper"})

    def line(n: int, quote: str) -> Evidence:
        return Evidence(document=doc, line=n, quote=quote)

    g.add_node(OLD, L.Inspection, {"round": "2021/22", "kind": "peel"}, line(1, "PEEL 2021/22"))
    g.add_node(NEW, L.Inspection, {"round": "2023/25", "kind": "peel"}, line(3, "PEEL 2023/25"))
    g.add_node(f"{OLD}/afi-05", L.AreaForImprovement, {"number": 5, "text": "Advise callers on preserving evidence."}, line(2, "AFI 5"))
    g.add_node(f"{NEW}/afi-02", L.AreaForImprovement, {"number": 2}, line(3, "AFI 2"))
    g.add_edge(OLD, R.ISSUED, f"{OLD}/afi-05", evidence=line(2, "AFI 5"))
    g.add_edge(NEW, R.ISSUED, f"{NEW}/afi-02", evidence=line(3, "AFI 2"))
    g.add_edge(f"{NEW}/afi-02", R.SUPERSEDES, f"{OLD}/afi-05", {"basis": "stated"}, line(3, "AFI 2 replaces AFI 5"))
    g.add_node(FIDB, L.Board, {"name": "Future Improvement and Development Board"}, line(4, "FIDB"))
    g.add_node(DCC, L.Post, {"name": "Deputy Chief Constable"}, line(4, "DCC"))
    g.add_edge(FIDB, R.CHAIRED_BY, DCC, evidence=line(4, "chaired by the DCC"))
    g.add_edge(f"{OLD}/afi-05", R.OVERSEEN_BY, FIDB, evidence=line(4, "oversees AFI 5"))
    derive_standings(g)
    return g
