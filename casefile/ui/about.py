"""Help → About: the version, the icon and, on its Licences page, the licences of everything
Casefile ships (plain text: :func:`casefile.services.licences.licence_text`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casefile import __version__
from casefile.paths import resource_path
from casefile.services.licences import licence_text
from casefile.ui.text import plain_label


def app_icon() -> QIcon:
    """The application icon: the SVG master, with rendered sizes for platforms without the
    SVG icon engine."""
    icon = QIcon()
    for size in (32, 64, 256):
        png = resource_path("icons", f"casefile-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    svg = resource_path("icons", "casefile.svg")
    if svg.is_file():
        icon.addFile(str(svg))
    return icon


class AboutDialog(QDialog):
    """About Casefile, with a Licences page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Casefile")
        self.resize(640, 480)
        self.tabs = QTabWidget(self)

        about = QWidget()
        box = QVBoxLayout(about)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(logo)
        for text in (f"Casefile {__version__}",
                     "Offline case files for investigators: entities, shipments, events and "
                     "sources, a timeline and sourced PDF dossiers.",
                     "Free software under the Apache License 2.0. The Licences page lists the "
                     "software it is built on and their licences."):
            label = plain_label(text)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(label)
        box.addStretch(1)
        self.tabs.addTab(about, "About")

        self.licences = QPlainTextEdit()
        self.licences.setReadOnly(True)
        self.licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.licences.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licences.setPlainText(licence_text())
        self.tabs.addTab(self.licences, "Licences")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def show_licences(self) -> None:
        self.tabs.setCurrentWidget(self.licences)
