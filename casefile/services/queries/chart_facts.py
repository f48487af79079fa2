"""The link chart's shipments read in aggregate: one row per shipper → consignee pair, counted,
summed and dated by SQLite (GROUP BY), with the pair's best citation grade — so a chart of
55,000 shipments is drawn without making a Python object per shipment. A link's individual
shipments are read from the case only when a tooltip or the editor asks for them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from casefile.core.chart.links import PairTable
from casefile.core.chart.parts import (
    OPEN_FIRST,
    OPEN_LAST,
    STYLES,
    ChartLink,
    Fact,
    grade_key,
    strong,
)
from casefile.store.schema import CITATION_COLUMNS

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

SEP = "\x1f"
CHUNK = 900  # ids per IN (…) (SQLite allows 999 parameters on old builds)


def cites_sql(kind: str) -> str:
    """A fact's citations as 'B2 Title' joined by SEP (a protected source by number only)."""
    return ("coalesce((SELECT group_concat(s.reliability || c.credibility || ' ' || "
            "CASE WHEN s.protected THEN 'Protected source ' || s.id ELSE s.title END, '\x1f') "
            f"FROM citation c JOIN source s ON s.id = c.source_id WHERE "
            f"c.{CITATION_COLUMNS[kind]} = x.id), '')")


@lru_cache(maxsize=8192)
def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def split(text: str | None) -> tuple[str, ...]:
    return tuple(p for p in (text or "").split(SEP) if p)


SHIPMENT_TEXT = (
    "coalesce(x.date_text || ': ', '') || x.declared_goods || CASE WHEN x.assessed_goods "
    "!= '' AND x.assessed_goods != x.declared_goods THEN ' (assessed: ' || x.assessed_goods "
    "|| ')' ELSE '' END")

ROWS = ("SELECT x.id, x.shipper_id, x.consignee_id, coalesce(x.shipment_count, 1), "
        "x.weight_kg, x.value, coalesce(x.currency, ''), nullif(x.date_start, ''), "
        "nullif(x.date_end, '') FROM shipment x ORDER BY x.id")
CODES = ("SELECT c.shipment_id, s.reliability || c.credibility FROM citation c "
         "JOIN source s ON s.id = c.source_id WHERE c.shipment_id IS NOT NULL")
EPOCH = date(1970, 1, 1).toordinal()


def _ints(values: Sequence[Any], missing: int = -1) -> np.ndarray:
    return np.fromiter((missing if v is None else v for v in values), np.int64, len(values))


def _floats(values: Sequence[Any]) -> np.ndarray:
    return np.fromiter((np.nan if v is None else v for v in values), np.float64, len(values))


def _days(texts: Sequence[str | None]) -> np.ndarray:
    """Ordinals of ISO dates (-1 for none)."""
    try:
        d = np.array(texts, dtype="datetime64[D]")
    except ValueError:  # one that numpy cannot read: as the rest of Casefile reads it
        d = np.array([t if t and _iso(t) else None for t in texts], dtype="datetime64[D]")
    return np.where(np.isnat(d), -1, d.astype(np.int64) + EPOCH)


