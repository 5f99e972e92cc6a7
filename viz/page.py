"""One self-contained HTML file per view: the page template, inlined scripts, safe data.

A :class:`View` is plain data (vis-network node and edge items, the tooltip
facts and source lines of each, the legend, the filters, the vis-network
options). :func:`render_html` pours it into ``templates/view.html.j2``:

- the vis-network standalone build that ships inside the pyvis wheel, the
  page's own script (``static/view.js``) and style (``static/view.css``) are
  inlined, so the file opens offline from a shared drive and fetches nothing;
- the data goes in one ``<script type="application/json">`` block, serialised
  by :func:`script_json`, which escapes ``<``, ``>``, ``&`` and U+2028/2029 so
  no document text can close the block or open a tag;
- text from documents is never HTML: the page script builds tooltips and
  details with ``textContent``; headings and the legend go through Jinja's
  autoescaping;
- a Content-Security-Policy allows only the page's own three scripts (by
  hash) and no network access at all, as a second line of defence.

pyvis itself is used for the vis-network build only: its ``Network`` keeps node
ids in a list (quadratic on large graphs) and its template fetches Bootstrap
from a CDN and turns every tooltip into HTML when one title contains ``href``.

>>> view = View(name="graph", title="<b>Kent</b>", nodes=[{"id": "a", "label": "A"}], edges=[])
>>> html = render_html(view)
>>> "<title>&lt;b&gt;Kent&lt;/b&gt;</title>" in html, "https://" in html.split("<script")[0]
(True, False)
>>> script_json({"q": "</script><img src=x>"})
'{"q":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from oversight.errors import OversightError
from oversight.graph.export import write_atomically

__all__ = ["View", "render_html", "write_html", "script_json", "vis_network_js", "DEFAULT_FILENAME"]

#: Default output file of ``oversight view NAME`` (in the current directory).
DEFAULT_FILENAME = "oversight-{view}.html"

#: Where the pyvis wheel keeps the vis-network standalone UMD build (first found wins).
VIS_NETWORK_PATHS = ("lib/vis-9.1.2/vis-network.min.js", "templates/lib/vis-9.1.2/vis-network.min.js")

_SCRIPT_UNSAFE = re.compile(r"</script|<!--", re.IGNORECASE)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


@dataclass
class View:
    """Everything one page shows, as plain data.

    ``nodes`` and ``edges`` are vis-network items (``id``, ``label``, ``x``/``y``
    or ``level``, ``shape``, ``color``, ``dashes``, …); ``info`` holds, per node
    or edge id, the facets the filters use (``f``), the tooltip facts (``facts``:
    ``[name, value]`` pairs) and source lines (``src``: ``[document index, line,
    end line, quote]``, indexing ``documents`` and ``document_keys``), what a deduced
    or inferred fact rests on (``from``) and a finding's status history (``history``);
    ``texts`` the cited documents' titles, dates and lines (:mod:`oversight.viz.evidence`),
    from which the page shows each source's passage; ``groups`` the nodes folded into
    one the page expands on a click (``{"id", "of", "label", "members", "shape", "colour"}``); ``legend`` is a list of sections
    ``{"title", "items": [{"label", "kind", "shape", "colour", "border", "dashes"}]}``;
    ``facets`` a list of filters ``{"name", "title", "values": [{"value", "label", "count"}]}``;
    ``big`` tells the page to trade looks for speed (selection instead of dimming).
    """

    name: str
    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    subtitle: str = ""
    info: dict[str, dict[str, Any]] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)
    document_keys: list[str] = field(default_factory=list)
    texts: dict[str, dict[str, Any]] = field(default_factory=dict)
    groups: list[dict[str, Any]] = field(default_factory=list)
    legend: list[dict[str, Any]] = field(default_factory=list)
    facets: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    big: bool = False

    @property
    def counts(self) -> tuple[int, int]:
        """(nodes, edges) drawn."""
        return len(self.nodes), len(self.edges)

    def payload(self) -> dict[str, Any]:
        """The data the page script reads (the JSON block)."""
        return {
            "view": self.name,
            "nodes": self.nodes,
            "edges": self.edges,
            "info": self.info,
            "documents": self.documents,
            "documentKeys": self.document_keys,
            "texts": self.texts,
            "groups": self.groups,
            "options": self.options,
            "big": self.big,
        }

    def html(self) -> str:
        """The self-contained page."""
        return render_html(self)

    def write(self, path: str | Path, overwrite: bool = False) -> Path:
        """Write the page to ``path``; an existing file is kept unless ``overwrite``."""
        return write_html(self.html(), Path(path), overwrite=overwrite)


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` block: ``<``, ``>``, ``&``, U+2028/9 escaped.

    The result is still valid JSON (and JavaScript) meaning the same value.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def _checked_script(text: str, name: str) -> str:
    if _SCRIPT_UNSAFE.search(text):
        raise OversightError(f"{name}: contains '</script' or '<!--' and cannot be inlined")
    return text


@functools.lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network standalone build shipped in the pyvis wheel (licence header kept)."""
    base = resources.files("pyvis")
    for relative in VIS_NETWORK_PATHS:
        candidate = base.joinpath(relative)
        if candidate.is_file():
            return _checked_script(candidate.read_text(encoding="utf-8"), f"pyvis/{relative}")
    raise OversightError(
        f"pyvis: no vis-network build found (looked for {', '.join(VIS_NETWORK_PATHS)}); reinstall pyvis>=0.3.2"
    )


@functools.cache
def _asset(name: str) -> str:
    text = (resources.files(__package__) / name).read_text(encoding="utf-8")
    return _checked_script(text, f"viz/{name}") if name.endswith(".js") else text


@functools.lru_cache(maxsize=1)
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(_asset("templates/view.html.j2"))


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(view: View) -> str:
    """The view as one HTML page that needs nothing but itself."""
    from markupsafe import Markup

    vis_js = vis_network_js()
    app_js = _asset("static/evidence.js") + "\n" + _asset("static/view.js")
    css = _asset("static/view.css") + _asset("static/evidence.css")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_sha256(vis_js)} {_sha256(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    n_nodes, n_edges = view.counts
    return str(
        _template().render(
            view=view,
            csp=csp,
            counts=f"{n_nodes} node{'s' * (n_nodes != 1)}, {n_edges} link{'s' * (n_edges != 1)}",
            css=Markup(css),
            vis_js=Markup(vis_js),
            app_js=Markup(app_js),
            data_json=Markup(script_json(view.payload())),
        )
    )


def write_html(html: str, path: Path, overwrite: bool = False) -> Path:
    """Write a page atomically; refuse to replace an existing file unless ``overwrite``."""
    return write_atomically(path, html, overwrite=overwrite)
