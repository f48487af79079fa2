"""(look16) A small file in cp1251 with only a few Cyrillic words among Latin ones ('LI Wei;
Ли Вэй') was read as cp1252: its Russian came out as 'Ëè Âýé'. Words made only of accented
Latin letters are how Russian reads in the wrong code page; Western text never writes them.
(session 14's note) One Russian word among Latin rows was read as gb18030 or big5 ('Иванов'
as three Chinese characters), and a few Chinese names in gb18030 as cp1252 ('Íõ')."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.services.exchange.imports.encodings import detect_encoding

_RU = ["Ли Вэй", "ООО «Ромашка»", "Иванов", "Москва", "ЗАО Вектор", "Сергей Чемезов"]
_WEST = ["Müller GmbH", "Société Générale", "Café Crème", "Ångström AB", "São Paulo",
         "Françoise Dürrenmatt", "naïve façade", "Öl und Wärme"]


_LATIN = st.lists(st.from_regex(r"[A-Z][a-z]{2,9} [A-Z][a-z]{2,9}", fullmatch=True),
                  min_size=1, max_size=20)


def _list(names: list[str], latin: list[str], sep: str = ",", end: str = "\n") -> str:
    """A short list: Latin rows, and one row of ``names`` amid them."""
    rows = [f"p{i}{sep}Company{sep}{n}{sep}" for i, n in enumerate(latin)]
    rows.insert(len(rows) // 2, f"x{sep}Company{sep}" + sep.join(names))
    return f"id{sep}schema{sep}name{sep}aliases{end}" + end.join(rows) + end


@given(st.lists(st.sampled_from(_RU), min_size=1, max_size=3), _LATIN)
def test_russian_in_a_code_page_is_never_read_as_western(russian, latin):
    text = _list(russian, latin, ";", "\r\n")
    assert detect_encoding(text.encode("cp1251")) == "cp1251"


def test_the_list_a_russian_excel_saved_reads_as_cp1251():
    text = ("id;schema;name;aliases;birth_date\r\ncn-li;Person;LI Wei;\"??;Ли Вэй\";"
            "1970-01-02\r\ngr-pap;Person;Georgios Papadopoulos;?????? ??????;\r\n")
    assert detect_encoding(text.encode("cp1251")) == "cp1251"


@pytest.mark.parametrize("name", _WEST)
def test_western_text_in_a_code_page_stays_cp1252(name):
    text = "id;schema;name\r\n" + "".join(f"x{i};Company;{name} {i}\r\n" for i in range(5))
    assert detect_encoding(text.encode("cp1252")) == "cp1252"


_ZH = ["王伟", "李娜", "张敏", "刘洋", "陈静", "王", "深圳市大疆创新科技有限公司",
       "中国北方工业公司", "华为技术有限公司"]


@given(st.lists(st.sampled_from(_ZH), min_size=1, max_size=3), _LATIN)
def test_chinese_in_gb18030_reads_as_gb18030(chinese, latin):
    """(look19) one name ('王伟' among Latin rows) was read as Big5 ('卼帡')."""
    assert detect_encoding(_list(chinese, latin).encode("gb18030")) == "gb18030"


_ZH_TW = ["王偉", "陳靜", "李娜", "台灣積體電路製造股份有限公司", "鴻海精密工業"]


@given(st.lists(st.sampled_from(_ZH_TW), min_size=1, max_size=3), _LATIN)
def test_chinese_in_big5_reads_as_big5(chinese, latin):
    """(look19) '王偉' in Big5 was read as Windows-1252 ('¤ý°¶') at every size."""
    assert detect_encoding(_list(chinese, latin).encode("big5")) == "big5"


def test_a_name_far_down_a_file_tells_its_encoding():
    """(look19) One cp1251 name on row 2,502, after 140 KB of ASCII, was guessed from the
    first 64 KB — plain ASCII — as Big5."""
    rows = [f"Shipper {i},Consignee {i},2022-01-01,8806,drones,CN,RU" for i in range(3000)]
    rows[2500] = "ООО «Ромашка»,Consignee,2022-01-01,8806,drones,CN,RU"
    text = "ShipperName,ConsigneeName,ArrivalDate,HSCode,Goods,Origin,Destination\n"
    data = (text + "\n".join(rows) + "\n").encode("cp1251")
    assert detect_encoding(data[:256 * 1024]) == "cp1251"


@pytest.mark.parametrize("rows", [
    "ru-1,Person,Ivanov,Иванов\n",  # one word: read as gb18030 before
    "".join(f"x-{i},Company,Acme {i},,us\n" for i in range(30)) + "ru,Person,Ivanov,Иванов\n",
    'ru-2,Company,Tekhkrim,"ООО ""ТЕХКРИМ"""\n'])
