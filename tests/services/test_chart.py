"""The link chart read from a real case (the demo) and saved charts as case operations:
undoable, in the audit chain and the content digest, positions exactly as saved."""

from datetime import date

import pytest

from casefile.core.chart.paths import shortest_paths
from casefile.core.chart.state import ChartState, arrange
from casefile.errors import ValidationError
from casefile.services.case.charts import delete_chart, rename_chart, save_chart
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.services.queries.chart import list_charts, read_chart, read_graph


def graph(case, waypoints=False):
    with case.read() as conn:
        return read_graph(conn, waypoints)


def test_the_demo_chart_holds_its_parties_shipments_relationships_and_sanction(demo):
    g = graph(demo)
    labels = {n.label for n in g.nodes}
    assert {"Tekhkrim", "China North Industries Group Corporation Limited"} <= labels
    kinds = {lk.kind for lk in g.links}
    assert kinds == {"shipment", "relationship", "sanction"}
    norinco, tekhkrim = g.index["entity:1"], g.index["entity:2"]
    link = next(lk for lk in g.links if (lk.source, lk.target) == (norinco, tekhkrim))
    assert link.kind == "shipment" and link.first == date(2022, 6, 1)
    assert "civilian hunting rifles" in link.tooltip(g.nodes)
    assert "C2 " in link.tooltip(g.nodes)  # the article's grade, with its title
    dji = g.nodes[g.index["entity:3"]]
    assert dji.sanctioned
    assert shortest_paths(g, norinco, tekhkrim) == [[norinco, tekhkrim]]
    assert not any(n.kind == "country" for n in g.nodes)
    via = graph(demo, waypoints=True)
    assert {n.label for n in via.nodes if n.kind == "country"} == {"Turkey",
                                                                   "United Arab Emirates"}


def test_a_saved_chart_reopens_with_the_same_coordinates_and_undoes(demo, tmp_path):
    g = graph(demo)
    state = ChartState(layout="hierarchical", pinned={"entity:1"}, hidden={"entity:10"},
                       first=date(2022, 1, 1))
    pos = arrange(g, state)
    pos[0] = (0.1 + 0.2, -1 / 3)  # floats with no short decimal form
    state.remember(g, pos)
    change = save_chart(demo, None, "  Shipments  to Russia ", state)
    cid = change.result
    assert change.touched == {"chart": {cid}}
    path = demo.path
    demo.close()
    with Case.open(path) as case:
        with case.read() as conn:
            assert list_charts(conn) == [(cid, "Shipments to Russia")]
            saved = read_chart(conn, cid)
        assert saved is not None and saved.state == state
        assert saved.state.positions["entity:1"] == (0.1 + 0.2, -1 / 3)
        assert check_case(case.path).ok
        state.positions["entity:2"] = (5.5, 6.5)
        save_chart(case, cid, "Shipments to Russia", state)
        rename_chart(case, cid, "Ring")
        with pytest.raises(ValidationError, match="already a chart"):
            save_chart(case, None, "ring", state)
        with pytest.raises(ValidationError, match="needs a name"):
            save_chart(case, None, "  ", state)
        assert case.undo_name == "Rename chart to “Ring”"
        case.undo()
        case.undo()
        with case.read() as conn:
            assert read_chart(conn, cid).state.positions["entity:2"] != (5.5, 6.5)
            audit = [r[0] for r in conn.exec_driver_sql(
                "SELECT summary FROM audit_log ORDER BY id DESC LIMIT 4")]
        assert audit[-1] == "Save chart “Shipments to Russia”"
        assert audit[0] == "Undo: Save chart “Shipments to Russia”"
        delete_chart(case, cid)
        with case.read() as conn:
            assert list_charts(conn) == []
        case.undo()
        with case.read() as conn:
            assert list_charts(conn) == [(cid, "Shipments to Russia")]
        report = check_case(case.path)
        assert report.ok, report


def test_the_digest_notices_a_chart_changed_outside_casefile(demo):
    g = graph(demo)
    state = ChartState()
    state.remember(g, arrange(g, state))
    cid = save_chart(demo, None, "Main", state).result
    with demo.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE chart SET state = '{}' WHERE id = ?", (cid,))
    assert not check_case(demo.path).ok


