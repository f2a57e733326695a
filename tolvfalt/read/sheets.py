"""A workbook's sheets checked before a cell is read: which part holds each sheet, how far a sheet reaches
(refused when absurd, before anything is built for it), and the cells whose value would be lost."""

from __future__ import annotations

import re
import zipfile
from xml.etree import ElementTree

from ..errors import Problem, TolvfaltError
from ..workbook import MAX_COLUMNS, MAX_ROWS

_REF = re.compile(r"([A-Z]+)([0-9]+)")
_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def sheet_parts(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    """Each worksheet's title and the part that holds it, as the workbook and its relations say."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError) as exc:
        raise TolvfaltError.one("not_xlsx", file=name, detail=str(exc)) from None
    targets = {r.get("Id"): r.get("Target", "") for r in rels if r.tag.endswith("Relationship")}
    parts = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet") and sheet.get("name"):
            target = targets.get(sheet.get(f"{_RELS}id"), "")
            parts[sheet.get("name", "")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return parts


def scan_sheet(archive: zipfile.ZipFile, part: str, title: str, name: str) -> list[Problem]:
    """Before the sheet is read: how far it reaches (refused when absurd, before anything is built for it), and
    the cells whose value would be lost: formulas without a saved value and error values such as #N/A."""
    problems: list[Problem] = []
    row = col = 0
    try:
        with archive.open(part) as stream:
            for event, elem in ElementTree.iterparse(stream, events=("start", "end")):
                tag = elem.tag.rsplit("}", 1)[-1]
                if event == "start" and tag == "row":
                    r = elem.get("r")
                    row, col = (_number(r) if r else row + 1), 0
                elif event == "start" and tag == "c":
                    m = _REF.fullmatch(elem.get("r") or "")
                    col, row = (_column(m.group(1)), _number(m.group(2))) if m else (col + 1, row)
                    if row > MAX_ROWS or col > MAX_COLUMNS:
                        cell = elem.get("r") or address_of(row, col)
                        return [Problem("sheet_too_large", {"sheet": title, "cell": cell[:20], "rows": MAX_ROWS,
                                                            "cols": MAX_COLUMNS}, name)]  # fmt: skip
                elif event == "end" and tag == "c":
                    saved = next((child for child in elem if child.tag.endswith("}v")), None)
                    value = saved.text if saved is not None else None
                    where = f"{title}!{elem.get('r') or address_of(row, col)}"
                    # a formula's text result is saved as t="str" (LibreOffice), an empty one as <v/>
                    text_result = elem.get("t") in ("str", "s", "inlineStr") and saved is not None
                    if elem.get("t") == "e":
                        problems.append(Problem("cell_error", {"value": value or "#?"}, name, where))
                    elif any(child.tag.endswith("}f") for child in elem) and not value and not text_result:
                        problems.append(Problem("formula_no_value", {}, name, where))
                    elem.clear()
                elif event == "end" and tag == "row":
                    elem.clear()
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, ValueError) as exc:
        raise TolvfaltError.one("not_xlsx", file=name, detail=f"{part}: {exc}") from None
    return problems


def _number(digits: str) -> int:
    return int(digits) if digits.isdigit() and len(digits) <= 12 else 10**12


def _column(letters: str) -> int:
    number = 0
    for letter in letters[:8]:
        number = number * 26 + ord(letter) - 64
    return number if len(letters) <= 8 else 10**12


def address_of(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"
