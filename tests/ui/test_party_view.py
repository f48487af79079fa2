"""All about one party: opened from the table's right-click menu, the editor's button and
Ctrl+Shift+A; each item opens its record."""

from PySide6.QtCore import Qt

from casefile.ui.party_view import _shown
from tests.ui.conftest import choose_kind, wait_idle


def _select_party(qtbot, win, name):
    choose_kind(qtbot, win, "entity")
    with win.case.read() as conn:
        rid = conn.exec_driver_sql("SELECT id FROM entity WHERE name = ?", (name,)).scalar()
    assert win.records.select_id(rid)
    qtbot.waitUntil(lambda: win.editor.shown() == ("entity", rid), timeout=10000)
    return rid


def test_the_table_menu_opens_the_profile_and_items_open_records(qtbot, demo_window,
                                                                  tmp_path):
    win = demo_window
    rid = _select_party(qtbot, win, "Tekhkrim")
    view = win.records.view
    row = win.records.model.row_of(rid) if hasattr(win.records.model, "row_of") else None
    index = view.selectionModel().selectedRows()[0] if row is None else \
        win.records.model.index(row, 0)
    menu = win.record_actions.context_menu(view.visualRect(index).center())
    act = {a.text(): a for a in menu.actions()}["All About This Party…"]
    assert act.isEnabled()
    act.trigger()
    pv = win.party_view.view
    qtbot.waitUntil(lambda: pv.profile is not None and pv.profile.id == rid, timeout=10000)
    assert pv.windowTitle() == "All about Tekhkrim"
    assert "Техкрим" in pv.facts.text()
    # the other party first, then the goods (however long their description)
    assert any(t.startswith("Received from China North") for t in pv.item_texts("shipment"))
    assert pv.item_texts("relationship") == [  # with what the relationship says (look21)
        "Tekhkrim — supplies — Russian state and military: Does business with the Russian "
        "state and military."]
    assert pv.item_texts("source")
    qtbot.wait(100)  # laid out with its text
    pv.grab().save(str(tmp_path / "party_view.png"))
    # an item opens its record in the main window
    top = pv.tree.topLevelItem(_shown().index("shipment"))  # (after sanctions, screening …)
    pv.tree.setCurrentItem(top.child(0))
    qtbot.keyClick(pv.tree, Qt.Key.Key_Return)
    kind, sid = top.child(0).data(0, Qt.ItemDataRole.UserRole)
    qtbot.waitUntil(lambda: win.editor.shown() == ("shipment", sid), timeout=10000)
    assert win.records.kind == "shipment"


def test_the_editor_button_and_shortcut_show_the_party_shown(qtbot, demo_window):
    win = demo_window
    rid = _select_party(qtbot, win, "Da-Jiang Innovations Science & Technology Co.")
    from PySide6.QtWidgets import QPushButton

    ed = win.editor.editors["entity"]
    button = next(b for b in ed.findChildren(QPushButton)
                  if b.text() == "All about this party…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    pv = win.party_view.view
    qtbot.waitUntil(lambda: pv.profile is not None and pv.profile.id == rid, timeout=10000)
    assert any("Treasury" in t for t in pv.item_texts("sanction"))
    assert len(pv.item_texts("event")) == 3
    # it follows edits: a new relationship shows up
    other = win.case.create("entity", {"name": "New partner"}).result
    win.session.changed.emit(win.case.create(
        "relationship", {"subject_id": rid, "object_id": other, "kind": "supplies"}))
    qtbot.waitUntil(lambda: len(pv.item_texts("relationship")) == 1, timeout=10000)
    wait_idle(qtbot, win)


def test_case_text_stays_plain_text(qtbot, demo_window):
    win = demo_window
    rid = win.case.create("entity", {"name": "<b>Bold</b> & Co"}).result
    view = win.party_view.show_party(rid)
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.id == rid,
                    timeout=10000)
    assert view.heading.textFormat() == Qt.TextFormat.PlainText
    assert view.heading.text() == "<b>Bold</b> & Co"


