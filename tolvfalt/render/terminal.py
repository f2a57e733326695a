"""The assessment for a terminal: a header, the grid with answered counts and ratings, then the narrative."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..framework import Framework
from ..i18n import Lang, label
from ..model import Assessment, completeness
from ..text import paragraphs, spans
from . import common


def styled(paragraph: str) -> Text:
    text = Text()
    for span in spans(paragraph):
        text.append(span.text, style="bold" if span.bold else "italic" if span.italic else "")
    return text


def rating_badge(framework: Framework, value: int | None, lang: Lang) -> Text:
    step = framework.scale_step(value)
    if step is None:
        return Text(label("not_rated", lang), style="dim")
    return Text(f" {common.rating_text(framework, value, lang)} ", style=f"bold black on {step.color}")


def header(assessment: Assessment, lang: Lang) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for key, value in (
        ("förbund", assessment.forbund),
        ("år", str(assessment.ar)),
        ("ort", assessment.ort),
        ("datum", assessment.datum.isoformat() if assessment.datum else None),
        ("författare", assessment.forfattare),
    ):
        if value:
            table.add_row(label(key, lang), value)
    return table


def grid(assessment: Assessment, framework: Framework, lang: Lang) -> Table:
    table = Table(show_lines=True, expand=True, title=label("grid", lang), title_style="bold")
    row_labels = [row(lang).replace("/", "/\n") for row in framework.rows]
    widest = max(len(line) for text in row_labels for line in text.split("\n"))
    table.add_column("", style="bold", min_width=widest)
    for column in framework.columns:
        table.add_column(column(lang), ratio=3)
    for row_label, cells in zip(row_labels, framework.grid(), strict=True):
        rendered = []
        for field in cells:
            answered = sum(1 for q in field.questions if assessment.answer(q.id))
            cell = Text(f"{field.number} ", style="bold")
            cell.append(" ".join(q(lang) for q in field.questions), style="dim")
            count_style = "green" if answered == len(field.questions) else "yellow" if answered else "red"
            cell.append(
                "\n" + label("answered", lang, n=answered, total=len(field.questions)) + "  ", style=count_style
            )
            if assessment.rating(field.number) is not None:
                cell.append_text(rating_badge(framework, assessment.rating(field.number), lang))
            rendered.append(cell)
        table.add_row(row_label, *rendered)
    return table


def render(assessment: Assessment, framework: Framework, lang: Lang = "sv") -> RenderableType:
    parts: list[RenderableType] = [
        Text(common.title(assessment, lang), style="bold underline"),
        header(assessment, lang),
    ]
    parts.extend(styled(p) for p in paragraphs(assessment.inledning or ""))
    parts.append(grid(assessment, framework, lang))
    done = completeness(assessment, framework.question_ids)
    parts.append(Text(common.completeness_text(done, lang), style="green" if done.complete else "yellow"))
    for section in common.sections(assessment, framework, lang):
        parts.append(Rule(section.heading, align="left", style="cyan"))
        for question, paras in section.questions:
            parts.append(Text(question(lang), style="bold"))
            parts.extend([styled(p) for p in paras] or [Text(label("not_answered", lang), style="italic red")])
            parts.append(Text())
        if section.answers.bedomning is not None:
            parts.append(
                Text(f"{label('rating', lang)}: ").append_text(rating_badge(framework, section.answers.bedomning, lang))
            )
        for heading, items in common.point_lists(section.answers, lang):
            parts.append(Text(heading, style="bold"))
            parts.extend(Text("  • ").append_text(styled(item)) for item in items)
    if assessment.avslutning:
        parts.append(Rule(label("closing", lang), align="left", style="cyan"))
        parts.extend(styled(p) for p in paragraphs(assessment.avslutning))
    parts.append(Text(common.signature(assessment), style="italic"))
    return Group(*parts)


def render_text(assessment: Assessment, framework: Framework, lang: Lang = "sv", width: int = 100) -> str:
    """The terminal view as plain text, for a file or a pipe."""
    return plain_text(render(assessment, framework, lang), width)


def plain_text(renderable: RenderableType, width: int = 100) -> str:
    from rich.console import Console

    console = Console(width=width, record=True, file=_Null(), color_system=None)
    console.print(renderable)
    return console.export_text()


class _Null:
    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass
