"""Help → Manual (F1): a short manual inside the app — getting started, keyboard shortcuts,
the Admiralty grading, how dates are typed, TLP markings. Built from the program itself
(the shortcuts from the window's own actions, the scales from casefile.core.grading, the
date readings from the date parser), so it cannot drift from what the program does. Plain
text with our own headings (character formats), never HTML."""

from __future__ import annotations

from PySide6.QtGui import (
    QAction,
    QFont,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMenu,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.core.grading import CONFIDENCE, CREDIBILITY, RELIABILITY, TLP
from casefile.ui.help_dates import reading

# keys that are no menu action, said in words
OTHER_KEYS = [("Tab / click elsewhere", "store the field you typed in (one undo step)"),
              ("Escape (in a field)", "put back what is stored"),
              ("Enter (in search results)", "go to the record"),
              ("Right-click (on the table)", "open, cite, copy, filter by a value, edit "
                                             "several, delete"),
              ("Right-click (on a heading)", "show or hide the table's columns (kept "
                                             "for the section)"),
              ("Number keys (in New Record)", "pick the kind")]
DATE_EXAMPLES = ["15 June 2022", "June 2022", "late 2022", "Q3 2022",
                 "between June and December 2022", "on or about February 14, 2023",
                 "since 2021", "IV квартал 2022 г.", "2022年上半年"]

START = [
    "A case is one file (.casefile): the parties, shipments, events, sources and findings "
    "of one investigation, with every edit kept as an undoable step and an audit trail.",
    "1. File → New Case (Ctrl+Shift+N): give a title, a reference and a TLP marking.",
    "2. Add sources first (Ctrl+4, then Ctrl+N): what your facts rest on, each graded A–F.",
    "3. Add parties, shipments and events (Ctrl+1…3, Ctrl+N); type names as the source "
    "writes them, dates as the source gives them.",
    "4. Cite: on any fact, Citations → Cite source…, with the exact words and a "
    "credibility 1–6. A fact with no citation says so.",
    "5. File → Export Dossier (Ctrl+E): a PDF in which every line cites its source, marked "
    "on every page.",
    "There is no Save: each field is stored when you leave it. Edit → Undo names what it "
    "takes back.",
]


def shortcuts(win: QMainWindow) -> list[tuple[str, str]]:
    """(keys, what) for every action of ``win`` that has a shortcut, menu order kept."""
    seen: dict[str, str] = {}
    for act in win.findChildren(QAction):
        keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = act.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if keys and text and keys not in seen:
            seen[keys] = text.rstrip("…").strip()
    return sorted(seen.items(), key=lambda kv: (len(kv[0]), kv[0]))


def topics(win: QMainWindow | None = None) -> dict[str, list[tuple[str, str]]]:
    """Each topic as (style, text) lines: style is 'h' (a heading), 'k' (term + meaning,
    tab-separated) or '' (a paragraph)."""
    keys = shortcuts(win) if win is not None else []
    return {
        "Getting started": [("", p) for p in START],
        "Keyboard shortcuts": [("h", "Menu keys")] + [("k", f"{k}\t{t}") for k, t in keys]
        + [("h", "Other keys")] + [("k", f"{k}\t{t}") for k, t in OTHER_KEYS],
        "Grading (Admiralty)": [
            ("", "Each citation carries a two-part code, e.g. B2: the letter grades the "
                 "SOURCE (how reliable it has been), the digit grades the INFORMATION (how "
                 "far other sources confirm it). They are judged apart: a usually reliable "
                 "source can pass on a doubtful claim (B4)."),
            ("h", "Source reliability (on the source)")]
        + [("k", f"{k}\t{v}") for k, v in RELIABILITY.items()]
        + [("h", "Information credibility (on each citation)")]
        + [("k", f"{k}\t{v}") for k, v in CREDIBILITY.items()]
        + [("", "A new citation of a source starts from the credibility it was last cited "
                "at. F and 6 mean 'cannot be judged', not 'bad'."),
           ("h", "Analytic confidence (on findings)")]
        + [("k", f"{k}\t{v}") for k, v in CONFIDENCE.items()],
        "Dates": [
            ("", "Type a date as the source gives it; the text is kept as written, and "
                 "Casefile also keeps its EDTF (ISO 8601-2) form and its first and last day "
                 "for sorting, filtering and the timeline. Under the field it shows how it "
                 "read you. A numeric date that reads both ways (03/04/2022) is read in your "
                 "locale's order and said so; an import never guesses it."),
            ("h", "Examples, as Casefile reads them")]
        + [("k", f"{d}\t{reading(d, None)}") for d in DATE_EXAMPLES]
        + [("", "Help → Dates lists everything that can be typed, in English, Russian and "
                "Chinese.")],
        "TLP markings": [
            ("", "The Traffic Light Protocol (TLP 2.0) says who may see the case. The "
                 "marking is on the banner of the window and on every page of the dossier; "
                 "set it in File → Case Details. An optional classification line is printed "
                 "beside it — review it when you change the marking.")]
        + [("k", f"{t.label}\t{t.meaning}") for t in TLP.values()]
        + [("k", "NO MARKING\tnot marked: nothing tells a reader who may see it")],
    }


class ManualDialog(QDialog):
    """Topics on the left, the page on the right (modeless)."""

    def __init__(self, win: QMainWindow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Casefile manual")
        self.pages = topics(win)
        self.topics = QListWidget()
        self.topics.addItems(list(self.pages))
        self.topics.setMaximumWidth(200)
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setAcceptRichText(False)
        self.topics.currentTextChanged.connect(self.show_topic)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.topics)
        row.addWidget(self.text, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(row, 1)
        lay.addWidget(buttons)
        self.topics.setCurrentRow(0)
        self.resize(860, 600)

    def show_topic(self, name: str) -> None:
        """Write the topic into the page with character formats and tables (no markup is
        parsed): headings bold, terms and their meanings in two columns."""
        self.text.clear()
        cursor = self.text.textCursor()
        plain, heading, term = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setFontPointSize(self.font().pointSizeF() * 1.25)
        term.setFontWeight(QFont.Weight.DemiBold)
        cursor.insertText(name + "\n", heading)
        lines = self.pages.get(name, [])
        i = 0
        while i < len(lines):
            style, line = lines[i]
            if style == "k":  # a run of terms: one table of two columns
                end = i
                while end < len(lines) and lines[end][0] == "k":
                    end += 1
                run = [text for _st, text in lines[i:end]]
                table = cursor.insertTable(len(run), 2, self._table_format())
                for r, text in enumerate(run):
                    key, _, what = text.partition("\t")
                    table.cellAt(r, 0).firstCursorPosition().insertText(key, term)
                    table.cellAt(r, 1).firstCursorPosition().insertText(what, plain)
                cursor.movePosition(QTextCursor.MoveOperation.End)
                i += len(run)
                continue
            if style == "h":
                cursor.insertText("\n" + line + "\n", heading)
            else:
                cursor.insertText("\n" + line + "\n", plain)
            i += 1
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.text.setTextCursor(cursor)

    @staticmethod
    def _table_format() -> QTextTableFormat:
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setCellPadding(2)
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 32),
                                       QTextLength(QTextLength.Type.PercentageLength, 68)])
        return fmt

    def page_text(self) -> str:
        return self.text.toPlainText()


class ManualAction(QAction):
    """Help → Manual (F1), first in the Help menu; shows one manual, raised if open."""

    def __init__(self, win: QMainWindow) -> None:
        super().__init__("&Manual", win)
        self.win = win
        self.dialog: ManualDialog | None = None
        self.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.triggered.connect(self.show_manual)
        help_menu = next((a.menu() for a in win.menuBar().actions()
                          if a.text() == "&Help" and isinstance(a.menu(), QMenu)), None)
        if isinstance(help_menu, QMenu):
            first = help_menu.actions()[0] if help_menu.actions() else None
            if first is not None:
                help_menu.insertAction(first, self)
            else:
                help_menu.addAction(self)
        win.addAction(self)

    def show_manual(self) -> None:
        if self.dialog is None:
            self.dialog = ManualDialog(self.win, self.win)
        self.dialog.show()
        self.dialog.activateWindow()
