"""The screening window's review of hits: the hit chosen shown (the explanation in words, the
party and the list entry side by side), Match / No match / Unsure (several hits at once as
"no match" only with a note) and Record Sanction, each a case operation (undo, audit). A part
of :class:`casefile.ui.screening_dialog.ScreeningDialog`, kept apart from the screening and
the watchlists."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView

from casefile.core.labels import counted
from casefile.services.case.change import Change
from casefile.services.case.screening_ops import VERDICT_WORDS, decide, record_sanction
from casefile.services.screening.results import HitRow
from casefile.ui.screening_hits import HitModel, entry_text, party_text
from casefile.ui.session import CaseSession


class HitReview:
    """The review part of the screening dialog (which sets up the widgets)."""

    session: CaseSession
    model: HitModel
    table: QTableView
    status: QLabel
    explanation: QLabel
    party_view: QPlainTextEdit
    entry_view: QPlainTextEdit
    note: QLineEdit
    buttons: dict[str, QPushButton]
    sanction_button: QPushButton
    _none_found: bool
    _failed: Callable[[BaseException], None]  # the dialog's: an error said in its status

    def selected(self) -> list[HitRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def _show(self) -> None:
        chosen = self.selected()
        self._none_found = self._none_found and not chosen
        self._enable()
        if len(chosen) != 1:
            self.explanation.setText(f"{len(chosen)} hits chosen" if chosen else "")
            self.party_view.setPlainText("")
            self.entry_view.setPlainText("")
            return
        h = chosen[0]
        decided = f" — decided {VERDICT_WORDS[h.verdict]} by {h.reviewer}" + \
            (f": {h.note}" if h.note else "") if h.verdict else ""
        # an English sentence, laid out left to right though it quotes an Arabic name first
        # (look31: '0.57: محمد ≈ mohammed …' was right-aligned, its words out of order)
        self.explanation.setText(f"\u200e{h.score:.2f}: {h.explanation}{decided}")
        self.entry_view.setPlainText(entry_text(h))
        self.session.query(lambda case: party_text(case, h.entity_id),
                           self.party_view.setPlainText)

    def _enable(self) -> None:
        n = len(self.selected()) if self.table.selectionModel() else 0
        for v, b in self.buttons.items():
            b.setEnabled(not self.session.readonly and (n == 1 or (n > 1 and v == "no_match")))
        chosen = self.selected() if n == 1 else []
        self.sanction_button.setEnabled(not self.session.readonly and bool(chosen) and
                                        chosen[0].verdict == "match")

    def decide(self, verdict: str) -> None:
        chosen = [h.id for h in self.selected()]
        note = self.note.text()
        if len(chosen) > 1 and not note.strip():
            self.status.setText("Write a note saying why these hits are all dismissed.")
            self.note.setFocus()
            return
        self.session.op(lambda case: decide(case, chosen, verdict, note)).success(
            self._decided).failure(self._failed).run()

    def record_sanction(self) -> None:
        (h,) = self.selected()
        self.session.op(lambda case: record_sanction(case, h.id)).success(
            lambda c: self.status.setText(
                f"Recorded {counted(len(c.result), 'sanction')} of {h.party} from "
                f"{h.list_caption}" + ("" if h.list_caption.endswith(".") else "."))
        ).failure(self._failed).run()  # (look30: '… CO., LTD..')

    def _decided(self, _change: Change) -> None:
        self.note.clear()
        self.status.setText("")
