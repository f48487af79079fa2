"""What the import dialogs say when a check or an import ends: the report of what it did
or would do (what came in, what was skipped and left out, each with why, the near matches
to tick, the preview) and the problems that stopped it, with the setting in the dialog that
would get past them. Plain text only: names from the file are never read as markup."""

from __future__ import annotations

from typing import Any

from casefile.core.labels import counted
from casefile.ui.encoding_choice import CHOOSE


def done_lines(report: Any, dry_run: bool, then_import: bool, *, headline: str, row: str,
               cited: str) -> list[str]:
    """The lines of the report of a check (``dry_run``) or an import: ``headline`` opens
    it; ``row`` names what the file holds one of per line, ``cited`` what cites the file;
    ``then_import`` when the check ran because Import was pressed."""
    lines = missing_lines(report, dry_run) + [headline]
    if said := report.encoding_line(CHOOSE):
        lines.append(f"{said}.")
    if report.date_order:
        lines.append(f"Dates: {report.date_order}.")
    if report.warnings:
        lines += ["", "To look at:"] + [f"  {w}" + (f" ({n:,}×)" if n > 1 else "")
                                        for w, n in list(report.warnings.items())[:50]]
    if report.skipped:
        n = len(report.skipped)
        lines += ["", f"{'Would skip' if dry_run else 'Skipped'} {n:,} "
                  f"row{'s' if n != 1 else ''} with problems (kept in the notes of the "
                  "file's source):"]
        lines += [f"  {line}" for line in report.skipped_lines(50)]
    if getattr(report, "duplicates", None):
        lines += ["", report.duplicates_line() + " (the command line's casefile import "
                  "--keep-duplicates imports them)."]
    if report.left_out:
        lines += ["", f"{'Would leave' if dry_run else 'Left'} out "
                  f"{counted(sum(report.left_out.values()), 'value')}, each with why:"]
        lines += [f"  {line}" for line in report.left_out_lines()[:50]]
    near = len({name for name, *_rest in report.proposals})  # a name may have several
    if dry_run and near:
        then = "then press Import again" if then_import else "then Import"
        lines += ["", f"{counted(near, 'name')} {'looks' if near == 1 else 'look'} like "
                  f"{'a party' if near == 1 else 'parties'} already in the case (listed "
                  "above). Tick those that are the same party (unticked, each becomes a "
                  f"new one), {then}.", "", report.preview_heading(row)] + report.preview
    elif dry_run:
        lines += ["", report.preview_heading(row)] + report.preview
    elif getattr(report, "nothing_new", False) and getattr(report, "only_skipped",
                                                           lambda: False)():
        lines += ["", "The case is unchanged: the file holds only records of kinds Casefile "
                  "does not keep (the file is not kept either)."]
    elif getattr(report, "nothing_new", False):
        lines += ["", "The case is unchanged: it holds everything the file gives (the file "
                  "is not kept either)."]
    else:
        lines += ["", f"The file is stored as a source; every {cited} cites it. "
                  "Until the case is closed, Edit → Undo removes the whole import for good "
                  "(it cannot be redone; import the file again to bring it back). Once the "
                  "case is closed, the import stays: Undo starts afresh each time a case "
                  "is opened."]
    return lines


def problems_text(report: Any, dry_run: bool, skip_hint: bool, order_hint: bool) -> str:
    """Why a check or an import found problems, each by line and field; ``skip_hint`` when
    ticking “Skip the rows with problems” would import the good rows, ``order_hint`` when
    the dialog's “Slashed dates” box would settle dates that read both ways."""
    order = report.date_order
    lines = report.problem_lines()
    skip = ("\n\nTo import the good rows, tick “Skip the rows with problems” and check "
            "again." if skip_hint else "")
    # a slashed date that reads both ways: the box that settles it is in this dialog
    order_said = ("\n\nTo read such dates, choose their order under “Slashed dates” (below "
                  "the columns) and check again."
                  if order_hint and any("(day first)" in line for line in lines) else "")
    return (("The check found problems; as it is, nothing would be imported:\n" if dry_run
             else "Nothing was imported. Problems:\n")
            + "\n".join(lines) + (f"\n\nDates: {order}." if order else "") + order_said
            + skip)


def missing_lines(report: Any, dry_run: bool) -> list[str]:
    """The warning a report opens with when essential fields were not found."""
    missing = report.missing
    if not missing:
        return []
    return [f"⚠ Not found in the file (no column, no fixed value): {', '.join(missing)}. "
            + ("Import will ask before storing the shipments without them; or choose a "
               "column or type a fixed value under Columns." if dry_run else
               "Imported without them, as you confirmed."), ""]
