"""Node positions computed once in Python, so every page opens with physics off.

Views read left to right (lineage, the accountability map, an inspection)
use :func:`column_positions`: one column per level, a tall level folded into
side-by-side sub-columns so the page keeps a readable zoom.

A browser cannot settle a force simulation of thousands of nodes in seconds,
and networkx's force layouts take a minute on 5,000 nodes (spring_layout: 62 s,
forceatlas2_layout: 45 s, measured here). So:

- up to :data:`SPRING_LIMIT` nodes: networkx's spring layout (seeded, so the
  same graph gives the same picture), refined by Kamada-Kawai up to 150 nodes
  for an even spread, then nodes closer than a label's room are pushed apart;
- above: a radial tree per connected component, linear in the graph's size.
  The tree is a minimum spanning tree that prefers containment links
  (an inspection ISSUED its findings, a finding HAS_STATUS its assessments)
  over shared hubs (a board that oversees hundreds of findings), so each
  inspection's findings sit together in one wedge around its force; the
  tree is rooted at its centre, each subtree gets an angle in proportion to
  its leaves, and each ring is wide enough for the nodes on it. Components
  are then packed in rows, largest first.

>>> pos = positions(["a", "b", "c"], [("a", "b", "ISSUED"), ("b", "c", "HAS_STATUS")])
>>> sorted(pos), all(isinstance(v, float) for xy in pos.values() for v in xy)
(['a', 'b', 'c'], True)
>>> big = positions([str(i) for i in range(400)], [(str(i), str(i + 1), "ISSUED") for i in range(399)])
>>> len(big), len(set(big.values()))
(400, 400)
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable

import networkx as nx
import numpy as np

from oversight.ontology import R

__all__ = ["positions", "spring_positions", "radial_positions", "column_positions", "SPRING_LIMIT", "TREE_WEIGHTS"]

#: Largest graph laid out by networkx's spring layout; larger ones get radial trees.
SPRING_LIMIT = 300

#: Spanning-tree preference by relationship type (lower joins first); others weigh 5.
TREE_WEIGHTS = {
    R.ISSUED: 1.0,
    R.HAS_STATUS: 1.0,
    R.HAS_JUDGEMENT: 1.0,
    R.HAS_STATED_COUNT: 1.0,
    R.RAISED_IN: 1.0,
    R.HAS_ITEM: 1.0,
    R.INSPECTED: 2.0,
    R.MEETING_OF: 2.0,
    R.FOLLOWS_UP: 2.5,
    R.CONDUCTED_BY: 3.0,
    R.SUPERSEDES: 3.0,
    R.CARRIED_FORWARD_TO: 3.0,
    R.CLOSED_BY: 4.0,
}

_SPACING = 70.0  # spring layout: pixels per sqrt(node)
_KAMADA_KAWAI_LIMIT = 150  # up to this many nodes, Kamada-Kawai refines the spring layout
_ROOM = 75.0  # least distance between two nodes, with x scaled by _X_WEIGHT (a label is wider than tall)
_X_WEIGHT = 0.55
_GAP = 50.0  # radial layout: least arc between neighbours on a ring
_RING = 140.0  # radial layout: least distance between rings
_PAD = 160.0  # space between packed components


def _graph(keys: Iterable[str], links: Iterable[tuple[str, str, str]]) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(sorted(keys))
    for source, target, rel_type in links:
        if source == target:
            continue
        weight = TREE_WEIGHTS.get(rel_type, 5.0)
        if g.has_edge(source, target):
            weight = min(weight, g.edges[source, target]["w"])
        g.add_edge(source, target, w=weight)
    return g


def positions(
    keys: Iterable[str], links: Iterable[tuple[str, str, str]], seed: int = 0
) -> dict[str, tuple[float, float]]:
    """Pixel positions for ``keys`` joined by ``links`` (source, target, relationship type)."""
    g = _graph(keys, links)
    if g.number_of_nodes() <= SPRING_LIMIT:
        return spring_positions(g, seed)
    return radial_positions(g)


def spring_positions(g: nx.Graph, seed: int = 0) -> dict[str, tuple[float, float]]:
    """networkx's spring layout, seeded, scaled to pixels (about 140 px between neighbours)."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(g)): (0.0, 0.0)}
    if n <= _KAMADA_KAWAI_LIMIT:
        # Kamada-Kawai spreads a small graph more evenly than a spring layout; seed it from one.
        start = nx.spring_layout(g, seed=seed, iterations=50)
        raw = nx.kamada_kawai_layout(g, pos=start, weight=None)
    else:
        raw = nx.spring_layout(g, seed=seed, iterations=150)
    scale = _SPACING * math.sqrt(n) + 120.0
    keys = list(raw)
    spread = _spread(np.array([raw[k] for k in keys], dtype=float) * scale)
    return {k: (round(float(x), 1), round(float(y), 1)) for k, (x, y) in zip(keys, spread, strict=True)}


def _spread(points: np.ndarray, iterations: int = 80) -> np.ndarray:
    """Push apart nodes closer than a label's room (labels are wide: x counts less)."""
    n = len(points)
    # A deterministic nudge so that no two points coincide.
    points = points + np.stack([np.arange(n) % 7, np.arange(n) % 5], axis=1) * 0.01
    for _ in range(iterations):
        delta = points[:, None, :] - points[None, :, :]
        delta[..., 0] *= _X_WEIGHT
        dist = np.hypot(delta[..., 0], delta[..., 1])
        np.fill_diagonal(dist, np.inf)
        short = np.clip(_ROOM - dist, 0.0, None)
        if not short.any():
            break
        push = (delta / np.maximum(dist, 1e-6)[..., None] * (short / 2)[..., None]).sum(axis=1)
        push[:, 0] /= _X_WEIGHT
        points = points + 0.6 * push
    return points


