"""Menus, shortcuts and the toolbar of the main window, as one named structure: the window
holds a :class:`Menus` and nothing is added to it from outside."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import partial
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QToolBar

from casefile.core.labels import singular
from casefile.store.kinds import RECORD_KINDS
from casefile.ui.text import plain_tooltip

# the actions that need no open case
_ALWAYS = ("new", "open", "demo", "repair", "quit", "about", "log_folder", "dates_help")
# the actions that change the case (off when it is open read-only)
_WRITES = ("delete", "merge", "case_details", "import_shipments", "import_ftm", "screening",
           "screen_party")


@dataclass
class Menus:
    """Every action of the main window, the menus that hold them and the toolbar."""

    new: QAction
    open: QAction
    demo: QAction
    recent: QMenu
    save_copy: QAction
    repair: QAction
    case_details: QAction
    import_shipments: QAction
    import_ftm: QAction
    screening: QAction
    screen_party: QAction
    export_pdf: QAction
    export_ftm: QAction
    export_csv: QAction
    close: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    new_record: dict[str, QAction]
    delete: QAction
    merge: QAction
    find: QAction
    view: QMenu
    about: QAction
    log_folder: QAction
    dates_help: QAction
    toolbar: QToolBar
    search_field: QLineEdit
    # the toolbar's own Undo and Redo: fixed text (a button that changes width moves the
    # next one under the mouse); the operation is named in their tooltips
    toolbar_undo: QAction
    toolbar_redo: QAction
    toolbar_new: dict[str, QAction] = field(default_factory=dict)

    def actions(self) -> dict[str, QAction]:
        """Every action of the menus by name (new-record actions as ``new_<kind>``)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)
               if isinstance(getattr(self, f.name), QAction)
               and not f.name.startswith("toolbar_")}
        out.update({f"new_{k}": a for k, a in self.new_record.items()})
        return out

    def enable_for_case(self, has_case: bool, readonly: bool) -> None:
        """Case actions on while a case is open; writing ones off when it is read-only."""
        for name, act in self.actions().items():
            if name in _ALWAYS:
                continue
            writes = name.startswith("new_") or name in _WRITES
            act.setEnabled(has_case and not (readonly and writes))
        self.search_field.setEnabled(has_case)
        # a disabled field looks much like an enabled one: its words say why it is off
        self.search_field.setPlaceholderText("Search the case (Ctrl+F)…" if has_case else
                                             "Open a case to search it")

    def set_undo(self, undo: str | None, redo: str | None) -> None:
        """Name the next undo and redo steps (case text: '&' is literal)."""
        self.undo.setText(f"&Undo {_amp(undo)}" if undo else "&Undo")
        self.redo.setText(f"&Redo {_amp(redo)}" if redo else "&Redo")
        self.undo.setEnabled(bool(undo))
        self.redo.setEnabled(bool(redo))
        for button, menu_action, verb, name in ((self.toolbar_undo, self.undo, "Undo", undo),
                                                (self.toolbar_redo, self.redo, "Redo", redo)):
            keys = menu_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            said = f"{verb} {name}" if name else f"Nothing to {verb.lower()}"
            button.setToolTip(plain_tooltip(f"{said} ({keys})" if keys else said))
            button.setEnabled(bool(name))

    def fill_recent(self, paths: list[str], open_path: Callable[[Path], None]) -> None:
        self.recent.clear()
        for path in paths:
            act = self.recent.addAction(Path(path).name)
            act.setToolTip(path)
            act.triggered.connect(partial(open_path, Path(path)))
        self.recent.setEnabled(bool(paths))


def _action(win: QMainWindow, text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            name: str | None = None) -> QAction:
    act = QAction(text, win)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    if name:
        act.setObjectName(name)
    return act


