"""What the PDF dossier is built from: the options a user picks and the plain data read from
a case (by ``casefile.services.queries.dossier``). The report package depends on nothing
but these types and ``casefile.core``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy stays unloaded until a timeline is drawn (`casefile --version`)
    from casefile.core.timeline import Timeline

SECTIONS = ("cover", "toc", "about", "findings", "chronology", "entities", "shipments",
            "network", "screening", "sources", "evidence", "index")
FACTS = ("entity", "relationship", "sanction", "shipment", "event", "finding")


@dataclass
class DossierOptions:
    sections: tuple[str, ...] = SECTIONS
    marking_line: str | None = None  # overrides the case's classification line
    tag: str | None = None
    entity_id: int | None = None
    redact_protected: bool = False
    marking: str | None = None  # a TLP key to print instead of the case's (e.g. a lower one)
    chart_id: int | None = None  # a saved link chart printed instead of the network figure

    @property
    def scoped(self) -> bool:
        """Whether the dossier is of a party or a tag, not of the whole case."""
        return self.entity_id is not None or bool(self.tag)


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
    as_of: date | None = None  # the case's last change
    today: date | None = None  # when sanctions' standing was judged
    updated_at: str | None = None  # the case's last change, as stored (ISO, UTC)
    scope_name: str = ""  # the entity a scoped dossier is about
    totals: dict[str, int] = field(default_factory=dict)  # records per kind in the case
    uncited_sources: int = 0  # sources of the case no printed fact cites
    audit_head: dict[str, Any] | None = None  # the last audit entry (id, at, actor, hash)
    warnings: list[str] = field(default_factory=list)  # for the export report
    # per watchlist: services.screening.summary.ScreeningSummary (read by attribute)
    screening: list[Any] = field(default_factory=list)
    # a saved link chart: (name, ChartGraph, positions, ChartState) of casefile.core.chart
    chart: tuple[str, Any, Any, Any] | None = None

    def relationships(self) -> list[dict]:
        """The dossier's relationships, each once, in the order its entities list them (an
        entity lists the relationships it is part of, so most appear twice there)."""
        return list({rel["id"]: rel for e in self.entities
                     for rel in e["relationships"]}.values())


@dataclass
class DossierReport:
    """What an export wrote and what the reader should know about it."""

    pages: int
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.pages} pages"
