"""Tests for the inspections-and-audits extractor, one rule each, on short papers written here.

The papers are invented (an Essex paper, to keep the rules honest about the
force), in the layout the real papers use: numbered sections, one per
publication, a PEEL section with graded areas, and the audit tables.
"""

from __future__ import annotations

import pytest

from graphs import stated_count, unstamped
from oversight.graph.build import build_graph
from oversight.graph.model import OversightGraph
from oversight.loaders.families.inspections_audits import InspectionsAuditsExtractor
from oversight.loaders.models import Extraction, TextDocument

HEAD = """Chief Constable's Report
INSPECTIONS, AUDITS & REVIEWS
3rd March 2022

1. Aims of the report.

This report will record the latest or ongoing inspections, audits or other reviews of Essex Police.

2. HMICFRS.

"""


def run(body: str, head: str = HEAD) -> tuple[OversightGraph, Extraction]:
    doc = TextDocument.from_text(head + body, path="paper.txt")
    extraction = InspectionsAuditsExtractor().extract(doc)
    return build_graph([extraction]), extraction


def warnings(extraction: Extraction) -> list[str]:
    return [w.message for w in extraction.warnings]


def section(title: str, text: str, number: str = "2.1") -> str:
    return f"{number} HMICFRS Publication - {title}\n\n{text}\n\n"


ROADS = "hmicfrs/roads-policing"


class TestDetect:
    def test_paper_with_title_aims_and_audit_table_scores_high(self):
        text = (
            HEAD
            + "3. Internal and External Audit Functions.\n\nAudit\tPlanned start\tSponsor(s)\tStatus\n"
        )
        assert InspectionsAuditsExtractor().detect(TextDocument.from_text(text)) == 1.0

    def test_minutes_quoting_the_paper_heading_score_low(self):
        text = "MINUTES of a meeting of the Panel\n4. Inspections, Audits & Reviews\nRESOLVED to note.\n"
        assert InspectionsAuditsExtractor().detect(TextDocument.from_text(text)) == 0.0

    def test_paper_that_mentions_the_paper_scores_zero(self):
        text = "The 'Inspections, Audits & Reviews' paper routinely reports on HMICFRS activity.\n"
        assert InspectionsAuditsExtractor().detect(TextDocument.from_text(text)) == 0.0


class TestDocument:
    def test_title_and_date_of_the_paper_come_from_its_top_lines(self):
        _, extraction = run("")
        assert (extraction.document.title, extraction.document.date) == (
            "INSPECTIONS, AUDITS & REVIEWS",
            "2022-03-03",
        )

    def test_undated_paper_is_left_undated_with_a_warning(self):
        _, extraction = run("", head="1. Aims of the report\n\nNothing yet for Essex Police.\n")
        assert extraction.document.date is None
        assert warnings(extraction) == [
            "the paper states no date of its own; statuses it gives are left undated"
        ]


PERIOD_HEAD = """Chief Constable's Report
INSPECTIONS, AUDITS & REVIEWS

1. Aims of the report.

This report will record the latest or ongoing inspections, audits or other reviews of Essex Police that have taken place during the period November 2023 to January 2024.

2. HMICFRS.

"""


