"""Oversight Graph: police-oversight papers as a knowledge graph with provenance.

The CLI is ``oversight``; notebook users import :mod:`oversight.api`.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("oversight-graph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
