"""Formatting rules in the real window (pytest-qt, demo case): made in the dialog, applied to
the nodes (colour, size), saved with the chart and applied again when it reopens."""

import pytest
from PySide6.QtCore import Qt

from casefile.ui.chart_rules import RulesDialog
from tests.ui.conftest import wait_idle
from tests.ui.test_chart_scope import HEADLESS


@HEADLESS
def test_rules_made_in_the_dialog_colour_and_size_the_nodes(qtbot, demo_window, tmp_path):
    win = demo_window
    dock = win.chart
    dock.raise_()  # read when on screen: a user shows the tab
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 12, timeout=10000)
    wait_idle(qtbot, win)
    dlg = RulesDialog([], dock)
    qtbot.addWidget(dlg)
    dlg.attribute.setCurrentIndex(dlg.attribute.findData("sanctioned"))
    dlg.colour.setCurrentIndex(dlg.colour.findText("orange"))
    dlg.scale_box.setValue(1.5)
    qtbot.mouseClick(dlg.add, Qt.MouseButton.LeftButton)
    dlg.attribute.setCurrentIndex(dlg.attribute.findData("country"))
    dlg.value.setText("CN")
    dlg.colour.setCurrentIndex(dlg.colour.findText("red"))
    dlg.scale_box.setValue(1.0)
    qtbot.mouseClick(dlg.add, Qt.MouseButton.LeftButton)
    dlg.colour.setCurrentIndex(0)
    qtbot.mouseClick(dlg.add, Qt.MouseButton.LeftButton)  # does nothing: not added
    assert [dlg.list.item(i).text() for i in range(dlg.list.count())] == [
        "is sanctioned → orange, 1.5×", "country is CN → red"]
    dlg.show()
    dlg.grab().save(str(tmp_path / "rules.png"))
    dock.set_rules(dlg.rules())
    dji = dock.graph.index["entity:3"]  # sanctioned, and Chinese: the later rule's colour
    norinco = dock.graph.index["entity:1"]
    grown = dock.scene.icon_scale  # (icons drawn larger than to scale in the short dock)
    assert dock.scene.colours[dji] == "#D00000" and dock.scene.nodes[dji].scale() == \
        pytest.approx(1.5 * grown)
    assert dock.scene.colours[norinco] == "#D00000" and dock.scene.nodes[norinco].scale() == \
        pytest.approx(grown)
    assert dock.scene.colours[dock.graph.index["entity:2"]] == ""
    dock.setFloating(True)  # (room to look at it)
    dock.resize(900, 500)
    dock.view.fit()
    qtbot.wait(50)
    dock.grab().save(str(tmp_path / "formatted.png"))
    dock.setFloating(False)
    with qtbot.waitSignal(dock.saved, timeout=10000):
        dock.save("Formatted")
    wait_idle(qtbot, win)
    cid = dock.chart_id
    dock.open_chart(None)
    qtbot.waitUntil(lambda: dock.chart_id is None, timeout=10000)
    wait_idle(qtbot, win)
    assert set(dock.scene.colours) == {""}
    dock.open_chart(cid)
    qtbot.waitUntil(lambda: dock.chart_id == cid, timeout=10000)
    wait_idle(qtbot, win)
    assert dock.scene.colours[dock.graph.index["entity:3"]] == "#D00000"
    assert dock.scene.sizes[dock.graph.index["entity:3"]] == 1.5
    dlg.list.setCurrentRow(0)
    qtbot.mouseClick(dlg.remove, Qt.MouseButton.LeftButton)
    assert dlg.list.count() == 1
