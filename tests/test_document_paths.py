"""A document is where it is, not where the command ran (issue 17): one version per file in the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight import api


def _documents(store: Path) -> list[dict]:  # type: ignore[type-arg]
    return list(api.load(store).nodes("Document"))


def test_a_changed_paper_ingested_from_three_directories_is_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    store = tmp_path / "store"
    # the same file, edited between runs, named from three working directories
    for version, (cwd, name) in enumerate(((tmp_path, "papers/r.yaml"), (papers, "r.yaml"), (store.parent, str(papers / "r.yaml")))):
        (papers / "r.yaml").write_text(
            f"force: Kent Police\ninspections:\n  - round: '2021/22'\n    kind: peel\n    title: version {version}\n", encoding="utf-8"
        )
        monkeypatch.chdir(cwd)
        api.ingest([name], store)
    graph = api.load(store)
    assert ([d["path"] for d in graph.nodes("Document")], graph.node("kent-police/peel-2021-22")["title"]) == (
        ["../papers/r.yaml"],
        "version 2",
    )


def test_the_store_keeps_the_path_relative_to_itself_not_an_absolute_one(tmp_path: Path) -> None:
    paper = tmp_path / "r.yaml"
    paper.write_text("force: Kent Police\ninspections:\n  - round: '2021/22'\n    kind: peel\n", encoding="utf-8")
    api.ingest([paper.resolve()], tmp_path / "store")
    assert [d["path"] for d in _documents(tmp_path / "store")] == ["../r.yaml"]


def test_the_report_names_the_file_as_the_user_gave_it(tmp_path: Path) -> None:
    paper = tmp_path / "r.yaml"
    paper.write_text("force: Kent Police\ninspections:\n  - round: '2021/22'\n    kind: peel\n", encoding="utf-8")
    report = api.ingest([paper], tmp_path / "store")
    assert [d["path"] for d in report.documents] == [str(paper)]


def test_a_renamed_paper_is_the_same_document_under_its_new_path(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text("force: Kent Police\ninspections:\n  - round: '2021/22'\n    kind: peel\n", encoding="utf-8")
    api.ingest([old], tmp_path / "store")
    old.rename(new)
    api.ingest([new], tmp_path / "store")
    assert [d["path"] for d in _documents(tmp_path / "store")] == ["../new.yaml"]
