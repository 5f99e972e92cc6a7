"""The README's first screen: short, its pictures made by one script, its commands real."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from oversight.cli import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_readme_links_docs_within_its_first_150_lines() -> None:
    first = next(n for n, line in enumerate(README.splitlines(), 1) if "](docs/" in line)
    assert first < 150


def test_the_readme_shows_the_pictures_the_screenshot_script_writes() -> None:
    script = (REPO / "docs" / "screenshots.py").read_text(encoding="utf-8")
    pictures = sorted(set(re.findall(r"\]\((docs/[\w-]+\.png)\)", README)))
    written = sorted(f"docs/{name}" for name in re.findall(r'out / "([\w-]+\.png)"', script))
    assert (pictures, written) == (["docs/lineage.png", "docs/tracker.png"], ["docs/lineage.png", "docs/tracker.png"])


def test_the_three_commands_for_your_own_papers_are_commands_of_the_app() -> None:
    section = README.split("## Your own papers in three commands\n", 1)[1].split("\n## ", 1)[0]
    [block] = re.findall(r"```sh\n(.+?)\n```", section, re.S)
    commands = [line.split()[1] for line in block.splitlines()]
    known = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert [(c, c in known) for c in commands] == [("ingest", True), ("tracker", True), ("reconcile", True)]
