"""Schema 0009 indexes the parties on shipments' routes (review20: looking route stops up by
party scanned the whole table for each party): a case at 0008 upgrades with its content
digest unchanged, the lookup uses the index, the case checks clean, and a downgrade takes the
index out again."""

from alembic import command

from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import digest, migrate
from tests.store.files import revision

LOOKUP = "SELECT shipment_id FROM route_stop WHERE entity_id = ?"


def _plan(conn):
    return " ".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {LOOKUP}",
                                                              (1,)))


def test_a_0008_case_upgrades_to_the_route_stop_index_and_back(tmp_path):
    path = tmp_path / "old.casefile"
    with Case.new(path, title="Old") as c:
        a = c.create("entity", {"name": "Tekhkrim"}).result
        b = c.create("entity", {"name": "NORINCO"}).result
        broker = c.create("entity", {"name": "Istanbul broker"}).result
        ship = c.create("shipment", {"shipper_id": b, "consignee_id": a, "date": "2022-06",
                                     "declared_goods": "body armour"}).result
        c.create("route_stop", {"shipment_id": ship, "entity_id": broker, "country": "TR"})
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0008")
            assert "ix_route_stop_entity_id" not in _plan(conn)
            before = digest.head(conn)
    assert revision(path) == "0008"
    with Case.open(path) as c:
        assert c.schema_version() == migrate.head_revision() >= "0009"
        with c.read() as conn:
            assert "ix_route_stop_entity_id" in _plan(conn)
            assert conn.exec_driver_sql(LOOKUP, (broker,)).all() == [(ship,)]
            assert digest.head(conn) == before  # an index is not content
    assert check_case(path).ok
    with Case.open(path) as c, c.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0008")
        assert "ix_route_stop_entity_id" not in _plan(conn)
    assert check_case(path).ok
