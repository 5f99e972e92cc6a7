"""The hmicfrs-letter family (loaders/families/hmicfrs_letter): HMICFRS letters and their publications.

Small texts written for the tests: a letter's From / To / Cc block, a
return to Scan, a revisit letter's inspection and causes of concern.
"""

from __future__ import annotations

from oversight.loaders.families.hmicfrs_letter import HmicfrsLetterExtractor
from oversight.loaders.models import EdgeFact, NodeFact, TextDocument
from oversight.loaders.registry import detect

LETTER = (
    "Gwent Police: return to default phase of monitoring\n\n"
    "Letter information\n\n"
    "From\nHMI Jane Smith KPM\nHis Majesty\u2019s Inspector of Constabulary\n\n"
    "To\nCommissioner Sir John Brown\nGwent Police\n\n"
    "Cc\nAnne Green\nPolice and Crime Commissioner\n\n"
    "Sent on\n3 March 2025\n\n"
    "Thank you for the discussion at the Policing Performance Oversight Group on Tuesday 25 February.\n\n"
    "His Majesty\u2019s Chief Inspector of Constabulary and Fire & Rescue Services, Sir Paul White, has decided to "
    "return Gwent Police to our default phase of monitoring, which is known as Scan.\n\n"
    "On 4 May 2023, we moved Gwent Police into our enhanced monitoring process, Engage.\n\n"
    "Over the next months, HMI Black will keep the force's performance under review.\n"
)
REVISIT = (
    "Gwent Police cause of concern revisit \u2013 Call handling\n"
    "During our PEEL inspection of Gwent, between 2 and 13 March 2020, we identified two causes of concern. "
    "One of them was about answering calls.\n"
    "This was that Gwent Police doesn\u2019t answer emergency calls quickly enough. The public wait.\n"
    "We reviewed progress against this cause of concern between 1 and 12 June 2022.\n"
)


def facts(text: str) -> list[NodeFact | EdgeFact]:
    return list(HmicfrsLetterExtractor().extract(TextDocument.from_text(text)).facts)


def edges(text: str, type: str) -> list[tuple[str | None, str | None]]:
    return sorted((f.source.name, f.target.name) for f in facts(text) if isinstance(f, EdgeFact) and f.type == type)


def nodes(text: str, label: str) -> list[NodeFact]:
    return [f for f in facts(text) if isinstance(f, NodeFact) and f.ref.label == label]


def test_a_letter_is_detected_by_its_from_to_and_sent_on_block() -> None:
    assert detect(TextDocument.from_text(LETTER)).family == "hmicfrs-letter"


def test_a_revisit_publication_is_detected_by_its_title_and_causes_of_concern() -> None:
    assert HmicfrsLetterExtractor().detect(TextDocument.from_text(REVISIT)) == 0.75


def test_the_people_of_the_letter_hold_their_posts_national_posts_by_the_gazetteers_label() -> None:
    assert edges(LETTER, "HOLDS") == [
        ("Anne Green", "Police and Crime Commissioner"),
        ("Black", "HMI"),
        ("Jane Smith", "HM Inspector of Constabulary"),
        ("John Brown", "Commissioner"),
        ("Paul White", "HM Chief Inspector of Constabulary"),
    ]


def test_moving_into_engage_and_returning_to_scan_are_monitoring_decisions_of_the_force() -> None:
    decisions = sorted((str(f.properties.get("date")), f.properties["phase"]) for f in nodes(LETTER, "MonitoringDecision"))
    assert (decisions, edges(LETTER, "MONITORING_OF"), edges(LETTER, "DECIDED_BY")) == (
        [("2023-05-04", "engage"), ("None", "scan")],
        [(None, "Gwent Police"), (None, "Gwent Police")],
        [(None, "Paul White")],
    )


def test_a_meeting_named_without_its_year_takes_the_letters_and_says_it_is_deduced() -> None:
    [meeting] = nodes(LETTER, "Meeting")
    assert (meeting.properties["date"], meeting.properties["deduced"]) == ("2025-02-25", ["date"])


def test_a_peel_inspection_named_without_a_round_carries_the_fieldwork_and_revisit_dates() -> None:
    dates = sorted((k, v) for f in nodes(REVISIT, "Inspection") for k, v in f.properties.items() if k in ("fieldwork", "revisit"))
    assert dates == [("fieldwork", "2020-03-02/2020-03-13"), ("revisit", "2022-06-01/2022-06-12")]


def test_a_cause_of_concern_restated_after_this_was_that_is_a_finding() -> None:
    [cause] = nodes(REVISIT, "CauseOfConcern")
    assert cause.properties["text"] == "Gwent Police doesn\u2019t answer emergency calls quickly enough."
