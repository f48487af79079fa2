"""Human words for record kinds and enumerations, shared by the CLI, GUI and dossier."""

from __future__ import annotations

KINDS: dict[str, tuple[str, str]] = {
    "entity": ("Entity", "Entities"), "shipment": ("Shipment", "Shipments"),
    "event": ("Event", "Events"), "source": ("Source", "Sources"),
    "finding": ("Finding", "Findings"), "relationship": ("Relationship", "Relationships"),
    "sanction": ("Sanction", "Sanctions"), "citation": ("Citation", "Citations"),
    "attachment": ("Attachment", "Attachments"),
}


def plural(kind: str) -> str:
    return KINDS.get(kind, (kind, kind + "s"))[1]


def singular(kind: str) -> str:
    return KINDS.get(kind, (kind, kind))[0]


def words(code: str | None) -> str:
    """'public_body' -> 'public body'."""
    return (code or "").replace("_", " ")
