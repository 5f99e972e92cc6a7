"""No view opens as a hairball, in headless Chromium: the whole graph starts folded by
inspection and expands on a click, a search or a key; labels say what a finding is and
are never cut; and each view's drawing is checked by its structure, not its pixels
(what is visible, the legend's entries, every node's box inside the canvas and clear of
every other).

Debian's Chromium is driven by Python playwright, as in tests/test_browser.py; each
view's screenshot is saved in the test's tmp dir and copied to /tmp/oversight-screens/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import require

from browser import (
    AFI19,
    CC,
    DCC,
    FIDB,
    KENT,
    P17,
    P21,
    P23,
    PANEL,
    PCC,
    PDB,
    Session,
    browser_missing,
    chromium,
    governance_graph,
)
from oversight.viz import make_view

pytestmark = pytest.mark.browser

AFI5 = f"{P21}/afi-05"
AFI7 = f"{P21}/afi-07"
AFI8 = f"{P21}/afi-08"
ACC = "kent-police/post/acc-crime"
PLAN = "kent-police/plan/peel-2023-25-improvement-plan"
FOLDED = sorted(["hmicfrs", KENT, FIDB, PDB, PANEL, CC, DCC, PCC, f"group:{P17}", f"group:{P21}", f"group:{P23}"])

#: Page name -> (view, key, options).
PAGES: dict[str, tuple[str, str | None, dict[str, Any]]] = {
    "graph": ("graph", None, {}),
    "boards": ("boards", None, {}),
    "node": ("node", AFI5, {"depth": 2}),
    "lineage": ("lineage", AFI5, {}),
    "inspection": ("inspection", P21, {}),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("readable")
    graph = governance_graph()
    return {name: make_view(graph, view, key, **options).write(folder / f"{name}.html") for name, (view, key, options) in PAGES.items()}


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    missing = browser_missing()
    require(missing is None, missing or "")
    with chromium(tmp_path_factory.mktemp("profile")) as opened:
        yield opened


def visible(session: Session) -> dict[str, Any]:
    return session.page.evaluate("window.ovVisible()")  # type: ignore[no-any-return]


def structure(session: Session) -> dict[str, Any]:
    """What a screenshot shows, as structure: visible nodes and links, the legend's entries,
    the nodes whose box (shape and label) leaves the canvas, and the pairs whose boxes overlap."""
    shown = visible(session)
    canvas = shown["canvas"]
    boxes = shown["boxes"]
    return {
        "nodes": len(shown["nodes"]),
        "edges": shown["edges"],
        "legend": session.page.evaluate("Array.from(document.querySelectorAll('.ov-legend-item span')).map((s) => s.textContent)"),
        "clipped": [
            b["id"]
            for b in boxes
            if b["left"] < canvas["left"] or b["right"] > canvas["right"] or b["top"] < canvas["top"] or b["bottom"] > canvas["bottom"]
        ],
        "overlapping": [
            (a["id"], b["id"])
            for i, a in enumerate(boxes)
            for b in boxes[i + 1 :]
            if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
        ],
    }


def test_the_whole_graph_opens_folded_by_inspection(session: Session, files: dict[str, Path]) -> None:
    session.open(files["graph"])
    buttons = session.page.evaluate(
        "Array.from(document.querySelectorAll('.ov-group')).map((b) => [b.textContent, b.getAttribute('aria-expanded')])"
    )
    assert (sorted(visible(session)["nodes"]), buttons) == (
        FOLDED,
        [
            ["PEEL 2017 · 1 finding", "false"],
            ["PEEL 2021/22 · 4 findings, 1 improvement plan, 1 post", "false"],
            ["PEEL 2023/25 · 2 findings", "false"],
        ],
    )


def test_clicking_a_folded_inspection_expands_it_with_its_findings(session: Session, files: dict[str, Path]) -> None:
    session.open(files["graph"])
    point = session.node_point(f"group:{P21}")
    session.page.mouse.click(point["x"], point["y"])
    expanded = session.page.get_attribute(f".ov-group[data-group='group:{P21}']", "aria-expanded")
    details = session.page.inner_text("#ov-details-body h4")
    assert (sorted(visible(session)["nodes"]), expanded, details) == (
        sorted([*(k for k in FOLDED if k != f"group:{P21}"), P21, AFI5, AFI7, AFI8, AFI19, PLAN, ACC]),
        "true",
        "PEEL 2021/22",
    )


def test_the_panel_button_folds_an_expanded_inspection_again(session: Session, files: dict[str, Path]) -> None:
    session.open(files["graph"])
    button = f".ov-group[data-group='group:{P23}']"
    session.page.click(button)
    opened = sorted(visible(session)["nodes"])
    session.page.click(button)
    assert (opened, sorted(visible(session)["nodes"])) == (
        sorted([*(k for k in FOLDED if k != f"group:{P23}"), P23, f"{P23}/afi-02", f"{P23}/afi-04"]),
        FOLDED,
    )


def test_searching_for_a_folded_finding_expands_its_inspection_and_selects_it(session: Session, files: dict[str, Path]) -> None:
    session.open(files["graph"])
    session.page.fill("#ov-search", "AFI 7")
    session.page.wait_for_function("(key) => window.ovSelected === key", arg=AFI7)
    assert (f"group:{P21}" in visible(session)["nodes"], AFI7 in visible(session)["nodes"]) == (False, True)


def test_unticking_a_rating_hides_a_finding_of_a_folded_inspection_once_expanded(session: Session, files: dict[str, Path]) -> None:
    session.open(files["graph"])
    session.page.uncheck("#ov-filters input[data-facet='rag'][value='red']")
    session.page.click(f".ov-group[data-group='group:{P21}']")
    shown = visible(session)["nodes"]
    assert (AFI8 in shown, AFI5 in shown) == (False, True)


def test_arrow_keys_choose_a_match_enter_shows_it_and_escape_clears(session: Session, files: dict[str, Path]) -> None:
    session.open(files["boards"])
    session.page.focus("#ov-search")
    session.page.keyboard.type("Chief")
    session.page.wait_for_selector("#ov-results button")
    matches = session.page.evaluate("Array.from(document.querySelectorAll('#ov-results button')).map((b) => b.dataset.key)")
    session.page.keyboard.press("ArrowDown")
    session.page.keyboard.press("Enter")
    chosen = session.page.evaluate("window.ovSelected")
    session.page.keyboard.press("Escape")
    assert (matches, chosen, session.page.evaluate("window.ovSelected"), session.page.input_value("#ov-search")) == (
        [CC, DCC],
        DCC,
        None,
        "",
    )


def test_enter_on_a_group_s_button_expands_it(session: Session, files: dict[str, Path]) -> None:
    session.open(files["graph"])
    session.page.focus(f".ov-group[data-group='group:{P23}']")
    session.page.keyboard.press("Enter")
    assert (
        session.page.get_attribute(f".ov-group[data-group='group:{P23}']", "aria-expanded"),
        f"{P23}/afi-02" in visible(session)["nodes"],
    ) == ("true", True)


def test_a_finding_s_label_says_its_kind_number_area_and_inspection(session: Session, files: dict[str, Path]) -> None:
    session.open(files["node"])
    labels = session.page.evaluate("(ids) => ids.map((id) => window.ovNodes.get(id).label)", [AFI5, f"{P23}/afi-02"])
    assert labels == ["AFI 5 · PEEL 2021/22", "AFI 2 · PEEL 2023/25"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("graph", {"nodes": 11, "edges": 14}),
        ("boards", {"nodes": 11, "edges": 12}),
        ("node", {"nodes": 15, "edges": 21}),
        ("lineage", {"nodes": 3, "edges": 2}),
        ("inspection", {"nodes": 11, "edges": 10}),
    ],
)
def test_a_view_s_screenshot_has_no_label_cut_or_covered(
    session: Session, files: dict[str, Path], tmp_path: Path, name: str, expected: dict[str, int]
) -> None:
    session.open(files[name])
    session.screenshot(tmp_path / f"readable-{name}.png")
    view = make_view(governance_graph(), PAGES[name][0], PAGES[name][1], **PAGES[name][2])
    legend = [item["label"] for section in view.legend for item in section["items"]]
    assert structure(session) == {**expected, "legend": legend, "clipped": [], "overlapping": []}


def test_the_boards_view_runs_from_findings_through_boards_and_chairs_to_the_pcc_and_the_panel(
    session: Session, files: dict[str, Path]
) -> None:
    session.open(files["boards"])
    xs = session.page.evaluate(
        "(ids) => ids.map((id) => Math.round(window.ovNetwork.getPositions([id])[id].x))", [AFI5, FIDB, DCC, CC, PCC, PANEL]
    )
    assert xs == sorted(xs) and len(set(xs)) == 6
