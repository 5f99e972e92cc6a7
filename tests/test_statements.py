"""The statement layer (loaders/statements): what any paper states, whatever its layout.

Unit tests read small texts written for them; the corpus tests read the real
papers in ../shared/corpus (skipped when absent, required under CI) and never
copy their text here.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from conftest import require
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oversight.errors import UnrecognisedDocument
from oversight.loaders.ingest import extract_file, extract_paths
from oversight.loaders.models import EdgeFact, NodeFact, TextDocument
from oversight.loaders.statements import has_oversight, read_statements

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def nodes(text: str, label: str) -> list[NodeFact]:
    facts = read_statements(TextDocument.from_text(text)).facts
    return [f for f in facts if isinstance(f, NodeFact) and f.ref.label == label]


def test_judgement_sentence_gives_the_pillar_grade() -> None:
    text = "Exampleshire 2016\n\nPEEL 2016\n\nthe extent to which the force is effective at keeping people safe and reducing crime is good.\n"
    [judgement] = nodes(text, "Judgement")
    assert (judgement.ref.parts, judgement.properties["grade"], judgement.evidence.method) == (
        ("effectiveness",),
        "good",
        "statement:judgement-sentence",
    )


def test_grade_word_on_its_own_line_after_a_question_is_a_judgement() -> None:
    text = "How legitimately does the force treat the public and its workforce?\n\nLast updated 20/01/2020\nRequires improvement\n"
    [judgement] = nodes(text, "Judgement")
    assert (judgement.properties["grade"], judgement.evidence.line) == ("requires-improvement", 4)


def test_each_bullet_after_a_lead_in_is_its_own_recommendation_worded_with_the_lead_in() -> None:
    text = "Recommendations\n\nThe force should immediately:\n\n  \u2022 audit its custody records;\n  \u2022 train its sergeants.\n"
    texts = [f.properties["text"] for f in nodes(text, "Recommendation")]
    assert texts == ["The force should immediately audit its custody records", "The force should immediately train its sergeants."]


def test_a_stated_deadline_date_is_kept_and_an_uncounted_one_only_as_words() -> None:
    text = (
        "Recommendations\n\nBy 31 March 2026, the force should review its call handling.\n"
        "Within six months, the force should publish its plan.\n"
    )
    found = [(f.properties.get("deadline"), f.properties["deadlineText"]) for f in nodes(text, "Recommendation")]
    assert found == [("2026-03-31", "By 31 March 2026"), (None, "Within six months")]


def test_monitoring_markup_is_a_dated_status_history() -> None:
    text = (
        "Exampleshire Police: Crime Data Integrity inspection 2017 (1234)\n\n"
        "The force should record every crime within 24 hours.\n\n"
        "[on]7th September 2017 [status]awaiting-review[/status][/on][on]8th April 2019 [status]complete[/status][/on]\n"
    )
    statuses = [(f.properties["date"], f.properties["status"]) for f in nodes(text, "StatusAssessment")]
    [rec] = nodes(text, "Recommendation")
    assert (rec.properties["number"], statuses) == (1234, [("2017-09-07", "awaiting-review"), ("2019-04-08", "completed")])


def test_a_count_of_findings_keeps_its_outcome() -> None:
    [count] = nodes("PEEL 2023/25\n\nWe have been able to close three recommendations.\n", "StatedCount")
    assert {k: count.properties[k] for k in ("count", "findingKind", "outcome")} == {
        "count": 3,
        "findingKind": "Recommendation",
        "outcome": "closed",
    }


def test_action_owners_are_resolved_through_the_attendee_initials() -> None:
    text = "RESOURCES BOARD\nMinutes\n3rd March 2024\nAttendees:\nAnn Smith (AS)\nBob Jones (BJ)\n1. Welcome\nAction \u2013 AS to circulate the plan.\n"
    facts = read_statements(TextDocument.from_text(text)).facts
    owners = [f.target.name for f in facts if isinstance(f, EdgeFact) and f.type == "OWNED_BY"]
    assert owners == ["Ann Smith"]


def test_a_force_is_never_guessed_when_two_compete() -> None:
    ctx = read_statements(TextDocument.from_text("Minutes\n\nThe Chief Constable of Kent met Essex officers.\n")).context
    assert ctx is not None and ctx.force is None


def test_a_recipe_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "recipe.txt"
    path.write_text("Lemon cake\n\nMix 200 g of flour with two eggs.\nBake for 40 minutes at 180 degrees.\n")
    with pytest.raises(UnrecognisedDocument, match="not recognised as any document family"):
        extract_file(path)


def test_a_novel_chapter_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "chapter.txt"
    path.write_text("Chapter One\n\nIt was a cold morning in March 2019. She walked to the harbour and waited.\n")
    with pytest.raises(UnrecognisedDocument, match="not recognised as any document family"):
        extract_file(path)


def test_a_forced_type_that_extracts_nothing_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "recipe.txt"
    path.write_text("Lemon cake\n\nMix flour with eggs.\n")
    with pytest.raises(UnrecognisedDocument, match="--type generic found nothing to extract"):
        extract_file(path, "generic")


def test_an_unrecognised_paper_with_findings_is_read_generically_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Causes of concern\n\nThe force needs to improve how it supervises investigations.\n")
    extraction = extract_file(path)
    assert (extraction.document.family, [w.message for w in extraction.warnings]) == (
        "generic",
        ["read generically: 1 finding"],
    )


def _corpus() -> list[Path]:
    require(CORPUS.is_dir() and any(CORPUS.glob("*.txt")), f"corpus papers not found at {CORPUS}")
    return sorted(CORPUS.glob("*.txt"))


def test_every_corpus_paper_is_ingested() -> None:
    files = _corpus()
    run = extract_paths(files)
    assert (len(run.extractions), [str(p) for p in run.problems]) == (len(files), [])


_DIGITS = re.compile(r"\d+")


def _claims(fact: NodeFact | EdgeFact) -> list[str]:
    """Numbers, date parts and force names a fact asserts."""
    out: list[str] = []
    refs = [fact.ref] if isinstance(fact, NodeFact) else [fact.source, fact.target]
    for ref in refs:
        while ref is not None:
            if ref.label == "Force" and ref.name:
                out.append(ref.name)
            ref = ref.within
    props = fact.properties
    for name in ("count", "ofTotal", "number"):
        if name in props:
            out.append(str(props[name]))
    for name in ("date", "deadline", "published", "fieldwork", "revisit", "lastUpdated"):
        if name in props:
            out += [str(int(p)) for p in _DIGITS.findall(str(props[name]))]
    return out


def _appears(claim: str, text: str) -> bool:
    folded = " ".join(re.split(r"[\s\-\u2010-\u2015'\u2019]+", text.lower()))
    name = " ".join(re.split(r"[\s\-\u2010-\u2015'\u2019]+", claim.lower()))
    if claim.isdigit():
        return re.search(rf"(?<!\d)0*{claim}(?!\d)", text) is not None or _number_word(int(claim), folded)
    return name in folded


_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]


def _number_word(n: int, folded: str) -> bool:
    words = ([_WORDS[n]] if n < len(_WORDS) else []) + ([_MONTHS[n - 1], _MONTHS[n - 1][:3]] if 1 <= n <= 12 else [])
    return any(re.search(rf"\b{w}", folded) for w in words)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generic_facts_never_invent_a_force_number_or_date(data: st.DataObject) -> None:
    files = _corpus()
    path = data.draw(st.sampled_from(files))
    lines = path.read_text(encoding="utf-8").splitlines()
    seed = data.draw(st.integers(0, 10_000))
    if data.draw(st.booleans()):
        random.Random(seed).shuffle(lines)
    cut = data.draw(st.integers(0, len(lines)))
    text = "\n".join(lines[:cut] if data.draw(st.booleans()) else lines[cut:])
    statements = read_statements(TextDocument.from_text(text))
    for fact in statements.facts:
        for claim in _claims(fact):
            assert _appears(claim, text), (claim, fact)
    # The quick check before a full reading never refuses what the full reading would ingest.
    assert has_oversight(TextDocument.from_text(text)) == statements.is_oversight


def test_a_letter_block_gives_the_recipient_in_post_without_the_place() -> None:
    text = "Letter information\nFrom\nJane Doe QPM\nHis Majesty's Inspector of Constabulary\nTo\nJohn Roe\nPolice and Crime Commissioner for Essex\nSent on\n2 May 2024\n"
    facts = read_statements(TextDocument.from_text(text)).facts
    holds = [(f.source.name, f.target.name) for f in facts if isinstance(f, EdgeFact) and f.type == "HOLDS"]
    assert holds == [("Jane Doe", "His Majesty's Inspector of Constabulary"), ("John Roe", "Police and Crime Commissioner")]


def test_a_sentence_naming_a_cause_of_concern_is_one() -> None:
    text = "Exampleshire PEEL 2018\n\nEffectiveness\n\nVictim care is weak and this is a cause of concern. Other work is good.\n"
    [coc] = nodes(text, "CauseOfConcern")
    assert (coc.ref.within.parts if coc.ref.within else None, coc.properties["text"]) == (
        ("PEEL 2018 effectiveness",),
        "Victim care is weak and this is a cause of concern.",
    )
