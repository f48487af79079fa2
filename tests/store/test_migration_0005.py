"""Schema 0005 adds the saved link charts: a case at 0004 upgrades (on open, after a backup)
with its content digest unchanged and checks clean; a chart saved afterwards is content; a
downgrade takes the table and its rows out of the digest again."""

from alembic import command

from casefile.core.chart.state import ChartState
from casefile.services.case.charts import save_chart
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import digest, migrate
from tests.store.files import revision, tables


def test_a_0004_case_upgrades_to_charts_and_back(tmp_path):
    path = tmp_path / "old.casefile"
    with Case.new(path, title="Old") as c:
        c.create("entity", {"name": "Tekhkrim"})
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0004")
            before = digest.head(conn)
    assert revision(path) == "0004" and "chart" not in tables(path)
    with Case.open(path) as c:
        assert c.schema_version() == migrate.head_revision()
        assert c.backup is not None and c.backup.exists()
        with c.read() as conn:
            assert digest.head(conn) == before  # an empty table adds nothing
        assert check_case(path).ok
        save_chart(c, None, "Main", ChartState(positions={"entity:1": (1.5, 2.5)}))
        with c.read() as conn:
            assert digest.head(conn) != before
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0004")
    assert "chart" not in tables(path)
    report = check_case(path)
    assert report.ok, report
