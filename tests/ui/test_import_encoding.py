"""(look18) A short file in KOI8-R or Big5 was read in another encoding: its names came out
garbled ('ппп феилтйн' for ООО ТЕХКРИМ) and neither the window nor the command line said
which encoding it was read in, nor let the user choose one. The check says the encoding,
guessed or chosen; the window's Text encoding choice and the CLI's --encoding read the file
in the one named."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from casefile.cli import main
from casefile.services.case.facade import Case
from tests.ui.conftest import wait_idle

ROWS = ("ShipperName,ConsigneeName,ArrivalDate,HSCode,GoodsDescription,Origin,Destination\n"
        "ООО ВЕКТОР-СЕВЕР,Acme Ltd,2022-01-01,8806,drones,CN,RU\n")


def test_the_window_reads_a_file_in_the_encoding_chosen(qtbot, demo_window, tmp_path):
    win = demo_window
    f = tmp_path / "koi.csv"
    f.write_bytes(ROWS.encode("koi8_r"))
    win.menus.actions()["import_shipments"].trigger()
    dlg = win.commands.dialogs["import_shipments"]
    dlg.path.setText(str(f))
    dlg.load_file()
    assert "(guessed)" in dlg.file_info.text()
    dlg.encoding.combo.setCurrentIndex(dlg.encoding.combo.findData("koi8_r"))
    assert "KOI8-R (Russian)," in dlg.file_info.text()  # the file read again, in it
    assert "(guessed)" not in dlg.file_info.text()
    dlg.check_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "Would import" in dlg.report.toPlainText(),
                    timeout=20000)
    report = dlg.report.toPlainText()
    assert "Text encoding: KOI8-R (Russian), as chosen." in report
    assert "ООО ВЕКТОР-СЕВЕР (new)" in report
    dlg.import_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "Imported" in dlg.report.toPlainText(),
                    timeout=20000)
    wait_idle(qtbot, win)
    assert any(h.title == "ООО ВЕКТОР-СЕВЕР" for h in win.case.search("ВЕКТОР"))


def test_the_command_line_says_the_encoding_and_takes_another(tmp_path, capsys):
    case = tmp_path / "c.casefile"
    Case.new(case).close()
    f = tmp_path / "koi.csv"
    f.write_bytes(ROWS.encode("koi8_r"))
    assert main(["import", str(case), str(f), "--dry-run"]) == 0
    out = capsys.readouterr().out
    guessed = next(line for line in out.splitlines() if line.startswith("Text encoding:"))
    # (look26) the line shows a few values as read in the guess, from anywhere in the file
    assert "guessed from the file's bytes — read in it: “" in guessed
    assert "” — if names look garbled, name the right one with --encoding" in guessed
    assert main(["import", str(case), str(f), "--encoding", "koi8-r", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Text encoding: KOI8-R (Russian), as chosen" in out and "ООО ВЕКТОР-СЕВЕР (new)" in out
    assert main(["import", str(case), str(f), "--encoding", "koi9"]) == 1
    assert "'koi9' is no text encoding Casefile knows" in capsys.readouterr().err
    simple = tmp_path / "targets.simple.csv"  # a short list saved in Big5
    simple.write_bytes(("id,schema,name,aliases,birth_date,countries,addresses,identifiers,"
                        "sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n"
                        "tw-1,Person,Li Na,李娜,,tw,,,,,,test,,,\n").encode("big5"))
    assert main(["import-ftm", str(case), str(simple), "--encoding", "big5"]) == 0
    assert "Text encoding: Big5 (Chinese, traditional), as chosen" in capsys.readouterr().out
    with Case.open(case) as c:
        assert [h.id for h in c.search("李娜") if h.kind == "entity"]


def test_the_entities_window_takes_an_encoding_too(qtbot, demo_window, tmp_path):
    win = demo_window
    f = tmp_path / "targets.simple.csv"  # a short list saved in Big5
    f.write_bytes(("id,schema,name,aliases,birth_date,countries,addresses,identifiers,"
                   "sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n"
                   "tw-1,Person,Li Na,李娜,,tw,,,,,,test,,,\n").encode("big5"))
    win.menus.actions()["import_ftm"].trigger()
    dlg = win.commands.dialogs["import_ftm"]
    dlg.path.setText(str(f))
    dlg.load_file()
    qtbot.waitExposed(dlg)
    top = dlg.encoding.mapTo(dlg, QPoint(0, 0)).y()  # under the file, above the matches
    assert dlg.encoding.isVisible()  # (not alone in the middle of an empty column)
    assert top + dlg.encoding.height() <= dlg.proposals.mapTo(dlg, QPoint(0, 0)).y()
    dlg.encoding.combo.setCurrentIndex(dlg.encoding.combo.findData("big5"))
    dlg.check_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "as chosen" in dlg.report.toPlainText(),
                    timeout=20000)
    assert "Text encoding: Big5 (Chinese, traditional), as chosen." in dlg.report.toPlainText()
    dlg.import_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and "Imported" in dlg.report.toPlainText(),
                    timeout=20000)
    wait_idle(qtbot, win)
    assert any(h.kind == "entity" for h in win.case.search("李娜"))


def test_a_file_the_encoding_does_not_read_is_said_with_its_line_and_the_way_out(tmp_path,
                                                                               capsys):
    """(look19) A cp1251 name beyond what the guess looks at was 'not valid utf-8' with the
    wrong row and no word of the encoding being a guess; a wrong --encoding for an FtM
    import crashed as a bug; 'rot13' was taken as a text encoding."""
    case = tmp_path / "c.casefile"
    Case.new(case).close()
    header = "ShipperName,ConsigneeName,ArrivalDate,HSCode,Goods,Origin,Destination\n"
    rows = [f"Shipper {i},Consignee {i},2022-01-01,8806,drones,CN,RU" for i in range(9000)]
    rows[8000] = "ООО Ромашка,Consignee,2022-01-01,8806,drones,CN,RU"
    f = tmp_path / "late.csv"  # its one name beyond ASCII past the first 256 KB
    f.write_bytes((header + "\n".join(rows) + "\n").encode("cp1251"))
    assert main(["import", str(case), str(f), "--dry-run", "--report",
                 str(tmp_path / "rows.csv")]) == 0
    assert "Text encoding: Windows-1251 (Cyrillic), guessed" in capsys.readouterr().out
    assert "ООО Ромашка" in (tmp_path / "rows.csv").read_text(encoding="utf-8-sig")
    rows[3] = "Société Générale,Consignee,2022-01-01,8806,drones,FR,RU"  # UTF-8 first …
    f.write_bytes((header + "\n".join(rows[:8000])).encode("utf-8") + b"\n"
                  + ("\n".join(rows[8000:]) + "\n").encode("cp1251"))  # … cp1251 after
    assert main(["import", str(case), str(f), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "late.csv, line 8,002: the bytes at" in err and "are not valid UTF-8" in err
    assert "the encoding guessed from the start of the file; if the file is in another, " \
        "name the right one (the command line's --encoding" in err
    simple = tmp_path / "targets.simple.csv"
    simple.write_text("id,schema,name\n1,Company,Acme\n", encoding="utf-8")
    assert main(["import-ftm", str(case), str(simple), "--dry-run", "--encoding",
                 "utf-16"]) == 1
    err = capsys.readouterr().err
    assert "targets.simple.csv: not readable as UTF-16" in err and "a bug" not in err
    assert main(["import", str(case), str(f), "--encoding", "rot13"]) == 1
    assert "'rot13' is no text encoding Casefile knows" in capsys.readouterr().err


def test_a_utf8_file_read_in_another_encoding_chosen_is_said_to_read_as_utf8(tmp_path, capsys):
    """(look20) KOI8-R chosen for a UTF-8 file was honoured 'as chosen', its names garbled,
    without a word. The choice is still honoured (the user may know better), but the check
    says the file's bytes read as UTF-8; a file its chosen encoding fits is not said so."""
    case = tmp_path / "c.casefile"
    Case.new(case).close()
    f = tmp_path / "utf8.csv"
    f.write_text(ROWS, "utf-8")
    assert main(["import", str(case), str(f), "--encoding", "koi8-r", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Text encoding: KOI8-R (Russian), as chosen — but the file's bytes beyond plain " \
        "ASCII all read as UTF-8, the encoding it is most likely in: if names look " \
        "garbled, name the right one with --encoding" in out
    koi = tmp_path / "koi.csv"
    koi.write_bytes(ROWS.encode("koi8_r"))
    assert main(["import", str(case), str(koi), "--encoding", "koi8-r", "--dry-run"]) == 0
    assert "as chosen —" not in capsys.readouterr().out
    simple = tmp_path / "targets.simple.csv"
    simple.write_text("id,schema,name,aliases,birth_date,countries,addresses,identifiers,"
                      "sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n"
                      "tw-1,Person,Li Na,李娜,,tw,,,,,,test,,,\n", "utf-8")
    assert main(["import-ftm", str(case), str(simple), "--encoding", "cp1251",
                 "--dry-run"]) == 0
    assert "Windows-1251 (Cyrillic), as chosen — but the file's bytes beyond " \
        "plain ASCII all read as UTF-8" in capsys.readouterr().out
    # and a choice the file does not even read in says which it reads in
    assert main(["import-ftm", str(case), str(simple), "--encoding", "big5"]) == 1
    assert "not readable as Big5 (Chinese, traditional) (illegal multibyte sequence); the " \
        "file's bytes read as UTF-8: choose UTF-8" in capsys.readouterr().err
    assert main(["import", str(case), str(f), "--encoding", "big5", "--dry-run"]) == 1
    assert "the file's bytes read as UTF-8: choose UTF-8" in capsys.readouterr().err
