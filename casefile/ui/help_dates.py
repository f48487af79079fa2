"""Help → Dates: what a date field understands, with examples in English, Russian and Chinese.

Each example is shown with how Casefile reads it, worked out by the parser when the page opens,
so the page cannot say something the parser does not do. Plain text only."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from casefile.core.fuzzydate import FuzzyDateError, parse_fuzzy_date
from casefile.ui.text import plain_label

# (heading, note, examples): the examples are read by the parser when the page is shown
SECTIONS: list[tuple[str, str, list[str]]] = [
    ("Days", "", ["15 June 2022", "June 15, 2022", "the 15th of June 2022",
                  "Wednesday, June 15, 2022", "2022-06-15", "20220615", "2022/06/15",
                  "15-JUN-2022", "15.06.2022", "2022-06-15 10:30", "15 июня 2022 г.",
                  "2022年6月15日", "二〇二二年六月十五日"]),
    ("Months, years, decades", "", ["June 2022", "Jun 2022", "2022-06", "06.2022", "2022",
                                    "the 1990s", "июнь 2022", "в 1990-х годах", "2022年6月",
                                    "2022年", "1990年代"]),
    ("Parts of a year or a month",
     "Early, mid and late (also beginning, middle, end) are thirds, and approximate: early "
     "2022 is January–April, late June is the 21st to the 30th.",
     ["early 2022", "mid-2022", "end of 2022", "late November 2022",
      "the last week of June 2022", "в начале июня 2022 г.", "конец 2022 года", "2022年底",
      "2022年6月下旬"]),
    ("Quarters, halves, seasons",
     "Seasons are the northern meteorological ones; winter runs from December into the next "
     "year (winter 2022/23).",
     ["Q3 2022", "the first quarter of 2023", "H1 2023", "the second half of 2022",
      "spring 2022", "winter 2022/23", "IV квартал 2022 г.", "первое полугодие 2023",
      "весна 2022", "2022年第三季度", "2022年上半年", "2022年春"]),
    ("Weeks of a year",
     "Numbered as ISO 8601 numbers them: Monday to Sunday, week 1 holding the year's first "
     "Thursday. Kept as the span of its days.",
     ["week 12 2019", "2019-W12", "KW 12/2019", "the 12th week of 2019", "12-я неделя 2019 г.",
      "2019-W12-3", "about week 12 2019", "week 12 2019 – week 14 2019",
      "since week 12 2019"]),
    ("Approximate and uncertain", "", ["about June 2022", "circa 2021",
                                       "on or about February 14, 2023",
                                       "in or around March 2022", "June 2022?", "около 2021 года",
                                       "2022年6月15日左右"]),
    ("One of two dates", "The sources differ, or say it was one or the other.",
     ["2019 or 2020", "June or July 2022", "2019 или 2020"]),
    ("Ranges", "The first end may leave out what the second gives.",
     ["Nov–Dec 2022", "15–20 June 2022", "between June and December 2022",
      "from in or around 2019 through in or around 2022", "с 2019 по 2022 год",
      "2015-03-01 – 2016-02-01", "с 01.03.2015 по 01.02.2016", "2022年6月至8月"]),
    ("Open ends", "", ["since 2021", "before March 2022", "after March 2022",
                       "until June 2022", "no later than June 30, 2022", "since 2015-03-01",
                       "on or before June 30, 2022", "since at least 2018",
                       "before 2021-05-01",
                       "pre-1995", "1995 or earlier", "2010 or later",
                       "until 31.12.2021", "с 2021 года",
                       "не позднее 30 июня 2022 г.", "2021年以来", "截至2022年6月"]),
    ("EDTF (ISO 8601-2), levels 0 to 2",
     "What the case stores is EDTF, and typing it back gives the same date.",
     ["2022-35", "2022-23", "2022-06~", "2004?-06-11", "?2004-06-~11", "201X", "156X-12-25",
      "1950S2", "2004-06/2006-08", "1985/..", "[1667,1668,1670..1672]",
      "1985-04-12T23:20:30Z"]),
]

SLASHES = ("Numbers with slashes: 15/06/2022 can only be day first and 06/15/2022 only month "
           "first, so both are read. 03/04/2022 reads both ways: an editor reads it in the "
           "order your locale writes dates (and says so under the field); an import takes the "
           "order the file's other rows show, or the one you give (casefile import "
           "--day-first / --month-first), and otherwise refuses it, naming both readings.")
REFUSED = ["03/04/2022", "15.06.22", "the 1900s", "-1985", "XXXX-12-XX", "yesterday"]


def help_text(day_first: bool | None = None) -> str:
    """The page, as plain text."""
    lines = ["What a date field understands. The text is kept as written; Casefile also keeps "
             "its EDTF form and the first and last day it can mean, for sorting, filtering and "
             "the timeline.", ""]
    for heading, note, examples in SECTIONS:
        lines += [heading.upper()] + ([note] if note else [])
        lines += [f"  {text}\n      → {reading(text, day_first)}" for text in examples]
        lines.append("")
    lines += ["NUMBERS WITH SLASHES", SLASHES, ""]
    lines += ["NOT ACCEPTED, AND WHY"]
    lines += [f"  {text}\n      → {reading(text, None)}" for text in REFUSED]
    return "\n".join(lines)


def reading(text: str, day_first: bool | None) -> str:
    try:
        fd = parse_fuzzy_date(text, day_first)
    except FuzzyDateError as exc:
        return f"refused: {exc.reason}"
    return f"{fd.reading}: {fd.bounds_text()}{fd.flags_text()}  [{fd.edtf}]"


class DatesHelpDialog(QDialog):
    """The Help → Dates page (modeless: it can stay open beside the editor)."""

    def __init__(self, parent: QWidget | None = None, day_first: bool | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Dates — what can be typed")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText(help_text(day_first))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(plain_label("Dates can be typed as sources write them, in English, "
                                  "Russian or Chinese:", wrap=True))
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self.resize(760, 640)
