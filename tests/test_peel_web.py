"""The peel-web family (loaders/families/peel_web): HMICFRS PEEL web pages of every round.

Small texts written for the tests: an older landing page and the newer
rounds' overall summary.
"""

from __future__ import annotations

from oversight.loaders.families.peel_web import PeelWebExtractor
from oversight.loaders.models import EdgeFact, NodeFact, TextDocument
from oversight.loaders.registry import detect

LANDING = (
    "Skip to content\n\nExampleshire 2015\n\nRead more about Exampleshire\n\n"
    "This is the second PEEL assessment of Exampleshire Police.\n\n"
    "The extent to which Exampleshire Police is effective at keeping people safe and reducing crime is good.\n\n"
    "in terms of its effectiveness, the force requires improvement in reducing crime and requires improvement in tackling litter.\n\n"
    "Jane Smith, Her Majesty\u2019s Inspector of Constabulary\n\n"
    "HMI's observations\n\n"
    "This year we have assessed leadership across the force. The assessment has led to a narrative rather than graded judgment.\n\n"
    "In 2014, we judged Exampleshire Police to be good at treating its workforce fairly.\n"
)
SUMMARY = (
    "Overall summary\n"
    "Our inspection assessed how good Exampleshire Police is in ten areas of policing. "
    "We make graded judgments in nine of these ten as follows:\n"
    "Exampleshire Police was awarded no outstanding grades.\n"
    "We made our initial judgments in May 2022 and our revisit judgments in May 2023.\n"
    "PEEL 2021/22\n"
)


def nodes(text: str, label: str) -> list[NodeFact]:
    facts = PeelWebExtractor().extract(TextDocument.from_text(text)).facts
    return [f for f in facts if isinstance(f, NodeFact) and f.ref.label == label]


def test_an_older_peel_page_is_detected_by_its_web_furniture() -> None:
    assert detect(TextDocument.from_text(LANDING)).family == "peel-web"


def test_the_newer_overall_summary_is_detected() -> None:
    assert detect(TextDocument.from_text(SUMMARY)).family == "peel-web"


def test_grades_as_sentences_each_listed_grade_and_a_narrative_judgement_are_read() -> None:
    grades = sorted((f.properties["text"], f.properties["grade"]) for f in nodes(LANDING, "Judgement"))
    assert grades == [
        ("Exampleshire Police is effective at keeping people safe and reducing crime", "good"),
        ("leadership", "ungraded"),
        ("reducing crime", "requires-improvement"),
        ("tackling litter", "requires-improvement"),
        ("treating its workforce fairly", "good"),
    ]


def test_an_earlier_judgement_carried_forward_keeps_its_year() -> None:
    [earlier] = [f for f in nodes(LANDING, "Judgement") if f.properties.get("lastInspected")]
    assert (earlier.properties["text"], earlier.properties["lastInspected"]) == ("treating its workforce fairly", "2014")


def test_the_hm_inspector_holds_the_national_post_by_its_label() -> None:
    facts = PeelWebExtractor().extract(TextDocument.from_text(LANDING)).facts
    assert [(f.source.name, f.target.name) for f in facts if isinstance(f, EdgeFact) and f.type == "HOLDS"] == [
        ("Jane Smith", "HM Inspector of Constabulary")
    ]


def test_the_summary_states_how_many_areas_were_graded_and_the_grades_awarded_none_of() -> None:
    counts = sorted((f.properties["count"], f.properties.get("ofTotal"), f.ref.parts[1]) for f in nodes(SUMMARY, "StatedCount"))
    assert counts == [(0, None, "outstanding grades"), (9, 10, "graded areas")]


def test_the_initial_judgments_date_the_inspection() -> None:
    assert [f.properties["judged"] for f in nodes(SUMMARY, "Inspection") if "judged" in f.properties] == ["2022-05"]


def test_the_2014_pages_list_gives_each_clause_its_own_grade() -> None:
    text = (
        "Skip to content\n\nGwent 2014\n\nRead more about Gwent\n\nThis is the first PEEL Assessment of Gwent Police.\n\n"
        "in terms of its effectiveness, the force is good at reducing crime, it requires improvement in the way it "
        "investigates offending and is good at tackling litter.\n"
    )
    grades = sorted((f.properties["text"], f.properties["grade"]) for f in nodes(text, "Judgement"))
    assert grades == [
        ("reducing crime", "good"),
        ("tackling litter", "good"),
        ("the way it investigates offending", "requires-improvement"),
    ]
