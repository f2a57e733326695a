"""Word's XML where python-docx has no API for it: table captions and repeated header rows, shading, fields
(page numbers), the document's language, styles copied in. Nothing here knows the yearly document's layout."""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from typing import Any

from ..i18n import LANG_TAGS, Lang


def remove_title_rule(doc: Any) -> None:
    """python-docx's Title has a Word 2010 rule under it; the house style has none."""
    ppr = doc.styles["Title"].element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def set_language(doc: Any, lang: Lang) -> None:
    """The document's language, for spelling and for screen readers: in the default run properties and in
    every style that names one."""
    from docx.oxml import OxmlElement

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for element in [rpr, *styles.iter(qn("w:rPr"))]:
        for old in element.findall(qn("w:lang")):
            element.remove(old)
        tag = OxmlElement("w:lang")
        tag.set(qn("w:val"), LANG_TAGS[lang])
        tag.set(qn("w:eastAsia"), LANG_TAGS[lang])
        tag.set(qn("w:bidi"), LANG_TAGS[lang])
        element.append(tag)


def field(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(8)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text and text.strip() == code:
            instr = OxmlElement("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""


def add_missing_styles(doc: Any, default: Any, names: tuple[str, ...]) -> set[str]:
    """Copy from python-docx's own template each style the document uses and the letterhead lacks, with the
    styles those are based on or linked to. Returns the names added."""
    have = {style.name for style in doc.styles}
    by_id = {style.style_id: style for style in default.styles}
    wanted = [default.styles[name] for name in names if name not in have]
    added: set[str] = set()
    while wanted:
        style = wanted.pop()
        if style.name in have:
            continue
        doc.styles.element.append(copy.deepcopy(style.element))
        have.add(style.name)
        added.add(style.name)
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = style.element.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) in by_id:
                wanted.append(by_id[ref.get(qn("w:val"))])
    return added


def qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def table(doc: Any, rows: int, cols: int, caption: str, style: str) -> Any:
    """A table whose first row is a header repeated on every page, with a caption for assistive technology."""
    from docx.oxml import OxmlElement

    grid = doc.add_table(rows=rows, cols=cols)
    grid.style = style
    tbl_pr = grid._tbl.tblPr
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", caption)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        tbl_pr.append(element)
    header = grid.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    header.append(element)
    for row in grid.rows:
        cant_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant_split)
    return grid


def cells(grid: Any) -> Callable[[int, int], Any]:
    """The table's cells by row and column, read once: ``Table.cell(r, c)`` reads the whole table on every call."""
    every = grid._cells
    width = len(grid.columns)
    return lambda r, c: every[r * width + c]


def shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def shade_run(run: Any, background: str, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.shared import RGBColor

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), background.lstrip("#"))
    run._r.get_or_add_rPr().append(shading)
    run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())


def cell_text(cell: Any, lines: list[tuple[str, bool]], colour: str, background: str | None = None) -> None:
    cell.text = ""
    first = cell.paragraphs[0]
    for index, (text, bold) in enumerate(lines):
        p = first if index == 0 else cell.add_paragraph()
        p._p.insert(0, copy.deepcopy(_cell_paragraph_properties()))
        add_run(p, text)._r.insert(0, copy.deepcopy(_cell_run_properties(bold, colour)))
    if background is not None:
        shade(cell, background)


