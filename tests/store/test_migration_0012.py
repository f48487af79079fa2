"""Arabic found without its vowel marks and tatweel, text copied from a PDF in presentation
forms, full-width letters: محمد finds مُحَمَّد, محـــمد and ﻣﺤﻤﺪ; 'Tokyo' finds Ｔｏｋｙｏ. A case
at schema 0011 upgrades (its index rows holding such text rewritten, its content digest
unchanged), checks clean, and downgrades back."""

from alembic import command
from hypothesis import given
from hypothesis import strategies as st

from casefile.core.names import searchable
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import digest, migrate
from tests.store.files import revision

MARKED = "مُحَمَّد الخَلِيجِيّ"
TATWEEL = "شركة محـــمد للتجارة"
PDF = "ﺷﺮﻛﺔ ﺍﻟﺨﻠﻴﺞ ﻟﻠﺘﺠﺎﺭﺓ"  # شركة الخليج للتجارة as a PDF's text layer gives it
WIDE = "ＳＨＥＮＺＨＥＮ　ＴＯＫＹＯ　ＴＲＡＤＩＮＧ　ＣＯ．，ＬＴＤ．"
CJK = "深圳市大疆创新科技有限公司"


def _found(case, query):
    return sorted(h.title for h in case.search(query) if h.kind == "entity")


def _parties(c):
    for name in (MARKED, TATWEEL, PDF, WIDE, CJK):
        c.create("entity", {"name": name, "kind": "company"})
    c.create("entity", {"name": "مكتب الاتصال", "kind": "company",
                        "description": "يعمل وبالتعاون مع وللشركة الأم"})


def test_a_0011_case_upgrades_to_searchable_letters_and_back(tmp_path):
    path = tmp_path / "old.casefile"
    with Case.new(path, title="Old") as c:
        _parties(c)
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0011")
            before = digest.head(conn)
        assert _found(c, "محمد") == []  # as schema 0011 held it
    assert revision(path) == "0011"
    assert check_case(path).ok  # checked as schema 0011 built its index
    with Case.open(path) as c:
        assert c.schema_version() == migrate.head_revision() >= "0012"
        assert len(_found(c, "محمد")) == 2  # marked, and with tatweel
        assert len(_found(c, "خليجي")) == 1
        assert len(_found(c, "الخليج")) == 2  # the marked one begins so; the PDF's
        assert _found(c, "تجارة") == sorted(["شركة محمد للتجارة", "شركة الخليج للتجارة"])
        assert len(_found(c, "tokyo")) == 1 and _found(c, "ltd") == _found(c, "tokyo")
        assert _found(c, "大疆") == [CJK]
        assert _found(c, "ﻣﺤﻤﺪ") == _found(c, "محمد")  # a query copied from a PDF too
        for word in ("تعاون", "التعاون", "شركة", "الشركة"):  # after و and ب, و and ل
            assert _found(c, word) == ["مكتب الاتصال"] or word == "شركة", word
        (wide,) = _found(c, "shenzhen")
        assert "SHENZHEN TOKYO TRADING" in wide.replace("[", "").replace("]", "")
        with c.read() as conn:
            assert digest.head(conn) == before  # the index is not content
    assert check_case(path).ok
    with Case.open(path) as c, c.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0011")
    assert check_case(path).ok  # indexed again as schema 0011 wrote it
    assert revision(path) == "0011"


def test_a_new_case_finds_them_as_typed_and_without_marks(case):
    _parties(case)
    assert len(_found(case, "مُحَمَّد")) == 2  # typed with its marks
    assert len(_found(case, "محم")) == 2  # the start of the word, as it is typed
    assert _found(case, '"شركة الخليج"') == ["شركة الخليج للتجارة"]  # a phrase


_TEXT = st.text(st.sampled_from(list("محمدالخليج ُ َ ِ ّ ـ ﻣﺤﻤﺪ ＡＢ１　abc深圳")), max_size=30)


@given(_TEXT)
def test_searchable_text_is_stable_and_keeps_every_letter(text):
    once = searchable(text)
    assert searchable(once) == once
    letters = [c for c in once if c.isalpha()]
    assert len(letters) <= len([c for c in text if c.isalpha()])  # nothing added
    assert "ـ" not in once and not any("\u064b" <= c <= "\u065f" for c in once)
