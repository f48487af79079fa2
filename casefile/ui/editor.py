"""The editor of one record, built from the field specs of its kind. There is no Save button:
each field is committed when its editing finishes, as one undoable operation; a value that
cannot be stored is shown in red beside the field and not saved. Escape in a field puts its
stored value back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.core.countries import CountryError
from casefile.core.fuzzydate import FuzzyDate
from casefile.ui.children import ChildTable
from casefile.ui.editor_fields import field_widget, heading_text, show_value
from casefile.ui.entity_picker import EntityPicker
from casefile.ui.fields import CHILDREN, FIELDS, FieldSpec
from casefile.ui.text import plain_label, plain_tooltip
from casefile.ui.widgets import CountryEdit, EnumCombo, FuzzyDateEdit

LABEL_WIDTH = 150  # the widest a field's label gets before it wraps


class RecordEditor(QWidget):
    """Edits one record of ``kind``; emits ``edit_requested(values, children)``."""

    edit_requested = Signal(dict, dict)  # values, children
    create_entity_requested = Signal(str, str)  # field key, name

    def __init__(self, kind: str, entity_choices: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.record_id: int | None = None
        self._row: dict[str, Any] = {}
        self._loading = False
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, Any] = {}
        self._names: dict[int, str] = {}
        self._escape: dict[QObject, str] = {}  # typing widget -> its field (Escape restores)
        self._dates = {s.key for s in FIELDS[kind] if s.widget == "date"}
        # shown as "a, b", stored as "a,b"
        self._lists = {s.key for s in FIELDS[kind] if s.widget in ("tags", "countries")}
        self.code_hints: dict[str, QLabel] = {}
        self.heading = plain_label()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setWordWrap(True)
        form = self.form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # never sideways
        for spec in FIELDS[kind]:
            w = field_widget(spec, entity_choices, self._commit, self._commit_country,
                             self.create_entity_requested.emit, self.show_error, self.restore)
            err = plain_label(wrap=True)
            err.setStyleSheet("color: #B00020;")
            err.hide()
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(1)
            lay.addWidget(w)
            if spec.widget == "countries" or spec.key == "topics":  # the names of the
                # codes, under the field ('RU' Russia, 'role.pep' Politically exposed person)
                hint = self.code_hints[spec.key] = plain_label(wrap=True)
                hint.setStyleSheet("color: #666;")
                lay.addWidget(hint)
            lay.addWidget(err)
            label = plain_label(spec.label)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            if label.sizeHint().width() > LABEL_WIDTH:  # a long label wraps; the fields
                label.setWordWrap(True)  # keep their width
                label.setFixedWidth(LABEL_WIDTH)
            form.addRow(label, box)
            self.widgets[spec.key], self.errors[spec.key] = w, err
            target = self._typing_target(spec.key)
            if isinstance(target, QLineEdit | QPlainTextEdit):
                self._escape[target] = spec.key
                target.installEventFilter(self)
            # a refusal is of the text refused: once the field is typed in again it is
            # gone (look15: it stayed in red under a valid date being typed)
            if isinstance(target, QLineEdit):
                target.textEdited.connect(err.hide)
            elif isinstance(target, QPlainTextEdit):
                target.textChanged.connect(lambda e=err: None if self._loading else e.hide())
        self.children_tables: dict[str, ChildTable] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.heading)
        self.top = QVBoxLayout()  # what touches a party goes here, above its fields
        outer.addLayout(self.top)
        outer.addLayout(form)
        # what the record's values do not bear out (a finding graded high on one source):
        # said, never refused
        self.advice = plain_label(wrap=True)
        self.advice.setStyleSheet("color: #8a5a00; padding: 4px 0;")
        self.advice.hide()
        outer.addWidget(self.advice)
        for cspec in CHILDREN.get(kind, []):
            table = ChildTable(cspec)
            table.changed.connect(self._children_changed)
            self.children_tables[cspec.kind] = table
            outer.addWidget(table)
        self.child_error = plain_label(wrap=True)
        self.child_error.setStyleSheet("color: #B00020;")
        self.child_error.hide()
        outer.addWidget(self.child_error)
        self.extra = QVBoxLayout()  # citations / attachments panels go here
        outer.addLayout(self.extra)
        outer.addStretch(1)

    # -- loading ------------------------------------------------------------------------
    def load(self, bundle: dict[str, Any]) -> None:
        """Show a record bundle (see casefile.services.queries.record.record_bundle)."""
        row = bundle["row"]
        same_record = row["id"] == self.record_id
        # a value reached by keys and still settling is the shown record's: stored before
        # another record is shown; kept on screen, still settling, when this one is shown
        # again (its other edits stored meanwhile)
        settling = {k: w.currentData() for k, w in self.widgets.items()
                    if isinstance(w, EnumCombo) and w.settle.isActive()}
        if not same_record:
            self.flush_choices()
        self._loading = True
        self.record_id, self._row = row["id"], row
        self._names = bundle.get("names", {})
        head, whole = heading_text(self.kind, row, self.heading.fontMetrics(),
                                   self.heading.width())
        self.heading.setText(head)
        self.heading.setToolTip(plain_tooltip(whole) if whole else "")
        for spec in FIELDS[self.kind]:
            self._show_value(spec)
            box = self.widgets[spec.key].parentWidget()
            if spec.only_kinds and box is not None:  # another kind's field: if it holds a value
                held = row.get(f"{spec.key}_text" if spec.widget == "date" else spec.key)
                self.form.setRowVisible(box, row.get("kind") in spec.only_kinds or bool(held))
        for kind, table in self.children_tables.items():
            table.set_rows(bundle["children"].get(kind, []), self._names, same_record)
        self.child_error.hide()
        self.advice.setText(bundle.get("advice") or "")
        self.advice.setVisible(bool(bundle.get("advice")))
        if same_record:
            for key, value in settling.items():
                box = self.widgets[key]
                assert isinstance(box, EnumCombo)
                box.setCurrentIndex(box.findData(value))
        self._loading = False

    def flush_choices(self) -> None:
        """Store the drop-down values reached by keys and still settling (before the record
        goes, or an undo or redo: that takes back this edit, not the one before it)."""
        for w in self.widgets.values():
            if isinstance(w, EnumCombo):
                w.flush()

    def _show_value(self, spec: FieldSpec) -> None:
        """Put the stored value of a field back on screen (and hide its error)."""
        self.errors[spec.key].hide()
        show_value(self.widgets[spec.key], spec, self._row, self._names,
                   self.code_hints.get(spec.key))
        line = self._typing_target(spec.key)
        if isinstance(line, QLineEdit):
            line.setCursorPosition(0)  # show the start of long names, not their end


    def focus_first(self) -> None:
        """The cursor in the first field typed into (a name, a title), its text selected:
        typing replaces a new record's placeholder name. A new relationship starts from the
        party selected, as its subject and object both: the other party comes first."""
        keys = [s.key for s in FIELDS[self.kind]]
        if self.kind == "relationship":
            keys.insert(0, "object_id")
        for key in keys:
            target = self._typing_target(key)
            if isinstance(target, QLineEdit) and not target.isReadOnly():
                target.setFocus()
                target.selectAll()
                return

    def _typing_target(self, key: str) -> QWidget:
        """The widget a field is typed into (a date or party field holds a line)."""
        w = self.widgets[key]
        return w.line if isinstance(w, FuzzyDateEdit | EntityPicker) else w

    def set_readonly(self, readonly: bool) -> None:
        """A case open read-only: every field can be read and copied, none changed."""
        for key, w in self.widgets.items():
            target = self._typing_target(key)
            if isinstance(target, QLineEdit | QPlainTextEdit):
                target.setReadOnly(readonly)
            else:
                w.setEnabled(not readonly)
        for table in self.children_tables.values():
            table.set_readonly(readonly)

    def restore(self, key: str) -> None:
        """Escape: the field shows its stored value again; nothing is saved."""
        spec = next(s for s in FIELDS[self.kind] if s.key == key)
        self._loading = True
        self._show_value(spec)
        self._loading = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape and self.record_id is not None:
            key = self._escape.get(watched)
            if key is not None:
                self.restore(key)
                return True
        return super().eventFilter(watched, event)

    # -- committing ---------------------------------------------------------------------
    def _current(self, key: str) -> Any:
        if key in self._dates:
            return self._row.get(f"{key}_text") or ""
        return self._row.get(key)

    def _differs(self, key: str, value: Any) -> bool:
        """Whether ``value`` (as the field commits it) differs from the stored one."""
        old = self._current(key)
        if key in self._lists:
            old = (old or "").replace(",", ", ")
        if isinstance(value, FuzzyDate) and value.text.strip() == (old or "").strip():
            return False  # the date as it was (a FuzzyDate is what the date field commits)
        if (value if value != "" else None) == (old if old != "" else None):
            return False
        if isinstance(value, str) and isinstance(old, float | int) and value.strip():
            try:
                if float(value.replace(",", "")) == old:
                    return False
            except ValueError:
                pass
        return True

    def _commit(self, key: str, value: Any) -> None:
        if self._loading or self.record_id is None:
            return
        if self._differs(key, value):
            self.edit_requested.emit({key: value}, {})

    def pending_edits(self) -> list[tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]]:
        """What is typed and not stored yet, as (values, children) edits: a field whose
        text differs from the stored value (a country not understood goes as typed, to be
        refused with its reason), and the cell of a child table being edited."""
        if self.record_id is None:
            return []
        out: list[tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]] = []
        for spec in FIELDS[self.kind]:
            w: Any = self.widgets[spec.key]  # the field's widget, of the spec's kind
            if spec.widget in ("bool", "entity"):
                continue  # stored the moment they are chosen
            if spec.widget == "enum":  # (one reached by keys is stored when they rest)
                w.settle.stop()
                value = w.currentData()
            elif spec.widget == "date":
                value = w.value()
            elif spec.widget == "text":
                value = w.toPlainText()
            elif spec.widget == "country":
                try:
                    value = w.code() or None
                except CountryError:
                    value = w.text()
            else:
                value = w.text()
            if self._differs(spec.key, value):
                out.append(({spec.key: value}, {}))
        for kind, table in self.children_tables.items():
            if table.finish_editing():
                out.append(({}, {kind: table.complete_rows()}))
        return out

    def _commit_country(self, key: str, w: CountryEdit) -> None:
        try:
            code = w.code() or None
        except CountryError as exc:
            self.show_error(key, str(exc))
            return
        self.errors[key].hide()
        self._commit(key, code)

    def _children_changed(self, kind: str, rows: list[dict[str, Any]]) -> None:
        if not self._loading and self.record_id is not None:
            self.edit_requested.emit({}, {kind: rows})

    def show_error(self, key: str, message: str) -> None:
        label = self.errors.get(key)
        if label is None:
            self.child_error.setText(message)
            self.child_error.show()
            return
        label.setText(message)
        label.show()
        w = self.widgets.get(key)
        if isinstance(w, FuzzyDateEdit) and w.hint.text().startswith("not understood"):
            w.hint.setText("not understood (see below)")  # (look22: said twice, grey and red)

    def clear_error(self, key: str) -> None:
        if key in self.errors:
            self.errors[key].hide()
