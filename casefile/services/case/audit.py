"""The hash-chained audit log: who changed what, when, in an order that cannot be rewritten
unnoticed (each entry's hash covers the previous entry's hash and, from schema 0004 on, the
digest of the case content after the entry's operation; recipes in casefile.core.digests)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Connection

from casefile.core.digests import entry_hash
from casefile.services.case.journal import RowChange

__all__ = ["append", "describe", "entry_hash", "head_digest", "verify"]

_SKIP = {"data"}  # attachment bytes: their SHA-256 is in the row already


def _plain(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, bytes):
        return f"<{len(v)} bytes>"
    return v


def describe(changes: list[RowChange]) -> str:
    """A compact JSON account of the rows an operation wrote."""
    rows = []
    for ch in changes:
        item: dict[str, Any] = {"table": ch.table, "id": ch.pk, "op": ch.op}
        if ch.op == "update" and ch.before and ch.after:
            item["set"] = {k: _plain(v) for k, v in ch.after.items()
                           if k not in _SKIP and ch.before.get(k) != v}
        elif ch.op == "insert" and ch.after:
            item["values"] = {k: _plain(v) for k, v in ch.after.items()
                              if k not in _SKIP and v not in (None, "", False)}
        rows.append(item)
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"), default=str)


def append(conn: Connection, actor: str, action: str, summary: str, detail: str,
           content_digest: str | None = None) -> str:
    """Add an entry at the end of the chain; returns its hash."""
    prev = conn.exec_driver_sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").scalar()
    prev = prev or ""
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    h = entry_hash(prev, at, actor, action, summary, detail, content_digest)
    conn.exec_driver_sql(
        "INSERT INTO audit_log(at, actor, action, summary, detail, prev_hash, hash, "
        "content_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (at, actor, action, summary, detail, prev, h, content_digest))
    return h


def head_digest(conn: Connection) -> str | None:
    """The content digest recorded by the last audit entry (None: none recorded)."""
    return conn.exec_driver_sql(
        "SELECT content_digest FROM audit_log ORDER BY id DESC LIMIT 1").scalar()


def verify(conn: Connection) -> list[str]:
    """Problems found in the chain (empty when intact)."""
    problems = []
    prev = ""
    digested = False
    for row in conn.exec_driver_sql(
            "SELECT id, at, actor, action, summary, detail, prev_hash, hash, content_digest "
            "FROM audit_log ORDER BY id"):
        rid, at, actor, action, summary, detail, prev_hash, h, digest = row
        if prev_hash != prev:
            problems.append(f"audit entry {rid}: does not follow the entry before it")
        if entry_hash(prev_hash, at, actor, action, summary, detail, digest) != h:
            problems.append(f"audit entry {rid}: its content was changed after it was written")
        if digest is None and digested:
            problems.append(f"audit entry {rid}: records no content digest although the "
                            "entries before it do")
        digested = digested or digest is not None
        prev = h
    return problems
