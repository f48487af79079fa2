"""The person tagger from a phrase table (no automaton): the table made from rigour-shaped
data, the symbols it puts on a name, ENT names, inferred numbers, the stored form."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rigour.names import NameTypeTag, Symbol
from rigour.text.normalize import Normalize, normalize

from casefile.core.screening import person_tagger as pt

CORPUS = """sergei, sergey, сергей, serguei => Q12902079
ivan, иван => Q1158
lonely => Q999
"""
SYMBOLS = {"person_symbols": {"mr": ["mister", "mr"]}, "person_name_parts": {},
           "person_nick": {"bob": ["bob", "bobby"]}, "org_symbols": {}}
ORDINALS = {2: ["2nd", "second"]}


def norm(text):
    return normalize(text, Normalize.CASEFOLD | Normalize.NAME)


@pytest.fixture
def table():
    return pt.DictTable(pt.table_rows(CORPUS, SYMBOLS, ORDINALS, norm).items())


def spans(names):
    (n,) = names
    return sorted((str(s.symbol.category).rsplit(".", 1)[-1], s.symbol.id,
                   tuple(p.form for p in s.parts)) for s in n.spans)


def test_the_table_holds_every_source_and_leaves_out_single_forms(table):
    assert table.rows["sergey"] == table.rows["сергей"] == [("NAME", "Q12902079")]
    assert table.rows["bobby"] == [("NICK", "BOB")]
    assert table.rows["mister"] == [("SYMBOL", "MR")]
    assert table.rows["2nd"] == [("NUM", "2")]
    assert "lonely" not in table.rows  # one form maps to itself: no matching power
    assert table.longest == 1


def test_a_person_gets_the_symbols_of_its_parts_and_numbers(table):
    got = spans(pt.analyse("Sergey Ivanov 2nd 7", NameTypeTag.PER, table))
    assert ("NAME", "Q12902079", ("sergey",)) in got
    assert ("NUMERIC", "2", ("2nd",)) in got
    assert ("NUMERIC", "7", ("7",)) in got  # a number no ordinal covered, as rigour infers
    assert not any(s[2] == ("ivanov",) for s in got)  # only whole parts: not "ivan"


def test_phrases_of_several_words_are_found_as_runs_of_parts():
    t = pt.DictTable([("abu bakr", [("NAME", "Q1")]), ("bakr", [("NAME", "Q2")])])
    got = spans(pt.analyse("Abu Bakr Smith", NameTypeTag.PER, t))
    assert ("NAME", "Q1", ("abu", "bakr")) in got and ("NAME", "Q2", ("bakr",)) in got


def test_an_entity_with_a_legal_form_is_an_organisation_without_person_symbols(table):
    (org,) = pt.analyse("Sergey Trading LLC", NameTypeTag.ENT, table)
    assert org.tag == NameTypeTag.ORG
    assert not any(s.symbol.category == Symbol.Category.NAME for s in org.spans)
    (ent,) = pt.analyse("Sergey Ivanov", NameTypeTag.ENT, table)
    assert ent.tag == NameTypeTag.ENT
    assert any(s.symbol.id == "Q12902079" for s in ent.spans)
    with pytest.raises(ValueError):
        list(pt.analyse("Acme", NameTypeTag.ORG, table))


symbol_lists = st.lists(st.tuples(st.sampled_from(sorted(pt.CATEGORIES)),
                                  st.text(alphabet=st.characters(
                                      blacklist_characters="\x1e\x1f"), max_size=12)),
                        min_size=1, max_size=5)


@given(symbol_lists)
def test_stored_symbols_read_back_as_written(symbols):
    assert pt.decode(pt.encode(symbols)) == symbols


@given(st.text(max_size=40))
def test_anything_else_read_as_symbols_is_refused_or_reads_back(text):
    try:
        got = pt.decode(text)
    except ValueError:
        return
    assert pt.encode(got) == text
