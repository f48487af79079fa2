"""Which Latin script a sample of a file's bytes is written in, where charset-normalizer
cannot tell Windows-1250 (Polish, Czech, Slovak, Hungarian, Croatian, Slovenian, Romanian)
or Windows-1254 (Turkish) from Windows-1252, or takes Latin capitals for Cyrillic ones:
rules over the letters each writes at bytes Western words do not (:mod:`.code_pages` asks
them)."""

from __future__ import annotations

import re

_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_HIGH = re.compile(rb"[\x80-\xff]")

# a word of accented Latin letters only (no plain letter beside them: 'Ëè', 'Íõ7')
_LATIN1_WORD = re.compile(r"(?<![A-Za-z\u00c0-\u00ff])[\u00c0-\u00ff]{2,}"
                          r"(?![A-Za-z\u00c0-\u00ff])")
def cyrillic_read_as_latin(head: bytes) -> bool:
    """Whether a sample taken for cp1252 is in another code page: words made only of
    accented Latin letters ('Ëè Âýé') are how Russian (or Chinese: 'Íõ') reads in the wrong
    one, and no Western language writes them (its words hold plain letters too: 'Müller',
    'été'). With only a few such words in a file (look16: 'Ли Вэй' among Latin names)
    charset-normalizer cannot tell them apart."""
    return bool(_LATIN1_WORD.search(head.decode("cp1252", "replace")))


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
# Czech, Slovenian and Croatian letters at cp1252's è ì ø ù æ ð, where no Western word
# writes these (each beside a plain letter, as Cyrillic bytes have none):
# (review27) Scottish Gaelic writes every vowel with a grave accent ('Fèis Ìle', 'Dùn
# Èideann', 'Port Rìgh', 'Gàidhlig'): a file that writes à beside a letter, as it does and
# Czech and Croatian (whose cp1250 byte there is the Slovak ŕ) do not, or none of the letters
# below, is read by none of these
_GRAVE_A = re.compile(rb"[A-Za-z][\xe0\xc0]|[\xe0\xc0][A-Za-z]")
# nor one that writes ì ò ù beside a letter and none of the letters Gaelic does not write (ý,
# š ž) nor č where Gaelic writes no è: before an acute vowel, before a consonant and a vowel
# other than e (French writes 'Lefèvre', 'frère'), or ending a word after i ('Dìèín',
# 'Potoènik', 'Kovaèiè'). (Not the acute vowels: Irish and Icelandic names beside Gaelic
# ones write them.)
_GRAVE_IOU = re.compile(rb"[A-Za-z][\xec\xf2\xf9\xcc\xd2\xd9]|[\xec\xf2\xf9\xcc\xd2\xd9][A-Za-z]")
_NOT_GAELIC = re.compile(rb"[\xfd\xdd\x8a\x8e\x9a\x9e]|\xe8[\xe1\xed\xe9\xfd]|"
                         rb"\xe8[b-df-hj-np-tv-z][aiouy\xe1\xed\xfd]|i\xe8(?![A-Za-z\x80-\xff])")
def _gaelic(head: bytes) -> bool:
    return bool(_GRAVE_A.search(head) or (_GRAVE_IOU.search(head)
                                          and not _NOT_GAELIC.search(head)))


_CZECH_OR_CROATIAN = re.compile(b"|".join([
    # č Č before a vowel ('Èeská', 'Konèar': French è never is), before a consonant and a
    # long vowel ('Koneèný'), or ending a word after a or in -ič ('Kovaè', 'Božiè':
    # 'Caffè' ends after a consonant, 'Giosuè' and 'Noè' after u and o; 'piè' is left out)
    rb"[\xe8\xc8][aeiou]", rb"\xc8[AEIOU]",
    rb"\xe8[b-df-hj-np-tv-z][\xe1\xed\xfd]", rb"\xc8[B-DF-HJ-NP-TV-Z][\xc1\xcd\xdd]",
    rb"a\xe8(?![A-Za-z\x80-\xff])",
    rb"[bcdgjklmnrstvz\x9a\x9e\xe8]i\xe8(?![A-Za-z\x80-\xff])",
    # ě Ě inside a word ('Dìèín': Italian writes ì last)
    rb"[A-Za-z]\xec[A-Za-z\x80-\xff]", rb"[A-Z]\xcc[A-Z\xc0-\xde]",
    # ř before í á ě, or after á ('Jiøí', 'Dvoøák', 'Kováø'; not before e or i: Danish and
    # Norwegian write 'Høeg', 'Støen', 'Brøtøen', and no á)
    rb"[A-Za-z]\xf8[\xed\xe1\xec]", rb"[A-Z]\xd8[\xcd\xc1\xcc]", rb"[\xe1\xc1][\xf8\xd8]",
    # ů Ů inside a word ('Rùžièka': French and Italian write ù last, 'où', 'Perù', 'PIÙ')
    rb"[A-Za-z]\xf9[A-Za-z\x80-\xff]", rb"[A-Z]\xd9[A-Z\x8a\x8c-\x8f\xc0-\xde]",
    # the -ić -šić -žić -čić of South Slavic names ('Horvatiæ', 'Barišiæ': Danish æ never
    # ends a word after i)
    rb"[a-z\x9a\x9e\xe8]i\xe6(?![A-Za-z\x80-\xff])",
    rb"[A-Z\x8a\x8e\xc8]I\xc6(?![A-Za-z\x80-\xff])",
    # Đ đ starting a word ('Ðuro': Icelandic ð never does)
    _START + rb"[\xd0\xf0][a-z]{2}"]))
