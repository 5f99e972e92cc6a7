"""Write a synthetic national corpus, its ground truth and its manifest.

``generate(out, forces=N, rounds=R, seed=S)`` writes

- ``out/corpus/<force>/<round>/*.txt`` and ``out/corpus/<force>/register.yaml``:
  for each force and PEEL round, the PEEL report, one or two progress papers
  (rounds named by round, not pillar), one or two inspections-and-audits
  papers, an agenda pack, and one register per force;
- ``out/truth.json``: the graph the documents state, in the node-link form of
  :meth:`~oversight.graph.model.OversightGraph.to_node_link`, built from the
  facts each renderer recorded line by line, with the project's own entity
  resolution and merge rules (no inferred links: those are what inference
  must find);
- ``out/manifest.json``: parameters, counts (documents by family, facts,
  nodes, relationships, findings, supersession by basis), the defects written
  in, and the supersession chains no document or register states
  (``unstated``), with the keys inference may propose for each.

The same parameters always give byte-identical files: every random choice
comes from a generator seeded with the seed and the force, every collection
is written in a fixed order.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oversight.errors import BadParameter
from oversight.graph.build import build_graph
from oversight.graph.model import OversightGraph
from oversight.graph.resolve import Resolver
from oversight.loaders.models import Extraction, Ref
from oversight.loaders.toolkit import naming
from oversight.synth.docs import Doc
from oversight.synth.inspections import render_inspections
from oversight.synth.lexicon import ROUNDS
from oversight.synth.minutes import render_minutes
from oversight.synth.progress import render_progress
from oversight.synth.records import render_record
from oversight.synth.register import render_register
from oversight.synth.report import render_report
from oversight.synth.world import ForceWorld, build_force, force_names

__all__ = ["Corpus", "generate", "render", "MAX_FORCES", "MAX_ROUNDS", "CORPUS_DIR", "TRUTH_FILE", "MANIFEST_FILE"]

MAX_FORCES = 43
MAX_ROUNDS = len(ROUNDS)
CORPUS_DIR = "corpus"
TRUTH_FILE = "truth.json"
MANIFEST_FILE = "manifest.json"
VERSION = 1


@dataclass
class Corpus:
    """Documents, their truth facts, the worlds they were written from."""

    docs: list[Doc]
    extractions: list[Extraction]
    worlds: list[ForceWorld]
    truth: OversightGraph


def _check(forces: int, rounds: int, seed: int) -> None:
    if not 1 <= forces <= MAX_FORCES:
        raise BadParameter(f"--forces {forces}: give 1 to {MAX_FORCES}")
    if not 1 <= rounds <= MAX_ROUNDS:
        raise BadParameter(f"--rounds {rounds}: give 1 to {MAX_ROUNDS} (PEEL 2017, 2018/19, 2021/22, 2023/25)")
    if seed < 0:
        raise BadParameter(f"--seed {seed}: give a whole number of 0 or more")


def render(forces: int = MAX_FORCES, rounds: int = MAX_ROUNDS, seed: int = 1) -> Corpus:
    """The corpus in memory: each force's world, its documents and the truth they state."""
    _check(forces, rounds, seed)
    resolver = Resolver()
    docs: list[Doc] = []
    worlds: list[ForceWorld] = []
    for force in force_names()[:forces]:
        world = build_force(force, rounds, seed)
        worlds.append(world)
        used_audits: set[str] = set()
        for index, plan in enumerate(world.rounds):
            previous = world.rounds[index - 1] if index else None
            docs.append(render_report(world, plan))
            for k in range(len(plan.progress_dates)):
                docs.append(render_progress(world, plan, k))
            for k in range(len(plan.ia_dates)):
                docs.append(render_inspections(world, plan, k, previous, seed, used_audits))
            docs.append(render_minutes(world, plan, seed))
            docs.append(render_record(world, plan, seed))
        docs.append(render_register(world, resolver))
    extractions = [doc.extraction() for doc in docs]
    truth = build_graph(extractions, derive=False)
    return Corpus(docs, extractions, worlds, truth)


def _dump_lines(items: list[Any]) -> str:
    return "[\n" + ",\n".join(json.dumps(i, sort_keys=True, ensure_ascii=False, separators=(",", ":")) for i in items) + "\n]"


