"""The table of country names Casefile reads: normalised name -> ISO 3166-1 alpha-2 code.

It is built lazily, once per process, in three stages, each read only when a value is not
found in the one before, so that files of codes and English names never pay for the
catalogues, and Russian or Chinese files only for a few of them
(``benchmarks/bench_countries.py`` measures each):

1. :data:`LISTED`: the curated forms of ``resources/countries/aliases.json`` (``ОАЭ``,
   ``阿联酋``, ``UAE``…), the ISO 3166-1 codes (alpha-2, alpha-3, numeric), and ISO's
   English names (name, official name, common name) with the forms derived from them
   (``Korea, Republic of`` also reads as ``Republic of Korea``; ``Iran, Islamic Republic
   of`` as ``Iran``);
2. :data:`FIRST`: the translations of those names in the languages trade files are written
   in (:data:`FIRST_LANGUAGES`), from pycountry's gettext catalogues ``iso3166-1.mo``;
3. :data:`ALL`: the translations in every other language pycountry ships a catalogue for,
   then the forms derived from all translations.

A name keeps the meaning of the strongest source that has it, in the order above; a name
that two countries share at the same strength (``Korea`` from the two Koreas; a translator's
slip in a minor catalogue) is *ambiguous*: it maps to both codes and is never guessed.

Names are compared in :func:`normalise`'d form: Unicode compatibility forms folded, letter
case folded, accents and Arabic vowel marks dropped (so ``ё`` is ``е``, ``Türkiye`` is
``Turkiye``), apostrophes dropped, ``&`` read as ``and``, other punctuation read as space,
runs of space collapsed.
"""

from __future__ import annotations

import json
import os
import re
import struct
import threading
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

import pycountry

from casefile.paths import resource_path

# Catalogues read before all others: a name they share with a minor catalogue keeps their
# meaning (the languages customs and trade files come in).
FIRST_LANGUAGES = ("ru", "uk", "be", "kk", "zh_CN", "zh_TW", "zh_HK", "de", "fr", "es", "ar",
                   "tr", "it", "pt", "pt_BR", "ja", "ko", "pl", "fa", "vi", "uz", "az", "ky")

# Strengths, strongest first.
ALIAS, CODE, ISO_NAME, ISO_DERIVED, FIRST_LANGUAGE, OTHER_LANGUAGE, DERIVED = range(7)

_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670]")  # accents; Arabic vowel marks
_APOSTROPHES = re.compile("['\u2019\u02bc\u02bb`\u00b4]")
# Anything but a letter, a digit or a combining sign of the scripts that write vowels with
# them (Hebrew, Arabic, Indic, Thai, Lao, Tibetan, Myanmar, Khmer, kana) separates words.
_SEPARATORS = re.compile("(?:[^\\w\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u06d6-\u06ed"
                         "\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u3099\u309a]"
                         "|_)+")


def normalise(text: str) -> str:
    """The form names are compared in: 'ОБЪЕДИНЁННЫЕ  Арабские-Эмираты' -> 'объединенные
    арабские эмираты'; "Côte d'Ivoire" -> 'cote divoire'; 'N/A' -> 'n a'."""
    if text.isascii():
        s = text.lower()
    else:
        # Folded before and after: 'ᾳ' and its capital 'ΑΙ' meet only when case goes first,
        # and compatibility forms may bring capitals of their own ('Ⅻ' -> 'XII').
        s = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
        s = unicodedata.normalize("NFC", s).casefold().replace("ı", "i")
    s = _APOSTROPHES.sub("", s.replace("&", " and "))
    return " ".join(_SEPARATORS.sub(" ", s).split())


def derived(name: str) -> list[str]:
    """The other ways a listed name is written: 'Korea, Republic of' -> 'Republic of Korea'
    and 'Korea'; 'Holy See (Vatican City State)' -> 'Holy See'."""
    out = []
    if name.count(",") == 1:
        head, tail = (p.strip() for p in name.split(","))
        out += [f"{tail} {head}", head]
    if "(" in name:
        out.append(name[:name.index("(")].strip())
    return [d for d in out if d]


def read_mo(path: str) -> dict[bytes, bytes]:
    """A gettext catalogue's messages (msgid -> msgstr, UTF-8 bytes), read directly: the
    standard library's parser costs ten times as much and this needs no plural forms."""
    with open(path, "rb") as f:
        data = f.read()
    order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
    count, ids, strs = struct.unpack_from(order + "3I", data, 8)
    pairs = zip(struct.iter_unpack(order + "2I", data[ids:ids + 8 * count]),
                struct.iter_unpack(order + "2I", data[strs:strs + 8 * count]), strict=True)
    return {data[i:i + n]: data[j:j + m] for (n, i), (m, j) in pairs if n and m}


def catalogues() -> list[tuple[str, str]]:
    """(language, path) of pycountry's iso3166-1 catalogues, the first languages first."""
    found = {}
    if not os.path.isdir(pycountry.LOCALES_DIR):  # a pycountry packaged without them
        return []
    for lang in sorted(os.listdir(pycountry.LOCALES_DIR)):
        path = os.path.join(pycountry.LOCALES_DIR, lang, "LC_MESSAGES", "iso3166-1.mo")
        if os.path.isfile(path):
            found[lang] = path
    first = [(lang, found.pop(lang)) for lang in FIRST_LANGUAGES if lang in found]
    return first + sorted(found.items())


