"""Which code page a sample of a file's bytes is in, where charset-normalizer is known to
mistake one for another: Russian read as Western or Chinese, Chinese read as Western,
KOI8-R capitals read as Windows-1251, Polish and Turkish (which it does not tell from
Windows-1252, or does not recognise at all) — rules over the bytes, each from a file that
was read wrong (:mod:`.encodings` asks them)."""

from __future__ import annotations

import re

from casefile.services.exchange.imports.code_pages_cyrillic import (
    NON_ASCII,
    capitals_of_koi8,
    cased_better_in_cp1251,
    cased_better_in_koi8,
    cyrillic_words,
    koi8_codec,
    reads_as_russian,
    reads_as_ukrainian,
)
from casefile.services.exchange.imports.code_pages_latin import (
    central_european,
    cyrillic_read_as_latin,
    in_latin_words,
    latin_script,
    western,
)

__all__ = ["central_european", "code_page", "in_latin_words", "latin_script", "western"]


def code_page(sample: bytes, enc: str | None) -> str | None:
    """The code page of ``sample`` charset-normalizer took for ``enc``, set right where it
    is known to mistake one for another (None: none it recognised)."""
    if enc in ("cp1251", "koi8_r") and latin_script(sample):
        return "cp1252"  # (look26) 'TШINECKЙ', 'ДДNEKOSKEN': Latin capitals, not Cyrillic
    if enc == "cp1252" and _chinese_read_as_latin(sample):  # (look19: '¤ý°¶' was 王偉)
        if _reads_as_chinese(sample) and _is_gb2312(sample):
            return "gb18030"
        if _reads_as_chinese(sample, "big5"):
            return "big5"
    if enc == "cp1252" and cyrillic_read_as_latin(sample):
        return "gb18030" if not reads_as_russian(sample) and _reads_as_chinese(sample) \
            else "cp1251"
    if enc in ("gb18030", "gbk", "gb2312", "big5", "cp1251") and all(
            len(r) == 1 for r in _HIGH_RUN.findall(sample)):
        return "cp1252"  # (look20) '-18°C' alone is no Chinese: each character has two bytes;
        # nor is 'Tube ¾ inch' Russian ('Tube ѕ inch'): no Russian word is one letter alone
    if enc in (None, "koi8_r", "cp1251", *_CHINESE) and reads_as_ukrainian(sample) and (
            enc not in _CHINESE or _not_one_short_word(sample)):
        return "koi8_u"  # Ukrainian's і ї є ґ are box-drawing signs in KOI8-R
    if enc in ("gb18030", "gbk", "gb2312", "big5"):
        for russian in ("cp1251", "koi8_r"):
            if reads_as_russian(sample, russian):
                return russian
    if enc == "cp1251" and not reads_as_russian(sample) and _reads_as_chinese(sample):
        return "gb18030"  # 'АоДИ' is no Russian: 李娜
    if enc == "big5" and _reads_as_chinese(sample) and _is_gb2312(sample):
        return "gb18030"  # (look19) simplified Chinese read as Big5's rarer characters
    if enc == "cp1251" and cased_better_in_koi8(sample):
        return koi8_codec(sample)  # (look26) 'чЕУ ВТХФФП (ЛЗ)' is 'Вес брутто (кг)'
    if enc == "cp1251" and capitals_of_koi8(sample):
        return koi8_codec(sample)  # 'ппп феилтйн' is ООО ТЕХКРИМ
    if enc is None and cased_better_in_cp1251(sample):
        return "cp1251"  # (review27) 'СИEМЕНС', 'Сiмферопольський': a Latin look-alike typed
        # into Cyrillic words left charset-normalizer with nothing
    return "gb18030" if enc in ("gbk", "gb2312") else enc


_CHINESE = ("gb18030", "gbk", "gb2312", "big5")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_HIGH = re.compile(rb"[\x80-\xff]")
# cp1252's symbols that Western text does not write beside letters (not « » ° º ª ¿ ¡ ± µ
# × · ½: look20 — 'SARL «Éco Café»' was read as Big5)
_SYMBOL = re.compile(rb"[\xa2-\xa9\xac\xae\xaf\xb2-\xb4\xb6\xb8\xb9\xbe]")

def _not_one_short_word(sample: bytes) -> bool:
    """Whether the sample read in KOI8-U holds two Cyrillic words or one of eight letters:
    charset-normalizer's Chinese may be KOI8-U's Ukrainian then, not a Chinese name of two or
    three characters ('张帅' reads 'уекї': review27)."""
    words = set(cyrillic_words(sample.decode("koi8_u", "replace")))
    return len(words) > 1 or any(len(w) >= 8 for w in words)


def _is_gb2312(head: bytes) -> bool:
    """Whether every character of the sample is one of GB2312's (the 7,000 most common of
    simplified Chinese, each two bytes from 0xA1): Big5 text is not, its second bytes run
    from 0x40 too."""
    try:
        head.decode("gb2312")
    except UnicodeDecodeError:
        return False
    return True


def _chinese_read_as_latin(head: bytes) -> bool:
    """Whether a sample taken for cp1252 may be Chinese: its bytes beyond ASCII come two or
    more together, with a symbol among them ('§õ®R' for 李娜 in Big5, '³¯ÀR' for 陳靜) —
    Western text writes such a symbol alone ('20°C', 'Nº 5', '¿Qué?', «École»)."""
    runs = _HIGH_RUN.findall(head)
    return bool(runs) and all(len(r) > 1 for r in runs) and any(
        _SYMBOL.search(r) for r in runs)


def _reads_as_chinese(head: bytes, codec: str = "gb18030") -> bool:
    """Whether the sample reads as Chinese in ``codec`` (gb18030, or big5): its every run of
    non-ASCII text CJK characters or their punctuation."""
    try:
        text = head.decode(codec)
    except UnicodeDecodeError:
        return False
    runs = NON_ASCII.findall(text)
    return bool(runs) and all(
        "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for r in runs for c in r)
