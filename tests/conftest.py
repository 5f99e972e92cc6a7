"""Shared fixtures: the seed papers, a fresh store directory, the built seed graph."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from oversight.graph.bolt_server import free_ports

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
EXAMPLES = REPO / "examples"
IN_CI = bool(os.environ.get("CI"))


def require(condition: bool, reason: str) -> None:
    """Skip with ``reason`` when ``condition`` fails, except under CI, where it is a failure."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The folder of real seed papers (../shared/seeds)."""
    require(SEEDS.is_dir() and any(SEEDS.glob("*.txt")), f"seed papers not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def seed_paths(seeds: Path) -> dict[str, Path]:
    """Seed files by their number prefix: {"000": Path, ...}."""
    return {p.name[:3]: p for p in sorted(seeds.glob("*.txt"))}


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """A store directory that does not exist yet."""
    return tmp_path / "store"


# -- Neo4j: a Bolt server for the tests, and generated graphs ------------------------
#
# The Neo4j tests run against the local Bolt server that .ci/run starts (a real Neo4j
# 5.26; its directory in OVERSIGHT_TEST_SERVER_DIR); without one, a session fixture
# starts its own in a temporary directory, with the engine the machine offers
# (`default_engine`: Neo4j where Java 17+ and Maven are present, else ArcadeDB from the
# [server] extra). Neither: skipped with the reason, except under CI, where that is a
# failure.
#
# The parity subset (tests marked `arcadedb`) runs once more on ArcadeDB, so the
# pip-only path stays honest: .ci/run starts one in OVERSIGHT_TEST_ARCADEDB_DIR;
# without it, the main server when that is ArcadeDB, else one started here.

SERVER_DIR_ENV = "OVERSIGHT_TEST_SERVER_DIR"
ARCADEDB_DIR_ENV = "OVERSIGHT_TEST_ARCADEDB_DIR"


def _given_server(env: str) -> Any:
    """The running server named by ``env``, or ``None`` when ``env`` is unset."""
    from oversight.graph import bolt_server

    given = os.environ.get(env)
    if not given:
        return None
    info = bolt_server.status(Path(given))
    require(info is not None, f"{env}={given}: no local Bolt server runs there")
    return info


def _own_server(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Iterator[Any]:
    """Start a server of ``engine`` in a temporary store's server/; stop it afterwards."""
    from oversight.errors import ServerError
    from oversight.graph import bolt_server

    server_dir = tmp_path_factory.mktemp(f"bolt-store-{engine}") / "server"  # as `oversight server start` makes it
    bolt_port, http_port = free_ports(2)
    try:
        info = bolt_server.start(server_dir, engine=engine, bolt_port=bolt_port, http_port=http_port)
    except ServerError as exc:
        require(False, f"the local Bolt server ({engine}) did not start: {exc}")
    yield info
    bolt_server.stop(server_dir)


@pytest.fixture(scope="session")
def bolt_server_info(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The running local Bolt server (ServerInfo) the Neo4j tests use."""
    from oversight.errors import ServerError
    from oversight.graph import bolt_server
    from oversight.graph.neo4j_server import missing_prerequisite

    info = _given_server(SERVER_DIR_ENV)
    if info is not None:
        yield info
        return
    engine = bolt_server.default_engine()
    if engine == "arcadedb":
        try:
            bolt_server.find_runtime()
        except ServerError as exc:
            require(False, f"no Bolt server for the Neo4j tests: {missing_prerequisite()}; and for ArcadeDB, {exc}")
    yield from _own_server(tmp_path_factory, engine)


@pytest.fixture(scope="session")
def arcadedb_server_info(tmp_path_factory: pytest.TempPathFactory, bolt_server_info):  # type: ignore[no-untyped-def]
    """An ArcadeDB server (ServerInfo) for the parity subset."""
    from oversight.errors import ServerError
    from oversight.graph import bolt_server

    info = _given_server(ARCADEDB_DIR_ENV)
    if info is not None:
        yield info
        return
    if bolt_server_info.engine == "arcadedb":
        yield bolt_server_info
        return
    try:
        bolt_server.find_runtime()
    except ServerError as exc:
        require(False, f"no ArcadeDB server for the parity subset: {exc}")
    yield from _own_server(tmp_path_factory, "arcadedb")


def _target(info):  # type: ignore[no-untyped-def]
    from oversight.graph.neo4j_store import Neo4jTarget

    return Neo4jTarget(uri=info.uri, username=info.username, password=info.password, database=info.database)


@pytest.fixture(scope="session")
def neo4j_target(bolt_server_info):  # type: ignore[no-untyped-def]
    """A Neo4jTarget for the test server's database."""
    return _target(bolt_server_info)


@pytest.fixture(scope="session")
def arcadedb_target(arcadedb_server_info):  # type: ignore[no-untyped-def]
    """A Neo4jTarget for the ArcadeDB parity server's database."""
    return _target(arcadedb_server_info)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``arcadedb`` that use ``neo4j_store`` run on both servers."""
    if "neo4j_store" in metafunc.fixturenames and metafunc.definition.get_closest_marker("arcadedb"):
        metafunc.parametrize("bolt_engine", ["server", "arcadedb"], indirect=True)


@pytest.fixture()
def bolt_engine(request: pytest.FixtureRequest) -> str:
    """Which server ``neo4j_store`` opens: ``server`` (the main one) or ``arcadedb``."""
    return str(getattr(request, "param", "server"))


@pytest.fixture()
def neo4j_store(request: pytest.FixtureRequest, bolt_engine: str):  # type: ignore[no-untyped-def]
    """An open Neo4jStore on an emptied test database (every node removed, ours or not)."""
    from oversight.graph.neo4j_store import Neo4jStore

    target = request.getfixturevalue("arcadedb_target" if bolt_engine == "arcadedb" else "neo4j_target")
    with Neo4jStore.open(target) as store:
        store.write("MATCH (n) DETACH DELETE n")
        yield store


@pytest.fixture(scope="session")
def seed_graph(seeds: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The graph built from ../shared/seeds through oversight.api.ingest."""
    from oversight import api

    store = tmp_path_factory.mktemp("seed-store")
    api.ingest(sorted(seeds.glob("*.txt")), store)
    return api.load(store)


INJECTION = "Report'}) MATCH (n) DETACH DELETE n // CREATE (:Pwned) $rows \" ` ;"


def generated_graph(seed: int, forces: int = 2):  # type: ignore[no-untyped-def]
    """A random but valid oversight graph, the same for the same ``seed``.

    It holds every label and relationship type the query catalogue reads:
    PEEL rounds with judgements (four- and five-tier scales, ungraded, missing
    dates), AFIs with owners, boards, areas and status histories (day, month and
    year precision, with and without status or anticipated completion),
    supersession chains on all three bases (and sometimes a cycle), findings
    carried forward into plans, thematic inspections with recommendations and
    deadlines, audits with sponsors, assurance and recommendations, boards with
    chairs, reporting and accountability up to the PCC and the Panel, unresolved
    names, and evidence on nodes and relationships from documents, one titled
    with Cypher text; and, as a built graph has, each finding's derived standing.
    """
    import random

    from oversight.graph.model import OversightGraph
    from oversight.loaders.models import Evidence

    rng = random.Random(seed)
    g = OversightGraph()
    docs = []
    for d in range(3):
        key = f"document/{seed:04x}{d:04x}"
        title = INJECTION if d == 0 else f"Paper {d} of run {seed}"
        g.add_node(key, "Document", {"title": title, "sha256": f"{seed:032x}{d:032x}", "lineCount": 500})
        docs.append(key)

    def ev():  # type: ignore[no-untyped-def]
        return Evidence(document=rng.choice(docs), line=rng.randint(1, 500), quote=rng.choice(["as stated", "CREATE (n) it's", "line text"]))

    def maybe(p: float) -> bool:
        return rng.random() < p

    def date(year: int) -> str:
        precision = rng.choice(["day", "day", "month", "year"])
        month = rng.randint(1, 12)
        if precision == "year":
            return f"{year}"
        if precision == "month":
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"

    statuses = g.onto.vocabulary("FindingStatuses").notations
    grades = g.onto.vocabulary("Grades").notations
    g.add_node("hmicfrs", "Inspectorate", {"name": "HMICFRS"}, ev())
    g.add_node("hmcpsi", "Inspectorate", {"name": "HMCPSI"})
    g.add_node("home-office", "Organisation", {"name": "Home Office"})
    areas = [f"area/area-{n}" for n in range(4)]
    for n, area in enumerate(areas):
        g.add_node(area, "AssessmentArea", {"name": f"Area {n}"})
    thematic = f"hmicfrs/thematic-{seed}"
    g.add_node(thematic, "Inspection", {"kind": "thematic", "title": f"Thematic {seed}", "published": "2023-05-02", "recommendationCount": 5, "chiefConstableRecommendationCount": 3}, ev())
    g.add_edge(thematic, "CONDUCTED_BY", "hmicfrs", evidence=ev())
    if maybe(0.7):
        g.add_edge(thematic, "CONDUCTED_BY", "hmcpsi")
    for r in range(1, rng.randint(3, 6)):
        rec = f"{thematic}/rec-{r:02d}"
        props: dict = {"number": r, "text": f"Recommendation {r}"}
        if maybe(0.8):
            props["deadline"] = date(rng.choice([2023, 2024, 2025]))
        if maybe(0.8):
            props["forChiefConstables"] = maybe(0.6)
            props["addressee"] = "chief constables" if props["forChiefConstables"] else "the Home Office"
        g.add_node(rec, "Recommendation", props, ev())
        g.add_edge(thematic, "ISSUED", rec, evidence=ev())
        g.add_edge(rec, "ADDRESSED_TO", "home-office")

    for fi in range(forces):
        force = f"force-{fi}-police"
        g.add_node(force, "Force", {"name": f"Force {fi} Police"}, ev())
        posts = {}
        for slug, name in (
            ("chief-constable", "Chief Constable"),
            ("deputy-chief-constable", "Deputy Chief Constable"),
            ("assistant-chief-constable", "Assistant Chief Constable"),
            ("police-and-crime-commissioner", "Police and Crime Commissioner"),
        ):
            posts[slug] = f"{force}/post/{slug}"
            g.add_node(posts[slug], "Post", {"name": name})
        boards = {}
        for slug, name in (
            ("future-improvement-and-development-board", "FIDB"),
            ("chief-officer-management-board", "COMB"),
            ("performance-and-delivery-board", "PDB"),
            ("police-and-crime-panel", "Police and Crime Panel"),
        ):
            boards[slug] = f"{force}/board/{slug}"
            g.add_node(boards[slug], "Board", {"name": name}, ev() if maybe(0.5) else None)
        odd = f"{force}/board/odd-working-group-{seed}"
        g.add_node(odd, "Board", {"name": "Odd Working Group", "unresolved": True, "surfaceNames": ["the OWG", "Odd WG"]}, ev())
        if maybe(0.5):
            g.add_node(f"{force}/post/head-of-things", "Post", {"name": "Head of Things", "unresolved": True, "surfaceNames": ["HoT"]}, ev())
        persons = []
        for p in range(3):
            person = f"{force}/person/person-{p}"
            g.add_node(person, "Person", {"name": f"Person {p}"})
            persons.append(person)
            g.add_edge(person, "HOLDS", rng.choice(list(posts.values())))
        # who chairs, reports and answers to whom
        for board in [*boards.values(), odd]:
            for chair in rng.sample([*posts.values(), persons[0]], rng.randint(0, 2)):
                g.add_edge(board, "CHAIRED_BY", chair, evidence=ev() if maybe(0.5) else None)
        g.add_edge(boards["future-improvement-and-development-board"], "REPORTS_TO", boards["chief-officer-management-board"])
        if maybe(0.7):
            g.add_edge(boards["chief-officer-management-board"], "REPORTS_TO", boards["performance-and-delivery-board"])
        g.add_edge(boards["performance-and-delivery-board"], "CHAIRED_BY", posts["police-and-crime-commissioner"])
        g.add_edge(posts["assistant-chief-constable"], "ACCOUNTABLE_TO", posts["deputy-chief-constable"])
        g.add_edge(posts["deputy-chief-constable"], "ACCOUNTABLE_TO", posts["chief-constable"])
        if maybe(0.8):
            g.add_edge(posts["chief-constable"], "ACCOUNTABLE_TO", posts["police-and-crime-commissioner"], evidence=ev())
        g.add_edge(posts["police-and-crime-commissioner"], "SCRUTINISED_BY", boards["police-and-crime-panel"])
        plan = f"{force}/plan/peel-improvement-plan"
        g.add_node(plan, "ImprovementPlan", {"title": "PEEL improvement plan"})
        g.add_edge(plan, "OVERSEEN_BY", boards["future-improvement-and-development-board"])
        owners = [*posts.values(), *persons]

        earlier: list[str] = []
        for year, rnd, scale in ((2017, "2017", "peel-4"), (2021, "2021/22", "peel-5"), (2023, "2023/25", "peel-5")):
            ins = f"{force}/peel-{rnd.replace('/', '-')}"
            props = {"kind": "peel", "round": rnd, "title": f"PEEL {rnd}"}
            if maybe(0.85):
                props["published"] = date(year + 1)
            g.add_node(ins, "Inspection", props, ev())
            g.add_edge(ins, "CONDUCTED_BY", "hmicfrs", evidence=ev())
            g.add_edge(ins, "INSPECTED", force)
            for area in areas:
                if maybe(0.8):
                    j = f"{ins}/judgement/{area.split('/')[1]}"
                    grade = rng.choice(grades) if scale == "peel-5" else rng.choice([x for x in grades if x != "adequate"])
                    g.add_node(j, "Judgement", {"grade": grade, "gradeScale": scale}, ev())
                    g.add_edge(ins, "HAS_JUDGEMENT", j)
                    g.add_edge(j, "IN_AREA", area)
            current = []
            for n in range(1, rng.randint(3, 7)):
                afi = f"{ins}/afi-{n:02d}"
                props = {"number": n, "text": f"AFI {n} of {rnd}: do better"}
                if maybe(0.3):
                    props["deadline"] = date(year + 2)
                g.add_node(afi, rng.choice(["AreaForImprovement"] * 4 + ["CauseOfConcern"]), props, ev())
                g.add_edge(ins, "ISSUED", afi, evidence=ev())
                if maybe(0.8):
                    g.add_edge(afi, "IN_AREA", rng.choice(areas))
                for owner in rng.sample(owners, rng.choice([0, 1, 1, 2])):
                    g.add_edge(afi, "OWNED_BY", owner, evidence=ev())
                if maybe(0.7):
                    g.add_edge(afi, "OVERSEEN_BY", rng.choice([*boards.values(), odd]), evidence=ev())
                for s in range(rng.choice([0, 1, 2, 3])):
                    when = date(year + 1 + s)
                    status_key = f"{afi}/status/{when}"
                    sprops: dict = {"date": when}
                    if maybe(0.85):
                        sprops["status"] = rng.choice(statuses)
                    if maybe(0.6):
                        sprops["anticipatedCompletion"] = date(year + 1 + s + rng.randint(0, 1))
                    if maybe(0.5):
                        sprops["rag"] = rng.choice(["red", "amber", "green"])
                    g.add_node(status_key, "StatusAssessment", sprops, ev())
                    g.add_edge(afi, "HAS_STATUS", status_key)
                if maybe(0.1):
                    g.add_edge(afi, "CARRIED_FORWARD_TO", plan, evidence=ev())
                for old in rng.sample(earlier, min(len(earlier), rng.choice([0, 0, 1, 1, 2]))):
                    basis = rng.choice(["stated", "register", "inferred"])
                    sprops = {"basis": basis}
                    if basis == "inferred":
                        sprops["confidence"] = round(rng.uniform(0.3, 0.9), 2)
                        sprops["reason"] = "same area, similar text"
                    g.add_edge(afi, "SUPERSEDES", old, sprops, ev() if basis == "stated" else None)
                current.append(afi)
            if earlier and current and maybe(0.3):  # a cycle: a data error the queries still answer
                g.add_edge(rng.choice(earlier), "SUPERSEDES", rng.choice(current), {"basis": "inferred", "confidence": 0.4})
            earlier = current
        for a in range(rng.randint(2, 5)):
            audit = f"{force}/audit/2023-24-audit-{a}"
            aprops: dict = {"title": f"Audit {a}", "planYear": rng.choice(["2022/23", "2023/24"]), "stage": rng.choice(["final", "draft", "fieldwork"])}
            if maybe(0.7):
                aprops["assurance"] = rng.choice(["substantial", "reasonable", "partial", "minimal"])
            sponsors = rng.sample(persons, rng.choice([0, 1, 1, 2]))
            if not sponsors:
                aprops["sponsorMissing"] = True
            g.add_node(audit, "Audit", aprops, ev())
            for sponsor in sponsors:
                g.add_edge(audit, "SPONSORED_BY", sponsor, evidence=ev())
            for r in range(1, rng.randint(1, 4)):
                rec = f"{audit}/rec-{r:02d}"
                rprops: dict = {"number": r, "risk": rng.choice(["high", "medium", "low"])}
                if maybe(0.7):
                    rprops["deadline"] = date(rng.choice([2023, 2024]))
                g.add_node(rec, "AuditRecommendation", rprops, ev())
                g.add_edge(rec, "RAISED_IN", audit, evidence=ev())
    from oversight.graph.standing import derive_standings

    derive_standings(g)  # as build_graph does last: every question reads the standing
    return g


@pytest.fixture(scope="session")
def graph_factory():  # type: ignore[no-untyped-def]
    """``generated_graph(seed, forces=2)``: random valid graphs for the parity tests."""
    return generated_graph
