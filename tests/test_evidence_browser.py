"""Evidence in context, in headless Chromium: clicking a fact in the tracker or a view shows
the paper's own passage (title and date, the paragraph around the cited lines with those
lines highlighted, a link to the whole text), and deduced or inferred facts show what they
rest on, the same way; document text is shown as text, never run.

The test graph (tests/browser.py) gets its papers' texts as a store keeps them
(:mod:`oversight.graph.document_texts`); Debian's Chromium is driven by Python
playwright, as in tests/test_browser.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import require

from browser import (
    AFI19,
    EVIL,
    HOSTILE,
    P21,
    P23,
    PAPER,
    Session,
    browser_missing,
    chromium,
    governance_graph,
)
from oversight.graph.document_texts import write_text
from oversight.graph.model import OversightGraph
from oversight.graph.standing import derive_standings
from oversight.loaders.models import Evidence
from oversight.viz import make_view
from oversight.viz.tracker import write_tracker

pytestmark = pytest.mark.browser

AFI5 = f"{P21}/afi-05"
AFI8 = f"{P21}/afi-08"
#: The progress paper: 30 lines, blank at 9 and 14, so line 11's paragraph is lines 10-13.
PAPER_LINES = ["" if n in (9, 14) else f"Progress paper line {n}: AFI {n} is reported here." for n in range(1, 31)]
EVIL_LINES = [HOSTILE, "<b>bold</b> & </script><script>window.__pwned=1</script>"]


def with_texts(graph: OversightGraph, folder: Path) -> OversightGraph:
    """The graph as a store holds it: its papers' texts kept in ``folder``, the paper dated."""
    graph.documents_root = folder
    write_text(folder, PAPER, "a" * 64, PAPER_LINES)
    write_text(folder, EVIL, "b" * 64, EVIL_LINES)
    graph.set_props(PAPER, {"date": "2023-04-18"})
    return graph


def counted_graph(folder: Path) -> OversightGraph:
    """Two AFIs whose outcome is deduced from a stated count ("both AFIs closed", line 3)."""
    g = OversightGraph()
    document = "document/cccccccccccc"
    g.add_node(document, "Document", {"sha256": "c" * 64, "title": "Committee paper", "date": "2024-01-31"})
    lines = ["Committee paper", "", "Both AFIs of the 2021 inspection have been closed.", "", "Next item."]

    def ev(line: int) -> Evidence:
        return Evidence(document=document, line=line, quote=lines[line - 1])

    g.add_node("k/i", "Inspection", {"title": "Inspection 2021", "published": "2021-05-01"}, ev(1))
    for n in (1, 2):
        g.add_node(f"k/i/afi-0{n}", "AreaForImprovement", {"number": n, "text": f"Improve thing {n}."}, ev(1))
        g.add_edge("k/i", "ISSUED", f"k/i/afi-0{n}", evidence=ev(1))
    g.add_node("k/i/count/closed", "StatedCount", {"outcome": "closed", "count": 2, "ofTotal": 2}, ev(3))
    g.add_edge("k/i", "HAS_STATED_COUNT", "k/i/count/closed", evidence=ev(3))
    derive_standings(g)
    g.documents_root = folder
    write_text(folder, document, "c" * 64, lines)
    return g


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("evidence")
    graph = with_texts(governance_graph(), folder / "store")
    return {
        "tracker": write_tracker(graph, folder / "tracker.html", "2024-01-31"),
        "counted": write_tracker(counted_graph(folder / "counted"), folder / "counted.html", "2024-01-31"),
        "node": make_view(graph, "node", AFI5).write(folder / "node.html"),
        "lineage": make_view(graph, "lineage", AFI8).write(folder / "lineage.html"),
    }


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    missing = browser_missing()
    require(missing is None, missing or "")
    with chromium(tmp_path_factory.mktemp("profile")) as opened:
        yield opened


def open_tracker(session: Session, path: Path) -> None:
    session.console.clear()
    session.errors.clear()
    session.page.goto(path.resolve().as_uri())
    session.page.wait_for_function("window.trReady === true")