def test_the_dossier_prints_a_saved_chart_as_the_window_lays_it_out(demo, tmp_path, capsys):
    import pypdf

    from casefile.cli import main
    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions

    g = graph(demo)
    hidden = next(n for n in g.nodes if n.label.startswith("Liu Pengyu"))
    state = ChartState(layout="force", hidden={hidden.key})
    state.remember(g, arrange(g, state))
    cid = save_chart(demo, None, "Who ships to Russia", state).result
    out = tmp_path / "c.pdf"
    export_dossier(demo, out, DossierOptions(chart_id=cid))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
                    .split())
    assert "Link chart: Who ships to Russia" in text and "relationship network" not in text
    assert f"{len(g.nodes) - 1:,} of {len(g.nodes):,} nodes" in text
    assert "1 hidden by the analyst" in text and "dotted: not cited" in text
    page = next(p.extract_text() for p in pypdf.PdfReader(str(out)).pages
                if "Saved chart" in p.extract_text())
    assert "Liu Pengyu" not in page  # hidden in the chart, so not drawn
    assert "Tekhkrim" in page and "Da-Jiang" in page
    demo.close()
    cli_out = tmp_path / "cli.pdf"
    assert main(["export-pdf", str(demo.path), "-o", str(cli_out),
                 "--chart", "who ships to russia"]) == 0
    assert cli_out.read_bytes() == out.read_bytes()
    assert main(["export-pdf", str(demo.path), "-o", str(cli_out), "--chart", "nope"]) == 1
    assert "Who ships to Russia" in capsys.readouterr().err


def test_the_dossier_applies_the_charts_formatting_rules(demo, tmp_path):
    import re

    from casefile.core.chart.rules import Rule
    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions

    g = graph(demo)
    plain = ChartState(layout="circular")
    plain.remember(g, arrange(g, plain))
    ruled = ChartState(layout="circular", positions=dict(plain.positions),
                       rules=[Rule("country", "RU", "#ABCDEF", 2.0).saved()])
    a = save_chart(demo, None, "plain", plain).result
    b = save_chart(demo, None, "ruled", ruled).result
    pdfs = []
    for cid in (a, b):
        out = tmp_path / f"{cid}.pdf"
        export_dossier(demo, out, DossierOptions(chart_id=cid, sections=("network",)))
        pdfs.append(out.read_bytes())
    import io

    import pypdf

    def streams(data: bytes) -> bytes:  # the pages' drawing operators, decompressed
        return b"".join(p.get_contents().get_data()
                        for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    want = (0xAB / 255, 0xCD / 255, 0xEF / 255)

    def fills(data: bytes) -> list[tuple[float, ...]]:
        return [tuple(float(v) for v in m) for m in re.findall(
            rb"([\d.]+) ([\d.]+) ([\d.]+) rg", streams(data))]

    def has(data: bytes) -> bool:
        return any(all(abs(a - b) < 0.005 for a, b in zip(f, want, strict=True))
                   for f in fills(data))
    assert not has(pdfs[0]) and has(pdfs[1])  # Russian parties in the rule's colour


def test_the_dossier_chart_says_a_lifted_sanction_in_its_legend(demo, tmp_path):
    """A saved chart with a lifted sanction prints it faint, and its legend says so; one
    without prints no such line."""
    import pypdf

    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions

    def printed(name):
        g = graph(demo)
        state = ChartState(layout="force")
        state.remember(g, arrange(g, state))
        cid = save_chart(demo, None, name, state).result
        out = tmp_path / f"{name}.pdf"
        export_dossier(demo, out, DossierOptions(sections=("network",), chart_id=cid))
        return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
                        .split())

    assert "sanction ended or lifted" not in printed("before")
    demo.create("sanction", {"entity_id": 2, "authority": "Council of the EU",
                             "programme": "Regulation 833/2014", "date": "2022-03-15",
                             "status": "lifted", "end": "2023-09-14"})
    assert "sanction ended or lifted" in printed("after")
