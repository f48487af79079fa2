"""What the timeline writes beside a shipment: its goods (the analyst's assessment in
brackets where it differs), then who sent it to whom — and no empty goods before a colon."""

from casefile.services.queries.timeline import timeline_records


def test_a_shipments_label_says_its_goods_only_when_there_are_some(case):
    a = case.create("entity", {"name": "SPÓŁKA AKCYJNA ŁÓDŹ"}).result
    b = case.create("entity", {"name": "ООО «ВЕКТОР»"}).result
    made = {}
    for key, declared, assessed in (("none", "", ""), ("declared", "drones", ""),
                                    ("assessed", "", "UAV engines"),
                                    ("both", "spare parts", "UAV engines"),
                                    ("same", "rifles", "rifles")):
        made[key] = case.create("shipment", {
            "shipper_id": a, "consignee_id": b, "declared_goods": declared,
            "assessed_goods": assessed, "date_text": "2022-03-04"}).result
    with case.read() as conn:
        labels = {r.id: r.label for r in timeline_records(conn, ("shipment",))}
    parties = "SPÓŁKA AKCYJNA ŁÓDŹ → ООО «ВЕКТОР»"
    assert labels[made["none"]] == parties  # (look24: ': SPÓŁKA …' after the date)
    assert labels[made["declared"]] == f"drones: {parties}"
    assert labels[made["assessed"]] == f"UAV engines: {parties}"
    assert labels[made["both"]] == f"spare parts (assessed: UAV engines): {parties}"
    assert labels[made["same"]] == f"rifles: {parties}"
