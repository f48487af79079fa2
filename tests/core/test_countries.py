"""Countries as trade files write them: every language pycountry has, the short forms, the
conventions for "unknown", refusals that say what was meant, and no guessing."""

from __future__ import annotations

import functools
import gettext
import json
import os

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core import country_names
from casefile.core.countries import (
    CountryError,
    _resolve,
    country_code,
    country_name,
    country_or_unknown,
    is_unknown_country,
)
from casefile.core.country_names import ALL, FIRST, LISTED, name_table, normalise
from casefile.errors import ValidationError
from casefile.paths import resource_path

ISSUE_EXAMPLES = {
    "ГОНКОНГ": "HK", "ОБЪЕДИНЕННЫЕ АРАБСКИЕ ЭМИРАТЫ": "AE", "КАЗАХСТАН": "KZ", "КИТАЙ": "CN",
    "ТУРЦИЯ": "TR", "РОССИЯ": "RU", "阿联酋": "AE", "土耳其": "TR", "哈萨克斯坦": "KZ",
    "中国": "CN", "香港": "HK",
}
OTHER_LANGUAGES = {
    "Allemagne": "DE", "Émirats arabes unis": "AE", "Chine": "CN", "Turquie": "TR",
    "Royaume-Uni": "GB", "Corée du Sud": "KR", "République de Corée": "KR",
    "Deutschland": "DE", "Vereinigte Arabische Emirate": "AE", "Türkei": "TR",
    "Kasachstan": "KZ", "Russland": "RU", "Volksrepublik China": "CN", "Südkorea": "KR",
    "Alemania": "DE", "Emiratos Árabes Unidos": "AE", "Turquía": "TR", "Rusia": "RU",
    "Estados Unidos": "US", "EE. UU.": "US", "Países Bajos": "NL", "Kazajistán": "KZ",
    "Об’єднані Арабські Емірати": "AE", "Туреччина": "TR", "Росія": "RU",
    "الإمارات العربيّة المتّحدة": "AE", "الإمارات العربية المتحدة": "AE",  # with, without vowel marks
    "俄羅斯聯邦": "RU", "阿拉伯聯合大公國": "AE", "トルコ": "TR",
}
SHORT_FORMS = {
    "ОАЭ": "AE", "США": "US", "КНР": "CN", "РФ": "RU", "КНДР": "KP", "UAE": "AE", "U.A.E.": "AE",
    "USA": "US", "U.S.A.": "US", "UK": "GB", "PRC": "CN", "Hong Kong SAR": "HK",
    "Hong Kong, China": "HK", "中国香港": "HK", "Türkiye": "TR", "TURKIYE": "TR",
    "Turkey": "TR", "Republic of Korea": "KR", "South Korea": "KR", "North Korea": "KP",
    "Korea, Republic of": "KR", "КОРЕЯ, РЕСПУБЛИКА": "KR", "ТАЙВАНЬ (КИТАЙ)": "TW",
    "Iran, Islamic Republic of": "IR", "Iran": "IR", "ИРАН, ИСЛАМСКАЯ РЕСПУБЛИКА": "IR",
    "Russia": "RU", "Russian Federation": "RU", "Vietnam": "VN", "Viet Nam": "VN",
    "Czech Republic": "CZ", "Ivory Coast": "CI", "Côte d'Ivoire": "CI", "Cote dIvoire": "CI",
    "Trinidad & Tobago": "TT", "St. Lucia": "LC", "Holland": "NL", "Burma": "MM",
    "Micronesia": "FM", "Vatican": "VA", "DR Congo": "CD", "Congo": "CG",
    "Объединённые Арабские Эмираты": "AE", "  объединенные   арабские   эмираты ": "AE",
    "Белоруссия": "BY", "Великобритания": "GB", "美国": "US", "韩国": "KR", "台湾": "TW",
    "ＣＮ": "CN",  # full-width letters
}
CODES = {"RU": "RU", "ru": "RU", "RUS": "RU", "rus": "RU", "643": "RU", "156": "CN",
         "036": "AU", "36": "AU", "784": "AE", "ARE": "AE", " hk ": "HK"}


@pytest.mark.parametrize("table", [ISSUE_EXAMPLES, OTHER_LANGUAGES, SHORT_FORMS, CODES],
                         ids=["issue", "languages", "short forms", "codes"])
