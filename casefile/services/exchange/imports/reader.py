"""Read trade-data files as rows with line numbers, streaming: CSV in any of the encodings
the data comes in (UTF-8 with or without BOM, UTF-16, cp1251, GB18030/GBK) with its delimiter
sniffed, or XLSX (first sheet). The header need not be the first row: title rows above it
(as customs-database exports have) are skipped."""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from casefile.errors import ImportFileError

SAMPLE = 256 * 1024
# the text encodings an import offers to choose (codec, as a reader names it); any other
# codec Python knows is taken too (the command line's --encoding)
ENCODINGS = (("utf-8", "UTF-8"), ("cp1251", "Windows-1251 (Cyrillic)"),
             ("koi8_r", "KOI8-R (Cyrillic)"), ("cp1252", "Windows-1252 (Western European)"),
             ("gb18030", "GB18030 (Chinese, simplified)"),
             ("big5", "Big5 (Chinese, traditional)"), ("utf-16", "UTF-16 (Unicode Text)"))


def encoding_label(codec: str) -> str:
    """'cp1251' -> 'Windows-1251 (Cyrillic)'; a codec not listed as Python names it."""
    name = codecs.lookup(codec).name
    return next((label for c, label in ENCODINGS if codecs.lookup(c).name == name),
                "UTF-8 with a byte-order mark" if name == "utf-8-sig" else codec)


def chosen_encoding(codec: str) -> str:
    """A text encoding a user chose, checked: ImportFileError if Python knows no such."""
    try:
        codecs.lookup(codec)
    except LookupError:
        raise ImportFileError(f"{codec!r} is no text encoding Casefile knows (such as "
                              + ", ".join(c for c, _l in ENCODINGS) + ")") from None
    return "utf-8-sig" if codecs.lookup(codec).name == "utf-8" else codec
HEADER_SCAN = 30  # non-empty rows looked at to find the header


@dataclass
class TableFile:
    path: Path
    kind: str  # csv or xlsx
    encoding: str | None
    delimiter: str | None
    header: list[str]
    header_line: int = 1  # row of the header (as a spreadsheet numbers it); data follow it
    done: float = 0.0  # how far rows() has read, 0 to 1 (for progress)
    guessed: bool = True  # the encoding was guessed from the bytes (not chosen)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells) for every data row after the header. A row is numbered as a
        spreadsheet opening the file numbers it — a CSV record whose cells hold line breaks
        is one row (review: after a goods description over three lines, every later row was
        cited two too far on, by the text line it ended on)."""
        if self.kind == "xlsx":
            for n, cells, done in _xlsx_rows(self.path, with_done=True):
                self.done = done
                if n > self.header_line:
                    yield n, cells
            return
        size = max(self.path.stat().st_size, 1)
        with self.path.open("rb") as raw:
            text = io.TextIOWrapper(raw, encoding=self.encoding, newline="", errors="strict")
            reader = csv.reader(text, delimiter=self.delimiter or ",")
            n = 0
            try:
                for n, row in enumerate(reader, 1):
                    if n > self.header_line and any(c.strip() for c in row):
                        if not n & 255:  # read ahead a little: close enough
                            self.done = raw.tell() / size
                        yield n, row
                self.done = 1.0
            except UnicodeDecodeError as exc:  # (text is decoded ahead of the rows read:
                # the place is said as the bytes, which is exact, and the row before them)
                raise ImportFileError(
                    f"{self.path.name}: the bytes at {raw.tell() - len(exc.object) + exc.start:,}"
                    f" are not valid {self.encoding} ({exc.reason}); the rows up to {n:,} "
                    "were read") from None
            except csv.Error as exc:
                raise ImportFileError(f"{self.path.name}, row {n + 1}: {exc}") from None


def open_table(path: str | Path, encoding: str | None = None) -> TableFile:
    """The table of a CSV or XLSX file, its header found; a CSV's text ``encoding`` guessed
    from its bytes unless given."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} does not exist")
    with path.open("rb") as f:
        head = f.read(SAMPLE)
    if not head.strip():
        raise ImportFileError(f"{path.name} is empty")
    if head[:4] == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _open_xlsx(path, head)
    guessed = encoding is None
    encoding = detect_encoding(head) if encoding is None else chosen_encoding(encoding)
    sample = head.decode(encoding, errors="ignore").lstrip("\ufeff")
    if len(head) == SAMPLE:  # the last line may be cut short
        sample = sample[:max(sample.rfind("\n"), 0)] or sample
    lines = sample.splitlines()
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines[:20]), delimiters=",;\t|").delimiter
    except csv.Error:
        sniffed = max(",;\t|", key=(lines[0] if lines else "").count)
    best: tuple[int, str, int, list[str]] | None = None
    for delimiter in [sniffed] + [d for d in ",;\t|" if d != sniffed]:
        line, header = _pick_header(_sample_rows(sample, delimiter))
        score = _known_columns(header)
        if best is None or score > best[0]:
            best = (score, delimiter, line, header)
    assert best is not None
    _score, delimiter, line, header = best
    header = [h.strip() for h in header]
    if not any(header):
        raise ImportFileError(f"{path.name}, row 1: there is no header row")
    return TableFile(path, "csv", encoding, delimiter, header, line, guessed=guessed)


