"""What the PDF dossier is built from: the options a user picks and the plain data read from
a case (by ``casefile.services.queries.dossier``). The report package depends on nothing
but these types and ``casefile.core``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy stays unloaded until a timeline is drawn (`casefile --version`)
    from casefile.core.timeline import Timeline

SECTIONS = ("cover", "toc", "findings", "chronology", "entities", "shipments", "network",
            "sources")
FACTS = ("entity", "relationship", "sanction", "shipment", "event", "finding")


@dataclass
class DossierOptions:
    sections: tuple[str, ...] = SECTIONS
    marking_line: str | None = None  # overrides the case's classification line
    tag: str | None = None
    entity_id: int | None = None
    redact_protected: bool = False


@dataclass
class DossierData:
    info: dict[str, Any]
    content_sha256: str  # the content digest recorded by the head of the audit chain
    options: DossierOptions
    entities: list[dict] = field(default_factory=list)
    shipments: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)  # numbered, possibly redacted
    marks: dict[tuple[str, int], list[tuple[int, str]]] = field(default_factory=dict)
    timeline: Timeline | None = None
    as_of: date | None = None
