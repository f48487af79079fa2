"""The spellings of two names the name matcher compares (:mod:`.names`): as written; a
person's with ё as е; without a Russian research-and-production form both hold (НПО, НПП,
НПК, written out, translated or abbreviated); through the derived Latin form where a side is
Han (and, for an organisation, as an English list translates it: :mod:`.han_words`)."""

from __future__ import annotations

import re

from casefile.core.names import without_articles
from casefile.core.screening import arabic_words, han
from casefile.core.screening.han_words import english_form

# two Han organisation names compared as written, or one pinyin syllable a word, count
# from this likeness: an abbreviation (中航 for 中国航空) scores so; two companies of one
# city, or CASIC and CASC, under it
WRITTEN_LEAST = 0.9
NEAR_WHOLE = ("written", "pinyin, near-whole")


def spellings(q: str, r: str, person: bool = False) -> list[tuple[str, str, str]]:
    """The pairs of spellings to compare, each with how it was derived ('' as written,
    'pinyin' or 'english'): as written, and through the derived Latin form where one side
    (or both) is Han and the other is not (or is), an organisation's also as an English list
    writes it; a ``person``'s with ё as е too."""
    qh, rh = han.has_han(q), han.has_han(r)
    if qh and rh and not person and q != r and not (han.has_kana(q) or han.has_kana(r)):
        # two Chinese organisations as English lists write them: compared as they are (one
        # word each) a character told apart little (review35: 深圳市佳源科技有限公司 and
        # 深圳市大疆科技有限公司 0.67; 中国航天科工 / 中国航天科技 0.84), and one pinyin
        # syllable a word, 科技 'ke ji' was no trade word; as they are, only a near-whole
        # likeness counts ('as written', :data:`WRITTEN_LEAST`: 中航工业集团 / 中国航空工业
        # 集团有限公司, review36); Japanese names as before
        return [(q, r, "written"), (_latin(q, False), _latin(r, False), "pinyin, near-whole"),
                *((english_form(q, legal), english_form(r, legal), "english")
                  for legal in (True, False))]
    out = [(q, r, "")]
    # an Arabic family name with its article ('المنصوري') against 'AL MANSOORI', whose 'Al'
    # rigour sets apart: compared without it (look31: 0.57, 'المنصوري not in the list's
    # name'; 0.9 so)
    if person and (bare := (without_articles(q), without_articles(r))) != (q, r):
        out.append((*bare, ""))
    if person and ("ё" in q or "Ё" in q or "ё" in r or "Ё" in r):  # Russian writes е for
        # ё as often as not, and a passport spells it E (look23: ЁЖИК read as 'yozhik'
        # missed the list's EZHIK)
        out.append((_without_yo(q), _without_yo(r), ""))
    if not person and (short := _research_forms(q, r)):  # НПО and its spellings
        out.append((*short, ""))
    if qh and not rh:
        out.append((_latin(q, person), han.without_pinyin_forms(r), "pinyin"))
        if not person:  # and as an English list translates it, with its legal form or not
            out += [(english_form(q, legal), r, "english") for legal in (True, False)]
    elif rh and not qh:
        out.append((han.without_pinyin_forms(q), _latin(r, person), "pinyin"))
        if not person:
            out += [(q, english_form(r, legal), "english") for legal in (True, False)]
    elif qh and rh:
        out.append((_latin(q, person), _latin(r, person), "pinyin"))
    out += _arabic(q, r, person)
    return out


def _arabic(q: str, r: str, person: bool) -> list[tuple[str, str, str]]:
    """An Arabic-script name against a Latin one, read in Latin letters as the other
    writes it (:mod:`.arabic_words`; an organisation's with its legal form and without)."""
    qa, ra = arabic_words.has_arabic(q), arabic_words.has_arabic(r)
    if qa == ra or not (q if ra else r).isascii():
        return []
    legals = (True,) if person else (True, False)
    if qa:  # (the Latin name's article apart, as the Arabic's is: review38, 'al not in the
        r = _without_al(r)  # list's name', though the list's الخليج holds it)
        return [(arabic_words.latin_form(q, r, legal, person), r, "arabic")
                for legal in legals]
    q = _without_al(q)
    return [(q, arabic_words.latin_form(r, q, legal, person), "arabic") for legal in legals]


def _without_al(latin: str) -> str:
    """A Latin name without the articles that stand apart ('Al Khaleej' -> 'Khaleej');
    'Al-Nusrah', an article joined, is read with its word."""
    return re.sub(r"(?i)(?<!\w)(?:al|el)\s+(?=\w)", "", latin).strip() or latin


def _latin(text: str, person: bool) -> str:
    """A Han name's derived Latin form: a Chinese person's as pinyin writes a name (family
    name, given name joined: :func:`han.person_form`), else one syllable a word."""
    if person and (form := han.person_form(text)) is not None:
        return form
    return han.latin_form(han.without_legal_forms(text))


def _without_yo(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


# Russian research-and-production forms, written out, translated or abbreviated: a form both
# names hold is set aside, as a legal form is (look23: 'AO NPO ELEKTRONSNABZHENIE' scored 0.43
# against АО "НАУЧНО-ПРОИЗВОДСТВЕННОЕ ОБЪЕДИНЕНИЕ "ЭЛЕКТРОНСНАБЖЕНИЕ"", and rigour reads a
# Latin 'NPO' as a non-profit, 'ngo'); it names no one, so it adds nothing to a score
_RESEARCH = [(short, re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE))
             for short, forms in (
                 ("НПО", (r"научно[\s-]+производственное\s+объединение",
                          r"(?:scientific|research)(?:\s+and)?\s+production\s+association",
                          r"nauchno[\s-]+proizvodstvennoe\s+ob[\"'ʺ]?y?edineni[ey]e?",
                          "npo", "нпо")),
                 ("НПП", (r"научно[\s-]+производственное\s+предприятие",
                          r"(?:scientific|research)(?:\s+and)?\s+production\s+enterprise",
                          r"nauchno[\s-]+proizvodstvennoe\s+predpriyatie", "npp", "нпп")),
                 ("НПК", (r"научно[\s-]+производственная\s+(?:корпорация|компания)",
                          r"(?:scientific|research)(?:\s+and)?\s+production\s+"
                          r"(?:corporation|company)",
                          r"nauchno[\s-]+proizvodstvennaya\s+(?:korporatsiya|kompaniya)",
                          "npk", "нпк")))]


def _research_forms(q: str, r: str) -> tuple[str, str] | None:
    """``q`` and ``r`` without a research-and-production form both hold; None when they
    hold none in common (or nothing else)."""
    found = False
    for _short, pattern in _RESEARCH:
        if pattern.search(q) and pattern.search(r):
            q, r, found = pattern.sub(" ", q), pattern.sub(" ", r), True
    q, r = " ".join(q.split()), " ".join(r.split())
    return (q, r) if found and q.strip(' "«»') and r.strip(' "«»') else None
