"""Tests for the tracker family (oversight.loaders.families.tracker) and the spreadsheet readers.

Each tracker is written here: an .xlsx built with openpyxl, or CSV text. A
row's line is its row number, so every expected fact cites the row.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from oversight.errors import UnknownName, UnreadableDocument
from oversight.loaders import read_sheet
from oversight.loaders.families.tracker import find_header, header_field, parse_column_spec
from oversight.loaders.ingest import extract_file
from oversight.loaders.models import EdgeFact, ExtractOptions, NodeFact, Ref
from oversight.loaders.read_sheet import read_csv, read_xlsx
from oversight.loaders.registry import detect, get_extractor, reader_for

KENT = Ref.named("Force", "Kent Police")
PEEL = Ref.of("Inspection", "PEEL 2021/22", within=KENT)


def afi(number: int, scope: Ref = PEEL) -> Ref:
    return Ref.of("AreaForImprovement", str(number), within=scope)


def workbook(path: Path, rows: list[list[object]], title: str = "Sheet1", more: dict[str, list[list[object]]] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, extra in (more or {}).items():
        other = book.create_sheet(name)
        for row in extra:
            other.append(row)
    book.save(path)
    return path


TRACKER_ROWS: list[list[object]] = [
    ["Kent Police PEEL 2021/22 AFI tracker"],
    ["As at 31 January 2024"],
    [],
    ["AFI No", "Area for improvement", "Status", "RAG rating", "Lead", "Governance board", "Target date", "Latest update", "Notes"],
    ["AFI 1", "The force should answer calls faster.", "In progress", "Amber", "DCC", "FIDB", dt.datetime(2024, 3, 31), "Call handlers recruited", "x"],
    ["AFI 2", "The force should record crime accurately.", "Complete", "Green", "Head of Crime", "", "TBC", "", ""],
]


def nodes(extraction, label: str) -> list[tuple[Ref, dict, int]]:
    return [
        (f.ref, f.properties, f.evidence.line)
        for f in extraction.facts
        if isinstance(f, NodeFact) and f.ref.label == label
    ]


def edges(extraction, type_: str) -> list[tuple[Ref, Ref, int]]:
    return [(f.source, f.target, f.evidence.line) for f in extraction.facts if isinstance(f, EdgeFact) and f.type == type_]


@pytest.fixture
def tracker(tmp_path):
    return extract_file(workbook(tmp_path / "afis.xlsx", TRACKER_ROWS))


class TestReadXlsx:
    def test_line_number_is_row_number(self, tmp_path):
        doc = read_xlsx(workbook(tmp_path / "t.xlsx", [["Title"], [], ["a", None, 3.0, dt.datetime(2024, 3, 31)]]))
        assert doc.lines == ["Title", "", "a |  | 3 | 2024-03-31"]

    def test_rows_keep_their_cells(self, tmp_path):
        doc = read_xlsx(workbook(tmp_path / "t.xlsx", [["Title"], [], ["a", None, "c"]]))
        assert doc.rows == {1: ["Title"], 3: ["a", "", "c"]}

    def test_further_sheets_follow_a_sheet_line_and_keep_their_row_numbers(self, tmp_path):
        doc = read_xlsx(workbook(tmp_path / "t.xlsx", [["Open"]], more={"Closed": [[], ["AFI 9"]]}))
        assert (doc.lines, doc.sheet_rows) == (
            ["Open", "Sheet: Closed", "", "AFI 9"],
            {1: ("Sheet1", 1), 4: ("Closed", 2)},
        )

    def test_old_binary_xls_is_refused(self, tmp_path):
        path = tmp_path / "old.xlsx"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
        with pytest.raises(UnreadableDocument) as error:
            read_xlsx(path)
        assert str(error.value) == f"{path}: not an Excel workbook (an old binary .xls or an encrypted file; save it as .xlsx)"

    def test_file_that_is_not_a_zip_is_refused(self, tmp_path):
        path = tmp_path / "notes.xlsx"
        path.write_text("just notes")
        with pytest.raises(UnreadableDocument) as error:
            read_xlsx(path)
        assert str(error.value) == f"{path}: not an Excel workbook (not a zip archive)"

    def test_empty_workbook_is_refused(self, tmp_path):
        path = workbook(tmp_path / "empty.xlsx", [])
        with pytest.raises(UnreadableDocument) as error:
            read_xlsx(path)
        assert str(error.value) == f"{path}: spreadsheet has no text"

    def test_too_many_rows_are_refused(self, tmp_path, monkeypatch):
        monkeypatch.setattr(read_sheet, "MAX_SHEET_ROWS", 2)
        path = workbook(tmp_path / "big.xlsx", [["a"], ["b"], ["c"]])
        with pytest.raises(UnreadableDocument) as error:
            read_xlsx(path)
        assert str(error.value) == f"{path}: too large to read as a spreadsheet (more than 2 rows)"


class TestReadCsv:
    def test_records_are_lines_and_rows(self, tmp_path):
        path = tmp_path / "t.csv"
        path.write_text('Ref,Status\n\n"AFI 1","In\nprogress"\n', encoding="utf-8")
        doc = read_csv(path)
        assert (doc.lines, doc.rows) == (["Ref | Status", "", "AFI 1 | In progress"], {1: ["Ref", "Status"], 3: ["AFI 1", "In progress"]})

    def test_semicolon_delimiter_is_sniffed(self, tmp_path):
        path = tmp_path / "t.csv"
        path.write_text("Ref;Status;Owner\nAFI 1;Open;DCC\n", encoding="utf-8")
        assert read_csv(path).rows[2] == ["AFI 1", "Open", "DCC"]

    def test_registry_reads_spreadsheets(self):
        assert (reader_for("a.csv"), reader_for("a.XLSX")) == (read_csv, read_xlsx)


class TestHeader:
    def test_header_synonyms_map_to_fields(self):
        headers = ["AFI No.", "Recommendation", "RAG rating", "Responsible officer", "Completion date", "Date of update", "Colour"]
        assert [header_field(h) for h in headers] == ["ref", "text", "rag", "owner", "due", "updated", None]

    def test_header_is_the_first_row_with_three_known_columns(self, tmp_path):
        doc = read_xlsx(workbook(tmp_path / "t.xlsx", [["Status report"], ["Ref", "Notes"], ["Ref", "Status", "Owner"]]))
        header = find_header(doc)
        assert (header.line, header.columns) == (3, {"ref": 0, "status": 1, "owner": 2})

    def test_override_by_letter_or_header_replaces_the_mapping(self, tmp_path):
        doc = read_xlsx(workbook(tmp_path / "t.xlsx", [["Ref", "Status", "Owner", "Position"]]))
        header = find_header(doc, {"status": "Col D", "board": "Owner"})
        assert header.columns == {"ref": 0, "status": 3, "board": 2}

    def test_headers_the_user_maps_count_towards_the_header(self, tmp_path):
        doc = read_xlsx(workbook(tmp_path / "t.xlsx", [["Ref", "Position", "Who"], ["AFI 1", "Open", "DCC"]]))
        header = find_header(doc, {"status": "Position", "owner": "Who"})
        assert (header.line, header.columns) == (1, {"ref": 0, "status": 1, "owner": 2})

    def test_a_column_the_user_names_must_exist(self, tmp_path):
        path = workbook(tmp_path / "t.xlsx", [["Ref", "Status", "Owner"]])
        with pytest.raises(UnknownName) as error:
            find_header(read_xlsx(path), {"status": "Zebra"})
        assert str(error.value) == f"{path}: column 'Zebra' (for status) is neither a header of row 1 nor a column letter"

    def test_column_spec_names_only_tracker_fields(self):
        with pytest.raises(UnknownName, match="unknown tracker column 'colour'; known: ref, text, inspection"):
            parse_column_spec("colour=C")

    def test_column_spec_from_a_yaml_file(self, tmp_path):
        path = tmp_path / "columns.yaml"
        path.write_text("status: Col C\nowner: Lead officer\n")
        assert parse_column_spec(str(path)) == {"status": "Col C", "owner": "Lead officer"}


class TestTrackerFacts:
    def test_detected_as_a_tracker(self, tmp_path):
        doc = read_xlsx(workbook(tmp_path / "afis.xlsx", TRACKER_ROWS))
        assert (detect(doc).family, detect(doc).confidence) == ("tracker", 0.95)

    def test_mapping_is_reported_on_the_header_row(self, tracker):
        assert str(tracker.warnings[0]).split(":4: ", 1)[1] == (
            "tracker columns: ref=A 'AFI No', text=B 'Area for improvement', status=C 'Status', "
            "rag=D 'RAG rating', owner=E 'Lead', board=F 'Governance board', due=G 'Target date', "
            "update=H 'Latest update'; not read: I 'Notes'"
        )

    def test_each_row_is_a_finding_of_the_inspection_it_names(self, tracker):
        assert nodes(tracker, "AreaForImprovement") == [
            (afi(1), {"number": 1, "text": "The force should answer calls faster."}, 5),
            (afi(2), {"number": 2, "text": "The force should record crime accurately."}, 6),
        ]
        assert edges(tracker, "ISSUED") == [(PEEL, afi(1), 5), (PEEL, afi(2), 6)]

    def test_status_rag_due_and_update_as_of_the_trackers_date(self, tracker):
        status = Ref.of("StatusAssessment", "2024-01-31", within=afi(1))
        assert nodes(tracker, "StatusAssessment")[0] == (
            status,
            {
                "date": "2024-01-31",
                "status": "in-progress",
                "rag": "amber",
                "anticipatedCompletion": "2024-03-31",
                "progressText": "Call handlers recruited",
            },
            5,
        )

    def test_owner_and_board_as_the_cells_state_them(self, tracker):
        assert edges(tracker, "OWNED_BY") == [
            (afi(1), Ref.named("Post", "DCC", within=KENT), 5),
            (afi(2), Ref.named("Post", "Head of Crime", within=KENT), 6),
        ]
        assert edges(tracker, "OVERSEEN_BY") == [(afi(1), Ref.named("Board", "FIDB", within=KENT), 5)]

    def test_a_due_date_that_is_not_a_date_is_reported_not_guessed(self, tracker):
        assert str(tracker.warnings[1]).endswith(":6: row 6: due date 'TBC' is not a date; left out")
        assert "anticipatedCompletion" not in nodes(tracker, "StatusAssessment")[1][1]

    def test_title_and_date_from_the_rows_above_the_header(self, tracker):
        record = tracker.document
        assert (record.title, record.date, record.date_basis, record.date_line) == (
            "Kent Police PEEL 2021/22 AFI tracker",
            "2024-01-31",
            "stated",
            2,
        )

    def test_inspection_from_the_sheet_name(self, tmp_path):
        rows = [["Ref", "Finding", "Status"], ["3", "Improve supervision", "Open"]]
        extraction = extract_file(workbook(tmp_path / "kent-tracker.xlsx", rows, title="PEEL 2021-22"))
        assert edges(extraction, "ISSUED") == [(Ref.of("Inspection", "PEEL 2021/22"), afi(3, Ref.of("Inspection", "PEEL 2021/22")), 2)]

    def test_inspection_from_the_option(self, tmp_path):
        rows = [["Ref", "Recommendation", "Status"], ["Rec 4", "Vet all staff", "Open"]]
        options = ExtractOptions(inspection="Vetting and counter-corruption 2022")
        extraction = extract_file(workbook(tmp_path / "recs.xlsx", rows), options=options)
        inspection = Ref.of("Inspection", "Vetting and counter-corruption 2022")
        assert edges(extraction, "ISSUED") == [(inspection, Ref.of("Recommendation", "4", within=inspection), 2)]

    def test_rows_without_an_inspection_are_kept_under_the_document_with_a_warning(self, tmp_path):
        rows = [["Ref", "Recommendation", "Status"], ["Rec 4", "Vet all staff", "Open"]]
        extraction = extract_file(workbook(tmp_path / "recs.xlsx", rows))
        scope = Ref.keyed("Document", extraction.document.key)
        assert nodes(extraction, "Recommendation") == [(Ref.of("Recommendation", "4", within=scope), {"number": 4, "text": "Vet all staff"}, 2)]
        assert edges(extraction, "ISSUED") == []
        assert str(extraction.warnings[-1]).split(":2: ", 1)[1] == (
            "no inspection stated for 1 row(s) (first: row 2): no inspection column, --inspection, "
            "or PEEL round in the sheet name, title or file name; their findings are kept under this document, not an inspection"
        )

    def test_inspection_column_and_rag_in_a_status_column(self, tmp_path):
        path = tmp_path / "t.csv"
        path.write_text("Ref,Inspection,Status\nAFI 7,PEEL 2023/25,Red\n", encoding="utf-8")
        extraction = extract_file(path)
        inspection = Ref.of("Inspection", "PEEL 2023/25")
        assert nodes(extraction, "StatusAssessment") == [
            (Ref.of("StatusAssessment", f"undated {extraction.document.sha256[:8]}", within=afi(7, inspection)), {"rag": "red"}, 2)
        ]

    def test_column_override_reaches_the_extractor(self, tmp_path):
        rows = [["Ref", "Finding", "Status", "Position"], ["AFI 1", "x", "Open", "Complete"]]
        options = ExtractOptions(columns=(("status", "D"),), inspection="PEEL 2021/22")
        extraction = extract_file(workbook(tmp_path / "t.xlsx", rows), options=options)
        assert [p.get("status") for _, p, _ in nodes(extraction, "StatusAssessment")] == ["completed"]

    def test_extractor_is_registered_for_its_family(self):
        assert get_extractor("tracker").family == "tracker"


class TestCommandLine:
    @staticmethod
    def run(*args: str):  # type: ignore[no-untyped-def]
        from typer.testing import CliRunner

        from oversight.cli import app

        return CliRunner().invoke(app, list(args), env={"COLUMNS": "200", "OVERSIGHT_STORE": ""})

    def test_columns_and_inspection_options_reach_the_tracker(self, tmp_path):
        rows = [["Ref", "Finding", "Position"], ["AFI 1", "Answer calls faster", "Complete"]]
        path = workbook(tmp_path / "t.xlsx", rows)
        result = self.run(
            "ingest", str(path), "--columns", "status=Position", "--inspection", "PEEL 2021/22",
            "--store", str(tmp_path / "s"), "--json",
        )
        report = json.loads(result.stdout)
        assert (result.exit_code, report["facts"], report["warnings"][0]) == (
            0,
            {"AreaForImprovement": 1, "HAS_STATUS": 1, "ISSUED": 1, "Inspection": 1, "StatusAssessment": 1},
            f"{path}:1: tracker columns: ref=A 'Ref', text=B 'Finding', status=C 'Position' (given)",
        )

    def test_an_unknown_column_field_is_one_line_and_exit_2(self, tmp_path):
        path = workbook(tmp_path / "t.xlsx", TRACKER_ROWS)
        result = self.run("ingest", str(path), "--columns", "colour=C", "--store", str(tmp_path / "s"))
        assert (result.exit_code, result.stderr) == (
            2,
            "error: unknown tracker column 'colour'; known: ref, text, inspection, status, rag, owner, board, due, update, updated\n",
        )


class TestBounds:
    def test_zip_bomb_is_refused_before_it_is_inflated(self, tmp_path):
        import zipfile

        path = tmp_path / "bomb.xlsx"
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
            archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (9 * 1024 * 1024))
        ratio = next(i.file_size / i.compress_size for i in zipfile.ZipFile(path).infolist() if i.filename.endswith("sheet1.xml"))
        with pytest.raises(UnreadableDocument) as error:
            read_xlsx(path)
        assert str(error.value) == (
            f"{path}: a zip bomb, not an Excel workbook (xl/worksheets/sheet1.xml would unpack {ratio:.0f}-fold to 9 MB); refused"
        )

    def test_workbook_parse_is_bounded_in_time(self, tmp_path, monkeypatch):
        from oversight.loaders import bounded

        monkeypatch.setattr(bounded, "PARSE_TIMEOUT", 0.000001)
        path = workbook(tmp_path / "t.xlsx", TRACKER_ROWS)
        with pytest.raises(UnreadableDocument) as error:
            read_xlsx(path)
        assert str(error.value) == f"{path}: took longer than 1e-06 s to parse; refused"

    def test_csv_field_over_the_csv_limit_is_refused(self, tmp_path):
        path = tmp_path / "t.csv"
        path.write_text("Ref,Status\nAFI 1,\"" + "x" * 200_000 + "\"\n", encoding="utf-8")
        with pytest.raises(UnreadableDocument) as error:
            read_csv(path)
        assert str(error.value) == f"{path}: not a readable CSV (row 2: field larger than field limit (131072))"


class TestSheets:
    def test_each_sheet_is_read_under_its_own_header(self, tmp_path):
        open_rows = [["AFI No", "Area for improvement", "Status"], ["AFI 1", "Answer calls faster", "Open"]]
        closed_rows = [["Closed AFIs"], ["Ref", "Status", "Area for improvement"], ["AFI 2", "Closed", "Record crime"]]
        path = workbook(tmp_path / "peel-2021-22.xlsx", open_rows, title="Open", more={"Closed": closed_rows})
        extraction = extract_file(path)
        inspection = Ref.of("Inspection", "PEEL 2021/22")
        statuses = [(ref.within, props["status"], line) for ref, props, line in nodes(extraction, "StatusAssessment")]
        assert statuses == [(afi(1, inspection), "open", 2), (afi(2, inspection), "closed", 6)]

    def test_a_sheet_row_is_named_by_sheet_and_row_in_warnings(self, tmp_path):
        closed_rows = [["Ref", "Status", "Finding"], ["AFI 2", "Shelved", "Record crime"]]
        path = workbook(tmp_path / "peel-2021-22.xlsx", [["Key"]], title="Key", more={"Closed": closed_rows})
        extraction = extract_file(path)
        assert str(extraction.warnings[-1]) == f"{path}:4: sheet 'Closed' row 2: status 'Shelved' is not a known status; left out"

    def test_two_tables_on_a_page_each_keep_their_header(self, tmp_path):
        path = tmp_path / "page.html"
        path.write_text(
            "<p>PEEL 2021/22 AFIs</p><table><tr><th>Ref</th><th>Finding</th><th>Status</th></tr>"
            "<tr><td>AFI 1</td><td>x</td><td>Open</td></tr></table><p>Recommendations</p>"
            "<table><tr><th>Status</th><th>Ref</th><th>Recommendation</th></tr>"
            "<tr><td>Complete</td><td>3</td><td>y</td></tr></table>",
            encoding="utf-8",
        )
        extraction = extract_file(path, options=ExtractOptions(inspection="PEEL 2021/22"))
        inspection = Ref.of("Inspection", "PEEL 2021/22")
        found = [(ref, props) for ref, props, _ in nodes(extraction, "AreaForImprovement") + nodes(extraction, "Recommendation")]
        assert found == [
            (afi(1, inspection), {"number": 1, "text": "x"}),
            (Ref.of("Recommendation", "3", within=inspection), {"number": 3, "text": "y"}),
        ]
