"""Trust in the round, by category: names, the round folder against its plan, readers that fail as located
problems, writers that keep within what the reader reads, documents in bounded time and on the page, letterheads
that carry nothing hidden, last year's file chosen openly, what the first corpus still finds, and the comparison
workbook's charts described in words. Every input is made here."""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from clients import needs_pdftotext, needs_soffice, soffice_convert
from conftest import EXAMPLE, ROOT, cli
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tolvfalt import TolvfaltError, load
from tolvfalt.api import choose_previous, merge, send_out
from tolvfalt.errors import UsageError
from tolvfalt.formats import render
from tolvfalt.formats.data import dump
from tolvfalt.names import NAME_LIMIT, clean, key
from tolvfalt.read.framework import default_framework
from tolvfalt.read.source import display_name
from tolvfalt.round import ROUND_FILE, file_name, read_round, status

EXAMPLES = ROOT / "examples"
FORBUND = "Exempelforsens Samordningsförbund"
FOLDER_SETTINGS = settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _codes(exc: pytest.ExceptionInfo[TolvfaltError]) -> list[str]:
    return [p.code for p in exc.value.problems]


def _party(folder: Path, name: str, respondent: str | None, fields: dict[int, object] | None = None) -> Path:
    """A party's answers as YAML: one answer and one rating, so that it counts as a response."""
    data: dict[str, object] = {"förbund": FORBUND, "år": 2026}
    if respondent is not None:
        data["respondent"] = respondent
    data["fält"] = fields or {1: {"svar": {"a": f"Svar från {respondent or name}."}, "bedömning": 3}}
    path = folder / name
    path.write_text(dump(data), "utf-8")
    return path


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# 2. Names ---------------------------------------------------------------------------------------------------------

# Letters that have a case of their own, in many scripts: names that differ only by case are made from them.
CASED = st.characters(categories=["Lu", "Ll"]).filter(lambda c: c.swapcase() != c and c.swapcase().swapcase() == c)
NAMES = st.text(st.characters(categories=["L", "N", "Zs"], exclude_characters="\u2028\u2029"), min_size=1, max_size=30)


@FOLDER_SETTINGS
@given(name=st.text(CASED, min_size=1, max_size=12))
def test_names_that_differ_only_by_case_are_refused_before_anything_is_written(tmp_path_factory, name):
    other = name.swapcase()
    assume(clean(other) != clean(name))
    assume(key(other) == key(name))
    folder = tmp_path_factory.mktemp("omgang") / "ut"
    with pytest.raises(UsageError) as exc:
        send_out(folder, [name, other], forbund=FORBUND, ar=2026)
    assert "names_case" in _codes(exc)
    assert all(p.params["option"] == "--respondent" for p in exc.value.problems)
    assert not folder.exists()


@FOLDER_SETTINGS
@given(name=NAMES.filter(lambda n: clean(n) and unicodedata.normalize("NFD", n) != n))
def test_a_name_in_two_normalisation_forms_is_one_party(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("omgang")
    written = send_out(folder, [unicodedata.normalize("NFD", name), unicodedata.normalize("NFC", name)],
                       forbund=FORBUND, ar=2026)  # fmt: skip
    plan = read_round(folder)
    assert plan is not None
    assert [i.namn for i in plan.svarande] == [clean(name)]
    assert len(written) == 2  # one workbook and the round file
    assert load(written[0]).respondent == clean(name)


@pytest.mark.parametrize(("a", "b"), [("Kommun A", "Kommun-A"), ("Åre kommun", "Are kommun"), ("Region 1", "Region_1")])
def test_names_that_give_one_file_name_are_refused(tmp_path, a, b):
    assert file_name(FORBUND, 2026, a) == file_name(FORBUND, 2026, b)
    run = cli(
        "template", "--respondent", a, "--respondent", b, "--forbund", FORBUND, "--ar", "2026", "-o", tmp_path / "o"
    )
    assert run.exit_code == 2
    assert "--respondent" in run.stderr
    assert "samma filnamn" in run.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--respondent", "Reg\x1bionen", "styrtecken"),
        ("--respondent", "   ", "tomt"),
        ("--respondent", "R" * (NAME_LIMIT + 1), "tecken långt"),
        ("--forbund", "Förbund\x07", "styrtecken"),
        ("--forbund", "", "tomt"),
        ("--forbund", "F" * (NAME_LIMIT + 1), "tecken långt"),
    ],
)
def test_a_name_no_file_could_hold_is_refused_by_its_option(tmp_path, option, value, words):
    args = {"--respondent": "Regionen", "--forbund": FORBUND} | {option: value}
    run = cli("template", "--respondent", args["--respondent"], "--forbund", args["--forbund"], "--ar", "2026",
              "-o", tmp_path / "o")  # fmt: skip
    assert run.exit_code == 2
    assert run.stderr.startswith(f"{option}:")
    assert words in run.stderr
    assert "\x1b" not in run.stderr
    assert "\x07" not in run.stderr
    assert not (tmp_path / "o").exists()


def test_the_send_out_writes_everything_or_nothing(tmp_path):
    folder = tmp_path / "omgang"
    folder.mkdir()
    (folder / file_name(FORBUND, 2026, "Regionen")).mkdir()  # the third workbook's place is taken by a folder
    run = cli("template", "--respondent", "Kommunen", "--respondent", "Försäkringskassan", "--respondent", "Regionen",
              "--forbund", FORBUND, "--ar", "2026", "-o", folder, "--force")  # fmt: skip
    assert run.exit_code == 1
    assert _files(folder) == [file_name(FORBUND, 2026, "Regionen")]
    (folder / file_name(FORBUND, 2026, "Regionen")).rmdir()
    (folder / ROUND_FILE).mkdir()  # the round file's place is taken: no workbook is written either
    run = cli("template", "--respondent", "Kommunen", "--forbund", FORBUND, "--ar", "2026", "-o", folder, "--force")
    assert run.exit_code == 1
    assert _files(folder) == [ROUND_FILE]


