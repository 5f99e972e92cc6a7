"""Entity resolution: from the names and parts in a fact to one key per real thing.

- A *named* organisation, inspectorate, force, board or post is looked up in
  the gazetteer by any of its labels ("FIDB" and "Future Improvement and
  Development Board" give one key). Force-level entries are keyed under the
  force they belong to (``kent-police/board/future-improvement-and-development-board``);
  a force-level name that carries its force's place name ("Essex Police and
  Crime Panel") is looked up again without it. A name the gazetteer lacks
  still gets a node, flagged ``unresolved``.
- A named *assessment area* is looked up in the area scheme, using the round
  (``context``) to tell apart the wordings two PEEL frameworks share.
- A person or any other named thing is keyed by its name under its scope.
- A thing identified by *parts* is keyed under its parent: classes with a key
  segment put it first (``afi-05`` for AFI number 5, ``board/<name>``).

>>> r = Resolver()
>>> kent = Ref.named("Force", "Kent")
>>> r.resolve(Ref.named("Board", "FIDB", within=kent)).key
'kent-police/board/future-improvement-and-development-board'
>>> r.resolve(Ref.of("AreaForImprovement", "5", within=Ref.of("Inspection", "PEEL 2021/22", within=kent))).key
'kent-police/peel-2021-22/afi-05'
>>> r.resolve(Ref.named("Board", "Gold Group", within=kent)).props["unresolved"]
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from oversight.errors import OntologyError
from oversight.graph.keys import check_key, make_key, slugify
from oversight.loaders.models import Ref
from oversight.ontology import L, Ontology, ontology

__all__ = ["Resolved", "Resolver"]


@dataclass(frozen=True)
class Resolved:
    """What a Ref resolves to: key, class, and the properties resolution itself knows."""

    key: str
    label: str
    props: dict[str, Any] = field(default_factory=dict)


class Resolver:
    """Resolves Refs to keys, with a cache (resolution is pure)."""

    def __init__(self, onto: Ontology | None = None) -> None:
        self.onto = onto or ontology()
        self._cache: dict[Ref, Resolved] = {}
        self._gazetteer_labels = {e.label for e in self.onto.gazetteer.entries}
        for label in list(self._gazetteer_labels):
            self._gazetteer_labels.update(self.onto.ancestors(label))

    def resolve(self, ref: Ref) -> Resolved:
        cached = self._cache.get(ref)
        if cached is None:
            cached = self._resolve(ref)
            self._cache[ref] = cached
        return cached

    # -- rules ----------------------------------------------------------------

    def _segment(self, label: str) -> str | None:
        for cls in self.onto.labels_for(label):
            segment = self.onto.classes[cls].key_segment
            if segment:
                return segment
        return None

    def _resolve(self, ref: Ref) -> Resolved:
        label = self.onto.L.check(ref.label)
        parent = self.resolve(ref.within).key if ref.within is not None else None
        if ref.key is not None:
            return Resolved(check_key(ref.key), label)
        if ref.name is not None:
            name = " ".join(ref.name.split())
            if self.onto.is_a(label, L.AssessmentArea):
                return self._area(name, ref.context)
            if label in self._gazetteer_labels:
                return self._gazetteered(label, name, parent)
            return Resolved(self._under(parent, label, [name]), label, {"name": name})
        return Resolved(self._under(parent, label, list(ref.parts)), label)

    def _under(self, parent: str | None, label: str, parts: list[str]) -> str:
        segment = self._segment(label)
        if segment is None:
            tail = make_key(*parts)
        elif all(re.fullmatch(r"\d+", p.strip()) for p in parts):
            tail = segment + "-" + "-".join(f"{int(p):02d}" for p in parts)
        else:
            words = [f"{int(p):02d}" if re.fullmatch(r"\d+", p.strip()) else p for p in parts]
            tail = segment + "/" + slugify(" ".join(words))
        return f"{parent}/{tail}" if parent else tail

    def _gazetteered(self, label: str, name: str, parent: str | None) -> Resolved:
        force = parent.split("/", 1)[0] if parent else None
        entry = self.onto.gazetteer.lookup(name, label, force=force)
        props: dict[str, Any] = {"surfaceNames": [name]}
        if entry is None:
            props.update(name=name, unresolved=True)
            if self.onto.is_a(label, L.Force):
                return Resolved(slugify(name), label, props)
            return Resolved(self._under(parent, label, [name]), label, props)
        props["name"] = entry.pref_label
        if entry.scope == "national":
            return Resolved(entry.slug, entry.label, props)
        if entry.scope != "force":
            raise OntologyError(f"gazetteer entry {entry.iri} has unknown scope {entry.scope!r}")
        segment = self._segment(entry.label) or "org"
        key = f"{parent}/{segment}/{entry.slug}" if parent else f"{segment}/{entry.slug}"
        return Resolved(key, entry.label, props)

    def _area(self, name: str, context: str | None) -> Resolved:
        framework = context
        if context and re.fullmatch(r"\d{4}.*", context):
            framework = self.onto.areas.framework_for(int(context[:4]))
        area = self.onto.areas.lookup(name, framework)
        if area is None:
            return Resolved(
                "area/" + slugify(name),
                L.AssessmentArea,
                {"name": name, "surfaceNames": [name], "unresolved": True},
            )
        return Resolved(
            "area/" + area.slug, L.AssessmentArea, {"name": area.pref_label, "surfaceNames": [name]}
        )
