"""What a repair did with one table of a damaged case: rows saved, lost, left out, the
lost parties it made stand-ins for, and how it says so."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TableOutcome:
    table: str
    saved: int = 0
    lost: int = 0  # rows the file's digests list that could not be read
    orphans: int = 0  # read, but left out: the row they belong to was lost
    unreadable: list[tuple[int, int]] = field(default_factory=list)  # row id ranges
    error: str | None = None
    # a lost row -> what the rows that referred to it said of it (a lost party's aliases,
    # identifiers and the lines its citations point to): enough to know it again
    traces: dict[int, list[str]] = field(default_factory=dict)
    # lost parties the repair made a stand-in for, by id: what referred to them is kept
    stand_ins: list[int] = field(default_factory=list)
    # and those it restored from the audit log's record of their last values
    restored: list[int] = field(default_factory=list)

    def lost_count(self) -> int:
        """The rows lost: those the file's digests list and the repair could not read, and
        those left out with them — or, where the digests do not say (the audit log has
        none), the ids of the ranges that could not be read (look16: "0 lost" beside an
        unreadable audit entry)."""
        return self.orphans + (self.lost or sum(b - a + 1 for a, b in self.unreadable))

    def line(self) -> str:
        parts = [f"{self.saved:,} saved"]
        if self.lost_count() > self.orphans:  # (counted by the ranges where no digest says)
            parts.append(f"{self.lost_count() - self.orphans:,} lost")
        if self.orphans:
            parts.append(f"{self.orphans:,} left out (what they belong to was lost)")
        if self.unreadable:
            shown = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in self.unreadable[:5])
            more = " …" if len(self.unreadable) > 5 else ""
            parts.append(f"unreadable row ids {shown}{more}")
        if self.error:
            parts.append(f"nothing readable ({self.error})")
        if self.restored:
            n = len(self.restored)
            parts.append(f"{n:,} of the lost restored from the audit log (the last values "
                         "it records of them; tagged 'restored in repair')")
        if self.stand_ins:
            n = len(self.stand_ins)
            parts.append(f"{n:,} of the lost {'is' if n == 1 else 'are'} kept as "
                         f"{'a stand-in party' if n == 1 else 'stand-in parties'} ('Lost "
                         "party #id') with what referred to them (aliases, sanctions, "
                         "relationships …), named below by what is left")
        elif self.traces and not self.restored:
            parts.append(f"{len(self.traces):,} of the lost named below by what is left of "
                         "them")
        return f"{self.table}: " + "; ".join(parts)

    def trace_lines(self, most: int = 1000) -> list[str]:
        """A line for each lost row named by what is left of it (to know it again); all of
        them are in the repaired case's audit log too (look17: 8 of 24 were named)."""
        rows = sorted(self.traces.items())
        out = [f"    #{rid}: " + "; ".join(dict.fromkeys(said)) for rid, said in rows[:most]]
        if len(rows) > most:
            out.append(f"    … and {len(rows) - most:,} more (in the new case's audit log)")
        return out
