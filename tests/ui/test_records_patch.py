"""After any sequence of edits — field edits, new and deleted records, aliases, citations,
Edit Several, merges, undo and redo, an import — each section of the records view shows
exactly what a fresh read would (the same rows, in the same sorted order), whether it was
shown while the edits came (patched row by row, under Qt's model tester) or kept and shown
later. Edits are queued without waiting, so patches cross edits on the worker."""

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings
from PySide6.QtTest import QAbstractItemModelTester

from casefile.services.exchange.demo import write_demo
from casefile.services.exchange.imports.shipments import import_shipments
from casefile.services.queries import listing
from casefile.ui import kept_listings, table_rows
from casefile.ui.records_view import RecordsView
from casefile.ui.session import CaseSession

KINDS = ["shipment", "entity", "relationship", "sanction", "source", "event"]
SORTS = {"shipment": ["date", "shipper", "weight", "route", "dual"],
         "entity": ["name", "aliases", "cites", "tags"], "relationship": ["subject", "object"],
         "sanction": ["entity", "status"], "source": ["title", "cites"],
         "event": ["date", "cites"]}
NAMES = st.sampled_from(["alpha", "Alpha", "beta", "Ärger", "zeta", "beta"])
ENTITY = st.integers(1, 14)  # the demo has 12; some are made, some deleted
SHIPMENT = st.integers(1, 6)
CSV = ("ShipperName,ShipperCountry,ShipperID,ConsigneeName,ArrivalDate,ProductDescription\n"
       "Norinco,China,91110000100000000X,Tekhkrim,2022,rifles\n"
       "Da-Jiang Innovations Science & Technology Co.,China,,Beta Ltd,2021,drone parts\n")

edits = st.one_of(
    st.tuples(st.just("rename"), ENTITY, NAMES),
    st.tuples(st.just("ship"), SHIPMENT, st.sampled_from(
        [("weight_kg", 5.5), ("weight_kg", None), ("weight_kg", 12000), ("date", "2021"),
         ("date", "June 2022"), ("date", ""), ("declared_goods", "Rifles"),
         ("dual_use", True)])),
    st.tuples(st.just("shipper"), SHIPMENT, ENTITY),
    st.tuples(st.just("route"), SHIPMENT, st.sampled_from(["TR", "AE", ""])),
    st.tuples(st.just("new shipment"), ENTITY, ENTITY),
    st.tuples(st.just("new entity"), NAMES),
    st.tuples(st.just("delete"), st.sampled_from(["entity", "shipment", "source"]),
              st.integers(1, 6)),
    st.tuples(st.just("alias"), ENTITY, NAMES),
    st.tuples(st.just("cite"), st.integers(1, 4), st.sampled_from(["entity", "event"]),
              st.integers(1, 6)),
    st.tuples(st.just("tag several"), st.sampled_from(["entity", "shipment"]),
              st.lists(st.integers(1, 12), max_size=4), NAMES),
    st.tuples(st.just("merge"), ENTITY, ENTITY),
    st.just(("undo",)), st.just(("redo",)), st.just(("import",)),
    st.tuples(st.just("show"), st.sampled_from(KINDS)),
)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.casefile"
    write_demo(path).close()
    return path


