"""HTML: one self-contained file each (inline CSS, no scripts, no external addresses), print-ready, for the yearly
document, the comparison and the merged view. Every text is escaped by jinja2's autoescaping."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..i18n import Lang, label
from . import view as v

_DOCUMENT_LABELS = (
    "scale", "not_rated", "not_answered", "rating", "summary", "points_by_field", "no_points", "insatser_by_field",
    "insats", "no_insatser", "closing", "summary_for_board", "contents", "key_points", "draft", "grid",
    "grid_caption", "summary_grid_caption", "insatser_caption", "legend", "signature", "no_key_points", "mentioned",
    "inledning", "no_changes", "field",
)  # fmt: skip
HTML_LANG = {"sv": "sv-SE", "en": "en-GB"}
WIDTH, HEIGHT, PAD = 160, 56, 8


def environment() -> Any:
    """The jinja2 environment for the package's HTML pages: autoescaping on, undefined names an error."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("tolvfalt", "html"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _page(name: str, context: dict[str, Any]) -> str:
    text: str = environment().get_template(name).render(context)
    return text


def _labels(lang: Lang, keys: tuple[str, ...]) -> dict[str, str]:
    return {key: label(key, lang) for key in keys}


def page_labels(lang: Lang, draft: bool = False) -> dict[str, object]:
    """What the printed page's footer and header say: "Sida 3 av 12", UTKAST."""
    before, _, rest = label("page_of", lang, page="\0", pages="\1").partition("\0")
    return {
        "html_lang": HTML_LANG[lang],
        "page_before": before,
        "page_between": rest.partition("\1")[0],
        "draft": draft,
        "draft_text": label("draft", lang),
    }


def assessment(doc: v.DocumentView) -> str:
    context = {**doc._asdict(), **page_labels(doc.lang, doc.draft)}
    return _page("document.html.j2", {**context, "labels": _labels(doc.lang, _DOCUMENT_LABELS)})


# --- the comparison ---------------------------------------------------------------------------------------------


def sparkline(c: v.ComparisonView, ratings: list[v.Rating]) -> Markup:
    """A small SVG line chart of one field's ratings over the years; gaps where a year has no rating."""
    low, high = c.scale[0].value or 0, c.scale[-1].value or 0
    span_x = max(len(ratings) - 1, 1)

    def point(i: int, value: int) -> tuple[float, float]:
        x = PAD + (WIDTH - 2 * PAD) * i / span_x
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * (value - low) / max(high - low, 1)
        return round(x, 1), round(y, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">'
    ]
    for step in c.scale:  # a faint line per scale step
        y = point(0, step.value or 0)[1]
        parts.append(f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{y}" y2="{y}" stroke="#e5e5e5" stroke-width="1"/>')
    run: list[tuple[float, float]] = []
    for i, r in enumerate([*ratings, None]):
        if r is None or r.value is None:
            if len(run) > 1:
                parts.append('<polyline fill="none" stroke="#1f4e79" stroke-width="2" points="'
                             + " ".join(f"{x},{y}" for x, y in run) + '"/>')  # fmt: skip
            run = []
            continue
        run.append(point(i, r.value))
        x, y = run[-1]
        color = r.background if r.rated else "#999999"
        parts.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{color}" stroke="#333" stroke-width=".5"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def ratings_table(t: v.RatingsTable, lang: Lang, trend_column: bool) -> Markup:
    head = "".join(f"<th>{escape(h)}</th>" for h in [label("field", lang), *t.headers])
    if trend_column:
        head += f"<th>{escape(label('trend', lang))}</th>"
    rows = []
    for row in t.rows:
        cells = []
        for r in row.ratings:
            style = f' style="background:{r.background}"' if r.rated else ""
            cells.append(f"<td{style}>{r.short}</td>")
        tail = f"<td>{row.trend}</td>" if trend_column else ""
        rows.append(f'<tr><td class="name">{escape(row.name)}</td>{"".join(cells)}{tail}</tr>')
    answered = "".join(f"<td>{a}</td>" for a in t.answered)
    rows.append(f'<tr><td class="name"><em>{escape(label("answered_row", lang))}</em></td>{answered}'
                + ("<td></td>" if trend_column else "") + "</tr>")  # fmt: skip
    return Markup(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def comparison(c: v.ComparisonView) -> str:
    lang = c.lang
    series = [
        {
            "name": s.name,
            "grid": [
                {
                    "label": row_label,
                    "cells": [
                        {"number": cell.number, "ratings": cell.ratings_text, "svg": sparkline(c, cell.ratings)}
                        for cell in cells
                    ],
                }
                for row_label, cells in s.grid
            ],
            "table": ratings_table(s.table, lang, len(s.years) > 1),
            "steps": s.steps,
        }
        for s in c.series
    ]
    same_year = [{"title": title, "table": ratings_table(t, lang, False)} for _, title, t in c.same_year]
    return _page(
        "compare.html.j2",
        {
            "lang": lang,
            "title": c.title,
            "columns": c.columns,
            "series": series,
            "same_year": same_year,
            "labels": _labels(lang, ("ratings_over_years", "no_changes")),
        },
    )


# --- several respondents ----------------------------------------------------------------------------------------


def merged(m: v.MergedView) -> str:
    return _page(
        "merged.html.j2",
        {
            "lang": m.lang,
            "title": m.title,
            "names": m.names,
            "spreads": m.spreads,
            "fields": m.fields,
            "labels": _labels(m.lang, ("field", "spread", "disagreement", "not_answered", "rating")),
        },
    )
