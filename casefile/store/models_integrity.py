"""The case file's bookkeeping tables (SQLModel), beside its records (:mod:`.models`): the
hash-chained audit log, each content row's digest, and the LtHash of them all — what lets a
check tell a case changed outside Casefile."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, LargeBinary
from sqlmodel import Field, SQLModel


class AuditEntry(SQLModel, table=True):
    """One operation, hash-chained to the one before so that tampering shows."""

    __tablename__ = "audit_log"
    id: int | None = Field(default=None, primary_key=True)
    at: str  # ISO 8601 UTC timestamp
    actor: str = ""
    action: str
    summary: str = ""
    detail: str = "{}"  # JSON
    prev_hash: str = ""
    hash: str
    # SHA-256 (hex) of the case content after the operation (casefile.core.digests); NULL in
    # entries written before schema 0004, whose hash follows the first recipe
    content_digest: str | None = None


class RowDigest(SQLModel, table=True):
    """The digest of every content row (casefile.core.digests), so that a check can name
    the rows changed, added or deleted outside Casefile. Not a kind of record."""

    __tablename__ = "row_digest"
    __table_args__ = {"sqlite_with_rowid": False}
    tbl: str = Field(primary_key=True)
    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    digest: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class DigestState(SQLModel, table=True):
    """The one row holding the LtHash of all row digests (its 2048 bytes) and their count."""

    __tablename__ = "digest_state"
    __table_args__ = (CheckConstraint("id = 1", name="ck_digest_state_one_row"),)
    id: int = Field(default=1, primary_key=True)
    lanes: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    rows: int = 0
