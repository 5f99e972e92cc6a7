"""The ``oversight`` command: parse, call :mod:`oversight.api`, render.

Each command calls one library function and hands the result to one renderer
(a rich table, or JSON with ``--json``). Library errors all derive from
:class:`~oversight.errors.OversightError`; :class:`OversightGroup` catches that
one class, prints one line (file or key first, then the problem) and exits 2.
Usage errors get the same one-line treatment. No command prints a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from oversight import __version__
from oversight.cli_options import (
    JsonOption,
    StoreOption,
    choice_option,
    document_families,
    finding_kinds,
    finding_statuses,
    progress_bar,
    settings,
)
from oversight.errors import OversightError
from oversight.render import Lines, print_error, print_json, print_table, say, warn

__all__ = ["app", "main"]


class OversightGroup(TyperGroup):
    """Runs commands with one error policy: one line, exit code 2."""

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None, standalone_mode: bool = True, **extra: Any) -> Any:  # type: ignore[override]
        argv = list(args) if args is not None else sys.argv[1:]
        as_json = "--json" in argv
        try:
            rv = super().main(args=argv, prog_name=prog_name or "oversight", complete_var=complete_var, standalone_mode=False, **extra)
        except typer.Exit as exc:
            sys.exit(exc.exit_code)
        except typer.Abort:
            print_error("aborted", as_json)
            sys.exit(1)
        except typer.TyperException as exc:  # usage errors: unknown command, bad option value
            if type(exc).__name__ == "NoArgsIsHelpError":
                sys.exit(0)
            print_error(exc.format_message(), as_json)
            sys.exit(2)
        except OversightError as exc:
            print_error(str(exc), as_json)
            sys.exit(2)
        except OSError as exc:
            # The file system said no where the library writes an output the user named
            # (a view, an export, the demo's folder): disk full, a file size limit, no
            # permission. One line naming the file, as for any other bad input.
            where = exc.filename if exc.filename is not None else "output"
            print_error(f"{where}: cannot write ({exc.strerror or exc.__class__.__name__})", as_json)
            sys.exit(2)
        except KeyboardInterrupt:
            print_error("interrupted", as_json)
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


app = typer.Typer(
    cls=OversightGroup,
    name="oversight",
    help=(
        "Turn police-oversight papers (inspection reports, committee papers, minutes) into a "
        "knowledge graph of inspections, findings, owners, boards and supersession, where every "
        "fact cites the document line that states it.\n\n"
        "Start with `oversight ingest PAPERS/`, then `oversight stats` and `oversight findings`. "
        "The graph lives in a store directory (--store, OVERSIGHT_STORE, default ./.oversight)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _version(value: bool) -> None:
    if value:
        say(f"oversight {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Oversight Graph."""


