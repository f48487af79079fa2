"""Conditional formatting rules: which nodes a rule picks, later rules winning, what a saved
rule may hold (bad colours and sizes are not taken), saved with the chart."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.chart.build import ChartBuilder
from casefile.core.chart.rules import SIZES, Rule, formatting, matches
from casefile.core.chart.state import ChartState


def small():
    b = ChartBuilder()
    b.party(1, "Alpha Trading", "company", "RU")
    b.party(2, "Beta", "person", "CN", sanctioned=True)
    b.party(3, "Gamma", "public_body", "ru")
    for i in (2, 3):
        b.relationship(i, 1, i, "owns")
    return b.graph()


def test_each_attribute_picks_its_nodes():
    g = small()
    def pick(attribute, value=""):
        return np.flatnonzero(matches(g, Rule(attribute, value, "#D00000"))).tolist()
    assert pick("kind", "public body") == [2] and pick("kind", "public_body") == [2]
    assert pick("country", "RU") == [0, 2]
    assert pick("sanctioned") == [1]
    assert pick("links", "2") == [0] and pick("links", "x") == []
    assert pick("label", "trad") == [0] and pick("label", "") == []


def test_a_later_rule_wins_for_what_it_sets():
    g = small()
    colours, sizes = formatting(g, [Rule("country", "RU", "#0072B2", 2.0),
                                    Rule("sanctioned", colour="#D00000"),
                                    Rule("kind", "company", "#009E73")])
    assert colours == ["#009E73", "#D00000", "#0072B2"]
    assert sizes.tolist() == [2.0, 1.0, 2.0]  # the company rule leaves the size
    assert Rule("country", "RU", "#0072B2", 2.0).words() == "country is RU → #0072B2, 2×"


@given(st.dictionaries(st.sampled_from(["attribute", "value", "colour", "size", "x"]),
                       st.one_of(st.text(max_size=12), st.floats(), st.integers(), st.none())))
def test_a_saved_rule_is_read_safely_whatever_it_holds(raw):
    rule = Rule.read(raw)
    if rule is not None:
        assert rule.colour == "" or (len(rule.colour) == 7 and rule.colour[0] == "#")
        assert SIZES[0] <= rule.size <= SIZES[1]
        assert Rule.read(rule.saved()) == rule


def test_rules_are_saved_with_the_chart():
    rules = [Rule("sanctioned", colour="#D00000", size=1.5).saved()]
    back = ChartState.from_json(ChartState(rules=rules).to_json())
    assert [Rule.read(r) for r in back.rules] == [Rule("sanctioned", "", "#D00000", 1.5)]
    assert ChartState.from_json('{"rules": "no"}').rules == []
