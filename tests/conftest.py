"""Shared fixtures: the seed papers, a fresh store directory, the built seed graph."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
EXAMPLES = REPO / "examples"
IN_CI = bool(os.environ.get("CI"))


def require(condition: bool, reason: str) -> None:
    """Skip with ``reason`` when ``condition`` fails, except under CI, where it is a failure."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The folder of real seed papers (../shared/seeds)."""
    require(SEEDS.is_dir() and any(SEEDS.glob("*.txt")), f"seed papers not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def seed_paths(seeds: Path) -> dict[str, Path]:
    """Seed files by their number prefix: {"000": Path, ...}."""
    return {p.name[:3]: p for p in sorted(seeds.glob("*.txt"))}


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """A store directory that does not exist yet."""
    return tmp_path / "store"
