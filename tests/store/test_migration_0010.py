"""(look21) Greek is found with or without its accents: 'ΓΕΩΡΓΙΟΣ' and 'παπαδοπουλος' find
'ΓΕΏΡΓΙΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ', shown with its accents. A case at schema 0009 upgrades (its index rows
holding Greek rewritten, its content digest unchanged), checks clean, and downgrades back."""

from alembic import command
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.names import decomposed_marks, without_marks
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
        c.create("entity", {"name": "ИП ГРИГОРЬЕВ ЁЖИК", "kind": "company"})
        c.create("event", {"title": "No answer", "kind": "no_response"})
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0009")
            before = digest.head(conn)
        assert _found(c, "ΓΕΩΡΓΙΟΣ") == []  # as schema 0009 held it
    assert revision(path) == "0009"
    with Case.open(path) as c:
        assert c.schema_version() == migrate.head_revision() >= "0010"
        for query in ("ΓΕΩΡΓΙΟΣ", "παπαδοπουλος", "Γεώργιος", NAME, "σαββιδου", "ежик",
                      "ёжик", "ЕЖИК"):
            assert _found(c, query), query
        assert _found(c, "ΓΕΩΡΓΙΟΣ") == [NAME]  # shown as written
        with c.read() as conn:
            assert digest.head(conn) == before  # the index is not content
    assert check_case(path).ok
    with Case.open(path) as c, c.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0009")
        titles = [t for (t,) in conn.exec_driver_sql("SELECT title FROM search_index")]
    assert NAME in titles  # composed again, as schema 0009 wrote it
    assert check_case(path).ok  # and checked as schema 0009 built its index


def test_a_kind_is_said_in_words_in_search_results(case):
    """(look22) Search results showed codes: 'no_response DJI did not…'."""
    case.create("event", {"title": "DJI did not answer", "kind": "no_response",
                          "description": "Asked by email"})
    (hit,) = [h for h in case.search("asked email") if h.kind == "event"]
    assert "no response" in hit.snippet and "no_response" not in hit.snippet


def test_latin_and_cyrillic_are_searched_as_before(case):
    case.create("entity", {"name": "Société Générale"})
    case.create("entity", {"name": "ООО Мой Край"})
    assert _found(case, "societe") == ["Société Générale"]
    assert _found(case, "Мой") == ["ООО Мой Край"] and _found(case, "Мои") == []  # й is й


@given(st.text(st.sampled_from(list("ΓΕΏΡΙΟΣΠΑΔΌΥΛάέήίόύώϊϋΐΰabcЙй字 ")), max_size=20))
def test_decomposed_marks_reads_back_the_same_and_unaccented_keeps_the_letters(text):
    import unicodedata

    assert unicodedata.normalize("NFC", decomposed_marks(text)) == \
        unicodedata.normalize("NFC", text)
    bare = without_marks(text)
    assert len(bare) == len(text)  # a letter for each letter
    assert not any(unicodedata.combining(c) for c in bare)
    assert "Й" in text or "й" in text or bare == unicodedata.normalize("NFC", bare)
    assert [c for c in bare if c in "Йй字abc "] == [c for c in text if c in "Йй字abc "]


def test_the_party_picker_finds_any_case_of_any_script(case):
    """(look22) The picker used SQLite's LIKE, which folds Latin letters only: 'север' did
    not find ООО «СЕВЕРНЫЙ ВЕТЕР» and offered to create a party 'север'."""
    from casefile.services.queries.listing import entity_choices

    ids = {case.create("entity", {"name": n}).result: n for n in (
        "ООО «СЕВЕРНЫЙ ВЕТЕР»", "ИП ГРИГОРЬЕВ ЁЖИК", "ΓΕΏΡΓΙΟΣ LTD", "Acme 100% Ltd")}
    with case.read() as conn:
        def found(typed):
            return [ids.get(i) for i, _label in entity_choices(conn, typed)]
        assert found("север") == ["ООО «СЕВЕРНЫЙ ВЕТЕР»"]
        assert found("ежик") == ["ИП ГРИГОРЬЕВ ЁЖИК"] == found("Ёжик")
        assert found("γεώργιος") == ["ΓΕΏΡΓΙΟΣ LTD"]
        assert found("ΓΕΩΡΓΙΟΣ") == ["ΓΕΏΡΓΙΟΣ LTD"] == found("γεωργιος")  # (review23)
        assert found("100%") == ["Acme 100% Ltd"] and found("1%0") == []  # % is a percent


def test_the_plain_search_without_fts5_folds_the_query_as_the_rows(tmp_path):
    """(review23) Where SQLite has no FTS5 the index is a plain table searched with LIKE:
    its rows were folded ё to е, the query only case-folded, so 'ЁЖИК' found nothing."""
    from sqlalchemy import create_engine

    from casefile.store import search

    engine = create_engine(f"sqlite:///{tmp_path / 'plain.sqlite'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE search_index (rowid INTEGER PRIMARY KEY, title "
                             "TEXT, body TEXT)")
        search.index_documents(conn, [("entity", 1, "ЁЖИК ООО", ""),
                                      ("entity", 2, "ΓΕΏΡΓΙΟΣ LTD", "")])
        assert not search.uses_fts(conn)
        for query, rid in (("ЁЖИК", 1), ("ёжик", 1), ("ежик", 1), ("γεωργιος", 2)):
            assert [h.id for h in search.search(conn, query)] == [rid], query
    engine.dispose()
