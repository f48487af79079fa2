"""How Russian and Ukrainian read in the code pages a file of them may be in — Windows-1251,
KOI8-R, KOI8-U — and in the wrong one: words cased as words are, holding vowels, or not
(:mod:`.code_pages` asks them)."""

from __future__ import annotations

import re

from casefile.services.exchange.imports.code_pages_latin import latin_script

# the letters KOI8-U has where KOI8-R draws boxes: є і ї ґ Є І Ї Ґ
_KOI8_U = re.compile(rb"[\xa4\xa6\xa7\xad\xb4\xb6\xb7\xbd]")


def koi8_codec(sample: bytes) -> str:
    """KOI8-U for a sample holding a letter only it has (і ї є ґ), else KOI8-R (their
    Russian letters are the same bytes)."""
    return "koi8_u" if _KOI8_U.search(sample) else "koi8_r"
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
CYRILLIC_MARKS = str.maketrans("", "", "«»№–—…„“”‘’\u00a0")
VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")


def reads_as_russian(head: bytes, codec: str = "cp1251") -> bool:
    """Whether the sample reads as Russian in ``codec`` (cp1251, or koi8_r): its every run
    of non-ASCII text a Cyrillic word cased as words are ('Иванов', 'ООО', 'ромашка',
    between « » or after №), and, unless in capitals (an abbreviation), holding a vowel.
    A file of Latin text with one Russian word has too few of its bytes for
    charset-normalizer, which may read each letter pair as one Chinese character (gb18030,
    big5). Chinese read in cp1251 is no
    such text: half its bytes are symbols there ('ґуЅ®') and its letters change case at
    random ('Нх' for 王)."""
    try:
        text = head.decode(codec)
    except UnicodeDecodeError:
        return False
    words = [w for run in NON_ASCII.findall(text) if (w := run.translate(CYRILLIC_MARKS))]
    return bool(words) and all(
        all("\u0400" <= c <= "\u04ff" for c in w)
        and (w.isupper() or w in _FORMS
             or ((w.islower() or (w[0].isupper() and w[1:].islower()))
                 and not VOWELS.isdisjoint(w)))
        for w in words)


# Ukrainian company forms written in mixed case (private joint-stock company, limited
# liability company), cased so in every register
_FORMS = frozenset({"ПрАТ", "ТзОВ"})


def reads_as_ukrainian(head: bytes) -> bool:
    """Whether the sample is Ukrainian in KOI8-U: it holds a letter only KOI8-U has (і ї є
    ґ), and read so every run beyond ASCII is Cyrillic, nine in ten of its words cased as
    words are — better than in cp1251, whose Ukrainian holds some of the same bytes (ґ is
    KOI8-U's Є; KOI8-U's і ї read there as ¦ §). A short word need hold no vowel: 'кг',
    'шт', 'грн', 'в', 'м.' (look26: a file with them was refused, or read as KOI8-R)."""
    if not _KOI8_U.search(head):
        return False
    try:
        koi8 = head.decode("koi8_u")
    except UnicodeDecodeError:
        return False
    if not _UKRAINIAN_WORD.search(koi8):  # (review27) 'Paral·lel', '§ 15', 'ЦЮГОПНЛ ·':
        return False  # KOI8-U's letters alone, or beside Latin ones, are no Ukrainian word
    share = _cased_share(koi8)
    if share is None or share < 0.9:
        return False
    other = _cased_share(head.decode("cp1251", "replace"))
    if other is None or other < share:
        return True
    return _vowels(cyrillic_words(koi8)) > _vowels(cyrillic_words(  # all in capitals
        head.decode("cp1251", "replace")))


_SYMBOLS = str.maketrans("·§¶¦¤\u00ad", "      ")  # cp1251's signs at KOI8-U's letters
# a word of four Cyrillic letters or more holding one only Ukrainian writes
_UKRAINIAN_WORD = re.compile(r"(?=[\u0400-\u04ff]*[ієїґІЄЇҐ])[\u0400-\u04ff]{4,}")


def cased_better_in_koi8(head: bytes) -> bool:
    """Whether the sample's Cyrillic words are cased as words are in KOI8 (nine in ten) and
    less so in cp1251: each code page's capitals are the other's small letters, so a
    capitalised word in the wrong one reads 'чЕУ'."""
    koi8 = _cased_share(head.decode(koi8_codec(head), "replace"))
    # (review27: in cp1251 KOI8-U's і ї read as the symbols · § of a Russian text in capitals)
    cp1251 = _cased_share(head.decode("cp1251", "replace").translate(_SYMBOLS))
    return koi8 is not None and koi8 >= 0.9 and (cp1251 is None or koi8 > cp1251)


def cased_better_in_cp1251(head: bytes) -> bool:
    """The reverse of :func:`cased_better_in_koi8`."""
    text = head.decode("cp1251", "replace")
    cp1251, koi8 = _cased_share(text), _cased_share(head.decode(koi8_codec(head), "replace"))
    return cp1251 is not None and cp1251 >= 0.9 and (koi8 is None or cp1251 > koi8) \
        and bool(cyrillic_words(text)) and not latin_script(head)  # ('McDonaldїs',
    # 'Sociйtй': Western letters read as Cyrillic ones, inside Latin words)


def _cased_share(text: str) -> float | None:
    """The share of the words beyond ASCII in ``text`` cased as words are (in capitals, in
    small letters, capitalised, or a company form), those over three letters holding a
    vowel; None when a run is not all Cyrillic."""
    words = [w for run in NON_ASCII.findall(text) if (w := run.translate(CYRILLIC_MARKS))]
    if not words or not all("\u0400" <= c <= "\u04ff" for w in words for c in w):
        return None
    cased: int = sum(bool(w.isupper() or w in _FORMS or (
        (w.islower() or (w[0].isupper() and w[1:].islower()))
        and (len(w) <= 3 or not VOWELS.isdisjoint(w)))) for w in words)
    return cased / len(words)


def cyrillic_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\u0400-\u04ff]+", text) if len(w) > 1]


def capitals_of_koi8(head: bytes) -> bool:
    """Whether a sample taken for cp1251 is KOI8-R written in capitals (look18: 'ООО
    ТЕХКРИМ' read as 'ппп феилтйн'): KOI8-R's capitals are cp1251's small letters, so every
    Cyrillic word reads in small letters, while in KOI8-R they read as names are written, in
    capitals or capitalised."""
    try:
        as_cp1251, as_koi8 = head.decode("cp1251"), head.decode(koi8_codec(head))
    except UnicodeDecodeError:
        return False
    # (KOI8-U's Ґ is cp1251's capital Ѕ, a letter no Russian or Ukrainian word writes)
    small, names = cyrillic_words(as_cp1251.replace("Ѕ", "ѕ")), cyrillic_words(as_koi8)
    return bool(small) and all(w.islower() for w in small) and bool(names) and all(
        w.isupper() or (w[0].isupper() and w[1:].islower()) for w in names) and \
        _vowels(names) > _vowels(small)  # (look20: 'филе трески' is Russian in lower case)


def _vowels(words: list[str]) -> float:
    """The share of vowels in ``words`` (about 0.42 in Russian; much less in a reading in
    the wrong code page: 'ппп феилтйн', 'ТХКЕ РПЕЯЙХ')."""
    letters = "".join(words)
    return sum(c in VOWELS for c in letters) / max(len(letters), 1)


