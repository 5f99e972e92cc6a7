"""The code passes its own linters: ruff over the project, mypy over every Python folder.

Both run as the README's test command runs them, from the project root with
its ``pyproject.toml`` settings, so a type error or lint failure fails CI
rather than waiting for someone to run the tools by hand.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_tool(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "MYPY_CACHE_DIR": str(cache / "mypy"), "RUFF_CACHE_DIR": str(cache / "ruff")},
        check=False,
    )


def test_ruff_finds_nothing(tmp_path: Path) -> None:
    result = run_tool("ruff", "check", "--no-cache", ".", cache=tmp_path)
    assert (result.returncode, result.stdout) == (0, "All checks passed!\n")


def test_mypy_finds_no_type_error_in_any_python_folder(tmp_path: Path) -> None:
    result = run_tool("mypy", cache=tmp_path)
    last = result.stdout.splitlines()[-1] if result.stdout else result.stderr
    assert (result.returncode, last.split(" in ")[0]) == (0, "Success: no issues found"), result.stdout
