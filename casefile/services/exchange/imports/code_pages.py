"""Which code page a sample of a file's bytes is in, where charset-normalizer is known to
mistake one for another: Russian read as Western or Chinese, Chinese read as Western,
KOI8-R capitals read as Windows-1251, Polish and Turkish (which it does not tell from
Windows-1252, or does not recognise at all) — rules over the bytes, each from a file that
was read wrong (:mod:`.encodings` asks them)."""

from __future__ import annotations

import re


def code_page(sample: bytes, enc: str | None) -> str | None:
    """The code page of ``sample`` charset-normalizer took for ``enc``, set right where it
    is known to mistake one for another (None: none it recognised)."""
    if enc in (None, "koi8_r", "cp1251", "gb18030", "gbk", "gb2312", "big5") and \
            _reads_as_ukrainian(sample):
        return "koi8_u"  # Ukrainian's і ї є ґ are box-drawing signs in KOI8-R
    if enc == "cp1252" and _chinese_read_as_latin(sample):  # (look19: '¤ý°¶' was 王偉)
        if _reads_as_chinese(sample) and _is_gb2312(sample):
            return "gb18030"
        if _reads_as_chinese(sample, "big5"):
            return "big5"
    if enc == "cp1252" and _cyrillic_read_as_latin(sample):
        return "gb18030" if not _reads_as_russian(sample) and _reads_as_chinese(sample) \
            else "cp1251"
    if enc in ("gb18030", "gbk", "gb2312", "big5", "cp1251") and all(
            len(r) == 1 for r in _HIGH_RUN.findall(sample)):
        return "cp1252"  # (look20) '-18°C' alone is no Chinese: each character has two bytes;
        # nor is 'Tube ¾ inch' Russian ('Tube ѕ inch'): no Russian word is one letter alone
    if enc in ("gb18030", "gbk", "gb2312", "big5"):
        for russian in ("cp1251", "koi8_r"):
            if _reads_as_russian(sample, russian):
                return russian
    if enc == "cp1251" and not _reads_as_russian(sample) and _reads_as_chinese(sample):
        return "gb18030"  # 'АоДИ' is no Russian: 李娜
    if enc == "big5" and _reads_as_chinese(sample) and _is_gb2312(sample):
        return "gb18030"  # (look19) simplified Chinese read as Big5's rarer characters
    if enc == "cp1251" and _capitals_of_koi8(sample):
        return _koi8(sample)  # 'ппп феилтйн' is ООО ТЕХКРИМ
    return "gb18030" if enc in ("gbk", "gb2312") else enc


_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
# the letters KOI8-U has where KOI8-R draws boxes: є і ї ґ Є І Ї Ґ
_KOI8_U = re.compile(rb"[\xa4\xa6\xa7\xad\xb4\xb6\xb7\xbd]")


def _koi8(sample: bytes) -> str:
    """KOI8-U for a sample holding a letter only it has (і ї є ґ), else KOI8-R (their
    Russian letters are the same bytes)."""
    return "koi8_u" if _KOI8_U.search(sample) else "koi8_r"
# cp1252's symbols that Western text does not write beside letters (not « » ° º ª ¿ ¡ ± µ
# × · ½: look20 — 'SARL «Éco Café»' was read as Big5)
_SYMBOL = re.compile(rb"[\xa2-\xa9\xac\xae\xaf\xb2-\xb4\xb6\xb8\xb9\xbe]")

# a word of accented Latin letters only (no plain letter beside them: 'Ëè', 'Íõ7')
_LATIN1_WORD = re.compile(r"(?<![A-Za-z\u00c0-\u00ff])[\u00c0-\u00ff]{2,}"
                          r"(?![A-Za-z\u00c0-\u00ff])")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_CYRILLIC_MARKS = str.maketrans("", "", "«»№–—…„“”‘’\u00a0")
_VOWELS = frozenset("аеёиоуыэюяієїАЕЁИОУЫЭЮЯІЄЇ")


