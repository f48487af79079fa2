"""OpenSanctions' datasets by their codes (``us_ofac_sdn``, ``eu_fsf``): the title a person
reads and the body that publishes each list.

A list entry names the datasets it is in by code; shown bare, ``us_ofac_sdn`` means little in
a briefing and nothing as a sanction's authority. The codes' titles and publishers are a data
file (``resources/sanctions/datasets.json``, from OpenSanctions' dataset metadata); a code it
does not know (a newer dataset, or a list that is not OpenSanctions') is shown as given."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from casefile.paths import resource_path


@lru_cache(maxsize=1)
def _datasets() -> dict[str, dict[str, Any]]:
    data = json.loads(resource_path("sanctions", "datasets.json").read_text("utf-8"))
    return dict(data["datasets"])


def dataset_title(code: str) -> str:
    """The dataset's title ('US OFAC Specially Designated Nationals (SDN) List'), or the
    code as given when it is not known."""
    known = _datasets().get(code.strip())
    return str(known["title"]) if known else code


def dataset_words(code: str) -> str:
    """A dataset as a reader is shown it: its title with its code, which the list's own
    files and site use ('US OFAC Specially Designated Nationals (SDN) List (us_ofac_sdn)');
    an unknown code alone."""
    title = dataset_title(code)
    return f"{title} ({code.strip()})" if title != code else code


def official_publisher(code: str) -> str | None:
    """The official body that publishes the dataset, with its acronym ('Office of Foreign
    Assets Control (OFAC)'); None when the code is not known or its publisher is not an
    official body (OpenSanctions' own research, a company's register)."""
    known = _datasets().get(code.strip())
    if not known or not known.get("official") or not known.get("publisher"):
        return None
    name, acronym = str(known["publisher"]), str(known.get("acronym") or "")
    if not acronym or acronym.casefold() in name.casefold():
        return name
    return f"{name} ({acronym})"


def dataset_acronym(code: str) -> str:
    """The acronym of the dataset's publisher ('OFAC' for us_ofac_sdn); '' when not known."""
    return str((_datasets().get(code.strip()) or {}).get("acronym") or "")
