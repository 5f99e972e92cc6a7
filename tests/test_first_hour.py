"""A new user's first hour: the demo read through a pipe, every command alike.

The demo and the commands run as a user runs them, in a subprocess whose
stdout is a pipe: nothing may be wrapped to 80 columns, coloured, or padded;
documents are named by title and date, never by their internal key; the demo
ends on the two things to do next. Then every command, walked from the app:
each takes --store and --json, and each option whose values come from an
ontology vocabulary lists them in its help.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from oversight.cli import app
from oversight.demo import next_steps
from oversight.ontology import L, ontology

REPO = Path(__file__).resolve().parents[1]
#: How a document's internal key looks (document/<12 hex digits>): never shown to a person.
DOCUMENT_KEY = re.compile(r"document/[0-9a-f]{12}")
AFI_KEYS = [f"kent-police/peel-2021-22/afi-{n:02d}" for n in range(1, 20)]


def piped(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``oversight ARGS | cat``: stdout is a pipe, as for a user who pipes or redirects it."""
    clean = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "OVERSIGHT_STORE"}}
    return subprocess.run(
        [sys.executable, "-m", "oversight", *map(str, args)],
        capture_output=True, text=True, cwd=REPO, env={**clean, **env}, timeout=300,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("first-hour") / "demo"
    return out, piped("demo", "-o", out)


def _commands() -> list[tuple[str, Any]]:
    found = []

    def walk(command: Any, path: list[str]) -> None:
        subcommands = getattr(command, "commands", {})
        if not subcommands:
            found.append((" ".join(path), command))
        for name, sub in subcommands.items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


def _flags(command: Any) -> set[str]:
    return {flag for param in command.params for flag in getattr(param, "opts", [])}


# -- the demo, piped --------------------------------------------------------------------


def test_the_piped_demo_holds_no_escape_code(demo: tuple[Path, Any]) -> None:
    _, result = demo
    assert (result.returncode, "\x1b" in result.stdout, result.stderr) == (0, False, "")


def test_the_piped_demo_ends_no_line_in_padding(demo: tuple[Path, Any]) -> None:
    _, result = demo
    assert [line for line in result.stdout.splitlines() if line != line.rstrip()] == []


def test_the_piped_demo_shows_each_finding_of_its_closure_table_whole_on_one_line(demo: tuple[Path, Any]) -> None:
    _, result = demo
    rows = [line.split("│")[2].strip() for line in result.stdout.splitlines() if re.match(r"│ \d+ +│", line)]
    assert rows == AFI_KEYS


def test_the_piped_demo_cites_the_register_by_its_title_and_line_with_the_whole_quote(demo: tuple[Path, Any]) -> None:
    _, result = demo
    [cite] = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("Kent PEEL governance register")]
    assert cite.startswith("Kent PEEL governance register (example), line 73: \u201c- later: ") and cite.endswith(
        "continues as this AFI.\u201d"
    )


def test_the_piped_demo_names_no_document_by_its_internal_key(demo: tuple[Path, Any]) -> None:
    _, result = demo
    assert DOCUMENT_KEY.findall(result.stdout) == []


def test_the_demo_ends_with_the_two_next_steps(demo: tuple[Path, Any]) -> None:
    out, result = demo
    assert result.stdout.splitlines()[-3:] == ["", *next_steps(str(out / "tracker.html"))]


def test_the_demo_never_says_the_accounting_failed(demo: tuple[Path, Any]) -> None:
    _, result = demo
    assert [line for line in result.stdout.splitlines() if "does not reconcile" in line] == []


def test_the_demo_builds_its_graph_in_the_store_it_is_given(tmp_path: Path) -> None:
    result = piped("demo", "-o", tmp_path / "demo", "--store", tmp_path / "mine", "--json")
    assert (result.returncode, (tmp_path / "mine" / "graph.json").is_file(), (tmp_path / "demo" / "store").exists()) == (0, True, False)


def test_the_demo_never_empties_a_store_it_did_not_make(tmp_path: Path) -> None:
    store = tmp_path / "mine"
    store.mkdir()
    (store / "graph.json").write_text("precious", encoding="utf-8")
    result = piped("demo", "-o", tmp_path / "demo", "--store", store)
    assert (result.returncode, result.stderr, (store / "graph.json").read_text(encoding="utf-8")) == (
        2,
        f"error: {store}: holds a store that is not the demo's (use --force to add the examples to it)\n",
        "precious",
    )


