"""Helpers for the view tests (not a test file): a governance graph written for the
tests, and headless Chromium driven by Python playwright.

Chromium is Debian's (``/usr/bin/chromium``), never a browser playwright
downloads; it runs with a fresh profile directory and the flags that keep it
off the network, and every request the page makes is recorded (anything but
the file itself is aborted), so a test can assert that a view fetched nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oversight.graph.model import OversightGraph
from oversight.graph.standing import derive_standings
from oversight.loaders.models import Evidence

CHROMIUM = Path("/usr/bin/chromium")
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
VIEWPORT: Any = {"width": 1400, "height": 860}
SCREENS = Path("/tmp/oversight-screens")

#: Text no view may ever interpret: every way into HTML or a template we know of.
HOSTILE = (
    '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> </script> '
    "href=javascript:window.__pwned=1 {{ 7*7 }}"
)
HOSTILE_TITLE = 'Paper <img src=x onerror="window.__pwned=1"> of <script>window.__pwned=1</script>'

PAPER = "document/aaaaaaaaaaaa"
EVIL = "document/bbbbbbbbbbbb"
KENT = "kent-police"
P17 = "kent-police/peel-2017-effectiveness"
P21 = "kent-police/peel-2021-22"
P23 = "kent-police/peel-2023-25"
FIDB = "kent-police/board/future-improvement-and-development-board"
PDB = "kent-police/board/performance-and-delivery-board"
PANEL = "kent-police/board/police-and-crime-panel"
DCC = "kent-police/post/deputy-chief-constable"
CC = "kent-police/post/chief-constable"
PCC = "kent-police/post/police-and-crime-commissioner"
ACC = "kent-police/post/acc-crime"
PLAN = "kent-police/plan/peel-2023-25-improvement-plan"
AFI19 = f"{P21}/afi-19"


def governance_graph() -> OversightGraph:
    """Three PEEL rounds of one force: findings with RAG and status history, owners,
    boards, chairs, the PCC and the Panel, and supersession on all three bases.

    AFI 19's text and its source line are hostile (:data:`HOSTILE`), and so is the
    title of the document that cites it (:data:`HOSTILE_TITLE`).
    """
    g = OversightGraph()
    g.add_node(PAPER, "Document", {"sha256": "a" * 64, "title": "PCC progress paper, April 2023", "path": "progress.txt"})
    g.add_node(EVIL, "Document", {"sha256": "b" * 64, "title": HOSTILE_TITLE, "path": "evil.txt"})

    def ev(line: int, quote: str, document: str = PAPER) -> Evidence:
        return Evidence(document=document, line=line, quote=quote)

    g.add_node(KENT, "Force", {"name": "Kent Police"}, ev(1, "Kent Police"))
    g.add_node("hmicfrs", "Inspectorate", {"name": "HMICFRS"}, ev(1, "HMICFRS"))
    for key, round_, published, line in ((P21, "2021/22", "2022-04-28", 2), (P23, "2023/25", "2023-11-17", 3)):
        g.add_node(key, "Inspection", {"round": round_, "kind": "peel", "published": published}, ev(line, f"PEEL {round_}"))
        g.add_edge(key, "INSPECTED", KENT, evidence=ev(line, f"PEEL {round_} of Kent Police"))
        g.add_edge(key, "CONDUCTED_BY", "hmicfrs", evidence=ev(line, f"HMICFRS PEEL {round_}"))
    g.add_node(P17, "Inspection", {"round": "2017", "kind": "peel", "pillar": "effectiveness", "published": "2018-03-22"}, ev(4, "PEEL 2017"))
    findings = {
        f"{P17}/afi-03": (3, "Improve the quality of investigations.", 5),
        f"{P21}/afi-05": (5, "Make sure call takers advise callers on keeping evidence.", 6),
        f"{P21}/afi-07": (7, "Improve the capacity of the response teams.", 7),
        f"{P21}/afi-08": (8, "Resource the teams that investigate domestic abuse properly.", 8),
        f"{P21}/afi-19": (19, HOSTILE, 1),
        f"{P23}/afi-02": (2, "Advise callers on preserving evidence.", 9),
        f"{P23}/afi-04": (4, "Make sure domestic abuse investigations are resourced.", 10),
    }
    for key, (number, text, line) in findings.items():
        document = EVIL if number == 19 else PAPER
        quote = "<script>window.__pwned=1</script>" if number == 19 else f"AFI {number}: {text}"
        g.add_node(key, "AreaForImprovement", {"number": number, "text": text}, ev(line, quote, document))
        g.add_edge(key.rsplit("/", 1)[0], "ISSUED", key, evidence=ev(line, quote, document))
    statuses = {
        f"{P21}/afi-05": ("2023-04-18", "in-progress", "amber", 11),
        f"{P21}/afi-07": ("2023-04-18", "closed", "green", 12),
        f"{P21}/afi-08": ("2023-04-18", "open", "red", 13),
        f"{P23}/afi-02": ("2024-01-31", "in-progress", "amber", 14),
    }
    for key, (date, status, rag, line) in statuses.items():
        assessment = f"{key}/status/{date}"
        g.add_node(assessment, "StatusAssessment", {"date": date, "status": status, "rag": rag}, ev(line, f"{status} {rag}"))
        g.add_edge(key, "HAS_STATUS", assessment, evidence=ev(line, f"{status} {rag}"))
    g.add_edge(f"{P23}/afi-02", "SUPERSEDES", f"{P21}/afi-05", {"basis": "stated"}, ev(15, "AFI 2 replaces AFI 5"))
    g.add_edge(f"{P21}/afi-05", "SUPERSEDES", f"{P17}/afi-03", {"basis": "register", "assertedBy": "Governance lead", "assertedOn": "2024-02-01"})
    g.add_edge(f"{P23}/afi-04", "SUPERSEDES", f"{P21}/afi-08", {"basis": "inferred", "confidence": 0.72, "reason": "same area; text similarity 0.61"})
    g.add_edge(f"{P21}/afi-07", "CLOSED_BY", P23, evidence=ev(16, "AFI 7 closed by PEEL 2023/25"))
    g.add_node(PLAN, "ImprovementPlan", {"title": "PEEL 2023/25 improvement plan"}, ev(17, "improvement plan"))
    g.add_edge(f"{P21}/afi-19", "CARRIED_FORWARD_TO", PLAN, evidence=ev(17, "AFI 19 carried forward"))
    posts = {DCC: "Deputy Chief Constable", CC: "Chief Constable", PCC: "Police and Crime Commissioner", ACC: "ACC Crime"}
    for key, name in posts.items():
        g.add_node(key, "Post", {"name": name}, ev(18, name))
    boards = {
        FIDB: "Future Improvement and Development Board",
        PDB: "Performance and Delivery Board",
        PANEL: "Police and Crime Panel",
    }
    for key, name in boards.items():
        g.add_node(key, "Board", {"name": name}, ev(19, name))
    for finding in (f"{P21}/afi-05", f"{P21}/afi-07", f"{P21}/afi-08", f"{P21}/afi-19"):
        g.add_edge(finding, "OVERSEEN_BY", FIDB, evidence=ev(20, "overseen by the FIDB"))
    g.add_edge(f"{P21}/afi-05", "OWNED_BY", DCC, evidence=ev(21, "owner: DCC"))
    g.add_edge(f"{P21}/afi-08", "OWNED_BY", ACC, evidence=ev(21, "owner: ACC Crime"))
    g.add_edge(FIDB, "CHAIRED_BY", DCC, evidence=ev(22, "chaired by the DCC"))
    g.add_edge(PDB, "CHAIRED_BY", PCC, evidence=ev(22, "chaired by the PCC"))
    g.add_edge(FIDB, "REPORTS_TO", PDB, evidence=ev(23, "reports to the PDB"))
    g.add_edge(CC, "ACCOUNTABLE_TO", PCC, evidence=ev(23, "the PCC holds the CC to account"))
    g.add_edge(DCC, "ACCOUNTABLE_TO", CC, evidence=ev(23, "the DCC answers to the CC"))
    g.add_edge(PCC, "SCRUTINISED_BY", PANEL, evidence=ev(24, "the Panel scrutinises the PCC"))
    derive_standings(g)  # as a build does last
    return g


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when Chromium and playwright are both installed."""
    if not CHROMIUM.is_file():
        return f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python playwright not installed (pip install playwright; never `playwright install`)"
    return None


