from PySide6.QtCore import Qt

from casefile.services.queries import listing
from casefile.ui.table_model import RecordTableModel
from tests.support.synthetic import build_synthetic_case


def test_model_passes_qtmodeltester(qtmodeltester, demo):
    with demo.read() as conn:
        data = listing.list_records(conn, "shipment")
    model = RecordTableModel(data)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_sorts_dates_by_first_day_and_numbers_as_numbers(demo):
    with demo.read() as conn:
        data = listing.list_records(conn, "shipment")
    model = RecordTableModel(data)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    dates = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert dates[0] == "June 2022" and dates[-1] == "November and December 2022"
    weight = [c.key for c in data.columns].index("weight")
    model.sort(weight, Qt.SortOrder.DescendingOrder)
    assert model.index(0, weight).data() == "12,000"
    assert model.record_id(0) == model.index(0, 0).data(Qt.ItemDataRole.UserRole)


def test_filters_in_sql(demo):
    with demo.read() as conn:
        by_country = listing.list_records(conn, "shipment", listing.Filters(country="TR"))
        by_text = listing.list_records(conn, "shipment", listing.Filters(text="batteries"))
        by_date = listing.list_records(conn, "shipment", listing.Filters(
            date_from="2022-11-01", date_to="2022-12-31"))
        by_tag = listing.list_records(conn, "shipment", listing.Filters(tag="rifles"))
    assert [r[3] for r in by_country.rows] == ["TR"]
    assert len(by_text.ids) == 1 and by_text.rows[0][1].startswith("Da-Jiang")
    assert len(by_date.ids) == 3  # June 2022 does not overlap Nov–Dec
    assert [r[0] for r in by_tag.rows] == ["June 2022"]


def test_big_listing_sorts_with_a_permutation(tmp_path):
    case = build_synthetic_case(tmp_path / "big.casefile", shipments=3000, entities=300,
                                sources=50, citations=3000, index=False)
    with case.read() as conn:
        data = listing.list_records(conn, "shipment")
    case.close()
    model = RecordTableModel(data)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    names = [model.index(r, 1).data().casefold() for r in range(model.rowCount())]
    assert names == sorted(names) and len(names) == 3000


def _reference_order(data, column, desc):
    """The order the table promises, worked out the plain way: case-folded text (numbers
    as numbers, dates by first day), ties in listing order, blanks last either way."""
    col = data.columns[column]
    raw = data.sort_keys if col.key == "date" and data.sort_keys else [
        r[column] for r in data.rows]
    filled = [i for i, v in enumerate(raw) if v not in (None, "")]
    key = (lambda i: raw[i]) if col.numeric else (lambda i: str(raw[i]).casefold())
    ordered = sorted(filled, key=key, reverse=desc)
    return ordered + [i for i, v in enumerate(raw) if v in (None, "")]


def test_remembered_orders_are_the_orders_and_come_back_with_the_listing(tmp_path):
    case = build_synthetic_case(tmp_path / "big.casefile", shipments=2000, entities=200,
                                sources=20, citations=500, index=False)
    with case.read() as conn:
        data = listing.list_records(conn, "shipment")
    case.close()
    model = RecordTableModel(data)
    for column in range(len(data.columns)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            desc = order == Qt.SortOrder.DescendingOrder
            want = _reference_order(data, column, desc)
            assert [model.record_id(r) for r in range(model.rowCount())] == [
                data.ids[i] for i in want], (column, order)
    kept = model.orders
    assert len(kept) == 2 * len(data.columns)
    # shown again with its orders: sorted at once, by the remembered permutation
    other = RecordTableModel()
    other.set_listing(data, (1, Qt.SortOrder.DescendingOrder), kept)
    assert other.orders is kept
    assert [other.record_id(r) for r in range(5)] == [
        data.ids[i] for i in _reference_order(data, 1, True)[:5]]
