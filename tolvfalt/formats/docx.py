"""The yearly document as Word (.docx), in the house style of the HTML and PDF: A4, Word's own styles (Title,
Heading 1–4, Normal, List Bullet, Table Grid) set to one type scale, real headings, tables with repeated header
rows and descriptions, the document's language, title and author, page numbers and the title in the footer;
optionally built on the förbund's own letterhead (its styles, page setup, header and footer)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from ..errors import TolvfaltError
from ..i18n import LANG_TAGS, Lang, label
from ..read.source import display_name
from ..text import Span
from . import house, ooxml
from .view.common import Paragraph
from .view.document import DocumentView

TABLE_STYLE = "Table Grid"
STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Bullet", TABLE_STYLE)
"""The styles the document uses; a letterhead that lacks one gets python-docx's own."""
FONT = "Arial"
INK, ACCENT, HEAD = house.ooxml(house.INK), house.ooxml(house.ACCENT), house.ooxml(house.HEAD)
SIZES = {"Normal": 10.5, "Title": 21, "Heading 1": 15, "Heading 2": 11.5, "Heading 3": 10.5, "Heading 4": 10}


def assessment(view: DocumentView, docx_template: Path | None = None) -> bytes:
    lang = view.lang
    doc = _document(docx_template, view)
    if view.draft:
        ooxml.add_run(ooxml.append_paragraph(doc), label("draft", lang)).bold = True
    if view.place:
        ooxml.append_paragraph(doc, text=view.place)
    ooxml.append_paragraph(doc, "Title", view.title)
    ooxml.append_paragraph(doc, text=view.forbund)
    for line in view.references:
        ooxml.append_paragraph(doc, text=line)
    _board_summary(doc, view)
    doc.add_page_break()
    ooxml.heading(doc, label("contents", lang), 1)
    for _, heading in view.contents:
        ooxml.append_paragraph(doc, "List Bullet", heading)
    if view.inledning or view.party_intros:
        ooxml.heading(doc, label("inledning", lang), 1)
        _prose(doc, view.inledning)
        for name, paragraphs in view.party_intros:
            ooxml.heading(doc, name, 2)
            _prose(doc, paragraphs)
    _grid_page(doc, view)
    for section in view.sections:
        ooxml.heading(doc, section.heading, 1)
        if section.analys:
            ooxml.heading(doc, label("analys", lang), 2)
            _prose(doc, section.analys)
        for question in section.questions:
            ooxml.heading(doc, question.text, 2)
            _prose(doc, question.paragraphs)
            if not question.paragraphs and not question.voices:
                ooxml.add_run(ooxml.append_paragraph(doc), label("not_answered", lang)).italic = True
            for name, paragraphs in question.voices:
                ooxml.heading(doc, name, 3)
                _prose(doc, paragraphs)
                if not paragraphs:
                    ooxml.add_run(ooxml.append_paragraph(doc), label("not_answered", lang)).italic = True
        if section.rating is not None:
            p = ooxml.append_paragraph(doc, text=f"{label('rating', lang)}: ")
            ooxml.add_run(p, section.rating.text).bold = True
            if section.note:
                ooxml.add_run(p, f" ({section.note})").bold = True
        if section.party_ratings:
            parties = " · ".join(f"{name} {r.short}" for name, r in section.party_ratings)
            ooxml.append_paragraph(doc, text=f"{label('parties_ratings', lang)}: {parties}")
        for point_list in section.points:
            ooxml.heading(doc, point_list.label, 2)
            for item in point_list.items:
                _paragraph(doc, item, style="List Bullet")
        for name, paragraphs in section.party_analys:
            ooxml.heading(doc, f"{label('analys', lang)}: {name}", 2)
            _prose(doc, paragraphs)
        for name, lists in section.party_points:
            ooxml.heading(doc, name, 2)
            for point_list in lists:
                ooxml.heading(doc, point_list.label, 3)
                for item in point_list.items:
                    _paragraph(doc, item, style="List Bullet")
    follow_ups = [s for s in view.sections if s.follow_ups]
    if follow_ups:
        ooxml.heading(doc, label("follow_up", lang), 1)
        for section in follow_ups:
            ooxml.heading(doc, section.heading, 2)
            for follow_up in section.follow_ups:
                comment = f". {follow_up.comment}" if follow_up.comment else ""
                _paragraph(doc, [Span(f"{follow_up.action}: {follow_up.status}{comment}")], style="List Bullet")
    _insatser(doc, view)
    if view.avslutning:
        ooxml.heading(doc, label("closing", lang), 1)
        _prose(doc, view.avslutning)
    ooxml.append_paragraph(doc)
    for line in view.signature_lines:
        ooxml.append_paragraph(doc, text=line).paragraph_format.space_after = 0
    _properties(doc, view)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --- parts of the document --------------------------------------------------------------------------------------


