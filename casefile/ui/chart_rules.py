"""The link chart's formatting rules dialog: a list of rules (attribute → colour / size),
added and removed in order; a later rule wins for what it sets. The chart applies them as
soon as the dialog is accepted, and saves them with the chart."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.core.chart.rules import ATTRIBUTES, SIZES, Rule

PALETTE = {"(kind's colour)": "", "red": "#D00000", "orange": "#E69F00", "yellow": "#F0E442",
           "green": "#009E73", "blue": "#0072B2", "purple": "#6A4C93", "black": "#222222"}


class RulesDialog(QDialog):
    def __init__(self, rules: list[Rule], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Chart formatting rules")
        self._rules = list(rules)
        self.list = QListWidget()
        self.attribute = QComboBox()
        for key, words in ATTRIBUTES.items():
            self.attribute.addItem(words, key)
        self.value = QLineEdit()
        self.value.setPlaceholderText("company, RU, 10, …")
        self.colour = QComboBox()
        for name, code in PALETTE.items():
            self.colour.addItem(name, code)
        self.scale_box = QDoubleSpinBox()
        self.scale_box.setRange(*SIZES)
        self.scale_box.setSingleStep(0.25)
        self.scale_box.setValue(1.0)
        self.scale_box.setSuffix(" ×")
        form = QFormLayout()
        form.addRow("When a node", self.attribute)
        form.addRow("Value", self.value)
        form.addRow("Colour", self.colour)
        form.addRow("Size", self.scale_box)
        self.add = QPushButton("Add rule")
        self.add.clicked.connect(self.add_rule)
        self.remove = QPushButton("Remove rule")
        self.remove.clicked.connect(self.remove_rule)
        row = QHBoxLayout()
        row.addWidget(self.add)
        row.addWidget(self.remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addLayout(form)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        names = {code: name for name, code in PALETTE.items() if code}
        for rule in self._rules:
            text = rule.words()
            if rule.colour in names:
                text = text.replace(rule.colour, names[rule.colour])
            self.list.addItem(text)  # plain text: QListWidget does not read markup

    def add_rule(self) -> Rule | None:
        rule = Rule.read({"attribute": self.attribute.currentData(),
                          "value": self.value.text().strip(),
                          "colour": self.colour.currentData(), "size": self.scale_box.value()})
        if rule is None or (not rule.colour and rule.size == 1.0):
            return None  # a rule that does nothing
        self._rules.append(rule)
        self._fill()
        return rule

    def remove_rule(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._rules):
            del self._rules[row]
            self._fill()

    def rules(self) -> list[Rule]:
        return list(self._rules)
