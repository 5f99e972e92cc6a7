"""Stated supersession in the PEEL section of inspections-and-audits papers, one rule per test.

A paper that says one previous AFI "has been superseded by" a new one states a
``SUPERSEDES`` relationship (basis ``stated``) from the new AFI to the old,
citing the sentence; when the new AFI cannot be identified, the old one gets the
status ``superseded`` instead, with a warning. The papers are invented here (an
Essex paper of January 2024 reporting PEEL 2023/25).
"""

from __future__ import annotations

from oversight.graph.build import build_graph
from oversight.graph.model import OversightGraph
from oversight.loaders.families.inspections_audits import InspectionsAuditsExtractor
from oversight.loaders.models import Extraction, TextDocument

HEAD = """Chief Constable's Report
INSPECTIONS, AUDITS & REVIEWS
12th January 2024

1. Aims of the report.

This report will record the latest or ongoing inspections, audits or other reviews of Essex Police.

2. HMICFRS.

2.1 PEEL 2023/25 – An Inspection of Essex Police

On 17 November 2023, HMICFRS published their PEEL inspection of Essex Police.

"""

AREA = """Investigating Crime – Requires Improvement (2 AFIs)

An AFI was given in respect of how the force records victim needs assessments.

Another AFI was given in respect of the supervision of investigation plans.

"""

TAIL = """Next Steps

The force will publish a plan.
"""

NEW = "essex-police/peel-2023-25/afi/investigating-crime-"
OLD = "essex-police/peel-2021-22/afi-"


def run(body: str) -> tuple[OversightGraph, Extraction]:
    doc = TextDocument.from_text(HEAD + body + TAIL, path="paper.txt")
    extraction = InspectionsAuditsExtractor().extract(doc)
    return build_graph([extraction], derive=False), extraction


def supersedes(graph: OversightGraph) -> list[tuple[str, str, str, list[int]]]:
    return [
        (e["source"], e["target"], e["basis"], e["evidenceLines"])
        for e in graph.edges(type="SUPERSEDES")
    ]


def warnings(extraction: Extraction) -> list[str]:
    return [w.message for w in extraction.warnings]


class TestIdentifiedNewAfi:
    def test_area_and_position_name_the_new_afi(self):
        graph, _ = run(AREA + "AFI 7 of PEEL 2021/22 (on the timeliness of investigations) is superseded by AFI 2 in Investigating Crime.\n\n")
        assert supersedes(graph) == [(NEW + "02", OLD + "07", "stated", [21])]

    def test_description_matching_one_afi_of_the_area_names_the_new_afi(self):
        graph, _ = run(AREA + "AFI 12 from PEEL 2021/22 has been superseded by the new AFI on victim needs assessments.\n\n")
        assert supersedes(graph) == [(NEW + "01", OLD + "12", "stated", [21])]

    def test_this_area_means_the_area_the_sentence_sits_in(self):
        graph, _ = run(AREA + "AFI 4 from PEEL 2021/22 is superseded by AFI 1 in this area.\n\n")
        assert supersedes(graph) == [(NEW + "01", OLD + "04", "stated", [21])]

    def test_the_quote_is_the_whole_sentence(self):
        sentence = "AFI 12 from PEEL 2021/22 has been superseded by the new AFI on victim needs assessments."
        graph, _ = run(AREA + sentence + "\n\n")
        assert [e["evidenceQuotes"] for e in graph.edges(type="SUPERSEDES")] == [[sentence]]

    def test_round_named_earlier_in_the_section_is_the_previous_round(self):
        body = (
            "Investigating Crime – Requires Improvement (2 AFIs)\n\n"
            "Work continues on the AFIs from PEEL 2021/22. An AFI was given in respect of how the force records victim needs assessments.\n\n"
            "Another AFI was given in respect of the supervision of investigation plans.\n\n"
            "The previous AFI 9 is superseded by AFI 1 in Investigating Crime.\n\n"
        )
        graph, _ = run(body)
        assert supersedes(graph) == [(NEW + "01", OLD + "09", "stated", [21])]

    def test_a_stated_supersession_is_not_counted_as_an_aggregate(self):
        graph, _ = run(AREA + "AFI 12 from PEEL 2021/22 has been superseded by the new AFI on victim needs assessments.\n\n")
        assert graph.keys("StatedCount") == []


class TestUnidentifiedNewAfi:
    def test_new_afi_neither_placed_nor_described_gives_the_old_afi_status_superseded(self):
        graph, _ = run(AREA + "AFI 3 from PEEL 2021/22 has been superseded by a new AFI.\n\n")
        assert (supersedes(graph), graph.node(OLD + "03/status/2024-01-12")["status"]) == ([], "superseded")

    def test_unidentified_new_afi_is_warned_with_the_quote(self):
        _, extraction = run(AREA + "AFI 3 from PEEL 2021/22 has been superseded by a new AFI.\n\n")
        assert warnings(extraction) == [
            "PEEL 2021/22 AFI 3 is stated superseded, but the new AFI cannot be identified "
            "(the sentence neither places nor describes the new AFI); recorded as status superseded: "
            "'AFI 3 from PEEL 2021/22 has been superseded by a new AFI.'"
        ]

    def test_description_matching_two_afis_identifies_neither(self):
        graph, extraction = run(AREA + "AFI 5 from PEEL 2021/22 has been superseded by the new AFI on the force.\n\n")
        assert (supersedes(graph), graph.into(OLD + "05/status/2024-01-12", "HAS_STATUS")) == ([], [OLD + "05"])

    def test_position_beyond_the_area_count_identifies_nothing(self):
        graph, extraction = run(AREA + "AFI 6 from PEEL 2021/22 is superseded by AFI 3 in Investigating Crime.\n\n")
        assert (supersedes(graph), warnings(extraction)[-1]) == (
            [],
            "PEEL 2021/22 AFI 6 is stated superseded, but the new AFI cannot be identified "
            "(Investigating Crime counts 2 AFIs, not 3); recorded as status superseded: "
            "'AFI 6 from PEEL 2021/22 is superseded by AFI 3 in Investigating Crime.'",
        )

    def test_no_earlier_round_named_records_nothing_and_warns(self):
        graph, extraction = run(AREA + "AFI 6 has been superseded by AFI 1 in Investigating Crime.\n\n")
        assert (supersedes(graph), graph.keys("StatusAssessment"), warnings(extraction)[-1]) == (
            [],
            [],
            "AFI 6 is stated superseded but no earlier PEEL round is named; not recorded",
        )


class TestOpening:
    def test_a_statement_in_the_opening_is_matched_against_every_area(self):
        body = (
            "AFI 8 from PEEL 2021/22 has been superseded by the new AFI on victim needs assessments.\n\n"
            + AREA
        )
        graph, _ = run(body)
        assert supersedes(graph) == [(NEW + "01", OLD + "08", "stated", [15])]
