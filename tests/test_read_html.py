"""Tests for oversight.loaders.read_html: saved web pages as line-numbered text.

Every page here is written for the tests; the acceptance page imitates the
layout of an HMICFRS PEEL page (site boilerplate, a "Last updated" line, the
grade on its own line, areas for improvement as bullets, a grades table)
with invented wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.errors import UnreadableDocument
from oversight.loaders import read_html as read_html_module
from oversight.loaders.ingest import extract_file
from oversight.loaders.read_html import html_lines, read_html
from oversight.loaders.registry import reader_for


def page(tmp_path: Path, body: str, head: str = "", name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return path


class TestLines:
    def test_block_elements_become_lines(self):
        html = "<h1>Report</h1><div>First <b>bold</b> text</div><p>One<br>Two</p>"
        assert html_lines(html) == ["Report", "First bold text", "One", "Two"]

    def test_list_items_carry_a_bullet_or_their_number(self):
        html = "<ul><li>alpha<li>beta</ul><ol start='3'><li>gamma</li><li>delta</li></ol>"
        assert html_lines(html) == ["- alpha", "- beta", "3. gamma", "4. delta"]

    def test_table_rows_are_lines_of_cells_joined_by_bars(self):
        html = "<table><tr><th>Ref</th><th>Status</th></tr><tr><td>AFI 1</td><td><p>In</p><p>progress</p></td></tr></table>"
        assert html_lines(html) == ["Ref | Status", "AFI 1 | In progress"]

    def test_spanned_cells_keep_every_cell_under_its_column(self):
        html = (
            "<table><tr><th rowspan='2'>Area</th><th colspan='2'>Grade</th></tr>"
            "<tr><td>2017</td><td>2018</td></tr>"
            "<tr><td>Crime</td><td>Good</td><td>Adequate</td></tr></table>"
        )
        assert html_lines(html) == ["Area | Grade", " | 2017 | 2018", "Crime | Good | Adequate"]

    def test_scripts_styles_and_navigation_are_dropped(self):
        html = (
            "<a class='skip-link' href='#m'>Skip to content</a><div id='cookie-banner'>We use cookies</div>"
            "<header><nav><ul><li>Home</li></ul></nav></header><style>p{}</style>"
            "<p>Text<script>var x = 1;</script></p><div hidden>secret</div><footer>Copyright</footer>"
        )
        assert html_lines(html) == ["Text"]

    def test_only_the_main_content_is_read_when_the_page_marks_it(self):
        html = "<div>Site menu</div><main><header><h1>Paper</h1></header><p>Body</p></main><div>Footer</div>"
        assert html_lines(html) == ["Paper", "Body"]

    def test_entities_are_decoded_and_odd_spaces_normalised(self):
        html = "<p>AFI&nbsp;5&#8203; &amp;&#x2009;6 &lsquo;closed&rsquo;\u00ad</p>"
        assert html_lines(html) == ["AFI 5 & 6 \u2018closed\u2019"]

    def test_preformatted_text_keeps_its_lines(self):
        assert html_lines("<pre>one\ntwo</pre><p>three</p>") == ["one", "two", "three"]

    def test_a_deeply_nested_page_is_read_without_recursion(self):
        html = "<div>" * 5000 + "deep" + "</div>" * 5000
        assert html_lines(html) == ["deep"]


class TestDocument:
    def test_title_is_the_page_title(self, tmp_path):
        path = page(tmp_path, "<h1>Heading</h1>", head="<title>Northshire &ndash; PEEL</title>")
        assert read_html(path).title == "Northshire \u2013 PEEL"

    def test_title_falls_back_to_the_first_heading(self, tmp_path):
        assert read_html(page(tmp_path, "<h1>Heading</h1><p>x</p>")).title == "Heading"

    def test_last_updated_line_states_the_date(self, tmp_path):
        doc = read_html(page(tmp_path, "<h1>PEEL</h1><p>Last updated 27/09/2019</p>"))
        assert (doc.date, doc.date_line) == ("2019-09-27", 2)

    def test_a_sentence_that_opens_with_updated_is_no_date(self, tmp_path):
        doc = read_html(page(tmp_path, "<p>Updated guidance was published in 2020.</p><p>Page last updated: 3 May 2022</p>"))
        assert (doc.date, doc.date_line) == ("2022-05-03", 2)

    def test_time_element_states_the_date_on_its_line(self, tmp_path):
        doc = read_html(page(tmp_path, "<h1>PEEL</h1><p>Published <time datetime='2022-08-18T09:00'>18 August</time></p>"))
        assert (doc.date, doc.date_line) == ("2022-08-18", 2)

    def test_metadata_states_the_date_without_a_line(self, tmp_path):
        head = "<meta property='article:modified_time' content='2024-05-01T10:00:00+01:00'>"
        doc = read_html(page(tmp_path, "<p>Text</p>", head=head))
        assert (doc.date, doc.date_line) == ("2024-05-01", None)

    def test_no_date_is_invented(self, tmp_path):
        doc = read_html(page(tmp_path, "<p>Last updated recently</p><time datetime='soon'>x</time>"))
        assert (doc.date, doc.date_line) == (None, None)

    def test_table_rows_keep_their_cells(self, tmp_path):
        doc = read_html(page(tmp_path, "<p>Intro</p><table><tr><td>a</td><td></td><td>c</td></tr></table>"))
        assert doc.rows == {2: ["a", "", "c"]}

    def test_declared_charset_is_honoured(self, tmp_path):
        path = tmp_path / "page.htm"
        path.write_bytes("<html><head><meta charset='windows-1252'></head><body><p>Caf\u00e9 \u2013 ok</p></body></html>".encode("cp1252"))
        doc = read_html(path)
        assert (doc.lines, doc.encoding) == (["Caf\u00e9 \u2013 ok"], "cp1252")

    def test_format_is_html(self, tmp_path):
        assert read_html(page(tmp_path, "<p>x</p>")).format == "html"

    def test_registry_reads_both_suffixes_with_it(self):
        assert (reader_for("a.html"), reader_for("b.HTM")) == (read_html, read_html)


class TestRefusals:
    def test_page_without_text_is_refused(self, tmp_path):
        path = page(tmp_path, "<script>x()</script><nav>Home</nav>")
        with pytest.raises(UnreadableDocument) as error:
            read_html(path)
        assert str(error.value) == f"{path}: web page has no text"

    def test_page_over_the_size_limit_is_refused_unread(self, tmp_path, monkeypatch):
        monkeypatch.setattr(read_html_module, "MAX_HTML_BYTES", 100)
        path = page(tmp_path, "<p>" + "x" * 200 + "</p>")
        with pytest.raises(UnreadableDocument) as error:
            read_html(path)
        assert str(error.value) == f"{path}: too large to read as a web page (261 bytes > 100 bytes)"

    def test_binary_file_is_refused(self, tmp_path):
        path = tmp_path / "image.html"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
        with pytest.raises(UnreadableDocument) as error:
            read_html(path)
        assert str(error.value) == f"{path}: binary content, not text"


#: A page laid out as an HMICFRS PEEL page is (boilerplate, "Last updated", the grade on its own
#: line, AFI bullets, a grades table), in wording written for this test.
PEEL_LIKE_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Northshire PEEL 2018 - Effectiveness - His Majesty&#39;s Inspectorate</title>
<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="s.css">
<style>.banner{display:none}</style><script>window.dataLayer = [];</script></head>
<body class="page">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<div class="cookie-notice"><p>We use cookies to improve this site.</p><button>Accept</button></div>
<header class="site-header" role="banner"><div class="logo">Inspectorate</div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/peel">PEEL assessments</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/peel">PEEL</a></div>
<main id="content">
<h1>Northshire PEEL&nbsp;2018</h1>
<h2>Effectiveness</h2>
<p class="question">How effectively does the force reduce crime and keep people safe?</p>
<p class="updated">Last updated 14/02/2019</p>
<p class="grade">Requires improvement</p>
<p>The extent to which Northshire Constabulary is effective at keeping people safe and reducing crime
   requires&nbsp;improvement.</p>
<h3>Areas for improvement</h3>
<ul>
  <li>The force should make sure that <strong>officers</strong> record risk assessments.</li>
  <li>The force should review how it supervises investigations&#8230;</li>
</ul>
<table class="grades">
<thead><tr><th>Question</th><th>Grade</th></tr></thead>
<tbody>
<tr><td>Preventing crime</td><td>Good</td></tr>
<tr><td>Investigating crime</td><td>Requires improvement</td></tr>
</tbody></table>
</main>
<footer class="site-footer" role="contentinfo"><p>&copy; Crown copyright</p></footer>
<script src="app.js"></script>
</body></html>
"""


