"""The record kinds a user lists and cites, and the vocabularies of their kind and status
fields, as plain names: what the main window's navigator, menus and editor need before any
table is defined. :mod:`casefile.store.schema` re-exports them with
the tables; importing this module costs nothing (no SQLAlchemy), so the first window paints
before the database layer is loaded."""

from __future__ import annotations

from typing import Literal, get_args

RecordKind = Literal["entity", "shipment", "event", "source", "finding", "relationship",
                     "sanction"]
FactKind = Literal["entity", "relationship", "sanction", "shipment", "event", "finding"]

# The kinds a user lists, creates and edits, in the order the navigator shows them.
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
# What a citation can point at (one nullable foreign key per kind on the citation table),
# in the order of those columns.
FACT_KINDS: tuple[FactKind, ...] = get_args(FactKind)

# The values of the kind and status fields (:mod:`casefile.store.models` checks them).
ENTITY_KINDS = ("company", "person", "organisation", "public_body", "vessel", "aircraft", "other")
SOURCE_KINDS = ("news_article", "trade_record", "official_statement", "document",
                "social_media", "interview", "database", "other")
EVENT_KINDS = ("statement", "designation", "sighting", "meeting", "publication",
               "request_for_comment", "no_response", "other")
RELATIONSHIP_KINDS = ("owns", "subsidiary_of", "supplies", "customer_of", "director_of",
                      "spokesperson_for", "employee_of", "associate_of", "family_of",
                      "member_of", "represents", "successor_of", "other")
# in force / ended (expired) / lifted (delisted); "" when the source does not say
SANCTION_STATUSES = ("", "in_force", "ended", "lifted")
# a person's gender as FollowTheMoney has it; "" (stored as no value): unknown
GENDERS = ("", "male", "female", "other")
