"""What a kept listing needs to be patched after a change: the records whose rows the change
may have altered (its own, and those naming a touched party), their rows as they are now,
and whether the change names every record it touched (a bulk import does not)."""

from casefile.services.exchange.imports.shipments import import_shipments
from casefile.services.queries import listing


def test_the_records_a_change_touched_and_those_that_name_a_touched_party(demo):
    change = demo.update("entity", 1, {"name": "Renamed"})
    assert not change.partial and change.touched == {"entity": {1}}
    with demo.read() as conn:
        named = listing.affected(conn, "shipment", change.touched)
        assert named == {r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM shipment WHERE shipper_id = 1 OR consignee_id = 1")} and named
        assert listing.affected(conn, "entity", change.touched) == {1}
        assert listing.affected(conn, "event", change.touched) == set()  # no names shown
        rows = listing.list_records(conn, "shipment", ids=named | {999})
        whole = listing.list_records(conn, "shipment")
    assert rows.ids == sorted(named)  # those that exist, in id order
    assert rows.rows == [whole.rows[whole.ids.index(i)] for i in rows.ids]
    assert rows.sort_keys == [whole.sort_keys[whole.ids.index(i)] for i in rows.ids]
    assert "Renamed" in {r[1] for r in rows.rows}


def test_a_child_names_its_parent_and_a_citation_its_fact_and_source(demo):
    change = demo.save("entity", 3, {}, {"alias": [{"name": "Zeta"}]})
    assert change.touched["entity"] == {3}
    change = demo.cite(2, "event", 1)
    assert change.touched["event"] == {1} and change.touched["source"] == {2}
    with demo.read() as conn:
        assert listing.affected(conn, "source", change.touched) == {2}


def test_the_filters_apply_to_the_rows_read_again(demo):
    with demo.read() as conn:
        some = listing.list_records(conn, "shipment", listing.Filters(country="TR"),
                                    ids={1, 2, 3, 4})
        every = listing.list_records(conn, "shipment", listing.Filters(country="TR"))
    assert some.ids == every.ids and some.rows == every.rows


def test_a_bulk_import_and_its_undo_say_they_do_not_name_every_record(case, tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("ShipperName,ShipperCountry,ConsigneeName,ArrivalDate,ProductDescription\n"
                 "Norinco,China,Tekhkrim,2022,rifles\n", "utf-8")
    change = import_shipments(case, f, accept_missing=True)
    assert change.partial and "shipment" in change.touched
    undone = case.undo()
    assert undone is not None and undone.partial
    edit = case.create("entity", {"name": "Someone"})
    assert not edit.partial and edit.touched["entity"] == set(edit.created["entity"])
