"""ISO 3166 countries: look up by code or by the names people actually use."""

from __future__ import annotations

from functools import lru_cache

import pycountry

from casefile.errors import ValidationError

# Everyday names pycountry does not know under that spelling.
_COMMON = {
    "russia": "RU", "turkey": "TR", "uae": "AE", "united arab emirates": "AE", "china": "CN",
    "prc": "CN", "usa": "US", "us": "US", "united states": "US", "uk": "GB", "britain": "GB",
    "great britain": "GB", "south korea": "KR", "north korea": "KP", "iran": "IR",
    "syria": "SY", "taiwan": "TW", "vietnam": "VN", "laos": "LA", "moldova": "MD",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "czechia": "CZ", "hong kong": "HK",
    "россия": "RU", "китай": "CN", "турция": "TR", "оаэ": "AE", "中国": "CN", "俄罗斯": "RU",
}


_DISPLAY = {
    "RU": "Russia", "IR": "Iran", "KR": "South Korea", "KP": "North Korea", "SY": "Syria",
    "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania", "MD": "Moldova", "TW": "Taiwan",
    "VN": "Vietnam", "LA": "Laos", "US": "United States", "GB": "United Kingdom",
    "TR": "Turkey", "CZ": "Czechia",
}


class CountryError(ValidationError):
    """A country that is not in ISO 3166. A :class:`~casefile.errors.ValidationError` of the
    field ``country``; who knows the real field re-raises it under that name."""

    def __init__(self, message: str) -> None:
        super().__init__("country", message, display=message)


@lru_cache(maxsize=4096)
def country_code(value: str) -> str:
    """'Russia' / 'RUS' / 'ru' / 'Türkiye' -> ISO 3166-1 alpha-2 code; unknown raises."""
    v = value.strip()
    if not v:
        raise CountryError("The country is empty")
    if v.lower() in _COMMON:
        return _COMMON[v.lower()]
    try:
        return pycountry.countries.lookup(v).alpha_2
    except LookupError:
        pass
    try:
        return pycountry.countries.search_fuzzy(v)[0].alpha_2
    except LookupError:
        raise CountryError(f"{value!r} is not a country Casefile knows (ISO 3166)") from None


def country_name(code: str | None) -> str:
    """'RU' -> 'Russia' (common name where ISO's is long); unknown codes come back as given."""
    if not code:
        return ""
    if code.upper() in _DISPLAY:
        return _DISPLAY[code.upper()]
    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def all_countries() -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name, for pickers."""
    return sorted(((c.alpha_2, country_name(c.alpha_2)) for c in pycountry.countries),
                  key=lambda p: p[1])
