"""End to end: the `casefile --demo` command as a user starts it, driven through its own
menus and fields on the offscreen platform until File → Quit; then the case file on disk is
checked with plain SQLite and Casefile's own integrity check."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from casefile import cli
from casefile.services.case.integrity import check_case
from casefile.ui.main_window import MainWindow

TYPED = "Typed, then Quit without leaving the field: 在途 «в пути»"
Step = Callable[[], bool]  # a step is done when it returns True; it is asked again until then


@pytest.fixture
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user's data and settings folders, in a temporary folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path
    from casefile.ui.error_dialog import uninstall_excepthook

    uninstall_excepthook()  # the GUI launch installed Casefile's; later tests get Python's


def _drive(steps: list[Step], failures: list[str], timeout_ms: int = 60000) -> None:
    """Run the steps in order from a timer while the app's event loop runs."""
    timer = QTimer()
    timer.setInterval(50)
    waited = [0]

    def tick() -> None:
        waited[0] += 50
        if waited[0] > timeout_ms:
            failures.append(f"step {len(failures)} never finished; {len(steps)} left")
            timer.stop()
            for w in QApplication.topLevelWidgets():
                w.close()
            return
        try:
            if steps and steps[0]():
                steps.pop(0)
                waited[0] = 0
        except Exception as exc:  # noqa: BLE001 - reported by the test, not lost in Qt
            failures.append(repr(exc))
            steps.clear()
            for w in QApplication.topLevelWidgets():
                w.close()
        if not steps:
            timer.stop()
    timer.timeout.connect(tick)
    timer.start()
    _drive.timer = timer  # type: ignore[attr-defined]  # kept alive while the app runs


def _window() -> MainWindow | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def test_demo_edit_export_and_quit(qapp, user_folders: Path) -> None:
    pdf = user_folders / "briefing.pdf"
    seen: dict[str, object] = {}
    failures: list[str] = []

    def idle(w: MainWindow) -> bool:
        return w.session.worker.pending == 0

    def case_open() -> bool:
        w = _window()
        return w is not None and w.case is not None and idle(w)

    def choose_entities() -> bool:
        w = _window()
        assert w is not None
        seen["path"] = w.case.path  # type: ignore[union-attr]
        w.nav.setCurrentRow(0)
        return True

    def new_entity() -> bool:
        w = _window()
        assert w is not None
        if w.records.kind != "entity" or not idle(w):
            return False
        seen["rows"] = w.records.model.rowCount()
        w.menus.new_record["entity"].trigger()
        return True

    def type_name() -> bool:
        w = _window()
        assert w is not None
        ed = w.editor.current
        if ed is None or ed.kind != "entity" or w.records.model.rowCount() != seen["rows"] + 1:
            return False
        if not idle(w):
            return False
        seen["id"] = ed.record_id
        name = ed.widgets["name"]
        name.setText("ООО «ТЕХКРИМ» <b>e2e</b>")
        name.editingFinished.emit()
        return True

    def saved() -> bool:
        w = _window()
        assert w is not None
        return idle(w) and w.menus.undo.text().startswith("&Undo Edit name of entity")

    def export() -> bool:
        w = _window()
        assert w is not None
        w.menus.export_pdf.trigger()
        return True

    def start_export() -> bool:
        w = _window()
        assert w is not None
        dlg = w.commands.dialogs.get("export")
        if dlg is None:
            return False
        dlg.path.setText(str(pdf))
        dlg.open_after.setChecked(False)
        dlg.start()
        return True

    def exported() -> bool:
        w = _window()
        assert w is not None
        dlg = w.commands.dialogs["export"]
        if dlg.task is not None or not pdf.exists():
            return False
        dlg.close()
        return True

    def quit_while_typing() -> bool:
        """Type into a field and quit without leaving it (no Enter, no Tab)."""
        w = _window()
        assert w is not None
        ed = w.editor.current
        assert ed is not None and ed.record_id == seen["id"]
        description = ed.widgets["description"]
        description.setFocus()
        description.setPlainText(TYPED)
        w.menus.quit.trigger()
        return True

    _drive([case_open, choose_entities, new_entity, type_name, saved, export, start_export,
            exported, quit_while_typing], failures)
    code = cli.main(["--demo"])
    assert failures == []
    assert code == 0
    path = Path(str(seen["path"]))
    assert path.is_relative_to(user_folders / "data")  # the demo copy is the user's
    con = sqlite3.connect(path)  # the window is gone: the file alone must hold the edit
    name, description = con.execute("SELECT name, description FROM entity WHERE id = ?",
                                    (seen["id"],)).fetchone()
    edits = con.execute("SELECT count(*) FROM audit_log WHERE action = 'edit'").fetchone()[0]
    con.close()
    assert name == "ООО «ТЕХКРИМ» <b>e2e</b>"
    assert description == TYPED  # typed, never left, stored before the window went
    assert edits >= 3  # the new entity, its name and its description
    assert not Path(f"{path}.owner").exists()  # quitting released the case
    assert check_case(path).ok
    assert pdf.read_bytes().startswith(b"%PDF")