def test_one_russian_word_among_latin_rows_reads_as_cp1251(rows):
    text = "id,schema,name,aliases,countries\n" + rows
    assert detect_encoding(text.encode("cp1251")) == "cp1251"


def test_a_few_chinese_names_in_gb18030_read_as_gb18030():
    text = "name,alias\n" + "".join(f"Wang {i},王{i}\n" for i in range(20))
    assert detect_encoding(text.encode("gb18030")) == "gb18030"  # was cp1252: 'Íõ0'


# (KOI8-R has no « »)
_RU_CAPS = ["ООО ТЕХКРИМ", "АО НПК ЭЛЕКТРОН", "ЗАО ВЕКТОР", "ИВАНОВ ИВАН", "ПАО РОСТЕХ"]


@given(st.lists(st.sampled_from(_RU_CAPS), min_size=1, max_size=3), _LATIN)
def test_russian_capitals_in_koi8_r_read_as_koi8_r(russian, latin):
    """(look18) KOI8-R's capitals are cp1251's small letters: 'ООО ТЕХКРИМ' was read as
    'ппп феилтйн'."""
    assert detect_encoding(_list(russian, latin).encode("koi8_r")) == "koi8_r"


def test_one_russian_word_in_koi8_r_reads_as_koi8_r():
    """(look18) 'Иванов' alone in KOI8-R among Latin rows was read as Big5 ('樼蹉瓬')."""
    text = "id,schema,name,aliases\nru-1,Person,Ivanov,Иванов\n"
    assert detect_encoding(text.encode("koi8_r")) == "koi8_r"


@settings(max_examples=30, deadline=None)
@given(at=st.integers(min_value=0, max_value=12_000), name=st.sampled_from(_RU))
def test_the_guess_looks_past_plain_ascii_to_the_first_name_beyond_it(tmp_path_factory, at,
                                                                      name):
    """(look19) A file whose first byte beyond ASCII came after the first 256 KB was guessed
    from the ASCII alone. Wherever the name stands, the guess sees it and reads cp1251."""
    from casefile.services.exchange.imports.encodings import file_sample

    rows = [f"Shipper {i},Consignee {i},2022-01-01,8806,drones,CN,RU" for i in range(12_001)]
    rows[at] = f"{name},Consignee,2022-01-01,8806,drones,CN,RU"
    f = tmp_path_factory.mktemp("late") / "late.csv"
    f.write_bytes(("ShipperName,ConsigneeName\n" + "\n".join(rows) + "\n").encode("cp1251"))
    sample = file_sample(f)
    assert name.encode("cp1251") in sample and len(sample) <= 320 * 1024
    assert detect_encoding(sample) == "cp1251"


@pytest.mark.parametrize(("text", "codec"), [
    ("SARL «Éco Café»", "cp1252"),  # read as Big5: '宥co Caf暺'
    ("Keep at -18°C", "cp1252"),  # read as Big5: '-18蚓'
    ("ооо северная рыба", "cp1251"),  # lower-case Russian read as KOI8-R capitals
    ("филе трески мороженое", "cp1251")])
def test_look20s_short_files(text, codec):
    rows = "".join(f"p{i},Company,Acme {i}\n" for i in range(10))
    data = f"id,schema,name\n{rows}x,Company,{text}\n".encode(codec)
    assert detect_encoding(data) == codec


def test_one_dash_at_the_start_does_not_decide_for_names_far_down(tmp_path):
    """(look20) An en dash in row 4 of a 4 MB cp1252 file (the same byte in cp1251) decided
    cp1251 for the German and French names on row 30,002: 'Mьller & Sцhne'."""
    from casefile.services.exchange.imports.encodings import file_sample

    rows = [f"Shipper {i},Consignee {i},2022-01-01,0304,frozen fish,NO,DE" for i in range(40_000)]
    rows[3] = "Shipper 3,Consignee 3,2022-01-01,0304,Frozen cod – fillets,NO,DE"
    rows[30_000] = "Müller & Söhne GmbH,Société Générale Équipements,2022-01-01,0304,cod,NO,FR"
    rows[30_001] = "Lerøy Seafood AS,Pescanova España,2022-01-01,0304,cod,NO,ES"
    f = tmp_path / "west.csv"
    f.write_bytes(("ShipperName,ConsigneeName\n" + "\n".join(rows) + "\n").encode("cp1252"))
    assert detect_encoding(file_sample(f)) == "cp1252"


