"""The caption Casefile picks among a party's names is rigour's pick_name, always: the short
cut taken before rigour (one name written in Latin letters among others that are not) gives
the same name on bags of mixed scripts, marks, symbols and blanks, and spares the
transliteration it exists to spare."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rigour.names import pick_name as rigour_pick_name

from casefile.services.exchange.imports import name_pick
from tests.support import ftm_cluster as fc

# Latin, Cyrillic (both cases), Greek, Han, Arabic, Hangul, Armenian; digits, blanks and
# punctuation; a combining accent, a circled letter (So, alphabetic), a Roman numeral (Nl,
# alphabetic), a superscript two (No), a zero-width joiner (Cf), a no-break space
ALPHABET = ("abcxyzABCXYZéøßİ" "абвжЖЩЯЁёъ" "αβΩΣ" "中国有限公司" "شركة" "한국" "Աբ"
            "0123456789 ,.-«»\"'&()" "\u0301Ⓐ\u216b²\u200d\u00a0")
NAMES = st.lists(st.text(ALPHABET, min_size=0, max_size=24), min_size=1, max_size=5)


@settings(max_examples=600, deadline=None)
@given(NAMES)
@example(["ZALA AERO", "ООО «ЗАЛА АЭРО»"])
@example(["Abcdef中", "Иван Петров"])  # 6/7 = 0.857: just Latin
@example(["Abcde中", "Иван Петров"])  # 5/6 = 0.833: just not
@example(["Abcdefghijkl ЖЖЖ", "Иван"])  # (12 + 3 × 0.3) / 15 = 0.86: Cyrillic counts 0.3
@example(["Abcdefgh ЖЖЖ", "Иван Петров", "Ivan Petrov X"])  # 8.9 / 11 = 0.81: one Latin name
@example(["Ⓐbcdefgh", "Иван Петров"])  # a circled letter: left to rigour
@example(["a\u0301bcdefg", "Иван"])  # a combining accent: left to rigour
@example(["  ", "Иван Петров", "Ivan"])
@example(["ZALA", "Zala", "ЗАЛА"])  # two Latin names: rigour's centroid decides
def test_the_pick_is_rigours(names):
    assert name_pick.pick_name(names) == rigour_pick_name(names)


@pytest.mark.parametrize("names", [
    ["ZALA AERO 5", "ООО «ZALA AERO 5»"],  # the Cyrillic name is 7 Latin letters of 10
    ["Maria Osetrova", "Мария Осетрова"],
    ["Georgios Papadopoulos", "Γεώργιος Παπαδόπουλος", "深圳科技有限公司"],
])
def test_one_latin_name_is_picked_without_asking_rigour(monkeypatch, names):
    def refuse(_names):
        raise AssertionError("rigour asked")

    want = rigour_pick_name(names)
    monkeypatch.setattr(name_pick, "rigour_pick_name", refuse)
    assert name_pick.pick_name(names) == want


@pytest.mark.parametrize("names", [
    ["PETROV, Ivan", "Ivan Petrov", "Петров Иван"],  # two Latin names
    ["Петров Иван", "Иван Петров"],  # none
    ["Ⓐbcdefgh", "Иван Петров"],  # not certain here
])
def test_other_bags_go_to_rigour(monkeypatch, names):
    asked = []
    monkeypatch.setattr(name_pick, "rigour_pick_name", lambda n: asked.append(n) or n[0])
    assert name_pick.pick_name(names) == names[0]
    assert asked == [names]


def test_real_shaped_names_are_picked_as_rigour_picks():
    for d in fc.cluster():
        names = d["properties"].get("name", [])
        if len(names) > 1:
            assert name_pick.pick_name(names) == rigour_pick_name(names), d["id"]
