"""Durability: ``oversight ingest`` killed with SIGKILL at any point leaves the store in its old
state or its new one (never half of each, never broken JSON), leaves no lock that blocks the
next run, and the temporary file of the killed run neither confuses nor blocks the rerun,
which clears it and completes.

The corpus is a few dozen register files written here (some thousands of facts), so a run
takes a second or two. Some runs are killed at a random moment; the others as soon as
their temporary store file appears, so the kill lands in the middle of writing it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from oversight import api
from oversight.errors import StoreUnavailable
from oversight.graph.embedded_store import STORE_FILE, EmbeddedStore, StoreState

EXAMPLE_REGISTER = Path(__file__).resolve().parents[1] / "examples" / "register.yaml"


def write_corpus(folder: Path, registers: int = 8, findings: int = 10) -> Path:
    folder.mkdir(parents=True)
    for r in range(registers):
        lines = ["register:", "  asserted_by: Head of Governance", "  asserted_on: 2024-02-01", "force: Kent Police", "findings:"]
        for n in range(1, findings + 1):
            lines += [
                f"  - inspection: kent-police/review-{r:03d}",
                f"    number: {n}",
                f"    text: Finding {n} of review {r}",
                "    overseen_by: FIDB",
                "    status:",
                "      - status: in-progress",
                "        date: 2023-03-01",
                "        rag: amber",
            ]
        lines.append("supersedes:")
        for n in range(1, findings):
            lines += [f"  - later: kent-police/review-{r:03d}/afi-{n + 1}", f"    earlier: kent-police/review-{r:03d}/afi-{n}"]
        (folder / f"register-{r:03d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def node_link(store: Path) -> dict[str, Any]:
    """The store's graph, read the way the tool reads it (a broken file fails here)."""
    EmbeddedStore(store).load()
    data = json.loads((store / STORE_FILE).read_text(encoding="utf-8"))
    return {"nodes": data["nodes"], "edges": data["edges"]}


def temporaries(store: Path) -> list[str]:
    return sorted(p.name for p in store.glob(f".{STORE_FILE}.*.tmp"))


def ingest_command(corpus: Path, store: Path) -> list[str]:
    return [sys.executable, "-m", "oversight", "ingest", str(corpus), "--store", str(store)]


