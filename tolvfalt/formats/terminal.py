"""The terminal: the assessment (header, grid with answered counts and ratings, narrative), the comparison, the
merged view and check results. No user text is ever read as rich markup."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..i18n import Lang, label
from .view.common import Paragraph, PointList
from .view.document import DocumentView
from .view.rating import Rating

if TYPE_CHECKING:
    from .view.comparison import ComparisonView, RatingsTable
    from .view.merged import MergedView
    from .view.status import StatusView

CHANGE_STYLES = {"unchanged": "yellow", "new_brister": "red", "gone_brister": "green"}


def styled(paragraph: Paragraph) -> Text:
    text = Text()
    for span in paragraph:
        text.append(span.text, style="bold" if span.bold else "italic" if span.italic else "")
    return text


class Indented:
    """Paragraphs indented as a whole: a line that wraps keeps the indent, and no line gets trailing spaces (as a
    ``Padding`` would give it)."""

    def __init__(self, paragraphs: list[Text], by: int = 2) -> None:
        self.paragraphs = paragraphs
        self.by = by

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        for paragraph in self.paragraphs:
            for line in paragraph.wrap(console, max(options.max_width - self.by, 1)):
                line.rstrip()
                yield Text(" " * self.by).append_text(line)


def voice_of(name: str, paragraphs: list[Paragraph], lang: Lang) -> list[RenderableType]:
    """One party's answer under its name, indented as a whole."""
    answer = [styled(p) for p in paragraphs] or [Text(label("not_answered", lang), style="italic red")]
    return [Text(f"  {name}:", style="underline"), Indented(answer)]


def party_points(name: str, lists: list[PointList]) -> list[Text]:
    """One party's brister, möjligheter and åtgärder of a field, under its name."""
    lines = [Text(name, style="bold")]
    for point_list in lists:
        lines.append(Text(f"  {point_list.label}", style="bold"))
        lines.extend(Text("    • ").append_text(styled(item)) for item in point_list.items)
    return lines


def badge(rating: Rating, text: str | None = None) -> Text:
    if not rating.rated:
        return Text(rating.short if text == "short" else rating.text, style="dim")
    shown = rating.short if text == "short" else rating.text
    return Text(f" {shown} ", style=f"bold {rating.color} on {rating.background}")


# --- the yearly document ----------------------------------------------------------------------------------------


def header(doc: DocumentView) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for key, value in doc.metadata:
        table.add_row(Text(key), Text(value))
    return table


def grid(doc: DocumentView) -> Table:
    lang = doc.lang
    table = Table(show_lines=True, expand=True, title=label("grid", lang), title_style="bold")
    row_labels = [row.label.replace("/", "/\n") for row in doc.grid]
    widest = max(len(line) for text in row_labels for line in text.split("\n"))
    table.add_column("", style="bold", min_width=widest)
    for column in doc.columns:
        table.add_column(Text(column), ratio=3, overflow="fold")  # a long word folds, never cut off
    for row_label, row in zip(row_labels, doc.grid, strict=True):
        rendered = []
        for c in row.cells:
            cell = Text(f"{c.number} ", style="bold")
            cell.append(" ".join(c.questions), style="dim")
            count_style = "green" if c.answered == c.total else "yellow" if c.answered else "red"
            cell.append("\n" + c.answered_text + "  ", style=count_style)
            if c.rating.rated:
                cell.append_text(badge(c.rating))
            rendered.append(cell)
        table.add_row(Text(row_label), *rendered)
    return table


def assessment(doc: DocumentView) -> RenderableType:
    lang = doc.lang
    parts: list[RenderableType] = [Text(doc.title, style="bold underline"), header(doc)]
    parts.extend(styled(p) for p in doc.inledning)
    parts.append(grid(doc))
    parts.append(Text(doc.completeness_text, style="green" if doc.completeness.complete else "yellow"))
    for section in doc.sections:
        parts.append(Rule(Text(section.heading), align="left", style="cyan"))
        if section.analys:
            parts.append(Text(label("analys", lang), style="bold"))
            parts.extend(styled(p) for p in section.analys)
            parts.append(Text())
        for question in section.questions:
            parts.append(Text(question.text, style="bold"))
            paras = [styled(p) for p in question.paragraphs]
            if paras or not question.voices:
                parts.extend(paras or [Text(label("not_answered", lang), style="italic red")])
            for name, voice in question.voices:
                parts.extend(voice_of(name, voice, lang))
            parts.append(Text())
        if section.rating is not None:
            line = Text(f"{label('rating', lang)}: ").append_text(badge(section.rating))
            if section.note:
                line.append(f"  {section.note}", style="bold red")
            parts.append(line)
        if section.party_ratings:
            shown = " · ".join(f"{name} {r.short}" for name, r in section.party_ratings)
            parts.append(Text(f"{label('parties_ratings', lang)}: {shown}"))
        for point_list in section.points:
            parts.append(Text(point_list.label, style="bold"))
            parts.extend(Text("  • ").append_text(styled(item)) for item in point_list.items)
        for name, paragraphs in section.party_analys:
            parts.append(Text(f"{label('analys', lang)}: {name}", style="bold"))
            parts.append(Indented([styled(p) for p in paragraphs]))
        for name, lists in section.party_points:
            parts.extend(party_points(name, lists))
    if doc.avslutning:
        parts.append(Rule(label("closing", lang), align="left", style="cyan"))
        parts.extend(styled(p) for p in doc.avslutning)
    parts.append(Text(doc.signature, style="italic"))
    return Group(*parts)


