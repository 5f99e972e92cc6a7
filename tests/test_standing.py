"""Each finding's standing: one derivation (graph/standing.py), written on the node, read everywhere."""

from __future__ import annotations

import pytest

from graphs import RoundsBuilder
from oversight.graph.standing import (
    STANDING_PROPS,
    derive_standings,
    overdue_on,
    period_end,
    settled_by,
)
from oversight.graph.status import OUTCOMES
from oversight.ontology import ontology

OLD = "kent-police/peel-2021-22"
NEW = "kent-police/peel-2023-25"


def _two_findings() -> tuple[RoundsBuilder, str, str]:
    b = RoundsBuilder()
    one = b.finding(OLD, "afi-01", "Improve call handling.", area="responding-to-the-public")
    two = b.finding(OLD, "afi-02", "Improve investigation plans.", area="investigating-crime")
    return b, one, two


class TestOutcomeVocabulary:
    def test_outcomes_come_from_the_ontology_in_rank_order(self) -> None:
        assert OUTCOMES == ("closed", "discharged", "superseded", "carried-forward", "signed-off", "open", "unknown")

    def test_every_standing_property_is_declared_in_the_ontology(self) -> None:
        onto = ontology()
        assert [p for p in STANDING_PROPS if p not in onto.properties] == []


class TestRecorded:
    def test_a_settling_latest_status_is_recorded_with_its_line(self) -> None:
        b, one, _ = _two_findings()
        b.status(one, "2023-04-18", "in-progress")
        b.status(one, "2024-01-31", "closed")
        node = b.derived().node(one)
        assert (node["outcome"], node["outcomeBasis"], node["outcomeDate"], node["mayBeOpen"]) == (
            "closed", "recorded", "2024-01-31", False,
        )
        assert node["outcomeFrom"] == [f"{one}/status/2024-01-31"]
        assert node["outcomeDocument"] == RoundsBuilder.DOC

    def test_an_open_latest_status_leaves_it_open(self) -> None:
        b, one, _ = _two_findings()
        b.status(one, "2023-04-18", "in-progress", rag="amber")
        node = b.derived().node(one)
        assert (node["outcome"], node["outcomeBasis"], node["latestStatus"], node["latestRag"], node["mayBeOpen"]) == (
            "open", "recorded", "in-progress", "amber", True,
        )

    def test_a_stated_supersession_decides_and_an_inferred_one_never_does(self) -> None:
        b, one, two = _two_findings()
        later = b.finding(NEW, "afi-01", "Improve call handling further.", area="responding-to-the-public")
        b.supersedes(later, one, "stated")
        b.supersedes(later, two, "inferred", confidence=0.9, reason="similar")
        g = b.derived()
        assert (g.node(one)["outcome"], g.node(one)["outcomeBasis"]) == ("superseded", "recorded")
        assert g.node(one)["outcomeDate"] == "2023-11-17"
        assert g.node(two)["outcome"] == "unknown"

    def test_an_audit_action_signed_off_is_signed_off_on_its_date(self) -> None:
        b = RoundsBuilder()
        b.g.add_node("kent-police/audit/a", "Audit", {"title": "A"}, b.ev())
        b.g.add_node("kent-police/audit/a/rec-01", "AuditRecommendation", {"deadline": "2023-10-31", "signedOff": "2023-10-18"}, b.ev())
        b.g.add_edge("kent-police/audit/a/rec-01", "RAISED_IN", "kent-police/audit/a", {}, b.ev())
        node = b.derived().node("kent-police/audit/a/rec-01")
        assert (node["outcome"], node["outcomeDate"], node["due"], node["dueSource"]) == (
            "signed-off", "2023-10-18", "2023-10-31", "deadline",
        )


class TestDeducedAndInferred:
    def test_counts_that_leave_one_outcome_deduce_it(self) -> None:
        b, one, two = _two_findings()
        b.status(one, "2023-04-18", "in-progress")
        b.stated_count(OLD, "closed", 2, of_total=2)
        g = b.derived()
        assert [(g.node(k)["outcome"], g.node(k)["outcomeBasis"]) for k in (one, two)] == [
            ("closed", "deduced"), ("closed", "deduced"),
        ]
        assert g.node(one)["outcomeFrom"] == [f"{OLD}/count/closed"]

    def test_counts_that_rule_out_open_leave_unknown_but_not_open(self) -> None:
        b, one, two = _two_findings()
        b.status(one, "2023-04-18", "in-progress")
        b.stated_count(OLD, "closed", 1, of_total=2)
        b.stated_count(OLD, "superseded", 1)
        node = b.derived().node(one)
        assert (node["outcome"], node["outcomeBasis"], node["outcomePossible"], node["mayBeOpen"]) == (
            "unknown", "unknown", ["closed", "superseded"], False,
        )

    def test_a_wording_match_is_inferred_not_deduced(self) -> None:
        b, one, two = _two_findings()
        b.stated_count(OLD, "closed", 1, of_total=2)
        b.stated_count(OLD, "carried-forward", 1, quote="The remaining AFI on investigation plans is carried forward.")
        g = b.derived()
        assert (g.node(two)["outcome"], g.node(two)["outcomeBasis"]) == ("carried-forward", "inferred")
        assert (g.node(one)["outcome"], g.node(one)["outcomeBasis"]) == ("closed", "inferred")

    def test_no_record_and_no_count_is_unknown_and_may_be_open(self) -> None:
        b, one, _ = _two_findings()
        node = b.derived().node(one)
        assert (node["outcome"], node["outcomeBasis"], node["mayBeOpen"]) == ("unknown", "unknown", True)
        assert node["outcomePossible"] == ["carried-forward", "closed", "discharged", "open", "superseded"]


