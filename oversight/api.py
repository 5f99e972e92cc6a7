"""The public Python API: what the CLI calls, and what a notebook user imports.

>>> from oversight import api                                # doctest: +SKIP
>>> report = api.ingest(["papers/"], store=".oversight")     # doctest: +SKIP
>>> graph = api.load(".oversight")                           # doctest: +SKIP
>>> api.findings(graph, status="in-progress")                # doctest: +SKIP

Functions take a store path or an already loaded graph, return plain data
(dicts, lists, dataclasses), and raise :class:`oversight.errors.OversightError`
subclasses; they never print or exit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oversight.graph.build import build_graph
from oversight.graph.embedded_store import EmbeddedStore, StoreState
from oversight.graph.export import write_export
from oversight.graph.model import OversightGraph
from oversight.graph.validate import Violation
from oversight.graph.validate import validate as run_checks
from oversight.loaders.ingest import Problem, ProgressCallback, extract_paths, fact_counts
from oversight.queries.findings import findings_table

__all__ = [
    "IngestReport",
    "ingest",
    "load",
    "load_state",
    "stats",
    "export",
    "validate",
    "findings",
    "trace",
    "reconcile",
]

GraphOrStore = OversightGraph | str | Path


@dataclass
class IngestReport:
    """What an ingest did: documents by family, facts by kind, warnings and problems."""

    store: str
    documents: list[dict[str, Any]] = field(default_factory=list)
    families: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "store": self.store,
            "documents": self.documents,
            "families": self.families,
            "facts": self.facts,
            "warnings": self.warnings,
            "problems": [str(p) for p in self.problems],
            "skipped": self.skipped,
            "replaced": self.replaced,
            "nodes": self.nodes,
            "relationships": self.relationships,
        }


def load_state(store: str | Path) -> StoreState:
    """The store's extractions and graph."""
    return EmbeddedStore(store).load()


def load(source: GraphOrStore) -> OversightGraph:
    """The graph of a store (or the graph itself, when given one)."""
    if isinstance(source, OversightGraph):
        return source
    return load_state(source).graph


def ingest(
    paths: Iterable[str | Path],
    store: str | Path,
    family: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read papers and registers into the store, rebuilding its graph.

    Each document replaces what an earlier version of the same file (same
    path, other content) contributed; documents already in the store are
    kept. Files that cannot be used are listed in ``problems``; the others are
    still ingested. The store is written atomically, once, at the end.
    """
    embedded = EmbeddedStore(store)
    run = extract_paths(paths, family=family, on_progress=on_progress)
    with embedded.lock():
        state = embedded.load() if embedded.exists() else StoreState()
        by_key = {e.document.key: e for e in state.extractions}
        replaced: list[str] = []
        for extraction in run.extractions:
            for old_key, old in list(by_key.items()):
                if old.document.path == extraction.document.path and old_key != extraction.document.key:
                    replaced.append(old.document.path)
                    del by_key[old_key]
            by_key[extraction.document.key] = extraction
        extractions = sorted(by_key.values(), key=lambda e: e.document.key)
        graph = build_graph(extractions)
        if run.extractions or not embedded.exists():
            embedded.save(StoreState(extractions=extractions, graph=graph))
    counts = graph.counts()
    return IngestReport(
        store=str(embedded.path),
        documents=[
            {
                "path": e.document.path,
                "key": e.document.key,
                "family": e.document.family,
                "confidence": e.document.family_confidence,
                "title": e.document.title,
            }
            for e in run.extractions
        ],
        families=dict(sorted(Counter(e.document.family or "unknown" for e in run.extractions).items())),
        facts=fact_counts(run.extractions),
        warnings=[str(w) for e in run.extractions for w in e.warnings],
        problems=run.problems,
        skipped=run.skipped,
        replaced=sorted(set(replaced)),
        nodes=sum(1 for _ in graph.g.nodes),
        relationships=sum(counts["relationships"].values()),
    )


def stats(source: GraphOrStore) -> dict[str, Any]:
    """Counts by label and relationship type, and the names awaiting review."""
    graph = load(source)
    counts = graph.counts()
    return {
        "nodes": graph.g.number_of_nodes(),
        "relationships": graph.g.number_of_edges(),
        "labels": counts["labels"],
        "relationshipTypes": counts["relationships"],
        "unresolved": [
            {"key": n["key"], "label": n["labels"][0], "name": n.get("name"), "surfaceNames": n.get("surfaceNames", [])}
            for n in graph.unresolved()
        ],
    }


def export(source: GraphOrStore, fmt: str, path: str | Path, overwrite: bool = False) -> Path:
    """Write the graph as ``json`` (node-link), ``ttl``, ``jsonld`` or ``graphml``."""
    return write_export(load(source), fmt, Path(path), overwrite=overwrite)


def validate(source: GraphOrStore, checks: list[str] | None = None) -> list[Violation]:
    """Run the SHACL shapes and graph checks; an empty list means valid."""
    return run_checks(load(source), checks)


def findings(
    source: GraphOrStore,
    kind: str | None = None,
    inspection: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """Findings with status, RAG, due date, owners and overseeing boards."""
    return findings_table(load(source), kind=kind, inspection=inspection, status=status)


def trace(source: GraphOrStore, key: str, stated_only: bool = False) -> dict[str, Any]:
    """A finding's whole lineage (both directions, transitively), status history, owners and boards."""
    from oversight.queries.lineage import trace as trace_finding

    return trace_finding(load(source), key, stated_only=stated_only)


def reconcile(source: GraphOrStore, inspection: str | None = None) -> list[dict[str, Any]]:
    """Closure accounting for one inspection, or for every inspection a paper states counts about."""
    from oversight.queries.closure import reconcilable_inspections
    from oversight.queries.closure import reconcile as reconcile_inspection

    graph = load(source)
    keys = [inspection] if inspection else reconcilable_inspections(graph)
    return [reconcile_inspection(graph, key) for key in keys]
