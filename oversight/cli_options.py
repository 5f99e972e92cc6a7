"""What every command module of the CLI shares: options, settings, the progress bar.

Declared once here so that ``cli.py`` and the command modules it registers
(``cli_neo4j``, ``cli_views``, ...) use the same ``--store`` and ``--json``,
resolve settings the same way, and show progress alike.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from oversight.render import err
from oversight.settings import Settings

__all__ = ["StoreOption", "JsonOption", "settings", "progress_bar"]

StoreOption = Annotated[
    Optional[Path],
    typer.Option("--store", help="Store directory \\[env OVERSIGHT_STORE; default ./.oversight].", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")]


def settings(store: Path | None = None, **flags: Any) -> Settings:
    """Settings from a command's flags, then the environment, then defaults."""
    return Settings.resolve({"store": store, **flags}, os.environ)


@contextlib.contextmanager
def progress_bar(verb: str, quiet: bool = False) -> Iterator[Callable[[int, int, Any], None]]:
    """A transient progress bar on stderr (off with --json or when stderr is not a terminal).

    Yields ``tick(done, total, what)``; ``what`` is a path or a description.
    """
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    ) as progress:
        task = progress.add_task(verb, total=None)

        def tick(done: int, total: int, what: Any) -> None:
            name = what.name if isinstance(what, Path) else str(what)
            progress.update(task, total=total, completed=done, description=f"{verb} {name[:40]}")

        yield tick