def test_names_as_trade_files_write_them(table):
    for value, code in table.items():
        assert country_code(value) == code, value
        assert country_or_unknown(value) == code, value
        assert country_code(value.lower()) == country_code(value.upper()) == code, value


# -- every translation pycountry ships, read back from its own catalogues ------------------
SAMPLED = ("ru", "zh_CN", "de", "fr", "es", "ar", "uk")


def translations(lang: str) -> dict[str, str]:
    """translated name -> alpha-2, from pycountry's catalogue (read with the standard
    library, not with the reader under test)."""
    english = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if name:
                english[name] = c.alpha_2
    path = os.path.join(pycountry.LOCALES_DIR, lang, "LC_MESSAGES", "iso3166-1.mo")
    with open(path, "rb") as f:
        catalogue = gettext.GNUTranslations(f)
    return {catalogue.gettext(name): code for name, code in english.items()}


@pytest.mark.parametrize("lang", SAMPLED)
def test_every_translation_in_the_sampled_languages(lang):
    names = translations(lang)
    assert len(names) > 200
    wrong = {}
    for name, code in names.items():
        for variant in (name, name.upper(), name.lower()):
            try:
                got = country_code(variant)
            except CountryError as exc:
                got = str(exc)
            if got != code:
                wrong[variant] = (code, got)
    assert not wrong


def test_every_language_pycountry_ships_is_read():
    langs = {lang for lang, _path in country_names.catalogues()}
    assert len(langs) > 100 and {"ru", "zh_CN", "zh_TW", "ka", "hy", "kk"} <= langs
    table = name_table(ALL)
    assert table.lookup(normalise("საქართველო")) == "GE"  # Georgian
    assert table.lookup(normalise("Հայաստան")) == "AM"  # Armenian


# -- unknown ---------------------------------------------------------------------------------
UNKNOWN = ["НЕИЗВЕСТНА", "НЕИЗВЕСТНО", "неизвестна", "Не указано", "00", "000", "XX", "xx",
           "ZZ", "未知", "不详", "unknown", "UNKNOWN", "N/A", "n/a", "n.a.", "-", "—", "?",
           "Unbekannt", "inconnu", "desconocido"]


@pytest.mark.parametrize("value", UNKNOWN)
def test_the_conventions_for_unknown_are_no_country_not_an_error(value):
    assert country_or_unknown(value) is None
    assert is_unknown_country(value)
    with pytest.raises(CountryError, match="says the country is not known"):
        country_code(value)  # promises a code


def test_empty_is_no_country_and_namibia_is_not_unknown():
    assert country_or_unknown("") is None and country_or_unknown("  ") is None
    assert country_or_unknown(None) is None
    assert not is_unknown_country("") and not is_unknown_country("RU")
    with pytest.raises(CountryError, match="empty"):
        country_code(" ")
    assert country_code("NA") == "NA"  # Namibia, not "n/a"


# -- refusals --------------------------------------------------------------------------------
def test_a_refusal_names_the_value_and_the_closest_names_in_its_script():
    with pytest.raises(CountryError) as info:
        country_code("Kazakhstn")
    assert str(info.value) == ("'Kazakhstn' is not a country Casefile knows; did you mean "
                               "Kazakhstan (KZ)?")
    assert isinstance(info.value, ValidationError) and info.value.field == "country"
    assert info.value.value == "Kazakhstn" and info.value.suggestions == (("Kazakhstan", "KZ"),)
    with pytest.raises(CountryError, match=r"did you mean Казахстан \(KZ\)\?"):
        country_or_unknown("КАЗАХСТН")
    with pytest.raises(CountryError, match=r"did you mean 哈萨克斯坦 \(KZ\)"):
        country_or_unknown("哈萨克")
    with pytest.raises(CountryError) as info:
        country_or_unknown("Ukranie")
    assert ("Ukraine", "UA") in info.value.suggestions and len(info.value.suggestions) <= 3


def test_a_value_far_from_any_name_is_refused_without_suggestions():
    for value in ("Atlantis", "Narnia", "suhh", "total", "Азия", "QQ"):
        with pytest.raises(CountryError) as info:
            country_or_unknown(value)
        assert str(info.value) == f"{value!r} is not a country Casefile knows (ISO 3166)"
        assert info.value.suggestions == ()
    with pytest.raises(CountryError, match="is not a country$"):
        country_or_unknown("!!!")


