"""The grid of graded judgements a progress paper restates from the report it tracks."""

from __future__ import annotations

import re

from oversight.loaders.families.peel_progress.cells import N, split_cells
from oversight.loaders.models import ExtractionWarning, Ref, TextDocument
from oversight.loaders.toolkit import naming, textparse
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.naming import grade_scale
from oversight.ontology import L, R, ontology

#: The most rows one graded area's name wraps over in a judgement grid.
_MAX_NAME_ROWS = 6


_GRADED_COUNT = re.compile(rf"graded\s+judgements?\s+(?:on|in|for)\s+({N})\b", re.IGNORECASE)


def judgement_grid(doc: TextDocument,
    sink: Facts,
    inspection: Ref,
    round_: str,
    warnings: list[ExtractionWarning],
) -> None:
    """The grid with one column per grade: area names wrap over rows within their column."""
    grades = ontology().vocabulary("Grades")
    for header in range(1, len(doc.lines) + 1):
        cells = split_cells(doc.line(header))
        named = [c for c in cells if c]
        if len(named) < 3 or not all(
            grades.notation_for(c) not in (None, "ungraded") for c in named
        ):
            continue
        columns = {i: grades.notation_for(c) for i, c in enumerate(cells) if c}
        fragments: dict[int, list[tuple[int, str]]] = {i: [] for i in columns}
        row = header + 1
        while row <= len(doc.lines) and doc.line(row).strip():
            for i, cell in enumerate(split_cells(doc.line(row))):
                if cell and i in fragments:
                    fragments[i].append((row, cell))
            row += 1
        intro = header - 1
        while intro >= 1 and not doc.line(intro).strip():
            intro -= 1
        cite = intro if intro >= 1 and "judgement" in doc.line(intro).lower() else header
        found = 0
        for i, parts in fragments.items():
            for first, last, name in area_names(parts, round_):
                found += 1
                slug = naming.area_slug(name, round_)
                if slug is None:
                    warnings.append(
                        doc.warning(f"graded area {name!r} is not in the area scheme", first)
                    )
                judgement = Ref.of(L.Judgement, slug or name, within=inspection)
                sink.node(
                    judgement, header, end_line=last, grade=columns[i], gradeScale=grade_scale(round_)
                )
                sink.edge(R.HAS_JUDGEMENT, inspection, judgement, cite)
                sink.edge(R.IN_AREA, judgement, naming.area_ref(name, round_), first)
        stated = next(
            (
                textparse.parse_number(m.group(1))
                for line in doc.lines[:header]
                if (m := _GRADED_COUNT.search(line))
            ),
            None,
        )
        if stated is not None and stated != found:
            warnings.append(
                doc.warning(
                    f"the paper states {stated} graded judgements; the grid gives {found}",
                    header,
                )
            )
        return


def area_names(parts: list[tuple[int, str]], round_: str) -> list[tuple[int, int, str]]:
    """Join a column's fragments into area names: a lower-case fragment continues the name
    before it, and so does any fragment while the name so far is no known area.

    A name wraps over at most :data:`_MAX_NAME_ROWS` rows: without that bound a
    column of words that never make a known area would grow one name forever,
    looking it up again at each row (quadratic in the column).
    """
    names: list[tuple[int, int, str]] = []
    pieces = 0
    for row, cell in parts:
        if (
            names
            and pieces < _MAX_NAME_ROWS
            and (cell[:1].islower() or naming.area_slug(names[-1][2], round_) is None)
        ):
            first, _, name = names[-1]
            names[-1] = (first, row, f"{name} {cell}")
            pieces += 1
        else:
            names.append((row, row, cell))
            pieces = 1
    return names
