"""A filled-in workbook to plain data, found by sheet names, header labels and the hidden question ids.

Cell addresses are never assumed: columns are found by their headings and rows by their question id or metadata
key, so a re-save in Excel or LibreOffice, moved columns or inserted rows still load.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import Problem, TolvfaltError
from ..framework import Framework
from ..i18n import LANGS, label
from ..workbook import ANSWER_COLUMNS, FIELD_COLUMNS, METADATA_KEYS
from .source import Located, display_name

MAX_FILE_MB = 20
MAX_UNPACKED_MB = 200
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LEADING_NUMBER = re.compile(r"^\s*(-?\d+)(?:[.,]0+)?(?:\s|$)")


class Sheet(NamedTuple):
    title: str
    rows: list[list[Any]]


def read_workbook(path: Path, framework: Framework) -> Located:
    name = display_name(path)
    _check_container(path, name)
    # calamine reads values only, in a fraction of openpyxl's start-up time; the size checks above bound the unpacking.
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except CalamineError as exc:
        raise TolvfaltError.one("not_xlsx", file=name, detail=str(exc) or type(exc).__name__) from None
    try:
        titles = list(wb.sheet_names)

        def sheet(key: str) -> Sheet:
            title = _sheet_title(titles, key, name)
            rows = wb.get_sheet_by_name(title).to_python(skip_empty_area=False)
            return Sheet(title, [[None if v == "" else v for v in row] for row in rows])

        located = Located({}, name)
        _read_metadata(sheet("sheet_metadata"), located)
        _read_answers(sheet("sheet_answers"), located, framework)
        return located
    except CalamineError as exc:
        raise TolvfaltError.one("not_xlsx", file=name, detail=str(exc) or type(exc).__name__) from None
    finally:
        wb.close()


def _check_container(path: Path, name: str) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise TolvfaltError.one("not_found", file=name) from None
    except IsADirectoryError:
        raise TolvfaltError.one("is_directory", file=name) from None
    except OSError as exc:
        raise TolvfaltError.one("unreadable", file=name, detail=exc.strerror or str(exc)) from None
    if size > MAX_FILE_MB * 1024 * 1024:
        raise TolvfaltError.one("too_big", file=name, size=round(size / 2**20), limit=MAX_FILE_MB)
    if head == _OLE2:
        # An old binary .xls, or an encrypted .xlsx (Office wraps those in the same container).
        code = "xls" if path.suffix.lower() == ".xls" else "encrypted"
        raise TolvfaltError.one(code, file=name, name=path.name)
    if not zipfile.is_zipfile(path):
        raise TolvfaltError.one("not_xlsx", file=name, detail="inte ett zip-arkiv / not a zip archive")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
            raise TolvfaltError.one("ods", file=name, name=path.name)
        if "xl/workbook.xml" not in names:
            raise TolvfaltError.one("not_xlsx", file=name, detail="xl/workbook.xml saknas / is missing")
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024:
        raise TolvfaltError.one("too_big", file=name, size=round(unpacked / 2**20), limit=MAX_UNPACKED_MB)


def _sheet_title(titles: list[str], key: str, name: str) -> str:
    by_name = {title.strip().lower(): title for title in titles}
    for lang in LANGS:
        if label(key, lang).lower() in by_name:
            return by_name[label(key, lang).lower()]
    raise TolvfaltError.one("missing_sheet", file=name, sheet=label(key), sheets=", ".join(titles))


def _header_map(keys: tuple[str, ...]) -> dict[str, str]:
    """Every language's header label, lowercased, to its key."""
    return {label(key, lang).strip().lower(): key for key in keys for lang in LANGS}


def _find_header(ws: Sheet, wanted: dict[str, str], required: tuple[str, ...], name: str) -> tuple[int, dict[str, int]]:
    for number, values in enumerate(ws.rows[:20], start=1):
        columns: dict[str, int] = {}
        for col, value in enumerate(values, start=1):
            if isinstance(value, str) and value.strip().lower() in wanted:
                columns.setdefault(wanted[value.strip().lower()], col)
        if all(key in columns for key in required):
            return number, columns
    missing = label(required[-1])
    raise TolvfaltError.one("missing_column", file=name, sheet=ws.title, column=missing)


def _cell_text(value: Any) -> Any:
    """A cell's value as the model wants it: line breaks in text become paragraph breaks."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\n\n")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _points(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [str(value)]


def _rating(value: Any) -> Any:
    """``3``, ``3.0``, ``"3"`` or ``"3 God"`` (the dropdown's text) all mean 3."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        m = _LEADING_NUMBER.match(value)
        return int(m.group(1)) if m else value.strip() or None
    return value


def _address(ws: Sheet, row: int, col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{ws.title}!{letters}{row}"


def _read_metadata(ws: Sheet, located: Located) -> None:
    header = {label("key_column", lang).lower(): "key" for lang in LANGS}
    header |= {label("value", lang).lower(): "value" for lang in LANGS}
    labels = {label(key, lang).strip().lower(): key for key in METADATA_KEYS for lang in LANGS}
    top, columns = _find_header(ws, header, ("value",), located.file)
    for number, values in enumerate(ws.rows[top:], start=top + 1):
        cells = dict(enumerate(values, start=1))
        key = cells.get(columns.get("key", 0))
        if key not in METADATA_KEYS:
            # Without the key column, a row is known by its label (the cell left of the value).
            name = cells.get(columns["value"] - 1)
            key = labels.get(name.strip().lower()) if isinstance(name, str) else None
        if key is None:
            continue
        value = cells.get(columns["value"])
        if key == "insatser":
            value = _points(value)
        elif key == "datum" and isinstance(value, dt.datetime):
            value = value.date()
        else:
            value = _cell_text(value)
        located.lines[(key,)] = _address(ws, number, columns["value"])
        if value not in (None, []):
            located.data[key] = value


def _read_answers(ws: Sheet, located: Located, framework: Framework) -> None:
    top, columns = _find_header(ws, _header_map(ANSWER_COLUMNS), ("id", "answer"), located.file)
    fields: dict[int, dict[str, Any]] = {}
    known = {q.id: q for q in framework.questions}

    problems = []
    for number, values in enumerate(ws.rows[top:], start=top + 1):
        cells = dict(enumerate(values, start=1))
        qid = cells.get(columns["id"])
        if qid is None or (isinstance(qid, str) and not qid.strip()):
            continue
        qid = str(qid).strip()
        if qid not in known:
            problems.append(
                Problem("unknown_question_id", {"qid": qid}, located.file, _address(ws, number, columns["id"]))
            )
            continue
        question = known[qid]
        field = fields.setdefault(question.field_number, {})
        path = ("fält", str(question.field_number))
        answer = _cell_text(cells.get(columns["answer"]))
        if answer is not None:
            field.setdefault("svar", {})[question.letter] = answer
            located.lines[(*path, "svar", question.letter)] = _address(ws, number, columns["answer"])
        for column, key in FIELD_COLUMNS.items():
            if column not in columns or key in field:
                continue
            raw = cells.get(columns[column])
            value = _rating(raw) if column == "rating" else _points(raw)
            if value not in (None, []):
                field[key] = value
                located.lines[(*path, key)] = _address(ws, number, columns[column])
        located.lines.setdefault(path, _address(ws, number, columns["id"]))
    if problems:
        raise TolvfaltError(problems)
    located.data["fält"] = {n: f for n, f in fields.items() if f}
    located.lines[("fält",)] = f"{ws.title}!A{top}"
