from casefile.paths import resource_path

ARTICLE = resource_path("demo", "article-chinese-arms-shipments-to-russia.txt")


def test_demo_has_the_article_facts(demo):
    counts = demo.counts()
    assert counts["shipment"] == 4 and counts["source"] == 4 and counts["finding"] == 4
    assert counts["sanction"] == 1
    names = {r.title for r in demo.search("Tekhkrim OR NORINCO OR DJI")}
    assert {"Tekhkrim", "China North Industries Group Corporation Limited",
            "Da-Jiang Innovations Science & Technology Co."} <= names


def test_every_excerpt_is_verbatim_from_the_article(demo):
    text = ARTICLE.read_text("utf-8")
    with demo.read() as conn:
        rows = conn.exec_driver_sql("SELECT excerpt FROM citation").all()
        facts = conn.exec_driver_sql(
            "SELECT (SELECT count(*) FROM shipment s WHERE NOT EXISTS (SELECT 1 FROM citation "
            "c WHERE c.shipment_id = s.id)) + (SELECT count(*) FROM event e WHERE NOT EXISTS "
            "(SELECT 1 FROM citation c WHERE c.event_id = e.id)) + (SELECT count(*) FROM "
            "entity e WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.entity_id = e.id))"
        ).scalar()
    assert rows and all(r[0] and r[0] in text for r in rows)
    assert facts == 0  # every shipment, event and entity is cited


def test_article_is_attached_with_its_hash(demo):
    import hashlib
    with demo.read() as conn:
        name, digest = conn.exec_driver_sql("SELECT filename, sha256 FROM attachment").one()
    assert name == ARTICLE.name
    assert digest == hashlib.sha256(ARTICLE.read_bytes()).hexdigest()


def test_dates_at_the_articles_precision(demo):
    with demo.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT date_text, date_start, date_end, declared_goods FROM shipment "
            "ORDER BY date_start, id").all()
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("June 2022", "2022-06-01", "2022-06-30"),
        ("late 2022", "2022-09-01", "2022-12-31"),
        ("late 2022", "2022-09-01", "2022-12-31"),
        ("November and December 2022", "2022-11-01", "2022-12-31")]


def test_unnamed_parties_are_not_invented(demo):
    hits = demo.search("distributor")
    names = [h.title for h in hits if h.kind == "entity"]
    assert names == ["Unnamed small Russian distributor"]


def test_routes_and_declared_vs_assessed(demo):
    with demo.read() as conn:
        rows = dict(conn.exec_driver_sql(
            "SELECT s.declared_goods || '|' || s.assessed_goods, group_concat(r.country) "
            "FROM shipment s LEFT JOIN route_stop r ON r.shipment_id = s.id GROUP BY s.id"
        ).all())
    assert rows["body armour|body armour"] == "TR"
    assert rows["drone parts|drone parts — batteries and cameras"] == "AE"
    assert any(k.startswith("civilian hunting rifles|CQ-A") for k in rows)
