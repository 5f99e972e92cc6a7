"""The monitoring-record family (loaders/families/monitoring_record): HMICFRS's recommendations register.

Small texts written for the tests, in the register's two layouts: a record
with its status history as ``[on]…[status]…[/status]`` markup, and a
recommendation's own page closed by a line saying where it stands.
"""

from __future__ import annotations

from oversight.loaders.families.monitoring_record import MonitoringRecordExtractor
from oversight.loaders.models import EdgeFact, NodeFact, TextDocument
from oversight.loaders.registry import detect

RECORD = (
    "Exampleshire Police: Crime Data Integrity inspection 2019 (4321)\n\n"
    "Within three months, the force should review how it audits its crime records.\n\n"
    "[on]3rd March 2019 [status]awaiting-review[/status][/on][on]4th March 2019 [comment]\n\nNew recommendation\n\n[/comment][/on]"
    "[on]1st June 2019 [status]being-progressed[/status][/on][on]1st June 2019 [comment]\n\n"
    "The force told us this recommendation had been completed.\n\n[/comment][/on]"
    "[on]2nd July 2019 [status]no-further-action-needed[/status][/on]\n"
)
NATIONAL = (
    "Tidy Desks: an inspection of office tidiness in the police (1111)\n\n"
    "With immediate effect, all forces should tidy their desks.\n\n"
    "[on]5th May 2015 [status]awaiting-review[/status][/on]\n"
)
PAGE = (
    "Cause of concern\n\n"
    "The force's approach to lost property is a cause of concern.\n\n"
    "\u2022 The force should immediately count its lost property. \u2022 The force should immediately label it.\n\n"
    "The force has done both.\n\n"
    "This recommendation is complete\n"
)


def extract(text: str) -> list[NodeFact | EdgeFact]:
    return list(MonitoringRecordExtractor().extract(TextDocument.from_text(text)).facts)


def statuses(text: str) -> list[tuple[str | None, object, object]]:
    facts = extract(text)
    owners = {f.target: f.source for f in facts if isinstance(f, EdgeFact) and f.type == "HAS_STATUS"}
    return sorted(
        (str(f.properties.get("date")), f.properties["status"], owners[f.ref].parts)
        for f in facts
        if isinstance(f, NodeFact) and f.ref.label == "StatusAssessment"
    )


def test_a_register_record_is_detected_by_its_markup_and_heading() -> None:
    assert detect(TextDocument.from_text(RECORD)).family == "monitoring-record"


def test_the_status_markup_is_the_recommendations_dated_history_in_the_registers_words() -> None:
    assert statuses(RECORD) == [
        ("2019-03-03", "awaiting-review", ("4321",)),
        ("2019-06-01", "in-progress", ("4321",)),
        ("2019-07-02", "no-further-action", ("4321",)),
    ]


def test_a_comment_saying_completed_is_not_a_status_of_the_register() -> None:
    assert "completed" not in [s for _, s, _ in statuses(RECORD)]


def test_a_record_that_names_no_force_is_of_a_thematic_inspection_by_hmicfrs() -> None:
    facts = extract(NATIONAL)
    [inspection] = [f for f in facts if isinstance(f, NodeFact) and f.ref.label == "Inspection"]
    conducted = [(f.target.label, f.target.name) for f in facts if isinstance(f, EdgeFact) and f.type == "CONDUCTED_BY"]
    assert (inspection.ref.parts, inspection.properties["kind"], conducted) == (
        ("Tidy Desks",),
        "thematic",
        [("Inspectorate", "HMICFRS")],
    )


def test_a_recommendation_page_is_detected_by_its_kind_heading_and_closing_status() -> None:
    assert MonitoringRecordExtractor().detect(TextDocument.from_text(PAGE)) == 0.75


def test_a_pages_closing_status_is_its_first_findings_only() -> None:
    assert statuses(PAGE) == [("None", "completed", ("the force s approach to lost property is",))]


def test_markup_quoted_in_a_sentence_is_not_a_record() -> None:
    text = "Notes on layouts\n\nRecords pair dates with statuses (`[on]date [status]being-progressed[/status]`).\n"
    assert MonitoringRecordExtractor().detect(TextDocument.from_text(text)) == 0.0
