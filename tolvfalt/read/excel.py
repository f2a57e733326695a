"""A filled-in workbook to plain data, found by sheet names, header labels and the hidden question ids.

Cell addresses are never assumed: columns are found by their headings and rows by their question id or metadata
key, so a re-save in Excel or LibreOffice, moved columns or inserted rows still load.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import Problem, TolvfaltError, nearest
from ..framework import Framework
from ..i18n import LANGS, label
from ..model import FieldAnswers
from ..text import visible
from ..workbook import (
    ANSWER_COLUMNS,
    CELL_LIMIT,
    FIELD_COLUMNS,
    FOLLOW_UP_COLUMNS,
    METADATA_KEYS,
    METADATA_LISTS,
    PARTY_COLUMNS,
)
from .package import open_package
from .problems import field_number
from .sheets import address_of, scan_sheet, sheet_parts
from .source import Located, display_name

_BULLET = re.compile(r"^[ \t]*[•◦▪‣∙·–—*-][ \t]+")
_TRAILING_COMMA = re.compile(r"[ \t]*,[ \t]*$")


class Sheet(NamedTuple):
    title: str
    rows: list[list[Any]]


def read_workbook(path: Path, framework: Framework) -> Located:
    name = display_name(path)
    raw, archive = open_package(path, "xlsx")
    parts = sheet_parts(archive, name)
    titles = list(parts)
    wanted = {key: _sheet_title(titles, key, name) for key in ("sheet_metadata", "sheet_answers")}
    wanted |= {key: title for key in ("sheet_follow_up", "sheet_parties") if (title := _optional(titles, key))}
    problems = [p for title in wanted.values() for p in scan_sheet(archive, parts[title], title, name)]
    if problems:
        raise TolvfaltError(problems)
    # calamine reads values only, in a fraction of openpyxl's start-up time; the checks above bound what it unpacks.
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception as exc:
        raise TolvfaltError.one("not_xlsx", file=name, detail=str(exc) or type(exc).__name__) from None
    try:

        def sheet(key: str) -> Sheet:
            title = wanted[key]
            try:
                rows = wb.get_sheet_by_name(title).to_python(skip_empty_area=False)
            except Exception as exc:
                raise TolvfaltError.one("not_xlsx", file=name, detail=str(exc) or type(exc).__name__) from None
            return Sheet(title, [[None if v == "" else v for v in row] for row in rows])

        located = Located({}, name)
        sheets = {key: sheet(key) for key in wanted}
        too_long = [p for ws in sheets.values() for p in _too_long(ws, name)]
        if too_long:
            raise TolvfaltError(too_long)
        _read_metadata(sheets["sheet_metadata"], located)
        _read_answers(sheets["sheet_answers"], located, framework)
        if "sheet_follow_up" in sheets:
            _read_follow_up(sheets["sheet_follow_up"], located)
        if "sheet_parties" in sheets:
            _read_parties(sheets["sheet_parties"], located)
        return located
    finally:
        wb.close()


def _too_long(ws: Sheet, name: str) -> list[Problem]:
    return [
        Problem("cell_too_long", {"length": len(v), "limit": CELL_LIMIT}, name, _address(ws, r, c))
        for r, values in enumerate(ws.rows, start=1)
        for c, v in enumerate(values, start=1)
        if isinstance(v, str) and len(v) > CELL_LIMIT
    ]


def _optional(titles: list[str], key: str) -> str | None:
    by_name = {title.strip().lower(): title for title in titles}
    return next((by_name[label(key, lang).lower()] for lang in LANGS if label(key, lang).lower() in by_name), None)


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
    best: dict[str, int] = {}
    for number, values in enumerate(ws.rows[:20], start=1):
        columns: dict[str, int] = {}
        for col, value in enumerate(values, start=1):
            if isinstance(value, str) and value.strip().lower() in wanted:
                columns.setdefault(wanted[value.strip().lower()], col)
        if all(key in columns for key in required):
            return number, columns
        if sum(k in columns for k in required) > sum(k in best for k in required):
            best = columns
    missing = next(key for key in required if key not in best)  # the header row nearest to whole names what it lacks
    code = "missing_id_column" if missing == "id" else "missing_column"  # the hidden column a person cannot see
    raise TolvfaltError.one(code, file=name, sheet=ws.title, column=label(missing))


def _cell_text(value: Any) -> Any:
    """A cell's value as the model wants it: line breaks in text become paragraph breaks."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\n\n")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _points(value: Any) -> list[Any]:
    """One point per line; Word's bullets at a line's start (•, –, -, *, with a tab or a space) are not text."""
    if value is None:
        return []
    if isinstance(value, str):
        lines = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").split("\n")
        return [_BULLET.sub("", line) for line in lines]
    return [str(value)]


class Unclear(NamedTuple):
    """A rating cell that names no step of the scale, or more than one."""

    value: str


