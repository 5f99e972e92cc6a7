"""Tests for oversight.loaders.families.peel_progress: AFI progress papers.

Every text here is written for these tests. They restate the kind of facts a
commissioner's progress paper gives, in the layout such papers take after
conversion from Word, with the conversion defects the extractor must survive
(a lost heading number, a lost heading, RAG words in odd places, interleaved
columns, missing RAG ratings and completion dates).
"""

from __future__ import annotations

import pytest

from oversight.graph.build import build_graph
from oversight.loaders.families.peel_progress import PeelProgressExtractor
from oversight.loaders.families.peel_progress.names import find_boards, find_posts
from oversight.loaders.models import TextDocument
from oversight.loaders.registry import get_extractor

PAPER = """\
Office of the Police and Crime Commissioner

To: Police and Crime Panel

Subject: PEEL 2021/22 progress

Date: 6 March 2023

1. On 3 May 2022, HMICFRS published PEEL 2021/22 An inspection of Essex Police.
2. The report gave graded judgements on four areas of policing:

Outstanding\tGood\tAdequate\tRequires improvement\tInadequate
\tPreventing\tManaging\tInvestigating\t
\tcrime\toffenders\tcrime\t
\tTreatment of the\t\t\t
\tpublic\t\t\t

3. Work on the 4 AFIs is overseen by the Future Improvement and Development Board chaired by the Deputy Chief Constable.
4. The force's own assessment shows:
 - one AFI as green (complete); and
 - 3 AFIs as amber (work in progress), with two anticipated for completion by the end of June 2023 and one between July and September 2023.
5. The Chief Constable held a PEEL Oversight Board in February 2023.
6. The PCC holds the Chief Constable to account through the Performance and Delivery Board.
7. The meeting is chaired by the PCC.

Appendix: progress on each AFI

1. The force should answer non-emergency calls faster
Amber
Action Taken
- New call handlers recruited
Ongoing Activity
- Training of the new call handlers
Anticipated completion date \u2013 June 2023

2. The force should record crime accurately **Green** Action Taken Audit regime in place
Completed

3. The force needs to supervise investigations\tAmber
Action Taken\tOngoing Activity
Supervision policy issued Anticipated completion date \u2013 June 2023\tDip sampling continues
- Performance overseen at Force Performance Committee

4. The force should review how it manages offenders (Linked to AFI 1 and 3)
Action Taken Ongoing Activity
Review concluded and new model agreed with partners
- Decisions on staffing are taken by the Strategic Change Board
Anticipated completion date \u2013 September 2023
"""

INSPECTION = "essex-police/peel-2021-22"


def afi(number: int, inspection: str = INSPECTION) -> str:
    return f"{inspection}/afi-{number:02d}"


def status(number: int, date: str = "2023-03-06", inspection: str = INSPECTION) -> str:
    return f"{afi(number, inspection)}/status/{date}"


def line_of(text: str, start: str) -> int:
    """1-based number of the first line of ``text`` that starts with ``start``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def extract(text: str):
    return PeelProgressExtractor().extract(TextDocument.from_text(text, path="paper.txt"))


def messages(text: str) -> list[str]:
    return [w.message for w in extract(text).warnings]


@pytest.fixture(scope="module")
def graph():
    return build_graph([extract(PAPER)])


#: A short front part for the defect tests; AFIs follow it.
FRONT = """\
Subject: PEEL update
Date: 6 March 2023
On 3 May 2022, HMICFRS published PEEL 2021/22 An inspection of Essex Police.

9. The Panel is asked to note this report.

Progress overview

