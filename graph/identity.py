"""One node per real finding: restatements merged, unclear matches kept as suggestions.

Papers restate each other's findings under other keys: a committee paper
lists a separate inspection's AFIs under a PEEL area (``…/peel-2023-25/afi/
workforce-corruption-01`` is ``…/vetting-and-counter-corruption/afi/
workforce-corruption-01``), or names an AFI by its place in an area where the
report numbers it. This stage runs after the stated facts are in and before
any derivation, and decides which keys are one finding.

Candidate pairs are findings of the same kind and force that

- a loader states are one (a ``SAME_AS`` relationship, basis stated or
  register, with the line: "the paper counts this inspection's AFIs under the
  PEEL area"), or
- share their issuer but are keyed in different numbering schemes (one by the
  report's own number, ``afi-05``; one by its place in an area,
  ``afi/responding-to-the-public-04``), so the keys cannot tell them apart.

A pair whose recorded areas differ, or whose numbers differ where both count
the same way, is never one finding. Otherwise its confidence weighs the
inspection (:data:`WEIGHTS`: the same issuer, or a paper that lists them as
one), the area (same; half when either lacks one), the number (same place;
half when the numbering schemes differ) and the wording (TF-IDF cosine of the
two texts, counted in full from :data:`WORDING_CEILING`).

At or above :data:`MERGE_CONFIDENCE` the pair is merged into one node: the
key a stated link points to (the finding as its own issuer keys it), else
the report-numbered key, else the key with the most citing documents, is
kept; the other joins ``aliasKeys`` with its reason in ``aliasReasons``; its
relationships (statuses, areas, boards, links) and citations move to the kept
node, so statuses that disagree stay side by side in the history. A finding
has one issuer: the kept node keeps its own, and the inspection that listed
the alias under its heading is named in the alias reason, its lines cited on
the node. Properties
merge by the graph's rules (a differing value is kept in ``conflicts``),
except ``text`` and ``number``, which belong to the key they were stated under
(the alias's wording stays in the citations it brought). At or above
:data:`SUGGEST_CONFIDENCE` the pair stays two nodes joined by an inferred
``SAME_AS`` with its confidence and reason, which ``validate`` lists for
review; nothing is merged silently.

>>> from oversight.loaders.models import Evidence
>>> g = OversightGraph()
>>> g.add_node("document/a", "Document", {"sha256": "0" * 64})
>>> ev = Evidence(document="document/a", line=4, quote="two AFIs")
>>> g.add_node("area/vetting", "AssessmentArea", {"name": "Vetting"}, ev)
>>> for key in ("f/x/afi/vetting-01", "f/y/afi/vetting-01"):
...     g.add_node(key, "AreaForImprovement", {"number": 1}, ev)
...     g.add_edge(key, "IN_AREA", "area/vetting", {}, ev)
>>> g.add_edge("f/x/afi/vetting-01", "SAME_AS", "f/y/afi/vetting-01", {"basis": "stated"}, ev)
>>> resolve_identities(g)
>>> g.node("f/y/afi/vetting-01")["aliasKeys"], "f/x/afi/vetting-01" in g
(['f/x/afi/vetting-01'], False)
>>> canonical_key(g, "f/x/afi/vetting-01")
'f/y/afi/vetting-01'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from oversight.errors import UnknownKey
from oversight.graph.model import EDGE_EVIDENCE_PROPS, OversightGraph
from oversight.graph.similarity import pair_similarities
from oversight.loaders.models import Evidence
from oversight.ontology import L, R

__all__ = [
    "IdentityMatch",
    "identity_matches",
    "resolve_identities",
    "canonical_key",
    "WEIGHTS",
    "MERGE_CONFIDENCE",
    "SUGGEST_CONFIDENCE",
]

#: How much each signal weighs in a match's confidence (they sum to 1).
WEIGHTS = {"inspection": 0.4, "area": 0.2, "number": 0.2, "wording": 0.2}
#: At or above this, two keys are merged into one node.
MERGE_CONFIDENCE = 0.8
#: At or above this (and below the merge), an inferred SAME_AS is suggested for review.
SUGGEST_CONFIDENCE = 0.5
#: Wording similarity (TF-IDF cosine) at or above this counts in full: paraphrases share few words.
WORDING_CEILING = 0.5
#: Bases on which a SAME_AS relationship decides the inspection signal (a paper or a lead says so).
_DECIDING = ("stated", "register")
#: Properties that belong to the key they were stated under, not carried to the kept node.
_OWN_PROPS = ("text", "number")


@dataclass(frozen=True, order=True)
class IdentityMatch:
    """Two keys that may be one finding, with the match's confidence and what it weighed."""

    confidence: float
    first: str
    second: str
    reason: str
    stated: tuple[tuple[str, int, str], ...] = ()


