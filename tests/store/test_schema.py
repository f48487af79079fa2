"""The registry in casefile/store/schema.py says what a real case file holds: checked against
the tables SQLite reports for a case made by Case.new (i.e. by the migrations), not against
the models it was derived from."""

import sqlite3
from typing import get_args

import pytest

from casefile.core import labels
from casefile.report import model as report_model
from casefile.services.case import indexing, journal
from casefile.services.queries import listing
from casefile.store import schema, search


@pytest.fixture
def db(case):
    con = sqlite3.connect(case.path)
    yield con
    con.close()


def table_info(con, table):
    return [r[1] for r in con.execute(f"PRAGMA table_info({table})")]


def foreign_keys(con, table):
    """(column, table it points at, column there, ON DELETE) per foreign key."""
    return {(r[3], r[2], r[4], r[6]) for r in con.execute(f"PRAGMA foreign_key_list({table})")}


def test_every_kind_is_a_table_of_the_case_file(db):
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'search_index%' AND name NOT LIKE "
                                       "'sqlite_%' AND name != 'alembic_version'")}
    tables -= set(schema.DIGEST_TABLES)  # the content digest's bookkeeping, not kinds
    assert set(schema.DIGEST_TABLES) <= {r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(get_args(schema.Kind)) == tables == set(schema.TABLES) == set(schema.MODELS)
    assert set(schema.RECORD_KINDS) | set(schema.CHILD_KINDS) <= tables
    assert journal.TABLES is schema.TABLES


def test_columns_match_the_case_file(db):
    for kind in schema.TABLES:
        assert schema.columns(kind) == table_info(db, kind), kind
    assert "id" not in schema.columns("entity", without=("id",))
    assert schema.columns("attachment")[-1] == "data"  # streamed blobs need it last


def test_every_foreign_key_named_in_children_exists_and_cascades(db):
    assert set(schema.CHILDREN) == set(schema.CHILD_KINDS)
    for child, (parent, column) in schema.CHILDREN.items():
        assert (column, parent, "id", "CASCADE") in foreign_keys(db, child), child
        assert schema.parent_column(parent, child) == column
        assert schema.children_of(parent)[child] == column
    assert schema.children_of("entity") == {"alias": "entity_id", "identifier": "entity_id"}
    assert schema.children_of("finding") == {}
    with pytest.raises(KeyError):
        schema.parent_column("entity", "route_stop")


def test_every_fact_kind_has_a_citation_column(db):
    fks = foreign_keys(db, "citation")
    assert tuple(schema.CITATION_COLUMNS) == schema.FACT_KINDS
    for kind in schema.FACT_KINDS:
        assert (schema.CITATION_COLUMNS[kind], kind, "id", "CASCADE") in fks, kind
    assert "source" not in schema.CITATION_COLUMNS  # a citation's source is not its fact
    assert report_model.FACTS == schema.FACT_KINDS  # report may not import store


def test_a_citation_points_at_exactly_one_fact(db):
    db.execute("INSERT INTO source(kind, title, publisher, author, url, language, reliability,"
               " protected, notes, tags, date_approx, date_uncertain) VALUES ('document', 'S',"
               " '', '', '', '', 'B', 0, '', '', 0, 0)")
    db.execute("INSERT INTO entity(kind, name, description, tags, created_at, updated_at) "
               "VALUES ('company', 'A', '', '', '2024-01-01', '2024-01-01')")
    cols = "source_id, excerpt, locator, credibility"
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(f"INSERT INTO citation({cols}) VALUES (1, '', '', 6)")
    db.execute(f"INSERT INTO citation({cols}, entity_id) VALUES (1, '', '', 6, 1)")
    kind_sql, id_sql = schema.cited_kind_sql("c"), schema.cited_id_sql("c")
    assert db.execute(f"SELECT {kind_sql}, {id_sql} FROM citation c").fetchall() \
        == [("entity", 1)]


def test_foreign_keys_to_each_kind_match_the_case_file(db):
    for kind in schema.TABLES:
        found = {(child, col, rule) for child in schema.TABLES
                 for col, parent, _to, rule in foreign_keys(db, child) if parent == kind}
        assert set(schema.REFERENCING.get(kind, [])) == found, kind
        assert set(schema.references_to(kind)) == {(c, col) for c, col, _r in found}
    for kind, cols in schema.ENTITY_COLUMNS.items():
        assert {c for c, parent, _to, _r in foreign_keys(db, kind) if parent == "entity"} \
            == set(cols), kind
    assert schema.ENTITY_COLUMNS["shipment"] == ("shipper_id", "consignee_id")
    assert "citation" not in schema.ENTITY_COLUMNS and "entity" not in schema.ENTITY_COLUMNS


def test_tagged_dated_and_country_columns_match_the_case_file(db):
    assert schema.TAGGED_KINDS == tuple(k for k in schema.RECORD_KINDS
                                        if "tags" in table_info(db, k))
    assert schema.DATED_KINDS == tuple(k for k in schema.RECORD_KINDS
                                       if "date_start" in table_info(db, k))
    assert schema.TAGGED_KINDS == ("entity", "shipment", "event", "source", "finding")
    assert "relationship" in schema.DATED_KINDS and "entity" not in schema.DATED_KINDS
    assert schema.country_columns("shipment") == ("origin_country", "destination_country")
    assert schema.country_columns("route_stop") == ("country",)
    assert schema.country_columns("event") == ()
    assert "name" in schema.text_columns("entity")
    assert "created_at" not in schema.text_columns("entity")
    assert "data" not in schema.text_columns("attachment")


def test_defaults_fill_every_column_but_the_id_and_what_a_row_must_be_given(db):
    for kind in schema.TABLES:
        given = set(schema.columns(kind, without=("id",))) - set(schema.defaults(kind))
        not_null = {r[1] for r in db.execute(f"PRAGMA table_info({kind})") if r[3]}
        assert given <= not_null, kind  # a row needs only what SQLite itself requires
    assert set(schema.columns("entity", without=("id",))) - set(schema.defaults("entity")) \
        == {"name"}
    assert set(schema.columns("alias", without=("id",))) - set(schema.defaults("alias")) \
        == {"entity_id", "name"}
    assert schema.defaults("source")["reliability"] == "F"
    a, b = schema.defaults("entity")["created_at"], schema.defaults("entity")["created_at"]
    assert a <= b  # a factory, called each time


def test_entity_name_sql_reads_the_name_or_the_default(case, db):
    a = case.create("entity", {"name": "O'Brien & Co"}).result
    case.create("shipment", {"shipper_id": a, "declared_goods": "x"})
    exprs = [schema.entity_name_sql("shipper_id", "s"),
             schema.entity_name_sql("consignee_id", "s"),
             schema.entity_name_sql("consignee_id", "s", default="n/a"),
             schema.entity_name_sql("consignee_id", "s", default="it's")]
    row = db.execute(f"SELECT {', '.join(exprs)} FROM shipment s").fetchone()
    assert row == ("O'Brien & Co", None, "n/a", "it's")


def test_every_reader_of_kinds_covers_every_kind():
    kinds = set(schema.RECORD_KINDS)
    assert set(indexing.DOC_SQL) == kinds
    assert set(listing.LISTS) == kinds
    assert set(search.KIND_CODES) == kinds
    assert kinds | {"citation", "attachment"} <= set(labels.KINDS)  # core may not import store
