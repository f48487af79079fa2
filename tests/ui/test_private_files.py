"""Attachments opened with another program: a private copy that goes with the case, never a
plain copy left in the shared temporary folder; a failure to open is said."""

import stat
import tempfile
from pathlib import Path

import filelock
from PySide6.QtGui import QDesktopServices

from casefile.ui import private_files
from tests.ui.conftest import answer_box, choose_kind, wait_idle

SECRET = b"%PDF-1.4 the protected source's own words"


def _source_with_a_file(qtbot, win):
    aid = win.case.attach_file(2, filename="memo.pdf", data=SECRET).result
    choose_kind(qtbot, win, "source")
    win.records.select_id(2)
    qtbot.waitUntil(lambda: win.editor.current is not None and win.editor.current.kind
                    == "source" and win.editor.current.record_id == 2, timeout=10000)
    wait_idle(qtbot, win)
    return aid


def test_an_opened_attachment_is_a_private_copy_gone_with_the_case(qtbot, demo_window,
                                                                  monkeypatch, tmp_path):
    win = demo_window
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(Path(url.toLocalFile())) or True))
    # this process's shared temporary folder, apart from the other test processes' (one's
    # repair left 'casefile-repair-…' in /tmp while this ran, and the check failed)
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    before = set(Path(tempfile.gettempdir()).glob("casefile-*"))
    aid = _source_with_a_file(qtbot, win)
    win.editor.attachment_open_requested.emit(aid)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    copy = opened[0]
    assert copy.name == "memo.pdf" and copy.read_bytes() == SECRET
    assert copy.is_relative_to(private_files.default_root())
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    folder = win.session.private_files.folder
    assert folder is not None and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert set(Path(tempfile.gettempdir()).glob("casefile-*")) == before  # none shared
    win.menus.close.trigger()  # the case closes: its copies go
    wait_idle(qtbot, win)
    assert not copy.exists() and not folder.exists()


def test_quitting_removes_the_copies(qtbot, demo_window, monkeypatch):
    win = demo_window
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(Path(url.toLocalFile())) or True))
    win.editor.attachment_open_requested.emit(_source_with_a_file(qtbot, win))
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=10000)
    assert not opened[0].exists()


def test_no_program_to_open_it_is_said_and_the_copy_goes(qtbot, demo_window, monkeypatch):
    win = demo_window
    tried = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: tried.append(Path(url.toLocalFile())) and False))
    said: list[str] = []
    win.editor.attachment_open_requested.emit(_source_with_a_file(qtbot, win))
    qtbot.waitUntil(lambda: answer_box(said), timeout=10000)
    assert "No program could open memo.pdf" in said[0]
    assert not tried[0].exists()


def test_the_copies_of_a_casefile_that_died_go_at_the_next_start(qtbot, window, tmp_path):
    root = private_files.default_root()
    root.mkdir(parents=True, exist_ok=True)
    dead = root / "99999-dead"  # its lock file is there, and nobody holds it
    (dead / "a1").mkdir(parents=True)
    (dead / "a1" / "memo.pdf").write_bytes(SECRET)
    (root / "99999-dead.lock").touch()
    alive = root / "4242-alive"  # another Casefile, running now
    (alive / "b2").mkdir(parents=True)
    holder = filelock.FileLock(str(root / "4242-alive.lock"), timeout=0, thread_local=False)
    holder.acquire()
    try:
        from casefile.ui.main_window import MainWindow

        started = MainWindow(window.settings)  # the next start
        qtbot.addWidget(started)
        wait_idle(qtbot, started)
        assert not dead.exists() and not (root / "99999-dead.lock").exists()
        assert (alive / "b2").exists()
        started.session.shut_down()
    finally:
        holder.release()
    private_files.sweep()
    assert not alive.exists()


def test_the_pdf_that_cannot_be_opened_says_so(qtbot, demo_window, tmp_path, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    win = demo_window
    win.menus.actions()["export_pdf"].trigger()
    qtbot.waitUntil(lambda: "export" in win.commands.dialogs, timeout=10000)
    dlg = win.commands.dialogs["export"]
    out = tmp_path / "brief.pdf"
    dlg.path.setText(str(out))
    dlg.start()
    qtbot.waitUntil(lambda: dlg.task is None, timeout=60000)
    assert out.exists() and "No program could open it" in dlg.status.text()
    dlg.close()