def _issuers(graph: OversightGraph, key: str) -> list[str]:
    return graph.into(key, R.ISSUED) + graph.out(key, R.RAISED_IN)


def _scheme(key: str, issuer: str | None) -> str:
    """``number`` for a key by the report's own number (``afi-05``), ``place`` for one by area."""
    if issuer and key.startswith(issuer + "/") and "/" in key[len(issuer) + 1 :]:
        return "place"
    return "number" if re.search(r"-\d+$", key) else "other"


def _own_issuer(graph: OversightGraph, key: str) -> str | None:
    """The issuer whose key the finding's key is keyed under, else its first issuer."""
    issuers = _issuers(graph, key)
    for issuer in issuers:
        if key.startswith(issuer + "/"):
            return issuer
    return issuers[0] if issuers else None


def _stated_links(graph: OversightGraph) -> dict[frozenset[str], list[dict[str, Any]]]:
    links: dict[frozenset[str], list[dict[str, Any]]] = {}
    for edge in graph.edges(type=R.SAME_AS):
        if edge.get("basis") in _DECIDING:
            links.setdefault(frozenset((edge["source"], edge["target"])), []).append(edge)
    return links


def _may_share_area(a: set[str], b: set[str]) -> bool:
    """Whether two findings' areas leave them possibly one: either not recorded, or one in common."""
    return not a or not b or bool(a & b)


