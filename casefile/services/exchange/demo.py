"""The built-in demo case, made from the article in resources/demo."""

from __future__ import annotations

from pathlib import Path

from casefile.paths import resource_path
from casefile.services.case.facade import Case
from casefile.services.exchange.case_json import load_case_json

DEMO_JSON = resource_path("demo", "demo_case.json")


def write_demo(path: str | Path) -> Case:
    """Create the demo case at ``path`` (which must not exist) and return it open."""
    case = Case.new(path)
    try:
        load_case_json(case, DEMO_JSON)
    except Exception:
        case.close()
        Path(path).unlink(missing_ok=True)
        raise
    case.clear_history()  # the demo starts with nothing to undo
    return case
