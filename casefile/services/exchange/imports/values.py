"""Cell values as trade data writes them: numbers with local separators, weights in kg, t
or lb, dates as DD.MM.YYYY, ISO or any fuzzy form Casefile knows.

A file writes its slashed dates one way, day first (15/06/2022) or month first (06/15/2022):
:class:`DateReader` takes that order from the caller, or guesses it from the rows of the file
that can be read only one way, and says how it decided."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.core.fuzzydate import FuzzyDate, FuzzyDateError, numeric_order, parse_fuzzy_date
from casefile.services.case.validation import date_columns
from casefile.services.exchange.imports.reader import open_table

_TO_KG = {"kg": 1.0, "kgs": 1.0, "кг": 1.0, "t": 1000.0, "mt": 1000.0, "ton": 1000.0,
          "tons": 1000.0, "tonne": 1000.0, "tonnes": 1000.0, "т": 1000.0,
          "lb": 0.45359237, "lbs": 0.45359237, "g": 0.001, "г": 0.001}

# what customs exports write for 'none' in a text cell (a party, a manufacturer): no value
NONE_WORDS = frozenset({"отсутствует", "не указано", "не указан", "не известно",
                        "неизвестно", "неизвестен", "нет", "н/а", "n/a", "none", "null", "-",
                        "—"})


_DIGIT = re.compile(r"\d")
_EDGES = re.compile(r"^[^\d\-+]+|[^\d]+$")  # what surrounds a number: currency signs, units
_SPACED = re.compile(r"\d[ '](?:\d{3}[ '])*\d{3},\d+$")  # '1 250,500', "1'234,5"
_WEIGHT = re.compile(r"^\s*([\d\s.,'\u00a0]+)\s*([^\d\s].*)?$")


class ValueProblem(ValueError):
    """A cell that does not parse; the importer adds file, line and column."""


def parse_number(text: str, decimal_comma: bool | None = None) -> float | None:
    """'1 234,5', '1,234.5', '1.234,5', '1234' -> float; '' -> None. A lone comma before
    three digits ('123,288') separates thousands, unless ``decimal_comma`` (the file's
    numbers say so: :mod:`.number_reader`) or the number groups its thousands with spaces
    ('1 250,500': look22 — read as 1,250,500 kg, a Russian 1,250.5)."""
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(text)
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not s:
        return None
    s = _EDGES.sub("", s) if _DIGIT.search(s) else s
    if "," in s and (" " in s or "'" in s) and "." not in s and _SPACED.search(s):
        # (the checks in C first: 4·10^5 number cells an import)
        decimal_comma = True  # spaces group the thousands: the comma is the decimal one
    s = s.replace(" ", "").replace("'", "")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        if len(parts) > 2 or (len(parts[-1]) == 3 and parts[0].lstrip("+-") not in ("", "0")
                              and not decimal_comma):
            s = s.replace(",", "")  # thousands separators
        else:
            s = s.replace(",", ".")  # a decimal comma
    elif s.count(".") > 1:
        s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:
        raise ValueProblem(f"{text!r} is not a number") from None


def parse_weight(text: str, unit: str = "", decimal_comma: bool | None = None
                 ) -> float | None:
    """A weight in kilograms; the unit may be in the cell ('12 t') or its own column."""
    m = _WEIGHT.match(text or "")
    if not (text or "").strip():
        return None
    if not m:
        raise ValueProblem(f"{text!r} is not a weight")
    number = parse_number(m.group(1).strip(), decimal_comma)
    u = (m.group(2) or unit or "kg").strip().lower().rstrip(".")
    if u not in _TO_KG:
        raise ValueProblem(f"{u!r} is not a weight unit (kg, t, lb)")
    return None if number is None else round(number * _TO_KG[u], 3)


def parse_date(text: str, day_first: bool | None = None) -> FuzzyDate | None:
    """A date cell; ``day_first`` decides a slashed date that reads both ways (None: such a
    date is a problem naming both readings)."""
    if not text.strip():
        return None
    try:
        return parse_fuzzy_date(text.strip(), day_first)
    except FuzzyDateError as exc:
        raise ValueProblem(exc.reason) from None


@dataclass(frozen=True)
class DateOrder:
    """Whether a file writes days before months (None: undecided) and how that was decided,
    in words for the import report."""

    day_first: bool | None
    how: str


def guess_date_order(cells: Iterable[tuple[int, str]]) -> DateOrder:
    """The order of a file's slashed dates, from (line, cell) of its date column: day first
    when some rows can only be read day first (15/06/2022) and none only month first, and the
    other way round; undecided when rows show both orders or none."""
    seen = {"day": 0, "month": 0}
    example: dict[str, str] = {}
    for line, text in cells:
        order = numeric_order(text)
        if order in seen:
            seen[order] += 1
            example.setdefault(order, f"row {line}: {text.strip()!r}")
    day, month = seen["day"], seen["month"]
    if day and not month:
        return DateOrder(True, f"day first, guessed from the file: {day:,} "
                               f"{_rows(day)} can only be read so ({example['day']}), none "
                               "only month first")
    if month and not day:
        return DateOrder(False, f"month first, guessed from the file: {month:,} "
                                f"{_rows(month)} can only be read so ({example['month']}), "
                                "none only day first")
    if day and month:
        return DateOrder(None, f"not guessed: the file has dates only day first ({day:,}, "
                               f"{example['day']}) and only month first ({month:,}, "
                               f"{example['month']}); say which order it uses")
    return DateOrder(None, "not guessed: no date in the file shows whether the day or the "
                           "month comes first; say which order it uses")


def _rows(n: int) -> str:
    return "row" if n == 1 else "rows"


class DateReader:
    """Reads the date cells of one file. The order of day and month is the caller's
    (``day_first``), or guessed once, from every date cell of the file (``cells()``), at the
    first date that reads both ways; a file where none does is never scanned twice."""

    def __init__(self, day_first: bool | None,
                 cells: Callable[[], Iterable[tuple[int, str]]]) -> None:
        self.order = None if day_first is None else DateOrder(
            day_first, f"{'day' if day_first else 'month'} first, as set for this import")
        self._cells = cells
        self._seen: dict[str, tuple[FuzzyDate | None, dict[str, Any]]] = {}

    @classmethod
    def for_file(cls, path: Path, column: int | None, day_first: bool | None,
                 encoding: str | None = None) -> DateReader:
        """For the date column ``column`` (None: the file has none) of the table at ``path``
        (read again, in ``encoding`` when given, from the start, only if the order has to
        be guessed)."""
        def cells() -> Iterator[tuple[int, str]]:
            if column is None:
                return
            for line, row in open_table(path, encoding).rows():
                if column < len(row):
                    yield line, row[column]
        return cls(day_first, cells)

    def parse(self, text: str) -> FuzzyDate | None:
        """The date a cell holds (dates repeat down a file: each text is read once)."""
        return self._read(text)[0]

    def columns(self, text: str) -> dict[str, Any]:
        """A record's date columns (date_text, date_edtf, date_start …) for a cell, made once
        for each text (the caller copies them into its row)."""
        return self._read(text)[1]

    def _read(self, text: str) -> tuple[FuzzyDate | None, dict[str, Any]]:
        known = self._seen.get(text)
        if known is None:
            found = self._parse(text)
            known = (found, date_columns(found, "date"))
            if len(self._seen) >= 65536:  # memory stays flat on a file of a million dates
                self._seen.clear()
            self._seen[text] = known
        return known

    def _parse(self, text: str) -> FuzzyDate | None:
        if not text.strip():
            return None
        day_first = self.order.day_first if self.order else None
        try:
            return parse_fuzzy_date(text.strip(), day_first)
        except FuzzyDateError as exc:
            if self.order is None and numeric_order(text) == "either":
                self.order = guess_date_order(self._cells())
                self._seen.clear()  # read before the order was known
                return self._parse(text)
            why = f" (the order of day and month was {self.order.how})" if self.order and \
                self.order.day_first is None and numeric_order(text) == "either" else ""
            raise ValueProblem(exc.reason + why) from None

    def how(self) -> str:
        """How slashed dates were read, for the report."""
        if self.order is None:
            return "no date in the file reads two ways (day first or month first)"
        return self.order.how
