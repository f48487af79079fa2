"""Where Casefile's own files are: resources inside the package (or a frozen build), and the
user's data folder (platformdirs)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP = "Casefile"


def is_frozen() -> bool:
    """Whether this is a built app (PyInstaller), not Casefile installed with Python: its
    user cannot ``pip install`` anything into it."""
    return bool(getattr(sys, "frozen", False))


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


def user_cache_dir() -> Path:
    """Files Casefile can rebuild (the screening name table): removing them loses nothing."""
    path = Path(platformdirs.user_cache_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir() -> Path:
    """The user's documents folder (their home folder where there is none)."""
    try:
        path = Path(platformdirs.user_documents_dir())
    except Exception:  # noqa: BLE001 - a desktop without one
        return Path.home()
    return path if path.is_dir() else Path.home()


def is_inside_app_data(path: Path) -> bool:
    """Whether ``path`` lies in Casefile's own data folder (where the demo copies live): a
    place the user never browses, so never a default for what they save."""
    try:
        Path(path).resolve().relative_to(user_data_dir().resolve())
    except ValueError:
        return False
    return True


def default_save_folder(case_path: Path | None) -> Path:
    """Where a file saved from a case goes unless the user says otherwise: the case's own
    folder, or the documents folder when the case lives in Casefile's data folder."""
    if case_path is not None:
        folder = Path(case_path).resolve().parent
        if folder.is_dir() and not is_inside_app_data(folder):
            return folder
    return documents_dir()


def default_save_path(case_path: Path | None, suffix: str, fallback: str) -> Path:
    """A file saved from a case, as first proposed: in :func:`default_save_folder`, named
    after the case (``<case name><suffix>``), or ``fallback`` with no case open."""
    name = f"{Path(case_path).stem}{suffix}" if case_path is not None else fallback
    return default_save_folder(case_path) / name
