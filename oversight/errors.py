"""The one exception tree of Oversight Graph.

Every stage raises a subclass of :class:`OversightError`; the CLI catches that
one class, prints one line (file or key first, then the problem) and exits 2.
This module imports nothing from the project, so any stage may import it.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "OversightError",
    "OntologyError",
    "UnknownName",
    "UnknownKey",
    "KeyCollision",
    "UnreadableDocument",
    "UnrecognisedDocument",
    "RegisterError",
    "StoreError",
    "StoreUnavailable",
    "StoreCorrupt",
    "QueryError",
    "ServerError",
    "BadParameter",
    "did_you_mean",
]


class OversightError(Exception):
    """Root of every error this project raises on purpose."""


class OntologyError(OversightError):
    """The Turtle files are missing, malformed, or lack a term the code needs."""


class UnknownName(OntologyError, KeyError):
    """A label, relationship type, property or vocabulary value is not in the ontology.

    The message lists the known names, like an unknown plugin name in rdflib.
    """

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownKey(OversightError, KeyError):
    """No node in the graph has this key; ``suggestions`` are the nearest keys there are.

    >>> str(UnknownKey("k/afi-5", suggestions=["k/afi-05", "k/afi-15"]))
    'k/afi-5: no such node; did you mean k/afi-05 or k/afi-15?'
    """

    def __init__(self, key: str, hint: str = "", suggestions: Sequence[str] = ()) -> None:
        self.key = key
        self.suggestions = list(suggestions)
        message = f"{key}: no such node"
        if hint:
            message += f" ({hint})"
        if self.suggestions:
            message += f"; did you mean {did_you_mean(self.suggestions)}?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class KeyCollision(OversightError):
    """Two different kinds of thing would share one key."""


class UnreadableDocument(OversightError):
    """A file could not be read as a document: empty, binary, corrupt, unsupported."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UnrecognisedDocument(UnreadableDocument):
    """A readable document that no extractor recognises (never guessed silently)."""


class RegisterError(OversightError):
    """The curated YAML register is invalid; the message names file and line."""


class StoreError(OversightError):
    """Base for store problems."""


class StoreUnavailable(StoreError):
    """A store (directory, Neo4j server) cannot be reached or opened."""


class StoreCorrupt(StoreError):
    """A store exists but its content cannot be read back."""


class QueryError(OversightError):
    """A named query or Cypher statement is unknown, refused or failed."""


class ServerError(OversightError):
    """The local Bolt server could not be started, stopped or reached."""


class BadParameter(OversightError):
    """A command-line or API parameter is malformed."""


def did_you_mean(candidates: Sequence[str]) -> str:
    """Candidates as a reader lists them: "a", "a or b", "a, b or c".

    >>> did_you_mean(["a"]), did_you_mean(["a", "b", "c"])
    ('a', 'a, b or c')
    """
    if len(candidates) <= 1:
        return "".join(candidates)
    return f"{', '.join(candidates[:-1])} or {candidates[-1]}"
