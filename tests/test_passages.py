"""Uncited passages of a later paper, by area: read again only while the file is the one ingested."""

from __future__ import annotations

import hashlib
from pathlib import Path

from oversight.graph.model import OversightGraph
from oversight.graph.passages import PassageIndex, document_lines
from oversight.loaders.models import Evidence

PAPER = """Responding to the public - 2 AFIs
The force answers emergency calls within ten seconds in most cases, as the report found.
Advice to callers on preserving evidence and on crime prevention has improved and will be evaluated.
Short line.
Investigating crime - 1 AFI
Investigations are allocated in a timely manner and supervised by trained sergeants daily.
Further details of the inspection are on the inspectorate's website.
Other business of the committee, outside any inspection, discussed at length by the members.
"""
DOC = "document/0123456789ab"
P23 = "kent-police/peel-2023-25"


def paper_graph(tmp_path: Path, text: str = PAPER, written: str | None = None) -> OversightGraph:
    """A later inspection with findings in two areas; the paper cites the headings, line 2 and line 7."""
    path = tmp_path / "paper.txt"
    path.write_text(written if written is not None else text, encoding="utf-8")
    g = OversightGraph()
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    g.add_node(DOC, "Document", {"sha256": sha, "path": str(path)})
    lines = text.splitlines()

    def ev(line: int) -> Evidence:
        return Evidence(document=DOC, line=line, quote=lines[line - 1])

    g.add_node(P23, "Inspection", {"published": "2023-11-17"}, ev(1))
    for line, tail, area in ((1, "afi/responding-01", "responding"), (2, "afi/responding-02", "responding"), (5, "afi/investigating-01", "investigating")):
        g.add_node(f"area/{area}", "AssessmentArea", {"name": area}, ev(line))
        g.add_node(f"{P23}/{tail}", "AreaForImprovement", {}, ev(line))
        g.add_edge(P23, "ISSUED", f"{P23}/{tail}", {}, ev(line))
        g.add_edge(f"{P23}/{tail}", "IN_AREA", f"area/{area}", {}, ev(line))
    g.add_node(P23, "Inspection", {}, ev(7))
    return g


def test_the_uncited_lines_of_each_area_s_section_are_its_passages(tmp_path: Path) -> None:
    passages = PassageIndex(paper_graph(tmp_path)).of(P23)
    assert [(p.line, p.area) for p in passages] == [(3, "area/responding"), (6, "area/investigating")]


def test_lines_after_the_last_line_citing_the_inspection_are_not_passages(tmp_path: Path) -> None:
    passages = PassageIndex(paper_graph(tmp_path)).of(P23)
    assert [p.line for p in passages if p.line > 7] == []


def test_a_paper_changed_since_it_was_ingested_gives_no_lines(tmp_path: Path) -> None:
    g = paper_graph(tmp_path, written=PAPER.replace("improved", "got better"))
    assert document_lines(g, DOC) is None


def test_a_paper_no_longer_at_its_path_gives_no_passages(tmp_path: Path) -> None:
    g = paper_graph(tmp_path)
    (tmp_path / "paper.txt").unlink()
    assert PassageIndex(g).of(P23) == []
