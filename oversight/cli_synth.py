"""CLI command ``oversight synth``: write a synthetic national corpus with its ground truth.

:func:`register` adds the command to the main app (``oversight/cli.py`` calls
it), so it shares the app's one error policy: bad parameters or an output
directory that holds something else are one line and exit code 2. The command
parses its options, calls :func:`oversight.synth.generate` and prints what it
wrote (``--json`` for the whole manifest).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from oversight.cli_options import JsonOption, progress_bar, settings
from oversight.render import print_error, print_json, print_table, say

__all__ = ["register", "synth_command"]


def synth_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory to write (empty, new, or an earlier synth output).")],
    forces: Annotated[int, typer.Option("--forces", help="How many forces, 1 to 43, taken from the gazetteer in order.")] = 43,
    rounds: Annotated[int, typer.Option("--rounds", help="PEEL rounds, 1 to 4: 2017, 2018/19, 2021/22, 2023/25.")] = 4,
    seed: Annotated[int, typer.Option("--seed", help="Seed: the same seed always gives byte-identical files.")] = 1,
    store: Annotated[
        Optional[Path],
        typer.Option("--store", help="Also ingest the corpus into this store (as `oversight ingest OUTPUT/corpus --store STORE`) \\[default: write files only].", show_default=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Write a synthetic corpus of oversight papers (every document family, with the conversion
    defects real papers have), its ground truth truth.json and manifest.json; with --store,
    ingest it too."""
    from oversight import api
    from oversight.synth import generate

    manifest = generate(output, forces=forces, rounds=rounds, seed=seed)
    ingested = None
    if store is not None:
        with progress_bar("reading", quiet=as_json) as tick:
            cfg = settings(store)
            ingested = api.ingest([output / "corpus"], cfg.store, on_progress=tick, lock_wait=cfg.lock_wait)
    if as_json:
        print_json({"ok": True, "output": str(output), **manifest, **({"ingest": ingested.as_dict()} if ingested else {})})
        _exit_on_problems(ingested, as_json)
        return
    docs = manifest["documents"]
    print_table(
        f"{docs['total']} documents for {forces} forces x {rounds} rounds (seed {seed}) in {output / 'corpus'}",
        ["family", "documents"],
        sorted(docs["byFamily"].items()),
    )
    truth = manifest["truth"]
    chains = manifest["supersession"]
    say(
        f"truth.json: {truth['nodes']} nodes, {truth['relationships']} relationships from {manifest['facts']['total']} "
        f"facts; supersession chains: {chains['stated']} stated, {chains['statedUnidentified']} stated without the "
        f"new AFI, {chains['register']} registered, {chains['unstated']} unstated (listed in manifest.json)"
    )
    if ingested is not None:
        say(
            f"ingested {len(ingested.documents)} document(s) into {ingested.store}: graph now has "
            f"{ingested.nodes} nodes and {ingested.relationships} relationships"
        )
    _exit_on_problems(ingested, as_json)


def _exit_on_problems(ingested: Any, as_json: bool) -> None:
    """As ``oversight ingest``: each file that could not be read on one line, then exit 2."""
    if ingested is None or not ingested.problems:
        return
    if not as_json:
        for problem in ingested.problems:
            print_error(str(problem))
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add ``synth`` to the main app."""
    app.command("synth")(synth_command)