def _rating(value: Any, framework: Framework) -> Any:
    """What a person typed in a rating cell: ``3``, ``3.0``, ``"3"``, the dropdown's ``"3 God"``, ``"3 - God"``,
    or the scale's words alone in either language (``"God"``, ``"mycket god"``) all mean 3. Anything that names no
    step, or more than one (``"2 eller 3"``), is ``Unclear``."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, str):
        return value
    tokens = re.findall(r"-?\d+(?:[.,]0+)?|[^\W\d_]+", value.casefold())
    if not tokens:
        return None if not value.strip() else Unclear(value.strip())
    digits = [t for t in tokens if t[-1].isdigit()]
    if any(len(t) > 10 for t in digits):
        return value  # the model names a number too long to be one
    numbers = {int(re.split(r"[.,]", t)[0]) for t in digits}
    words = " ".join(t for t in tokens if not t[-1].isdigit())
    named = {s.value for s in framework.scale for lang in LANGS if words == s(lang).casefold()}
    if words and not named:
        return Unclear(value.strip())
    found = numbers | named
    if len(found) != 1:
        return Unclear(value.strip())
    return found.pop()


def _address(ws: Sheet, row: int, col: int) -> str:
    return f"{ws.title}!{address_of(row, col)}"


def _read_metadata(ws: Sheet, located: Located) -> None:
    header = {label("key_column", lang).lower(): "key" for lang in LANGS}
    header |= {label("value", lang).lower(): "value" for lang in LANGS}
    labels = {label(key, lang).strip().lower(): key for key in METADATA_KEYS for lang in LANGS}
    top, columns = _find_header(ws, header, ("value",), located.file)
    for number, values in enumerate(ws.rows[top:], start=top + 1):
        cells = dict(enumerate(values, start=1))
        key = cells.get(columns.get("key", 0))
        key = unicodedata.normalize("NFC", key.strip()) if isinstance(key, str) else key
        if key not in METADATA_KEYS:
            # Without the key column, a row is known by its label (the cell left of the value).
            name = cells.get(columns["value"] - 1)
            key = labels.get(name.strip().lower()) if isinstance(name, str) else None
        if key is None:
            continue
        value = cells.get(columns["value"])
        if key in METADATA_LISTS:  # one per line; several typed in one line with commas between
            if isinstance(value, str) and value.endswith("\n"):  # as tolvfalt writes a list with commas in it
                value = _points(value)
            else:  # as typed: one per line, or several on a line with commas between
                lines = [_TRAILING_COMMA.sub("", str(line)) for line in _points(value)]
                value = lines if len(lines) > 1 else [part for line in lines for part in line.split(",")]
        elif key == "datum" and isinstance(value, dt.datetime):
            value = value.date()
        else:
            value = _cell_text(value)
        located.lines[(key,)] = _address(ws, number, columns["value"])
        if value not in (None, []):
            located.data[key] = value


def _read_follow_up(ws: Sheet, located: Located) -> None:
    """Last year's åtgärder, a row each: the field, the åtgärd, its status and a comment. A field cell that names
    no field is refused with its cell."""
    top, columns = _find_header(ws, _header_map(FOLLOW_UP_COLUMNS), ("field", "action"), located.file)
    fields = located.data.setdefault("fält", {})
    for number, values in enumerate(ws.rows[top:], start=top + 1):
        cells = dict(enumerate(values, start=1))
        field, action = cells.get(columns["field"]), cells.get(columns["action"])
        if field is None and action is None:
            continue
        where = _address(ws, number, columns["field"])
        n = field_number(_cell_text(field))
        if n is None:
            located.problems.append(Problem("not_field_number", {"value": _shown(field)}, located.file, where,
                                            "fält"))  # fmt: skip
            continue
        located.lines.setdefault(("fält", str(n)), where)
        items = fields.setdefault(n, {}).setdefault("uppföljning", [])
        path = ("fält", str(n), "uppföljning", str(len(items)))
        item = {"åtgärd": _cell_text(action)}
        for column, name in (("status", "status"), ("comment", "kommentar")):
            value = _cell_text(cells.get(columns[column])) if column in columns else None
            if value is not None:
                item[name] = value
                located.lines[(*path, name)] = _address(ws, number, columns[column])
        located.lines[path] = located.lines[(*path, "åtgärd")] = _address(ws, number, columns["action"])
        items.append(item)


# What a party's row on the Parter sheet may be keyed by: its own texts, and a field's answer, rating or points.
_PARTY_TOP = ("fil", "författare", "forfattare", "datum", "inledning", "insatser")
_PARTY_FIELD = ("bedömning", "bedomning", *FieldAnswers.POINTS, "mojligheter", "atgarder", "analys")
_FOLLOW_UP_KEYS = ("åtgärd", "atgard", "status", "kommentar")
_PARTY_KEY = re.compile(
    rf"(?:{'|'.join(_PARTY_TOP)})"
    rf"|f[äa]lt\.[0-9]{{1,4}}\.(?:svar\.[^\W\d_]{{1,3}}|{'|'.join(_PARTY_FIELD)}"
    rf"|uppf[öo]ljning\.[0-9]{{1,5}}\.(?:{'|'.join(_FOLLOW_UP_KEYS)}))"
)


def _read_parties(ws: Sheet, located: Located) -> None:
    """Each party's part of a merged assessment: a value per row under its key (fält.4.svar.a). A key that is not
    one a party's part has, a key given twice for one party, and a value without a party are refused with their
    cells."""
    top, columns = _find_header(ws, _header_map(PARTY_COLUMNS), ("respondent", "key_column", "value"), located.file)
    parties = located.data.setdefault("svarande", {})
    seen: dict[tuple[str, str], str] = {}
    problems = located.problems
    for number, values in enumerate(ws.rows[top:], start=top + 1):
        cells = dict(enumerate(values, start=1))
        raw_name, key, raw = (cells.get(columns[c]) for c in ("respondent", "key_column", "value"))
        if raw_name is None and key is None and raw is None:
            continue
        name = unicodedata.normalize("NFC", _plain_cell(raw_name)).strip()
        key = unicodedata.normalize("NFC", _plain_cell(key)).strip()
        key_cell = _address(ws, number, columns["key_column"])
        if not name:
            where = _address(ws, number, columns["respondent"])
            problems.append(Problem("party_without_name", {}, located.file, where))
            continue
        if not _PARTY_KEY.fullmatch(key):
            suggestion = nearest(key, list(_PARTY_TOP))
            problems.append(Problem("unknown_key", {"key": _shown(key)}, located.file, key_cell,
                                    f"svarande.{name}", suggestion))  # fmt: skip
            continue
        place_cell = _address(ws, number, columns["value"])
        if (name, key) in seen:
            problems.append(Problem("duplicate_key", {"key": key, "first": seen[(name, key)]}, located.file,
                                    place_cell, f"svarande.{name}.{key}"))  # fmt: skip
            continue
        seen[(name, key)] = place_cell
        located.lines.setdefault(("svarande", name), _address(ws, number, columns["respondent"]))
        parts = key.split(".")
        place: dict[Any, Any] = parties.setdefault(name, {})
        for depth, part in enumerate(parts[:-1]):
            nxt = parts[depth + 1] if depth + 1 < len(parts) else ""
            if part in ("uppföljning", "uppfoljning"):  # by the row's number, made a list once all are read
                place = place.setdefault(part, {}).setdefault(int(nxt), {})
                break
            place = place.setdefault(int(part) if part.isdigit() and depth == 1 else part, {})
        listed = parts[-1] in (*METADATA_LISTS, *FieldAnswers.POINTS, "mojligheter", "atgarder")
        if parts[-1] == "datum" and isinstance(raw, dt.datetime):
            value: Any = raw.date()
        else:
            value = _points(raw) if listed else _cell_text(raw)
        place[parts[-1]] = value
        located.lines[("svarande", name, *parts)] = place_cell
    for part in parties.values():
        for field in (f for key in ("fält", "falt") for f in part.get(key, {}).values()):
            for key in ("uppföljning", "uppfoljning"):
                if key in field:
                    field[key] = [field[key][i] for i in sorted(field[key])]


def _plain_cell(value: Any) -> str:
    """A name or key cell as text: a number typed there is its digits."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _shown(value: Any) -> str:
    text = visible(str(value))
    return text if len(text) <= 40 else text[:37] + "..."