class TestPaperDate:
    def test_stated_date_is_recorded_as_stated_with_its_line(self):
        _, extraction = run("")
        d = extraction.document
        assert (d.date, d.date_basis, d.date_line) == ("2022-03-03", "stated", 3)

    def test_paper_stating_only_its_period_is_dated_by_the_end_of_the_period_deduced(self):
        _, extraction = run("", head=PERIOD_HEAD)
        d = extraction.document
        assert (d.date, d.date_basis, d.date_line) == ("2024-01", "deduced", 6)

    def test_deduced_date_is_warned_with_its_period_and_line(self):
        _, extraction = run("", head=PERIOD_HEAD)
        assert [str(w) for w in extraction.warnings] == [
            "paper.txt:6: the paper states no date of its own; dated 2024-01, the end of the "
            "period it covers ('period November 2023 to January 2024'), deduced"
        ]

    def test_document_node_carries_the_date_its_basis_and_line(self):
        g, extraction = run("", head=PERIOD_HEAD)
        node = g.node(extraction.document.key)
        assert (node["date"], node["dateBasis"], node["dateLine"]) == ("2024-01", "deduced", 6)

    def test_statuses_of_a_paper_dated_by_its_period_carry_the_deduced_date(self):
        g, _ = run(PEEL, head=PERIOD_HEAD)
        [key] = g.out(f"{P}/afi/managing-offenders-02", "HAS_STATUS")
        node = g.node(key)
        assert (key, node["date"], node["deduced"], node["deducedFrom"]) == (
            f"{P}/afi/managing-offenders-02/status/2024-01",
            "2024-01",
            ["date"],
            ["date: the end of the period the paper covers, 'period November 2023 to January 2024' (line 6)"],
        )

    def test_stated_counts_of_a_paper_dated_by_its_period_are_keyed_and_dated_by_it(self):
        g, _ = run(PEEL, head=PERIOD_HEAD)
        node = g.node("essex-police/peel-2021-22/count/2024-01-closed")
        assert (node["count"], node["date"], node["deduced"]) == (10, "2024-01", ["date"])

    def test_a_period_another_report_reviewed_does_not_date_the_paper(self):
        head = PERIOD_HEAD.replace(
            "This report will record the latest or ongoing inspections, audits or other reviews of Essex Police that have taken place during the period November 2023 to January 2024.",
            "The period reviewed for Essex Police was 9 October 2022 to 9 January 2023.",
        )
        _, extraction = run("", head=head)
        assert (extraction.document.date, warnings(extraction)) == (
            None,
            ["the paper states no date of its own; statuses it gives are left undated"],
        )

    def test_statuses_of_a_paper_with_neither_date_nor_period_are_missing_their_date(self):
        head = "1. Aims of the report\n\nNothing yet for Essex Police.\n\n2. HMICFRS.\n\n"
        g, _ = run(PEEL, head=head)
        [key] = g.out(f"{P}/afi/managing-offenders-02", "HAS_STATUS")
        assert ("date" in g.node(key), g.node(key)["missing"]) == (False, ["date"])