# -- ingest ----------------------------------------------------------------------


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (read recursively): .txt .md .pdf .docx .html papers, .csv .xlsx trackers and .yaml registers.", show_default=False)],
    store: StoreOption = None,
    type_: Annotated[
        Optional[str],
        choice_option("--type", "document family", document_families(), "Force the document family instead of detecting it."),
    ] = None,
    columns: Annotated[
        Optional[str],
        typer.Option(
            "--columns",
            help="Map a tracker's columns by hand: field=column pairs (column by header or letter), e.g. 'status=C,owner=Lead officer', or a YAML file of them. Fields: ref, text, inspection, status, rag, owner, board, due, update, updated.",
        ),
    ] = None,
    inspection: Annotated[
        Optional[str],
        typer.Option("--inspection", help="The inspection a tracker's rows belong to when it does not say (e.g. 'PEEL 2021/22')."),
    ] = None,
    lock_wait: Annotated[
        Optional[float],
        typer.Option("--lock-wait", help="Seconds to wait for another oversight process to release the store \\[env OVERSIGHT_LOCK_WAIT; default 10].", min=0),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Read papers and registers into the store and rebuild the graph.

    Each file's family is detected from its content; --type forces one. A file
    that cannot be read or recognised is named on one line, the other files are
    still ingested, and the command exits 2 at the end.
    """
    from oversight import api

    with progress_bar("reading", quiet=as_json) as tick:
        cfg = settings(store, lock_wait=lock_wait)
        report = api.ingest(
            paths, cfg.store, family=type_, on_progress=tick, lock_wait=cfg.lock_wait, columns=columns, inspection=inspection
        )
    if as_json:
        print_json(report.as_dict())
    else:
        _render_ingest(report)
    if report.problems:
        if not as_json:
            for problem in report.problems:
                print_error(str(problem))
        raise typer.Exit(2)


def _render_ingest(report: Any) -> None:
    print_table(
        f"Ingested {len(report.documents)} document(s) into {report.store}",
        ["family", "documents"],
        sorted(report.families.items()),
    )
    if report.facts:
        print_table("Facts by kind", ["kind", "facts"], sorted(report.facts.items()))
    for warning in report.warnings:
        warn(warning)
    for path in report.replaced:
        say(f"replaced the earlier version of {path}")
    if report.skipped:
        say(f"skipped {len(report.skipped)} file(s) of unsupported types")
    say(
        f"{len(report.warnings)} warning(s); graph now has {report.nodes} nodes and {report.relationships} relationships"
    )


# -- stats -------------------------------------------------------------------------


@app.command()
def stats(store: StoreOption = None, as_json: JsonOption = False) -> None:
    """Counts of nodes by label and relationships by type, and names awaiting review.

    A name the gazetteer does not know (a board or post no one has catalogued)
    gets a node flagged unresolved; they are listed here for review.
    """
    from oversight import api

    data = api.stats(settings(store).store)
    if as_json:
        print_json(data)
        return
    print_table(f"{data['nodes']} nodes by label", ["label", "nodes"], data["labels"].items())
    print_table(
        f"{data['relationships']} relationships by type", ["type", "relationships"], data["relationshipTypes"].items()
    )
    if data["unresolved"]:
        print_table(
            "Unresolved names awaiting review",
            ["key", "label", "name", "as written"],
            [(u["key"], u["label"], u["name"], u["surfaceNames"]) for u in data["unresolved"]],
        )
    else:
        say("No unresolved names.")


# -- export ------------------------------------------------------------------------


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (node-link), ttl, jsonld or graphml.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists.")] = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Export the graph to a file.

    json is the node-link contract {"nodes": [{"key", "labels", ...}], "edges":
    [{"source", "target", "type", ...}]}; ttl and jsonld are RDF under the
    ontology; graphml is for Gephi and yEd. An existing file is never replaced
    without --force.
    """
    from oversight import api

    path = api.export(settings(store).store, fmt, output, overwrite=force)
    if as_json:
        print_json({"ok": True, "format": fmt, "path": str(path)})
    else:
        say(f"wrote {fmt} to {path}")


# -- validate ------------------------------------------------------------------------


#: ``oversight.graph.validate.ENGINES``, written here so the CLI starts without rdflib (a test keeps them equal).
SHACL_ENGINES = ("turbo", "pyshacl")


@app.command()
def validate(
    engine: Annotated[str, choice_option("--engine", "SHACL engine", SHACL_ENGINES, "SHACL engine: turbo (Rust, the default) or pyshacl (the engine before issue 16: the same violations, far slower at scale).")] = "turbo",
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check the graph against the SHACL shapes and the graph checks.

    Lists each violation with the node it concerns; exits 1 when there is any,
    0 when the graph is valid.
    """
    from oversight import api

    with progress_bar("checking", quiet=as_json) as tick:
        violations = api.validate(settings(store).store, engine=engine, on_progress=tick)
    if as_json:
        print_json({"ok": not violations, "violations": [v.as_dict() for v in violations]})
    elif violations:
        print_table(
            f"{len(violations)} violation(s)",
            ["node", "check", "problem"],
            [(v.focus, v.check, v.message) for v in violations],
        )
    else:
        say("valid: no violations")
    if violations:
        raise typer.Exit(1)


# -- findings ------------------------------------------------------------------------


@app.command()
def findings(
    kind: Annotated[Optional[str], choice_option("--kind", "finding kind", finding_kinds(), "Only findings of this kind.")] = None,
    inspection: Annotated[Optional[str], typer.Option("--inspection", help="Key of the issuing inspection (e.g. kent-police/peel-2021-22).")] = None,
    status: Annotated[Optional[str], choice_option("--status", "finding status", finding_statuses(), "Only findings whose latest status is this (unknown: no paper assessed it).")] = None,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """List findings with status, RAG, due date, owner and overseeing board.

    The status is the latest one any paper gave; `oversight trace KEY` shows the
    whole history.
    """
    from oversight import api

    rows = api.findings(settings(store).store, kind=kind, inspection=inspection, status=status)
    if as_json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} finding(s)",
        ["key", "kind", "outcome", "known", "status", "RAG", "due", "owner", "board", "text"],
        [
            (
                r["key"], r["kind"], r["outcome"], r["basis"], r["status"], r["rag"], r["due"], r["owners"], r["boards"],
                r["text"],
            )
            for r in rows
        ],
    )


# -- lineage and closure ----------------------------------------------------------------


def _source(title: str | None, line: Any, quote: str | None) -> str:
    """Where a person finds the words: the document's title and date, the line, the whole quote."""
    where = f"{title}, line {line}" if line is not None else str(title)
    return f"{where}: \u201c{quote}\u201d" if quote else where


def _cites(row: dict[str, Any]) -> Lines:
    """Each piece of a row's evidence on its own line: a paper by title, date and line
    with its quote; an inference by what it was inferred from."""
    return Lines(
        e["inference"] if "inference" in e else _source(e.get("title") or e.get("path") or e["document"], e.get("line"), e.get("quote"))
        for e in row.get("evidence", [])
    )


@app.command()
def trace(
    key: Annotated[str, typer.Argument(help="Key of the finding, e.g. kent-police/peel-2021-22/afi-05.", show_default=False)],
    stated_only: Annotated[bool, typer.Option("--stated-only", help="Leave out links the tool inferred.")] = False,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """The lineage of a finding: what it superseded and what superseded it, with the basis and line of each hop.

    Both directions, transitively. Each hop says its basis: stated (a paper says
    so), register (a governance lead asserted it) or inferred (the tool's
    suggestion, with its confidence; --stated-only leaves these out). Then the
    finding's status history in date order, its owners and its boards.
    """
    from oversight import api

    data = api.trace(settings(store).store, key, stated_only=stated_only)
    if as_json:
        print_json(data)
        return
    f = data["finding"]
    say(f"{f['key']}  {f['kind']} {f['number'] or ''} of {f['issuedByTitle'] or '?'} (issued {f['date'] or '?'})")
    if f["text"]:
        say(f"  {f['text']}")
    say(f"  area: {f['area'] or '-'}   latest status: {f['status']}   due: {f['due'] or '-'}")
    say(f"  outcome: {f['outcome']} ({f['basis']}): {f['reason']}")
    for title, hops in (("Superseded by", data["supersededBy"]), ("Supersedes", data["supersedes"])):
        if hops:
            print_table(
                title,
                ["depth", "finding", "basis", "confidence", "issued", "evidence"],
                [(h["depth"], h["key"], h["basis"], h["confidence"], h["date"], _cites(h)) for h in hops],
            )
        else:
            say(f"{title}: none recorded")
    if data["history"]:
        print_table(
            "Status history",
            ["date", "status", "RAG", "anticipated", "source"],
            [(h.get("date"), h.get("status"), h.get("rag"), h.get("anticipatedCompletion"), _cites(h)) for h in data["history"]],
        )
    owners = ", ".join(o["name"] for o in data["owners"]) or "none recorded"
    boards = ", ".join(f"{b['name']} (chair: {', '.join(b['chairs']) or '?'})" for b in data["boards"]) or "none recorded"
    say(f"owners: {owners}")
    say(f"boards: {boards}")


@app.command()
def reconcile(
    inspection: Annotated[Optional[str], typer.Argument(help="Key of the inspection (default: every inspection a paper states counts about).", show_default=False)] = None,
    store: StoreOption = None,
    as_json: JsonOption = False,
) -> None:
    """Reconcile what papers say an inspection's findings became with each finding's record.

    Lists every finding with its outcome and how it is known (the standing
    every command shows): recorded (with the line), deduced from the stated
    counts (with the statements that force it), inferred (a count matched to
    it by wording), or unknown (with the outcomes still possible). Then each stated
    count, whether it reconciles, and each discrepancy with the findings involved.
    """
    from oversight import api

    reports = api.reconcile(settings(store).store, inspection)
    if as_json:
        print_json(reports)
        return
    if not reports:
        say("No inspection has stated counts to reconcile.")
    for report in reports:
        _render_reconcile(report)


def _render_reconcile(report: dict[str, Any], *, brief: bool = False) -> None:
    """The reconcile report; ``brief`` (the demo) leaves out how each outcome is known
    and which findings each count still leaves open, and says where to read them."""
    columns = ["#", "finding", "area", "outcome", "basis"] + ([] if brief else ["how known"])
    rows = []
    for r in report["findings"]:
        row = [r["number"], r["key"], r["area"], r["outcome"], r["basis"]]
        if not brief:
            how = r["how"] or ""
            if r["basis"] == "unknown" and r.get("inferredSuccessors"):
                how += "; inferred successor: " + ", ".join(f"{s['key']} ({s['confidence']:.2f})" for s in r["inferredSuccessors"])
            row.append(how)
        rows.append(row)
    print_table(f"{report['title']} ({report['inspection']}): {len(rows)} findings", columns, rows)
    totals = ", ".join(f"{n} {o}" for o, n in report["totals"].items() if n)
    say(f"totals: {totals or 'none'}")
    print_table(
        "Stated counts",
        ["outcome", "area", "stated", "identified", "reconciles", "source"],
        [
            (s["outcome"], s["area"] or "all", s["stated"], s["recordedOrDeduced"], "yes" if s["reconciles"] else "no", _source(s.get("documentTitle"), s["line"], s["quote"]))
            for s in report["statements"]
        ],
    )
    for d in report["discrepancies"]:
        say(f"discrepancy: {d['message']}")
    if not brief:
        for item in report["toSettle"]:
            where = f" in {item['area']}" if item["area"] else ""
            among = ", ".join(k.rsplit("/", 1)[-1] for k in item["among"])
            say(f"still to settle: {item['still']} more {item['outcome']}{where} among {among} ({item.get('documentTitle')}, line {item['line']})")
        if report["unaccounted"]:
            say("unaccounted for: " + ", ".join(report["unaccounted"]))
    say(_verdict(report))
    if brief and not report["reconciles"]:
        say(f"(oversight reconcile {report['inspection']} says how each outcome is known and what each count leaves to settle)")


def _verdict(report: dict[str, Any]) -> str:
    """One line on where the accounting stands: what is met, what the papers leave open."""
    if report["reconciles"]:
        return "reconciles: every stated count is met and every finding is accounted for"
    met = sum(1 for s in report["statements"] if s["reconciles"])
    parts = [f"{met} of {len(report['statements'])} stated counts met"]
    if report["unaccounted"]:
        parts.append(f"{len(report['unaccounted'])} finding(s) the papers leave to settle")
    if report["discrepancies"]:
        parts.append(f"{len(report['discrepancies'])} discrepancy(ies) to review")
    return "so far: " + "; ".join(parts)


# -- demo -------------------------------------------------------------------------------


@app.command()
def demo(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the demo's store and HTML views.")] = Path("oversight-demo"),
    examples: Annotated[Optional[Path], typer.Option("--examples", help="The example corpus (default: ./examples).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Write into OUTPUT even if it is not a demo folder, and add the examples to a --store that is not the demo's.")] = False,
    store: Annotated[
        Optional[Path],
        typer.Option("--store", help="Store to build the example graph in \\[default OUTPUT/store]; one the demo did not make is never emptied.", show_default=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Run the whole tool on the bundled example corpus: no server needed.

    Builds the graph from examples/ (four papers in the layouts of real ones and a
    register), prints its counts, the lineage of PEEL 2021/22 AFI 5 and the
    closure accounting of PEEL 2021/22, and writes every HTML view and the
    findings tracker into OUTPUT (default ./oversight-demo/). Open them in any
    browser, offline.
    """
    from oversight.demo import run_demo

    report = run_demo(output, examples=examples, overwrite=force, store=store)
    if as_json:
        print_json(report.as_dict())
        return
    stats = report.stats
    say(f"Built the example graph: {stats['nodes']} nodes, {stats['relationships']} relationships (store: {report.store})")
    print_table("Nodes by label", ["label", "nodes"], stats["labels"].items())
    say("")
    say("Lineage of PEEL 2021/22 AFI 5 (oversight trace):")
    f = report.trace["finding"]
    say(f"  {f['key']}: {f['text'] or ''}")
    for hop in report.trace["supersededBy"]:
        confidence = f", confidence {hop['confidence']:.2f}" if hop["basis"] == "inferred" else ""
        say(f"  superseded by {hop['key']} ({hop['basis']}{confidence})")
        for cite in _cites(hop):
            say(f"    {cite}")
    say("")
    say("What PEEL 2021/22 closed, carried forward or superseded (oversight reconcile):")
    _render_reconcile(report.reconcile, brief=True)
    say("")
    say("Views (open in a browser; they work offline):")
    for name, path in report.views.items():
        say(f"  {name:<11} {path}")
    say(f"  {'tracker':<11} {report.tracker}")
    say("")
    for step in report.next_steps:
        say(step)


from oversight.cli_neo4j import register as _register_neo4j  # noqa: E402

_register_neo4j(app)

from oversight.cli_views import register as _register_views  # noqa: E402

_register_views(app)

from oversight.cli_synth import register as _register_synth  # noqa: E402

_register_synth(app)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
