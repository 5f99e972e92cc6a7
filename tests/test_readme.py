"""README.md opens with the two newcomer commands, and .ci/run runs the second."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)[:2]


def test_readme_opens_with_a_main_job_command_and_a_test_command() -> None:
    main_job, tests = readme_commands()
    assert ("oversight" in main_job and "pip install" in main_job, tests.endswith("-m pytest")) == (True, True)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
