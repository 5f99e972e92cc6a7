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

from oversight.errors import BadParameter, did_you_mean
from oversight.ontology import L, ontology
from oversight.render import err
from oversight.settings import Settings

__all__ = [
    "StoreOption",
    "JsonOption",
    "settings",
    "progress_bar",
    "choice_option",
    "finding_kinds",
    "finding_statuses",
    "node_labels",
    "document_families",
]

StoreOption = Annotated[
    Optional[Path],
    typer.Option("--store", help="Store directory \\[env OVERSIGHT_STORE; default ./.oversight].", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")]


def finding_statuses() -> tuple[str, ...]:
    """Values of ``--status``: the ontology's FindingStatuses, then ``unknown`` (no paper assessed it)."""
    return (*ontology().vocabulary("FindingStatuses").notations, "unknown")


def finding_kinds() -> tuple[str, ...]:
    """Values of ``--kind``: the ontology's classes of finding (AreaForImprovement, …), sorted."""
    onto = ontology()
    return tuple(sorted(c for c in onto.classes if c != L.Finding and onto.is_a(c, L.Finding)))


def document_families() -> tuple[str, ...]:
    """Values of ``--type``: the ontology's DocumentFamilies that have an extractor to force
    (a register is read by its suffix, not forced)."""
    from oversight.loaders.registry import extractor_families

    forceable = set(extractor_families())
    return tuple(n for n in ontology().vocabulary("DocumentFamilies").notations if n in forceable)


def node_labels() -> tuple[str, ...]:
    """Values of ``--label``: every class of the ontology that labels a node, sorted."""
    return tuple(sorted(c for c in ontology().classes if c != L.OversightNode))


def choice_option(flag: str, noun: str, values: tuple[str, ...], help: str) -> Any:
    """A ``typer.Option`` that takes one of ``values``: listed in its help, anything else refused.

    A value not in the list raises :class:`~oversight.errors.BadParameter`
    (one line, exit 2) naming the option, the nearest values and every valid
    one. A repeatable option checks each value.
    """

    def check(value: Any) -> Any:
        for one in value if isinstance(value, list) else [value]:
            if one is not None and one not in values:
                raise BadParameter(refusal(flag, noun, one, values))
        return value

    return typer.Option(flag, help=f"{help} One of: {', '.join(values)}.", callback=check, show_default=False)


def refusal(flag: str, noun: str, value: str, values: tuple[str, ...]) -> str:
    """The one line that refuses ``value`` for ``flag``: the nearest values, then every valid one.

    >>> refusal("--status", "finding status", "inprogress", ("open", "in-progress"))
    "--status: unknown finding status 'inprogress' (did you mean in-progress?); known: open, in-progress"
    """
    from oversight.graph.model import nearest

    near = nearest(value, values)
    hint = f" (did you mean {did_you_mean(near)}?)" if near else ""
    return f"{flag}: unknown {noun} {value!r}{hint}; known: {', '.join(values)}"


def settings(store: Path | None = None, **flags: Any) -> Settings:
    """Settings from a command's flags, then the environment, then defaults."""
    return Settings.resolve({"store": store, **flags}, os.environ)


@contextlib.contextmanager
def progress_bar(verb: str, quiet: bool = False) -> Iterator[Callable[[int, int, Any], None]]:
    """A transient progress bar on stderr (off with --json or when stderr is not a terminal).

    Yields ``tick(done, total, what)``; ``what`` is a path or a description.
    """
    # Imported here, by the commands that show progress, rather than by every command.
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

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
