"""The keys a watchlist entry is indexed by and a party searches with: name parts (in Latin
letters, whatever the script), their phonetic keys, Han character bigrams and their pinyin,
a Han name's words as an English list writes it, and normalised identifiers. Both sides use
the same functions, so a key found is a key shared.

Keys are short strings with a one-letter prefix: ``n:`` a name part, ``p:`` its metaphone,
``b:`` a Han bigram, ``i:`` an identifier value."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from rigour.names import tokenize_name
from rigour.text.phonetics import metaphone
from rigour.text.translit import ascii_text

from casefile.core.identifiers import clean_value
from casefile.core.names import has_cyrillic
from casefile.core.screening import arabic_words, han
from casefile.core.screening.han_words import english_form

# words that say nothing of who a party is: legal forms, articles, "and"
STOP = frozenset({
    "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc",
    "plc", "gmbh", "ag", "sa", "srl", "bv", "jsc", "pjsc", "ojsc", "cjsc", "the", "of",
    "and", "ooo", "oao", "zao", "pao", "ao", "ip", "tov", "llp", "lp", "kg", "oy", "ab",
    "as", "de", "la", "el", "y", "et", "und", "im", "joint", "stock", "liability",
    "public", "open", "closed", "private", "obshchestvo", "s", "ogranichennoi",
    "otvetstvennostyu", "aktsionernoe", "you", "xian", "gong", "si", "zeren"})
_MIN_PHONETIC = 4
# the keys' version, one more each time a name is found by keys it was not before (1: a Han
# name by its English form's words; 2: an Arabic one by its spellings; 3: a Cyrillic one
# as passports and lists spell it): a list indexed with older keys is indexed again before
# it is screened against (services/screening/watchlist_keys.py)
KEYS_VERSION = 3
# Cyrillic letters as passports and Western lists spell them where rigour spells them
# otherwise (Михаил 'Mihail', list 'MIKHAIL'; Техкрим 'Tehkrim', list 'TEKHKRIM'; Ельцин
# 'Eltsin', list 'YELTSIN'), and the start of a word that Е begins
_PASSPORT = str.maketrans({"х": "kh", "й": "y", "ы": "y", "ё": "yo"})
_FIRST_YE = re.compile(r"(?<![\w])е")


@lru_cache(maxsize=262144)
def _latin(token: str) -> str:
    return "".join(ascii_text(token).lower().split())


def name_tokens(name: str) -> list[str]:
    """The Latin-letter name parts of a name, without legal forms and stop words:
    'ООО «Техкрим»' -> ['tehkrim'] (rigour spells Cyrillic as it does)."""
    out: list[str] = []
    for token in tokenize_name(name.casefold()):
        if han.has_han(token):
            parts = han.latin_form(token).split()
        else:
            parts = [_latin(token)]
        out += [p for p in parts if p and p not in STOP and (len(p) > 1 or p.isdigit())]
    return out


def name_keys(name: str) -> set[str]:
    """Every key a name is found by; a Han name's also as an English list writes it
    (:mod:`.han_words`: 中国航天科工集团有限公司 by 'china', 'aerospace' …, so that the list's
    'China Aerospace Science and Industry Corporation' is a candidate at all), an Arabic
    one's as lists spell it (:mod:`.arabic_words`: الخليج by 'gulf' and 'khalij', whose
    phonetic key is Khaleej's), a Cyrillic one's as passports do (Михаил by 'mikhail' as
    well as rigour's 'mihail')."""
    keys: set[str] = set()
    tokens = name_tokens(name)
    if han.has_han(name):
        keys.update("b:" + b for b in han.bigrams(name))
        keys.update("n:" + w for w in han.bigram_words(name) if w not in STOP)
        tokens += name_tokens(english_form(name, legal=False))
    if arabic_words.has_arabic(name):  # and an Arabic one's words as lists spell them
        tokens += [t for w in arabic_words.key_words(name) for t in name_tokens(w)]
    if has_cyrillic(name):  # and a Cyrillic one as a passport spells it
        tokens += name_tokens(_FIRST_YE.sub("ye", name.casefold()).translate(_PASSPORT))
    for t in tokens:
        keys.add("n:" + t)
        if len(t) >= _MIN_PHONETIC and t.isalpha():
            m = metaphone(t)
            if m:
                keys.add("p:" + m)
    return keys


def identifier_key(value: str) -> str | None:
    """The key of an identifier value (any scheme): its cleaned form; None when too short to
    name anything."""
    v = clean_value(value)
    v = v.removeprefix("IMO") if v.startswith("IMO") and v[3:].isdigit() else v
    return "i:" + v if len(v) >= 4 else None


def entry_keys(names: Iterable[str], identifiers: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for n in names:
        keys |= name_keys(n)
    for v in identifiers:
        k = identifier_key(v)
        if k:
            keys.add(k)
    return keys


def rarity(entries: int, frequency: int) -> float:
    """How much sharing a key says: the inverse document frequency of a key found in
    ``frequency`` of ``entries`` entries (an identifier key weighs the most it can)."""
    return math.log(1 + entries / max(frequency, 1))
