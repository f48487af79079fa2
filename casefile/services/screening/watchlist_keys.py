"""A list's token index kept to the keys this Casefile finds entries by.

The keys a name is indexed by grow as screening learns to read names (a Han name's English
form, an Arabic name's spellings: :data:`keys.KEYS_VERSION`). A list loaded by an earlier
Casefile holds the keys of its day, and a party whose name is found only by a newer key
missed its entry until the list was loaded again from its file (review33: a Han-only entry
was never a candidate for an English-named party). Before a screening, such a list's index
is made again from the entries it holds — no file needed — in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from casefile.core.screening.keys import KEYS_VERSION, entry_keys
from casefile.core.screening.records import ID_PROPS, NAME_PROPS, WEAK_PROPS
from casefile.services.screening import watchlist_db as db

_BATCH = 5000
INDEXING = "indexing the list's names anew"  # the progress message while it does


def entry_tokens(eid: int, caption: str, props: db.Props) -> list[tuple[str, int]]:
    """(key, entry id) of every key an entry is found by: its names (the caption when it
    gives none) and identifiers (not a KPP, which many companies share)."""
    names = [v for p in (*NAME_PROPS, *WEAK_PROPS) for v in props.get(p, ())]
    idents = [v for p in ID_PROPS if p != "kppCode" for v in props.get(p, ())]
    return [(k, eid) for k in entry_keys(names or [caption], idents)]


def keys_version(con: sqlite3.Connection) -> int:
    """The version of the keys the list's index holds (0: before lists said it)."""
    row = con.execute("SELECT value FROM setting WHERE name = 'keys'").fetchone()
    return int(row[0]) if row else 0


def mark_current(con: sqlite3.Connection) -> None:
    """Say the list's index holds today's keys (in the caller's transaction)."""
    con.execute("INSERT INTO setting(name, value) VALUES ('keys', ?) ON CONFLICT(name) DO "
                "UPDATE SET value = excluded.value", (str(KEYS_VERSION),))


def weigh(con: sqlite3.Connection) -> None:
    """Count each key's entries again (the rarity candidates are ranked by)."""
    con.execute("DELETE FROM key_weight")
    con.execute("INSERT INTO key_weight(key, n) SELECT key, count(*) FROM token GROUP BY key")


def bring_up_to_date(con: sqlite3.Connection,
                     progress: Callable[[int, int, str], None] | None = None) -> bool:
    """Make the list's index again from its entries when an earlier Casefile made it; True
    when it did. All or nothing: a list cut short keeps its old index."""
    if keys_version(con) >= KEYS_VERSION:
        return False
    total = int(con.execute("SELECT count(*) FROM entry").fetchone()[0])
    if not total:  # a list being made: its load says the version
        return False
    con.execute("BEGIN IMMEDIATE")
    try:
        con.execute("DROP INDEX IF EXISTS token_key")
        con.execute("DROP INDEX IF EXISTS token_entry")
        con.execute("DELETE FROM token")
        done, tokens = 0, []
        for eid, caption, data in con.execute("SELECT id, caption, data FROM entry"):
            tokens += entry_tokens(eid, caption, json.loads(data))
            done += 1
            if len(tokens) >= _BATCH * 8:
                con.executemany("INSERT INTO token(key, entry) VALUES (?, ?)", tokens)
                tokens = []
            if progress is not None and done % _BATCH == 0:
                progress(done, total, INDEXING)
        con.executemany("INSERT INTO token(key, entry) VALUES (?, ?)", tokens)
        if progress is not None:
            progress(total, total, INDEXING)  # (said once at least, however few entries)
        for sql in db.INDEXES:
            con.execute(sql)
        weigh(con)
        mark_current(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True
