"""The workbook: the template a person fills in, and an assessment written into the same layout.

Sheets: Instruktioner, Uppgifter (metadata), Tolvfältaren (the grid with live counts), Svar (one row per question).
``read/excel.py`` reads it back by sheet names, header labels and the hidden question ids.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import Problem, TolvfaltError
from ..framework import Framework, Question
from ..i18n import LANG_TAGS, Lang, label, lines
from ..model import STATUSES, Assessment, FieldAnswers, FollowUp, Response
from ..text import paragraphs, plain
from ..workbook import (
    ANSWER_COLUMNS,
    CELL_LIMIT,
    FOLLOW_UP_COLUMNS,
    HEAD_COLUMNS,
    MAX_COLUMNS,
    MAX_ROWS,
    METADATA_KEYS,
    METADATA_LISTS,
    METADATA_PROSE,
    PARTY_COLUMNS,
    PARTY_METADATA_KEYS,
)
from . import house

INPUT = PatternFill("solid", fgColor=house.ooxml(house.INPUT))
LOCKED = PatternFill("solid", fgColor=house.ooxml(house.LOCKED))
HEADER = PatternFill("solid", fgColor=house.ooxml(house.HEAD))
PREVIOUS = PatternFill("solid", fgColor=house.ooxml(house.PREVIOUS))
THIN = Side(style="thin", color=house.ooxml(house.BORDER))
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top", horizontal="left")
UNLOCKED = Protection(locked=False)

WIDTHS = {"id": 6, "field": 6, "level": 16, "perspective": 18, "question": 34, "answer": 90, "rating": 18,
          "last_year_answer": 70, "analys": 60}  # fmt: skip
POINT_WIDTH = 36
INSTRUCTION_WIDTH = 110
ANSWER_ROW_HEIGHT = 96  # room for some six lines before a person needs to drag the row taller


def assessment(a: Assessment, framework: Framework, lang: Lang = "sv") -> bytes:
    return workbook(framework, lang, a)


class Invitation(NamedTuple):
    """A respondent's copy in the yearly round: for whom, for which förbund and year, by when, whom to ask."""

    respondent: str
    forbund: str
    ar: int
    deadline: str | None
    contact: str | None


def template(
    framework: Framework,
    lang: Lang = "sv",
    previous: Assessment | None = None,
    invitation: Invitation | None = None,
    *,
    forbund: str | None = None,
    ar: int | None = None,
) -> bytes:
    """The blank template; with ``previous``, metadata for the next year and last year's answers beside; with an
    ``invitation``, a respondent's copy: its name filled in and locked, instructions that speak to it. ``forbund``
    and ``ar`` fill those cells of a template for the förbund's own use."""
    if invitation is None and (forbund or ar is not None):
        name = forbund or (previous.forbund if previous else None)
        year = ar if ar is not None else (previous.ar + 1 if previous else None)
        if name and year is not None:
            start = Assessment.model_validate({"förbund": name, "år": year})
            return workbook(framework, lang, start, previous, invitation)
    return workbook(framework, lang, None, previous, invitation)


def workbook(
    framework: Framework,
    lang: Lang,
    assessment: Assessment | None,
    previous: Assessment | None = None,
    invitation: Invitation | None = None,
) -> bytes:
    wb = Workbook()
    _instructions(first_sheet(wb), lang, invitation)
    _metadata(wb.create_sheet(label("sheet_metadata", lang)), lang, assessment, previous, invitation)
    answers = wb.create_sheet(label("sheet_answers", lang))
    party = invitation.respondent if invitation is not None else None
    if previous is not None and party is not None:  # year two: the party's own answers of last year
        previous = _own_last_year(previous, party)
    _answers(answers, framework, lang, assessment, previous, party_only=invitation is not None)
    _grid(wb.create_sheet(label("sheet_grid", lang), 2), framework, lang, answers.title)
    follow_ups = _follow_ups_of(assessment, previous) if invitation is None else []  # the förbundschef's
    if follow_ups:
        _follow_up_sheet(wb.create_sheet(label("sheet_follow_up", lang)), lang, follow_ups)
    if assessment is not None and assessment.svarande:
        _parties(wb.create_sheet(label("sheet_parties", lang)), lang, assessment)
    wb.active = 1
    source = assessment or previous
    wb.properties.title = (
        label("title", lang, år=source.ar + (0 if assessment else 1)) if source else lines("instructions", lang)[0]
    )
    wb.properties.creator = (assessment.forfattare or assessment.forbund) if assessment else "tolvfalt"
    wb.properties.language = LANG_TAGS[lang]
    buffer = io.BytesIO()
    wb.save(buffer)
    return fits_reader(buffer.getvalue())


