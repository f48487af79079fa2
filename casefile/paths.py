"""Where Casefile's own files are: resources inside the package (or a frozen build), and the
user's data folder (platformdirs)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP = "Casefile"


def resource_path(*parts: str) -> Path:
    """A file under casefile/resources, in a source checkout, a wheel or a PyInstaller build."""
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) / "casefile" / "resources" if frozen else \
        Path(__file__).with_name("resources")
    return base.joinpath(*parts)


def user_data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
