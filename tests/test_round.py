"""The yearly round through the command line: send-out, parties filling in their workbooks as a person would
(only unlocked cells), status, the förbundschef's own part, merge, the document, and next year's follow-up."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from clients import needs_soffice, soffice_convert
from conftest import cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tolvfalt import load
from tolvfalt.round import file_name

FORBUND = "Exempelforsens Samordningsförbund"
PARTIES = ["Försäkringskassan", "Arbetsförmedlingen", "Kommunerna", "Regionen"]


def _send_out(folder: Path) -> None:
    args = [a for p in PARTIES for a in ("--respondent", p)]
    run = cli("template", *args, "--forbund", FORBUND, "--ar", "2026", "--deadline", "2026-12-15",
              "--contact", "kansliet", "-o", folder)  # fmt: skip
    assert run.exit_code == 0, run.stderr


def _fill(path: Path, answers: dict[str, str], ratings: dict[int, int], author: str) -> None:
    """As a person would: only in cells the sheet leaves unlocked."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Svar"]
    header = [c.value for c in ws[1]]
    answer_col, rating_col = header.index("Svar") + 1, header.index("Bedömning") + 1
    for row in ws.iter_rows(min_row=2):
        qid = row[0].value
        if qid in answers:
            cell = ws.cell(row[0].row, answer_col)
            assert not cell.protection.locked
            cell.value = answers[qid]
        field = int(str(qid)[:-1]) if qid else 0
        rating_cell = ws.cell(row[0].row, rating_col)
        if field in ratings and not isinstance(rating_cell, openpyxl.cell.cell.MergedCell):
            assert not rating_cell.protection.locked
            rating_cell.value = str(ratings.pop(field))
    meta = wb["Uppgifter"]
    for row in meta.iter_rows(min_row=2):
        if row[0].value == "författare":
            assert not row[2].protection.locked
            row[2].value = author
        if row[0].value == "respondent":
            assert row[2].protection.locked
            assert row[2].value  # the party's name is filled in and locked
    wb.save(path)


def _workbook(folder: Path, party: str) -> Path:
    return folder / file_name(FORBUND, 2026, party)


