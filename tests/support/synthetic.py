"""Synthetic cases of any size, written through the store's bulk path — for benchmarks and
for tests of big-case behaviour. Deterministic for a given seed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from casefile.services.case import audit, indexing
from casefile.services.case.facade import Case
from casefile.store import digest
from casefile.store.bulk import insert_many

COUNTRIES = ["CN", "RU", "TR", "AE", "KZ", "HK", "IN", "BY", "AM", "GE", "UZ", "KG"]
GOODS = ["drone parts", "body armour", "rifles", "ball bearings", "microchips", "optics",
         "machine tools", "batteries", "cameras", "vehicle parts", "navigation equipment"]
SCRIPTS = ["Техснаб {0}", "中国{0}工业有限公司", "Limited {0}", "ООО «{0}»"]

ENTITY_COLS = ["id", "kind", "name", "country", "description", "tags", "created_at",
               "updated_at"]
ALIAS_COLS = ["entity_id", "name", "lang", "kind"]
SOURCE_COLS = ["id", "kind", "title", "publisher", "author", "url", "language", "reliability",
               "protected", "notes", "tags", "date_approx", "date_uncertain"]
SHIPMENT_COLS = ["id", "date_text", "date_edtf", "date_start", "date_end", "date_precision",
                 "date_approx", "date_uncertain", "shipper_id", "consignee_id",
                 "origin_country", "destination_country", "declared_goods", "assessed_goods",
                 "hs_code", "quantity", "unit", "weight_kg", "value", "currency",
                 "shipment_count", "dual_use", "reference", "notes", "tags"]
CITATION_COLS = ["source_id", "shipment_id", "excerpt", "locator", "credibility"]


def entity_rows(n: int, seed: int = 1) -> Iterator[tuple]:
    rnd = random.Random(seed)
    now = datetime(2026, 1, 1, tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    for i in range(1, n + 1):
        yield (i, "company", f"Trading Company {i} {rnd.choice(GOODS).title()}",
               rnd.choice(COUNTRIES), f"Synthetic party number {i}", "synthetic", now, now)


def alias_rows(n: int, seed: int = 2) -> Iterator[tuple]:
    rnd = random.Random(seed)
    for i in range(1, n + 1):
        yield (i, rnd.choice(SCRIPTS).format(i), rnd.choice(["ru", "zh", "en"]), "alias")


def source_rows(n: int, seed: int = 3) -> Iterator[tuple]:
    rnd = random.Random(seed)
    for i in range(1, n + 1):
        yield (i, "trade_record", f"Customs declaration batch {i}", "Synthetic customs data",
               "", "", "en", rnd.choice("ABCDEF"), 0, "", "", 0, 0)


def shipment_rows(n: int, n_entities: int, seed: int = 4) -> Iterator[tuple]:
    rnd = random.Random(seed)
    base = date(2021, 1, 1)
    for i in range(1, n + 1):
        start = base + timedelta(days=rnd.randrange(0, 1000))
        span = rnd.choice([0, 0, 0, 29, 90])
        end = start + timedelta(days=span)
        text = start.isoformat() if span == 0 else f"{start.isoformat()}/{end.isoformat()}"
        goods = rnd.choice(GOODS)
        yield (i, text, text, start.isoformat(), end.isoformat(),
               "day" if span == 0 else "span", 0, 0,
               rnd.randrange(1, n_entities + 1), rnd.randrange(1, n_entities + 1),
               "CN", "RU", goods, goods, f"{rnd.randrange(8400, 9400)}",
               float(rnd.randrange(1, 500)), "pcs", float(rnd.randrange(10, 20000)),
               float(rnd.randrange(1000, 10**6)), "USD", 1, rnd.random() < 0.3,
               f"DECL-{i:08d}", "", "")


def citation_rows(n: int, n_sources: int, n_shipments: int, seed: int = 5) -> Iterator[tuple]:
    rnd = random.Random(seed)
    for i in range(n):
        yield (rnd.randrange(1, n_sources + 1), (i % n_shipments) + 1,
               f"Row {i} of the declaration batch", f"row {i}", rnd.randrange(1, 7))


def build_synthetic_case(path: str | Path, shipments: int = 100_000, entities: int = 20_000,
                         sources: int = 5_000, citations: int = 200_000,
                         index: bool = True) -> Case:
    """Create a synthetic case at ``path`` in one transaction and return it open."""
    case = Case.new(path, title=f"Synthetic case ({shipments} shipments)", marking="AMBER")
    with case.engine.begin() as conn:
        write_rows(conn, shipments, entities, sources, citations)
        if index:
            indexing.reindex_all(conn)
        # written outside any operation: digest the rows and record it, as an upgrade does
        audit.append(conn, case.actor, "generate", "Synthetic rows", "[]",
                     digest.rebuild(conn))
    return case


def write_rows(conn, shipments: int, entities: int, sources: int, citations: int) -> None:  # noqa: ANN001
    insert_many(conn, "entity", ENTITY_COLS, entity_rows(entities))
    insert_many(conn, "alias", ALIAS_COLS, alias_rows(entities))
    insert_many(conn, "source", SOURCE_COLS, source_rows(sources))
    insert_many(conn, "shipment", SHIPMENT_COLS, shipment_rows(shipments, entities))
    insert_many(conn, "citation", CITATION_COLS, citation_rows(citations, sources, shipments))
