"""Several years and förbund side by side: ratings tables, chart cells and the changes between years."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple

from ...framework import Framework
from ...i18n import Lang, label
from .changes import ChangeView, StepView, change_lines
from .common import short_heading
from .rating import Rating, legend, rating, trend

if TYPE_CHECKING:
    from ...comparison import Comparison, Digest


class RatingsRow(NamedTuple):
    number: int
    name: str
    """``1 Deltagare · Struktur och förutsättningar``."""
    level: str
    ratings: list[Rating]
    trend: str


class RatingsTable(NamedTuple):
    """Ratings per field, one column per assessment (a year, or a förbund), and the answered count of each."""

    headers: list[str]
    entry_labels: list[str]
    rows: list[RatingsRow]
    answered: list[str]
    answered_ratio: list[float]
    trend_column: bool


class ChartCell(NamedTuple):
    number: int
    ratings_text: str
    ratings: list[Rating]


class SeriesView(NamedTuple):
    name: str
    years: list[int]
    table: RatingsTable
    grid: list[tuple[str, list[ChartCell]]]
    steps: list[StepView]


class ComparisonView(NamedTuple):
    lang: Lang
    title: str
    columns: list[str]
    scale: list[Rating]
    series: list[SeriesView]
    same_year: list[tuple[int, str, RatingsTable]]


def entry_label(e: Digest) -> str:
    return f"{e.forbund} {e.ar}" + (f" ({e.respondent})" if e.respondent else "")


def ratings_table(
    framework: Framework, entries: list[Digest], headers: list[str], lang: Lang, trend_column: bool
) -> RatingsTable:
    rows = []
    for f in framework.fields:
        values = [e.rating(f.number) for e in entries]
        rows.append(
            RatingsRow(
                f.number,
                short_heading(framework, f, lang),
                short_heading(framework, f, lang).split(" ", 1)[1],
                [rating(framework, v, lang) for v in values],
                trend(values),
            )
        )
    done = [e.completeness for e in entries]
    return RatingsTable(
        headers,
        [entry_label(e) for e in entries],
        rows,
        [f"{len(c.answered)}/{c.total}" for c in done],
        [len(c.answered) / c.total if c.total else 1.0 for c in done],
        trend_column,
    )


def comparison(comp: Comparison, lang: Lang) -> ComparisonView:
    fw = comp.framework
    series = []
    for s in comp.series:
        years = [e.ar for e in s.entries]
        grid = [
            (
                row(lang),
                [
                    ChartCell(
                        f.number,
                        " ".join("–" if r is None else str(r) for r in s.ratings(f.number)),
                        [rating(fw, r, lang) for r in s.ratings(f.number)],
                    )
                    for f in cells
                ],
            )
            for row, cells in zip(fw.rows, fw.grid(), strict=True)
        ]
        steps = [
            StepView(
                st.before.ar,
                st.after.ar,
                label("changes", lang, before=st.before.ar, after=st.after.ar),
                [
                    ChangeView(c.field, fw.heading(fw.by_number[c.field], lang), change_lines(c, lang, st.before.ar))
                    for c in st.changes
                ],
            )
            for st in s.steps
        ]
        twice = {y for y in years if years.count(y) > 1}
        headers = [f"{e.ar} ({PurePath(e.source).name})" if e.ar in twice else str(e.ar) for e in s.entries]
        table = ratings_table(fw, s.entries, headers, lang, True)
        series.append(SeriesView(s.name, years, table, grid, steps))
    same_year = [
        (
            year,
            label("same_year", lang, år=year),
            ratings_table(fw, entries, [e.forbund for e in entries], lang, False),
        )
        for year, entries in comp.same_year.items()
    ]

    def span(years: list[int]) -> str:
        return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"

    names = ", ".join(f"{s.name} {span(s.years)}" for s in series)
    title = label("comparison_of", lang, names=names) if series else label("comparison", lang)
    return ComparisonView(lang, title, [c(lang) for c in fw.columns], legend(fw, lang), series, same_year)