def _board_summary(doc: Any, view: DocumentView) -> None:
    lang = view.lang
    ooxml.heading(doc, label("summary_for_board", lang), 1)
    if view.round is None:  # a round's summary has its table of ratings party by party instead of the grid
        _summary_grid(doc, view)
        ooxml.append_paragraph(doc, text=view.completeness_text + ".")
    else:
        _round(doc, view)
        _legend(doc, view)
    if view.sammanfattning:
        ooxml.heading(doc, label("own_summary", lang), 2)
        _prose(doc, view.sammanfattning)
    ooxml.heading(doc, label("key_points", lang), 2)
    for item in view.key_points:
        ooxml.heading(doc, item.heading, 3)
        for point_list in item.points:
            ooxml.heading(doc, point_list.label, 4)
            for entry in point_list.items:
                _paragraph(doc, entry, style="List Bullet")
    if not view.key_points:
        ooxml.append_paragraph(doc, text=label("no_key_points", lang))
    if view.changes is not None:
        ooxml.heading(doc, view.changes.title, 2)
        for change in view.changes.changes:
            ooxml.heading(doc, change.heading, 3)
            for _, line in change.lines:
                _paragraph(doc, [Span(line)], style="List Bullet")
        if not view.changes.changes:
            ooxml.append_paragraph(doc, text=label("no_changes", lang))


def _summary_grid(doc: Any, view: DocumentView) -> None:
    lang = view.lang
    rows = [
        [(c.number, f"{c.number} · {c.rating.text}", c.answered_text, c.rating) for c in row.cells] for row in view.grid
    ]
    table = ooxml.table(
        doc, len(view.grid) + 1, len(view.columns) + 1, label("summary_grid_caption", lang), TABLE_STYLE
    )
    cell_at = ooxml.cells(table)
    for col, column in enumerate(view.columns, start=1):
        ooxml.cell_text(cell_at(0, col), [(column, True)], INK, HEAD)
    for r, (row, cells) in enumerate(zip(view.grid, rows, strict=True), start=1):
        ooxml.cell_text(cell_at(r, 0), [(row.label, True)], INK, HEAD)
        for c, (_, text, answered, rating) in enumerate(cells, start=1):
            ooxml.cell_text(
                cell_at(r, c), [(text, True), (answered, False)], rating.color.lstrip("#"), rating.background
            )
    _legend(doc, view)


def _round(doc: Any, view: DocumentView) -> None:
    """Who took part and how fully, who did not, and the ratings party by party."""
    lang, r = view.lang, view.round
    assert r is not None
    ooxml.heading(doc, label("parties_took_part", lang), 2)
    for party in r.parties:
        ooxml.append_paragraph(doc, "List Bullet", party.text)
    if r.absent_text:
        ooxml.append_paragraph(doc, text=r.absent_text)
    table = _table(doc, len(r.rows) + 1, len(r.headers) + 1, label("round_ratings_caption", lang))
    cell_at = ooxml.cells(table)
    _widths(table, cell_at, first=64, total=174)
    for col, header in enumerate([label("field", lang), *r.headers]):
        ooxml.cell_text(cell_at(0, col), [(header, True)], INK, HEAD)
    for i, row in enumerate(r.rows, start=1):
        ooxml.cell_text(cell_at(i, 0), [(row.name, True)], INK, HEAD)
        for col, rating in enumerate(row.parties, start=1):
            ooxml.cell_text(cell_at(i, col), [(rating.short, False)], INK)
        agreed = row.agreed
        background = agreed.background if agreed.rated else None
        ooxml.cell_text(cell_at(i, len(row.parties) + 1), [(agreed.short, True)], agreed.color.lstrip("#"), background)
        if row.last_year is not None:
            ooxml.cell_text(cell_at(i, len(row.parties) + 2), [(f"{row.last_year.short} {row.trend}", False)], INK)
    for row in r.rows:
        if row.disagreement:
            p = ooxml.append_paragraph(doc, "List Bullet")
            ooxml.add_run(p, f"{row.name}: ").bold = True
            ooxml.add_run(p, row.disagreement)