def fits_reader(data: bytes) -> bytes:
    """A workbook as written, once it is known to be one the reader reads: no larger, no part larger, and no
    more unpacked than ``read/package.py`` takes (the rows and columns are bounded as the sheets are built)."""
    import zipfile

    from ..read.package import MAX_FILE_MB, MAX_PART_MB, MAX_UNPACKED_MB

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sizes = {info.filename: info.file_size for info in archive.infolist()}
    biggest = max(sizes, key=lambda part: sizes[part])
    over = [
        (len(data), MAX_FILE_MB, None),
        (sizes[biggest], MAX_PART_MB, biggest),
        (sum(sizes.values()), MAX_UNPACKED_MB, None),
    ]
    for size, limit, part in over:
        if size > limit * 2**20:
            params = {"size": math.ceil(size / 2**20), "limit": limit, "part": part or ""}
            raise TolvfaltError([Problem("workbook_over", params)])
    return data


def first_sheet(wb: Workbook) -> Worksheet:
    ws = wb.active
    assert isinstance(ws, Worksheet)
    return ws


_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def write_cell(cell: Cell | MergedCell, value: Any, key: str = "") -> None:
    """Set a cell's value; text is always text (never a formula) and must fit Excel's cell limit. Text that reads
    like the file format's own escape of a character (``_x0001_``) is kept as written: its underscore is escaped."""
    if isinstance(value, str):
        if len(value) > CELL_LIMIT:
            raise TolvfaltError([Problem("too_long", {"length": len(value), "limit": CELL_LIMIT}, key=key or None)])
        cell.value = _ESCAPE_LIKE.sub(r"_x005F_\1", value) if "_x" in value else value
        cell.data_type = "s"
    else:
        cell.value = value


def _protect(ws: Worksheet, fit: bool = True) -> None:
    """Lock the structure (no password: it guards against slips, not people); print on A4, a page wide unless
    ``fit`` is off (a wide sheet shrunk to one page is too small to read)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if fit:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        if ws.sheet_properties.pageSetUpPr is not None:
            ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False


def _instructions(ws: Worksheet, lang: Lang, invitation: Invitation | None = None) -> None:
    ws.title = label("sheet_instructions", lang)
    ws.column_dimensions["A"].width = INSTRUCTION_WIDTH
    texts = lines("instructions", lang)
    if invitation is not None:  # for someone who has never seen tolvfalt: no command lines, whom and by when
        i = invitation
        texts = [line.format(respondent=i.respondent, forbund=i.forbund, ar=i.ar) for line in lines("invitation", lang)]
        texts += [
            "",
            *([label("invitation_deadline", lang, deadline=i.deadline)] if i.deadline else []),
            label("invitation_contact", lang, contact=i.contact) if i.contact else label("invitation_return", lang),
        ]
    for row, line in enumerate(texts, start=1):
        cell = ws.cell(row, 1)
        write_cell(cell, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=16)
            ws.row_dimensions[row].height = 24
        elif line and not line[0].isdigit() and len(line) < 40:
            cell.font = Font(bold=True, size=12)
            ws.row_dimensions[row].height = 18
        else:  # LibreOffice does not grow a wrapped row by itself: set the height of every line the text needs
            ws.row_dimensions[row].height = 15 * max(1, math.ceil(len(line) * 1.05 / INSTRUCTION_WIDTH))
    ws.page_setup.orientation = "portrait"
    _protect(ws)


def _insatser(items: list[str]) -> str | None:
    """One per line; a list with a comma in it ends with a line break, so that each line is read as written (not
    split at its commas, nor stripped of one at its end, as a list typed by hand is)."""
    text = "\n".join(items)
    return (text + "\n" if "," in text else text) or None


PARTY_ANSWER = "party_answer_"
"""Columns of a merged workbook that show a party's answers, one per party."""
READ_ONLY = ("last_year", "parties_ratings", PARTY_ANSWER)


