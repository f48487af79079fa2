"""Grading scales: Admiralty source reliability and information credibility, TLP 2.0 markings,
and analytic confidence. Pure values shared by the GUI and the PDF dossier."""

from __future__ import annotations

from dataclasses import dataclass

from casefile.errors import ValidationError

RELIABILITY: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}

CREDIBILITY: dict[int, str] = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}

CONFIDENCE: dict[str, str] = {
    "low": "Low confidence",
    "moderate": "Moderate confidence",
    "high": "High confidence",
}


@dataclass(frozen=True)
class Tlp:
    """A Traffic Light Protocol 2.0 label with its official colours (FIRST TLP 2.0)."""

    label: str
    fg: str
    bg: str
    meaning: str


TLP: dict[str, Tlp] = {
    "CLEAR": Tlp("TLP:CLEAR", "#FFFFFF", "#000000", "Disclosure is not limited."),
    "GREEN": Tlp("TLP:GREEN", "#33FF00", "#000000", "Limited disclosure, community-wide."),
    "AMBER": Tlp("TLP:AMBER", "#FFC000", "#000000",
                 "Limited disclosure, recipients' organisations and clients only."),
    "AMBER+STRICT": Tlp("TLP:AMBER+STRICT", "#FFC000", "#000000",
                        "Limited disclosure, recipients' organisation only."),
    "RED": Tlp("TLP:RED", "#FF2B2B", "#000000", "For the eyes and ears of individual recipients"
               " only, no further disclosure."),
}


def tlp_rank(marking: str | None) -> int:
    """How restrictive a marking is: 0 for none, then CLEAR 1 … RED 5."""
    return list(TLP).index(marking) + 1 if marking in TLP else 0


class GradeError(ValidationError):
    """An unknown grade or marking: a :class:`~casefile.errors.ValidationError` of the field
    it is checked for (marking, reliability, credibility, confidence)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(field, message, display=message)


def normalise_tlp(value: str) -> str:
    """'tlp:amber+strict' -> 'AMBER+STRICT'; 'white' is TLP 1.0's CLEAR. Unknown labels raise."""
    v = value.strip().upper().removeprefix("TLP:").removeprefix("TLP ").strip()
    v = {"WHITE": "CLEAR", "AMBER STRICT": "AMBER+STRICT"}.get(v, v)
    if v not in TLP:
        raise GradeError("marking", f"Unknown TLP label {value!r}: use one of "
                         + ", ".join(TLP) + " (or leave the marking empty and set a "
                         "classification line)")
    return v


def check_reliability(value: str) -> str:
    v = value.strip().upper()
    if v not in RELIABILITY:
        raise GradeError("reliability", f"Source reliability must be A–F, not {value!r}")
    return v


def check_credibility(value: int | str) -> int:
    try:
        v = int(value)
    except (TypeError, ValueError):
        raise GradeError("credibility", f"Credibility must be 1–6, not {value!r}") from None
    if v not in CREDIBILITY:
        raise GradeError("credibility", f"Credibility must be 1–6, not {value!r}")
    return v


def check_confidence(value: str) -> str:
    v = value.strip().lower()
    if v not in CONFIDENCE:
        raise GradeError("confidence", "Analytic confidence must be low, moderate or high, "
                         f"not {value!r}")
    return v


def admiralty_code(reliability: str | None, credibility: int | None) -> str:
    """'B' + 2 -> 'B2'; missing parts show as F / 6 (cannot be judged)."""
    return f"{reliability or 'F'}{credibility or 6}"
