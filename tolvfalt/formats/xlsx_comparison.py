"""The comparison as a workbook: a sheet per view, and a native Excel line chart of ratings per field over years."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference, Series
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import Lang, label
from . import view as v
from .xlsx import HEADER, first_sheet, write_cell

_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(text: str, used: set[str]) -> str:
    base = _SHEET_NAME.sub(" ", text)[:28].strip() or "Blad"
    title, n = base, 2
    while title.lower() in used:
        title, n = f"{base[:25]} {n}", n + 1
    used.add(title.lower())
    return title


def _header(ws: Worksheet, row: int, values: list[object]) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col)
        write_cell(cell, value)
        cell.font = Font(bold=True)
        cell.fill = HEADER


def _ratings(ws: Worksheet, t: v.RatingsTable, headers: list[object], lang: Lang) -> None:
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 48
    _header(ws, 1, [label("field", lang), "", *headers])
    for r, row in enumerate(t.rows, start=2):
        ws.cell(r, 1, row.number)
        write_cell(ws.cell(r, 2), row.level)
        for c, rating in enumerate(row.ratings, start=3):
            cell = ws.cell(r, c, rating.value)
            if rating.rated:
                cell.fill = PatternFill("solid", fgColor=rating.background.lstrip("#"))
    last = len(t.rows) + 2
    write_cell(ws.cell(last, 2), label("answered_row", lang))
    for c, ratio in enumerate(t.answered_ratio, start=3):
        ws.cell(last, c, ratio).number_format = "0%"


def _chart(ws: Worksheet, c: v.ComparisonView, t: v.RatingsTable, title: str) -> None:
    """One line per field, named by its number: a row per field, columns C.. the years."""
    n_entries = len(t.headers)
    chart = LineChart()
    chart.title = title
    chart.y_axis.title = label("rating")
    chart.y_axis.scaling.min = c.scale[0].value
    chart.y_axis.scaling.max = c.scale[-1].value
    chart.y_axis.majorUnit = 1
    chart.height, chart.width = 11, 22
    for r, row in enumerate(t.rows, start=2):
        values = Reference(ws, min_col=3, max_col=n_entries + 2, min_row=r, max_row=r)
        chart.series.append(Series(values, title=str(row.number)))
    chart.set_categories(Reference(ws, min_col=3, max_col=n_entries + 2, min_row=1, max_row=1))
    ws.add_chart(chart, f"{chr(ord('A') + n_entries + 3)}2")


def comparison(c: v.ComparisonView) -> bytes:
    lang = c.lang
    wb = Workbook()
    used: set[str] = set()
    first = True
    for series in c.series:
        ws = first_sheet(wb) if first else wb.create_sheet()
        first = False
        ws.title = _sheet_title(series.name, used)
        _ratings(ws, series.table, list(series.years), lang)
        _chart(ws, c, series.table, f"{series.name}: {label('ratings_over_years', lang)}")
    changes = wb.create_sheet(_sheet_title(label("changes", lang, before="", after="").strip(" –-"), used))
    _header(changes, 1, [label("förbund", lang), label("år", lang), label("år", lang), label("field", lang), "", ""])
    row = 2
    for series in c.series:
        for step in series.steps:
            for change in step.changes:
                for kind, line in change.lines:
                    values = [series.name, step.before, step.after, change.number, kind, line]
                    for col, value in enumerate(values, start=1):
                        write_cell(changes.cell(row, col), value)
                    row += 1
    changes.column_dimensions["A"].width = 36
    changes.column_dimensions["F"].width = 90
    for _, title, t in c.same_year:
        ws = wb.create_sheet(_sheet_title(title, used))
        _ratings(ws, t, list(t.headers), lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
