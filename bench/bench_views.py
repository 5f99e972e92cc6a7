"""Benchmark of the HTML views on synthetic graphs of 1,000, 5,000 and 20,000 nodes.

Reproduce (from the repository root, in the project's venv)::

    python bench/bench_views.py                  # all three sizes, table then JSON
    python bench/bench_views.py --sizes 5000     # one size
    python bench/bench_views.py --no-browser     # generation only (no Chromium)

For each size, side by side in one run: the time to build the ``graph`` view
(selection, tooltips, layout) and to render it to HTML, the page's size, and
the time until the page is interactive in headless Chromium (Debian's
``/usr/bin/chromium``, driven by playwright): from navigation start to the
first frame vis-network draws, when search, filters and tooltips are wired
(``window.ovReadyAt``, read in the page), plus the wall time of the whole
load. It also times one selection (select, light up the neighbours, start the
focus) once the page is ready. The goal for 5,000 nodes is under 5 s.

The graphs are generated here: forces with their posts, boards and chairs,
PEEL inspections that issue findings, status assessments, assessment areas,
owners and overseeing boards, and supersession on all three bases, each node
citing a line of a synthetic document, so tooltips carry real-sized sources.
Screenshots of each page go to /tmp/oversight-screens/bench-<size>.png (as
opened) and bench-<size>-selected.png (after the selection).

Not a timed test: the numbers depend on the machine; compare them with each
other, in one run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from oversight.graph.model import OversightGraph
from oversight.loaders.models import Evidence
from oversight.viz import graph_view

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENS = Path("/tmp/oversight-screens")
AREAS = ("responding-to-the-public", "investigating-crime", "protecting-vulnerable-people", "managing-offenders", "good-use-of-resources", "preventing-crime")
ROUNDS = (("2021-22", "2021/22", "2022-04-28"), ("2023-25", "2023/25", "2023-11-17"), ("2025-27", "2025/27", "2025-10-02"))
STATUSES = (("open", "red"), ("in-progress", "amber"), ("completed", "green"), ("closed", "green"))


def synthetic_graph(size: int, seed: int = 0) -> OversightGraph:
    """A graph of exactly ``size`` nodes shaped like the real ones (deterministic for a seed)."""
    rng = random.Random(seed)
    g = OversightGraph()
    documents: list[str] = []
    line = [0]

    def cite(text: str) -> Evidence:
        if not documents or line[0] >= 400:
            key = f"document/{len(documents):012x}"
            g.add_node(key, "Document", {"sha256": f"{len(documents):064x}", "title": f"Progress paper {len(documents) + 1}", "path": f"paper-{len(documents) + 1}.txt"})
            documents.append(key)
            line[0] = 0
        line[0] += 1
        return Evidence(document=documents[-1], line=line[0], quote=text)

    def full() -> bool:
        return len(g) >= size

    for area in AREAS:
        if full():
            return g
        g.add_node(f"area/{area}", "AssessmentArea", {"name": area.replace("-", " ").capitalize()}, cite(area))
    g.add_node("hmicfrs", "Inspectorate", {"name": "HMICFRS"}, cite("HMICFRS"))
    force_number = 0
    while not full():
        force_number += 1
        force = f"force-{force_number:03d}"
        g.add_node(force, "Force", {"name": f"Force {force_number}"}, cite(f"Force {force_number}"))
        posts = {}
        for slug, name in (("chief-constable", "Chief Constable"), ("deputy-chief-constable", "Deputy Chief Constable"), ("acc-crime", "ACC Crime"), ("police-and-crime-commissioner", "Police and Crime Commissioner")):
            if full():
                return g
            posts[slug] = f"{force}/post/{slug}"
            g.add_node(posts[slug], "Post", {"name": name}, cite(name))
        boards = {}
        for slug, name, chair in (("fidb", "Future Improvement and Development Board", "deputy-chief-constable"), ("pdb", "Performance and Delivery Board", "police-and-crime-commissioner"), ("panel", "Police and Crime Panel", None)):
            if full():
                return g
            boards[slug] = f"{force}/board/{slug}"
            g.add_node(boards[slug], "Board", {"name": name}, cite(name))
            if chair:
                g.add_edge(boards[slug], "CHAIRED_BY", posts[chair], evidence=cite(f"{name} chaired by"))
        if "panel" in boards:
            g.add_edge(boards["fidb"], "REPORTS_TO", boards["pdb"], evidence=cite("reports to"))
            g.add_edge(posts["chief-constable"], "ACCOUNTABLE_TO", posts["police-and-crime-commissioner"], evidence=cite("accountable to"))
            g.add_edge(posts["police-and-crime-commissioner"], "SCRUTINISED_BY", boards["panel"], evidence=cite("scrutinised by"))
        earlier: list[str] = []
        for slug, round_, published in ROUNDS:
            if full():
                return g
            inspection = f"{force}/peel-{slug}"
            g.add_node(inspection, "Inspection", {"round": round_, "kind": "peel", "published": published}, cite(f"PEEL {round_}"))
            g.add_edge(inspection, "INSPECTED", force, evidence=cite("inspected"))
            g.add_edge(inspection, "CONDUCTED_BY", "hmicfrs", evidence=cite("conducted by"))
            issued: list[str] = []
            for number in range(1, rng.randint(12, 24)):
                if full():
                    return g
                finding = f"{inspection}/afi-{number:02d}"
                text = f"Area for improvement {number} of PEEL {round_}: the force should improve how it works."
                g.add_node(finding, "AreaForImprovement", {"number": number, "text": text}, cite(text))
                g.add_edge(inspection, "ISSUED", finding, evidence=cite(text))
                g.add_edge(finding, "IN_AREA", f"area/{rng.choice(AREAS)}", evidence=cite("area"))
                g.add_edge(finding, "OVERSEEN_BY", boards["fidb"], evidence=cite("overseen by FIDB"))
                g.add_edge(finding, "OWNED_BY", posts[rng.choice(("deputy-chief-constable", "acc-crime"))], evidence=cite("owner"))
                issued.append(finding)
                if earlier and rng.random() < 0.3:
                    basis = rng.choice(("stated", "register", "inferred"))
                    props: dict[str, Any] = {"basis": basis}
                    if basis == "inferred":
                        props["confidence"] = round(rng.uniform(0.5, 0.95), 2)
                    g.add_edge(finding, "SUPERSEDES", rng.choice(earlier), props, cite("supersedes") if basis == "stated" else None)
                for paper in range(rng.randint(0, 2)):
                    if full():
                        return g
                    status, rag = rng.choice(STATUSES)
                    date = f"{int(published[:4]) + 1 + paper}-0{rng.randint(1, 9)}-15"
                    assessment = f"{finding}/status/{date}"
                    g.add_node(assessment, "StatusAssessment", {"date": date, "status": status, "rag": rag}, cite(f"{status} {rag}"))
                    g.add_edge(finding, "HAS_STATUS", assessment, evidence=cite(f"{status} {rag}"))
            earlier = issued
    return g


def measure_generation(graph: OversightGraph, out_dir: Path, size: int) -> dict[str, Any]:
    started = time.perf_counter()
    view = graph_view(graph)
    built = time.perf_counter()
    html = view.html()
    rendered = time.perf_counter()
    path = out_dir / f"bench-{size}.html"
    path.write_text(html, encoding="utf-8")
    nodes, edges = view.counts
    return {
        "size": size,
        "graphNodes": len(graph),
        "drawnNodes": nodes,
        "drawnLinks": edges,
        "buildSeconds": round(built - started, 2),
        "renderSeconds": round(rendered - built, 2),
        "generationSeconds": round(rendered - started, 2),
        "htmlBytes": len(html.encode("utf-8")),
        "path": str(path),
        "firstKey": view.nodes[len(view.nodes) // 2]["id"],
    }


def measure_browser(rows: list[dict[str, Any]], profile: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 860}
        )
        try:
            for row in rows:
                page = context.new_page()
                errors: list[str] = []

                def on_error(error: Any, errors: list[str] = errors) -> None:
                    errors.append(str(error))

                def on_console(message: Any, errors: list[str] = errors) -> None:
                    if message.type == "error":
                        errors.append(message.text)

                page.on("pageerror", on_error)
                page.on("console", on_console)
                started = time.perf_counter()
                page.goto(Path(row["path"]).as_uri(), timeout=180000)
                page.wait_for_function("window.ovReady === true", timeout=180000, polling=50)
                wall = time.perf_counter() - started
                row["interactiveSeconds"] = round(page.evaluate("window.ovReadyAt") / 1000, 2)
                row["loadWallSeconds"] = round(wall, 2)
                SCREENS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENS / f"bench-{row['size']}.png"))
                row["selectSeconds"] = round(
                    page.evaluate(
                        "(key) => { const t = performance.now(); window.ovSelect(key); return performance.now() - t; }",
                        row["firstKey"],
                    )
                    / 1000,
                    2,
                )
                page.wait_for_timeout(600)
                page.screenshot(path=str(SCREENS / f"bench-{row['size']}-selected.png"))
                row["pageErrors"] = errors
                page.close()
        finally:
            context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--no-browser", action="store_true", help="Skip the Chromium measurements.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-views-") as tmp:
        out_dir = Path(tmp)
        rows = []
        for size in args.sizes:
            started = time.perf_counter()
            graph = synthetic_graph(size)
            row = measure_generation(graph, out_dir, size)
            row["graphSeconds"] = round(time.perf_counter() - started - row["generationSeconds"], 2)
            rows.append(row)
            print(f"generated {size}", file=sys.stderr)
        if not args.no_browser:
            measure_browser(rows, out_dir / "profile")
        header = ["nodes", "drawn", "links", "build s", "render s", "generate s", "HTML MB", "interactive s", "load s", "select s"]
        print(" | ".join(header))
        print(" | ".join("---" for _ in header))
        for row in rows:
            print(
                " | ".join(
                    str(v)
                    for v in (
                        f"{row['size']:,}",
                        f"{row['drawnNodes']:,}",
                        f"{row['drawnLinks']:,}",
                        row["buildSeconds"],
                        row["renderSeconds"],
                        row["generationSeconds"],
                        round(row["htmlBytes"] / 1e6, 2),
                        row.get("interactiveSeconds", "-"),
                        row.get("loadWallSeconds", "-"),
                        row.get("selectSeconds", "-"),
                    )
                )
            )
        for row in rows:
            row.pop("path")
            row.pop("firstKey")
        print(json.dumps({"benchmark": "views", "goal": "5,000-node page interactive in under 5 s", "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