class TestPublication:
    def test_date_opening_the_sentence_is_the_publication_date(self):
        g, _ = run(
            section(
                "Roads policing",
                "On 4th March 2022 HMICFRS published their national thematic report.",
            )
        )
        assert g.node(ROADS)["published"] == "2022-03-04"

    def test_date_after_were_published_is_the_publication_date(self):
        g, _ = run(
            section(
                "Roads policing",
                "The findings of this review were published on the website on 26th May 2021.",
            )
        )
        assert g.node(ROADS)["published"] == "2021-05-26"

    def test_date_of_a_later_report_in_another_sentence_is_not_taken(self):
        text = "Following the publication of the review a summary is given. An academic review was published in December 2023."
        g, extraction = run(section("Roads policing", text))
        assert "published" not in g.node(ROADS)
        assert g.node(ROADS)["missing"] == ["forceInspected", "published", "recommendationCount"]

    def test_letter_dated_gives_an_interim_update_its_date(self):
        heading = "2.1 Interim Update: Roads Policing Inspection\n\n"
        text = "HMICFRS have provided an interim position. The letter dated 10 January 2024 sets out the findings.\n"
        g, _ = run(heading + text)
        assert (
            g.node("hmicfrs/interim-update-roads-policing-inspection")["published"] == "2024-01-10"
        )

    def test_heading_prefix_of_bodies_and_publication_is_not_part_of_the_title(self):
        g, _ = run(section("Roads policing", "On 4th March 2022 HMICFRS published it."))
        assert g.node(ROADS)["title"] == "Roads policing"

    @pytest.mark.parametrize(
        ("title", "text", "kind"),
        [
            ("Roads policing", "HMICFRS published their national thematic report.", "thematic"),
            ("Report on the X super-complaint", "HMICFRS published it.", "super-complaint"),
            (
                "Roads policing",
                "HMICFRS and HMCPSI published their joint inspection.",
                "joint-thematic",
            ),
            ("State of Policing 2021", "HMICFRS published it.", "annual-assessment"),
            (
                "Child protection post inspection review",
                "HMICFRS published it.",
                "post-inspection-review",
            ),
            ("Roads policing", "HMICFRS inspected six police forces.", "thematic"),
            ("Roads policing", "HMICFRS published it.", "inspection"),
        ],
    )
    def test_kind_is_read_from_heading_and_text(self, title, text, kind):
        g, _ = run(section(title, text))
        assert [n["kind"] for n in g.nodes("Inspection")] == [kind]

    def test_joint_publication_is_conducted_by_each_body_and_keyed_by_the_first(self):
        text = (
            "On 1st July 2021 HMCPSI and HMICFRS published the findings of their joint inspection."
        )
        g, _ = run(section("Case building", text))
        assert g.out("hmcpsi/case-building", "CONDUCTED_BY") == ["hmcpsi", "hmicfrs"]

    def test_misspelt_initials_of_the_cps_inspectorate_resolve(self):
        text = "On 1st July 2021 HMICFRS and HM Crown Prosecution Service Inspectorate (HMCPPI) published it."
        g, _ = run(section("Rape phase one", text))
        assert g.out("hmicfrs/rape-phase-one", "CONDUCTED_BY") == ["hmcpsi", "hmicfrs"]

    def test_supporting_body_is_marked_by_its_role(self):
        text = "HMICFRS and HMI Prisons, supported by the Care Quality Commission (CQC) undertook their joint inspection of Essex's custody."
        g, _ = run("2.1 HMICFRS & HMIP Custody Inspection\n\n" + text + "\n")
        edge = next(
            g.edges(type="CONDUCTED_BY", source="essex-police/custody-inspection", target="cqc")
        )
        assert edge["role"] == "supporting"

    def test_duplicated_heading_takes_the_title_from_the_text_and_warns(self):
        first = section("Roads policing", "On 4th March 2022 HMICFRS published it.")
        second = section(
            "Roads policing",
            "On 5th March 2022 HMICFRS published their report entitled 'Rural crime'.",
            "2.2",
        )
        g, extraction = run(first + second)
        assert g.node("hmicfrs/rural-crime")["published"] == "2022-03-05"
        assert (
            warnings(extraction)[-3]
            == "section 2.2 repeats the previous section's heading; title taken from its text: 'Rural crime'"
        )


class TestSections:
    def test_subsection_that_reports_no_publication_is_not_an_inspection(self):
        body = "3. Summary.\n\n3.1 Looking ahead\n\nThe force will continue to improve.\n"
        g, _ = run(body)
        assert g.keys("Inspection") == []


class TestForceInspected:
    def test_force_not_inspected_is_false_and_not_linked(self):
        g, _ = run(
            section(
                "Roads policing",
                "On 4th March 2022 HMICFRS published it. Essex were not inspected.",
            )
        )
        assert (g.node(ROADS)["forceInspected"], g.out(ROADS, "INSPECTED")) == (False, [])

    def test_not_an_involved_force_is_false(self):
        g, _ = run(
            section(
                "Roads policing", "HMICFRS visited four forces (Essex was not an involved force)."
            )
        )
        assert g.node(ROADS)["forceInspected"] is False

    def test_one_of_the_forces_visited_is_true_and_linked(self):
        g, _ = run(
            section(
                "Roads policing", "HMICFRS published it. Essex were one of nineteen forces visited."
            )
        )
        assert (g.node(ROADS)["forceInspected"], g.out(ROADS, "INSPECTED")) == (
            True,
            ["essex-police"],
        )

    def test_chosen_as_one_of_the_forces_is_true(self):
        g, _ = run(
            section(
                "Roads policing",
                "Essex Police were chosen as one of the forces to be reviewed by HMICFRS.",
            )
        )
        assert g.node(ROADS)["forceInspected"] is True

    def test_annual_assessment_inspects_no_force_and_is_not_flagged(self):
        text = "On 4th March 2022 HMICFRS published the annual assessment. There are no recommendations made in this report."
        g, extraction = run(section("State of Policing 2021", text))
        assert ("missing" in g.node("hmicfrs/state-of-policing-2021"), warnings(extraction)) == (
            False,
            [],
        )

    def test_silence_is_recorded_as_missing_with_a_warning(self):
        g, extraction = run(
            section(
                "Roads policing",
                "On 4th March 2022 HMICFRS published it. It makes no recommendations.",
            )
        )
        assert g.node(ROADS)["missing"] == ["forceInspected"]
        assert warnings(extraction) == [
            "section 2.1: the paper does not say whether the force was inspected"
        ]

    def test_inspection_of_the_force_alone_is_keyed_under_the_force(self):
        text = "On 2nd May 2021 HMICFRS published the findings of their revisit of the force's child protection arrangements."
        g, _ = run(section("Child protection post inspection review", text))
        assert g.out("essex-police/child-protection-post-inspection-review", "INSPECTED") == [
            "essex-police"
        ]


