"""PDF with a text layer to blocks (pdfplumber): words into lines, lines into paragraphs (a line ends its paragraph
where the next line's first word would have fitted on it, or where the spacing or the type changes), headings by
size and weight, tables by their ruling with the words of each cell, running headers and footers left out, and a
paragraph that goes on over a page joined again."""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

from ..errors import TolvfaltError
from .blocks import BULLET, Block, Place, Run, cell_text, markup
from .draft import continues

MAX_FILE_MB = 50
MAX_PAGES = 400
MARGIN = 0.09
"""The top and bottom share of a page where running headers and footers stand."""
_PAGE_NUMBER = re.compile(
    r"^(?:(?:sida|page|s\.)\s*)?[-–(]?\s*\d{1,4}\s*(?:(?:av|of|/|\()\s*\d{1,4}\)?)?\s*[-–)]?$", re.I
)
_BULLET = re.compile(r"^[•·▪◦●○■□➢►–-]$")


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


@dataclass
class _Line:
    words: list[_Word]
    page: int

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        counts: Counter[float] = Counter()
        for w in self.words:
            counts[round(w.size, 1)] += len(w.text)
        return counts.most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words if not _BULLET.match(w.text))

    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def runs(self) -> list[Run]:
        out: list[Run] = []
        for i, w in enumerate(self.words):
            if i:
                before = self.words[i - 1]
                if w.x0 - before.x1 > 0.12 * w.size:
                    out.append((" ", before.bold and w.bold, before.italic and w.italic))
            out.append((w.text, w.bold, w.italic))
        return out


@dataclass
class _Cell:
    lines: list[_Line] = field(default_factory=list)
    right: float = 0.0


@dataclass
class _Row:
    top: float
    cells: list[_Cell]
    table: int


@dataclass
class _Page:
    number: int
    height: float
    lines: list[_Line]
    rows: list[_Row]


def read_pdf(path: Path, name: str) -> list[Block]:
    from ..read.source import read_bytes

    raw = read_bytes(path, MAX_FILE_MB)
    try:
        import pdfplumber
    except ImportError:
        raise TolvfaltError.one("import_needs_pdfplumber", file=name) from None
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise TolvfaltError.one("import_too_many_pages", file=name, pages=len(pdf.pages), limit=MAX_PAGES)
            reader = _Reader()
            pages = [reader.page(page, number) for number, page in enumerate(pdf.pages, start=1)]
    except TolvfaltError:
        raise
    except Exception as exc:  # pdfminer's own errors (damaged, encrypted) have no common base
        raise TolvfaltError.one(
            "import_pdf_unreadable", file=name, detail=str(exc)[:200] or type(exc).__name__
        ) from None
    if not any(p.lines or p.rows for p in pages):
        raise TolvfaltError.one("import_pdf_no_text", file=name)
    return _Layout(pages).blocks()


class _Reader:
    def __init__(self) -> None:
        self.tables = 0

    def page(self, page: Any, number: int) -> _Page:
        words = [
            _Word(
                w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]), float(w["size"]),
                _is(w["fontname"], ("bold", "black", "heavy", "semibold", "demi")),
                _is(w["fontname"], ("italic", "oblique")),
            )
            for w in page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
        ]  # fmt: skip
        rows: list[_Row] = []
        taken: set[int] = set()
        for table in _tables(page):
            self.tables += 1
            x0, top, x1, bottom = table.bbox
            inside = [i for i, w in enumerate(words) if i not in taken and _within(w, (x0, top, x1, bottom))]
            for row in table.rows:
                cells = []
                for box in row.cells:
                    cell = _Cell(right=box[2] if box else 0.0)
                    if box is not None:
                        mine = [i for i in inside if i not in taken and _within(words[i], box)]
                        taken.update(mine)
                        cell.lines = _lines([words[i] for i in mine], number)
                    cells.append(cell)
                if any(c.lines for c in cells):
                    rows.append(_Row(row.bbox[1], cells, self.tables))
            taken.update(inside)
        flow = [w for i, w in enumerate(words) if i not in taken]
        return _Page(number, float(page.height), _lines(flow, number), rows)


def _tables(page: Any) -> list[Any]:
    """The page's tables by their ruled lines; drawn rectangles (a page's background, a heading's bar) only when
    there are no lines, and a "table" of one column is none."""
    strict = {"vertical_strategy": "lines_strict", "horizontal_strategy": "lines_strict"}
    found = [t for t in page.find_tables(strict) if _columns(t) >= 2]
    return found or [t for t in page.find_tables() if _columns(t) >= 2]


