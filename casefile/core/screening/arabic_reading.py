"""Whether a Latin word writes an Arabic one, for matching only (:mod:`.arabic_words`).

Arabic writes consonants and long vowels, not short ones; a Latin spelling writes both, in
one of many romanisations (خليج: Khaleej, Khalij; جمال: Jamal, Gamal, Djamel; ذو الفقار:
Dhu al-Fiqar, Zulfiqar). A Latin word writes an Arabic one when, slot by slot between
their consonants:

- each consonant is spelled as some romanisation spells its letter (ج j, g or dj; ث th, t
  or s; ق q, k or g …);
- where the Arabic writes a long vowel, the Latin writes a vowel that may spell it (و: o, u,
  ou, w …), and where it writes none, the Latin writes one vowel letter at most: a long
  vowel the Latin spells (Mahmoud's ou, Hussein's ei, Saeed's ee) is one the Arabic must
  write (review37: محمد read as 'Mahmoud', حسن as 'Hussein', سعد as 'Saeed' — all 1.00);
- where the Arabic writes ع or hamza, which Latin writes as a vowel or not at all, any
  vowels but a long i or u (Saad, Jaafar; not Saeed); a word that begins with alif or ع
  begins with a vowel (Ahmed, not Hamed; Ali, not Lee);
- a word ending in ة ends in a vowel (Nusrah, Nusra, Hay'at; not Nasr), one ending in a
  consonant in a consonant (Nasr, not Nusra) or a French e (Salah Eddine);
- a w or y before a vowel is a consonant (Fawaz writes فواز, not فوز).

A word of two consonants and no long vowel (عمر, سعد) is too short to be read so alone:
Omar, Amir and Umar all write it; rigour's table of given names decides a person's. A
company's is read beside a name read (أهل الحق beside عصائب: Ahl al-Haqq)."""

from __future__ import annotations

from dataclasses import dataclass

# each letter's spellings in Arabic and Persian romanisations (Egyptian g, Maghreb dj and
# French ch and ou, Persian z for ذ ض ظ and s for ث, v for و)
SPELLINGS = {
    "ب": ("b", "p"), "ت": ("t",), "ث": ("th", "t", "s"), "ج": ("j", "g", "dj", "dj"),
    "ح": ("h",), "خ": ("kh", "h", "ch", "x"), "د": ("d",), "ذ": ("dh", "d", "z", "th"),
    "ر": ("r",), "ز": ("z",), "س": ("s",), "ش": ("sh", "ch", "sch", "s"), "ص": ("s",),
    "ض": ("d", "dh", "z"), "ط": ("t",), "ظ": ("z", "dh", "d"), "غ": ("gh", "g"),
    "ف": ("f", "ph"), "ق": ("q", "k", "g", "c"), "ك": ("k", "c", "ck"), "ل": ("l",),
    "م": ("m",), "ن": ("n",), "ه": ("h",), "و": ("w", "v"), "ي": ("y", "i"),
    "پ": ("p",), "چ": ("ch", "tch", "c"), "ژ": ("zh", "j", "z"), "گ": ("g",),
}
_FREE = frozenset("عء")
_LONG = {"ا": "a", "و": "u", "ي": "i"}
# the Latin letters that may spell each long vowel
_WRITES = {"a": "aeo", "i": "iy", "u": "ouw"}  # and ee a long i: an e alone (Djamel) is
# a short vowel or a long a, never a long i (review38: Djamel read جميل, Jamil)
_VOWEL_LETTERS = frozenset("aeiouyw")
# Latin spellings of a long i or u: where ع stands, the Arabic must write one
_LONG_MARKS = ("ee", "ii", "ei", "ie", "ey", "oo", "uu", "ou", "ow")


@dataclass(frozen=True)
class Reading:
    """An Arabic stem as a Latin word is checked against: its consonants' spellings, and
    for each slot around them (one more than consonants) the long vowels written there and
    whether an ع or hamza stands there; whether it ends in ة."""

    consonants: tuple[tuple[str, ...], ...]
    vowels: tuple[str, ...]
    free: tuple[bool, ...]
    feminine: bool

    @property
    def short(self) -> bool:
        """Whether it is too short to be read alone: two consonants at most and no long
        vowel (عمر: Omar, Amir or Umar)."""
        return len(self.consonants) < 3 and not any(self.vowels)