class TestCounts:
    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            (
                "The report provides thirteen recommendations, seven of which are for Chief Constables.",
                {"recommendationCount": 13, "chiefConstableRecommendationCount": 7},
            ),
            (
                "In total two actions and six recommendations were made; three recommendations were for Chief Constables.",
                {
                    "recommendationCount": 6,
                    "chiefConstableRecommendationCount": 3,
                    "actionCount": 2,
                },
            ),
            (
                "The report makes ten recommendations and sets three actions, six of the recommendations are for Chief Constables.",
                {
                    "recommendationCount": 10,
                    "chiefConstableRecommendationCount": 6,
                    "actionCount": 3,
                },
            ),
            (
                "HMICFRS made nine recommendations and one area for improvement. Five of these were for Chief Constables.",
                {"recommendationCount": 9, "chiefConstableRecommendationCount": 5, "afiCount": 1},
            ),
            (
                "The report makes fourteen recommendations, all for leads within other agencies.",
                {"recommendationCount": 14, "chiefConstableRecommendationCount": 0},
            ),
            (
                "There are no recommendations made in this report.",
                {"recommendationCount": 0, "chiefConstableRecommendationCount": 0},
            ),
            (
                "The report sets out five overarching recommendations. Chief Constables are responsible for two recommendations.",
                {"recommendationCount": 5, "chiefConstableRecommendationCount": 2},
            ),
            (
                "The report sets out three recommendations for the attention of Chief Constables.",
                {"recommendationCount": 3, "chiefConstableRecommendationCount": 3},
            ),
        ],
    )
    def test_counts_in_words_are_read(self, sentence, expected):
        g, _ = run(
            section(
                "Roads policing",
                f"On 4th March 2022 HMICFRS published it. Essex were not inspected. {sentence}",
            )
        )
        node = g.node(ROADS)
        assert {k: node[k] for k in expected} == expected

    def test_publication_without_a_count_is_missing_it_with_a_warning(self):
        g, extraction = run(
            section(
                "Roads policing",
                "On 4th March 2022 HMICFRS published it. Essex were not inspected.",
            )
        )
        assert g.node(ROADS)["missing"] == ["recommendationCount"]
        assert warnings(extraction) == [
            "section 2.1: no recommendation count stated for 'Roads policing'"
        ]


RECS = """2.1 Report on the Roads super-complaint

On 15 December 2023, HMICFRS published their findings. Essex was not inspected. The report makes four recommendations, two of which are for Chief Constables.

1. By 14 June 2024, chief constables should review the training given on roads policing to all officers.

The force has reviewed its training.

Item 4

It is delivered in June.

2. Chief Constables and police and crime commissioners to work together to understand what victims need from them:

- a first bullet of the recommendation;*
- a second bullet of the recommendation.*

The force works with the commissioner.
"""
SC = "hmicfrs/report-on-the-roads-super-complaint"


