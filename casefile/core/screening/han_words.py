"""A Chinese company name as an English list writes it: the words of trade a name is made of
translated ('科技' technology, '进出口' import export), its place and trade name in pinyin a
word each, its legal form as English writes it ('深圳市大疆创新科技有限公司' -> 'shenzhen
dajiang innovation technology co., ltd.'), and without it, as lists write either. For
matching only.

A Chinese company is registered under its Chinese name; a sanctions or export-control list
(the US Entity List, the EU's annexes) often gives only the English one, which translates
the words of trade and spells the rest in pinyin. Compared one pinyin syllable a word, such
pairs scored under review (华为技术有限公司 against 'Huawei Technologies Co., Ltd.': 0.33).

A run of characters the glossary does not hold is read two characters a word (a trade name
or a place is mostly two: 华为 Huawei, 浙江 Zhejiang), a city by its name (:mod:`.places`)."""

from __future__ import annotations

import re
from functools import lru_cache

from casefile.core.screening.han import joined_pinyin, without_legal_forms
from casefile.core.screening.places import chinese_names

# words of trade in Chinese company names, as English lists translate them (simplified and
# traditional forms); two characters or more, so that no character of a trade name is taken
GLOSSARY = {
    "科技": "technology", "技术": "technology", "技術": "technology", "电子": "electronics",
    "電子": "electronics", "微电子": "microelectronics", "微電子": "microelectronics",
    "贸易": "trading", "貿易": "trading", "商贸": "trading", "商貿": "trading",
    "国际": "international", "國際": "international", "实业": "industrial",
    "實業": "industrial", "工业": "industrial", "工業": "industrial", "发展": "development",
    "發展": "development", "集团": "group", "集團": "group", "控股": "holding",
    "进出口": "import export", "進出口": "import export", "信息": "information",
    "资讯": "information", "資訊": "information", "智能": "intelligent",
    "工程": "engineering", "设备": "equipment", "設備": "equipment", "装备": "equipment",
    "裝備": "equipment", "机械": "machinery", "機械": "machinery", "物流": "logistics",
    "投资": "investment", "投資": "investment", "仪器": "instruments", "儀器": "instruments",
    "制造": "manufacturing", "製造": "manufacturing", "电气": "electric", "電氣": "electric",
    "航空": "aviation", "航天": "aerospace", "宇航": "aerospace", "能源": "energy",
    "化工": "chemical", "半导体": "semiconductor", "半導體": "semiconductor",
    "软件": "software", "軟體": "software", "网络": "network", "網絡": "network",
    "精密": "precision", "自动化": "automation", "自動化": "automation", "电力": "power",
    "電力": "power", "通讯": "communication", "通訊": "communication",
    "通信": "communications", "光电": "optoelectronics", "光電": "optoelectronics",
    "材料": "materials", "新材料": "new materials", "生物": "biological", "医疗": "medical",
    "醫療": "medical", "汽车": "automotive", "汽車": "automotive", "船舶": "shipbuilding",
    "海运": "shipping", "海運": "shipping", "航运": "shipping", "航運": "shipping",
    "石油": "petroleum", "矿业": "mining", "礦業": "mining", "钢铁": "steel",
    "鋼鐵": "steel", "重工": "heavy industry", "集成电路": "integrated circuit",
    "集成電路": "integrated circuit", "系统": "systems", "系統": "systems",
    "数字": "digital", "數字": "digital", "数码": "digital", "數碼": "digital",
    "创新": "innovation", "創新": "innovation", "中国": "china", "中國": "china",
    "北方": "north", "南方": "south", "大学": "university", "大學": "university",
    "研究所": "research institute", "研究院": "research institute", "科学": "science",
    "科學": "science", "飞机": "aircraft", "飛機": "aircraft", "导弹": "missile",
    "導彈": "missile", "兵器": "ordnance", "国防": "national defense",
    "國防": "national defense", "光学": "optics", "光學": "optics", "激光": "laser",
    "雷达": "radar", "雷達": "radar", "无人机": "uav", "無人機": "uav", "卫星": "satellite",
    "衛星": "satellite", "电池": "battery", "電池": "battery", "新能源": "new energy",
    "计算机": "computer", "計算機": "computer", "人工智能": "artificial intelligence",
    "供应链": "supply chain", "供應鏈": "supply chain", "五金": "hardware",
    "塑料": "plastics", "纺织": "textile", "紡織": "textile", "服装": "garment",
    "食品": "food", "建设": "construction", "建設": "construction", "建筑": "construction",
    "建築": "construction", "传感": "sensor", "傳感": "sensor", "检测": "testing",
    "檢測": "testing", "控制": "control", "数据": "data", "數據": "data", "视觉": "vision",
    "視覺": "vision", "安防": "security", "照明": "lighting", "显示": "display",
    "顯示": "display", "光伏": "photovoltaic", "香港": "hong kong", "装饰": "decoration",
    "科工": "science and industry", "工贸": "industry and trade", "工貿": "industry and trade",
    # legal forms, as English lists write them
    "股份有限公司": "co., ltd.", "有限责任公司": "co., ltd.", "有限責任公司": "co., ltd.",
    "有限公司": "co., ltd.", "总公司": "corporation", "總公司": "corporation",
    "公司": "company",
}
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LONGEST = max(map(len, GLOSSARY))
_BRACKETS = re.compile(r"[()（）]")


def _words(run: str) -> list[str]:
    """A run of Han characters as English words: glossary words translated, cities named,
    the rest in pinyin two characters a word (the longest known word at each place)."""
    out: list[str] = []
    unknown = ""
    i = 0
    places = chinese_names()
    if len(run) > 3 and run[2] == "市" and run[:2] not in GLOSSARY and run[:3] not in places:
        out, i = _pinyin(run[:2]), 3  # a city the table does not hold: 'XX市' begins it
    while i < len(run):
        for n in range(min(_LONGEST + 1, len(run) - i), 1, -1):
            piece = run[i:i + n]
            found = GLOSSARY.get(piece) or places.get(piece)
            if found:
                out += _pinyin(unknown) + [found]
                unknown = ""
                i += n
                break
        else:
            unknown += run[i]
            i += 1
    return out + _pinyin(unknown)


def _pinyin(run: str) -> list[str]:
    return [joined_pinyin(run[i:i + 2]) for i in range(0, len(run), 2)]


@lru_cache(maxsize=16384)
def english_form(text: str, legal: bool = True) -> str:
    """'深圳市大疆创新科技有限公司' -> 'shenzhen dajiang innovation technology co., ltd.' (without
    ``legal``, its legal form left out: 'shenzhen dajiang innovation technology'); brackets
    dropped, other letters kept as written."""
    if not legal:
        text = without_legal_forms(text)
    words = _HAN_RUN.sub(lambda m: " " + " ".join(_words(m.group(0))) + " ", text)
    return " ".join(_BRACKETS.sub(" ", words).split())
