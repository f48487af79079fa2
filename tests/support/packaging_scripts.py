"""The build's scripts in packaging/ (not a package): loaded as modules for their tests."""

import importlib.util
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load_script(name: str) -> ModuleType:
    """packaging/NAME.py as a module of its own."""
    spec = importlib.util.spec_from_file_location(f"casefile_build_{name}",
                                                  PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
