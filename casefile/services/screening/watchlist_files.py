"""Reading an OpenSanctions file for a watchlist: its text encoding, its lines as entities
(hashed as they are read), its SHA-256, the name of the list it goes into when none is
given, and its dates as OpenSanctions writes them where a spreadsheet re-wrote them."""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from casefile.core.fuzzydate import ISO_PREFIX, FuzzyDateError, parse_fuzzy_date
from casefile.errors import ImportFileError
from casefile.services.exchange.imports.encodings import detect_encoding, file_sample

Progress = Callable[[int, int, str], None]  # done, total, message; raises Cancelled


def json_reason(exc: Exception) -> str:
    """Why a line is no JSON, where in it ('Unterminated string starting at character
    5,120': look30 read '(Unterminated string starting at)')."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} character {exc.pos + 1:,}" if exc.msg.endswith(" at") else \
            f"{exc.msg} at character {exc.pos + 1:,}"
    return "nested too deeply"


def file_lines(path: Path, fb: io.BufferedReader, sha: Any, total: int,
           progress: Progress | None, read_before: Callable[[int, bytes], bool] | None = None
           ) -> Iterator[tuple[int, dict[str, Any]]]:
    """The entities of the file's lines, with their line numbers, but those
    ``read_before`` says were read already (a flat file's posts)."""
    done = 0
    for n, raw in enumerate(fb, 1):
        sha.update(raw)
        done += len(raw)
        if progress is not None and n % 5000 == 0:
            progress(done, total, f"line {n:,}")
        if read_before is not None and read_before(n, raw):
            continue  # (what the posts' pass left out is counted there)
        try:
            text = raw.decode("utf-8", errors="strict").strip() if raw.strip() else ""
        except UnicodeDecodeError as exc:  # (look30: said with no line, 'in utf-8-sig')
            raise ImportFileError(f"{path.name}, line {n:,}: not UTF-8 text at byte "
                                  f"{exc.start + 1:,} of the line ({exc.reason}; a download cut "
                                  "short ends inside a letter)") from None
        if not text:
            continue
        try:
            obj = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ImportFileError(f"{path.name}, line {n:,}: not valid JSON "
                                  f"({json_reason(exc)})") from None
        if not isinstance(obj, dict):
            raise ImportFileError(f"{path.name}, line {n}: not a FollowTheMoney entity")
        yield n, obj


# folders a file is saved to that say nothing of what it holds
_GENERIC_FOLDERS = frozenset({"downloads", "download", "desktop", "documents", "tmp", "temp",
                              "data", "home", Path.home().name.casefold()})
_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_DATASETS = re.compile(r'"datasets"\s*:\s*\[([^\]]*)\]')
_QUOTED = re.compile(r'"([^"\\]+)"')


def guess_name(path: Path, kind: str, encoding: str, lines: int = 1000) -> str:
    """The list a file is loaded into when no name is given: the folder OpenSanctions' layout
    puts it in ('…/peps/entities.ftm.json'), unless it is a Downloads or Desktop folder
    (where a second download would replace the first list); else the dataset every one of
    its first entities names (OpenSanctions writes it: 'wd_peps'; a targets.simple.csv by
    its title, 'US OFAC SDN' — look24: any two went into the list 'targets'); else the
    file's name. ``encoding``: the file's, as the load found it."""
    folder = path.parent.name
    if folder not in ("", ".") and folder.casefold() not in _GENERIC_FOLDERS:
        return _NAME_CHARS.sub("-", folder)[:64]
    common: set[str] | None = None
    datasets = _csv_datasets if kind == "csv" else _json_datasets
    for named in datasets(path, encoding, lines):
        common = named if common is None else common & named
        if not common:
            break
    if common:
        return _NAME_CHARS.sub("-", sorted(common)[0])[:64]
    stem = re.sub(r"\s*\(\d+\)$", "", path.name.split(".")[0])  # 'entities (1)'
    return _NAME_CHARS.sub("-", stem)[:64] or "watchlist"


def _json_datasets(path: Path, encoding: str, lines: int) -> Iterator[set[str]]:
    with path.open("r", encoding=encoding, errors="replace") as f:
        for _n, text in zip(range(lines), f, strict=False):
            found = _DATASETS.search(text)  # read, not parsed: the load parses each once
            yield set(_QUOTED.findall(found.group(1))) if found else set()


def _csv_datasets(path: Path, encoding: str, lines: int) -> Iterator[set[str]]:
    """The datasets of the first ``lines`` rows of a targets.simple.csv (its dataset column:
    their titles, ';'-separated)."""
    from casefile.services.exchange.imports.targets_simple import simple_rows

    with path.open("r", encoding=encoding, errors="replace", newline="") as f:
        try:
            for _n, rec in zip(range(lines), (r for _i, r in simple_rows(path, f)),
                               strict=False):
                yield {d for d in rec.get("_datasets") or [] if d}
        except ImportFileError:
            return  # (no targets.simple.csv: the load says so)


def file_encoding(path: Path) -> str:
    """The file's text encoding (a targets.simple.csv saved by a spreadsheet may be UTF-16
    or a code page), as the importers recognise it."""
    try:
        enc = detect_encoding(file_sample(path))
    except ImportFileError as exc:
        raise ImportFileError(f"{path.name}: {exc}; a watchlist is loaded from OpenSanctions' "
                              "entities.ftm.json or targets.simple.csv") from None
    return "utf-8-sig" if enc in ("utf-8", "utf-8-sig") else enc


def file_sha256(path: Path) -> Any:
    sha = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            sha.update(chunk)
    return sha


__all__ = ["file_encoding", "file_lines", "file_sha256", "guess_name"]


_AT = re.compile(r"(.*?\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")


def iso_date(value: str) -> str:
    """A date (or date and time) as OpenSanctions writes it — ISO 8601, '1964-03-16',
    '2025-12-25T10:00:00' — from the form a spreadsheet saved it in ('16.03.1964',
    '25.12.2025 10:00'; look16: a targets.simple.csv saved by a Russian Excel kept its birth
    dates as '16.03.1964', and screening took them for other dates than the case's). A value
    that reads two ways ('03/04/1964') or not at all is given back as it is."""
    text = value.strip()
    if ISO_PREFIX.fullmatch(text) or not text:
        return text
    at = _AT.fullmatch(text)
    day = at.group(1) if at else text
    try:
        edtf = parse_fuzzy_date(day).edtf
    except FuzzyDateError:
        return value
    if not ISO_PREFIX.fullmatch(edtf):
        return value
    if at and len(edtf) == 10:
        return f"{edtf}T{int(at.group(2)):02d}:{at.group(3)}:{at.group(4) or '00'}"
    return edtf
