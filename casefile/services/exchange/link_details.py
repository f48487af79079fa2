"""A relationship's details as the case says them in its description ('51%', 'ownership type:
Shares') — written so by the FollowTheMoney import, read back out of it by the export, which
gives FtM readers the properties (look21: an ownership's percentage went out only as text)."""

from __future__ import annotations

import re

from casefile.services.exchange.imports.ftm_map import mapping

_DETAIL_WORDS = {"ownershipType": "ownership type", "sharesCount": "shares",
                 "sharesValue": "value of shares", "sharesCurrency": "currency of shares",
                 "sharesType": "type of shares", "legalBasis": "legal basis",
                 "status": "status", "secretary": "secretary"}


def details_said(schema: str, description: str) -> list[tuple[str, str]]:
    """The (property, value) of a link's details its description says as :func:`detail`
    writes them ('51%', 'ownership type: Shares'), for Casefile's export to give FtM
    readers (look21: an ownership's percentage went out only as text). A role is plain
    text, not told from the rest, and stays in the description only."""
    props = [p for p in mapping().links.get(schema, {}).get("details", []) if p != "role"]
    words = {w: p for p, w in _DETAIL_WORDS.items() if p in props}
    out = []
    for part in description.split("; "):
        if "percentage" in props and re.fullmatch(r"\d+(?:[.,]\d+)?%", part.strip()):
            out.append(("percentage", part.strip().removesuffix("%")))
        elif ": " in part and (prop := words.get(part.split(": ", 1)[0].strip())):
            out.append((prop, part.split(": ", 1)[1].strip()))
    return out


def detail(prop: str, value: str) -> str:
    """'25%', 'Chief Designer', 'ownership type: Shares'."""
    if prop == "percentage":
        return value if value.endswith("%") else f"{value}%"
    if prop in ("role", "relationship"):
        return value
    return f"{_DETAIL_WORDS.get(prop, prop)}: {value}"
