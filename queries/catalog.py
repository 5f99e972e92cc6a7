"""The catalogue of named governance questions: one Cypher file and one Python twin each.

Each question is a ``.cypher`` file in ``queries/catalog/`` (the source of truth
for Neo4j) that opens with ``//`` header lines::

    // name: overdue-findings
    // description: Open findings whose due date has passed as of a day ...
    // param asOf: date = today
    // columns: finding, kind, due, ...

``param`` lines declare each ``$parameter`` with a type (``string``, ``integer``,
``float``, ``boolean``, ``date``) and a default: ``null`` for "not given",
``today`` for a date that defaults to the day the question is asked, or none
at all for a parameter that must be given. ``columns`` names the columns every
row has, in order.

:data:`TWINS` maps each name to the function over the embedded graph that
answers the same question with the same rows in the same order; one dict, in
this one file, like rdflib's plugin registry, loaded on first use. A Cypher
file without a twin, or a twin without a file, is an error.

>>> q = question("overdue-findings")
>>> q.params[0]
Param(name='asOf', type='date', default='today')
>>> q.bind({"asOf": "2024-01-31"})
{'asOf': '2024-01-31'}
>>> question("overdue")
Traceback (most recent call last):
...
oversight.errors.QueryError: unknown query 'overdue'; known: accountability-chain, audits, boards, evidenced-by-document, finding-lineage, findings-by-area, findings-by-board, governance-gaps, grade-changes, inspection-outcome-counts, inspection-outcomes, inspections-by-inspectorate, open-findings-by-owner, overdue-findings, recommendations-due, status-history, unresolved-names
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from oversight.errors import QueryError

__all__ = [
    "TWINS",
    "PARAM_TYPES",
    "REQUIRED",
    "Param",
    "Question",
    "catalogue",
    "question",
    "names",
    "snake_case",
]

#: Question name -> "module:function" of its embedded twin.
TWINS: dict[str, str] = {
    "open-findings-by-owner": "oversight.queries.governance:open_findings_by_owner",
    "findings-by-board": "oversight.queries.governance:findings_by_board",
    "findings-by-area": "oversight.queries.governance:findings_by_area",
    "boards": "oversight.queries.governance:boards",
    "governance-gaps": "oversight.queries.governance:governance_gaps",
    "accountability-chain": "oversight.queries.governance:accountability_chain",
    "inspection-outcomes": "oversight.queries.progress:inspection_outcomes",
    "inspection-outcome-counts": "oversight.queries.progress:inspection_outcome_counts",
    "status-history": "oversight.queries.progress:finding_status_history",
    "overdue-findings": "oversight.queries.progress:overdue_findings",
    "recommendations-due": "oversight.queries.progress:recommendations_due",
    "inspections-by-inspectorate": "oversight.queries.inspections:inspections_by_inspectorate",
    "grade-changes": "oversight.queries.inspections:grade_changes",
    "audits": "oversight.queries.inspections:audits",
    "finding-lineage": "oversight.queries.inspections:finding_lineage",
    "evidenced-by-document": "oversight.queries.provenance:evidenced_by_document",
    "unresolved-names": "oversight.queries.provenance:unresolved_names",
}

PARAM_TYPES = ("string", "integer", "float", "boolean", "date")


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


#: The default of a parameter that must be given.
REQUIRED: Any = _Required()

_HEADER = re.compile(r"^//\s*(name|description|columns):\s*(.*?)\s*$")
_PARAM = re.compile(r"^//\s*param\s+([A-Za-z][A-Za-z0-9]*)\s*:\s*([a-z]+)\s*(?:=\s*(.*?))?\s*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE = ("true", "yes", "1")
_FALSE = ("false", "no", "0")


def snake_case(name: str) -> str:
    """The Python keyword for a Cypher parameter.

    >>> snake_case("includeInferred"), snake_case("asOf"), snake_case("finding")
    ('include_inferred', 'as_of', 'finding')
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@dataclass(frozen=True)
class Param:
    """A declared ``$parameter``: its name, type and default (:data:`REQUIRED` if none)."""

    name: str
    type: str
    default: Any

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def describe(self) -> str:
        """``name: type = default`` as the header writes it.

        >>> Param("asOf", "date", "today").describe()
        'asOf: date = today'
        >>> Param("finding", "string", REQUIRED).describe()
        'finding: string (required)'
        """
        if self.required:
            return f"{self.name}: {self.type} (required)"
        default = "null" if self.default is None else str(self.default).lower() if isinstance(self.default, bool) else str(self.default)
        return f"{self.name}: {self.type} = {default}"

    def parse(self, value: Any, query: str) -> Any:
        """Check or convert one value (a command-line string, or a Python value) to this type.

        >>> Param("openOnly", "boolean", False).parse("yes", "q")
        True
        >>> Param("asOf", "date", "today").parse("31/01/2024", "q")
        Traceback (most recent call last):
        ...
        oversight.errors.QueryError: query q: parameter asOf: '31/01/2024' is not a date (YYYY-MM-DD)
        """
        where = f"query {query}: parameter {self.name}"
        if value is None or (isinstance(value, str) and value == "null" and self.default is None):
            if self.default is None:
                return None
            raise QueryError(f"{where}: a value is needed")
        kind = self.type
        if kind == "string":
            if not isinstance(value, str):
                raise QueryError(f"{where}: {value!r} is not a string")
            return value
        if kind == "boolean":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.lower() in _TRUE + _FALSE:
                return value.lower() in _TRUE
            raise QueryError(f"{where}: {value!r} is not true or false")
        if kind == "integer":
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
                return int(value)
            raise QueryError(f"{where}: {value!r} is not an integer")
        if kind == "float":
            if isinstance(value, bool):
                raise QueryError(f"{where}: {value!r} is not a number")
            try:
                return float(value)
            except (ValueError, TypeError):
                raise QueryError(f"{where}: {value!r} is not a number") from None
        if kind == "date":
            if isinstance(value, _dt.date):
                return value.isoformat()
            if isinstance(value, str) and _DATE.match(value):
                try:
                    return _dt.date.fromisoformat(value).isoformat()
                except ValueError:
                    pass
            raise QueryError(f"{where}: {value!r} is not a date (YYYY-MM-DD)")
        raise QueryError(f"{where}: unknown type {kind!r}")  # pragma: no cover - checked on load