def test_the_encodings_offered_include_ukrainian_central_european_and_turkish():
    """(look20) KOI8-U, Windows-1250 and Windows-1254 files could not be read right from the
    window: its list did not offer them."""
    from casefile.services.exchange.imports.encodings import ENCODINGS, chosen_encoding

    offered = dict(ENCODINGS)
    assert {"koi8_u", "cp1250", "cp1254"} <= set(offered)
    assert "Ukrainian" in offered["koi8_u"] and "Turkish" in offered["cp1254"]
    text = "ТОВ Київська риба,Ґудзь Євген Іванович\n"
    assert text.encode("koi8_u").decode(chosen_encoding("koi8-u")) == text


@settings(max_examples=40, deadline=None)
@given(names=st.lists(st.sampled_from(_RU + _WEST), min_size=1, max_size=4), latin=_LATIN,
       chosen=st.sampled_from(["koi8_r", "cp1251", "cp1252", "big5", "gb18030"]))
def test_a_code_pages_file_never_proves_utf8_and_a_utf8_one_always_does(tmp_path_factory,
                                                                        names, latin, chosen):
    """(look20) The check says a chosen encoding's file reads as UTF-8 only when it does:
    never for a file in a code page it can be written in, always for the same text in
    UTF-8 (but with UTF-8 itself chosen)."""
    from casefile.services.exchange.imports.encodings import utf8_evident

    text = _list(names, latin)
    folder = tmp_path_factory.mktemp("evident")
    try:
        data = text.encode(chosen)
    except UnicodeEncodeError:
        data = None
    if data is not None:
        (folder / "cp.csv").write_bytes(data)
        assert not utf8_evident(folder / "cp.csv", chosen)
    (folder / "u.csv").write_text(text, "utf-8")
    assert utf8_evident(folder / "u.csv", chosen)
    assert not utf8_evident(folder / "u.csv", "utf-8")
    (folder / "ascii.csv").write_text(_list(latin[:1], latin), "ascii")
    assert not utf8_evident(folder / "ascii.csv", chosen)  # nothing to tell by


# Turkish and Polish trade names as exporters' registers write them (look20: never guessed:
# a cp1254 file read as 'ÇELÝK MAKÝNA SANAYÝ VE TÝCARET A.Þ.', a cp1250 one refused as
# 'its text encoding cannot be recognised')
_TR = ["ÇELİK MAKİNA SANAYİ VE TİCARET A.Ş.", "AKDENİZ DIŞ TİCARET LTD. ŞTİ.",
       "Yıldız Gıda İhracat", "İstanbul Ağır Sanayi Anonim Şirketi",
       "Kuzey Doğu Lojistik Ltd. Şti."]  # (one ğ alone is as much Icelandic ð: review24)
_PL = ["Zakłady Mechaniczne Łódź Spółka z o.o.", "Przedsiębiorstwo Handlowe Wrocław",
       "Fabryka Śrub Żywiec S.A.", "Huta Łabędy", "Spółdzielnia Mleczarska Mlekpol"]
_UA = ["Міністерство оборони України", "ТОВ «Київ-Експорт»", "Укрзалізниця", "Іванів"]


@given(st.lists(st.sampled_from(_TR), min_size=1, max_size=3), _LATIN)
def test_turkish_in_its_code_page_reads_as_cp1254(turkish, latin):
    assert detect_encoding(_list(turkish, latin, ";", "\r\n").encode("cp1254")) == "cp1254"


@given(st.lists(st.sampled_from(_PL), min_size=1, max_size=3), _LATIN)
def test_polish_in_its_code_page_reads_as_cp1250(polish, latin):
    assert detect_encoding(_list(polish, latin, ";", "\r\n").encode("cp1250")) == "cp1250"


@given(st.lists(st.sampled_from(_UA + _RU), min_size=1, max_size=3), _LATIN)
def test_ukrainian_i_is_no_polish_l(names, latin):
    """cp1251's і is cp1250's ł; a Cyrillic word has no plain letter beside it."""
    assert detect_encoding(_list(names, latin, ";", "\r\n").encode("cp1251")) == "cp1251"


