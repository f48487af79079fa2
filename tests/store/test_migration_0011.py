"""(look29) Arabic words are found without their article: خليج finds شركة الخليج للتجارة, as
الخليج still does, shown as written. A case at schema 0010 upgrades (its index rows holding
such words rewritten, its content digest unchanged), checks clean, and downgrades back."""

from alembic import command
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.names import joined_articles, parted_articles
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import digest, migrate
from tests.store.files import revision

GULF = "شركة الخليج للتجارة العامة"
RAHMAN = "عبد الرحمن بن خالد العتيبي"


def _found(case, query):
    return [h.title for h in case.search(query) if h.kind == "entity"]


def _parties(c):
    c.create("entity", {"name": GULF, "kind": "company", "country": "AE",
                        "description": "تعمل في مجال الشحن والخدمات اللوجستية"})
    c.create("entity", {"name": RAHMAN, "kind": "person"})
    c.create("entity", {"name": "والد سعيد", "kind": "person"})  # و + ال + د: no article
    c.create("entity", {"name": "Gulf Trading LLC", "kind": "company"})


def test_a_0010_case_upgrades_to_arabic_words_without_their_article_and_back(tmp_path):
    path = tmp_path / "old.casefile"
    with Case.new(path, title="Old") as c:
        _parties(c)
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0010")
            before = digest.head(conn)
        assert _found(c, "خليج") == []  # as schema 0010 held it
    assert revision(path) == "0010"
    assert check_case(path).ok  # checked as schema 0010 built its index
    with Case.open(path) as c:
        assert c.schema_version() == migrate.head_revision() >= "0011"
        for query in ("خليج", "الخليج", "تجارة", "للتجارة", "رحمن", "الرحمن", "عتيبي"):
            assert _found(c, query), query
        assert _found(c, "خليج") == [GULF]  # shown as written
        assert _found(c, "الخليج") == [GULF]  # the article stays a word of the query
        assert _found(c, "شحن") == [GULF]  # a description's words too
        assert _found(c, "د") == []  # والد is not و + ال + د
        assert _found(c, "gulf") == ["Gulf Trading LLC"]
        (hit,) = [h for h in c.search("خليج") if h.kind == "entity"]
        assert "الخليج" in hit.title.replace("[", "").replace("]", "")
        with c.read() as conn:
            assert digest.head(conn) == before  # the index is not content
    assert check_case(path).ok
    with Case.open(path) as c, c.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0010")
        titles = [t for (t,) in conn.exec_driver_sql("SELECT title FROM search_index")]
    assert GULF in titles  # joined again, as schema 0010 wrote it
    assert check_case(path).ok


def test_a_word_with_its_article_finds_the_longer_words_it_begins(case):
    case.create("entity", {"name": "مجموعة الخليجي القابضة", "kind": "company"})
    case.create("entity", {"name": "بنك الخليج", "kind": "company"})
    assert sorted(_found(case, "الخليج")) == ["بنك الخليج", "مجموعة الخليجي القابضة"]
    assert _found(case, '"بنك الخليج"') == ["بنك الخليج"]  # a phrase, as typed
    assert _found(case, "والخليج") == []  # 'and the Gulf' is a word of its own


def test_a_word_with_the_article_finds_it_after_a_joined_word(case):
    """(look31) الخليج did not find والخليج or بالخليج, and التجارة could never find
    للتجارة (ل and ال are written لل)."""
    for name in ("شركة الخليج للتجارة", "مكتب والخليج", "بنك بالخليج", "دار الخليج"):
        case.create("entity", {"name": name, "kind": "company"})
    assert sorted(_found(case, "الخليج")) == sorted(["شركة الخليج للتجارة", "مكتب والخليج",
                                                      "بنك بالخليج", "دار الخليج"])
    assert _found(case, "التجارة") == ["شركة الخليج للتجارة"]
    assert _found(case, "والخليج") == ["مكتب والخليج"]  # as typed, that form alone


def test_the_start_of_a_word_with_its_article_finds_it_as_it_is_typed(case):
    """(review35) 'الخ', typed on the way to الخليج, found nothing: the index holds the
    word parted from its article, the query left a stem of one letter whole; 'والد' did not
    find والدة ('and the' + a stem of two letters, parted)."""
    case.create("entity", {"name": "شركة الخليج للتجارة", "kind": "company"})
    case.create("entity", {"name": "والدة سعيد", "kind": "person"})
    case.create("entity", {"name": "والد سعيد", "kind": "person"})
    for typed in ("ا", "ال", "الخ", "الخل", "الخلي", "الخليج"):
        assert _found(case, typed) == ["شركة الخليج للتجارة"] or typed in ("ا", "ال"), typed
    assert sorted(_found(case, "والد")) == ["والد سعيد", "والدة سعيد"]
    assert _found(case, "سعيد والد") and _found(case, "شركة OR والدة")


_ARABIC = st.text(st.sampled_from(list("الخيجوفبكلدسعرحمنت ")), max_size=30)


@given(_ARABIC)
def test_parting_the_articles_keeps_every_letter_and_is_undone(text):
    parted = parted_articles(text, "\u3000")
    assert parted.replace("\u3000", "") == text
    assert joined_articles(parted, "\u3000") == text
    assert parted_articles(parted, "\u3000") == parted  # once parted, left as it is
    for word in parted.replace("\u3000", " ").split():
        assert len(word) >= 1
