"""The personal-data check as a förbundschef meets it, through the real command line: check reports each finding
at its line or cell, status counts them per party, merge warns, a document for people is refused with nothing
written, a draft replaces every match, and the working formats are never held back. Identifiers are invented
here, with check digits computed in code."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from conftest import cli
from test_personal import identity, written
from test_round import _fill, _send_out, _workbook

NUMBER = written(identity(dt.date(1985, 3, 12), 238), "19", "-")
TEXT = f"Ett exempel är Anna Svensson {NUMBER} som fick hjälp."


def _yaml(tmp_path, extra: str = ""):
    path = tmp_path / "a.yaml"
    path.write_text(f"förbund: F\når: 2026\n{extra}fält:\n  1:\n    svar:\n      c: {TEXT}\n", "utf-8")
    return path


def test_check_reports_each_finding_at_its_line_with_its_kind_masked(tmp_path):
    run = cli("check", _yaml(tmp_path), "--json")
    assert run.exit_code == 1
    problems = json.loads(run.stdout)[0]["problems"]
    assert {p["params"]["kind"] for p in problems} == {"personnummer", "name"}
    assert {p["code"] for p in problems} == {"personal_data"}
    assert {p["line"] for p in problems} == {6}
    assert {p["key"] for p in problems} == {"fält.1.svar.c"}
    for p in problems:
        assert NUMBER not in json.dumps(p)
        assert "Svensson" not in p["message"]


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html", ".md"])
def test_a_document_for_people_is_refused_and_nothing_is_written(tmp_path, suffix):
    out = tmp_path / f"k{suffix}"
    run = cli("assess", _yaml(tmp_path), "-o", out)
    assert run.exit_code == 1
    assert not out.exists()
    assert "a.yaml:6" in run.stderr
    assert NUMBER not in run.stderr


@pytest.mark.parametrize("suffix", [".yaml", ".xlsx", ".json"])
def test_the_working_formats_are_never_held_back(tmp_path, suffix):
    out = tmp_path / f"k{suffix}"
    assert cli("assess", _yaml(tmp_path), "-o", out).exit_code == 0
    assert out.exists()


def test_a_draft_replaces_every_match_and_says_it_is_a_draft(tmp_path):
    out = tmp_path / "k.md"
    run = cli("assess", _yaml(tmp_path), "-o", out, "--anonymisera")
    assert run.exit_code == 0, run.stderr
    text = out.read_text("utf-8")
    assert NUMBER not in text
    assert "Svensson" not in text
    assert "personuppgift borttagen" in text
    assert "UTKAST" in text


def test_a_checked_name_is_accepted_by_listing_it(tmp_path):
    path = _yaml(tmp_path, "godkända_namn: [Anna Svensson]\n")
    run = cli("check", path, "--json")
    kinds = [p["params"]["kind"] for p in json.loads(run.stdout)[0]["problems"]]
    assert kinds == ["personnummer"]  # the name is accepted, the number never is


def test_a_workbook_cell_is_named_and_status_and_merge_count_per_party(tmp_path):
    folder = tmp_path / "omgang"
    _send_out(folder)
    path = _workbook(folder, "Regionen")
    _fill(path, {"1c": TEXT}, {1: 3}, "K3")
    run = cli("check", path, "--json")
    problems = json.loads(run.stdout)[0]["problems"]
    assert len(problems) == 2
    assert all(str(p["line"]).startswith("Svar!") for p in problems)
    status = json.loads(cli("status", folder, "--json").stdout)
    by_name = {e["respondent"]: e for e in status["entries"]}
    assert len(by_name["Regionen"]["personal_data"]) == 2
    assert by_name["Försäkringskassan"]["personal_data"] == []
    merged = cli("merge", folder, "-o", tmp_path / "s.yaml")
    assert merged.exit_code == 0
    assert "2 personuppgifter" in merged.stderr
    document = cli("merge", folder, "-o", tmp_path / "s.html", "--force")
    assert document.exit_code == 1
    assert not (tmp_path / "s.html").exists()


def test_every_party_workbook_and_new_year_file_says_the_text_is_public(tmp_path):
    folder = tmp_path / "omgang"
    _send_out(folder)
    sheet = openpyxl.load_workbook(_workbook(folder, "Kommunerna"))["Instruktioner"]
    words = " ".join(str(c.value) for c in sheet["A"] if c.value)
    assert "personuppgifter" in words
    new = tmp_path / "2027.yaml"
    assert cli("new", new, "--forbund", "F", "--ar", "2027").exit_code == 0
    assert "personuppgifter" in new.read_text("utf-8").split("förbund:")[0]
