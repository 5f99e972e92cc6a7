"""Run a document parser in a child process, bounded in time and memory.

pypdf and python-docx (with lxml) are large parsers of a hostile format: a
crafted PDF can make text extraction run for hours (a page whose content
stream is millions of operators) or take gigabytes, and a crash in C code
would take the whole ingest with it. :func:`run_bounded` therefore parses each
PDF and Word file in a forked child process with

- a wall-clock limit (:data:`PARSE_TIMEOUT`): the child is killed with SIGKILL
  and the file is refused, "took longer than 60 s to parse; refused";
- a memory limit (:data:`PARSE_MAX_BYTES` of address space beyond what the
  child inherits, set with ``resource.setrlimit(RLIMIT_AS, …)``): an
  allocation past it fails, and the file is refused, "needed more than 1 GB
  to parse; refused". (Free memory inside the inherited heap can be reused
  without counting, so the bound is approximate from above. When a parser
  meets the failed allocation with a slow fallback instead of an error, as
  pypdf does for a failed inflate, the child runs on until the time limit,
  and is then reported as out of memory if its peak address space reached
  its limit.);
- its standard output and error sent to ``/dev/null`` (a parser's warnings
  never reach the user's terminal), and Ctrl-C left to the parent, which
  kills the child on the way out.

The child hands back only JSON bytes over a pipe (``send_bytes``), never a
pickle: a child that a hostile file subverted can at worst send a wrong list
of lines, not code. The ``fork`` start method keeps the per-file overhead to
milliseconds, and the function run in the child is not pickled either.
Measured on a shared two-CPU machine (``tests/test_reliability_bounded.py``
prints it): 7 to 16 ms a file (25 ms under heavy load), of which the bare
``os.fork`` of the loaded CLI process is about 10 ms, against 0.4 to 0.75 s a
file for the ``spawn`` method, which starts a fresh interpreter and imports
pypdf each time. Where ``fork`` is not available (Windows), the function runs
in-process, unbounded.

>>> run_bounded(len, "paper.pdf", timeout=10)
9
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oversight.errors import UnreadableDocument

__all__ = ["run_bounded", "read_bytes", "PARSE_TIMEOUT", "PARSE_MAX_BYTES", "human_bytes", "fork_available"]

#: Seconds a PDF or Word file may take to parse before it is refused.
PARSE_TIMEOUT = 60.0
#: Bytes of memory a parse may take (beyond the parent's own) before it is refused.
PARSE_MAX_BYTES = 1024**3

_EXIT_MEMORY = 3
_EXIT_FAILED = 4


def read_bytes(path: Path, limit: int, kind: str) -> bytes:
    """The bytes of ``path``, refusing more than ``limit`` with one clear line.

    The size is checked before reading and the read stops one byte past the
    limit, so a file that grows meanwhile, or is not a plain file, is refused
    too. ``kind`` names what the file was to be read as ("text", "a PDF").
    """
    try:
        size = path.stat().st_size
        if size > limit:
            raise UnreadableDocument(path, f"too large to read as {kind} ({human_bytes(size)} > {human_bytes(limit)})")
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableDocument(path, exc.strerror or str(exc)) from exc
    if len(data) > limit:
        raise UnreadableDocument(path, f"too large to read as {kind} ({human_bytes(len(data))} > {human_bytes(limit)})")
    return data


def human_bytes(count: float) -> str:
    """A size as people say it, in binary units.

    >>> human_bytes(1024**3), human_bytes(256 * 1024**2), human_bytes(1536 * 1024**2)
    ('1 GB', '256 MB', '1.5 GB')
    """
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= size:
            return f"{count / size:.1f}".removesuffix(".0") + f" {unit}"
    return f"{count:.0f} bytes"


def fork_available() -> bool:
    """Whether parsers can run in a forked child (POSIX); else they run in-process."""
    return "fork" in multiprocessing.get_all_start_methods()


def run_bounded(
    func: Callable[..., Any],
    path: Any,
    *args: Any,
    timeout: float | None = None,
    max_bytes: int | None = None,
) -> Any:
    """Return ``func(path, *args)`` computed in a child process under time and memory limits.

    Parameters
    ----------
    func : callable
        The parser; its result must be JSON data (a list of lines). An
        :class:`~oversight.errors.UnreadableDocument` it raises is raised here
        unchanged (same path, same problem).
    path : path-like
        The file, named in every refusal.
    timeout, max_bytes : optional
        The limits; default :data:`PARSE_TIMEOUT` and :data:`PARSE_MAX_BYTES`,
        read at call time.

    Raises
    ------
    UnreadableDocument
        "took longer than N s to parse; refused", "needed more than N GB to
        parse; refused", "the parser crashed (SIGSEGV); refused", or "could
        not be parsed (TypeError: …)" for an error the parser did not expect.
    """
    timeout = PARSE_TIMEOUT if timeout is None else timeout
    max_bytes = PARSE_MAX_BYTES if max_bytes is None else max_bytes
    if not fork_available():  # pragma: no cover - Windows
        return func(path, *args)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sender, func, path, args, max_bytes), daemon=True
    )
    started = time.monotonic()
    try:
        child.start()
        sender.close()
        if not receiver.poll(timeout):
            if _hit_memory_limit(child.pid, max_bytes):
                # it ran out of memory and a parser's fallback (pypdf retries a failed
                # inflate byte by byte) kept it busy: memory is the cause
                raise UnreadableDocument(path, f"needed more than {human_bytes(max_bytes)} to parse; refused")
            raise UnreadableDocument(path, f"took longer than {timeout:g} s to parse; refused")
        try:
            message = receiver.recv_bytes(max(max_bytes, 1))
        except EOFError:
            message = None
        except OSError as exc:  # longer than max_bytes
            raise UnreadableDocument(
                path, f"gave more than {human_bytes(max_bytes)} of text; refused"
            ) from exc
        child.join(max(0.0, timeout - (time.monotonic() - started)) + 5)
    finally:
        with contextlib.suppress(OSError, ValueError):
            sender.close()
        if child.is_alive():
            child.kill()
            child.join()
        receiver.close()
    if message is None:
        code = child.exitcode
        if code == _EXIT_MEMORY:
            raise UnreadableDocument(path, f"needed more than {human_bytes(max_bytes)} to parse; refused")
        if code is not None and code < 0:
            raise UnreadableDocument(path, f"the parser crashed ({_signal_name(-code)}); refused")
        raise UnreadableDocument(path, f"the parser stopped without an answer (exit code {code}); refused")
    reply = json.loads(message)
    if "refused" in reply:
        raise UnreadableDocument(path, reply["refused"])
    if "failed" in reply:
        raise UnreadableDocument(path, f"could not be parsed ({reply['failed']})")
    return reply["ok"]


def _hit_memory_limit(pid: int | None, max_bytes: int) -> bool:
    """Whether the child's peak address space came within a sixteenth of its limit (Linux)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmPeak:"))
        with open(f"/proc/{pid}/limits", encoding="ascii") as limits:
            cap = next(line.split()[3] for line in limits if line.startswith("Max address space"))
        return cap.isdigit() and peak >= int(cap) - max(max_bytes // 16, 4 * 1024**2)
    except (OSError, StopIteration, ValueError, IndexError):
        return False


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _child(sender: Any, func: Callable[..., Any], path: Any, args: tuple[Any, ...], max_bytes: int) -> None:
    """In the forked child: limit, run, answer with JSON bytes, and exit without cleanup."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        faulthandler.disable()  # a crash is reported by the parent in one line, not as a dump
        _silence()
        _limit_memory(max_bytes)
        try:
            message = json.dumps({"ok": func(path, *args)})
        except UnreadableDocument as exc:
            message = json.dumps({"refused": exc.problem})
        except MemoryError:
            os._exit(_EXIT_MEMORY)
        except Exception as exc:  # reported to the parent, which names the file
            message = json.dumps({"failed": f"{type(exc).__name__}: {exc}"})
        sender.send_bytes(message.encode("utf-8"))
    except MemoryError:
        os._exit(_EXIT_MEMORY)
    except BaseException:
        os._exit(_EXIT_FAILED)
    os._exit(0)


def _silence() -> None:
    """Send the child's stdout and stderr to /dev/null: parser chatter is not for the user.

    Both the file descriptors (C code, subprocesses) and the Python streams (which
    a test runner or CliRunner may have pointed elsewhere) are redirected.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)
    os.close(devnull)
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # open until the child exits


