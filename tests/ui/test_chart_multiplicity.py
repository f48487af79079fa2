"""Shipment link multiplicity on the real chart (pytest-qt, demo case): a pair that ships both
ways is one link per direction, one per record side by side (multiple), one link "both ways"
(single) or one link pointing the way the goods went on balance (flow); the choice is made in
the Show menu, saved with the chart and followed by the dossier."""

import pypdf

from casefile.services.exchange.export_pdf import export_dossier
from casefile.services.queries.dossier import DossierOptions
from tests.ui.conftest import wait_idle
from tests.ui.test_chart_scope import HEADLESS

PAIR = "shipment:entity:1<>entity:2"


@HEADLESS
def test_shipments_both_ways_are_summarised_as_chosen_and_saved(qtbot, demo_window,
                                                                 tmp_path):
    win = demo_window
    dock = win.chart
    dock.raise_()  # read when on screen: a user shows the tab
    qtbot.waitUntil(lambda: len(dock.graph.links) == 7, timeout=10000)
    wait_idle(qtbot, win)
    # Tekhkrim sends three shipments back to NORINCO, in two records
    for count in ("2", "1"):
        win.session.op(lambda case, count=count: case.create("shipment", {
            "shipper_id": 2, "consignee_id": 1, "declared_goods": "returned rifles",
            "shipment_count": count, "date": "2023"})).run()
    qtbot.waitUntil(lambda: len(dock.graph.links) == 8, timeout=10000)
    wait_idle(qtbot, win)
    wait_idle(qtbot, win)
    dock.setFloating(True)  # (room to look at it)
    dock.resize(1000, 560)
    qtbot.waitUntil(lambda: dock.view.isVisible(), timeout=5000)
    before = dock.scene.positions().copy()
    dock.bar.multiplicity["multiple"].trigger()  # each record a line of its own
    qtbot.waitUntil(lambda: len(dock.graph.links) == 9, timeout=10000)
    wait_idle(qtbot, win)
    back = [i for i, lk in enumerate(dock.graph.links) if lk.key.startswith("shipment:#")
            and lk.key.endswith("entity:2>entity:1")]
    assert len(back) == 2 and len({tuple(dock.scene.layer.p1[i]) for i in back}) == 2
    dock.view.fit()
    dock.grab().save(str(tmp_path / "multiple.png"))
    dock.bar.multiplicity["single"].trigger()
    qtbot.waitUntil(lambda: len(dock.graph.links) == 7, timeout=10000)
    wait_idle(qtbot, win)
    g = dock.graph
    k = next(i for i, lk in enumerate(g.links) if lk.key == PAIR)
    assert not g.links[k].directed and g.links[k].count == 4
    assert (dock.scene.positions() == before).all()  # nothing moved
    dock.view.fit()
    a, b = dock.scene.layer.p1[k], dock.scene.layer.p2[k]
    tip = dock.view.tooltip_at(dock.view.mapFromScene(*(a + 0.5 * (b - a))))
    assert tip.startswith("China North Industries") and "4 shipments · both ways" in tip
    dock.grab().save(str(tmp_path / "single.png"))
    dock.bar.multiplicity["flow"].trigger()
    qtbot.waitUntil(lambda: dock.current_state().multiplicity == "flow"
                    and any(lk.key == PAIR and lk.directed for lk in dock.graph.links),
                    timeout=10000)
    wait_idle(qtbot, win)
    g = dock.graph
    flow = next(lk for lk in g.links if lk.key == PAIR)
    assert g.nodes[flow.source].key == "entity:2"  # three shipments back against one
    assert flow.label == "net 2 shipments of 4 shipments both ways"
    dock.view.fit()
    qtbot.wait(50)
    dock.grab().save(str(tmp_path / "flow.png"))
    dock.setFloating(False)
    with qtbot.waitSignal(dock.saved, timeout=10000):
        dock.save("Net flow")
    wait_idle(qtbot, win)
    cid = dock.chart_id
    dock.open_chart(None)  # a new chart: one link per direction
    qtbot.waitUntil(lambda: dock.chart_id is None and len(dock.graph.links) == 8,
                    timeout=10000)
    assert dock.bar.multiplicity["directed"].isChecked()
    dock.open_chart(cid)
    qtbot.waitUntil(lambda: dock.chart_id == cid and len(dock.graph.links) == 7,
                    timeout=10000)
    assert dock.bar.multiplicity["flow"].isChecked()
    # the dossier draws the saved chart the same way: 7 links, not 8
    out = tmp_path / "flow.pdf"
    win.session.query(lambda case: export_dossier(case, out, DossierOptions(
        chart_id=cid, sections=("network",))), lambda _r: None)
    wait_idle(qtbot, win)
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
                    .split())
    assert "7 of 7 links drawn" in text
