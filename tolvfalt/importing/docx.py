"""Word documents (.docx) to blocks: body paragraphs and tables in reading order, headings by their style or outline
level, bold and italic from runs and styles, page breaks where they fall, tracked deletions and text boxes left out."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from ..errors import TolvfaltError
from .blocks import Block, Place, Run, cell_text, markup, style_chain

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}drawing", f"{W}pict", f"{W}object", f"{W}footnoteReference"}
_SKIP |= {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_HEADING = re.compile(r"^(?:heading|rubrik|überschrift|titre)\s*(\d)$", re.I)
PAGE: Any = object()
"""A page break among the runs of a paragraph."""


def read_docx(path: Path, name: str) -> list[Block]:
    from ..read.package import open_package

    raw, _ = open_package(path, "docx")  # bounded and checked before python-docx unpacks it
    return blocks_from_bytes(raw, name)


def blocks_from_bytes(raw: bytes, name: str) -> list[Block]:
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:
        raise TolvfaltError.one("not_docx", file=name, detail=str(exc) or type(exc).__name__) from None
    reader = _Reader(_Styles(document.styles.element))
    reader.container(document.element.body)
    return reader.blocks


class _Styles:
    """The document's styles by id: name, what each is based on, and what it sets (bold, italic, outline level,
    numbering, page break before)."""

    def __init__(self, root: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id is None:
                continue
            self.by_id[style_id] = style
            default = style.get(f"{W}default")
            if style.get(f"{W}type") == "paragraph" and default is not None and _on(default):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> list[Any]:
        return style_chain(style_id, self.by_id, _based_on)

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        found = style.find(f"{W}name") if style is not None else None
        return str(found.get(f"{W}val") or "") if found is not None else ""

    def flag(self, style_id: str | None, part: str, tag: str) -> bool | None:
        for style in self.chain(style_id):
            props = style.find(f"{W}{part}")
            element = props.find(f"{W}{tag}") if props is not None else None
            if element is not None:
                return _on(element.get(f"{W}val"))
        return None

    def outline(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            name = self.name(style.get(f"{W}styleId"))
            if name.lower() == "title":
                return 0
            m = _HEADING.match(name)
            if m:
                return int(m.group(1))
            ppr = style.find(f"{W}pPr")
            level = ppr.find(f"{W}outlineLvl") if ppr is not None else None
            if level is not None:
                return _outline(level.get(f"{W}val"))
        return None

    def numbered(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            ppr = style.find(f"{W}pPr")
            if ppr is not None and ppr.find(f"{W}numPr") is not None:
                return True
            if "list" in self.name(style.get(f"{W}styleId")).lower():
                return True
        return False


def _based_on(style: Any) -> str | None:
    based = style.find(f"{W}basedOn")
    return based.get(f"{W}val") if based is not None else None


def _on(value: str | None) -> bool:
    return value is None or value.lower() not in ("0", "false", "off", "none")


def _outline(value: str | None) -> int | None:
    try:
        level = int(value or "")
    except ValueError:
        return None
    return level + 1 if 0 <= level < 9 else None


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self.pending_break = False

    def container(self, element: Any) -> None:
        for child in element:
            if child.tag == f"{W}p":
                self.paragraph(child)
            elif child.tag == f"{W}tbl":
                self.table(child)
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins"):
                self.container(child)

    def paragraph(self, p: Any) -> None:
        ppr = p.find(f"{W}pPr")
        style_id = _val(ppr, "pStyle") or self.styles.default_paragraph
        name = self.styles.name(style_id).lower()
        if name.startswith("toc") or name.startswith("innehållsförteckning"):
            return  # a table of contents repeats the headings
        before = self.pending_break or bool(
            (ppr is not None and ppr.find(f"{W}pageBreakBefore") is not None)
            or self.styles.flag(style_id, "pPr", "pageBreakBefore")
        )
        runs, leading, trailing = _split_breaks(list(self.runs(p, style_id)))
        before = before or leading
        after = trailing
        text, bold = markup(runs)
        if not text:
            self.pending_break = before or after
            return
        self.paragraphs += 1
        level = _outline(_val(ppr, "outlineLvl")) if _val(ppr, "outlineLvl") is not None else None
        if level is None:
            level = self.styles.outline(style_id)
        numbered = ppr is not None and ppr.find(f"{W}numPr") is not None
        self.blocks.append(
            Block(
                "heading" if level is not None else "paragraph",
                Place("paragraph", self.paragraphs),
                text,
                level=level,
                bold=bold,
                bullet=level is None and (numbered or self.styles.numbered(style_id)),  # headings may be numbered
                after_break=before,
            )
        )
        self.pending_break = after

    def runs(self, element: Any, style_id: str | None) -> Any:
        """The runs of a paragraph as (text, bold, italic), and PAGE where a page break stands."""
        for child in element:
            tag = child.tag
            if tag in _SKIP or tag == f"{W}pPr":
                continue
            if tag == f"{W}r":
                yield from self.run(child, style_id)
            else:
                yield from self.runs(child, style_id)

    def run(self, r: Any, style_id: str | None) -> Any:
        rpr = r.find(f"{W}rPr")
        char_style = _val(rpr, "rStyle")
        bold = self.formatting(rpr, char_style, style_id, "b")
        italic = self.formatting(rpr, char_style, style_id, "i")
        for child in r:
            tag = child.tag
            if tag == f"{W}t":
                yield (child.text or "", bold, italic)
            elif tag == f"{W}tab":
                yield (" ", bold, italic)
            elif tag == f"{W}br":
                yield PAGE if child.get(f"{W}type") == "page" else ("\n", bold, italic)
            elif tag == f"{W}cr":
                yield ("\n", bold, italic)
            elif tag == f"{W}noBreakHyphen":
                yield ("-", bold, italic)

    def formatting(self, rpr: Any, char_style: str | None, style_id: str | None, tag: str) -> bool:
        element = rpr.find(f"{W}{tag}") if rpr is not None else None
        if element is not None:
            return _on(element.get(f"{W}val"))
        for found in (self.styles.flag(char_style, "rPr", tag), self.styles.flag(style_id, "rPr", tag)):
            if found is not None:
                return found
        return False

    def table(self, tbl: Any) -> None:
        self.tables += 1
        number = self.tables
        first = True
        for index, tr in enumerate(tbl.iter(f"{W}tr"), start=1):
            if _inside_nested_table(tr, tbl):
                continue
            cells = tuple(self.cell(tc) for tc in tr if tc.tag == f"{W}tc")
            if not any(cells):
                continue
            self.blocks.append(Block("row", Place("row", number, index), cells=cells, table=number, after_break=first))
            first = False
        self.pending_break = True  # what follows a table may run on from its last cell

    def cell(self, tc: Any) -> str:
        tcpr = tc.find(f"{W}tcPr")
        merge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
        if merge is not None and merge.get(f"{W}val") != "restart":
            return ""  # the lower part of a merged cell: its text is in the cell above
        paragraphs = []
        for p in tc.iter(f"{W}p"):
            ppr = p.find(f"{W}pPr")
            style_id = _val(ppr, "pStyle") or self.styles.default_paragraph
            runs, _, _ = _split_breaks(list(self.runs(p, style_id)))
            text, bold = markup(runs)
            paragraphs.append(f"**{text}**" if bold and text else text)
        return cell_text(paragraphs)


def _split_breaks(pieces: list[Any]) -> tuple[list[Run], bool, bool]:
    """The runs with a page break inside the text as a space; and whether one stands before or after all text."""
    visible = [i for i, piece in enumerate(pieces) if piece is not PAGE and piece[0].strip(" \t\n")]
    if not visible:
        return [], any(piece is PAGE for piece in pieces), False
    first, last = visible[0], visible[-1]
    leading = any(piece is PAGE for piece in pieces[:first])
    trailing = any(piece is PAGE for piece in pieces[last + 1 :])
    runs = [(" ", False, False) if piece is PAGE else piece for piece in pieces[first : last + 1]]
    return runs, leading, trailing


def _val(props: Any, tag: str) -> str | None:
    if props is None:
        return None
    element = props.find(f"{W}{tag}")
    return None if element is None else element.get(f"{W}val")


def _inside_nested_table(tr: Any, tbl: Any) -> bool:
    parent = tr.getparent()
    while parent is not None and parent is not tbl:
        if parent.tag == f"{W}tbl":
            return True
        parent = parent.getparent()
    return False
