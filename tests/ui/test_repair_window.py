"""(look15) A damaged case could be repaired only from the command line: the window said
"run: casefile repair …". Now File → Repair a Damaged Case… does it, a case that cannot be
opened because it is damaged offers it, and the repaired case opens from the result."""

from PySide6.QtWidgets import QMessageBox

from casefile.services.exchange.demo import write_demo
from tests.ui.conftest import wait_idle


def _cut_demo(tmp_path):
    whole = tmp_path / "whole.casefile"
    write_demo(whole).close()
    cut = tmp_path / "Ведомость (cut).casefile"
    cut.write_bytes(whole.read_bytes()[:-4096])  # a copy that did not finish
    return whole, cut


def test_a_case_that_cannot_be_opened_offers_repair_and_opens_the_result(qtbot, window,
                                                                         tmp_path):
    _whole, cut = _cut_demo(tmp_path)
    before = cut.read_bytes()
    window.open_path(cut)
    qtbot.waitUntil(lambda: window.commands.repair.box is not None, timeout=10000)
    offer = window.commands.repair.box
    assert offer.objectName() == "repair-offer" and cut.name in offer.text()
    assert "File → Repair a Damaged Case…" in offer.text()
    assert window.case is None
    offer.grab().save(str(tmp_path / "offer.png"))
    output = tmp_path / "Ведомость (cut) (repaired).casefile"
    window.commands.repair.start(cut, output)  # as Repair… does, the names chosen
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.commands.repair.box is not None
                    and window.commands.repair.box.objectName() == "repair-result",
                    timeout=10000)
    result = window.commands.repair.box
    text = result.text()
    assert output.name in text and "bytes shorter than its header says" in text
    assert "rows saved" in text and "entity: 12 saved" in result.detailedText()
    result.grab().save(str(tmp_path / "repaired.png"))
    assert cut.read_bytes() == before  # the damaged file is never written
    (opening,) = [b for b in result.buttons() if b.text() == "Open the Repaired Case"]
    assert result.defaultButton() is opening
    opening.click()
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    assert window.case.path == output.resolve()
    with window.case.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM entity").scalar() > 0


def test_the_menu_repairs_a_case_without_one_open(qtbot, window, tmp_path):
    from casefile.ui.repair_command import repaired_name

    _whole, cut = _cut_demo(tmp_path)
    assert window.menus.repair.isEnabled()  # no case open: still there
    assert repaired_name(cut).name == "Ведомость (cut) (repaired).casefile"
    repaired_name(cut).write_bytes(b"")  # taken: the next name is offered
    assert repaired_name(cut).name == "Ведомость (cut) (repaired 2).casefile"
    window.commands.repair.start(cut, repaired_name(cut))
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.commands.repair.box is not None, timeout=10000)
    window.commands.repair.box.button(QMessageBox.StandardButton.Close).click()
    assert window.case is None and repaired_name(cut).name.endswith("(repaired 3).casefile")


def test_a_case_found_damaged_once_open_says_so_offers_repair_and_repairs_while_open(
        qtbot, window, tmp_path):
    """(look16) A case with one junk page opened read-only with the reason only in the status
    bar; every section said "Unexpected error: DatabaseError … a bug", each in its own box;
    and Repair refused the case because this very window held it."""
    from PySide6.QtWidgets import QApplication

    from tests.services.test_repair import _damage_leaf
    from tests.support import synthetic

    path = tmp_path / "junk.casefile"
    synthetic.build_synthetic_case(path, shipments=500, entities=300, sources=20,
                                   citations=500).close()
    _damage_leaf(path, "entity")
    window.open_path(path)
    qtbot.waitUntil(lambda: window.commands.repair.box is not None, timeout=20000)
    wait_idle(qtbot, window)
    offer = window.commands.repair.box
    said = offer.text()  # the quick check's verdict, or a read that met the page first
    assert offer.objectName() == "repair-offer" and said.startswith("junk.casefile is ")
    assert "fails SQLite's quick check" in said or "is damaged" in said
    assert "damaged — File → Repair a Damaged Case…" in window.banner.text()
    window.records.set_kind("entity")  # a section read from the damaged page
    wait_idle(qtbot, window)
    # (look17) it shows under its own headings and says why it is empty
    qtbot.waitUntil(lambda: window.records.model.kind == "entity", timeout=10000)
    assert window.empty_table.text.text().startswith("The entities cannot be read: ")
    assert not window.empty_table.new_button.isVisible()
    boxes = [b for b in QApplication.topLevelWidgets()
             if isinstance(b, QMessageBox) and b.isVisible()]
    assert not [b for b in boxes if b.objectName() == "casefile-unexpected-error"]
    assert [b for b in boxes if b.objectName().startswith(("casefile", "repair"))] == [offer]
    # the damage said once: the reads that met it add no box of their own
    output = tmp_path / "junk (repaired).casefile"
    window.commands.repair.start(path, output)  # as Repair… does, the case still open
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.commands.repair.box is not None
                    and window.commands.repair.box.objectName() == "repair-result",
                    timeout=20000)
    result = window.commands.repair.box
    assert "could not be read" in result.text() and "Show Details" in result.text()
    assert "entity: " in result.detailedText() and output.exists()
    assert window.case is None  # closed, to be read whole
    (opening,) = [b for b in result.buttons() if b.text() == "Open the Repaired Case"]
    opening.click()
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    wait_idle(qtbot, window)
    # (look17) the repaired case is not said to be damaged
    assert "damaged" not in window.statusBar().currentMessage()
    assert "damaged" not in window.banner.text() and "READ-ONLY" not in window.banner.text()