def _run(view, session, edit, folder: Path):
    what, *args = edit
    if what == "show":
        view.set_kind(args[0])
        return

    def fn(case):  # noqa: C901 - one branch per edit
        if what == "rename":
            return case.update("entity", args[0], {"name": args[1]})
        if what == "ship":
            return case.update("shipment", args[0], {args[1][0]: args[1][1]})
        if what == "shipper":
            return case.update("shipment", args[0], {"shipper_id": args[1]})
        if what == "route":
            stops = [{"country": args[1]}] if args[1] else []
            return case.save("shipment", args[0], {}, {"route_stop": stops})
        if what == "new shipment":
            return case.create("shipment", {"shipper_id": args[0], "consignee_id": args[1],
                                            "date": "March 2022", "declared_goods": "x"})
        if what == "new entity":
            return case.create("entity", {"name": args[0]})
        if what == "delete":
            return case.delete(args[0], args[1], cascade=True)
        if what == "alias":
            return case.save("entity", args[0], {}, {"alias": [{"name": args[1]}]})
        if what == "cite":
            return case.cite(args[0], args[1], args[2])
        if what == "tag several":
            return case.edit_many(args[0], args[1], add_tags=[args[2].casefold()])
        if what == "merge":
            return case.merge_entities(args[0], args[1])
        if what == "undo":
            return case.undo()
        if what == "redo":
            return case.redo()
        f = folder / "ships.csv"
        f.write_text(CSV, "utf-8")
        return import_shipments(case, f, accept_missing=True, again=True)
    session.op(fn).failure(lambda _exc: None).run()  # refused edits change nothing


def _fresh(view, kind):
    """What a fresh read shows, in the order of the section's sort."""
    with view.session.case.read() as conn:
        data = listing.list_records(conn, kind, view.filters())
    model_sort = view.model.sort_column
    order = list(data.ids)
    if model_sort is not None:
        from PySide6.QtCore import Qt
        order = table_rows.permutation(data, model_sort[0],
                                       model_sort[1] == Qt.SortOrder.DescendingOrder)
    rows = dict(zip(data.ids, data.rows, strict=True))
    return [(i, rows[i]) for i in order]


def _shown(view):
    m = view.model
    return [(m.record_id(r), tuple(m.listing.rows[m.listing.ids.index(m.record_id(r))]))
            for r in range(m.rowCount())]


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.sampled_from(KINDS), sorts=st.fixed_dictionaries(
    {k: st.one_of(st.just(""), st.sampled_from(v).flatmap(
        lambda key: st.sampled_from([f"{key} asc", f"{key} desc"]))) for k, v in SORTS.items()}),
    steps=st.lists(edits, min_size=1, max_size=12), few=st.booleans())
def test_every_section_shows_what_a_fresh_read_would(qtbot, qapp, tmp_path, demo_file, first,
                                                      sorts, steps, few):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # one per example
    shutil.copy(demo_file, folder / "case.casefile")
    store = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    for kind, sort in sorts.items():
        store.setValue(f"table/sort/{kind}", sort)
    session = CaseSession()
    view = RecordsView(session, store)
    QAbstractItemModelTester(view.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    saved = kept_listings.FEW, table_rows.MANY
    if few:  # the other paths: many rows re-read whole, many rows patched by a fresh sort
        kept_listings.FEW, table_rows.MANY = 0, 1
    try:
        session.open(folder / "case.casefile")
        qtbot.waitUntil(lambda: session.case is not None, timeout=10000)
        for kind in [first, *KINDS]:  # each section kept once, the first shown
            view.set_kind(kind)
            qtbot.waitUntil(lambda k=kind: view.model.kind == k and not session.worker.pending,
                            timeout=10000)
        view.set_kind(first)
        qtbot.waitUntil(lambda: view.model.kind == first, timeout=10000)
        for edit in steps:
            _run(view, session, edit, folder)
        qtbot.waitUntil(lambda: not session.worker.pending, timeout=20000)
        kind = view.wanted
        qtbot.waitUntil(lambda: view.model.kind == kind, timeout=10000)
        assert _shown(view) == _fresh(view, kind)
        assert view.count_label.text().startswith(f"{view.model.rowCount():,} ")
        for other in KINDS:  # the kept ones, brought up to date as they are shown
            view.set_kind(other)
            qtbot.waitUntil(lambda k=other: view.model.kind == k and not session.worker.pending,
                            timeout=10000)
            assert _shown(view) == _fresh(view, other), other
    finally:
        kept_listings.FEW, table_rows.MANY = saved
        session.shut_down()
        view.deleteLater()