def _party_ratings(a: Assessment, number: int, lang: Lang) -> str | None:
    from ..merged import spread

    parties = spread(a, number)
    if not parties.rated:
        return None
    text = " · ".join(f"{name} {rating}" for name, rating in parties.rated)
    return text + (f" ({label('disagreement', lang)})" if parties.disagreement else "")


def _follow_ups_of(a: Assessment | None, previous: Assessment | None) -> list[tuple[int, FollowUp]]:
    """The assessment's follow-up, or (for next year's template) last year's åtgärder without a status yet."""
    if a is not None:
        return [(n, item) for n, field in a.falt.items() for item in field.uppfoljning]
    if previous is not None:
        return [(n, FollowUp(åtgärd=action)) for n, field in previous.falt.items() for action in field.atgarder]
    return []


def _follow_up_sheet(ws: Worksheet, lang: Lang, items: list[tuple[int, FollowUp]]) -> None:
    if len(items) + 1 > MAX_ROWS:  # the reader reads no further: refused rather than written to be lost
        number = items[MAX_ROWS - 1][0]
        params = {"sheet": ws.title, "rows": len(items) + 1, "limit": MAX_ROWS}
        raise TolvfaltError([Problem("follow_up_rows_over", params, key=f"fält.{number}.uppföljning")])
    statuses = list(STATUSES)
    choice = DataValidation(type="list", formula1='"' + ",".join(statuses) + '"', allow_blank=True)
    choice.errorStyle, choice.showErrorMessage, choice.showInputMessage = "stop", True, True
    choice.error = choice.prompt = label("status_prompt", lang, statuses=", ".join(statuses))
    ws.add_data_validation(choice)
    for col, (key, width) in enumerate(zip(FOLLOW_UP_COLUMNS, (8, 60, 16, 60), strict=True), start=1):
        cell = ws.cell(1, col)
        write_cell(cell, label(key, lang))
        cell.font, cell.fill, cell.border = Font(bold=True), HEADER, BOX
        ws.column_dimensions[get_column_letter(col)].width = width
    for row, (number, item) in enumerate(items, start=2):
        values = (number, item.atgard, item.status, item.kommentar)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col)
            write_cell(cell, value, f"fält.{number}.uppföljning")
            cell.alignment, cell.border = WRAP, BOX
            if col >= 3:
                cell.fill, cell.protection = INPUT, UNLOCKED
    if items:  # one range: openpyxl checks each cell added against all added before (quadratic in the rows)
        choice.add(f"C2:C{len(items) + 1}")
    ws.freeze_panes = "A2"
    _protect(ws)


def _parties(ws: Worksheet, lang: Lang, a: Assessment) -> None:
    """Each party's part of a merged assessment, a value per row under its key in the file (fält.4.svar.a)."""
    for col, (key, width) in enumerate(zip(PARTY_COLUMNS, (24, 24, 90), strict=True), start=1):
        cell = ws.cell(1, col)
        write_cell(cell, label(key, lang))
        cell.font, cell.fill = Font(bold=True), HEADER
        ws.column_dimensions[get_column_letter(col)].width = width
    rows = [
        (name, key, value)
        for name, part in a.svarande.items()
        for key, value in _flatten(part.model_dump(by_alias=True, exclude_defaults=True, exclude_none=True))
    ]
    if len(rows) + 1 > MAX_ROWS:  # the reader reads no further: refused rather than written to be lost
        params = {"sheet": ws.title, "rows": len(rows) + 1, "limit": MAX_ROWS, "parties": len(a.svarande)}
        raise TolvfaltError([Problem("sheet_rows_over", params, key="svarande")])
    for row, values in enumerate(rows, start=2):
        for col, cell_value in enumerate(values, start=1):
            write_cell(ws.cell(row, col), cell_value, f"svarande.{values[0]}.{values[1]}")
            ws.cell(row, col).alignment = WRAP