def _cyrillic_read_as_latin(head: bytes) -> bool:
    """Whether a sample taken for cp1252 is in another code page: words made only of
    accented Latin letters ('Ëè Âýé') are how Russian (or Chinese: 'Íõ') reads in the wrong
    one, and no Western language writes them (its words hold plain letters too: 'Müller',
    'été'). With only a few such words in a file (look16: 'Ли Вэй' among Latin names)
    charset-normalizer cannot tell them apart."""
    return bool(_LATIN1_WORD.search(head.decode("cp1252", "replace")))


def _reads_as_russian(head: bytes, codec: str = "cp1251") -> bool:
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
    words = [w for run in _NON_ASCII.findall(text) if (w := run.translate(_CYRILLIC_MARKS))]
    return bool(words) and all(
        all("\u0400" <= c <= "\u04ff" for c in w)
        and (w.isupper() or w in _FORMS
             or ((w.islower() or (w[0].isupper() and w[1:].islower()))
                 and not _VOWELS.isdisjoint(w)))
        for w in words)


# Ukrainian company forms written in mixed case (private joint-stock company, limited
# liability company), cased so in every register
_FORMS = frozenset({"ПрАТ", "ТзОВ"})


def _reads_as_ukrainian(head: bytes) -> bool:
    """Whether the sample is Ukrainian in KOI8-U: it holds a letter only KOI8-U has (і ї є
    ґ), reads so as Russian or Ukrainian words do (:func:`_reads_as_russian`), and not so
    in cp1251 (whose Ukrainian holds some of the same bytes: ґ is KOI8-U's є)."""
    return bool(_KOI8_U.search(head)) and _reads_as_russian(head, "koi8_u") and \
        not _reads_as_russian(head)


def _cyrillic_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\u0400-\u04ff]+", text) if len(w) > 1]


def _capitals_of_koi8(head: bytes) -> bool:
    """Whether a sample taken for cp1251 is KOI8-R written in capitals (look18: 'ООО
    ТЕХКРИМ' read as 'ппп феилтйн'): KOI8-R's capitals are cp1251's small letters, so every
    Cyrillic word reads in small letters, while in KOI8-R they read as names are written, in
    capitals or capitalised."""
    try:
        as_cp1251, as_koi8 = head.decode("cp1251"), head.decode(_koi8(head))
    except UnicodeDecodeError:
        return False
    # (KOI8-U's Ґ is cp1251's capital Ѕ, a letter no Russian or Ukrainian word writes)
    small, names = _cyrillic_words(as_cp1251.replace("Ѕ", "ѕ")), _cyrillic_words(as_koi8)
    return bool(small) and all(w.islower() for w in small) and bool(names) and all(
        w.isupper() or (w[0].isupper() and w[1:].islower()) for w in names) and \
        _vowels(names) > _vowels(small)  # (look20: 'филе трески' is Russian in lower case)


def _vowels(words: list[str]) -> float:
    """The share of vowels in ``words`` (about 0.42 in Russian; much less in a reading in
    the wrong code page: 'ппп феилтйн', 'ТХКЕ РПЕЯЙХ')."""
    letters = "".join(words)
    return sum(c in _VOWELS for c in letters) / max(len(letters), 1)


# Polish ł ą Ą Ł ź (cp1250's B3 B9 A5 A3 9F) inside a word of Latin letters: cp1252's
# ³ ¹ ¥ £ Ÿ, which Western text writes after a number or a unit ('m³'), never inside a word
# ('Wroc³aw', 'Spó³ka'); with a plain letter beside them, as Cyrillic words have none
# (cp1251's B3 is Ukrainian і: 'Міністерство'). Ż and Ł may start a word too ('¯ywiec',
# '£abêdy'; not '£bn' or '£GBP'). Not ż (BF: cp1252's ¿, which conversions put for an
# apostrophe: 'McDonald¿s' — review24), nor Ś ś (8C 9C: French writes Œ œ there: 'Cœur')
_LETTER = rb"[A-Za-z\xc0-\xff]"
_PL = rb"[\xa3\xb3\xb9\xa5\x9f]"
_POLISH = re.compile(rb"[A-Za-z]" + _PL + _LETTER + b"|" + _LETTER + _PL + rb"[A-Za-z]|"
                     rb"(?<![A-Za-z])\xaf[A-Za-z]{2}|(?<![A-Za-z])\xa3[a-z]{2}[a-z\xe0-\xff]")
