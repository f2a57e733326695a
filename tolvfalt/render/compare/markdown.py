"""The comparison as Markdown: ratings per year, what changed, förbund side by side."""

from __future__ import annotations

from ...compare import Comparison, Entry
from ...i18n import Lang, label
from ..markdown import cell, escape, table
from .common import change_lines, rating_or_dash, short_heading, trend


def ratings_table(comparison: Comparison, entries: list[Entry], headers: list[str], lang: Lang, arrows: bool) -> str:
    fw = comparison.framework
    rows = []
    for field in fw.fields:
        ratings = [e.assessment.rating(field.number) for e in entries]
        row = [cell(short_heading(fw, field, lang)), *(rating_or_dash(r) for r in ratings)]
        rows.append([*row, trend(ratings)] if arrows else row)
    answered = [f"{len(e.completeness.answered)}/{e.completeness.total}" for e in entries]
    rows.append([f"*{label('answered_row', lang)}*", *answered, *([""] if arrows else [])])
    return table([label("field", lang), *map(cell, headers), *([label("trend", lang)] if arrows else [])], rows)


def render(comparison: Comparison, lang: Lang = "sv") -> str:
    fw = comparison.framework
    out = [f"# {label('comparison', lang)}"]
    for series in comparison.series:
        out.append(f"## {escape(series.name)}")
        out.append(f"### {label('ratings_over_years', lang)}")
        out.append(
            ratings_table(comparison, series.entries, [str(e.assessment.ar) for e in series.entries], lang, True)
        )
        for step in series.steps:
            out.append(
                f"### {label('changes', lang, before=step.before.assessment.ar, after=step.after.assessment.ar)}"
            )
            if not step.changes:
                out.append(label("no_changes", lang))
            for change in step.changes:
                lines = change_lines(change, lang, step.before.assessment.ar)
                out.append(f"**{escape(fw.heading(fw.by_number[change.field], lang))}**\n\n"
                           + "\n".join(f"- {escape(line)}" for _, line in lines))  # fmt: skip
    for year, entries in comparison.same_year.items():
        out.append(f"## {label('same_year', lang, år=year)}")
        out.append(ratings_table(comparison, entries, [e.label for e in entries], lang, False))
    return "\n\n".join(out) + "\n"
