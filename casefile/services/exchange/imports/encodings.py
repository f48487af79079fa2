"""The text encoding of an imported file: guessed from its bytes (charset-normalizer, with
what it cannot tell from a short sample read both ways), or chosen by the user from the ones
an import offers (the window's Text encoding, the command line's --encoding)."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from pathlib import Path

from charset_normalizer import from_bytes

from casefile.errors import ImportFileError
from casefile.services.exchange.imports.code_pages import (
    central_european,
    code_page,
    in_latin_words,
    latin_script,
    western,
)

# the text encodings an import offers to choose (codec, as a reader names it); any other
# codec Python knows is taken too (the command line's --encoding)
ENCODINGS = (("utf-8", "UTF-8"), ("cp1251", "Windows-1251 (Cyrillic)"),
             ("koi8_r", "KOI8-R (Russian)"), ("koi8_u", "KOI8-U (Ukrainian)"),
             ("cp1252", "Windows-1252 (Western European)"),
             ("cp1250", "Windows-1250 (Central European)"),
             ("cp1254", "Windows-1254 (Turkish)"), ("gb18030", "GB18030 (Chinese, simplified)"),
             ("big5", "Big5 (Chinese, traditional)"), ("utf-16", "UTF-16 (Unicode Text)"))


def encoding_label(codec: str) -> str:
    """'cp1251' -> 'Windows-1251 (Cyrillic)'; a codec not listed as Python names it (UTF-8
    read past a byte-order mark, if any, is UTF-8: look19)."""
    name = codecs.lookup(codec).name
    name = "utf-8" if name == "utf-8-sig" else name
    return next((label for c, label in ENCODINGS if codecs.lookup(c).name == name), codec)


# how to name another encoding, said with a file that does not read in the one used
CHOOSE_ANOTHER = ("name the right one (the command line's --encoding, the import window's "
                  "Text encoding)")


def unreadable(name: str, codec: str, guessed: bool, what: str, utf8: bool = False) -> str:
    """'trade.csv, line 2,502: the bytes at 140,363 are not valid Windows-1251 (…), the
    encoding guessed …; if the file is in another, …' (look19: a cp1251 name on row 2,502
    of a file that began in plain ASCII was 'not valid utf-8', said of the wrong row, with
    no word of the encoding being a guess). ``what`` holds '{encoding}' where the
    encoding's name goes. With ``utf8`` (a chosen encoding, the file's bytes proving it UTF-8:
    :func:`utf8_evident`) that is said as the way out."""
    if utf8:
        return (f"{name}{what.format(encoding=encoding_label(codec))}; the file's bytes "
                "read as UTF-8: choose UTF-8 (the command line's --encoding, the import "
                "window's Text encoding)")
    return (f"{name}{what.format(encoding=encoding_label(codec))}"
            + (", the encoding guessed from the start of the file" if guessed else "")
            + f"; if the file is in another, {CHOOSE_ANOTHER}")


def chosen_encoding(codec: str) -> str:
    """A text encoding a user chose, checked: ImportFileError if Python knows no such."""
    try:
        info = codecs.lookup(codec)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):  # (look19: rot13, hex)
        raise ImportFileError(f"{codec!r} is no text encoding Casefile knows (such as "
                              + ", ".join(c for c, _l in ENCODINGS) + ")")
    return "utf-8-sig" if info.name == "utf-8" else codec


HEAD = 256 * 1024  # the first bytes a guess reads
ENOUGH = 64  # bytes beyond ASCII a guess wants before it stops reading on
FURTHER = 256 * 1024 * 1024  # how far on it looks for a byte beyond ASCII, if none came first
WINDOW = 64 * 1024  # and how much it takes from there


def file_sample(path: Path) -> bytes:
    """What a guess of ``path``'s encoding reads: its first bytes, and when those hold few
    bytes beyond ASCII, the lines holding such bytes further on (look19: one cp1251 name on
    row 8,000 of a trade file was guessed UTF-8 from the plain ASCII before it). Read a MB at
    a time, to FURTHER at most; once for the guess and what the report shows of it, while
    the file is unchanged."""
    stat = path.stat()
    return _sample(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _sample(where: str, _mtime: int, _size: int) -> bytes:
    with Path(where).open("rb") as f:
        head = f.read(HEAD)
        if len(head) == HEAD and not head.endswith(b"\n"):  # the line the head cuts, whole
            head += f.readline(1 << 20)  # (a name across the cut was left out as cut)
        found = len(_HIGH.findall(head))
        if found >= ENOUGH or b"\x00" in head or len(head) < HEAD \
                or (_HIGH.search(head) and _utf8(head)):  # (UTF-8 shows itself at once)
            return head
        # few bytes beyond ASCII at the start (look20: one en dash in row 4 of a cp1252
        # file decided cp1251 for the German names on row 30,002): the lines holding them
        # further on are read too, until there are enough
        more: list[bytes] = []
        start = len(head)
        tail = b""
        while start < FURTHER and found < ENOUGH and (chunk := f.read(1 << 20)):
            start += len(chunk)
            lines = (tail + chunk).split(b"\n")
            tail = lines.pop()
            for line in lines:
                if _HIGH.search(line):
                    more.append(line)
                    found += len(_HIGH.findall(line))
            if sum(len(m) for m in more) > WINDOW:
                break
    cut = head[:head.rfind(b"\n") + 1]
    return cut + b"\n".join(more) + b"\n" if more else head


def guess_encoding(path: Path) -> str:
    """The text encoding of the file at ``path``, guessed (:func:`file_sample`,
    :func:`detect_encoding`); ImportFileError naming the file when none fits."""
    try:
        return detect_encoding(file_sample(path))
    except ImportFileError as exc:
        raise ImportFileError(f"{path.name}: {exc}; {CHOOSE_ANOTHER}") from None


_CELL = re.compile(rb'[^,;\t"\r\n|\[\]{}:]+')


def names_as_read(path: Path, codec: str, most: int = 3) -> list[str]:
    """A few of the file's values that hold letters beyond ASCII, as ``codec`` reads them,
    from wherever in the file they stand (the guess's own sample): what the report shows
    beside a guessed code page, so a name garbled on row 8,000 is seen without a row
    report (look26). None for UTF-8 and UTF-16, which their bytes prove."""
    if codecs.lookup(codec).name in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le",
                                     "utf-16-be"):
        return []
    out: list[str] = []
    for line in file_sample(path).split(b"\n"):
        for cell in _CELL.findall(line) if _HIGH.search(line) else ():
            text = cell.decode(codec, "replace").strip()
            if _HIGH.search(cell) and 1 < len(text) <= 60 and text not in out:
                out.append(text)
                if len(out) == most:
                    return out
    return out


def utf8_evident(path: Path, chosen: str) -> bool:
    """Whether a file a user chose to read in ``chosen`` (not UTF-8) proves to be UTF-8: its
    bytes beyond ASCII all read as UTF-8's (look20: KOI8-R chosen for a UTF-8 file was
    honoured 'as chosen', its names garbled, without a word). Such bytes are proof: a code
    page's text rarely forms UTF-8's pairs; other guesses are not, and are not said."""
    if codecs.lookup(chosen).name in ("utf-8", "utf-8-sig"):
        return False
    sample = file_sample(path)
    return _HIGH.search(sample) is not None and (_utf8(sample) or _mostly_utf8(sample))


def detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4 and len(head) >= 65536:  # a character cut by the
            # end of a sample (a whole small file ending '-18°C' is no cut character)
            return "utf-8"
    if _mostly_utf8(head):  # a stray byte in UTF-8 text: said with its line when read
        return "utf-8"
    sample = _telling(head)
    best = from_bytes(sample, cp_isolation=["cp1251", "gb18030", "utf_16", "cp1252", "koi8_r",
                                            "big5"]).best()
    enc = code_page(sample, best.encoding if best is not None else None)
    if (enc in (None, "cp1252")
            or (enc == "gb18030" and (in_latin_words(sample) or latin_script(sample)))
            or (enc == "cp1251" and latin_script(sample))) \
            and (central := central_european(sample)):  # (review27: Cyrillic with a Latin
        # 'i' typed into its words, 'Сiмферопольський', is no Czech)
        return central  # (look20: Polish was unrecognised, Turkish read as 'ÇELÝK A.Þ.'; a
        # Slovak file was taken for cp1251)
    if enc in (None, "cp1252") and _reads(sample, "cp1250") and not _reads(sample, "cp1252"):
        return "cp1250"  # (look26) Czech Ť ť, Slovak Ť, Polish Ź are bytes cp1252 has no
        # character at: 'Ťoupalík' was guessed cp1252, then refused as not valid in it
    if enc is None and western(sample):
        return "cp1252"
    if enc is None:
        raise ImportFileError("its text encoding cannot be recognised")
    return enc


def _reads(sample: bytes, codec: str) -> bool:
    try:
        sample.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


_HIGH = re.compile(rb"[\x80-\xff]")


def _utf8(head: bytes) -> bool:
    """Whether the sample reads as UTF-8 (but for a character its end may cut)."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4
    return True