def test_adding_a_party_keeps_the_others_in_the_round_file(tmp_path):
    folder = tmp_path / "omgang"
    send_out(folder, ["Kommunen", "Regionen"], forbund=FORBUND, ar=2026, contact="kansliet")
    send_out(folder, ["Arbetsförmedlingen"], forbund=FORBUND, ar=2026)  # only a new party: no --force needed
    plan = read_round(folder)
    assert plan is not None
    assert [i.namn for i in plan.svarande] == ["Kommunen", "Regionen", "Arbetsförmedlingen"]
    assert plan.kontakt == "kansliet"  # what the first send-out said stays
    with pytest.raises(TolvfaltError) as exc:  # a party sent to again would replace its workbook
        send_out(folder, ["Regionen"], forbund=FORBUND, ar=2026)
    assert _codes(exc) == ["exists"]
    send_out(folder, ["Regionen"], forbund=FORBUND, ar=2026, force=True)
    plan = read_round(folder)
    assert plan is not None
    assert [i.namn for i in plan.svarande] == ["Kommunen", "Arbetsförmedlingen", "Regionen"]
    with pytest.raises(TolvfaltError) as exc:  # a name the round's own would be taken for
        send_out(folder, ["kommunen"], forbund=FORBUND, ar=2026, force=True)
    assert _codes(exc) == ["names_case"]
    with pytest.raises(TolvfaltError) as exc:  # another round into this folder
        send_out(folder, ["Kommunen"], forbund=FORBUND, ar=2027, force=True)
    assert _codes(exc) == ["other_round"]


def test_merge_refuses_parties_that_differ_only_by_case(tmp_path):
    a = _party(tmp_path, "a.yaml", "Kommunen")
    b = _party(tmp_path, "b.yaml", "KOMMUNEN")
    with pytest.raises(TolvfaltError) as exc:
        merge([a, b], force=True)
    assert _codes(exc) == ["merge_names_case"]
    assert "a.yaml" in str(exc.value.problems[0].params["files"])
    run = cli("merge", a, b, "-o", tmp_path / "m.yaml")
    assert run.exit_code == 1
    assert not (tmp_path / "m.yaml").exists()


