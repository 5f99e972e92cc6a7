"""Views that would open as a hairball start folded: each inspection with its findings in one
node the page expands on a click (the page's part is tested in test_views_readable_browser.py)."""

from __future__ import annotations

import importlib

import pytest

from browser import AFI19, P17, P21, P23, governance_graph
from oversight.viz import make_view

AFI5 = f"{P21}/afi-05"
PLAN = "kent-police/plan/peel-2023-25-improvement-plan"
ACC = "kent-police/post/acc-crime"


def folded(view_groups: list[dict]) -> list[tuple[str, list[str]]]:
    return [(g["id"], sorted(g["members"])) for g in view_groups]


def test_the_whole_graph_folds_each_inspection_with_what_only_it_leads_to() -> None:
    view = make_view(governance_graph(), "graph")
    assert folded(view.groups) == [
        (f"group:{P17}", sorted([P17, f"{P17}/afi-03"])),
        (f"group:{P21}", sorted([P21, AFI5, f"{P21}/afi-07", f"{P21}/afi-08", AFI19, PLAN, ACC])),
        (f"group:{P23}", sorted([P23, f"{P23}/afi-02", f"{P23}/afi-04"])),
    ]


def test_a_filtered_graph_view_starts_expanded() -> None:
    assert make_view(governance_graph(), "graph", inspection=P21).groups == []


def test_the_graph_view_can_start_expanded() -> None:
    assert make_view(governance_graph(), "graph", grouped=False).groups == []


def test_a_folded_group_is_labelled_with_what_it_holds() -> None:
    labels = [g["label"] for g in make_view(governance_graph(), "graph").groups]
    assert labels == ["PEEL 2017 · 1 finding", "PEEL 2021/22 · 4 findings, 1 improvement plan, 1 post", "PEEL 2023/25 · 2 findings"]


def test_a_large_boards_view_folds_the_findings_of_each_inspection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("oversight.viz.boards_view"), "GROUP_FROM", 5)
    view = make_view(governance_graph(), "boards")
    assert folded(view.groups) == [(f"group:{P21}", sorted([AFI5, f"{P21}/afi-07", f"{P21}/afi-08", AFI19]))]


def test_a_small_boards_view_is_not_folded() -> None:
    assert make_view(governance_graph(), "boards").groups == []


def test_a_large_neighbourhood_folds_the_inspections_around_it_but_never_its_centre(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("oversight.viz.node_view"), "GROUP_FROM", 5)
    view = make_view(governance_graph(), "node", AFI5, depth=2)
    assert folded(view.groups) == [
        (f"group:{P17}", sorted([P17, f"{P17}/afi-03"])),
        (f"group:{P21}", sorted([P21, f"{P21}/afi-07", f"{P21}/afi-08", AFI19])),
        (f"group:{P23}", sorted([P23, f"{P23}/afi-02"])),
    ]
