"""The tracker: the governance lead's spreadsheet as one offline HTML page, a CSV and an XLSX.

All three show the rows of :func:`oversight.queries.tracker.tracker` (one per
finding, its standing as the build derived it, the overdue mark of
:func:`oversight.graph.standing.overdue_on` on the chosen day), so they never
disagree with each other or with any other command.

The page is built as the views are (:mod:`oversight.viz.page`): one file that
needs nothing but itself (the script and style inlined, a Content-Security-Policy
that allows only that script, by hash, and no network at all), the data in a
``<script type="application/json">`` block serialised by
:func:`~oversight.viz.page.script_json`, and document text reaching the page only
through ``textContent``. It sorts by any column, filters by any column, searches
the text, groups by inspection, board or owner, and gives each finding a permalink
(``#finding=<key>``). Clicking a fact opens its evidence in the details panel: the
reason, and the paper's own passage (:mod:`oversight.viz.evidence`: the document's
title and date, the paragraph around the cited lines with those lines highlighted,
a link to the whole text, carried in the page); a deduced or inferred fact shows
what it was deduced or inferred from, each with its passage.

The spreadsheets give each fact's source in the column beside it ("outcome",
then "outcome source": document title and line), and every cell that a
spreadsheet would run as a formula is neutralised (:func:`oversight.cells.safe_cell`).

>>> from oversight.viz.examples import example_graph
>>> html = tracker_html(example_graph(), "2024-01-31")
>>> html.count("<script"), "https://" in html.split("<script")[0]
(2, False)
>>> header, rows = tracker_table(example_graph(), "2024-01-31")
>>> header[:4]
['finding', 'key', 'aliases', 'inspection']
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from pathlib import Path
from typing import Any

from oversight.cells import safe_cell
from oversight.errors import BadParameter
from oversight.graph.export import write_atomically
from oversight.graph.model import OversightGraph
from oversight.queries.tracker import tracker
from oversight.viz.builder import node_label
from oversight.viz.evidence import cited_documents, texts_payload
from oversight.viz.page import _checked_script, _sha256, script_json
from oversight.viz.styles import styles

__all__ = [
    "DEFAULT_TRACKER",
    "COLUMNS",
    "tracker_data",
    "tracker_html",
    "tracker_html_of",
    "tracker_table",
    "inspection_table",
    "write_tracker",
    "write_tracker_csv",
    "write_tracker_xlsx",
]

#: Default output file of ``oversight tracker`` (in the current directory).
DEFAULT_TRACKER = "oversight-tracker.html"

#: The page's columns: id, heading, and how it is filtered (a list of values or free text).
COLUMNS: list[dict[str, str]] = [
    {"id": "finding", "title": "Finding", "filter": "text"},
    {"id": "inspection", "title": "Inspection", "filter": "select"},
    {"id": "area", "title": "Area", "filter": "select"},
    {"id": "text", "title": "Text", "filter": "text"},
    {"id": "outcome", "title": "Outcome", "filter": "select"},
    {"id": "basis", "title": "How known", "filter": "select"},
    {"id": "status", "title": "Latest status", "filter": "select"},
    {"id": "rag", "title": "RAG", "filter": "select"},
    {"id": "assessed", "title": "Assessed", "filter": "text"},
    {"id": "owner", "title": "Owner", "filter": "select"},
    {"id": "board", "title": "Board", "filter": "select"},
    {"id": "due", "title": "Due", "filter": "text"},
    {"id": "overdue", "title": "Overdue", "filter": "select"},
    {"id": "supersedes", "title": "Supersedes", "filter": "text"},
    {"id": "supersededBy", "title": "Superseded by", "filter": "text"},
]


def _short(graph: OversightGraph, row: dict[str, Any]) -> str:
    short = styles().for_class(row["kind"]).short_label or row["kind"]
    return f"{short} {row['number']}" if row["number"] is not None else f"{short} {row['key'].rsplit('/', 1)[-1]}"


def _inspection_label(graph: OversightGraph, key: str | None) -> str:
    if key is None:
        return "(no inspection)"
    node = graph.node(key)
    if node.get("round") and node.get("kind") == "peel":
        return f"PEEL {node['round']}" + (f" {node['pillar']}" if node.get("pillar") else "")
    return node_label(graph, node)


def _inspection_labels(graph: OversightGraph, keys: list[str | None]) -> dict[str | None, str]:
    """Each inspection's label, its key added where two would read the same (two boards' meetings on one day)."""
    labels = {key: _inspection_label(graph, key) for key in keys}
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {key: f"{label} ({key})" if seen[label] > 1 and key else label for key, label in labels.items()}


def _finding_label(graph: OversightGraph, key: str) -> str:
    return node_label(graph, graph.node(key)) if key in graph else key


def _held(link: dict[str, Any]) -> str:
    """An owner or board as the table shows it: its name, and how it is known when not stated."""
    if link.get("via"):
        confidence = f", confidence {link['confidence']:.2f}" if link.get("confidence") is not None else ""
        return f"{link['name']} (via {link['via']}{confidence})"
    return str(link["name"])


def _link_text(graph: OversightGraph, link: dict[str, Any]) -> str:
    label = _finding_label(graph, link["key"])
    if link["suggestion"]:
        confidence = f", confidence {link['confidence']:.2f}" if link.get("confidence") is not None else ""
        return f"{label} (inferred: a suggestion{confidence})"
    return f"{label} ({link['basis']})"


def _overdue_text(row: dict[str, Any]) -> str:
    return f"overdue (due {row['overdueDue']})" if row["overdue"] else ""


def tracker_data(graph: OversightGraph, as_of: str) -> dict[str, Any]:
    """The page's data block: the rows of :func:`~oversight.queries.tracker.tracker`, each
    with ``label``, its display ``cells`` (a string, or a list for a column with many
    values), the plain ``names`` of its owners and boards (what their filters and
    groups use, however each link is known) and ``sort`` keys, plus the inspections,
    the columns and the day."""
    data = tracker(graph, as_of)
    order = {summary["key"]: index for index, summary in enumerate(data["inspections"])}
    labels = _inspection_labels(graph, list(order))
    rows = []
    for row in data["findings"]:
        cells: dict[str, Any] = {
            "finding": _short(graph, row),
            "inspection": labels[row["inspection"]],
            "area": row["area"] or "",
            "text": row["text"] or "",
            "outcome": row["outcome"] or "",
            "basis": row["outcomeBasis"] or "",
            "status": row["status"] or "",
            "rag": row["rag"] or "",
            "assessed": row["statusDate"] or "",
            "owner": [_held(o) for o in row["owners"]],
            "board": [_held(b) for b in row["boards"]],
            "due": row["due"] or "",
            "overdue": "overdue" if row["overdue"] else "",
            "supersedes": [_link_text(graph, link) for link in row["supersedes"]],
            "supersededBy": [_link_text(graph, link) for link in row["supersededBy"]],
        }
        rows.append(
            {
                **row,
                "label": _finding_label(graph, row["key"]),
                "cells": cells,
                "names": {
                    "owner": sorted({o["name"] for o in row["owners"]}),
                    "board": sorted({b["name"] for b in row["boards"]}),
                },
                "sort": {
                    "finding": [row["kind"], row["number"] if isinstance(row["number"], int) else -1, row["key"]],
                    "inspection": order[row["inspection"]],
                    "due": row["dueBy"] or "",
                },
            }
        )
    inspections = [{**summary, "label": labels[summary["key"]]} for summary in data["inspections"]]
    out = {"asOf": as_of, "columns": COLUMNS, "inspections": inspections, "findings": rows}
    for row in rows:
        _label_grounds(graph, row["outcomeFrom"])
        for link in row["supersedes"] + row["supersededBy"]:
            _label_grounds(graph, link["from"])
    out["texts"] = texts_payload(graph, cited_documents(out))
    return out


def _label_grounds(graph: OversightGraph, grounds: list[dict[str, Any]]) -> None:
    """Name each thing a deduced or inferred fact rests on as a person reads it."""
    for ground in grounds:
        ground["label"] = node_label(graph, graph.node(ground["key"]))


@functools.cache
def _asset(name: str) -> str:
    text = (resources.files("oversight.viz") / name).read_text(encoding="utf-8")
    return _checked_script(text, f"viz/{name}") if name.endswith(".js") else text


@functools.lru_cache(maxsize=1)
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(_asset("templates/tracker.html.j2"))


def tracker_html(graph: OversightGraph, as_of: str) -> str:
    """The tracker as one HTML page that needs nothing but itself."""
    return tracker_html_of(tracker_data(graph, as_of))


def tracker_html_of(data: dict[str, Any]) -> str:
    """The page of :func:`tracker_data`'s ``data``."""
    from markupsafe import Markup

    as_of = data["asOf"]
    app_js = _asset("static/evidence.js") + "\n" + _asset("static/tracker.js")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_sha256(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    n = len(data["findings"])
    return str(
        _template().render(
            title="Findings tracker",
            as_of=as_of,
            counts=f"{n} finding{'s' * (n != 1)} from {len(data['inspections'])} inspections and meetings",
            columns=COLUMNS,
            csp=csp,
            css=Markup(_asset("static/tracker.css") + _asset("static/evidence.css")),
            app_js=Markup(app_js),
            data_json=Markup(script_json(data)),
        )
    )


def write_tracker(graph: OversightGraph, path: str | Path, as_of: str, overwrite: bool = False) -> Path:
    """Write the HTML tracker atomically; an existing file is kept unless ``overwrite``."""
    return write_atomically(Path(path), tracker_html(graph, as_of), overwrite=overwrite)


# -- the spreadsheets ---------------------------------------------------------------------


def _cite(source: dict[str, Any] | None) -> str:
    return str(source["cite"]) if source else ""


def _link_cite(link: dict[str, Any]) -> str:
    if link.get("source"):
        return _cite(link["source"])
    if link.get("suggestion"):
        return f"inferred from: {link['reason']}" if link.get("reason") else "inferred"
    if link.get("basis") == "register":
        return "the register (no line cited)"
    if link.get("via"):
        return f"deduced via its {link['via']}"
    return "no line cited"


def _cites(links: list[dict[str, Any]]) -> str:
    return "; ".join(_link_cite(link) for link in links)


def tracker_table(
    graph: OversightGraph, as_of: str, data: dict[str, Any] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """The tracker as a spreadsheet: a header and one row per finding, each fact
    followed by its source (document title and line). Cells are as the tool
    found them; :func:`write_tracker_csv` and :func:`write_tracker_xlsx` neutralise
    formulas on the way out. ``data`` is :func:`~oversight.queries.tracker.tracker`'s, when built."""
    header = [
        "finding", "key", "aliases", "inspection", "number", "area",
        "text", "text source",
        "outcome", "how known", "outcome reason", "outcome date", "outcome source",
        "latest status", "status date", "RAG", "status source",
        "owner", "owner source",
        "board", "board source",
        "due", "due from", "due source",
        f"overdue as of {as_of}",
        "supersedes", "supersedes source",
        "superseded by", "superseded by source",
    ]  # fmt: skip
    rows = []
    for row in (data or tracker(graph, as_of))["findings"]:
        due_source = row["statusSource"] if row["dueSource"] == "anticipatedCompletion" else row["textSource"]
        rows.append(
            [
                _short(graph, row),
                row["key"],
                "; ".join(row["aliases"]),
                _inspection_label(graph, row["inspection"]),
                row["number"],
                row["area"] or "",
                row["text"] or "",
                _cite(row["textSource"]),
                row["outcome"] or "",
                row["outcomeBasis"] or "",
                row["outcomeReason"] or "",
                row["outcomeDate"] or "",
                _cite(row["outcomeSource"]),
                row["status"] or "",
                row["statusDate"] or "",
                row["rag"] or "",
                _cite(row["statusSource"]),
                "; ".join(_held(o) for o in row["owners"]),
                _cites(row["owners"]),
                "; ".join(_held(b) for b in row["boards"]),
                _cites(row["boards"]),
                row["due"] or "",
                {"anticipatedCompletion": "anticipated completion", "deadline": "deadline"}.get(row["dueSource"] or "", ""),
                _cite(due_source) if row["due"] else "",
                _overdue_text(row),
                "; ".join(_link_text(graph, link) for link in row["supersedes"]),
                _cites(row["supersedes"]),
                "; ".join(_link_text(graph, link) for link in row["supersededBy"]),
                _cites(row["supersededBy"]),
            ]
        )
    return header, rows


def _refuse_existing(path: Path, overwrite: bool) -> None:
    if path.is_dir():
        raise BadParameter(f"{path}: is a directory")
    if path.exists() and not overwrite:
        raise BadParameter(f"{path}: already exists (use --force to replace it)")


def write_tracker_csv(
    graph: OversightGraph, path: str | Path, as_of: str, overwrite: bool = False, data: dict[str, Any] | None = None
) -> Path:
    """Write the tracker table as CSV (UTF-8 with a BOM, so spreadsheet programs read it
    as UTF-8), every formula-like cell neutralised. ``data`` is the tracker's, when built."""
    target = Path(path)
    _refuse_existing(target, overwrite)
    header, rows = tracker_table(graph, as_of, data)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return write_atomically(target, "\ufeff" + buffer.getvalue(), overwrite=overwrite)


def write_tracker_xlsx(
    graph: OversightGraph, path: str | Path, as_of: str, overwrite: bool = False, data: dict[str, Any] | None = None
) -> Path:
    """Write the tracker table as an Excel workbook (openpyxl): the findings sheet, with a
    filter on every column and the header frozen, and an inspections sheet with the
    stated counts beside what is attributed to findings; every formula-like cell neutralised."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    target = Path(path)
    _refuse_existing(target, overwrite)
    data = data or tracker(graph, as_of)
    header, rows = tracker_table(graph, as_of, data)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Findings"
    sheet.append(header)
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    inspections = book.create_sheet("Inspections")
    inspection_header, inspection_rows = inspection_table(graph, as_of, data)
    inspections.append(inspection_header)
    for row in inspection_rows:
        inspections.append([safe_cell(cell) for cell in row])
    for cell in inspections[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return _write_bytes(target, buffer.getvalue(), overwrite)


def inspection_table(
    graph: OversightGraph, as_of: str, data: dict[str, Any] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """Each inspection's stated counts beside the findings they are attributed to, one row
    per statement (an inspection no paper states counts about has one row)."""
    header = ["inspection", "key", "published", "findings", "by outcome", "stated outcome", "area", "stated", "of", "identified", "reconciles", "statement source"]
    rows: list[list[Any]] = []
    for summary in (data or tracker(graph, as_of))["inspections"]:
        head = [
            _inspection_label(graph, summary["key"]),
            summary["key"] or "",
            summary["published"] or "",
            summary["findings"],
            ", ".join(f"{n} {outcome}" for outcome, n in summary["outcomes"].items()),
        ]
        if not summary["statements"]:
            rows.append(head + ["", "", "", "", "", "", ""])
        for s in summary["statements"]:
            rows.append(
                head
                + [s["outcome"], s["area"] or "", s["stated"], s["ofTotal"], s["identified"], "yes" if s["reconciles"] else "no", _cite(s["source"])]
            )
    return header, rows


def _write_bytes(path: Path, data: bytes, overwrite: bool) -> Path:
    """:func:`~oversight.graph.export.write_atomically`, after the tracker's own refusal message."""
    _refuse_existing(path, overwrite)
    return write_atomically(path, data, overwrite=True)
