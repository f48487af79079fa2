"""The words of dates in English, Russian and Chinese, as data.

Each table maps a word (lower case, as the tokeniser sees it) to a token: a kind and a value.
Kinds: M month (1-12), S season (EDTF code 21-24), P part of a year or month (early / mid /
late; '!' marks an exact third of a month, as Chinese 上旬 is), O ordinal (-1: last), K a unit
an ordinal picks out (quarter, half, week), A approximate, U uncertain, L an open limit (before,
after, since, until), B the opening of a range (between, from), R the word between its ends,
D a weekday (0 = Monday), '' a word that carries nothing (the, of, 'г.').
"""

from __future__ import annotations

Token = tuple[str, int | str]


def _forms(kind: str, groups: dict[int | str, str]) -> dict[str, Token]:
    return {w: (kind, v) for v, words in groups.items() for w in words.split()}


MONTHS_EN = _forms("M", {
    1: "january jan", 2: "february feb", 3: "march mar", 4: "april apr", 5: "may",
    6: "june jun", 7: "july jul", 8: "august aug", 9: "september sep sept",
    10: "october oct", 11: "november nov", 12: "december dec"})
# Russian months in the cases a date puts them in: июнь 2022, 15 июня, в июне.
MONTHS_RU = _forms("M", {
    1: "январь января январе янв", 2: "февраль февраля феврале фев февр",
    3: "март марта марте мар", 4: "апрель апреля апреле апр", 5: "май мая мае",
    6: "июнь июня июне июн", 7: "июль июля июле июл", 8: "август августа августе авг",
    9: "сентябрь сентября сентябре сен сент", 10: "октябрь октября октябре окт",
    11: "ноябрь ноября ноябре ноя нояб", 12: "декабрь декабря декабре дек"})

WORDS: dict[str, Token] = {
    **MONTHS_EN, **MONTHS_RU,
    **_forms("S", {21: "spring весна весной весны весне весну",
                   22: "summer лето летом лета лете",
                   23: "autumn fall осень осенью осени",
                   24: "winter зима зимой зимы зиме зиму"}),
    **_forms("P", {"early": "early beginning start начало начале начала",
                   "mid": "mid middle середина середине середины",
                   "late": "late end конец конце конца"}),
    **_forms("O", {1: "first первый первое первая первом первой первого первую",
                   2: "second второй второе вторая втором второго вторую",
                   3: "third третий третье третья третьем третьей третьего третью",
                   4: "fourth четвертый четвёртый четвертое четвёртое четвертом четвёртом "
                      "четвертого четвёртого четвертая четвёртая четвертой четвёртой",
                   5: "fifth пятый пятая пятой пятую",
                   -1: "last последний последняя последней последнюю последнее последнем"}),
    **_forms("N", {1: "i", 2: "ii", 3: "iii", 4: "iv"}),  # Roman: IV квартал
    **_forms("K", {"quarter": "quarter квартал квартала квартале",
                   "half": "half полугодие полугодия полугодии полугодье",
                   "week": "week неделя неделе недели неделю"}),
    **_forms("A", {1: "about around circa c. ca. ca approximately approx. approx roughly "
                      "около примерно приблизительно ок. ориентировочно"}),
    **_forms("U", {1: "possibly probably perhaps предположительно возможно"}),
    **_forms("L", {"before": "before priorto pre", "after": "after после post",
                   "since": "since noearlierthan notbefore неранее onorafter inorafter",
                   "until": "by nolaterthan notafter непозднее onorbefore inorbefore "
                            "bynolaterthan",
                   "atleast": "sinceatleast atleastsince"}),  # begun then or earlier
    **_forms("B", {"from": "from between с со между",
                   "atleast": "fromatleast поменьшеймерес поменьшеймересо какминимумс "
                              "какминимумсо"}),
    **_forms("R", {"to": "to through thru until till and по до и upto uptoandincluding",
                   "or": "or или"}),
    **_forms("D", {0: "monday mon понедельник", 1: "tuesday tue tues вторник",
                   2: "wednesday wed среда среду", 3: "thursday thu thur thurs четверг",
                   4: "friday fri пятница пятницу", 5: "saturday sat суббота субботу",
                   6: "sunday sun воскресенье"}),
    **_forms("", {0: "the of in on during year a.d. ad г г. гг гг. год года году годом годы "
                     "годов годах в во на"}),
}

# Several words standing for one (matched first, longest first).
PHRASES = {
    "on or about": "circa", "on or around": "circa", "in or around": "circa",
    "in or about": "circa", "at or about": "circa", "at or around": "circa",
    "some time around": "circa",
    "no later than": "nolaterthan", "not later than": "nolaterthan",
    "no earlier than": "noearlierthan", "not earlier than": "noearlierthan",
    "not before": "notbefore", "not after": "notafter", "up to": "upto",
    # court filings and sanctions notices (US indictments: 'on or before 30 June 2022';
    # Treasury: 'since at least 2018' — from then on, begun then or earlier)
    **{p: p.replace(" ", "") for p in (
        "on or before", "in or before", "on or after", "in or after", "by no later than",
        "up to and including", "since at least", "at least since", "from at least",
        "по меньшей мере с", "по меньшей мере со", "как минимум с", "как минимум со")},
    "prior to": "priorto", "не позднее": "непозднее", "не позже": "непозднее",
    "не ранее": "неранее", "не раньше": "неранее", "начиная с": "с", "начиная со": "с",
    "в течение": "",
}

# Chinese: numerals, and the words around 年/月/日.
ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
ZH_WORDS: dict[str, Token] = {
    **{f"{season}{suffix}": ("S", code) for season, code in (("春", 21), ("夏", 22),
                                                              ("秋", 23), ("冬", 24))
       for suffix in ("", "季", "天")},
    "上半年": ("H", 1), "下半年": ("H", 2),
    "上旬": ("P", "early!"), "中旬": ("P", "mid!"), "下旬": ("P", "late!"),
    "初": ("P", "early"), "中": ("P", "mid"), "底": ("P", "late"), "末": ("P", "late"),
    "约": ("A", 1), "大约": ("A", 1), "大概": ("A", 1), "左右": ("A", 1), "前后": ("A", 1),
    "截至": ("L", "until"), "截止": ("L", "until"), "不晚于": ("L", "until"),
    "不早于": ("L", "since"), "以来": ("L", "since"), "起": ("L", "since"),
    "开始": ("L", "since"), "以后": ("L", "after"), "之后": ("L", "after"),
    "以前": ("L", "before"), "之前": ("L", "before"),
    "自从": ("B", "from"), "自": ("B", "from"), "从": ("B", "from"), "由": ("B", "from"),
    "至": ("R", "to"), "到": ("R", "to"), "-": ("R", "-"), "–": ("R", "-"), "—": ("R", "-"),
    "~": ("R", "-"),
}
ZH_WEEKDAYS = {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "日": 6, "天": 6}

# the phrase a word made of it stands for ('nolaterthan' -> 'no later than'), for a refusal
# to quote as the user wrote it
SAID = {v: k for k, v in PHRASES.items() if v and k.replace(" ", "") == v}
