"""Kartläggningar written by hand, built for the import tests and the accuracy benchmark: the 2009 seed as the Word
file it was (title, place and date, inledning, the grid, a question | answer table per field that breaks over pages),
and any assessment in the layouts förbund use (headings, bold paragraphs, tables, questions run into their answers,
sloppy headings)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK

from tolvfalt.framework import Framework
from tolvfalt.model import Assessment
from tolvfalt.read.framework import default_framework
from tolvfalt.text import paragraphs, spans

SEED = Path(__file__).resolve().parent / "data" / "kartlaggning-2009-fagersta.txt"
LAYOUTS = ("rubriker", "fetstil", "tabell", "inline", "slarvig", "utan-rubrik")
"""Questions as headings, as bold paragraphs, in a question | answer table, in bold run into the answer; retyped
with typos and numbers, a field heading without its number and two questions in one heading; and one question's
heading left out (field 5's second: its answer then reads as the end of the first's)."""
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”])")


# --- text with light markup as Word runs ------------------------------------------------------------------------


def _runs(paragraph, text: str, bold: bool = False) -> None:
    for span in spans(text):
        run = paragraph.add_run(span.text)
        run.bold = bold or span.bold or None
        run.italic = span.italic or None


def _html_runs(paragraph, text: str) -> None:
    """The seed's cell text (``<i>…</i>``) as runs."""
    for i, part in enumerate(re.split(r"</?i>", text)):
        if part:
            run = paragraph.add_run(part)
            run.italic = bool(i % 2) or None


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --- the seed as its Word file ------------------------------------------------------------------------------------


def seed_docx(path: Path, fields_as: str = "heading") -> Path:
    """The 2009 kartläggning as the Word file it was: the seed's lines, with tab-separated lines as table rows (one
    table per run of rows), a line of dashes or a blank line inside an answer as a page break that splits the table,
    and ``<p>`` as paragraphs within a cell. ``fields_as``: "heading" (Heading 1) or "bold" (a bold paragraph)."""
    doc = docx.Document()
    table = None
    broke = False
    for line in SEED.read_text("utf-8").split("\n"):
        if not line.strip():
            table = None
            continue
        if re.fullmatch(r"[\s-]+", line):
            table, broke = None, True
            _page_break(doc)
            continue
        if "\t" in line:
            cells = line.split("\t")
            if table is None:
                table = doc.add_table(rows=0, cols=len(cells))
                table.style = "Table Grid"
            row = table.add_row()
            for cell, text in zip(row.cells, cells, strict=True):
                parts = [p for p in re.split(r"</?p>", text) if p.strip()] or [""]
                cell.paragraphs[0].text = ""
                for i, part in enumerate(parts):
                    p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                    _html_runs(p, part.strip())
            continue
        table = None
        if line.startswith("Fält "):
            if fields_as == "heading":
                doc.add_heading(line, level=1)
            else:
                doc.add_paragraph().add_run(line).bold = True
        elif line.startswith("Kartläggning av samverkan"):
            doc.add_paragraph(line, style="Title")
        else:
            if broke:
                broke = False
            _html_runs(doc.add_paragraph(), line)
    doc.save(path)
    return path


# --- any assessment in a förbund's layout -------------------------------------------------------------------------


def sloppy(text: str, rng: random.Random) -> str:
    """A question as people retype it: no question mark, a letter swapped or doubled, other capitals."""
    text = text.rstrip("?")
    words = text.split()
    i = rng.randrange(len(words))
    w = words[i]
    if len(w) > 4:
        j = rng.randrange(1, len(w) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :] if rng.random() < 0.5 else w[:j] + w[j] + w[j:]
    out = " ".join(words)
    return out.lower() if rng.random() < 0.3 else out


