"""The embedded store: the graph and the facts it was built from, in one JSON file.

A store is a directory (default ``./.oversight/``) holding ``graph.json``:
the documents, every fact with its evidence, the extraction warnings, and the
built graph as node-link JSON. The facts are kept so that re-ingesting a
changed paper replaces exactly that paper's contribution and the graph is
rebuilt from scratch, deterministically.

The file is plain JSON, one item per line in canonical order, so ``git diff``
on two stores shows what changed; nothing is pickled. It is written to a
temporary file in the same directory, flushed to disk, then renamed over the
old one: a crash mid-save leaves the previous store intact. A lock file keeps
two writers from interleaving.

Beside it, ``graph.sqlite`` is the store's index (:mod:`oversight.graph.store_index`):
the built graph, derived from the JSON, checked against the JSON's hash and
rebuilt whenever it is stale, missing or unreadable, so that a command opens
a national store in a fraction of the time parsing the JSON takes. The facts
are then read from the JSON only when asked for (``StoreState.extractions``).

Each document's text (its lines as the reader numbered them) is kept beside
the graph, one file per document under ``documents/``
(:mod:`oversight.graph.document_texts`): written before the graph that cites
it, removed once the graph no longer holds the document.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import fcntl
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import TypeAdapter, ValidationError

from oversight.errors import StoreCorrupt, StoreUnavailable
from oversight.graph.document_texts import prune_texts, read_lines, write_text
from oversight.graph.model import OversightGraph
from oversight.graph.store_index import INDEX_FILE, Stamp, read_index, stamp, write_index
from oversight.loaders.models import DocumentRecord, Extraction, ExtractionWarning, Fact
from oversight.ontology import ontology

__all__ = ["StoreState", "EmbeddedStore", "STORE_FILE", "FORMAT", "VERSION"]

STORE_FILE = "graph.json"
LOCK_FILE = ".lock"
FORMAT = "oversight-store"
VERSION = 2
#: Seconds a writer waits for another to release the store (OVERSIGHT_LOCK_WAIT, --lock-wait).
DEFAULT_LOCK_WAIT = 10.0
#: Versions this tool still reads: their facts are sound, but their graph lacks what
#: later builds derive (version 1: the findings' standing), so it is built again.
_REBUILT_VERSIONS = (1,)
_FACTS: TypeAdapter[list[Fact]] = TypeAdapter(list[Fact])


class StoreState:
    """What a store holds: the extractions (documents, facts, warnings) and the built graph.

    A store opened through its index reads its extractions from ``graph.json``
    only when they are first asked for (``read_extractions``): a question needs
    the graph alone.

    ``texts`` are document texts to write on save (document key -> lines); the texts
    already in the store are kept, and those of documents no longer held are removed.
    """

    def __init__(
        self,
        extractions: list[Extraction] | None = None,
        graph: OversightGraph | None = None,
        *,
        read_extractions: Callable[[], list[Extraction]] | None = None,
        texts: dict[str, list[str]] | None = None,
    ) -> None:
        self._extractions = extractions if extractions is not None or read_extractions is not None else []
        self._read_extractions = read_extractions
        self.graph = graph if graph is not None else OversightGraph()
        self.texts = texts if texts is not None else {}

    @property
    def extractions(self) -> list[Extraction]:
        if self._extractions is None:
            assert self._read_extractions is not None
            self._extractions = self._read_extractions()
        return self._extractions

    @extractions.setter
    def extractions(self, value: list[Extraction]) -> None:
        self._extractions = value


def _alive(pid: int) -> bool:
    """Whether a process with this id exists (one of another user's counts as alive)."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # OverflowError: no process can have that id
        return False
    except OSError:  # PermissionError: another user's process
        return True
    return True


def _dump(item: Any) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class _Hashing:
    """A text file that hashes what is written to it (the SHA-256 of its UTF-8 bytes)."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.digest = hashlib.sha256()

    def write(self, text: str) -> None:
        self.digest.update(text.encode("utf-8"))
        self.out.write(text)


def _write_section(out: IO[str] | _Hashing, name: str, items: list[Any], last: bool = False) -> None:
    out.write(f'"{name}":[')
    for index, item in enumerate(items):
        out.write("\n" + _dump(item) + ("," if index < len(items) - 1 else ""))
    out.write("\n]" + ("\n" if last else ",\n"))


class EmbeddedStore:
    """A store directory on disk."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.file = self.path / STORE_FILE
        #: How the last load found the index: "fresh" (the graph came from it), or why it was not used.
        self.index_status = ""

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.path)!r})"

    def exists(self) -> bool:
        return self.file.is_file()

    # -- reading ---------------------------------------------------------------

    def load(self) -> StoreState:
        """Read the store; raises StoreUnavailable when absent, StoreCorrupt when unreadable.

        The graph comes from the index when it is fresh (its extractions then read
        from the JSON when first asked for); otherwise from the JSON, and the index
        is written again.
        """
        if not self.exists():
            if self.path.exists() and not self.path.is_dir():
                raise StoreUnavailable(f"{self.path}: not a store directory")
            if self.file.exists():
                raise StoreCorrupt(f"{self.file}: not a file (a folder or device where the store file should be)")
            raise StoreUnavailable(
                f"{self.path}: no store here yet (run `oversight ingest PATH` first)"
            )
        indexed, self.index_status = read_index(self.path, self.file, ontology())
        if indexed is not None:
            graph = indexed.graph
            graph.documents_root = self.path  # document paths and texts are kept relative to the store
            sha256 = indexed.sha256

            def read_extractions() -> list[Extraction]:
                data, read = self._read()
                return self._extractions_of(data, read.sha256, sha256)

            return StoreState(graph=graph, read_extractions=read_extractions)
        data, read = self._read()
        extractions = self._extractions_of(data, read.sha256, read.sha256)
        if data.get("version") in _REBUILT_VERSIONS:
            from oversight.graph.build import build_graph

            graph = build_graph(extractions, documents_root=self.path)
            self._index(graph.to_node_link(), read, graph.onto, data["version"])
            return StoreState(extractions=extractions, graph=graph)
        try:
            graph = OversightGraph.from_node_link(data, source=str(self.file))
        except (AttributeError, TypeError, KeyError, ValueError, RecursionError) as exc:
            raise StoreCorrupt(f"{self.file}: malformed graph ({exc.__class__.__name__})") from exc
        graph.documents_root = self.path  # document paths and texts are kept relative to the store
        self._index(data, read, graph.onto, VERSION)
        return StoreState(extractions=extractions, graph=graph)

    def _read(self) -> tuple[dict[str, Any], Stamp]:
        """The JSON of ``graph.json``, checked to be a store this tool reads, and the stamp of the bytes read."""
        try:
            with open(self.file, "rb") as handle:
                st = os.fstat(handle.fileno())
                raw = handle.read()
            data = json.loads(raw.decode("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreCorrupt(f"{self.file}: cannot read ({exc})") from exc
        except json.JSONDecodeError as exc:
            raise StoreCorrupt(f"{self.file}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
        except RecursionError as exc:
            raise StoreCorrupt(f"{self.file}: nested too deeply to be a store") from exc
        except ValueError as exc:  # a number of thousands of digits
            raise StoreCorrupt(f"{self.file}: not a store ({exc.__class__.__name__}: {str(exc)[:80]})") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreCorrupt(f"{self.file}: not an oversight store")
        if data.get("version") != VERSION and data.get("version") not in _REBUILT_VERSIONS:
            raise StoreCorrupt(
                f"{self.file}: store version {data.get('version')!r}, this tool reads {VERSION}"
            )
        return data, stamp(st, hashlib.sha256(raw).hexdigest())

    def _extractions_of(self, data: dict[str, Any], sha256: str, expected: str) -> list[Extraction]:
        """The extractions of the JSON ``data`` (hashing to ``sha256``), which must be the JSON the graph came from."""
        if sha256 != expected:
            raise StoreUnavailable(f"{self.file}: changed while it was being read; run the command again")
        try:
            return self._extractions(data)
        except (ValidationError, KeyError, TypeError, AttributeError, ValueError) as exc:
            raise StoreCorrupt(f"{self.file}: malformed facts ({exc.__class__.__name__})") from exc

    def _index(self, link: dict[str, Any], source: Stamp | None, onto: Any, version: int) -> None:
        """Write the index of the JSON just read or written (``source``: its stamp; None: unknown, so none
        is written); a store that cannot hold it (read-only, full) still works, from the JSON, and a
        stale index is removed."""
        try:
            if source is None:
                raise FileNotFoundError(INDEX_FILE)
            write_index(self.path, link, source, onto, version)
        except (OSError, sqlite3.Error):
            with contextlib.suppress(OSError):
                (self.path / INDEX_FILE).unlink()

    def document_lines(self, key: str, sha256: str | None = None) -> list[str] | None:
        """The kept text of document ``key`` (of content ``sha256``, when given), or None."""
        return read_lines(self.path, key, sha256)

    @staticmethod
    def _extractions(data: dict[str, Any]) -> list[Extraction]:
        by_key: dict[str, Extraction] = {}
        for record in data["documents"]:
            document = DocumentRecord.model_validate(record)
            by_key[document.key] = Extraction(document=document)
        for fact in _FACTS.validate_python(data["facts"]):
            by_key[fact.evidence.document].facts.append(fact)
        for item in data["warnings"]:
            item = dict(item)
            by_key[item.pop("document")].warnings.append(ExtractionWarning.model_validate(item))
        return list(by_key.values())

    # -- writing ---------------------------------------------------------------

    def save(self, state: StoreState) -> None:
        """Write the store atomically: the old file stays whole until the new one is.

        A store that cannot be written (disk full, a file size limit, no
        permission, a folder where the store file should be) raises
        StoreUnavailable naming the store and the reason; the old file is kept.
        """
        try:
            self._save(state)
        except OSError as exc:
            reason = exc.strerror or str(exc) or exc.__class__.__name__
            raise StoreUnavailable(f"{self.file}: cannot write the store ({reason}); the store is unchanged") from exc

    def _save(self, state: StoreState) -> None:
        if self.file.exists() and not self.file.is_file():
            raise IsADirectoryError(21, "a folder or device where the store file should be", str(self.file))
        self.path.mkdir(parents=True, exist_ok=True)
        self._remove_stale_temporaries()
        extractions = sorted(state.extractions, key=lambda e: e.document.key)
        shas = {e.document.key: e.document.sha256 for e in extractions}
        for key, lines in sorted(state.texts.items()):
            if key in shas:
                write_text(self.path, key, shas[key], lines)
        tmp = self.path / f".{STORE_FILE}.{os.getpid()}.tmp"
        try:
            with open(tmp, "w", encoding="utf-8") as handle:
                out = _Hashing(handle)
                out.write(f'{{"format":"{FORMAT}","version":{VERSION},\n')
                _write_section(out, "documents", [e.document.model_dump(exclude_none=True) for e in extractions])
                _write_section(
                    out,
                    "facts",
                    [{"kind": f.kind, **f.model_dump(exclude_defaults=True)} for e in extractions for f in e.facts],
                )
                _write_section(
                    out,
                    "warnings",
                    [
                        {"document": e.document.key, **w.model_dump(exclude_none=True)}
                        for e in extractions
                        for w in e.warnings
                    ],
                )
                link = state.graph.to_node_link()
                _write_section(out, "nodes", link["nodes"])
                _write_section(out, "edges", link["edges"], last=True)
                out.write("}\n")
                handle.flush()
                os.fsync(handle.fileno())
                inode = os.fstat(handle.fileno()).st_ino
            os.replace(tmp, self.file)
            self._fsync_dir()
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        # Stamped as renamed (a rename may change the change time), if it is still the file written here.
        st = self.file.stat()
        written = stamp(st, out.digest.hexdigest()) if st.st_ino == inode else None
        self._index(link, written, state.graph.onto, VERSION)
        prune_texts(self.path, shas)

    def _remove_stale_temporaries(self) -> None:
        """Delete ``.graph.json.<pid>.tmp`` files left by writers that died mid-save (SIGKILL, power cut).

        Only files of processes that no longer exist are removed; a live writer's
        file is its own (and the store lock keeps live writers apart anyway).
        """
        for name in (STORE_FILE, INDEX_FILE):
            for leftover in self.path.glob(f".{name}.*.tmp"):
                pid = leftover.name[len(name) + 2 : -len(".tmp")]
                if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                    with contextlib.suppress(OSError):
                        leftover.unlink()

    def _fsync_dir(self) -> None:
        with contextlib.suppress(OSError):
            fd = os.open(self.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    @contextlib.contextmanager
    def lock(self, timeout: float = DEFAULT_LOCK_WAIT, holder: str = "oversight") -> Iterator[None]:
        """Hold the store's write lock, waiting up to ``timeout`` seconds for another process
        to release it; raises StoreUnavailable naming the holder (what it is doing, its
        process id, since when) when it does not.

        The holder is written into the lock file once the lock is taken, so a process
        that waits can say who it waits for; the lock itself is the kernel's (flock),
        released however the holder ends.
        """
        self.path.mkdir(parents=True, exist_ok=True)
        handle = open(self.path / LOCK_FILE, "a+")
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreUnavailable(
                            f"{self.path}: locked by {self._holder(handle)} (waited {timeout:g} s; "
                            "set --lock-wait or OVERSIGHT_LOCK_WAIT to wait longer)"
                        ) from None
                    time.sleep(0.05)
            with contextlib.suppress(OSError):
                handle.seek(0)
                handle.truncate()
                stamp = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
                handle.write(json.dumps({"holder": holder, "pid": os.getpid(), "since": stamp}) + "\n")
                handle.flush()
            yield
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            handle.close()

    @staticmethod
    def _holder(handle: IO[str]) -> str:
        """Who holds the lock, as its holder wrote it: 'oversight ingest (pid 42, since …)'."""
        try:
            handle.seek(0)
            info = json.loads(handle.read() or "{}")
            return f"{info['holder']} (pid {int(info['pid'])}, since {info['since']})"
        except (OSError, ValueError, KeyError, TypeError):
            return "another oversight process"
