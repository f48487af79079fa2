"""The gold set (tests/support/gold_set.py): at least 300 labelled pairs in every category
the issue names; the scorer's recall at 0.5, precision at 0.7 and Han-to-pinyin rate reach
the goals; and it tracks OpenSanctions' own logic-v2 (nomenklatura, the oracle) within 0.05
on every pair both can compare, except where it says only generic words matched (a cap
logic-v2 does not have, which keeps such pairs out of review) and where a word both names
hold as they are was paired before the residue alignment, which logic-v2 lets lose it
(casefile.core.screening.names._same_words: 'Nanjing Xinchen Electronics Co., Ltd.' against
'Xinchen Electronics Company Limited', 0.71 here, 0.38 there) — only ever higher, and
within 0.05 of logic-v2 again without that step."""

from collections import Counter

import pytest

from casefile.core.screening import han
from casefile.core.screening import names as nm
from casefile.core.screening.arabic_words import has_arabic
from casefile.core.screening.score import score
from tests.support.gold_set import as_party_entry, pairs

CATEGORIES = {"latin-variant", "cyrillic", "word-order", "legal-form", "homonym",
              "homonym-dob", "identifier-only", "cjk-pinyin", "cjk-han", "cjk-control"}


@pytest.fixture(scope="module")
def scored():
    return [(p, score(*as_party_entry(p, i))) for i, p in enumerate(pairs())]


def test_the_gold_set_is_large_and_covers_every_category(scored):
    assert len(scored) >= 300
    counts = Counter(p.category for p, _r in scored)
    assert CATEGORIES <= set(counts)
    labels = Counter(p.label for p, _r in scored)
    assert labels[True] >= 150 and labels[False] >= 150


def test_recall_precision_and_pinyin_reach_the_goals(scored):
    positives = [r.score for p, r in scored if p.label]
    flagged = [p.label for p, r in scored if r.score >= 0.7]
    recall = sum(s >= 0.5 for s in positives) / len(positives)
    precision = sum(flagged) / len(flagged)
    assert recall >= 0.95, recall
    assert precision >= 0.9, precision
    pinyin = [r.score for p, r in scored if p.category == "cjk-pinyin"]
    assert sum(s >= 0.7 for s in pinyin) / len(pinyin) >= 0.9
    assert all(not p.label or r.explanation for p, r in scored)


@pytest.mark.slow
def test_it_tracks_nomenklatura_logic_v2(scored, monkeypatch):
    from followthemoney import model
    from nomenklatura.matching import LogicV2
    from nomenklatura.matching.types import ScoringConfig

    config = ScoringConfig.defaults()
    props = {"INN": "innCode", "OGRN": "ogrnCode", "IMO": "imoNumber"}
    compared, apart = 0, []
    for i, (p, ours) in enumerate(scored):
        if any(han.has_han(n) or has_arabic(n) for n in [*p.names, *p.entry["name"],
                                                          *p.entry.get("alias", [])]):
            continue  # logic-v2 has no pinyin (深圳市大疆创新科技有限公司 scores 0 there) and
            # reads no Arabic consonants (بنك ملت against BANK MELLAT)
        q = model.make_entity(p.schema)
        q.id = f"q{i}"
        q.add("name", p.names)
        q.add("country", p.countries)
        if p.birth_dates:
            q.add("birthDate", p.birth_dates)
        for scheme, value in p.identifiers:
            q.add(props[scheme], value)
        r = model.make_entity(p.entry_schema)
        r.id = f"r{i}"
        for prop, values in p.entry.items():
            r.add(prop, values)
        theirs = LogicV2.compare(q, r, config).score
        compared += 1
        if abs(ours.score - theirs) > 0.05:
            apart.append((i, p, ours.score, theirs, ours.explanation))
    assert compared >= 300
    generic = [a for a in apart if "only generic words" in a[4] and a[2] < a[3]]
    rest = [a for a in apart if a not in generic]
    monkeypatch.setattr(nm, "_same_words", lambda q, r: ([], q, r))
    unpaired = [score(*as_party_entry(p, i)).score for i, p, _o, _t, _e in rest]
    rescued = [a for a, s in zip(rest, unpaired, strict=True)
               if a[2] > a[3] and abs(s - a[3]) <= 0.05]
    assert len(rescued) == len(rest), [a[1:] for a in rest if a not in rescued][:5]
    assert len(apart) <= 0.1 * compared
