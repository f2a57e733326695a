"""The yearly document in docx, HTML and Markdown: structure, the summary, escaping, and real clients reading it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import docx
import pytest
from clients import chromium_pdf, needs_chromium, needs_pdftotext, needs_soffice, pdf_text, soffice_convert
from conftest import EXAMPLE, assert_no_traceback, cli, in_order

from tolvfalt.framework import Framework
from tolvfalt.read import load

RATED = """\
förbund: Exempelförbundet
år: 2025
ort: Exempelstad
datum: 2025-10-01
författare: Förbundschefen
insatser: [Steget, Bron]
fält:
  1:
    svar:
      a: Steget har *gemensamma* mål.
      b: Bron saknar platser.
    bedömning: 3
    brister: [För få platser i Bron]
    åtgärder: [Utöka Bron]
  5:
    svar:
      a: Samarbetet fungerar.
    bedömning: 1
    möjligheter: [Gemensam handledning]
"""


@pytest.fixture
def rated(tmp_path: Path) -> Path:
    path = tmp_path / "2025.yaml"
    path.write_text(RATED, "utf-8")
    return path


def document_parts(framework: Framework, lang: str = "sv") -> list[str]:
    parts = []
    for field in framework.fields:
        parts.append(framework.heading(field, lang))
        parts.extend(q(lang) for q in field.questions)
    return parts


# docx


def test_docx_structure(tmp_path, framework):
    out = tmp_path / "k.docx"
    run = cli("assess", EXAMPLE, "-o", out)
    assert run.exit_code == 0, run.stderr
    doc = docx.Document(str(out))
    styles = [p.style.name for p in doc.paragraphs]
    assert styles.count("Title") == 1
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    fields = [framework.heading(f, "sv") for f in framework.fields]
    assert headings[0] == "Sammanfattning för styrelsen"
    assert [h for h in headings if h in fields] == fields
    questions = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert [q for q in questions if q in {x.sv for x in framework.questions}] == [x.sv for x in framework.questions]
    # no paragraph of bold text alone stands in for a heading
    assert not [p.text for p in doc.paragraphs if p.runs and p.style.name == "Normal" and all(r.bold for r in p.runs)]
    grid = doc.tables[1]
    assert (len(grid.rows), len(grid.columns)) == (5, 4)
    assert grid.style.name == "Table Grid"
    assert grid.cell(1, 1).paragraphs[1].text == "Finns ett gemensamt mål för deltagaren?"
    italic = [r.text for p in doc.paragraphs for r in p.runs if r.italic]
    assert "tillsammans" in italic
    assert "inte" in italic
    assert doc.paragraphs[0].text == "Fagersta | 2009-10-06"
    assert [p.text for p in doc.paragraphs[-3:]] == ["Jonas Wells", "Norra Västmanlands Samordningsförbund",
                                                      "Fagersta, 2009-10-06"]  # fmt: skip
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_docx_grid_is_coloured_by_rating(tmp_path, rated, framework):
    out = tmp_path / "k.docx"
    assert cli("assess", rated, "-o", out).exit_code == 0
    grid = docx.Document(str(out)).tables[1]

    def fill(cell) -> str | None:
        shd = cell._tc.xpath("./w:tcPr/w:shd")
        return shd[0].get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill") if shd else None

    assert fill(grid.cell(1, 1)) == framework.scale_step(3).color.lstrip("#")  # field 1: 3 God
    assert fill(grid.cell(2, 2)) == framework.scale_step(1).color.lstrip("#")  # field 5: 1 Otillfredsställande
    assert fill(grid.cell(1, 2)) is None  # field 2: unrated stays neutral


def test_docx_summary_and_insatser(tmp_path, rated):
    out = tmp_path / "k.docx"
    assert cli("assess", rated, "-o", out).exit_code == 0
    doc = docx.Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Sammanfattning" in text
    assert "För få platser i Bron" in text
    assert "Gemensam handledning" in text
    insatser = doc.tables[2]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in insatser.rows[1:]}
    assert rows["Steget"][0] == "✓"
    assert rows["Steget"][4] == ""
    assert rows["Bron"][0] == "✓"


def test_docx_template_gives_letterhead_and_styles(tmp_path, rated):
    base = docx.Document()
    base.sections[0].header.paragraphs[0].text = "Exempelförbundets brevhuvud"
    base.add_paragraph("Text i mallen som inte ska följa med")
    base.styles["Heading 1"].font.name = "Courier New"
    template = tmp_path / "mall.docx"
    base.save(str(template))
    out = tmp_path / "k.docx"
    run = cli("assess", rated, "-o", out, "--docx-template", template)
    assert run.exit_code == 0, run.stderr
    doc = docx.Document(str(out))
    assert doc.sections[0].header.paragraphs[0].text == "Exempelförbundets brevhuvud"
    assert all("Text i mallen" not in p.text for p in doc.paragraphs)
    assert doc.styles["Heading 1"].font.name == "Courier New"


def test_bad_docx_template(tmp_path, rated):
    template = tmp_path / "mall.docx"
    template.write_text("inte word", "utf-8")
    run = cli("assess", rated, "-o", tmp_path / "k.docx", "--docx-template", template)
    assert run.exit_code == 1
    assert "är inget Word-dokument" in run.stderr
    assert_no_traceback(run)


@needs_soffice
@needs_pdftotext
def test_docx_printed_by_libreoffice_has_everything_in_order(tmp_path, framework):
    out = tmp_path / "kartlaggning-2009.docx"
    assert cli("assess", EXAMPLE, "-o", out).exit_code == 0
    text = pdf_text(soffice_convert(out, "pdf", tmp_path))
    in_order(text, [*document_parts(framework), "Jonas Wells", "Norra Västmanlands Samordningsförbund"])


# HTML


def test_html_is_self_contained(tmp_path):
    out = tmp_path / "k.html"
    assert cli("assess", EXAMPLE, "-o", out).exit_code == 0
    page = out.read_text("utf-8")
    assert "<script" not in page
    assert "<link" not in page
    assert "@import" not in page
    assert not re.search(r"""(src|href)=["'](?!#)""", page)  # links only within the page
    assert "size: A4;" in page


