"""The bounded parser runner: a child process with a time and a memory limit, answering in JSON."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from test_reliability_inputs import greedy_pdf, slow_pdf, write

from oversight.errors import UnreadableDocument
from oversight.loaders import bounded
from oversight.loaders.bounded import human_bytes, run_bounded
from oversight.loaders.read_pdf import read_pdf

pytestmark = pytest.mark.skipif(not bounded.fork_available(), reason="bounded parsing needs fork (POSIX)")


def lines(path: object) -> list[str]:
    return ["AFI 5", str(path)]


def sleeps(path: object) -> list[str]:
    time.sleep(60)
    return []


def hoards(path: object) -> list[str]:
    hoard = [bytearray(16 * 1024**2) for _ in range(256)]  # 4 GB, 16 MB at a time
    return [str(len(hoard))]


def crashes(path: object) -> list[str]:
    os.kill(os.getpid(), signal.SIGSEGV)
    return []


def fails(path: object) -> list[str]:
    raise KeyError("/Root")


def refuses(path: object) -> list[str]:
    raise UnreadableDocument(path, "not a readable PDF (no %PDF header)")


def chatters(path: object) -> list[str]:
    print("parser chatter on stdout")
    print("parser chatter on stderr", file=sys.stderr)
    os.write(1, b"raw chatter on fd 1\n")
    os.write(2, b"raw chatter on fd 2\n")
    return ["ok"]


def returns_an_object(path: object) -> object:
    return object()


def test_the_result_comes_back_from_the_child() -> None:
    assert run_bounded(lines, "paper.pdf") == ["AFI 5", "paper.pdf"]


def test_a_parse_past_the_time_limit_is_killed_and_refused() -> None:
    started = time.monotonic()
    with pytest.raises(UnreadableDocument) as caught:
        run_bounded(sleeps, "slow.pdf", timeout=0.5)
    assert (str(caught.value), time.monotonic() - started < 5, multiprocessing.active_children()) == (
        "slow.pdf: took longer than 0.5 s to parse; refused",
        True,
        [],
    )


def test_a_parse_past_the_memory_limit_is_refused() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        run_bounded(hoards, "greedy.pdf", max_bytes=256 * 1024**2)
    assert str(caught.value) == "greedy.pdf: needed more than 256 MB to parse; refused"


def test_a_parser_that_crashes_is_refused_and_the_caller_lives_on() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        run_bounded(crashes, "crash.pdf")
    assert str(caught.value) == "crash.pdf: the parser crashed (SIGSEGV); refused"


def test_an_error_the_parser_did_not_expect_is_a_refusal_naming_it() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        run_bounded(fails, "odd.pdf")
    assert str(caught.value) == "odd.pdf: could not be parsed (KeyError: '/Root')"


def test_a_refusal_in_the_child_comes_back_unchanged() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        run_bounded(refuses, "notes.pdf")
    assert (caught.value.path, caught.value.problem) == ("notes.pdf", "not a readable PDF (no %PDF header)")


def test_the_child_answers_in_json_only(tmp_path: Path) -> None:
    """Nothing but JSON data crosses from the child: no pickle to unpickle in the parent."""
    with pytest.raises(UnreadableDocument) as caught:
        run_bounded(returns_an_object, "x.pdf")
    assert str(caught.value) == "x.pdf: could not be parsed (TypeError: Object of type object is not JSON serializable)"


def test_the_parser_cannot_write_to_the_terminal(capfd: pytest.CaptureFixture[str]) -> None:
    assert run_bounded(chatters, "x.pdf") == ["ok"]
    assert capfd.readouterr() == ("", "")


def test_a_hostile_pdf_that_would_parse_for_minutes_is_refused_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bounded, "PARSE_TIMEOUT", 1)
    path = write(tmp_path / "slow.pdf", slow_pdf())
    started = time.monotonic()
    with pytest.raises(UnreadableDocument) as caught:
        read_pdf(path)
    assert (str(caught.value), time.monotonic() - started < 10) == (
        f"{path}: took longer than 1 s to parse; refused",
        True,
    )


def test_a_compressed_pdf_whose_inflate_runs_out_of_memory_is_reported_as_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pypdf meets a failed inflate with a slow byte-by-byte retry; the runner still says memory."""
    monkeypatch.setattr(bounded, "PARSE_MAX_BYTES", 16 * 1024**2)
    monkeypatch.setattr(bounded, "PARSE_TIMEOUT", 5)
    path = write(tmp_path / "greedy.pdf", greedy_pdf(300_000, compressed=True))
    with pytest.raises(UnreadableDocument) as caught:
        read_pdf(path)
    assert str(caught.value) == f"{path}: needed more than 16 MB to parse; refused"


def test_the_overhead_per_file_is_milliseconds() -> None:
    """Measured, not timed: printed for the record, and bounded loosely against a loaded machine."""
    import docx  # noqa: F401 - what the readers load before forking
    import pypdf  # noqa: F401

    run_bounded(lines, "warm.pdf")
    count = 20
    started = time.perf_counter()
    for _ in range(count):
        run_bounded(lines, "x.pdf")
    overhead = (time.perf_counter() - started) / count
    print(f"bounded parsing overhead: {overhead * 1000:.1f} ms a file")
    assert overhead < 0.5


@pytest.mark.parametrize(
    "count,expected", [(512, "512 bytes"), (2048, "2 KB"), (50 * 1024**2, "50 MB"), (1024**3, "1 GB")]
)
def test_sizes_are_said_in_binary_units(count: int, expected: str) -> None:
    assert human_bytes(count) == expected
