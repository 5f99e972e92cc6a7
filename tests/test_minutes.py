"""Tests for the minutes extractor, one rule each, on short agenda packs written here.

The packs are invented (an Essex panel and board) in the layouts the real
packs use: an agenda notice, panel minutes, a commissioner's paper, and a
board's meeting notes with an action log.
"""

from __future__ import annotations

from oversight.graph.build import build_graph
from oversight.graph.model import OversightGraph
from oversight.loaders.families.minutes import MinutesExtractor
from oversight.loaders.models import Extraction, TextDocument


def run(text: str) -> tuple[OversightGraph, Extraction]:
    doc = TextDocument.from_text(text, path="pack.txt")
    extraction = MinutesExtractor().extract(doc)
    return build_graph([extraction]), extraction


PANEL = "essex-police/board/police-and-crime-panel"
PDB = "essex-police/board/performance-and-delivery-board"

AGENDA = """AGENDA

POLICE AND CRIME PANEL

Notice is hereby given that a meeting of the **POLICE AND CRIME PANEL** will be held in the **Council Chamber, County Hall, Chelmsford** on **Thursday, 7th March, 2024, at 10.00 am** when the following business will be transacted

Mr John Doe\tEssex County Council

- 1 Introduction
- 2 Election of Chair
Members changed. **Apologies** 3 4 Declarations of Interests 5 Minutes of the Police and Crime Panel held on 18 January 2024 (Pages 1 - 6) B - Commissioner's reports B1 Rural Policing Review (Pages 7 - 12) C - Decisions - none
D1 Questions to the Commissioner

EXEMPT ITEMS

"""
MARCH = f"{PANEL}/meeting/2024-03-07"

MINUTES = """MINUTES of a meeting of the Police and Crime Panel held in the Council Chamber, County Hall, Chelmsford on Thursday, 18 January 2024.

PRESENT: Mr J K Doe, MBE (Chairman), Mrs A Roe and Cllr B Poe

ALSO PRESENT: Mr R Hall (Police and Crime Commissioner)

IN ATTENDANCE: Mrs T Lane (Scrutiny Officer)

12. HMICFRS PEEL Inspection 2023/25 - update

(Item B1)

1. The Commissioner introduced the report on the progress Essex Police has made since the inspection was published.
- 2. The Commissioner agreed to provide the victim survey results, following the meeting.

RESOLVED to note the report.

13. Minutes of the Police and Crime Panel held on 7 December 2023 (*Item 4*)

RESOLVED that the minutes were an accurate record.

"""
JANUARY = f"{PANEL}/meeting/2024-01-18"

PAPER = """To: Police and Crime Panel

Subject: Rural Policing Review

Date: 7 March 2024

- 1. The programme of change has been governed by the Deputy Chief Constable (DCC) in his role as Senior Responsible Officer.
- 2. The Assistant Chief Constable (ACC) for Local Policing is the lead officer.
- 3. The following mechanisms have been used to track progress and provide scrutiny:
 - Chief Officer Management Board
 - Chief Constable / PCC weekly briefing
 - Tactical Delivery Group
4. The model will continue to be subject of monthly scrutiny via the ACC-led NHP Board.
- 5. Throughout the Review, the PCC has held the Chief Constable to account through his quarterly Performance and Delivery Board.
- 6. Open to the public, the meeting is chaired by the PCC.
- 7. In his capacity as chair of the Criminal Justice Board, the PCC has made the topic a standing item.
- 8. The VAWG Community Forum meets monthly and is chaired by the Assistant Chief Constable for Local Policing.
- 9. The Police and Crime Panel scrutinises the Police and Crime Commissioner.
- 10. The PCC is grateful to Essex Police for its assistance with this paper.

"""
PROGRAMME = "essex-police/programme/rural-policing-review"