def _read_answers(ws: Sheet, located: Located, framework: Framework) -> None:
    top, columns = _find_header(ws, _header_map(ANSWER_COLUMNS), ("id", "answer"), located.file)
    fields: dict[int, dict[str, Any]] = {}
    known = {q.id: q for q in framework.questions}

    problems = located.problems
    first_row: dict[str, str] = {}
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
        where = _address(ws, number, columns["id"])
        if qid in first_row:
            problems.append(Problem("duplicate_question", {"qid": qid, "first": first_row[qid]}, located.file, where))
            continue
        first_row[qid] = where
        question = known[qid]
        field = fields.setdefault(question.field_number, {})
        path = ("fält", str(question.field_number))
        answer = _cell_text(cells.get(columns["answer"]))
        if answer is not None:
            field.setdefault("svar", {})[question.letter] = answer
            located.lines[(*path, "svar", question.letter)] = _address(ws, number, columns["answer"])
        for column, key in FIELD_COLUMNS.items():
            if column not in columns:
                continue
            raw = cells.get(columns[column])
            value = (
                _rating(raw, framework)
                if column == "rating"
                else _cell_text(raw)
                if column == "analys"
                else _points(raw)
            )
            if value in (None, []):
                continue
            place = _address(ws, number, columns[column])
            if isinstance(value, Unclear):
                scale = framework.scale_words(LANGS[0])
                problems.append(Problem("rating_unclear", {"value": value.value, "scale": scale}, located.file, place))
                continue
            if key in field and field[key] != value:  # a per-field cell unmerged and filled on two rows
                first = located.lines[(*path, key)]
                problems.append(Problem("field_cell_twice", {"n": question.field_number, "first": first}, located.file,
                                        place, f"fält.{question.field_number}.{key}"))  # fmt: skip
            elif key not in field:
                field[key] = value
                located.lines[(*path, key)] = place
        located.lines.setdefault(path, _address(ws, number, columns["id"]))
    located.data["fält"] = {n: f for n, f in fields.items() if f}
    located.lines[("fält",)] = f"{ws.title}!A{top}"
