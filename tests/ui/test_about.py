"""Help → About → Licences, and the application icon on the window."""

from PySide6.QtWidgets import QApplication

from casefile.paths import resource_path
from casefile.services import licences
from casefile.ui.about import AboutDialog


def _about(qtbot, win) -> AboutDialog:
    win.menus.about.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), AboutDialog)
                    or any(isinstance(w, AboutDialog) and w.isVisible()
                           for w in QApplication.topLevelWidgets()), timeout=5000)
    dlg = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, AboutDialog) and w.isVisible())
    qtbot.addWidget(dlg)
    return dlg


def test_about_lists_the_licences_of_what_casefile_runs_on(qtbot, window):
    dlg = _about(qtbot, window)
    dlg.show_licences()
    assert dlg.tabs.currentWidget() is dlg.licences
    text = dlg.licences.toPlainText()
    # from a source checkout: read from the installed distributions' metadata
    assert "Apache License 2.0" in text
    for name in ("PySide6", "SQLAlchemy", "reportlab", "numpy", "pycountry"):
        assert name.lower() in text.lower(), name
    assert "LGPL-3.0" in text and "Written offer" in text and "replace the Qt" in text
    assert dlg.licences.isReadOnly()
    window.menus.about.trigger()  # shown again, not opened twice
    assert sum(isinstance(w, AboutDialog) for w in QApplication.topLevelWidgets()) == 1


def test_a_build_s_licence_list_is_what_the_dialog_shows(qtbot, window, monkeypatch, tmp_path):
    (tmp_path / "licenses.txt").write_text("Bundled list: zlib 1.3 Zlib\n<b>not markup</b>\n",
                                           encoding="utf-8")
    monkeypatch.setattr(licences, "resource_path", lambda *p: tmp_path.joinpath(*p))
    dlg = AboutDialog(window)
    qtbot.addWidget(dlg)
    assert dlg.licences.toPlainText() == "Bundled list: zlib 1.3 Zlib\n<b>not markup</b>\n"


def test_the_window_wears_the_application_icon(window):
    icon = window.windowIcon()
    assert not icon.isNull()
    # rendered from the master: the 32 px image is the one shipped as package data
    assert resource_path("icons", "casefile.svg").is_file()
    assert icon.pixmap(32, 32).toImage().pixelColor(16, 3).alpha() > 0


def test_runtime_distributions_walk_casefile_s_requirements():
    names = {n.lower().replace("_", "-") for n in licences.runtime_distributions()}
    assert {"sqlalchemy", "reportlab", "pyside6-essentials", "shiboken6"} <= names
    assert "pytest" not in names  # a test extra is not shipped


def test_the_written_offer_says_where_to_ask():
    """The Qt source offer names the project's contact (one constant, in casefile/__init__)."""
    import casefile
    from casefile.services.licences import QT_NOTICE

    offer = QT_NOTICE[QT_NOTICE.index("Written offer"):]
    assert f"Ask for it at:\n    {casefile.SOURCE_OFFER_CONTACT}\n" in offer
    assert casefile.SOURCE_OFFER_CONTACT.strip()