def copy_store(source: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    (target / STORE_FILE).write_bytes((source / STORE_FILE).read_bytes())
    return target


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The old store (the example register), the corpus, the new state and how long a run takes."""
    base = tmp_path_factory.mktemp("durability")
    old = base / "old"
    api.ingest([EXAMPLE_REGISTER], old)
    corpus = write_corpus(base / "corpus")
    reference = copy_store(old, base / "reference")
    started = time.monotonic()
    done = subprocess.run(ingest_command(corpus, reference), capture_output=True, text=True, timeout=300)
    assert (done.returncode, done.stderr) == (0, "")
    return {
        "old": old,
        "corpus": corpus,
        "A": node_link(old),
        "B": node_link(reference),
        "seconds": time.monotonic() - started,
    }


def kill_at_random(process: subprocess.Popen[str], seconds: float, rng: random.Random) -> str:
    time.sleep(rng.uniform(0.1, 1.0) * seconds)
    process.send_signal(signal.SIGKILL)
    return "random"


def _wait(condition: Any, process: subprocess.Popen[str], seconds: float) -> None:
    deadline = time.monotonic() + 10 * seconds
    while not condition() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)


def kill_mid_save(process: subprocess.Popen[str], store: Path, rng: random.Random, seconds: float) -> str:
    """Kill as soon as the run's temporary store file exists, plus a few milliseconds."""
    tmp = store / f".{STORE_FILE}.{process.pid}.tmp"
    _wait(tmp.exists, process, seconds)
    time.sleep(rng.uniform(0, 0.02))
    process.send_signal(signal.SIGKILL)
    return "mid-save" if tmp.exists() else "late"


def kill_after_rename(process: subprocess.Popen[str], store: Path, seconds: float) -> str:
    """Kill once the temporary file has been renamed over the store (before the run exits)."""
    tmp = store / f".{STORE_FILE}.{process.pid}.tmp"
    _wait(tmp.exists, process, seconds)
    _wait(lambda: not tmp.exists(), process, seconds)
    process.send_signal(signal.SIGKILL)
    return "after-rename"


@pytest.mark.slow
def test_a_killed_ingest_leaves_the_old_or_the_new_store_and_the_rerun_completes(
    states: dict[str, Any], tmp_path: Path
) -> None:
    rng = random.Random(20240201)
    outcomes = []
    for round_, how in enumerate(["random", "mid-save", "mid-save", "after-rename"]):
        # beside the reference store: the store keeps document paths relative to itself
        store = copy_store(states["old"], states["old"].parent / f"{tmp_path.name}-store-{round_}")
        process = subprocess.Popen(
            ingest_command(states["corpus"], store), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        if how == "random":
            how = kill_at_random(process, states["seconds"], rng)
        elif how == "mid-save":
            how = kill_mid_save(process, store, rng, states["seconds"])
        else:
            how = kill_after_rename(process, store, states["seconds"])
        process.wait(timeout=60)
        after_kill = node_link(store)
        state = "old" if after_kill == states["A"] else "new" if after_kill == states["B"] else "neither"
        left = temporaries(store)
        rerun = subprocess.run(ingest_command(states["corpus"], store), capture_output=True, text=True, timeout=300)
        outcomes.append((how, process.returncode, state, len(left)))
        assert state in ("old", "new"), outcomes
        assert (rerun.returncode, rerun.stderr, node_link(store), temporaries(store)) == (0, "", states["B"], []), outcomes
    print("kills (how, exit code, state after, temporaries left):", outcomes)
    # at least one kill landed while the temporary file was being written
    assert any(how == "mid-save" and code == -signal.SIGKILL for how, code, _, _ in outcomes), outcomes


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_stale_temporary_file_of_a_dead_writer_is_cleared_by_the_next_save(tmp_path: Path) -> None:
    store = tmp_path / "store"
    api.ingest([EXAMPLE_REGISTER], store)
    before = node_link(store)
    stale = store / f".{STORE_FILE}.{_dead_pid()}.tmp"
    stale.write_text('{"format":"oversight-store","version":1,\n"documents":[\n{"key":"document/', encoding="utf-8")
    live = store / f".{STORE_FILE}.{os.getppid()}.tmp"  # a live process's file is left alone
    live.write_text("{", encoding="utf-8")
    assert node_link(store) == before  # the reader never looks at temporaries
    report = api.ingest([tmp_path / "none.txt"], store)  # nothing read: no save
    assert (temporaries(store), [str(p) for p in report.problems]) == (
        sorted([stale.name, live.name]),
        [f"{tmp_path / 'none.txt'}: no such file or directory"],
    )
    EmbeddedStore(store).save(EmbeddedStore(store).load())
    assert (temporaries(store), node_link(store)) == ([live.name], before)


def test_a_save_that_fails_midway_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = EmbeddedStore(tmp_path / "store")
    api.ingest([EXAMPLE_REGISTER], store.path)
    before = store.file.read_bytes()
    state = store.load()

    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(StoreUnavailable, match="cannot write the store \\(No space left on device\\)"):
        store.save(StoreState(extractions=state.extractions[:1], graph=state.graph))
    assert (store.file.read_bytes(), temporaries(store.path)) == (before, [])


def test_a_damaged_store_file_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    from test_reliability_bad_input import run
    from test_reliability_inputs import _good

    store = tmp_path / "store"
    api.ingest([EXAMPLE_REGISTER], store)
    damaged = (store / STORE_FILE).read_bytes()[:-200]
    (store / STORE_FILE).write_bytes(damaged)
    line, message = json_error(damaged)
    result = run("ingest", str(_good(tmp_path)), "--store", str(store))
    assert (result.exit_code, result.stderr, (store / STORE_FILE).read_bytes()) == (
        2,
        f"error: {store / STORE_FILE}: not valid JSON (line {line}: {message})\n",
        damaged,
    )


def json_error(data: bytes) -> tuple[int, str]:
    try:
        json.loads(data)
    except json.JSONDecodeError as exc:
        return exc.lineno, exc.msg
    raise AssertionError("the damaged store parsed")
