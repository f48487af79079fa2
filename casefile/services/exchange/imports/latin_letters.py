"""Whether a sample of a file is in Windows-1250 (Central European) rather than 1252
(Western), by what its words read as in each.

Each of these code pages puts other letters at the same bytes (E8 is French è, Czech č;
F5 Portuguese õ, Hungarian ő), and charset-normalizer does not tell them apart in a file of
names: a Hungarian file read as 'Magyar Villamos Mûvek', a Czech one as 'Tøinecké
železárny', without a word. Two things tell them apart here, word by word:

* the letters of each language (its alphabet's letters beyond ASCII: :data:`LETTERS`) — a
  word read in a code page must be writable in one language of it ('Erõmû' is no Western
  word: õ is Portuguese, û French; 'Erőmű' is Hungarian);
* how those letters stand in each language's words: the pairs of letters around them
  (``' č'`` starts Czech words; ``'rø'`` is Danish), counted in the names of countries,
  regions, languages and currencies pycountry ships translated into each (the counts ship
  in resources/encodings/latin_pairs.json; :func:`write_table` counts them again).

Western (the common case, and the guess so far) holds unless Central European reads better
for most words and by :data:`MARGIN` in all: a single ambiguous name ('Lunedì', 'Dansk
Våbenfabrik') stays as charset-normalizer read it."""

from __future__ import annotations

import gettext
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from casefile.paths import resource_path

# the letters beyond ASCII each language writes, lower case (its alphabet; loanwords'
# accents where common in company names)
LETTERS = {
    "cp1252": {"fr": "àâæçéèêëîïôœùûüÿ", "it": "àèéìíîòóùú", "es": "áéíñóúü",
               "pt": "áâãàçéêíóôõú", "ca": "àçéèíïòóúü·", "da": "åæøéó", "nb": "åæøéóô",
               "sv": "åäöé", "fi": "åäöšž", "is": "áðéíóúýþæö", "nl": "áéíóúëïèêöü",
               "de": "äöüß"},
    "cp1250": {"cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž", "pl": "ąćęłńóśźż",
               "hu": "áéíóöőúüű", "hr": "čćđšž", "sl": "čćšž", "bs": "čćđšž",
               "ro": "ăâîşţșț"},
}
MARGIN = 4.0  # natural-log units a reading must beat the Western one by
_EVEN = 1.0  # a word read about as well both ways ('Művek', 'Mûvek': neither is counted)
_LEADING, _TRAILING = "£¥¿¡", "²³ºª"  # symbols written at a word's edge ('£5', 'm³')
_EDGE_SYMBOL = -8.0  # a symbol at a word's edge, about as likely as a letter well placed
_UNWRITABLE = -12.0  # a letter no language of the code page writes (about 1 in 160,000)
_SEEN = 1  # a letter a language's names never write (French œ, û) tells nothing of how it stands
_SMOOTH, _KINDS = 0.1, 1000  # additive smoothing of the letter-pair counts
_DOMAINS = ("iso3166-1", "iso3166-2", "iso639-3", "iso4217")
_WORD = re.compile(rb"[A-Za-z\x80-\xff]*[\x80-\xff][A-Za-z\x80-\xff]*")
_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")
_WORDS_READ = 4000  # distinct words of a sample weighed, at most


def latin_code_page(sample: bytes) -> str | None:
    """cp1250 when the sample's words read better so than in cp1252: the most of its
    distinct words that the two read apart, and by :data:`MARGIN` in all; None when
    Western reads as well (or no word tells). (Turkish is told by its letters:
    :func:`.code_pages.central_european`.)"""
    ahead = behind = 0
    total = 0.0
    for word in sorted(set(_WORD.findall(sample)))[:_WORDS_READ]:  # each once: a name
        # repeated on every row is no more evidence than once
        west, central = (_lower(word.decode(cp, "replace")) for cp in ("cp1252", "cp1250"))
        if west == central:
            continue  # the same letters in both ('Müller', 'Société')
        at = [i for i in range(len(word)) if west[i] != central[i]]
        east, western = _word_score("cp1250", central, at), _word_score("cp1252", west, at)
        if east is None or western is None:
            continue  # one reading cannot be weighed: the word tells nothing
        diff = east - western
        total += diff
        ahead += diff > _EVEN
        behind += diff < -_EVEN
    return "cp1250" if ahead > behind and total >= MARGIN else None


def _lower(text: str) -> str:
    """``text`` in lower case, letter for letter (Turkish İ is i, not i and a dot)."""
    return "".join(c.lower()[:1] for c in text)


