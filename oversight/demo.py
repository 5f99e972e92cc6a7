"""The demo: the whole tool on the bundled example corpus, no server needed.

:func:`run_demo` ingests ``examples/`` (four papers written in the layouts of
real ones, and the register) into a fresh store inside the output folder, then
gathers what a governance lead would look at first — counts, the lineage of
PEEL 2021/22 AFI 5, the closure accounting of PEEL 2021/22 — and writes every
HTML view and the tracker (overdue marks as of today), then says what to do next. The output folder is the demo's own: it is marked, and a folder
that is not marked (the user's) is never written into unless ``overwrite``. The store is
``<out_dir>/store`` unless one is named; a named store is rebuilt only when the demo made
it (marked the same way), and another store is never emptied: ``overwrite`` adds the
examples to it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oversight.errors import BadParameter

__all__ = ["DemoReport", "run_demo", "find_examples", "next_steps", "DEMO_FINDING", "DEMO_INSPECTION", "MARKER", "TRACKER_FILE"]

#: The finding whose lineage the demo traces, and the inspection it reconciles.
DEMO_FINDING = "kent-police/peel-2021-22/afi-05"
DEMO_INSPECTION = "kent-police/peel-2021-22"
#: The board whose neighbourhood the demo's node view shows.
DEMO_BOARD = "kent-police/board/future-improvement-and-development-board"
#: A file that marks a folder as the demo's own output.
MARKER = ".oversight-demo"
#: The tracker's file in the demo folder.
TRACKER_FILE = "tracker.html"


@dataclass
class DemoReport:
    """What the demo built and where it put it."""

    out_dir: str
    store: str
    ingest: dict[str, Any]
    stats: dict[str, Any]
    trace: dict[str, Any]
    reconcile: dict[str, Any]
    views: dict[str, str] = field(default_factory=dict)
    tracker: str | None = None
    next_steps: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "outDir": self.out_dir,
            "store": self.store,
            "ingest": self.ingest,
            "stats": self.stats,
            "trace": self.trace,
            "reconcile": self.reconcile,
            "views": self.views,
            "tracker": self.tracker,
            "nextSteps": self.next_steps,
        }


def find_examples(given: str | Path | None = None) -> Path:
    """The example corpus: ``given``, else ``./examples``, else the one beside the package source."""
    candidates = [Path(given)] if given else [Path("examples"), Path(__file__).resolve().parents[1] / "examples"]
    for candidate in candidates:
        if (candidate / "register.yaml").is_file():
            return candidate
    where = given or "./examples"
    raise BadParameter(f"{where}: no example corpus here (run from the repository, or pass --examples PATH)")


def _prepare(out_dir: Path, overwrite: bool) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise BadParameter(f"{out_dir}: exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists() and not overwrite:
        raise BadParameter(f"{out_dir}: exists and is not a demo folder (use --force to write into it)")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / MARKER).write_text("Written by `oversight demo`; safe to delete.\n", encoding="utf-8")


def _prepare_store(store: Path, own: bool, overwrite: bool) -> None:
    """Empty the demo's own store (``own``: the one in its folder, or one it marked) so the
    examples are built afresh; refuse another store unless ``overwrite`` (then add to it)."""
    if store.exists() and not store.is_dir():
        raise BadParameter(f"{store}: exists and is not a folder")
    if store.is_dir() and any(store.iterdir()):
        if own or (store / MARKER).exists():
            shutil.rmtree(store)
        elif not overwrite:
            raise BadParameter(f"{store}: holds a store that is not the demo's (use --force to add the examples to it)")
        else:
            return
    store.mkdir(parents=True, exist_ok=True)
    if not own:
        (store / MARKER).write_text("Built by `oversight demo`; safe to delete.\n", encoding="utf-8")


def run_demo(
    out_dir: str | Path = "oversight-demo",
    examples: str | Path | None = None,
    overwrite: bool = False,
    on_progress: Callable[[int, int, Path], None] | None = None,
    store: str | Path | None = None,
) -> DemoReport:
    """Build the example graph in ``store`` (default ``<out_dir>/store``), trace, reconcile
    and write every view and the tracker into ``out_dir``."""
    from oversight import api
    from oversight.viz import make_view

    corpus = find_examples(examples)
    target = Path(out_dir)
    _prepare(target, overwrite)
    store = Path(store) if store is not None else target / "store"
    _prepare_store(store, own=store == target / "store", overwrite=overwrite)
    report = api.ingest([corpus], store, on_progress=on_progress)
    graph = api.load(store)
    views: dict[str, str] = {}
    plans: list[tuple[str, str | None, dict[str, Any]]] = [
        ("graph", None, {}),
        ("boards", None, {}),
        ("lineage", DEMO_FINDING, {}),
        ("inspection", DEMO_INSPECTION, {}),
        ("node", DEMO_BOARD, {"depth": 1}),
    ]
    for name, key, options in plans:
        path = target / f"{name}.html"
        make_view(graph, name, key, **options).write(path, overwrite=True)
        views[name] = str(path)
    tracker = api.write_tracker(graph, target / TRACKER_FILE, overwrite=True)["path"]
    [closure] = api.reconcile(graph, DEMO_INSPECTION)
    return DemoReport(
        out_dir=str(target),
        store=str(store),
        ingest=report.as_dict(),
        stats=api.stats(graph),
        trace=api.trace(graph, DEMO_FINDING),
        reconcile=closure,
        views=views,
        tracker=tracker,
        next_steps=next_steps(tracker),
    )


def next_steps(tracker: str) -> list[str]:
    """What a new user does after the demo, in two lines: their own papers, then the tracker.

    >>> next_steps("oversight-demo/tracker.html")[1]
    'Open the tracker in any browser (it works offline): oversight-demo/tracker.html'
    """
    return [
        "Your own papers: oversight ingest PAPERS_FOLDER [register.yaml] --store my-store, "
        "then oversight tracker --store my-store -o my-tracker.html",
        f"Open the tracker in any browser (it works offline): {tracker}",
    ]