def test_a_name_told_apart_by_file_never_takes_another_partys_name(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first = _party(tmp_path / "x", "a.yaml", "Kommunen")
    second = _party(tmp_path / "y", "a.yaml", "Kommunen")
    literal = _party(tmp_path, "c.yaml", f"Kommunen ({display_name(first)})")  # the name merge would make
    shown = merge([first, second, literal], force=True)
    assert len(set(shown.names)) == 3
    combined = shown.combined()
    assert len(combined.svarande) == 3
    assert sorted(r.fil for r in combined.svarande.values()) == sorted(r.source for r in shown.responses)


@FOLDER_SETTINGS
@given(depth=st.integers(1, 3), parties=st.lists(NAMES.filter(lambda n: clean(n)), min_size=1, max_size=3,
                                                 unique_by=(key, lambda n: file_name(FORBUND, 2026, n))))  # fmt: skip
def test_merged_within_merged_keeps_every_voice_or_is_refused(tmp_path_factory, depth, parties):
    """A folder holds the parties' files and merges of merges of them: the merges are never read as parties, every
    party is kept once; a merge named as an input or as the head is refused."""
    folder = tmp_path_factory.mktemp("omgang")
    files = [_party(folder, f"part{i}.yaml", name) for i, name in enumerate(parties)]
    for level in range(depth):
        out = folder / f"sammanstallning{level}.yaml"
        result = merge([folder], force=True)
        out.write_text(render(result, "yaml"), "utf-8")
    again = merge([folder], force=True)
    assert sorted(again.names) == sorted(clean(p) for p in parties)
    assert [w.code for w in again.warnings].count("merged_skipped") == depth
    with pytest.raises(TolvfaltError) as exc:
        merge([out, *files], force=True)
    assert "merged_input" in _codes(exc)
    with pytest.raises(TolvfaltError) as exc:
        merge(files, force=True, head=out)
    assert "merged_head" in _codes(exc)


# 3. The round folder against its plan -----------------------------------------------------------------------------


def _round(folder: Path, *parties: str) -> Path:
    send_out(folder, list(parties or ("Kommunen", "Regionen")), forbund=FORBUND, ar=2026)
    return folder


def _fill(path: Path, **metadata: object) -> None:
    """Answer the first question in a party's workbook, and change what its Uppgifter sheet says."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Svar"]
    col = [c.value for c in ws[1]].index("Svar") + 1
    ws.cell(2, col).value = "Ett svar."
    for row in wb["Uppgifter"].iter_rows(min_row=2):
        if row[0].value in metadata:
            row[2].value = metadata[row[0].value]
    wb.save(path)


@pytest.mark.parametrize("path", ["../utanfor.xlsx", "/etc/passwd", "C:\\\\Users\\\\x.xlsx", "..\\\\x.xlsx",
                                  "a/../../b.xlsx", ".."])  # fmt: skip
def test_paths_in_the_round_file_stay_inside_its_folder(tmp_path, path):
    folder = _round(tmp_path / "omgang")
    text = (folder / ROUND_FILE).read_text("utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if "fil:" in t)
    (folder / ROUND_FILE).write_text(re.sub(r"fil: .*", f"fil: '{path}'", text, count=1), "utf-8")
    with pytest.raises(TolvfaltError) as exc:
        status(folder, default_framework())
    assert _codes(exc) == ["outside_folder"]
    assert exc.value.problems[0].line == line
    for command in ("status", "merge"):
        run = cli(command, folder)
        assert run.exit_code == 1
        assert f"{ROUND_FILE}:{line}:" in run.stderr


@pytest.mark.parametrize(("key", "value"), [("respondent", "Regionen"), ("förbund", "Ett annat förbund"), ("år", 2025)])
def test_a_workbook_that_says_otherwise_than_the_round_file_is_named(tmp_path, key, value):
    folder = _round(tmp_path / "omgang")
    workbook = folder / file_name(FORBUND, 2026, "Kommunen")
    _fill(workbook, **{key: value})
    result = status(folder, default_framework())
    mismatch = [w for w in result.warnings if w.code == "round_mismatch"]
    assert [w.key for w in mismatch] == [key]
    assert mismatch[0].file is not None
    assert mismatch[0].file.endswith(workbook.name)
    run = cli("status", folder)
    assert f"{workbook.name}: {key}:" in run.stderr
    merged = merge([folder], force=True)
    assert "round_mismatch" in [w.code for w in merged.warnings]
    assert cli("status", folder, "--json").exit_code == 0


def test_an_ods_return_gets_the_convert_message(tmp_path):
    folder = _round(tmp_path / "omgang")
    workbook = folder / file_name(FORBUND, 2026, "Regionen")
    with zipfile.ZipFile(workbook.with_suffix(".ods"), "w") as ods:  # what LibreOffice's own format starts with
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    workbook.unlink()
    result = status(folder, default_framework())
    entry = next(e for e in result.entries if e.name == "Regionen")
    assert [p.code for p in entry.problems] == ["ods"]
    assert entry.file == workbook.with_suffix(".ods").name
    run = cli("status", folder, "--json")
    assert run.exit_code == 1
    shown = next(e for e in json.loads(run.stdout)["entries"] if e["respondent"] == "Regionen")
    assert "soffice --headless --convert-to xlsx" in shown["problems"][0]["message"]
    with pytest.raises(TolvfaltError) as exc:  # merging without it would lose its voice
        merge([folder], force=True)
    assert _codes(exc) == ["ods"]


# 4. Every reader fails as a located problem -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def merged_workbook(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("merged")
    for name in ("Kommunen", "Regionen"):
        _party(folder, f"{name}.yaml", name, {1: {"svar": {"a": f"{name} svarar."}, "bedömning": 3,
                                                "brister": ["En brist"]}})  # fmt: skip
    out = folder / "sammanstallning.xlsx"
    assert cli("merge", folder, "-o", out).exit_code == 0
    return out


def _parties_rows(source: Path, target: Path, rows: list[tuple[object, object, object]]) -> Path:
    """The merged workbook with rows added to its Parter sheet, as a person (or a program) might type them."""
    wb = openpyxl.load_workbook(source)
    ws = wb["Parter"]
    for row in rows:
        ws.append(list(row))
    wb.save(target)
    return target


HOSTILE_PARTY_ROWS = [
    [("Kommunen", "fält.1.svar.a.b", "under ett svar")],
    [("Kommunen", "fält.1.svar", "ett svar utan fråga")],
    [("Kommunen", "fält", "ett fält utan nummer")],
    [("Kommunen", ".".join(["fält"] * 2000), "djupt")],
    [("Kommunen", "fält.1.uppföljning.99999.status", "pågår")],
    [("Kommunen", 42, "en nyckel som är ett tal")],
    [(None, "fält.2.svar.a", "ett svar utan part")],
    [("Ny_x001B_part", "fält.2.svar.a", "ett svar")],  # the escape of ESC, as the file format writes it
    [("Kommunen", "fält.1.svar.a", "två gånger")],
    [("KOMMUNEN", "fält.2.svar.a", "samma part i versaler")],
    [("Kommunen", "fält.1.bedömning", "mycket")],
    [("Kommunen", "datum", "i går")],
]


@pytest.mark.parametrize("rows", HOSTILE_PARTY_ROWS)
def test_a_hostile_parties_sheet_is_refused_with_its_cell(tmp_path, merged_workbook, rows):
    path = _parties_rows(merged_workbook, tmp_path / "fientlig.xlsx", rows)
    with pytest.raises(TolvfaltError) as exc:
        load(path)
    assert exc.value.problems
    for problem in exc.value.problems:
        assert problem.file == display_name(path)
        assert isinstance(problem.line, str)
        assert problem.line.startswith("Parter!")
    run = cli("check", path)
    assert run.exit_code == 1
    assert "Input should" not in run.stdout
    assert "\x1b" not in run.stdout


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(rows=st.lists(st.tuples(st.one_of(st.none(), st.text(max_size=8), st.integers(), st.booleans()),
                               st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats(allow_nan=False),
                                         st.sampled_from(["fält.1.svar.a", "fält.3.brister", "insatser", "fält.1",
                                                          "fält.x.svar.a", "fält.1.uppföljning.0.åtgärd"])),
                               st.one_of(st.none(), st.text(max_size=30), st.integers(), st.booleans())),
                     min_size=1, max_size=6))  # fmt: skip
def test_any_parties_sheet_loads_or_is_refused_by_its_cells(tmp_path_factory, merged_workbook, rows):
    clean_rows = [tuple(_cell_safe(v) for v in row) for row in rows]
    path = _parties_rows(merged_workbook, tmp_path_factory.mktemp("p") / "p.xlsx", clean_rows)
    try:
        load(path)
    except TolvfaltError as exc:
        assert all(p.file and p.line for p in exc.problems), exc.format()


def _cell_safe(value: object) -> object:
    """What openpyxl can put in a cell (it refuses the control characters a workbook cannot hold)."""
    if isinstance(value, str):
        return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value)
    return value


@pytest.mark.parametrize("field", ["abc", 99, 1.5, True, "3 och 4"])
def test_a_follow_up_row_that_names_no_field_is_refused_with_its_cell(tmp_path, field):
    source = tmp_path / "a.yaml"
    source.write_text(f"förbund: {FORBUND}\når: 2026\nfält:\n  4:\n    uppföljning:\n      - åtgärd: Utbildning\n"
                      "        status: pågår\n", "utf-8")  # fmt: skip
    book = tmp_path / "a.xlsx"
    assert cli("assess", source, "-o", book).exit_code == 0
    wb = openpyxl.load_workbook(book)
    wb["Uppföljning"].cell(2, 1).value = field
    wb.save(book)
    with pytest.raises(TolvfaltError) as exc:
        load(book)
    assert exc.value.problems
    assert all(str(p.line).startswith("Uppföljning!A2") for p in exc.value.problems), exc.value.format()
    assert "Input should" not in exc.value.format()


def test_one_hostile_workbook_in_a_folder_breaks_nothing_else(tmp_path, merged_workbook):
    folder = tmp_path / "mapp"
    folder.mkdir()
    this_year = folder / "2011.yaml"
    this_year.write_bytes((EXAMPLES / "2011-pahittad.yaml").read_bytes())
    data = yaml.safe_load((EXAMPLES / "2010-pahittad.yaml").read_text("utf-8"))
    hostile = _parties_rows(merged_workbook, folder / "2010.xlsx", HOSTILE_PARTY_ROWS[0] + HOSTILE_PARTY_ROWS[3])
    wb = openpyxl.load_workbook(hostile)  # it says it is last year's: discovery reads it in full
    for row in wb["Uppgifter"].iter_rows(min_row=2):
        if row[0].value in ("förbund", "år"):
            row[2].value = data[row[0].value]
    wb.save(hostile)
    run = cli("assess", this_year, "-o", tmp_path / "k.md")
    assert run.exit_code == 0, run.stderr
    assert "2010.xlsx" in run.stderr  # said, not silently skipped: last year's file cannot be read
    compared = cli("compare", folder, "-o", tmp_path / "alla.csv")
    assert compared.exit_code == 1
    assert (tmp_path / "alla.csv").exists()
    assert compared.stderr.count("2010.xlsx") >= 1
    assert "Traceback" not in compared.stderr


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("fält:\n  1:\n    uppföljning:\n      - åtgärd: A\n        status: klar\n", "ska vara en av: genomförd"),
        ("utkast: kanske\n", "ja eller nej"),
        ("datum: 2026-02-30\n", "datum"),
        ("fält:\n  1:\n    bedömning: 2.5\n", "heltal"),
        ("fält:\n  1:\n    svar: [a, b]\n", "samling"),
        ("svarande:\n  Kommunen: [1]\n", "samling"),
        ("insatser: {a: 1}\n", "lista"),
    ],
)
def test_every_message_is_swedish_and_located(tmp_path, line, words):
    path = tmp_path / "fel.yaml"
    path.write_text(f"förbund: {FORBUND}\når: 2026\n{line}", "utf-8")
    run = cli("check", path)
    assert run.exit_code == 1
    assert words in run.stdout
    assert "Input should" not in run.stdout
    assert re.search(r"fel\.yaml:\d+: ", run.stdout), run.stdout


# 5. tolvfalt never writes what it refuses to read -----------------------------------------------------------------


def _parties_folder(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        _party(folder, f"part{i:03}.yaml", f"Part {i:03}")
    return folder


def test_a_merge_of_500_parties_is_refused_as_a_workbook_before_it_is_written(tmp_path):
    folder = _parties_folder(tmp_path / "omgang", 500)
    out = tmp_path / "sammanstallning.xlsx"
    run = cli("merge", folder, "-o", out)
    assert run.exit_code == 1
    assert not out.exists()
    assert "sammanstallning.xlsx: svarande: 500 parter får inte plats" in run.stderr.splitlines()[-1]
    assert cli("merge", folder, "-o", tmp_path / "sammanstallning.yaml").exit_code == 0
    assert len(load(tmp_path / "sammanstallning.yaml").svarande) == 500


def test_as_many_parties_as_a_workbook_holds_load_back_and_one_more_is_refused(tmp_path):
    folder = _parties_folder(tmp_path / "omgang", 39)
    most = merge([folder], force=True)
    with pytest.raises(TolvfaltError) as exc:
        render(most, "xlsx")
    assert _codes(exc) == ["sheet_columns_over"]
    fits = exc.value.problems[0].params["most"]
    (folder / "part038.yaml").unlink()
    assert fits == 38
    merged = merge([folder], force=True)
    out = tmp_path / "m.xlsx"
    out.write_bytes(render(merged, "xlsx"))
    assert load(out).svarande == merged.combined().svarande


def test_a_follow_up_of_10000_actions_is_refused_as_a_workbook_and_9999_load_back(tmp_path):
    def follow_up(n: int) -> Path:
        items = [{"åtgärd": f"Åtgärd {i}"} for i in range(n)]
        path = tmp_path / f"{n}.yaml"
        path.write_text(dump({"förbund": FORBUND, "år": 2026, "fält": {4: {"uppföljning": items}}}), "utf-8")
        return path

    run = cli("assess", follow_up(10_000), "-o", tmp_path / "stor.xlsx")
    assert run.exit_code == 1
    assert not (tmp_path / "stor.xlsx").exists()
    assert "10000.yaml: fält.4.uppföljning: uppföljningen blir 10001 rader" in run.stderr
    assert cli("assess", follow_up(9_999), "-o", tmp_path / "ok.xlsx").exit_code == 0
    assert len(load(tmp_path / "ok.xlsx").falt[4].uppfoljning) == 9_999


def test_many_follow_ups_of_the_parties_are_refused_by_the_parties_sheet(tmp_path):
    items = [{"åtgärd": f"Åtgärd {i}", "status": "pågår"} for i in range(2_600)]
    data = {"förbund": FORBUND, "år": 2026,
            "svarande": {f"Part {p}": {"fält": {4: {"uppföljning": items}}} for p in range(2)}}  # fmt: skip
    source = tmp_path / "m.yaml"
    source.write_text(dump(data), "utf-8")
    run = cli("assess", source, "-o", tmp_path / "m.xlsx")
    assert run.exit_code == 1
    assert "sheet_rows_over" not in run.stderr
    assert "bara till rad 10000" in run.stderr
    assert not (tmp_path / "m.xlsx").exists()


def test_a_yaml_file_too_large_to_read_is_not_written(tmp_path):
    from tolvfalt.model import Assessment

    big = Assessment.model_validate({"förbund": FORBUND, "år": 2026, "fält": {1: {"svar": {"a": "ord " * 5_300_000}}}})
    with pytest.raises(TolvfaltError) as exc:
        render(big, "yaml")
    assert _codes(exc) == ["yaml_over"]


# 6. Documents in bounded time and on the page ---------------------------------------------------------------------

WORD = "samverkansrehabiliteringsinsatsuppföljning" * 72  # 3,024 letters, no place to break


def _long_word_file(tmp_path: Path) -> Path:
    path = tmp_path / "ord.yaml"
    path.write_text(dump({"förbund": FORBUND, "år": 2026, "insatser": [WORD[:300]], "fält": {
        1: {"svar": {"a": f"Före {WORD} och {WORD[:300]} efter."}, "brister": [WORD]}}}), "utf-8")  # fmt: skip
    return path


def _outside_the_page(pdf: Path) -> list[str]:
    """Words that pdftotext finds beyond the page's width (or its left edge), with their page."""
    import subprocess

    box = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    outside = []
    for number, (width, body) in enumerate(re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', box,
                                                      re.S)):  # fmt: skip
        for x_min, x_max, word in re.findall(r'<word xMin="([-\d.]+)" yMin="[\d.]+" xMax="([-\d.]+)"[^>]*>(.*?)</word>',
                                             body):  # fmt: skip
            if float(x_min) < 0 or float(x_max) > float(width):
                outside.append(f"page {number + 1}: {word[:20]}")
    return outside


