"""(helper-60) "Expand neighbours" next to an authority with hundreds of sanctioned parties
added them all at once (919 nodes) without a word. Past ASK_ABOVE new nodes it asks first:
all of them, the most linked, or none."""

from PySide6.QtWidgets import QMessageBox

from casefile.services.case.facade import Case
from casefile.ui.chart_scope import ASK_ABOVE
from tests.ui.conftest import open_chart, wait_idle

PARTIES = ASK_ABOVE + 20


def _case(path):
    case = Case.new(path)
    ids = [case.create("entity", {"name": f"Party {i:03d}"}).result for i in range(PARTIES)]
    for eid in ids:
        case.create("sanction", {"entity_id": eid, "authority": "OFAC",
                                 "programme": "RUSSIA-EO14024"})
    # the last ten are the most linked: each also owns the first party
    for eid in ids[-10:]:
        case.create("relationship", {"subject_id": eid, "object_id": ids[0], "kind": "owns"})
    case.close()
    return ids


def _button(box, start):
    return next(b for b in box.buttons() if b.text().startswith(start))


def test_a_large_expansion_is_asked_about_and_can_bring_the_most_linked(qtbot, window,
                                                                       tmp_path):
    path = tmp_path / "many.casefile"
    ids = _case(path)
    dock = open_chart(qtbot, window, path, PARTIES + 1)
    assert dock.scope.chart_from([("entity", ids[1])]) == 1
    assert dock.scope.expand([0]) == 1  # Party 001 → OFAC: a few, not asked
    assert dock.scope.asked is None
    ofac = dock.graph.index["authority:ofac"]
    assert dock.scope.expand([ofac]) == 0  # 79 new: asked first, nothing added yet
    box = dock.scope.asked
    assert box is not None and "OFAC has 79 neighbours" in box.text()
    assert len(dock.graph.nodes) == 2
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: dock.scope.asked is None, timeout=5000)
    assert len(dock.graph.nodes) == 2  # cancelled: nothing added
    dock.scope.expand([ofac])
    _button(dock.scope.asked, f"Add the {ASK_ABOVE} most linked").click()
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 2 + ASK_ABOVE, timeout=5000)
    wait_idle(qtbot, window)
    shown = {n.label for n in dock.graph.nodes}
    assert {f"Party {i:03d}" for i in range(PARTIES - 10, PARTIES)} <= shown  # most linked
    assert "Party 000" in shown  # linked to ten of them
    assert f"{ASK_ABOVE} most linked of 79" in dock.bar.note.text()
    ofac = dock.graph.index["authority:ofac"]
    assert dock.scope.expand([ofac]) == 79 - ASK_ABOVE  # the rest: few enough, not asked
    assert dock.scope.asked is None and len(dock.graph.nodes) == PARTIES + 1


def _asked(qtbot, window, tmp_path):
    """A chart of one party and OFAC, asked about OFAC's 79 other parties: (dock, ids)."""
    path = tmp_path / "many.casefile"
    ids = _case(path)
    dock = open_chart(qtbot, window, path, PARTIES + 1)
    dock.scope.chart_from([("entity", ids[1])])
    dock.scope.expand([0])
    dock.scope.expand([dock.graph.index["authority:ofac"]])
    assert dock.scope.asked is not None
    return dock, ids


def test_add_all_brings_every_neighbour(qtbot, window, tmp_path):
    dock, _ids = _asked(qtbot, window, tmp_path)
    _button(dock.scope.asked, "Add all 79").click()
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == PARTIES + 1, timeout=5000)
    assert dock.state.scope == {n.key for n in dock.graph.nodes}


def test_the_answer_finds_its_nodes_again_when_the_chart_changed_meanwhile(qtbot, window,
                                                                        tmp_path):
    """(review21) While the box was open a party was deleted; 'Add all' then expanded by the
    node numbers of the chart as it had been (an IndexError, or another node expanded)."""
    from casefile.ui.ops import records as record_ops

    dock, ids = _asked(qtbot, window, tmp_path)
    box = dock.scope.asked
    record_ops.delete_record(window.session, "entity", ids[1], cascade=True).run()
    qtbot.waitUntil(lambda: f"entity:{ids[1]}" not in dock.graph.index, timeout=10000)
    wait_idle(qtbot, window)
    _button(box, "Add all").click()
    qtbot.waitUntil(lambda: dock.scope.asked is None, timeout=5000)
    assert "authority:ofac" in dock.graph.index
    assert len(dock.graph.nodes) == PARTIES  # OFAC and the 79 left of its parties
