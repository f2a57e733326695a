"""The comparison as a workbook: a sheet per view, and a native Excel line chart of ratings per field over years."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference, Series
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from ...compare import Comparison, Entry
from ...i18n import Lang, label
from ..xlsx import HEADER, write_cell
from .common import change_lines, short_heading

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


def _ratings(ws: Worksheet, comparison: Comparison, entries: list[Entry], headers: list[object], lang: Lang) -> None:
    fw = comparison.framework
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 48
    _header(ws, 1, [label("field", lang), "", *headers])
    for r, field in enumerate(fw.fields, start=2):
        ws.cell(r, 1, field.number)
        write_cell(ws.cell(r, 2), short_heading(fw, field, lang).split(" ", 1)[1])
        for c, entry in enumerate(entries, start=3):
            value = entry.assessment.rating(field.number)
            cell = ws.cell(r, c, value)
            step = fw.scale_step(value)
            if step:
                cell.fill = PatternFill("solid", fgColor=step.color.lstrip("#"))
    last = len(fw.fields) + 2
    write_cell(ws.cell(last, 2), label("answered_row", lang))
    for c, entry in enumerate(entries, start=3):
        ws.cell(last, c, len(entry.completeness.answered) / entry.completeness.total).number_format = "0%"


def _chart(ws: Worksheet, comparison: Comparison, n_entries: int, title: str) -> None:
    """One line per field, named by its number: rows 2..13 hold the fields, columns C.. the years."""
    fw = comparison.framework
    chart = LineChart()
    chart.title = title
    chart.y_axis.title = label("rating")
    chart.y_axis.scaling.min = fw.scale[0].value
    chart.y_axis.scaling.max = fw.scale[-1].value
    chart.y_axis.majorUnit = 1
    chart.height, chart.width = 11, 22
    for row, field in enumerate(fw.fields, start=2):
        values = Reference(ws, min_col=3, max_col=n_entries + 2, min_row=row, max_row=row)
        chart.series.append(Series(values, title=str(field.number)))
    chart.set_categories(Reference(ws, min_col=3, max_col=n_entries + 2, min_row=1, max_row=1))
    ws.add_chart(chart, f"{chr(ord('A') + n_entries + 3)}2")


def render(comparison: Comparison, lang: Lang = "sv") -> bytes:
    wb = Workbook()
    used: set[str] = set()
    first = True
    for series in comparison.series:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = _sheet_title(series.name, used)
        years = [e.assessment.ar for e in series.entries]
        _ratings(ws, comparison, series.entries, years, lang)
        _chart(ws, comparison, len(years), f"{series.name}: {label('ratings_over_years', lang)}")
    changes = wb.create_sheet(_sheet_title(label("changes", lang, before="", after="").strip(" –-"), used))
    _header(changes, 1, [label("förbund", lang), label("år", lang), label("år", lang), label("field", lang), "", ""])
    row = 2
    for series in comparison.series:
        for step in series.steps:
            for change in step.changes:
                for kind, line in change_lines(change, lang, step.before.assessment.ar):
                    values = [
                        series.name,
                        step.before.assessment.ar,
                        step.after.assessment.ar,
                        change.field,
                        kind,
                        line,
                    ]
                    for col, value in enumerate(values, start=1):
                        write_cell(changes.cell(row, col), value)
                    row += 1
    changes.column_dimensions["A"].width = 36
    changes.column_dimensions["F"].width = 90
    for year, entries in comparison.same_year.items():
        ws = wb.create_sheet(_sheet_title(label("same_year", lang, år=year), used))
        _ratings(ws, comparison, entries, [e.assessment.forbund for e in entries], lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
