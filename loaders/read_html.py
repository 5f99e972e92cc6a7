"""Read a saved web page (.html, .htm) into a TextDocument through a real HTML parser.

Many papers reach a governance lead as web pages (HMICFRS PEEL pages, council
minutes on ModernGov, a PCC's news item). The page is parsed with
`selectolax`'s Lexbor engine, a full HTML5 parser (the algorithm browsers use,
so unclosed ``<p>``, ``<li>`` and ``<td>`` and stray end tags are repaired as a
browser would), and turned into the line-numbered text the other readers give:

- every block element (paragraph, heading, list item, ``<div>``, ``<br>``, …)
  is one line; a list item of an unordered list starts ``- ``, of an ordered
  list ``1. ``, ``2. ``;
- a table row is one line, its cells joined by ``" | "``; a cell spanning
  columns is followed by empty cells for the columns it covers, and the
  columns a cell above spans down into are empty, so every cell stays under
  its heading (the cells of each row are kept in ``doc.rows``, for the tracker
  family);
- scripts, styles, forms and navigation boilerplate (``<nav>``, a page-level
  ``<header>``/``<footer>``, ARIA banner/navigation/contentinfo regions,
  hidden elements, "skip to content", cookie and breadcrumb blocks) are
  dropped; where the page marks its ``<main>`` content, only that is read;
- character references are decoded by the parser; non-breaking and other
  Unicode spaces become plain spaces, zero-width characters and soft hyphens
  are removed, and runs of white space collapse to one space.

The page's ``<title>`` (else its first ``<h1>``) is the document's title. Its
date, always as *stated* by the page (``date_basis="stated"``), is the first
of: a ``Last updated``/``Page updated``/``Published`` line in the text (that
line is cited); a ``<time datetime>`` element (the line its text lands on is
cited); the page's metadata (``article:modified_time``,
``article:published_time``, ``dcterms.modified``, ``DC.date``, ``date``; no
line to cite). A date that does not parse is not used; none is invented.

Bytes are decoded by the page's byte-order mark, else its declared
``<meta charset>``, else as the text reader decodes. Reading is bounded like
the PDF and Word readers: a file over :data:`MAX_HTML_BYTES` is refused
before it is read, and the parse runs in a child process under
:mod:`oversight.loaders.bounded`'s time and memory limits. A page with no text
is refused, "web page has no text", naming the file.

Why selectolax: ``bench/bench_html.py`` parses and walks a 1 MB page with
selectolax (Lexbor) and with ``lxml.html`` (libxml2's HTML 4 parser, already
installed through python-docx). The parse alone is on a par (about 10 ms of
CPU each); the parse and a walk of every node took about half the CPU time
with selectolax (10 to 17 ms against 24 to 34 ms), and this reader takes
about 0.12 s of CPU a MB. What decided is that Lexbor implements the HTML5
parsing algorithm, so a saved page with broken markup is read as the browser
showed it: text misplaced between table cells is moved before the table
rather than joined into a row (the bench's docstring has the examples).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path
from typing import Any

from oversight.errors import UnreadableDocument
from oversight.loaders.bounded import read_bytes, run_bounded
from oversight.loaders.models import TextDocument
from oversight.loaders.read_text import decode_text
from oversight.loaders.toolkit.textparse import parse_date

__all__ = ["read_html", "html_lines", "MAX_HTML_BYTES"]

#: Larger web pages are refused rather than parsed.
MAX_HTML_BYTES = 32 * 1024 * 1024

_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu "
    "ol p section summary ul".split()
)
#: Elements whose content is never text of the paper.
_DROP = frozenset(
    "script style noscript template svg math iframe object embed canvas nav button select "
    "option input textarea head audio video map datalist".split()
)
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
#: class or id words that mark site furniture rather than the paper.
_FURNITURE = re.compile(r"(?:^|[-_\s])(?:skip|cookies?|breadcrumbs?)(?:$|[-_\s])", re.IGNORECASE)
_LAST_UPDATED = re.compile(
    r"^\W*(?:(?:page\s+)?(?:last\s+)?(?:updated|modified)|(?:date\s+|first\s+)?published)\s*(?:on)?\s*:?\s*(.+)$",
    re.IGNORECASE,
)
_META_DATES = (
    "article:modified_time",
    "article:published_time",
    "dcterms.modified",
    "dc.date.modified",
    "dcterms.date",
    "dc.date",
    "dcterms.issued",
    "date",
    "last-modified",
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_html(path: Path) -> TextDocument:
    """Read a saved web page: its text as lines, its title and its stated date.

    Parameters
    ----------
    path : Path
        The .html or .htm file.

    Returns
    -------
    TextDocument
        One line per block or table row, ``format="html"``, ``title`` and
        ``date`` (with ``date_line``, None for a date from metadata) set
        where the page states them, ``rows`` holding each table row's cells.

    Raises
    ------
    UnreadableDocument
        For a file too large, not text, taking too long to parse, or without text.
    """
    path = Path(path)
    data = read_bytes(path, MAX_HTML_BYTES, "a web page")
    text, encoding = _decode(data, str(path))
    import selectolax.lexbor  # noqa: F401 - loaded once here, so each forked parser finds it loaded

    page = run_bounded(_parse, path, text)
    lines: list[str] = page["lines"]
    if not any(line.strip() for line in lines):
        raise UnreadableDocument(path, "web page has no text")
    doc = TextDocument(
        lines, path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="html", encoding=encoding
    )
    doc.title = page["title"]
    doc.rows = {int(line): cells for line, cells in page["rows"].items()}
    doc.date, doc.date_line = _page_date(lines, page["times"], page["meta"])
    return doc


def html_lines(html: str) -> list[str]:
    """The lines of a page's text, as :func:`read_html` gives them (no limits, in-process).

    >>> html_lines("<p>AFI&nbsp;5 &amp; 6</p><ul><li>amber<li>green</ul>")
    ['AFI 5 & 6', '- amber', '- green']
    >>> html_lines("<table><tr><th>Ref<th>Status</tr><tr><td>AFI 1<td>Open</table>")
    ['Ref | Status', 'AFI 1 | Open']
    """
    return list(_parse(Path("<html>"), html)["lines"])


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode by byte-order mark, then the declared charset, then as the text reader does."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, path)
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            encoding = ""
        if encoding and not encoding.startswith("utf-16"):
            if encoding in ("latin-1", "iso8859-1", "ascii"):
                encoding = "cp1252"  # what browsers read a page declared Latin-1 or ASCII as
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                pass  # the declaration is wrong; detect instead
    return decode_text(data, path)


_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def _clean(text: str) -> str:
    if not text.isascii():
        text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    return " ".join(text.split())


def _prune(root: Any) -> None:
    """Remove what is not the paper's text from under ``root``, before it is walked.

    CSS finds the candidates (one pass each in C, instead of reading every
    node's attributes in Python); a class or id is checked word by word.
    """
    doomed = list(root.css(",".join(sorted(_DROP))))
    doomed += root.css("[hidden], [aria-hidden=true i]")
    doomed += root.css(", ".join(f"[role={role} i]" for role in sorted(_DROP_ROLES)))
    for word in ("skip", "cookie", "breadcrumb"):
        for node in root.css(f"[class*={word} i], [id*={word} i]"):
            marks = " ".join(v for v in (node.attributes.get("class"), node.attributes.get("id")) if v)
            if _FURNITURE.search(marks):
                doomed.append(node)
    for node in root.css("header, footer"):
        ancestor = node.parent
        while ancestor is not None and ancestor.tag not in ("main", "article"):
            ancestor = ancestor.parent
        if ancestor is None and not (root.tag == "main" or root.attributes.get("role") == "main"):
            doomed.append(node)
    for node in doomed:
        node.decompose()


class _Writer:
    """Accumulates inline text and flushes it as lines at block boundaries."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.rows: dict[int, list[str]] = {}
        self.times: list[tuple[str, int]] = []
        self._buffer: list[str] = []
        self._prefix = ""

    def text(self, piece: str) -> None:
        self._buffer.append(piece)

    def block(self, prefix: str = "") -> None:
        """End the line being built; the next one starts with ``prefix``."""
        line = _clean("".join(self._buffer)) if self._buffer else ""
        if line:
            self.lines.append(f"{self._prefix}{line}")
            self._prefix = ""
        self._buffer = []
        if prefix:
            self._prefix = prefix

    def row(self, cells: list[str]) -> None:
        self.block()
        if any(cells):
            self.lines.append(" | ".join(cells))
            self.rows[len(self.lines)] = cells

    @property
    def next_line(self) -> int:
        return len(self.lines) + 1


def _parse(path: Path, html: str) -> dict[str, Any]:
    """Lines, title, table rows, dated elements and metadata of a page (run in the bounded child)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = _clean(title_node.text()) if title_node is not None else ""
    if not title:
        heading = tree.css_first("h1")
        title = _clean(heading.text()) if heading is not None else ""
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        name = (node.attributes.get("name") or node.attributes.get("property") or "").lower()
        content = node.attributes.get("content")
        if name and content:
            meta.setdefault(name, content)
    root = tree.css_first("main") or tree.css_first('[role="main"]')
    if root is None or not _clean(root.text()):
        root = tree.body or tree.root
    writer = _Writer()
    if root is not None:
        _prune(root)
        _walk(root, writer)
    writer.block()
    return {
        "lines": writer.lines,
        "title": title or None,
        "rows": {str(k): v for k, v in writer.rows.items()},
        "times": writer.times,
        "meta": meta,
    }


def _walk(root: Any, out: _Writer) -> None:
    """Walk the tree without recursion (a hostile page may nest deeply), writing lines."""
    # Each entry: (node, entering?, ordered-list counter or None)
    stack: list[tuple[Any, bool, list[int] | None]] = [(root, True, None)]
    while stack:
        node, entering, counter = stack.pop()
        tag = node.tag
        if not entering:
            if tag in _BLOCK or tag == "pre":
                out.block()
            continue
        if tag == "-text":
            out.text(node.text_content or "")
            continue
        if tag[0] == "-":  # a comment, a doctype
            continue
        if tag == "br":
            out.block()
            continue
        if tag == "table":
            _table(node, out)
            continue
        if tag == "pre":
            out.block()
            for line in (node.text() or "").splitlines():
                out.text(line)
                out.block()
            continue
        if tag == "time":
            stamp = node.attributes.get("datetime")
            if stamp:
                out.times.append((stamp, out.next_line))
        child_counter = counter
        if tag == "ol":
            child_counter = [int(node.attributes.get("start") or 1) if (node.attributes.get("start") or "").isdigit() else 1]
        elif tag == "ul":
            child_counter = None
        if tag == "li":
            if counter is not None:
                out.block(f"{counter[0]}. ")
                counter[0] += 1
            else:
                out.block("- ")
        elif tag in _BLOCK:
            out.block()
        stack.append((node, False, counter))
        for child in reversed(list(node.iter(include_text=True))):
            stack.append((child, True, child_counter))


def _cell_text(cell: Any) -> str:
    """A cell's text on one line: its blocks and nested tables' rows joined by spaces."""
    inner = _Writer()
    _walk(cell, inner)
    inner.block()
    return " ".join(inner.lines)


def _own_rows(table: Any) -> list[Any]:
    """The table's rows, not those of tables nested in its cells."""
    rows = []
    for part in _children(table):
        if part.tag == "tr":
            rows.append(part)
        elif part.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in _children(part) if r.tag == "tr")
    return rows