def test_a_persons_gender_is_chosen_in_the_editor_and_shown_in_the_profile(
        qtbot, demo_window, tmp_path):
    """Gender is a list (unknown, male, female, other), shown for people only; choosing one
    stores it as one undoable step, and the profile says it."""
    win = demo_window
    rid = _select_party(qtbot, win, "Liu Pengyu")
    ed = win.editor.editors["entity"]
    combo = ed.widgets["gender"]
    assert combo.isVisibleTo(ed)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "unknown", "male", "female", "other"]
    assert combo.currentText() == "unknown"
    combo.setCurrentIndex(combo.findData("male"))
    combo.activated.emit(combo.currentIndex())
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.case.get("entity", rid)["gender"] == "male", timeout=10000)
    assert win.case.undo_name.startswith("Edit")
    qtbot.wait(100)
    ed.grab().save(str(tmp_path / "editor_gender.png"))
    pv = win.party_view.show_party(rid)
    qtbot.waitUntil(lambda: pv.profile is not None and pv.profile.id == rid
                    and pv.profile.gender == "male", timeout=10000)
    assert pv.facts.text().startswith("Person, male")
    pv.grab().save(str(tmp_path / "party_view_gender.png"))
    _select_party(qtbot, win, "Tekhkrim")  # a company: no gender field
    assert not ed.widgets["gender"].isVisibleTo(ed)


def test_an_identifier_that_names_its_scheme_is_not_prefixed_twice(qtbot, demo_window):
    """FtM's imoNumber is written 'IMO 9074729': the profile says it once."""
    win = demo_window
    rid = win.case.create("entity", {"name": "SKY MARINER", "kind": "vessel"}, children={
        "identifier": [{"scheme": "IMO", "value": "IMO 9074729"},
                       {"scheme": "MMSI", "value": "273456789"}]}).result
    view = win.party_view.show_party(rid)
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.id == rid,
                    timeout=10000)
    assert "Identifiers: IMO 9074729; MMSI 273456789" in view.facts.text()


def test_a_peps_posts_birth_and_topics_are_in_its_profile(qtbot, demo_window):
    """What makes a person a PEP — their posts, dated, and the topic — is what the analyst
    opens the profile for; the dossier's profile says it, so does this view."""
    win = demo_window
    rid = win.case.create("entity", {
        "name": "Maria Aleksandrovna Osetrova", "kind": "person", "birth": "[1960, 1961-03-02]",
        "birth_place": "Tver", "topics": "role.pep",
        "position": "Member of the State Duma (Russia), 2016-10-05 – 2021-10-12, ended\n"
                    "Governor of Tver Oblast (Tver Oblast, Russia), since 2021-10-12"}).result
    view = win.party_view.show_party(rid)
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.id == rid,
                    timeout=10000)
    text = view.facts.text()
    assert "Born: 1960 or 2 March 1961 (sources differ) in Tver" in text
    assert ("Position: Member of the State Duma (Russia), 2016-10-05 – 2021-10-12, ended\n"
            "    Governor of Tver Oblast (Tver Oblast, Russia), since 2021-10-12") in text
    assert "Topics: Politically exposed person (PEP)" in text


def test_a_weak_alias_and_a_links_details_are_said_in_the_profile(qtbot, demo_window):
    """(look21) The party pane showed neither that KUZYA is a weak alias nor a
    relationship's details (51%, brother-in-law); the dossier showed both."""
    win = demo_window
    rid = win.case.create("entity", {"name": "Vitaly KUZMENKO", "kind": "person"}, children={
        "alias": [{"name": "KUZYA", "kind": "weak_alias"},
                  {"name": "Виталий Кузьменко", "lang": "ru"}]}).result
    other = win.case.create("entity", {"name": "Armour Repair Plant 163"}).result
    win.case.create("relationship", {"subject_id": rid, "object_id": other, "kind": "owns",
                                     "description": "51%; beneficial owner"})
    view = win.party_view.show_party(rid)
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.id == rid,
                    timeout=10000)
    assert "Also known as: KUZYA (weak alias); Виталий Кузьменко (ru)" in view.facts.text()
    assert view.item_texts("relationship") == [
        "Vitaly KUZMENKO — owns — Armour Repair Plant 163: 51%; beneficial owner"]


