"""Search terms are deduplicated and capped (issue 14 item 12: 10,000 repeats of one term
joined by OR took 152 s, the work growing with the square of the terms)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casefile.store import search, search_query

words = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1,
                max_size=8).filter(lambda w: w != "OR")


@given(st.lists(words, min_size=1, max_size=5), st.integers(2, 50))
def test_a_repeated_group_counts_once(group, times):
    one = " ".join(group)
    assert search_query.fts_query(" OR ".join([one] * times)) == search_query.fts_query(one)
    assert search_query.fts_query(" ".join(group * times)) == search_query.fts_query(one)


@given(st.lists(st.one_of(words, st.just("OR"), st.just('"x y"')), max_size=300))
def test_never_more_than_the_cap(tokens):
    q = search_query.fts_query(" ".join(tokens))
    terms = [t for t in q.split('"') if t.strip() and t.strip() not in ("*", "OR", "* OR")]
    assert len([p for p in q.split() if p != "OR"]) <= search_query.MAX_TERMS + q.count('"x y"')
    assert len(terms) <= search_query.MAX_TERMS
    assert not q.startswith("OR ") and not q.endswith(" OR")


def test_the_cap_keeps_the_first_terms():
    q = search_query.fts_query(" ".join(f"w{i}" for i in range(1000)))
    assert q.split() == [f'"w{i}"*' for i in range(search_query.MAX_TERMS)]
    assert search_query.fts_query(" OR ".join(["x"] * 10_000) + " OR y") == '"x"* OR "y"*'
    assert len(search.like_terms("a A a b " * 1000)) == 2


def test_ten_thousand_repeats_find_what_one_finds(demo):
    one = demo.search("NORINCO")
    assert one
    assert demo.search(" OR ".join(["NORINCO"] * 10_000)) == one
