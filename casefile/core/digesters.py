"""Digesters made for a table's columns: a function from a row as written (a tuple in the
order of the INSERT) to its digest, the same bytes as casefile.core.digests.row_digest of the
row as SQLite will store it — or None when the stored form of a value is not certain.

A row's digest covers SQLite's own values, and SQLite converts what it is given by the
column's type affinity; the digest is therefore made from a value only when its stored form
is certain (text into a text column, an integer or a bool into an integer or numeric one, a
number into a real one, NULL anywhere, …). Pure functions: the writer's process and the
digest worker (casefile.store.digest_sums) build the same ones."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring
from typing import Any, cast

Digester = Callable[[Sequence[Any], int], bytes | None]
# text SQLite might take for a number in a column of numeric, integer or real affinity
_NUMBERISH = re.compile(r"[ \t\n\v\f\r]*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?"
                        r"[ \t\n\v\f\r]*")


def affinity(declared: str) -> str:
    """SQLite's type affinity of a declared column type (its rules, in its order)."""
    t = declared.upper()
    if "INT" in t:
        return "integer"
    if "CHAR" in t or "CLOB" in t or "TEXT" in t:
        return "text"
    if "BLOB" in t or not t:
        return "blob"
    if "REAL" in t or "FLOA" in t or "DOUB" in t:
        return "real"
    return "numeric"


def _numberish(v: str) -> bool:
    return _NUMBERISH.fullmatch(v) is not None


# per affinity: the code that appends a non-NULL value ``v`` of the row as it is stored
_APPEND = {
    "text": ("if t is str: a(K + e(v))\n"
             "elif t is int: a(K + e(str(v)))\n"
             "else: return None"),
    "integer": ("if t is int: a(K + r(v))\n"
                "elif t is bool: a(K + r(int(v)))\n"
                "else: return None"),
    "numeric": ("if t is str:\n"
                "    if n(v): return None\n"
                "    a(K + e(v))\n"
                "elif t is int: a(K + r(v))\n"
                "elif t is bool: a(K + r(int(v)))\n"
                "else: return None"),
    # -0.0 is read back as 0.0 (SQLite keeps an integral real as an integer): not sure
    "real": ("if t is float and f(v) and not z(v): a(K + q(v))\n"
             "elif (t is int or t is bool) and -M < v < M: a(K + q(float(v)))\n"
             "else: return None"),
    "blob": ("if t is str: a(K + e(v))\n"
             "elif t is int: a(K + r(v))\n"
             "elif t is float and f(v) and not z(v): a(K + q(v))\n"
             "else: return None"),
}


def _negative_zero(v: float) -> bool:
    return v == 0.0 and math.copysign(1.0, v) < 0


def make_digester(table: str, cols: Sequence[str], affinities: dict[str, str],
                  given: Sequence[str]) -> Digester:
    """A function ``(row, id) -> digest`` for rows written as tuples in the order of
    ``given`` (``id`` among them or not): the digest of the row as the file will hold it,
    the digest columns ``cols`` that ``given`` lacks being NULL (the caller makes sure
    they have no other default); None for a row with a value whose stored form it cannot
    be sure of."""
    where = {c: i for i, c in enumerate(given)}
    lines = ["def digest(row, rid):", "    parts = []", "    a = parts.append"]
    env: dict[str, Any] = {"e": encode_basestring, "r": int.__repr__,
                           "q": float.__repr__, "f": math.isfinite, "n": _numberish,
                           "z": _negative_zero,
                           "M": 2 ** 53, "sha": hashlib.sha256}
    for k, c in enumerate(sorted(cols)):
        env[f"K{k}"] = encode_basestring(c) + ":"
        if c == "id" and "id" not in where:
            lines.append(f"    a(K{k} + r(rid))")
            continue
        if c not in where:  # NULL: left out of the canonical row
            continue
        lines += [f"    v = row[{where[c]}]", "    if v is not None:", "        t = type(v)"]
        body = _APPEND[affinities.get(c, "blob")].replace("K", f"K{k}")
        lines += ["        " + b for b in body.splitlines()]
    env["HEAD"] = "[" + encode_basestring(table) + ",{"
    lines.append("    return sha((HEAD + ','.join(parts) + '}]')"
                 ".encode('utf-8', 'surrogatepass')).digest()")
    exec("\n".join(lines), env)  # noqa: S102 - code made above from column names only
    return cast(Digester, env["digest"])


_made: dict[tuple[Any, ...], Digester] = {}


def digester_for(table: str, cols: Sequence[str], affinities: dict[str, str],
                 given: Sequence[str]) -> Digester:
    """:func:`make_digester`, made once per table and columns in a process (a bulk write
    asks for one each batch)."""
    key = (table, tuple(cols), tuple(sorted(affinities.items())), tuple(given))
    if key not in _made:
        _made[key] = make_digester(table, cols, affinities, given)
    return _made[key]


__all__ = ["Digester", "affinity", "digester_for", "make_digester"]
