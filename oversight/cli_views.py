"""CLI commands for the HTML pages: ``oversight view graph|node|lineage|boards|inspection`` and ``oversight tracker``.

:func:`register` adds the ``view`` group to the main app (``oversight/cli.py``
calls it), so the views share its one error policy: a library error (an
unknown key, an output file that exists) is one line and exit code 2. Each
command parses its options, calls :func:`oversight.api.write_view` and prints
where the page went. The page is one self-contained HTML file that opens
offline; an existing file is never replaced without ``--force``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from oversight.cli_options import (
    JsonOption,
    StoreOption,
    choice_option,
    finding_statuses,
    node_labels,
    settings,
)
from oversight.render import print_json, say

__all__ = ["register", "view_app", "tracker_command"]

# Options of the commands below; --store and --json are shared (cli_options).
OutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output", "-o", help="File to write \\[default oversight-VIEW.html in the current directory].", show_default=False
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
ColourOption = Annotated[
    str,
    typer.Option("--colour-by", help="Fill findings by their RAG rating (rag) or their outcome (outcome)."),
]

view_app = typer.Typer(
    name="view",
    help=(
        "Write an interactive HTML view of the graph: one self-contained file that opens offline "
        "from a shared drive, with a legend, search, filters, and tooltips that cite the document "
        "line behind each fact; click a node or link for the paper's own passage."
    ),
    no_args_is_help=True,
)


def _write(name: str, store: Path | None, output: Path | None, force: bool, as_json: bool, key: str | None = None, **options: Any) -> None:
    from oversight import api

    cfg = settings(store)
    report = api.write_view(cfg.store, name, output, key=key, overwrite=force, **options)
    if as_json:
        print_json({"ok": True, **report})
    else:
        say(
            f"wrote the {name} view ({report['nodes']} nodes, {report['edges']} links) to {report['path']}"
        )


@view_app.command("graph")
def graph_command(
    label: Annotated[
        Optional[list[str]],
        choice_option("--label", "label", node_labels(), "Only nodes with this label (repeat for more); Document also draws the documents."),
    ] = None,
    inspection: Annotated[
        Optional[str],
        typer.Option("--inspection", help="Only this inspection, its findings and their neighbours.", show_default=False),
    ] = None,
    status: Annotated[
        Optional[str],
        choice_option("--status", "finding status", finding_statuses(), "Only findings whose latest status is this (unknown: no paper assessed it), with their neighbours."),
    ] = None,
    expanded: Annotated[
        bool, typer.Option("--expanded", help="Start with every inspection expanded (the whole graph starts folded by inspection).")
    ] = False,
    colour_by: ColourOption = "rag",
    output: OutputOption = None,
    force: ForceOption = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """The whole graph, or the part the filters keep.

    The whole graph starts with each inspection folded, with its findings, into
    one node: click it to expand it. Status assessments are folded into their
    finding (its details list the history). Documents are not drawn: clicking a
    node or link shows the paper's own passage behind each fact (unless --label Document).
    """
    _write(
        "graph", store, output, force, as_json,
        labels=label, inspection=inspection, status=status, colour_by=colour_by, grouped=False if expanded else None,
    )  # fmt: skip


@view_app.command("node")
def node_command(
    key: Annotated[str, typer.Argument(help="The node's key, e.g. kent-police/peel-2021-22/afi-05.", show_default=False)],
    depth: Annotated[int, typer.Option("--depth", min=0, help="How many relationships out from the node.")] = 1,
    colour_by: ColourOption = "rag",
    output: OutputOption = None,
    force: ForceOption = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """One node and its neighbourhood, to --depth relationships either way."""
    _write("node", store, output, force, as_json, key=key, depth=depth, colour_by=colour_by)


@view_app.command("lineage")
def lineage_command(
    key: Annotated[str, typer.Argument(help="A finding's key, e.g. kent-police/peel-2021-22/afi-05.", show_default=False)],
    stated_only: Annotated[
        bool, typer.Option("--stated-only", help="Leave out links the tool inferred; keep stated and registered ones.")
    ] = False,
    colour_by: Annotated[
        str, typer.Option("--colour-by", help="Fill findings by their outcome (outcome) or RAG rating (rag).")
    ] = "outcome",
    output: OutputOption = None,
    force: ForceOption = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """A finding's supersession chain, both ways, left to right by publication date.

    Stated links are solid, registered ones dashed, inferred ones dotted and
    labelled with the tool's confidence: a suggestion, not a fact.
    """
    _write("lineage", store, output, force, as_json, key=key, stated_only=stated_only, colour_by=colour_by)


@view_app.command("boards")
def boards_command(
    colour_by: ColourOption = "rag",
    output: OutputOption = None,
    force: ForceOption = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """The accountability map: findings, their owners, boards, chairs, and whom they answer to."""
    _write("boards", store, output, force, as_json, colour_by=colour_by)


@view_app.command("inspection")
def inspection_command(
    key: Annotated[str, typer.Argument(help="An inspection's key, e.g. kent-police/peel-2021-22.", show_default=False)],
    output: OutputOption = None,
    force: ForceOption = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """One inspection and its findings, each filled by its outcome (closed, superseded, …)."""
    _write("inspection", store, output, force, as_json, key=key)


def tracker_command(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="File to write \\[default oversight-tracker.html in the current directory].", show_default=False),
    ] = None,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", help="The day the overdue marks are for, YYYY-MM-DD \\[default today].", show_default=False),
    ] = None,
    csv: Annotated[
        Optional[Path],
        typer.Option("--csv", help="Also write the table as CSV, each fact's source in the column beside it.", show_default=False),
    ] = None,
    xlsx: Annotated[
        Optional[Path],
        typer.Option("--xlsx", help="Also write the table as an Excel workbook (.xlsx), sources beside facts.", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the output files if they exist.")] = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write the findings tracker: one offline HTML page that replaces the spreadsheet.

    Every inspection with its stated counts beside what is attributed to its
    findings; each finding's number, area, text, outcome and how it is known,
    latest status, RAG and date, owner, board, due date, an overdue mark as of
    --as-of, and supersession both ways (inferred links marked as suggestions).
    Sort, filter, search, group by inspection, board or owner; each finding has a
    permalink (#finding=KEY); click a fact for the paper's own passage behind it
    (the cited lines highlighted, the whole text a click away, carried in the page).
    """
    from oversight import api

    cfg = settings(store)
    report = api.write_tracker(cfg.store, output, as_of=as_of, csv=csv, xlsx=xlsx, overwrite=force)
    if as_json:
        print_json({"ok": True, **report})
        return
    say(
        f"wrote the tracker ({report['findings']} findings, {report['overdue']} overdue as of {report['asOf']}) "
        f"to {report['path']}"
    )
    for kind in ("csv", "xlsx"):
        if report[kind]:
            say(f"wrote the same table as {kind.upper()} to {report[kind]}")


def register(app: typer.Typer) -> None:
    """Add the ``view`` command group and the ``tracker`` command to the main app."""
    app.add_typer(view_app, name="view")
    app.command("tracker")(tracker_command)
