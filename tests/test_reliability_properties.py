"""Property tests: no exception escapes any extractor, detection or text parser on any text;
ingest is idempotent; keys are stable.

The texts are not just random unicode, which every extractor rejects in its first
lines: they mix the phrases the extractors look for ("AFI 5", "Amber",
"Anticipated completion date – March 2023", tab-separated grade tables,
"# headings", "RESOLVED", numbered lines, minutes headings) with random unicode,
and they mutate the bundled example papers line by line (drop, repeat, swap,
cut, splice in noise), so the extractors' deep paths run on damaged input.

Set ``HYPOTHESIS_PROFILE=reliability-deep`` for a long hunt (2,000 examples a test).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oversight import api
from oversight.errors import UnrecognisedDocument
from oversight.graph.embedded_store import EmbeddedStore
from oversight.graph.keys import KEY_PATTERN, make_key, slugify
from oversight.loaders.models import Extraction, TextDocument
from oversight.loaders.registry import (
    DETECTION_THRESHOLD,
    detect,
    extractor_families,
    get_extractor,
)
from oversight.loaders.toolkit.textparse import (
    find_dates,
    parse_anticipated_completion,
    parse_date,
    parse_number,
    parse_quarter,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PAPERS = sorted((EXAMPLES / "papers").iterdir())

settings.register_profile(
    "reliability",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "reliability-deep",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(
    "reliability-deep" if os.environ.get("HYPOTHESIS_PROFILE") == "reliability-deep" else "reliability"
)

#: Lines in the shapes the four extractors read (PEEL reports, progress papers,
#: inspections-and-audits papers, agenda packs and minutes).
SEED_LINES = [
    "# PEEL 2021/22: An inspection of Kent Police",
    "PEEL 2023\u201325",
    "An inspection of Essex Police",
    "## Areas for improvement",
    "Area for improvement 3",
    "Areas for improvement",
    "Causes of concern",
    "Recommendations",
    "AFI 5",
    "AFI 12 from PEEL 2021/22 has been superseded by the new AFI on victim needs assessments.",
    "The previous AFI 7 (crime recording) is superseded by AFI 2 in Investigating Crime.",
    "Amber",
    "Green",
    "Red",
    "Amber\tAmber\tGreen",
    "RESOLVED",
    "RESOLVED: that the report be noted.",
    "RESOLVED \u2013 that the Panel notes the update.",
    "Anticipated completion date \u2013 March 2023",
    "Anticipated completion date: Q3 2023/24",
    "Anticipated completion date \u2013 Completed",
    "By 14 June 2024, chief constables should",
    "By 31 March 2025, the Home Office should review the guidance.",
    "Recommendation 3",
    "Cause of concern",
    "Outstanding\tGood\tAdequate\tRequires improvement\tInadequate",
    "\tPreventing\tManaging\tInvestigating\t",
    "\tcrime\toffenders\tcrime\t",
    "Overall, the force was graded as Good.",
    "Responding to the public\tRequires improvement",
    "1. The force should answer calls faster",
    "2. The force should record crime accurately\tGreen",
    "Action Taken\tOngoing Activity",
    "Call handlers recruited\tTraining continues",
    "- one AFI as green (complete); and",
    "- one AFI as amber (work in progress)",
    "Progress against the 19 AFIs is overseen by the FIDB chaired by the DCC.",
    "14 of the 19 AFIs were closed, 4 superseded and 1 carried forward.",
    "Four of the five remaining AFIs have been superseded.",
    "All AFIs from the 2017 inspection have now been closed.",
    "Subject: PEEL 2021/22 progress",
    "Date: 6 March 2023",
    "On 3 May 2022, HMICFRS published PEEL 2021/22 An inspection of Essex Police.",
    "\u00a9 HMICFRS 2022",
    "MINUTES of a meeting of the Kent and Medway Police and Crime Panel held on Tuesday, 27th June, 2023",
    "PRESENT: Mr P M Hill OBE (Chair), Cllr A Smith, Mrs B Jones",
    "Apologies were received from Cllr Brown.",
    "Item 4",
    "Page 17",
    "A1\tPEEL Inspection update",
    "4 Minutes of the previous meeting",
    "INSPECTIONS AND AUDITS",
    "Report of the Chief Constable",
    "Audit: Vetting \u2013 Reasonable assurance",
    "Sponsor: ACC Jones",
    "The audit made 3 recommendations, all accepted.",
    "HMICFRS and HMI Prisons (HMIP) visited the force in early 2022.",
    "The Future Improvement and Development Board (FIDB) meets monthly.",
    "| AFI | Status | RAG |",
    "|---|---|---|",
    "| 5 | In progress | Amber |",
    "**Investigating crime**",
    "<u>Managing offenders</u>",
    "",
    "   ",
]
TOKENS = [
    "AFI", "AFIs", "5", "19", "2021/22", "2023", "March", "Q3", "Amber", "Green", "Red", "RESOLVED",
    "\t", " ", "-", "\u2013", "\u2022", ".", ":", "(", ")", "#", "|", "**", "of", "the", "superseded",
    "closed", "carried forward", "FIDB", "DCC", "PCC", "HMICFRS", "Board", "Panel", "Committee",
    "\u2019", "\u00a0", "\u200b", "\u202e", "\ufeff", "\x00", "\x1b[31m", "\u2028", "\r",
]  # fmt: skip

_RANDOM_LINE = st.text(max_size=60).map(lambda s: s.replace("\n", " "))
_TOKEN_LINE = st.lists(st.sampled_from(TOKENS), max_size=12).map("".join)
_SEED_LINE = st.sampled_from(SEED_LINES)


@st.composite
def _decorated(draw: st.DrawFn) -> str:
    """A seed line, maybe numbered, made a heading, cut short, or with noise spliced in."""
    line = draw(_SEED_LINE)
    if draw(st.booleans()):
        line = line[: draw(st.integers(0, len(line)))]
    if draw(st.booleans()):
        at = draw(st.integers(0, len(line)))
        line = line[:at] + draw(st.one_of(_RANDOM_LINE, _TOKEN_LINE)) + line[at:]
    prefix = draw(st.sampled_from(["", "", "", "# ", "## ", "1. ", "12. ", "- ", "\t", "A2 "]))
    return prefix + line


LINE = st.one_of(_SEED_LINE, _SEED_LINE, _decorated(), _RANDOM_LINE, _TOKEN_LINE)
#: A short paper made of seed-like lines and noise.
PAPER_TEXT = st.lists(LINE, max_size=40).map("\n".join)


@st.composite
def mutated_paper(draw: st.DrawFn) -> str:
    """A bundled example paper with random lines dropped, repeated, swapped, cut or replaced."""
    lines = draw(st.sampled_from(PAPERS)).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 12))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "swap", "cut", "replace", "insert", "splice"]))
        if action == "drop":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        elif action == "replace":
            lines[at] = draw(LINE)
        elif action == "insert":
            lines.insert(at, draw(LINE))
        else:
            cut = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:cut] + draw(_TOKEN_LINE) + lines[at][cut:]
    return "\n".join(lines)


ANY_PAPER = st.one_of(PAPER_TEXT, mutated_paper())


def _check_extraction(extraction: Extraction, doc: TextDocument) -> None:
    """What every extraction promises: facts cite lines that exist in the document."""
    assert isinstance(extraction, Extraction)
    for fact in extraction.facts:
        assert fact.evidence.document == doc.key
        assert 1 <= fact.evidence.line <= max(len(doc.lines), 1)


@pytest.mark.parametrize("family", extractor_families())
@PROFILE
@given(text=ANY_PAPER)
def test_no_exception_escapes_an_extractor(family: str, text: str) -> None:
    doc = TextDocument.from_text(text, path="fuzz.txt")
    extractor = get_extractor(family)
    score = extractor.detect(doc)
    assert 0.0 <= score <= 1.0
    _check_extraction(extractor.extract(doc), doc)


@PROFILE
@given(text=ANY_PAPER)
def test_detection_names_a_family_or_refuses_cleanly(text: str) -> None:
    doc = TextDocument.from_text(text, path="fuzz.txt")
    try:
        detection = detect(doc)
    except UnrecognisedDocument as exc:
        assert str(exc).startswith("fuzz.txt: not recognised as any document family (best: ")
    else:
        assert detection.family in extractor_families()
        # Below the threshold, only the statement layer's generic reading is given, never a guessed family.
        assert detection.family == "generic" or detection.confidence >= DETECTION_THRESHOLD


@PROFILE
@given(text=st.one_of(LINE, st.lists(LINE, max_size=4).map(" ".join)))
def test_text_parsers_never_raise_on_seed_like_text(text: str) -> None:
    number = parse_number(text)
    date = parse_date(text)
    quarter = parse_quarter(text)
    completion, completed = parse_anticipated_completion(text)
    spans = find_dates(text)
    assert number is None or (isinstance(number, int) and number >= 0)
    assert date is None or re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", date)
    assert quarter is None or re.fullmatch(r"Q[1-4](-Q[1-4])?", quarter)
    assert (completion is None or isinstance(completion, str)) and isinstance(completed, bool)
    assert all(0 <= start < end <= len(text) for start, end, _ in spans)


# -- keys ---------------------------------------------------------------------------


@PROFILE
@given(st.lists(st.one_of(LINE, st.text(max_size=80)), min_size=1, max_size=4))
def test_make_key_is_a_well_formed_key_and_stable(parts: list[str]) -> None:
    key = make_key(*parts)
    assert (KEY_PATTERN.match(key) is not None, make_key(*parts), key.count("/")) == (
        True,
        key,
        sum(p.count("/") if KEY_PATTERN.match(p) else 0 for p in parts) + len(parts) - 1,
    )


@PROFILE
@given(st.text(max_size=200))
def test_a_slug_is_its_own_slug(text: str) -> None:
    slug = slugify(text)
    assert (slugify(slug), len(slug) <= 72) == (slug, True)


@PROFILE
@given(text=ANY_PAPER)
def test_the_same_text_gives_the_same_facts_and_keys(text: str) -> None:
    from oversight.graph.build import build_graph

    def run() -> tuple[list[str], list[str]]:
        extractions = []
        for family in extractor_families():
            doc = TextDocument.from_text(text, path="fuzz.txt")
            extractions.append(get_extractor(family).extract(doc))
        facts = [f.model_dump_json() for e in extractions for f in e.facts]
        try:
            keys = sorted(build_graph(extractions).g.nodes)
        except Exception as exc:  # the graph stage may refuse (a key collision): the same way twice
            keys = [f"{type(exc).__name__}: {exc}"]
        return facts, keys

    assert run() == run()


# -- ingest is idempotent --------------------------------------------------------------


@settings(PROFILE, max_examples=min(PROFILE.max_examples, 25))
@given(texts=st.lists(mutated_paper(), min_size=1, max_size=3))
def test_ingesting_the_same_files_twice_gives_identical_store_bytes(
    texts: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    base = tmp_path_factory.mktemp("idem")
    folder = base / "papers"
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"paper-{number}.txt").write_text(text, encoding="utf-8")
    store = base / "store"
    first_report = api.ingest([folder], store)
    first = EmbeddedStore(store).file.read_bytes() if EmbeddedStore(store).exists() else b""
    second_report = api.ingest([folder], store)
    second = EmbeddedStore(store).file.read_bytes() if EmbeddedStore(store).exists() else b""
    assert (second, [str(p) for p in second_report.problems]) == (first, [str(p) for p in first_report.problems])
    shutil.rmtree(base)