def _limit_memory(max_bytes: int) -> None:
    """Cap the child's address space at what it inherited plus ``max_bytes`` (Linux, BSD)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        return
    inherited = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        with open("/proc/self/statm", encoding="ascii") as statm:
            inherited = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = inherited + max_bytes
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


#: An archive member that unpacks more than this many times its packed size, and past the floor,
#: is a zip bomb (a real .docx or .xlsx part compresses 5 to 20-fold).
BOMB_RATIO = 200
BOMB_FLOOR_BYTES = 8 * 1024 * 1024


def check_zip_package(
    path: Path, data: bytes, *, kind: str, required: str, max_entries: int, max_unpacked: int, too_large_as: str
) -> None:
    """Refuse a zip package (.docx, .xlsx) that is not one, holds too many parts, has a part that
    would unpack like a zip bomb, lacks its ``required`` part or unpacks past ``max_unpacked``:
    all read from the archive's directory, before anything is inflated. ``kind`` names what the
    file should be ("a Word document"), ``too_large_as`` what it is too large to read as."""
    import io
    import zipfile

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableDocument(path, f"not {kind} (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableDocument(path, f"not {kind} (damaged zip archive: {exc})") from exc
    if len(infos) > max_entries:
        raise UnreadableDocument(path, f"not {kind} ({len(infos)} parts in the archive > {max_entries}); refused")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > BOMB_FLOOR_BYTES and ratio > BOMB_RATIO:
            raise UnreadableDocument(
                path,
                f"a zip bomb, not {kind} ({info.filename} would unpack {ratio:.0f}-fold "
                f"to {human_bytes(info.file_size)}); refused",
            )
    if required not in {info.filename for info in infos}:
        raise UnreadableDocument(path, f"not {kind} (no {required} in the archive)")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > max_unpacked:
        raise UnreadableDocument(
            path,
            f"too large to read as {too_large_as} (unpacks to {human_bytes(unpacked)} > {human_bytes(max_unpacked)})",
        )