def _sample_rows(sample: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    rows = []
    try:
        for n, row in enumerate(reader, 1):  # (numbered as rows(): a record is one row)
            if any(c.strip() for c in row):
                rows.append((n, row))
                if len(rows) >= HEADER_SCAN:
                    break
    except csv.Error:
        pass  # a broken line in the sample: the rows before it decide
    return rows


def _known_columns(header: list[str]) -> int:
    from casefile.services.exchange.imports.layouts import known_columns

    return known_columns([h.strip() for h in header])


def _pick_header(rows: list[tuple[int, list[str]]]) -> tuple[int, list[str]]:
    """The header among the first rows: the earliest naming the most known columns; when
    none names two, the first row about as wide as the table (a title row is narrower)."""
    if not rows:
        return 1, []
    scored = [(_known_columns(cells), -line, line, cells) for line, cells in rows]
    score, _neg, line, cells = max(scored)
    if score >= 2:
        return line, cells
    width = max(sum(1 for c in cells if c.strip()) for _line, cells in rows)
    return next((line, cells) for line, cells in rows
                if sum(1 for c in cells if c.strip()) >= max(2, 0.6 * width) or width < 2)


def detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4:  # a character cut by the sample's end
            return "utf-8"
    best = from_bytes(head[:65536], cp_isolation=["cp1251", "gb18030", "utf_16",
                                                  "cp1252", "koi8_r", "big5"]).best()
    if best is None:
        raise ImportFileError("the file's text encoding cannot be recognised")
    enc = best.encoding
    sample = head[:65536]
    if enc == "cp1252" and _cyrillic_read_as_latin(sample):
        return "gb18030" if not _reads_as_russian(sample) and _reads_as_chinese(sample) \
            else "cp1251"
    if enc in ("gb18030", "gbk", "gb2312", "big5"):
        for russian in ("cp1251", "koi8_r"):
            if _reads_as_russian(sample, russian):
                return russian
    if enc == "cp1251" and not _reads_as_russian(sample) and _reads_as_chinese(sample):
        return "gb18030"  # 'АоДИ' is no Russian: 李娜
    if enc == "cp1251" and _capitals_of_koi8(sample):
        return "koi8_r"  # 'ппп феилтйн' is ООО ТЕХКРИМ
    return "gb18030" if enc in ("gbk", "gb2312") else enc


# a word of accented Latin letters only (no plain letter beside them: 'Ëè', 'Íõ7')
_LATIN1_WORD = re.compile(r"(?<![A-Za-z\u00c0-\u00ff])[\u00c0-\u00ff]{2,}"
                          r"(?![A-Za-z\u00c0-\u00ff])")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_CYRILLIC_MARKS = str.maketrans("", "", "«»№–—…„“”‘’\u00a0")
_VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")


def _cyrillic_read_as_latin(head: bytes) -> bool:
    """Whether a sample taken for cp1252 is in another code page: words made only of
    accented Latin letters ('Ëè Âýé') are how Russian (or Chinese: 'Íõ') reads in the wrong
    one, and no Western language writes them (its words hold plain letters too: 'Müller',
    'été'). With only a few such words in a file (look16: 'Ли Вэй' among Latin names)
    charset-normalizer cannot tell them apart."""
    return bool(_LATIN1_WORD.search(head.decode("cp1252", "replace")))


def _reads_as_russian(head: bytes, codec: str = "cp1251") -> bool:
    """Whether the sample reads as Russian in ``codec`` (cp1251, or koi8_r): its every run
    of non-ASCII text a Cyrillic word cased as words are ('Иванов', 'ООО', 'ромашка',
    between « » or after №), and, unless in capitals (an abbreviation), holding a vowel.
    A file of Latin text with one
    Russian word has too few of its bytes for charset-normalizer, which may read each
    letter pair as one Chinese character (gb18030, big5). Chinese read in cp1251 is no
    such text: half its bytes are symbols there ('ґуЅ®') and its letters change case at
    random ('Нх' for 王)."""
    try:
        text = head.decode(codec)
    except UnicodeDecodeError:
        return False
    words = [w for run in _NON_ASCII.findall(text) if (w := run.translate(_CYRILLIC_MARKS))]
    return bool(words) and all(
        all("\u0400" <= c <= "\u04ff" for c in w)
        and (w.isupper() or ((w.islower() or (w[0].isupper() and w[1:].islower()))
                             and not _VOWELS.isdisjoint(w)))
        for w in words)


def _cyrillic_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\u0400-\u04ff]+", text) if len(w) > 1]


