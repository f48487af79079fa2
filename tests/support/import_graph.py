"""The imports of the casefile package, read from its source: every import statement wherever it
stands (module level, inside functions, under TYPE_CHECKING). Used by the layering and the
import-circle tests."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "casefile"


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def is_module(name: str) -> bool:
    """Whether ``name`` is a module (or a package with an ``__init__``) of casefile."""
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def modules() -> Iterator[tuple[Path, str]]:
    """(path, module name) of every module of the package."""
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, module_name(path)


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


def imports_of(path: Path, module: str) -> Iterator[tuple[str, int, bool]]:
    return imports(path.read_text("utf-8"), module, path.name == "__init__.py")
