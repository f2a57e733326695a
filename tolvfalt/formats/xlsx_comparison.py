"""The comparison as a workbook: a sheet per view, and a native Excel line chart of ratings per field over years."""

from __future__ import annotations

import io
import re
from typing import Literal

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference, Series
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import Lang, label
from . import house
from .view.comparison import ComparisonView, RatingsTable
from .xlsx import HEADER, first_sheet, write_cell

_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(text: str, used: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, no []:*?/\\), cut at a word, never within one."""
    clean = " ".join(_SHEET_NAME.sub(" ", text).split()) or "Blad"
    base = _cut(clean, 28)
    title, n = base, 2
    while title.lower() in used:
        title, n = f"{_cut(clean, 25)} {n}", n + 1
    used.add(title.lower())
    return title


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    return cut if cut and len(cut) <= limit else text[:limit]


def _header(ws: Worksheet, row: int, values: list[object]) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col)
        write_cell(cell, value)
        cell.font = Font(bold=True)
        cell.fill = HEADER


def _ratings(ws: Worksheet, t: RatingsTable, headers: list[object], lang: Lang) -> None:
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 48
    _header(ws, 1, [label("field", lang), label("field_name", lang), *headers])
    for r, row in enumerate(t.rows, start=2):
        ws.cell(r, 1, row.number)
        write_cell(ws.cell(r, 2), row.level)
        for c, rating in enumerate(row.ratings, start=3):
            cell = ws.cell(r, c, rating.value)
            if rating.rated:
                cell.fill = PatternFill("solid", fgColor=house.ooxml(rating.background))
                cell.font = Font(color=house.ooxml(rating.color))
    last = len(t.rows) + 2
    write_cell(ws.cell(last, 2), label("answered_row", lang))
    for c, ratio in enumerate(t.answered_ratio, start=3):
        ws.cell(last, c, ratio).number_format = "0%"


DASHES = ("solid", "dash", "sysDot")
MARKERS: tuple[Literal["circle", "triangle", "square"], ...] = ("circle", "triangle", "square")


def _charts(ws: Worksheet, c: ComparisonView, t: RatingsTable, name: str) -> list[tuple[str, str]]:
    """One chart per row of the grid, its three fields told apart by marker and dash as well as colour. Returns
    each chart's text alternative, in the order the charts are added: its title and every value in words."""
    from openpyxl.chart.marker import Marker

    n_entries = len(t.headers)
    per_row = len(c.columns)
    anchor_col = get_column_letter(n_entries + 4)
    alternatives = []
    for chart_index, start in enumerate(range(0, len(t.rows), per_row)):
        rows = t.rows[start : start + per_row]
        chart = LineChart()
        chart.title = label("chart_row", c.lang, row=f"{name}: {rows[0].level.split(' · ')[0]}")
        chart.y_axis.title = label("rating", c.lang)
        chart.x_axis.title = label("år", c.lang)
        chart.y_axis.scaling.min = c.scale[0].value
        chart.y_axis.scaling.max = c.scale[-1].value
        chart.y_axis.majorUnit = 1
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        chart.height, chart.width = 7, 16
        for k, row in enumerate(rows):
            r = start + k + 2
            values = Reference(ws, min_col=3, max_col=n_entries + 2, min_row=r, max_row=r)
            series = Series(values, title=row.name)
            series.marker = Marker(symbol=MARKERS[k % len(MARKERS)], size=7)
            series.graphicalProperties.line.dashStyle = DASHES[k % len(DASHES)]
            series.graphicalProperties.line.width = 22000
            chart.series.append(series)
        chart.set_categories(Reference(ws, min_col=3, max_col=n_entries + 2, min_row=1, max_row=1))
        ws.add_chart(chart, f"{anchor_col}{2 + chart_index * 15}")
        lines = [
            label("chart_title", c.lang, field=row.name,
                  values=", ".join(f"{h} {r.short}" for h, r in zip(t.headers, row.ratings, strict=True)))
            for row in rows
        ]  # fmt: skip
        title = label("chart_row", c.lang, row=f"{name}: {rows[0].level.split(' · ')[0]}")
        alternatives.append((title, ". ".join([title, *lines])))
    return alternatives


