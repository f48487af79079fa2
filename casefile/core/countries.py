"""ISO 3166 countries: look up by code or by the names people and trade files use.

What is read as a country (:func:`country_or_unknown`, :func:`country_code`), in this order:

* the curated short and common forms of ``resources/countries/aliases.json`` (``UAE``,
  ``ОАЭ``, ``阿联酋``, ``США``, ``КНР``, ``Hong Kong SAR``, ``Turkey``…);
* ISO 3166-1 alpha-2, alpha-3 and numeric codes (``RU``, ``RUS``, ``643``);
* ISO 3166-1's English names (name, official name, common name) and their inverted forms
  (``Korea, Republic of`` / ``Republic of Korea``);
* an ISO 3166-2 subdivision code (``ge-ab`` Abkhazia, ``ua-43`` Crimea, as OpenSanctions
  writes them) is read as the country ISO 3166-2 lists it under: Casefile keeps countries,
  not regions. The few subdivisions that ISO 3166-1 also lists as countries of their own
  (``US-PR`` Puerto Rico, ``CN-HK`` Hong Kong…) are read as that country;
* the names in every language pycountry ships translations for (``ГОНКОНГ``, ``土耳其``,
  ``Vereinigte Arabische Emirate``…), loaded at the first value the above do not know.

Letter case, accents, ``ё``/``е``, punctuation and spacing do not matter
(:func:`casefile.core.country_names.normalise`). Nothing is guessed: a value is a country only
if it *is* one of those names; a name two countries share (``Korea``) is refused with both.

The conventions for "the country is not known" (``НЕИЗВЕСТНА``, ``未知``, ``unknown``,
``N/A``, codes ``00`` and ``XX``, a lone ``-``) are a result of their own: no country.
:func:`country_or_unknown` returns ``None`` for them (and for an empty value), which is how
importers and editors store them; :func:`country_code`, which promises a code, refuses them.

Anything else raises :class:`CountryError`, naming the value and the closest known names in
the value's own script: ``'Kazakstn' is not a country Casefile knows; did you mean Kazakhstan
(KZ)?``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import pycountry

from casefile.core.country_names import (
    ALL,
    FIRST,
    ISO_DERIVED,
    LISTED,
    NameTable,
    name_table,
    normalise,
)
from casefile.core.labels import joined
from casefile.errors import ValidationError

_SUBDIVISION = re.compile(r"[A-Za-z]{2}-[A-Za-z0-9]{1,3}")
_SHOWN_CHARS = 60  # of a refused value, in its message
_LONGEST = 120  # normalised characters; longer values are no name and get no suggestions
# The rapidfuzz ratio a suggestion needs, and the shortest value that gets any: one character
# of a Chinese name weighs as much as a word of a Latin one.
_CUTOFF, _SHORTEST = 80, 4
_CUTOFF_IDEOGRAPHIC, _SHORTEST_IDEOGRAPHIC = 65, 2
_IDEOGRAPHIC = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")
_LISTED_BONUS = 5


class CountryError(ValidationError):
    """A value that is no ISO 3166 country. A :class:`~casefile.errors.ValidationError` of
    the field ``country``; who knows the real field re-raises it under that name.
    ``suggestions`` are the closest known (name, code) pairs, best first (may be empty)."""

    def __init__(self, message: str, value: str = "",
                 suggestions: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__("country", message, display=message)
        self.value = value
        self.suggestions = suggestions


class _Refused(NamedTuple):
    message: str
    suggestions: tuple[tuple[str, str], ...] = ()


def country_or_unknown(value: str | None) -> str | None:
    """The alpha-2 code of ``value``, or ``None`` when it is empty or says the country is
    not known (``НЕИЗВЕСТНА``, ``00``, ``XX``, ``未知``, ``N/A``…); anything else that is no
    country raises :class:`CountryError`."""
    if value is None or not value.strip():
        return None
    found = _resolve(value)
    if isinstance(found, _Refused):
        raise CountryError(found.message, value, found.suggestions)
    return found


def country_code(value: str) -> str:
    """'Russia' / 'RUS' / 'ru' / 'РОССИЯ' / '俄罗斯' / 'Türkiye' -> the ISO 3166-1 alpha-2
    code. Raises :class:`CountryError` for an empty value, a convention for "unknown" (see
    :func:`country_or_unknown`) and anything that is no country."""
    if not value.strip():
        raise CountryError("The country is empty", value)
    found = _resolve(value)
    if found is None:
        raise CountryError(f"{_shown(value)} says the country is not known; it names no "
                           "country", value)
    if isinstance(found, _Refused):
        raise CountryError(found.message, value, found.suggestions)
    return found


def is_unknown_country(value: str) -> bool:
    """Whether ``value`` is one of the conventions for "the country is not known"."""
    return bool(value.strip()) and _resolve(value) is None


@lru_cache(maxsize=4096)
def _resolve(value: str) -> str | None | _Refused:
    """Code, None (unknown) or the refusal for a non-empty value (cached: an importer asks
    for the same few values again and again, refused ones included)."""
    text = value.strip()
    table = name_table(LISTED)
    if text in table.symbols:
        return None
    key = normalise(text)
    if not key:
        return _Refused(f"{_shown(value)} is not a country")
    if key in table.unknown:
        return None
    if key not in table.codes and _SUBDIVISION.fullmatch(text):
        sub = _subdivision(text.upper(), table)
        if sub:
            return sub
    for stage in (FIRST, ALL):  # the catalogues, read only when they are needed
        if table.final(key):
            break
        table = name_table(stage)
    found = table.lookup(key)
    if isinstance(found, tuple):
        options = [(country_name(c), c) for c in found]
        return _Refused(f"{_shown(value)} could be {_either(options)}; write the country in "
                        "full or as its ISO code", tuple(options))
    if found is None:
        close = suggestions(key)
        if not close:
            return _Refused(f"{_shown(value)} is not a country Casefile knows (ISO 3166)")
        return _Refused(f"{_shown(value)} is not a country Casefile knows; did you mean "
                        f"{_either(close)}?", close)
    return found


def _subdivision(code: str, table: NameTable) -> str | None:
    """The country of an ISO 3166-2 code ('GE-AB' -> 'GE'; 'US-PR' -> 'PR'), or None."""
    if code in table.subdivisions:
        return table.subdivisions[code]
    sub = pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]  # loads once
    return None if sub is None else str(sub.country_code)


def _shown(value: str) -> str:
    v = value.strip()
    return repr(v if len(v) <= _SHOWN_CHARS else v[:_SHOWN_CHARS - 1] + "…")


def _either(options: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> str:
    named = [f"{name} ({code})" for name, code in options]
    return joined(named, "or")


@lru_cache(maxsize=1024)
def suggestions(key: str, limit: int = 3) -> tuple[tuple[str, str], ...]:
    """The known (name, code) pairs closest to the normalised ``key``, at most ``limit``,
    one per country, names in the key's script where there are any."""
    from rapidfuzz import fuzz, process  # only a refusal needs it

    script = _script(key)
    cutoff, shortest = (_CUTOFF_IDEOGRAPHIC, _SHORTEST_IDEOGRAPHIC) if script in _IDEOGRAPHIC \
        else (_CUTOFF, _SHORTEST)
    if not shortest <= len(key) <= _LONGEST:
        return ()
    keys, codes = _choices(script)
    table = name_table(ALL)
    best: dict[str, tuple[float, str]] = {}  # code -> (rank, name)
    for choice, score, i in process.extract(key, keys, scorer=fuzz.ratio, limit=10 * limit,
                                            score_cutoff=cutoff):
        # Of two names as close, the curated or ISO English one reads better.
        rank = score + (_LISTED_BONUS if table.strength[choice] <= ISO_DERIVED else 0)
        if rank > best.get(codes[i], (0.0, ""))[0]:
            best[codes[i]] = (rank, table.display[choice])
    ranked = sorted(best.items(), key=lambda item: -item[1][0])[:limit]
    return tuple((name, code) for code, (_rank, name) in ranked)


