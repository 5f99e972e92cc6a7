"""The measuring stick for the real corpus: the annotations in tests/corpus/ and bench/corpus.py.

Every file of ../shared/corpus has an annotation that the schema accepts, whose
phrases are short and which copies no run of the paper's words; the scorer runs
on the corpus and the seeds, reports every family, counts a refused file as
recalling nothing, and recall stays above a floor. The tests that read the
corpus skip with a clear message when it is absent, and fail under CI.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import require

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
ANNOTATIONS = REPO / "tests" / "corpus"

#: Recall floors on the corpus, detected and forced, per family and overall: today's figures (every file
#: is refused on detection; forcing the nearest family recalls 5 of 274 facts). Issue 15's target is
#: recall >= 0.8 and precision >= 0.95 per family: raise these floors as the statement layer and the new
#: families land, never lower them.
RECALL_FLOOR = 0.0
FORCED_RECALL_FLOOR = 0.015
#: Precision floor per family where anything is extracted (issue 15's target: 0.95).
PRECISION_FLOOR = 0.0
#: With the statement layer (loaders/statements), every corpus file is read as detected. Floors a little
#: under the figures measured when it landed (recall 0.48 overall, 0.24 to 0.73 per family; precision
#: 0.85 overall, 0.52 to 1.0 per family): a fall below them is a regression.
DETECTED_RECALL_FLOOR = 0.2
DETECTED_OVERALL_RECALL_FLOOR = 0.45
DETECTED_PRECISION_FLOOR = 0.5
#: Families with a layout of their own (issue 15's target reached): floors of (recall, precision) as detected, a
#: little under the figures measured when they landed (HMICFRS letters 0.98 / 1.0, monitoring records 0.96 / 1.0,
#: PEEL web pages 0.97 / 1.0; audit committees 0.96 / 1.0, boards 0.98 / 1.0, committee minutes 1.0 / 1.0, progress
#: papers 0.96 / 1.0).
FAMILY_FLOORS = {
    "hmicfrs-letter": (0.9, 0.95),
    "monitoring-record": (0.9, 0.95),
    "peel-report": (0.9, 0.95),
    "audit-committee": (0.9, 0.95),
    "board-minutes": (0.9, 0.95),
    "committee-minutes": (0.95, 0.95),
    "progress-paper": (0.9, 0.95),
}
#: The seeds' annotated expectations are what the seed tests assert: all of them are recalled.
SEED_RECALL_FLOOR = 1.0


def _bench_corpus() -> Any:
    """bench/corpus.py, imported under a name of its own (tests/corpus/ is a folder of data, not it)."""
    if "bench_corpus" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_corpus"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_corpus"]


bench = _bench_corpus()
ANNOTATION_FILES = sorted(ANNOTATIONS.glob("*.yaml")) + sorted((ANNOTATIONS / "seeds").glob("*.yaml"))


@pytest.fixture(scope="module")
def corpus() -> Path:
    require(CORPUS.is_dir() and any(CORPUS.glob("*.txt")), f"real corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="module")
def report(corpus: Path) -> Any:
    return bench.score(corpus)


def _rows(report: Any, by: str) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in report.rows() if r["by"] == by}


# -- the annotations ---------------------------------------------------------------


@pytest.mark.parametrize("path", ANNOTATION_FILES, ids=lambda p: p.relative_to(ANNOTATIONS).as_posix())
def test_annotation_matches_the_schema(path: Path):
    annotation = bench.load_annotation(path)
    assert annotation.count() == sum(len(v) for v in annotation.truth().values())


def test_every_corpus_file_has_an_annotation_named_after_it(corpus: Path):
    annotated = {bench.load_annotation(p).file: p.stem for p in sorted(ANNOTATIONS.glob("*.yaml"))}
    assert (sorted(annotated), [stem for file, stem in annotated.items() if Path(file).stem != stem]) == (
        sorted(p.name for p in corpus.glob("*.txt")),
        [],
    )


def _fields(annotation: Any) -> list[tuple[str, str]]:
    """(where, text) of every text a fact holds, notes left out."""
    out = []
    for kind, facts in annotation.facts.model_dump().items():
        for fact in facts:
            for name, value in fact.items():
                if name == "note":
                    continue
                for text in bench._strings(value):
                    out.append((f"{kind}.{name}", text))
    return out


def test_no_annotated_phrase_is_longer_than_eight_words():
    long = [
        (path.name, where, text)
        for path in ANNOTATION_FILES
        for where, text in _fields(bench.load_annotation(path))
        if len(text.split()) > bench.MAX_PHRASE_WORDS
    ]
    assert long == []


def _runs(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_annotation_copies_more_than_eight_consecutive_words_of_its_paper(corpus: Path):
    n = bench.MAX_PHRASE_WORDS + 1
    copied = []
    for path in sorted(ANNOTATIONS.glob("*.yaml")):
        annotation = bench.load_annotation(path)
        paper = _runs(bench.words((corpus / annotation.file).read_text(encoding="utf-8")), n)
        copied += [(path.name, text) for text in annotation.strings() if _runs(bench.words(text), n) & paper]
    assert copied == []


def test_the_annotations_hold_at_least_the_facts_the_issue_counted():
    total = sum(bench.load_annotation(p).count() for p in ANNOTATIONS.glob("*.yaml"))
    assert total >= 153


# -- matching ----------------------------------------------------------------------


def test_a_phrase_matches_extracted_text_that_contains_it_whatever_the_punctuation():
    assert bench.phrase_in("doesn't adequately engage", "Cleveland Police doesn’t adequately engage with") is True


def test_dates_match_at_the_precision_annotated():
    assert [bench.date_matches("2019-05", "2019-05-20"), bench.date_matches("2019-05-20", "2019-05")] == [True, False]


def test_an_owner_given_as_initials_matches_the_resolved_names():
    assert bench.owner_matches("TS/SC", ["Tom Smith", "Sarah Crampton"]) is True


def test_an_owner_matches_only_when_every_part_does():
    assert bench.owner_matches("TS/SC", ["Tom Smith"]) is False


def test_hmic_and_hmicfrs_are_one_inspectorate():
    fact = bench.InspectionFact(inspectorate="HMIC", programme="PEEL", round="2015")
    cand = {"inspectorate": ["HMICFRS"], "kind": "peel", "text": "PEEL 2015", "round": "2015", "pillar": None,
            "forces": []}
    assert bench.matches("inspection", fact, cand) is True


def test_a_status_matches_the_papers_word_or_its_notation():
    fact = bench.StatusFact(finding="7319", status="in-progress", word="being-progressed", date="2017-12-28")
    cand = {"status": "being-progressed", "rag": None, "date": "2017-12-28", "due": None,
            "findings": [{"number": 7319, "text": ""}]}
    assert bench.matches("status", fact, cand) is True


def test_an_unknown_grade_is_refused_by_the_schema():
    with pytest.raises(ValueError, match="not in Grades"):
        bench.JudgementFact(area="effectiveness", grade="poor")


def test_a_phrase_is_a_finding_or_a_number_is():
    with pytest.raises(ValueError, match="a number or a phrase"):
        bench.FindingFact(kind="recommendation")


# -- the scorer --------------------------------------------------------------------


def test_a_refused_file_recalls_nothing_and_does_not_stop_the_run(tmp_path: Path):
    papers, notes = tmp_path / "papers", tmp_path / "annotations"
    papers.mkdir()
    notes.mkdir()
    (papers / "recipe.txt").write_text("Whisk two eggs with sugar.\nBake for twenty minutes.\n", encoding="utf-8")
    (notes / "recipe.yaml").write_text(
        "file: recipe.txt\nfamily: minutes\nfacts:\n  meeting:\n    - {body: Board, date: '2024-01-02'}\n",
        encoding="utf-8",
    )
    found = bench.score(papers, seeds=None, annotations=notes)
    detected = next(s for s in found.files if s.mode == "detected")
    assert (detected.refused is not None, detected.total.truth, detected.total.recalled) == (True, 1, 0)


def test_the_scorer_reports_every_family_annotated(report: Any):
    families = {bench.load_annotation(p).family for p in ANNOTATION_FILES}
    assert sorted(_rows(report, "family")) == sorted(families)


def test_the_scorer_reports_every_kind_of_fact(report: Any):
    assert list(_rows(report, "kind")) == list(bench.KINDS)


def test_recall_on_the_corpus_stays_above_the_floor_per_family(report: Any):
    low = [
        (name, row["recall"], row["forcedRecall"])
        for name, row in _rows(report, "family").items()
        if row["facts"] and (row["recall"] < RECALL_FLOOR or row["forcedRecall"] < RECALL_FLOOR)
    ]
    assert low == []


def test_detected_recall_and_precision_stay_above_the_statement_layers_floors(report: Any):
    low = [
        (name, row["recall"], row["precision"])
        for name, row in _rows(report, "family").items()
        if row["facts"] and row["files"]
        and (row["recall"] < DETECTED_RECALL_FLOOR or (row["precision"] or 0.0) < DETECTED_PRECISION_FLOOR)
    ]
    assert (low, report.total("detected").recall >= DETECTED_OVERALL_RECALL_FLOOR) == ([], True)


def test_families_with_a_layout_stay_above_their_floors(report: Any):
    rows = _rows(report, "family")
    low = [
        (name, rows[name]["recall"], rows[name]["precision"])
        for name, (recall, precision) in FAMILY_FLOORS.items()
        if rows[name]["recall"] < recall or (rows[name]["precision"] or 0.0) < precision
    ]
    assert low == []


def test_forced_recall_on_the_whole_corpus_stays_above_the_floor(report: Any):
    assert report.total("forced").recall >= FORCED_RECALL_FLOOR


def test_precision_stays_above_the_floor_per_family(report: Any):
    low = [
        (name, row["precision"], row["forcedPrecision"])
        for name, row in _rows(report, "family").items()
        if any(p is not None and p < PRECISION_FLOOR for p in (row["precision"], row["forcedPrecision"]))
    ]
    assert low == []


def test_the_seeds_figures_stand_beside_the_corpus(report: Any):
    seeds = report.total("seeds")
    require(seeds.truth > 0, "seed papers not found")
    assert seeds.recall >= SEED_RECALL_FLOOR


def test_the_bench_section_has_the_scorers_columns():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import run  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(REPO / "bench"))
    section = next(s for s in run.EXTRA_SECTIONS if s[0] == "corpus-facts")
    assert section[2] == bench.COLUMNS


def test_the_scorers_examples_hold():
    import doctest

    result = doctest.testmod(bench)
    assert (result.failed, result.attempted > 0) == (0, True)


def test_the_copy_check_finds_a_copied_run_of_nine_words(corpus: Path):
    words = bench.words((corpus / "hmic-peel-2015-lancashire.txt").read_text(encoding="utf-8"))
    copied = " ".join(words[20:29])
    assert bool(_runs(bench.words(copied), 9) & _runs(words, 9)) is True


def test_every_annotated_fact_compares_with_the_seeds_extracted_facts_without_error(seeds: Path):
    from oversight.loaders.ingest import extract_paths

    found: dict[str, list[Any]] = {kind: [] for kind in bench.KINDS}
    for extraction in extract_paths([seeds]).extractions:
        for kind, rows in bench.candidates(extraction).items():
            found[kind] += rows
    truth: dict[str, list[Any]] = {kind: [] for kind in bench.KINDS}
    for path in sorted(ANNOTATIONS.glob("*.yaml")):
        for kind, facts in bench.load_annotation(path).truth().items():
            truth[kind] += facts
    for kind in bench.KINDS:
        bench.match_pairs(kind, truth[kind], found[kind])  # raises on a field a matcher cannot read
    # the kinds the seeds give no extracted fact of, so this leaves them unexercised
    assert [kind for kind in bench.KINDS if not found[kind]] == ["person"]