# -- other commands, piped ----------------------------------------------------------------


def test_a_piped_trace_cites_papers_by_title_and_date(demo: tuple[Path, Any]) -> None:
    out, _ = demo
    result = piped("trace", "kent-police/peel-2021-22/afi-14", "--store", out / "store")
    cites = [line.split("│")[5].strip() for line in result.stdout.splitlines() if line.startswith("│ 2023-04-18")]
    assert (DOCUMENT_KEY.findall(result.stdout), cites[0]) == (
        [],
        "HMICFRS PEEL Inspection 2021/22 - progress on the areas for improvement (2023-04-18), line 7: \u201cDate: 18 April 2023\u201d",
    )


def test_a_piped_reconcile_names_the_paper_of_each_stated_count(demo: tuple[Path, Any]) -> None:
    out, _ = demo
    result = piped("reconcile", "kent-police/peel-2021-22", "--store", out / "store")
    sources = [line.split("│")[6].strip() for line in result.stdout.splitlines() if re.match(r"│ (closed|superseded|carried-forward) ", line)]
    assert sources[1] == (
        "INSPECTIONS, AUDITS & REVIEWS (2024-01-31), line 25: \u201cHMICFRS have agreed to close 14 of the 19 AFIs issued from PEEL 2021/22.\u201d"
    )


def test_a_piped_table_is_not_wrapped_when_a_terminal_width_is_set(demo: tuple[Path, Any]) -> None:
    out, _ = demo
    result = piped("findings", "--store", out / "store", COLUMNS="80")
    widths = {len(line) for line in result.stdout.splitlines()[1:]}
    assert (len(widths), max(widths) > 80) == (1, True)


def test_no_color_leaves_out_every_style_code_even_on_a_forced_terminal(demo: tuple[Path, Any]) -> None:
    out, _ = demo
    styled = piped("stats", "--store", out / "store", FORCE_COLOR="1")
    plain = piped("stats", "--store", out / "store", FORCE_COLOR="1", NO_COLOR="1")
    assert ("\x1b[" in styled.stdout, "\x1b[" in plain.stdout) == (True, False)


def test_queries_with_a_store_prints_no_literal_line_break(tmp_path: Path) -> None:
    result = piped("queries", "--store", tmp_path / "store")
    assert (result.returncode, "\\n" in result.stdout) == (0, False)


# -- every command ---------------------------------------------------------------------------


def test_every_command_takes_store() -> None:
    assert [name for name, command in _commands() if "--store" not in _flags(command)] == []


def test_every_command_takes_json() -> None:
    assert [name for name, command in _commands() if "--json" not in _flags(command)] == []


def _vocabularies() -> dict[str, tuple[str, ...]]:
    """Each option that takes a vocabulary's values, and those values, read here from the ontology."""
    from oversight.loaders.registry import extractor_families

    onto = ontology()
    return {
        "--status": (*onto.vocabulary("FindingStatuses").notations, "unknown"),
        "--kind": tuple(sorted(c for c in onto.classes if c != L.Finding and onto.is_a(c, L.Finding))),
        "--label": tuple(sorted(c for c in onto.classes if c != L.OversightNode)),
        "--type": tuple(n for n in onto.vocabulary("DocumentFamilies").notations if n in extractor_families()),
    }


def test_every_vocabulary_option_lists_its_values_from_the_ontology_in_its_help() -> None:
    vocabularies = _vocabularies()
    wrong = []
    for name, command in _commands():
        for param in command.params:
            for flag in set(getattr(param, "opts", [])) & set(vocabularies):
                if not (param.help or "").endswith(f" One of: {', '.join(vocabularies[flag])}."):
                    wrong.append(f"{name} {flag}")
    assert wrong == []


def test_the_vocabulary_options_are_where_a_user_looks_for_them() -> None:
    vocabularies = set(_vocabularies())
    assert sorted((name, sorted(_flags(command) & vocabularies)) for name, command in _commands() if _flags(command) & vocabularies) == [
        ("findings", ["--kind", "--status"]),
        ("ingest", ["--type"]),
        ("view graph", ["--label", "--status"]),
    ]
