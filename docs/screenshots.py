"""Regenerate the README's screenshots from the demo: ``python docs/screenshots.py``.

Runs ``oversight demo`` (the library's :func:`oversight.demo.run_demo`) into a
temporary folder, opens its tracker and its lineage view in headless Chromium
(Debian's ``/usr/bin/chromium`` through Python playwright, from the ``dev``
extra; no browser is downloaded, and nothing leaves the machine) and writes
``docs/tracker.png`` and ``docs/lineage.png``. The pictures therefore show what
the current code draws for the bundled examples; rerun it after changing a view.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 860}
#: The finding whose evidence the tracker shot opens (its permalink), as the demo traces it.
FINDING = "kent-police/peel-2021-22/afi-05"


def screenshots(out: Path, chromium: Path = CHROMIUM) -> list[Path]:
    """Build the demo in a temporary folder and write ``tracker.png`` and ``lineage.png`` into ``out``."""
    from playwright.sync_api import sync_playwright

    from oversight.demo import run_demo

    written = []
    with tempfile.TemporaryDirectory(prefix="oversight-shots-") as tmp:
        demo = run_demo(Path(tmp) / "demo", examples=REPO / "examples")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(chromium), args=ARGS)
            try:
                page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
                page.goto(Path(demo.tracker or "").resolve().as_uri() + f"#finding={FINDING}")
                page.wait_for_function("window.trReady === true")
                # The permalink opened the finding's evidence; show the page from its top.
                page.evaluate("window.scrollTo(0, 0); document.querySelectorAll('*').forEach((e) => { e.scrollTop = 0; })")
                page.wait_for_timeout(300)
                written.append(_shot(page, out / "tracker.png"))
                page.goto(Path(demo.views["lineage"]).resolve().as_uri())
                page.wait_for_function("window.ovReady === true")
                page.wait_for_timeout(800)  # the fit animation
                written.append(_shot(page, out / "lineage.png"))
            finally:
                browser.close()
    return written


def _shot(page: object, path: Path) -> Path:
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DOCS, help="Folder for the PNG files (default: docs/).")
    parser.add_argument("--chromium", type=Path, default=CHROMIUM, help="The Chromium to drive (default: /usr/bin/chromium).")
    args = parser.parse_args(argv)
    if not args.chromium.exists():
        print(f"error: {args.chromium}: no Chromium here (apt-get install chromium, or pass --chromium)", file=sys.stderr)
        return 2
    for path in screenshots(args.out, args.chromium):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