# --- the comparison ---------------------------------------------------------------------------------------------


def ratings_table(t: RatingsTable, lang: Lang, title: str) -> Table:
    table = Table(title=Text(title, style="bold"), title_justify="left")
    table.add_column(label("field", lang))
    for h in t.headers:
        table.add_column(Text(h), justify="center")
    arrows = t.trend_column and len(t.headers) > 1
    if arrows:
        table.add_column(label("trend", lang), justify="center")
    for row in t.rows:
        cells: list[Text | str] = [Text(row.name), *(badge(r, "short") for r in row.ratings)]
        table.add_row(*cells, *([row.trend] if arrows else []))
    table.add_row(Text(label("answered_row", lang), style="italic"), *t.answered, *([""] if arrows else []))
    return table


def parties_table(t: RatingsTable, title: str) -> Table:
    """A round's parties over the years, a row per year and party and a column per field: it reads at 80 columns."""
    table = Table(title=Text(title, style="bold"), title_justify="left", padding=(0, 0))
    table.add_column("", overflow="fold", min_width=min(max((len(h) for h in t.headers), default=4), 30))
    for row in t.rows:
        table.add_column(str(row.number), justify="center", width=3)
    for i, header in enumerate(t.headers):
        table.add_row(Text(header), *(badge(row.ratings[i], "short") for row in t.rows))
    return table


def comparison(c: ComparisonView) -> RenderableType:
    lang = c.lang
    parts: list[RenderableType] = []
    for series in c.series:
        parts.append(ratings_table(series.table, lang, f"{series.name}: {label('ratings_over_years', lang)}"))
        if series.parties is not None:
            parts.append(parties_table(series.parties, f"{series.name}: {label('parties_over_years', lang)}"))
        for step in series.steps:
            parts.append(Text(f"{series.name}: {step.title}", style="bold"))
            if not step.changes:
                parts.append(Text("  " + label("no_changes", lang), style="dim"))
            for change in step.changes:
                parts.append(Text("  " + change.heading, style="cyan"))
                for kind, line in change.lines:
                    parts.append(Text(f"    • {line}", style=CHANGE_STYLES.get(kind, "")))
            parts.append(Text())
    for _, title, t in c.same_year:
        parts.append(ratings_table(t, lang, title))
    return Group(*parts)


# --- several respondents ----------------------------------------------------------------------------------------


def merged(m: MergedView) -> RenderableType:
    """First a field a line with each party's rating under it (readable at 80 columns, names never cut), then each
    field's answers under each party's name and each party's points."""
    lang = m.lang
    parts: list[RenderableType] = [Text(m.title, style="bold"), Text()]
    for s in m.spreads:
        parts.append(Text(s.name, style="bold"))
        line = Text("  " + " · ".join(f"{name} {r}" for name, r in zip(m.names, s.ratings, strict=True)))
        if s.span:
            line.append(f"  ({label('spread', lang).lower()} {s.span})")
        parts.append(line)
        if s.disagreement:
            parts.append(Text("  " + label("disagreement", lang), style="bold red"))
    for f in m.fields:
        parts.append(Rule(Text(f.heading), align="left", style="cyan"))
        for question in f.questions:
            parts.append(Text(question.text, style="bold"))
            for name, paras in question.answers:
                parts.extend(voice_of(name, paras, lang))
            parts.append(Text())
        for name, lists in f.points:
            parts.extend(party_points(name, lists))
    return Group(*parts)


def status(view: StatusView) -> RenderableType:
    """One row per expected respondent (and per file nobody expected): returned, how complete, problems."""
    table = Table(title=Text(view.title, style="bold"), title_justify="left")
    widest = max((len(r.who) for r in view.rows), default=10)
    table.add_column(view.columns[0], min_width=min(widest, 40), overflow="fold")
    for column in view.columns[1:-1]:
        table.add_column(column)
    table.add_column(view.columns[-1], overflow="fold", max_width=60)
    for r in view.rows:
        table.add_row(
            Text(r.who),
            Text(r.returned_text, style="green" if r.ok else "yellow"),
            r.answered,
            r.rated,
            Text(r.problem, style="red"),
        )
    if view.late is None:
        return table
    return Group(table, Text(view.late, style="yellow"))


def check(lines: list[str]) -> RenderableType:
    return Group(*(Text(line) for line in lines))


# --- as plain text ----------------------------------------------------------------------------------------------


def plain_text(renderable: RenderableType, width: int = 100) -> str:
    """What the terminal would show, as plain text, for a file or a pipe."""
    import io

    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO(), color_system=None, markup=False, emoji=False)
    console.print(renderable)
    return console.export_text()
