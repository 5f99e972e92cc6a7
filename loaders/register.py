"""The curated register: facts a governance lead writes by hand, in YAML.

The register adds or corrects what the papers leave out: an inspection's
details, a finding's owner and board, links between findings, and
supersession links asserted by a named person on a date (basis ``register``).
Every entry becomes facts whose evidence is the register's own lines, so a
registered fact is traced like any other. A small example::

    register:
      asserted_by: Head of Governance
      asserted_on: 2024-02-01
    force: Kent Police
    boards:
      - name: FIDB
        chaired_by: Deputy Chief Constable
    links:
      - from: kent-police/peel-2021-22/afi-19
        to: [kent-police/peel-2021-22/afi-07, kent-police/peel-2021-22/afi-08]
    supersedes:
      - later: kent-police/peel-2023-25/afi/responding-to-the-public-04
        earlier: kent-police/peel-2021-22/afi-05
        note: Same call-handling advice, carried into the new round.

The YAML is read safely (no Python objects), duplicate keys are refused, and
every error names the file and line: ``register.yaml:12: findings[0].kind:
Input should be 'AreaForImprovement', …``. A register whose own
``supersedes`` entries form a cycle (a finding that, link by link, supersedes
itself) is refused too, naming the line of the first entry in the cycle:
``register.yaml:9: supersedes[0]: supersession cycle: a/afi-01 supersedes
a/afi-02 supersedes a/afi-01``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any, Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from oversight.errors import RegisterError, UnreadableDocument
from oversight.loaders.models import (
    EdgeFact,
    Evidence,
    Extraction,
    NodeFact,
    Ref,
    TextDocument,
)
from oversight.loaders.toolkit.naming import body_ref, peel_inspection

__all__ = ["load_register", "parse_register", "RegisterFile"]

FindingKind = Literal["AreaForImprovement", "Recommendation", "CauseOfConcern", "Action", "AuditRecommendation"]
MAX_REGISTER_BYTES = 8 * 1024 * 1024


# -- YAML with line numbers and no duplicate keys ---------------------------------


class _Lines(dict):  # type: ignore[type-arg]
    """A mapping that remembers the lines it spans (1-based, inclusive)."""

    start: int
    end: int


#: Most YAML aliases (``*name``) one register may use. Each may stand only for a
#: scalar (a name, a date): an alias of a mapping or list is refused, since a few
#: nested ones expand exponentially ("billion laughs") long before any limit on
#: the file's size is reached.
MAX_ALIASES = 1000


class _Loader(yaml.SafeLoader):
    """A SafeLoader that counts aliases as they are composed, before anything is expanded."""

    _aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # PyYAML's Composer hook
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            line = event.start_mark.line + 1
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise RegisterError(f"line {line}: more than {MAX_ALIASES} YAML aliases; write the values out")
            target = self.anchors.get(event.anchor)
            if target is not None and not isinstance(target, yaml.ScalarNode):
                raise RegisterError(
                    f"line {line}: alias *{event.anchor} stands for a mapping or list; "
                    "aliases may only repeat a single value"
                )
        return super().compose_node(parent, index)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> _Lines:
    loader.flatten_mapping(node)
    out = _Lines()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in out:
            raise RegisterError(
                f"line {key_node.start_mark.line + 1}: duplicate key {key!r} "
                f"(first at line {out._keylines[key]})"  # type: ignore[attr-defined]
            )
        out[key] = loader.construct_object(value_node, deep=deep)
        out.__dict__.setdefault("_keylines", {})[key] = key_node.start_mark.line + 1
    out.start = node.start_mark.line + 1
    out.end = max(node.start_mark.line + 1, node.end_mark.line if node.end_mark.column == 0 else node.end_mark.line + 1)
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)  # type: ignore[arg-type]


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return value


# -- the schema ------------------------------------------------------------------


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Owner(_Entry):
    post: str | None = None
    person: str | None = None
    organisation: str | None = None
    board: str | None = None


OwnerSpec = Union[str, Owner]


class RegisterInfo(_Entry):
    asserted_by: str | None = None
    asserted_on: str | None = None
    title: str | None = None

    _iso = field_validator("asserted_on", mode="before")(_iso)


class InspectionEntry(_Entry):
    key: str | None = None
    force: str | None = None
    round: str | None = None
    pillar: str | None = None
    title: str | None = None
    kind: str | None = None
    published: str | None = None
    conducted_by: list[str] = Field(default_factory=list)
    inspected: bool | None = None

    _iso = field_validator("published", mode="before")(_iso)


class StatusEntry(_Entry):
    status: str
    date: str
    rag: str | None = None
    note: str | None = None

    _iso = field_validator("date", mode="before")(_iso)


class FindingEntry(_Entry):
    key: str | None = None
    inspection: str | None = None
    kind: FindingKind = "AreaForImprovement"
    number: int | None = None
    text: str | None = None
    area: str | None = None
    owner: list[OwnerSpec] = Field(default_factory=list)
    overseen_by: list[str] = Field(default_factory=list)
    deadline: str | None = None
    status: list[StatusEntry] = Field(default_factory=list)

    _iso = field_validator("deadline", mode="before")(_iso)

    @field_validator("owner", "overseen_by", "status", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return value if isinstance(value, list) else [value]


class BoardEntry(_Entry):
    name: str
    chaired_by: str | None = None
    reports_to: list[str] = Field(default_factory=list)

    @field_validator("reports_to", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return value if isinstance(value, list) else [value]


class LinkEntry(_Entry):
    from_: str = Field(alias="from")
    to: list[str]

    @field_validator("to", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return value if isinstance(value, list) else [value]


class SupersedesEntry(_Entry):
    later: str
    earlier: str
    asserted_by: str | None = None
    asserted_on: str | None = None
    note: str | None = None

    _iso = field_validator("asserted_on", mode="before")(_iso)


class RegisterFile(_Entry):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    info: RegisterInfo = Field(default_factory=RegisterInfo, alias="register")
    force: str | None = None
    inspections: list[InspectionEntry] = Field(default_factory=list)
    findings: list[FindingEntry] = Field(default_factory=list)
    boards: list[BoardEntry] = Field(default_factory=list)
    links: list[LinkEntry] = Field(default_factory=list)
    supersedes: list[SupersedesEntry] = Field(default_factory=list)


# -- reading ---------------------------------------------------------------------


def _line_of(data: Any, loc: tuple[Any, ...]) -> int | None:
    """The line of the value at ``loc`` in the raw YAML data (or of its nearest mapping)."""
    line = getattr(data, "start", None)
    node = data
    for part in loc:
        parent = node
        keylines = parent.__dict__.get("_keylines", {}) if isinstance(parent, _Lines) else {}
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, _Lines):
            line = node.start
        elif part in keylines:
            line = keylines[part]
    return line


def parse_register(text: str, path: str = "register.yaml") -> tuple[RegisterFile, Any]:
    """Validate register YAML text; raises RegisterError naming file and line."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except RegisterError as exc:
        raise RegisterError(f"{path}:{str(exc)[5:]}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        raise RegisterError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if data is None:
        raise RegisterError(f"{path}: empty register")
    if not isinstance(data, dict):
        raise RegisterError(f"{path}:1: a register is a mapping with sections such as findings: and supersedes:")
    try:
        register = RegisterFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = first["loc"]
        line = _line_of(data, tuple(loc))
        dotted = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise RegisterError(f"{path}:{line}: {dotted}: {first['msg']}{more}") from exc
    cycle = supersession_cycle([(e.later, e.earlier) for e in register.supersedes])
    if cycle is not None:
        index, keys = cycle
        line = _line_of(data, ("supersedes", index))
        raise RegisterError(
            f"{path}:{line}: supersedes[{index}]: supersession cycle: {' supersedes '.join(keys)}"
        )
    return register, data


def supersession_cycle(links: list[tuple[str, str]]) -> tuple[int, list[str]] | None:
    """The first ``(later, earlier)`` link that lies on a cycle, and the cycle, or None.

    Returns ``(index, [later, earlier, …, later])``. Linear in the number of
    links (iterative, so a long chain cannot exhaust the stack).

    >>> supersession_cycle([("a", "b"), ("c", "d"), ("b", "c"), ("c", "a")])
    (0, ['a', 'b', 'c', 'a'])
    >>> supersession_cycle([("a", "a")])
    (0, ['a', 'a'])
    >>> supersession_cycle([("b", "a"), ("c", "b")]) is None
    True
    """
    successors: dict[str, list[str]] = {}
    for later, earlier in links:
        successors.setdefault(later, []).append(earlier)
        successors.setdefault(earlier, [])
    component = _components(successors)
    for index, (later, earlier) in enumerate(links):
        if later == earlier:
            return index, [later, earlier]
        if component[later] == component[earlier]:
            # a shortest way back from earlier to later inside their component
            back = {earlier: earlier}
            queue = [earlier]
            for node in queue:
                if node == later:
                    break
                for nxt in successors[node]:
                    if nxt not in back and component[nxt] == component[later]:
                        back[nxt] = node
                        queue.append(nxt)
            path = [later]
            while path[-1] != earlier:
                path.append(back[path[-1]])
            return index, [later, *reversed(path)]
    return None


def _components(successors: dict[str, list[str]]) -> dict[str, int]:
    """Strongly connected components (Tarjan's algorithm, iteratively): node -> component number."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    counter = 0
    for root in successors:
        if root in index:
            continue
        work = [(root, iter(successors[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors[child])))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = index[node]
                    if member == node:
                        break
    return component


def load_register(path: Path) -> Extraction:
    """Read a register file into an Extraction whose evidence is the register's own lines."""
    try:
        if path.stat().st_size > MAX_REGISTER_BYTES:
            raise UnreadableDocument(path, "register too large")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(path, exc.strerror or str(exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegisterError(f"{path}: a register must be UTF-8 text") from exc
    register, raw = parse_register(text, str(path))
    doc = TextDocument(
        text.splitlines(),
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        format="yaml",
        encoding="utf-8",
    )
    return _Builder(doc, register, raw).extraction()


class _Builder:
    """Turns a validated register into facts, citing each entry's lines."""

    def __init__(self, doc: TextDocument, register: RegisterFile, raw: Any) -> None:
        self.doc = doc
        self.reg = register
        self.raw = raw
        self.facts: list[NodeFact | EdgeFact] = []
        self.force = Ref.named("Force", register.force) if register.force else None

    def ev(self, section: str, index: int) -> Evidence:
        entry = self.raw[section][index]
        return self.doc.evidence(entry.start, entry.end if entry.end > entry.start else None)

    def node(self, ref: Ref, props: dict[str, Any], ev: Evidence) -> None:
        self.facts.append(NodeFact(ref=ref, properties={k: v for k, v in props.items() if v is not None}, evidence=ev))

    def edge(self, type_: str, source: Ref, target: Ref, ev: Evidence, **props: Any) -> None:
        props = {k: v for k, v in props.items() if v is not None}
        self.facts.append(EdgeFact(type=type_, source=source, target=target, properties=props, evidence=ev))

    def force_of(self, name: str | None) -> Ref | None:
        return Ref.named("Force", name) if name else self.force

    def owner_ref(self, spec: OwnerSpec) -> Ref:
        if isinstance(spec, str):
            return Ref.named("Post", spec, within=self.force)
        if spec.person:
            return Ref.named("Person", spec.person, within=self.force)
        if spec.organisation:
            return body_ref(spec.organisation)
        if spec.board:
            return Ref.named("Board", spec.board, within=self.force)
        if spec.post:
            return Ref.named("Post", spec.post, within=self.force)
        raise RegisterError(f"{self.doc.path}: an owner needs one of post, person, organisation, board")

    def extraction(self) -> Extraction:
        reg = self.reg
        for i, entry in enumerate(reg.inspections):
            ev = self.ev("inspections", i)
            force = self.force_of(entry.force)
            if entry.key:
                ref = Ref.keyed("Inspection", entry.key)
            elif entry.round and force is not None:
                ref = peel_inspection(force, entry.round, entry.pillar)
            elif entry.title:
                ref = Ref.of("Inspection", entry.title, within=force)
            else:
                raise RegisterError(f"{self.doc.path}:{ev.line}: an inspection needs key, round or title")
            self.node(ref, {"title": entry.title, "kind": entry.kind, "published": entry.published, "round": entry.round, "pillar": entry.pillar}, ev)
            for body in entry.conducted_by:
                self.edge("CONDUCTED_BY", ref, body_ref(body), ev)
            if entry.inspected and force is not None:
                self.edge("INSPECTED", ref, force, ev)
        for i, finding in enumerate(reg.findings):
            ev = self.ev("findings", i)
            if finding.key:
                ref = Ref.keyed(finding.kind, finding.key)
            elif finding.inspection and finding.number is not None:
                ref = Ref.of(finding.kind, str(finding.number), within=Ref.keyed("Inspection", finding.inspection))
            else:
                raise RegisterError(f"{self.doc.path}:{ev.line}: a finding needs key, or inspection and number")
            self.node(ref, {"number": finding.number, "text": finding.text, "deadline": finding.deadline}, ev)
            if finding.inspection:
                self.edge("ISSUED", Ref.keyed("Inspection", finding.inspection), ref, ev)
            if finding.area:
                self.edge("IN_AREA", ref, Ref.named("AssessmentArea", finding.area), ev)
            for owner in finding.owner:
                self.edge("OWNED_BY", ref, self.owner_ref(owner), ev)
            for board in finding.overseen_by:
                self.edge("OVERSEEN_BY", ref, Ref.named("Board", board, within=self.force), ev)
            for status in finding.status:
                status_ref = Ref.of("StatusAssessment", status.date, within=ref)
                self.node(status_ref, {"status": status.status, "date": status.date, "rag": status.rag}, ev)
                self.edge("HAS_STATUS", ref, status_ref, ev)
        for i, board_entry in enumerate(reg.boards):
            ev = self.ev("boards", i)
            board = Ref.named("Board", board_entry.name, within=self.force)
            self.node(board, {}, ev)
            if board_entry.chaired_by:
                self.edge("CHAIRED_BY", board, Ref.named("Post", board_entry.chaired_by, within=self.force), ev)
            for other in board_entry.reports_to:
                self.edge("REPORTS_TO", board, Ref.named("Board", other, within=self.force), ev)
        for i, link in enumerate(reg.links):
            ev = self.ev("links", i)
            for target in link.to:
                self.edge("LINKED_TO", Ref.keyed("Finding", link.from_), Ref.keyed("Finding", target), ev)
        for i, claim in enumerate(reg.supersedes):
            ev = self.ev("supersedes", i)
            self.edge(
                "SUPERSEDES",
                Ref.keyed("Finding", claim.later),
                Ref.keyed("Finding", claim.earlier),
                ev,
                basis="register",
                assertedBy=claim.asserted_by or reg.info.asserted_by,
                assertedOn=claim.asserted_on or reg.info.asserted_on,
                reason=claim.note,
            )
        record = self.doc.record(title=reg.info.title or f"Register {Path(self.doc.path).name}", family="register", family_confidence=1.0)
        return Extraction(document=record, facts=self.facts)