def _flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """``{"fält": {4: {"svar": {"a": "…"}}}}`` as ``[("fält.4.svar.a", "…")]``; lists one item per line."""
    if isinstance(data, dict):
        return [pair for key, value in data.items() for pair in _flatten(value, f"{prefix}{key}.")]
    if isinstance(data, list) and any(isinstance(item, dict) for item in data):  # the follow-up: a row per key
        return [pair for i, item in enumerate(data) for pair in _flatten(item, f"{prefix}{i}.")]
    if isinstance(data, list):
        return [(prefix[:-1], "\n".join(str(item) for item in data))]
    if isinstance(data, str) and "\n\n" in data:
        return [(prefix[:-1], _paras(data))]
    return [(prefix[:-1], data.isoformat() if isinstance(data, dt.date) else data)]


def _plain(text: str | None) -> str | None:
    return "\n".join(plain(p) for p in paragraphs(text)) if text else None


def _paras(text: str | None) -> str | None:
    return "\n".join(paragraphs(text)) if text else None


def _metadata(
    ws: Worksheet, lang: Lang, a: Assessment | None, previous: Assessment | None, invitation: Invitation | None
) -> None:
    source = a or previous
    values: dict[str, Any] = {}
    if source is not None:
        values = {
            "förbund": source.forbund,
            "år": source.ar if a else source.ar + 1,
            "ort": source.ort,
            "författare": source.forfattare,
            "insatser": _insatser(source.insatser),
        }
    if invitation is not None:  # the respondent writes its own name as author, not the förbundschef's
        values |= {"förbund": invitation.forbund, "år": invitation.ar, "respondent": invitation.respondent}
        values.pop("författare", None)
    if a is not None:
        dump = a.model_dump(by_alias=True)
        values = {key: dump[key] for key in METADATA_KEYS}
        values |= {key: _insatser(dump[key]) for key in METADATA_LISTS}
        values |= {key: _paras(dump[key]) for key in METADATA_PROSE}
        values["utkast"] = "ja" if a.utkast else None
    for col, (text, width) in enumerate(
        ((label("key_column", lang), 12), (label("metadata_label", lang), 18), (label("value", lang), 90)), start=1
    ):
        cell = ws.cell(1, col)
        write_cell(cell, text)
        cell.font = Font(bold=True)
        cell.fill = HEADER
        ws.column_dimensions[get_column_letter(col)].width = width
    keys = PARTY_METADATA_KEYS if invitation is not None else METADATA_KEYS
    for row, key in enumerate(keys, start=2):
        write_cell(ws.cell(row, 1), key)
        name = ws.cell(row, 2)
        write_cell(name, label(key, lang))
        name.font = Font(bold=True)
        name.fill = LOCKED
        name.alignment = WRAP
        value = ws.cell(row, 3)
        write_cell(value, values.get(key), key)
        value.fill = INPUT
        value.border = BOX
        value.alignment = WRAP
        fixed = invitation is not None and key in ("förbund", "år", "respondent")
        value.protection = Protection(locked=True) if fixed else UNLOCKED
        if fixed:
            value.fill = LOCKED
        if key == "datum":
            value.number_format = "yyyy-mm-dd"
        if key in (*METADATA_PROSE, *METADATA_LISTS):
            ws.row_dimensions[row].height = 90
    ws.column_dimensions["A"].hidden = True
    ws.freeze_panes = "A2"
    _protect(ws)


def _height(text: str | None, width: int) -> float | None:
    if not text:
        return None
    lines_needed = sum(max(1, math.ceil(len(p) * 1.1 / width)) for p in text.split("\n"))
    return min(409, 15 * lines_needed + 6)


def _answer_of(part: Response, question: Question) -> str | None:
    answers = part.falt.get(question.field_number)
    return answers.svar.get(question.letter) if answers else None


