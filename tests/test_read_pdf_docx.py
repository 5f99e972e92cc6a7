"""Tests for oversight.loaders.read_pdf and read_docx.

A short progress paper written for these tests is rendered as a PDF
(reportlab) and as a Word document (python-docx, its tabbed lines as Word
tables); each must give the progress extractor the same facts as the plain
text. Damaged inputs must each give one clear refusal.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from oversight.errors import UnreadableDocument
from oversight.loaders.families.peel_progress import PeelProgressExtractor
from oversight.loaders.models import TextDocument
from oversight.loaders.read_docx import read_docx
from oversight.loaders.read_pdf import read_pdf
from oversight.loaders.registry import reader_for

pypdf = pytest.importorskip("pypdf")
canvas = pytest.importorskip("reportlab.pdfgen.canvas")

#: The paper as a PDF would carry it: no tabs (a PDF text layer has none).
PDF_TEXT = """\
Subject: PEEL 2021/22 progress
Date: 6 March 2023
On 3 May 2022, HMICFRS published PEEL 2021/22 An inspection of Essex Police.
Progress against the 2 AFIs is overseen by the FIDB chaired by the DCC.
- one AFI as green (complete); and
- one AFI as amber (work in progress)
1. The force should answer calls faster
Amber
Action Taken
- Call handlers recruited
Ongoing Activity
- Training continues
Anticipated completion date \u2013 June 2023
2. The force should record crime accurately
Green
Action Taken
- Audit regime in place
Completed
"""

#: The paper as a Word document carries it: tabbed lines are table rows.
DOCX_TEXT = """\
Subject: PEEL 2021/22 progress
Date: 6 March 2023
On 3 May 2022, HMICFRS published PEEL 2021/22 An inspection of Essex Police.
The report gave graded judgements on three areas:
Outstanding\tGood\tAdequate\tRequires improvement\tInadequate
\tPreventing\tManaging\tInvestigating\t
\tcrime\toffenders\tcrime\t

Progress against the 2 AFIs is overseen by the FIDB chaired by the DCC.
- one AFI as green (complete); and
- one AFI as amber (work in progress)
1. The force should answer calls faster\tAmber
Action Taken\tOngoing Activity
Call handlers recruited\tTraining continues
Anticipated completion date \u2013 June 2023
2. The force should record crime accurately\tGreen
Action Taken\tOngoing Activity
Audit regime in place\t
Completed
"""

#: How many facts the progress extractor draws from each text (so "same facts" is not "no facts").
PDF_FACTS = 29
DOCX_FACTS = 37


def write_pdf(path: Path, text: str, lines_per_page: int = 10) -> Path:
    """Draw each line of ``text`` at its own height, ``lines_per_page`` to a page."""
    pdf = canvas.Canvas(str(path))
    for number, line in enumerate(text.splitlines()):
        if number and number % lines_per_page == 0:
            pdf.showPage()
        pdf.drawString(40, 800 - 16 * (number % lines_per_page), line)
    pdf.save()
    return path


def write_docx(path: Path, text: str) -> Path:
    """One paragraph per line; each run of tabbed lines becomes one table, a row per line."""
    document = docx.Document()
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if "\t" not in lines[index]:
            document.add_paragraph(lines[index])
            index += 1
            continue
        rows = []
        while index < len(lines) and "\t" in lines[index]:
            rows.append(lines[index].split("\t"))
            index += 1
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, cells in enumerate(rows):
            for c, cell in enumerate(cells):
                table.cell(r, c).text = cell
    document.save(str(path))
    return path


def facts(document: TextDocument) -> list[str]:
    """The extraction's facts with the document key normalised, as comparable JSON."""
    extraction = PeelProgressExtractor().extract(document)
    return [
        json.dumps(f.model_dump(mode="json"), sort_keys=True).replace(document.key, "DOC")
        for f in extraction.facts
    ]


