"""The CaseSession: operations announce their Change, views decide for themselves what to
refresh, and a party created from a picker is one undo step."""

from casefile.services.case.change import Change
from casefile.ui.ops import records as record_ops
from casefile.ui.session import CaseSession
from tests.ui.conftest import choose_kind, wait_idle


def test_an_op_announces_its_change_then_calls_success(qtbot, qapp, case_path):
    from casefile.services.case.facade import Case

    Case.new(case_path, title="T").close()
    session = CaseSession()
    heard: list[tuple[str, Change]] = []
    session.changed.connect(lambda ch: heard.append(("changed", ch)))
    with qtbot.waitSignal(session.opened, timeout=10000):
        session.open(case_path)
    record_ops.create_record(session, "entity", {"name": "Tekhkrim"}) \
        .success(lambda ch: heard.append(("success", ch))).run()
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=10000)
    assert [h[0] for h in heard] == ["changed", "success"]
    assert heard[0][1] is heard[1][1] and heard[0][1].created == {"entity": [1]}
    failures: list[BaseException] = []
    session.failed.connect(failures.append)
    record_ops.create_record(session, "entity", {"name": "X", "country": "Atlantis"}).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    assert "Atlantis" in str(failures[0]) and len(heard) == 2  # nothing announced
    session.shut_down()
    assert session.case is None


def test_the_table_reloads_only_for_changes_that_concern_it(qtbot, demo_window):
    win = demo_window
    choose_kind(qtbot, win, "event")
    reloads: list[str] = []
    win.records.listing_shown.connect(reloads.append)
    # a new finding concerns neither events nor their citations: no reload of the table
    record_ops.create_record(win.session, "finding", {"title": "A judgement"}).run()
    wait_idle(qtbot, win)
    assert reloads == []
    # a new event does
    record_ops.create_record(win.session, "event", {"title": "Statement"}).run()
    qtbot.waitUntil(lambda: reloads == ["event"], timeout=10000)


def test_create_a_party_from_the_picker_is_one_undo_step(qtbot, demo_window):
    win = demo_window
    choose_kind(qtbot, win, "shipment")
    win.menus.new_record["shipment"].trigger()
    qtbot.waitUntil(lambda: win.editor.current is not None
                    and win.editor.current.kind == "shipment", timeout=10000)
    wait_idle(qtbot, win)
    ed = win.editor.current
    sid = ed.record_id
    entities = win.case.counts()["entity"]
    picker = ed.widgets["shipper_id"]
    picker.create_requested.emit("Newco Trading «Восток» 东方")  # the picker's "Create new"
    qtbot.waitUntil(lambda: win.case.get("shipment", sid)["shipper_id"] is not None,
                    timeout=10000)
    wait_idle(qtbot, win)
    eid = win.case.get("shipment", sid)["shipper_id"]
    assert win.case.get("entity", eid)["name"] == "Newco Trading «Восток» 东方"
    assert win.case.counts()["entity"] == entities + 1
    assert win.menus.undo.text() == "&Undo New entity “Newco Trading «Восток» 东方”"
    win.menus.undo.trigger()  # one step takes both back
    qtbot.waitUntil(lambda: win.case.get("shipment", sid)["shipper_id"] is None,
                    timeout=10000)
    wait_idle(qtbot, win)
    assert win.case.get("entity", eid) is None
    assert win.case.counts()["entity"] == entities
    assert win.menus.undo.text().startswith("&Undo New shipment")


def test_help_shows_the_log_folder_without_a_case(qtbot, window):
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    from casefile.log import log_folder

    class Catcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def show(self, url: QUrl) -> None:
            self.urls.append(url)

    catcher = Catcher()
    QDesktopServices.setUrlHandler("file", catcher, "show")
    try:
        assert window.case is None and window.menus.log_folder.isEnabled()
        window.menus.log_folder.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in catcher.urls] == [str(log_folder())]
    assert log_folder().is_dir()
    assert str(log_folder()) in window.statusBar().currentMessage()
