"""The menus and the toolbar: buttons that stay where they are, names in tooltips and the
Edit menu."""

from tests.ui.conftest import choose_kind, wait_idle


def test_the_toolbar_stays_put_and_names_go_in_tooltips(qtbot, demo_window):
    win = demo_window
    bar = win.menus.toolbar
    new_entity = bar.widgetForAction(win.menus.toolbar_new["entity"])
    undo = bar.widgetForAction(win.menus.toolbar_undo)
    x_before = new_entity.x()
    choose_kind(qtbot, win, "entity")
    win.menus.toolbar_new["entity"].trigger()
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.menus.undo.isEnabled(), timeout=10000)
    assert win.menus.undo.text() == "&Undo New entity “New entity”"  # the Edit menu names it
    assert undo.text() == "Undo" and win.menus.toolbar_redo.text() == "Redo"
    assert "New entity “New entity”" in undo.toolTip() and "Ctrl+Z" in undo.toolTip()
    assert undo.isEnabled() and not bar.widgetForAction(win.menus.toolbar_redo).isEnabled()
    assert new_entity.x() == x_before  # the next click lands where it did
    win.menus.toolbar_undo.trigger()
    wait_idle(qtbot, win)
    assert win.menus.redo.text() == "&Redo New entity “New entity”"
    assert win.menus.toolbar_redo.isEnabled() and not win.menus.toolbar_undo.isEnabled()
    assert "New entity “New entity”" in win.menus.toolbar_redo.toolTip()
    assert new_entity.x() == x_before