def test_a_name_two_countries_share_is_refused_with_both():
    with pytest.raises(CountryError) as info:
        country_code("Korea")
    assert str(info.value) == ("'Korea' could be North Korea (KP) or South Korea (KR); write "
                               "the country in full or as its ISO code")
    assert {c for _n, c in info.value.suggestions} == {"KP", "KR"}
    with pytest.raises(CountryError, match="VG.*VI"):
        country_code("Virgin Islands")


def test_a_long_value_is_cut_short_in_the_message():
    with pytest.raises(CountryError) as info:
        country_code("x" * 5000)
    assert len(str(info.value)) < 120


# -- nothing is guessed ------------------------------------------------------------------------
NEIGHBOURS = [("Niger", "NE"), ("Nigeria", "NG"), ("Guinea", "GN"), ("Guinea-Bissau", "GW"),
              ("Equatorial Guinea", "GQ"), ("Papua New Guinea", "PG"), ("Dominica", "DM"),
              ("Dominican Republic", "DO"), ("Iran", "IR"), ("Iraq", "IQ"),
              ("Austria", "AT"), ("Australia", "AU"), ("Sudan", "SD"), ("South Sudan", "SS"),
              ("Oman", "OM"), ("Romania", "RO"), ("Mali", "ML"), ("Malawi", "MW"),
              ("Congo", "CG"), ("Democratic Republic of the Congo", "CD"),
              ("Samoa", "WS"), ("American Samoa", "AS"), ("Нигер", "NE"), ("Нигерия", "NG"),
              ("Гвинея", "GN"), ("Гвинея-Бисау", "GW"), ("Доминика", "DM"),
              ("Доминиканская Республика", "DO"), ("Иран", "IR"), ("Ирак", "IQ"),
              ("尼日尔", "NE"), ("尼日利亚", "NG"), ("伊朗", "IR"), ("伊拉克", "IQ")]


def test_neighbouring_names_are_different_countries():
    for value, code in NEIGHBOURS:
        assert country_code(value) == code, value


@pytest.mark.parametrize("value", ["Arab", "Emirate", "Republic", "United", "Islands",
                                   "Kingdom", "Niger Delta", "Guinea Bissau Republic",
                                   "China Town", "Hong", "Kong", "阿", "Росс"])
def test_parts_and_extensions_of_names_are_refused(value):
    with pytest.raises(CountryError):
        country_code(value)


# -- ISO 3166-2 subdivisions ---------------------------------------------------------------
@pytest.mark.parametrize("value,code", [
    ("ge-ab", "GE"), ("GE-AB", "GE"), ("ua-43", "UA"), ("ua-40", "UA"), ("ru-mow", "RU"),
    ("us-ga", "US"),  # the state of Georgia is in the United States, not Georgia (GE)
    ("cn-hk", "HK"), ("us-pr", "PR"), ("nl-aw", "AW"), ("fr-971", "GP")])
def test_a_subdivision_code_is_read_as_its_country(value, code):
    assert country_code(value) == code


@pytest.mark.parametrize("value", ["ge-zz", "qq-01", "ge-abcd"])
def test_a_subdivision_code_iso_does_not_list_is_refused(value):
    with pytest.raises(CountryError):
        country_code(value)


# -- the data file ---------------------------------------------------------------------------
def test_the_curated_names_are_consistent():
    data = json.loads(resource_path("countries", "aliases.json").read_text(encoding="utf-8"))
    iso = {c.alpha_2 for c in pycountry.countries}
    assert not set(data["territories"]) & iso  # beyond ISO 3166-1, not a second name
    places = iso | set(data["territories"])
    seen: dict[str, str] = {}
    for by_code in data["aliases"].values():
        for code, names in by_code.items():
            assert code in places, code
            for name in names:
                key = normalise(name)
                assert seen.setdefault(key, code) == code, f"{name} means two countries"
                assert country_code(name) == code
    unknown = {normalise(v) for vs in data["unknown"].values() for v in vs}
    assert not unknown & set(seen)
    listed = name_table(ALL)
    for key in unknown:  # no way of saying "unknown" is a country's name or code
        assert listed.lookup(key) is None or listed.strength[key] > country_names.ISO_DERIVED, key
    for sub, code in data["subdivisions"].items():
        assert code in iso and pycountry.subdivisions.get(code=sub) is not None, sub
    assert set(data["display"]) <= iso