def _widths(table: Any, cell_at: Any, *, first: float, total: float) -> None:
    """The first column ``first`` mm wide, the rest sharing what is left of ``total`` mm."""
    from docx.shared import Mm

    table.autofit = False
    columns = len(table.columns)
    rest = (total - first) / max(columns - 1, 1)
    for c, column in enumerate(table.columns):  # the grid LibreOffice reads, and each cell's width Word reads
        column.width = Mm(first if c == 0 else rest)
    for r in range(len(table.rows)):
        for c in range(columns):
            cell_at(r, c).width = Mm(first if c == 0 else rest)


def _legend(doc: Any, view: DocumentView) -> None:
    p = ooxml.append_paragraph(doc)
    ooxml.add_run(p, f"{label('legend', view.lang)}: ").bold = True
    for rating in view.legend:
        run = ooxml.add_run(p, f" {rating.text} ")
        ooxml.shade_run(run, rating.background, rating.color)
        ooxml.add_run(p, " ")
    ooxml.add_run(p, label("not_rated", view.lang))


def _grid_page(doc: Any, view: DocumentView) -> None:
    """The grid with its questions on a landscape page of its own."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    lang = view.lang
    # The section objects name the body's last sectPr, which add_section moves on: keep the sizes, not the object.
    width, height = doc.sections[-1].page_width, doc.sections[-1].page_height
    wide = doc.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = height, width
    ooxml.heading(doc, label("grid", lang), 1)
    table = _table(doc, len(view.grid) + 1, len(view.columns) + 1, label("grid_caption", lang))
    cell_at = ooxml.cells(table)
    for col, column in enumerate(view.columns, start=1):
        ooxml.cell_text(cell_at(0, col), [(column, True)], INK, HEAD)
    for r, row in enumerate(view.grid, start=1):
        ooxml.cell_text(cell_at(r, 0), [(row.label, True)], INK, HEAD)
        for c, grid_cell in enumerate(row.cells, start=1):
            status = grid_cell.answered_text
            if grid_cell.rating.rated:
                status += f" · {grid_cell.rating.text}"
            lines = [(str(grid_cell.number), True), *((q, False) for q in grid_cell.questions), (status, True)]
            rating = grid_cell.rating
            ooxml.cell_text(cell_at(r, c), lines, rating.color.lstrip("#"), rating.background if rating.rated else None)
    _legend(doc, view)
    ooxml.append_paragraph(doc, text=view.completeness_text)
    back = doc.add_section(WD_SECTION.NEW_PAGE)
    back.orientation = WD_ORIENT.PORTRAIT
    back.page_width, back.page_height = width, height


def _insatser(doc: Any, view: DocumentView) -> None:
    from docx.shared import Mm

    lang = view.lang
    ooxml.heading(doc, label("insatser_by_field", lang), 1)
    if not view.mentions:
        ooxml.append_paragraph(doc, text=label("no_insatser", lang))
        return
    numbers = view.numbers
    table = _table(doc, len(view.mentions) + 1, len(numbers) + 1, label("insatser_caption", lang))
    table.autofit = False
    widths = [Mm(58), *([Mm(108 / len(numbers))] * len(numbers))]
    cell_at = ooxml.cells(table)
    for r in range(len(view.mentions) + 1):
        for c, width in enumerate(widths):
            cell_at(r, c).width = width
    ooxml.cell_text(cell_at(0, 0), [(label("insats", lang), True)], INK, HEAD)
    for c, n in enumerate(numbers, start=1):
        ooxml.cell_text(cell_at(0, c), [(str(n), True)], INK, HEAD)
    for r, (insats, fields) in enumerate(view.mentions, start=1):
        ooxml.cell_text(cell_at(r, 0), [(insats, False)], INK)
        for c, n in enumerate(numbers, start=1):
            if n in fields:
                ooxml.cell_text(cell_at(r, c), [("✓", False)], INK)


# --- the document and its styles --------------------------------------------------------------------------------


def _document(template: Path | None, view: DocumentView) -> Any:
    import docx
    from docx.shared import Mm

    if template is None:
        doc = docx.Document()
        for section in doc.sections:
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.left_margin = section.right_margin = Mm(18)
            section.top_margin, section.bottom_margin = Mm(20), Mm(22)
        _house_style(doc, view.lang)
        _footer(doc, view)
        ooxml.strip_hidden(doc)  # python-docx's own template carries custom XML
        return doc
    doc = _letterhead(template)
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):  # keep the page setup, headers and footers (the letterhead)
            body.remove(child)
    missing = ooxml.add_missing_styles(doc, docx.Document(), STYLES)
    _house_style(doc, view.lang, only=missing)
    ooxml.set_language(doc, view.lang)
    ooxml.strip_hidden(doc)
    return doc


_MACROS = (".docm", ".dotm")
_WORD_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "docm",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "dotx",
}


def _letterhead(template: Path) -> Any:
    """The letterhead as python-docx opens it, once it is known to be a Word document without macros: a .docm
    (or a .docx that is one inside) and a Word template (.dotx) are refused with a message that says what to do."""
    import docx

    from ..read.package import open_package

    name = display_name(template)
    if template.suffix.lower() in _MACROS:
        raise TolvfaltError.one("docm", file=name)
    raw, archive = open_package(template, "docx")  # bounded and checked before python-docx unpacks it
    try:
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except KeyError:
        types = ""
    for content_type, code in _WORD_TYPES.items():
        if content_type in types:
            raise TolvfaltError.one(code, file=name)
    try:
        return docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx names the file by its object (<_io.BytesIO object at 0x…>): not shown
        detail = type(exc).__name__ if " object at 0x" in str(exc) else str(exc) or type(exc).__name__
        raise TolvfaltError.one("not_docx", file=name, detail=detail) from None


def _house_style(doc: Any, lang: Lang, only: set[str] | None = None) -> None:
    """One type scale and font, dark headings (no theme blue), headings kept with what follows."""
    from docx.shared import Pt, RGBColor

    for name, size in SIZES.items():
        if only is not None and name not in only:
            continue
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor.from_string(ACCENT if name in ("Title", "Heading 1") else INK)
        style.font.bold = name != "Normal"
        style.font.italic = False
        if name != "Normal":
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(14 if name in ("Heading 1", "Title") else 8)
            style.paragraph_format.space_after = Pt(4)
        rfonts = style.element.rPr.rFonts if style.element.rPr is not None else None
        if rfonts is not None:  # the theme's fonts would win over the name above
            for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(ooxml.qn(attribute), None)
    if only is None:
        ooxml.remove_title_rule(doc)
        ooxml.set_language(doc, lang)


def _footer(doc: Any, view: DocumentView) -> None:
    """The title on the left of every footer, "Sida 3 av 12" on the right; UTKAST in the header of a draft."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    section = doc.sections[0]
    title = section.footer.paragraphs[0]
    ooxml.add_run(title, view.title).font.size = Pt(8)
    page = section.footer.add_paragraph()
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    before, _, rest = label("page_of", view.lang, page="\0", pages="\1").partition("\0")
    ooxml.add_run(page, before).font.size = Pt(8)
    ooxml.field(page, "PAGE")
    ooxml.add_run(page, rest.partition("\1")[0]).font.size = Pt(8)
    ooxml.field(page, "NUMPAGES")
    if view.draft:
        run = ooxml.add_run(section.header.paragraphs[0], label("draft", view.lang))
        run.bold = True
        run.font.size = Pt(14)


def _properties(doc: Any, view: DocumentView) -> None:
    """Title, author, language and dates of its own; nothing left of python-docx's template (its description,
    its author, its 2013 dates, its thumbnail)."""
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props = doc.core_properties
    props.title = view.title
    props.author = view.author or view.forbund
    props.last_modified_by = view.author or view.forbund
    props.language = LANG_TAGS[view.lang]
    props.comments = ""
    props.subject = view.forbund
    props.keywords = ""
    props.category = ""
    props.created = props.modified = now
    props.revision = 1
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]


# --- text -------------------------------------------------------------------------------------------------------


def _paragraph(doc: Any, paragraph: list[Span], style: str | None = None) -> Any:
    p = ooxml.append_paragraph(doc, style)
    for span in paragraph:
        run = ooxml.add_run(p, span.text)
        run.bold = span.bold or None
        run.italic = span.italic or None
    return p


def _table(doc: Any, rows: int, cols: int, caption: str) -> Any:
    return ooxml.table(doc, rows, cols, caption, TABLE_STYLE)


def _prose(doc: Any, paragraphs: list[Paragraph]) -> None:
    for p in paragraphs:
        _paragraph(doc, p)