class TestRecommendations:
    def test_numbered_recommendations_are_issued_by_the_inspection(self):
        g, _ = run(RECS)
        assert g.out(SC, "ISSUED") == [f"{SC}/rec-01", f"{SC}/rec-02"]

    def test_deadline_and_addressee_are_read_from_by_date_chief_constables_should(self):
        g, _ = run(RECS)
        node = g.node(f"{SC}/rec-01")
        assert (node["deadline"], node["addressee"], node["forChiefConstables"]) == (
            "2024-06-14",
            "chief constables",
            True,
        )

    def test_response_is_the_paragraphs_after_the_recommendation_across_a_page_break(self):
        g, _ = run(RECS)
        assert (
            g.node(f"{SC}/rec-01")["response"]
            == "The force has reviewed its training. It is delivered in June."
        )

    def test_bullets_belong_to_the_recommendation_text(self):
        g, _ = run(RECS)
        assert g.node(f"{SC}/rec-02")["text"] == (
            "Chief Constables and police and crime commissioners to work together to understand what victims "
            "need from them: a first bullet of the recommendation; a second bullet of the recommendation."
        )

    def test_recommendation_for_chief_constables_and_commissioners_is_addressed_to_both_posts(self):
        g, _ = run(RECS)
        assert g.out(f"{SC}/rec-02", "ADDRESSED_TO") == [
            "essex-police/post/chief-constable",
            "essex-police/post/police-and-crime-commissioner",
        ]


class TestFollowUp:
    FRAUD = (
        "On 5th August 2021 HMICFRS published their national thematic inspection. It reviewed progress against the "
        "recommendations set out in their initial report 'Fraud: a first look' published in April 2019. "
        "In Essex, the recommendations and areas for improvement from the original inspection report had been closed as complete. "
        "The report sets out three recommendations for the attention of Chief Constables."
    )

    def test_review_follows_up_the_quoted_initial_report_with_its_month(self):
        g, _ = run(section("A review of fraud", self.FRAUD))
        assert g.out("hmicfrs/a-review-of-fraud", "FOLLOWS_UP") == ["hmicfrs/fraud-a-first-look"]
        assert g.node("hmicfrs/fraud-a-first-look")["published"] == "2019-04"

    def test_closure_of_the_original_findings_is_a_stated_count_covering_all(self):
        g, _ = run(section("A review of fraud", self.FRAUD))
        node = stated_count(g, "hmicfrs/fraud-a-first-look", "closed")
        assert {k: node[k] for k in ("outcome", "coversAll", "missing")} == {
            "outcome": "closed",
            "coversAll": True,
            "missing": ["count"],
        }

    def test_review_counts_are_not_taken_from_the_follow_up_sentence(self):
        g, _ = run(section("A review of fraud", self.FRAUD))
        assert g.node("hmicfrs/a-review-of-fraud")["recommendationCount"] == 3

    def test_post_inspection_review_follows_up_the_force_inspection_and_its_open_recommendations(
        self,
    ):
        text = (
            "On 2nd May 2021 HMICFRS published the findings of their revisit of the force's arrangements. It assessed "
            "improvements against the seven recommendations from the initial child protection inspection report published "
            "in September 2019. The recommendations set in the 2019 inspection remain open."
        )
        g, _ = run(section("Child protection post inspection review", text))
        assert g.out("essex-police/child-protection-post-inspection-review", "FOLLOWS_UP") == [
            "essex-police/child-protection"
        ]
        node = stated_count(g, "essex-police/child-protection", "open")
        assert (node["outcome"], node["count"], node["findingKind"]) == (
            "open",
            7,
            "Recommendation",
        )


