"""Dependencies point one way (DESIGN.md): every import in casefile/ — at module level, inside
functions and under TYPE_CHECKING alike — is checked against the allowed-dependency table."""

from __future__ import annotations

import pytest

from tests.support.import_graph import PACKAGE, imports, imports_of, modules

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
    if first.startswith("cli_"):  # the command's verbs kept apart (cli_screening)
        return "cli"
    return first if first in LAYERS else None


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
        for target, line, in_function in imports_of(path, module):
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
                 for target, line, _f in imports_of(path, module)
                 if target.split(".")[0] in QT]
    assert not offenders, "\n".join(offenders)