def _own_last_year(previous: Assessment, party: str) -> Assessment:
    """What a party sees of last year beside this year's cells: its own answers, ratings and points when last
    year's file is a merged one that holds it (the agreed rating in the rating column's place otherwise)."""
    own = previous.svarande.get(party)
    if own is None:
        return previous
    data = previous.model_dump(exclude={"svarande", "falt"}, exclude_none=True)
    data["fält"] = {n: f.model_dump(exclude_defaults=True) for n, f in own.falt.items()}
    return Assessment.model_validate(data)


def _answers(
    ws: Worksheet,
    framework: Framework,
    lang: Lang,
    a: Assessment | None,
    previous: Assessment | None,
    party_only: bool = False,
) -> None:
    """Fill the Svar sheet: a row per question, the per-field cells merged over the field's rows. A party's
    workbook has no column of the förbundschef's own (the analys)."""
    columns = [c for c in ANSWER_COLUMNS if not (party_only and c in HEAD_COLUMNS)]
    if previous is not None:
        columns += ["last_year_answer", "last_year_rating", "last_year_brister", "last_year_atgarder"]
    parties = list(a.svarande.items()) if a is not None else []
    if parties:  # to read, not to fill in: each party's answer, its rating, and whether they differ
        columns += [f"{PARTY_ANSWER}{i}" for i in range(len(parties))] + ["parties_ratings"]
    if len(columns) > MAX_COLUMNS:  # the reader reads no further: refused rather than written to be lost
        most = MAX_COLUMNS - (len(columns) - len(parties))
        params = {"sheet": ws.title, "parties": len(parties), "most": most, "limit": MAX_COLUMNS}
        raise TolvfaltError([Problem("sheet_columns_over", params, key="svarande")])
    for col, key in enumerate(columns, start=1):
        cell = ws.cell(1, col)
        if key.startswith(PARTY_ANSWER):
            write_cell(cell, label("party_answer", lang, name=parties[int(key.removeprefix(PARTY_ANSWER))][0]))
        else:
            write_cell(cell, label(key, lang, år=previous.ar if previous else ""))
        cell.font = Font(bold=True)
        cell.fill = HEADER
        cell.alignment = WRAP
        cell.border = BOX
        width = WIDTHS["last_year_answer"] if key.startswith(PARTY_ANSWER) else WIDTHS.get(key, POINT_WIDTH)
        ws.column_dimensions[get_column_letter(col)].width = width
    index = {key: col for col, key in enumerate(columns, start=1)}
    scale = [s.text(lang) for s in framework.scale]
    rating_list = DataValidation(type="list", formula1='"' + ",".join(scale) + '"', allow_blank=True)
    rating_list.errorStyle = "stop"  # a value outside the scale is refused, with the scale in the message
    rating_list.errorTitle = label("rating", lang)
    rating_list.error = label("scale_error", lang, scale=", ".join(scale))
    rating_list.showErrorMessage = True
    rating_list.promptTitle = label("rating", lang)
    rating_list.prompt = label("scale_prompt", lang, scale=", ".join(scale))
    rating_list.showInputMessage = True
    ws.add_data_validation(rating_list)
    row = 2
    for field in framework.fields:
        answers = (a.falt.get(field.number) if a else None) or FieldAnswers()
        last = (previous.falt.get(field.number) if previous else None) or FieldAnswers()
        first = row
        for question in field.questions:
            answer = _paras(answers.svar.get(question.letter))
            last_answer = _plain(last.svar.get(question.letter))  # for reading: no **markup**
            cells = {
                "id": question.id,
                "field": field.number,
                "level": framework.row(field)(lang),
                "perspective": framework.column(field)(lang),
                "question": question(lang),
                "answer": answer,
                "last_year_answer": last_answer,
                **{
                    f"{PARTY_ANSWER}{i}": _plain(
                        (part.falt.get(field.number) or FieldAnswers()).svar.get(question.letter)
                    )
                    for i, (_, part) in enumerate(parties)
                },
            }
            for key, value in cells.items():
                if key in index:
                    write_cell(ws.cell(row, index[key]), value, f"fält.{field.number}.svar.{question.letter}")
            for key, col in index.items():
                cell = ws.cell(row, col)
                cell.alignment = WRAP
                cell.border = BOX
                cell.fill = INPUT if key == "answer" else PREVIOUS if key.startswith(READ_ONLY) else LOCKED
                if key == "answer":
                    cell.protection = UNLOCKED
            ws.row_dimensions[row].height = max(
                ANSWER_ROW_HEIGHT,
                _height(answer, WIDTHS["answer"]) or 0,
                _height(last_answer, WIDTHS["last_year_answer"]) or 0,
            )
            row += 1
        per_field = {
            "rating": framework.rating_text(answers.bedomning, lang),
            **{key: "\n".join(items) or None for key, items in answers.points().items()},
            "analys": _paras(answers.analys),
            "last_year_rating": framework.rating_text(last.bedomning, lang),
            "last_year_brister": "\n".join(plain(p) for p in last.brister) or None,
            "last_year_atgarder": "\n".join(plain(p) for p in last.atgarder) or None,
            "parties_ratings": _party_ratings(a, field.number, lang) if a is not None else None,
        }
        for key, value in per_field.items():
            if key not in index:
                continue
            col = index[key]
            cell = ws.cell(first, col)
            write_cell(cell, value, f"fält.{field.number}.{key}")
            if row - 1 > first:
                ws.merge_cells(start_row=first, start_column=col, end_row=row - 1, end_column=col)
            if not key.startswith(READ_ONLY):
                cell.fill = INPUT
                cell.protection = UNLOCKED
            if key == "rating":
                rating_list.add(cell.coordinate)
    ws.column_dimensions[get_column_letter(index["id"])].hidden = True
    ws.freeze_panes = ws.cell(2, index["question"] + 1).coordinate
    ws.auto_filter.ref = None
    _protect(ws, fit=False)
    # Landscape at full size, the header row and the question columns on every page: the answers stay legible.
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = "1:1"
    ws.print_title_cols = f"A:{get_column_letter(index['question'])}"


