"""Operations on the case file itself: new, open, the demo, save a copy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from casefile.errors import CasefileError
from casefile.paths import user_data_dir
from casefile.services.case.facade import Case
from casefile.ui.session import CaseSession

Failed = Callable[[BaseException], None]


def fresh_demo_path() -> Path:
    """A new file for a fresh copy of the demo case, in the user data folder."""
    folder = user_data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"demo-{stamp}.casefile"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"demo-{stamp}-{n}.casefile"
    return path


def new_case(session: CaseSession, path: Path, failed: Failed,
             info: dict[str, Any] | None = None) -> None:
    """Create an empty case at ``path`` (refused if something is there) with its details
    (title, reference, marking; the title is the file's name if none is given) and open
    it."""
    if path.exists():
        failed(CasefileError(f"{path} already exists; choose another name."))
        return
    details = {"title": path.stem, **(info or {})}
    session.open_with(lambda: Case.new(path, **details), failed=failed)


def open_demo(session: CaseSession, failed: Failed) -> None:
    """Write a fresh copy of the demo case and open it."""
    from casefile.services.exchange.demo import write_demo

    session.open_with(lambda: write_demo(fresh_demo_path()), failed=failed)


def save_copy(session: CaseSession, target: Path, done: Callable[[None], None],
              failed: Failed) -> None:
    session.query(lambda case: case.save_copy(target), done, failed)