def identity_matches(graph: OversightGraph) -> list[IdentityMatch]:
    """Every candidate pair that may be one finding, with its confidence, best first.

    Pairs whose areas or comparable numbers differ are left out; the others
    are scored as the module describes, whatever their confidence.
    """
    findings = graph.keys(L.Finding)
    info: dict[str, dict[str, Any]] = {}
    for key in findings:
        node = graph.node(key)
        issuer = _own_issuer(graph, key)
        info[key] = {
            "kind": node["labels"][0],
            "force": key.split("/", 1)[0],
            "issuer": issuer,
            "scheme": _scheme(key, issuer),
            "areas": set(graph.out(key, R.IN_AREA)),
            "number": node.get("number"),
            "text": str(node.get("text") or ""),
        }
    stated = _stated_links(graph)
    pairs: set[tuple[str, str]] = {tuple(sorted(p)) for p in stated if len(p) == 2}  # type: ignore[misc]
    by_issuer: dict[str, list[str]] = {}
    for key, item in info.items():
        if item["issuer"] is not None:
            by_issuer.setdefault(item["issuer"], []).append(key)
    for keys in by_issuer.values():
        # only findings of one kind keyed by different schemes (a report's number, a place
        # in an area) may be one: pair the scheme groups of each kind, never all against all
        groups: dict[str, dict[str, list[str]]] = {}
        for key in keys:
            groups.setdefault(info[key]["kind"], {}).setdefault(info[key]["scheme"], []).append(key)
        for schemes in groups.values():
            names = sorted(schemes)
            for i, first in enumerate(names):
                for second in names[i + 1 :]:
                    for a in schemes[first]:
                        for b in schemes[second]:
                            if _may_share_area(info[a]["areas"], info[b]["areas"]):
                                pairs.add((a, b) if a < b else (b, a))
    texts = {k: v["text"] for k, v in info.items() if v["text"]}
    asked: dict[str, list[str]] = {}
    for a, b in pairs:
        if a in texts and b in texts:
            asked.setdefault(a, []).append(b)
    sims = pair_similarities(texts, asked) if asked else {}
    out = []
    for a, b in sorted(pairs):
        x, y = info[a], info[b]
        if x["kind"] != y["kind"] or x["force"] != y["force"]:
            continue
        if x["areas"] and y["areas"] and not x["areas"] & y["areas"]:
            continue
        comparable = x["scheme"] == y["scheme"]
        if comparable and x["number"] is not None and y["number"] is not None and x["number"] != y["number"]:
            continue
        reasons = []
        links = stated.get(frozenset((a, b)), [])
        cites = tuple(
            sorted(
                (d, n, q)
                for edge in links
                for d, n, q in zip(*(edge.get(p, []) for p in EDGE_EVIDENCE_PROPS), strict=True)
            )
        )
        if links:
            inspection = 1.0
            where = ", ".join(f"{d}#L{n}" for d, n, _ in cites)
            reasons.append(f"a paper lists them as one ({where})" if where else "a paper lists them as one")
        elif x["issuer"] == y["issuer"]:
            inspection = 1.0
            reasons.append(f"both issued by {x['issuer']}")
        else:
            inspection = 0.0
        if x["areas"] and y["areas"]:
            area = 1.0
            reasons.append("same area")
        else:
            area = 0.5
            reasons.append("area not recorded for both")
        if not comparable:
            number = 0.5
            reasons.append("numbered differently (report number and place in area)")
        elif x["number"] is not None and y["number"] is not None:
            number = 1.0
            reasons.append("same number")
        else:
            number = 0.5
            reasons.append("number not recorded for both")
        sim = sims.get((a, b))
        if sim is None:
            wording = 0.0
            reasons.append("wording not comparable")
        else:
            wording = min(1.0, sim / WORDING_CEILING)
            reasons.append(f"wording similarity {sim:.2f}")
        confidence = round(
            WEIGHTS["inspection"] * inspection
            + WEIGHTS["area"] * area
            + WEIGHTS["number"] * number
            + WEIGHTS["wording"] * wording,
            2,
        )
        out.append(IdentityMatch(confidence, a, b, "; ".join(reasons), cites))
    return sorted(out, key=lambda m: (-m.confidence, m.first, m.second))


def resolve_identities(graph: OversightGraph) -> None:
    """Merge the pairs matched with clear confidence; suggest ``SAME_AS`` for the unclear ones."""
    matches = identity_matches(graph)
    if not matches:
        return
    stated_targets = {e["target"] for e in graph.edges(type=R.SAME_AS) if e.get("basis") in _DECIDING}
    group: dict[str, set[str]] = {}
    merged: list[IdentityMatch] = []

    def members(key: str) -> set[str]:
        return group.get(key, {key})

    def slots(keys: set[str]) -> list[tuple[str, str]]:
        issued = [(k, _own_issuer(graph, k)) for k in keys]
        return [(i, _scheme(k, i)) for k, i in issued if i is not None]

    suggestions = []
    for match in matches:
        if match.confidence < SUGGEST_CONFIDENCE:
            continue
        left, right = members(match.first), members(match.second)
        if left is right:
            continue
        together = left | right
        # Two keys of one issuer in one numbering scheme are two findings by definition.
        taken = slots(together)
        clash = len(set(taken)) < len(taken)
        if match.confidence >= MERGE_CONFIDENCE and not clash:
            for key in together:
                group[key] = together
            merged.append(match)
        else:
            suggestions.append(match)
    done: set[str] = set()
    for key in sorted(group):
        if key in done:
            continue
        keys = group[key]
        done |= keys
        kept = min(
            keys,
            key=lambda k: (
                k not in stated_targets,
                _scheme(k, _own_issuer(graph, k)) != "number",
                -len({e["document"] for e in graph.evidence(k)}),
                k,
            ),
        )
        listed = {
            alias: [i for i in _issuers(graph, alias) if i not in _issuers(graph, kept)]
            for alias in keys - {kept}
        }
        notes = sorted(
            f"{_named(m, kept)}: confidence {m.confidence:.2f}; {m.reason}" for m in merged if m.first in keys
        )
        notes += [
            f"{alias}: listed under {', '.join(others)}" for alias, others in sorted(listed.items()) if others
        ]
        for alias in sorted(keys - {kept}):
            _merge(graph, alias, kept)
        graph.set_props(kept, {"aliasReasons": notes})
    for match in suggestions:
        a, b = canonical_key(graph, match.first), canonical_key(graph, match.second)
        if a == b:
            continue
        props = {"basis": "inferred", "confidence": match.confidence, "reason": match.reason}
        for key in (a, b):
            cited = graph.evidence(key)
            evidence = None
            if cited:
                first = cited[0]
                evidence = Evidence(document=first["document"], line=first["line"], quote=first["quote"])
            graph.add_edge(a, R.SAME_AS, b, props, evidence)


