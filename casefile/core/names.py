"""Name normalisation for matching parties across spellings, scripts and legal forms."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rigour.names import extract_org_types, replace_org_types_display

# Legal-form words dropped before comparing company names ("Co., Ltd", "ООО", "有限公司").
_LEGAL_FORMS = {
    "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc",
    "plc", "gmbh", "srl", "bv", "jsc", "pjsc", "ojsc", "cjsc", "ооо", "оао", "зао", "пао",
}
# Legal forms that are also parts of people's names ("Park Sa Rang", "Iyad Ag Ghaly", "Co Thi
# Mai"): dropped only where a legal form stands — "The", "АО", "ИП" first; "Co", "AG", "SA",
# "Group" last ("Boeing Company, The" and "Ромашка АО" too).
_FORMS_FIRST = {"the", "ао", "ип"}
_FORMS_LAST = {"co", "ag", "sa", "group", "the", "ао", "ип"}
_CJK_LEGAL = ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司")
# "&" between Latin letters or digits is the word "and": "Smith & Sons" is "Smith and Sons".
_LATIN = r"[0-9a-z\u00c0-\u024f]"
_AMPERSAND = re.compile(rf"(?<={_LATIN})\s*&\s*(?={_LATIN})")
_CJK = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])")


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Lower-case, accent-free, punctuation-free form without legal-form words.

    'Da-Jiang Innovations Science & Technology Co., Ltd.' -> 'da jiang innovations science
    and technology'; '中国北方工业集团有限公司' -> '中国北方工业'. In Latin text "&" reads as
    "and", so "Smith & Sons" and "Smith and Sons" are one party.
    """
    s = unicodedata.normalize("NFKC", name).casefold()
    for form in _CJK_LEGAL:
        s = s.replace(form, " ")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = _AMPERSAND.sub(" and ", s)
    s = re.sub(r"[^\w]+", " ", s)
    # legal forms spelled out, in any language rigour knows ('общество с ограниченной
    # ответственностью' is 'ооо': review, two parties of one INN were kept apart by it);
    # only forms of several words: rigour's one-word forms include 'se', 'as', 'ek', 'pt'
    # (review19: 'Kim Se Jin' would be 'Kim Jin'), and a name made only of a form keeps it
    spelled = [form for form, _short in extract_org_types(s) if " " in form.strip()]
    if spelled:
        rest = s
        for form in spelled:
            rest = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", " ", rest)
        if rest.split():
            s = rest
    words = [w for w in s.split() if w not in _LEGAL_FORMS]
    start, end = 0, len(words)
    while start < end and words[start] in _FORMS_FIRST:
        start += 1
    while end > start and words[end - 1] in _FORMS_LAST:
        end -= 1
    return " ".join(words[start:end])


# Letters written with a mark SQLite's unicode61 tokenizer does not fold away: Greek with an
# accent or diaeresis (tonos, dialytika; polytonic forms — look21: 'ΓΕΩΡΓΙΟΣ' did not find
# 'ΓΕΏΡΓΙΟΣ'), and Russian ё (look22: 'ежик' did not find ЁЖИК; Russian writes е for ё as
# often as not). Written decomposed — the letter, then its combining mark, which the
# tokenizer drops — a word is found with or without them. (Not й: it is another letter.)
_MARKED = re.compile(r"[\u0386\u0388-\u038a\u038c\u038e-\u0390\u03aa-\u03b0"
                     r"\u03ca-\u03ce\u1f00-\u1fff\u0401\u0451]")


def decomposed_marks(text: str) -> str:
    """``text`` with each letter of :data:`_MARKED` written as the letter and its mark."""
    if text.isascii() or _MARKED.search(text) is None:  # (nearly every text: 10^5 an
        return text  # import's index documents, passed by in C)
    return _MARKED.sub(lambda m: unicodedata.normalize("NFD", m.group(0)), text)


def without_marks(text: str) -> str:
    """``text`` with the marks of its :data:`_MARKED` letters left out (as a search query:
    the marks are no word characters)."""
    if text.isascii():
        return text
    return _MARKED.sub(lambda m: "".join(
        c for c in unicodedata.normalize("NFD", m.group(0)) if not unicodedata.combining(c)),
        text)


def folded(text: str) -> str:
    """``text`` as compared whatever its case, in any script: case-folded, without the
    marks of Greek letters, ё as е (Russian text writes е for ё as often as not; Greek
    capitals go without accents: review23), as a search reads it (:func:`searchable`)."""
    return without_marks(searchable(text).casefold())


# what a search reads as the letters they stand for: compatibility forms (Arabic
# presentation forms, as text copied from a PDF holds them; the full-width Latin letters and
# digits and the ideographic space of Chinese and Japanese documents, which is also the
# index's own separator) and Arabic vowel marks and tatweel, which the
# tokenizer took as word breaks (مُحَمَّد as م ح م د) or as letters (محـــمد): none found محمد
_COMPATIBLE = re.compile(r"[\u3000\ufb50-\ufdff\ufe70-\ufefe\uff01-\uffef]+")
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SEARCH_ODD = re.compile(f"{_COMPATIBLE.pattern}|{_ARABIC_MARKS.pattern}")


def searchable(text: str) -> str:
    """``text`` as the search index holds it and a query is read: compatibility forms as
    their letters ('ﺷﺮﻛﺔ' -> 'شركة', 'ＬＴＤ' -> 'LTD'), without Arabic vowel marks and
    tatweel ('مُحَمَّد', 'محـــمد' -> 'محمد')."""
    if text.isascii() or _SEARCH_ODD.search(text) is None:  # (one scan of an import's
        return text  # documents, nearly none of which hold such letters)
    text = _COMPATIBLE.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return _ARABIC_MARKS.sub("", text)


