"""The sanction programme names OpenSanctions' crawlers write (resources/sanctions/
programmes.json), for reading a targets.simple.csv sanctions cell: 'program - reason -
status - start - end' joined with ' - ', where a programme's own name may hold ' - '
('Entity List (EL) - Bureau of Industry and Security', 'CAATSA - RUSSIA'), read like a
sentence or run past the length of a name (Czech legal references: 'čl. 2 odst. 3 …'), and
so be cut or taken for the reason (research27)."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from casefile.paths import resource_path


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], dict[str, list[re.Pattern[str]]]]:
    """(every name, whitespace folded; the names holding ' - ' by their first word, each
    as a pattern that matches it at a cell's start with any run of spaces, longest
    first)."""
    data = json.loads(resource_path("sanctions", "programmes.json").read_text("utf-8"))
    names = frozenset(data["names"])
    dashed: dict[str, list[re.Pattern[str]]] = {}
    for name in sorted((n for n in names if " - " in n), key=len, reverse=True):
        words = [re.escape(w) for w in name.split()]
        dashed.setdefault(name.split()[0], []).append(
            re.compile(r"\s+".join(words) + r"(?=\s+-\s|\s*$)"))
    return names, dashed


def known_programme(part: str) -> bool:
    """Whether ``part`` is a programme name a list writes (whitespace folded)."""
    return " ".join(part.split()) in _names()[0]


def programme_at_start(text: str) -> str | None:
    """The programme name holding ' - ' that ``text`` begins with, as the text writes it
    (None when it begins with none)."""
    first = text.split(None, 1)[0] if text.strip() else ""
    for pattern in _names()[1].get(first, ()):
        if found := pattern.match(text.lstrip()):
            return found.group(0)
    return None