@needs_pdftotext
def test_a_word_of_3000_letters_wraps_inside_the_page_in_pdf_and_html(tmp_path):
    from clients import CHROMIUM, chromium_pdf

    source = _long_word_file(tmp_path)
    assert cli("assess", source, "-o", tmp_path / "k.pdf").exit_code == 0
    assert _outside_the_page(tmp_path / "k.pdf") == []
    assert cli("assess", source, "-o", tmp_path / "k.html").exit_code == 0
    assert "overflow-wrap: anywhere" in (tmp_path / "k.html").read_text("utf-8")
    if CHROMIUM is not None:  # the HTML as a browser lays it out
        assert _outside_the_page(chromium_pdf(tmp_path / "k.html", tmp_path / "browser.pdf")) == []


@needs_soffice
@needs_pdftotext
def test_a_word_of_3000_letters_wraps_inside_the_page_in_docx(tmp_path):
    source = _long_word_file(tmp_path)
    assert cli("assess", source, "-o", tmp_path / "k.docx").exit_code == 0
    assert _outside_the_page(soffice_convert(tmp_path / "k.docx", "pdf", tmp_path)) == []


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx"])
def test_a_document_beyond_any_kartlaggning_is_refused_before_layout(tmp_path, fmt):
    from tolvfalt.formats.view.common import DOCUMENT_CHARACTERS, DOCUMENT_POINTS

    text = tmp_path / "text.yaml"
    text.write_text(dump({"förbund": FORBUND, "år": 2026, "fält": {1: {"svar": {"a": "ord " * 1_300_000}}}}), "utf-8")
    points = tmp_path / "punkter.yaml"
    items = [f"brist {i}" for i in range(DOCUMENT_POINTS + 1)]
    points.write_text(dump({"förbund": FORBUND, "år": 2026, "fält": {1: {"brister": items}}}), "utf-8")
    for source, code in ((text, "document_text_over"), (points, "document_points_over")):
        with pytest.raises(TolvfaltError) as exc:
            render(load(source), fmt)
        assert _codes(exc) == [code]
        run = cli("assess", source, "-o", tmp_path / f"k.{fmt}")
        assert run.exit_code == 1
        assert f"{source.name}: har " in run.stderr.splitlines()[-1]
        assert not (tmp_path / f"k.{fmt}").exists()
    assert len(load(text).falt[1].svar["a"]) > DOCUMENT_CHARACTERS