def _iso(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _lookup(ids: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Each id's position in the sorted ``known`` (-1 when absent)."""
    if not len(known):
        return np.full(len(ids), -1, np.int64)
    at = np.minimum(np.searchsorted(known, ids), len(known) - 1)
    return np.where(known[at] == ids, at, -1)


def _fetch(conn: Connection, sql: str) -> list[tuple[Any, ...]]:
    """Rows as plain tuples, straight from sqlite3 (SQLAlchemy's rows cost more than the
    query at 50,000 rows)."""
    driver = cast(sqlite3.Connection, conn.connection.driver_connection)
    return driver.execute(sql).fetchall()


def pair_table(conn: Connection, entities: np.ndarray) -> tuple[PairTable, int]:
    """The case's shipments per shipper → consignee pair, with node indexes the positions
    of the parties in ``entities`` (their sorted ids); and how many shipments are left out
    (no shipper or no consignee)."""
    rows = _fetch(conn, ROWS)
    cols: list[Sequence[Any]] = list(zip(*rows, strict=True)) if rows else [()] * 9
    a = _lookup(_ints(cols[1]), entities)
    b = _lookup(_ints(cols[2]), entities)
    keep = (a >= 0) & (b >= 0)
    skipped = int((~keep).sum())
    ids = _ints(cols[0])[keep]
    a, b = a[keep], b[keep]
    n = max(len(entities), 1)
    uniq, first_row, inv = np.unique(a * n + b, return_index=True, return_inverse=True)
    order = np.argsort(first_row, kind="stable")  # pairs in order of their first shipment
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order))
    pi, p = rank[inv.reshape(-1)], len(uniq)
    head = first_row[order]

    def total(w: np.ndarray) -> np.ndarray:
        return np.bincount(pi, weights=w, minlength=p)
    count = total(np.maximum(_ints(cols[3], 1)[keep], 1)).astype(np.int64)
    weight, value = _floats(cols[4])[keep], _floats(cols[5])[keep]
    weighed, valued = ~np.isnan(weight), ~np.isnan(value)
    weights = np.where(total(weighed) > 0, total(np.where(weighed, weight, 0.0)), np.nan)
    names: dict[str, int] = {}
    cur = np.fromiter((names.setdefault(c, len(names)) for c in cols[6]), np.int64,
                      len(cols[6]))[keep]
    k = max(len(names), 1)
    seen = np.unique(pi[valued] * k + cur[valued])
    ncur = np.bincount(seen // k, minlength=p)
    one = np.full(p, -1, np.int64)
    one[seen // k] = seen % k
    spelled = list(names)
    currency = [spelled[c] if c >= 0 else "" for c in one.tolist()]
    values = np.where(ncur == 1, total(np.where(valued, value, 0.0)), np.nan)
    mixed: dict[int, dict[str, float]] = {}
    for row in np.flatnonzero(valued & (ncur[pi] > 1)).tolist():
        sums = mixed.setdefault(int(pi[row]), {})
        name = spelled[int(cur[row])]
        sums[name] = sums.get(name, 0.0) + float(value[row])
    start, end = _days(cols[7])[keep], _days(cols[8])[keep]
    first = np.full(p, OPEN_LAST, np.int64)
    np.minimum.at(first, pi, np.where(start < 0, OPEN_LAST, start))
    first[total(start < 0) > 0] = OPEN_FIRST
    last = np.full(p, OPEN_FIRST, np.int64)
    np.maximum.at(last, pi, np.where(end < 0, OPEN_FIRST, end))
    last[total(end < 0) > 0] = OPEN_LAST
    dated = total((start >= 0) | (end >= 0)) > 0
    grade, style = _grades(conn, ids, pi, p)
    return PairTable(a[head], b[head], np.bincount(pi, minlength=p).astype(np.int64), count,
                     weights, values, currency, first, last, dated, grade, style,
                     mixed), skipped


def _grades(conn: Connection, ids: np.ndarray, pi: np.ndarray, p: int
            ) -> tuple[list[str], np.ndarray]:
    """Each pair's best citation code ('' when none) and its style (index into STYLES)."""
    cited = _fetch(conn, CODES)
    codes: dict[str, int] = {}
    sid = np.fromiter((r[0] for r in cited), np.int64, len(cited))
    code = np.fromiter((codes.setdefault(r[1] or "", len(codes)) for r in cited), np.int64,
                       len(cited))
    ranked = sorted(codes, key=lambda c: (not strong(c), grade_key(c), c))
    place = np.array([ranked.index(c) for c in codes], np.int64)
    row = _lookup(sid, ids)
    ok = row >= 0
    none = len(ranked)
    best = np.full(p, none, np.int64)
    if len(place):
        np.minimum.at(best, pi[row[ok]], place[code[ok]])
    words = [*ranked, ""]
    styles = np.array([STYLES.index("solid" if strong(c) else "dashed") for c in ranked]
                      + [STYLES.index("dotted")], np.int8)
    return [words[i] for i in best.tolist()], styles[best]


class ShipmentFacts:
    """Reads the shipments of an aggregated link (and finds the links of some shipments)
    from the case, on a connection of its own (the one the chart was read on may be closed
    by then; the case must still be open)."""

    def __init__(self, conn: Connection) -> None:
        self._engine = conn.engine

    def _read(self) -> AbstractContextManager[Connection]:
        return self._engine.connect()

    def load(self, link: ChartLink) -> list[Fact]:
        """The shipments of a link 'shipment:entity:A>entity:B', by id."""
        a, b = (int(k.rsplit(":", 1)[1]) for k in link.key.split(":", 1)[1].split(">"))
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                f"SELECT x.id, {SHIPMENT_TEXT}, x.date_start, x.date_end, "
                + cites_sql("shipment") + " FROM shipment x WHERE x.shipper_id = ? AND "
                "x.consignee_id = ? ORDER BY x.id", (a, b)).fetchall()
        return [Fact("shipment", sid, text or f"shipment {sid}", day(first), day(last),
                     tuple(dict.fromkeys(split(cites))))
                for sid, text, first, last, cites in rows]

    def locate(self, records: set[tuple[str, int]]) -> set[tuple[str, str]]:
        """(shipper key, consignee key) of the shipments among ``records``."""
        ids = sorted(i for k, i in records if k == "shipment")
        found: set[tuple[str, str]] = set()
        with self._read() as conn:
            for at in range(0, len(ids), CHUNK):
                part = ids[at:at + CHUNK]
                for a, b in conn.exec_driver_sql(
                        "SELECT DISTINCT shipper_id, consignee_id FROM shipment WHERE id IN ("
                        + ",".join("?" * len(part)) + ")", tuple(part)):
                    found.add((f"entity:{a}", f"entity:{b}"))
        return found
