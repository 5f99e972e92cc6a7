"""Rendering for the CLI: rich tables for people, JSON for scripts, one-line errors.

Every text that came from a document is passed to rich as plain
:class:`~rich.text.Text`, never as markup, so a paper that contains
``[bold]`` or ``[link=…]`` prints literally; and control characters, escape
sequences and bidirectional overrides are escaped (:func:`one_line`), so a
paper cannot recolour the terminal or reorder what is shown.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from oversight.printable import one_line

__all__ = [
    "Lines","out", "err", "say", "warn", "print_json", "print_table", "print_error", "cell"]

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


def say(text: str) -> None:
    """One line of human output on stdout, document text escaped, never markup."""
    out.print(Text(one_line(text)))


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
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(cell(v) for v in row))
    (console or out).print(table)


def print_error(message: str, as_json: bool = False) -> None:
    """One line on stderr (or the JSON error shape on stdout with --json)."""
    if as_json:
        print_json({"ok": False, "error": message})
    else:
        err.print(Text(f"error: {one_line(message)}"))