def test_a_document_beyond_the_limits_is_refused_before_its_text_is_scanned(tmp_path, monkeypatch):
    import tolvfalt.personal

    def scanned(*args, **kwargs):
        raise AssertionError("scanned for personal data before the limits were checked")

    monkeypatch.setattr(tolvfalt.personal, "scan", scanned)
    text = tmp_path / "text.yaml"
    text.write_text(dump({"förbund": FORBUND, "år": 2026, "fält": {1: {"svar": {"a": "ord " * 1_300_000}}}}), "utf-8")
    with pytest.raises(TolvfaltError) as exc:
        render(load(text), "md")
    assert _codes(exc) == ["document_text_over"]


def test_a_document_at_the_limits_is_written(tmp_path):
    from tolvfalt.formats.view.common import DOCUMENT_CHARACTERS, DOCUMENT_POINTS

    answer = "ord " * ((DOCUMENT_CHARACTERS - 50_000) // 4)
    fields = {n: {"brister": [f"brist {n}.{i}" for i in range(DOCUMENT_POINTS // 12)]} for n in range(1, 13)}
    fields[1]["svar"] = {"a": answer}
    source = tmp_path / "stor.yaml"
    source.write_text(dump({"förbund": FORBUND, "år": 2026, "fält": fields}), "utf-8")
    assert cli("assess", source, "-o", tmp_path / "k.md").exit_code == 0
    assert cli("assess", source, "-o", tmp_path / "k.docx").exit_code == 0
    assert f"brist 12.{DOCUMENT_POINTS // 12 - 1}" in (tmp_path / "k.md").read_text("utf-8")


# 7. Letterheads carry nothing hidden ------------------------------------------------------------------------------

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _hostile_letterhead(tmp_path: Path) -> Path:
    """A letterhead with what must not reach a published document: an attached template on a file:// path, an
    image and a field fetched over http://, a hyperlink, macros and custom XML."""
    import docx

    base = tmp_path / "bas.docx"
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].add_run("Exempelforsens Samordningsförbund · Brevhuvud")
    letterhead.save(str(base))
    with zipfile.ZipFile(base) as old:
        parts = {info.filename: old.read(info) for info in old.infolist()}
    header = parts["word/header1.xml"].decode()
    if 'xmlns:v="' not in header:
        header = header.replace("<w:hdr ", '<w:hdr xmlns:v="urn:schemas-microsoft-com:vml" ', 1)
    hidden = ('<w:p><w:r><w:pict><v:shape><v:imagedata r:id="rIdSpy"/></v:shape></w:pict></w:r>'
              '<w:hyperlink r:id="rIdWeb"><w:r><w:t>webbplatsen</w:t></w:r></w:hyperlink>'
              "<w:fldSimple w:instr=' INCLUDEPICTURE \"http://spar.example/bild.png\" \\d '>"
              "<w:r><w:t>bild</w:t></w:r></w:fldSimple></w:p>")  # fmt: skip
    parts["word/header1.xml"] = header.replace("</w:hdr>", hidden + "</w:hdr>").encode()
    rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    parts["word/_rels/header1.xml.rels"] = (
        f'{rels}<Relationship Id="rIdSpy" Type="{REL}/image" Target="http://spar.example/pixel.png" '
        f'TargetMode="External"/><Relationship Id="rIdWeb" Type="{REL}/hyperlink" Target="http://example.org/" '
        'TargetMode="External"/></Relationships>'
    ).encode()
    settings_xml = parts["word/settings.xml"].decode()
    if 'xmlns:r="' not in settings_xml:
        settings_xml = settings_xml.replace("<w:settings ", f'<w:settings xmlns:r="{REL}" ', 1)
    parts["word/settings.xml"] = settings_xml.replace(
        "<w:zoom", '<w:attachedTemplate r:id="rIdTpl"/><w:zoom', 1
    ).encode()
    parts["word/_rels/settings.xml.rels"] = (
        f'{rels}<Relationship Id="rIdTpl" Type="{REL}/attachedTemplate" Target="file:///C:/Mallar/makro.dotm" '
        'TargetMode="External"/></Relationships>'
    ).encode()
    document_rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = document_rels.replace("</Relationships>", (
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
        f'Target="vbaProject.bin"/><Relationship Id="rIdXml" Type="{REL}/customXml" Target="../customXml/item9.xml"/>'
        "</Relationships>")).encode()  # fmt: skip
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 makro"
    parts["customXml/item9.xml"] = b"<hemligt>uppgift</hemligt>"
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
    )).encode()  # fmt: skip
    target = tmp_path / "brevhuvud.docx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return target


def test_a_letterheads_hidden_parts_do_not_reach_the_document(tmp_path):
    import docx

    letterhead = _hostile_letterhead(tmp_path)
    out = tmp_path / "k.docx"
    run = cli("assess", EXAMPLE, "-o", out, "--docx-template", letterhead)
    assert run.exit_code == 0, run.stderr
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        xml = {n: archive.read(n).decode("utf-8", "replace") for n in names if n.endswith((".xml", ".rels"))}
    assert not [n for n in names if "vba" in n.lower() or n.startswith("customXml/")]
    everything = "\n".join(xml.values())
    for hidden in ('TargetMode="External"', "spar.example", "file:///", "makro.dotm", "attachedTemplate",
                   "INCLUDEPICTURE", "vbaProject", "hemligt", "customXml", "example.org"):  # fmt: skip
        assert hidden not in everything, hidden
    header = next(text for name, text in xml.items() if name.startswith("word/header"))
    assert "Brevhuvud" in header  # the letterhead itself stays
    assert "webbplatsen" in header  # a link's text stays, its address goes
    opened = docx.Document(str(out))
    assert opened.paragraphs


@pytest.mark.parametrize("kind", ["suffix", "inside"])
def test_a_docm_letterhead_is_refused_in_swedish(tmp_path, kind):
    import docx

    letterhead = tmp_path / ("brevhuvud.docm" if kind == "suffix" else "brevhuvud.docx")
    docx.Document().save(str(tmp_path / "bas.docx"))
    with zipfile.ZipFile(tmp_path / "bas.docx") as old, zipfile.ZipFile(letterhead, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "[Content_Types].xml" and kind == "inside":  # a .docm renamed .docx
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            new.writestr(info, data)
    run = cli("assess", EXAMPLE, "-o", tmp_path / "k.docx", "--docx-template", letterhead)
    assert run.exit_code == 1
    assert "makron (.docm)" in run.stderr
    assert " object at 0x" not in run.stderr
    assert "<" not in run.stderr
    assert not (tmp_path / "k.docx").exists()


# 8. Last year's file chosen openly --------------------------------------------------------------------------------


def _years(folder: Path, *names: str, forbund: str = FORBUND, year: int = 2025) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        data = {"förbund": forbund, "år": year, "fält": {1: {"svar": {"a": "Förra året."}, "bedömning": 2}}}
        if name.endswith(".xlsx"):
            source = folder / "tmp.yaml"
            source.write_text(dump(data), "utf-8")
            assert cli("assess", source, "-o", path).exit_code == 0
            source.unlink()
        else:
            path.write_text(dump(data), "utf-8")
        paths.append(path)
    return paths


def test_two_candidates_for_last_year_are_named_and_neither_is_used(tmp_path):
    folder = tmp_path / "mapp"
    _years(folder, "2025.yaml", "2025.xlsx")
    this = _years(folder, "2026.yaml", year=2026)[0]
    run = cli("assess", this, "-o", tmp_path / "k.md")
    assert run.exit_code == 0, run.stderr
    warning = next(line for line in run.stderr.splitlines() if line.startswith("varning:"))
    assert "2025.yaml" in warning
    assert "2025.xlsx" in warning
    assert "ingen av dem används" in warning
    assert "jämförs med" not in run.stderr
    single = tmp_path / "ensam"
    _years(single, "2025.yaml")
    only = _years(single, "2026.yaml", year=2026)[0]
    chosen = choose_previous(only, load(only))
    assert chosen.path == single / "2025.yaml"
    assert chosen.warnings == []


@pytest.mark.parametrize(("forbund", "year", "code"), [("Ett annat förbund", 2025, "previous_other_forbund"),
                                                      (FORBUND, 2027, "previous_not_earlier"),
                                                      (FORBUND, 2026, "previous_not_earlier")])  # fmt: skip
def test_an_explicit_previous_of_another_forbund_or_a_later_year_is_refused(tmp_path, forbund, year, code):
    this = _years(tmp_path / "a", "2026.yaml", year=2026)[0]
    other = _years(tmp_path / "b", "annan.yaml", forbund=forbund, year=year)[0]
    with pytest.raises(TolvfaltError) as exc:
        choose_previous(this, load(this), given=other)
    assert _codes(exc) == [code]
    run = cli("assess", this, "-o", tmp_path / "k.md", "--previous", other)
    assert run.exit_code == 1
    assert "annan.yaml" in run.stderr
    assert not (tmp_path / "k.md").exists()


def test_choosing_last_year_reads_only_what_each_file_says_it_is(tmp_path):
    from tolvfalt.read.header import read_header

    folder = tmp_path / "mapp"
    _years(folder, "2025.yaml")
    # Files that say another förbund or year at their top, with a body nothing could read: never read in full.
    (folder / "annat.yaml").write_text("förbund: Ett annat förbund\når: 2025\nfält: {{{\n", "utf-8")
    (folder / "gammal.yaml").write_text(f"förbund: {FORBUND}\når: 2019\nfält: [[[\n", "utf-8")
    this = _years(folder, "2026.yaml", year=2026)[0]
    chosen = choose_previous(this, load(this))
    assert chosen.path == folder / "2025.yaml"
    assert chosen.warnings == []
    assert read_header(folder / "annat.yaml").forbund == "Ett annat förbund"
    xlsx = _years(tmp_path / "bok", "2025.xlsx")[0]
    header = read_header(xlsx)
    assert (header.forbund, header.ar, header.respondent, header.complete) == (FORBUND, 2025, None, True)
    # One that says it is last year's but cannot be read: said, and not used.
    (folder / "2025.yaml").write_text(f"förbund: {FORBUND}\når: 2025\nfält:\n  13: {{}}\n", "utf-8")
    chosen = choose_previous(this, load(this))
    assert chosen.path is None
    assert [w.code for w in chosen.warnings] == ["previous_unreadable"]


@FOLDER_SETTINGS
@given(forbund=NAMES.filter(lambda n: clean(n) and not n[0].isdigit()), year=st.integers(1990, 2100),
       respondent=st.none() | NAMES.filter(lambda n: clean(n) and not n[0].isdigit()))  # fmt: skip
def test_the_header_of_a_file_says_what_the_file_says(tmp_path_factory, forbund, year, respondent):
    from tolvfalt.read.header import read_header

    folder = tmp_path_factory.mktemp("h")
    data: dict[str, object] = {"förbund": forbund, "år": year, "fält": {1: {"svar": {"a": "x"}}}}
    if respondent is not None:
        data["respondent"] = respondent
    path = folder / "a.yaml"
    path.write_text(dump(data), "utf-8")
    a = load(path)
    header = read_header(path)
    for said, read in ((header.forbund, a.forbund), (header.ar, a.ar), (header.respondent, a.respondent)):
        assert said is None or clean(str(said)) == clean(str(read))
    if header.complete:  # nothing is left unknown: each is what the file says
        assert header.forbund is not None
        assert clean(header.forbund) == a.forbund
        assert header.ar == a.ar
        assert (clean(header.respondent) if header.respondent else None) == a.respondent


# 9. What the first corpus still finds -----------------------------------------------------------------------------

HEAD = f"förbund: {FORBUND}\når: 2026\n"


def test_control_characters_never_reach_the_terminal_raw(tmp_path):
    named = tmp_path / "a\x1b[2Jb.yaml"  # a file's name with the escape that clears a terminal
    named.write_text(HEAD + "fält:\n  13: {}\n", "utf-8")
    keyed = tmp_path / "nyckel.yaml"
    keyed.write_text(HEAD + '"\\e[31mröd": 1\n' + 'ort: "\\u009b31m"\n', "utf-8")
    for run in (cli("check", named, keyed), cli("check", named, keyed, "--json"), cli("compare", named, keyed),
                cli("merge", named, keyed, "--force"), cli("status", tmp_path)):  # fmt: skip
        shown = run.stdout + run.stderr
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown), repr(shown[:300])
    run = cli("check", named)
    assert "a\\x1b[2Jb.yaml" in run.stdout


def test_keys_that_differ_only_by_normalisation_are_one_key(tmp_path):
    nfd = unicodedata.normalize("NFD", "förbund")
    path = tmp_path / "nfd.yaml"
    path.write_text(f"{nfd}: {FORBUND}\når: 2026\nfält:\n  1:\n    {unicodedata.normalize('NFD', 'bedömning')}: 3\n",
                    "utf-8")  # fmt: skip
    a = load(path)
    assert a.forbund == FORBUND
    assert a.rating(1) == 3
    twice = tmp_path / "twice.yaml"
    twice.write_text(f"förbund: {FORBUND}\n{nfd}: Ett annat\når: 2026\n", "utf-8")
    with pytest.raises(TolvfaltError) as exc:
        load(twice)
    assert _codes(exc) == ["duplicate_key"]
    assert exc.value.problems[0].line == 2
    names = tmp_path / "parter.yaml"
    names.write_text(HEAD + "svarande:\n  Kommunen: {inledning: a}\n  kommunen: {inledning: b}\n", "utf-8")
    with pytest.raises(TolvfaltError) as exc:
        load(names)
    assert _codes(exc) == ["party_twice"]
    assert exc.value.problems[0].line == 5


@pytest.mark.parametrize(
    ("written", "code"),
    [("No", "yaml_not_text"), ("yes", "yaml_not_text"), ("off", "yaml_not_text"), ("true", "yaml_not_text"),
     ("12:30", "yaml_not_text_number"), ("010", "yaml_not_text_number"), ("1_000", "yaml_not_text_number"),
     ("0x1F", "yaml_not_text_number"), ("+5", "yaml_not_text_number")],
)  # fmt: skip
def test_a_yaml_11_value_where_text_is_wanted_is_refused_quoting_what_was_written(tmp_path, written, code):
    path = tmp_path / "svar.yaml"
    path.write_text(HEAD + f"ort: Fagersta\nfält:\n  1:\n    svar:\n      a: {written}\n", "utf-8")
    with pytest.raises(TolvfaltError) as exc:
        load(path)
    assert [(p.code, p.line, p.key) for p in exc.value.problems] == [(code, 7, "fält.1.svar.a")]
    assert f"'{written}'" in exc.value.format()
    path.write_text(HEAD + f"fält:\n  1:\n    svar:\n      a: '{written}'\n", "utf-8")
    assert load(path).answer("1a") == written  # quoted, it is the text as written


def test_yaml_11_values_where_they_mean_what_they_say(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(
        HEAD + "utkast: yes\nfält:\n  1:\n    svar:\n      a: 3.50\n      b: 42\n    bedömning: 3\n", "utf-8"
    )
    a = load(path)
    assert a.utkast is True
    assert (a.answer("1a"), a.answer("1b"), a.rating(1)) == ("3.50", "42", 3)
    for written in ("3:00", "03", "yes"):
        path.write_text(HEAD + f"fält:\n  1:\n    bedömning: {written}\n", "utf-8")
        with pytest.raises(TolvfaltError) as exc:
            load(path)
        assert exc.value.problems[0].code.startswith("yaml_not_digits"), written


def test_a_nul_byte_is_located(tmp_path):
    path = tmp_path / "nul.yaml"
    path.write_bytes((HEAD + "ort: Fager\x00sta\n").encode())
    with pytest.raises(TolvfaltError) as exc:
        load(path)
    assert [(p.code, p.line) for p in exc.value.problems] == [("binary", 3)]


def test_a_deleted_id_column_is_named_as_such(tmp_path):
    book = tmp_path / "a.xlsx"
    assert cli("assess", EXAMPLE, "-o", book).exit_code == 0
    wb = openpyxl.load_workbook(book)
    wb["Svar"].delete_cols(1)
    wb.save(book)
    with pytest.raises(TolvfaltError) as exc:
        load(book)
    assert _codes(exc) == ["missing_id_column"]
    assert "Id" in exc.value.format()


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=st.lists(st.from_regex(r"_x[0-9A-Fa-f]{4}_", fullmatch=True) | st.sampled_from(["ord", " ", "_", "x"]),
                     min_size=1, max_size=8).map("".join).filter(lambda t: clean(t)))  # fmt: skip
def test_text_like_the_file_formats_own_escapes_round_trips_through_the_workbook(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("x")
    source = folder / "a.yaml"
    source.write_text(dump({"förbund": FORBUND, "år": 2026, "ort": text,
                            "fält": {1: {"svar": {"a": text}, "brister": [text]}}}), "utf-8")  # fmt: skip
    book = folder / "a.xlsx"
    assert cli("assess", source, "-o", book).exit_code == 0
    assert load(book) == load(source)


def test_a_formula_with_a_saved_text_value_loads_as_its_value(tmp_path):
    book = tmp_path / "a.xlsx"
    assert cli("assess", EXAMPLE, "-o", book).exit_code == 0
    with zipfile.ZipFile(book) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    from tolvfalt.read.sheets import sheet_parts

    with zipfile.ZipFile(book) as archive:
        meta = sheet_parts(archive, "a.xlsx")["Uppgifter"]
    sheet = parts[meta].decode()
    cell = re.search(r'<c r="C6"[^>]*>.*?</c>', sheet)  # författare's value, as LibreOffice saves a formula
    assert cell is not None
    formula = '<c r="C6" t="str"><f>CONCATENATE("Jonas";" ";"Wells")</f><v>Jonas Wells</v></c>'
    empty = '<c r="C5" t="str"><f>""</f><v></v></c>'
    sheet = sheet.replace(cell.group(), formula)
    sheet = re.sub(r'<c r="C5"[^>]*>.*?</c>|<c r="C5"[^>]*/>', empty, sheet, count=1)
    parts[meta] = sheet.encode()
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    a = load(book)
    assert a.forfattare == "Jonas Wells"
    assert a.datum is None


def test_compare_into_its_own_folder_twice_skips_its_own_output(tmp_path):
    for name in ("2010.yaml", "2011.yaml"):
        (tmp_path / name).write_bytes((EXAMPLES / name.replace(".yaml", "-pahittad.yaml")).read_bytes())
    for _ in range(2):
        run = cli("compare", tmp_path, "-o", tmp_path / "alla.xlsx", "--force")
        assert run.exit_code == 0, run.stderr
    named = cli("compare", tmp_path / "2010.yaml", tmp_path / "alla.xlsx", "-o", tmp_path / "alla.xlsx", "--force")
    assert named.exit_code == 1  # named as an input, it is one: never written over


def test_one_unreadable_file_among_several_is_one_problem(tmp_path):
    for name in ("2010.yaml", "2011.yaml"):
        (tmp_path / name).write_bytes((EXAMPLES / name.replace(".yaml", "-pahittad.yaml")).read_bytes())
    (tmp_path / "borta.yaml").symlink_to(tmp_path / "finns-inte.yaml")  # a link to nothing
    (tmp_path / "trasig.xlsx").write_bytes(b"PK\x03\x04 inte en arbetsbok")
    from tolvfalt.api import check, compare

    results = check([tmp_path])
    assert [(Path(r.source).name, len(r.problems)) for r in results] == [
        ("2010.yaml", 0), ("2011.yaml", 0), ("borta.yaml", 1), ("trasig.xlsx", 1)]  # fmt: skip
    compared = compare([tmp_path])
    assert len(compared.problems) == 2
    assert sorted(d.ar for s in compared.series for d in s.entries) == [2010, 2011]


def test_new_refuses_what_check_would_refuse(tmp_path):
    for args in (("--ar", "99999"), ("--ar", "1800"), ("--forbund", "X\x1b")):
        run = cli("new", tmp_path / "a.yaml", "--forbund", FORBUND, *args)
        assert run.exit_code == 2, args
        assert run.stderr.startswith(args[0]), run.stderr
        assert not (tmp_path / "a.yaml").exists()
    last = tmp_path / "2200.yaml"
    last.write_text(f"förbund: {FORBUND}\når: 2200\n", "utf-8")
    run = cli("new", tmp_path / "a.yaml", "--from", last)
    assert run.exit_code == 2
    assert "2201" in run.stderr
    assert cli("new", tmp_path / "a.yaml", "--forbund", FORBUND, "--ar", "2200").exit_code == 0
    assert cli("check", tmp_path / "a.yaml").exit_code == 0


def test_check_of_an_empty_folder_names_the_folder(tmp_path):
    empty = tmp_path / "tom"
    empty.mkdir()
    (empty / "anteckningar.txt").write_text("inget här", "utf-8")
    run = cli("check", empty)
    assert run.exit_code == 1
    assert run.stdout.startswith(f"{display_name(empty)}: ")
    assert "inga kartläggningar" in run.stdout


def test_the_library_check_of_an_empty_folder_names_it_as_the_command_does(tmp_path):
    import tolvfalt

    empty = tmp_path / "tom"
    empty.mkdir()
    one = tmp_path / "en.yaml"
    one.write_bytes((EXAMPLES / "2009.yaml").read_bytes())
    results = tolvfalt.check([empty, one])
    assert [r.source for r in results] == [display_name(empty), display_name(one)]
    assert [p.code for p in results[0].problems] == ["empty_folder"]
    assert results[1].ok


# 10. The comparison workbook's charts have a text alternative -----------------------------------------------------


def test_every_chart_in_the_comparison_workbook_is_described_in_words(tmp_path):
    out = tmp_path / "alla.xlsx"
    assert cli("compare", EXAMPLES, "-o", out).exit_code == 0
    from xml.etree import ElementTree

    with zipfile.ZipFile(out) as archive:
        drawings = [n for n in archive.namelist() if re.fullmatch(r"xl/drawings/drawing\d+\.xml", n)]
        charts = [n for n in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        frames = [
            e for n in drawings for e in ElementTree.fromstring(archive.read(n)).iter()
            if e.tag.endswith("}cNvPr")
        ]  # fmt: skip
    assert len(frames) == len(charts) > 0
    for props in frames:
        described = props.get("descr") or ""
        assert props.get("title")
        assert described.startswith(props.get("title") or "")
        assert re.search(r"\b20\d\d [1-4–]", described), described  # a year and its rating, in words
    assert openpyxl.load_workbook(out).sheetnames