NOTES = """Meeting Notes

Performance and Delivery Board
Wednesday 6 March 2024
Force Headquarters, Chelmsford
 Office of the Commissioner: Roger Hall - Police and Crime Commissioner (PCC)
 Essex Police: Jane Roe - Chief Constable (CC) John Bloggs - Deputy Chief Constable (DCC)

Apologies

Mary Lamb - Chief Finance Officer

1. Welcome

- The PCC welcomed the CC and DCC.

2. Notes of Previous Meeting – 6 December 2023

- The notes were agreed.

3. Inspections, Audits & Reviews

- HMICFRS Publication Inspection of Roads Policing: Essex was one of six forces inspected. The DCC advised HMICFRS made 20 recommendations with 12 for Chief Constables, as well as three areas for improvement (AFIs). He reported the Force had already discharged 9 with full evidence and the remaining 6 would be met within the required timeframe.
- HMICFRS Publication A report into the effectiveness of vetting and counter-corruption arrangements in Essex Police: the DCC stated whilst disappointed to be graded 'Adequate', the Force accepted the AFIs and both had progressed:
 - officers in posts without enhanced vetting the DCC said all had now passed.
 - the Force should monitor disproportionality in vetting decisions the DCC reported a panel now reviews them.
- HMICFRS Publication: Super Complaint: Police use of bail: the DCC advised Essex was not inspected, but the report made five recommendations, with three for Chief Constables.
- With regards to the internal auditors, RSM, the DCO reported good progress.

\tStatus\tOwner\tDue date
Provide the PCC with a briefing on road safety\tOpen\tForce\t05/06/2024
Provide the PCC with a note on vetting\tOpen\tDCC\t05/06/2024

Date of next Performance and Delivery Board: 5 June 2024
"""
NOTES_MEETING = f"{PDB}/meeting/2024-03-06"


class TestDetect:
    def test_minutes_and_notes_score_high(self):
        assert MinutesExtractor().detect(TextDocument.from_text(MINUTES + NOTES)) == 1.0

    def test_notes_alone_score_above_the_bar(self):
        assert MinutesExtractor().detect(TextDocument.from_text(NOTES)) == 0.8

    def test_a_commissioners_paper_alone_scores_zero(self):
        assert MinutesExtractor().detect(TextDocument.from_text(PAPER)) == 0.0


class TestAgenda:
    def test_notice_gives_the_meeting_of_the_panel_with_place_and_date(self):
        g, _ = run(AGENDA)
        node = g.node(MARCH)
        assert (node["date"], node["location"]) == (
            "2024-03-07",
            "Council Chamber, County Hall, Chelmsford",
        )
        assert g.out(MARCH, "MEETING_OF") == [PANEL]

    def test_items_are_read_from_lines_and_from_a_run_on_line(self):
        g, _ = run(AGENDA)
        assert [(n.get("itemRef"), n["title"]) for n in g.nodes("AgendaItem")] == [
            ("1", "Introduction"),
            ("2", "Election of Chair"),
            ("4", "Declarations of Interests"),
            ("5", "Minutes of the Police and Crime Panel held on 18 January 2024"),
            ("B1", "Rural Policing Review"),
            ("D1", "Questions to the Commissioner"),
        ]

    def test_item_taking_minutes_discusses_that_meeting(self):
        g, _ = run(AGENDA)
        assert g.out(f"{MARCH}/item-05", "DISCUSSES") == [JANUARY]

    def test_item_named_for_a_programme_discusses_it(self):
        g, _ = run(AGENDA + PAPER)
        assert g.out(f"{MARCH}/item/b1", "DISCUSSES") == [PROGRAMME]

    def test_document_is_titled_and_dated_by_its_first_meeting(self):
        _, extraction = run(AGENDA + MINUTES)
        assert (extraction.document.title, extraction.document.date) == (
            "Police and Crime Panel: agenda",
            "2024-03-07",
        )


