"""The workbook: template, loading it back, spreadsheet output, the round trip, and a real client re-saving it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
from clients import needs_soffice, soffice_convert
from conftest import EXAMPLE, ROOT, assert_no_traceback, cli
from hypothesis import HealthCheck, given, settings
from strategies import assessments

from tolvfalt.formats.xlsx import assessment as render
from tolvfalt.model import Assessment
from tolvfalt.read import load
from tolvfalt.read.framework import default_framework

TEMPLATE = ROOT / "templates" / "tolvfaltaren.xlsx"


def cells(workbook: openpyxl.Workbook) -> dict[str, list[tuple]]:
    return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in workbook.worksheets}


def test_committed_template_is_what_the_command_writes(tmp_path):
    out = tmp_path / "mall.xlsx"
    assert cli("template", "-o", out).exit_code == 0
    assert cells(openpyxl.load_workbook(out)) == cells(openpyxl.load_workbook(TEMPLATE))


def test_template_layout(framework):
    wb = openpyxl.load_workbook(TEMPLATE)
    assert wb.sheetnames == ["Instruktioner", "Uppgifter", "Tolvfältaren", "Svar"]
    svar = wb["Svar"]
    header = [c.value for c in svar[1]]
    assert header[:6] == ["Id", "Fält", "Nivå", "Perspektiv", "Fråga", "Svar"]
    ids = [row[0].value for row in svar.iter_rows(min_row=2)]
    assert ids == list(framework.question_ids)
    assert svar.column_dimensions["A"].hidden
    assert svar.protection.sheet
    assert not svar["F2"].protection.locked
    assert svar["E2"].protection.locked
    assert svar.freeze_panes == "F2"
    validations = svar.data_validations.dataValidation
    assert len(validations) == 1
    assert validations[0].formula1 == '"1 Otillfredsställande,2 Godtagbar,3 God,4 Mycket god"'
    grid = wb["Tolvfältaren"]
    assert grid.page_setup.orientation == "landscape"
    assert grid.page_setup.fitToHeight == 1
    assert str(grid["B3"].value).startswith('="1  "')
    assert "COUNTIFS" in grid["B3"].value


def test_assess_xlsx_round_trip_of_the_example(tmp_path, framework):
    out = tmp_path / "2009.xlsx"
    run = cli("assess", EXAMPLE, "-o", out)
    assert run.exit_code == 0, run.stderr
    assert load(out, framework) == load(EXAMPLE, framework)
    check = cli("check", out)
    assert check.exit_code == 0
    assert "OK, 23/23" in check.stdout


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(assessment=assessments())
def test_round_trip_through_xlsx(tmp_path_factory, assessment: Assessment):
    path = tmp_path_factory.mktemp("rt") / "a.xlsx"
    path.write_bytes(render(assessment, default_framework()))
    assert load(path) == assessment


def test_fill_the_blank_template_like_a_person(tmp_path, framework):
    wb = openpyxl.load_workbook(TEMPLATE)
    meta, svar = wb["Uppgifter"], wb["Svar"]
    for row in meta.iter_rows(min_row=2):
        key, value = row[0].value, row[2]
        assert not value.protection.locked
        if key == "förbund":
            value.value = "Exempelförbundet"
        elif key == "år":
            value.value = "2025"  # typed as text
        elif key == "datum":
            value.value = __import__("datetime").datetime(2025, 10, 1)  # an Excel date
    rows = {r[0].value: r for r in svar.iter_rows(min_row=2)}
    rows["1a"][5].value = "Första stycket.\nAndra stycket med *kursiv* text."
    rows["12a"][5].value = "Ja."
    rows["1a"][6].value = "3 God"
    rows["12a"][6].value = 4
    rows["1a"][7].value = "Saknar gemensamma mål\nFör få platser"
    for changed in (rows["1a"][5], rows["1a"][6], rows["1a"][7]):
        assert not changed.protection.locked
    path = tmp_path / "ifylld.xlsx"
    wb.save(path)
    assessment = load(path, framework)
    assert (assessment.forbund, assessment.ar, str(assessment.datum)) == ("Exempelförbundet", 2025, "2025-10-01")
    assert assessment.answer("1a") == "Första stycket.\n\nAndra stycket med *kursiv* text."
    assert assessment.falt[1].bedomning == 3
    assert assessment.falt[12].bedomning == 4
    assert assessment.falt[1].brister == ["Saknar gemensamma mål", "För få platser"]


def test_moved_columns_and_inserted_rows_still_load(tmp_path, framework):
    path = tmp_path / "a.xlsx"
    path.write_bytes(render(load(EXAMPLE, framework), framework))
    wb = openpyxl.load_workbook(path)
    svar = wb["Svar"]
    # A person unmerging the per-field cells, inserting rows and columns: nothing depends on addresses.
    for rng in list(svar.merged_cells.ranges):
        svar.unmerge_cells(str(rng))
    svar.insert_rows(5, 3)
    svar.insert_cols(1, 2)
    wb["Uppgifter"].insert_rows(3, 2)
    wb.save(path)
    assert load(path, framework) == load(EXAMPLE, framework)


@needs_soffice
def test_libreoffice_resave_loads_back_equal(tmp_path, framework):
    source = tmp_path / "in" / "2009.xlsx"
    source.parent.mkdir()
    source.write_bytes(render(load(EXAMPLE, framework), framework))
    resaved = soffice_convert(source, "xlsx", tmp_path / "out")
    assert resaved.read_bytes() != source.read_bytes()
    assert load(resaved, framework) == load(EXAMPLE, framework)


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_bad_workbooks(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Svar"
    no_sheet = io.BytesIO()
    wb.save(no_sheet)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    cases = {
        "text.xlsx": (b"forbund;ar\nX;2009\n", "är ingen xlsx-fil"),
        "data.csv": (b"forbund;ar\nX;2009\n", "okänt filformat"),
        "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "gammal .xls-fil"),
        "locked.xlsx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "lösenordsskyddad"),
        "calc.ods": (zipped.getvalue(), "OpenDocument"),
        "broken.xlsx": (TEMPLATE.read_bytes()[:3000], "är ingen xlsx-fil"),
        "nosheet.xlsx": (no_sheet.getvalue(), "bladet 'Uppgifter' saknas"),
    }
    for name, (data, message) in cases.items():
        run = cli("check", _bad(tmp_path, name, data))
        assert run.exit_code == 1, name
        assert f"{name}: " in run.stdout, (name, run.stdout)
        assert message in run.stdout, (name, run.stdout)
        assert_no_traceback(run)


def test_cell_errors_name_sheet_and_cell(tmp_path, framework):
    wb = openpyxl.load_workbook(TEMPLATE)
    meta = wb["Uppgifter"]
    meta["C2"] = "Exempelförbundet"
    meta["C3"] = "tvåtusen"
    svar = wb["Svar"]
    svar["G2"] = "9"
    svar["A5"] = "2c"
    path = tmp_path / "fel.xlsx"
    wb.save(path)
    run = cli("check", path)
    assert "fel.xlsx:Svar!A5: okänd fråga '2c'" in run.stdout
    svar["A5"] = "2a"
    wb.save(path)
    run = cli("check", path)
    assert "fel.xlsx:Uppgifter!C3: år: ska vara ett heltal" in run.stdout
    meta["C3"] = 2025
    wb.save(path)
    run = cli("check", path)
    assert "fel.xlsx:Svar!G2: fält.1.bedömning: bedömningen 9 ligger utanför skalan 1–4" in run.stdout


def test_formula_text_is_written_as_text(tmp_path, framework):
    data = {"förbund": '=HYPERLINK("x")', "år": 2024, "fält": {1: {"svar": {"a": "+1", "b": "@SUM(A1)"}}}}
    assessment = Assessment.model_validate(data)
    path = tmp_path / "f.xlsx"
    path.write_bytes(render(assessment, framework))
    wb = openpyxl.load_workbook(path)
    assert wb["Uppgifter"]["C2"].data_type == "s"
    assert all(c.data_type != "f" for row in wb["Svar"].iter_rows() for c in row)
    assert load(path, framework) == assessment


def test_too_long_text_is_an_error_not_truncated(tmp_path):
    path = tmp_path / "lang.yaml"
    path.write_text("förbund: X\når: 2024\nfält:\n  3:\n    svar:\n      b: " + "ord " * 9000 + "\n", "utf-8")
    out = tmp_path / "lang.xlsx"
    run = cli("assess", path, "-o", out)
    assert run.exit_code == 1
    assert "fält.3.svar.b" in run.stderr
    assert "32767" in run.stderr
    assert not out.exists()


def test_template_from_last_year(tmp_path):
    out = tmp_path / "2010.xlsx"
    assert cli("template", "--from", EXAMPLE, "-o", out).exit_code == 0
    wb = openpyxl.load_workbook(out)
    header = [c.value for c in wb["Svar"][1]]
    assert header[-4:] == ["Svar 2009", "Bedömning 2009", "Brister 2009", "Åtgärder 2009"]
    last_year = " ".join(str(c.value) for c in wb["Svar"]["K"] if c.value)
    assert "**" not in last_year  # last year's answers as plain text, for reading
    assert wb["Svar"].print_title_rows == "$1:$1"
    assert wb["Svar"].page_setup.orientation == "landscape"
    assert wb["Svar"].cell(2, len(header) - 3).value.startswith("Samordningsförbundet finansierar")
    assert wb["Uppgifter"]["C3"].value == 2010
    check = cli("check", out)
    assert check.exit_code == 0
    assert "0/23" in check.stdout


def test_size_limits(tmp_path, monkeypatch):
    from tolvfalt.read import package as from_excel

    path = tmp_path / "stor.xlsx"
    path.write_bytes(TEMPLATE.read_bytes())
    monkeypatch.setattr(from_excel, "MAX_UNPACKED_MB", 0)
    run = cli("check", path)
    assert run.exit_code == 1
    assert "största tillåtna storlek är 0 MB" in run.stdout
    monkeypatch.setattr(from_excel, "MAX_FILE_MB", 0)
    run = cli("check", path)
    assert run.exit_code == 1
    assert "största tillåtna storlek är 0 MB" in run.stdout


def test_a_real_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "jatte.xlsx"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: 21 MB without writing them
    run = cli("check", path)
    assert run.exit_code == 1
    assert "är 21 MB; största tillåtna storlek är 20 MB" in run.stdout


def test_dates_and_numbers_typed_as_text(tmp_path, framework):
    wb = openpyxl.load_workbook(TEMPLATE)
    meta = wb["Uppgifter"]
    meta["C2"], meta["C3"], meta["C5"] = "Exempelförbundet", " 2025 ", "2025-10-01"
    rows = {r[0].value: r for r in wb["Svar"].iter_rows(min_row=2)}
    rows["5a"][6].value = "3"
    rows["7a"][6].value = 2.0
    path = tmp_path / "text.xlsx"
    wb.save(path)
    a = load(path, framework)
    assert (a.ar, str(a.datum), a.falt[5].bedomning, a.falt[7].bedomning) == (2025, "2025-10-01", 3, 2)


def test_english_workbook_loads_the_same(tmp_path, framework):
    out = tmp_path / "en.xlsx"
    source = ROOT / "examples" / "2011-pahittad.yaml"
    assert cli("assess", source, "-o", out, "--lang", "en").exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert [c.value for c in wb["Svar"][1]][5:8] == ["Answer", "Rating", "Weaknesses"]
    assert wb["Svar"]["G2"].value == "4 Very good"
    assert load(out, framework) == load(source, framework)


def test_a_name_with_a_no_break_space_at_its_ends_keeps_its_form_through_a_workbook(tmp_path):
    """Found by the round trip above: the model kept a leading no-break space that the workbook's reader strips."""
    assessment = Assessment.model_validate(
        {"förbund": "X", "år": 2021, "svarande": {"\xa0Kommunerna\xa0": {"inledning": "Vårt svar."}}}
    )
    assert list(assessment.svarande) == ["Kommunerna"]
    path = tmp_path / "a.xlsx"
    path.write_bytes(render(assessment, default_framework()))
    assert load(path) == assessment