# Slovak ľ Ľ (cp1250's BE BC: cp1252's ¾ ¼) and Romanian ş Ş (BA AA: º ª) between two
# letters ('Ša¾a', 'Bucureºti', 'ªantierul' at a word's start): Western text writes a
# fraction or an ordinal after a number ('1¼', 'Nº 5', '1ª'), never inside a word
# (a plain letter beside each: a Cyrillic word, whose bytes are these letters' in cp1251 —
# Ukrainian є is cp1250's ş — has none)
_START, _END = rb"(?<![A-Za-z0-9\x80-\xff])", rb"(?![A-Za-z0-9])"
_SLOVAK_OR_ROMANIAN = re.compile(b"|".join([
    rb"[a-z]\xbe(?:[a-z\xdf-\xff]|" + _END + b")", rb"[A-Z]\xbe[a-z]",  # 'Ša¾a', 'Dodávate¾'
    rb"[A-Z]\xbc(?:[A-Z\xc0-\xde]|" + _END + b")", _START + rb"\xbc[A-Za-z]{2}",  # Ľ
    rb"[A-Za-z]\xba[a-z\xdf-\xff]{2}", rb"[A-Z]\xaa[A-Z\xc0-\xde]{2}",  # 'Maºini', 'MAªINI'
    _START + rb"\xaa[A-Za-z]{3}"]))  # 'ªantierul' (not 'Srªs', 'Nº 5')
# Czech and Croatian letters at cp1252's è ì ø ù æ ð, where no Western word writes these:
# č before a vowel ('Èeská', 'Konèar': French è never is), ě inside a word ('Dìèín':
# Italian writes ì last), ř before í á ě or before e after p t z ('Jiøí', 'Dvoøák',
# 'Støelivo'), ů inside a word ('Rùžièka': French and Italian write ù last, 'où', 'Perù'),
# the -ić of South Slavic names ('Horvatiæ': Danish æ never ends a word after i), and Đ đ
# starting a word ('Ðuro': Icelandic ð never does) — each beside a plain letter, as
# Cyrillic bytes have none
_CZECH_OR_CROATIAN = re.compile(b"|".join([
    rb"[\xe8\xc8][aeiou]", rb"\xc8[AEIOU]",  # č Č before a vowel
    rb"[A-Za-z]\xec[A-Za-z\x80-\xff]", rb"[A-Z]\xcc[A-Z\xc0-\xde]",  # ě Ě inside a word
    rb"[A-Za-z]\xf8[\xed\xe1\xec]", rb"[A-Z]\xd8[\xcd\xc1\xcc]",  # ří řá řě ŘÍ ŘÁ
    rb"[PpTtZz]\xf8e", rb"[PTZ]\xd8E",  # pře tře zře (Danish: 'Høeg', 'døer', 'køer')
    rb"[A-Za-z]\xf9[A-Za-z\x80-\xff]",  # ů inside a word (Italian writes ù last: 'Perù')
    rb"[a-z]i\xe6(?![A-Za-z\x80-\xff])", rb"[A-Z]I\xc6(?![A-Za-z\x80-\xff])",  # -ić -IĆ
    _START + rb"[\xd0\xf0][a-z]{2}"]))  # Đuro, đak
# Hungarian ő ű (cp1252's õ û) in a word of Latin letters that also writes one of the
# letter pairs only Hungarian among these languages does ('Gyõr', 'Mûszaki', 'Kõbánya'), or
# both ('Hûtõ'): Portuguese writes õ before e or s, Estonian õ and French û without them
_HUNGARIAN_WORD = re.compile(rb"[A-Za-z\x80-\xff]*[\xf5\xfb\xd5\xdb][A-Za-z\x80-\xff]*")
_HUNGARIAN_PAIRS = re.compile(rb"(?i)sz|gy|cs|zs|ny|ly|ty")