def _tree_centre(tree: nx.Graph) -> str:
    # Strip leaves layer by layer; the last node standing is a centre (smallest key on ties).
    degree = {n: tree.degree(n) for n in tree}
    layer = sorted(n for n, d in degree.items() if d <= 1)
    remaining = len(degree)
    last = layer
    while remaining > 2 and layer:
        remaining -= len(layer)
        following = []
        for leaf in layer:
            for other in tree.neighbors(leaf):
                degree[other] -= 1
                if degree[other] == 1:
                    following.append(other)
        last = layer
        layer = sorted(following)
    candidates = layer or last
    return min(candidates)


def _radial(tree: nx.Graph) -> tuple[dict[str, tuple[float, float]], float]:
    root = _tree_centre(tree)
    parent: dict[str, str | None] = {root: None}
    order = [root]
    depth = {root: 0}
    children: dict[str, list[str]] = {root: []}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for other in sorted(tree.neighbors(node)):
            if other not in parent:
                parent[other] = node
                depth[other] = depth[node] + 1
                children[node].append(other)
                children[other] = []
                order.append(other)
                queue.append(other)
    leaves: dict[str, int] = {}
    for node in reversed(order):
        leaves[node] = sum(leaves[c] for c in children[node]) or 1
    on_ring: dict[int, int] = {}
    for d in depth.values():
        on_ring[d] = on_ring.get(d, 0) + 1
    radius = [0.0]
    for d in range(1, max(on_ring) + 1):
        radius.append(max(radius[-1] + _RING, on_ring[d] * _GAP / (2 * math.pi)))
    span = {root: (0.0, 2 * math.pi)}
    pos = {root: (0.0, 0.0)}
    for node in order:
        start, end = span[node]
        kids = children[node]
        total = sum(leaves[c] for c in kids)
        cursor = start
        for child in kids:
            width = (end - start) * leaves[child] / total
            span[child] = (cursor, cursor + width)
            angle = cursor + width / 2
            r = radius[depth[child]]
            pos[child] = (r * math.cos(angle), r * math.sin(angle))
            cursor += width
    return pos, radius[-1]


def radial_positions(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """Radial spanning-tree layout per component, components packed in rows; linear time."""
    parts = []
    for component in nx.connected_components(g):
        members = sorted(component)
        if len(members) == 1:
            parts.append((members, {members[0]: (0.0, 0.0)}, _GAP))
            continue
        tree = nx.minimum_spanning_tree(g.subgraph(members), weight="w", algorithm="kruskal")
        pos, r = _radial(tree)
        parts.append((members, pos, r + _GAP))
    parts.sort(key=lambda p: (-len(p[0]), p[0][0]))
    row_width = max(max(2 * r + _PAD for _, _, r in parts), math.sqrt(sum((2 * r + _PAD) ** 2 for _, _, r in parts)) * 1.2)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for _, pos, r in parts:
        size = 2 * r + _PAD
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for key, (px, py) in pos.items():
            out[key] = (round(cx + px, 1), round(cy + py, 1))
        x += size
        row_height = max(row_height, size)
    if out:
        mid_x = (min(p[0] for p in out.values()) + max(p[0] for p in out.values())) / 2
        mid_y = (min(p[1] for p in out.values()) + max(p[1] for p in out.values())) / 2
        out = {k: (round(px - mid_x, 1), round(py - mid_y, 1)) for k, (px, py) in out.items()}
    return out


_COLUMN_GAP = 250.0  # between levels
_SUB_GAP = 230.0  # between the sub-columns of one level
_ROW = 84.0  # between nodes of one column
_MAX_ROWS = 12  # a level with more nodes than this folds into sub-columns (at least)


def column_positions(
    level: dict[str, int], links: Iterable[tuple[str, str, str]] = ()
) -> dict[str, tuple[float, float]]:
    """Pixel positions by column: level 0 on the left, each level one column further right.

    Within a level, nodes are ordered by the mean height of their neighbours in
    the columns already placed (fewer crossings), then by key; a level of more
    than ``_MAX_ROWS`` nodes folds, row by row, into sub-columns about as tall
    as they are wide.

    >>> column_positions({"a": 0, "b": 1, "c": 1}, [("a", "b", "X"), ("a", "c", "X")])
    {'a': (0.0, 0.0), 'b': (250.0, -42.0), 'c': (250.0, 42.0)}
    """
    near: dict[str, set[str]] = {k: set() for k in level}
    for source, target, _ in links:
        if source in near and target in near and source != target:
            near[source].add(target)
            near[target].add(source)
    placed: dict[str, float] = {}
    out: dict[str, tuple[float, float]] = {}
    x = 0.0
    for column in sorted(set(level.values())):
        keys = sorted(k for k, v in level.items() if v == column)

        def order(key: str) -> tuple[float, str]:
            heights = [placed[n] for n in near[key] if n in placed]
            return (sum(heights) / len(heights) if heights else 0.0, key)

        keys.sort(key=order)
        n = len(keys)
        rows = max(_MAX_ROWS, math.ceil(math.sqrt(n * _SUB_GAP / _ROW)))
        cols = math.ceil(n / rows)
        rows = math.ceil(n / cols)
        for i, key in enumerate(keys):
            row, sub = divmod(i, cols)
            # Sub-columns are staggered by a fraction of a row, so neighbours' labels do not line up.
            y = (row - (rows - 1) / 2) * _ROW + sub * _ROW / cols
            out[key] = (round(x + sub * _SUB_GAP, 1), round(y, 1))
            placed[key] = y
        x += (cols - 1) * _SUB_GAP + _COLUMN_GAP
    return out
