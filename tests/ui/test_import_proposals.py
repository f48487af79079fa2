"""(look16) A proposal said its reason inside the quotes of the party's name: “Siemens AG,
same name but the file's b-4 is that party already”. The name is quoted, the reason follows."""

import json

from tests.ui.conftest import wait_idle
from tests.ui.test_main_window import _import_dialog


def test_a_proposal_quotes_the_party_and_says_the_reason_after_it(qtbot, demo_window,
                                                                  tmp_path):
    win = demo_window
    ag = win.case.create("entity", {"name": "Siemens AG", "kind": "company"}).result
    plain = win.case.create("entity", {"name": "Siemens", "kind": "company"}).result
    wait_idle(qtbot, win)
    f = tmp_path / "s.ftm.json"
    f.write_text(json.dumps({"id": "x", "schema": "Company",
                             "properties": {"name": ["Siemens A.G."]}}), "utf-8")
    dlg = _import_dialog(win, f, "import_ftm")
    dlg.check_button.click()
    qtbot.waitUntil(lambda: dlg.task is None and dlg.proposals.count() == 2, timeout=20000)
    said = sorted(dlg.proposals.item(i).text() for i in range(2))
    assert said == [  # either party can be ticked (look17: only the first could)
        f"“Siemens A.G.” looks like “Siemens AG” (#{ag}, 100%), same name but #{plain} "
        "Siemens has that name too",
        f"“Siemens A.G.” looks like “Siemens” (#{plain}, 100%), same name but #{ag} "
        "Siemens AG has that name too"]
    report = dlg.report.toPlainText()  # one name, though two parties are proposed for it
    assert "1 name looks like a party already in the case" in report
    assert f"new, unless it is #{ag} Siemens AG or #{plain} Siemens" in report
