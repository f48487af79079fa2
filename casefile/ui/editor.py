"""The editor of one record, built from the field specs of its kind. There is no Save button:
each field is committed when its editing finishes, as one undoable operation; a value that
cannot be stored is shown in red beside the field and not saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casefile.core.countries import CountryError
from casefile.core.fuzzydate import FuzzyDate
from casefile.core.labels import singular
from casefile.ui.children import ChildTable
from casefile.ui.fields import CHILDREN, FIELDS, FieldSpec
from casefile.ui.text import plain_label
from casefile.ui.widgets import CountryEdit, EntityPicker, FuzzyDateEdit, enum_combo


class _PlainTextField(QPlainTextEdit):
    """Multi-line text that commits when focus leaves it."""

    committed = Signal()

    def focusOutEvent(self, event: Any) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit()


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
        self._dates = {s.key for s in FIELDS[kind] if s.widget == "date"}
        # shown as "a, b", stored as "a,b"
        self._lists = {s.key for s in FIELDS[kind] if s.widget in ("tags", "countries")}
        self.heading = plain_label()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in FIELDS[kind]:
            w = self._make(spec, entity_choices)
            err = plain_label(wrap=True)
            err.setStyleSheet("color: #B00020;")
            err.hide()
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(1)
            lay.addWidget(w)
            lay.addWidget(err)
            form.addRow(spec.label, box)
            self.widgets[spec.key], self.errors[spec.key] = w, err
        self.children_tables: dict[str, ChildTable] = {}
        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addLayout(form)
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

    # -- building -----------------------------------------------------------------------
    def _make(self, spec: FieldSpec, entity_choices: Any) -> QWidget:
        key = spec.key
        w: Any  # the field's widget, of the spec's kind
        if spec.widget == "date":
            w = FuzzyDateEdit()
            w.committed.connect(lambda text, k=key: self._commit(k, text))
        elif spec.widget == "text":
            w = _PlainTextField()
            w.setFixedHeight(70)
            w.committed.connect(lambda k=key, w=w: self._commit(k, w.toPlainText()))
        elif spec.widget == "enum":
            w = enum_combo(spec.options, dict(spec.words) if spec.words else None)
            w.activated.connect(lambda _i, k=key, w=w: self._commit(k, w.currentData()))
        elif spec.widget == "bool":
            w = QCheckBox()
            w.clicked.connect(lambda checked, k=key: self._commit(k, checked))
        elif spec.widget == "country":
            w = CountryEdit()
            w.editingFinished.connect(lambda k=key, w=w: self._commit_country(k, w))
        elif spec.widget == "entity":
            w = EntityPicker(entity_choices)
            w.picked.connect(lambda eid, k=key: self._commit(k, eid))
            w.create_requested.connect(lambda name, k=key: self.create_entity_requested.emit(
                k, name))
        else:
            w = QLineEdit()
            if spec.widget == "tags":
                w.setPlaceholderText("comma-separated")
            elif spec.widget == "countries":
                w.setPlaceholderText("countries or ISO codes, comma-separated")
            w.editingFinished.connect(lambda k=key, w=w: self._commit(k, w.text()))
        return w

    # -- loading ------------------------------------------------------------------------
    def load(self, bundle: dict[str, Any]) -> None:
        """Show a record bundle (see casefile.services.queries.record.record_bundle)."""
        self._loading = True
        row = bundle["row"]
        self.record_id, self._row = row["id"], row
        title = row.get("name") or row.get("title") or row.get("declared_goods") or ""
        self.heading.setText(f"{singular(self.kind)} #{row['id']}  {title}".strip())
        names = bundle.get("names", {})
        for spec in FIELDS[self.kind]:
            w: Any = self.widgets[spec.key]  # the field's widget, of the spec's kind
            value = row.get(spec.key)
            self.errors[spec.key].hide()
            if spec.widget == "date":
                w.setText(row.get(f"{spec.key}_text") or "")
            elif spec.widget == "countries":
                w.setText((value or "").replace(",", ", "))
            elif spec.widget == "text":
                w.setPlainText(value or "")
            elif spec.widget == "enum":
                w.setCurrentIndex(max(0, w.findData(value)))
            elif spec.widget == "bool":
                w.setChecked(bool(value))
            elif spec.widget == "country":
                w.set_code(value)
            elif spec.widget == "entity":
                w.set_current(value, names.get(value, "") if value else "")
            elif spec.widget in ("number", "int"):
                w.setText("" if value is None else f"{value:g}")
            elif spec.widget == "tags":
                w.setText((value or "").replace(",", ", "))
            else:
                w.setText("" if value is None else str(value))
        for w in self.findChildren(QLineEdit):
            w.setCursorPosition(0)  # show the start of long names, not their end
        for kind, table in self.children_tables.items():
            table.set_rows(bundle["children"].get(kind, []), names)
        self.child_error.hide()
        self._loading = False

    # -- committing ---------------------------------------------------------------------
    def _current(self, key: str) -> Any:
        if key in self._dates:
            return self._row.get(f"{key}_text") or ""
        return self._row.get(key)

    def _commit(self, key: str, value: Any) -> None:
        if self._loading or self.record_id is None:
            return
        old = self._current(key)
        if key in self._lists:
            old = (old or "").replace(",", ", ")
        if isinstance(value, FuzzyDate) and value.text.strip() == (old or "").strip():
            return  # the date as it was (a FuzzyDate is what the date field commits)
        if (value if value != "" else None) == (old if old != "" else None):
            return
        if isinstance(value, str) and isinstance(old, float | int) and value.strip():
            try:
                if float(value.replace(",", "")) == old:
                    return
            except ValueError:
                pass
        self.edit_requested.emit({key: value}, {})

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

    def clear_error(self, key: str) -> None:
        if key in self.errors:
            self.errors[key].hide()
