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
    parties: RatingsTable | None = None
    """In a round: a row per field, a column per year and party (the agreed rating first), side by side."""


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
    series = _with_parties(fw, comp, series, lang)
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

    names = ", ".join(f"{s.name} {span(s.years)}" for s in series)  # each förbund once: its parties are inside
    title = label("comparison_of", lang, names=names) if series else label("comparison", lang)
    return ComparisonView(lang, title, [c(lang) for c in fw.columns], legend(fw, lang), series, same_year)


def _with_parties(fw: Framework, comp: Comparison, views: list[SeriesView], lang: Lang) -> list[SeriesView]:
    """The parties of a förbund's rounds beside its agreed ratings in one table, their changes under its own;
    a förbund is named once."""
    out = []
    for view, s in zip(views, comp.series, strict=True):
        if s.respondent is not None and any(o.forbund == s.forbund and o.respondent is None for o in comp.series):
            continue  # shown inside its förbund's series
        if s.respondent is not None:
            out.append(view)
            continue
        parties = [(o, v) for o, v in zip(comp.series, views, strict=True) if o.forbund == s.forbund and o.respondent]
        if not parties:
            out.append(view)
            continue
        years = sorted({e.ar for member in [s, *(o for o, _ in parties)] for e in member.entries})
        columns: list[tuple[str, Digest | None]] = []
        for year in years:
            for name, member in [(label("agreed_short", lang), s), *((o.respondent or "", o) for o, _ in parties)]:
                entry = next((e for e in member.entries if e.ar == year), None)
                if entry is not None or member is s:
                    columns.append((f"{year} {name}", entry))
        rows = [
            RatingsRow(
                f.number,
                short_heading(fw, f, lang),
                short_heading(fw, f, lang).split(" ", 1)[1],
                [rating(fw, e.rating(f.number) if e else None, lang) for _, e in columns],
                "",
            )
            for f in fw.fields
        ]
        done = [e.completeness if e else None for _, e in columns]
        table = RatingsTable(
            [h for h, _ in columns],
            [entry_label(e) if e else h for h, e in columns],
            rows,
            [f"{len(c.answered)}/{c.total}" if c else "–" for c in done],
            [len(c.answered) / c.total if c and c.total else 0.0 for c in done],
            False,
        )
        steps = [
            *view.steps,
            *(st._replace(title=f"{st.title} ({o.respondent})") for o, v in parties for st in v.steps),
        ]
        out.append(view._replace(steps=steps, parties=table))
    return out