PASSAGE = """(selector) => Array.from(document.querySelectorAll(selector)).map((p) => ({
    title: p.querySelector('.ev-title').textContent,
    date: p.querySelector('.ev-date').textContent,
    lines: Array.from(p.querySelectorAll('.ev-line')).map((l) => Number(l.dataset.line)),
    cited: Array.from(p.querySelectorAll('.ev-cited')).map((l) => Number(l.dataset.line)),
}))"""


def passages(session: Session, selector: str = "#tr-details-body .ev-passage") -> list[dict[str, Any]]:
    return session.page.evaluate(PASSAGE, selector)  # type: ignore[no-any-return]


def test_clicking_a_status_shows_the_paragraph_around_its_line_with_the_line_highlighted(
    session: Session, pages: dict[str, Path], tmp_path: Path
) -> None:
    open_tracker(session, pages["tracker"])
    session.page.click(f"tr[data-key='{AFI5}'] button[data-fact='status']")
    session.screenshot(tmp_path / "tracker-passage.png")
    assert passages(session)[0] == {
        "title": "PCC progress paper, April 2023",
        "date": "2023-04-18",
        "lines": [10, 11, 12, 13],
        "cited": [11],
    }


def test_a_passage_shows_the_papers_own_words(session: Session, pages: dict[str, Path]) -> None:
    open_tracker(session, pages["tracker"])
    session.page.click(f"tr[data-key='{AFI5}'] button[data-fact='status']")
    cited = session.page.inner_text("#tr-details-body .ev-passage .ev-cited .ev-t")
    assert cited == PAPER_LINES[10]


def test_the_link_opens_the_whole_paper_at_the_cited_line_and_escape_closes_it(
    session: Session, pages: dict[str, Path], tmp_path: Path
) -> None:
    open_tracker(session, pages["tracker"])
    session.page.click(f"tr[data-key='{AFI5}'] button[data-fact='status']")
    link = session.page.locator("#tr-details-body .ev-passage .ev-open").first
    link_text = link.inner_text()
    link.click()
    session.page.wait_for_selector("#ev-reader")
    session.screenshot(tmp_path / "tracker-reader.png")
    opened = session.page.evaluate(
        """() => {
            const reader = document.getElementById('ev-reader');
            const cited = reader.querySelector('.ev-cited');
            const box = cited.getBoundingClientRect();
            const frame = reader.querySelector('.ev-reader-lines').getBoundingClientRect();
            return {
                title: reader.querySelector('h2').textContent,
                lines: reader.querySelectorAll('.ev-line').length,
                cited: Array.from(reader.querySelectorAll('.ev-cited')).map((l) => Number(l.dataset.line)),
                inView: box.top >= frame.top && box.bottom <= frame.bottom,
                focused: document.activeElement.className,
            };
        }"""
    )
    session.page.keyboard.press("Escape")
    after = session.page.evaluate("[document.getElementById('ev-reader'), document.activeElement.className]")
    assert (link_text, opened, after, session.problems()) == (
        "Whole paper, at line 11",
        {"title": "PCC progress paper, April 2023", "lines": 30, "cited": [11], "inView": True, "focused": "ev-close"},
        [None, "ev-open"],
        [],
    )


def test_a_deduced_outcome_shows_the_stated_count_it_was_deduced_from(session: Session, pages: dict[str, Path]) -> None:
    open_tracker(session, pages["counted"])
    session.page.click("tr[data-key='k/i/afi-01'] button[data-fact='outcome']")
    heading = session.page.inner_text("#tr-details-body .tr-grounds-heading")
    ground = session.page.inner_text("#tr-details-body .tr-ground .tr-ground-label")
    assert (heading, ground, passages(session)[0]) == (
        "Deduced from",
        "2 of 2 closed",
        {"title": "Committee paper", "date": "2024-01-31", "lines": [1, 2, 3, 4, 5], "cited": [3]},
    )


