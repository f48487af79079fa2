"""Cold start: the start screen paints before the database layer (SQLAlchemy, Alembic,
SQLModel) and the drawing stack of the timeline and chart (pyqtgraph, numpy) are loaded; the
docks that need them are made when a case opens, where the remembered layout put them."""

import os
import subprocess
import sys

from PySide6.QtCore import QSettings, Qt

from casefile.services.exchange.demo import write_demo
from casefile.ui.main_window import MainWindow
from tests.ui.conftest import wait_idle

HEAVY = ("sqlalchemy", "alembic", "sqlmodel", "pyqtgraph", "numpy", "reportlab")
_PROBE = """
import sys
from PySide6.QtCore import QSettings
from casefile.ui.app import make_app
from casefile.ui.main_window import MainWindow
app = make_app()
win = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
win.show()
for _ in range(5):
    app.processEvents()
assert win.isVisible() and win.pages.currentWidget() is win.start
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})))
win.session.shut_down()
"""


def test_the_start_screen_paints_without_the_database_or_drawing_libraries(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _PROBE, str(tmp_path / "settings.ini")],
                          capture_output=True, text=True, env=env, timeout=120, check=True)
    loaded = set(done.stdout.split())
    assert "PySide6" in loaded and "casefile" in loaded  # (the probe saw the modules)
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def _window(qtbot, settings):
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_docks_come_with_the_first_case_where_the_layout_left_them(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    path = tmp_path / "demo.casefile"
    write_demo(path).close()
    win = _window(qtbot, settings)
    assert win._docks is None  # the start screen: no timeline or chart made
    win.open_path(path)
    qtbot.waitUntil(lambda: win.case is not None, timeout=10000)
    wait_idle(qtbot, win)
    assert win.timeline.isVisible() and win.chart.isVisible()
    assert len(win.chart.graph.nodes) == 0  # behind the timeline's tab: not read yet
    win.chart.raise_()
    qtbot.waitUntil(lambda: len(win.chart.graph.nodes) > 0, timeout=10000)
    toggles = [a.text() for a in win.menus.view.actions()]
    assert win.timeline.toggleViewAction().text() in toggles
    win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, win.chart)  # the user moves it
    win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=10000)

    again = _window(qtbot, settings)
    again.open_path(path)
    qtbot.waitUntil(lambda: again.case is not None, timeout=10000)
    wait_idle(qtbot, again)
    assert again.dockWidgetArea(again.chart) == Qt.DockWidgetArea.RightDockWidgetArea
    assert again.dockWidgetArea(again.timeline) == Qt.DockWidgetArea.BottomDockWidgetArea
    qtbot.waitUntil(lambda: len(again.chart.graph.nodes) > 0, timeout=10000)
    again.session.shut_down()