class TestAcceptance:
    def test_reads_a_corpus_like_page(self, tmp_path):
        path = tmp_path / "northshire-peel-2018-effectiveness.html"
        path.write_text(PEEL_LIKE_PAGE, encoding="utf-8")
        doc = read_html(path)
        assert doc.lines == [
            "Northshire PEEL 2018",
            "Effectiveness",
            "How effectively does the force reduce crime and keep people safe?",
            "Last updated 14/02/2019",
            "Requires improvement",
            "The extent to which Northshire Constabulary is effective at keeping people safe and reducing crime requires improvement.",
            "Areas for improvement",
            "- The force should make sure that officers record risk assessments.",
            "- The force should review how it supervises investigations\u2026",
            "Question | Grade",
            "Preventing crime | Good",
            "Investigating crime | Requires improvement",
        ]
        assert (doc.title, doc.date, doc.date_line) == (
            "Northshire PEEL 2018 - Effectiveness - His Majesty's Inspectorate",
            "2019-02-14",
            4,
        )

    def test_ingest_gives_the_document_the_pages_title_and_date(self, tmp_path):
        path = page(
            tmp_path,
            "<h1>AFI tracker</h1><p>Last updated 01/03/2024</p><table>"
            "<tr><th>AFI No</th><th>Area for improvement</th><th>Status</th></tr>"
            "<tr><td>AFI 1</td><td>Answer calls faster</td><td>Open</td></tr></table>",
            head="<title>Northshire AFI tracker</title>",
        )
        record = extract_file(path).document
        assert (record.family, record.title, record.date, record.date_basis, record.date_line) == (
            "tracker",
            "Northshire AFI tracker",
            "2024-03-01",
            "stated",
            2,
        )


def test_page_parse_is_bounded_in_time(tmp_path, monkeypatch):
    from oversight.loaders import bounded

    monkeypatch.setattr(bounded, "PARSE_TIMEOUT", 0.000001)
    path = page(tmp_path, "<p>x</p>")
    with pytest.raises(UnreadableDocument) as error:
        read_html(path)
    assert str(error.value) == f"{path}: took longer than 1e-06 s to parse; refused"