def _word_score(cp: str, text: str, at: list[int]) -> float | None:
    """How well ``text`` (a word as code page ``cp`` reads it) reads at the positions
    ``at`` where the code pages differ: in the language of ``cp`` that writes it best
    (None: its languages' names hardly write its letters there — 'œ', Hungarian 'ű')."""
    symbols = [i for i in at if not text[i].isalpha()]
    if any(not (i == 0 and text[i] in _LEADING or i == len(text) - 1 and text[i] in _TRAILING)
           for i in symbols):  # a symbol inside a word ('Bucureºti', 'Dodávate¾'): none
        return _UNWRITABLE * 2 * len(at)  # writes one there
    if symbols:  # a unit or a currency at its edge ('m³', '£5')
        return _EDGE_SYMBOL * len(at)
    beyond = {c for c in text if c > "\x7f"}
    best: float | None = None
    for lang, letters in LETTERS[cp].items():
        if not beyond <= set(letters):
            continue  # not a word of this language
        pairs, first = _pairs(lang)
        if any(first.get(text[i], 0) < _SEEN for i in at):
            continue  # a letter its names hardly write: no evidence of how it stands
        s = 0.0
        padded = f" {text} "
        for i in at:
            a, x, b = padded[i], padded[i + 1], padded[i + 2]
            s += math.log((pairs.get(a + x, 0) + _SMOOTH) / (first.get(a, 0) + _SMOOTH * _KINDS))
            s += math.log((pairs.get(x + b, 0) + _SMOOTH) / (first.get(x, 0) + _SMOOTH * _KINDS))
        best = s if best is None else max(best, s)
    if best is None and any(beyond <= set(letters) for letters in LETTERS[cp].values()):
        return None  # a word of a language, but none tells how its letters stand
    return best if best is not None else _UNWRITABLE * 2 * len(at)


@cache
def _table() -> dict[str, tuple[dict[str, int], dict[str, int]]]:
    """The counts of :func:`count_pairs` for every language of :data:`LETTERS`, as shipped
    in resources/encodings/latin_pairs.json (a frozen build leaves out pycountry's
    catalogues other than the countries': 4.7 MB)."""
    data = json.loads(resource_path(*_TABLE).read_text("utf-8"))
    return {lang: (v["pairs"], v["letters"]) for lang, v in data.items()}


def _pairs(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    return _table()[lang]


def count_pairs(lang: str) -> tuple[Counter[str], Counter[str]]:
    """The pairs of letters with a letter beyond ASCII in them (a space for a word's edge)
    in the names pycountry translates into ``lang``, and how often each letter is written
    (so starts a pair)."""
    words = [w for text in _translations(lang)  # (Romanian's ș ț as Windows-1250 has them)
             for w in _LETTERS_RUN.findall(text.lower().translate(_CEDILLA))]
    padded = " " + " ".join(words) + " "  # one space between words: an end and a start
    return Counter(_BEYOND_PAIR.findall(padded)), Counter(padded)


def write_table(path: Path) -> None:
    """Count the pairs of every language again, from the pycountry installed, into
    ``path`` (``python -m casefile.services.exchange.imports.latin_letters``)."""
    table = {}
    for lang in sorted({lang for langs in LETTERS.values() for lang in langs}):
        pairs, letters = count_pairs(lang)
        table[lang] = {"pairs": dict(sorted(pairs.items())),
                       "letters": dict(sorted(letters.items()))}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                    "utf-8")


_TABLE = ("encodings", "latin_pairs.json")
# pycountry's folders of a language, where not (only) its code
_FOLDERS = {"nb": ("nb_NO",), "pt": ("pt", "pt_BR")}
_LETTERS_RUN = re.compile(r"[^\W\d_]+")
_BEYOND_PAIR = re.compile(r"(?=(.[^\x00-\x7f]|[^\x00-\x7f].))")  # overlapping pairs


def _translations(lang: str) -> Iterable[str]:
    import pycountry

    for folder in _FOLDERS.get(lang, (lang,)):
        yield from _catalog(Path(pycountry.LOCALES_DIR) / folder / "LC_MESSAGES")


def _catalog(folder: Path) -> Iterable[str]:
    for domain in _DOMAINS:
        path = folder / f"{domain}.mo"
        if not path.exists():
            continue
        with path.open("rb") as f:
            catalog = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
        yield from (v for k, v in catalog.items() if k and isinstance(v, str))


if __name__ == "__main__":
    write_table(resource_path(*_TABLE))