def test_a_goods_description_over_lines_is_one_line_in_the_profile(qtbot, demo_window):
    """(look22) The later lines of a shipment's goods were drawn beside the next
    shipment's date. Each record is one line; the tooltip holds the whole."""
    win = demo_window
    ship = win.case.children("shipment", "consignee_id", 2)[0]["id"]
    win.case.update("shipment", ship, {"declared_goods": "CQ-A rifles\n1. barrels\n2. stocks",
                                      "assessed_goods": ""})
    view = win.party_view.show_party(2)
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.id == 2, timeout=10000)
    line = next(t for t in view.item_texts("shipment") if "CQ-A rifles" in t)
    assert "\n" not in line and "CQ-A rifles 1. barrels 2. stocks" in line


def test_sanctions_come_first_and_a_long_section_starts_closed(qtbot, demo_window):
    """(look23) A consignee of 255 shipments showed them all, open, above its sanctions,
    which were out of view."""
    win = demo_window
    rid = win.case.create("entity", {"name": "ООО «СИБИРСКАЯ ТОРГОВАЯ КОМПАНИЯ»"}).result
    for i in range(40):
        win.case.create("shipment", {"consignee_id": rid, "declared_goods": f"chips {i}",
                                     "date": f"2023-03-{i % 28 + 1:02d}"})
    win.case.create("sanction", {"entity_id": rid, "authority": "OFAC",
                                 "programme": "RUSSIA-EO14024", "date": "2024-02-23"})
    view = win.party_view.show_party(rid)
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.id == rid,
                    timeout=10000)
    tops = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    assert [t.text(0) for t in tops] == ["Sanctions (1)", "Screening hits (0)",
                                         "Relationships (0)", "Events (0)", "Shipments (40)",
                                         "Sources (0)"]
    assert tops[0].isExpanded() and not tops[4].isExpanded()
    assert len(view.item_texts("shipment")) == 40  # all there, one click away


def test_screening_hits_show_with_their_decision_and_open_the_screening_window(
        qtbot, window, tmp_path, monkeypatch):
    """(look23) A decided match left no trace in the party's profile: it lists each hit
    with its decision and reviewer, says when a party had no hit or was never screened,
    and a hit opens the screening window of that party with the hit chosen."""
    from casefile.services.case.facade import Case
    from casefile.services.case.screening_ops import decide
    from casefile.services.screening.pool import ScreeningPool
    from casefile.services.screening.results import hits
    from casefile.services.screening.screen import screen_case
    from casefile.services.screening.watchlist_import import load
    from tests.support.watchlist import write_ftm

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    load(write_ftm(tmp_path / "entities.ftm.json"), "sanctions", dataset="sanctions")
    path = tmp_path / "w.casefile"
    with Case.new(path) as case:
        chemezov = case.create("entity", {"name": "Sergey Chemezov", "kind": "person"}).result
        acme = case.create("entity", {"name": "Acme Widgets", "kind": "company"}).result
        screen_case(case, "sanctions")
        later = case.create("entity", {"name": "Made Later", "kind": "company"}).result
        with case.read() as conn:
            (hit,) = hits(conn, party=chemezov)
        decide(case, [hit.id], "match", "same birth date", reviewer="ana")
    window.open_path(path)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    wait_idle(qtbot, window)
    pv = window.party_view.show_party(chemezov)
    qtbot.waitUntil(lambda: pv.profile is not None and pv.profile.id == chemezov,
                    timeout=10000)
    (text,) = pv.item_texts("screening_hit")
    assert text.startswith("Match: ") and "decided by ana" in text
    section = pv.tree.topLevelItem(_shown().index("screening_hit"))
    assert section.text(0) == "Screening hits (1)"
    for rid, said in ((acme, "No hit in the latest screening against sanctions ("),
                      (later, "Not screened against a watchlist yet")):
        pv.show_party(rid)
        qtbot.waitUntil(lambda rid=rid: pv.profile is not None and pv.profile.id == rid,
                        timeout=10000)
        none = pv.tree.topLevelItem(_shown().index("screening_hit")).child(0)
        assert none.text(1).startswith(said)
    # renamed after the run: no longer "no hit" without a word (review25)
    window.session.changed.emit(window.case.update("entity", acme, {"name": "Sergey Chemezov"}))
    pv.show_party(acme)
    qtbot.waitUntil(lambda: pv.profile.id == acme and pv.profile.name == "Sergey Chemezov",
                    timeout=10000)
    none = pv.tree.topLevelItem(_shown().index("screening_hit")).child(0)
    assert none.text(1).startswith("Changed since it was screened — its names, identifiers "
                                   "or details: screen it again")
    assert none.toolTip(1)
    pv.show_party(chemezov)
    qtbot.waitUntil(lambda: pv.profile.id == chemezov and bool(pv.item_texts("screening_hit")),
                    timeout=10000)
    monkeypatch.setattr("casefile.ui.screening_dialog.ScreeningPool",
                        lambda n: ScreeningPool(1))
    section = pv.tree.topLevelItem(_shown().index("screening_hit"))
    pv.tree.setCurrentItem(section.child(0))
    qtbot.keyClick(pv.tree, Qt.Key.Key_Return)
    dlg = window.commands.dialogs["screening"]
    assert dlg.party == chemezov
    qtbot.waitUntil(lambda: [h.id for h in dlg.selected()] == [hit.id], timeout=10000)
    dlg.table.clearSelection()
    qtbot.keyClick(pv.tree, Qt.Key.Key_Return)  # again: the same window, the hit chosen again
    assert window.commands.dialogs["screening"] is dlg and dlg.isVisible()
    qtbot.waitUntil(lambda: [h.id for h in dlg.selected()] == [hit.id], timeout=10000)
    window.commands.screening(None)  # the whole case's: the party's window closes first
    assert not dlg.isVisible() and dlg.pool is None  # (its workers gone: review25)
    window.commands.dialogs["screening"].close()
    wait_idle(qtbot, window)
    # (look30) its birth date corrected after the run: its hits are said to be the old ones
    window.session.changed.emit(window.case.update("entity", chemezov, {"birth": "1952"}))
    pv.show_party(chemezov)
    qtbot.waitUntil(lambda: pv.profile.id == chemezov and any(
        s[2] for s in pv.profile.screened) and "1952" in pv.facts.text(),
                    timeout=10000)
    first = pv.tree.topLevelItem(_shown().index("screening_hit")).child(0)
    assert first.text(1).startswith("Changed since it was screened against sanctions — ")
    assert first.foreground(1).color().name() == "#b00020"
    assert len(pv.item_texts("screening_hit")) == 1  # the hit itself still listed


