"""The fuzz set (issue 17): mutated seeds and corpus papers never crash ingest, nor run long, nor eat memory.

Each real paper (../shared/seeds and ../shared/corpus) is mutated in every way below,
deterministically (a seeded generator), and the mutant is ingested on its own, in
process. A mutant may be read or refused, but only with one of the project's own
errors: an exception of any other class is a traceback the user would have seen.
Each mutant must take at most :data:`SECONDS` of CPU plus :data:`SECONDS_PER_MB` a megabyte, and its peak of traced memory
must stay within :data:`MEMORY_FACTOR` times its size plus :data:`MEMORY_FLOOR`.
The counts are printed (``pytest -s`` shows them) and asserted to be zero.
"""

from __future__ import annotations

import random
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, SEEDS, require

from oversight.loaders.ingest import extract_paths

CORPUS = REPO.parent / "shared" / "corpus"

#: CPU seconds one mutant may take: a base plus so much a megabyte, since the reading is linear
#: but a page of dense oversight text costs the statement layer about 4 ms a line.
SECONDS = 10.0
SECONDS_PER_MB = 20.0
#: Peak traced memory allowed per mutant: this many times its size in bytes, plus the floor.
MEMORY_FACTOR = 60
MEMORY_FLOOR = 48 * 1024**2


def _bit_flips(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(max(1, len(out) // 500)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def _giant_line(data: bytes, rng: random.Random) -> bytes:
    words = data.split()[:200] or [b"Amber"]
    return b" ".join(rng.choice(words) for _ in range(40_000))


def _repeated_headings(data: bytes, rng: random.Random) -> bytes:
    lines = [line for line in data.splitlines() if line.strip()][:60] or [b"Areas for improvement"]
    heading = rng.choice(lines)
    return b"\n".join([heading] * 2_000)


def _controls(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    marks = ["\x00", "\x1b[31m", "\u202e", "\u2066", "\x07", "\ufeff", "\x0c"]
    chars = list(text)
    for _ in range(max(1, len(chars) // 200)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(marks))
    return "".join(chars).encode("utf-8")


def _utf16(data: bytes, rng: random.Random) -> bytes:
    return data.decode("utf-8", "replace").encode("utf-16")


def _line_ends(data: bytes, rng: random.Random) -> bytes:
    end = rng.choice([b"\r", "\u2028".encode(), b"\r\n", "\u0085".encode()])
    return end.join(data.splitlines())


def _truncated(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


#: Mutations by name: (paper bytes, generator) -> mutant bytes.
MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "bit-flips": _bit_flips,
    "giant-line": _giant_line,
    "repeated-headings": _repeated_headings,
    "controls-and-bidi": _controls,
    "utf-16": _utf16,
    "line-ends": _line_ends,
    "truncated": _truncated,
}


def _papers() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))


@pytest.mark.slow
def test_the_fuzz_set_gives_no_traceback_no_slow_file_and_no_memory_blow_up(tmp_path: Path) -> None:
    papers = _papers()
    require(bool(papers), f"no papers to mutate under {SEEDS} or {CORPUS}")
    rng = random.Random(17)
    tracebacks, slow, heavy, files = [], [], [], 0
    for paper in papers:
        data = paper.read_bytes()
        for name, mutate in MUTATIONS.items():
            mutant = tmp_path / f"{paper.stem}.{name}.txt"
            mutant.write_bytes(mutate(data, rng))
            files += 1
            tracemalloc.start()
            started = time.process_time()
            try:
                extract_paths([mutant])  # problems are collected; only a foreign exception escapes
            except Exception as exc:  # noqa: BLE001 - any escape is the failure counted here
                tracebacks.append(f"{mutant.name}: {exc.__class__.__name__}: {exc}")
            spent = time.process_time() - started
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            if spent > SECONDS + SECONDS_PER_MB * mutant.stat().st_size / 1024**2:
                slow.append(f"{mutant.name}: {spent:.1f} s for {mutant.stat().st_size / 1024:.0f} KB")
            if peak > MEMORY_FACTOR * mutant.stat().st_size + MEMORY_FLOOR:
                heavy.append(f"{mutant.name}: {peak / 1024**2:.0f} MB for {mutant.stat().st_size / 1024:.0f} KB")
            mutant.unlink()
    print(f"fuzz: {files} files, {len(tracebacks)} tracebacks, {len(slow)} over the time bound, {len(heavy)} over the memory bound")
    assert (tracebacks, slow, heavy) == ([], [], [])
