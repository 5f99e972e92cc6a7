"""Tests for oversight.loaders.families.peel_report: PEEL inspection reports.

The texts are written for these tests in the layout of a converted PEEL report
(title block, judgements table, "#" sections with findings); they do not copy
any report.
"""

from __future__ import annotations

import pytest

from oversight.graph.build import build_graph
from oversight.loaders.families.peel_report import PeelReportExtractor
from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.registry import get_extractor
from oversight.loaders.toolkit.facts import Facts as FactSink
from oversight.loaders.toolkit.naming import grade_scale

REPORT_2017 = """\
# PEEL: Police effectiveness 2017

An inspection of Essex Police

November 2017

\u00a9 HMICFRS 2017

# Contents

## Effectiveness overview

Overall effectiveness 2017  Requires improvement

Question\tGrade\tLast inspected
Preventing crime and tackling anti-social behaviour\t Good\t2016
Investigating crime and reducing re-offending\t Requires improvement\t2017
Specialist capabilities\tUngraded\t2017

# Investigating crime and reducing re-offending

Requires improvement

Essex Police investigates most crime well but some files lack supervision.

#### **Areas for improvement**

- The force should supervise investigations consistently.
- The force should improve how it manages wanted
  suspects and foreign national offenders.

---

<sup>1</sup> A footnote that is not a finding.

# Annex A \u2013 About the data

#### Area for improvement

- The force should publish its data on time.
"""

INSPECTION = "essex-police/peel-2017-effectiveness"
INVESTIGATING = "investigating-crime-and-reducing-reoffending-2017"


def extract(text: str):
    return PeelReportExtractor().extract(TextDocument.from_text(text, path="report.txt"))


@pytest.fixture(scope="module")
def graph():
    return build_graph([extract(REPORT_2017)])


class TestDetect:
    def test_report_layout_scores_one(self):
        assert PeelReportExtractor().detect(TextDocument.from_text(REPORT_2017)) == 1.0

    def test_paper_that_discusses_peel_in_its_body_scores_low(self):
        text = "Panel paper\nDate: 1 May 2023\nIntroduction\nThe force\nMore\n\nPEEL 2021/22 found this.\nRecommendation:\n"
        assert PeelReportExtractor().detect(TextDocument.from_text(text)) == 0.1

    def test_registered_under_its_family(self):
        assert isinstance(get_extractor("peel-report"), PeelReportExtractor)


class TestInspection:
    def test_inspection_key_and_properties(self, graph):
        node = graph.node(INSPECTION)
        assert {k: node[k] for k in ("kind", "round", "pillar", "published", "title")} == {
            "kind": "peel",
            "round": "2017",
            "pillar": "effectiveness",
            "published": "2017-11",
            "title": "PEEL: Police effectiveness 2017",
        }

    def test_inspected_force_from_inspection_of_line(self, graph):
        assert graph.out(INSPECTION, "INSPECTED") == ["essex-police"]

    def test_conducted_by_inspectorate_of_copyright_line(self, graph):
        assert graph.out(INSPECTION, "CONDUCTED_BY") == ["hmicfrs"]

    def test_document_title_and_date(self):
        record = extract(REPORT_2017).document
        assert (record.title, record.date) == (
            "PEEL: Police effectiveness 2017 \u2013 An inspection of Essex Police",
            "2017-11",
        )

    def test_round_from_2021_has_no_pillar(self):
        text = "# PEEL 2021/22\n\nAn inspection of Kent Police\n\nApril 2022\n"
        graph = build_graph([extract(text)])
        node = graph.node("kent-police/peel-2021-22")
        assert (node["round"], "pillar" in node, node["published"]) == ("2021/22", False, "2022-04")

    def test_no_peel_title_gives_a_warning_and_no_facts(self):
        extraction = extract("A report on something\n\nAn inspection of Kent Police\n")
        assert ([w.message for w in extraction.warnings], extraction.facts) == (
            ["no PEEL round or year in the title; nothing extracted"],
            [],
        )


