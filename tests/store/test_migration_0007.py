"""Schema 0007 adds a person's gender: a case at 0006 upgrades (on open, after a backup) with
every row digest and the content digest unchanged, and checks clean; a gender set afterwards
is content (audited, digested); a downgrade takes it out and the case still checks clean."""

from alembic import command

from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import digest, migrate
from tests.store.files import revision


def test_a_0006_case_upgrades_to_gender_and_back(tmp_path):
    path = tmp_path / "old.casefile"
    with Case.new(path, title="Old") as c:
        c.create("entity", {"name": "Sergey Chemezov", "kind": "person"})
        c.create("entity", {"name": "Tekhkrim"})
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0006")
            before = digest.head(conn)
    assert revision(path) == "0006"
    with Case.open(path) as c:
        assert c.schema_version() == migrate.head_revision() >= "0007"
        assert c.backup is not None and c.backup.exists()
        with c.read() as conn:
            assert digest.head(conn) == before  # an empty column adds nothing
            assert conn.exec_driver_sql("SELECT gender FROM entity").all() == [(None,), (None,)]
        assert check_case(path).ok
        c.update("entity", 1, {"gender": "Male"})
        with c.read() as conn:
            assert conn.exec_driver_sql("SELECT gender FROM entity WHERE id = 1").scalar() \
                == "male"
            assert digest.head(conn) != before
        assert check_case(path).ok
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0006")
    report = check_case(path)
    assert report.ok, report
