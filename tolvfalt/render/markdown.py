"""The yearly document as Markdown, in the shape of the 2009 kartläggning."""

from __future__ import annotations

import re

from ..framework import Framework
from ..i18n import Lang, label
from ..model import Assessment, Completeness, FieldAnswers, completeness
from ..text import paragraphs, spans
from . import common

_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_LINE_START = re.compile(r"^(#|[+-] |\d+[.)] )")


def escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(r"\\\1", text)


def cell(text: str) -> str:
    return escape(text).replace("|", "\\|")


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells are expected escaped already."""
    lines = ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def inline(paragraph: str) -> str:
    out = []
    for span in spans(paragraph):
        text = _SPECIAL.sub(r"\\\1", span.text)
        out.append(f"**{text}**" if span.bold else f"*{text}*" if span.italic else text)
    return _LINE_START.sub(r"\\\1", "".join(out))


def prose(text: str | None) -> list[str]:
    return [inline(p) for p in paragraphs(text or "")]


def render(assessment: Assessment, framework: Framework, lang: Lang = "sv") -> str:
    out: list[str] = []
    place = common.place_date(assessment)
    if place:
        out.append(escape(place))
    out.append(f"# {escape(common.title(assessment, lang))}")
    out.extend(prose(assessment.inledning))
    done = completeness(assessment, framework.question_ids)
    out.append(grid_table(assessment, framework, lang, done))
    not_answered = f"*{label('not_answered', lang)}*"
    for section in common.sections(assessment, framework, lang):
        out.append(f"## {escape(section.heading)}")
        for question, paras in section.questions:
            out.append(f"### {escape(question(lang))}")
            out.extend([inline(p) for p in paras] or [not_answered])
        out.extend(field_points(section.answers, framework, lang))
    out.extend(summary(assessment, framework, lang, done))
    if assessment.avslutning:
        out.append(f"## {label('closing', lang)}")
        out.extend(prose(assessment.avslutning))
    out.append(escape(common.signature(assessment)))
    return "\n\n".join(out) + "\n"


def field_points(answers: FieldAnswers, framework: Framework, lang: Lang, rating: bool = True) -> list[str]:
    out = []
    if rating and answers.bedomning is not None:
        out.append(f"**{label('rating', lang)}:** {escape(common.rating_text(framework, answers.bedomning, lang))}")
    for heading, items in common.point_lists(answers, lang):
        out.append(f"**{heading}:**\n\n" + "\n".join(f"- {inline(item)}" for item in items))
    return out


def grid_table(assessment: Assessment, framework: Framework, lang: Lang, done: Completeness) -> str:
    header = "| | " + " | ".join(cell(c(lang)) for c in framework.columns) + " |"
    rule = "|---" * (len(framework.columns) + 1) + "|"
    rows = []
    for row, cells in zip(framework.rows, framework.grid(), strict=True):
        texts = []
        for field in cells:
            questions = " ".join(cell(q(lang)) for q in field.questions)
            rating = assessment.rating(field.number)
            mark = f" *({cell(common.rating_text(framework, rating, lang))})*" if rating is not None else ""
            texts.append(f"**{field.number}** {questions}{mark}")
        rows.append(f"| **{cell(row(lang))}** | " + " | ".join(texts) + " |")
    legend = ", ".join(f"{s.value} {s(lang)}" for s in framework.scale)
    return "\n".join([header, rule, *rows]) + (
        f"\n\n*{escape(common.completeness_text(done, lang))}. {label('scale', lang)}: {escape(legend)}.*"
    )


def summary(assessment: Assessment, framework: Framework, lang: Lang, done: Completeness) -> list[str]:
    from ..summary import insats_mentions, points_by_field

    out = [f"## {label('summary', lang)}"]
    out.append(escape(common.completeness_text(done, lang)) + ".")
    out.append(f"### {label('points_by_field', lang)}")
    gathered = points_by_field(assessment, framework)
    for item in gathered:
        out.append(f"**{escape(framework.heading(item.field, lang))}**")
        out.extend(field_points(assessment.falt[item.field.number], framework, lang, rating=False))
    if not gathered:
        out.append(label("no_points", lang))
    out.append(f"### {label('insatser_by_field', lang)}")
    mentions = insats_mentions(assessment, framework)
    if mentions:
        numbers = [f.number for f in framework.fields]
        rows = [[cell(insats), *("✓" if n in fields else "" for n in numbers)] for insats, fields in mentions.items()]
        out.append(table([label("insats", lang), *map(str, numbers)], rows))
    else:
        out.append(label("no_insatser", lang))
    return out