def build_menus(win: QMainWindow) -> Menus:
    """Make the menu bar and toolbar of ``win``; connect nothing (see commands.py)."""
    bar = win.menuBar()
    std = QKeySequence.StandardKey
    m = Menus(
        new=_action(win, "&New Case…", "Ctrl+Shift+N"),  # Ctrl+N makes a record
        open=_action(win, "&Open Case…", std.Open),
        demo=_action(win, "Open the &Demo Case"), recent=QMenu("Open &Recent", win),
        save_copy=_action(win, "Save a &Copy As…", std.SaveAs),
        repair=_action(win, "Re&pair a Damaged Case…"),
        case_details=_action(win, "Case &Details…"),
        import_shipments=_action(win, "&Import Shipments (CSV, XLSX)…", "Ctrl+I"),
        import_ftm=_action(win, "Import E&ntities (FollowTheMoney, OpenSanctions)…"),
        screening=_action(win, "&Screen Case Against a Watchlist…"),
        screen_party=_action(win, "Screen &This Party…"),
        export_pdf=_action(win, "&Export Dossier (PDF)…", "Ctrl+E"),
        export_ftm=_action(win, "Export as &FollowTheMoney…"),
        export_csv=_action(win, "Export &Tables as CSV…"),
        close=_action(win, "&Close Case", std.Close), quit=_action(win, "&Quit", std.Quit),
        undo=_action(win, "&Undo", std.Undo), redo=_action(win, "&Redo", "Ctrl+Shift+Z"),
        new_record={k: _action(win, singular(k), None, f"new_{k}") for k in RECORD_KINDS},
        delete=_action(win, "&Delete", std.Delete),
        merge=_action(win, "&Merge Entities…", "Ctrl+M"),
        find=_action(win, "&Find…", std.Find), view=QMenu("&View", win),
        about=_action(win, "&About Casefile"),
        log_folder=_action(win, "Show &Log Folder"),
        dates_help=_action(win, "&Dates: What Can Be Typed…"),
        toolbar=QToolBar("Main", win), search_field=QLineEdit(),
        toolbar_undo=_action(win, "Undo", name="toolbar_undo"),
        toolbar_redo=_action(win, "Redo", name="toolbar_redo"))
    file_menu = bar.addMenu("&File")
    for group in (("new", "open", "demo"), ("save_copy", "repair", "case_details"),
                  ("import_shipments", "import_ftm"), ("screening", "screen_party"),
                  ("export_pdf", "export_ftm", "export_csv"),
                  ("close", "quit")):
        for name in group:
            file_menu.addAction(getattr(m, name))
        if group[0] == "new":
            file_menu.addMenu(m.recent)
        if group[0] != "close":
            file_menu.addSeparator()
    edit = bar.addMenu("&Edit")
    edit.addAction(m.undo)
    edit.addAction(m.redo)
    edit.addSeparator()
    new_menu = edit.addMenu("&New")
    for act in m.new_record.values():
        new_menu.addAction(act)
    edit.addAction(m.delete)
    edit.addAction(m.merge)
    edit.addSeparator()
    edit.addAction(m.find)
    bar.addMenu(m.view)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(m.dates_help)
    help_menu.addSeparator()
    help_menu.addAction(m.log_folder)
    help_menu.addAction(m.about)
    _toolbar(win, m)
    m.set_undo(None, None)
    return m


def _toolbar(win: QMainWindow, m: Menus) -> None:
    m.toolbar.setObjectName("main_toolbar")
    m.toolbar.setMovable(False)
    win.addToolBar(m.toolbar)
    m.toolbar_undo.triggered.connect(m.undo.trigger)
    m.toolbar_redo.triggered.connect(m.redo.trigger)
    m.toolbar.addAction(m.toolbar_undo)
    m.toolbar.addAction(m.toolbar_redo)
    m.toolbar.addSeparator()
    for kind in ("entity", "shipment", "event", "source"):
        src = m.new_record[kind]
        act = QAction(f"New {singular(kind).lower()}", win)
        act.triggered.connect(src.trigger)
        src.changed.connect(lambda act=act, src=src: act.setEnabled(src.isEnabled()))
        m.toolbar.addAction(act)
        m.toolbar_new[kind] = act
    m.toolbar.addSeparator()
    m.search_field.setPlaceholderText("Search the case (Ctrl+F)…")
    m.search_field.setClearButtonEnabled(True)
    m.search_field.setMaximumWidth(360)
    m.toolbar.addWidget(m.search_field)


def _amp(text: str) -> str:
    """Case text in a menu: '&' is literal, not a mnemonic."""
    return text.replace("&", "&&")
