"""The tracker in headless Chromium: it opens offline with no error, searches, filters,
sorts and groups, opens a finding from its permalink, shows a fact's evidence, and
shows hostile document text as text without ever running it.

Debian's Chromium (``/usr/bin/chromium``) is driven by Python playwright, as in
tests/test_browser.py; skipped with the reason when either is missing, failed under CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import require

from browser import (
    AFI19,
    HOSTILE,
    P17,
    P21,
    P23,
    Session,
    browser_missing,
    chromium,
    governance_graph,
)
from oversight.viz.tracker import write_tracker

pytestmark = pytest.mark.browser

AFI5 = f"{P21}/afi-05"
AFI8 = f"{P21}/afi-08"
ALL = [f"{P17}/afi-03", AFI5, f"{P21}/afi-07", AFI8, AFI19, f"{P23}/afi-02", f"{P23}/afi-04"]


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tracker(governance_graph(), tmp_path_factory.mktemp("tracker") / "tracker.html", "2024-01-31")


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    missing = browser_missing()
    require(missing is None, missing or "")
    with chromium(tmp_path_factory.mktemp("profile")) as opened:
        yield opened


def open_tracker(session: Session, path: Path, fragment: str = "") -> None:
    session.console.clear()
    session.errors.clear()
    session.requests.clear()
    session.page.goto(path.resolve().as_uri() + fragment)
    session.page.wait_for_function("window.trReady === true")


def shown(session: Session) -> list[str]:
    return session.page.evaluate("Array.from(document.querySelectorAll('#tr-body tr.tr-row')).map((tr) => tr.dataset.key)")  # type: ignore[no-any-return]


def test_the_tracker_opens_with_every_finding_no_error_and_no_request_but_itself(
    session: Session, page_file: Path, tmp_path: Path
) -> None:
    open_tracker(session, page_file)
    session.screenshot(tmp_path / "tracker.png")
    assert (shown(session), session.page.inner_text("#tr-shown"), session.problems(), session.requests) == (
        ALL,
        "Showing 7 of 7 findings",
        [],
        [page_file.resolve().as_uri()],
    )


def test_searching_keeps_the_findings_with_every_word(session: Session, page_file: Path) -> None:
    open_tracker(session, page_file)
    session.page.fill("#tr-search", "evidence callers")
    assert shown(session) == [AFI5, f"{P23}/afi-02"]


def test_filtering_a_column_by_a_value_keeps_only_those_findings(session: Session, page_file: Path) -> None:
    open_tracker(session, page_file)
    session.page.select_option("select.tr-filter[data-col='outcome']", "open")
    assert shown(session) == [AFI8, f"{P23}/afi-02"]


def test_filtering_a_text_column_matches_part_of_it(session: Session, page_file: Path) -> None:
    open_tracker(session, page_file)
    session.page.fill("input.tr-filter[data-col='text']", "RESOURCE")
    assert shown(session) == [AFI8, f"{P23}/afi-04"]


def test_sorting_by_a_column_twice_reverses_it(session: Session, page_file: Path) -> None:
    open_tracker(session, page_file)
    session.page.click(".tr-sort[data-col='outcome']")
    ascending = shown(session)
    session.page.click(".tr-sort[data-col='outcome']")
    assert (ascending, shown(session)[:2]) == (
        [AFI19, f"{P21}/afi-07", AFI8, f"{P23}/afi-02", f"{P17}/afi-03", AFI5, f"{P23}/afi-04"],
        [f"{P23}/afi-04", f"{P17}/afi-03"],
    )


def test_grouping_by_board_puts_each_finding_under_its_boards(session: Session, page_file: Path) -> None:
    open_tracker(session, page_file)
    session.page.select_option("#tr-group", "board")
    groups = session.page.evaluate("Array.from(document.querySelectorAll('tr.tr-group')).map((tr) => tr.dataset.group)")
    assert (groups, shown(session)) == (
        ["Future Improvement and Development Board", "(no board)"],
        [AFI5, f"{P21}/afi-07", AFI8, AFI19, f"{P17}/afi-03", f"{P23}/afi-02", f"{P23}/afi-04"],
    )


def test_a_permalink_opens_scrolled_to_its_finding_lit_up_with_its_evidence(session: Session, page_file: Path) -> None:
    open_tracker(session, page_file, "#finding=" + AFI8)
    lit = session.page.evaluate("Array.from(document.querySelectorAll('tr.tr-highlight')).map((tr) => tr.dataset.key)")
    in_view = session.page.evaluate(
        "(() => { const r = document.querySelector('tr.tr-highlight').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
    )
    heading = session.page.inner_text("#tr-details-body h3")
    assert (lit, in_view, heading, session.page.evaluate("window.trSelected")) == ([AFI8], True, "AFI 8 · PEEL 2021/22", AFI8)


def test_clicking_an_outcome_shows_the_reason_and_the_line_behind_it(session: Session, page_file: Path) -> None:
    open_tracker(session, page_file)
    session.page.click(f"tr[data-key='{AFI5}'] button[data-fact='status']")
    text = session.page.inner_text("#tr-details-body").splitlines()
    assert text[:8] == [
        "AFI 5 · PEEL 2021/22",
        AFI5,
        "Latest status",
        "in-progress",
        "Assessed",
        "2023-04-18",
        "RAG",
        "amber",
    ]
    assert "PCC progress paper, April 2023, line 11" in text


def test_hostile_document_text_shows_as_text_and_never_runs(session: Session, page_file: Path) -> None:
    open_tracker(session, page_file)
    text = session.page.inner_text(f"tr[data-key='{AFI19}'] td[data-col='text']")
    session.page.click(f"tr[data-key='{AFI19}'] button[data-fact='outcome']")
    details = session.page.inner_text("#tr-details-body")
    assert (
        text,
        "<script>window.__pwned=1</script>" in details,
        session.page.evaluate("typeof window.__pwned"),
        session.page.evaluate("document.querySelectorAll('img').length"),
        session.page.evaluate("document.scripts.length"),
        session.problems(),
    ) == (HOSTILE, True, "undefined", 0, 2, [])


def test_a_board_known_only_by_name_filters_every_finding_it_oversees(session: Session, page_file: Path) -> None:
    open_tracker(session, page_file)
    session.page.select_option("select.tr-filter[data-col='board']", "Future Improvement and Development Board")
    assert shown(session) == [AFI5, f"{P21}/afi-07", AFI8, AFI19]


def test_the_demos_tracker_shows_its_findings_with_working_filters_and_evidence(
    session: Session, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from oversight import api
    from oversight.demo import run_demo
    from oversight.queries.tracker import tracker_rows

    out = tmp_path_factory.mktemp("demo") / "demo"
    report = run_demo(out)
    assert report.tracker is not None
    open_tracker(session, Path(report.tracker))
    rows = tracker_rows(api.load(out / "store"), "2024-01-31")
    every = shown(session)
    session.page.select_option("select.tr-filter[data-col='outcome']", "superseded")
    superseded = shown(session)
    session.page.click(f"tr[data-key='{superseded[0]}'] button[data-fact='outcome']")
    evidence = session.page.inner_text("#tr-details-body").splitlines()
    assert (every, superseded, evidence[2:4], session.problems()) == (
        [r["key"] for r in rows],
        [r["key"] for r in rows if r["outcome"] == "superseded"],
        ["Outcome", "superseded"],
        [],
    )