def _grid(ws: Worksheet, framework: Framework, lang: Lang, answers_sheet: str) -> None:
    """The grid as a printable overview; each field counts its answered questions on the Svar sheet live."""
    ws.column_dimensions["A"].width = 22
    corner = ws.cell(2, 1)
    write_cell(corner, label("corner", lang))
    corner.font = Font(bold=True)
    corner.fill = HEADER
    corner.border = BOX
    title = ws.cell(1, 1)
    write_cell(title, label("grid", lang))
    title.font = Font(bold=True, size=16)
    for col, column in enumerate(framework.columns, start=2):
        ws.column_dimensions[get_column_letter(col)].width = 46
        cell = ws.cell(2, col)
        write_cell(cell, column(lang))
        cell.font = Font(bold=True)
        cell.fill = HEADER
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    answer_col = get_column_letter(ANSWER_COLUMNS.index("answer") + 1)
    field_col = get_column_letter(ANSWER_COLUMNS.index("field") + 1)
    for r, (level, cells) in enumerate(zip(framework.rows, framework.grid(), strict=True), start=3):
        ws.row_dimensions[r].height = 110
        head = ws.cell(r, 1)
        write_cell(head, level(lang))
        head.font = Font(bold=True)
        head.fill = HEADER
        head.border = BOX
        head.alignment = Alignment(vertical="center", wrap_text=True)
        for col, field in enumerate(cells, start=2):
            cell = ws.cell(r, col)
            questions = "\n".join(q(lang) for q in field.questions)
            count = (
                f"COUNTIFS('{answers_sheet}'!${field_col}:${field_col},{field.number},"
                f"'{answers_sheet}'!${answer_col}:${answer_col},\"?*\")"
            )
            done = label("answered", lang, n='"&' + count + '&"', total=len(field.questions))
            cell.value = f'="{field.number}  "&CHAR(10)&"{_formulawrite_cell(questions)}"&CHAR(10)&CHAR(10)&"{done}"'
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = BOX
    _protect(ws)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToHeight = 1


def _formulawrite_cell(text: str) -> str:
    return text.replace('"', '""').replace("\n", '"&CHAR(10)&"')
