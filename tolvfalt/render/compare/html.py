"""The comparison as one self-contained HTML file, with an inline SVG chart of the ratings in each field."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ...compare import Comparison, Entry
from ...i18n import Lang, label
from .common import change_lines, short_heading, trend

WIDTH, HEIGHT, PAD = 160, 56, 8


def sparkline(comparison: Comparison, years: list[int], ratings: list[int | None]) -> Markup:
    """A small SVG line chart of one field's ratings over the years; gaps where a year has no rating."""
    scale = comparison.framework.scale
    low, high = scale[0].value, scale[-1].value
    span_x = max(len(years) - 1, 1)

    def point(i: int, value: int) -> tuple[float, float]:
        x = PAD + (WIDTH - 2 * PAD) * i / span_x
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * (value - low) / max(high - low, 1)
        return round(x, 1), round(y, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">'
    ]
    for step in scale:  # a faint line per scale step
        y = point(0, step.value)[1]
        parts.append(f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{y}" y2="{y}" stroke="#e5e5e5" stroke-width="1"/>')
    run: list[tuple[float, float]] = []
    for i, value in enumerate([*ratings, None]):
        if value is None:
            if len(run) > 1:
                parts.append('<polyline fill="none" stroke="#1f4e79" stroke-width="2" points="'
                             + " ".join(f"{x},{y}" for x, y in run) + '"/>')  # fmt: skip
            run = []
            continue
        run.append(point(i, value))
        step = comparison.framework.scale_step(value)
        x, y = run[-1]
        color = step.color if step else "#999999"
        parts.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{color}" stroke="#333" stroke-width=".5"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _table(comparison: Comparison, entries: list[Entry], headers: list[str], lang: Lang, arrows: bool) -> Markup:
    fw = comparison.framework
    head = "".join(f"<th>{escape(h)}</th>" for h in [label("field", lang), *headers])
    if arrows:
        head += f"<th>{escape(label('trend', lang))}</th>"
    rows = []
    for field in fw.fields:
        ratings = [e.assessment.rating(field.number) for e in entries]
        cells = []
        for r in ratings:
            step = fw.scale_step(r)
            style = f' style="background:{step.color}"' if step else ""
            cells.append(f"<td{style}>{'–' if r is None else r}</td>")
        tail = f"<td>{trend(ratings)}</td>" if arrows else ""
        rows.append(f'<tr><td class="name">{escape(short_heading(fw, field, lang))}</td>{"".join(cells)}{tail}</tr>')
    answered = "".join(f"<td>{len(e.completeness.answered)}/{e.completeness.total}</td>" for e in entries)
    rows.append(f'<tr><td class="name"><em>{escape(label("answered_row", lang))}</em></td>{answered}'
                + ("<td></td>" if arrows else "") + "</tr>")  # fmt: skip
    return Markup(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def context(comparison: Comparison, lang: Lang) -> dict[str, Any]:
    fw = comparison.framework
    series = []
    for s in comparison.series:
        years = [e.assessment.ar for e in s.entries]
        grid = []
        for row, cells in zip(fw.rows, fw.grid(), strict=True):
            grid.append({
                "label": row(lang),
                "cells": [
                    {
                        "number": f.number,
                        "ratings": " ".join("–" if r is None else str(r) for r in s.ratings(f.number)),
                        "svg": sparkline(comparison, years, s.ratings(f.number)),
                    }
                    for f in cells
                ],
            })  # fmt: skip
        steps = [
            {
                "title": label("changes", lang, before=st.before.assessment.ar, after=st.after.assessment.ar),
                "changes": [
                    {"heading": fw.heading(fw.by_number[c.field], lang),
                     "lines": change_lines(c, lang, st.before.assessment.ar)}
                    for c in st.changes
                ],
            }
            for st in s.steps
        ]  # fmt: skip
        table = _table(comparison, s.entries, [str(y) for y in years], lang, len(years) > 1)
        series.append({"name": s.name, "grid": grid, "table": table, "steps": steps})
    same_year = [
        {"title": label("same_year", lang, år=year),
         "table": _table(comparison, entries, [e.assessment.forbund for e in entries], lang, False)}
        for year, entries in comparison.same_year.items()
    ]  # fmt: skip
    return {
        "lang": lang,
        "title": label("comparison", lang),
        "columns": [c(lang) for c in fw.columns],
        "series": series,
        "same_year": same_year,
        "labels": {key: label(key, lang) for key in ("ratings_over_years", "no_changes")},
    }


def render(comparison: Comparison, lang: Lang = "sv") -> str:
    from ..html import environment

    return environment().get_template("compare.html.j2").render(context(comparison, lang))