"""


class TestDetect:
    def test_progress_paper_scores_one(self):
        assert PeelProgressExtractor().detect(TextDocument.from_text(PAPER)) == 1.0

    def test_paper_that_only_mentions_afis_scores_low(self):
        text = "Inspections paper\nHMICFRS closed 14 of the 19 AFIs from PEEL 2021/22.\nRAG ratings were discussed.\n"
        assert PeelProgressExtractor().detect(TextDocument.from_text(text)) == 0.25

    def test_registered_under_its_family(self):
        assert isinstance(get_extractor("peel-progress"), PeelProgressExtractor)


class TestFrontMatter:
    def test_document_title_and_date(self):
        record = extract(PAPER).document
        assert (record.title, record.date) == ("PEEL 2021/22 progress", "2023-03-06")

    def test_inspection_from_the_publication_sentence(self, graph):
        node = graph.node(INSPECTION)
        assert {k: node[k] for k in ("kind", "round", "published", "title", "afiCount")} == {
            "kind": "peel",
            "round": "2021/22",
            "published": "2022-05-03",
            "title": "PEEL 2021/22 An inspection of Essex Police",
            "afiCount": 4,
        }

    def test_inspection_conducted_by_the_publisher_and_inspected_the_force(self, graph):
        assert (graph.out(INSPECTION, "CONDUCTED_BY"), graph.out(INSPECTION, "INSPECTED")) == (
            ["hmicfrs"],
            ["essex-police"],
        )

    def test_other_force_and_round_are_read_from_the_text(self):
        text = PAPER.replace("Essex Police", "West Mercia Police").replace(
            "PEEL 2021/22", "PEEL 2023/25"
        )
        graph = build_graph([extract(text)])
        assert graph.out("west-mercia-police/peel-2023-25", "ISSUED") == [
            afi(n, "west-mercia-police/peel-2023-25") for n in (1, 2, 3, 4)
        ]

    def test_no_round_gives_a_warning_and_no_facts(self):
        extraction = extract("Date: 6 March 2023\nA paper on nothing in particular.\n")
        assert ([w.message for w in extraction.warnings], extraction.facts) == (
            ["no PEEL round found for the inspection tracked; nothing extracted"],
            [],
        )


class TestJudgementGrid:
    def test_columns_give_grades_and_continuation_rows_join_names(self, graph):
        grades = {
            n["key"].rsplit("/", 1)[1]: (n["grade"], n["gradeScale"])
            for n in graph.nodes("Judgement")
        }
        assert grades == {
            "preventing-crime": ("good", "peel-5"),
            "treatment-of-the-public": ("good", "peel-5"),
            "managing-offenders": ("adequate", "peel-5"),
            "investigating-crime": ("requires-improvement", "peel-5"),
        }

    def test_judgement_is_in_its_area(self, graph):
        assert graph.out(f"{INSPECTION}/judgement/treatment-of-the-public", "IN_AREA") == [
            "area/treatment-of-the-public"
        ]

    def test_has_judgement_cites_the_line_introducing_the_grid(self, graph):
        edge = next(graph.edges("HAS_JUDGEMENT", source=INSPECTION))
        assert edge["evidenceLines"] == [line_of(PAPER, "2. The report")]

    def test_judgement_cites_grade_header_through_last_row_of_its_name(self, graph):
        evidence = graph.evidence(f"{INSPECTION}/judgement/treatment-of-the-public")
        header = line_of(PAPER, "Outstanding")
        assert [(e["line"], e.get("endLine")) for e in evidence] == [
            (line_of(PAPER, "2. The report"), None),
            (header, header + 4),
            (header + 3, None),
        ]

    def test_stated_number_of_graded_areas_is_checked(self):
        text = PAPER.replace("graded judgements on four", "graded judgements on five")
        assert "the paper states 5 graded judgements; the grid gives 4" in messages(text)


class TestAfis:
    def test_every_numbered_afi_is_issued(self, graph):
        assert graph.out(INSPECTION, "ISSUED") == [afi(n) for n in (1, 2, 3, 4)]

    def test_afi_text_and_number(self, graph):
        node = graph.node(afi(1))
        assert (node["number"], node["text"]) == (
            1,
            "The force should answer non-emergency calls faster",
        )

    def test_linked_afis(self, graph):
        assert graph.out(afi(4), "LINKED_TO") == [afi(1), afi(3)]

    def test_link_note_is_not_part_of_the_text(self, graph):
        assert graph.node(afi(4))["text"] == "The force should review how it manages offenders"

    def test_status_is_dated_by_the_paper(self, graph):
        assert graph.out(afi(1), "HAS_STATUS") == [status(1)]

    def test_status_of_amber_afi(self, graph):
        node = graph.node(status(1))
        assert {
            k: node.get(k) for k in ("date", "rag", "status", "anticipatedCompletion", "completed")
        } == {
            "date": "2023-03-06",
            "rag": "amber",
            "status": "in-progress",
            "anticipatedCompletion": "2023-06",
            "completed": False,
        }

    def test_columns_under_their_own_headings(self, graph):
        node = graph.node(status(1))
        assert (node["actionsTaken"], node["ongoingActivity"]) == (
            "New call handlers recruited",
            "Training of the new call handlers",
        )

    def test_completed_afi(self, graph):
        node = graph.node(status(2))
        assert {
            k: node.get(k)
            for k in ("rag", "status", "completed", "anticipatedCompletion", "missing")
        } == {
            "rag": "green",
            "status": "completed",
            "completed": True,
            "anticipatedCompletion": None,
            "missing": None,
        }

    def test_rag_cites_its_own_line(self, graph):
        lines = [e["line"] for e in graph.evidence(status(1))]
        assert line_of(PAPER, "Amber") in lines


class TestLostNumbers:
    TEXT = FRONT + (
        "The force should answer calls faster\n"
        "Action Taken\tOngoing Activity\n"
        "More staff hired\tTraining continues\n"
        "Anticipated completion date \u2013 May 2023\n"
        "\n"
        "2. The force should record crime well\n"
        "Green\n"
        "Action Taken\n"
        "- Audit done\n"
        "Completed\n"
    )

    def test_heading_without_number_is_recovered_from_its_place(self):
        node = build_graph([extract(self.TEXT)]).node(afi(1))
        assert {
            k: node[k] for k in ("number", "numberMissing", "text", "deduced", "deducedFrom")
        } == {
            "number": 1,
            "numberMissing": True,
            "text": "The force should answer calls faster",
            "deduced": ["number"],
            "deducedFrom": [
                f"number: heading without a number before AFI 2 (line {line_of(self.TEXT, '2. ')})"
            ],
        }

    def test_recovered_number_is_reported(self):
        assert (
            f"AFI 1: heading has lost its number; numbered from its place before AFI 2 (line {line_of(self.TEXT, '2. ')})"
            in messages(self.TEXT)
        )

    def test_columns_split_by_position_under_a_tabbed_header(self):
        node = build_graph([extract(self.TEXT)]).node(status(1))
        assert (node["actionsTaken"], node["ongoingActivity"]) == (
            "More staff hired",
            "Training continues",
        )

    def test_numbered_paragraph_before_the_appendix_is_not_an_afi(self):
        graph = build_graph([extract(self.TEXT)])
        assert graph.out(INSPECTION, "ISSUED") == [afi(1), afi(2)]


class TestLostHeading:
    TEXT = FRONT + (
        "1. The force should answer calls faster\n"
        "Amber\n"
        "Action Taken\n"
        "- More staff hired\n"
        "Anticipated completion date \u2013 May 2023\n"
        "\n"
        "Action Taken\tOngoing Activity\n"
        "Victims are called back\tCall-backs are audited\n"
        "\n"
        "3. The force should record crime well\n"
        "Green\n"
        "Action Taken\n"
        "- Audit done\n"
        "Completed\n"
    )

    def test_body_between_two_afis_becomes_the_missing_afi(self):
        node = build_graph([extract(self.TEXT)]).node(afi(2))
        assert {k: node.get(k) for k in ("number", "numberMissing", "missing", "text")} == {
            "number": 2,
            "numberMissing": True,
            "missing": ["text"],
            "text": None,
        }

    def test_missing_afi_keeps_its_progress(self):
        node = build_graph([extract(self.TEXT)]).node(status(2))
        assert (node["actionsTaken"], node["ongoingActivity"]) == (
            "Victims are called back",
            "Call-backs are audited",
        )

    def test_missing_afi_is_cited_at_its_first_line_of_progress(self):
        graph = build_graph([extract(self.TEXT)])
        assert [e["line"] for e in graph.evidence(afi(2))] == [line_of(self.TEXT, "Victims")]

    def test_lost_heading_is_reported(self):
        assert (
            f"AFI 2: heading line lost; numbered from its place between AFI 1 (line {line_of(self.TEXT, '1. ')}) "
            "and AFI 3; text missing" in messages(self.TEXT)
        )

    def test_previous_afi_keeps_only_its_own_progress(self):
        node = build_graph([extract(self.TEXT)]).node(status(1))
        assert (node["actionsTaken"], "ongoingActivity" in node) == ("More staff hired", False)

    def test_gap_with_no_unheaded_block_is_reported_not_invented(self):
        text = self.TEXT.replace(
            "Action Taken\tOngoing Activity\nVictims are called back\tCall-backs are audited\n", ""
        )
        graph = build_graph([extract(text)])
        assert (
            graph.out(INSPECTION, "ISSUED"),
            "AFI 2: not found in the paper" in messages(text),
        ) == (
            [afi(1), afi(3)],
            True,
        )


class TestRagPlacement:
    def rag(self, appendix: str, number: int = 1) -> str:
        return build_graph([extract(FRONT + appendix)]).node(status(number))["rag"]

    def test_rag_on_its_own_line(self):
        assert self.rag("1. The force should act\nRed\nAction Taken\n- done\n") == "red"

    def test_rag_in_bold_inside_a_run_on_heading(self):
        text = (
            FRONT
            + "1. The force should improve its response **Amber** teams **Action Taken Ongoing Activity** Staff moved\n"
        )
        graph = build_graph([extract(text)])
        assert (graph.node(status(1))["rag"], graph.node(afi(1))["text"]) == (
            "amber",
            "The force should improve its response teams",
        )

    def test_rag_at_the_end_of_the_heading(self):
        text = FRONT + "1. The force should resource its teams Amber\nAction Taken\n- done\n"
        graph = build_graph([extract(text)])
        assert (graph.node(status(1))["rag"], graph.node(afi(1))["text"]) == (
            "amber",
            "The force should resource its teams",
        )

    def test_rag_in_a_trailing_cell_of_the_heading(self):
        assert (
            self.rag(
                "1.\tThe force should allocate crime promptly\t\t\tGreen\nAction Taken\n- done\n"
            )
            == "green"
        )

    def test_heading_split_across_columns_is_kept_and_reported(self):
        text = (
            FRONT
            + "1. The force should resource the\tteams that investigate abuse Amber\nAction Taken\n- done\n"
        )
        graph = build_graph([extract(text)])
        assert (
            graph.node(afi(1))["text"],
            "AFI 1: heading text is split across columns by conversion; kept as written"
            in messages(text),
        ) == ("The force should resource the teams that investigate abuse", True)


class TestInterleavedColumns:
    def test_columns_run_together_are_kept_as_progress_text(self):
        text = (
            FRONT
            + "1. The force should act\nAmber\nAction Taken Ongoing Activity\nStaff moved Evaluation due\n"
        )
        node = build_graph([extract(text)]).node(status(1))
        assert (
            {k for k in ("actionsTaken", "ongoingActivity") if k in node},
            node["progressText"],
        ) == (
            set(),
            "Staff moved Evaluation due",
        )

    def test_run_together_columns_are_reported(self):
        text = (
            FRONT
            + "1. The force should act\nAmber\nAction Taken Ongoing Activity\nStaff moved Evaluation due\n"
        )
        assert (
            f"AFI 1: Action Taken and Ongoing Activity cannot be told apart on line(s) {line_of(text, 'Staff')}; "
            "kept as progressText" in messages(text)
        )

    def test_one_cell_per_column_splits_under_a_garbled_header(self):
        text = (
            FRONT
            + "1. The force should act\nAmber\nAc\ttion Taken\tOr\tngoing Activity\n\u2022\tStaff moved\t\u2022\tEvaluation due\n"
        )
        node = build_graph([extract(text)]).node(status(1))
        assert (node["actionsTaken"], node["ongoingActivity"]) == ("Staff moved", "Evaluation due")

    def test_anticipated_completion_inside_a_run_on_cell(self):
        text = FRONT + (
            "1. The force should act\tAmber\nAction Taken\tOngoing Activity\n"
            "Staff moved Anticipated completion date \u2013 June 2023\tEvaluation due\n"
        )
        node = build_graph([extract(text)]).node(status(1))
        assert (node["anticipatedCompletion"], node["actionsTaken"], node["ongoingActivity"]) == (
            "2023-06",
            "Staff moved",
            "Evaluation due",
        )

    def test_anticipated_completion_cites_the_run_on_line(self):
        text = FRONT + (
            "1. The force should act\tAmber\nAction Taken\tOngoing Activity\n"
            "Staff moved Anticipated completion date \u2013 June 2023\tEvaluation due\n"
        )
        graph = build_graph([extract(text)])
        assert [e["line"] for e in graph.evidence(status(1))] == [
            line_of(text, "Date:"),
            line_of(text, "1. "),
            line_of(text, "Staff"),
        ]

    def test_duplicated_column_text_is_kept_once(self):
        text = (
            FRONT
            + "1. The force should act\tAmber\nOngoing Activity\nSurvey tool proposed\n\tOngoing Activity Survey tool proposed\n"
        )
        assert (
            build_graph([extract(text)]).node(status(1))["ongoingActivity"]
            == "Survey tool proposed"
        )

    def test_short_text_inside_earlier_text_is_not_dropped(self):
        text = (
            FRONT
            + "1. The force should act\tAmber\nOngoing Activity\n- Training continues for staff\n- Training\n"
        )
        node = build_graph([extract(text)]).node(status(1))
        assert node["ongoingActivity"] == "Training continues for staff\nTraining"


class TestDeducedRag:
    def test_missing_rag_deduced_from_the_stated_totals(self, graph):
        node = graph.node(status(4))
        assert {k: node[k] for k in ("rag", "status", "deduced", "deducedFrom")} == {
            "rag": "amber",
            "status": "in-progress",
            "deduced": ["rag", "status"],
            "deducedFrom": [
                f"rag: the paper states 1 green, 3 amber of 4 AFIs (line {line_of(PAPER, ' - 3 AFIs')}); "
                "3 AFIs state a RAG (1 green, 2 amber), so the 1 without one are amber",
                "status: from the deduced RAG amber",
            ],
        }

    def test_deduction_is_reported(self):
        assert "AFI 4: no RAG stated; deduced amber from the stated totals" in messages(PAPER)

    def test_stated_rag_is_not_marked_deduced(self, graph):
        assert "deduced" not in graph.node(status(1))

    def test_totals_that_do_not_settle_it_leave_the_rag_missing(self):
        text = PAPER.replace(" - one AFI as green (complete); and\n", "")
        graph = build_graph([extract(text)])
        node = graph.node(status(4))
        assert ("rag" in node, node["missing"]) == (False, ["rag"])

    def test_unsettled_rag_is_reported(self):
        text = PAPER.replace(" - one AFI as green (complete); and\n", "")
        assert (
            "AFI 4: no RAG stated, and the paper's totals do not settle it; recorded missing"
            in messages(text)
        )


class TestCompletion:
    TEXT = (
        FRONT
        + "1. The force should act\nAmber\nAction Taken\n- Staff moved\n\n2. The force should record\nGreen\nAction Taken\n- done\n"
    )

    def test_missing_anticipated_completion_is_recorded_missing(self):
        node = build_graph([extract(self.TEXT)]).node(status(1))
        assert (node["missing"], "anticipatedCompletion" in node) == (
            ["anticipatedCompletion"],
            False,
        )

    def test_missing_anticipated_completion_is_reported(self):
        assert "AFI 1: no anticipated completion stated; recorded missing" in messages(self.TEXT)

    def test_green_afi_needs_no_anticipated_completion(self):
        assert "missing" not in build_graph([extract(self.TEXT)]).node(status(2))

    def test_undated_completion_line_is_missing_not_guessed(self):
        text = (
            FRONT
            + "1. The force should act\nAmber\nAction Taken\n- done\nAnticipated completion date \u2013 TBC\n"
        )
        node = build_graph([extract(text)]).node(status(1))
        assert (node["missing"], "anticipatedCompletion" in node) == (
            ["anticipatedCompletion"],
            False,
        )


class TestStatedCounts:
    def test_rag_totals_are_stated_counts(self, graph):
        counts = {
            n["key"].rsplit("/", 1)[1].split("-", 3)[-1]: (n["rag"], n["count"], n.get("ofTotal"))
            for n in graph.nodes("StatedCount")
        }
        assert {k: counts[k] for k in ("green", "amber")} == {
            "green": ("green", 1, None),
            "amber": ("amber", 3, None),
        }

    def test_completion_windows_are_stated_counts(self, graph):
        rows = {
            n["key"].rsplit("/", 1)[1].split("-", 3)[-1]: (
                n["count"],
                n["ofTotal"],
                n.get("anticipatedCompletionFrom"),
                n["anticipatedCompletion"],
            )
            for n in graph.nodes("StatedCount")
            if "anticipatedCompletion" in n
        }
        assert rows == {
            "amber-completion-by-2023-06": (2, 3, None, "2023-06"),
            "amber-completion-2023-07-to-2023-09": (1, 3, "2023-07", "2023-09"),
        }

    def test_counts_belong_to_the_inspection(self, graph):
        assert len(graph.out(INSPECTION, "HAS_STATED_COUNT")) == 4

    def test_windows_are_checked_against_the_afis(self):
        assert (
            "stated completion windows of the amber AFIs: 2 stated by 2023-06, 2 found; 1 stated 2023-07 to 2023-09, "
            "1 found; AFIs with no anticipated completion: none; consistent" in messages(PAPER)
        )

    def test_window_disagreement_is_reported(self):
        text = PAPER.replace(
            "Anticipated completion date \u2013 September 2023",
            "Anticipated completion date \u2013 May 2023",
        )
        assert (
            "stated completion windows of the amber AFIs: 2 stated by 2023-06, 3 found; 1 stated 2023-07 to 2023-09, "
            "0 found; AFIs with no anticipated completion: none; inconsistent" in messages(text)
        )


class TestGovernance:
    FIDB = "essex-police/board/future-improvement-and-development-board"
    PDB = "essex-police/board/performance-and-delivery-board"

    def test_board_chaired_by_the_post_named_after_it(self, graph):
        assert graph.out(self.FIDB, "CHAIRED_BY") == ["essex-police/post/deputy-chief-constable"]

    def test_every_afi_overseen_by_the_board_governing_them_all(self, graph):
        assert graph.into(self.FIDB, "OVERSEEN_BY") == [afi(n) for n in (1, 2, 3, 4)]

    def test_afi_wide_oversight_cites_its_sentence(self, graph):
        edge = next(graph.edges("OVERSEEN_BY", source=afi(2), target=self.FIDB))
        assert edge["evidenceLines"] == [line_of(PAPER, "3. Work")]

    def test_afi_overseen_where_its_own_text_says_so(self, graph):
        assert graph.out(afi(3), "OVERSEEN_BY") == [
            "essex-police/board/force-performance-committee",
            self.FIDB,
        ]

    def test_board_merely_named_gets_no_oversight_link(self, graph):
        board = "essex-police/board/strategic-change-board"
        assert (board in graph, graph.into(board, "OVERSEEN_BY")) == (True, [])

    def test_board_held_by_a_post_is_convened_by_it(self, graph):
        assert graph.out("essex-police/board/peel-oversight-board", "CONVENED_BY") == [
            "essex-police/post/chief-constable"
        ]

    def test_post_held_to_account_through_a_board_and_by_a_post(self, graph):
        assert graph.out("essex-police/post/chief-constable", "ACCOUNTABLE_TO") == [
            self.PDB,
            "essex-police/post/police-and-crime-commissioner",
        ]

    def test_meeting_chaired_refers_to_the_board_just_named(self, graph):
        assert graph.out(self.PDB, "CHAIRED_BY") == [
            "essex-police/post/police-and-crime-commissioner"
        ]

    def test_unknown_board_is_an_unresolved_node(self):
        text = PAPER.replace(
            "- Decisions on staffing",
            "- The Essex Gold Command Group meets weekly\n- Decisions on staffing",
        )
        node = build_graph([extract(text)]).node("essex-police/board/essex-gold-command-group")
        assert (node["name"], node["unresolved"]) == ("Essex Gold Command Group", True)

    def test_unknown_chair_is_reported_not_linked(self):
        text = PAPER.replace(
            "7. The meeting is chaired by the PCC.",
            "7. The Local Crime Review Board chaired by Inspector Jones meets.",
        )
        assert (
            "chair 'Inspector Jones meets.'\u2026 is not a post the gazetteer knows; no CHAIRED_BY"
            in messages(text)
        )


class TestNames:
    def test_boards_by_gazetteer_and_capitalised_name(self):
        found = [
            (m.name, m.start) for m in find_boards("via the FIDB and the Essex Gold Command Group")
        ]
        assert found == [("FIDB", 8), ("Essex Gold Command Group", 21)]

    def test_known_board_inside_a_longer_capitalised_name(self):
        assert [m.name for m in find_boards("the Essex Police Strategic Change Board met")] == [
            "Strategic Change Board"
        ]

    def test_one_word_label_in_prose_is_not_a_board(self):
        assert find_boards("an update to the panel and the Panel") == []

    def test_longest_post_wins(self):
        assert [m.name for m in find_posts("the Deputy Chief Constable")] == [
            "Deputy Chief Constable"
        ]


class TestHeadingForms:
    def test_afi_prefixed_headings(self):
        text = (
            FRONT
            + "AFI 1: The force should act\nAmber\nAction Taken\n- done\n\nAFI 2 \u2013 The force should record\nGreen\nAction Taken\n- done\nCompleted\n"
        )
        graph = build_graph([extract(text)])
        assert [graph.node(afi(n))["text"] for n in (1, 2)] == [
            "The force should act",
            "The force should record",
        ]

    def test_status_date_cites_the_papers_date_line(self, graph):
        assert line_of(PAPER, "Date:") in [e["line"] for e in graph.evidence(status(3))]


def _graph_of(text):
    from oversight.graph.build import build_graph

    return build_graph([PeelProgressExtractor().extract(TextDocument.from_text(text))])


def test_a_board_abbreviated_in_brackets_still_has_its_chair_read():
    g = _graph_of(
        "Subject: PEEL update\nDate: 18 April 2023\n"
        "On 28 April 2022, HMICFRS published PEEL 2021/22 An Inspection of Essex Police.\n"
        "Progress is overseen by the Future Improvement and Development Board (FIDB) chaired by the DCC.\n"
        "1. The Force should answer calls promptly\nAmber\nAnticipated completion date - May 2023\n"
    )
    assert g.out("essex-police/board/future-improvement-and-development-board", "CHAIRED_BY") == [
        "essex-police/post/deputy-chief-constable"
    ]


def test_a_paper_on_a_pre_2021_round_keys_the_inspection_with_its_pillar():
    g = _graph_of(
        "Subject: PEEL effectiveness 2017 update\nDate: 18 April 2019\n"
        "In March 2018, HMICFRS published PEEL: Police effectiveness 2017 An Inspection of Essex Police.\n"
        "1. The Force should answer calls promptly\nAmber\nAnticipated completion date - May 2019\n"
    )
    assert g.keys("Inspection") == ["essex-police/peel-2017-effectiveness"]


GOVERNED = (
    "Subject: PEEL update\nDate: 18 April 2023\n"
    "To: Essex Police and Crime Panel\n"
    "1. This paper reports on progress and outlines how the PCC is holding the Chief Constable to account.\n"
    "On 28 April 2022, HMICFRS published PEEL 2021/22 An Inspection of Essex Police.\n"
    "Progress is overseen by the Future Improvement and Development Board chaired by the DCC. "
    "Following each board an update is provided to the Chief Constable.\n"
    "1. The Force should answer calls promptly\nAmber\nAnticipated completion date - May 2023\n"
)


def test_a_board_whose_updates_go_to_a_post_reports_to_it():
    edge = next(_graph_of(GOVERNED).edges("REPORTS_TO", source="essex-police/board/future-improvement-and-development-board"))
    assert (edge["target"], edge["evidenceLines"]) == ("essex-police/post/chief-constable", [6])


def test_a_paper_to_the_panel_on_how_the_pcc_holds_to_account_has_the_pcc_report_to_the_panel():
    edge = next(_graph_of(GOVERNED).edges("REPORTS_TO", source="essex-police/post/police-and-crime-commissioner"))
    assert (edge["target"], edge["evidenceLines"]) == ("essex-police/board/police-and-crime-panel", [3, 4])


def test_a_paper_with_no_addressee_gives_the_holder_no_reporting_line():
    g = _graph_of(GOVERNED.replace("To: Essex Police and Crime Panel\n", ""))
    assert g.out("essex-police/post/police-and-crime-commissioner", "REPORTS_TO") == []
