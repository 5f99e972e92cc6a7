"""Rendering for the CLI: rich tables for people, JSON for scripts, one-line errors.

Every text that came from a document is passed to rich as plain
:class:`~rich.text.Text`, never as markup, so a paper that contains
``[bold]`` or ``[link=…]`` prints literally; and control characters, escape
sequences and bidirectional overrides are escaped (:func:`one_line`), so a
paper cannot recolour the terminal or reorder what is shown.

On a terminal, tables fit its width (a column of keys, numbers or dates is
never folded mid-key; prose columns wrap at spaces), and colour follows rich's
rules (``NO_COLOR`` turns it off). Piped or redirected, nothing is wrapped or
coloured: a table is as wide as its content needs, a line of text is one line,
no escape code is written and no line ends in padding, so ``oversight … | grep``
and ``| less`` read whole rows.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from oversight.printable import one_line

__all__ = ["Lines", "out", "err", "emit", "say", "warn", "print_json", "print_table", "print_error", "cell"]

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Lines(list):  # type: ignore[type-arg]
    """Values a table cell shows one per line (each still escaped to one line)."""


def cell(value: Any) -> Text:
    """A table cell: :class:`Lines` one per line, other lists joined with commas, None as
    an empty cell, never markup."""
    if value is None:
        return Text("")
    if isinstance(value, Lines):
        return Text("\n".join(one_line(str(v)) for v in value))
    if isinstance(value, (list, tuple)):
        return Text(one_line(", ".join(str(v) for v in value)))
    if isinstance(value, float):
        return Text(f"{value:.2f}")
    return Text(one_line(str(value)))


#: A width no table of ours reaches: what "unbounded" means when measuring a table for a pipe.
_UNBOUNDED = 1_000_000
#: The least width a column of prose is left on a terminal beside columns of keys kept whole.
_PROSE_WIDTH = 12


def emit(renderable: RenderableType, console: Console | None = None) -> None:
    """Print ``renderable``: fitted to a terminal, or unwrapped and uncoloured into a pipe.

    Into a pipe or a file it is rendered as wide as its content needs, with no
    style codes, and each line is written without trailing padding. On a
    terminal with ``NO_COLOR`` set it is fitted to the terminal with no style
    codes at all (not even bold).
    """
    console = console or out
    if console.is_terminal and not console.no_color:
        console.print(renderable)
        return
    if console.is_terminal:  # NO_COLOR: fitted to the terminal, but no style codes at all
        width = console.width
    else:
        measuring = Console(file=io.StringIO(), width=_UNBOUNDED, color_system=None, highlight=False)
        width = Measurement.get(measuring, measuring.options, renderable).maximum
    plain = Console(
        file=io.StringIO(), width=max(width, 1), color_system=None, highlight=False, soft_wrap=False, force_terminal=False
    )
    plain.print(renderable)
    text = plain.file.getvalue()  # type: ignore[attr-defined]
    console.file.write("".join(line.rstrip() + "\n" for line in text.splitlines()))
    console.file.flush()


def say(text: str) -> None:
    """One line of human output on stdout, document text escaped, never markup;
    wrapped at spaces on a terminal, never into a pipe."""
    _line(text, out)


def _line(text: str, console: Console) -> None:
    line = Text(one_line(text))
    if console.is_terminal:
        console.print(line)
    else:
        console.file.write(line.plain.rstrip() + "\n")
        console.file.flush()


def warn(text: str) -> None:
    """One warning line on stderr, escaped like :func:`say`."""
    err.print(Text(f"warning: {one_line(text)}"))


def print_json(data: Any) -> None:
    """Machine output on stdout: indented, UTF-8, keys in the order given."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def print_table(
    title: str | None,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    console: Console | None = None,
) -> None:
    """A table; into a pipe as wide as its content, on a terminal fitted to it (see :func:`emit`).

    On a terminal, columns of one-word values (keys, numbers, dates) are kept
    whole when they leave the other columns room to wrap at spaces
    (:data:`_PROSE_WIDTH` each); on a terminal too narrow for that, they fold.
    """
    console = console or out
    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(columns[i]), *(len(line) for row in cells for line in row[i].plain.split("\n"))]) for i in range(len(columns))]
    single = [
        all(not any(ch.isspace() for ch in row[i].plain) for row in cells) for i in range(len(columns))
    ]
    needed = sum(w + 3 for w, one in zip(widths, single, strict=True) if one) + sum(_PROSE_WIDTH + 3 for one in single if not one) + 1
    keep_whole = needed <= console.width
    table = Table(show_lines=False)
    for column, one in zip(columns, single, strict=True):
        table.add_column(column, overflow="fold", no_wrap=one and keep_whole)
    for row in cells:
        table.add_row(*row)
    if title:  # a line of its own, never wrapped to the table's width
        _line(title, console)
    emit(table, console)


def print_error(message: str, as_json: bool = False) -> None:
    """One line on stderr (or the JSON error shape on stdout with --json)."""
    if as_json:
        print_json({"ok": False, "error": message})
    else:
        err.print(Text(f"error: {one_line(message)}"))