def _capitals_of_koi8(head: bytes) -> bool:
    """Whether a sample taken for cp1251 is KOI8-R written in capitals (look18: 'ООО
    ТЕХКРИМ' read as 'ппп феилтйн'): KOI8-R's capitals are cp1251's small letters, so every
    Cyrillic word reads in small letters, while in KOI8-R they read as names are written, in
    capitals or capitalised."""
    try:
        as_cp1251, as_koi8 = head.decode("cp1251"), head.decode("koi8_r")
    except UnicodeDecodeError:
        return False
    small, names = _cyrillic_words(as_cp1251), _cyrillic_words(as_koi8)
    return bool(small) and all(w.islower() for w in small) and bool(names) and all(
        w.isupper() or (w[0].isupper() and w[1:].islower()) for w in names)


def _reads_as_chinese(head: bytes) -> bool:
    """Whether the sample reads as Chinese in gb18030: its every run of non-ASCII text CJK
    characters or their punctuation."""
    try:
        text = head.decode("gb18030")
    except UnicodeDecodeError:
        return False
    runs = _NON_ASCII.findall(text)
    return bool(runs) and all(
        "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for r in runs for c in r)


def _open_xlsx(path: Path, head: bytes) -> TableFile:
    if head[:4] != b"PK\x03\x04" or not zipfile.is_zipfile(path):
        raise ImportFileError(f"{path.name} is named like a spreadsheet but is not an XLSX "
                              "file")
    rows = _xlsx_rows(path)
    first = [r for _n, r in zip(range(HEADER_SCAN), rows, strict=False)]
    rows.close()
    if not first:
        raise ImportFileError(f"{path.name} is empty")
    line, header = _pick_header(first)
    return TableFile(path, "xlsx", None, None, [h.strip() for h in header], line)


def _xlsx_rows(path: Path, with_done: bool = False) -> Generator[Any, None, None]:
    """(row number, cells) of the first sheet's non-empty rows, streamed in bounded memory
    (:mod:`.xlsx_stream`); with ``with_done`` also the share of the sheet read so far."""
    from casefile.services.exchange.imports.xlsx_stream import XlsxStream

    book = XlsxStream(path)
    try:
        for n, cells, done in book.rows():
            yield (n, cells, done) if with_done else (n, cells)
    finally:
        book.close()