def vocabulary() -> dict[str, Any]:
    """The curated data file (aliases, unknown conventions, subdivisions, display names)."""
    with open(resource_path("countries", "aliases.json"), encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@dataclass
class NameTable:
    """Normalised name -> alpha-2 code, or a sorted tuple of codes when the name is
    ambiguous. ``display`` keeps each name as first written (for suggestions). ``stage`` says
    how much is in: :data:`LISTED`, :data:`FIRST` (plus the first languages' catalogues) or
    :data:`ALL`. A table is not changed once published: a later stage is a new table that
    only adds names, so an answer given from an earlier stage stays right."""

    codes: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)
    unknown: frozenset[str] = frozenset()
    symbols: frozenset[str] = frozenset()
    subdivisions: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # alpha-2 -> name Casefile shows
    stage: int = 0
    strength: dict[str, int] = field(default_factory=dict, repr=False)

    def add(self, name: str, code: str, strength: int, key: str | None = None) -> None:
        """Record ``name`` for ``code``; a stronger source keeps the name, an equal one
        makes it ambiguous. Codes are not names: they are not kept for display."""
        key = normalise(name) if key is None else key
        if not key:
            return
        had = self.strength.get(key)
        if had is None or strength < had:
            self.strength[key] = strength
            self.codes[key] = code
            if strength != CODE:
                self.display[key] = name
        elif strength == had:
            now = self.codes[key]
            codes = now if isinstance(now, tuple) else (now,)
            if code not in codes:
                self.codes[key] = tuple(sorted((*codes, code)))

    def lookup(self, key: str) -> str | tuple[str, ...] | None:
        return self.codes.get(key)

    def final(self, key: str) -> bool:
        """Whether no later stage can add to what this stage says of ``key``."""
        return key in self.codes and self.strength[key] <= _FINAL_AT[self.stage]


LISTED, FIRST, ALL = 1, 2, 3
_FINAL_AT = {LISTED: ISO_DERIVED, FIRST: FIRST_LANGUAGE, ALL: DERIVED}


def listed() -> NameTable:
    """Stage 1: the curated forms, the codes and ISO's English names."""
    data = vocabulary()
    table = NameTable(
        unknown=frozenset(normalise(v) for vs in data["unknown"].values() for v in vs),
        symbols=frozenset(data["symbols"]), subdivisions=dict(data["subdivisions"]),
        names=dict(data["display"]), stage=LISTED)
    for by_code in data["aliases"].values():
        for code, names in by_code.items():
            for name in names:
                table.add(name, code, ALIAS)
    for c in pycountry.countries:
        for code in (c.alpha_2, c.alpha_3, c.numeric, str(int(c.numeric))):
            table.add(code, c.alpha_2, CODE)
    for code, name in data["territories"].items():  # EU, XK: beyond ISO 3166-1
        table.add(code, code, CODE)
        table.add(name, code, ISO_NAME)
        table.names.setdefault(code, name)
    english = iso_names()
    for name, code in english.items():
        table.add(name, code, ISO_NAME)
    for name, code in english.items():
        for d in derived(name):
            table.add(d, code, ISO_DERIVED)
    return table


def iso_names() -> dict[str, str]:
    """ISO 3166-1's English names (name, official and common name) -> alpha-2."""
    return {name: c.alpha_2 for c in pycountry.countries
            for name in (c.name, getattr(c, "official_name", None),
                         getattr(c, "common_name", None)) if name}


def translated(before: NameTable) -> NameTable:
    """The next stage after ``before``, on a copy: :data:`FIRST` adds the first languages'
    translations of the English names; :data:`ALL` the other languages' and then the forms
    derived from every translation."""
    table = replace(before, codes=dict(before.codes), display=dict(before.display),
                    strength=dict(before.strength), stage=before.stage + 1)
    english = {name.encode(): code for name, code in iso_names().items()}
    first = table.stage == FIRST
    later: list[tuple[str, str]] = []
    keys: dict[bytes, str] = {}  # many catalogues share a spelling: normalise it once
    for lang, path in catalogues():  # the first languages come first
        own = lang in FIRST_LANGUAGES
        if first and not own:
            break
        for msgid, msgstr in read_mo(path).items():
            code = english.get(msgid)
            if code is None:
                continue
            name = msgstr.decode("utf-8", "replace")
            if first or not own:
                key = keys.get(msgstr)
                if key is None:
                    key = keys[msgstr] = normalise(name)
                table.add(name, code, FIRST_LANGUAGE if first else OTHER_LANGUAGE, key)
            if not first and ("," in name or "(" in name):
                later += [(d, code) for d in derived(name)]
    for name, code in later:
        table.add(name, code, DERIVED)
    return table


_lock = threading.Lock()
_table: NameTable | None = None


def name_table(stage: int = LISTED) -> NameTable:
    """The process's table, at ``stage`` at least (made now if it is not yet)."""
    global _table
    table = _table
    if table is None or table.stage < stage:
        with _lock:
            if _table is None:
                _table = listed()
            while _table.stage < stage:
                _table = translated(_table)
            table = _table
    return table
