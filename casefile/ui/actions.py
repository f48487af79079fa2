"""Menus, shortcuts and the toolbar of the main window."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QToolBar

from casefile.core.labels import singular

if TYPE_CHECKING:
    from casefile.ui.main_window import MainWindow

NEW_KINDS = ("entity", "shipment", "event", "source", "finding", "relationship", "sanction")


def _action(win: MainWindow, text: str, shortcut: QKeySequence | str | None = None,
            name: str | None = None) -> QAction:
    act = QAction(text, win)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    if name:
        act.setObjectName(name)
    return act


def build(win: MainWindow) -> None:
    a = win.acts = {}
    bar = win.menuBar()
    file_menu = bar.addMenu("&File")
    a["new"] = _action(win, "&New Case…", QKeySequence.StandardKey.New)
    a["open"] = _action(win, "&Open Case…", QKeySequence.StandardKey.Open)
    a["demo"] = _action(win, "Open the &Demo Case")
    win.recent_menu = QMenu("Open &Recent", win)
    a["save_copy"] = _action(win, "Save a &Copy As…", QKeySequence.StandardKey.SaveAs)
    a["case_details"] = _action(win, "Case &Details…")
    a["export_pdf"] = _action(win, "&Export Dossier (PDF)…", "Ctrl+E")
    a["import"] = _action(win, "&Import Shipments (CSV, XLSX)…", "Ctrl+I")
    a["import_ftm"] = _action(win, "Import E&ntities (FollowTheMoney, OpenSanctions)…")
    a["export_ftm"] = _action(win, "Export as &FollowTheMoney…")
    a["export_csv"] = _action(win, "Export &Tables as CSV…")
    a["close"] = _action(win, "&Close Case", QKeySequence.StandardKey.Close)
    a["quit"] = _action(win, "&Quit", QKeySequence.StandardKey.Quit)
    for key in ("new", "open", "demo"):
        file_menu.addAction(a[key])
    file_menu.addMenu(win.recent_menu)
    file_menu.addSeparator()
    for key in ("save_copy", "case_details"):
        file_menu.addAction(a[key])
    file_menu.addSeparator()
    for key in ("import", "import_ftm"):
        file_menu.addAction(a[key])
    file_menu.addSeparator()
    for key in ("export_pdf", "export_ftm", "export_csv"):
        file_menu.addAction(a[key])
    file_menu.addSeparator()
    file_menu.addAction(a["close"])
    file_menu.addAction(a["quit"])

    edit = bar.addMenu("&Edit")
    a["undo"] = _action(win, "&Undo", QKeySequence.StandardKey.Undo)
    a["redo"] = _action(win, "&Redo", QKeySequence("Ctrl+Shift+Z"))
    edit.addAction(a["undo"])
    edit.addAction(a["redo"])
    edit.addSeparator()
    new_menu = edit.addMenu("&New")
    for i, kind in enumerate(NEW_KINDS):
        act = _action(win, singular(kind), f"Ctrl+Shift+{i + 1}", f"new_{kind}")
        a[f"new_{kind}"] = act
        new_menu.addAction(act)
    a["delete"] = _action(win, "&Delete", QKeySequence.StandardKey.Delete)
    a["merge"] = _action(win, "&Merge Entities…", "Ctrl+M")
    a["find"] = _action(win, "&Find…", QKeySequence.StandardKey.Find)
    for key in ("delete", "merge"):
        edit.addAction(a[key])
    edit.addSeparator()
    edit.addAction(a["find"])

    win.view_menu = bar.addMenu("&View")
    help_menu = bar.addMenu("&Help")
    a["about"] = _action(win, "&About Casefile")
    help_menu.addAction(a["about"])

    toolbar = QToolBar("Main", win)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    win.addToolBar(toolbar)
    for key in ("undo", "redo"):
        toolbar.addAction(a[key])
    toolbar.addSeparator()
    for kind in ("entity", "shipment", "event", "source"):
        act = QAction(f"New {singular(kind).lower()}", win)
        act.triggered.connect(a[f"new_{kind}"].trigger)
        a[f"new_{kind}"].changed.connect(
            lambda act=act, src=a[f"new_{kind}"]: act.setEnabled(src.isEnabled()))
        toolbar.addAction(act)
    toolbar.addSeparator()
    win.search_field = QLineEdit()
    win.search_field.setPlaceholderText("Search the case (Ctrl+F)…")
    win.search_field.setClearButtonEnabled(True)
    win.search_field.setMaximumWidth(360)
    toolbar.addWidget(win.search_field)
    win.case_only_actions = [a[k] for k in a if k not in ("new", "open", "demo", "quit",
                                                            "about")]
    fill_recent_menu(win)
    update_undo_actions(win)


def fill_recent_menu(win: MainWindow) -> None:
    win.recent_menu.clear()
    recent = win.recent_files()
    for path in recent:
        act = win.recent_menu.addAction(Path(path).name)
        act.setToolTip(path)
        act.triggered.connect(partial(win.open_path, Path(path)))
    win.recent_menu.setEnabled(bool(recent))


def enable_case_actions(win: MainWindow, enabled: bool) -> None:
    for act in win.case_only_actions:
        act.setEnabled(enabled)
    win.search_field.setEnabled(enabled)
    if enabled:
        update_undo_actions(win)
        readonly = win.case is not None and win.case.readonly
        for key, act in win.acts.items():
            if key.startswith("new_") or key in ("delete", "merge", "case_details", "import",
                                                 "import_ftm"):
                act.setEnabled(not readonly)


def update_undo_actions(win: MainWindow) -> None:
    case = win.case
    undo = case.undo_name if case else None
    redo = case.redo_name if case else None
    win.acts["undo"].setText(f"&Undo {_amp(undo)}" if undo else "&Undo")
    win.acts["redo"].setText(f"&Redo {_amp(redo)}" if redo else "&Redo")
    win.acts["undo"].setEnabled(bool(undo))
    win.acts["redo"].setEnabled(bool(redo))


def _amp(text: str) -> str:
    """Case text in a menu: '&' is literal, not a mnemonic."""
    return text.replace("&", "&&")
