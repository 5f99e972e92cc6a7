"""Typed records that loaders hand to the graph stage.

A loader reads a document and returns an :class:`Extraction`: the
:class:`DocumentRecord`, a list of facts, and warnings. A fact is a node or a
relationship *as one line of one paper states it*: it always carries
:class:`Evidence` (document, line, quote). Facts name the things they are
about with a :class:`Ref` instead of a key, because deciding which real thing
a name means (entity resolution) is the graph stage's job:

    >>> board = Ref.named("Board", "FIDB", within=Ref.named("Force", "Kent Police"))
    >>> afi = Ref.of("AreaForImprovement", "AFI 5",
    ...              within=Ref.of("Inspection", "PEEL 2021/22", within=Ref.named("Force", "Kent")))
    >>> ev = Evidence(document="document/0123456789ab", line=53, quote="overseen by the FIDB")
    >>> EdgeFact(type="OVERSEEN_BY", source=afi, target=board, evidence=ev).type
    'OVERSEEN_BY'

Loaders know nothing of stores or keys' final form; the graph stage turns a
Ref into a key, merges every mention of one thing into one node, and checks
every label, relationship type and property name against the ontology.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "Scalar",
    "Value",
    "Evidence",
    "Ref",
    "NodeFact",
    "EdgeFact",
    "Fact",
    "DocumentRecord",
    "ExtractionWarning",
    "Extraction",
    "TextDocument",
    "ExtractOptions",
    "document_key",
]

Scalar = Union[str, int, float, bool]
Value = Union[Scalar, list[str], list[int], list[float]]

QUOTE_LIMIT = 600


def document_key(sha256: str) -> str:
    """The key of a document: its content hash, so the same bytes are one document wherever they lie.

    >>> document_key("ab" * 32)
    'document/abababababab'
    """
    return f"document/{sha256[:12]}"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Frozen):
    """Where a fact is stated: document key, 1-based line (and last line), and the words.

    A fact found by the layout-independent statement layer (not by a family's
    layout) also says how: ``method`` names the rule that found it
    ("statement:judgement-sentence") and ``confidence`` (0..1) how sure that
    rule is. Facts read from a known layout leave both unset.
    """

    document: str
    line: int = Field(ge=1)
    end_line: int | None = Field(default=None, ge=1)
    quote: str = ""
    method: str | None = None
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)

    @field_validator("quote")
    @classmethod
    def _clip(cls, quote: str) -> str:
        quote = " ".join(quote.split())
        return quote if len(quote) <= QUOTE_LIMIT else quote[: QUOTE_LIMIT - 1] + "\u2026"


class Ref(_Frozen):
    """A reference to a thing, for the graph stage to resolve to a key.

    Exactly one way of naming is used:

    - ``name``: a surface name ("FIDB", "Deputy Chief Constable", "HMICFRS",
      "Responding to the Public") looked up in the gazetteer or the area
      scheme; unknown names become nodes flagged unresolved.
    - ``parts``: identity parts of a thing the paper identifies
      ("PEEL 2021/22", "AFI 05"), slugged and appended to ``within``'s key.
    - ``key``: an explicit key (from the register, or a command line).

    ``within`` scopes the reference: a force for force-level boards, posts and
    people; an inspection for its findings. ``context`` is a lookup hint: for
    an assessment area, the round or year ("2017") whose framework's wording
    is meant.
    """

    label: str
    name: str | None = None
    parts: tuple[str, ...] = ()
    key: str | None = None
    within: Ref | None = None
    context: str | None = None

    @classmethod
    def named(
        cls, label: str, name: str, within: Ref | None = None, context: str | None = None
    ) -> Ref:
        return cls(label=label, name=name, within=within, context=context)

    @classmethod
    def of(cls, label: str, *parts: str, within: Ref | None = None) -> Ref:
        return cls(label=label, parts=tuple(parts), within=within)

    @classmethod
    def keyed(cls, label: str, key: str) -> Ref:
        return cls(label=label, key=key)

    def model_post_init(self, __context: object) -> None:
        ways = sum(x is not None and x != () for x in (self.name, self.parts or None, self.key))
        if ways != 1:
            raise ValueError("a Ref names a thing exactly one way: name, parts or key")


class NodeFact(_Frozen):
    """A node and some of its properties, as stated at one place."""

    kind: Literal["node"] = "node"
    ref: Ref
    properties: dict[str, Value] = Field(default_factory=dict)
    evidence: Evidence


class EdgeFact(_Frozen):
    """A relationship between two things, as stated at one place."""

    kind: Literal["edge"] = "edge"
    type: str
    source: Ref
    target: Ref
    properties: dict[str, Value] = Field(default_factory=dict)
    evidence: Evidence


Fact = Annotated[Union[NodeFact, EdgeFact], Field(discriminator="kind")]


class DocumentRecord(_Frozen):
    """What is known of a document itself."""

    key: str
    sha256: str
    path: str
    format: str
    title: str | None = None
    date: str | None = None
    #: How ``date`` is known: ``stated`` by the paper, or ``deduced`` (the end of the period it covers).
    date_basis: str | None = None
    #: The line that states the date, or the period it was deduced from.
    date_line: int | None = None
    family: str | None = None
    family_confidence: float | None = None
    encoding: str | None = None
    line_count: int = 0


class ExtractionWarning(_Frozen):
    """Something the extractor could not read or had to deduce, with where."""

    path: str
    line: int | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class Extraction(BaseModel):
    """Everything one document contributed: the record, its facts, its warnings."""

    model_config = ConfigDict(extra="forbid")

    document: DocumentRecord
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[ExtractionWarning] = Field(default_factory=list)


@dataclass(frozen=True)
class ExtractOptions:
    """What the user tells the extractors beyond the files: read by the families that use it.

    ``columns`` maps a tracker field (``status``, ``owner``, …) to the column
    that holds it (a header as written, or a column letter: ``C``, ``Col C``);
    ``inspection`` names the inspection the findings belong to when the paper
    does not ("PEEL 2021/22").
    """

    columns: tuple[tuple[str, str], ...] = ()
    inspection: str | None = None


class TextDocument:
    """A document read as text, with 1-based line access and evidence helpers.

    >>> doc = TextDocument.from_text("Title\\n\\nAFI 5 is amber\\n", path="x.txt")
    >>> doc.lines[2]
    'AFI 5 is amber'
    >>> doc.evidence(3).quote
    'AFI 5 is amber'
    """

    def __init__(
        self,
        lines: list[str],
        *,
        path: str,
        sha256: str,
        format: str = "txt",
        encoding: str | None = None,
    ) -> None:
        self.lines = lines
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.key = document_key(sha256)
        #: What reading itself noticed (a stray byte not valid in the encoding), reported
        #: with the extractor's warnings.
        self.read_warnings: list[ExtractionWarning] = []
        #: What the file itself states of the paper, beside its text (a web page's
        #: ``<title>`` and date): used when the extractor finds no title or date of its own.
        #: ``date_line`` is the line that states the date, None when the file's metadata does.
        self.title: str | None = None
        self.date: str | None = None
        self.date_line: int | None = None
        #: The cells of the lines that are table rows (a spreadsheet's rows, a web page's
        #: table rows), by line number: the line's text joins them with " | ".
        self.rows: dict[int, list[str]] = {}
        #: Where each row line came from in a workbook: line -> (sheet name, row number).
        self.sheet_rows: dict[int, tuple[str, int]] = {}
        #: Options the user gave for this ingest (a column mapping, the inspection).
        self.options: ExtractOptions = ExtractOptions()

    @classmethod
    def from_text(cls, text: str, *, path: str = "<text>", format: str = "txt") -> TextDocument:
        data = text.encode("utf-8")
        return cls(
            text.splitlines(),
            path=path,
            sha256=hashlib.sha256(data).hexdigest(),
            format=format,
            encoding="utf-8",
        )

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line(self, number: int) -> str:
        """Line ``number`` (1-based)."""
        return self.lines[number - 1]

    def evidence(self, line: int, end_line: int | None = None, quote: str | None = None) -> Evidence:
        """Evidence citing ``line`` (to ``end_line``); the quote defaults to those lines' text."""
        if quote is None:
            last = end_line or line
            quote = " ".join(self.lines[line - 1 : last])
        return Evidence(
            document=self.key,
            line=line,
            end_line=end_line if end_line and end_line != line else None,
            quote=quote,
        )

    def record(self, **fields: object) -> DocumentRecord:
        """The DocumentRecord of this document, with extractor-supplied fields."""
        return DocumentRecord(
            key=self.key,
            sha256=self.sha256,
            path=self.path,
            format=self.format,
            encoding=self.encoding,
            line_count=len(self.lines),
            **fields,  # type: ignore[arg-type]
        )

    def warning(self, message: str, line: int | None = None) -> ExtractionWarning:
        return ExtractionWarning(path=self.path, line=line, message=message)
