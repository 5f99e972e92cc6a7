"""The layering of loaders/: families read with the toolkit and never import one another.

The imports are read from the source (``ast``), not by importing, so a lazy
import inside a function counts the same as one at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LOADERS = Path(__file__).resolve().parent.parent / "loaders"
FAMILIES = LOADERS / "families"

#: What a family module may import from the project, besides its own family's modules.
ALLOWED = (
    "oversight.loaders.toolkit",
    "oversight.loaders.models",
    "oversight.loaders.statements",
    "oversight.ontology",
    "oversight.errors",
)


def _family_modules() -> list[Path]:
    return sorted(FAMILIES.glob("*/**/*.py"))


def project_imports(path: Path, root: Path = LOADERS) -> list[tuple[int, str]]:
    """Every ``oversight...`` module a file under ``root`` (``loaders/``) imports, with its line.

    Relative imports are resolved; ``from <package> import <module>`` counts as
    importing the module.

    """
    package = ["oversight", "loaders", *path.parent.relative_to(root).parts]
    containers = {"oversight", "oversight.loaders", "oversight.loaders.families"}
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "oversight"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if module.split(".")[0] != "oversight":
                continue
            names_modules = module in containers or (node.level > 0 and node.module is None)
            found += [(node.lineno, f"{module}.{a.name}" if names_modules else module) for a in node.names]
    return sorted(set(found))


def family_of(path: Path) -> str:
    return path.relative_to(FAMILIES).parts[0]


def test_imports_are_read_with_relative_and_package_forms_resolved(tmp_path: Path) -> None:
    (tmp_path / "families" / "demo").mkdir(parents=True)
    layout = tmp_path / "families" / "demo" / "layout.py"
    layout.write_text(
        "import re\nfrom . import other\nfrom oversight.loaders import toolkit\n"
        "def late():\n    from oversight.loaders.families.minutes import MinutesExtractor\n"
    )
    assert project_imports(layout, tmp_path) == [
        (2, "oversight.loaders.families.demo.other"),
        (3, "oversight.loaders.toolkit"),
        (5, "oversight.loaders.families.minutes"),
    ]


def test_every_existing_family_has_its_own_subpackage() -> None:
    names = sorted(p.parent.name for p in FAMILIES.glob("*/__init__.py"))
    assert {"inspections_audits", "minutes", "peel_progress", "peel_report", "tracker"} <= set(names)


@pytest.mark.parametrize("path", _family_modules(), ids=lambda p: str(p.relative_to(FAMILIES)))
def test_family_module_imports_no_other_family(path: Path) -> None:
    own = f"oversight.loaders.families.{family_of(path)}"
    others = [
        (line, module)
        for line, module in project_imports(path)
        if module.startswith("oversight.loaders.families") and not (module == own or module.startswith(own + "."))
    ]
    assert others == []


@pytest.mark.parametrize("path", _family_modules(), ids=lambda p: str(p.relative_to(FAMILIES)))
def test_family_module_imports_only_toolkit_models_statements_ontology_errors(path: Path) -> None:
    own = f"oversight.loaders.families.{family_of(path)}"
    outside = [
        (line, module)
        for line, module in project_imports(path)
        if not (module == own or module.startswith(own + "."))
        and not any(module == allowed or module.startswith(allowed + ".") for allowed in ALLOWED)
    ]
    assert outside == []


def test_toolkit_imports_no_family() -> None:
    found = [
        (str(path.relative_to(LOADERS)), line, module)
        for path in sorted((LOADERS / "toolkit").glob("*.py"))
        for line, module in project_imports(path)
        if module.startswith("oversight.loaders.families")
    ]
    assert found == []