def _unstated(corpus: Corpus) -> list[dict[str, Any]]:
    """Chains no document or register states: the earlier key and the keys of the later finding
    (its report key, and its key in a committee paper that counts it by area)."""
    resolver = Resolver()
    rows = []
    for world in corpus.worlds:
        tracked_ia = {plan.round.notation for plan in world.rounds if plan.round.tracked and plan.ia_dates}
        for chain in world.chains:
            if chain.basis != "unstated":
                continue
            earlier = naming.peel_inspection(world.force.ref, chain.earlier.round.notation, chain.earlier.round.pillar)
            later = naming.peel_inspection(world.force.ref, chain.later.round.notation, chain.later.round.pillar)
            keys = [resolver.resolve(Ref.of("AreaForImprovement", str(chain.later.number), within=later)).key]
            if chain.later.round.notation in tracked_ia:
                keys.append(resolver.resolve(
                    Ref.of("AreaForImprovement", chain.later.area.slug, str(chain.later.area_position), within=later)
                ).key)
            rows.append({
                "earlier": resolver.resolve(Ref.of("AreaForImprovement", str(chain.earlier.number), within=earlier)).key,
                "later": keys,
            })
    return sorted(rows, key=lambda r: (r["earlier"], r["later"]))


def manifest(corpus: Corpus, forces: int, rounds: int, seed: int) -> dict[str, Any]:
    """Parameters and counts of a corpus (see the module docstring)."""
    families = Counter(doc.family for doc in corpus.docs)
    defects: Counter[str] = Counter()
    for doc in corpus.docs:
        defects.update(doc.defects)
    facts: Counter[str] = Counter()
    for extraction in corpus.extractions:
        for fact in extraction.facts:
            facts["nodeFacts" if fact.kind == "node" else "relationshipFacts"] += 1
    counts = corpus.truth.counts()
    bases = Counter(chain.basis for world in corpus.worlds for chain in world.chains)
    forms = Counter(chain.form for world in corpus.worlds for chain in world.chains if chain.form)
    findings = Counter(plan.round.notation for world in corpus.worlds for plan in world.rounds for _ in plan.afis)
    return {
        "generator": "oversight synth",
        "version": VERSION,
        "parameters": {"forces": forces, "rounds": rounds, "seed": seed},
        "forces": [w.force.slug for w in corpus.worlds],
        "rounds": [r.notation for r in ROUNDS[:rounds]],
        "documents": {"total": len(corpus.docs), "byFamily": dict(sorted(families.items()))},
        "lines": sum(len(d.lines) for d in corpus.docs),
        "bytes": sum(len(d.text.encode("utf-8")) for d in corpus.docs),
        "facts": {"total": sum(facts.values()), **dict(sorted(facts.items()))},
        "truth": {
            "nodes": corpus.truth.g.number_of_nodes(),
            "relationships": corpus.truth.g.number_of_edges(),
            "labels": counts["labels"],
            "relationshipTypes": counts["relationships"],
        },
        "areasForImprovementByRound": dict(sorted(findings.items())),
        "supersession": {
            "chains": sum(bases.values()),
            "stated": bases["stated"],
            "statedUnidentified": bases["stated-unidentified"],
            "register": bases["register"],
            "unstated": bases["unstated"],
            "statedForms": dict(sorted(forms.items())),
        },
        "defects": dict(sorted(defects.items())),
        "unstated": _unstated(corpus),
    }


def generate(out: str | Path, forces: int = MAX_FORCES, rounds: int = MAX_ROUNDS, seed: int = 1) -> dict[str, Any]:
    """Write the corpus, ``truth.json`` and ``manifest.json`` under ``out``; returns the manifest.

    ``out`` must be empty, missing, or an earlier output of this function (its
    corpus is then replaced). Raises BadParameter otherwise, and for forces
    outside 1..43, rounds outside 1..4 or a negative seed.
    """
    _check(forces, rounds, seed)
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MANIFEST_FILE).is_file())):
        raise BadParameter(f"{out}: not empty and not a synthetic corpus; choose another --output")
    corpus = render(forces, rounds, seed)
    target = out / CORPUS_DIR
    if target.exists():
        shutil.rmtree(target)
    for doc in corpus.docs:
        path = target / doc.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(doc.text.encode("utf-8"))
    link = corpus.truth.to_node_link()
    (out / TRUTH_FILE).write_text(
        '{"nodes":' + _dump_lines(link["nodes"]) + ',\n"edges":' + _dump_lines(link["edges"]) + "}\n", encoding="utf-8"
    )
    data = manifest(corpus, forces, rounds, seed)
    (out / MANIFEST_FILE).write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return data
