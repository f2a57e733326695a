"""What is published meets WCAG 2.1 AA, checked with real tools: axe-core in headless Chromium on every HTML page,
the PDFs read back (tags, language, title, header cells, text in order), the docx and xlsx read back, and the
contrast of every coloured cell computed."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from clients import CHROMIUM, PDFTOTEXT, needs_chromium, needs_pdftotext, pdf_text
from colour_science import smallest_difference
from conftest import EXAMPLE, ROOT, cli, in_order

from tolvfalt.formats.colour import MIN_CONTRAST, contrast

EXAMPLES = ROOT / "examples"
ON_CI = bool(os.environ.get("CI"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SIGNED = """\
förbund: Exempelförbundet
år: 2025
ort: Exempelstad
datum: 2025-10-01
författare: Förbundschefen
befattning: Förbundschef
diarienummer: SAM 2025/17
beslutad: 2025-11-20 § 45
utkast: ja
fält:
  1:
    svar:
      a: Målen är *gemensamma*.
    bedömning: 4
"""


def _weasyprint() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


needs_weasyprint = pytest.mark.skipif(not _weasyprint() and not ON_CI, reason="WeasyPrint or Pango is missing")


def _pages(tmp_path: Path) -> list[Path]:
    """Every kind of HTML page tolvfalt writes, in both languages."""
    pages = []
    signed = tmp_path / "signerad.yaml"
    signed.write_text(SIGNED, "utf-8")
    for lang in ("sv", "en"):
        for name, args in (
            ("2009", [EXAMPLE]),
            ("2011", [EXAMPLES / "2011-pahittad.yaml"]),
            ("signerad", [signed]),
        ):
            out = tmp_path / f"{name}-{lang}.html"
            assert cli("assess", *args, "-o", out, "--lang", lang).exit_code == 0
            pages.append(out)
        out = tmp_path / f"jamforelse-{lang}.html"
        assert cli("compare", EXAMPLES, "-o", out, "--lang", lang).exit_code == 0
        pages.append(out)
        out = tmp_path / f"sammanstallning-{lang}.html"
        merge = [EXAMPLES / "2010-pahittad.yaml", EXAMPLES / "exempelforbundet-2010.yaml", "--force"]
        assert cli("merge", *merge, "-o", out, "--lang", lang).exit_code == 0
        pages.append(out)
        merged, out = tmp_path / f"sammanstallning-{lang}.yaml", tmp_path / f"sammanstalld-kartlaggning-{lang}.html"
        assert cli("merge", *merge, "-o", merged).exit_code == 0  # every party's voice in the yearly document
        assert cli("assess", merged, "-o", out, "--lang", lang).exit_code == 0
        pages.append(out)
    return pages


@needs_chromium
def test_axe_core_finds_no_violation_on_any_page(tmp_path):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    assert CHROMIUM
    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page()
        for path in _pages(tmp_path):
            page.goto(path.as_uri())
            result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            found[path.name] = [(v["id"], v["nodes"][0]["html"][:120]) for v in result.response["violations"]]
            assert result.response["passes"], path.name  # axe really ran its rules
        browser.close()
    assert found, found
    assert not any(found.values()), found


def test_every_coloured_cell_of_every_page_reads(tmp_path):
    pairs = 0
    for path in _pages(tmp_path):
        page = path.read_text("utf-8")
        for background, colour in re.findall(r"background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6})", page):
            assert contrast(background, colour) >= MIN_CONTRAST, (path.name, background, colour)
            pairs += 1
    assert pairs > 50


def test_charts_say_what_they_show(tmp_path, framework):
    out = tmp_path / "j.html"
    assert cli("compare", EXAMPLES, "-o", out).exit_code == 0
    page = out.read_text("utf-8")
    titles = re.findall(r"<svg[^>]*role=\"img\"[^>]*><title>([^<]+)</title>", page)
    assert len(titles) == page.count("<svg") > 0
    assert "1 Deltagare · Struktur och förutsättningar: 2009 –, 2010 3, 2011 4" in titles
    assert "<caption>" in page
    assert 'scope="col"' in page
    assert 'scope="row"' in page
    assert "<title>Jämförelse: Exempelforsens Samordningsförbund 2010, Norra Västmanlands" in page


def test_the_default_scale_is_seen_by_everyone(framework):
    colours = [s.color for s in framework.scale]
    for kind in ("protanopia", "deuteranopia", "tritanopia"):
        assert smallest_difference(colours, kind) >= 16, kind
    assert smallest_difference(colours, "greyscale") >= 10
    from tolvfalt.formats.colour import text_colour

    assert all(contrast(c, text_colour(c)) >= MIN_CONTRAST for c in colours)


# PDF -------------------------------------------------------------------------------------------------------------


def _structure(pdf) -> dict[str, int]:
    import pikepdf

    roles: dict[str, int] = {}

    def walk(node) -> None:
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                roles[str(node.S)] = roles.get(str(node.S), 0) + 1
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                for kid in kids:
                    walk(kid)
            elif isinstance(kids, pikepdf.Dictionary):
                walk(kids)

    walk(pdf.Root.StructTreeRoot)
    return roles


@needs_weasyprint
@needs_pdftotext
@pytest.mark.parametrize(("lang", "code"), [("sv", "sv-SE"), ("en", "en-GB")])
def test_the_pdf_is_tagged_titled_and_in_order(tmp_path, framework, lang, code):
    import pikepdf

    out = tmp_path / "kartlaggning-2009.pdf"
    run = cli("assess", EXAMPLE, "-o", out, "--lang", lang)
    assert run.exit_code == 0, run.stderr
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == code
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert bool(pdf.Root.MarkInfo.Marked)
        title = "Kartläggning av samverkan 2009" if lang == "sv" else "Mapping of collaboration 2009"
        assert str(pdf.docinfo.Title).startswith(title)
        assert str(pdf.docinfo.Author) == "Jonas Wells"
        with pdf.open_metadata() as xmp:
            assert (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) == ("2", "A")
        roles = _structure(pdf)
    assert roles["/H1"] == 1
    assert roles["/H2"] >= len(framework.fields)
    assert roles["/H3"] >= len(framework.questions)
    assert roles["/TH"] >= 2 * (len(framework.rows) + len(framework.columns))
    assert roles["/Caption"] >= 2
    assert roles["/L"] >= 1
    assert roles["/LI"] >= 1
    parts = []
    for f in framework.fields:
        parts.append(framework.heading(f, lang))
        parts.extend(q(lang) for q in f.questions)
    text = pdf_text(out)
    in_order(text, [title, *parts, "Jonas Wells", "Norra Västmanlands Samordningsförbund", "Fagersta, 2009-10-06"])


@needs_weasyprint
@needs_pdftotext
def test_a_draft_says_so_on_every_page_and_signs_with_the_decision(tmp_path):
    import pikepdf

    source = tmp_path / "signerad.yaml"
    source.write_text(SIGNED, "utf-8")
    out = tmp_path / "k.pdf"
    assert cli("assess", source, "-o", out).exit_code == 0
    with pikepdf.open(out) as pdf:
        pages = len(pdf.pages)
    assert PDFTOTEXT
    for number in range(1, pages + 1):
        text = subprocess.run([PDFTOTEXT, "-f", str(number), "-l", str(number), out, "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
        assert "UTKAST" in text
        assert f"Sida {number} av {pages}" in text
    text = pdf_text(out)
    assert "Diarienummer: SAM 2025/17" in text
    assert "Beslutad av styrelsen 2025-11-20 § 45" in text
    in_order(text, ["Förbundschefen", "Förbundschef", "Exempelförbundet", "Exempelstad, 2025-10-01"])


@needs_weasyprint
@pytest.mark.parametrize("command", ["compare", "merge"])
def test_comparison_and_merged_view_as_pdf(tmp_path, command):
    import pikepdf

    out = tmp_path / f"{command}.pdf"
    args = (
        [EXAMPLES]
        if command == "compare"
        else [EXAMPLES / "2010-pahittad.yaml", EXAMPLES / "exempelforbundet-2010.yaml", "--force"]
    )
    assert cli(command, *args, "-o", out).exit_code == 0
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == "sv-SE"
        assert "/TH" in _structure(pdf)


def test_without_weasyprint_a_pdf_is_a_message_and_the_rest_works(tmp_path):
    code = (
        "import sys; sys.modules['weasyprint'] = None; from tolvfalt.cli import main; "
        f"sys.exit(main(['assess', {str(EXAMPLE)!r}, '-o', {str(tmp_path / 'k.pdf')!r}]))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "pip install 'tolvfalt[pdf]'" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "k.pdf").exists()
    code = code.replace("k.pdf", "k.html")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120).returncode == 0


# docx ------------------------------------------------------------------------------------------------------------


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize(("lang", "code"), [("sv", "sv-SE"), ("en", "en-GB")])
def test_the_docx_says_its_language_title_and_author(tmp_path, lang, code):
    out = tmp_path / "k.docx"
    assert cli("assess", EXAMPLE, "-o", out, "--lang", lang).exit_code == 0
    doc = docx.Document(str(out))
    props = doc.core_properties
    assert props.language == code
    assert props.author == "Jonas Wells"
    assert props.title.startswith(("Kartläggning", "Mapping"))
    assert props.created.replace(tzinfo=None) > dt.datetime(2020, 1, 1)
    assert "python-docx" not in props.comments + props.author
    defaults = doc.styles.element.find(f"{W}docDefaults")
    assert defaults.find(f".//{W}lang").get(f"{W}val") == code
    with zipfile.ZipFile(out) as archive:
        assert not [n for n in archive.namelist() if "thumbnail" in n]
        assert b"python-docx" not in archive.read("docProps/core.xml")


def test_docx_tables_have_header_rows_and_descriptions(tmp_path):
    out = tmp_path / "k.docx"
    assert cli("assess", EXAMPLE, "-o", out).exit_code == 0
    doc = docx.Document(str(out))
    assert len(doc.tables) == 3
    for table in doc.tables:
        assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
        assert table._tbl.tblPr.find(f"{W}tblCaption") is not None
        assert table._tbl.tblPr.find(f"{W}tblDescription") is not None


def test_docx_colours_read(tmp_path):
    out = tmp_path / "k.docx"
    assert cli("assess", EXAMPLES / "2011-pahittad.yaml", "-o", out).exit_code == 0
    doc = docx.Document(str(out))
    checked = 0
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                shading = cell._tc.find(f"{W}tcPr/{W}shd")
                if shading is None:
                    continue
                for run in (r for p in cell.paragraphs for r in p.runs if r.text.strip()):
                    assert contrast(f"#{shading.get(f'{W}fill')}", f"#{run.font.color.rgb}") >= MIN_CONTRAST
                    checked += 1
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        assert contrast("#ffffff", f"#{doc.styles[name].font.color.rgb}") >= MIN_CONTRAST, name
    assert checked > 20


# xlsx ------------------------------------------------------------------------------------------------------------


def test_the_template_is_accessible(tmp_path):
    out = tmp_path / "mall.xlsx"
    assert cli("template", "-o", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.properties.title
    assert wb.properties.creator
    for name in ("Uppgifter", "Svar"):
        ws = wb[name]
        assert all(cell.value for cell in ws[1][: ws.max_column]), name
    validation = wb["Svar"].data_validations.dataValidation[0]
    assert validation.showErrorMessage
    assert validation.errorStyle == "stop"
    assert validation.showInputMessage
    assert "1 Otillfredsställande" in validation.prompt
    assert "4 Mycket god" in validation.error
    instructions = " ".join(str(c.value) for c in wb["Instruktioner"]["A"] if c.value)
    assert not re.search(r"grå|gul|röd|grön|blå", instructions, re.I)


def test_the_comparison_workbook_speaks_swedish(tmp_path):
    out = tmp_path / "j.xlsx"
    assert cli("compare", EXAMPLES, "-o", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        header = [c.value for c in ws[1] if c.value is not None]
        assert header, ws.title
        assert len(header) == len(set(map(str, header))), ws.title
        assert not any(re.fullmatch(r"[a-z]+_[a-z_]+", str(v)) for row in ws.iter_rows(values_only=True) for v in row)
    assert all(len(ws.title) <= 31 for ws in wb.worksheets)


def test_sheet_names_are_cut_at_a_word():
    from tolvfalt.formats.xlsx_comparison import _sheet_title

    used: set[str] = set()
    title = _sheet_title("Norra Västmanlands Samordningsförbund (Försäkringskassan)", used)
    assert title == "Norra Västmanlands"
    assert _sheet_title("Norra Västmanlands Samordningsförbund", used) != title


# what changed since last year --------------------------------------------------------------------------------


def test_the_summary_shows_what_changed_since_last_year(tmp_path):
    out = tmp_path / "k.html"
    run = cli("assess", EXAMPLES / "2011-pahittad.yaml", "-o", out)
    assert run.exit_code == 0
    assert "2010-pahittad.yaml" in run.stderr
    page = out.read_text("utf-8")
    summary = page.split('id="summary"')[1].split('class="contents"')[0]
    assert "Förändringar 2010–2011" in summary
    assert "bedömning 3 → 4 ↑" in summary
    alone = tmp_path / "2011.yaml"
    alone.write_bytes((EXAMPLES / "2011-pahittad.yaml").read_bytes())
    out2 = tmp_path / "k2.html"
    assert cli("assess", alone, "-o", out2).exit_code == 0
    assert "Förändringar" not in out2.read_text("utf-8")
    out3 = tmp_path / "k3.html"
    assert cli("assess", alone, "-o", out3, "--previous", EXAMPLES / "2010-pahittad.yaml").exit_code == 0
    assert "Förändringar 2010–2011" in out3.read_text("utf-8")
