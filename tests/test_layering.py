"""Dependencies point one way (DESIGN.md): every import in casefile/ — at module level, inside
functions and under TYPE_CHECKING alike — is checked against the allowed-dependency table."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "casefile"
QT = ("PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6")

# Modules anyone may import; they import nothing of casefile but each other. The package's
# __init__ (the version) counts among them.
SHARED = {"errors", "paths", "log", "__init__"}
LAYERS = {"core", "store", "report", "services", "ui", "cli", "__main__"}
# layer -> the layers it may import (besides itself and the shared modules)
ALLOWED: dict[str, set[str]] = {
    "shared": set(),
    "core": set(),
    "store": {"core"},
    "report": {"core"},
    "services": {"core", "store", "report"},
    "ui": {"core", "store", "report", "services"},
    "cli": {"core", "store", "report", "services"},  # and ui inside a function: the GUI launch
    "__main__": {"cli"},
}
BELOW_UI = ("core", "store", "services", "report")


def layer_of(module: str) -> str | None:
    """The layer of a module of casefile ("casefile.store.search" -> "store")."""
    parts = module.split(".")
    assert parts[0] == "casefile", module
    first = parts[1] if len(parts) > 1 else "__init__"
    if first in SHARED:
        return "shared"
    return first if first in LAYERS else None


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(source: str, module: str, is_package: bool = False
            ) -> Iterator[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import statement of a module,
    wherever it stands. ``from a import b`` yields ``a.b`` when that is a module of
    casefile, else ``a``."""

    def visit(node: ast.AST, in_function: bool) -> Iterator[tuple[str, int, bool]]:
        if isinstance(node, ast.Import):
            for a in node.names:
                yield a.name, node.lineno, in_function
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[:len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            for a in node.names:
                sub = f"{stem}.{a.name}"
                yield (sub if is_module(sub) else stem), node.lineno, in_function
        inside = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef |
                                           ast.Lambda)
        for child in ast.iter_child_nodes(node):
            yield from visit(child, inside)

    yield from visit(ast.parse(source), False)


def modules() -> Iterator[tuple[Path, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, module_name(path)


def _imports_of(path: Path, module: str) -> Iterator[tuple[str, int, bool]]:
    return imports(path.read_text("utf-8"), module, path.name == "__init__.py")


def test_the_scanner_sees_every_import():
    source = (
        "from typing import TYPE_CHECKING\n"
        "import casefile.core.names\n"
        "from casefile import paths\n"
        "from . import search\n"
        "from ..core.grading import TLP\n"
        "if TYPE_CHECKING:\n"
        "    from casefile.ui.app import run_gui\n"
        "class A:\n"
        "    def f(self):\n"
        "        import casefile.services.case.facade\n"
    )
    found = [(m, line, f) for m, line, f in imports(source, "casefile.store.x")
             if m.startswith("casefile")]
    assert found == [("casefile.core.names", 2, False), ("casefile.paths", 3, False),
                     ("casefile.store.search", 4, False), ("casefile.core.grading", 5, False),
                     ("casefile.ui.app", 7, False), ("casefile.services.case.facade", 10, True)]


def test_every_module_belongs_to_a_layer():
    unknown = [m for _p, m in modules() if layer_of(m) is None]
    assert not unknown, f"add these to the layer table: {unknown}"


def test_dependencies_follow_the_table():
    offenders = []
    for path, module in modules():
        layer = layer_of(module)
        assert layer is not None, module
        may = {layer, "shared"} | ALLOWED[layer]
        for target, line, in_function in _imports_of(path, module):
            if target != "casefile" and not target.startswith("casefile."):
                continue
            to = layer_of(target)
            if to in may:
                continue
            if layer == "cli" and to == "ui" and in_function:
                continue  # `casefile` with no verb starts the GUI
            where = "inside a function" if in_function else "at module level"
            offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {layer} imports "
                             f"{target} ({to}) {where}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("layer", BELOW_UI)
def test_layer_does_not_import_qt(layer):
    offenders = [f"{path.relative_to(PACKAGE.parent)}:{line}: {target}"
                 for path, module in modules() if layer_of(module) == layer
                 for target, line, _f in _imports_of(path, module)
                 if target.split(".")[0] in QT]
    assert not offenders, "\n".join(offenders)
