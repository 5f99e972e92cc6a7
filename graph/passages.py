"""Passages of a paper that no fact cites: what a later paper says, area by area, beyond its findings.

A committee paper on a new inspection describes each assessment area: the
new findings (cited by their nodes), what became of the old ones (cited by
the stated counts) and, often, work that continues an old finding in words no
extractor turned into a fact ("Crime prevention advice ... to callers has
improved significantly ... Evaluation will continue"). Inference reads those
uncited passages as evidence that an earlier finding continues in that area.

:func:`area_passages` finds, in every paper that cites an inspection's
findings or judgements, the section of each area (from the area's first cited
line to the next area's, ending at the last line citing the inspection) and
returns its non-blank lines that nothing in the graph cites. The paper's text is
the one the store kept (:mod:`oversight.graph.document_texts`) or, failing that,
the file at its ``path``, read again only when it still has the ``sha256`` the
graph recorded (otherwise its line numbers could point elsewhere): a paper with
no kept text that moved or changed gives no passages, and inference goes on
without them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from oversight.errors import OversightError
from oversight.graph.document_texts import read_lines
from oversight.graph.model import EDGE_EVIDENCE_PROPS, OversightGraph
from oversight.ontology import R

__all__ = ["Passage", "PassageIndex", "document_lines"]

#: Passages shorter than this many characters (headings, figures) say too little to compare.
MIN_PASSAGE_CHARS = 60


@dataclass(frozen=True)
class Passage:
    """One uncited line of a paper, in the section of an assessment area."""

    document: str
    line: int
    text: str
    area: str
    inspection: str

    @property
    def key(self) -> str:
        return f"{self.document}#L{self.line}"


def document_lines(graph: OversightGraph, document: str) -> list[str] | None:
    """The lines of a Document node's paper: the text the store kept of it
    (:mod:`oversight.graph.document_texts`), else read again from its path; None when
    neither is there, or the file is no longer the content the graph was built from."""
    from oversight.loaders.registry import reader_for

    if document not in graph:
        return None
    node = graph.node(document)
    path, sha256 = node.get("path"), node.get("sha256")
    if not sha256:
        return None
    if graph.documents_root is not None:
        kept = read_lines(graph.documents_root, document, str(sha256))
        if kept is not None:
            return kept
    if not path:
        return None
    where = Path(str(path))
    if not where.is_absolute() and graph.documents_root is not None:
        where = graph.documents_root / where  # the store keeps paths relative to itself
    try:
        doc = reader_for(str(where))(where)
    except (OversightError, OSError):
        return None
    return doc.lines if doc.sha256 == sha256 else None


class PassageIndex:
    """The uncited passages of the papers describing each inspection, computed on first use."""

    def __init__(self, graph: OversightGraph) -> None:
        self.graph = graph
        self._by_inspection: dict[str, list[Passage]] = {}
        self._cited: dict[str, set[int]] | None = None

    def _cited_lines(self) -> dict[str, set[int]]:
        """Every line any node or relationship cites, by document (one pass over the graph)."""
        if self._cited is None:
            cited: dict[str, set[int]] = defaultdict(set)
            docs, lines = EDGE_EVIDENCE_PROPS[0], EDGE_EVIDENCE_PROPS[1]
            for _, target, data in self.graph.g.edges(data=True):
                props = data["props"]
                if data["type"] == R.EVIDENCED_BY:
                    first = int(props["line"])
                    cited[target].update(range(first, int(props.get("endLine", first)) + 1))
                elif docs in props:
                    for document, line in zip(props[docs], props[lines], strict=True):
                        cited[document].add(int(line))
            self._cited = dict(cited)
        return self._cited

    def of(self, inspection: str) -> list[Passage]:
        """The uncited passages in the area sections of every paper describing ``inspection``."""
        if inspection not in self._by_inspection:
            self._by_inspection[inspection] = self._read(inspection)
        return self._by_inspection[inspection]

    def _read(self, inspection: str) -> list[Passage]:
        graph = self.graph
        # (document -> area -> first line citing it), from the inspection's findings and judgements
        starts: dict[str, dict[str, int]] = defaultdict(dict)
        last: dict[str, int] = defaultdict(int)
        members = graph.out(inspection, R.ISSUED) + graph.out(inspection, R.HAS_JUDGEMENT)
        for key in [inspection, *members]:
            areas = graph.out(key, R.IN_AREA) if key != inspection else []
            for cite in graph.evidence(key):
                document, line = cite["document"], int(cite["line"])
                last[document] = max(last[document], int(cite.get("endLine", line)))
                for area in areas:
                    known = starts[document].get(area)
                    starts[document][area] = line if known is None else min(known, line)
        passages: list[Passage] = []
        for document in sorted(starts):
            headings = sorted((line, area) for area, line in starts[document].items())
            if not headings:
                continue
            lines = document_lines(graph, document)
            if lines is None:
                continue
            cited = self._cited_lines().get(document, set())
            ends = [line for line, _ in headings[1:]] + [last[document] + 1]
            for (start, area), end in zip(headings, ends, strict=True):
                for number in range(start + 1, min(end, len(lines) + 1)):
                    text = lines[number - 1].strip()
                    if number not in cited and len(text) >= MIN_PASSAGE_CHARS:
                        passages.append(Passage(document, number, text, area, inspection))
        return passages
