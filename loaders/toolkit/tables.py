"""Tables whose header cells name known columns: audit plans, actions signed off, action trackers.

Papers export tables in two shapes, both read by :func:`read_tables`: one row
per line with tab-separated cells, or one cell per line (each line opening
with a tab) with a blank line between rows.

>>> rows = read_tables(["Audit\\tPlanned start\\tSponsor(s)\\tStatus",
...                     "Payroll\\t05/01/2022\\tA Smith/B Jones\\tTiming agreed"], 1, 2)
>>> rows[0].fields, rows[0].rows[0].cells
(['name', 'start', 'sponsor', 'status'], ['Payroll', '05/01/2022', 'A Smith/B Jones', 'Timing agreed'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oversight.loaders.models import Evidence
from oversight.loaders.toolkit.facts import Facts

__all__ = ["Table", "Row", "read_tables"]


_FIELDS = [
    (re.compile(r"^audit(?:\s+name)?$", re.I), "name"),
    (re.compile(r"^planned\s+start$", re.I), "start"),
    (re.compile(r"^sponsors?(?:\(s\))?$", re.I), "sponsor"),
    (re.compile(r"^status$", re.I), "status"),
    (re.compile(r"^recommendations?(?:\s+nos?\.?)?$", re.I), "recs"),
    (re.compile(r"^risk(?:\s+rating)?$", re.I), "risk"),
    (re.compile(r"^deadline$", re.I), "deadline"),
    (re.compile(r"^sign[\s-]?off\s+date$", re.I), "signoff"),
    (re.compile(r"^owner$", re.I), "owner"),
    (re.compile(r"^due\s+date$", re.I), "due"),
    (re.compile(r"^(?:action|actions)?$", re.I), "text"),
]


def _field(cell: str) -> str | None:
    for pattern, name in _FIELDS:
        if pattern.match(cell.strip()):
            return name
    return None


@dataclass
class Row:
    """One table row: its cells, the lines they stand on, and note lines written under it."""

    cells: list[str]
    lines: list[int]
    notes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.lines[0]

    @property
    def last(self) -> int:
        return self.lines[-1]


@dataclass
class Table:
    """A table whose header cells were recognised: ``fields`` name the columns."""

    fields: list[str]
    header_line: int
    rows: list[Row] = field(default_factory=list)

    def value(self, row: Row, name: str) -> str | None:
        if name not in self.fields:
            return None
        index = self.fields.index(name)
        return row.cells[index].strip() if index < len(row.cells) else None

    def line_of(self, row: Row, name: str) -> int:
        """The line a cell stands on (a row of a one-cell-per-line table spans several)."""
        if len(row.lines) == 1 or name not in self.fields:
            return row.first
        return row.lines[min(self.fields.index(name), len(row.lines) - 1)]

    def cell_evidence(self, facts: Facts, row: Row, name: str) -> Evidence:
        """Evidence quoting one cell on its own line, for a relationship that cell states."""
        return facts.evidence(self.line_of(row, name), quote=self.value(row, name) or None)


def _header(cells: list[str]) -> list[str] | None:
    fields = [_field(c) for c in cells]
    named = [f for f in fields if f not in (None, "text")]
    if len(named) >= 3 and None not in fields:
        return [f or "text" for f in fields]
    return None


def read_tables(lines: list[str], start: int, end: int) -> list[Table]:
    """The tables between lines ``start`` and ``end`` (1-based) whose header cells are known.

    Parameters
    ----------
    lines : list of str
        The document's lines.
    start, end : int
        The 1-based range to look in.

    Returns
    -------
    list of Table
        Tables whose header cells all name known columns (audit, planned
        start, sponsor, status, recommendation, risk, deadline, sign-off date,
        owner, due date); a note line written under a row (no tab, no blank
        line before it) is kept with that row. Unknown tables (of Taser use
        figures, say) are passed over.
    """
    tables: list[Table] = []
    number = start
    while number <= end:
        raw = lines[number - 1]
        if "\t" in raw.lstrip("\t ").rstrip():
            cells = raw.split("\t")
            fields = _header(cells)
            if fields:
                table = Table(fields, number)
                number += 1
                while number <= end and lines[number - 1].strip():
                    row_cells = lines[number - 1].split("\t")
                    if len(row_cells) >= len(fields) - 1:
                        table.rows.append(Row(row_cells, [number]))
                    number += 1
                tables.append(table)
                continue
        if raw.startswith("\t") and raw.strip():
            group, number = _group(lines, number, end)
            fields = _header([lines[n - 1].strip() for n in group])
            if fields:
                table = Table(fields, group[0])
                while number <= end:
                    while number <= end and not lines[number - 1].strip():
                        number += 1
                    if number > end or not lines[number - 1].startswith("\t"):
                        break
                    group, number = _group(lines, number, end)
                    row = Row([lines[n - 1].strip() for n in group], group)
                    while (
                        number <= end
                        and lines[number - 1].strip()
                        and not lines[number - 1].startswith("\t")
                    ):
                        row.notes.append((number, lines[number - 1].strip()))
                        number += 1
                    table.rows.append(row)
                tables.append(table)
            continue
        number += 1
    return tables


def _group(lines: list[str], number: int, end: int) -> tuple[list[int], int]:
    group = []
    while number <= end and lines[number - 1].startswith("\t") and lines[number - 1].strip():
        group.append(number)
        number += 1
    return group, number