def _mostly_utf8(head: bytes) -> bool:
    """Whether the sample is UTF-8 text with a stray byte or two of another encoding (a
    name pasted in from elsewhere): eight characters beyond ASCII read whole for each one
    not. A code page's text read as UTF-8 is not (its letters rarely make UTF-8's pairs)."""
    text = head.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if c > "\x7f") - bad
    return good >= 8 * bad and good > 0


def _telling(head: bytes, most: int = 65536) -> bytes:
    """What of a file's first bytes tells its encoding: its lines that hold a byte beyond
    ASCII, up to ``most`` bytes (look19: one cp1251 name on row 2,502, after 140 KB of
    ASCII, was guessed from the first 64 KB — plain ASCII — as Big5; a few Cyrillic or
    Chinese names among many Latin rows were guessed from the Latin). A file with NUL
    bytes (UTF-16 without its mark) is taken as it is."""
    if b"\x00" in head:
        return head[:most]
    lines = head.split(b"\n")
    if len(head) >= most and not head.endswith(b"\n"):
        lines = lines[:-1] or lines  # (a sample's last line may be cut)
    out: list[bytes] = []
    size = 0
    for line in lines:
        if _HIGH.search(line):
            out.append(line)
            size += len(line) + 1
            if size >= most:
                break
    return b"\n".join(out) if out else head[:most]