def test_a_party_with_pages_of_facts_leaves_its_records_most_of_the_window(qtbot, window,
                                                                             tmp_path):
    """(look25) LLC CST of an OpenSanctions list — 60 names, 30 addresses, a page of notes —
    filled nine tenths of the window with its facts; three rows of its 28 sanctions showed."""
    from casefile.services.case.facade import Case

    path = tmp_path / "big.casefile"
    with Case.new(path) as case:
        eid = case.create("entity", {
            "name": "LLC CST", "address": "\n".join(f"{n} Vorovskogo St., Izhevsk, 4260{n}"
                                                    for n in range(30)),
            "description": "Associated entities: JSCs Kalashnikov Concern. " * 80},
            children={"alias": [{"name": f"ZALA AERO GROUP {n}"} for n in range(60)]}).result
        for n in range(28):
            case.create("sanction", {"entity_id": eid, "authority": f"Authority {n}"})
    window.open_path(path)
    qtbot.waitUntil(lambda: window.case is not None, timeout=10000)
    view = window.party_view.show_party(eid)
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() > 0, timeout=10000)
    facts, records = view.split.sizes()
    assert records >= 2 * facts  # the records keep two thirds at least
    assert view.facts_area.verticalScrollBar().maximum() > 0  # the facts scroll, whole
    assert "Authority 27" in " ".join(view.item_texts("sanction"))
    view.resize(view.width(), view.height() + 300)
    qtbot.waitUntil(lambda: sum(view.split.sizes()) > facts + records, timeout=5000)
    assert view.split.sizes()[1] >= 2 * view.split.sizes()[0]
    # (review26) a split the user moved stays where it is when an edit refreshes the view
    total = sum(view.split.sizes())
    view.split.setSizes([total // 2, total - total // 2])
    moved = view.split.sizes()
    window.session.changed.emit(window.case.update("entity", eid, {"description": "Shorter now."}))
    qtbot.waitUntil(lambda: "Shorter now." in view.facts.text(), timeout=10000)
    assert view.split.sizes() == moved
