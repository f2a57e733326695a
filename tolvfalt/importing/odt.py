"""OpenDocument text (.odt) to blocks, read from its content.xml and styles.xml: headings by outline level, bold and
italic from the styles of paragraphs and spans, lists, tables, page breaks; tracked changes, notes and the table of
contents left out."""

from __future__ import annotations

import io
import zipfile
import zlib
from importlib import import_module
from pathlib import Path
from typing import Any

from ..errors import TolvfaltError
from .blocks import Block, Place, Run, cell_text, markup, style_chain

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
MIMETYPE = b"application/vnd.oasis.opendocument.text"
MAX_FILE_MB = 20
MAX_PART_MB = 50
_SKIP = {f"{TEXT}tracked-changes", f"{TEXT}table-of-content", f"{TEXT}sequence-decls", f"{OFFICE}forms"}
_SKIP |= {f"{TEXT}alphabetical-index", f"{TEXT}illustration-index", f"{TEXT}bibliography"}


def read_odt(path: Path, name: str) -> list[Block]:
    from ..read.source import read_bytes

    raw = read_bytes(path, MAX_FILE_MB)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        if _part(archive, "mimetype", name, 200).strip() != MIMETYPE:
            raise TolvfaltError.one("not_odt", file=name, detail="mimetype")
        if b"encryption-data" in _part(archive, "META-INF/manifest.xml", name, 5):
            raise TolvfaltError.one("encrypted", file=name, name=path.name)
        content = _parse(_part(archive, "content.xml", name, MAX_PART_MB), name)
        styles = (
            _parse(_part(archive, "styles.xml", name, MAX_PART_MB), name)
            if "styles.xml" in archive.namelist()
            else None
        )
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError, EOFError) as exc:
        raise TolvfaltError.one("not_odt", file=name, detail=str(exc) or type(exc).__name__) from None
    reader = _Reader(_Styles([s for s in (styles, content) if s is not None]))
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise TolvfaltError.one("not_odt", file=name, detail="office:text")
    reader.container(body)
    return reader.blocks


def _part(archive: zipfile.ZipFile, member: str, name: str, limit_mb: float) -> bytes:
    try:
        with archive.open(member) as part:
            data = part.read(int(limit_mb * 2**20) + 1)
    except KeyError:
        raise TolvfaltError.one("not_odt", file=name, detail=f"{member} saknas / is missing") from None
    if len(data) > limit_mb * 2**20:
        raise TolvfaltError.one("part_too_big", file=name, part=member, limit=limit_mb)
    return data


def _parse(data: bytes, name: str) -> Any:
    etree = import_module("lxml.etree")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise TolvfaltError.one("not_odt", file=name, detail=str(exc)) from None


class _Styles:
    """Paragraph and text styles by name (automatic ones too), with what they inherit."""

    def __init__(self, roots: list[Any]) -> None:
        self.by_name: dict[str, Any] = {}
        for root in roots:
            for style in root.iter(f"{STYLE}style"):
                self.by_name[style.get(f"{STYLE}name")] = style

    def chain(self, name: str | None) -> list[Any]:
        return style_chain(name, self.by_name, lambda style: style.get(f"{STYLE}parent-style-name"))

    def text_flag(self, name: str | None, attribute: str, on: tuple[str, ...]) -> bool | None:
        for style in self.chain(name):
            props = style.find(f"{STYLE}text-properties")
            value = props.get(f"{FO}{attribute}") if props is not None else None
            if value is not None:
                return value in on
        return None

    def breaks_before(self, name: str | None) -> bool:
        for style in self.chain(name):
            props = style.find(f"{STYLE}paragraph-properties")
            value = props.get(f"{FO}break-before") if props is not None else None
            if value is not None:
                return bool(value == "page")
        return False

    def level(self, name: str | None) -> int | None:
        """0 for the title; the outline level of a heading style; else None."""
        for style in self.chain(name):
            display = (style.get(f"{STYLE}display-name") or style.get(f"{STYLE}name") or "").replace("_20_", " ")
            if display.lower() == "title":
                return 0
            level = style.get(f"{STYLE}default-outline-level")
            if level and level.isdigit():
                return int(level)
        return None


