"""The yearly document as Word (.docx): A4, the built-in styles (Title, Heading 1/2, Normal, a table style), so
that a förbund's own styles and a table of contents work; optionally built on the förbund's own template."""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import TolvfaltError
from ..i18n import label
from ..read.source import display_name
from ..text import Span
from . import view as v

TABLE_STYLE = "Table Grid"


def assessment(view: v.DocumentView, docx_template: Path | None = None) -> bytes:
    lang = view.lang
    doc = _document(docx_template)
    if view.place:
        doc.add_paragraph(view.place)
    doc.add_paragraph(view.title, style="Title")
    _prose(doc, view.inledning)
    _grid(doc, view)
    for section in view.sections:
        doc.add_heading(section.heading, level=1)
        for question in section.questions:
            doc.add_heading(question.text, level=2)
            if question.paragraphs:
                for p in question.paragraphs:
                    _paragraph(doc, p)
            else:
                doc.add_paragraph().add_run(label("not_answered", lang)).italic = True
        if section.rating is not None:
            p = doc.add_paragraph()
            p.add_run(f"{label('rating', lang)}: ").bold = True
            p.add_run(section.rating.text)
        _points(doc, section.points)
    _summary(doc, view)
    if view.avslutning:
        doc.add_heading(label("closing", lang), level=1)
        _prose(doc, view.avslutning)
    doc.add_paragraph()
    doc.add_paragraph(view.signature)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


STYLES = ("Title", "Heading 1", "Heading 2", "List Bullet", TABLE_STYLE)
"""The styles the document uses; a letterhead that lacks one gets python-docx's own."""


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
    from ..read.package import open_package

    raw, _ = open_package(template, "docx")  # bounded and checked before python-docx unpacks it
    try:
        doc = docx.Document(io.BytesIO(raw))
    except Exception as exc:
        raise TolvfaltError.one(
            "not_docx", file=display_name(template), detail=str(exc) or type(exc).__name__
        ) from None
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):  # keep the page setup, headers and footers (the letterhead)
            body.remove(child)
    _add_missing_styles(doc, docx.Document())
    return doc


def _add_missing_styles(doc: Any, default: Any) -> None:
    """Copy from python-docx's own template each style the document uses and the letterhead lacks, with the
    styles those are based on or linked to."""
    from docx.oxml.ns import qn

    have = {style.name for style in doc.styles}
    by_id = {style.style_id: style for style in default.styles}
    wanted = [default.styles[name] for name in STYLES if name not in have]
    while wanted:
        style = wanted.pop()
        if style.name in have:
            continue
        doc.styles.element.append(copy.deepcopy(style.element))
        have.add(style.name)
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = style.element.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) in by_id:
                wanted.append(by_id[ref.get(qn("w:val"))])


def _paragraph(doc: Any, paragraph: list[Span], style: str | None = None) -> Any:
    p = doc.add_paragraph(style=style)
    for span in paragraph:
        run = p.add_run(span.text)
        run.bold = span.bold or None
        run.italic = span.italic or None
    return p


def _prose(doc: Any, paragraphs: list[v.Paragraph]) -> None:
    for p in paragraphs:
        _paragraph(doc, p)


def _points(doc: Any, lists: list[v.PointList]) -> None:
    for point_list in lists:
        doc.add_paragraph().add_run(f"{point_list.label}:").bold = True
        for item in point_list.items:
            _paragraph(doc, item, style="List Bullet")


def _cells(table: Any) -> Callable[[int, int], Any]:
    """The table's cells by row and column, read once: ``Table.cell(r, c)`` reads the whole table on every call."""
    every = table._cells
    width = len(table.columns)
    return lambda r, c: every[r * width + c]


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


def _grid(doc: Any, view: v.DocumentView) -> None:
    lang = view.lang
    table = doc.add_table(rows=len(view.grid) + 1, cols=len(view.columns) + 1)
    table.style = TABLE_STYLE
    cell_at = _cells(table)
    for col, column in enumerate(view.columns, start=1):
        _cell_text(cell_at(0, col), [(column, True)], v.DARK)
    for r, row in enumerate(view.grid, start=1):
        _cell_text(cell_at(r, 0), [(row.label, True)], v.DARK)
        for c, grid_cell in enumerate(row.cells, start=1):
            status = grid_cell.answered_text
            if grid_cell.rating.rated:
                status += f" · {grid_cell.rating.text}"
            lines = [(str(grid_cell.number), True), *((q, False) for q in grid_cell.questions), (status, True)]
            cell = cell_at(r, c)
            _cell_text(cell, lines, grid_cell.rating.color)
            if grid_cell.rating.rated:
                _shade(cell, grid_cell.rating.background)
    legend = doc.add_paragraph()
    legend.add_run(f"{label('scale', lang)}: ").bold = True
    legend.add_run(", ".join(r.text for r in view.legend))
    doc.add_paragraph(view.completeness_text)


def _summary(doc: Any, view: v.DocumentView) -> None:
    lang = view.lang
    doc.add_heading(label("summary", lang), level=1)
    doc.add_paragraph(view.completeness_text)
    doc.add_heading(label("points_by_field", lang), level=2)
    for item in view.points_by_field:
        doc.add_paragraph().add_run(item.heading).bold = True
        _points(doc, item.points)
    if not view.points_by_field:
        doc.add_paragraph(label("no_points", lang))
    doc.add_heading(label("insatser_by_field", lang), level=2)
    if not view.mentions:
        doc.add_paragraph(label("no_insatser", lang))
        return
    numbers = view.numbers
    table = doc.add_table(rows=len(view.mentions) + 1, cols=len(numbers) + 1)
    table.style = TABLE_STYLE
    cell_at = _cells(table)
    _cell_text(cell_at(0, 0), [(label("insats", lang), True)], v.DARK)
    for c, n in enumerate(numbers, start=1):
        _cell_text(cell_at(0, c), [(str(n), True)], v.DARK)
    for r, (insats, fields) in enumerate(view.mentions, start=1):
        _cell_text(cell_at(r, 0), [(insats, False)], v.DARK)
        for c, n in enumerate(numbers, start=1):
            if n in fields:
                _cell_text(cell_at(r, c), [("✓", False)], v.DARK)