def _children(node: Any) -> list[Any]:
    return list(node.iter(include_text=False))


def _table(table: Any, out: _Writer) -> None:
    out.block()
    for part in _children(table):
        if part.tag == "caption":
            out.text(_cell_text(part))
            out.block()
    below: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for tr in _own_rows(table):
        cells: list[str] = []
        column = 0
        for cell in _children(tr):
            if cell.tag not in ("td", "th"):
                continue
            column = _fill_spanned(cells, column, below)
            span = _span(cell.attributes.get("colspan"))
            down = _span(cell.attributes.get("rowspan"))
            cells.append(_cell_text(cell))
            cells.extend([""] * (span - 1))
            for covered in range(column, column + span):
                if down > 1:
                    below[covered] = down - 1
            column += span
        _fill_spanned(cells, column, below)
        while cells and not cells[-1]:
            cells.pop()
        out.row(cells)


def _fill_spanned(cells: list[str], column: int, below: dict[int, int]) -> int:
    """Empty cells for the columns a cell above spans down into; the next free column."""
    while below.get(column, 0) > 0:
        below[column] -= 1
        cells.append("")
        column += 1
    return column


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _iso_stamp(stamp: str) -> str | None:
    """An ISO date from a ``datetime``/metadata value ("2024-03-31T10:00:00Z"), checked, else None."""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2}|\d{4}-\d{2})(?:[T\s]|$)", stamp)
    return parse_date(match.group(1)) if match else parse_date(stamp)


def _page_date(lines: list[str], times: list[list[Any]], meta: dict[str, str]) -> tuple[str | None, int | None]:
    """The date the page states, and the line that states it (None for metadata)."""
    for number, line in enumerate(lines, start=1):
        match = _LAST_UPDATED.match(line)
        if match:
            iso = parse_date(match.group(1).strip())
            if iso:
                return iso, number
    for stamp, line in times:
        iso = _iso_stamp(stamp)
        if iso:
            return iso, line if line <= len(lines) else None
    for name in _META_DATES:
        if name in meta:
            iso = _iso_stamp(meta[name])
            if iso:
                return iso, None
    return None, None