def _hungarian(head: bytes) -> bool:
    return any(re.search(rb"[A-Za-z]", w) and (
        _HUNGARIAN_PAIRS.search(w) or (re.search(rb"[\xf5\xd5]", w)
                                       and re.search(rb"[\xfb\xdb]", w)))
        for w in _HUNGARIAN_WORD.findall(head))


_ROMANIAN_A = re.compile(rb"[A-Za-z][\xe3\xc3]|[\xe3\xc3][A-Za-z]")  # ă Ă beside a letter
# Turkish İ Ş Ğ ı ş ğ (cp1254's DD DE D0 FD FE F0) beside a plain letter ('T\xddCARET'):
# cp1252's Ý Þ Ð ý þ ð, which only Icelandic and Faroese write, beside á é í ó ú æ (bytes
# Turkish has no letter at), and Czech's ý; a Cyrillic word (cp1251's Р Э Ю р э ю) has no
# plain letter. In two words at least: one Czech or Icelandic name among Western ones
# ('Novotný', 'Aðalsteinn'), however often repeated, has one (review24)
_TURKISH = re.compile(rb"[A-Za-z\x80-\xff]*(?:[A-Za-z][\xd0\xdd\xde\xf0\xfd\xfe]|"
                      rb"[\xd0\xdd\xde\xf0\xfd\xfe][A-Za-z])[A-Za-z\x80-\xff]*")
TURKISH_AT_LEAST = 2
_TURKISH_NOT_G = re.compile(rb"[\xdd\xde\xfd\xfe]")
_ICELANDIC = re.compile(rb"[\xc1\xc6\xc9\xcd\xd3\xda\xe1\xe6\xe9\xed\xf3\xfa]")


_IN_WORD = re.compile(rb"(?<=[A-Za-z])[\x80-\xff]+(?=[A-Za-z])")


def in_latin_words(head: bytes) -> bool:
    """Whether most of the sample's runs of bytes beyond ASCII stand inside words of Latin
    letters ('Sp\xf3\xb3dzielnia', read as one Chinese character by charset-normalizer),
    as a Latin script's letters do, and Chinese characters beside Latin ones seldom do."""
    runs = len(_HIGH_RUN.findall(head))
    return runs > 0 and 2 * len(_IN_WORD.findall(head)) >= runs


def western(head: bytes) -> bool:
    """Whether a sample charset-normalizer recognised as nothing is plain Western text: in
    cp1252 nine in ten of its characters beyond ASCII are letters, and no word is made of
    accented letters only, as Russian read in cp1252 is (review24: Western rows with one
    'McDonald¿s', '¿' put for an apostrophe, were refused as unrecognisable)."""
    text = head.decode("cp1252", "replace")
    high = [c for c in text if c > "\x7f"]
    return bool(high) and sum(c.isalpha() for c in high) >= 0.9 * len(high) \
        and not _cyrillic_read_as_latin(head)


def central_european(head: bytes) -> str | None:
    """cp1250 (Polish, Czech, Slovak, Hungarian, Croatian, Romanian) or cp1254 (Turkish) for
    a sample charset-normalizer cannot tell from cp1252, or cannot read at all, by the
    letters only they hold at bytes where cp1252 has symbols or letters Western words do
    not write there; None when it shows neither."""
    if _POLISH.search(head) or _SLOVAK_OR_ROMANIAN.search(head) or \
            _CZECH_OR_CROATIAN.search(head) or _hungarian(head):
        return "cp1250"
    if len(set(_TURKISH.findall(head))) >= TURKISH_AT_LEAST and not _ICELANDIC.search(head) \
            and _TURKISH_NOT_G.search(head):  # ('Guðmundur Aðalsteinn' alone is no Turkish:
        # Turkish writes ı ş İ Ş beside its ğ)
        # Romanian's ţ Ţ are Turkish ş Ş's bytes; its ă (cp1254's ã) no Turkish word has
        return "cp1250" if _ROMANIAN_A.search(head) else "cp1254"
    return None


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
    runs = _NON_ASCII.findall(text)
    return bool(runs) and all(
        "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for r in runs for c in r)
