"""The case file's tables (SQLModel). One row of ``case_info`` describes the case.

Every fact that can carry a date carries one fuzzy date in the ``date_*`` columns: the text as
the source gave it, its EDTF form, inclusive first/last day (ISO text, sortable; NULL for an open
end), precision and the approximate/uncertain flags. A record with further dates (a sanction's
start and end, a person's birth) keeps each in the same seven columns under its own prefix
(``start_text`` … ``start_uncertain``): a fuzzy date field is named by its prefix.

An entity's countries: ``country`` is the first (the one listings, filters and charts use) and
``other_countries`` the rest, as comma-separated ISO 3166-1 alpha-2 codes (``"RU,KZ"``); kept
apart so that editing the first never rewrites the others. ``nationality`` is a list the same
way. Columns that hold such a list carry ``info={"holds": "countries"}`` (see
:func:`casefile.store.schema.country_list_columns`).

Citations point at exactly one fact through one of several nullable foreign keys (a CHECK makes
sure exactly one is set), so SQLite itself enforces that no citation dangles.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import CheckConstraint, Column, Index, LargeBinary
from sqlmodel import Field, SQLModel

# the vocabularies of the kind and status fields (kept where the GUI reads them without SQL)
from casefile.store.kinds import ENTITY_KINDS as ENTITY_KINDS
from casefile.store.kinds import EVENT_KINDS as EVENT_KINDS
from casefile.store.kinds import GENDERS as GENDERS
from casefile.store.kinds import RELATIONSHIP_KINDS as RELATIONSHIP_KINDS
from casefile.store.kinds import SANCTION_STATUSES as SANCTION_STATUSES
from casefile.store.kinds import SOURCE_KINDS as SOURCE_KINDS

COUNTRY_LIST = {"info": {"holds": "countries"}}  # a column of comma-separated ISO codes


def utcnow() -> datetime:
    return datetime.now(UTC)


class Dated(SQLModel):
    """Columns of one fuzzy date (see casefile.core.fuzzydate)."""

    date_text: str | None = None
    date_edtf: str | None = None
    date_start: str | None = Field(default=None, index=True)
    date_end: str | None = None
    date_precision: str | None = None
    date_approx: bool = False
    date_uncertain: bool = False


class CaseInfo(SQLModel, table=True):
    __tablename__ = "case_info"
    id: int | None = Field(default=None, primary_key=True)
    title: str = "Untitled case"
    reference: str = ""
    summary: str = ""
    marking: str | None = None  # TLP 2.0 key: CLEAR, GREEN, AMBER, AMBER+STRICT, RED
    classification: str = ""  # free classification line, printed under the marking
    author: str = ""
    organisation: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Entity(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: str = "company"
    name: str = Field(index=True)
    country: str | None = None  # ISO 3166-1 alpha-2
    description: str = ""
    tags: str = ""  # comma-separated, lower-case
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # added in schema 0003 (after the columns above, as ALTER TABLE puts them)
    other_countries: str = Field(default="", sa_column_kwargs=COUNTRY_LIST)
    nationality: str = Field(default="", sa_column_kwargs=COUNTRY_LIST)
    topics: str = ""  # FollowTheMoney topics, comma-separated: sanction, role.pep, ...
    legal_form: str = ""
    position: str = ""  # positions held, one a line
    address: str = ""  # addresses, one a line
    birth_place: str = ""
    birth_text: str | None = None  # birth date (a person), fuzzy like date_*
    birth_edtf: str | None = None
    birth_start: str | None = None
    birth_end: str | None = None
    birth_precision: str | None = None
    birth_approx: bool = False
    birth_uncertain: bool = False
    incorporation_text: str | None = None  # incorporation date (an organisation)
    incorporation_edtf: str | None = None
    incorporation_start: str | None = None
    incorporation_end: str | None = None
    incorporation_precision: str | None = None
    incorporation_approx: bool = False
    incorporation_uncertain: bool = False
    dissolution_text: str | None = None  # dissolution date (an organisation)
    dissolution_edtf: str | None = None
    dissolution_start: str | None = None
    dissolution_end: str | None = None
    dissolution_precision: str | None = None
    dissolution_approx: bool = False
    dissolution_uncertain: bool = False
    # added in schema 0007: a person's gender (one of GENDERS; no value when unknown)
    gender: str | None = None


class Alias(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", index=True)
    name: str
    lang: str = ""  # BCP 47: ru, zh-Hans, en, ...
    kind: str = "alias"  # alias, transliteration, previous_name, abbreviation, weak_alias


class Identifier(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", index=True)
    scheme: str  # e.g. "OGRN", "INN", "USCC", "IMO", "LEI"
    value: str
    country: str | None = None


class Relationship(Dated, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: str = "other"
    subject_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", index=True)
    object_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", index=True)
    description: str = ""


class Sanction(Dated, table=True):
    """A listing; the date columns hold the listing date (when the party was designated),
    ``start_*`` when the measures took effect and ``end_*`` when they ended (expired or
    were lifted, as ``status`` says). ``end_text`` is where schema 0002 kept "delisted"."""

    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", index=True)
    authority: str = ""
    programme: str = ""
    reason: str = ""
    end_text: str | None = None
    # added in schema 0003
    program_id: str = ""  # the list's own code of the programme (OFAC's RUSSIA-EO14024)
    status: str = ""  # one of SANCTION_STATUSES
    source_url: str = ""
    start_text: str | None = None
    start_edtf: str | None = None
    start_start: str | None = None
    start_end: str | None = None
    start_precision: str | None = None
    start_approx: bool = False
    start_uncertain: bool = False
    end_edtf: str | None = None
    end_start: str | None = None
    end_end: str | None = None
    end_precision: str | None = None
    end_approx: bool = False
    end_uncertain: bool = False


class Shipment(Dated, table=True):
    id: int | None = Field(default=None, primary_key=True)
    shipper_id: int | None = Field(default=None, foreign_key="entity.id", ondelete="RESTRICT",
                                   index=True)
    consignee_id: int | None = Field(default=None, foreign_key="entity.id",
                                     ondelete="RESTRICT", index=True)
    origin_country: str | None = None
    destination_country: str | None = None
    declared_goods: str = ""
    assessed_goods: str = ""
    hs_code: str = ""
    quantity: float | None = None
    unit: str = ""
    weight_kg: float | None = None
    value: float | None = None
    currency: str = ""
    shipment_count: int = 1
    dual_use: bool = False
    reference: str = ""
    notes: str = ""
    tags: str = ""


class RouteStop(SQLModel, table=True):
    __tablename__ = "route_stop"
    __table_args__ = (Index("ix_route_stop_order", "shipment_id", "position"),)
    id: int | None = Field(default=None, primary_key=True)
    shipment_id: int = Field(foreign_key="shipment.id", ondelete="CASCADE")
    position: int = 0
    country: str | None = None
    place: str = ""
    entity_id: int | None = Field(default=None, foreign_key="entity.id", ondelete="SET NULL",
                                  index=True)  # (schema 0009)
    role: str = "transit"  # transit, transshipment, intermediary


class Event(Dated, table=True):
    id: int | None = Field(default=None, primary_key=True)
    kind: str = "other"
    title: str
    description: str = ""
    tags: str = ""


class EventParty(SQLModel, table=True):
    __tablename__ = "event_party"
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE", index=True)
    entity_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", index=True)
    role: str = ""


class Source(Dated, table=True):
    """A source; the date columns hold its publication date."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = "document"
    title: str
    publisher: str = ""
    author: str = ""
    url: str = ""
    accessed: str | None = None  # ISO day
    language: str = ""
    reliability: str = "F"  # Admiralty A-F
    protected: bool = False
    notes: str = ""
    tags: str = ""