class TestMinutes:
    def test_heading_gives_the_meeting(self):
        g, _ = run(AGENDA + MINUTES)
        assert g.node(JANUARY)["location"] == "Council Chamber, County Hall, Chelmsford"

    def test_present_members_attend_and_initials_are_expanded_from_the_pack(self):
        g, _ = run(AGENDA + MINUTES)
        assert g.out(JANUARY, "ATTENDED_BY") == [
            "essex-police/person/a-roe",
            "essex-police/person/b-poe",
            "essex-police/person/john-doe",
            "essex-police/person/r-hall",
            "essex-police/person/t-lane",
        ]

    def test_chairman_in_brackets_chairs_the_panel(self):
        g, _ = run(AGENDA + MINUTES)
        edge = next(g.edges(type="CHAIRED_BY", source=PANEL))
        assert (edge["target"], edge["role"]) == ("essex-police/person/john-doe", "Chairman")

    def test_post_in_brackets_is_held_by_the_person(self):
        g, _ = run(AGENDA + MINUTES)
        assert g.out("essex-police/person/r-hall", "HOLDS") == [
            "essex-police/post/police-and-crime-commissioner"
        ]

    def test_role_that_is_not_a_post_is_only_the_attendance_role(self):
        g, _ = run(AGENDA + MINUTES)
        edge = next(
            g.edges(type="ATTENDED_BY", source=JANUARY, target="essex-police/person/t-lane")
        )
        assert (edge["role"], g.out("essex-police/person/t-lane", "HOLDS")) == (
            "Scrutiny Officer",
            [],
        )

    def test_minutes_keep_number_item_reference_and_resolution(self):
        g, _ = run(MINUTES)
        node = g.node(f"{JANUARY}/item-12")
        assert (node["number"], node["itemRef"], node["resolution"]) == (
            12,
            "B1",
            "to note the report.",
        )

    def test_short_numbered_paragraph_inside_a_minute_is_not_a_minute(self):
        text = MINUTES.replace(
            "RESOLVED to note the report.", "3. Noted\n\nRESOLVED to note the report."
        )
        g, _ = run(text)
        assert g.out(JANUARY, "HAS_ITEM") == [f"{JANUARY}/item-12", f"{JANUARY}/item-13"]

    def test_item_reference_in_the_heading_line_is_read(self):
        g, _ = run(MINUTES)
        assert g.node(f"{JANUARY}/item-13")["itemRef"] == "4"

    def test_item_on_a_peel_round_discusses_that_inspection(self):
        g, _ = run(MINUTES)
        assert g.out(f"{JANUARY}/item-12", "DISCUSSES") == ["essex-police/peel-2023-25"]

    def test_undertaking_after_the_meeting_is_an_action_owned_by_the_post(self):
        g, _ = run(MINUTES)
        action = f"{JANUARY}/action-01"
        assert g.node(action)["text"] == "Provide the victim survey results"
        assert g.out(action, "OWNED_BY") == ["essex-police/post/police-and-crime-commissioner"]
        assert g.out(JANUARY, "ISSUED") == [action]