def test_the_whole_round(tmp_path):
    folder = tmp_path / "omgang"
    _send_out(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*(_workbook(folder, p).name for p in PARTIES), "omgang.yaml"]
    )
    instructions = " ".join(
        str(c.value) for c in openpyxl.load_workbook(_workbook(folder, "Regionen"))["Instruktioner"]["A"] if c.value
    )
    assert "Regionen" in instructions
    assert "2026-12-15" in instructions
    assert "kansliet" in instructions
    assert "tolvfalt" not in instructions  # no command lines for someone who has never seen it

    _fill(_workbook(folder, "Försäkringskassan"), {"4a": "Handläggarna räcker inte till."}, {4: 1}, "Handläggare FK")
    _fill(_workbook(folder, "Kommunerna"), {"4a": "Personalen räcker.", "1a": "Ja."}, {4: 4, 1: 3}, "Samordnare")
    _fill(_workbook(folder, "Regionen"), {"4a": "Delvis."}, {4: 3}, "Enhetschef")  # Arbetsförmedlingen: nothing
    (folder / "~$exempelforsens-samordningsforbund-2026-regionen.xlsx").write_bytes(b"\0" * 165)

    run = cli("status", folder, "--json")
    assert run.exit_code == 0, run.stderr
    status = {e["respondent"]: e for e in json.loads(run.stdout)["entries"]}
    assert [status[p]["returned"] for p in PARTIES] == [True, False, True, True]
    assert status["Kommunerna"]["answered"] == 2
    assert status["Kommunerna"]["rated_fields"] == 2
    assert status["Regionen"]["open_in_excel"]

    head = folder / "forbundschefen.yaml"
    own_part = (
        f"förbund: {FORBUND}\når: 2026\nförfattare: Förbundschefen\nbefattning: Förbundschef\ndatum: 2026-12-20\n"
        "fält:\n  4:\n    analys: Parterna ser olika på personalen.\n"
    )
    head.write_text(own_part, "utf-8")
    merged = tmp_path / "sammanstallning.yaml"
    run = cli("merge", folder, "-o", merged)
    assert run.exit_code == 0, run.stderr
    assert "Arbetsförmedlingen" in run.stderr  # expected by the round, but it filled in nothing
    a = load(merged)
    assert a.forfattare == "Förbundschefen"
    assert list(a.svarande) == ["Försäkringskassan", "Kommunerna", "Regionen"]
    assert a.svarande["Kommunerna"].forfattare == "Samordnare"  # kept as data, never the document's author
    assert [r.falt[4].bedomning for r in a.svarande.values()] == [1, 4, 3]

    workbook = tmp_path / "sammanstallning.xlsx"
    assert cli("assess", merged, "-o", workbook).exit_code == 0
    assert load(workbook) == a  # nothing lost
    marks = [c.value for row in openpyxl.load_workbook(workbook)["Svar"].iter_rows() for c in row if c.value]
    assert "Försäkringskassan 1 · Kommunerna 4 · Regionen 3 (olika bedömningar – diskutera)" in marks
    terminal = cli("assess", merged, "--format", "terminal").stdout
    assert "Parternas bedömningar: Försäkringskassan 1 · Kommunerna 4 · Regionen 3" in terminal
    assert "Parterna bedömer fältet olika: Försäkringskassan 1, Kommunerna 4, Regionen 3" in " ".join(terminal.split())

    page = tmp_path / "k.html"
    assert cli("assess", merged, "-o", page).exit_code == 0
    html = page.read_text("utf-8")
    for text in ("Handläggarna räcker inte till.", "Personalen räcker.", "Delvis.", "Parterna ser olika på personalen.",
                 "Parterna bedömer fältet olika: Försäkringskassan 1, Kommunerna 4, Regionen 3",
                 "Försäkringskassan 1 · Kommunerna 4 · Regionen 3"):  # fmt: skip
        assert text in html, text
    assert html.index("Parterna ser olika") < html.index("Handläggarna räcker")  # the head's analys first
    assert html.rindex("Förbundschefen") > html.index("Regionen 3")  # the head signs


def test_next_year_follows_up_the_actions(tmp_path):
    last = tmp_path / "2026.yaml"
    last.write_text(f"förbund: {FORBUND}\når: 2026\nfält:\n  4:\n    åtgärder: [Gemensam utbildningsdag]\n", "utf-8")
    nxt = tmp_path / "2027.yaml"
    assert cli("new", nxt, "--from", last).exit_code == 0
    run = cli("check", nxt)
    assert run.exit_code == 0
    assert "1 av förra årets åtgärder saknar status" in run.stdout
    nxt.write_text(nxt.read_text("utf-8").replace("        status:\n", "        status: genomförd\n", 1), "utf-8")
    a = load(nxt)
    assert a.falt[4].uppfoljning[0].atgard == "Gemensam utbildningsdag"
    assert a.falt[4].uppfoljning[0].status == "genomförd"
    page = tmp_path / "k.md"
    assert cli("assess", nxt, "-o", page).exit_code == 0
    assert "## Uppföljning av förra årets åtgärder" in page.read_text("utf-8")
    assert "Gemensam utbildningsdag: **genomförd**" in page.read_text("utf-8")
    bad = tmp_path / "fel.yaml"
    bad.write_text(nxt.read_text("utf-8").replace("status: genomförd", "status: klar"), "utf-8")
    assert cli("check", bad).exit_code == 1


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(ratings=st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=2, max_size=4))
def test_disagreement_is_marked_exactly_when_ratings_differ_by_two(tmp_path, ratings):
    folder = tmp_path / "parter"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for party, rating in zip(PARTIES, ratings, strict=False):
        block = f"    bedömning: {rating}\n" if rating is not None else "    svar: {a: Svar.}\n"
        (folder / f"{party}.yaml").write_text(
            f"förbund: {FORBUND}\når: 2026\nrespondent: {party}\nfält:\n  7:\n{block}", "utf-8"
        )
    out = tmp_path / "m.yaml"
    assert cli("merge", folder, "-o", out, "--force").exit_code == 0
    md = tmp_path / "m.md"
    assert cli("assess", out, "-o", md).exit_code == 0
    given_ = [r for r in ratings if r is not None]
    differ = len(given_) > 1 and max(given_) - min(given_) >= 2
    assert ("Parterna bedömer fältet olika" in md.read_text("utf-8")) == differ


