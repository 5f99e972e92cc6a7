"""The meeting and progress families of issue 15 and the statement-layer modules they rest on, on small texts."""

from __future__ import annotations

from oversight.loaders.families.audit_committee import AuditCommitteeExtractor
from oversight.loaders.families.board_minutes import BoardMinutesExtractor
from oversight.loaders.families.committee_minutes import CommitteeMinutesExtractor
from oversight.loaders.families.progress_paper import ProgressPaperExtractor
from oversight.loaders.models import EdgeFact, NodeFact, TextDocument
from oversight.loaders.registry import detect
from oversight.loaders.statements.actions import undertakings
from oversight.loaders.statements.attendees import read_lists
from oversight.loaders.statements.meeting_refs import meetings_named, paper_date

BOARD = (
    "RESOURCES BOARD\nMinutes\n3rd March 2024\n"
    "Attending: | Ann Smith (AS) \u2013 Chief Constable, Essex Police Bob Jones (BJ) \u2013 Treasurer, OPCC\n"
    "Apologies: | Carol White (CW) \u2013 Head of Estates |\n1. Welcome\nMinutes from the January meeting were approved.\n"
    "Action \u2013 AS/BJ to review the estates plan.\n"
)
ITEM = (
    "Agenda item\n\nInspection reports\n\nMinutes:\n\nThe Panel considered reports of HMICFRS inspections as follows:\n\n"
    "\u00b7   PEEL Spotlight - a report on burglary\n\nCouncillor A Brown asked for a briefing. The Scrutiny Officer agreed to this.\n"
    "The assessment rated the force as 'good' in 3 categories.\n\nResolved:\n\nThat the report be noted.\n"
)


def _edges(facts: list, type_: str) -> list[tuple[str, str]]:
    return [(f.source.name or "|".join(f.source.parts), f.target.name or "") for f in facts if isinstance(f, EdgeFact) and f.type == type_]


def test_several_attendees_on_one_line_each_keep_their_initials_and_post() -> None:
    entries = read_lists(BOARD.splitlines())
    assert [(e.name, e.initials, e.post, e.role) for e in entries] == [
        ("Ann Smith", "AS", "Chief Constable, Essex Police", "attendee"),
        ("Bob Jones", "BJ", "Treasurer, OPCC", "attendee"),
        ("Carol White", "CW", "Head of Estates", "apologies"),
    ]


def test_a_glued_pdf_line_gives_the_name_and_the_post() -> None:
    [entry] = read_lists(["PRESENT", "N SmithSuperintendent, Head of Training"])
    assert (entry.name, entry.post) == ("N Smith", "Superintendent, Head of Training")


def test_an_undertaking_agreed_to_this_is_the_request_before_it() -> None:
    [found] = undertakings(["Councillor A Brown asked for a briefing. The Scrutiny Officer agreed to this."])
    assert (found.owner, found.kind, found.text) == ("Scrutiny Officer", "post", "Councillor A Brown asked for a briefing")


def test_a_month_without_a_year_takes_the_meetings_year_and_says_it_is_inferred() -> None:
    assert meetings_named(["the November meeting", "There was no meeting in August."], "2024-03-03") == [
        meetings_named(["the November meeting"], "2024-03-03")[0]
    ]
    assert [(m.date, m.inferred) for m in meetings_named(["the November meeting"], "2024-03-03")] == [("2023-11", True)]


def test_a_pack_date_alone_on_an_opening_line_is_the_papers_date() -> None:
    assert paper_date(["Public Document Pack", "6 May 2020", "The Board will meet on 12 May 2020"], ("2020-05-12", 3)) == ("2020-05-06", 2)


def test_a_board_paper_is_detected_as_board_minutes_with_apologies_and_owners() -> None:
    doc = TextDocument.from_text(BOARD)
    assert detect(doc).family == "board-minutes"
    extraction = BoardMinutesExtractor().extract(doc)
    assert extraction.document.date == "2024-03-03"
    assert _edges(extraction.facts, "APOLOGIES_FROM") == [("2024-03-03", "Carol White")]
    assert sorted(t for _, t in _edges(extraction.facts, "OWNED_BY")) == ["Ann Smith", "Bob Jones"]


def test_a_moderngov_item_page_lists_its_inspections_members_and_graded_counts() -> None:
    doc = TextDocument.from_text(ITEM)
    assert detect(doc).family == "committee-minutes"
    facts = CommitteeMinutesExtractor().extract(doc).facts
    titles = [f.properties.get("title") for f in facts if isinstance(f, NodeFact) and f.evidence.method == "statement:listed-inspection"]
    counts = [(f.properties["count"], f.properties["grade"]) for f in facts if isinstance(f, NodeFact) and f.ref.label == "StatedCount"]
    assert (titles, counts, [t for _, t in _edges(facts, "ATTENDED_BY")]) == (["PEEL Spotlight - a report on burglary"], [(3, "good")], ["A Brown"])


def test_an_audit_committee_page_without_a_date_has_an_undated_meeting_of_its_attendees() -> None:
    text = "The Joint Audit Committee meets quarterly.\nAnn Smith (AS) Chair\nBob Jones (IM BJ) Independent Member\nCarol White (CW) Treasurer\n"
    doc = TextDocument.from_text(text)
    assert detect(doc).family == "audit-committee"
    facts = AuditCommitteeExtractor().extract(doc).facts
    meetings = [f.properties for f in facts if isinstance(f, NodeFact) and f.ref.label == "Meeting"]
    assert (meetings, [t for _, t in _edges(facts, "ATTENDED_BY")]) == ([{"missing": ["date"]}], ["Ann Smith", "Bob Jones", "Carol White"])


def test_a_progress_paper_dates_an_inspection_by_month_with_the_papers_year_inferred() -> None:
    text = "Report to the Audit Committee 2 December 2015 HMIC Update\nThe PEEL Efficiency inspection report was published in October.\n"
    doc = TextDocument.from_text(text)
    assert detect(doc).family == "progress-paper"
    facts = ProgressPaperExtractor().extract(doc).facts
    dated = [(f.ref.parts, f.properties.get("published"), f.evidence.method) for f in facts
             if isinstance(f, NodeFact) and f.evidence.method.startswith("statement:dated-inspection")]
    assert dated == [(("PEEL 2015 efficiency",), "2015-10", "statement:dated-inspection-inferred-year")]


def test_a_line_of_councillors_gives_each_and_the_chair() -> None:
    entries = read_lists(["Present: Councillor A Smith (Chair), Councillors B Jones, C Brown and Jane White"])
    assert [(e.name, e.chair) for e in entries] == [("A Smith", True), ("B Jones", False), ("C Brown", False), ("Jane White", False)]


def test_an_action_owned_by_a_posts_abbreviation_is_owned_by_that_post() -> None:
    text = "RESOURCES BOARD\nMinutes\n3rd March 2024\nAttendees:\nAnn Smith (AS)\n1. Welcome\nACTION: DCC to circulate the plan.\n"
    facts = BoardMinutesExtractor().extract(TextDocument.from_text(text)).facts
    assert [t for _, t in _edges(facts, "OWNED_BY")] == ["DCC"]


def test_a_letters_signatory_after_yours_sincerely_holds_the_post_written_after_the_name() -> None:
    from oversight.loaders.statements import read_statements

    text = "Dear Colleague\nThe Public Accountability Board will meet.\nYours sincerely\n\nJane Doe Head of Governance\n"
    facts = read_statements(TextDocument.from_text(text)).facts
    assert _edges(facts, "HOLDS") == [("Jane Doe", "Head of Governance")]
