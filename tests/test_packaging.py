"""A non-editable install carries every package: each folder with an ``__init__.py`` under a
mapped top-level folder is listed in pyproject.toml's ``packages`` (a family added without its
line would be missing from ``pip install .`` while every test, run on the editable install, passed)."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_source_package_is_listed_for_installation() -> None:
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapping = setuptools["package-dir"]
    found = set()
    for package, folder in mapping.items():
        root = REPO / folder
        for init in root.rglob("__init__.py"):
            if "__pycache__" in init.parts:
                continue
            parts = init.parent.relative_to(root).parts
            found.add(".".join((package, *parts)))
    assert sorted(found - set(setuptools["packages"])) == []