PEEL = """2.1 PEEL 2023/25 – An Inspection of Essex Police

On 1 December 2023, HMICFRS published their PEEL inspection of Essex Police. The inspection assessed the force across three areas of policing and provided a grading for three of these. Essex has been awarded two good gradings.
HMICFRS have agreed to close 10 of the 12 AFIs issued from PEEL 2021/22. One of the two remaining AFIs has been superseded. The remaining AFI on recording ethnicity issued in PEEL 2021/22 will be carried forward into the new improvement plan.

Responding to the Public – Good (2 AFIs)

The force has moved from adequate to good in this area. The work has addressed two of the three previous AFIs given to the force in PEEL 2021/22 and these have been closed by HMICFRS.

Call answering was slow in March 2023, resulting in an AFI.

Managing Offenders and Suspects – Adequate (2 AFIs)

The force received an adequate grading and were given two AFIs, both of which related to offender management; the review of sex offender visits and the assessment of bail conditions.

The force has added visiting officers. This AFI remains ongoing.

A new bail tracker records conditions daily. As a result of evidence provided this AFI has been discharged.

As result the AFIs given to the force in PEEL 2021/22 have been addressed and closed.

Leadership and Force Management – Good (No AFIs)

The force plans well.

Next Steps

The previous PEEL Improvement Plan has now been closed and a new plan created. Progress will be monitored via the Future Improvement and Development Board (FIDB) chaired by the DCC. In addition, reporting of progress will take place to the Joint Audit Committee.

3. Summary.
"""
P = "essex-police/peel-2023-25"


class TestPeel:
    def test_each_area_is_a_judgement_with_grade_scale_and_afi_count(self):
        g, _ = run(PEEL)
        node = g.node(f"{P}/judgement/responding-to-the-public")
        assert (node["grade"], node["gradeScale"], node["afiCount"]) == ("good", "peel-5", 2)
        assert g.out(f"{P}/judgement/responding-to-the-public", "IN_AREA") == [
            "area/responding-to-the-public"
        ]

    def test_stated_grade_movement_is_kept_as_previous_grade(self):
        g, _ = run(PEEL)
        assert g.node(f"{P}/judgement/responding-to-the-public")["previousGrade"] == "adequate"

    def test_one_afi_per_afi_counted_keyed_by_area(self):
        g, _ = run(PEEL)
        assert g.out(P, "ISSUED") == [
            f"{P}/afi/managing-offenders-01",
            f"{P}/afi/managing-offenders-02",
            f"{P}/afi/responding-to-the-public-01",
            f"{P}/afi/responding-to-the-public-02",
        ]

    def test_afi_the_paragraphs_do_not_describe_is_missing_its_text(self):
        g, extraction = run(PEEL)
        assert g.node(f"{P}/afi/responding-to-the-public-02")["missing"] == ["text"]
        assert warnings(extraction) == [
            "Responding to the Public: AFI 2 of 2 is counted but not described"
        ]

    def test_afi_text_is_the_sentence_that_gives_rise_to_it(self):
        g, _ = run(PEEL)
        assert (
            g.node(f"{P}/afi/responding-to-the-public-01")["text"]
            == "Call answering was slow in March 2023, resulting in an AFI."
        )

    def test_listed_afis_take_their_list_items_as_text(self):
        g, _ = run(PEEL)
        assert (
            g.node(f"{P}/afi/managing-offenders-02")["text"] == "the assessment of bail conditions"
        )

    def test_statuses_go_to_the_afi_their_paragraph_is_about(self):
        g, _ = run(PEEL)
        assert [n["status"] for n in g.nodes("StatusAssessment")] == ["in-progress", "discharged"]
        assert g.out(f"{P}/afi/managing-offenders-02", "HAS_STATUS") == [
            f"{P}/afi/managing-offenders-02/status/2022-03-03"
        ]

    def test_previous_round_totals_are_stated_counts_on_that_round(self):
        g, _ = run(PEEL)
        counts = {
            unstamped(n["key"].rsplit("/", 1)[1]): (n.get("count"), n.get("ofTotal"))
            for n in g.nodes("StatedCount")
        }
        assert counts == {
            "carried-forward": (1, None),
            "closed": (10, 12),
            "closed-managing-offenders": (None, None),
            "closed-responding-to-the-public": (2, 3),
            "superseded": (1, 2),
        }

    def test_area_statement_about_all_previous_afis_covers_all(self):
        g, _ = run(PEEL)
        node = stated_count(g, "essex-police/peel-2021-22", "closed-managing-offenders")
        assert (node["coversAll"], node["missing"]) == (True, ["count"])
        assert g.out(node["key"], "IN_AREA") == ["area/managing-offenders"]

    def test_total_afis_are_the_sum_of_the_area_counts_deduced(self):
        g, _ = run(PEEL)
        node = g.node(P)
        assert (node["afiCount"], node["deduced"]) == (4, ["afiCount"])

    def test_new_plan_addresses_the_round_and_is_overseen_and_reported(self):
        g, _ = run(PEEL)
        plan = "essex-police/plan/peel-2023-25"
        assert g.out(plan, "ADDRESSES") == [P]
        assert g.out(plan, "OVERSEEN_BY") == [
            "essex-police/board/future-improvement-and-development-board"
        ]
        assert g.out(plan, "REPORTS_TO") == ["essex-police/board/joint-audit-committee"]
        assert g.out(
            "essex-police/board/future-improvement-and-development-board", "CHAIRED_BY"
        ) == ["essex-police/post/deputy-chief-constable"]

    def test_previous_plan_is_closed(self):
        g, _ = run(PEEL)
        node = g.node("essex-police/plan/peel-2021-22")
        assert (node["status"], node["deduced"]) == ("closed", ["round"])

    def test_stated_tallies_that_disagree_with_the_headings_are_warned(self):
        _, extraction = run(PEEL.replace("two good gradings", "three good gradings"))
        assert warnings(extraction)[1:] == ["the paper states 3 good gradings, its headings give 2"]

    def test_stated_area_totals_that_disagree_with_the_headings_are_warned(self):
        _, extraction = run(PEEL.replace("across three areas", "across four areas"))
        assert warnings(extraction)[1:] == [
            "the paper states 4 areas with 3 graded, its headings give 3 and 3"
        ]


