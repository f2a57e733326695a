"""Plain text to blocks, as a document saved from Word as text looks: one paragraph per line (or lines wrapped
within a paragraph), table rows as cells split by tabs, a line of dashes where a table broke over a page, and the
little HTML a copy keeps (``<p>``, ``<i>``, ``<b>``)."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import TolvfaltError
from .blocks import Block, Place, cell_text, clean
from .draft import continues

MAX_TEXT_MB = 20
_RULE = re.compile(r"^[\s\-–—_=+|]*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[•·▪◦*–-]|\d{1,2}[.)])\s+")
_PARAGRAPH = re.compile(r"</?p\b[^>]*>", re.I)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_ITALIC = re.compile(r"</?(?:i|em)\s*>", re.I)
_BOLD = re.compile(r"</?(?:b|strong)\s*>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^>]{0,200}>")


def read_text_file(path: Path, name: str) -> tuple[list[Block], bool]:
    """The blocks, and whether the file was read as Windows-1252 (it is not UTF-8)."""
    from ..read.source import read_bytes

    raw = read_bytes(path, MAX_TEXT_MB)
    if b"\x00" in raw[:8192]:
        raise TolvfaltError.one("binary", file=name)
    try:
        return blocks_from_text(raw.decode("utf-8-sig")), False
    except UnicodeDecodeError:
        return blocks_from_text(raw.decode("cp1252", errors="replace")), True


def blocks_from_text(text: str) -> list[Block]:
    blocks: list[Block] = []
    tables = 0
    in_table = False
    pending_break = False
    open_lines: list[str] = []
    open_at = 0

    def flush() -> None:
        nonlocal open_lines, pending_break
        if open_lines:
            blocks.extend(_paragraph_blocks(" ".join(open_lines), open_at, pending_break))
            pending_break = False
        open_lines = []

    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not line.strip():
            flush()
            if in_table:
                pending_break, in_table = True, False
            continue
        if _RULE.match(line) and line.count("-") + line.count("–") + line.count("_") + line.count("=") >= 3:
            flush()
            pending_break, in_table = True, False
            continue
        if "\t" in line:
            flush()
            if not in_table:
                tables += 1
            cells = tuple(_cell(c) for c in line.rstrip().split("\t"))
            blocks.append(
                Block(
                    "row", Place("line", number), cells=cells, table=tables, after_break=pending_break or not in_table
                )
            )
            in_table, pending_break = True, False
            continue
        if in_table:
            pending_break, in_table = True, False
        stripped = line.strip()
        if open_lines and _starts_block(stripped):
            flush()
        if open_lines and not continues(open_lines[-1], stripped):
            flush()
        if not open_lines:
            open_at = number
        open_lines.append(stripped)
    flush()
    return blocks


def _starts_block(line: str) -> bool:
    return bool(_HEADING.match(line) or _BULLET.match(line))


def _paragraph_blocks(text: str, line: int, after_break: bool) -> list[Block]:
    out = []
    for index, part in enumerate(_html_paragraphs(text)):
        heading = _HEADING.match(part)
        bullet = _BULLET.match(part)
        if heading:
            out.append(Block("heading", Place("line", line), heading.group(2), level=len(heading.group(1))))
        else:
            body = part[bullet.end() :] if bullet else part
            out.append(
                Block(
                    "paragraph", Place("line", line), body, bullet=bool(bullet), after_break=after_break and not index
                )
            )
    return out


def _html_paragraphs(text: str) -> list[str]:
    text = _BREAK.sub(" ", text)
    text = _ITALIC.sub("*", text)
    text = _BOLD.sub("**", text)
    parts = _PARAGRAPH.split(text)
    return [p for p in (clean(_TAG.sub("", part)) for part in parts) if p]


def _cell(text: str) -> str:
    return cell_text(_html_paragraphs(text))
