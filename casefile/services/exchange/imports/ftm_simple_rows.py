"""The rows of OpenSanctions' targets.simple.csv, as an import run reads them: each row a
party, then the sanctions of its sanctions cell (taken apart by
:func:`casefile.services.exchange.imports.targets_simple.sanction_parts`), with what the file cannot
say — which of several countries is the main one, which sanction a programme id belongs to,
letters a code page lost — said or counted."""

from __future__ import annotations

from casefile.services.exchange.imports import ftm_map as fm
from casefile.services.exchange.imports.ftm_parties import FtmParties
from casefile.services.exchange.imports.ftm_read import Record
from casefile.services.exchange.imports.targets_simple import row_sanctions, with_unplaced


class SimpleRows(FtmParties):
    """The run's reading of targets.simple.csv rows (its state is the run's, ftm._Import)."""

    def simple_row(self, line: int, rec: Record) -> None:
        """A row of targets.simple.csv: the party, then its sanctions (the sanctions cell
        in parts; program_ids go to its one sanction, or each makes one when it has none)."""
        if rec["schema"] not in fm.mapping().parties:
            self.report.skip(rec["schema"])
            return
        for value in rec["_lost"]:
            self.report.warn(f"{self.path.name}, row {line}: {value!r} lost characters to the "
                             "file's code page ('?' where a program could not write them): "
                             "an alias or address so is left out, a name kept if letters of "
                             "it are left — import the file as OpenSanctions wrote it (UTF-8)")
        if not rec["properties"]["name"]:
            self.report.leave_out("rows of targets.simple.csv whose name was lost to the "
                                  "file's code page and that have no readable alias (their "
                                  "sanctions too)")
            return
        eid = self.party(line, rec, detect=True)
        if eid is None:
            return
        sanctions, loose = row_sanctions(rec)
        if loose:
            self.report.leave_out(f"program_ids {'; '.join(loose)!r} of a row with several "
                                  "sanctions: which sanction each belongs to is not said")
        for parts in sanctions:  # the authority is not in the file (its dataset is cited)
            self.sanction(line, {k: [v] for k, v in self._placed(parts).items() if v}, rec,
                          eid)

    def _placed(self, parts: dict[str, str]) -> dict[str, str]:
        """A sanction's parts with the dates the cell does not place, and a status its
        dates cast doubt on, said in its reason (and warned of once)."""
        further, either, doubted = (parts.get(k) for k in ("further", "either", "doubted"))
        with_unplaced(parts)
        if further:
            self.report.warn(f"{self.path.name}: a sanction the file gives more than one "
                             "date and no status that says it ended has its first date "
                             "as its start and the others in its reason — "
                             "targets.simple.csv does not say whether a later date is "
                             "another start or the end (entities.ftm.json does)")
        if either:
            self.report.warn(f"{self.path.name}: a sanction the file says has ended or was "
                             "lifted, with one date, is listed on that date or earlier "
                             "and keeps the date in its reason — targets.simple.csv does "
                             "not say whether it is the start or the end (entities.ftm.json "
                             "does)")
        if doubted:
            self.report.warn(f"{self.path.name}: a sanction the file lists as in force, with "
                             "a later date that has passed, is not recorded as in force: "
                             "its status as listed is kept in its reason")
        return parts