def semivowel(stem: str, i: int) -> bool:
    """Whether the و or ي at ``i`` is a consonant (w, y): first, or beside an alif ('فواز'
    Fawaz, 'قرضاوي' Qaradawi); elsewhere a long vowel ('فوز' Foz, 'خليج' Khaleej)."""
    return i == 0 or "ا" in (stem[i - 1], stem[i + 1:i + 2])


def reading(stem: str, final_h: bool = False) -> Reading:
    """The reading of a normalised Arabic stem (without its article; ة written ه, so a
    final ه is read as ة unless ``final_h``: a consonant, as in سپه Sepah)."""
    feminine = len(stem) > 2 and stem.endswith("ه") and not final_h
    stem = stem[:-1] if feminine else stem
    consonants: list[tuple[str, ...]] = []
    vowels, free = [""], [False]
    for i, ch in enumerate(stem):
        if ch == "ا" and i == 0:
            free[-1] = True  # an alif that begins a word carries a short vowel
        elif ch in _LONG and not (ch in "وي" and semivowel(stem, i)):
            vowels[-1] += _LONG[ch]
        elif ch in _FREE:
            free[-1] = True
        elif ch in SPELLINGS:
            consonants.append(SPELLINGS[ch])
            vowels.append("")
            free.append(False)
    return Reading(tuple(consonants), tuple(vowels), tuple(free), feminine)


def _fits(group: str, long: str, free: bool, where: str) -> bool:
    """Whether a Latin slot's vowel letters may stand where the Arabic writes ``long``
    vowels (and ``free``: an ع or hamza) at the ``where`` ('first', 'last' or '') slot."""
    if long:
        return bool(group) and all(any(c in _WRITES[v] for c in group) or
                                   (v == "i" and "ee" in group) for v in long)
    if free:  # a word that begins with alif or ع begins with a vowel (Ahmed, not Hamed;
        # Ali, not Lee); a long a may stand for ع (Saad), not a long i or u (Saeed)
        return not (where == "first" and not group) and \
            not any(m in group for m in _LONG_MARKS)
    if where == "first":
        return not group
    if where == "last":  # a word that ends in a consonant ends so (Nasr, not Nusra), or
        return group in ("", "e")  # with a French e (Salah Eddine)
    return len(group) <= 1


def writes(latin: str, r: Reading, vowel_end: bool, strict: bool = True) -> bool:
    """Whether the Latin word ``latin`` (lower case, letters only, doubled consonants
    single) writes the Arabic ``r``; ``vowel_end``: it ends in a vowel (before a final h).
    A short word (:attr:`Reading.short`) only when not ``strict``."""
    if (strict and r.short) or not r.consonants or (r.feminine and not vowel_end):
        return False
    last = len(r.consonants)
    seen: dict[tuple[int, int], bool] = {}

    def at(k: int, j: int) -> bool:  # slot k of the Arabic, letter j of the Latin
        if (k, j) in seen:
            return seen[(k, j)]
        run = j  # (a w or y before a vowel is a consonant: Fawaz is no فوز; but the y of
        # an i before a vowel is the long i's: Mughniyeh, Sumayya for مغنية, سمية)
        while run < len(latin) and latin[run] in _VOWEL_LETTERS and not (
                latin[run] in "wy" and latin[run + 1:run + 2] in tuple("aeiou")
                and not (latin[run] == "y" and run > j and latin[run - 1] in "ai")):
            run += 1
        where = "first" if k == 0 else "last" if k == last and not r.feminine else ""
        ok = False
        for g in range(j, run + 1):
            if not _fits(latin[j:g], r.vowels[k], r.free[k], where):
                continue
            if k == last:
                ok = g == len(latin) or (r.feminine and g > j and latin[g:] == "t")
            else:
                ok = any(latin.startswith(s, g) and at(k + 1, g + len(s))
                         for s in r.consonants[k])
            if ok:
                break
        seen[(k, j)] = ok
        return ok

    return at(0, 0)
