"""The text of each ingested document, kept in the store beside ``graph.json``.

Evidence in context needs the paper's own lines long after ingest, when the
file may have moved, changed or gone (a shared drive, an emailed PDF). So each
document's lines, exactly as the reader numbered them (the line numbers every
fact cites), are kept in the store directory, one JSON file per document:
``<store>/documents/<document id>.json`` holding ``{"key", "sha256", "lines"}``.
They are separate files, not part of ``graph.json``: loading the graph never
reads them, and a view reads only the documents it cites.

The store's writer (:meth:`oversight.graph.embedded_store.EmbeddedStore.save`)
writes them atomically (a temporary file, flushed, renamed over the old one)
before the graph that cites them, and removes, after the graph is saved, the
text of every document the store no longer holds; re-ingesting a document
replaces its file.

>>> import tempfile
>>> store = Path(tempfile.mkdtemp())
>>> write_text(store, "document/0123456789ab", "a" * 64, ["Title", "", "AFI 5 is amber"])
>>> text_path(store, "document/0123456789ab").relative_to(store).as_posix()
'documents/0123456789ab.json'
>>> read_lines(store, "document/0123456789ab", "a" * 64)
['Title', '', 'AFI 5 is amber']
>>> read_lines(store, "document/0123456789ab", "b" * 64) is None  # another content than the graph's
True
>>> prune_texts(store, keep=[])
['document/0123456789ab']
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = ["TEXTS_DIR", "text_path", "write_text", "read_lines", "prune_texts"]

#: The folder of the store that holds the documents' texts.
TEXTS_DIR = "documents"

_SAFE_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,100}")
_PREFIX = "document/"


def _name(key: str) -> str:
    """The file name (without ``.json``) of a document key: its id, or a hash of a key that is no plain id."""
    tail = key[len(_PREFIX) :] if key.startswith(_PREFIX) else ""
    if _SAFE_NAME.fullmatch(tail):
        return tail
    return "key-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def text_path(store: Path, key: str) -> Path:
    """Where the text of document ``key`` is kept in ``store`` (never outside its ``documents`` folder)."""
    return Path(store) / TEXTS_DIR / f"{_name(key)}.json"


def write_text(store: Path, key: str, sha256: str, lines: list[str]) -> None:
    """Write one document's lines atomically; raises OSError (the store's writer reports it)."""
    target = text_path(store, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    payload = json.dumps({"key": key, "sha256": sha256, "lines": lines}, ensure_ascii=False, separators=(",", ":"))
    try:
        with open(tmp, "w", encoding="utf-8", errors="surrogatepass") as out:
            out.write(payload + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def read_lines(store: Path, key: str, sha256: str | None = None) -> list[str] | None:
    """The kept lines of document ``key``; None when the store has none for it, the file is
    unreadable, or it holds another document (or, given ``sha256``, another content)."""
    try:
        data = json.loads(text_path(store, key).read_text(encoding="utf-8", errors="surrogatepass"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    if sha256 is not None and data.get("sha256") != sha256:
        return None
    lines = data.get("lines")
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        return None
    return lines


def _alive(pid: str) -> bool:
    """Whether the writer of a temporary file (its process id) may still be writing it."""
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:  # another user's process
        return True
    return True


def prune_texts(store: Path, keep: Iterable[str]) -> list[str]:
    """Remove the texts of documents not in ``keep`` (and temporaries of writers that died);
    returns the keys (or file names) removed, sorted."""
    folder = Path(store) / TEXTS_DIR
    if not folder.is_dir():
        return []
    wanted = {f"{_name(key)}.json" for key in keep}
    removed = []
    for entry in folder.iterdir():
        name = entry.name
        stale_tmp = name.startswith(".") and name.endswith(".tmp") and not _alive(name.rsplit(".", 2)[-2])
        if (name.endswith(".json") and name not in wanted) or stale_tmp:
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(_PREFIX + name[: -len(".json")] if name.endswith(".json") else name)
    return sorted(removed)
