"""The HTML views: self-contained pages, the data they embed, escaping, and the CLI."""

from __future__ import annotations

import html as htmlmod
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rdflib import URIRef
from typer.testing import CliRunner

from browser import (
    ACC,
    CC,
    DCC,
    EVIL,
    FIDB,
    HOSTILE,
    HOSTILE_TITLE,
    P17,
    P21,
    P23,
    PANEL,
    PAPER,
    PCC,
    PDB,
    PLAN,
    governance_graph,
)
from graphs import small_graph
from oversight.cli import app
from oversight.errors import BadParameter, UnknownKey, UnknownName
from oversight.graph.embedded_store import EmbeddedStore, StoreState
from oversight.graph.model import OversightGraph
from oversight.graph.standing import derive_standings
from oversight.ontology import OV, ontology
from oversight.viz import VIEWS, make_view
from oversight.viz.builder import node_label
from oversight.viz.page import View, script_json
from oversight.viz.styles import SHAPES, styles

AFI = {n: f"{P21}/afi-{n:02d}" for n in (5, 7, 8, 19)}
OLD = f"{P17}/afi-03"
NEW2 = f"{P23}/afi-02"
NEW4 = f"{P23}/afi-04"

#: Each view with the key and options it is tested with on the governance graph.
CASES = {
    "graph": (None, {}),
    "node": (AFI[5], {"depth": 1}),
    "lineage": (AFI[5], {}),
    "boards": (None, {}),
    "inspection": (P21, {}),
}


