"""Which HTML parser the web-page reader uses: selectolax (Lexbor) against lxml.html (libxml2).

Reproduce (from the repository root, in the project's venv)::

    python bench/bench_html.py              # a 1 MB page, 7 rounds, table then JSON
    python bench/bench_html.py --mb 4       # a larger page

A corpus-like page is generated here (site boilerplate: head with styles and
scripts, navigation, cookie banner, footer; a body of sections, each with a
heading, paragraphs with entities and non-breaking spaces, a bullet list and
a table of findings), about ``--mb`` megabytes. Side by side in one run, the
median of the rounds, in CPU time of this process (``time.process_time``: the
machine is shared, and wall time swung twofold between runs under load):

- ``parse``: the parser alone (bytes decoded to text first, for both);
- ``parse+walk``: the parse plus a visit of every node that reads its text,
  the work the reader does (selectolax's ``traverse(include_text=True)``;
  lxml's ``iter()`` with ``text``/``tail``), so the two are compared on the
  same work, without our line-building on top;
- ``reader``: the project's own :func:`oversight.loaders.read_html.html_lines`
  on selectolax (what ingest runs, without the child process).

Measured here (2 shared cores under a load average of about 12, 1.0 MB page,
11 rounds, three runs): parse alone selectolax 9.4 to 12.6 ms, lxml.html 8.7
to 16.6 ms (on a par); parse and walk selectolax 9.6 to 16.5 ms, lxml.html
24.0 to 33.8 ms (about 2 times faster with selectolax); the whole reader,
``html_lines``, 116 to 139 ms a MB. What decided, beyond the walk's speed, is
correctness: Lexbor implements the HTML5 parsing algorithm browsers use, and
libxml2's HTML parser is an HTML 4 parser that repairs broken markup its own
way. Text misplaced in a table (``<td>AFI 1</td>Stray text<td>Open</td>``)
is moved before the table by HTML5, as a browser shows it, but left between
the cells by libxml2, where a reader would join it into the row; and
``<p>a<table>…</table>b`` keeps ``b`` in the paragraph only under HTML5.
Not a timed test: the
numbers depend on the machine; compare them with each other, in one run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable

_HEAD = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Northshire Police &ndash; PEEL 2023&ndash;25</title>"
    "<meta property='article:modified_time' content='2024-05-01T09:00:00Z'>"
    "<style>body{font-family:sans-serif} .x{color:red}</style>"
    "<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script></head><body>"
    "<div class='cookie-banner'><p>We use cookies.</p><button>Accept</button></div>"
    "<a class='skip-link' href='#main'>Skip to content</a>"
    "<header role='banner'><nav><ul><li><a href='/'>Home</a></li><li><a href='/peel'>PEEL</a></li></ul></nav></header>"
    "<main id='main'><h1>Northshire Police PEEL 2023&ndash;25</h1><p>Last updated 01/05/2024</p>"
)
_TAIL = "</main><footer role='contentinfo'><p>&copy; HMICFRS 2024</p></footer></body></html>"
_WORDS = (
    "the force should improve how it investigates crime and supports victims of domestic abuse "
    "supervision of investigations is inconsistent and the quality of risk assessment varies"
).split()


def page(megabytes: float, seed: int = 7) -> str:
    """A corpus-like page of about ``megabytes`` MB."""
    rng = random.Random(seed)
    parts = [_HEAD]
    size = len(_HEAD)
    section = 0
    while size < megabytes * 1024 * 1024:
        section += 1
        body = [f"<section><h2>Area {section}: investigating&nbsp;crime</h2>"]
        for _ in range(4):
            words = " ".join(rng.choice(_WORDS) for _ in range(60))
            body.append(f"<p>{words} &amp; <strong>{rng.choice(_WORDS)}</strong>&nbsp;{rng.choice(_WORDS)}.</p>")
        body.append("<ul>" + "".join(f"<li>The force should {rng.choice(_WORDS)} {rng.choice(_WORDS)}</li>" for _ in range(5)) + "</ul>")
        body.append("<table><tr><th>AFI</th><th>Status</th><th>Owner</th></tr>")
        body.extend(f"<tr><td>AFI {i}</td><td>Open</td><td>DCC</td></tr>" for i in range(1, 6))
        body.append("</table></section>")
        text = "".join(body)
        parts.append(text)
        size += len(text)
    parts.append(_TAIL)
    return "".join(parts)


def _median_ms(func: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return round(statistics.median(times) * 1000, 1)


def _selectolax_walk(html: str) -> int:
    from selectolax.lexbor import LexborHTMLParser

    root = LexborHTMLParser(html).root
    assert root is not None
    total = 0
    for node in root.traverse(include_text=True):
        if node.tag == "-text":
            total += len(node.text_content or "")
    return total


def _lxml_walk(html: str) -> int:
    import lxml.html

    root = lxml.html.document_fromstring(html)
    total = 0
    for element in root.iter():
        total += len(element.text or "") + len(element.tail or "")
    return total


def run(megabytes: float, rounds: int) -> dict[str, object]:
    import lxml.html
    from selectolax.lexbor import LexborHTMLParser

    from oversight.loaders.read_html import html_lines

    html = page(megabytes)
    return {
        "page_bytes": len(html.encode("utf-8")),
        "rounds": rounds,
        "selectolax_parse_ms": _median_ms(lambda: LexborHTMLParser(html), rounds),
        "lxml_parse_ms": _median_ms(lambda: lxml.html.document_fromstring(html), rounds),
        "selectolax_parse_walk_ms": _median_ms(lambda: _selectolax_walk(html), rounds),
        "lxml_parse_walk_ms": _median_ms(lambda: _lxml_walk(html), rounds),
        "reader_html_lines_ms": _median_ms(lambda: html_lines(html), rounds),
        "reader_lines": len(html_lines(html)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="page size in MB")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    result = run(args.mb, args.rounds)
    print(f"page {result['page_bytes']:,} bytes, median of {result['rounds']} rounds")
    print(f"{'':12}{'selectolax':>12}{'lxml.html':>12}{'ratio':>8}")
    for what in ("parse", "parse_walk"):
        a, b = result[f"selectolax_{what}_ms"], result[f"lxml_{what}_ms"]
        print(f"{what:12}{a:>10} ms{b:>10} ms{b / a if a else 0:>7.1f}x")  # type: ignore[operator]
    print(f"reader (html_lines on selectolax): {result['reader_html_lines_ms']} ms, {result['reader_lines']} lines")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
