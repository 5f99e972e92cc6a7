"""Linear on any input (issue 17): the work grows with the input, not with its square.

Each case is timed at 1x, 2x and 4x its size in one run, as CPU time (the best of
three, so another process on the machine does not count), and the 4x run must take
less than eight times the 1x run: linear work takes about four times, quadratic
sixteen. The inputs are the ones that took minutes: a 240 KB line of repeated
capitalised words in a minutes pack, thousands of rows under a grading-grid header.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from oversight.errors import OversightError
from oversight.loaders.families import minutes
from oversight.loaders.families.peel_progress.judgement_grid import area_names
from oversight.loaders.ingest import extract_file
from oversight.loaders.registry import extractor_families

#: 4x the input may take at most this many times the CPU of 1x.
MAX_RATIO_AT_4X = 8.0


def _cpu(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


def _ratio(make: Callable[[int], Callable[[], object]], unit: int) -> float:
    base = _cpu(make(unit))
    _cpu(make(2 * unit))
    return _cpu(make(4 * unit)) / base


def test_full_names_in_a_line_of_repeated_capitalised_words_grow_linearly() -> None:
    ratio = _ratio(lambda n: lambda: minutes.full_names(["Amber " * n]), 3000)
    assert ratio < MAX_RATIO_AT_4X, ratio


def test_area_names_in_a_long_grid_column_grow_linearly() -> None:
    ratio = _ratio(lambda n: lambda: area_names([(i, "Amber") for i in range(n)], "2021/22"), 1000)
    assert ratio < MAX_RATIO_AT_4X, ratio


@pytest.mark.parametrize("family", sorted(extractor_families()))
@pytest.mark.parametrize(
    "unit",
    ["Amber ", "Councillor Smith Jones - Chair. ", "Kent Police PEEL 2021/22 closed 14 of 19 AFIs. ", "Mr A Smith (AS), "],
)
def test_each_family_reads_a_single_long_line_in_linear_time(tmp_path: Path, family: str, unit: str) -> None:
    def make(n: int) -> Callable[[], object]:
        path = tmp_path / f"line-{n}.txt"
        path.write_text(unit * n, encoding="utf-8")

        def read() -> object:
            try:
                return extract_file(path, family)
            except OversightError:
                return None

        return read

    ratio = _ratio(make, 1500)
    assert ratio < MAX_RATIO_AT_4X, ratio