def _script(text: str) -> str:
    """The script of the first letter: 'LATIN', 'CYRILLIC', 'CJK', 'ARABIC'… ('' if none)."""
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "").split(" ")[0]
    return ""


@lru_cache(maxsize=64)
def _choices(script: str) -> tuple[list[str], list[str]]:
    """(names, their codes) of the table's unambiguous names in ``script`` (all names when
    the script has none)."""
    table = name_table(ALL)
    pairs = [(k, c) for k, c in table.codes.items() if isinstance(c, str) and k in table.display]
    same = [(k, c) for k, c in pairs if _script(k) == script]
    chosen = same or pairs
    return [k for k, _ in chosen], [c for _, c in chosen]


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """'RU' -> 'Russia' (common name where ISO's is long); unknown codes come back as given."""
    if not code:
        return ""
    shown = name_table().names
    if code.upper() in shown:
        return shown[code.upper()]
    c = pycountry.countries.get(alpha_2=code.upper())
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def all_countries() -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name, for pickers (ISO 3166-1 and the territories
    beyond it that sources use: EU, XK)."""
    codes = [c.alpha_2 for c in pycountry.countries] + list(territories())
    return sorted(((c, country_name(c)) for c in codes), key=lambda p: p[1])


def territories() -> dict[str, str]:
    """The codes beyond ISO 3166-1 that Casefile reads as places (``EU``, ``XK``): name."""
    from casefile.core.country_names import vocabulary

    return dict(vocabulary()["territories"])
