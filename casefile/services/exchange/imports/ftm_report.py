"""What an FtM import says it did: beyond the parties and sanctions of every import, the
relationships, shipments, events, sources and citations it made, the facts already in the
case, and the entities of schemata Casefile does not hold, counted by schema."""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile.core.labels import counted, joined
from casefile.services.exchange.imports.report import ImportReport


@dataclass
class FtmReport(ImportReport):
    """An import report that also counts what FtM brings beyond parties and sanctions."""

    relationships: int = 0
    events: int = 0
    sources: int = 0
    citations: int = 0
    skipped_schemata: dict[str, int] = field(default_factory=dict)  # schema -> not imported
    already: dict[str, int] = field(default_factory=dict)  # kind -> facts already in the case
    nothing_new: bool = False
    posts: int = 0  # post lines (Occupancy and Position) written into new parties' Position
    post_holders: int = 0  # the parties that got them
    fragments: int = 0  # later lines of entities the file gives over several (joined)
    updated: str = ""  # what the file brought up to date in facts the case held (a line)
    updated_facts: int = 0  # how many facts that was

    def skip(self, schema: str) -> None:
        self.skipped_schemata[schema] = self.skipped_schemata.get(schema, 0) + 1

    def skipped_line(self) -> str:
        """'skipped: 290 Payment, 89 Address' (most first), or '' when nothing was."""
        items = sorted(self.skipped_schemata.items(), key=lambda kv: (-kv[1], kv[0]))
        said = ("skipped (Casefile holds no such records): "
                + ", ".join(f"{n:,} {s or '(no schema)'}" for s, n in items)) if items else ""
        if "Address" in self.skipped_schemata:  # not to be read as 'addresses are lost'
            said += (". The Address entities skipped are those no party of the file names: "
                     "a party's addresses (its own and the Address entities it names) are "
                     "kept with it")
        if {"Identification", "Passport"} & self.skipped_schemata.keys():
            said += (". The Identification and Passport entities skipped are those whose "
                     "holder is no party of the file: a party's own are kept as its "
                     "identifiers")
        return said

    def made(self) -> list[str]:
        """What the import adds, each kind it adds any of: '10 parties', '1 sanction' …"""
        counts = [(len(self.new_entities), "party", "parties"),
                  (self.sanctions, "sanction", None), (self.relationships, "relationship", None),
                  (self.shipments, "shipment", None), (self.events, "event", None),
                  (self.sources, "source", None)]
        made = [counted(n, one, many) for n, one, many in counts if n]
        if self.citations:
            made.append(counted(self.citations, "citation") + " of its sources")
        if self.added_to:
            made.append("details of " + counted(self.added_to, "party already in the case",
                                                "parties already in the case"))
        if self.updated_facts:
            made.append("updates to " + counted(self.updated_facts, "fact already in the case",
                                                "facts already in the case"))
        return made

    def joined_line(self) -> str:
        """'Joined 3 later lines of entities to their first (as ftm aggregate joins an
        entity's fragments): each entity read as one'."""
        verb = "Would join" if self.dry_run else "Joined"
        return (f"{verb} {counted(self.fragments, 'later line')} of entities given over "
                "several lines to their first line, each entity read as one (as ftm aggregate "
                "joins an entity's fragments)")

    def headline(self, verb: str) -> str:
        """'Imported 1 party and 1 sanction from 8 records of peps.json.', then what the
        summary adds (facts already in the case, skipped schemata)."""
        what = joined(self.made()) or "nothing new"
        head = f"{verb} {what} from {counted(self.rows, 'record')} of {self.file}."
        return "\n".join([head, *self.summary_lines()[1:]])  # not 'New: …' again

    def preview_heading(self, unit: str = "record") -> str:
        """The preview lists the parties the file gives (its other records follow them)."""
        n, total = len(self.preview), len(self.new_entities) + self.reused
        return (f"The parties it reads (first {n} of {total:,}):" if n < total else
                "The parties it reads:")

    def only_skipped(self) -> bool:
        """Whether every record of the file was of a kind Casefile does not keep (review:
        a file of Payments was said to hold nothing the case lacked)."""
        return bool(self.skipped_schemata) and sum(self.skipped_schemata.values()) >= self.rows

    def summary_lines(self) -> list[str]:
        lines = ["New: " + (", ".join(self.made()) or "nothing")]
        if self.posts:
            holders = counted(self.post_holders, "party", "parties")
            lines.append(f"Posts held (Occupancy and Position): {counted(self.posts, 'post')}"
                         f" in the Position field of {holders}")
        if self.already or self.reused_entities:
            have = {"parties": self.reused, **self.already}
            lines.append("Already in the case (not added again): " + ", ".join(
                counted(n, "party" if k == "parties" else k.removesuffix("s"), k)
                for k, n in have.items() if n))
        if self.added_to:
            lines.append(self.added_line())
        if self.updated:
            lines.append(self.updated)
        if self.fragments:
            lines.append(self.joined_line())
        if self.nothing_new and self.only_skipped():
            lines.append("Nothing to import: the file holds only records of kinds Casefile "
                         "does not keep (below).")
        elif self.nothing_new:
            lines.append("Nothing new: the case holds everything the file says it can hold.")
        if self.skipped_schemata:
            said = self.skipped_line()
            lines.append(said[0].upper() + said[1:] + ".")  # (look21: no full stop)
        return lines