def test_an_inferred_supersession_shows_the_two_findings_it_was_inferred_from(session: Session, pages: dict[str, Path]) -> None:
    open_tracker(session, pages["tracker"])
    session.page.click(f"tr[data-key='{AFI8}'] td[data-col='supersededBy'] button.tr-basis")
    labels = session.page.evaluate(
        "Array.from(document.querySelectorAll('#tr-details-body .tr-ground .tr-ground-label')).map((e) => e.textContent)"
    )
    cited = [p["cited"] for p in passages(session, "#tr-details-body .tr-ground .ev-passage")]
    assert (labels, cited) == (["AFI 8 · PEEL 2021/22", "AFI 4 · PEEL 2023/25"], [[8], [10]])


def test_hostile_text_in_a_passage_shows_as_text_and_never_runs(session: Session, pages: dict[str, Path]) -> None:
    open_tracker(session, pages["tracker"])
    session.page.click(f"tr[data-key='{AFI19}'] button[data-fact='outcome']")
    cited = session.page.evaluate(
        "Array.from(document.querySelectorAll('#tr-details-body .ev-passage .ev-cited .ev-t')).map((e) => e.textContent)"
    )
    session.page.click(f"#tr-details-body .ev-passage[data-document='{EVIL}'] .ev-open")
    whole = session.page.evaluate("Array.from(document.querySelectorAll('#ev-reader .ev-t')).map((e) => e.textContent)")
    assert (
        HOSTILE in cited,
        whole,
        session.page.evaluate("typeof window.__pwned"),
        session.page.evaluate("document.querySelectorAll('img, b').length"),
        session.problems(),
    ) == (True, EVIL_LINES, "undefined", 0, [])


def test_a_view_s_details_show_the_passage_of_the_node_s_source(session: Session, pages: dict[str, Path]) -> None:
    session.open(pages["node"])
    session.page.evaluate("(key) => window.ovSelect(key)", AFI5)
    assert passages(session, "#ov-details-body .ev-passage")[0] == {
        "title": "PCC progress paper, April 2023",
        "date": "2023-04-18",
        "lines": [1, 2, 3, 4, 5, 6, 7, 8],
        "cited": [6],
    }


def test_a_view_s_finding_lists_its_folded_status_history_with_sources(session: Session, pages: dict[str, Path]) -> None:
    session.open(pages["node"])
    session.page.evaluate("(key) => window.ovSelect(key)", AFI5)
    history = session.page.evaluate(
        """() => Array.from(document.querySelectorAll('#ov-details-body .ov-grouped > li')).map((li) => [
            li.querySelector('.ov-ground').textContent, li.querySelector('.ov-cite').textContent])"""
    )
    assert history[-1] == ["2023-04-18: in-progress amber", "PCC progress paper, April 2023, line 11"]


def test_an_inferred_link_in_a_view_shows_the_wordings_it_was_inferred_from(session: Session, pages: dict[str, Path]) -> None:
    session.open(pages["lineage"])
    edge = session.page.evaluate(
        "(ids) => window.ovEdges.get().find((e) => e.from === ids[0] && e.to === ids[1]).id", [f"{P23}/afi-04", AFI8]
    )
    session.page.evaluate("(id) => window.ovNetwork.emit('click', {nodes: [], edges: [id], pointer: {DOM: {x: 0, y: 0}}})", edge)
    grounds = session.page.evaluate(
        """() => [document.querySelector('#ov-details-body .ov-grounds').textContent,
                  Array.from(document.querySelectorAll('#ov-details-body .ov-ground')).map((e) => e.textContent)]"""
    )
    assert grounds == ["Inferred from the wording of", ["AFI 4 · PEEL 2023/25", "AFI 8 · PEEL 2021/22"]]


def test_clicking_a_finding_s_text_shows_the_passage_that_states_it(session: Session, pages: dict[str, Path]) -> None:
    open_tracker(session, pages["tracker"])
    session.page.click(f"tr[data-key='{AFI5}'] button[data-fact='text']")
    assert passages(session)[0]["cited"] == [6]


def test_enter_on_a_focused_fact_opens_its_evidence(session: Session, pages: dict[str, Path]) -> None:
    open_tracker(session, pages["tracker"])
    session.page.focus(f"tr[data-key='{AFI5}'] button[data-fact='status']")
    session.page.keyboard.press("Enter")
    assert (session.page.inner_text("#tr-details-body h3"), passages(session)[0]["cited"]) == ("AFI 5 · PEEL 2021/22", [11])
