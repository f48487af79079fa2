"""Dossier benchmark (issue: the PDF dossier).

A synthetic case of 5,000 shipments and 1,000 entities, a quarter of them with customs-length
(box 31, ~1,200 characters) goods text: total time, pages and peak memory of
the dossier, against a bare reportlab document of the same shipment rows in page-sized tables
built in the same run; then 20,000 shipments to check that time grows linearly. Then an
imported list (bench_import_ftm's OpenSanctions-like slice, 5,000 and 20,000 entities): the
file's source cites every record the import made, so its entry in the sources appendix lists
10^4 facts; the second size against the first shows whether time stays linear in them.

    python benchmarks/bench_dossier.py           # both
    python benchmarks/bench_dossier.py list      # the imported list only
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def baseline(case, out: Path) -> tuple[float, int]:  # noqa: ANN001
    """The same shipment rows as plain reportlab tables, 40 rows per table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from casefile.report.fonts import BODY, register_fonts

    register_fonts()
    style = getSampleStyleSheet()["BodyText"].clone("c", fontName=BODY, fontSize=7.5,
                                                     leading=9.2)
    with case.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT s.date_text, a.name || ' → ' || b.name, s.declared_goods, s.hs_code, "
            "s.quantity, s.weight_kg, s.value, s.shipment_count FROM shipment s JOIN entity a "
            "ON a.id = s.shipper_id JOIN entity b ON b.id = s.consignee_id ORDER BY "
            "s.date_start").all()
    t0 = time.perf_counter()
    doc = SimpleDocTemplate(str(out), pagesize=A4, invariant=1)
    story = []
    head = ["Date", "Route", "Goods", "HS", "Qty", "Weight", "Value", "No."]
    for i in range(0, len(rows), 40):
        chunk = [[Paragraph(str(v), style) for v in r] for r in rows[i:i + 40]]
        story.append(Table([head] + chunk, repeatRows=1))
    doc.build(story)
    return time.perf_counter() - t0, doc.page


PEAK = """
import sys
from casefile.services.case.facade import Case
from casefile.services.exchange.export_pdf import export_dossier
def hwm():  # VmHWM, not ru_maxrss: ru_maxrss carries the parent's peak across exec
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
case = Case.open(sys.argv[1])
before = hwm()
export_dossier(case, sys.argv[2])
print(before, hwm())
"""


BOX31 = ("ПОДШИПНИКИ ШАРИКОВЫЕ РАДИАЛЬНЫЕ ОДНОРЯДНЫЕ, С НАРУЖНЫМ ДИАМЕТРОМ НЕ БОЛЕЕ 30 ММ, "
         "ДЛЯ ПРОМЫШЛЕННОГО ОБОРУДОВАНИЯ, НЕ ВОЕННОГО НАЗНАЧЕНИЯ, НЕ ЛОМ ЭЛЕКТРООБОРУДОВАНИЯ: "
         + "; ".join(f"АРТ. 6{i:03d}-2RS ИЗГОТОВИТЕЛЬ SKF ТОВАРНЫЙ ЗНАК SKF МОДЕЛЬ 6{i:03d} "
                     f"КОЛ-ВО {i * 10} ШТ" for i in range(14)) + " — ")  # ~1,200 characters


def peak_memory(path: Path, out: Path) -> tuple[float, float]:
    """Peak RSS (MB) of a fresh process exporting the dossier, and its RSS before."""
    done = subprocess.run([sys.executable, "-c", PEAK, str(path), str(out)], check=True,
                          capture_output=True, text=True)
    before, peak = done.stdout.split()
    return int(before) / 1024, int(peak) / 1024


def run(n_ship: int, n_ent: int, tmp: Path) -> None:
    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions
    from tests.support.synthetic import build_synthetic_case

    case = build_synthetic_case(tmp / f"c{n_ship}.casefile", shipments=n_ship,
                                entities=n_ent, sources=200, citations=n_ship)
    with case.engine.begin() as conn:  # a quarter of the rows with box-31-length goods text
        conn.exec_driver_sql("UPDATE shipment SET declared_goods = ? || declared_goods "
                             "WHERE id % 4 = 0", (BOX31,))
    tb, pb = baseline(case, tmp / "base.pdf")
    t0 = time.perf_counter()
    pages = export_dossier(case, tmp / f"d{n_ship}.pdf").pages
    t = time.perf_counter() - t0
    t0 = time.perf_counter()
    export_dossier(case, tmp / "ship.pdf", DossierOptions(sections=("shipments",)))
    t_ship = time.perf_counter() - t0
    case.close()
    rss0, peak = peak_memory(tmp / f"c{n_ship}.casefile", tmp / "mem.pdf")
    print(f"{n_ship:>6,} shipments, {n_ent:,} entities: dossier {t:6.1f} s, {pages:,} pages, "
          f"peak RSS {peak:,.0f} MB (before {rss0:,.0f}) | baseline tables {tb:5.1f} s, "
          f"{pb:,} pages | "
          f"ratio {t / tb:.2f}x | shipments section alone {t_ship:.1f} s, ratio "
          f"{t_ship / tb:.2f}x | {t / n_ship * 1000:.2f} ms per shipment")


def imported_list(n: int, tmp: Path) -> tuple[float, int]:
    """Dossier of a case made by importing ``n`` FtM entities: (seconds, cited facts)."""
    from bench_import_ftm import make_file

    from casefile.services.case.facade import Case
    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.exchange.imports.ftm import import_ftm

    make_file(tmp / f"list{n}.json", n)
    case = Case.new(tmp / f"list{n}.casefile")
    import_ftm(case, tmp / f"list{n}.json")
    with case.read() as conn:
        cited = conn.exec_driver_sql("SELECT count(*) FROM citation").scalar() or 0
    t0 = time.perf_counter()
    pages = export_dossier(case, tmp / f"list{n}.pdf").pages
    t = time.perf_counter() - t0
    case.close()
    print(f"{n:>6,} FtM entities imported: dossier {t:6.1f} s, {pages:,} pages, the file's "
          f"source citing {cited:,} facts | {t / cited * 1000:.2f} ms per cited fact")
    return t, cited


def main() -> int:
    tmp = Path(tempfile.mkdtemp())
    atexit.register(shutil.rmtree, tmp, True)  # GBs at 1M rows: not left behind
    if sys.argv[1:] != ["list"]:
        run(5_000, 1_000, tmp)
        run(20_000, 1_000, tmp)
    small, n_small = imported_list(5_000, tmp)
    big, n_big = imported_list(20_000, tmp)
    print(f"imported list: {n_big / n_small:.1f}x the cited facts took {big / small:.1f}x the "
          "time (linear: about the same; one paragraph of them all was quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
