"""Each ingested document's text is kept in the store, beside graph.json, one file per document."""

from __future__ import annotations

import json
from pathlib import Path

from oversight import api
from oversight.graph.document_texts import TEXTS_DIR, prune_texts, read_lines, text_path, write_text
from oversight.graph.passages import document_lines
from oversight.loaders.read_text import read_text

PAPER = """PCC progress paper

AFI 5: Make sure call takers advise callers on preserving evidence.
Status: in progress (amber). Owner: DCC.
"""


def ingest_paper(tmp_path: Path, text: str = PAPER) -> tuple[Path, Path, str]:
    paper = tmp_path / "papers" / "progress.txt"
    paper.parent.mkdir(exist_ok=True)
    paper.write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    api.ingest([paper], store)
    return store, paper, read_text(paper).key


def test_ingest_keeps_the_documents_lines_as_the_reader_numbered_them(tmp_path: Path) -> None:
    store, paper, key = ingest_paper(tmp_path)
    kept = json.loads(text_path(store, key).read_text(encoding="utf-8"))
    assert kept == {"key": key, "sha256": read_text(paper).sha256, "lines": read_text(paper).lines}


def test_the_text_file_is_named_by_the_document_id_in_the_documents_folder(tmp_path: Path) -> None:
    store, _, key = ingest_paper(tmp_path)
    assert sorted(p.name for p in (store / TEXTS_DIR).iterdir()) == [key.split("/", 1)[1] + ".json"]


def test_the_graph_file_keeps_its_sections_and_no_text(tmp_path: Path) -> None:
    store, _, _ = ingest_paper(tmp_path)
    data = json.loads((store / "graph.json").read_text(encoding="utf-8"))
    assert (sorted(data), sorted(data["documents"][0])) == (
        ["documents", "edges", "facts", "format", "nodes", "version", "warnings"],
        ["encoding", "family", "family_confidence", "format", "key", "line_count", "path", "sha256", "title"],
    )


def test_a_loaded_graph_reads_the_kept_text_after_the_paper_is_gone(tmp_path: Path) -> None:
    store, paper, key = ingest_paper(tmp_path)
    lines = read_text(paper).lines
    paper.unlink()
    assert document_lines(api.load(store), key) == lines


def test_re_ingesting_a_changed_paper_replaces_its_text_and_removes_the_old_one(tmp_path: Path) -> None:
    store, paper, old = ingest_paper(tmp_path)
    changed = PAPER.replace("amber", "green")
    paper.write_text(changed, encoding="utf-8")
    api.ingest([paper], store)
    new = read_text(paper).key
    assert (sorted(p.name for p in (store / TEXTS_DIR).iterdir()), read_lines(store, new)) == (
        [new.split("/", 1)[1] + ".json"],
        changed.splitlines(),
    )
    assert read_lines(store, old) is None


def test_a_register_keeps_its_yaml_lines(tmp_path: Path) -> None:
    register = Path(__file__).resolve().parents[1] / "examples" / "register.yaml"
    store = tmp_path / "store"
    api.ingest([register], store)
    graph = api.load(store)
    key = next(k for k in graph.keys("Document"))
    assert read_lines(store, key) == register.read_text(encoding="utf-8").splitlines()


def test_a_text_of_other_content_than_the_graph_s_is_not_read(tmp_path: Path) -> None:
    write_text(tmp_path, "document/0123456789ab", "a" * 64, ["one"])
    assert (read_lines(tmp_path, "document/0123456789ab", "a" * 64), read_lines(tmp_path, "document/0123456789ab", "b" * 64)) == (
        ["one"],
        None,
    )


def test_a_key_that_is_no_plain_id_never_names_a_file_outside_the_folder(tmp_path: Path) -> None:
    path = text_path(tmp_path, "document/../../etc/passwd")
    assert (path.parent, path.name.startswith("key-"), path.suffix) == (tmp_path / TEXTS_DIR, True, ".json")


def test_pruning_keeps_only_the_texts_of_documents_still_held(tmp_path: Path) -> None:
    for key in ("document/aaaaaaaaaaaa", "document/bbbbbbbbbbbb"):
        write_text(tmp_path, key, "0" * 64, ["x"])
    assert (prune_texts(tmp_path, ["document/aaaaaaaaaaaa"]), sorted(p.name for p in (tmp_path / TEXTS_DIR).iterdir())) == (
        ["document/bbbbbbbbbbbb"],
        ["aaaaaaaaaaaa.json"],
    )
