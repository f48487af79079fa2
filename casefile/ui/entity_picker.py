"""Choosing a party by typing part of its name or an alias: the parties that match, read
on the worker, offered as the typing goes on, each once and told apart (two parties of one
name and country carry their numbers); the editor's picker offers to create one of what is
typed, the dossier's does not, and says when what is typed is no party it offered."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

if TYPE_CHECKING:
    from casefile.services.case.facade import Case
    from casefile.ui.session import CaseSession

Choices = Callable[[str, Callable[[list[tuple[int, str]]], None]], None]
_NUMBERED = re.compile(r" #\d+$")
_NAME = re.compile(r"(?: \([^()]*\))?(?: \[[^\[\]]*\])?$")  # a label's alias and country


def told_apart(found: list[tuple[int, str]]) -> dict[str, int]:
    """label -> party, a party's number added to each label two parties share (review30:
    27,331 of a 54,752-party list shared theirs: picking one printed another)."""
    seen: dict[str, int] = {}
    for _i, label in found:
        seen[label] = seen.get(label, 0) + 1
    return {(f"{label} #{i}" if seen[label] > 1 else label): i for i, label in found}


def case_parties(session: CaseSession) -> Choices:
    """The parties of the session's case whose name or alias holds what is typed, read on
    the worker (the editor's pickers and the dossier dialog's)."""
    def choices(text: str, answer: Callable[[list[tuple[int, str]]], None]) -> None:
        def read(case: Case) -> list[tuple[int, str]]:
            from casefile.services.queries.listing import entity_choices

            with case.read() as conn:
                return entity_choices(conn, text)
        session.query(read, answer)
    return choices


class EntityPicker(QWidget):
    """Pick a party by typing part of a name or alias (or its number, '#1234'); 'create
    new' makes one.

    ``choices(text, answer)`` looks parties up and calls ``answer`` with (id, label) pairs.
    ``unmatched``: what is typed is no party offered (nor empty) — the caller says so."""

    picked = Signal(object)  # entity id or None
    create_requested = Signal(str)
    refused = Signal(str)  # what is typed is no one party: why (the editor says it)

    def __init__(self, choices: Choices, parent: QWidget | None = None, creates: bool = True,
                 placeholder: str = "type a name or alias…") -> None:
        """``creates``: offer to create a party of what is typed (and put the party back
        when what is typed is none)."""
        super().__init__(parent)
        self._choices = choices
        self._creates = creates
        self._ids: dict[str, int] = {}
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated[str].connect(self._activated)  # type: ignore[index]  # overload
        self.line.setCompleter(completer)
        self.line.textEdited.connect(self._refresh)
        self.line.editingFinished.connect(self._finished)
        self.current_id: int | None = None
        self._current_text = ""
        self.unmatched = False
        self._answered: str | None = None  # the text the offered parties (_ids) are for
        self._waiting = False  # editing finished before they came: decided when they do
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.line)

    def set_current(self, entity_id: int | None, text: str) -> None:
        self.current_id, self._current_text = entity_id, text
        self.unmatched = self._waiting = False
        self.line.setText(text)

    def _refresh(self, text: str) -> None:
        """Ask for matching parties (answered later, from the worker thread's read)."""
        self._waiting = False  # typing goes on: what is typed is decided when it is left
        # again (review34: a field typed in again was decided under the cursor)
        if not self._creates:
            self.unmatched = bool(text.strip())  # until a party is picked
        def answer(found: list[tuple[int, str]]) -> None:
            self._show_choices(text, found)
        self._choices(_NUMBERED.sub("", text), answer)

    def _show_choices(self, text: str, found: list[tuple[int, str]]) -> None:
        if text != self.line.text():
            return  # typing went on; a newer answer is coming
        self._ids = told_apart(found)
        self._answered = text
        if self._waiting:
            self._waiting = False
            self._finished()
            return
        labels = list(self._ids)
        if text.strip() and self._creates:
            labels.append(f"Create new: {text.strip()}")
        self._model.setStringList(labels)
        completer = self.line.completer()
        if self.line.hasFocus() and labels:
            completer.complete()

    def _activated(self, label: str) -> None:
        if label.startswith("Create new: "):
            self.create_requested.emit(label.removeprefix("Create new: "))
            return
        if label in self._ids:
            self.current_id, self._current_text = self._ids[label], label
            self.unmatched = False
            self.line.setText(label)
            self.picked.emit(self.current_id)

    def _finished(self) -> None:
        text = self.line.text().strip()
        if text and text != self._current_text and text not in self._ids and \
                self._answered != self.line.text():  # the parties it names not read yet
            self._waiting = True
            if not self._creates:  # no party until they are (review30)
                self.current_id, self._current_text, self.unmatched = None, "", True
            return
        if not text and self.current_id is not None:
            self.current_id, self._current_text = None, ""
            self.picked.emit(None)
        elif text in self._ids and self._ids[text] != self.current_id:
            self._activated(text)
        elif text and text != self._current_text and text not in self._ids:
            if self._creates and (one := self._only(text)) is not None:  # (look29:
                self._activated(one)  # 'Tekhkrim', one party offered, Tab: dropped unsaid;
                # the dossier's picker waits for a pick, as its Export says: review34)
            elif self._creates:
                self.line.setText(self._current_text)  # not one party: keep the old one
                self.refused.emit(self._why(text))
            else:  # (review30: the field went blank and every party was printed)
                self.current_id, self._current_text, self.unmatched = None, "", True
        self.unmatched = self.unmatched and bool(self.line.text().strip())

    def _only(self, text: str) -> str | None:
        """The one offered party ``text`` names: the only one offered, or the only one whose
        name (the label before its alias and country) is ``text``, whatever the case."""
        number = re.search(r"#(\d+)$", text)
        if number is not None:  # (review34: 'Tekhkrim #6' took #2, the one offered)
            return next((label for label, i in self._ids.items()
                         if i == int(number.group(1))), None)
        if len(self._ids) == 1:
            return next(iter(self._ids))
        folded = text.casefold()
        named = [label for label in self._ids
                 if _NAME.sub("", _NUMBERED.sub("", label)).casefold() == folded]
        return named[0] if len(named) == 1 else None

    def _why(self, text: str) -> str:
        if not self._ids:
            return (f"No party is named “{text}”: the field keeps its party. To make one, "
                    "pick “Create new” in the list.")
        return (f"“{text}” names {len(self._ids):,} parties: pick one in the list (or "
                "“Create new”); the field keeps its party.")