class TestDerivedAgain:
    def test_deriving_twice_gives_the_same_properties(self) -> None:
        b, one, _ = _two_findings()
        b.status(one, "2023-04-18", "in-progress")
        g = b.derived()
        first = dict(g.node(one))
        derive_standings(g)
        assert g.node(one) == first

    def test_a_property_no_longer_derived_is_cleared(self) -> None:
        b, one, _ = _two_findings()
        b.status(one, "2023-04-18", "in-progress")
        g = b.derived()
        g.remove_edge(one, "HAS_STATUS", f"{one}/status/2023-04-18")
        derive_standings(g)
        assert "latestStatus" not in g.node(one)


class TestAsOf:
    def test_period_end_of_a_month(self) -> None:
        assert period_end("2024-01") == "2024-01-31"

    def test_settled_before_the_day_is_settled(self) -> None:
        assert settled_by({"mayBeOpen": False, "outcomeBy": "2023-10-18"}, "2023-10-18") is True

    def test_settled_after_the_day_was_still_open_then(self) -> None:
        assert settled_by({"mayBeOpen": False, "outcomeBy": "2023-10-19"}, "2023-10-18") is False

    def test_a_settled_outcome_no_paper_dates_is_settled_on_any_day(self) -> None:
        assert settled_by({"mayBeOpen": False}, "2000-01-01") is True

    def test_open_and_past_due_is_overdue(self) -> None:
        assert overdue_on({"mayBeOpen": True, "deadline": "2023-03"}, [], "2023-04-01") == {
            "assessment": None, "status": None, "assessed": None, "due": "2023-03", "dueSource": "deadline",
        }

    def test_due_on_the_day_is_not_yet_overdue(self) -> None:
        assert overdue_on({"mayBeOpen": True, "deadline": "2023-04-01"}, [], "2023-04-01") is None

    def test_signed_off_before_its_deadline_is_never_overdue(self) -> None:
        assert overdue_on({"mayBeOpen": False, "outcomeBy": "2023-10-18", "deadline": "2023-10-31"}, [], "2024-01-31") is None

    def test_closed_after_the_day_was_overdue_on_it(self) -> None:
        finding = {"mayBeOpen": False, "outcomeBy": "2024-03-31", "deadline": "2023-10-31"}
        assert overdue_on(finding, [], "2024-01-31")["due"] == "2023-10-31"  # type: ignore[index]

    def test_the_due_date_is_the_one_known_on_the_day(self) -> None:
        history = [
            {"key": "s1", "date": "2023-01-10", "status": "open", "anticipatedCompletion": "2023-06"},
            {"key": "s2", "date": "2023-08", "status": "in-progress", "anticipatedCompletion": "2023-12-15"},
        ]
        assert overdue_on({"mayBeOpen": True}, history, "2023-08-20")["due"] == "2023-06"  # type: ignore[index]

    def test_no_due_date_is_never_overdue(self) -> None:
        assert overdue_on({"mayBeOpen": True}, [], "2024-01-31") is None


@pytest.mark.parametrize("prop", ["outcome", "outcomeBasis", "mayBeOpen", "outcomePossible"])
def test_every_finding_of_a_built_graph_has_a_standing(prop: str, seed_graph) -> None:  # type: ignore[no-untyped-def]
    assert [n["key"] for n in seed_graph.nodes("Finding") if prop not in n] == []


# -- "as of" questions: the Cypher twin and the Python rule agree on a national corpus --------------


@pytest.fixture(scope="module")
def national_graph(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The 43-force synthetic corpus (four PEEL rounds), ingested."""
    from oversight import api
    from oversight.synth import generate

    out = tmp_path_factory.mktemp("synth43")
    generate(out / "corpus", forces=43, rounds=4, seed=1)
    api.ingest([out / "corpus" / "corpus"], out / "store")
    return api.load(out / "store")


@pytest.mark.neo4j
@pytest.mark.slow
def test_overdue_cypher_and_python_agree_on_every_finding_of_43_forces(neo4j_store, national_graph) -> None:  # type: ignore[no-untyped-def]
    from oversight.queries.runner import run_question

    neo4j_store.load(national_graph, wipe=True)
    agree = {}
    for day in ("2019-12-31", "2022-06-30", "2024-01-31", "2026-12-31"):
        embedded = run_question("overdue-findings", {"asOf": day}, graph=national_graph).rows
        server = run_question("overdue-findings", {"asOf": day}, store=neo4j_store).rows
        agree[day] = (len(embedded), embedded == server)
    assert all(same for _, same in agree.values()) and agree["2026-12-31"][0] > 0, agree
