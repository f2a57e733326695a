"""The comparison for a terminal: coloured ratings per year with a trend arrow, then the changes."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ...compare import Comparison, Entry
from ...i18n import Lang, label
from .common import change_lines, short_heading, trend

STYLES = {"unchanged": "yellow", "new_brister": "red", "gone_brister": "green"}


def _rating(comparison: Comparison, value: int | None) -> Text:
    step = comparison.framework.scale_step(value)
    return Text(f" {value} ", style=f"bold black on {step.color}") if step else Text("–", style="dim")


def ratings_table(comparison: Comparison, entries: list[Entry], headers: list[str], lang: Lang, title: str) -> Table:
    fw = comparison.framework
    table = Table(title=title, title_justify="left", title_style="bold")
    table.add_column(label("field", lang))
    for header in headers:
        table.add_column(header, justify="center")
    arrows = len(entries) > 1 and len({e.assessment.forbund for e in entries}) == 1
    if arrows:
        table.add_column(label("trend", lang), justify="center")
    for field in fw.fields:
        ratings = [e.assessment.rating(field.number) for e in entries]
        cells: list[Text | str] = [short_heading(fw, field, lang), *(_rating(comparison, r) for r in ratings)]
        table.add_row(*cells, *([trend(ratings)] if arrows else []))
    answered = [f"{len(e.completeness.answered)}/{e.completeness.total}" for e in entries]
    table.add_row(Text(label("answered_row", lang), style="italic"), *answered, *([""] if arrows else []))
    return table


def render(comparison: Comparison, lang: Lang = "sv") -> RenderableType:
    fw = comparison.framework
    parts: list[RenderableType] = []
    for series in comparison.series:
        years = [str(e.assessment.ar) for e in series.entries]
        parts.append(
            ratings_table(
                comparison, series.entries, years, lang, f"{series.name}: {label('ratings_over_years', lang)}"
            )
        )
        for step in series.steps:
            title = label("changes", lang, before=step.before.assessment.ar, after=step.after.assessment.ar)
            parts.append(Text(f"{series.name}: {title}", style="bold"))
            if not step.changes:
                parts.append(Text("  " + label("no_changes", lang)))
            for change in step.changes:
                parts.append(Text("  " + fw.heading(fw.by_number[change.field], lang), style="cyan"))
                for kind, line in change_lines(change, lang, step.before.assessment.ar):
                    parts.append(Text(f"    • {line}", style=STYLES.get(kind, "")))
            parts.append(Text())
    for year, entries in comparison.same_year.items():
        parts.append(ratings_table(comparison, entries, [e.assessment.forbund for e in entries], lang,
                                   label("same_year", lang, år=year)))  # fmt: skip
    return Group(*parts)


def render_text(comparison: Comparison, lang: Lang = "sv", width: int = 110) -> str:
    from ..terminal import plain_text

    return plain_text(render(comparison, lang), width)
