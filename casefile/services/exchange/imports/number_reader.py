"""How a trade file writes its numbers: whether a lone comma before three digits ('123,288')
is a decimal comma (123.288, as Russian and most European customs data write a weight) or a
thousands separator (123,288, as English writes it). The number alone cannot tell; the file's
other numbers can — a decimal comma shows in '1 250,500' (thousands grouped with spaces),
'12,5' or '0,850'; a thousands comma in '1,234.5' or '1,234,567' (look22: '123,288' kg was
read as 123,288 kg, a thousand times too heavy, without a word).

:class:`NumberReader` decides once, at the first such number, from every number cell of the
file, and says how it decided (said in the import's report, as the order of slashed dates
is)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from casefile.services.exchange.imports.reader import open_table
from casefile.services.exchange.imports.values import parse_number, parse_weight

_NUMBER = re.compile(r"[+-]?\d[\d \u00a0\u202f',.]*")  # the number in a cell ('12,5 кг')
_AMBIGUOUS = re.compile(r"[+-]?[1-9]\d{0,2},\d{3}")  # '123,288'
_DECIMAL = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f']\d{3})+,\d+|[+-]?\d+,(?:\d{1,2}|\d{4,})"
                      r"|[+-]?0,\d+")  # '12 250,500', '665 660,02', '12,5', '0,850'
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+\.\d+|[+-]?\d{1,3}(?:,\d{3}){2,}")


def _number(text: str) -> str:
    found = _NUMBER.search(text or "")
    return found.group(0).strip(" \u00a0\u202f',.") if found else ""


class NumberReader:
    """Reads the number cells of one file (``cells()``: (row, text) of each, read only if a
    number is ambiguous)."""

    def __init__(self, cells: Callable[[], Iterable[tuple[int, str]]]) -> None:
        self._cells = cells
        self.decimal: bool | None = None  # a lone comma is a decimal one (None: not yet)
        self.how = ""  # how that was decided, for the report ('' while nothing asked)

    @classmethod
    def for_file(cls, path: Path, columns: list[int], encoding: str | None = None
                 ) -> NumberReader:
        """For the number columns ``columns`` of the table at ``path`` (read again, in
        ``encoding``, from the start, only when a number is ambiguous)."""
        def cells() -> Iterator[tuple[int, str]]:
            for line, row in open_table(path, encoding).rows():
                for i in columns:
                    if i < len(row) and row[i].strip():
                        yield line, row[i]
        return cls(cells)

    def number(self, text: str) -> float | None:
        return parse_number(text, self._comma(text))

    def weight(self, text: str, unit: str = "") -> float | None:
        return parse_weight(text, unit, self._comma(text))

    def _comma(self, text: str) -> bool | None:
        if self.how or "," not in text:  # decided, or nothing to decide (10^5 cells)
            return self.decimal
        if _AMBIGUOUS.fullmatch(number := _number(text)):
            self._decide(number)
        return self.decimal

    def _decide(self, asked: str) -> None:
        decimal: tuple[int, str] | None = None
        thousands: tuple[int, str] | None = None
        for line, text in self._cells():
            n = _number(text)
            if decimal is None and _DECIMAL.fullmatch(n):
                decimal = (line, n)
            elif thousands is None and _THOUSANDS.fullmatch(n):
                thousands = (line, n)
            if decimal and thousands:
                break
        self.decimal = bool(decimal) and not thousands
        as_decimal = asked.replace(",", ".")
        as_thousands = asked.replace(",", "")
        if decimal and not thousands:
            self.how = (f"numbers such as {asked!r} read with a decimal comma ({as_decimal}), "
                        f"as the file writes its other numbers (row {decimal[0]}: "
                        f"{decimal[1]!r})")
        elif thousands and not decimal:
            self.how = (f"numbers such as {asked!r} read with a thousands comma "
                        f"({as_thousands}), as the file writes its other numbers (row "
                        f"{thousands[0]}: {thousands[1]!r})")
        else:
            why = (f"the file writes some with a decimal comma (row {decimal[0]}: "
                   f"{decimal[1]!r}) and some with a thousands comma (row {thousands[0]}: "
                   f"{thousands[1]!r})" if decimal and thousands else
                   "no number in the file shows which its comma is")
            self.how = (f"numbers such as {asked!r} read with a thousands comma "
                        f"({as_thousands}): {why} — check the weights, quantities and "
                        "values")
