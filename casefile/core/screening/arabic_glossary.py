"""Words of trade, places and legal forms of Arabic company names as English lists translate
them (:mod:`.arabic_words`). Keys are written without their article: the reader takes it
off, and reads keys and words alike (أ إ آ as ا, ى as ي, ة as ه, hamza on a seat as ء:
'للتجارة' -> 'تجاره' -> 'trading'). A word lists translate two ways gives both, the likelier
first ('establishment|foundation'): the one the other name holds is taken."""

from __future__ import annotations

import re

TRADE = {
    # kinds of company and body
    "شركه": "company", "شركات": "companies",
    "مؤسسة": "establishment|foundation|organization|organisation",
    "مجموعه": "group", "بنك": "bank", "مصرف": "bank", "مركز": "center|centre", "مكتب": "office",
    "وكاله": "agency", "وكالات": "agencies", "جمعيه": "society",
    "هيئة": "authority|organization", "منظمه": "organization|organisation", "اتحاد": "union",
    "مصنع": "factory", "مصانع": "factories", "معمل": "factory", "صندوق": "fund",
    "جبهة": "front", "حركة": "movement", "حزب": "party", "جامعه": "university",
    "معهد": "institute", "فرع": "branch",
    "قابضه": "holding", "محدوده": "limited", "مساهمه": "joint stock",
    # trades
    "تجاره": "trading", "تجاريه": "commercial", "تجاري": "commercial", "عامه": "general",
    "عام": "general",
    "مقاولات": "contracting", "صناعات": "industries", "صناعه": "industry",
    "صناعيه": "industrial", "دفاعيه": "defense|defence", "دفاع": "defense|defence",
    "دوليه": "international",
    "عالميه": "global", "خدمات": "services", "نفط": "oil", "نفطيه": "oil", "بترول": "petroleum",
    "بتروليه": "petroleum", "غاز": "gas", "نقل": "transport", "شحن": "shipping",
    "ملاحه": "shipping", "بحريه": "marine", "هندسه": "engineering", "هندسيه": "engineering",
    "الكترونيات": "electronics", "الكترونيه": "electronic", "تكنولوجيا": "technology",
    "تقنيه": "technology", "تقنيات": "technologies", "اتصالات": "telecommunications",
    "استيراد": "import", "تصدير": "export", "معدات": "equipment", "اجهزه": "equipment",
    "كيماويات": "chemicals", "كيماويه": "chemical", "مواد": "materials",
    "ذهب": "gold", "مجوهرات": "jewellery", "صرافه": "exchange", "استثمار": "investment",
    "استثمارات": "investments", "تطوير": "development", "تنميه": "development",
    "عقارات": "real estate", "عقاريه": "real estate", "توريدات": "supplies",
    "تجهيزات": "supplies", "انشاءات": "construction", "بناء": "construction",
    "حديد": "steel", "صلب": "steel", "تعدين": "mining", "طاقه": "energy",
    "ميكانيكيه": "mechanical", "كهربائيه": "electrical", "كهرباء": "electricity",
    "لوجستيه": "logistics", "لوجستيات": "logistics", "سفريات": "travel", "سياحه": "tourism",
    "اغذيه": "foodstuff", "ادويه": "pharmaceuticals", "طبيه": "medical",
    "زراعيه": "agricultural", "ابحاث": "research", "بحوث": "research", "ناقلات": "tankers",
    "تامين": "insurance", "مالي": "financial", "ماليه": "financial", "خيريه": "charitable",
    "اسلامي": "islamic", "اسلاميه": "islamic", "وطني": "national", "وطنيه": "national",
    "مركزي": "central", "متحده": "united", "عربي": "arab", "عربيه": "arab",
    "اهلي": "national", "اهليه": "national", "حره": "free", "منطقه": "zone",
    "شرق": "east", "اوسط": "middle", "طبي": "medical", "برمجيات": "software",
    "انظمه": "systems", "حلول": "solutions", "صيانه": "maintenance",
    "طيران": "aviation|airlines|air|aircraft", "اير": "air", "خطوط": "lines", "جويه": "airways",
    "اقتصاد": "economy|economic", "تنظيم": "organization|organisation",
    "حرس": "guard|guards", "ثوري": "revolutionary", "جيش": "army", "دوله": "state",
    "جمهوريه": "republic", "مقاومه": "resistance", "كتاءب": "brigades", "مصارف": "banks",
    # Persian (ک and ی read as ك and ي): Iranian companies are listed by their Persian names
    "شركت": "company", "ملي": "national", "نفت": "oil", "نفتكش": "tanker|tankers",
    "هواپيمايي": "airlines|aviation|air", "بانك": "bank", "صنايع": "industries",
    "سپاه": "corps", "پاسداران": "guards", "انقلاب": "revolution|revolutionary",
    "كشتيراني": "shipping", "بازرگاني": "trading|commercial", "گروه": "group",
    "سازمان": "organization", "بنياد": "foundation", "پتروشيمي": "petrochemical",
}
# places and their adjectives
PLACES = {
    "خليج": "gulf", "امارات": "emirates", "اماراتيه": "emirates", "دبي": "dubai",
    "ابوظبي": "abu dhabi", "شارقه": "sharjah", "عجمان": "ajman", "سعوديه": "saudi",
    "رياض": "riyadh", "جده": "jeddah", "مصر": "egypt|egyptian", "قاهره": "cairo", "كويت": "kuwait",
    "قطر": "qatar", "دوحه": "doha", "بحرين": "bahrain", "عمان": "oman", "مسقط": "muscat",
    "عراق": "iraq|iraqi", "عراقي": "iraqi|iraq", "عراقيه": "iraqi|iraq", "بغداد": "baghdad",
    "سوريا": "syria|syrian", "سوريه": "syrian|syria", "سوري": "syrian|syria", "دمشق": "damascus",
    "لبنان": "lebanon",
    "بيروت": "beirut", "اردن": "jordan", "ايران": "iran|iranian", "ايراني": "iranian|iran",
    "ايرانيه": "iranian|iran", "طهران": "tehran", "يمن": "yemen", "ليبيا": "libya",
    "سودان": "sudan", "تركيا": "turkey", "روسيا": "russia", "صين": "china",
}
GLOSSARY = {**TRADE, **PLACES}
# legal forms as abbreviations (their letters dotted, spaced or not) and written out, as
# English lists write them; the longest first
FORMS = [("ش ذ م م", "llc"), ("ذ م م", "llc"), ("ش م ع", "pjsc"), ("ش م خ", "pjsc"),
          ("ش م ل", "sal"), ("ش م ب", "bsc"), ("ش م ك", "ksc"), ("ش م م", "llc"),
          ("ش ش و", "llc"), ("م م ح", "fze"), ("ش م ح", "fzco")]
LEGAL = [(re.compile(r"(?<![\u0621-\u064a])" + r"(?:\s*\.\s*|\s+)".join(letters.split())
                     + r"(?![\u0621-\u064a])\.?"), english) for letters, english in FORMS]
LEGAL += [(re.compile(written), english) for written, english in (
    (r"ذات\s+(?:ال)?مسءوليه\s+(?:ال)?محدوده", "llc"),
    (r"(?:ال)?شركه\s+(?:ال)?مساهمه\s+(?:ال)?عامه", "pjsc"),
    (r"(?:ال)?شركه\s+(?:ال)?مساهمه\s+(?:ال)?خاصه", "pjsc"))]
# words of a legal form, left out with it
LEGAL_WORDS = frozenset({"شركه", "محدوده", "مساهمه"})
