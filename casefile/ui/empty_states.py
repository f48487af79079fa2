"""What an empty place says, and what to do next: the record table with no records yet, or
with a filter nothing matches. The notice lies over the table's viewport and follows the
rows it shows; it never reads the case itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from casefile.core.labels import plural, singular
from casefile.ui.records_view import RecordsView
from casefile.ui.text import plain_label

# what to do next, per kind, when a section has no records yet
NEXT_STEP = {
    "entity": "Add the companies, people and bodies of the case with New entity, or bring "
              "them in with File → Import Entities (FollowTheMoney, OpenSanctions).",
    "shipment": "Add one with New shipment, or bring customs records in with File → Import "
                "Shipments (CSV, XLSX).",
    "event": "Add statements, designations, sightings and meetings with New event.",
    "source": "Add the articles, records and documents your facts rest on with New source; "
              "a fact's Cite source… then points at one.",
    "finding": "Write down your key judgements with New finding; they open the dossier.",
    "relationship": "Select an entity under Entities, then add a relationship with New "
                    "relationship: it starts from that entity.",
    "sanction": "Select an entity under Entities, then add a sanction with New sanction, or "
                "import OpenSanctions data with File → Import Entities.",
}


def empty_text(kind: str) -> str:
    return (f"No {plural(kind).lower()} yet.\n\n{NEXT_STEP.get(kind, '')}\n\n"
            "Ctrl+N makes a record of any kind; Help → Manual (F1) shows the way round.")


def no_match_text(kind: str, said: str) -> str:
    return (f"No {plural(kind).lower()} match {said}.\n\nLoosen or clear the filter to see "
            "them all.")


class EmptyTableNotice(QWidget):
    """Lies over the records table while it shows no rows, saying why and what next."""

    def __init__(self, records: RecordsView, new_record: Callable[[str], None],
                 writable: Callable[[], bool]) -> None:
        super().__init__(records.view.viewport())
        self.records, self._new, self._writable = records, new_record, writable
        self.setAutoFillBackground(False)
        self.text = plain_label(wrap=True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("color: #555; font-size: 13px;")
        self.new_button = QPushButton()
        self.new_button.clicked.connect(lambda: self._new(self.records.kind))
        self.clear_button = QPushButton("Clear the filter")
        self.clear_button.clicked.connect(self.clear_filters)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.text)
        lay.addLayout(buttons)
        lay.addStretch(2)
        records.view.viewport().installEventFilter(self)
        model = records.model
        model.modelReset.connect(self.refresh)
        model.rowsInserted.connect(self.refresh)
        model.rowsRemoved.connect(self.refresh)
        records.listing_shown.connect(lambda _k: self.refresh())
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.records.view.viewport().rect())
        return False

    def filter_said(self) -> str:
        """The filters in force, in words ('' when none)."""
        r = self.records
        parts = []
        if r.text.text().strip():
            parts.append(f"“{r.text.text().strip()}”")
        if r.tag.currentData():
            parts.append(f"tag {r.tag.currentData()}")
        if r.country.text().strip():
            parts.append(f"country {r.country.text().strip()}")
        dates = [w.text().strip() for w in (r.date_from, r.date_to)]
        if any(dates):
            parts.append(f"dates {dates[0] or '…'} – {dates[1] or '…'}")
        return ", ".join(parts)

    def refresh(self) -> None:
        kind = self.records.model.kind
        if kind is None or self.records.model.rowCount() > 0:
            self.hide()
            return
        said = self.filter_said()
        unreadable = self.records.unreadable  # (look17: 'No shipments yet' on a damaged page)
        self.text.setText(f"The {plural(kind).lower()} cannot be read: {unreadable}"
                          if unreadable else no_match_text(kind, said) if said
                          else empty_text(kind))
        self.clear_button.setVisible(bool(said) and not unreadable)
        self.new_button.setText(f"New {singular(kind).lower()}")
        self.new_button.setVisible(not said and not unreadable and self._writable()
                                    and kind not in ("relationship", "sanction"))
        self.setGeometry(self.records.view.viewport().rect())
        self.show()
        self.raise_()

    def clear_filters(self) -> None:
        self.records.clear_filters()
