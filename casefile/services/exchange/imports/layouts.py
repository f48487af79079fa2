"""Trade-data files as products lay them out — a vendor's export, the boxes or field codes of
a customs declaration, trade statistics — read from data files, one per layout
(``casefile/resources/layouts/*.json``), and which layout a file's header matches best.

A layout file holds its ``name``, a ``description``, the ``source`` its column names rest on
(the public documentation of the format), its ``kind`` (``shipments``, or ``statistics`` for
country aggregates that are refused), ``columns`` (column name -> shipment field; for
statistics, what the column holds), in order of preference where several feed one field,
``other_columns`` (names it knows but does not import), ``implies`` (column name -> fixed
values that come with it: "Статистическая стоимость (USD)" is in USD) and ``constants``
(fixed values for fields no column feeds: a Russian import declaration's destination is RU).

Header names are compared normalised: letter case, spaces and punctuation do not count, and a
bracketed part may be left out on either side ("G33 (Код товара по ТН ВЭД)" is G33,
"Вес нетто" is "Вес нетто (кг)"). A name that matches nothing is read again without a
box number before it ("Графа 31 Описание товаров" is "Описание товаров")."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from casefile.paths import resource_path
from casefile.services.exchange.imports.fields import TARGETS

KINDS = ("shipments", "statistics")
GENERIC = "generic"  # the layout of plain vocabulary, taken when no product's layout fits
MIN_KNOWN = {"shipments": 2, "statistics": 3}  # columns a layout must know to be taken

_PUNCT = re.compile(r"[\W_]+")
# a declaration box's number written before its caption: "Графа 31 Описание товаров",
# "Гр. 8 Получатель", "Box 2: Consignor", "35. Вес брутто (кг)"
_BOX = re.compile(r"^\s*(?:графа|гр\.?|box|поле)?\s*№?\s*\d{1,2}\s*[.:)\-–—]?\s+(?=\w)",
                  re.IGNORECASE)
_BRACKETS = re.compile(r"[(\[（【][^)\]）】]*[)\]）】]")


def norm(name: str) -> str:
    """A column name without letter case, spaces or punctuation."""
    return _PUNCT.sub("", name.casefold())


def forms(name: str) -> tuple[str, str]:
    """A column name normalised, and normalised without its bracketed parts."""
    return norm(name), norm(_BRACKETS.sub(" ", name))


def bracketed(name: str) -> list[str]:
    """The bracketed parts of a column name: 'Weight (lb)' -> ['lb']."""
    return [m.group(0)[1:-1].strip() for m in _BRACKETS.finditer(name)]


@dataclass(frozen=True)
class Layout:
    """One product's layout of a trade-data file (see the module docstring)."""

    id: str
    name: str
    kind: str
    description: str
    source: str
    columns: tuple[tuple[str, str], ...]  # (column name, field), most preferred first
    other_columns: tuple[str, ...]
    implies: Mapping[str, Mapping[str, str]]
    constants: Mapping[str, str]

    @property
    def generic(self) -> bool:
        return self.id == GENERIC


@dataclass(frozen=True)
class Recognised:
    """A file's header read against a layout: how many of its columns the layout knows,
    and each match as (preference, header index, field or "" when only known, the
    layout's name for the column), most preferred first."""

    layout: Layout
    known: int
    matches: tuple[tuple[int, int, str, str], ...]

    def labels(self) -> list[str]:
        """What the matched columns hold, once each, in the layout's order."""
        return list(dict.fromkeys(field for _p, _i, field, _k in self.matches if field))


def _layout(stem: str, data: object) -> Layout:
    if not isinstance(data, dict):
        raise ValueError(f"layout {stem}: not a JSON object")
    kind = data.get("kind", "shipments")
    if kind not in KINDS:
        raise ValueError(f"layout {stem}: kind {kind!r} is not one of {KINDS}")
    columns = tuple((str(c), str(f)) for c, f in dict(data.get("columns", {})).items())
    implies = {str(c): MappingProxyType({str(k): str(v) for k, v in dict(fixed).items()})
               for c, fixed in dict(data.get("implies", {})).items()}
    constants = {str(k): str(v) for k, v in dict(data.get("constants", {})).items()}
    if kind == "shipments":
        wrong = [f for _c, f in columns if f not in TARGETS]
        wrong += [f for fixed in implies.values() for f in fixed if f not in TARGETS]
        wrong += [f for f in constants if f not in TARGETS]
        if wrong:
            raise ValueError(f"layout {stem}: unknown field(s) {', '.join(wrong)}")
    if set(implies) - {c for c, _f in columns}:
        raise ValueError(f"layout {stem}: 'implies' names columns it does not map")
    for key in ("name", "description", "source"):
        if not str(data.get(key, "")).strip():
            raise ValueError(f"layout {stem}: no {key}")
    return Layout(stem, str(data["name"]), kind, str(data["description"]),
                  str(data["source"]), columns,
                  tuple(str(c) for c in data.get("other_columns", ())),
                  MappingProxyType(implies), MappingProxyType(constants))