def test_html_escapes_user_text(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(
        "förbund: 'A & B <förbund>'\når: 2025\nfält:\n  1:\n    svar:\n"
        "      a: '<script>alert(1)</script> & \"citat\" <img src=x onerror=alert(2)>'\n",
        "utf-8",
    )
    out = tmp_path / "x.html"
    assert cli("assess", path, "-o", out).exit_code == 0
    page = out.read_text("utf-8")
    assert "<script>" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;citat&#34;" in page
    assert "A &amp; B &lt;förbund&gt;" in page


@needs_chromium
@needs_pdftotext
def test_html_printed_by_chromium_has_everything_in_order(tmp_path, framework):
    out = tmp_path / "kartlaggning.html"
    assert cli("assess", EXAMPLE, "-o", out).exit_code == 0
    text = pdf_text(chromium_pdf(out, tmp_path / "k.pdf"))
    in_order(text, [*document_parts(framework), "Jonas Wells", "Norra Västmanlands Samordningsförbund"])


@needs_chromium
@needs_pdftotext
def test_html_escaped_text_prints_as_text(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(
        "förbund: X\når: 2025\nfält:\n  1:\n    svar:\n      a: '<script>document.title=1</script> & \"ok\"'\n"
    )
    out = tmp_path / "x.html"
    assert cli("assess", path, "-o", out).exit_code == 0
    text = pdf_text(chromium_pdf(out, tmp_path / "x.pdf"))
    assert '<script>document.title=1</script> & "ok"' in text


# all formats


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_english_document(tmp_path, suffix, framework):
    out = tmp_path / f"k{suffix}"
    assert cli("assess", EXAMPLE, "-o", out, "--lang", "en").exit_code == 0
    text = (
        "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        if suffix == ".docx"
        else html.unescape(re.sub(r"\\(.)", r"\1", out.read_text("utf-8")))
    )
    in_order(text, [*document_parts(framework, "en")])
    assert "Summary" in text
    assert "Fält" not in text
    assert "Ej besvarad" not in text


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_incomplete_document_marks_gaps(tmp_path, rated, suffix):
    out = tmp_path / f"k{suffix}"
    run = cli("assess", rated, "-o", out)
    assert run.exit_code == 0
    assert "3 av 23 frågor besvarade" in run.stderr
    text = (
        "\n".join(p.text for p in docx.Document(str(out)).paragraphs) if suffix == ".docx" else out.read_text("utf-8")
    )
    assert text.count("Ej besvarad") == 20
    assert "3 av 23 frågor besvarade" in text
    strict = cli("assess", rated, "-o", tmp_path / f"s{suffix}", "--strict")
    assert strict.exit_code == 1
    assert not (tmp_path / f"s{suffix}").exists()


def test_markdown_summary(tmp_path, rated):
    md = cli("assess", rated, "--format", "md").stdout
    in_order(md, ["## Sammanfattning", "### Brister, möjligheter och åtgärder per fält",
                  "**Fält 1: Deltagare - Struktur och förutsättningar**", "- För få platser i Bron",
                  "**Fält 5: Personal - Process och aktiviteter**", "- Gemensam handledning",
                  "### Insatser som nämns per fält", "| Steget | ✓ |", "| Bron | ✓ |"])  # fmt: skip
    assert (
        "**1** Finns ett gemensamt mål för deltagaren? Finns de insatser som behövs? Är målgruppen relevant? *(3 God)*"
        in md
    )


def test_insats_mentions_follow_inflections(framework):
    from tolvfalt.summary import insats_mentions

    mentions = insats_mentions(load(EXAMPLE, framework), framework)
    assert mentions["Resam"][:3] == [1, 2, 3]  # "Resams 50 %" in 1a counts
    assert 4 not in mentions["Resam"]


def test_html_is_the_same_whatever_its_compiled_templates_hold(tmp_path, monkeypatch, framework):
    """The templates are compiled once and kept; a damaged copy is compiled again, one that cannot be written is
    not kept, and neither changes a page."""
    from tolvfalt.formats import html as html_format
    from tolvfalt.formats import render

    assert html_format._compiled() is not None  # jinja2's own folder for this user
    cache = html_format.compiled_templates(str(tmp_path))
    monkeypatch.setattr(html_format, "_compiled", lambda: cache)
    page = render(load(EXAMPLE, framework), "html")
    kept = sorted(Path(cache.directory).glob("__jinja2_*.cache"))
    assert kept  # compiled once, kept for the next run
    for path in kept:
        path.write_bytes(path.read_bytes()[:40])  # cut short, as a full disk leaves it
    assert render(load(EXAMPLE, framework), "html") == page
    assert all(path.stat().st_size > 40 for path in kept)  # compiled again and kept whole

    def unwritable(self, bucket):
        raise PermissionError("read-only")

    monkeypatch.setattr("jinja2.FileSystemBytecodeCache.dump_bytecode", unwritable)
    for path in kept:
        path.unlink()
    assert render(load(EXAMPLE, framework), "html") == page


def test_writing_a_pdf_leaves_the_collector_as_it_found_it(framework):
    import gc

    from tolvfalt.formats import render

    before = (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled())
    pdf = render(load(EXAMPLE, framework), "pdf")
    assert pdf.startswith(b"%PDF-")
    assert (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()) == before