# Hungarian ő ű (cp1252's õ û) in a word of Latin letters that also writes one of the
# letter pairs only Hungarian among these languages does ('Gyõr', 'Mûszaki', 'Kõbánya'), or
# both ('Hûtõ'): Portuguese writes õ before e or s, Estonian õ and French û without them
_HUNGARIAN_WORD = re.compile(rb"[A-Za-z\x80-\xff]*[\xf5\xfb\xd5\xdb][A-Za-z\x80-\xff]*")
_HUNGARIAN_PAIRS = re.compile(rb"(?i)sz|gy|cs|zs|ny|ly|ty")


# and ő ű where Portuguese, Estonian and French write no õ û: 'Erdõs' (Portuguese: '-ões'),
# 'Sörfõzde', 'Sütõ' after a consonant at a word's end, 'Hegedûs'
_HUNGARIAN_BYTES = re.compile(rb"[a-z]\xf5s(?![A-Za-z\x80-\xff])|[A-Za-z]\xf5z|"
                              rb"[b-df-hj-np-tv-z]\xf5(?![A-Za-z\x80-\xff])|"
                              rb"[A-Za-z]\xfbs(?![A-Za-z\x80-\xff])")


def _hungarian(head: bytes) -> bool:
    if _HUNGARIAN_BYTES.search(head):
        return True
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
_ICELANDIC = re.compile(rb"[\xc1\xc6\xc9\xcd\xd3\xda\xe1\xe6\xe9\xed\xf3\xfa]")


_IN_WORD = re.compile(rb"(?<=[A-Za-z])[\x80-\xff]+(?=[A-Za-z])")


_WORD = re.compile(rb"[A-Za-z\x80-\xff]+")


def latin_script(head: bytes) -> bool:
    """Whether the sample's words that mix plain letters with bytes beyond ASCII are mostly
    plain letters, as a Latin script's accented words are ('TŘINECKÉ', 'ÄÄNEKOSKEN',
    'ŞİŞECAM'), and a Cyrillic word with a Latin look-alike typed into it is not
    ('Сiмферопольський': review27)."""
    plain = high = 0
    for word in _WORD.findall(head):
        n = len(_HIGH.findall(word))
        if 0 < n < len(word):
            plain, high = plain + len(word) - n, high + n
    # a third plain letters at least: 'Zażółć gęślą jaźń' has six in fifteen, 'Дмитриeвич'
    # one in ten
    return plain > 0 and 2 * plain >= high


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
        and not cyrillic_read_as_latin(head)


def central_european(head: bytes) -> str | None:
    """cp1250 (Polish, Czech, Slovak, Hungarian, Croatian, Romanian) or cp1254 (Turkish) for
    a sample charset-normalizer cannot tell from cp1252, or cannot read at all, by the
    letters only they hold at bytes where cp1252 has symbols or letters Western words do
    not write there; None when it shows neither."""
    if not latin_script(head):  # (review27) Cyrillic with a Latin look-alike typed into a
        return None  # word, 'Дмитриeвич', is none of these
    if _POLISH.search(head) or _SLOVAK_OR_ROMANIAN.search(head) or _hungarian(head) or (
            _CZECH_OR_CROATIAN.search(head) and not _gaelic(head)):
        return "cp1250"
    if len(set(_TURKISH.findall(head))) >= TURKISH_AT_LEAST and not _ICELANDIC.search(head):
        # Romanian's ţ Ţ are Turkish ş Ş's bytes; its ă (cp1254's ã) no Turkish word has
        return "cp1250" if _ROMANIAN_A.search(head) else "cp1254"
    return None


