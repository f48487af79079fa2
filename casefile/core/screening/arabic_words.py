"""An Arabic-script name read in Latin letters as a list would write it, for matching only:
its words of trade and legal forms translated ('للتجارة' trading, 'ذ.م.م' LLC), the rest — the
names — read by their letters. Against a Latin name, a word whose consonants and long vowels
are those of one of its words is read as that word ('الخليج' as 'Khaleej' against 'Al
Khaleej General Trading LLC'); alone, a word is spelled out with a vowel between consonants
('khalij'), for the phonetic keys a list's index is searched by.

Arabic writes consonants and long vowels, not short ones, and there is no one romanisation:
خليج is Khaleej, Khalij or Khaliǧ. Read letter by letter ('khlyj') such a name shared nothing
with any of them, and the name matcher scored a Gulf trading company against its list entry
0.00. Persian letters (پ چ ژ گ ک ی) are read too: Iranian banks are listed so."""

from __future__ import annotations

import re
from functools import lru_cache

from casefile.core.names import article_of, searchable
from casefile.core.screening import arabic_glossary as glossary
from casefile.core.screening.arabic_reading import (
    SPELLINGS,
    Reading,
    reading,
    semivowel,
    writes,
)

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_JOINERS = re.compile(r"[\u200c\u200d]")  # the zero-width (non-)joiners of Persian words
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ا", "ة": "ه",
                          "ک": "ك", "ی": "ي", "ؤ": "ء", "ئ": "ء"})
