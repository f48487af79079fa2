"""Chinese and Japanese names, for matching only: a derived Latin form (Hanyu pinyin for Han
characters, Hepburn-like romanisation for kana) and the character bigrams an index keeps.

The Latin form comes from ``rigour.text.translit.ascii_text``, which hands what rigour's own
transliterator does not cover to ``normality`` and so to ICU's ``Any-Latin`` transform: one
toneless syllable per character (深圳 -> "shen zhen"). It is lossy (a character with two
readings gets its commonest one) and is never stored as an alias of a party."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rigour.text.translit import ascii_text

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff]")
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff]+")
# legal forms of Chinese and Japanese company names, left out of the bigrams a name is found
# by and of the forms compared (every company has them), longest first; and their pinyin
_GENERIC = ("有限责任公司", "股份有限公司", "有限公司", "总公司", "集团", "公司", "株式会社")
_PINYIN_FORMS = re.compile(r"\b(?:youxian|zeren|gufen|gongsi|zonggongsi|jituan)\b",
                           re.IGNORECASE)


_KANA = re.compile(r"[\u3040-\u30ff]")


def has_kana(text: str) -> bool:
    """Whether ``text`` holds kana (a Japanese name)."""
    return _KANA.search(text) is not None


def has_han(text: str) -> bool:
    """Whether ``text`` holds Han characters or kana."""
    return _HAN.search(text) is not None


@lru_cache(maxsize=65536)
def latin_form(text: str) -> str:
    """'深圳市大疆创新科技有限公司' -> 'shen zhen shi da jiang chuang xin ke ji you xian gong si'
    (lower case, one syllable a word); other scripts are transliterated too."""
    return " ".join(ascii_text(text).lower().split())


def without_legal_forms(text: str) -> str:
    """Han text without its legal forms ('华为技术有限公司' -> '华为技术'); the text itself
    when nothing else would be left."""
    out = text
    for word in _GENERIC:
        out = out.replace(word, " ")
    return out if out.strip() else text


def without_pinyin_forms(text: str) -> str:
    """Latin text without the pinyin of Chinese legal forms ('Huawei Jishu Youxian Gongsi'
    -> 'Huawei Jishu'): compared with a Han name whose legal forms were taken out."""
    out = " ".join(_PINYIN_FORMS.sub(" ", text).split())
    return out or text


def bigrams(text: str) -> list[str]:
    """The character bigrams of the Han runs of ``text``, without generic legal forms; a run
    of one character is itself."""
    for word in _GENERIC:
        text = text.replace(word, " ")
    out: list[str] = []
    for run in _RUN.findall(text):
        if len(run) == 1:
            out.append(run)
        out += [run[i:i + 2] for i in range(len(run) - 1)]
    return list(dict.fromkeys(out))


def bigram_words(text: str) -> list[str]:
    """The pinyin of each bigram, joined ('深圳' -> 'shenzhen'): how a Latin spelling that
    writes two-character words as one word ('Shenzhen Dajiang') finds the Han name."""
    return list(dict.fromkeys(joined_pinyin(b) for b in bigrams(text)))


def joined_pinyin(text: str) -> str:
    """The pinyin of Han characters as one word ('深圳' -> 'shenzhen', '鹏宇' -> 'pengyu')."""
    return "".join(latin_form(text).split())


# two-character family names (复姓), simplified and traditional: the rest of the name is the
# given name
_COMPOUND = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 钟离 "
    "澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 仲孙 万俟 闻人 赫连 呼延 独孤 南宫 西门 百里 "
    "东郭 歐陽 司馬 諸葛 東方 尉遲 公孫 長孫 軒轅 鍾離 濮陽 單于 萬俟 聞人 赫連 獨孤 南宮 "
    "西門 東郭".split())
_CHINESE_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,4}")


def person_form(text: str) -> str | None:
    """A Chinese person's name as pinyin writes it — the family name, then the given name's
    syllables joined ('刘鹏宇' -> 'liu pengyu', '欧阳修' -> 'ouyang xiu'); None when ``text``
    is not a Chinese personal name of two to four characters (kana, other letters, a name
    of four without a two-character family name, which is more likely Japanese). One
    syllable a word, a given name's syllable was matched to another family name (look30:
    'Liu Pengyu' scored 0.77 against 周鹏宇, 'liu ≈ yu')."""
    name = _bare(text)
    if not _CHINESE_NAME.fullmatch(name):
        return None
    family = 2 if name[:2] in _COMPOUND and len(name) > 2 else 1
    if len(name) == 4 and family == 1:
        return None
    return f"{joined_pinyin(name[:family])} {joined_pinyin(name[family:])}"


def _bare(text: str) -> str:
    """A Han name without its spaces and middle dots ('王 晓明', '王·晓明' -> '王晓明')."""
    return "".join(text.split()).replace("·", "").replace("・", "")


@lru_cache(maxsize=1)
def _to_simplified() -> Callable[[str], str]:
    """ICU's Traditional-Simplified transform (PyICU, which rigour's transliteration runs
    on); the text as it is where this ICU lacks it."""
    try:
        import icu  # type: ignore[import-untyped]

        found = icu.Transliterator.createInstance("Traditional-Simplified")
    except Exception:  # noqa: BLE001 - an ICU without the transform: characters as written
        return lambda text: text
    return lambda text: str(found.transliterate(text))


@lru_cache(maxsize=65536)
def han_key(text: str) -> str:
    """A Han name as its characters tell it apart: simplified, without spaces and middle
    dots ('王曉明' and '王 晓明' -> '王晓明')."""
    return _to_simplified()(_bare(text))
