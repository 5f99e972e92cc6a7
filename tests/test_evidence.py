"""The text a page carries for evidence in context (viz/evidence.py): the cited documents'
titles, dates and lines, as the store kept them, within a budget."""

from __future__ import annotations

from pathlib import Path

from oversight.graph.document_texts import write_text
from oversight.graph.model import OversightGraph
from oversight.viz.evidence import AROUND, cited_documents, texts_payload

A, B = "document/aaaaaaaaaaaa", "document/bbbbbbbbbbbb"
LINES = [f"line {n}" for n in range(1, 101)]


def stored(tmp_path: Path) -> OversightGraph:
    g = OversightGraph()
    g.add_node(A, "Document", {"sha256": "a" * 64, "title": "Paper A", "date": "2023-04-18", "path": "../a.txt"})
    g.add_node(B, "Document", {"sha256": "b" * 64, "path": "../papers/b.txt"})
    g.documents_root = tmp_path
    write_text(tmp_path, A, "a" * 64, LINES)
    write_text(tmp_path, B, "b" * 64, LINES)
    return g


def test_a_page_carries_each_cited_papers_title_date_and_lines(tmp_path: Path) -> None:
    assert texts_payload(stored(tmp_path), [A]) == {
        A: {"name": "Paper A (2023-04-18)", "title": "Paper A", "date": "2023-04-18", "lines": LINES}
    }


def test_a_paper_with_no_title_is_named_by_its_file(tmp_path: Path) -> None:
    assert texts_payload(stored(tmp_path), [B])[B]["title"] == "b.txt"


def test_a_paper_whose_text_the_store_did_not_keep_carries_no_lines(tmp_path: Path) -> None:
    g = stored(tmp_path)
    (tmp_path / "documents" / "aaaaaaaaaaaa.json").unlink()
    assert texts_payload(g, [A])[A]["lines"] is None


def test_past_the_budget_a_paper_carries_only_the_lines_around_its_cited_ones(tmp_path: Path) -> None:
    texts = texts_payload(stored(tmp_path), {A: {50}, B: {50}}, budget=sum(map(len, LINES)))
    kept = [n for n, text in enumerate(texts[B]["lines"], start=1) if text is not None]
    assert (texts[A]["lines"], texts[B].get("partial"), kept) == (LINES, True, list(range(50 - AROUND, 50 + AROUND + 1)))


def test_the_cited_documents_of_a_page_are_found_with_their_lines() -> None:
    data = {"rows": [{"source": {"document": A, "line": 3}}, {"from": [{"source": {"document": A, "line": 9, "endLine": 10}}]}]}
    assert cited_documents(data) == {A: {3, 9, 10}}