AUDIT_INLINE = """3. Internal and External Audit Functions.

3.1 Internal Audits. The latest audit plan for 2021/22 is shown below.

Audit\tPlanned start\tSponsor(s)\tStatus
Risk Management (OPCC)\t09/08/2021\tAnn Lee\tDRAFT issued 22//10/21
Payroll (Joint)\t05/01/2022\tAnn Lee/Bob Ray\tScope and timing agreed
IT Audit (Joint) – Radios\tQ3/4\tSponsor TBC\tScope and timing to be agreed

3.2 External Audit.

Our auditors, EY, are reviewing the accounts.
"""


class TestAuditPlan:
    def test_each_row_is_an_audit_keyed_by_plan_year(self):
        g, _ = run(AUDIT_INLINE)
        assert g.keys("Audit") == [
            "essex-police/audit/2021-22-it-audit-radios",
            "essex-police/audit/2021-22-payroll",
            "essex-police/audit/2021-22-risk-management-opcc",
        ]

    def test_draft_issued_status_gives_stage_and_date(self):
        g, _ = run(AUDIT_INLINE)
        node = g.node("essex-police/audit/2021-22-risk-management-opcc")
        assert (node["stage"], node["stageDate"], node["plannedStart"]) == (
            "draft",
            "2021-10-22",
            "2021-08-09",
        )

    def test_two_sponsors_are_two_people(self):
        g, _ = run(AUDIT_INLINE)
        assert g.out("essex-police/audit/2021-22-payroll", "SPONSORED_BY") == [
            "essex-police/person/ann-lee",
            "essex-police/person/bob-ray",
        ]

    def test_sponsor_tbc_is_a_missing_sponsor_not_a_person(self):
        g, _ = run(AUDIT_INLINE)
        key = "essex-police/audit/2021-22-it-audit-radios"
        assert (g.node(key)["sponsorMissing"], g.out(key, "SPONSORED_BY")) == (True, [])

    def test_quarter_and_joint_marker_are_read(self):
        g, _ = run(AUDIT_INLINE)
        node = g.node("essex-police/audit/2021-22-it-audit-radios")
        assert (node["plannedQuarter"], node["joint"], node["title"], node["stage"]) == (
            "Q3-Q4",
            True,
            "IT Audit – Radios",
            "to-be-agreed",
        )

    def test_external_auditor_audits_the_force(self):
        g, _ = run(AUDIT_INLINE)
        edge = next(g.edges(type="AUDITED_BY", source="essex-police"))
        assert (edge["target"], edge["role"]) == ("ey", "external auditor")