def _columns(table: Any) -> int:
    return max((sum(1 for c in row.cells if c is not None) for row in table.rows), default=0)


def _is(fontname: str, marks: tuple[str, ...]) -> bool:
    name = fontname.split("+")[-1].lower()
    return any(m in name for m in marks)


def _within(w: _Word, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _lines(words: list[_Word], page: int) -> list[_Line]:
    """Words on one baseline as a line, lines from the top."""
    lines: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: (w.bottom, w.x0)):
        if lines and abs(lines[-1][-1].bottom - w.bottom) <= 0.4 * min(w.size, lines[-1][-1].size):
            lines[-1].append(w)
        elif lines and _BULLET.match(lines[-1][-1].text) and abs(lines[-1][-1].top - w.top) <= 0.6 * w.size:
            lines[-1].append(w)  # a bullet drawn a little higher or lower than its text
        else:
            lines.append([w])
    return [_Line(sorted(ws, key=lambda w: w.x0), page) for ws in lines]


class _Layout:
    """The pages' lines as paragraphs and the rows as table rows, with what is repeated on every page left out."""

    def __init__(self, pages: list[_Page]) -> None:
        self.pages = pages
        self.drop_running_lines()
        sizes: Counter[float] = Counter()
        for line in self.all_lines():
            sizes[line.size] += len(line.text())
        self.body = sizes.most_common(1)[0][0] if sizes else 10.0
        larger = sorted({s for s in sizes if s >= self.body + 0.9}, reverse=True)
        self.levels = {s: i + 1 for i, s in enumerate(larger)}
        body_rights = [line.x1 for line in self.all_lines(flow=True) if abs(line.size - self.body) < 0.6]
        self.right = _percentile(body_rights, 0.9) if body_rights else 0.0
        self.leading = self.typical_leading()

    def all_lines(self, flow: bool = False) -> list[_Line]:
        out = [line for page in self.pages for line in page.lines]
        if not flow:
            out += [line for page in self.pages for row in page.rows for cell in row.cells for line in cell.lines]
        return out

    def drop_running_lines(self) -> None:
        seen: Counter[str] = Counter()
        for page in self.pages:
            for key in {_running_key(line) for line in page.lines if _in_margin(line, page)}:
                seen[key] += 1
        many = max(2, len(self.pages) // 2)
        for page in self.pages:
            page.lines = [
                line
                for line in page.lines
                if not (
                    _in_margin(line, page)
                    and (seen[_running_key(line)] >= many or _PAGE_NUMBER.match(line.text().strip()))
                )
            ]

    def typical_leading(self) -> dict[float, float]:
        """For each type size, the usual distance from one line's top to the next within a paragraph."""
        steps: dict[float, list[float]] = {}
        groups = [page.lines for page in self.pages]
        groups += [cell.lines for page in self.pages for row in page.rows for cell in row.cells]
        for lines in groups:
            for a, b in pairwise(lines):
                if a.size == b.size and 0 < b.top - a.top < 2.2 * a.size:
                    steps.setdefault(a.size, []).append(b.top - a.top)
        return {size: statistics.median(values) for size, values in steps.items()}

    # --- paragraphs ---------------------------------------------------------------------------------------------

    def paragraphs(self, lines: list[_Line], right: float) -> list[list[_Line]]:
        out: list[list[_Line]] = []
        for line in lines:
            if out and self.same_paragraph(out[-1][-1], line, right):
                out[-1].append(line)
            else:
                out.append([line])
        return out

    def same_paragraph(self, before: _Line, line: _Line, right: float) -> bool:
        if before.page != line.page:
            return False
        if abs(before.size - line.size) > 0.5 or before.bold != line.bold:
            return False
        if _BULLET.match(line.words[0].text):
            return False
        leading = self.leading.get(line.size, 1.25 * line.size)
        if line.top - before.top > leading + 0.2 * line.size:
            return False
        return not self.fits(before, line, right)

    def fits(self, before: _Line, after: _Line, right: float) -> bool:
        """The first word of ``after`` would have fitted at the end of ``before``: the line was broken on purpose."""
        first = after.words[1] if _BULLET.match(after.words[0].text) and len(after.words) > 1 else after.words[0]
        width = first.x1 - first.x0
        return before.x1 + 0.3 * first.size + width < right - first.size

    def block_of(self, lines: list[_Line], place: Place, after_break: bool) -> Block:
        runs: list[Run] = []
        for i, line in enumerate(lines):
            if i and not _hyphen_joins(lines[i - 1].words[-1].text, line.words[0].text):
                runs.append((" ", False, False))
            runs.extend(line.runs())
        text, bold = markup(runs)
        bullet = bool(_BULLET.match(lines[0].words[0].text))
        if bullet:
            text = BULLET.sub("", text, count=1)
        level = self.levels.get(lines[0].size)
        kind: Literal["heading", "paragraph"] = "heading" if level is not None else "paragraph"
        return Block(
            kind, place, text, level=level, bold=bold and level is None, bullet=bullet, after_break=after_break
        )

    def cell(self, cell: _Cell) -> str:
        right = max([line.x1 for line in cell.lines] + [cell.right - 4.0])
        texts = []
        for paragraph in self.paragraphs(cell.lines, right):
            block = self.block_of(paragraph, Place("page", 1), False)
            texts.append(f"**{block.text}**" if block.bold else block.text)
        return cell_text(texts)

    # --- the document -------------------------------------------------------------------------------------------

    def blocks(self) -> list[Block]:
        items: list[tuple[bool, list[_Line] | _Row]] = []  # paragraphs and rows from the top; first on its page?
        for page in self.pages:
            found: list[tuple[float, int, list[_Line] | _Row]] = []
            for i, paragraph in enumerate(self.paragraphs(page.lines, self.right)):
                found.append((paragraph[0].top, i, paragraph))
            for j, row in enumerate(page.rows):
                found.append((row.top, 10_000 + j, row))
            found.sort(key=lambda item: (item[0], item[1]))
            items.extend((index == 0, item) for index, (_, _, item) in enumerate(found))
        out: list[Block] = []
        previous: list[_Line] | _Row | None = None
        for page_start, item in items:
            if isinstance(item, _Row):
                cells = tuple(self.cell(c) for c in item.cells)
                if page_start and isinstance(previous, _Row) and out and _row_runs_on(out[-1], cells):
                    out[-1] = replace(out[-1], cells=_join_cells(out[-1].cells, cells))
                else:
                    first_of_table = not isinstance(previous, _Row) or previous.table != item.table
                    number = next((c.lines[0].page for c in item.cells if c.lines), 0)
                    block = Block("row", Place("page", number), cells=cells, table=item.table)
                    out.append(replace(block, after_break=first_of_table))
                previous = item
                continue
            if page_start and isinstance(previous, list) and self.runs_over(previous[-1], item[0]):
                merged = previous + item
                out[-1] = self.block_of(merged, Place("page", merged[0].page), out[-1].after_break)
                previous = merged
                continue
            runs_on = page_start or isinstance(previous, _Row)
            out.append(self.block_of(item, Place("page", item[0].page), runs_on))
            previous = item
        return out

    def level_of(self, line: _Line) -> int | None:
        return self.levels.get(line.size)

    def runs_over(self, last: _Line, first: _Line) -> bool:
        """The paragraph at the foot of one page goes on at the top of the next: same type, and the last line is
        full (the next word would not have fitted on it)."""
        if abs(last.size - first.size) > 0.5 or last.bold != first.bold or self.level_of(first) is not None:
            return False
        if _BULLET.match(first.words[0].text):
            return False
        return not self.fits(last, first, self.right)


_SUSPENDED = {"och", "eller", "samt", "respektive", "resp", "till", "som", "and", "or", "to"}
"""The words after a hyphen that keeps its space: "förhållnings- och arbetssättet"."""


def _hyphen_joins(before: str, after: str) -> bool:
    """A line that ends in a hyphen inside a compound ("stat-" / "landsting-kommun") goes on without a space."""
    if len(before) < 2 or before[-1] not in "-‐" or not before[-2].isalpha() or not after[:1].islower():
        return False
    return after.rstrip(".,;:)").casefold() not in _SUSPENDED


def _row_runs_on(before: Block, cells: tuple[str, ...]) -> bool:
    """The first row on a page goes on with the last row of the page before: a row split over the page break,
    its first cell empty or going on with a question in lower case."""
    if before.kind != "row" or len(before.cells) != len(cells) or not cells:
        return False
    first = cells[0].lstrip("*")
    return not first or first[:1].islower()


def _join_cells(before: tuple[str, ...], after: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for a, b in zip(before, after, strict=True):
        if not a or not b:
            out.append(a or b)
            continue
        last, first = a.rsplit("\n\n", 1)[-1], b.split("\n\n", 1)[0]
        out.append(f"{a} {b}" if continues(last, first) else f"{a}\n\n{b}")
    return tuple(out)


def _in_margin(line: _Line, page: _Page) -> bool:
    return line.bottom < page.height * MARGIN or line.top > page.height * (1 - MARGIN)


def _running_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", line.text().strip().casefold())


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
