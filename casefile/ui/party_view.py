""""All about this party": one window listing a party's names and identifiers and every
shipment, event, relationship, sanction and source that touches it (the dossier's profile of
the party). Each item opens its record in the main window. Case text is plain text: tree
items and plain labels only."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.core.identifiers import labelled
from casefile.core.labels import alias_notes, human_time, joined, plural
from casefile.ui.session import CaseSession

if TYPE_CHECKING:  # the database layer loads with the first case, not with the window
    from casefile.services.case.change import Change
    from casefile.services.case.facade import Case
    from casefile.services.queries.party import PartyProfile
from casefile.ui.text import plain_label, plain_tooltip

_KEY = Qt.ItemDataRole.UserRole


OPEN_UP_TO = 30  # a section of more records starts closed (look23: 255 shipments open)


def _shown() -> tuple[str, ...]:
    """The sections in the order a researcher reads a party — the party pane's, sanctions
    first (look23: they came fourth, under 255 shipments) — and sources; read when a party
    is shown: the start screen paints before the database layer is imported."""
    from casefile.services.queries.party import CONNECTIONS

    shown = list(CONNECTIONS)  # what screening found and who decided it, after sanctions
    shown.insert(shown.index("sanction") + 1, "screening_hit")
    return (*shown, "source")


def _none(kind: str, p: PartyProfile) -> tuple[str, bool]:
    """What an empty section says, and whether it is a warning: for screening, whether the
    party was screened at all, and whether it changed since (review25: renamed after the
    run to a listed name, it read "No hit")."""
    if kind != "screening_hit":
        return f"No {plural(kind).lower()} touch this party.", False
    if not p.screened:
        return "Not screened against a watchlist yet (File → Screen This Party…).", False
    lists = joined([f"{w} ({human_time(at)})" for w, at, _changed in p.screened])
    if any(changed for _w, _at, changed in p.screened):  # said first: the column cuts it
        return (f"Changed since it was screened — its names, identifiers or details: screen "
                f"it again (File → Screen This Party…). No hit then against {lists}.", True)
    return f"No hit in the latest screening against {lists}.", False


def _stale(p: PartyProfile) -> str:
    """What a party's hits say of it when it changed since the run that found them."""
    lists = [w for w, _at, changed in p.screened if changed]
    if not lists:
        return ""
    return (f"Changed since it was screened against {joined(lists)} — its names, "
            "identifiers or details: these hits come from what it was then. Screen it again "
            "(File → Screen This Party…).")