class Page(HTMLParser):
    """A page's tags, ids, scripts and styles, as an HTML parser sees them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ends: list[str] = []
        self.ids: dict[str, str] = {}
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if dict(attrs).get("id"):
            self.ids[str(dict(attrs)["id"])] = tag
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.ends.append(tag)
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data

    def remote_loads(self) -> list[str]:
        """Every attribute or CSS rule that would fetch something over http(s)."""
        found = []
        for tag, attrs in self.tags:
            for name in ("src", "href", "srcset", "data", "poster", "action", "xlink:href", "background"):
                value = attrs.get(name) or ""
                if re.match(r"\s*(https?:)?//", value, re.IGNORECASE):
                    found.append(f"{tag} {name}={value}")
            style = attrs.get("style") or ""
            if re.search(r"url\(\s*['\"]?\s*(https?:)?//", style, re.IGNORECASE):
                found.append(f"{tag} style={style}")
        for css in self.styles:
            found.extend(re.findall(r"@import[^;]*|url\(\s*['\"]?\s*(?:https?:)?//[^)]*\)", css, re.IGNORECASE))
        return found


def page_of(view: View) -> Page:
    return Page(view.html())


def data_of(view: View) -> dict[str, Any]:
    block = page_of(view).scripts[1]
    return json.loads(block)


@pytest.fixture(scope="module")
def graph() -> OversightGraph:
    return governance_graph()


@pytest.fixture(scope="module")
def views(graph: OversightGraph) -> dict[str, View]:
    return {name: make_view(graph, name, key, **options) for name, (key, options) in CASES.items()}


def ids(view: View) -> list[str]:
    return [n["id"] for n in view.nodes]


def pairs(view: View) -> list[tuple[str, str]]:
    return sorted((e["from"], e["to"]) for e in view.edges)


# -- the small test graph --------------------------------------------------------------


def test_each_view_of_the_small_graph_draws_the_expected_counts() -> None:
    g = small_graph()
    counts = {
        "graph": make_view(g, "graph").counts,
        "node": make_view(g, "node", "kent-police/peel-2021-22/afi-05").counts,
        "lineage": make_view(g, "lineage", "kent-police/peel-2021-22/afi-05").counts,
        "boards": make_view(g, "boards").counts,
        "inspection": make_view(g, "inspection", "kent-police/peel-2021-22").counts,
    }
    assert counts == {"graph": (6, 5), "node": (4, 3), "lineage": (2, 1), "boards": (3, 2), "inspection": (3, 2)}


# -- self-contained pages ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_page_loads_nothing_over_the_network(views: dict[str, View], name: str) -> None:
    page = page_of(views[name])
    assert (page.remote_loads(), [t for t, _ in page.tags if t in ("link", "img", "iframe", "object")]) == ([], [])


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_page_has_exactly_the_three_inline_scripts(views: dict[str, View], name: str) -> None:
    page = page_of(views[name])
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert (scripts, page.ends.count("script")) == ([{}, {"type": "application/json", "id": "ov-data"}, {}], 3)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_page_has_a_legend_a_search_box_filters_and_details(views: dict[str, View], name: str) -> None:
    page = page_of(views[name])
    wanted = ("ov-legend", "ov-search", "ov-results", "ov-filters", "ov-details", "ov-network", "ov-tooltip", "ov-data")
    assert {i: page.ids.get(i) for i in wanted} == {
        "ov-legend": "section",
        "ov-search": "input",
        "ov-results": "ul",
        "ov-filters": "section",
        "ov-details": "section",
        "ov-network": "main",
        "ov-tooltip": "div",
        "ov-data": "script",
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_page_forbids_every_fetch_and_every_script_but_its_own(views: dict[str, View], name: str) -> None:
    page = page_of(views[name])
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    directives = [d.split(" ")[0] for d in str(csp).split("; ")]
    hashes = re.findall(r"'sha256-[A-Za-z0-9+/=]+'", str(csp))
    assert (directives, len(hashes)) == (["default-src", "script-src", "style-src", "img-src", "base-uri", "form-action"], 2)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_embedded_data_is_the_view(views: dict[str, View], name: str) -> None:
    data = data_of(views[name])
    assert (data["view"], data["nodes"], data["edges"]) == (name, views[name].nodes, views[name].edges)


# -- what each view draws ------------------------------------------------------------------


def test_the_graph_view_draws_every_node_but_the_documents_and_the_folded_statuses(
    views: dict[str, View], graph: OversightGraph
) -> None:
    assert ids(views["graph"]) == [k for k in graph.keys() if k not in (PAPER, EVIL) and "/status/" not in k]


def test_the_graph_view_draws_every_relationship_but_evidence_and_status(views: dict[str, View], graph: OversightGraph) -> None:
    expected = sorted((e["source"], e["target"]) for e in graph.edges() if e["type"] not in ("EVIDENCED_BY", "HAS_STATUS"))
    assert pairs(views["graph"]) == expected


def test_a_finding_s_status_history_is_in_its_details_each_with_its_source(views: dict[str, View]) -> None:
    assert views["graph"].info[AFI[5]]["history"] == [{"t": "2023-04-18: in-progress amber", "src": [[0, 11, None, "in-progress amber"]]}]


def test_the_graph_view_labelled_status_assessment_draws_them(graph: OversightGraph) -> None:
    view = make_view(graph, "graph", labels=["StatusAssessment"])
    assert ids(view) == sorted(k for k in graph.keys() if "/status/" in k)


def test_findings_are_filled_by_their_rag_rating_and_outlined_by_their_class(views: dict[str, View]) -> None:
    colours = {n["id"]: (n["color"]["background"], n["color"]["border"]) for n in views["graph"].nodes if n["id"] in AFI.values()}
    assert colours == {
        AFI[5]: ("#f5a623", "#1f78b4"),
        AFI[7]: ("#1a9641", "#1f78b4"),
        AFI[8]: ("#d7191c", "#1f78b4"),
        AFI[19]: ("#e0e0e0", "#1f78b4"),
    }


def test_other_nodes_take_their_class_colour_and_shape_from_the_ontology(views: dict[str, View], graph: OversightGraph) -> None:
    wrong = []
    for node in views["graph"].nodes:
        cls = graph.labels(node["id"])[0]
        if graph.has_label(node["id"], "Finding"):
            continue
        style = styles().for_class(cls)
        if (node["color"]["background"], node["shape"], node["size"]) != (style.colour, style.shape, style.size):
            wrong.append(node["id"])
    assert wrong == []


def test_supersession_links_are_drawn_by_basis(views: dict[str, View]) -> None:
    drawn = {
        (e["from"], e["to"]): (e["label"], e["dashes"], e["color"]["color"])
        for e in views["graph"].edges
        if "dashes" in e
    }
    assert drawn == {
        (NEW2, AFI[5]): ("stated", False, "#252525"),
        (AFI[5], OLD): ("register", [10, 6], "#2166ac"),
        (NEW4, AFI[8]): ("inferred 0.72", [2, 5], "#b2182b"),
    }


def test_an_inferred_link_says_so_in_its_tooltip(views: dict[str, View]) -> None:
    edge = next(e for e in views["graph"].edges if (e["from"], e["to"]) == (NEW4, AFI[8]))
    info = views["graph"].info[edge["id"]]
    assert (info["facts"], info["src"], info["nosrc"]) == (
        [
            ["relationship", "SUPERSEDES (supersedes)"],
            ["basis", "inferred by the tool: a suggestion, not a fact"],
            ["confidence", "0.72"],
            ["reason", "same area; text similarity 0.61"],
        ],
        [],
        "No document line: the tool inferred this link.",
    )


def test_a_tooltip_gives_key_facts_and_the_document_line_of_each_source(views: dict[str, View]) -> None:
    view = views["graph"]
    info = view.info[AFI[5]]
    sources = [[view.documents[d], line, end, quote] for d, line, end, quote in info["src"]]
    assert (info["t"], info["facts"][:9], sources) == (
        "AFI 5 · PEEL 2021/22",
        [
            ["key", AFI[5]],
            ["class", "Area for improvement"],
            ["issued by", "PEEL 2021/22 (2022-04-28)"],
            ["status", "in-progress (as of 2023-04-18)"],
            ["RAG", "amber"],
            ["outcome", "superseded (recorded)"],
            ["why", "superseded by kent-police/peel-2023-25/afi-02 (stated): PCC progress paper, April 2023, line 15 states it"],
            ["number", "5"],
            ["text", "Make sure call takers advise callers on keeping evidence."],
        ],
        [["PCC progress paper, April 2023", 6, None, "AFI 5: Make sure call takers advise callers on keeping evidence."]],
    )


def test_the_node_view_draws_the_neighbourhood_to_the_depth_asked(graph: OversightGraph) -> None:
    one = make_view(graph, "node", FIDB)
    two = make_view(graph, "node", PLAN, depth=2)
    assert (ids(one), ids(two)) == (
        [FIDB, *sorted([AFI[5], AFI[7], AFI[8], AFI[19], DCC, PDB])],
        [PLAN, *sorted([AFI[19], P21, FIDB])],
    )


def test_a_node_view_at_depth_zero_is_the_node_alone(graph: OversightGraph) -> None:
    assert (ids(make_view(graph, "node", PANEL, depth=0)), make_view(graph, "node", PANEL, depth=0).edges) == ([PANEL], [])


def test_the_lineage_view_lays_findings_out_by_publication_date(views: dict[str, View]) -> None:
    nodes = views["lineage"].nodes
    assert ([(n["id"], n["level"]) for n in nodes], sorted(n["x"] for n in nodes) == [n["x"] for n in nodes]) == (
        [(OLD, 0), (AFI[5], 1), (NEW2, 2)],
        True,
    )


def test_the_lineage_view_shows_an_inferred_link_as_inferred(graph: OversightGraph) -> None:
    view = make_view(graph, "lineage", AFI[8])
    edges = [(e["from"], e["to"], e["label"], e["dashes"]) for e in view.edges]
    assert (ids(view), edges, view.notes) == (
        [AFI[8], NEW4],
        [(NEW4, AFI[8], "inferred 0.72", [2, 5])],
        ["1 dotted link is inferred by the tool: a suggestion with its confidence, not a fact."],
    )


def test_the_lineage_view_leaves_inferred_links_out_when_asked(graph: OversightGraph) -> None:
    view = make_view(graph, "lineage", AFI[8], stated_only=True)
    assert (ids(view), view.edges, view.notes) == (
        [AFI[8]],
        [],
        ["Inferred links are left out: only what a paper states or a governance lead registered is shown."],
    )


def test_the_lineage_of_something_that_is_not_a_finding_is_refused(graph: OversightGraph) -> None:
    with pytest.raises(BadParameter, match=f"^{re.escape(P21)}: not a finding"):
        make_view(graph, "lineage", P21)


def test_the_boards_view_puts_findings_owners_boards_chairs_and_overseers_in_columns(views: dict[str, View]) -> None:
    assert sorted((n["level"], n["id"]) for n in views["boards"].nodes) == [
        (0, AFI[5]), (0, AFI[7]), (0, AFI[8]), (0, AFI[19]),
        (1, ACC),
        (2, FIDB),
        (3, PDB), (3, DCC),
        (4, CC),
        (5, PCC),
        (6, PANEL),
    ]


def test_the_inspection_view_fills_findings_by_outcome(views: dict[str, View]) -> None:
    view = views["inspection"]
    colours = {n["id"]: n["color"]["background"] for n in view.nodes if n["id"] in AFI.values()}
    assert (colours, view.subtitle) == (
        {AFI[5]: "#9970ab", AFI[7]: "#1b7837", AFI[8]: "#e66101", AFI[19]: "#35978f"},
        "4 findings: 1 closed, 1 superseded, 1 carried-forward, 1 open.",
    )


def test_the_inspection_view_shows_what_decided_each_outcome(views: dict[str, View]) -> None:
    assert sorted((n["level"], n["id"]) for n in views["inspection"].nodes) == sorted([
        (0, "hmicfrs"), (0, "kent-police"),
        (1, P21),
        (2, AFI[5]), (2, AFI[7]), (2, AFI[8]), (2, AFI[19]),
        (3, PLAN), (3, P23), (3, NEW2), (3, NEW4),
    ])


def test_an_inspection_view_of_a_finding_is_refused(graph: OversightGraph) -> None:
    with pytest.raises(BadParameter, match=f"^{re.escape(AFI[5])}: not an inspection$"):
        make_view(graph, "inspection", AFI[5])


# -- filters of the graph view -----------------------------------------------------------------


def test_the_graph_view_filtered_by_inspection(graph: OversightGraph) -> None:
    view = make_view(graph, "graph", inspection=P17)
    assert ids(view) == sorted([P17, OLD, AFI[5]])


def test_the_graph_view_filtered_by_status_keeps_those_findings_and_their_neighbours(graph: OversightGraph) -> None:
    view = make_view(graph, "graph", status="open")
    assert ids(view) == sorted([AFI[8], P21, FIDB, ACC, NEW4])


def test_the_graph_view_filtered_by_label(graph: OversightGraph) -> None:
    view = make_view(graph, "graph", labels=["Board", "Post"])
    assert (ids(view), len(view.edges)) == (sorted([FIDB, PDB, PANEL, DCC, CC, PCC, ACC]), 6)


def test_label_document_draws_the_documents_and_what_they_evidence(graph: OversightGraph) -> None:
    view = make_view(graph, "graph", labels=["Document", "Inspection"])
    assert (ids(view), pairs(view)) == (
        sorted([PAPER, EVIL, P17, P21, P23]),
        sorted([(P17, PAPER), (P21, PAPER), (P23, PAPER)]),
    )


def test_an_unknown_status_is_refused_with_the_known_ones(graph: OversightGraph) -> None:
    with pytest.raises(BadParameter, match="^status 'shut' is not one of awaiting-review, carried-forward, closed, completed, discharged, in-progress, no-further-action, open, superseded, unknown$"):
        make_view(graph, "graph", status="shut")


def test_an_unknown_label_is_refused(graph: OversightGraph) -> None:
    with pytest.raises(UnknownName, match="unknown label 'Boards'"):
        make_view(graph, "graph", labels=["Boards"])


# -- the registry ------------------------------------------------------------------------------


def test_the_registry_has_the_five_views() -> None:
    assert sorted(VIEWS) == ["boards", "graph", "inspection", "lineage", "node"]


def test_an_unknown_view_is_refused_with_the_known_ones(graph: OversightGraph) -> None:
    with pytest.raises(UnknownName, match="^unknown view 'tree'; known: boards, graph, inspection, lineage, node$"):
        make_view(graph, "tree")


def test_an_unknown_key_is_unknown_key(graph: OversightGraph) -> None:
    with pytest.raises(UnknownKey, match="^kent-police/nope: no such node$"):
        make_view(graph, "node", "kent-police/nope")


# -- escaping --------------------------------------------------------------------------------


def test_hostile_document_text_is_in_the_data_only_in_escaped_form(views: dict[str, View]) -> None:
    block = page_of(views["graph"]).scripts[1]
    data = json.loads(block)
    info = data["info"][AFI[19]]
    quotes = [(data["documents"][d], line, quote) for d, line, _, quote in info["src"]]
    assert (
        [c for c in block if c in "<>&\u2028\u2029"],
        ["text", HOSTILE] in info["facts"],
        quotes,
        HOSTILE.replace("<", "\\u003c").replace(">", "\\u003e").replace('"', '\\"') in block,
    ) == ([], True, [(HOSTILE_TITLE, 1, "<script>window.__pwned=1</script>")], True)


def test_hostile_text_never_reaches_the_markup(views: dict[str, View]) -> None:
    for name, view in views.items():
        page = page_of(view)
        outside = re.sub(r"<script\b[^>]*>.*?</script>", "", view.html(), flags=re.DOTALL)
        assert ("window.__pwned" in outside, "{{" in outside, len(page.scripts)) == (False, False, 3), name


def test_a_hostile_name_in_a_heading_is_escaped() -> None:
    g = governance_graph()
    g.add_node("kent-police/board/evil", "Board", {"name": "<script>window.__pwned=1</script> {{ 7*7 }}"})
    view = make_view(g, "node", "kent-police/board/evil")
    text = view.html()
    heading = re.search(r'<h1 id="ov-title">(.*?)</h1>', text)
    title = re.search(r"<title>(.*?)</title>", text)
    expected = htmlmod.escape("Around " + node_label(g, g.node("kent-police/board/evil")), quote=True)
    assert (heading and heading.group(1), title and title.group(1)) == (expected, expected)


def test_script_json_escapes_what_could_end_a_script_block() -> None:
    text = script_json({"q": "</script><!-- & \u2028\u2029"})
    assert (text, json.loads(text)) == (
        '{"q":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}',
        {"q": "</script><!-- & \u2028\u2029"},
    )


# -- styles ----------------------------------------------------------------------------------


def test_every_class_has_a_colour_and_a_shape() -> None:
    bad = [c for c in ontology().classes if not re.fullmatch(r"#[0-9a-f]{6}", styles().for_class(c).colour) or styles().for_class(c).shape not in SHAPES]
    assert bad == []


def test_a_style_is_read_from_the_ontology_graph() -> None:
    stated = ontology().graph.value(URIRef(OV + "Board"), URIRef(OV + "colour"))
    assert styles().for_class("Board").colour == str(stated)


def test_a_class_without_its_own_size_takes_its_parents() -> None:
    assert (styles().for_class("Action").size, styles().for_class("Finding").size) == (13, 13)


def test_every_rag_rating_status_and_basis_has_a_colour() -> None:
    s = styles()
    onto = ontology()
    rag = {c.notation: s.value_colour("RAG", c.notation) for c in onto.vocabulary("RAG").concepts}
    status = {c.notation: s.value_colour("FindingStatuses", c.notation) for c in onto.vocabulary("FindingStatuses").concepts}
    unstyled = [k for k, v in {**rag, **status}.items() if v in (s.unstated_colour("RAG"), s.unstated_colour("FindingStatuses"))]
    assert (unstyled, [s.line(b).style for b in s.bases]) == ([], ["solid", "dashed", "dotted"])


# -- large graphs --------------------------------------------------------------------------


def _big_graph(findings: int) -> OversightGraph:
    g = OversightGraph()
    g.add_node("force", "Force", {"name": "A force"})
    g.add_node("board", "Board", {"name": "A board"})
    for i in range(findings // 10):
        inspection = f"force/inspection-{i:03d}"
        g.add_node(inspection, "Inspection", {"round": str(2000 + i)})
        g.add_edge(inspection, "INSPECTED", "force")
        for j in range(9):
            finding = f"{inspection}/afi-{j:02d}"
            g.add_node(finding, "AreaForImprovement", {"number": j})
            g.add_edge(inspection, "ISSUED", finding)
            g.add_edge(finding, "OVERSEEN_BY", "board")
    derive_standings(g)
    return g


def test_a_large_graph_opens_with_positions_computed_and_physics_off() -> None:
    view = make_view(_big_graph(1700), "graph")
    options = view.options
    assert (
        view.counts[0],
        all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in view.nodes),
        len({(n["x"], n["y"]) for n in view.nodes}),
        options["physics"],
        options["edges"]["smooth"],
        options["interaction"]["hideEdgesOnDrag"],
        view.big,
    ) == (1702, True, 1702, {"enabled": False}, False, True, True)


def test_a_small_graph_has_positions_too_and_physics_off(views: dict[str, View]) -> None:
    for view in views.values():
        assert (all("x" in n and "y" in n for n in view.nodes), view.options["physics"], view.big) == (True, {"enabled": False}, False)


# -- writing ----------------------------------------------------------------------------------


def test_writing_never_replaces_a_file_unless_asked(views: dict[str, View], tmp_path: Path) -> None:
    path = tmp_path / "v.html"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(BadParameter, match=f"^{re.escape(str(path))}: already exists \\(use --force to replace it\\)$"):
        views["boards"].write(path)
    assert path.read_text(encoding="utf-8") == "keep me"
    views["boards"].write(path, overwrite=True)
    assert path.read_text(encoding="utf-8") == views["boards"].html()


def test_writing_twice_gives_the_same_bytes(graph: OversightGraph, tmp_path: Path) -> None:
    first = make_view(graph, "graph").write(tmp_path / "a.html")
    second = make_view(graph, "graph").write(tmp_path / "b.html")
    assert first.read_bytes() == second.read_bytes()


# -- the CLI ----------------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    EmbeddedStore(path).save(StoreState(graph=governance_graph()))
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "200", "OVERSIGHT_STORE": ""})


def test_view_writes_oversight_view_html_in_the_current_directory(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("view", "boards", "--store", str(store))
    assert (result.exit_code, result.stdout, (tmp_path / "oversight-boards.html").is_file()) == (
        0,
        "wrote the boards view (11 nodes, 12 links) to oversight-boards.html\n",
        True,
    )


def test_view_refuses_to_replace_the_default_file(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "oversight-graph.html").write_text("keep me", encoding="utf-8")
    result = run("view", "graph", "--store", str(store))
    assert (result.exit_code, result.stdout, result.stderr, (tmp_path / "oversight-graph.html").read_text()) == (
        2,
        "",
        "error: oversight-graph.html: already exists (use --force to replace it)\n",
        "keep me",
    )


def test_view_force_replaces_the_file(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "lineage.html"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    result = run("view", "lineage", AFI[5], "-o", str(target), "--force", "--store", str(store))
    assert (result.exit_code, result.stdout, target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")) == (
        0,
        f"wrote the lineage view (3 nodes, 2 links) to {target}\n",
        True,
    )


def test_view_of_an_unknown_key_is_one_line_and_exit_2(store: Path, tmp_path: Path) -> None:
    result = run("view", "node", "kent-police/nope", "-o", str(tmp_path / "n.html"), "--store", str(store))
    assert (result.exit_code, result.stdout, result.stderr, (tmp_path / "n.html").exists()) == (
        2,
        "",
        "error: kent-police/nope: no such node\n",
        False,
    )


def test_view_json_reports_the_file_and_the_counts(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "i.html"
    result = run("view", "inspection", P21, "-o", str(target), "--json", "--store", str(store))
    assert (result.exit_code, json.loads(result.stdout)) == (
        0,
        {"ok": True, "view": "inspection", "path": str(target), "nodes": 11, "edges": 10},
    )


def test_view_options_reach_the_view(store: Path, tmp_path: Path) -> None:
    stated = run("view", "lineage", AFI[8], "--stated-only", "-o", str(tmp_path / "s.html"), "--json", "--store", str(store))
    deep = run("view", "node", PLAN, "--depth", "2", "-o", str(tmp_path / "d.html"), "--json", "--store", str(store))
    assert ((json.loads(stated.stdout)["nodes"], json.loads(deep.stdout)["nodes"])) == (1, 4)


def test_view_depth_must_not_be_negative(store: Path, tmp_path: Path) -> None:
    result = run("view", "node", PLAN, "--depth", "-1", "--store", str(store))
    assert (result.exit_code, result.stderr) == (2, "error: Invalid value for '--depth': Input should be greater than or equal to 0\n")
