"""What a FollowTheMoney topic code means in words: 'role.pep' is 'Politically exposed person
(PEP)', 'export.risk' 'Trade risk'. The labels are a data file
(``resources/ftm/topics.json``, from the followthemoney registry); a code the file does not
know is printed as it stands."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from casefile.paths import resource_path


@lru_cache(maxsize=1)
def topic_labels() -> dict[str, str]:
    data = json.loads(resource_path("ftm", "topics.json").read_text("utf-8"))
    return dict(data["topics"])


def topic_label(code: str) -> str:
    """The label of a topic code ('sanction' -> 'Sanctioned'); an unknown code unchanged."""
    code = code.strip()
    return topic_labels().get(code.casefold(), code)


def sanctioned(topics: list[str]) -> bool:
    """Whether FtM topics list an entity as sanctioned ('sanction', 'sanction.linked' …)."""
    return any(t == "sanction" or t.startswith("sanction.") for t in topics)


def topics_words(codes: str | None) -> str:
    """A party's topics as stored (comma-separated codes) in words, each once, in order:
    'role.pep,sanction' -> 'Politically exposed person (PEP), Sanctioned'."""
    seen: list[str] = []
    for code in (codes or "").split(","):
        label = topic_label(code) if code.strip() else ""
        if label and label not in seen:
            seen.append(label)
    return ", ".join(seen)


def unsanctioned(entry: dict[str, Any]) -> str:
    """What a watchlist entry (as a screening hit keeps it) is when its list gives it no
    sanction and no sanctions topic — an entity related to listed ones (OpenSanctions ships
    companies' registry records with its lists: look30, ООО «ЦСТ» matched 1.00 and printed
    as a sanctions 'Match') — in words; '' when the list says it is sanctioned."""
    topics = [str(t) for t in (entry.get("properties") or {}).get("topics", [])]
    if entry.get("sanctions") or sanctioned(topics) or entry.get("targets"):
        return ""  # (a targets.simple.csv row: a target, whose topics the file does not
        # give — a sanctioned party without a sanction record, or a PEP: review34)
    if topics:
        return f"not listed as sanctioned (topics: {topics_words(','.join(topics))})"
    return "not listed as sanctioned (no sanction or topic in the list: a related entity)"
