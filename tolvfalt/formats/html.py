"""HTML: one self-contained file each (inline CSS, no scripts, no external addresses), print-ready, for the yearly
document, the comparison and the merged view. Every text is escaped by jinja2's autoescaping."""

from __future__ import annotations

import contextlib
import re
from functools import cache
from typing import Any

from markupsafe import Markup, escape

from ..i18n import LANG_TAGS, Lang, label
from . import house
from .view.comparison import ComparisonView, RatingsTable
from .view.document import DocumentView
from .view.merged import MergedView
from .view.rating import Rating

_DOCUMENT_LABELS = (
    "scale", "not_rated", "not_answered", "rating", "summary", "points_by_field", "no_points", "insatser_by_field",
    "insats", "no_insatser", "closing", "summary_for_board", "contents", "key_points", "draft", "grid",
    "grid_caption", "summary_grid_caption", "insatser_caption", "legend", "signature", "no_key_points", "mentioned",
    "inledning", "no_changes", "field", "analys", "follow_up", "parties_ratings", "parties_took_part",
    "round_ratings_caption", "own_summary",
)  # fmt: skip


def environment() -> Any:
    """The jinja2 environment for the package's HTML pages: autoescaping on, undefined names an error."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("tolvfalt", "html"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_compiled(),
    )
    env.globals["house"] = {name: Markup(value) for name, value in house.CSS.items()}
    env.filters["breakable"] = breakable
    return env


@cache
def _compiled() -> Any:
    """The templates compiled once and kept, checked against their source, in jinja2's own folder for this user
    (in the system's temporary folder, readable by this user alone): some 30 ms of each document. None where no
    such folder can be made; then they are compiled each time."""
    return compiled_templates()


def compiled_templates(directory: str | None = None) -> Any:
    """A jinja2 bytecode cache in ``directory`` (default: jinja2's own) that a damaged or unwritable file never
    fails: the template is compiled again."""
    from jinja2 import FileSystemBytecodeCache

    class Kept(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # cut short or damaged (jinja2 reads its checksum unguarded): compiled again
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):  # a full or read-only disk: compiled again next time
                super().dump_bytecode(bucket)

    try:
        return Kept(directory)
    except (OSError, RuntimeError):  # no temporary folder, or one another user could write to
        return None


_LONG_WORD = re.compile(r"(\S{30,})")
_CHUNK = 15


def breakable(text: object) -> Markup:
    """Text escaped, with a place to break (``<wbr>``) every few letters of a word too long for a table's column
    (a name with no space in it): the table keeps within the page, and its ordinary words stay whole."""
    parts = _LONG_WORD.split(str(text))
    return Markup("").join(
        Markup("<wbr>").join(escape(part[i : i + _CHUNK]) for i in range(0, len(part), _CHUNK)) if odd else escape(part)
        for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
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
        "html_lang": LANG_TAGS[lang],
        "page_before": before,
        "page_between": rest.partition("\1")[0],
        "draft": draft,
        "draft_text": label("draft", lang),
    }


def assessment(doc: DocumentView) -> str:
    follow_ups = [(s.heading, s.follow_ups) for s in doc.sections if s.follow_ups]
    context = {**doc._asdict(), **page_labels(doc.lang, doc.draft), "follow_ups": follow_ups}
    return _page("document.html.j2", {**context, "labels": _labels(doc.lang, _DOCUMENT_LABELS)})


# --- the comparison ---------------------------------------------------------------------------------------------

WIDTH, HEIGHT = 220, 66
LEFT, RIGHT, TOP, BOTTOM = 18, 8, 6, 18


def sparkline(c: ComparisonView, years: list[int], ratings: list[Rating], name: str) -> Markup:
    """A small SVG line chart of one field's ratings: the years along the bottom, the scale up the side, a gap
    where a year has no rating, and a title that says it all in words."""
    low, high = c.scale[0].value or 0, c.scale[-1].value or 0
    span_x = max(len(ratings) - 1, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_at(i: int) -> float:
        return round(LEFT + plot_w * (i / span_x if len(ratings) > 1 else 0.5), 1)

    def y_at(value: int) -> float:
        return round(TOP + plot_h - plot_h * (value - low) / max(high - low, 1), 1)

    values = ", ".join(f"{year} {r.short}" for year, r in zip(years, ratings, strict=True))
    title = label("chart_title", c.lang, field=name, values=values)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for step in c.scale:  # a faint line and the value for each step of the scale
        y = y_at(step.value or 0)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" stroke="{house.GRID_LINE}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 5}" y="{y + 3}" font-size="8" text-anchor="end" fill="{house.INK}">{step.value}</text>'
        )
    for i, year in enumerate(years):
        parts.append(
            f'<text x="{x_at(i)}" y="{HEIGHT - 5}" font-size="8" text-anchor="middle" fill="{house.INK}">{year}</text>'
        )
    run: list[tuple[float, float]] = []
    for i, r in enumerate([*ratings, None]):
        if r is None or r.value is None:
            if len(run) > 1:
                parts.append(f'<polyline fill="none" stroke="{house.ACCENT}" stroke-width="2" points="'
                             + " ".join(f"{x},{y}" for x, y in run) + '"/>')  # fmt: skip
            run = []
            continue
        run.append((x_at(i), y_at(r.value)))
        x, y = run[-1]
        parts.append(f'<circle cx="{x}" cy="{y}" r="4" fill="{r.background}" stroke="{house.INK}" stroke-width="1"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def ratings_table(t: RatingsTable, lang: Lang, trend_column: bool, caption: str) -> Markup:
    head = f'<th scope="col">{escape(label("field", lang))}</th>'
    head += "".join(f'<th scope="col">{escape(h)}</th>' for h in t.headers)
    if trend_column:
        head += f'<th scope="col">{escape(label("trend", lang))}</th>'
    rows = []
    for row in t.rows:
        cells = []
        for r in row.ratings:
            style = f' style="background: {r.background}; color: {r.color}"' if r.rated else ""
            cells.append(f'<td class="rating"{style}>{r.short}</td>')
        tail = f'<td class="trend">{row.trend}</td>' if trend_column else ""
        rows.append(f'<tr><th scope="row">{escape(row.name)}</th>{"".join(cells)}{tail}</tr>')
    answered = "".join(f'<td class="rating">{a}</td>' for a in t.answered)
    rows.append(f'<tr><th scope="row"><em>{escape(label("answered_row", lang))}</em></th>{answered}'
                + ("<td></td>" if trend_column else "") + "</tr>")  # fmt: skip
    return Markup(
        f'<table class="ratings"><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def comparison(c: ComparisonView) -> str:
    lang = c.lang
    series = [
        {
            "name": s.name,
            "grid": [
                {
                    "label": row_label,
                    "cells": [
                        {
                            "number": cell.number,
                            "ratings": cell.ratings_text,
                            "svg": sparkline(c, s.years, cell.ratings, s.table.rows[cell.number - 1].name),
                        }
                        for cell in cells
                    ],
                }
                for row_label, cells in s.grid
            ],
            "table": ratings_table(s.table, lang, len(s.years) > 1, label("ratings_caption", lang)),
            "parties": ratings_table(s.parties, lang, False, label("parties_over_years", lang)) if s.parties else None,
            "steps": s.steps,
        }
        for s in c.series
    ]
    same_year = [
        {"title": title, "table": ratings_table(t, lang, False, label("same_year_caption", lang, år=year))}
        for year, title, t in c.same_year
    ]
    low, high = c.scale[0].value, c.scale[-1].value
    return _page(
        "compare.html.j2",
        {
            **page_labels(lang),
            "title": c.title,
            "columns": c.columns,
            "series": series,
            "same_year": same_year,
            "chart_caption": label("chart_caption", lang, low=low, high=high),
            "labels": _labels(lang, ("ratings_over_years", "no_changes")),
        },
    )


# --- several respondents ----------------------------------------------------------------------------------------


def merged(m: MergedView) -> str:
    return _page(
        "merged.html.j2",
        {
            **page_labels(m.lang),
            "title": m.title,
            "names": m.names,
            "spreads": m.spreads,
            "fields": m.fields,
            "labels": _labels(
                m.lang, ("field", "spread", "disagreement", "not_answered", "rating", "spread_caption", "discuss")
            ),
        },
    )
