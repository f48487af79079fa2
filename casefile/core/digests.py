"""The recipes that let a case prove itself: the digest of one row, the homomorphic multiset
hash (LtHash) over all row digests, and the hash of an audit entry.

Pure functions of values; the case file's side (which tables, reading rows, the stored state)
is in casefile.store.digest. docs/case-file-format.md describes the same recipes, and
docs/verify_case.py re-implements them with the standard library only: change one, change all.

* A row's canonical bytes are the UTF-8 of the JSON ``[table, {column: value}]`` with the keys
  sorted, no spaces, non-ASCII kept, NULL columns left out (so a new nullable column does not
  change existing rows' digests) and a blob written as ``{"blob": "<sha256 hex>"}``. Values
  are SQLite's own (text, integer, real); the columns a digest leaves out are listed in
  casefile.store.digest.
* A row's digest is the SHA-256 of its canonical bytes (32 bytes).
* Its LtHash element is SHAKE-256(``casefile-lthash-1`` + row digest) read as 1024
  little-endian unsigned 16-bit lanes; the case's state is the lane-wise sum mod 2**16 of the
  elements of all its rows. Adding or removing a row is one addition or subtraction, so an edit
  costs the same on a case of ten rows or a million.
* The content digest is the SHA-256 (hex) of the state's 2048 bytes.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

LANES = 1024
STATE_BYTES = 2 * LANES
LTHASH_PREFIX = b"casefile-lthash-1"
AUDIT_V2 = "casefile-audit-2"  # the first item of an entry payload that covers a digest


def _blob(value: Any) -> dict[str, str]:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"blob": hashlib.sha256(bytes(value)).hexdigest()}
    raise TypeError(f"not a SQLite value: {type(value).__name__}")


def canonical_row(table: str, row: Mapping[str, Any]) -> bytes:
    """The canonical bytes of one row (see the module docstring)."""
    values = {k: v for k, v in row.items() if v is not None}
    return json.dumps([table, values], sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=_blob).encode("utf-8", "surrogatepass")


def row_digest(table: str, row: Mapping[str, Any]) -> bytes:
    """SHA-256 of a row's canonical bytes."""
    return hashlib.sha256(canonical_row(table, row)).digest()


_ENCODE_STR = json.encoder.encode_basestring  # what json.dumps uses with ensure_ascii=False
_FLOAT_REPR = float.__repr__
_INT_REPR = int.__repr__


def row_digester(table: str, cols: Sequence[str]) -> Callable[[Sequence[Any]], bytes]:
    """A function from a row read as a tuple in the order of ``cols`` to its digest: the
    same bytes as :func:`row_digest` (tests prove it), written straight from the tuple with
    the key order and each key's JSON worked out once. Values of another type than SQLite's
    own (or a non-finite real) take the :func:`canonical_row` path."""
    names = list(cols)
    order = sorted(range(len(names)), key=names.__getitem__)
    keyed = [(i, _ENCODE_STR(names[i]) + ":") for i in order]
    head = "[" + _ENCODE_STR(table) + ",{"
    sha256 = hashlib.sha256
    finite = math.isfinite

    def digest(row: Sequence[Any]) -> bytes:
        parts: list[str] = []
        for i, key in keyed:
            v = row[i]
            if v is None:
                continue
            t = type(v)
            if t is str:
                parts.append(key + _ENCODE_STR(v))
            elif t is int:
                parts.append(key + _INT_REPR(v))
            elif t is bytes:
                parts.append(key + '{"blob":"' + sha256(v).hexdigest() + '"}')
            elif t is float and finite(v):
                parts.append(key + _FLOAT_REPR(v))
            else:
                return row_digest(table, dict(zip(names, row, strict=True)))
        text = head + ",".join(parts) + "}]"
        return sha256(text.encode("utf-8", "surrogatepass")).digest()

    return digest


def element(digest: bytes) -> bytes:
    """The LtHash element of a row digest: 2048 bytes (1024 lanes, little-endian)."""
    return hashlib.shake_256(LTHASH_PREFIX + digest).digest(STATE_BYTES)


_BATCH = 4096  # elements summed at a time: 8 MB


def _sum(digests: Iterable[bytes]) -> npt.NDArray[np.uint16]:
    """The lane-wise sum mod 2**16 of the elements of ``digests`` (numpy's uint16 addition
    wraps around: it is the sum mod 2**16)."""
    total = np.zeros(LANES, dtype=np.uint16)
    shake, prefix = hashlib.shake_256, LTHASH_PREFIX
    batch: list[bytes] = []
    for d in digests:
        batch.append(shake(prefix + d).digest(STATE_BYTES))
        if len(batch) >= _BATCH:
            total += np.frombuffer(b"".join(batch), "<u2").reshape(-1, LANES).sum(
                axis=0, dtype=np.uint16)
            batch = []
    if batch:
        total += np.frombuffer(b"".join(batch), "<u2").reshape(-1, LANES).sum(
            axis=0, dtype=np.uint16)
    return total


def element_sum(digests: Iterable[bytes]) -> bytes:
    """The lane-wise sum (as 2048 state bytes) of the elements of ``digests``: what the
    digest worker computes for a batch."""
    return _sum(digests).astype("<u2").tobytes()


class LtHash:
    """A multiset hash: add and remove row digests in any order; equal multisets give equal
    states."""

    def __init__(self, state: bytes | None = None) -> None:
        if state is not None and len(state) != STATE_BYTES:
            raise ValueError(f"an LtHash state is {STATE_BYTES} bytes, not {len(state)}")
        self.lanes = (np.frombuffer(state, "<u2").astype(np.uint16) if state is not None
                      else np.zeros(LANES, dtype=np.uint16))

    def add(self, digests: Iterable[bytes]) -> None:
        self.lanes = self.lanes + _sum(digests)  # uint16: mod 2**16

    def add_state(self, state: bytes) -> None:
        """Add another state (a sum of elements made elsewhere, e.g. :func:`element_sum`)."""
        self.lanes = self.lanes + np.frombuffer(state, "<u2").astype(np.uint16)

    def remove(self, digests: Iterable[bytes]) -> None:
        self.lanes = self.lanes - _sum(digests)  # uint16: mod 2**16

    def state(self) -> bytes:
        return self.lanes.astype("<u2").tobytes()

    def hexdigest(self) -> str:
        return content_digest(self.state())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LtHash) and self.state() == other.state()

    __hash__ = None  # type: ignore[assignment]


def content_digest(state: bytes) -> str:
    """The content digest an audit entry records: SHA-256 (hex) of the LtHash state."""
    return hashlib.sha256(state).hexdigest()


def entry_hash(prev_hash: str, at: str, actor: str, action: str, summary: str, detail: str,
               digest: str | None = None) -> str:
    """The hash of an audit entry. Recipe 1 (entries without a content digest, written
    before schema 0004): SHA-256 of the JSON [prev_hash, at, actor, action, summary, detail].
    Recipe 2 (with one): the same list with ``casefile-audit-2`` first and the content
    digest last."""
    items: list[str] = [prev_hash, at, actor, action, summary, detail]
    if digest is not None:
        items = [AUDIT_V2, *items, digest]
    payload = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