class TestPdf:
    def test_lines_of_every_page_in_order(self, tmp_path):
        document = read_pdf(write_pdf(tmp_path / "paper.pdf", PDF_TEXT))
        assert document.lines == PDF_TEXT.splitlines()

    def test_format_and_hash_of_the_file_bytes(self, tmp_path):
        path = write_pdf(tmp_path / "paper.pdf", PDF_TEXT)
        document = read_pdf(path)
        assert (document.format, document.sha256) == (
            "pdf",
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )

    def test_same_facts_as_the_text(self, tmp_path):
        pdf = facts(read_pdf(write_pdf(tmp_path / "paper.pdf", PDF_TEXT)))
        assert (len(pdf), pdf) == (
            PDF_FACTS,
            facts(TextDocument.from_text(PDF_TEXT, path="paper.txt")),
        )

    def test_encrypted_pdf_is_refused(self, tmp_path):
        plain = write_pdf(tmp_path / "plain.pdf", PDF_TEXT)
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
        writer.encrypt("secret", algorithm="RC4-128")
        path = tmp_path / "locked.pdf"
        with path.open("wb") as handle:
            writer.write(handle)
        with pytest.raises(UnreadableDocument) as error:
            read_pdf(path)
        assert str(error.value) == f"{path}: encrypted PDF (needs a password)"

    def test_pdf_encrypted_with_an_empty_user_password_is_read_like_the_plain_one(self, tmp_path):
        plain = write_pdf(tmp_path / "plain.pdf", PDF_TEXT)
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
        writer.encrypt(user_password="", owner_password="owner-only", algorithm="AES-128")
        path = tmp_path / "owner-locked.pdf"
        with path.open("wb") as handle:
            writer.write(handle)
        assert read_pdf(path).lines == read_pdf(plain).lines

    def test_pdf_whose_owner_forbids_text_extraction_is_refused(self, tmp_path):
        plain = write_pdf(tmp_path / "plain.pdf", PDF_TEXT)
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
        writer.encrypt(user_password="", owner_password="owner-only", algorithm="AES-128", permissions_flag=pypdf.constants.UserAccessPermissions.PRINT)
        path = tmp_path / "no-copy.pdf"
        with path.open("wb") as handle:
            writer.write(handle)
        with pytest.raises(UnreadableDocument) as error:
            read_pdf(path)
        assert str(error.value) == f"{path}: encrypted PDF (text extraction not permitted)"

    def test_truncated_pdf_is_refused(self, tmp_path):
        data = write_pdf(tmp_path / "whole.pdf", PDF_TEXT).read_bytes()
        path = tmp_path / "cut.pdf"
        path.write_bytes(data[: len(data) // 2])
        with pytest.raises(UnreadableDocument) as error:
            read_pdf(path)
        assert (
            str(error.value)
            == f"{path}: not a readable PDF (truncated: no %%EOF marker at the end)"
        )

    def test_corrupt_pdf_is_refused(self, tmp_path):
        path = tmp_path / "corrupt.pdf"
        path.write_bytes(b"%PDF-1.4\nnot a PDF body at all\n%%EOF\n")
        with pytest.raises(UnreadableDocument) as error:
            read_pdf(path)
        assert str(error.value) == f"{path}: not a readable PDF (PdfReadError: startxref not found)"

    def test_file_that_is_not_a_pdf_is_refused(self, tmp_path):
        path = tmp_path / "notes.pdf"
        path.write_text("just some notes\n")
        with pytest.raises(UnreadableDocument) as error:
            read_pdf(path)
        assert str(error.value) == f"{path}: not a readable PDF (no %PDF header)"

    def test_pdf_without_text_layer_is_refused(self, tmp_path):
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer)
        pdf.rect(40, 40, 200, 200)
        pdf.save()
        path = tmp_path / "scan.pdf"
        path.write_bytes(buffer.getvalue())
        with pytest.raises(UnreadableDocument) as error:
            read_pdf(path)
        assert str(error.value) == f"{path}: PDF has no text layer (scanned?)"

    def test_registry_reads_pdf_with_it(self):
        assert reader_for("paper.PDF") is read_pdf


class TestDocx:
    def test_paragraphs_and_table_rows_in_body_order(self, tmp_path):
        document = read_docx(write_docx(tmp_path / "paper.docx", DOCX_TEXT))
        assert document.lines == DOCX_TEXT.splitlines()

    def test_format_and_hash_of_the_file_bytes(self, tmp_path):
        path = write_docx(tmp_path / "paper.docx", DOCX_TEXT)
        document = read_docx(path)
        assert (document.format, document.sha256) == (
            "docx",
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )

    def test_same_facts_as_the_text(self, tmp_path):
        word = facts(read_docx(write_docx(tmp_path / "paper.docx", DOCX_TEXT)))
        assert (len(word), word) == (
            DOCX_FACTS,
            facts(TextDocument.from_text(DOCX_TEXT, path="paper.txt")),
        )

    def test_grid_table_gives_the_judgements(self, tmp_path):
        word = read_docx(write_docx(tmp_path / "paper.docx", DOCX_TEXT))
        grades = sorted(
            (f.ref.parts[0], f.properties["grade"])
            for f in PeelProgressExtractor().extract(word).facts
            if f.kind == "node" and "grade" in f.properties
        )
        assert grades == [
            ("investigating-crime", "requires-improvement"),
            ("managing-offenders", "adequate"),
            ("preventing-crime", "good"),
        ]

    def test_merged_cells_keep_their_columns(self, tmp_path):
        document = docx.Document()
        table = document.add_table(rows=2, cols=3)
        table.cell(0, 0).merge(table.cell(0, 1)).text = "wide"
        table.cell(0, 2).text = "right"
        table.cell(0, 2).merge(table.cell(1, 2))
        table.cell(1, 0).text = "left"
        path = tmp_path / "merged.docx"
        document.save(str(path))
        assert read_docx(path).lines == ["wide\t\tright", "left\t\t"]

    def test_junk_zip_is_refused(self, tmp_path):
        path = tmp_path / "junk.docx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("junk.txt", "not a document")
        with pytest.raises(UnreadableDocument) as error:
            read_docx(path)
        assert (
            str(error.value) == f"{path}: not a Word document (no word/document.xml in the archive)"
        )

    def test_file_that_is_not_a_zip_is_refused(self, tmp_path):
        path = tmp_path / "notes.docx"
        path.write_text("just some notes\n")
        with pytest.raises(UnreadableDocument) as error:
            read_docx(path)
        assert str(error.value) == f"{path}: not a Word document (not a zip archive)"

    def test_document_without_text_is_refused(self, tmp_path):
        path = tmp_path / "empty.docx"
        docx.Document().save(str(path))
        with pytest.raises(UnreadableDocument) as error:
            read_docx(path)
        assert str(error.value) == f"{path}: Word document has no text"

    def test_registry_reads_docx_with_it(self):
        assert reader_for("paper.docx") is read_docx
