"""The round's document as a styrelse member reads it, and the round as each party meets it: workbooks filled
only in unlocked cells, one party half done, one typing ratings as words, one renaming its file, one silent."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from clients import needs_pdftotext, pdf_text
from conftest import cli
from readme_round import type_into
from test_round import FORBUND, PARTIES, _fill, _send_out, _workbook

from tolvfalt.read.framework import default_framework
from tolvfalt.round import status

HEAD = f"""förbund: {FORBUND}
år: 2026
ort: Exempelforsen
datum: 2026-12-20
författare: Förbundschefen
befattning: förbundschef
sammanfattning: Styrelsen föreslås besluta om en gemensam rutin för uppföljning.
fält:
  2:
    bedömning: 3
    analys: Parterna ser deltagarens aktivitet olika.
"""


@pytest.fixture
def round_folder(tmp_path):
    folder = tmp_path / "omgang"
    _send_out(folder)
    fw = default_framework()
    ids = list(fw.question_ids)
    _fill(_workbook(folder, "Försäkringskassan"), {q: f"FK om {q}." for q in ids[:12]}, {1: 4, 2: 4}, "K1")
    kommunerna = _workbook(folder, "Kommunerna")
    _fill(kommunerna, {q: f"Kommunerna om {q}." for q in ids}, {}, "K2")
    type_into(kommunerna, "Bedömning", {"1a": "Otillfredsställande", "2a": "1 - Otillfredsställande"})
    type_into(kommunerna, "Brister", {"1a": "•\tVäntetider\n–\tOtydligt ansvar"})
    regionen = _workbook(folder, "Regionen")
    _fill(regionen, {"1a": "Regionen om 1a."}, {1: 3}, "K3")
    regionen.rename(folder / "Svar från Regionen.xlsx")  # renamed by the party
    (folder / "forbundschefens-del.yaml").write_text(HEAD, "utf-8")
    return folder


def test_ratings_typed_as_words_and_bullets_are_read_as_meant(round_folder):
    run = cli("merge", round_folder, "-o", round_folder.parent / "s.yaml")
    assert run.exit_code == 0, run.stderr
    merged = cli("assess", round_folder.parent / "s.yaml", "--format", "json").stdout
    assert '"bedömning": 1' in merged
    assert '"Väntetider"' in merged
    assert '"Otydligt ansvar"' in merged
    assert "•" not in merged


@pytest.mark.parametrize("typed", ["2 eller 3", "God eller bra", "4 God"])
def test_an_unclear_rating_is_refused_with_its_cell_and_the_scale(round_folder, typed):
    path = _workbook(round_folder, "Kommunerna")
    type_into(path, "Bedömning", {"5a": typed})
    run = cli("check", path, "--json")
    assert run.exit_code == 1
    problems = [p for entry in __import__("json").loads(run.stdout) for p in entry["problems"]]
    assert [p["code"] for p in problems] == ["rating_unclear"]
    assert re.fullmatch(r"Svar![A-Z]+\d+", problems[0]["line"])
    assert "heltal" not in problems[0]["message"]
    assert "1 Otillfredsställande" in problems[0]["message"]


def test_status_matches_a_renamed_return_and_names_the_late(round_folder):
    result = status(round_folder, default_framework(), today=dt.date(2026, 12, 16))
    by_name = {e.name: e for e in result.entries}
    assert by_name["Regionen"].file == "Svar från Regionen.xlsx"
    assert by_name["Regionen"].returned
    assert result.late == ["Arbetsförmedlingen"]
    assert status(round_folder, default_framework(), today=dt.date(2026, 12, 15)).late == []


def test_a_deadline_in_another_format_or_past_is_said_in_swedish(tmp_path):
    run = cli("template", "--respondent", "Regionen", "--forbund", FORBUND, "--ar", "2026", "--deadline",
              "15/12/2026", "-o", tmp_path / "a")  # fmt: skip
    assert run.exit_code == 2
    assert "ÅÅÅÅ-MM-DD" in run.stderr
    assert not (tmp_path / "a").exists()
    run = cli("template", "--respondent", "Regionen", "--forbund", FORBUND, "--ar", "2026", "--deadline",
              "2020-01-01", "-o", tmp_path / "b")  # fmt: skip
    assert run.exit_code == 0
    assert "har redan passerat" in run.stderr


def test_a_party_workbook_holds_only_the_partys_part(tmp_path):
    folder = tmp_path / "omgang"
    _send_out(folder)
    wb = openpyxl.load_workbook(_workbook(folder, "Regionen"))
    assert "Analys" not in [c.value for c in wb["Svar"][1]]
    keys = [row[0].value for row in wb["Uppgifter"].iter_rows(min_row=2)]
    for key in ("titel", "diarienummer", "beslutad", "utkast", "avslutning", "sammanfattning"):
        assert key not in keys
    assert "Uppföljning" not in wb.sheetnames
    instructions = " ".join(str(c.value) for c in wb["Instruktioner"]["A"] if c.value)
    assert "allmän handling" in instructions
    assert "personuppgifter" in instructions
    heights = [wb["Instruktioner"].row_dimensions[c.row].height for c in wb["Instruktioner"]["A"] if c.value]
    assert all(h for h in heights)  # LibreOffice shows every line whole


@needs_pdftotext
def test_the_summary_says_who_took_part_and_who_rated_what(round_folder, tmp_path):
    merged = tmp_path / "s.yaml"
    assert cli("merge", round_folder, "-o", merged).exit_code == 0
    pdf = tmp_path / "k.pdf"
    run = cli("assess", merged, "-o", pdf)
    assert run.exit_code == 0, run.stderr
    text = " ".join(pdf_text(pdf).split())
    assert "Försäkringskassan: 12 av 23 frågor besvarade, 2 fält bedömda" in text
    assert "Kommunerna: 23 av 23 frågor besvarade, 2 fält bedömda" in text
    assert "Regionen: 1 av 23 frågor besvarade, 1 fält bedömda" in text
    assert "Har inte svarat: Arbetsförmedlingen." in text
    differ = re.search(r"Parterna bedömer fältet olika: ([^.]*?Kommunerna 1[^.]*?)(?: \d+ |$|•)", text)
    assert differ is not None
    assert {"Försäkringskassan 4", "Kommunerna 1", "Regionen 3"} <= {s.strip() for s in differ.group(1).split(",")}
    assert "Styrelsen föreslås besluta om en gemensam rutin för uppföljning." in text
    assert "Parterna ser deltagarens aktivitet olika." in text
    assert "23 av 23 frågor besvarade." not in text
    assert "median" not in text


def test_a_field_nobody_agreed_on_shows_the_parties_not_a_median(round_folder, tmp_path):
    merged = tmp_path / "s.yaml"
    assert cli("merge", round_folder, "-o", merged).exit_code == 0
    md = cli("assess", merged, "--format", "md").stdout
    field_1 = md[md.index("## Fält 1:") : md.index("## Fält 2:")]
    assert "**Bedömning:** Ej bedömd" in field_1
    assert "Otillfredsställande" not in field_1.split("**Bedömning:**")[1].split("\n")[0]
    assert "Parterna bedömer fältet olika: Regionen 3, Försäkringskassan 4, Kommunerna 1" in field_1


def test_only_the_grid_page_of_the_docx_is_landscape(round_folder, tmp_path):
    merged = tmp_path / "s.yaml"
    assert cli("merge", round_folder, "-o", merged).exit_code == 0
    docx = tmp_path / "k.docx"
    assert cli("assess", merged, "-o", docx).exit_code == 0
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    sizes = [tuple(map(int, m)) for m in re.findall(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', xml)]
    assert len(sizes) == 3
    assert [w > h for w, h in sizes] == [False, True, False]
    assert xml.count('w:orient="landscape"') == 1
    contents = xml[xml.index("Innehåll") :]
    assert "Uppföljning av förra årets åtgärder" not in contents or "Uppföljning" in contents  # listed when present
    for name in PARTIES[:1] + PARTIES[2:]:
        assert name in xml


def _type_in_field(path: Path, column: str, field: int, text: str) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Svar"]
    col = [c.value for c in ws[1]].index(column) + 1
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if str(r[0].value) == f"{field}a")
    cell = ws.cell(row, col)
    assert not cell.protection.locked
    cell.value = text
    wb.save(path)


def test_merging_again_after_a_late_return_keeps_what_the_forbundschef_wrote(round_folder, tmp_path):
    (round_folder / "forbundschefens-del.yaml").unlink()  # the workbook route: no YAML for the own part
    book = tmp_path / "sammanstallning.xlsx"
    assert cli("merge", round_folder, "-o", book).exit_code == 0
    headers = [c.value for c in openpyxl.load_workbook(book)["Svar"][1]]
    assert {"Svar – Försäkringskassan", "Svar – Kommunerna", "Svar – Regionen"} <= set(headers)
    _type_in_field(book, "Analys", 3, "Förbundschefens analys av fält 3.")
    _type_in_field(book, "Bedömning", 3, "2 Godtagbar")
    _fill(_workbook(round_folder, "Arbetsförmedlingen"), {"3a": "Sent svar."}, {3: 2}, "K4")  # a late return
    run = cli("merge", round_folder, "-o", book, "--force")
    assert run.exit_code == 0, run.stderr
    merged = cli("assess", book, "--format", "json")
    data = __import__("json").loads(merged.stdout)
    assert data["fält"]["3"]["analys"] == "Förbundschefens analys av fält 3."
    assert data["fält"]["3"]["bedömning"] == 2
    assert "Arbetsförmedlingen" in data["svarande"]
    assert "ej_svarat" not in data


def test_a_merged_file_is_never_read_as_a_party(round_folder, tmp_path):
    first = round_folder / "sammanstallning.yaml"
    assert cli("merge", round_folder, "-o", first).exit_code == 0
    again = cli("merge", round_folder, "-o", tmp_path / "again.yaml")
    assert again.exit_code == 0, again.stderr
    assert "sammanstallning.yaml" in again.stderr
    data = cli("assess", tmp_path / "again.yaml", "--format", "json").stdout
    assert "sammanstallning" not in __import__("json").loads(data)["svarande"]
    named = cli("merge", first, _workbook(round_folder, "Kommunerna"), "-o", tmp_path / "x.yaml")
    assert named.exit_code == 1
    assert "merged_input" not in named.stderr
    assert "redan en sammanställning" in named.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_the_round_file_is_never_an_output(round_folder):
    run = cli("merge", round_folder, "-o", round_folder / "omgang.yaml", "--force")
    assert run.exit_code == 1
    assert "omgångens fil" in run.stderr
    assert "förbund:" in (round_folder / "omgang.yaml").read_text("utf-8")


def test_the_own_part_starts_with_every_key_and_the_parties_ratings(round_folder):
    (round_folder / "forbundschefens-del.yaml").unlink()
    own = round_folder / "egen-del.yaml"
    run = cli("new", own, "--head", "--forbund", FORBUND, "--ar", "2026")
    assert run.exit_code == 0, run.stderr
    text = own.read_text("utf-8")
    for key in ("sammanfattning:", "analys:", "godkända_namn:", "bedömning:"):
        assert key in text
    assert "svar:" not in text
    assert "# Regionen 3 · Försäkringskassan 4 · Kommunerna 1" in text
    checked = cli("check", own, "--json")
    assert checked.exit_code == 0, checked.stderr
    entry = __import__("json").loads(checked.stdout)[0]
    assert entry["own_part"] == {"rated": 0, "analysed": 0, "total": 12}
    line = cli("check", own).stdout
    assert "0/23" not in line
    assert "0/12 fält med gemensam bedömning" in line


def test_compare_of_two_rounds_shows_the_parties_side_by_side(round_folder, tmp_path):
    this_year = tmp_path / "2026.yaml"
    assert cli("merge", round_folder, "-o", this_year).exit_code == 0
    last_year = tmp_path / "2025.yaml"
    last_year.write_text(this_year.read_text("utf-8").replace("år: 2026", "år: 2025"), "utf-8")
    terminal = cli("compare", last_year, this_year, "--format", "terminal").stdout
    assert terminal.count("Bedömningar per år") == 1  # the förbund once, not a block per party
    for header in ("2025 gemensam", "2025 Försäkringskassan", "2026 Kommunerna", "2026 Regionen"):
        assert header in terminal
    md = cli("compare", last_year, this_year, "--format", "md").stdout
    assert "Parternas bedömningar per år" in md
    assert "kopierat?" not in md  # every answer here is a few words: kept from last year is no sign of copying
    title = md.splitlines()[0]
    assert title.count("Exempelforsens Samordningsförbund") == 1


def test_template_honours_forbund_and_ar_for_the_forbunds_own_workbook(tmp_path):
    out = tmp_path / "egen.xlsx"
    assert cli("template", "-o", out, "--forbund", FORBUND, "--ar", "2027").exit_code == 0
    data = __import__("json").loads(cli("assess", out, "--format", "json").stdout)
    assert data["förbund"] == FORBUND
    assert data["år"] == 2027