_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def describe_charts(data: bytes, alternatives: dict[str, list[tuple[str, str]]]) -> bytes:
    """The workbook with each chart's text alternative in its drawing (``descr``, what Excel shows as Alt Text
    and a screen reader reads), as WCAG 1.1.1 asks; openpyxl writes none. ``alternatives`` holds each sheet's, in
    the order its charts were added: a title and the description."""
    import zipfile
    from xml.etree import ElementTree

    for prefix, uri in _PREFIXES.items():
        ElementTree.register_namespace(prefix, uri)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    book = ElementTree.fromstring(parts["xl/workbook.xml"])
    targets = _targets(parts, "xl/workbook.xml")
    for sheet in book.iter(f"{_MAIN}sheet"):
        texts = alternatives.get(sheet.get("name") or "")
        part = targets.get(sheet.get(f"{_DOC_RELS}id") or "")
        if not texts or part is None:
            continue
        for drawing in (t for t in _targets(parts, part, "/drawing").values() if t in parts):
            root = ElementTree.fromstring(parts[drawing])
            frames = [
                f.find(f"{_DRAWING}nvGraphicFramePr/{_DRAWING}cNvPr") for f in root.iter(f"{_DRAWING}graphicFrame")
            ]
            for props, (title, text) in zip(frames, texts, strict=False):
                if props is not None:
                    props.set("descr", text)
                    props.set("title", title)
            parts[drawing] = ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PREFIXES = {
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


def _targets(parts: dict[str, bytes], part: str, kind: str = "") -> dict[str, str]:
    """The parts ``part`` refers to (of relationship type ``kind``), by relationship id, as names in the zip."""
    import posixpath
    from xml.etree import ElementTree

    folder, name = posixpath.split(part)
    rels = parts.get(posixpath.join(folder, "_rels", name + ".rels"))
    if rels is None:
        return {}
    found = {}
    for rel in ElementTree.fromstring(rels).iter(f"{_PACKAGE_RELS}Relationship"):
        target = rel.get("Target") or ""
        if rel.get("Type", "").endswith(kind) and rel.get("TargetMode") != "External":
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found[rel.get("Id") or ""] = posixpath.normpath(path)
    return found


CHANGE_KINDS = {"rating": "change_rating", "new_brister": "change_new_brister", "gone_brister": "change_gone_brister",
                "gone_atgarder": "change_gone_atgarder", "unchanged": "change_unchanged",
                "follow_up": "follow_up"}  # fmt: skip


def comparison(c: ComparisonView) -> bytes:
    lang = c.lang
    wb = Workbook()
    wb.properties.title = c.title
    wb.properties.creator = "tolvfalt"
    used: set[str] = set()
    alternatives: dict[str, list[tuple[str, str]]] = {}
    first = True
    for series in c.series:
        ws = first_sheet(wb) if first else wb.create_sheet()
        first = False
        ws.title = _sheet_title(series.name, used)
        _ratings(ws, series.table, list(series.years), lang)
        alternatives[ws.title] = _charts(ws, c, series.table, series.name)
    changes = wb.create_sheet(_sheet_title(label("changes", lang, before="", after="").strip(" –-"), used))
    columns = ("förbund", "from_year", "to_year", "field", "change_kind", "change")
    _header(changes, 1, [label(key, lang) for key in columns])
    row = 2
    for series in c.series:
        for step in series.steps:
            for change in step.changes:
                for kind, line in change.lines:
                    values: list[object] = [
                        series.name,
                        step.before,
                        step.after,
                        change.number,
                        label(CHANGE_KINDS[kind], lang),
                        line,
                    ]
                    for col, value in enumerate(values, start=1):
                        write_cell(changes.cell(row, col), value)
                    row += 1
    for letter, width in zip("ABCDEF", (36, 10, 10, 8, 30, 90), strict=True):
        changes.column_dimensions[letter].width = width
    for _, title, t in c.same_year:
        ws = wb.create_sheet(_sheet_title(title, used))
        _ratings(ws, t, list(t.headers), lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    return describe_charts(buffer.getvalue(), alternatives)