@pytest.mark.parametrize("name", ["Þórður Guðmundsson ehf", "Volume 100 m³ net", "Cœur d'Œuvre",
                                  "¿Qué tal? Compañía Española", "Ýmir Þór ehf. Reykjavík"])
def test_western_text_with_the_same_bytes_stays_cp1252(name):
    """Icelandic writes Þ ð ý (Turkish Ş ğ ı's bytes) beside á é í ó ú; Western text writes
    ³ after a unit, not inside a word."""
    text = "id;schema;name\r\n" + "".join(f"x{i};Company;{name} {i}\r\n" for i in range(5))
    assert detect_encoding(text.encode("cp1252")) == "cp1252"


@pytest.mark.parametrize("name", ["McDonald¿s Corp", "Revenue £bn 5", "Price £GBP 100",
                                  "Price ¥JPY 100", "Petr Novotný s.r.o.", "Aðalsteinn ehf",
                                  "Foo¯bar Ltd"])
def test_one_odd_name_among_western_rows_does_not_make_the_file_polish_or_turkish(name):
    """(review24) Each of these turned a Western file Polish or Turkish: '¿' put for an
    apostrophe, pounds, yen, a macron, one Czech or one Icelandic name (however often its
    row is repeated)."""
    rows = "".join(f"x{i};Company;Société Générale {i};Compañía Española;Möller AB\r\n"
                   for i in range(40))
    text = "id;schema;name;alias;other\r\n" + rows + f"y;Company;{name};;\r\n" * 3
    assert detect_encoding(text.encode("cp1252")) == "cp1252"


_SK = ["Železiarne Podbrezová a.s.", "Duslo, a.s. Šaľa", "Dodávateľ", "Odberateľ",
       "Ľubovnianske strojárne", "Tlačiareň Ružomberok", "ZVS holding, a.s."]
_RO = ["Şantierul Naval Constanţa", "Întreprinderea de Maşini Grele",
       "Uzinele Mecanice Bucureşti", "Oţelul Roşu", "Aeroportul Băneasa"]


@given(st.lists(st.sampled_from(_SK), min_size=2, max_size=4, unique=True), _LATIN,
       st.booleans())
def test_slovak_in_its_code_page_reads_as_cp1250(slovak, latin, upper):
    """Slovak ľ Ľ are cp1252's ¾ ¼: inside a word ('Ša¾a', 'Dodávate¾'), no Western text
    writes them (a Slovak file was refused as unrecognisable, or read so)."""
    names = [n.upper() if upper else n for n in slovak]
    if not any("ľ" in n.lower() for n in names):
        names.append("ODBERATEĽ" if upper else "Odberateľ")
    assert detect_encoding(_list(names, latin, ";", "\r\n").encode("cp1250")) == "cp1250"


@given(st.lists(st.sampled_from(_RO[:3]), min_size=1, max_size=3), _LATIN)
def test_romanian_in_its_code_page_reads_as_cp1250_not_turkish(romanian, latin):
    """Romanian ş is cp1252's º inside a word ('Maºini'); its ţ is Turkish ş's byte — a file
    of Romanian names was read as Turkish ('Constanşa')."""
    text = _list([*romanian, "Aeroportul Băneasa"], latin, ";", "\r\n")
    assert detect_encoding(text.encode("cp1250")) == "cp1250"


_WESTERN_SYMBOLS = ["Factura Nº 12", "1ª clase", "Pipe 1¼ inch", "Tube ¾ inch", "Srªs Maria",
                    "Exmºs Senhores", "Rua 1º de Maio", "Müller ½ kg", "Volume 5 m³",
                    "Construções Nº 45, 1º andar", "Società per Azioni", "Caffè Perù",
                    "Crème Brûlée", "Forêt Lumière", "Mærsk Ørsted", "Peñarroya"]


@given(st.lists(st.sampled_from(_WESTERN_SYMBOLS), min_size=1, max_size=8), _LATIN)
def test_western_ordinals_fractions_and_units_are_no_central_european_letters(names, latin):
    """(review25) Nº, 1ª, 1¼ and ¾ are cp1250's ş Ş Ľ ľ: after a number or alone they stay
    Western; only between letters do they make a file Slovak or Romanian."""
    assert detect_encoding(_list(names, latin, ";", "\r\n").encode("cp1252")) == "cp1252"


