"""Rows of a trade-data file that a case holds already as shipments: the same declaration
number, date, shipper, consignee, goods, HS code, weight and value (and currency) as a
shipment that was in the case before the import. Researchers receive overlapping exports
(this week's declarations and last month's, the CSV and the XLSX of one query); a second
import of the same rows would double every shipment, count and total without a word.

Such rows are left out, counted and named by line; ``casefile import --keep-duplicates``
imports them all the same. Rows that repeat each other within one file are kept: a
declaration may list the same goods twice — each shipment the case holds answers for one row
of the file. Only a digest of each shipment's key is held (not its text)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

KEY_COLS = ("reference", "date_start", "date_end", "shipper_id", "consignee_id",
            "declared_goods", "hs_code", "weight_kg", "value", "currency")
WHAT = "the same declaration number, date, parties, goods, HS code, weight and value"


def _key(values: Sequence[Any]) -> int:
    """A shipment's key as compared: text without its case and runs of spaces, numbers to
    a thousandth, nothing and '' alike."""
    out: list[Any] = []
    for v in values:
        if isinstance(v, float):
            out.append(round(v, 3))
        elif isinstance(v, str):
            out.append(" ".join(v.split()).casefold())
        else:
            out.append(v if v is not None else "")
    return hash(tuple(out))


class KnownShipments:
    """The keys of the shipments a case holds, each with how many shipments have it (read
    once, before the import writes)."""

    def __init__(self, conn: Any, columns: Sequence[str]) -> None:
        cols = ", ".join(KEY_COLS)
        self.keys = Counter(_key(r) for r in conn.exec_driver_sql(
            f"SELECT {cols} FROM shipment"))
        self._at = [list(columns).index(c) for c in KEY_COLS]

    def holds(self, row: Sequence[Any]) -> bool:
        """Whether a shipment row (in ``columns`` order) is one the case held already; each
        shipment the case holds answers for one row (review: a row the file gives twice,
        held once, lost its second copy)."""
        if not self.keys:
            return False
        key = _key([row[i] for i in self._at])
        if self.keys[key] <= 0:
            return False
        self.keys[key] -= 1
        return True


def lines_said(lines: list[int], limit: int = 30) -> str:
    """'lines 5-9, 12, 40-41' (runs joined; the first ``limit`` runs, then how many more)."""
    runs: list[list[int]] = []
    for n in lines:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    said = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:limit]]
    more = f" and {len(runs) - limit:,} more runs" if len(runs) > limit else ""
    return f"line{'s' if len(lines) > 1 else ''} {', '.join(said)}{more}"