# each letter's consonant in a word spelled out alone ('' for ع and hamza)
_CONSONANT = {letter: spelled[0] for letter, spelled in SPELLINGS.items()}
_LATIN_ARTICLE = re.compile(r"^(?:[ae][lnrstdz]{1,2})[-‐'’ʼ]", re.IGNORECASE)


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds Arabic-script letters."""
    return _ARABIC.search(text) is not None


def normal(text: str) -> str:
    """Arabic text as the reader reads it: as a search does (presentation forms as letters
    — review37: ﻣﺤﻤﺪ ﻋﻠﻲ copied from a PDF scored 0.00 —, without vowel marks and
    tatweel: :func:`casefile.core.names.searchable`), without joiners, hamza seats and alif
    forms as one (ة as ه)."""
    return _JOINERS.sub("", searchable(text)).translate(_LETTERS)


# the glossary read as the reader reads a word (each word's translations, likelier first)
GLOSSARY = {normal(k): v.split("|") for k, v in glossary.GLOSSARY.items()}
LEGAL = [(re.compile(normal(p.pattern)), english) for p, english in glossary.LEGAL]
LEGAL_WORDS = frozenset(map(normal, glossary.LEGAL_WORDS))


# the legal forms' abbreviations as their letters ('ذمم' for ذ.م.م)
_LEGAL_LETTERS = frozenset("".join(letters.split()) for letters, _e in glossary.FORMS)
TRADE = frozenset(normal(k) for k in glossary.TRADE)


@lru_cache(maxsize=65536)
def trade_word(word: str) -> bool:
    """Whether an Arabic word is a word of trade or a legal form ('للتجارة', 'العامة',
    'ذ.م.م'): it says what a company does or is, not who (look32: two companies of other
    names sharing 'للتجارة' and 'ذ.م.م' alone scored 0.60, for review)."""
    if not has_arabic(word):
        return False
    w = normal(word).replace(".", "")
    return w in _LEGAL_LETTERS or _stem(w) in TRADE or _stem(w) in LEGAL_WORDS


def _stem(word: str) -> str:
    """A normalised Arabic word without its article (and the letter it may follow); 'ل' or
    'و' before a word of trade is left out too ('لناقلات' -> 'ناقلات')."""
    found = article_of(word)
    if found is not None and len(found[1]) >= 2:
        return found[1]
    if word[:1] in ("ل", "و") and word[1:] in GLOSSARY:
        return word[1:]
    return word


@lru_cache(maxsize=65536)
def _latin(word: str) -> tuple[tuple[str, bool], ...]:
    """A Latin word as :func:`arabic_reading.writes` reads it (lower case, its article
    ('Al-', 'as-') and all but letters left out, doubled consonants single: 'Al-Haramain'
    -> 'haramain'), and whether it ends in a vowel; a final h after a vowel left out too
    ('Fatimah' as 'Fatima', for ة) and kept (Sepah, for سپه)."""
    w = re.sub(r"[^a-z]", "", _LATIN_ARTICLE.sub("", word.casefold()))
    w = re.sub(r"([^aeiou])\1+", r"\1", w)  # (not ee, oo: long vowels)
    vowel_end = re.search(r"[aeiouy]h?$|[aei]t$", w) is not None
    bare = re.sub(r"(?<=[aeiou])h$", "", w)
    return ((bare, vowel_end), *(((w, False),) if bare != w else ()))


def _written_by(readings: list[Reading], theirs: list[tuple[str, tuple[str, bool]]],
                strict: bool) -> str | None:
    """The first of ``theirs`` (Latin words and runs of them, with :func:`_latin`) that
    writes one of ``readings`` (a short word too, unless ``strict``)."""
    for word, (latin, vowel_end) in theirs:
        if latin and any(writes(latin, r, vowel_end, strict) for r in readings):
            return word
    return None


def _spelled(stem: str) -> str:
    """A stem spelled out alone, a vowel between consonants: 'خليج' -> 'khalij', 'نصرة' ->
    'nasara' (not the 'nasar' of 'Nasr'), for the phonetic keys of an index (the list's
    spelling of it is not known)."""
    feminine = len(stem) > 2 and stem.endswith("ه")
    stem = stem[:-1] if feminine else stem
    out = ""
    for i, ch in enumerate(stem):
        if ch == "ا":
            out += "a"
        elif ch in "وي" and not semivowel(stem, i):
            out += "u" if ch == "و" else "i"
        else:
            c = ("w" if ch == "و" else "y") if ch in "وي" else _CONSONANT.get(ch, "")
            nxt = stem[i + 1] if i + 1 < len(stem) else ""
            out += c + ("a" if c and nxt and nxt not in "اوي" else "")
    return out + ("a" if feminine else "")


def latin_form(text: str, against: str = "", legal: bool = True, person: bool = False
               ) -> str:
    """``text`` in Latin letters: its Arabic words of trade and legal forms translated, a
    name read as the word of ``against`` (a Latin name) that writes it, else as written
    ('شركة الخليج للتجارة العامة ذ.م.م' against 'Al Khaleej General Trading LLC' -> 'company
    khaleej trading general llc'); without ``legal``, its legal form left out; a
    ``person``'s short words never read (:attr:`arabic_reading.Reading.short`). Other
    letters are kept as written."""
    return _latin_form(text, against, legal, person)


# parts of a compound name, joined to the word after ('عبد', 'ذو') or before ('الله',
# 'الدين'): Latin writes 'Abdulmalik', 'Nasrallah', 'Zulfiqar' as one word, or two or three
_BEFORE = frozenset({"عبد", "ابو", "ذو"})
_AFTER = frozenset({"الله", "الدين", "زاده", "نژاد", "نجاد"})  # (Persian: Fakhrizadeh, Ahmadinejad)


def _units(words: list[str]) -> list[list[str]]:
    """Words grouped into names: a compound's parts together (['عبد', 'الملك']), other words
    alone."""
    out: list[list[str]] = []
    glue = False
    for word in words:
        if out and has_arabic(word) and has_arabic(out[-1][-1]) and (glue or word in _AFTER):
            out[-1].append(word)
        else:
            out.append([word])
        glue = word in _BEFORE
    return out


def _spans(against: str) -> list[tuple[str, tuple[str, bool]]]:
    """The words of a Latin name, and each run of two and three (a compound written apart:
    'Abd al-Malik', 'Nasr Allah'), with their readings; single words first."""
    words = against.split()
    spans = [" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)]
    return [(w, form) for w in spans for form in _latin(w.replace(" ", ""))]


@lru_cache(maxsize=16384)
def _latin_form(text: str, against: str, legal: bool, person: bool) -> str:
    text = normal(text)
    for pattern, english in LEGAL:
        text = pattern.sub(f" {english if legal else ''} ", text)
    theirs = _spans(against)
    bare = {w.casefold() for w in against.split()}
    out: list[str] = []
    short: list[tuple[int, list[Reading]]] = []  # words read only beside a name read
    named = False
    for parts in _units(text.split()):
        word = "".join(parts)
        if not has_arabic(word):
            out.append(word.casefold())
            continue
        stem = _stem(word)
        if not legal and stem in LEGAL_WORDS:
            continue
        readings = [reading(stem), *([reading(stem, final_h=True)] if stem.endswith("ه")
                                     else []),
                    # a word that only looks as if it had the article (الفا Alfa: look32)
                    *([reading(word)] if stem != word and len(stem) <= 3 else [])]
        if (inner := stem.find("ال", 1)) > 0:  # a compound's article: its alif a short
            # vowel ('Abdulmalik'), its l perhaps taken by the letter after ('Salahuddin')
            readings = [reading(f"{stem[:inner]}{glue}{stem[inner + 2:]}")
                        for glue in ("ءل", "ء")]
        translations = GLOSSARY.get(stem, [])
        theirs_too = [e for e in translations if set(e.split()) <= bare]
        found = None if theirs_too else _written_by(readings, theirs, True)
        if found is not None:  # (its article left out, as rigour sets a Latin 'Al' apart)
            out.append(found.casefold())
            named = True
        elif translations:
            out.append((theirs_too or translations)[0])
        else:  # as written, for rigour to compare as it does: spelled out, it came near
            out.append(" ".join(parts))  # other names (review37: 'sliman' ≈ 'Salman' 0.85)
            if not person and readings[0].short:
                short.append((len(out) - 1, readings))
    for i, readings in short if named else ():  # a company's short word read beside a
        found = _written_by(readings, theirs, False)  # name (أهل الحق: Ahl al-Haqq), not
        out[i] = found.casefold() if found is not None else out[i]  # alone (review37: عمر
    return " ".join(" ".join(out).split())  # read as 'Amir')


def key_words(text: str) -> list[str]:
    """The words an Arabic-script name is looked up by in a list's index: its words of trade
    translated and spelled out, names spelled out, without their articles ('شركة الخليج
    للتجارة' -> ['gulf', 'khalij', 'trading', 'tajara'])."""
    out: list[str] = []
    for pattern, _english in LEGAL:
        text = pattern.sub(" ", text)
    for word in normal(text).split():
        if not has_arabic(word):
            continue
        stem = _stem(word)
        if stem not in LEGAL_WORDS:  # a word of trade may be a name ('الخليج' Khaleej)
            out += [*GLOSSARY.get(stem, ()), _spelled(stem),
                    *([_spelled(word)] if stem != word and len(stem) <= 3 else [])]
    return [w for w in out if w]  # (ع alone is no letter a Latin spelling writes)