class Attachment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="CASCADE", index=True)
    filename: str
    mime: str = "application/octet-stream"
    size: int = 0
    sha256: str
    added_at: datetime = Field(default_factory=utcnow)
    # last: SQLite streams a blob (zeroblob + incremental I/O) only in the last column
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Finding(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str
    text: str = ""
    confidence: str = "moderate"  # low, moderate, high
    position: int = 0
    tags: str = ""


CITATION_TARGETS = ("entity", "relationship", "sanction", "shipment", "event", "finding")


class Citation(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint(
            " + ".join(f"({t}_id IS NOT NULL)" for t in CITATION_TARGETS) + " = 1",
            name="ck_citation_one_target"),
    )
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", ondelete="RESTRICT", index=True)
    entity_id: int | None = Field(default=None, foreign_key="entity.id", ondelete="CASCADE",
                                  index=True)
    relationship_id: int | None = Field(default=None, foreign_key="relationship.id",
                                        ondelete="CASCADE", index=True)
    sanction_id: int | None = Field(default=None, foreign_key="sanction.id",
                                    ondelete="CASCADE", index=True)
    shipment_id: int | None = Field(default=None, foreign_key="shipment.id",
                                    ondelete="CASCADE", index=True)
    event_id: int | None = Field(default=None, foreign_key="event.id", ondelete="CASCADE",
                                 index=True)
    finding_id: int | None = Field(default=None, foreign_key="finding.id", ondelete="CASCADE",
                                   index=True)
    excerpt: str = ""
    locator: str = ""  # page, paragraph, row
    credibility: int = 6  # 1-6


class Chart(SQLModel, table=True):
    """A named link chart of the case: its layout, node positions, pins, hidden nodes and
    date window, as the JSON of :class:`casefile.core.chart.state.ChartState` (schema
    0005). The facts it draws are read from the case each time it is opened."""

    id: int | None = Field(default=None, primary_key=True)
    name: str
    description: str = ""
    state: str = "{}"
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


# the audit log and the row digests (not records): casefile.store.models_integrity
from casefile.store.models_integrity import AuditEntry as AuditEntry  # noqa: E402
from casefile.store.models_integrity import DigestState as DigestState  # noqa: E402
from casefile.store.models_integrity import RowDigest as RowDigest  # noqa: E402