_CZ = ["Česká zbrojovka a.s.", "Jiří Dvořák", "Děčínská strojírna s.r.o.",
       "Optické přístroje Přerov", "Růžička",
       "ČESKÁ ZBROJOVKA A.S.", "JIŘÍ NOVÁK"]
_HU = ["Műszaki Fejlesztő Kft.", "Győri Gépgyár Zrt.", "Kőbányai Sörgyár", "Szűcs Ödön",
       "Hűtőberendezés Kft."]
_HR = ["Đuro Đaković Grupa d.d.", "Končar - Elektroindustrija d.d.", "Ivan Horvatić",
       "Marija Kovačević", "Čelične cijevi Split", "Čistilnica Žalec",
       # (look26) weaker clues: -šić -žić, -ič -ač, čný, ář, ő ű without letter pairs, Ť
       "Ivan Barišić", "Ana Božić", "Janez Božič", "Ana Kovač", "Pavel Konečný",
       "Jan Kovář", "Erdős Pál", "Sütő Anna", "Hegedűs Béla", "Pécsi Sörfőzde Zrt.",
       "Ťoupalík s.r.o.", "TŘINECKÉ ŽELEZÁRNY A.S.;MARIE RŮŽIČKOVÁ"]


@given(st.lists(st.sampled_from(_CZ + _HU + _HR), min_size=1, max_size=3), _LATIN)
def test_czech_hungarian_and_croatian_in_their_code_page_read_as_cp1250(names, latin):
    """(session 19's note) Czech, Hungarian and Croatian in Windows-1250 were read as
    Western: 'Jiøí Dvoøák', 'Gyõri Gépgyár', 'Ðuro Ðakoviæ' — a name a researcher then
    searches for in vain. One name among Latin rows is enough."""
    assert detect_encoding(_list(names, latin, ";", "\r\n").encode("cp1250")) == "cp1250"


_WEST_SAME_BYTES = ["Høeg Autoliners", "Tønder Havn", "Søren Møller", "Bjørn Ødegård",
                    "Kari Støen", "Jonas Gahr Støre", "Ole Brøtøen", "BJØRN DÆHLIE",
                    "ÅSE HØEG", "Pål Stø",
                    "così lunedì più", "Caffè Perù", "Niccolò", "coût sûr août brûlé",
                    "frère très crème", "Thalès Systèmes", "Construções põe Camões",
                    "Tõnis Mägi OÜ", "Põltsamaa Võõras", "Ærø Næstved træ",
                    "Guðmundur Jónsson", "Françoise Lefèvre", "Dûment Flûte",
                    "Mèxic sèrie època València", "a piè di pagina", "Simões põe",
                    "Kõrts Võru Tõnis", "août coût flûte dû", "ÄÄNEKOSKEN PAPERI OY",
                    "KÄRKKÄINEN JUHA", "PÖYRY OYJ", "FRÈRE CRÈME", "Giosuè Carducci"]


@given(st.lists(st.sampled_from(_WEST_SAME_BYTES), min_size=1, max_size=6), _LATIN)
def test_western_words_at_the_same_bytes_stay_cp1252(names, latin):
    """The bytes of Czech č ě ř ů, Croatian ć đ and Hungarian ő ű are Western è ì ø ù æ ð
    õ û: Danish, Italian, French, Portuguese, Estonian and Icelandic words that write them
    stay Western."""
    assert detect_encoding(_list(names, latin, ";", "\r\n").encode("cp1252")) == "cp1252"


_UA_KOI8 = ["Відправник", "ТзОВ «Їжак»", "ПрАТ «Євроцемент-Україна»", "ґрунтові машини",
            "Ґалаґан Євген", "ІВАНОВ ІВАН ІВАНОВИЧ", "ЗАПЧАСТИНИ ДО ҐРУНТОВИХ МАШИН",
            # (look26) short words with no vowel: a unit, a currency, a preposition
            "Вес брутто (кг)", "Підшипники, 12 шт", "Ціна 1 500 грн", "м. Київ, вул. Хрещатик"]


@given(st.lists(st.sampled_from(_UA_KOI8), min_size=1, max_size=3), _LATIN)
def test_ukrainian_in_koi8_u_reads_as_koi8_u_and_in_cp1251_as_cp1251(names, latin):
    """(session 19's note) KOI8-U was never guessed: Ukrainian's і ї є ґ are box-drawing
    signs in KOI8-R, and a file was refused as unrecognisable or read as Chinese."""
    text = _list([n.replace("«", '"').replace("»", '"') for n in names], latin, ";", "\r\n")
    for codec in ("koi8_u", "cp1251"):  # (words of Russian alone read the same in KOI8-R)
        data = text.encode(codec)
        assert data.decode(detect_encoding(data)) == text