def assessment_docx(a: Assessment, path: Path, layout: str, framework: Framework | None = None, seed: int = 1) -> Path:
    """``a`` written by hand in one of ``LAYOUTS``: place and date, title, inledning, the grid as a table, then per
    field its heading, each question and its answer (the longest one broken by a page break, or by a table split),
    the rating and the points, and the signature."""
    fw = framework or default_framework()
    rng = random.Random(seed)
    doc = docx.Document()
    date = a.datum.strftime("%d %m %Y") if a.datum else ""
    doc.add_paragraph(" | ".join(p for p in (a.ort, date) if p))
    doc.add_paragraph(a.titel or f'Kartläggning av samverkan {a.ar} efter "tolvfältaren"', style="Title")
    for p in paragraphs(a.inledning or ""):
        _runs(doc.add_paragraph(), p)
    grid = doc.add_table(rows=len(fw.rows) + 1, cols=len(fw.columns) + 1)
    grid.style = "Table Grid"
    for c, column in enumerate(fw.columns, start=1):
        grid.cell(0, c).text = column.sv
    for r, (row, cells) in enumerate(zip(fw.rows, fw.grid(), strict=True), start=1):
        grid.cell(r, 0).text = row.sv
        for c, f in enumerate(cells, start=1):
            grid.cell(r, c).text = f"{f.number} " + " ".join(q.sv for q in f.questions)
    longest = max(fw.questions, key=lambda q: len(a.answer(q.id) or ""))
    for field in fw.fields:
        answers = a.falt.get(field.number)
        heading = fw.heading(field, "sv")
        if layout == "slarvig" and field.number % 3 == 0:
            heading = heading.split(": ", 1)[1].replace(" - ", " – ")
        if layout == "fetstil":
            doc.add_paragraph().add_run(heading).bold = True
        else:
            doc.add_heading(heading, level=1)
        questions = list(field.questions)
        table = None
        skip_heading = layout == "utan-rubrik" and field.number == 5
        merge = layout == "slarvig" and field.number == 7
        for index, q in enumerate(questions):
            text = a.answer(q.id)
            paras = paragraphs(text or "")
            question = q.sv
            if layout == "slarvig":
                question = f"{q.id}. {sloppy(q.sv, rng)}" if field.number % 2 else sloppy(q.sv, rng)
            if merge and index == 0 and len(questions) > 1:
                question = f"{q.sv} {questions[1].sv}"
            if merge and index == 1:
                question = None
            if skip_heading and index == 1:
                question = None
            if layout == "tabell":
                if table is None:
                    table = doc.add_table(rows=0, cols=2)
                    table.style = "Table Grid"
                row = table.add_row()
                row.cells[0].text = question
                if not paras:
                    continue
                if q.id == longest.id and len(paras[0].split()) > 12:  # the answer runs over a page: the table splits
                    words = paras[0].split()
                    cut = len(words) // 2
                    while cut < len(words) - 1 and words[cut][:1].isupper():
                        cut += 1
                    first, second = " ".join(words[:cut]), " ".join(words[cut:])
                    _cell_paragraphs(row.cells[0 + 1], [first])
                    _page_break(doc)
                    table = doc.add_table(rows=0, cols=2)
                    table.style = "Table Grid"
                    cont = table.add_row()
                    _cell_paragraphs(cont.cells[1], [second, *paras[1:]])
                else:
                    _cell_paragraphs(row.cells[1], paras)
                continue
            if question is not None:
                if layout == "inline" and paras:
                    p = doc.add_paragraph()
                    p.add_run(question + " ").bold = True
                    _runs(p, paras[0])
                    paras = paras[1:]
                elif layout in ("fetstil", "inline"):
                    doc.add_paragraph().add_run(question).bold = True
                else:
                    doc.add_heading(question, level=2)
            for i, para in enumerate(paras):
                if q.id == longest.id and i == 0 and layout != "inline" and len(para.split()) > 12:
                    words = para.split()
                    cut = len(words) // 2
                    while cut < len(words) - 1 and words[cut][:1].isupper():
                        cut += 1
                    _runs(doc.add_paragraph(), " ".join(words[:cut]))
                    _page_break(doc)
                    _runs(doc.add_paragraph(), " ".join(words[cut:]))
                else:
                    _runs(doc.add_paragraph(), para)
        table = None
        if answers and answers.bedomning is not None:
            step = fw.scale_step(answers.bedomning)
            doc.add_paragraph(f"Bedömning: {answers.bedomning} {step.sv if step else ''}".strip())
        for key, items in (answers.points() if answers else {}).items():
            if items:
                if layout == "fetstil":
                    doc.add_paragraph().add_run(key.capitalize()).bold = True
                else:
                    doc.add_heading(key.capitalize(), level=3)
                for item in items:
                    _runs(doc.add_paragraph(style="List Bullet"), item)
    doc.add_paragraph()
    doc.add_paragraph(", ".join(p for p in (a.forfattare, a.forbund) if p))
    doc.save(path)
    return path


def _cell_paragraphs(cell, paras: list[str]) -> None:
    cell.paragraphs[0].text = ""
    for i, para in enumerate(paras):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        _runs(p, para)


# --- what is measured -----------------------------------------------------------------------------------------------


def sentences(text: str | None) -> list[str]:
    """The sentences of an answer, without markup and with single spaces."""
    out = []
    for p in paragraphs(text or ""):
        plain = "".join(s.text for s in spans(p))
        out.extend(s.strip() for s in _SENTENCE.split(plain) if s.strip())
    return out


def _flat(text: str | None) -> str:
    return " ".join("".join(s.text for s in spans(p)) for p in paragraphs(text or ""))


def placement(expected: Assessment, imported: Assessment, framework: Framework | None = None) -> tuple[int, int, int]:
    """(sentences, in their own question, found anywhere in the imported file) over every answer of ``expected``."""
    fw = framework or default_framework()
    everything = " ".join(
        _flat(t)
        for t in (
            imported.inledning,
            imported.avslutning,
            *(imported.answer(q.id) for q in fw.questions),
            *(f.analys for f in imported.falt.values()),
        )
    )
    total = own = anywhere = 0
    for q in fw.questions:
        mine = _flat(imported.answer(q.id))
        for sentence in sentences(expected.answer(q.id)):
            total += 1
            own += sentence in mine
            anywhere += sentence in everything
    return total, own, anywhere


Builder = Callable[[Assessment, Path], Path]
