"""The CLI: whole outputs and exit codes, one-line errors, JSON for scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oversight.cli import app
from oversight.graph.rdf_store import parse

EXAMPLE_REGISTER = Path(__file__).resolve().parents[1] / "examples" / "register.yaml"
runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "OVERSIGHT_STORE": ""})


@pytest.fixture()
def ingested(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    assert run("ingest", str(EXAMPLE_REGISTER), "--store", str(store)).exit_code == 0
    return store


def test_version_prints_the_version() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, "oversight 0.1.0\n")


def test_stats_on_a_missing_store_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("stats", "--store", str(tmp_path / "none"))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"error: {tmp_path / 'none'}: no store here yet (run `oversight ingest PATH` first)\n",
    )


def test_errors_with_json_are_the_json_error_shape(tmp_path: Path) -> None:
    result = run("stats", "--json", "--store", str(tmp_path / "none"))
    assert (result.exit_code, json.loads(result.stdout)) == (
        2,
        {"ok": False, "error": f"{tmp_path / 'none'}: no store here yet (run `oversight ingest PATH` first)"},
    )


def test_an_unknown_command_is_one_line_and_exit_2() -> None:
    result = run("statz")
    assert (result.exit_code, result.stderr) == (2, "error: No such command 'statz'. Did you mean 'stats'?\n")


def test_an_unknown_option_is_one_line_and_exit_2() -> None:
    result = run("stats", "--colour")
    assert (result.exit_code, result.stderr) == (2, "error: No such option: --colour\n")


def test_a_corrupt_store_is_one_line_and_exit_2(ingested: Path) -> None:
    (ingested / "graph.json").write_text("{not json", encoding="utf-8")
    result = run("stats", "--store", str(ingested))
    assert (result.exit_code, result.stderr) == (2, f"error: {ingested / 'graph.json'}: not valid JSON (line 1: Expecting property name enclosed in double quotes)\n")


def test_stats_json_counts_labels_and_relationship_types(ingested: Path) -> None:
    data = json.loads(run("stats", "--json", "--store", str(ingested)).stdout)
    assert (data["labels"]["AreaForImprovement"], data["relationshipTypes"]["LINKED_TO"], data["unresolved"]) == (18, 2, [])


def test_validate_passes_on_the_example_register(ingested: Path) -> None:
    result = run("validate", "--store", str(ingested))
    assert (result.exit_code, result.stdout) == (0, "valid: no violations\n")


def test_validate_exits_1_and_lists_violations(tmp_path: Path) -> None:
    register = tmp_path / "r.yaml"
    register.write_text("links:\n  - from: x/afi-01\n    to: x/afi-02\n", encoding="utf-8")
    run("ingest", str(register), "--store", str(tmp_path / "s"))
    result = run("validate", "--json", "--store", str(tmp_path / "s"))
    assert (result.exit_code, [v["focus"] for v in json.loads(result.stdout)["violations"]]) == (1, ["x/afi-01", "x/afi-02"])


def test_exported_turtle_round_trips_to_the_exported_node_link_json(ingested: Path, tmp_path: Path) -> None:
    assert run("export", "--format", "ttl", "-o", str(tmp_path / "g.ttl"), "--store", str(ingested)).exit_code == 0
    assert run("export", "--format", "json", "-o", str(tmp_path / "g.json"), "--store", str(ingested)).exit_code == 0
    from_turtle = parse((tmp_path / "g.ttl").read_text(encoding="utf-8"), "ttl").to_node_link()
    assert from_turtle == json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))


def test_export_never_replaces_a_file_without_force(ingested: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("precious", encoding="utf-8")
    result = run("export", "--format", "json", "-o", str(target), "--store", str(ingested))
    assert (result.exit_code, result.stderr, target.read_text(encoding="utf-8")) == (
        2,
        f"error: {target}: already exists (use --force to replace it)\n",
        "precious",
    )


def test_ingest_names_each_bad_file_on_one_line_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("ingest", str(tmp_path / "empty.txt"), str(EXAMPLE_REGISTER), "--store", str(tmp_path / "s"))
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, f"error: {tmp_path / 'empty.txt'}: empty file")


def test_ingest_refuses_an_unknown_type_before_reading(tmp_path: Path) -> None:
    result = run("ingest", str(EXAMPLE_REGISTER), "--type", "novel", "--store", str(tmp_path / "s"))
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --type: unknown document family 'novel'; known: audit-committee, board-minutes, committee-minutes, "
        "generic, hmicfrs-letter, inspections-audits, minutes, monitoring-record, peel-progress, peel-report, "
        "peel-web, progress-paper, tracker\n",
    )


def test_findings_json_lists_the_registered_findings(ingested: Path) -> None:
    rows = json.loads(run("findings", "--json", "--store", str(ingested)).stdout)
    assert [(r["key"], r["status"], r["boards"]) for r in rows][:2] == [
        ("kent-police/peel-2021-22/afi-03", "unknown", ["Future Improvement and Development Board"]),
        ("kent-police/peel-2021-22/afi-04", "unknown", ["Future Improvement and Development Board"]),
    ]


def test_every_command_has_help_text() -> None:
    import typer.main

    group = typer.main.get_command(app)
    missing = []

    def walk(command, path):  # type: ignore[no-untyped-def]
        if not (command.help or "").strip():
            missing.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(group, "oversight")
    assert missing == []


def test_every_option_help_is_shown_whole_with_its_brackets() -> None:
    """Rich reads "[env NEO4J_URI ...]" as markup and drops it unless the bracket is escaped."""
    import re

    import typer.main

    lost = []

    def walk(command, path):  # type: ignore[no-untyped-def]
        subcommands = getattr(command, "commands", {})
        if not subcommands:
            shown = run(*path, "--help").stdout
            flat = re.sub(r"[\s│]+", " ", shown)
            for param in command.params:
                text = re.sub(r"\s+", " ", (getattr(param, "help", None) or "").replace("\\[", "["))
                if text and text not in flat:
                    lost.append(f"oversight {' '.join(path)} {param.opts[0]}: {text}")
        for name, sub in subcommands.items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    assert lost == []


def test_the_console_script_runs_without_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "oversight", "stats", "--store", str(tmp_path / "none")],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert (result.returncode, result.stderr) == (2, f"error: {tmp_path / 'none'}: no store here yet (run `oversight ingest PATH` first)\n")


def test_trace_of_an_unknown_key_is_one_line_and_exit_2(ingested: Path) -> None:
    result = run("trace", "kent-police/nothing-like-it", "--store", str(ingested))
    assert (result.exit_code, result.stderr) == (2, "error: kent-police/nothing-like-it: no such node\n")


def test_trace_of_a_mistyped_key_suggests_the_nearest_keys(ingested: Path) -> None:
    result = run("trace", "kent-police/peel-2021-22/afi-5", "--store", str(ingested))
    assert (result.exit_code, result.stderr) == (
        2,
        "error: kent-police/peel-2021-22/afi-5: no such node; did you mean kent-police/peel-2021-22/afi-05, "
        "kent-police/peel-2021-22/afi-15 or kent-police/peel-2021-22/afi-03?\n",
    )


def test_view_of_a_mistyped_key_suggests_the_nearest_keys(ingested: Path, tmp_path: Path) -> None:
    result = run("view", "node", "kent-police/peel-2021-22/afi-5", "-o", str(tmp_path / "v.html"), "--store", str(ingested))
    assert (result.exit_code, result.stderr) == (
        2,
        "error: kent-police/peel-2021-22/afi-5: no such node; did you mean kent-police/peel-2021-22/afi-05, "
        "kent-police/peel-2021-22/afi-15 or kent-police/peel-2021-22/afi-03?\n",
    )


STATUSES = "awaiting-review, carried-forward, closed, completed, discharged, in-progress, no-further-action, open, superseded, unknown"


def test_findings_refuses_an_unknown_status_with_the_valid_ones_and_exit_2(ingested: Path) -> None:
    result = run("findings", "--status", "inprogress", "--store", str(ingested))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"error: --status: unknown finding status 'inprogress' (did you mean in-progress?); known: {STATUSES}\n",
    )


def test_findings_refuses_an_unknown_status_in_the_json_error_shape(ingested: Path) -> None:
    result = run("findings", "--status", "inprogress", "--json", "--store", str(ingested))
    assert (result.exit_code, json.loads(result.stdout)) == (
        2,
        {"ok": False, "error": f"--status: unknown finding status 'inprogress' (did you mean in-progress?); known: {STATUSES}"},
    )


def test_findings_refuses_an_unknown_kind_with_the_finding_classes(ingested: Path) -> None:
    result = run("findings", "--kind", "AFI", "--store", str(ingested))
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --kind: unknown finding kind 'AFI'; known: Action, AreaForImprovement, AuditRecommendation, "
        "CauseOfConcern, Recommendation\n",
    )


def test_findings_takes_a_status_of_the_vocabulary(ingested: Path) -> None:
    result = run("findings", "--status", "unknown", "--json", "--store", str(ingested))
    assert (result.exit_code, {r["status"] for r in json.loads(result.stdout)}) == (0, {"unknown"})


def test_view_graph_refuses_an_unknown_status_before_writing(ingested: Path, tmp_path: Path) -> None:
    result = run("view", "graph", "--status", "done", "-o", str(tmp_path / "v.html"), "--store", str(ingested))
    assert (result.exit_code, result.stderr, (tmp_path / "v.html").exists()) == (
        2,
        f"error: --status: unknown finding status 'done'; known: {STATUSES}\n",
        False,
    )


def test_view_graph_refuses_an_unknown_label_among_repeated_ones(ingested: Path, tmp_path: Path) -> None:
    result = run("view", "graph", "--label", "Board", "--label", "Findng", "-o", str(tmp_path / "v.html"), "--store", str(ingested))
    assert (result.exit_code, result.stderr.split(";")[0]) == (2, "error: --label: unknown label 'Findng' (did you mean Finding?)")


def test_status_option_help_lists_the_statuses_of_the_ontology() -> None:
    import typer.main

    from oversight.ontology import ontology

    findings = typer.main.get_command(app).commands["findings"]  # type: ignore[attr-defined]
    [status] = [p for p in findings.params if p.name == "status"]
    vocabulary = ", ".join([*ontology().vocabulary("FindingStatuses").notations, "unknown"])
    assert status.help == f"Only findings whose latest status is this (unknown: no paper assessed it). One of: {vocabulary}."


def test_trace_json_has_the_documented_top_level_shape(ingested: Path) -> None:
    data = json.loads(run("trace", "kent-police/peel-2021-22/afi-19", "--json", "--store", str(ingested)).stdout)
    assert list(data) == ["root", "finding", "supersedes", "supersededBy", "history", "owners", "boards"]


def test_reconcile_with_no_stated_counts_says_so(ingested: Path) -> None:
    result = run("reconcile", "--store", str(ingested))
    assert (result.exit_code, result.stdout) == (0, "No inspection has stated counts to reconcile.\n")


def test_reconcile_of_a_finding_key_says_it_is_not_an_inspection(ingested: Path) -> None:
    result = run("reconcile", "kent-police/peel-2021-22/afi-19", "--store", str(ingested))
    assert (result.exit_code, result.stderr) == (
        2,
        "error: kent-police/peel-2021-22/afi-19: no such node (AreaForImprovement, not an inspection)\n",
    )


def test_the_demo_writes_every_view_and_traces_afi_5(tmp_path: Path) -> None:
    result = run("demo", "-o", str(tmp_path / "demo"), "--json")
    data = json.loads(result.stdout)
    assert (
        result.exit_code,
        sorted(data["views"]),
        [(h["key"], h["basis"]) for h in data["trace"]["supersededBy"]],
        data["reconcile"]["inspection"],
    ) == (
        0,
        ["boards", "graph", "inspection", "lineage", "node"],
        [("kent-police/peel-2023-25/afi/responding-to-the-public-04", "register")],
        "kent-police/peel-2021-22",
    )


def test_the_demo_never_writes_into_a_folder_that_is_not_its_own(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("precious", encoding="utf-8")
    result = run("demo", "-o", str(mine))
    assert (result.exit_code, result.stderr, sorted(p.name for p in mine.iterdir())) == (
        2,
        f"error: {mine}: exists and is not a demo folder (use --force to write into it)\n",
        ["notes.txt"],
    )


def test_a_finding_text_with_a_terminal_escape_prints_escaped(tmp_path: Path) -> None:
    register = tmp_path / "r.yaml"
    register.write_text(
        'findings:\n  - inspection: x/peel\n    number: 1\n    text: "Red \\e[31malert\\e[0m and \\u202eevil"\n',
        encoding="utf-8",
    )
    run("ingest", str(register), "--store", str(tmp_path / "s"))
    shown = run("findings", "--store", str(tmp_path / "s")).stdout
    assert ("\x1b" in shown, "\u202e" in shown, "Red \\x1b[31malert\\x1b[0m and \\u202eevil" in shown) == (False, False, True)
