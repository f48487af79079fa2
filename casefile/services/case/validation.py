"""Turn what a user or a file gives for a record into the columns it is stored as.

Each problem is a :class:`ValidationError` naming the field, so editors can show it next to
the field and importers can name the column.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from casefile.core import grading
from casefile.core.countries import CountryError, country_or_unknown
from casefile.core.fuzzydate import FuzzyDate, FuzzyDateError, parse_fuzzy_date
from casefile.errors import ValidationError
from casefile.store import models, schema


def date_columns(value: str | FuzzyDate | None, prefix: str = "date") -> dict[str, Any]:
    """The columns of the fuzzy date ``prefix`` (date_*, start_*, birth_* …) for a date as
    written (None / empty clears the date)."""
    p = prefix
    if value is None or (isinstance(value, str) and not value.strip()):
        return {f"{p}_text": None, f"{p}_edtf": None, f"{p}_start": None, f"{p}_end": None,
                f"{p}_precision": None, f"{p}_approx": False, f"{p}_uncertain": False}
    fd = value if isinstance(value, FuzzyDate) else parse_fuzzy_date(value)
    return {f"{p}_text": fd.text.strip(), f"{p}_edtf": fd.edtf,
            f"{p}_start": fd.start.isoformat() if fd.start else None,
            f"{p}_end": fd.end.isoformat() if fd.end else None,
            f"{p}_precision": fd.precision, f"{p}_approx": fd.approximate,
            f"{p}_uncertain": fd.uncertain}


def countries_text(value: str | list[str] | None) -> str:
    """A list of countries as stored: ISO codes, comma-separated, in the order given, each
    once ('Russia; kz' -> 'RU,KZ'); 'unknown' and its customs spellings are left out."""
    items = re.split(r"[,;]", value) if isinstance(value, str) else (value or [])
    codes: list[str] = []
    for item in items:
        code = country_or_unknown(item.strip()) if item and item.strip() else None
        if code and code not in codes:
            codes.append(code)
    return ",".join(codes)


def accessed_text(value: str | None) -> str | None:
    """When a source was accessed, written like any other date ("5 March 2024", "March
    2024", "2024-03-05"), stored in its canonical ISO 8601-2 (EDTF) form; empty clears it."""
    if value is None or not str(value).strip():
        return None
    try:
        return parse_fuzzy_date(str(value)).edtf
    except FuzzyDateError as exc:
        raise ValidationError("accessed", exc.reason) from None


def tags_text(value: str | list[str] | None) -> str:
    if isinstance(value, str):
        return _tags_of_text(value)
    return ",".join(sorted({t.strip().lower() for t in value or [] if t and t.strip()}))


@lru_cache(maxsize=4096)
def _tags_of_text(value: str) -> str:
    """Tags written as one text (an import gives every party the same few)."""
    return ",".join(sorted({t.strip().lower() for t in value.split(",") if t.strip()}))


_ENUMS = {("entity", "kind"): models.ENTITY_KINDS, ("source", "kind"): models.SOURCE_KINDS,
          ("event", "kind"): models.EVENT_KINDS,
          ("relationship", "kind"): models.RELATIONSHIP_KINDS,
          ("sanction", "status"): models.SANCTION_STATUSES, ("entity", "gender"): models.GENDERS}
_COLUMNS = {kind: frozenset(schema.columns(kind, without=("id",))) for kind in schema.TABLES}
_COUNTRIES = {kind: frozenset(schema.country_columns(kind)) for kind in schema.TABLES}
_COUNTRY_LISTS = {kind: frozenset(schema.country_list_columns(kind)) for kind in schema.TABLES}
_DATES = {kind: frozenset(schema.date_fields(kind)) for kind in schema.TABLES}
# The most characters a text field takes: free text is long, everything else one line.
ONE_LINE_CHARS = 1_000
LONG_CHARS = {"description": 100_000, "summary": 100_000, "notes": 100_000, "text": 100_000,
              "reason": 100_000, "excerpt": 100_000, "detail": 100_000, "url": 8_000,
              "tags": 8_000, "source_url": 8_000, "address": 100_000, "position": 100_000,
              "topics": 8_000,
              # box 31 of a customs declaration runs to thousands of characters, on lines
              "declared_goods": 100_000, "assessed_goods": 100_000,
              "state": 100_000_000}  # a saved chart's JSON: every node's position
_MAX_CHARS = {kind: {c: LONG_CHARS.get(c, ONE_LINE_CHARS) for c in schema.text_columns(kind)}
              for kind in schema.TABLES}
_REQUIRED = {"entity": ("name",), "source": ("title",), "event": ("title",),
             "finding": ("title",), "alias": ("name",), "identifier": ("scheme", "value"),
             "attachment": ("filename",), "chart": ("name",)}
_NUMBERS = {"quantity", "weight_kg", "value"}
_SPECIAL = {"tags", "topics", "shipment_count", "reliability", "credibility", "confidence",
            "marking", "currency", "accessed"}
# per kind, the columns taken as given (stripped, within their length): the fast path of a
# bulk import, where most values are plain text
_PLAIN = {kind: frozenset(c for c in _COLUMNS[kind] if c not in _SPECIAL
                          and (kind, c) not in _ENUMS and c not in _COUNTRIES[kind]
                          and c not in _COUNTRY_LISTS[kind]
                          and not (kind == "shipment" and c in _NUMBERS))
          for kind in schema.TABLES}


def max_chars(kind: str, column: str) -> int | None:
    """The most characters a text column of ``kind`` holds (None: not a text column)."""
    return _MAX_CHARS.get(kind, {}).get(column)


def clean_plain(kind: str, values: dict[str, Any]) -> dict[str, Any] | None:
    """What :func:`clean` gives for ``values`` when each is a text of at most
    :data:`ONE_LINE_CHARS` characters for a column taken as given and no required one is
    empty (an imported alias, identifier or citation, 10^5 of them); None when any is not
    (then ask :func:`clean`, which says what is wrong)."""
    plain = _PLAIN[kind]
    out = {}
    for key, raw in values.items():
        if raw.__class__ is not str or key not in plain or len(raw) > ONE_LINE_CHARS:
            return None
        out[key] = raw.strip()
    for key in _REQUIRED.get(kind, ()):
        if key in out and not out[key]:
            return None
    return out


def clean(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """Validate and convert ``values`` for a row of ``kind``; unknown fields are refused."""
    out: dict[str, Any] = {}
    columns = _COLUMNS[kind]
    limits = _MAX_CHARS[kind]
    plain = _PLAIN[kind]
    for key, raw in values.items():
        if key in plain:
            v = raw.strip() if isinstance(raw, str) else raw
            if isinstance(v, str) and len(v) > limits.get(key, len(v)):
                raise ValidationError(key, f"is {len(v):,} characters long; at most "
                                           f"{limits[key]:,} fit")
            out[key] = v
            continue
        if key in _DATES[kind]:  # a fuzzy date as written: "date", "start", "birth" …
            try:
                out.update(date_columns(raw, key))
            except FuzzyDateError as exc:
                raise ValidationError(key, exc.reason) from None
            continue
        if key not in columns:
            raise ValidationError(key, f"{kind} has no field {key!r}")
        v = raw.strip() if isinstance(raw, str) else raw
        if kind == "entity" and key == "gender":  # 'Male' or none given: male, unknown
            v = (v or "").lower()
        if (kind, key) in _ENUMS and v not in _ENUMS[(kind, key)]:
            raise ValidationError(key, f"{v!r} is not one of {', '.join(_ENUMS[(kind, key)])}")
        if key in _COUNTRIES[kind]:
            try:
                v = country_or_unknown(v)  # empty or 'unknown', 'XX'…: no country
            except CountryError as exc:
                raise ValidationError(key, str(exc)) from None
        elif key in _COUNTRY_LISTS[kind]:
            try:
                v = countries_text(raw)
            except CountryError as exc:
                raise ValidationError(key, str(exc)) from None
        elif key in ("tags", "topics"):
            v = tags_text(raw)
        elif kind == "shipment" and key in _NUMBERS:
            v = _number(key, v)
        elif key == "shipment_count":
            v = int(_number(key, v) or 1)
            if v < 1:
                raise ValidationError(key, "must be at least 1")
        elif key == "reliability":
            v = _graded(key, grading.check_reliability, v)
        elif key == "credibility":
            v = _graded(key, grading.check_credibility, v)
        elif key == "confidence":
            v = _graded(key, grading.check_confidence, v)
        elif key == "marking":
            v = _graded(key, grading.normalise_tlp, v) if v else None
        elif key == "currency":
            v = (v or "").upper()
        elif key == "accessed":
            v = accessed_text(v)
        elif kind == "entity" and key == "gender":
            v = v or None
        if isinstance(v, str) and len(v) > limits.get(key, len(v)):
            raise ValidationError(key, f"is {len(v):,} characters long; at most "
                                       f"{limits[key]:,} fit")
        out[key] = v
    for key in _REQUIRED.get(kind, ()):
        if key in out and not out[key]:
            raise ValidationError(key, "must not be empty")
    return out


def _graded(key: str, check: Any, v: Any) -> Any:
    try:
        return check(v)
    except grading.GradeError as exc:
        raise ValidationError(key, str(exc)) from None


def _number(key: str, v: Any) -> float | None:
    if v in (None, ""):
        return None
    if isinstance(v, int | float):
        return float(v)
    try:
        return float(str(v).replace(" ", "").replace("\u00a0", "").replace(",", ""))
    except ValueError:
        raise ValidationError(key, f"{v!r} is not a number") from None