AUDIT_STACKED = """3. Internal and External Audit Functions.

The table below shows the remaining audits on the 23/24 Internal Audit Plan:

\tAudit
\tPlanned start
\tSponsor
\tStatus

\tFirearms
\t12/06/23
\tAnn Lee
\tFINAL issued 6/9/23 (Reasonable assurance)

Audit actions are reported at the Joint Audit Committee. Actions signed off are below.
\tAudit Name
\tRecommendation
\tRisk
\tDeadline
\tSignoff Date

\tFirearms
\t2 & 3
\tMedium/ Low
\t31/10/2023
\t18/10/2023

\tHealth and Safety
\t1
\tLow
\t10/08/2023
\t14/11/2023
This Action is marked as completed due to being superseded.

"""
FIREARMS = "essex-police/audit/2023-24-firearms"


class TestAuditTables:
    def test_one_cell_per_line_table_gives_final_stage_and_assurance(self):
        g, _ = run(AUDIT_STACKED)
        node = g.node(FIREARMS)
        assert (node["stage"], node["stageDate"], node["assurance"], node["planYear"]) == (
            "final",
            "2023-09-06",
            "reasonable",
            "2023/24",
        )

    def test_each_recommendation_number_is_raised_in_the_audit(self):
        g, _ = run(AUDIT_STACKED)
        assert g.into(FIREARMS, "RAISED_IN") == [f"{FIREARMS}/rec-02", f"{FIREARMS}/rec-03"]

    def test_risk_shared_by_several_recommendations_is_kept_as_stated_text(self):
        g, extraction = run(AUDIT_STACKED)
        node = g.node(f"{FIREARMS}/rec-02")
        assert (node["riskText"], node["missing"], "risk" in node) == (
            "Medium/ Low",
            ["risk"],
            False,
        )
        assert warnings(extraction)[0] == (
            "audit 'Firearms': risk 'Medium/ Low' is stated for recommendations 2, 3 together; "
            "which level each has is not stated"
        )

    def test_signed_off_action_is_completed_at_sign_off(self):
        g, _ = run(AUDIT_STACKED)
        node = g.node(f"{FIREARMS}/rec-02/status/2023-10-18")
        assert (node["status"], node["completed"], node["date"]) == (
            "completed",
            True,
            "2023-10-18",
        )
        assert g.node(f"{FIREARMS}/rec-02")["signedOff"] == "2023-10-18"

    def test_action_completed_because_superseded_has_status_superseded(self):
        g, _ = run(AUDIT_STACKED)
        key = "essex-police/audit/health-and-safety/rec-01/status/2023-11-14"
        assert g.node(key)["status"] == "superseded"
        assert [e["line"] for e in g.evidence(key)] == [
            len((HEAD + AUDIT_STACKED).splitlines()) - 1
        ]

    def test_audit_not_on_the_plan_is_keyed_without_a_year(self):
        g, _ = run(AUDIT_STACKED)
        assert g.node("essex-police/audit/health-and-safety")["missing"] == ["planYear"]

    def test_audit_actions_are_overseen_by_the_committee_they_are_reported_to(self):
        g, _ = run(AUDIT_STACKED)
        assert g.out(f"{FIREARMS}/rec-03", "OVERSEEN_BY") == [
            "essex-police/board/joint-audit-committee"
        ]


def test_the_remaining_n_afis_carried_forward_is_a_count_of_n():
    g, _ = run(PEEL.replace(
        "The remaining AFI on recording ethnicity issued in PEEL 2021/22 will be carried forward into the new improvement plan.",
        "The remaining two AFIs issued in PEEL 2021/22 will be carried forward into the new improvement plan.",
    ))
    node = stated_count(g, "essex-police/peel-2021-22", "carried-forward")
    assert (node["count"], node.get("coversAll")) == (2, None)