class PartyView(QDialog):
    """The profile of one party; ``record_opened(kind, id)`` when an item is activated
    (a screening hit: ``hit_opened(entity id, hit id)``)."""

    record_opened = Signal(str, int)
    hit_opened = Signal(int, int)

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.entity_id: int | None = None
        self.profile: PartyProfile | None = None
        self.setWindowTitle("All about…")
        self.heading = plain_label(wrap=True)
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.facts = plain_label(wrap=True)
        # at the top of its scrolling area: a short party's three lines floated in its middle
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Date", "Record"])
        self.tree.setColumnWidth(0, 190)
        self.tree.setRootIsDecorated(True)
        self.tree.itemActivated.connect(self._activated)
        self.hint = plain_label("Double-click or press Enter on an item to open it.")
        self.hint.setStyleSheet("color: #666;")
        # (look25) a party of an OpenSanctions list — 60 names, 30 addresses, a page of notes
        # — filled the window with its facts, three rows of its records left below: the
        # facts scroll in the upper part, at most a third at first; the split can be moved
        self.facts_area = QScrollArea()
        self.facts_area.setWidget(self.facts)
        self.facts_area.setWidgetResizable(True)
        self.facts_area.setFrameShape(QFrame.Shape.NoFrame)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.facts_area)
        self.split.addWidget(self.tree)
        self.split.setStretchFactor(0, 1)  # a window made taller gives the records two
        self.split.setStretchFactor(1, 2)  # thirds of the room it gains
        self.split.setChildrenCollapsible(False)
        self._shared: int | None = None  # the party the split was last shared out for
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.split, 1)
        lay.addWidget(self.hint)
        self.resize(720, 560)
        session.changed.connect(self._changed)
        session.closed.connect(self.close)

    def show_party(self, entity_id: int) -> None:
        """Read the party's profile (on the worker) and show it."""
        self.entity_id = entity_id

        def read(case: Case) -> PartyProfile | None:
            from casefile.services.queries.party import party_profile

            with case.read() as conn:
                return party_profile(conn, entity_id)
        self.session.query(read, lambda p: self._show(entity_id, p))

    def _changed(self, _change: Change) -> None:
        if self.entity_id is not None and self.isVisible():
            self.show_party(self.entity_id)

    def _show(self, entity_id: int, p: PartyProfile | None) -> None:
        if entity_id != self.entity_id:
            return
        self.profile = p
        self.tree.clear()
        if p is None:
            self.heading.setText("This party is no longer in the case.")
            self.facts.setText("")
            return
        self.setWindowTitle(f"All about {p.name}")
        self.heading.setText(p.name)
        lines = [p.kind.replace("_", " ").capitalize()
                 + (f", {p.gender}" if p.gender else "")
                 + (f" · {', '.join(p.countries)}" if p.countries else "")]
        if p.aliases:
            lines.append("Also known as: " + "; ".join(  # (look21: a weak alias unmarked)
                a["name"] + (f" ({n})" if (n := alias_notes(a["lang"], a["kind"])) else "")
                for a in p.aliases))
        if p.identifiers:
            lines.append("Identifiers: " + "; ".join(
                labelled(i["scheme"], i["value"]) for i in p.identifiers))
        for label, value in p.details:  # a post or an address a line, under its label
            first, *more = value.splitlines()
            lines += [f"{label}: {first}", *(f"    {x}" for x in more if x.strip())]
        if p.description:
            lines.append(p.description)
        self.facts.setText("\n".join(lines))
        if self._shared != entity_id:  # (review26) an edit refreshes it: a split the user
            self._shared = entity_id  # moved stays where it was
            self._share()
        for kind in _shown():
            items = p.items.get(kind, [])
            top = QTreeWidgetItem([f"{plural(kind)} ({len(items)})", ""])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if not items:
                said, warning = _none(kind, p)
                none = QTreeWidgetItem(["", said])
                none.setFlags(Qt.ItemFlag.ItemIsEnabled)
                none.setToolTip(1, plain_tooltip(said))  # the whole, however cut
                none.setForeground(1, QColor("#B00020") if warning else Qt.GlobalColor.gray)
                top.addChild(none)
            elif kind == "screening_hit" and (stale := _stale(p)):  # (look30: only said
                # of a party with no hit; its old hits read as current)
                warn = QTreeWidgetItem(["", stale])
                warn.setFlags(Qt.ItemFlag.ItemIsEnabled)
                warn.setToolTip(1, plain_tooltip(stale))
                warn.setForeground(1, QColor("#B00020"))
                top.addChild(warn)
            for it in items:
                # one line a record (look22: a goods description's later lines were drawn
                # beside the next shipment's date); the whole in the tooltip
                child = QTreeWidgetItem([it["date"], " ".join(it["text"].split())])
                child.setData(0, _KEY, (it["kind"], it["id"]))
                child.setToolTip(1, plain_tooltip(it["text"]))  # the whole line, literally
                if it.get("alert"):  # a flagged hit no one has decided: as the dossier's
                    child.setForeground(1, QColor("#B00020"))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(len(items) <= OPEN_UP_TO)  # (look23: 255 shipments open first)

    def _share(self) -> None:
        """The facts take what they need, up to a third of the split; the records the rest."""
        total = max(sum(self.split.sizes()), self.split.height(), 300)
        width = max(self.facts_area.viewport().width(), 200)
        need = self.facts.heightForWidth(width) + 4
        facts = min(need, total // 3)
        self.split.setSizes([facts, total - facts])

    def _activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        data = item.data(0, _KEY)
        if data and data[0] == "screening_hit" and self.entity_id is not None:
            self.hit_opened.emit(self.entity_id, data[1])
        elif data:
            self.record_opened.emit(*data)

    def item_texts(self, kind: str) -> list[str]:
        """What the section of ``kind`` lists (for tests and tools)."""
        top = self.tree.topLevelItem(_shown().index(kind))
        if top is None:
            return []
        children = [c for i in range(top.childCount()) if (c := top.child(i)) is not None]
        return [c.text(1) for c in children if c.data(0, _KEY)]


class PartyViewAction(QAction):
    """View → All About This Party… (Ctrl+Shift+A): the profile of the party selected in
    the table or shown in the editor; also a button on the party editor."""

    def __init__(self, win: QMainWindow, session: CaseSession,
                 current_party: Callable[[], int | None],
                 go_to: Callable[[str, int], None],
                 open_hit: Callable[[int, int], None]) -> None:
        super().__init__("&All About This Party…", win)
        self.win, self.session, self.current_party, self.go_to = win, session, current_party, go_to
        self.open_hit = open_hit  # (entity id, hit id): the screening window on that hit
        self.view: PartyView | None = None
        self.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.triggered.connect(lambda: self.show_current())
        win.addAction(self)

    def show_current(self) -> None:
        rid = self.current_party()
        if rid is not None:
            self.show_party(rid)

    def show_party(self, entity_id: int) -> PartyView:
        if self.view is None:
            self.view = PartyView(self.session, self.win)
            self.view.record_opened.connect(self.go_to)
            self.view.hit_opened.connect(self.open_hit)
        self.view.show_party(entity_id)
        self.view.show()
        self.view.activateWindow()
        return self.view