class TestNotes:
    def test_board_date_and_location_under_the_heading_give_the_meeting(self):
        g, _ = run(NOTES)
        node = g.node(NOTES_MEETING)
        assert (node["date"], node["location"]) == ("2024-03-06", "Force Headquarters, Chelmsford")

    def test_name_post_pairs_attend_in_their_post(self):
        g, _ = run(NOTES)
        edge = next(
            g.edges(type="ATTENDED_BY", source=NOTES_MEETING, target="essex-police/person/jane-roe")
        )
        assert edge["role"] == "Chief Constable"
        assert g.out("essex-police/person/jane-roe", "HOLDS") == [
            "essex-police/post/chief-constable"
        ]

    def test_apologies_hold_their_post_but_do_not_attend(self):
        g, _ = run(NOTES)
        assert g.out("essex-police/person/mary-lamb", "HOLDS") == [
            "essex-police/post/chief-finance-officer"
        ]
        assert "essex-police/person/mary-lamb" not in g.out(NOTES_MEETING, "ATTENDED_BY")

    def test_notes_of_previous_meeting_discuss_the_boards_earlier_meeting(self):
        g, _ = run(NOTES)
        assert g.out(f"{NOTES_MEETING}/item-02", "DISCUSSES") == [f"{PDB}/meeting/2023-12-06"]

    def test_action_log_rows_are_actions_with_deadline_owner_and_open_status(self):
        g, _ = run(NOTES)
        action = f"{NOTES_MEETING}/action-01"
        assert g.node(action)["deadline"] == "2024-06-05"
        assert g.out(action, "OWNED_BY") == ["essex-police"]
        assert g.node(f"{action}/status/2024-03-06")["status"] == "open"

    def test_action_owned_by_a_post_is_owned_by_that_post(self):
        g, _ = run(NOTES)
        assert g.out(f"{NOTES_MEETING}/action-02", "OWNED_BY") == [
            "essex-police/post/deputy-chief-constable"
        ]

    def test_internal_auditor_audits_the_force(self):
        g, _ = run(NOTES)
        edge = next(g.edges(type="AUDITED_BY", source="essex-police"))
        assert (edge["target"], edge["role"]) == ("rsm", "internal auditor")


ROADS = "hmicfrs/inspection-of-roads-policing"
VETTING = "essex-police/vetting-and-counter-corruption"


class TestInspectionsDiscussed:
    def test_item_discusses_each_publication_it_reports(self):
        g, _ = run(NOTES)
        assert g.out(f"{NOTES_MEETING}/item-03", "DISCUSSES") == [
            VETTING,
            ROADS,
            "hmicfrs/police-use-of-bail",
        ]

    def test_counts_and_force_inspected_are_read(self):
        g, _ = run(NOTES)
        node = g.node(ROADS)
        assert {
            k: node[k]
            for k in (
                "recommendationCount",
                "chiefConstableRecommendationCount",
                "afiCount",
                "forceInspected",
            )
        } == {
            "recommendationCount": 20,
            "chiefConstableRecommendationCount": 12,
            "afiCount": 3,
            "forceInspected": True,
        }

    def test_discharged_and_remaining_findings_are_stated_counts(self):
        g, _ = run(NOTES)
        assert [(n["outcome"], n["count"]) for n in g.nodes("StatedCount")] == [
            ("discharged", 9),
            ("open", 6),
        ]

    def test_inspection_of_this_force_is_graded_in_its_area(self):
        g, _ = run(NOTES)
        node = g.node(f"{VETTING}/judgement/workforce-corruption")
        assert (node["grade"], node["gradeScale"], node["deduced"]) == (
            "adequate",
            "peel-5",
            ["gradeScale"],
        )

    def test_afis_listed_under_the_inspection_take_the_items_status(self):
        g, _ = run(NOTES)
        assert (
            g.node(f"{VETTING}/afi/workforce-corruption-01")["text"]
            == "officers in posts without enhanced vetting"
        )
        assert (
            g.node(f"{VETTING}/afi/workforce-corruption-02/status/2024-03-06")["status"]
            == "in-progress"
        )

    def test_super_complaint_not_inspecting_the_force_is_read(self):
        g, _ = run(NOTES)
        node = g.node("hmicfrs/police-use-of-bail")
        assert (
            node["kind"],
            node["forceInspected"],
            node["chiefConstableRecommendationCount"],
        ) == (
            "super-complaint",
            False,
            3,
        )