def spaced_cjk(text: str, sep: str = " ") -> str:
    """Put spaces around every CJK character so a word tokenizer indexes each one.

    Used both when indexing and when querying: a two-character word becomes a two-token phrase,
    so '北方' finds '中国北方工业集团有限公司'.
    """
    if text.isascii():  # nothing to space (the common case, checked in C)
        return text
    return _CJK.sub(lambda m: f"{sep}{m.group(1)}{sep}", text)


# an Arabic word, its letters and their vowel marks; and the article that begins one, with
# the one-letter words it may follow (ب by, ك as; ل to, whose alif is dropped: للخليج; and
# و and, ف so, before them: وبالخليج, وللشركة), before a stem of two letters or more (والد
# 'father' is not و + ال + د); schema 0011 parted it after one such word only
_ARABIC_WORD = re.compile(r"[\u0621-\u065f\u066e-\u06d3\u06fa-\u06ff]+")
_ARTICLES = r"(?:[\u0648\u0641]?(?:[\u0628\u0643]?\u0627\u0644|\u0644\u0644))"
_ARTICLES_0011 = r"(?:[\u0648\u0641\u0628\u0643]?\u0627\u0644|\u0644\u0644)"
_LETTER = r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]"
_ARTICLE = re.compile(rf"{_ARTICLES}(?={_LETTER}{{2}})")
_ARTICLE_0011 = re.compile(rf"{_ARTICLES_0011}(?={_LETTER}{{2}})")
_ARTICLE_START = re.compile(rf"{_ARTICLES}(?={_LETTER})")


def parted_articles(text: str, sep: str = " ", single: bool = False) -> str:
    """``text`` with the article of each Arabic word parted from it by ``sep`` ('الخليج' ->
    'ال' sep 'خليج', 'وبالخليج' -> 'وبال' sep 'خليج'), so that a search for the word finds it
    with its article (look29: خليج did not find الخليج). Used both when indexing and when
    querying, as :func:`spaced_cjk` is. ``single``: after one one-letter word at most, as
    schema 0011 stored it."""
    if text.isascii() or _ARABIC_WORD.search(text) is None:
        return text
    articles = _ARTICLE_0011 if single else _ARTICLE

    def part(m: re.Match[str]) -> str:
        word = m.group(0)
        article = articles.match(word)
        return word if article is None else f"{article.group(0)}{sep}{word[article.end():]}"

    return _ARABIC_WORD.sub(part, text)


def without_articles(text: str) -> str:
    """``text`` with the article of each Arabic word left out ('محمد المنصوري' -> 'محمد
    منصوري'), as a Latin spelling's 'Al' is set apart: for comparing names."""
    if text.isascii() or _ARABIC_WORD.search(text) is None:
        return text
    return _ARABIC_WORD.sub(lambda m: _ARTICLE.sub("", m.group(0), count=1), text)


def article_of(word: str) -> tuple[str, str] | None:
    """(article, the rest) of an Arabic word typed that begins with one — a rest of one
    letter too ('الخ': ('ال', 'خ'), the start of a word being typed); None otherwise."""
    found = _ARTICLE_START.match(word)
    if found is None or _ARABIC_WORD.fullmatch(word) is None:
        return None
    return found.group(0), word[found.end():]


def joined_articles(text: str, sep: str = " ") -> str:
    """:func:`parted_articles` undone: each Arabic article joined to its word again."""
    if sep not in text:
        return text
    return re.sub(rf"(?<![\u0621-\u065f\u066e-\u06d3\u06fa-\u06ff])({_ARTICLES})"
                  rf"{re.escape(sep)}(?={_LETTER})", r"\1", text)


# Latin abbreviations of a legal form written out that rigour gives rightly (its others
# include 'FGBU' for 'Federal State Unitary Enterprise', a ФГУП: review24)
_LATIN_SHORT = frozenset({"LLC", "JSC", "PJSC", "OJSC", "CJSC", "GmbH", "AG", "PLC", "LLP",
                          "SA", "SRL", "BV", "NV", "KG", "SE", "Co", "Ltd"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` holds Cyrillic letters."""
    return _CYRILLIC.search(text) is not None


def short_legal_form(name: str) -> str:
    """``name`` with a legal form written out in words at its start or end given as its
    abbreviation, as a figure's label shows it ('ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ
    "ТЕХНОПРОМСНАБ"' -> 'ООО "ТЕХНОПРОМСНАБ"', 'Public Joint Stock Company Aeroflot' ->
    'PJSC Aeroflot'), by rigour's forms; a name without one is returned as it is. Only a
    form of several words is shortened, into capitals, and in Latin script only to the
    abbreviations rigour gives rightly: a one-word form ('Limited'), one inside the name
    ('The Limited Company Store') and one rigour mistakes ('Federal State Unitary
    Enterprise' is no 'FGBU') stay as written."""
    words = name.split()
    short = replace_org_types_display(name).split()
    cut = len(words) - len(short) + 1  # the words of the form replaced
    if cut < 2 or not short:
        return name
    for form, abbreviation, kept, rest in ((words[:cut], short[0], short[1:], words[cut:]),
                                           (words[-cut:], short[-1], short[:-1],
                                            words[:-cut])):
        if kept == rest and abbreviation[:1].isupper() and (
                _CYRILLIC.search(" ".join(form)) or abbreviation in _LATIN_SHORT):
            return " ".join(short)
    return name


def kept_apart(text: str) -> str:
    """``text`` between two left-to-right marks where it holds right-to-left letters, so
    that a line that begins with it reads left to right and what follows it stays after it
    ('جميل حسن (#3)' shown as '(3#) جميل حسن': review38); else as it is."""
    if text.isascii() or not any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return text
    return f"\u200e{text}\u200e"