@cache
def _cell_paragraph_properties() -> Any:
    """A table cell's paragraph formatting, made once through python-docx and copied into each paragraph (setting
    it on each looks every property's place up among all that may come after it)."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    scratch = Paragraph(OxmlElement("w:p"), None)  # type: ignore[arg-type]
    scratch.paragraph_format.space_after = Pt(1)
    return scratch._p.pPr


@cache
def _cell_run_properties(bold: bool, colour: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.shared import Pt, RGBColor
    from docx.text.run import Run

    scratch = Run(OxmlElement("w:r"), None)  # type: ignore[arg-type]
    scratch.bold = bold or None
    scratch.font.size = Pt(8.5)
    scratch.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
    return scratch._r.rPr


# --- a letterhead's hidden content ------------------------------------------------------------------------------

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HIDDEN_PARTS = (
    "/vbaProject", "/wordVbaData", "/keyMapCustomizations", "/customXml", "/customXmlProps", "/custom-properties",
    "/extended-properties", "/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people",
    "/glossaryDocument", "/oleObject", "/package", "/attachedTemplate", "/subDocument", "/control",
)  # fmt: skip
"""Relationships a letterhead may carry that do not belong in a published document: macros, custom XML and
properties, comments, building blocks, embedded objects, an attached template."""
_CARRIERS = {f"{_W}drawing", f"{_W}pict", f"{_W}object"}
"""What holds an image or an object in a run: removed whole when what it shows is removed."""
_FETCHING_FIELDS = ("INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO", "IMPORT")


def strip_hidden(doc: Any) -> list[str]:
    """Remove from a document built on a letterhead what the letterhead carries unseen: every external
    relationship (an attached template, a linked image, a ``file://`` or ``http://`` target, a hyperlink's
    address: its text stays) and the parts in ``HIDDEN_PARTS``, with the XML that refers to them; custom XML
    markup and data bindings; fields that fetch content from elsewhere. Returns what was removed, by target."""
    package = doc.part.package
    removed = _drop_relationships(package.rels, None)
    for part in list(package.iter_parts()):
        root = getattr(part, "_element", None)
        removed += _drop_relationships(part.rels, root)
        if root is not None:
            _strip_markup(root)
    return removed


def _drop_relationships(rels: Any, root: Any) -> list[str]:
    gone = {rid: rel for rid, rel in list(rels.items()) if rel.is_external or rel.reltype.endswith(HIDDEN_PARTS)}
    if root is not None and gone:
        for element in list(root.iter()):
            if any(name.startswith(_R) and value in gone for name, value in element.attrib.items()):
                _unreference(element)
    for rid in gone:
        del rels[rid]
    return [rel.target_ref for rel in gone.values()]


def _unreference(element: Any) -> None:
    """An element that refers to a relationship removed: a hyperlink keeps its text, an image or object goes
    with the run content that holds it, anything else (attachedTemplate, subDoc) goes."""
    if element.getparent() is None:
        return
    if element.tag == f"{_W}hyperlink":
        _unwrap(element)
        return
    carrier = next((a for a in element.iterancestors() if a.tag in _CARRIERS), element)
    if carrier.getparent() is not None:
        carrier.getparent().remove(carrier)


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _strip_markup(root: Any) -> None:
    """Custom XML markup (unwrapped), data bindings to custom XML, and fields that fetch content from elsewhere
    (their code blanked; their last result stays as text)."""
    for element in list(root.iter(f"{_W}customXml")):
        props = element.find(f"{_W}customXmlPr")
        if props is not None:
            element.remove(props)
        _unwrap(element)
    for element in list(root.iter(f"{_W}dataBinding")):
        element.getparent().remove(element)
    for element in list(root.iter(f"{_W}fldSimple")):
        if _fetches(element.get(f"{_W}instr", "")):
            _unwrap(element)
    for element in list(root.iter(f"{_W}instrText")):
        if _fetches(element.text or ""):
            element.text = " "


def _fetches(code: str) -> bool:
    words = code.split()
    return bool(words) and words[0].upper() in _FETCHING_FIELDS


# --- many paragraphs --------------------------------------------------------------------------------------------


def append_paragraph(doc: Any, style: str | None = None, text: str | None = None) -> Any:
    """A paragraph at the end of the body, in constant time: python-docx's ``add_paragraph`` looks the style up by
    name among all styles and the section's place among all paragraphs, each time (quadratic in a long list)."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    body = doc.element.body
    element = OxmlElement("w:p")
    last = body[-1] if len(body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(element)
    else:
        body.append(element)
    if style is not None:
        ids: dict[str, str] = doc.__dict__.setdefault("_tolvfalt_style_ids", {})
        if style not in ids:
            ids[style] = doc.styles[style].style_id
        element.style = ids[style]
    paragraph = Paragraph(element, doc._body)
    if text:
        add_run(paragraph, text)
    return paragraph


def heading(doc: Any, text: str, level: int) -> Any:
    """``Document.add_heading``, in constant time."""
    return append_paragraph(doc, "Title" if level == 0 else f"Heading {level}", text)


_BREAKS = frozenset("\t\r\n")


def add_run(paragraph: Any, text: str | None = None) -> Any:
    """``Paragraph.add_run`` with the same XML: text without tabs or line breaks goes into one ``w:t`` at once
    rather than a character at a time."""
    from docx.text.run import Run

    if text and _BREAKS.isdisjoint(text):
        r = paragraph._p.add_r()
        r.add_t(text)
        return Run(r, paragraph)
    return paragraph.add_run(text)
