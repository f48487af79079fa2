"""Screening a case of Gulf and Levant parties written in Arabic against a list that gives
Latin names alone, as OFAC and the UN do (look31): the entry is found among hundreds that
share its words of trade and given names, and is the only hit; its explanation says how the
Arabic name was read."""

import random

from casefile.services.screening.results import hits
from casefile.services.screening.screen import screen_case
from casefile.services.screening.watchlist_import import load
from tests.support.watchlist import ftm, write_ftm

TRADE_NAMES = ["NOOR", "AMAL", "BARAKA", "SALAM", "FAJR", "RAYAN", "WAFA", "HUDA", "SAFA",
               "MANAR", "ZAHRA", "RAWDA", "NAJM", "BAHR", "SAHRA", "QAMAR", "RIYADH", "MARWA"]
GIVEN = ["Hussam", "Mohammed", "Ahmed", "Ali", "Omar", "Khaled", "Samer", "Rami", "Bashar"]
FAMILY = ["HASSAN", "HAMADI", "SALEH", "NASSER", "HAIDAR", "YOUSEF", "MANSOUR", "OTHMAN",
          "KHATIB", "ZAIDI", "BAKRI", "SHAMI", "HALABI", "MASRI"]


def _crowd(rnd: random.Random) -> list[dict]:
    """Hundreds of entries that share the hits' words of trade and given names."""
    out = []
    for i in range(400):
        if i % 2:
            name = f"AL {rnd.choice(TRADE_NAMES)} {rnd.choice(TRADE_NAMES)} GENERAL TRADING LLC"
            out.append(ftm(f"NK-co-{i}", "Company", name, country="ae", topics="sanction"))
        else:
            name = f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}"
            out.append(ftm(f"NK-pe-{i}", "Person", name, country="sy", topics="sanction"))
    return out


def test_arabic_parties_find_their_latin_entries_among_many_alike(case, tmp_path):
    listed = [ftm("NK-khaleej", "Company", "AL KHALEEJ GENERAL TRADING LLC", country="ae",
                  topics="sanction"),
              ftm("NK-katerji", "Person", "Hussam KATERJI", country="sy", topics="sanction"),
              ftm("NK-mellat", "Company", "BANK MELLAT", country="ir", topics="sanction")]
    load(write_ftm(tmp_path / "entities.ftm.json", [*_crowd(random.Random(3)), *listed]),
         "ofac", where=tmp_path, dataset="ofac")
    parties = [("شركة الخليج للتجارة العامة ذ.م.م", "company", "AE"),
               ("حسام القاطرجي", "person", "SY"), ("بنك ملت", "company", "IR"),
               ("شركة الوفاق للتجارة العامة ذ.م.م", "company", "AE")]  # no such entry
    for name, kind, country in parties:
        case.create("entity", {"name": name, "kind": kind, "country": country})
    screen_case(case, "ofac", where=tmp_path)
    with case.read() as conn:
        found = {h.party: h for h in hits(conn) if h.score >= 0.7}
    assert {party: h.list_key for party, h in found.items()} == {
        "شركة الخليج للتجارة العامة ذ.م.م": "NK-khaleej", "حسام القاطرجي": "NK-katerji",
        "بنك ملت": "NK-mellat"}
    said = found["شركة الخليج للتجارة العامة ذ.م.م"].explanation
    assert "read in Latin letters as the list spells it: “khaleej trading general”" in said
    assert "khaleej = khaleej" in said