@needs_soffice
def test_a_respondent_workbook_resaved_by_libreoffice_still_loads(tmp_path):
    folder = tmp_path / "omgang"
    _send_out(folder)
    path = _workbook(folder, "Kommunerna")
    _fill(path, {"1a": "Ja."}, {1: 3}, "Samordnare")
    saved = soffice_convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    a = load(saved)
    assert a.respondent == "Kommunerna"
    assert a.answer("1a") == "Ja."
    assert a.rating(1) == 3


@pytest.mark.parametrize("cell", ["Resam, Hälsocenter", "Resam\nHälsocenter", "Resam,\nHälsocenter"])
def test_insatser_in_one_cell_are_split(tmp_path, cell):
    path = tmp_path / "svar.xlsx"
    assert (
        cli(
            "template", "--respondent", "Regionen", "--forbund", FORBUND, "--ar", "2026", "-o", tmp_path / "ut"
        ).exit_code
        == 0
    )
    source = _workbook(tmp_path / "ut", "Regionen")
    wb = openpyxl.load_workbook(source)
    for row in wb["Uppgifter"].iter_rows(min_row=2):
        if row[0].value == "insatser":
            row[2].value = cell
    wb.save(path)
    assert load(path).insatser == ["Resam", "Hälsocenter"]


def test_compare_of_merged_years_shows_each_party(tmp_path, framework):
    years = tmp_path / "år"
    years.mkdir()
    for year, (fk, region) in ((2026, (3, 2)), (2027, (4, 1))):
        (years / f"{year}.yaml").write_text(
            f"förbund: {FORBUND}\når: {year}\nfält:\n  4:\n    bedömning: 2\n"
            f"svarande:\n  Försäkringskassan:\n    fält:\n      4:\n        bedömning: {fk}\n"
            f"  Regionen:\n    fält:\n      4:\n        bedömning: {region}\n",
            "utf-8",
        )
    run = cli("compare", years)
    assert run.exit_code == 0, run.stderr
    text = run.stdout
    party = text.index(f"{FORBUND}: Förändringar 2026–2027 (Försäkringskassan)")  # under the förbund, named once
    assert "bedömning 3 → 4 ↑" in text[party:]
    assert "bedömning 2 → 1 ↓" in text[text.index("Förändringar 2026–2027 (Regionen)") :]
    assert text.count("Bedömningar per år") == 1
    out = tmp_path / "alla.csv"
    assert cli("compare", years, "-o", out).exit_code == 0
    rows = [line.split(",") for line in out.read_bytes().decode("utf-8-sig").splitlines()[1:]]
    fk = [r for r in rows if r[3] == "Försäkringskassan" and r[5] == "4a"]
    assert [(r[2], r[6]) for r in fk] == [("2026", "3"), ("2027", "4")]
    assert len(rows) == 2 * 3 * len(framework.questions)  # a row per party (and the agreed part) per question


def test_compare_shows_the_follow_up(tmp_path):
    (tmp_path / "2026.yaml").write_text(
        f"förbund: {FORBUND}\når: 2026\nfält:\n  4:\n    åtgärder: [Utbildningsdag]\n", "utf-8"
    )
    (tmp_path / "2027.yaml").write_text(
        f"förbund: {FORBUND}\når: 2027\nfält:\n  4:\n    uppföljning:\n      - åtgärd: Utbildningsdag\n"
        "        status: genomförd\n",
        "utf-8",
    )
    run = cli("compare", tmp_path)
    assert run.exit_code == 0
    assert "Uppföljning av förra årets åtgärder: Utbildningsdag: genomförd" in run.stdout