def _named(match: IdentityMatch, kept: str) -> str:
    """The merged pair as the kept node tells it: the other key, or both when neither is kept."""
    if kept in (match.first, match.second):
        return match.second if match.first == kept else match.first
    return f"{match.first} = {match.second}"


def _merge(graph: OversightGraph, alias: str, kept: str) -> None:
    """Move ``alias``'s properties, relationships and citations onto ``kept`` and drop it."""
    node = graph.node(alias)
    kept_node = graph.node(kept)
    props = {
        k: v
        for k, v in node.items()
        if k not in ("key", "labels") and not (k in _OWN_PROPS and k in kept_node)
    }
    aliases = sorted({alias, *node.get("aliasKeys", []), *kept_node.get("aliasKeys", [])})
    props.pop("aliasKeys", None)
    props.pop("aliasReasons", None)
    graph.add_node(kept, node["labels"][0], props)
    g = graph.g
    moving = list(g.out_edges(alias, keys=True, data=True)) + list(g.in_edges(alias, keys=True, data=True))
    for u, v, _, data in moving:
        source = kept if u == alias else u
        target = kept if v == alias else v
        if source == target:
            continue  # the link that said the two are one
        type_ = data["type"]
        if type_ in (R.ISSUED, R.RAISED_IN) and _issuers(graph, kept):
            # A finding has one issuer: the one that lists it under its own heading keeps its
            # citations on the node, and the alias reason names it.
            for cite in zip(*(data["props"].get(p, []) for p in EDGE_EVIDENCE_PROPS), strict=True):
                graph.add_node(kept, node["labels"][0], {}, Evidence(document=cite[0], line=cite[1], quote=cite[2]))
            continue
        edge_props = {k: val for k, val in data["props"].items() if k not in EDGE_EVIDENCE_PROPS}
        graph.add_edge(source, type_, target, edge_props)
        ident = graph.onto.relationship(type_).identity_property
        edge_key = f"{type_}#{edge_props[ident]}" if ident and ident in edge_props else type_
        merged = g.edges[source, target, edge_key]["props"]
        cites = set(zip(*(merged.get(p, []) for p in EDGE_EVIDENCE_PROPS), strict=True))
        cites |= set(zip(*(data["props"].get(p, []) for p in EDGE_EVIDENCE_PROPS), strict=True))
        if cites:
            ordered = sorted(cites)
            for index, name in enumerate(EDGE_EVIDENCE_PROPS):
                merged[name] = [c[index] for c in ordered]
    g.remove_node(alias)
    now = graph.node(kept)
    missing = [m for m in now.get("missing", []) if m not in now]
    graph.set_props(kept, {"aliasKeys": aliases, "missing": missing or None})


def canonical_key(graph: OversightGraph, key: str) -> str:
    """The key of the node ``key`` names: itself, or the finding it was merged into.

    Raises :class:`~oversight.errors.UnknownKey` when no node has that key or alias.
    """
    if key in graph:
        return key
    for node in graph.nodes(L.Finding):
        if key in node.get("aliasKeys", []):
            return str(node["key"])
    raise UnknownKey(key, suggestions=graph.nearest_keys(key))
