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

from casefile.core.names import article_of
from casefile.core.screening import arabic_glossary as glossary

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")  # vowel marks, tatweel
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                          "ک": "ك", "ی": "ي", "ؤ": "ء", "ئ": "ء"})
# each letter's consonant, as romanisations write it most ('' for ع and hamza, which Latin
# spellings drop or write as an apostrophe); و and ي are vowels inside a word
_CONSONANT = {"ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
              "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d",
              "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l",
              "م": "m", "ن": "n", "ه": "h", "ء": "", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g"}
# the same consonants told apart as little as romanisations tell them (q, g and k; th and t;
# dh, d and z …), for the skeleton both sides are compared by
_LOOSE = [("kh", "x"), ("gh", "k"), ("sh", "c"), ("ch", "c"), ("th", "t"), ("dh", "d"),
          ("zh", "j"), ("ph", "f"), ("q", "k"), ("g", "k")]
# Latin vowel letters and the Arabic long vowels each may write (e and o go either way)
_VOWELS = {"a": "a", "e": "ai", "i": "i", "y": "i", "o": "ua", "u": "u", "w": "u"}
_LATIN_ARTICLE = re.compile(r"^(?:[ae][lnrstdz]{1,2})[-‐'’ʼ]", re.IGNORECASE)


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds Arabic-script letters."""
    return _ARABIC.search(text) is not None


def _normal(word: str) -> str:
    return _MARKS.sub("", word).translate(_LETTERS)


# the glossary read as the reader reads a word (each word's translations, likelier first)
GLOSSARY = {_normal(k): v.split("|") for k, v in glossary.GLOSSARY.items()}
LEGAL = [(re.compile(_normal(p.pattern)), english) for p, english in glossary.LEGAL]
LEGAL_WORDS = frozenset(map(_normal, glossary.LEGAL_WORDS))


def _stem(word: str) -> str:
    """A normalised Arabic word without its article (and the letter it may follow); 'ل' or
    'و' before a word of trade is left out too ('لناقلات' -> 'ناقلات')."""
    found = article_of(word)
    if found is not None and len(found[1]) >= 2:
        return found[1]
    if word[:1] in ("ل", "و") and word[1:] in GLOSSARY:
        return word[1:]
    return word


def _semivowel(stem: str, i: int) -> bool:
    """Whether the و or ي at ``i`` is a consonant (w, y): first, or beside an alif ('فواز'
    Fawaz, 'قرضاوي' Qaradawi); elsewhere a long vowel ('فوز' Foz, 'خليج' Khaleej)."""
    return i == 0 or "ا" in (stem[i - 1], stem[i + 1:i + 2])


def _reading(stem: str) -> tuple[str, str, bool]:
    """(consonants, long vowels, whether it ends in ة) of an Arabic stem: 'خليج' ->
    ('xlj', 'i', False), 'نصرة' -> ('nsr', '', True); the final ه (ة as most write it) is
    no consonant: Latin spellings end such a word in a vowel ('Nusrah', 'Nusra')."""
    feminine = len(stem) > 2 and stem.endswith("ه")
    stem = stem[:-1] if feminine else stem
    cons, vowels = [], []
    for i, ch in enumerate(stem):
        if ch == "ا":
            if i:
                vowels.append("a")
        elif ch in "وي" and not _semivowel(stem, i):
            vowels.append("u" if ch == "و" else "i")
        elif ch in "وي":
            cons.append("w" if ch == "و" else "y")
        else:
            cons.append(_CONSONANT.get(ch, ""))
    return _loose("".join(cons)), "".join(vowels), feminine


def _loose(consonants: str) -> str:
    for a, b in _LOOSE:
        consonants = consonants.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", consonants)


_LATIN_VOWEL = "aeiou"


@lru_cache(maxsize=65536)
def _latin_reading(word: str) -> tuple[str, str, bool]:
    """(consonants, vowel letters, whether it ends in a vowel) of a Latin word as
    :func:`_reading` gives an Arabic one's: 'Khaleej' -> ('xlj', 'aee', False); its article
    ('Al-', 'as-') and apostrophes left out; w and y are vowels but first and between two
    vowels ('Fawaz')."""
    w = re.sub(r"[^a-z]", "", _LATIN_ARTICLE.sub("", word.casefold()))
    vowel_end = re.search(r"[aeiouy]h?$|[aei]t$", w) is not None
    w = re.sub(r"(?<=[aeiou])h$", "", w)  # 'Fatimah', 'Hizballah' as 'Fatima'
    cons, vowels = "", ""
    for i, c in enumerate(w):
        if c in "wy" and (i == 0 or (w[i - 1] in _LATIN_VOWEL
                                     and w[i + 1:i + 2] in tuple(_LATIN_VOWEL))):
            cons += c
        elif c in _VOWELS:
            vowels += c if i else ""
        else:
            cons += c
    return _loose(cons), vowels, vowel_end


def _alike(arabic: tuple[str, str, bool], latin: tuple[str, str, bool]) -> bool:
    """Whether a Latin word writes an Arabic one: the same consonants, its long vowels in
    order among the Latin word's vowel letters, and a vowel last where it ends in ة."""
    if not arabic[0] or arabic[0] != latin[0] or (arabic[2] and not latin[2]):
        return False
    spots = iter(latin[1])
    return all(any(v in _VOWELS[c] for c in spots) for v in arabic[1])


def _spelled(stem: str, vowels: bool = True) -> str:
    """A stem spelled out alone, a vowel between consonants: 'خليج' -> 'khalij', 'نصرة' ->
    'nasara' (not the 'nasar' of 'Nasr'), for the phonetic keys of an index (the list's
    spelling of it is not known); without ``vowels``, letter by letter ('khlij', 'nsra')."""
    feminine = len(stem) > 2 and stem.endswith("ه")
    stem = stem[:-1] if feminine else stem
    out = ""
    for i, ch in enumerate(stem):
        if ch == "ا":
            out += "a"
        elif ch in "وي" and not _semivowel(stem, i):
            out += "u" if ch == "و" else "i"
        else:
            c = ("w" if ch == "و" else "y") if ch in "وي" else _CONSONANT.get(ch, "")
            nxt = stem[i + 1] if i + 1 < len(stem) else ""
            out += c + ("a" if vowels and c and nxt and nxt not in "اوي" else "")
    return out + ("a" if feminine else "")


def latin_form(text: str, against: str = "", legal: bool = True) -> str:
    """``text`` in Latin letters: its Arabic words of trade and legal forms translated, a
    name read as the word of ``against`` (a Latin name) that writes it, else spelled out
    ('شركة الخليج للتجارة العامة ذ.م.م' against 'Al Khaleej General Trading LLC' -> 'company
    khaleej trading general llc'); without ``legal``, its legal form left out. Other
    letters are kept as written."""
    return _latin_form(text, against, legal)


# parts of a compound name, joined to the word after ('عبد') or before ('الله', 'الدين'):
# Latin writes 'Abdulmalik', 'Nasrallah', 'Nasruddin' as one word, or two or three
_BEFORE, _AFTER = frozenset({"عبد", "ابو"}), frozenset({"الله", "الدين"})


def _units(words: list[str]) -> list[str]:
    """Arabic words grouped into names: a compound's parts joined ('عبد الملك' ->
    'عبدالملك'), other words as they are."""
    out: list[str] = []
    glue = False
    for word in words:
        if out and has_arabic(word) and has_arabic(out[-1]) and (glue or word in _AFTER):
            out[-1] += word
        else:
            out.append(word)
        glue = word in _BEFORE
    return out


def _spans(against: str) -> list[tuple[str, tuple[str, str, bool]]]:
    """The words of a Latin name, and each run of two and three (a compound written apart:
    'Abd al-Malik', 'Nasr Allah'), with their readings; single words first."""
    words = against.split()
    spans = [" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)]
    return [(w, _latin_reading(w.replace(" ", ""))) for w in spans]


@lru_cache(maxsize=16384)
def _latin_form(text: str, against: str, legal: bool) -> str:
    text = _normal(text)
    for pattern, english in LEGAL:
        text = pattern.sub(f" {english if legal else ''} ", text)
    theirs = _spans(against)
    bare = {w.casefold() for w in against.split()}
    out: list[str] = []
    for word in _units(text.split()):
        if not has_arabic(word):
            out.append(word.casefold())
            continue
        stem = _stem(word)
        if not legal and stem in LEGAL_WORDS:
            continue
        readings = [_reading(stem)]
        if (inner := stem.find("ال", 1)) > 0:  # its article's l taken by the letter after,
            readings.append(_reading(stem[:inner] + stem[inner + 2:]))  # 'ud-din', 'Salahuddin'
        found = next((w for w, r in theirs if any(_alike(x, r) for x in readings)), None)
        translations = GLOSSARY.get(stem, [])
        theirs_too = [e for e in translations if set(e.split()) <= bare]
        if found is not None and not theirs_too:  # (its article left out, as rigour sets
            out.append(found.casefold())  # a Latin 'Al' apart: it says nothing of who)
        elif translations:
            out.append((theirs_too or translations)[0])
        else:  # letter by letter: a vowel of one's own would bring it near other names
            out.append(_spelled(stem, vowels=False))  # (look32: 'wafaq' ≈ 'Wafa', 0.75)
    return " ".join(" ".join(out).split())


def key_words(text: str) -> list[str]:
    """The words an Arabic-script name is looked up by in a list's index: its words of trade
    translated and spelled out, names spelled out, without their articles ('شركة الخليج
    للتجارة' -> ['gulf', 'khalij', 'trading', 'tajara'])."""
    out: list[str] = []
    for pattern, _english in LEGAL:
        text = pattern.sub(" ", text)
    for word in _normal(text).split():
        if not has_arabic(word):
            continue
        stem = _stem(word)
        if stem not in LEGAL_WORDS:  # a word of trade may be a name ('الخليج' Khaleej)
            out += [*GLOSSARY.get(stem, ()), _spelled(stem)]
    return [w for w in out if w]  # (ع alone is no letter a Latin spelling writes)
