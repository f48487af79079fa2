"""A sole trader's name ('ИП …', 'ФОП …') gives its owner's, compared with the people on a
watchlist (look23); any other name gives none."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.screening.records import sole_trader


@pytest.mark.parametrize("name, owner", [
    ("ИП ГРИГОРЬЕВ ЁЖИК АЛЕКСАНДРОВИЧ", "ГРИГОРЬЕВ ЁЖИК АЛЕКСАНДРОВИЧ"),
    ("ИП Иванов И.И.", "Иванов И.И."),
    ("Индивидуальный предприниматель Петров Петр Петрович", "Петров Петр Петрович"),
    ("и.п. Сидоров Антон", "Сидоров Антон"),
    ("ФОП Коваленко Олена Миколаївна", "Коваленко Олена Миколаївна"),
    ("ИП, Смирнова Анна", "Смирнова Анна"),
    ("ИПОТЕКА БАНК", None), ("ИП", None), ("ИП «Ромашка»", None), ("ООО ИП Маркет", None),
    ("IP Holdings Ltd", None),
    # (review24) separators, a taxpayer number after the name, the Latin form; and trade
    # names, which name no person
    ("ИП-Иванов Иван", "Иванов Иван"), ("ИП: Иванов Иван", "Иванов Иван"),
    ("ИП ИВАНОВ ИВАН ИВАНОВИЧ ИНН 770123456789", "ИВАНОВ ИВАН ИВАНОВИЧ"),
    ("INDIVIDUAL ENTREPRENEUR GRIGOREV EZHIK", "GRIGOREV EZHIK"),
    ("ИП «Торговый Дом»", None), ('ИП "Альфа Трейд"', None), ("ИП Групп Холдинг", None),
])
def test_the_owner_of_a_sole_traders_name(name, owner):
    assert sole_trader(name) == owner


@given(st.text(max_size=60))
def test_an_owner_is_part_of_the_name_and_two_words_at_least(name):
    owner = sole_trader(name)
    assert owner is None or (owner in name and len(owner.split()) >= 2)
