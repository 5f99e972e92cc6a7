"""Every docstring example in the package runs (numpydoc habit: examples that work)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import oversight


def _modules() -> list[str]:
    names = []
    for sub in ("ontology", "loaders", "graph", "queries", "viz"):
        package = importlib.import_module(f"oversight.{sub}")
        names.append(package.__name__)
        names.extend(m.name for m in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."))
    names.extend(m.name for m in pkgutil.iter_modules(oversight.__path__, prefix="oversight.") if m.name != "oversight.__main__")
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