@dataclass
class Session:
    """One page in headless Chromium, with what it logged and requested."""

    page: Any
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: Path, timeout_ms: int = 20000) -> None:
        """Load a view file (forgetting what earlier pages logged) and wait until vis-network drew it."""
        self.console.clear()
        self.errors.clear()
        self.requests.clear()
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.ovReady === true", timeout=timeout_ms)

    def problems(self) -> list[str]:
        """Console errors and warnings, and uncaught exceptions."""
        return [f"{kind}: {text}" for kind, text in self.console if kind in ("error", "warning")] + self.errors

    def node_point(self, key: str) -> dict[str, float]:
        """Where node ``key`` is on the page, in CSS pixels."""
        return self.page.evaluate(
            """(key) => {
                const network = window.ovNetwork;
                const p = network.canvasToDOM(network.getPositions([key])[key]);
                const r = document.getElementById('ov-network').getBoundingClientRect();
                return {x: r.left + p.x, y: r.top + p.y};
            }""",
            key,
        )

    def screenshot(self, path: Path) -> Path:
        """Save a PNG of the page to ``path`` and a copy in /tmp/oversight-screens/."""
        self.page.screenshot(path=str(path))
        SCREENS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SCREENS / path.name)
        return path


@contextmanager
def chromium(profile: Path) -> Iterator[Session]:
    """A headless Chromium page with a fresh profile in ``profile``; nothing leaves the machine."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, viewport=VIEWPORT
        )
        try:
            page = context.new_page()
            session = Session(page)
            page.on("console", lambda message: session.console.append((message.type, message.text)))
            page.on("pageerror", lambda error: session.errors.append(str(error)))
            page.on("request", lambda request: session.requests.append(request.url))

            def only_files(route: Any) -> None:
                if route.request.url.startswith("file://"):
                    route.continue_()
                else:
                    route.abort()

            context.route("**/*", only_files)
            yield session
        finally:
            context.close()
