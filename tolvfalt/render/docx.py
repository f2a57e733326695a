"""The yearly document as Word (.docx): A4, the built-in styles (Title, Heading 1/2, Normal, a table style), so
that a förbund's own styles and a table of contents work; optionally built on the förbund's own template."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..errors import TolvfaltError
from ..framework import Framework
from ..i18n import Lang, label
from ..model import Assessment, completeness
from ..source import display_name
from ..summary import insats_mentions, points_by_field
from ..text import paragraphs, spans
from . import common
from .html import NEUTRAL, text_color

TABLE_STYLE = "Table Grid"


def render(assessment: Assessment, framework: Framework, lang: Lang = "sv", template: Path | None = None) -> bytes:
    doc = _document(template)
    place = common.place_date(assessment)
    if place:
        doc.add_paragraph(place)
    doc.add_paragraph(common.title(assessment, lang), style="Title")
    _prose(doc, assessment.inledning)
    done = common.completeness_text(completeness(assessment, framework.question_ids), lang)
    _grid(doc, assessment, framework, lang, done)
    for section in common.sections(assessment, framework, lang):
        doc.add_heading(section.heading, level=1)
        for question, paras in section.questions:
            doc.add_heading(question(lang), level=2)
            if paras:
                for p in paras:
                    _paragraph(doc, p)
            else:
                doc.add_paragraph().add_run(label("not_answered", lang)).italic = True
        if section.answers.bedomning is not None:
            p = doc.add_paragraph()
            p.add_run(f"{label('rating', lang)}: ").bold = True
            p.add_run(common.rating_text(framework, section.answers.bedomning, lang))
        _points(doc, common.point_lists(section.answers, lang))
    _summary(doc, assessment, framework, lang, done)
    if assessment.avslutning:
        doc.add_heading(label("closing", lang), level=1)
        _prose(doc, assessment.avslutning)
    doc.add_paragraph()
    doc.add_paragraph(common.signature(assessment))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _document(template: Path | None) -> Any:
    import docx
    from docx.shared import Mm

    if template is None:
        doc = docx.Document()
        for section in doc.sections:
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.left_margin = section.right_margin = Mm(22)
            section.top_margin = section.bottom_margin = Mm(20)
        return doc
    try:
        doc = docx.Document(str(template))
    except Exception as exc:  # python-docx raises several types for a file that is not a .docx
        raise TolvfaltError.one(
            "not_docx", file=display_name(template), detail=str(exc) or type(exc).__name__
        ) from None
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):  # keep the page setup, headers and footers (the letterhead)
            body.remove(child)
    return doc


def _paragraph(doc: Any, text: str, style: str | None = None) -> Any:
    p = doc.add_paragraph(style=style)
    for span in spans(text):
        run = p.add_run(span.text)
        run.bold = span.bold or None
        run.italic = span.italic or None
    return p


def _prose(doc: Any, text: str | None) -> None:
    for p in paragraphs(text or ""):
        _paragraph(doc, p)


def _points(doc: Any, lists: list[tuple[str, list[str]]]) -> None:
    for heading, items in lists:
        doc.add_paragraph().add_run(f"{heading}:").bold = True
        for item in items:
            _paragraph(doc, item, style="List Bullet")


def _shade(cell: Any, color: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _cell_text(cell: Any, lines: list[tuple[str, bool]], color: str) -> None:
    from docx.shared import Pt, RGBColor

    cell.text = ""
    first = cell.paragraphs[0]
    for index, (text, bold) in enumerate(lines):
        p = first if index == 0 else cell.add_paragraph()
        run = p.add_run(text)
        run.bold = bold or None
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())


def _grid(doc: Any, assessment: Assessment, framework: Framework, lang: Lang, done: str) -> None:
    table = doc.add_table(rows=len(framework.rows) + 1, cols=len(framework.columns) + 1)
    table.style = TABLE_STYLE
    for col, column in enumerate(framework.columns, start=1):
        _cell_text(table.cell(0, col), [(column(lang), True)], "#000000")
    for r, (row, cells) in enumerate(zip(framework.rows, framework.grid(), strict=True), start=1):
        _cell_text(table.cell(r, 0), [(row(lang), True)], "#000000")
        for c, field in enumerate(cells, start=1):
            step = framework.scale_step(assessment.rating(field.number))
            background = step.color if step else NEUTRAL
            answered = sum(1 for q in field.questions if assessment.answer(q.id))
            status = label("answered", lang, n=answered, total=len(field.questions))
            if step:
                status += f" · {step.value} {step(lang)}"
            lines = [(str(field.number), True), *((q(lang), False) for q in field.questions), (status, True)]
            cell = table.cell(r, c)
            _cell_text(cell, lines, text_color(background))
            if step:
                _shade(cell, background)
    legend = doc.add_paragraph()
    legend.add_run(f"{label('scale', lang)}: ").bold = True
    legend.add_run(", ".join(f"{s.value} {s(lang)}" for s in framework.scale))
    doc.add_paragraph(done)


def _summary(doc: Any, assessment: Assessment, framework: Framework, lang: Lang, done: str) -> None:
    doc.add_heading(label("summary", lang), level=1)
    doc.add_paragraph(done)
    doc.add_heading(label("points_by_field", lang), level=2)
    gathered = points_by_field(assessment, framework)
    for item in gathered:
        doc.add_paragraph().add_run(framework.heading(item.field, lang)).bold = True
        _points(doc, common.point_lists(assessment.falt[item.field.number], lang))
    if not gathered:
        doc.add_paragraph(label("no_points", lang))
    doc.add_heading(label("insatser_by_field", lang), level=2)
    mentions = insats_mentions(assessment, framework)
    if not mentions:
        doc.add_paragraph(label("no_insatser", lang))
        return
    numbers = [f.number for f in framework.fields]
    table = doc.add_table(rows=len(mentions) + 1, cols=len(numbers) + 1)
    table.style = TABLE_STYLE
    _cell_text(table.cell(0, 0), [(label("insats", lang), True)], "#000000")
    for c, n in enumerate(numbers, start=1):
        _cell_text(table.cell(0, c), [(str(n), True)], "#000000")
    for r, (insats, fields) in enumerate(mentions.items(), start=1):
        _cell_text(table.cell(r, 0), [(insats, False)], "#000000")
        for c, n in enumerate(numbers, start=1):
            if n in fields:
                _cell_text(table.cell(r, c), [("✓", False)], "#000000")