def test_names_shown_stay_as_they_were():
    assert country_name("RU") == "Russia" and country_name("ir") == "Iran"
    assert country_name("DE") == "Germany" and country_name("QQ") == "QQ"
    assert country_name(None) == "" and country_name("") == ""


def test_the_catalogues_are_read_only_when_needed(monkeypatch):
    monkeypatch.setattr(country_names, "_table", None)
    _resolve.cache_clear()
    try:
        assert country_code("Russia") == "RU" and country_code("CHN") == "CN"
        assert name_table().stage == LISTED  # English names and codes cost no catalogue
        assert country_code("КАЗАХСТАН") == "KZ"
        assert name_table().stage == FIRST  # a Russian name: the first languages only
        with pytest.raises(CountryError):
            country_code("Kazakhstn")
        assert name_table().stage == ALL
    finally:
        _resolve.cache_clear()


def test_the_catalogue_reader_agrees_with_gettext():
    path = os.path.join(pycountry.LOCALES_DIR, "ru", "LC_MESSAGES", "iso3166-1.mo")
    with open(path, "rb") as f:
        expected = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    read = {k.decode(): v.decode() for k, v in country_names.read_mo(path).items()}
    assert read == {k: v for k, v in expected.items() if k and v}


# -- properties ------------------------------------------------------------------------------
def outcome(value: str) -> str | None:
    try:
        return country_or_unknown(value)
    except CountryError:
        return "refused"


@settings(deadline=None, database=None, max_examples=300)
@given(st.text(max_size=40))
def test_random_text_is_a_country_unknown_or_refused_whatever_its_case(text):
    got = outcome(text)  # anything but CountryError fails the test
    assert got is None or got == "refused" or len(got) == 2
    assert outcome(text.upper()) == got
    assert outcome(text.lower()) == got


@functools.cache
def known_names() -> list[str]:
    return sorted(name_table(ALL).display.values())


@settings(deadline=None, database=None, max_examples=300)
@given(st.integers(min_value=0), st.lists(st.booleans(), min_size=1, max_size=60),
       st.sampled_from(["", " ", "  ", "\t", "\u00a0"]))
def test_a_known_name_in_any_letter_case_and_spacing(i, upper, pad):
    names = known_names()
    name = names[i % len(names)]
    mixed = "".join(c.upper() if u else c.lower()
                    for c, u in zip(name, upper * len(name), strict=False))
    assert outcome(pad + mixed + pad) == outcome(name)


def test_a_pycountry_without_catalogues_still_reads_codes_and_english(monkeypatch, tmp_path):
    monkeypatch.setattr(pycountry, "LOCALES_DIR", str(tmp_path / "stripped"))
    assert country_names.catalogues() == []
    table = country_names.translated(country_names.translated(country_names.listed()))
    assert table.stage == ALL and table.lookup("russia") == "RU"
    assert table.lookup(normalise("ГОНКОНГ")) is None


@pytest.mark.parametrize("value,code", [
    ("ЕВРОСОЮЗ", "EU"), ("Европейский союз", "EU"), ("ЕС", "EU"), ("EU", "EU"),
    ("European Union", "EU"), ("欧盟", "EU"), ("Union européenne", "EU"),
    ("КОСОВО", "XK"), ("Kosovo", "XK"), ("xk", "XK"), ("科索沃", "XK")])
def test_territories_sources_use_beyond_iso(value, code):
    """Russian declarations give ЕВРОСОЮЗ as the origin of goods made in the EU; sanctions
    lists and FollowTheMoney write XK for Kosovo: places, not refusals."""
    assert country_or_unknown(value) == code and country_code(value) == code
    assert country_name(code) in ("European Union", "Kosovo")


def test_territories_are_in_the_pickers():
    from casefile.core.countries import all_countries

    shown = dict(all_countries())
    assert shown["EU"] == "European Union" and shown["XK"] == "Kosovo"
    assert shown["DE"] == "Germany" and len(shown) == len(pycountry.countries) + 2