_BOLD = ("bold", "600", "700", "800", "900")
_ITALIC = ("italic", "oblique")


class _Reader:
    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0
        self.pending_break = False

    def container(self, element: Any, bullet: bool = False) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag in (f"{TEXT}p", f"{TEXT}h"):
                self.paragraph(child, bullet)
            elif tag == f"{TABLE}table":
                self.table(child)
            elif tag == f"{TEXT}list":
                self.container(child, True)
            elif tag in (f"{TEXT}list-item", f"{TEXT}list-header", f"{TEXT}section"):
                self.container(child, bullet)
            elif tag == f"{TEXT}soft-page-break":
                self.pending_break = True

    def paragraph(self, p: Any, bullet: bool) -> None:
        style = p.get(f"{TEXT}style-name")
        text, bold = markup(self.runs(p, style))
        if not text:
            return
        self.paragraphs += 1
        level: int | None
        if p.tag == f"{TEXT}h":
            outline = p.get(f"{TEXT}outline-level") or "1"
            level = int(outline) if outline.isdigit() else 1
            level = 0 if self.styles.level(style) == 0 else level
        else:
            level = self.styles.level(style)
        before = self.pending_break or self.styles.breaks_before(style)
        self.blocks.append(
            Block(
                "heading" if level is not None else "paragraph",
                Place("paragraph", self.paragraphs),
                text,
                level=level,
                bold=bold,
                bullet=bullet and level is None,
                after_break=before,
            )
        )
        self.pending_break = False

    def runs(self, element: Any, style: str | None) -> list[Run]:
        bold = bool(self.styles.text_flag(style, "font-weight", _BOLD))
        italic = bool(self.styles.text_flag(style, "font-style", _ITALIC))
        out: list[Run] = []
        self._runs(element, bold, italic, out)
        return out

    def _runs(self, element: Any, bold: bool, italic: bool, out: list[Run]) -> None:
        if element.text:
            out.append((element.text, bold, italic))
        for child in element:
            tag = child.tag
            if tag == f"{TEXT}span":
                name = child.get(f"{TEXT}style-name")
                b = self.styles.text_flag(name, "font-weight", _BOLD)
                i = self.styles.text_flag(name, "font-style", _ITALIC)
                self._runs(child, bold if b is None else b, italic if i is None else i, out)
            elif tag in (f"{TEXT}a", f"{TEXT}meta", f"{TEXT}ruby", f"{TEXT}ruby-base"):
                self._runs(child, bold, italic, out)
            elif tag == f"{TEXT}s":
                count = child.get(f"{TEXT}c") or "1"
                out.append((" " * min(int(count) if count.isdigit() else 1, 100), bold, italic))
            elif tag in (f"{TEXT}tab", f"{TEXT}soft-page-break"):
                out.append((" ", bold, italic))
            elif tag == f"{TEXT}line-break":
                out.append(("\n", bold, italic))
            if child.tail:
                out.append((child.tail, bold, italic))

    def table(self, table: Any) -> None:
        self.tables += 1
        number = self.tables
        first = True
        for index, row in enumerate(self.rows(table), start=1):
            cells = tuple(self.cell(c) for c in row if c.tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"))
            if not any(cells):
                continue
            self.blocks.append(Block("row", Place("row", number, index), cells=cells, table=number, after_break=first))
            first = False
        self.pending_break = True

    def rows(self, table: Any) -> list[Any]:
        out = []
        for child in table:
            if child.tag == f"{TABLE}table-row":
                out.append(child)
            elif child.tag in (f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{TABLE}table-row-group"):
                out.extend(self.rows(child))
        return out

    def cell(self, cell: Any) -> str:
        if cell.tag == f"{TABLE}covered-table-cell":
            return ""
        paragraphs = []
        for p in cell.iter(f"{TEXT}p", f"{TEXT}h"):
            text, bold = markup(self.runs(p, p.get(f"{TEXT}style-name")))
            paragraphs.append(f"**{text}**" if bold and text else text)
        return cell_text(paragraphs)