class TestJudgements:
    def test_each_table_row_is_a_judgement_with_grade_and_last_inspected(self, graph):
        rows = {
            n["key"].rsplit("/", 1)[1]: (n["grade"], n["gradeScale"], n.get("lastInspected"))
            for n in graph.nodes("Judgement")
        }
        assert rows == {
            "overall-effectiveness-2017": ("requires-improvement", "peel-4", None),
            "preventing-crime-and-asb-2017": ("good", "peel-4", "2016"),
            INVESTIGATING: ("requires-improvement", "peel-4", "2017"),
            "specialist-capabilities-2017": ("ungraded", "peel-4", "2017"),
        }

    def test_judgement_is_in_the_area_of_the_rounds_framework(self, graph):
        key = f"{INSPECTION}/judgement/specialist-capabilities-2017"
        assert graph.out(key, "IN_AREA") == ["area/specialist-capabilities-2017"]

    def test_inspection_has_every_judgement(self, graph):
        assert len(graph.out(INSPECTION, "HAS_JUDGEMENT")) == 4

    def test_section_grade_cites_a_second_line_for_the_judgement(self, graph):
        key = f"{INSPECTION}/judgement/{INVESTIGATING}"
        assert [e["line"] for e in graph.evidence(key)] == [17, 22]

    def test_section_grade_that_disagrees_with_the_table_is_kept_as_a_conflict(self):
        text = REPORT_2017.replace("\nRequires improvement\n\nEssex", "\nGood\n\nEssex")
        graph = build_graph([extract(text)])
        node = graph.node(f"{INSPECTION}/judgement/{INVESTIGATING}")
        document = TextDocument.from_text(text).key
        assert (node["grade"], node["conflicts"]) == (
            "requires-improvement",
            [f'grade="good" ({document}#L22)'],
        )

    def test_grade_scale_is_five_tier_from_2021(self):
        assert (grade_scale("2019"), grade_scale("2021/22")) == ("peel-4", "peel-5")


class TestFindings:
    def test_bullets_under_areas_for_improvement_are_numbered_in_order(self, graph):
        afis = {n["key"]: (n["number"], n["text"]) for n in graph.nodes("AreaForImprovement")}
        assert afis == {
            f"{INSPECTION}/afi-01": (
                1,
                "The force should supervise investigations consistently.",
            ),
            f"{INSPECTION}/afi-02": (
                2,
                "The force should improve how it manages wanted suspects and foreign national offenders.",
            ),
            f"{INSPECTION}/afi-03": (
                3,
                "The force should publish its data on time.",
            ),
        }

    def test_finding_is_issued_by_the_inspection(self, graph):
        assert graph.into(f"{INSPECTION}/afi-01", "ISSUED") == [INSPECTION]

    def test_finding_is_in_the_area_of_its_section(self, graph):
        assert graph.out(f"{INSPECTION}/afi-02", "IN_AREA") == [
            f"area/{INVESTIGATING}"
        ]

    def test_wrapped_bullet_cites_both_its_lines_beside_heading_and_section(self, graph):
        evidence = graph.evidence(f"{INSPECTION}/afi-02")
        assert [(e["line"], e.get("endLine")) for e in evidence] == [
            (20, None),
            (26, None),
            (29, 30),
        ]

    def test_finding_outside_an_area_has_no_in_area_and_a_warning(self, graph):
        extraction = extract(REPORT_2017)
        assert graph.out(f"{INSPECTION}/afi-03", "IN_AREA") == []
        assert [w.message for w in extraction.warnings] == [
            "AreaForImprovement 3 sits under section 'Annex A \u2013 About the data', not a known area; no IN_AREA"
        ]

    def test_cause_of_concern_paragraph_and_its_recommendations(self):
        text = REPORT_2017.replace(
            "#### **Areas for improvement**",
            "#### Cause of concern\n\nThe force does not supervise enough files.\n\n"
            "#### Recommendations\n\n- Supervise every file within a week.\n\n#### **Areas for improvement**",
        )
        graph = build_graph([extract(text)])
        found = [
            (n["key"], n["number"], n["text"])
            for label in ("CauseOfConcern", "Recommendation")
            for n in graph.nodes(label)
        ]
        assert found == [
            (
                f"{INSPECTION}/coc-01",
                1,
                "The force does not supervise enough files.",
            ),
            (f"{INSPECTION}/rec-01", 1, "Supervise every file within a week."),
        ]


class TestFactSink:
    def test_node_cited_by_a_relationship_at_the_same_line_keeps_one_line(self):
        doc = TextDocument.from_text("one\ntwo\nthree")
        sink = FactSink(doc)
        board, post = Ref.named("Board", "FIDB"), Ref.named("Post", "DCC")
        sink.node(board, 1, end_line=3)
        sink.edge("CHAIRED_BY", board, post, 1)
        assert [(f.evidence.line, f.evidence.end_line) for f in sink.facts()] == [
            (1, None),
            (1, None),
        ]
