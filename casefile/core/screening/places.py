"""Cities as place words in organisation names: 'Shenzhen' in 'Shenzhen Dajiang Technology
Co., Ltd.' says where a company is registered, not who it is, as 'Beijing' does — but rigour
knows countries and their ISO 3166-2 subdivisions (Beijing, Tianjin, Moscow), not cities, so
'Shenzhen' counted as a word of the company's own and two Shenzhen companies sharing
'Technology Co., Ltd.' scored 0.71, flagged (look30).

The cities are a data file (``resources/places/cities.tsv``, from GeoNames, CC BY 4.0; see
its NOTICE.txt): China's of 300,000 people or more, Hong Kong's, Macau's and Taiwan's of
200,000 or more, other cities of a million or more, without names that are ordinary words.
A city is known by its Latin name as rigour reads it (not Xi'an's 'xian': it is one pinyin
syllable, as in 有限 'you xian') and by the pinyin of its Chinese names one syllable a word
('shen zhen shi', 'shen zhen'), as Chinese names are compared; every form of one city carries
one symbol, so 'Shenzhen' and 深圳市 are the same place."""

from __future__ import annotations

from functools import lru_cache

from rigour.names import Name, NamePartTag, NameTypeTag, Span, Symbol, analyze_names

from casefile.core.screening.han import latin_form
from casefile.paths import resource_path

Phrase = tuple[str, ...]
_LOCATION = Symbol.Category.LOCATION
# places company names write short, anywhere in the name, with the symbol of the place in
# full (rigour's Hong Kong, our Shenzhen): look31, 'HK HESHENG TECHNOLOGY LIMITED' scored
# 0.43 against 'Hong Kong Hesheng Technology Co., Limited'
SHORT = {"hk": "hk", "sz": "city:shenzhen"}
_BEFORE = (NamePartTag.LEGAL, NamePartTag.STOP)  # a legal form or article a name begins with


def cities(name: Name) -> set[str]:
    """The symbols of the cities marked in ``name`` (by :func:`tag_places`)."""
    return {s.symbol.id for s in name.spans
            if s.symbol.category == _LOCATION and s.symbol.id.startswith("city:")}


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[Phrase, bool, tuple[str, ...]], ...]:
    """(the name as rigour reads it, whether that is read, Chinese names) of each city of
    the file, read and analysed once for :func:`phrases` and :func:`chinese_names`."""
    text = resource_path("places", "cities.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    out = []
    for line in lines[1:]:  # (the header)
        _geonameid, _country, name, read, chinese = line.split("\t")
        out.append((_words(name), read == "yes", tuple(c for c in chinese.split("|") if c)))
    return tuple(out)


def _words(text: str) -> Phrase:
    return tuple(p.comparable for n in analyze_names(NameTypeTag.UNK, [text],
                                                     consolidate=False) for p in n.parts)


@lru_cache(maxsize=1)
def phrases() -> dict[str, list[tuple[Phrase, Symbol]]]:
    """The cities' phrases by their first word, longest first: ``{'shen': [(('shen',
    'zhen', 'shi'), <LOCATION city:shenzhen>), (('shen', 'zhen'), …)], …}``. A city's
    symbol is named by its Latin name (two cities of one name are one word)."""
    by_first: dict[str, dict[Phrase, Symbol]] = {}
    for latin, read, chinese in _rows():
        symbol = Symbol(_LOCATION, "city:" + "".join(latin))
        forms = {*([latin] if read else []), *(tuple(latin_form(c).split()) for c in chinese)}
        for form in forms:
            if form:
                by_first.setdefault(form[0], {}).setdefault(form, symbol)
    return {first: sorted(found.items(), key=lambda kv: -len(kv[0]))
            for first, found in by_first.items()}


@lru_cache(maxsize=1)
def chinese_names() -> dict[str, str]:
    """The cities' Chinese names to their names as rigour reads them ('深圳市', '深圳':
    'shenzhen')."""
    return {c: "".join(latin) for latin, _read, chinese in _rows() for c in chinese}


def tag_places(name: Name) -> None:
    """Mark the city ``name`` begins with as a place (rigour's LOCATION symbol), after the
    places rigour marked already ('Zhejiang Hangzhou …'); the longest city first. Only
    there: a Chinese company's registered name begins with its place, and a city's name
    further in is its trade name ('Hangzhou Datong Electronics': review35 found 'Datong
    Electronics (HK)' set apart from it as sharing a place alone)."""
    known = phrases()
    parts = name.parts
    words = [p.comparable for p in parts]
    placed = {p.index for s in name.spans if s.symbol.category == _LOCATION for p in s.parts}
    for part in parts:  # 'HK HESHENG TECHNOLOGY LIMITED', 'DJI Technology (HK)'
        short = SHORT.get(part.comparable)
        if short is not None and part.index not in placed:
            name.apply_part(part, Symbol(_LOCATION, short))
            placed.add(part.index)
    i = 0
    while i < len(words) and (parts[i].index in placed or parts[i].tag in _BEFORE):
        i += 1  # (review36: 'ООО Казань Технологии …' — the legal form before the city)
    for phrase, symbol in known.get(words[i], ()) if i < len(words) else ():
        end = i + len(phrase)
        if tuple(words[i:end]) == phrase:
            # a span of these words (rigour's apply_phrase takes words that are not side
            # by side: 'shen shen zhen' gave 'shen … zhen')
            name.spans.append(Span(list(parts[i:end]), symbol))
            return
