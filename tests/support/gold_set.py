"""The screening gold set: labelled (party, list entry) pairs built from public sanctions-list
entries (names as OFAC, the EU, the UK and the US BIS Entity List publish them, in Latin,
Cyrillic and Chinese) and invented controls (namesakes, companies sharing only generic
words, identifiers with valid and broken check digits). ``pairs()`` builds them the same
way every time; ``python -m tests.support.gold_set`` prints the counts per category.

Each pair: category, label (True: the same party), the party (schema, names, countries,
birth dates, identifiers as (scheme, value)) and the entry (schema, properties)."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# -- public list entries: (Latin name as listed, variants a case might hold, Cyrillic,
#    birth date, country) -------------------------------------------------------------------
PEOPLE = [
    ("Oleg Vladimirovich DERIPASKA", ["Oleg Deripaska"], "Олег Владимирович Дерипаска",
     "1968-01-02", "ru"),
    ("Roman Arkadyevich ABRAMOVICH", ["Roman Abramovich", "Roman Abramovitch"],
     "Роман Аркадьевич Абрамович", "1966-10-24", "ru"),
    ("Alisher Burkhanovich USMANOV", ["Alisher Usmanov"], "Алишер Бурханович Усманов",
     "1953-09-09", "ru"),
    ("Viktor Feliksovich VEKSELBERG", ["Viktor Vekselberg", "Victor Wekselberg"],
     "Виктор Феликсович Вексельберг", "1957-04-14", "ru"),
    ("Arkady Romanovich ROTENBERG", ["Arkadiy Rotenberg", "Arkady Rotenberg"],
     "Аркадий Романович Ротенберг", "1951-12-15", "ru"),
    ("Boris Romanovich ROTENBERG", ["Boris Rotenberg"], "Борис Романович Ротенберг",
     "1957-01-03", "ru"),
    ("Gennady Nikolayevich TIMCHENKO", ["Gennadiy Timchenko", "Gennady Timtchenko"],
     "Геннадий Николаевич Тимченко", "1952-11-09", "ru"),
    ("Yevgeniy Viktorovich PRIGOZHIN", ["Evgeny Prigozhin", "Yevgeny Prigozhin"],
     "Евгений Викторович Пригожин", "1961-06-01", "ru"),
    ("Igor Ivanovich SECHIN", ["Igor Sechin"], "Игорь Иванович Сечин", "1960-09-07", "ru"),
    ("Sergei Viktorovich CHEMEZOV", ["Sergey Chemezov", "Sergej Tschemesow"],
     "Сергей Викторович Чемезов", "1952-08-20", "ru"),
    ("Andrey Leonidovich KOSTIN", ["Andrei Kostin"], "Андрей Леонидович Костин",
     "1956-09-21", "ru"),
    ("Herman Oskarovich GREF", ["German Gref", "Herman Gref"], "Герман Оскарович Греф",
     "1964-02-08", "ru"),
    ("Dmitry Anatolyevich MEDVEDEV", ["Dmitri Medvedev", "Dmitriy Medvedev"],
     "Дмитрий Анатольевич Медведев", "1965-09-14", "ru"),
    ("Sergey Viktorovich LAVROV", ["Sergei Lavrov"], "Сергей Викторович Лавров",
     "1950-03-21", "ru"),
    ("Sergei Kuzhugetovich SHOIGU", ["Sergey Shoygu", "Sergei Shoigu"],
     "Сергей Кужугетович Шойгу", "1955-05-21", "ru"),
    ("Valery Vasilyevich GERASIMOV", ["Valeriy Gerasimov"], "Валерий Васильевич Герасимов",
     "1955-09-08", "ru"),
    ("Nikolai Platonovich PATRUSHEV", ["Nikolay Patrushev"], "Николай Платонович Патрушев",
     "1951-07-11", "ru"),
    ("Ramzan Akhmatovich KADYROV", ["Ramzan Kadyrov"], "Рамзан Ахматович Кадыров",
     "1976-10-05", "ru"),
    ("Aleksandr Grigoryevich LUKASHENKO", ["Alexander Lukashenko", "Aliaksandr Lukashenka"],
     "Александр Григорьевич Лукашенко", "1954-08-30", "by"),
    ("Viktor Fedorovych YANUKOVYCH", ["Viktor Yanukovich", "Victor Ianoukovitch"],
     "Віктор Федорович Янукович", "1950-07-09", "ua"),
    ("Mikhail Maratovich FRIDMAN", ["Mikhail Fridman", "Michail Fridman"],
     "Михаил Маратович Фридман", "1964-04-21", "ru"),
    ("Petr Olegovich AVEN", ["Pyotr Aven", "Petr Aven"], "Пётр Олегович Авен",
     "1955-03-16", "ru"),
    ("Vladimir Olegovich POTANIN", ["Vladimir Potanin"], "Владимир Олегович Потанин",
     "1961-01-03", "ru"),
    ("Igor Yevgenyevich KOROTCHENKO", ["Igor Korotchenko"], "Игорь Евгеньевич Коротченко",
     "1960-02-15", "ru"),
    ("Denis Valentinovich BORTNIKOV", ["Denis Bortnikov"], "Денис Валентинович Бортников",
     "1974-11-19", "ru"),
    ("Yury Valentinovich KOVALCHUK", ["Yuri Kovalchuk", "Iurii Kovalchuk"],
     "Юрий Валентинович Ковальчук", "1951-07-25", "ru"),
    ("Suleiman Abusaidovich KERIMOV", ["Suleyman Kerimov"], "Сулейман Абусаидович Керимов",
     "1966-03-12", "ru"),
    ("Andrey Igorevich MELNICHENKO", ["Andrei Melnichenko", "Andrey Melnichenko"],
     "Андрей Игоревич Мельниченко", "1972-03-08", "ru"),
    ("Alexey Alexandrovich MORDASHOV", ["Alexei Mordashov", "Aleksei Mordashov"],
     "Алексей Александрович Мордашов", "1965-09-26", "ru"),
    ("Dmitry Arkadievich MAZEPIN", ["Dmitriy Mazepin"], "Дмитрий Аркадьевич Мазепин",
     "1968-04-18", "ru"),
]
# Chinese people and companies (BIS Entity List, OFAC, UK): Han name, pinyin as a case
# might write it, English name, country
CHINESE = [
    ("习近平", "Xi Jinping", None, "Person"),
    ("李强", "Li Qiang", None, "Person"),
    ("王毅", "Wang Yi", None, "Person"),
    ("魏凤和", "Wei Fenghe", None, "Person"),
    ("李尚福", "Li Shangfu", None, "Person"),
    ("任正非", "Ren Zhengfei", None, "Person"),
    ("孟晚舟", "Meng Wanzhou", None, "Person"),
    ("汪滔", "Wang Tao", None, "Person"),
    ("陈全国", "Chen Quanguo", None, "Person"),
    ("朱海仑", "Zhu Hailun", None, "Person"),
    ("王君正", "Wang Junzheng", None, "Person"),
    ("彭家瑞", "Peng Jiarui", None, "Person"),
    ("夏宝龙", "Xia Baolong", None, "Person"),
    ("张庆伟", "Zhang Qingwei", None, "Person"),
    ("华为技术有限公司", "Huawei Jishu Youxian Gongsi", "Huawei Technologies Co., Ltd.",
     "Company"),
    ("中芯国际集成电路制造有限公司", "Zhongxin Guoji Jicheng Dianlu Zhizao Youxian Gongsi",
     "Semiconductor Manufacturing International Corporation", "Company"),
    ("杭州海康威视数字技术股份有限公司", "Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi",
     "Hangzhou Hikvision Digital Technology Co., Ltd.", "Company"),
    ("浙江大华技术股份有限公司", "Zhejiang Dahua Jishu Gufen Youxian Gongsi",
     "Zhejiang Dahua Technology Co., Ltd.", "Company"),
    ("中国北方工业集团有限公司", "Zhongguo Beifang Gongye Jituan Youxian Gongsi",
     "China North Industries Group Corporation Limited", "Company"),
    ("深圳市大疆创新科技有限公司", "Shenzhen Dajiang Chuangxin Keji Youxian Gongsi",
     "SZ DJI Technology Co., Ltd.", "Company"),
    ("科大讯飞股份有限公司", "Keda Xunfei Gufen Youxian Gongsi", "iFlytek Co., Ltd.",
     "Company"),
    ("北京旷视科技有限公司", "Beijing Kuangshi Keji Youxian Gongsi",
     "Beijing Megvii Technology Co., Ltd.", "Company"),
    ("浪潮集团有限公司", "Langchao Jituan Youxian Gongsi", "Inspur Group Co., Ltd.",
     "Company"),
    ("中兴通讯股份有限公司", "Zhongxing Tongxun Gufen Youxian Gongsi", "ZTE Corporation",
     "Company"),
    ("保利科技有限公司", "Baoli Keji Youxian Gongsi", "Poly Technologies Inc.", "Company"),
    ("中国精密机械进出口总公司", "Zhongguo Jingmi Jixie Jinchukou Zonggongsi",
     "China Precision Machinery Import-Export Corporation", "Company"),
    ("中国电子科技集团有限公司", "Zhongguo Dianzi Keji Jituan Youxian Gongsi",
     "China Electronics Technology Group Corporation", "Company"),
    ("中国航天科工集团有限公司", "Zhongguo Hangtian Kegong Jituan Youxian Gongsi",
     "China Aerospace Science and Industry Corporation", "Company"),
    ("北京市商汤科技开发有限公司", "Beijing Shangtang Keji Kaifa Youxian Gongsi",
     "Beijing SenseTime Technology Development Co., Ltd.", "Company"),
    ("珠海欧比特宇航科技股份有限公司", "Zhuhai Oubite Yuhang Keji Gufen Youxian Gongsi",
     "Zhuhai Orbita Aerospace Science and Technology Co., Ltd.", "Company"),
]
# Russian companies: Latin as listed, legal-form variants, Cyrillic
COMPANIES = [
    ("ROSTEC", ["State Corporation Rostec", "Rostekh"], "Государственная корпорация Ростех"),
    ("ROSOBORONEXPORT", ["JSC Rosoboronexport", "Rosoboroneksport AO"],
     "АО Рособоронэкспорт"),
    ("JOINT STOCK COMPANY CONCERN VKO ALMAZ-ANTEY", ["Almaz-Antey Concern",
                                                    "Almaz Antey JSC"],
     "Акционерное общество Концерн ВКО Алмаз-Антей"),
    ("URALVAGONZAVOD", ["Uralvagonzavod JSC", "UVZ Uralvagonzavod OAO"],
     "АО Научно-производственная корпорация Уралвагонзавод"),
    ("KALASHNIKOV CONCERN", ["JSC Kalashnikov Concern", "Concern Kalashnikov"],
     "Концерн Калашников"),
    ("PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA", ["Sberbank", "PJSC Sberbank"],
     "ПАО Сбербанк России"),
    ("VTB BANK PUBLIC JOINT STOCK COMPANY", ["VTB Bank PJSC", "Bank VTB"], "Банк ВТБ ПАО"),
    ("GAZPROMBANK JOINT STOCK COMPANY", ["Gazprombank JSC", "Gazprombank"],
     "Газпромбанк Акционерное общество"),
    ("ROSNEFT OIL COMPANY", ["PAO NK Rosneft", "Rosneft Oil Company PJSC"],
     "ПАО НК Роснефть"),
    ("SOVCOMFLOT", ["PAO Sovcomflot", "Sovcomflot PJSC"], "ПАО Совкомфлот"),
    ("TACTICAL MISSILES CORPORATION JSC", ["Tactical Missiles Corporation",
                                           "KTRV Tactical Missiles Corp"],
     "АО Корпорация Тактическое ракетное вооружение"),
    ("UNITED AIRCRAFT CORPORATION", ["PJSC United Aircraft Corporation", "UAC"],
     "ПАО Объединённая авиастроительная корпорация"),
    ("UNITED SHIPBUILDING CORPORATION", ["JSC United Shipbuilding Corporation"],
     "АО Объединённая судостроительная корпорация"),
    ("KRONSHTADT GROUP", ["Kronshtadt JSC", "AO Kronshtadt"], "АО Кронштадт"),
    ("SPECIAL TECHNOLOGICAL CENTER LLC", ["STC LLC Special Technological Centre"],
     "ООО Специальный технологический центр"),
    ("TEKHNOPROMEKSPORT", ["Technopromexport OAO", "Tekhnopromeksport"],
     "ОАО Технопромэкспорт"),
    ("NOVIKOMBANK", ["JSC Novikombank", "Novikombank AO"], "АО АКБ Новикомбанк"),
    ("PROMSVYAZBANK", ["PJSC Promsvyazbank", "PSB Promsvyazbank"], "ПАО Промсвязьбанк"),
    ("SUKHOI COMPANY", ["PJSC Sukhoi Company", "Sukhoy"], "ПАО Компания Сухой"),
    ("RADIOELECTRONIC TECHNOLOGIES CONCERN", ["KRET Concern", "Radioelectronic Technologies"],
     "Концерн Радиоэлектронные технологии"),
]
GIVEN = ["Ivan", "Sergei", "Olga", "Maria", "Alexander", "Dmitry", "Natalia", "Pavel",
         "Andrei", "Elena", "Mikhail", "Anna", "Yuri", "Tatiana", "Vladimir"]
# Arabic-script names (as a Gulf or Levant registry, a court record or the press writes them)
# and the Latin name a list gives (OFAC, the UN, the EU), with a name of the same shape that
# is someone else: (Arabic, as listed, another, schema)
ARABIC = [
    ("قاسم سليماني", "Qasem SOLEIMANI", "Qasim SALEM", "Person"),
    ("حسن نصر الله", "Hasan NASRALLAH", "Hasan NASSAR", "Person"),
    ("محمد حمدان دقلو", "Mohamed Hamdan DAGALO", "Mohamed Hamdan DAKHIL", "Person"),
    ("عبد الملك الحوثي", "Abdulmalik AL-HOUTHI", "Abdulmalik AL-HASHIMI", "Person"),
    ("سامر فوز", "Samer FOZ", "Samer FAWAZ", "Person"),
    ("رامي مخلوف", "Rami MAKHLOUF", "Rami MAKKI", "Person"),
    ("حسام القاطرجي", "Hussam KATERJI", "Hussam KHATIB", "Person"),
    ("خليفة حفتر", "Khalifa HAFTAR", "Khalifa HAMAD", "Person"),
    ("بنك ملت", "BANK MELLAT", "BANK MELLI IRAN", "Company"),
    ("بنك صادرات ايران", "BANK SADERAT IRAN", "BANK SEPAH", "Company"),
    ("شركة النفط الوطنية الإيرانية", "NATIONAL IRANIAN OIL COMPANY",
     "NATIONAL IRANIAN GAS COMPANY", "Company"),
    ("الشركة الوطنية الإيرانية لناقلات النفط", "NATIONAL IRANIAN TANKER COMPANY",
     "IRAN NATIONAL STEEL COMPANY", "Company"),
    ("مصرف الرافدين", "RAFIDAIN BANK", "RASHEED BANK", "Company"),
    ("مجموعة القاطرجي", "KATERJI GROUP", "KHATIB GROUP", "Company"),
    ("شركة الخليج للتجارة العامة ذ.م.م", "AL KHALEEJ GENERAL TRADING LLC",
     "AL NOOR GENERAL TRADING LLC", "Company"),
    ("شركة الإمارات للشحن ذ.م.م", "EMIRATES SHIPPING LLC", "SHARJAH SHIPPING LLC", "Company"),
    ("هيئة تحرير الشام", "HAY'AT TAHRIR AL-SHAM", "HARAKAT AHRAR AL-SHAM", "Organization"),
    ("جبهة النصرة", "AL-NUSRAH FRONT", "AL-NASR FRONT", "Organization"),
    ("كتائب حزب الله", "KATA'IB HIZBALLAH", "KATA'IB SAYYID AL-SHUHADA", "Organization"),
    ("عصائب أهل الحق", "ASA'IB AHL AL-HAQ", "ASA'IB AHL AL-KAHF", "Organization"),
    ("مؤسسة الحرمين", "AL-HARAMAIN FOUNDATION", "AL-RASHID FOUNDATION", "Organization"),
]
FAMILY = ["Petrov", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev",
          "Kozlov", "Novikov", "Morozov", "Volkov", "Solovyov", "Vasiliev", "Zaitsev",
          "Pavlov", "Semenov", "Golubev", "Vinogradov", "Bogdanov", "Vorobyov"]
CITIES = ["Shenzhen", "Guangzhou", "Hangzhou", "Chengdu", "Wuhan", "Dongguan", "Ningbo",
          "Xiamen", "Qingdao", "Nanjing", "Zhuhai", "Hsinchu"]
TRADE_NAMES = ["Dajiang", "Jiayuan", "Haige", "Tianhe", "Baiwang", "Huaxin", "Zhongke",
               "Ruilian", "Jinpeng", "Hongda", "Xinchen", "Yuanhang"]
GENERIC_CO = ["Technology", "Trading", "Industrial", "Engineering", "Logistics", "Systems",
              "Electronics", "International", "Holding", "Energy"]


@dataclass
class Pair:
    category: str
    label: bool
    schema: str
    names: list[str]
    entry_schema: str
    entry: dict[str, list[str]]
    countries: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)


def _inn(rnd: random.Random) -> str:
    d = [rnd.randint(0, 9) for _ in range(9)]
    d[0] = rnd.randint(1, 9)
    w = [2, 4, 10, 3, 5, 9, 4, 6, 8]
    return "".join(map(str, d)) + str(sum(a * b for a, b in zip(w, d, strict=True)) % 11 % 10)


def _ogrn(rnd: random.Random) -> str:
    base = str(rnd.randint(1, 5)) + "".join(str(rnd.randint(0, 9)) for _ in range(11))
    return base + str(int(base) % 11 % 10)


def _imo(rnd: random.Random) -> str:
    d = [rnd.randint(1, 9)] + [rnd.randint(0, 9) for _ in range(5)]
    return "".join(map(str, d)) + str(sum(w * x for w, x in zip(range(7, 1, -1), d,
                                                                  strict=True)) % 10)


def _broken(value: str) -> str:
    return value[:-1] + str((int(value[-1]) + 1) % 10)


def pairs() -> list[Pair]:  # noqa: C901 - one list of categories, read top to bottom
    rnd = random.Random(18)
    out: list[Pair] = []
    for latin, variants, cyr, born, country in PEOPLE:
        entry = {"name": [latin], "alias": [cyr], "birthDate": [born], "country": [country]}
        for v in variants:  # transliteration variants
            out.append(Pair("latin-variant", True, "Person", [v], "Person", entry, [country]))
        out.append(Pair("cyrillic", True, "Person", [cyr.split()[0] + " " + cyr.split()[-1]],
                        "Person", {"name": [latin]}, birth_dates=[born]))
        out.append(Pair("cyrillic", True, "Person", [variants[0]], "Person",
                        {"name": [cyr], "birthDate": [born]}))
        given, *_mid, family = latin.split()
        out.append(Pair("word-order", True, "Person", [f"{family.title()} {given}"],
                        "Person", entry))
        out.append(Pair("word-order", True, "Person", [f"{family.upper()}, {given}"],
                        "Person", {"name": [variants[0]]}))
        # homonyms: same name, another person (born another year, elsewhere)
        year = int(born[:4]) + rnd.choice([-23, -17, 14, 21])
        out.append(Pair("homonym", False, "Person", [variants[0]], "Person", entry,
                        ["us" if country != "us" else "gb"], [f"{year}{born[4:]}"]))
        out.append(Pair("homonym-dob", False, "Person", [variants[0]], "Person", entry,
                        [country], [f"{year}{born[4:]}"]))
        out.append(Pair("homonym-same-dob", True, "Person", [variants[0]], "Person", entry,
                        [country], [born]))
        # namesake sharing only the given name / patronymic
        other = f"{given} {rnd.choice(FAMILY)}"
        out.append(Pair("control-person", False, "Person", [other], "Person", entry))
        # a person is not a company of the same name
        out.append(Pair("schema", False, "Company", [variants[0]], "Person", entry))
    for han, pinyin, english, schema in CHINESE:
        out.append(Pair("cjk-pinyin", True, schema, [pinyin], schema, {"name": [han]}))
        out.append(Pair("cjk-pinyin", True, schema, [han], schema, {"name": [pinyin.upper()]}))
        out.append(Pair("cjk-han", True, schema, [han], schema,
                        {"name": [english or pinyin], "alias": [han]}))
        if english:
            out.append(Pair("cjk-alias", True, "Company", [english], "Company",
                            {"name": [han], "alias": [english.upper()]}))
            out.append(Pair("legal-form", True, "Company",
                            [english.replace("Co., Ltd.", "Company Limited")
                             .replace("Corporation", "Corp.")], "Company",
                            {"name": [english]}))
        # a different Chinese name of the same shape
        other = CHINESE[(CHINESE.index((han, pinyin, english, schema)) + 3) % len(CHINESE)]
        if other[3] == schema:
            out.append(Pair("cjk-control", False, schema, [other[1]], schema,
                            {"name": [han]}))
            out.append(Pair("cjk-control", False, schema, [other[0]], schema,
                            {"name": [han]}))
    for latin, variants, cyr in COMPANIES:
        inn, ogrn = _inn(rnd), _ogrn(rnd)
        entry = {"name": [latin], "alias": [cyr], "innCode": [inn], "ogrnCode": [ogrn],
                 "country": ["ru"]}
        for v in variants:
            out.append(Pair("legal-form", True, "Company", [v], "Company", entry, ["ru"]))
        out.append(Pair("cyrillic", True, "Company", [cyr], "Company", {"name": [latin]}))
        out.append(Pair("identifier-only", True, "Company", [f"{rnd.choice(GENERIC_CO)} "
                        f"{rnd.choice(FAMILY)} LLC"], "Company", entry,
                        identifiers=[("INN", inn)]))
        out.append(Pair("identifier-only", True, "Company", ["ООО Ромашка"], "Company",
                        entry, identifiers=[("OGRN", ogrn)]))
        out.append(Pair("identifier-broken", False, "Company", ["Romashka LLC"], "Company",
                        {**entry, "innCode": [_broken(inn)]},
                        identifiers=[("INN", _broken(inn))]))
        word = latin.split()[-1].title()
        out.append(Pair("control-company", False, "Company",
                        [f"{rnd.choice(FAMILY)} {word} LLC"], "Company", entry))
    for i in range(12):  # vessels by IMO number, renamed
        imo = _imo(rnd)
        entry = {"name": [f"SEA {rnd.choice(['STAR', 'WIND', 'PEARL', 'HAWK'])} {i}"],
                 "imoNumber": [f"IMO{imo}"], "flag": ["ir"]}
        out.append(Pair("identifier-only", True, "Vessel", [f"OCEAN GLORY {i}"], "Vessel",
                        entry, identifiers=[("IMO", f"IMO {imo}")]))
        out.append(Pair("vessel-name", True, "Vessel", [entry["name"][0].title()], "Vessel",
                        entry))
    for _ in range(25):  # companies sharing only generic words
        a, b = rnd.sample(FAMILY, 2)
        g = rnd.sample(GENERIC_CO, 2)
        out.append(Pair("control-generic", False, "Company", [f"{a} {g[0]} {g[1]} Ltd"],
                        "Company", {"name": [f"{b} {g[0]} {g[1]} Co., Ltd."]}))
    for _ in range(15):  # Chinese companies of one city sharing only generic words (look30)
        city = rnd.choice(CITIES)
        a, b = rnd.sample(TRADE_NAMES, 2)
        g = rnd.choice(GENERIC_CO)
        out.append(Pair("control-generic", False, "Company", [f"{city} {a} {g} Co., Ltd."],
                        "Company", {"name": [f"{city.upper()} {b.upper()} {g.upper()} CO., "
                                             "LTD."]}))
        out.append(Pair("legal-form", True, "Company", [f"{city} {a} {g} Co., Ltd."],
                        "Company", {"name": [f"{a} {g} Company Limited"]}))
    for arabic, listed, other, schema in ARABIC:  # the list's Latin name alone
        out.append(Pair("arabic", True, schema, [arabic], schema, {"name": [listed]}))
        out.append(Pair("arabic", True, schema, [listed.title()], schema,
                        {"name": [listed], "alias": [arabic]}))
        out.append(Pair("arabic-control", False, schema, [arabic], schema, {"name": [other]}))
    for _ in range(25):  # people sharing a family name
        f = rnd.choice(FAMILY)
        a, b = rnd.sample(GIVEN, 2)
        out.append(Pair("control-person", False, "Person", [f"{a} {f}"], "Person",
                        {"name": [f"{b} {rnd.choice(GIVEN)}ovich {f}"]}))
    return out


def as_party_entry(p: Pair, n: int) -> tuple[Any, Any]:
    from casefile.core.screening.records import Entry, Party

    return (Party(n, p.schema, p.names, set(p.countries), p.birth_dates, p.identifiers),
            Entry(f"gold-{n}", p.entry_schema, p.entry["name"][0], p.entry))


if __name__ == "__main__":
    ps = pairs()
    print(len(ps), Counter(p.category for p in ps), Counter(p.label for p in ps))