@lru_cache(maxsize=1)
def layouts() -> tuple[Layout, ...]:
    """Every layout among the package resources, the generic one first."""
    found = [_layout(p.stem, json.loads(p.read_text("utf-8")))
             for p in sorted(resource_path("layouts").glob("*.json"))]
    if not any(lay.generic for lay in found):
        raise ValueError(f"no {GENERIC}.json among the layouts")
    return tuple(sorted(found, key=lambda lay: not lay.generic))


_Entry = tuple[int, int, str, str]  # (layout number, preference, field or "", column name)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[_Entry]], dict[str, list[_Entry]]]:
    """Normalised column name -> the layouts' entries; and the same for names without their
    bracketed parts."""
    full: dict[str, list[_Entry]] = {}
    bare: dict[str, list[_Entry]] = {}
    for n, lay in enumerate(layouts()):
        named = [(c, f) for c, f in lay.columns] + [(c, "") for c in lay.other_columns]
        for pref, (col, field) in enumerate(named):
            f_form, b_form = forms(col)
            full.setdefault(f_form, []).append((n, pref, field, col))
            if b_form and b_form != f_form:
                bare.setdefault(b_form, []).append((n, pref, field, col))
    return full, bare


def _hits(col: str, full: dict[str, list[_Entry]], bare: dict[str, list[_Entry]]
          ) -> list[_Entry]:
    f_form, b_form = forms(col)
    hits = full.get(f_form, []) + bare.get(f_form, [])
    if b_form != f_form:
        hits += full.get(b_form, [])
    return hits


def _read(header: list[str]) -> list[list[tuple[int, int, str, str]]]:
    """For each layout, its matches with the header."""
    full, bare = _index()
    found: list[list[tuple[int, int, str, str]]] = [[] for _ in layouts()]
    for i, col in enumerate(header):
        if not col.strip():
            continue
        hits = _hits(col, full, bare)
        if not hits and (unboxed := _BOX.sub("", col, count=1)) != col:
            hits = _hits(unboxed, full, bare)
        seen: set[int] = set()
        for n, pref, field, name in sorted(hits):
            if n not in seen:  # a column counts once per layout: its best entry
                seen.add(n)
                found[n].append((pref, i, field, name))
    return found


def recognise(header: list[str], layout_id: str | None = None) -> Recognised:
    """The layout whose columns the header matches best (the most columns known; the
    generic one when a product's layout knows no more than it), or the generic layout when
    none knows enough of them. With ``layout_id``, the header read against that layout."""
    found = _read(header)
    all_ = layouts()
    if layout_id is not None:
        n = next(n for n, lay in enumerate(all_) if lay.id == layout_id)
    else:
        def score(n: int) -> tuple[int, bool, int]:
            # on a tie the plain vocabulary wins: a product's layout brings fixed values
            # (a destination, a currency) that only that product's files may take
            return (len(found[n]), all_[n].generic, sum(1 for m in found[n] if m[2]))
        best = sorted(range(len(all_)), key=score, reverse=True)
        n = best[0]
        if all_[n].kind == "statistics" and any(
                m[2] in ("shipper", "consignee") for k in best if all_[k].kind == "shipments"
                for m in found[k]):
            # statistics have no parties: a header naming one is shipments after all
            n = next(k for k in best if all_[k].kind == "shipments")
        if len(found[n]) < MIN_KNOWN[all_[n].kind]:
            n = 0  # the generic layout
    return Recognised(all_[n], len(found[n]), tuple(sorted(found[n])))


def known_columns(header: list[str]) -> int:
    """How many of the header's columns the best-matching layout knows (to tell a header
    from the title rows above it)."""
    return max((len(m) for m in _read(header)), default=0)
