"""Cell values as trade data writes them: numbers with local separators, weights in kg, t
or lb, dates as DD.MM.YYYY, ISO or any fuzzy form Casefile knows."""

from __future__ import annotations

import re

from casefile.core.fuzzydate import FuzzyDate, FuzzyDateError, parse_fuzzy_date

_TO_KG = {"kg": 1.0, "kgs": 1.0, "кг": 1.0, "t": 1000.0, "mt": 1000.0, "ton": 1000.0,
          "tons": 1000.0, "tonne": 1000.0, "tonnes": 1000.0, "т": 1000.0,
          "lb": 0.45359237, "lbs": 0.45359237, "g": 0.001, "г": 0.001}


class ValueProblem(ValueError):
    """A cell that does not parse; the importer adds file, line and column."""


def parse_number(text: str) -> float | None:
    """'1 234,5', '1,234.5', '1.234,5', '1234' -> float; '' -> None."""
    if text.isascii() and text.isdigit():
        return float(text)
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not s:
        return None
    s = re.sub(r"^[^\d\-+]+|[^\d]+$", "", s) if re.search(r"\d", s) else s
    s = s.replace(" ", "").replace("'", "")
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        if len(parts) > 2 or (len(parts[-1]) == 3 and parts[0].lstrip("+-") not in ("", "0")):
            s = s.replace(",", "")  # thousands separators
        else:
            s = s.replace(",", ".")  # a decimal comma
    elif s.count(".") > 1:
        s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:
        raise ValueProblem(f"{text!r} is not a number") from None


def parse_weight(text: str, unit: str = "") -> float | None:
    """A weight in kilograms; the unit may be in the cell ('12 t') or its own column."""
    m = re.match(r"^\s*([\d\s.,'\u00a0]+)\s*([^\d\s].*)?$", text or "")
    if not (text or "").strip():
        return None
    if not m:
        raise ValueProblem(f"{text!r} is not a weight")
    number = parse_number(m.group(1))
    u = (m.group(2) or unit or "kg").strip().lower().rstrip(".")
    if u not in _TO_KG:
        raise ValueProblem(f"{u!r} is not a weight unit (kg, t, lb)")
    return None if number is None else round(number * _TO_KG[u], 3)


def parse_date(text: str) -> FuzzyDate | None:
    if not text.strip():
        return None
    try:
        return parse_fuzzy_date(text.strip())
    except FuzzyDateError as exc:
        raise ValueProblem(exc.reason) from None
