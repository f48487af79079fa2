"""The built-in demo case, made from the article in resources/demo."""

from __future__ import annotations

from pathlib import Path

from casefile.paths import resource_path
from casefile.services.case.facade import Case
from casefile.services.exchange.case_json import load_case_json

DEMO_JSON = resource_path("demo", "demo_case.json")


def write_demo(path: str | Path, replace: bool = False) -> Case:
    """Create the demo case at ``path`` and return it open. ``path`` must not exist, unless
    ``replace``: then the case there is replaced — only if nobody has it open, and only once
    the demo is whole (a failure leaves it as it was)."""
    return Case.new(path, fill=lambda case: load_case_json(case, DEMO_JSON), replace=replace)
