"""core, store, services and report never import Qt (DESIGN.md: dependencies point one way)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "casefile"
QT = ("PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6")


@pytest.mark.parametrize("layer", ["core", "store", "services", "report"])
def test_layer_does_not_import_qt(layer):
    offenders = []
    for path in (PACKAGE / layer).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in QT]
            if layer == "core":
                offenders += [f"{path.name}: {n}" for n in names
                              if n.startswith(("casefile.store", "casefile.services",
                                               "casefile.ui", "casefile.report"))]
    assert offenders == []


def test_layers_exist():
    for layer in ("core", "store", "services", "report", "ui"):
        assert (PACKAGE / layer / "__init__.py").exists()
