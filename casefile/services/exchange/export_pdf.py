"""Export a case as a PDF dossier (used by the CLI and the GUI)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.errors import NotFoundError
from casefile.report.builder import build_pdf
from casefile.services.queries.dossier import DossierOptions, read_dossier
from casefile.store.copies import refuse_output

if TYPE_CHECKING:
    from casefile.services.case.facade import Case


def export_dossier(case: Case, out: str | Path, options: DossierOptions | None = None,
                   progress: Callable[[float, int, str], None] | None = None) -> int:
    """Write the dossier; return its page count. ``out`` may not be the case or one of its
    files."""
    for target in (Path(out), Path(f"{out}.part")):  # build_pdf writes through out.part
        refuse_output(target, case.path, "the dossier")
    opt = options or DossierOptions()
    with case.read() as conn:
        if opt.entity_id is not None and conn.exec_driver_sql(
                "SELECT 1 FROM entity WHERE id = ?", (opt.entity_id,)).first() is None:
            raise NotFoundError(f"There is no entity #{opt.entity_id} in this case")
        data = read_dossier(conn, opt)
    return build_pdf(data, out, progress)
