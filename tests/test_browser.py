"""The views in headless Chromium: they open offline with no error, search, filter and
light up neighbours, and show document text as text without ever running it.

Debian's Chromium (``/usr/bin/chromium``) is driven by Python playwright; the
tests are skipped with the reason when either is missing, and fail under CI.
Each view's screenshot is saved in the test's tmp dir and copied to
/tmp/oversight-screens/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import require

from browser import (
    AFI19,
    DCC,
    FIDB,
    HOSTILE,
    HOSTILE_TITLE,
    P17,
    P21,
    PANEL,
    Session,
    browser_missing,
    chromium,
    governance_graph,
)
from oversight.viz import make_view

pytestmark = pytest.mark.browser

AFI5 = f"{P21}/afi-05"
AFI8 = f"{P21}/afi-08"

#: Page name -> (view, key, options, a label to search for, the key it names).
PAGES = {
    "graph": ("graph", None, {}, "Police and Crime Panel", PANEL),
    "node": ("node", AFI5, {"depth": 1}, "Deputy Chief Constable", DCC),
    "lineage": ("lineage", AFI5, {}, "AFI 3 · PEEL 2017", f"{P17}/afi-03"),
    "lineage-inferred": ("lineage", AFI8, {}, "AFI 8 · PEEL 2021/22", AFI8),
    "boards": ("boards", None, {}, "Future Improvement and Development Board", FIDB),
    "inspection": ("inspection", P21, {}, "AFI 19 · PEEL 2021/22", AFI19),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("views")
    graph = governance_graph()
    out = {}
    for name, (view, key, options, _, _) in PAGES.items():
        out[name] = make_view(graph, view, key, **options).write(folder / f"{name}.html")
    return out


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    missing = browser_missing()
    require(missing is None, missing or "")
    with chromium(tmp_path_factory.mktemp("profile")) as opened:
        yield opened


def js(session: Session, expression: str, arg: object = None) -> object:
    return session.page.evaluate(expression, arg)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_view_opens_with_no_error_and_no_request_but_itself(
    session: Session, files: dict[str, Path], name: str, tmp_path: Path
) -> None:
    session.open(files[name])
    session.screenshot(tmp_path / f"{name}.png")
    visible = {s: session.page.is_visible(s) for s in ("#ov-legend", "#ov-search", "#ov-filters", "#ov-network canvas")}
    drawn = js(session, "window.ovNodes.length")
    assert (session.problems(), session.requests, visible, drawn) == (
        [],
        [files[name].resolve().as_uri()],
        {"#ov-legend": True, "#ov-search": True, "#ov-filters": True, "#ov-network canvas": True},
        len(make_view(governance_graph(), *PAGES[name][:2], **PAGES[name][2]).nodes),
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_typing_a_name_selects_and_focuses_its_node(session: Session, files: dict[str, Path], name: str) -> None:
    _, _, _, label, key = PAGES[name]
    session.open(files[name])
    session.page.fill("#ov-search", label)
    session.page.wait_for_function("(key) => window.ovNetwork.getSelectedNodes()[0] === key", arg=key)
    session.page.wait_for_timeout(700)  # the focus animation
    point = session.node_point(key)
    box = session.page.locator("#ov-network").bounding_box()
    assert box is not None
    centred = abs(point["x"] - (box["x"] + box["width"] / 2)) < 40 and abs(point["y"] - (box["y"] + box["height"] / 2)) < 40
    details = session.page.inner_text("#ov-details-body").splitlines()[0]
    assert (js(session, "window.ovNetwork.getSelectedNodes()"), centred, details, session.problems()) == (
        [key],
        True,
        label,
        [],
    )


@pytest.mark.parametrize("name", ["graph", "inspection"])
def test_hostile_document_text_shows_as_text_and_never_runs(
    session: Session, files: dict[str, Path], name: str, tmp_path: Path
) -> None:
    session.open(files[name])
    js(session, "(id) => window.ovExpand(id)", f"group:{P21}")  # the graph view starts folded by inspection
    point = session.node_point(AFI19)
    session.page.mouse.move(point["x"] + 40, point["y"] + 40)
    session.page.mouse.move(point["x"], point["y"], steps=4)
    session.page.wait_for_selector("#ov-tooltip:not([hidden])")
    tooltip = session.page.inner_text("#ov-tooltip")
    session.screenshot(tmp_path / f"{name}-hostile-tooltip.png")
    session.page.mouse.click(point["x"], point["y"])
    session.page.wait_for_function("(key) => window.ovSelected === key", arg=AFI19)
    details = session.page.inner_text("#ov-details-body")
    assert (
        HOSTILE in tooltip,
        HOSTILE_TITLE in tooltip,
        "\u201c<script>window.__pwned=1</script>\u201d" in details,
        js(session, "typeof window.__pwned"),
        js(session, "document.querySelectorAll('img').length"),
        js(session, "document.scripts.length"),
        session.problems(),
    ) == (True, True, True, "undefined", 0, 3, [])


def test_unticking_a_class_hides_its_nodes_and_their_links(session: Session, files: dict[str, Path]) -> None:
    session.open(files["graph"])
    session.page.uncheck("#ov-filters input[data-facet='cls'][value='Board']")
    hidden = js(session, "window.ovNodes.get({filter: (n) => n.hidden === true}).map((n) => n.id).sort()")
    hidden_links = js(session, "window.ovEdges.get({filter: (e) => e.hidden === true}).length")
    session.page.click("#ov-reset")
    after = js(session, "window.ovNodes.get({filter: (n) => n.hidden === true}).length")
    boards = set(governance_graph().keys("Board"))
    view = make_view(governance_graph(), "graph")
    assert (hidden, hidden_links, after) == (
        sorted(boards),
        sum(1 for e in view.edges if e["from"] in boards or e["to"] in boards),
        0,
    )


def test_unticking_a_rag_rating_hides_those_findings(session: Session, files: dict[str, Path]) -> None:
    session.open(files["graph"])
    session.page.uncheck("#ov-filters input[data-facet='rag'][value='red']")
    hidden = js(session, "window.ovNodes.get({filter: (n) => n.hidden === true}).map((n) => n.id)")
    assert hidden == [AFI8]


def test_clicking_a_node_lights_up_its_neighbours(session: Session, files: dict[str, Path], tmp_path: Path) -> None:
    session.open(files["boards"])
    point = session.node_point(FIDB)
    session.page.mouse.click(point["x"], point["y"])
    session.page.wait_for_function("(key) => window.ovSelected === key", arg=FIDB)
    opacity = js(session, "Object.fromEntries(window.ovNodes.get().map((n) => [n.id, n.opacity]))")
    assert isinstance(opacity, dict)
    session.screenshot(tmp_path / "boards-clicked.png")
    lit = sorted(k for k, v in opacity.items() if v is None or v == 1)
    assert lit == sorted([FIDB, AFI5, f"{P21}/afi-07", AFI8, AFI19, DCC, "kent-police/board/performance-and-delivery-board"])


def test_clicking_empty_space_clears_the_selection(session: Session, files: dict[str, Path]) -> None:
    session.open(files["boards"])
    point = session.node_point(FIDB)
    session.page.mouse.click(point["x"], point["y"])
    session.page.wait_for_function("(key) => window.ovSelected === key", arg=FIDB)
    box = session.page.locator("#ov-network").bounding_box()
    assert box is not None
    session.page.mouse.click(box["x"] + 5, box["y"] + 5)
    dimmed = js(session, "window.ovNodes.get({filter: (n) => n.opacity !== undefined && n.opacity < 1}).length")
    assert (js(session, "window.ovNetwork.getSelectedNodes()"), dimmed) == ([], 0)
