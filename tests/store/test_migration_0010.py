"""(look21) Greek is found with or without its accents: 'ΓΕΩΡΓΙΟΣ' and 'παπαδοπουλος' find
'ΓΕΏΡΓΙΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ', shown with its accents. A case at schema 0009 upgrades (its index rows
holding Greek rewritten, its content digest unchanged), checks clean, and downgrades back."""

from alembic import command
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.names import greek_decomposed, greek_unaccented
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import digest, migrate
from tests.store.files import revision

NAME = "ΓΕΏΡΓΙΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ"


def _found(case, query):
    return [h.title for h in case.search(query) if h.kind == "entity"]


def test_a_0009_case_upgrades_to_greek_without_accents_and_back(tmp_path):
    path = tmp_path / "old.casefile"
    with Case.new(path, title="Old") as c:
        c.create("entity", {"name": NAME, "kind": "person", "country": "CY"})
        c.create("entity", {"name": "Ευαγγελία Σαββίδου", "kind": "person"})
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0009")
            before = digest.head(conn)
        assert _found(c, "ΓΕΩΡΓΙΟΣ") == []  # as schema 0009 held it
    assert revision(path) == "0009"
    with Case.open(path) as c:
        assert c.schema_version() == migrate.head_revision() >= "0010"
        for query in ("ΓΕΩΡΓΙΟΣ", "παπαδοπουλος", "Γεώργιος", NAME, "σαββιδου"):
            assert _found(c, query), query
        assert _found(c, "ΓΕΩΡΓΙΟΣ") == [NAME]  # shown as written
        with c.read() as conn:
            assert digest.head(conn) == before  # the index is not content
    assert check_case(path).ok
    with Case.open(path) as c, c.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0009")
        titles = [t for (t,) in conn.exec_driver_sql("SELECT title FROM search_index")]
    assert NAME in titles  # composed again, as schema 0009 wrote it


def test_latin_and_cyrillic_are_searched_as_before(case):
    case.create("entity", {"name": "Société Générale"})
    case.create("entity", {"name": "ООО Мой Край"})
    assert _found(case, "societe") == ["Société Générale"]
    assert _found(case, "Мой") == ["ООО Мой Край"] and _found(case, "Мои") == []


@given(st.text(st.sampled_from(list("ΓΕΏΡΙΟΣΠΑΔΌΥΛάέήίόύώϊϋΐΰabcЙй字 ")), max_size=20))
def test_greek_decomposed_reads_back_the_same_and_unaccented_keeps_the_letters(text):
    import unicodedata

    assert unicodedata.normalize("NFC", greek_decomposed(text)) == \
        unicodedata.normalize("NFC", text)
    bare = greek_unaccented(text)
    assert len(bare) == len(text)  # a letter for each letter
    assert not any(unicodedata.combining(c) for c in bare)
    assert "Й" in text or "й" in text or bare == unicodedata.normalize("NFC", bare)
    assert [c for c in bare if c in "Йй字abc "] == [c for c in text if c in "Йй字abc "]