_LOOK_ALIKES = ["ТОВ «Сiмферопольський завод»", "Представництво в Нiмеччинi", "Iваненко Петро",
                "СИEМЕНС", "ООО «Тoрговых систем»", "Рaзных товаров"]


@given(st.lists(st.sampled_from(_LOOK_ALIKES), min_size=1, max_size=3),
       st.lists(st.sampled_from(_RU + _UA), min_size=2, max_size=4), _LATIN)
def test_cyrillic_with_a_latin_look_alike_typed_in_stays_cp1251(typed, names, latin):
    """(review27) Ukrainian typed with a Latin i for і, or Russian with a Latin e or o, made
    a whole cp1251 file Czech ('ŇÎÂ «Ńiěôĺđîďîëüńüęčé'): a word mostly of Cyrillic letters
    is no Latin one."""
    text = _list([*typed, *names], latin, ";", "\r\n")
    data = text.encode("cp1251")
    assert data.decode(detect_encoding(data)) == text


@given(st.lists(st.sampled_from(["Paral·lel 51 SL", "Intel·ligència", "reporting under § 15 WpHG",
                                 "Art. 5 § 2", "Tube ½ inch"]), min_size=1, max_size=3),
       st.booleans(), _LATIN)
def test_a_sign_at_a_koi8_u_letters_byte_makes_no_file_ukrainian(signs, russian, latin):
    """(review27) · § ¶ ½ are KOI8-U's ї і …: Catalan and German rows, and a Russian file in
    capitals with one '·', were read as KOI8-U."""
    if russian:
        text = _list(["ИВАНОВ ИВАН ИВАНОВИЧ · ДИРЕКТОР", "ГАЗПРОМ НЕФТЬ § 5"], latin, ";",
                     "\r\n")
        assert text.encode("cp1251").decode(detect_encoding(text.encode("cp1251"))) == text
    text = _list(signs, latin, ";", "\r\n")
    assert detect_encoding(text.encode("cp1252")) == "cp1252"


@given(st.lists(st.sampled_from(["Fèis Ìle", "Dùn Èideann", "Port Rìgh", "Sìne NicLeòid",
                                 "Comunn na Gàidhlig", "Seán Ó Briain", "Mìcheal Ò Ruairc"]),
                min_size=1, max_size=4), _LATIN)
def test_scottish_gaelic_stays_cp1252(names, latin):
    """(review27) Gaelic writes a grave accent on every vowel — 'Fèis Ìle', 'Dùn Èideann' —
    the bytes of Czech č ě ů: a Gaelic list was read as Czech ('Fčis Ěle'), Irish names
    beside it or not."""
    assert detect_encoding(_list(names, latin, ";", "\r\n").encode("cp1252")) == "cp1252"


def test_the_report_shows_values_as_read_in_the_guess_from_far_down(tmp_path):
    """(look26) A name garbled on row 8,000 was seen only in a saved row report: the line
    that says the guessed encoding shows a few values as read in it, from wherever in the
    file they stand; none for UTF-8, which its bytes prove."""
    from casefile.services.exchange.imports.encodings import guess_encoding, names_as_read
    from casefile.services.exchange.imports.report import ImportReport

    rows = [f"Shipper {i},Consignee {i},2022-01-01,8806,drones,CZ" for i in range(8_000)]
    rows.append("Jiří Dvořák,Třinecké železárny a.s.,2022-01-01,8806,drones,CZ")
    f = tmp_path / "late.csv"
    f.write_bytes(("ShipperName,ConsigneeName\n" + "\n".join(rows) + "\n").encode("cp1250"))
    codec = guess_encoding(f)
    shown = names_as_read(f, codec)
    assert shown == ["Jiří Dvořák", "Třinecké železárny a.s."]
    report = ImportReport("late.csv", {}, encoding=codec, names_read=shown)
    assert "read in it: “Jiří Dvořák”; “Třinecké železárny a.s.” — if names" in \
        report.encoding_line("choose another")
    f.write_text("Jiří Dvořák,x\n", "utf-8")
    assert names_as_read(f, "utf-8-sig") == []