class TestGovernance:
    def test_holding_to_account_through_a_board(self):
        g, _ = run(PAPER)
        assert g.out("essex-police/post/chief-constable", "ACCOUNTABLE_TO") == [
            PDB,
            "essex-police/post/police-and-crime-commissioner",
        ]

    def test_pronoun_holder_is_the_post_named_before_it(self):
        text = "1. The Commissioner introduced the report. He assured the Panel that he continued to hold the Chief Constable to account.\n"
        g, _ = run(text + "\nEssex Police\n")
        assert g.out("essex-police/post/chief-constable", "ACCOUNTABLE_TO") == [
            "essex-police/post/police-and-crime-commissioner"
        ]

    def test_the_meeting_chaired_by_is_the_board_just_named(self):
        g, _ = run(PAPER)
        assert g.out(PDB, "CHAIRED_BY") == ["essex-police/post/police-and-crime-commissioner"]

    def test_capacity_as_chair_of_a_board(self):
        g, _ = run(PAPER)
        assert g.out("essex-police/board/criminal-justice-board", "CHAIRED_BY") == [
            "essex-police/post/police-and-crime-commissioner"
        ]

    def test_board_the_gazetteer_lacks_is_chaired_by_a_known_post(self):
        g, _ = run(PAPER)
        assert g.out("essex-police/board/vawg-community-forum", "CHAIRED_BY") == [
            "essex-police/post/acc-local-policing"
        ]
        assert g.node("essex-police/board/vawg-community-forum")["unresolved"] is True

    def test_panel_scrutinising_the_commissioner(self):
        g, _ = run(PAPER)
        assert g.out("essex-police/post/police-and-crime-commissioner", "SCRUTINISED_BY") == [PANEL]


class TestProgramme:
    def test_senior_responsible_officer_owns_the_programme(self):
        g, _ = run(PAPER)
        edge = next(g.edges(type="OWNED_BY", source=PROGRAMME))
        assert (edge["target"], edge["role"]) == (
            "essex-police/post/deputy-chief-constable",
            "Senior Responsible Officer",
        )

    def test_lead_officer_leads_it(self):
        g, _ = run(PAPER)
        assert g.out(PROGRAMME, "LED_BY") == ["essex-police/post/acc-local-policing"]

    def test_listed_boards_and_monthly_scrutiny_oversee_it(self):
        g, _ = run(PAPER)
        assert g.out(PROGRAMME, "OVERSEEN_BY") == [
            "essex-police/board/chief-officer-management-board",
            "essex-police/board/nhp-board",
            "essex-police/board/tactical-delivery-group",
        ]
        edge = next(
            g.edges(type="OVERSEEN_BY", source=PROGRAMME, target="essex-police/board/nhp-board")
        )
        assert edge["role"] == "monthly scrutiny"

    def test_listed_mechanism_that_is_not_a_board_is_warned(self):
        _, extraction = run(PAPER)
        assert [w.message for w in extraction.warnings] == [
            "listed governance mechanism 'Chief Constable / PCC weekly briefing' is not a board; not linked"
        ]

    def test_acc_led_board_is_led_by_the_acc(self):
        g, _ = run(PAPER)
        assert g.out("essex-police/board/nhp-board", "LED_BY") == [
            "essex-police/post/assistant-chief-constable"
        ]


def test_an_attendee_whose_post_carries_the_forces_place_name_holds_that_post():
    g, _ = run(MINUTES.replace("Mr R Hall (Police and Crime Commissioner)", "Mr R Hall (Essex Police and Crime Commissioner)"))
    assert g.out("essex-police/person/r-hall", "HOLDS") == ["essex-police/post/police-and-crime-commissioner"]


def test_an_item_on_a_pre_2021_peel_report_discusses_that_pillar_inspection():
    g, _ = run(MINUTES.replace("12. HMICFRS PEEL Inspection 2023/25 - update", "12. HMICFRS PEEL effectiveness 2017 - update"))
    items = [k for k in g.keys("AgendaItem") if g.out(k, "DISCUSSES") and "peel" in " ".join(g.out(k, "DISCUSSES"))]
    assert [g.out(k, "DISCUSSES") for k in items] == [["essex-police/peel-2017-effectiveness"]]