@dataclass(frozen=True)
class Question:
    """One named question: its header, Cypher text and embedded twin."""

    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    cypher: str
    file: str
    twin: str  # "module:function"

    @property
    def function(self) -> Callable[..., list[dict[str, Any]]]:
        """The embedded twin, imported on first use."""
        module, _, attr = self.twin.partition(":")
        return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]

    def bind(self, values: Mapping[str, Any], *, today: _dt.date | None = None) -> dict[str, Any]:
        """Every declared parameter with its value: given, else its default.

        Raises :class:`QueryError` for an unknown or missing parameter or a value
        of the wrong type; ``today`` defaults to the current date.
        """
        known = {p.name: p for p in self.params}
        for name in values:
            if name not in known:
                listed = ", ".join(sorted(known)) or "none"
                raise QueryError(f"query {self.name}: unknown parameter {name!r}; known: {listed}")
        bound: dict[str, Any] = {}
        for param in self.params:
            if param.name in values:
                bound[param.name] = param.parse(values[param.name], self.name)
            elif param.required:
                raise QueryError(f"query {self.name}: parameter {param.name} is required ({param.describe()})")
            elif param.default == "today" and param.type == "date":
                bound[param.name] = (today or _dt.date.today()).isoformat()
            else:
                bound[param.name] = param.default
        return bound

    def run_embedded(self, graph: Any, bound: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Answer on the embedded graph with already bound parameters."""
        return self.function(graph, **{snake_case(k): v for k, v in bound.items()})

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "parameters": [
                {
                    "name": p.name,
                    "type": p.type,
                    "default": None if p.required else p.default,
                    "required": p.required,
                    "declaration": p.describe(),
                }
                for p in self.params
            ],
            "columns": list(self.columns),
            "file": self.file,
        }


def _default(text: str | None, kind: str, where: str) -> Any:
    if text is None or text == "":
        return REQUIRED
    if text == "null":
        return None
    if kind == "date" and text == "today":
        return "today"
    return Param("default", kind, None).parse(text, where)


def parse_question(text: str, file: str) -> Question:
    """Read a question from its Cypher text; raises QueryError naming the file when the header is wrong."""
    header: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        if match := _PARAM.match(stripped):
            name, kind, default = match.groups()
            if kind not in PARAM_TYPES:
                raise QueryError(f"{file}: parameter {name}: type {kind!r} is not one of {', '.join(PARAM_TYPES)}")
            params.append(Param(name, kind, _default(default, kind, file)))
        elif match := _HEADER.match(stripped):
            header[match.group(1)] = match.group(2)
        else:
            raise QueryError(f"{file}: header line not understood: {stripped}")
    for field in ("name", "description", "columns"):
        if not header.get(field):
            raise QueryError(f"{file}: the header has no {field}: line")
    if header["name"] + ".cypher" != file:
        raise QueryError(f"{file}: named {header['name']!r}; the file must be {header['name']}.cypher")
    used = set(re.findall(r"\$([A-Za-z][A-Za-z0-9]*)", _strip_comments(text)))
    declared = {p.name for p in params}
    if used != declared:
        raise QueryError(
            f"{file}: parameters used ({', '.join(sorted(used)) or 'none'}) and declared "
            f"({', '.join(sorted(declared)) or 'none'}) differ"
        )
    if header["name"] not in TWINS:
        raise QueryError(f"{file}: no embedded twin registered in queries/catalog.py TWINS")
    return Question(
        name=header["name"],
        description=header["description"],
        params=tuple(params),
        columns=tuple(c.strip() for c in header["columns"].split(",")),
        cypher=text,
        file=file,
        twin=TWINS[header["name"]],
    )


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


@functools.lru_cache(maxsize=1)
def catalogue() -> dict[str, Question]:
    """Every question, by name, read from the package's ``catalog/*.cypher`` files."""
    folder = resources.files(__package__ or "oversight.queries") / "catalog"
    questions: dict[str, Question] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".cypher"):
            q = parse_question(entry.read_text(encoding="utf-8"), entry.name)
            questions[q.name] = q
    missing = sorted(set(TWINS) - set(questions))
    if missing:
        raise QueryError(f"queries/catalog.py: twins without a Cypher file: {', '.join(missing)}")
    return questions


def names() -> list[str]:
    """The names of every question, sorted."""
    return sorted(catalogue())


def question(name: str) -> Question:
    """The question called ``name``; raises QueryError listing the known names."""
    questions = catalogue()
    if name not in questions:
        raise QueryError(f"unknown query {name!r}; known: {', '.join(sorted(questions))}")
    return questions[name]
