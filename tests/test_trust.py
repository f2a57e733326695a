"""Trust, by category: no user text read as markup, no traceback from a value, no blow-up from a small file, no
quadratic time, nothing lost quietly, nothing overwritten, nothing injected, clutter in folders handled, text
pasted from Word kept, and messages a person can act on."""

from __future__ import annotations

import io
import os
import resource
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml
from conftest import EXAMPLE, ROOT, assert_no_traceback, cli
from markdown_it import MarkdownIt

from tolvfalt import TolvfaltError, load
from tolvfalt.formats.data import dump

EXAMPLES = ROOT / "examples"
TEMPLATE = ROOT / "templates" / "tolvfaltaren.xlsx"
HEAD = "förbund: Exempelförbundet\når: 2024\n"


def _yaml(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def _data(**changes: object) -> dict[str, object]:
    data = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    data.update(changes)
    return data


def _write(tmp_path: Path, data: dict[str, object], name: str = "a.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dump(data), "utf-8")
    return path


def _codes(exc: pytest.ExceptionInfo[TolvfaltError]) -> list[str]:
    return [p.code for p in exc.value.problems]


def _run(*args: str | Path, limit_gb: float = 2.0, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The installed command in a process of its own, with its memory capped: a blow-up fails rather than
    taking the machine."""

    def cap() -> None:
        size = int(limit_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    return subprocess.run(
        [sys.executable, "-m", "tolvfalt", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=cap,
        cwd=ROOT,
    )


def _rewrite(source: Path, target: Path, change: dict[str, object]) -> Path:
    """A copy of a zip package with parts replaced (bytes or a function of the old bytes) or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename in change:
                new_data = change[info.filename]
                data = new_data(data) if callable(new_data) else new_data  # type: ignore[assignment]
            new.writestr(info.filename, data)
        for name, data in change.items():
            if name not in old.namelist():
                new.writestr(name, data)  # type: ignore[arg-type]
    return target


def _svar_part(path: Path) -> str:
    from tolvfalt.read.sheets import sheet_parts

    with zipfile.ZipFile(path) as archive:
        return sheet_parts(archive, path.name)["Svar"]


def _filled_workbook(tmp_path: Path) -> Path:
    out = tmp_path / "ifylld.xlsx"
    assert cli("assess", EXAMPLES / "2010-pahittad.yaml", "-o", out).exit_code == 0
    return out


def _add_to_svar(tmp_path: Path, xml: str, name: str = "andrad.xlsx") -> Path:
    source = _filled_workbook(tmp_path)
    part = _svar_part(source)
    return _rewrite(
        source, tmp_path / name, {part: lambda b: b.replace(b"</sheetData>", xml.encode() + b"</sheetData>")}
    )


# 1. User text is never markup -------------------------------------------------------------------------------


MARKUP = ["Förbund [/]", "Anna Berg [ordf.]", "[link=https://example.org]här[/link]", "[bold red]röd[/]", ":smile:"]


@pytest.mark.parametrize("text", MARKUP)
def test_user_text_is_shown_as_written_in_every_terminal_view(tmp_path, text):
    a = _write(tmp_path, _data(förbund=text, författare=text, respondent=text), "a.yaml")
    b = _write(tmp_path, _data(förbund=text, respondent="Regionen", år=2010), "b.yaml")
    for args in (("assess", a, "--format", "terminal"), ("compare", a, b), ("merge", a, b, "--force")):
        run = cli(*args)
        assert run.exit_code == 0, (args, run.stderr)
        assert text in run.stdout.replace("\n", ""), (args, run.stdout[:500])
    named = tmp_path / (text.replace("/", "") + ".yaml")
    named.write_bytes(a.read_bytes())
    run = cli("check", named)
    assert run.exit_code == 0
    assert named.name in run.stdout


def test_framework_text_is_never_markup(tmp_path):
    data = yaml.safe_load((ROOT / "tolvfalt" / "data" / "tolvfaltaren.yaml").read_text("utf-8"))
    data["rader"][0]["sv"] = "Deltagare [/]"
    data["fält"][0]["frågor"][0]["sv"] = "Finns [bold]ett[/] mål?"
    own = tmp_path / "eget.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    run = cli("assess", EXAMPLE, "--format", "terminal", "--framework", own)
    assert run.exit_code == 0, run.stderr
    assert "Deltagare [/]" in run.stdout
    assert "[bold]ett[/]" in run.stdout.replace("\n", " ")


# 2. Values never give a traceback -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (HEAD + "datum: 2009-02-30\n", "not_date"),
        (HEAD + "datum: 2009-13-01\n", "not_date"),
        (HEAD + "datum: 2009-10-06 25:00:00\n", "not_date"),
        ("förbund: X\når: 1" + "0" * 5000 + "\n", "too_many_digits"),
        (HEAD + "fält:\n  1:\n    bedömning: 1" + "0" * 5000 + "\n", "too_many_digits"),
        (HEAD + "fält:\n  ²: {}\n", "not_field_number"),
        (HEAD + "fält:\n  '１': {}\n", "not_field_number"),
    ],
)
def test_impossible_values_are_problems(tmp_path, text, code):
    with pytest.raises(TolvfaltError) as exc:
        load(_yaml(tmp_path, text))
    assert code in _codes(exc)
    assert all(p.file and p.line for p in exc.value.problems)


def test_an_impossible_date_where_text_is_wanted_is_text(tmp_path):
    a = load(_yaml(tmp_path, HEAD + "titel: 2009-02-30\nfält:\n  1:\n    svar:\n      a: 2009-10-06 25:00:00\n"))
    assert a.titel == "2009-02-30"
    assert a.answer("1a") == "2009-10-06 25:00:00"


@pytest.mark.parametrize("damage", ["truncated", "bad_crc", "password", "garbage_entry", "empty_zip"])
def test_damaged_workbooks_are_problems(tmp_path, damage):
    good = _filled_workbook(tmp_path)
    raw = good.read_bytes()
    path = tmp_path / f"{damage}.xlsx"
    if damage == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "bad_crc":
        with zipfile.ZipFile(good) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as new:
            for info in old.infolist():
                new.writestr(info.filename, old.read(info))
        data = bytearray(path.read_bytes())
        at = data.find(b"<sheetData>")
        data[at + 1] ^= 0x20  # one byte changed inside a stored part: its CRC no longer matches
        path.write_bytes(bytes(data))
    elif damage == "password":
        data = bytearray(raw)
        offset = 0
        while (offset := data.find(b"PK\x03\x04", offset)) != -1:  # mark every entry as encrypted
            data[offset + 6] |= 0x1
            offset += 4
        offset = 0
        while (offset := data.find(b"PK\x01\x02", offset)) != -1:
            data[offset + 8] |= 0x1
            offset += 4
        path.write_bytes(bytes(data))
    elif damage == "garbage_entry":
        _rewrite(good, path, {_svar_part(good): b"\x00\xff not xml at all <<<"})
    else:
        with zipfile.ZipFile(path, "w"):
            pass
    with pytest.raises(TolvfaltError) as exc:
        load(path)
    assert exc.value.problems[0].file == path.name or exc.value.problems[0].file.endswith(path.name)
    run = cli("check", path)
    assert run.exit_code == 1
    assert path.name in run.stdout


def test_standard_output_on_a_full_disk_is_a_message():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "tolvfalt", "assess", EXAMPLE, "--format", "md"], stdout=full,
                             stderr=subprocess.PIPE, text=True, timeout=60)  # fmt: skip
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "standard ut" in run.stderr


def test_a_closed_pipe_ends_quietly():
    run = subprocess.run(f"'{sys.executable}' -m tolvfalt assess '{EXAMPLE}' --format md | head -c 10", shell=True,
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert run.stdout == "Fagersta |"
    assert "Traceback" not in run.stderr
    assert "Exception" not in run.stderr


def test_a_letterhead_with_only_the_normal_style(tmp_path):
    letterhead = docx.Document()
    styles = letterhead.styles.element
    for style in list(styles):
        if style.tag.endswith("}style") and style.get(docx.oxml.ns.qn("w:styleId")) != "Normal":
            styles.remove(style)
    path = tmp_path / "brevmall.docx"
    letterhead.save(str(path))
    out = tmp_path / "k.docx"
    run = cli("assess", EXAMPLES / "2010-pahittad.yaml", "-o", out, "--docx-template", path)
    assert run.exit_code == 0, run.stderr
    used = {p.style.name for p in docx.Document(str(out)).paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= used


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda d: d["rader"][0].update(sv="Del\x07tagare"), "control_char"),
        (lambda d: d["fält"][0]["frågor"][0].update(sv="Rad ett\nrad två"), "line_break"),
        (lambda d: d["fält"][1]["frågor"][1].update(id="2a"), "duplicate_question_id"),
    ],
)
def test_a_broken_framework_file_is_a_located_problem(tmp_path, change, code):
    from tolvfalt import load_framework

    data = yaml.safe_load((ROOT / "tolvfalt" / "data" / "tolvfaltaren.yaml").read_text("utf-8"))
    change(data)
    own = tmp_path / "eget.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(TolvfaltError) as exc:
        load_framework(own)
    assert code in _codes(exc)
    assert all(p.line for p in exc.value.problems)
    assert cli("check", EXAMPLE, "--framework", own).exit_code == 1


# 3. Small files that would unpack or allocate without bound -----------------------------------------------------


@pytest.mark.parametrize("cell", ["XFD1048576", "AZ1048576", "ZZZZ99999999", "A99999999999999999999"])
def test_a_cell_far_away_is_refused_before_the_sheet_is_built(tmp_path, cell):
    row = "".join(ch for ch in cell if ch.isdigit())
    path = _add_to_svar(tmp_path, f'<row r="{row}"><c r="{cell}" t="inlineStr"><is><t>x</t></is></c></row>')
    assert path.stat().st_size < 50_000
    run = _run("check", path, limit_gb=1.5, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "Svar" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


def test_a_huge_cell_in_a_small_workbook_is_refused(tmp_path):
    text = "a" * (60 * 2**20)  # 60 MB of one letter packs to some 60 kB
    path = _add_to_svar(tmp_path, f'<row r="40"><c r="F40" t="inlineStr"><is><t>{text}</t></is></c></row>')
    assert path.stat().st_size < 1_000_000
    with pytest.raises(TolvfaltError) as exc:
        load(path)
    assert _codes(exc) == ["part_too_big"]


def test_a_letterhead_with_a_huge_part_is_refused(tmp_path):
    letterhead = tmp_path / "brevmall.docx"
    docx.Document().save(str(letterhead))
    big = _rewrite(letterhead, tmp_path / "stor.docx", {"word/media/bild.bin": b"\0" * (60 * 2**20)})
    run = cli("assess", EXAMPLE, "-o", tmp_path / "k.docx", "--docx-template", big)
    assert run.exit_code == 1
    assert "stor.docx" in run.stderr
    assert "MB" in run.stderr


def test_aliases_that_repeat_text_are_bounded(tmp_path):
    text = HEAD + "inledning: &a " + "x" * 120_000 + "\ninsatser: [" + ", ".join(["*a"] * 200) + "]\n"
    with pytest.raises(TolvfaltError) as exc:
        load(_yaml(tmp_path, text))
    assert _codes(exc) == ["too_much_text"]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_is_refused(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    for name in ("noll.yaml", "noll.xlsx"):
        link = tmp_path / name
        link.symlink_to(device)
        with pytest.raises(TolvfaltError) as exc:
            load(link)
        assert _codes(exc) == ["not_regular"]


def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "rör.yaml"
    os.mkfifo(fifo)
    run = _run("check", fifo, timeout=30)
    assert run.returncode == 1
    assert "vanlig fil" in run.stdout


# 4. Linear time ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["*a ", "**a ", "*a* *", "** *a", "a*" * 3 + " "])
def test_stars_take_linear_time(tmp_path, unit):
    from tolvfalt.text import spans

    small, large = unit * 5_000, unit * 40_000
    start = time.perf_counter()
    spans(small)
    t_small = time.perf_counter() - start
    start = time.perf_counter()
    spans(large)
    t_large = time.perf_counter() - start
    assert t_large < 40 * max(t_small, 1e-3)  # 8 times the text: about 8 times the time, never 64
    path = _yaml(tmp_path, HEAD + "fält:\n  1:\n    svar:\n      a: '" + unit * 40_000 + "'\n")
    run = _run("compare", path, "-o", tmp_path / "ut.csv", timeout=120)
    assert run.returncode == 0, run.stderr


def test_many_points_and_many_insatser(tmp_path):
    # as many as a document holds (docs/format.md, "Limits"); beyond, it is refused (tests/test_trust_round.py)
    from tolvfalt.formats.view.common import DOCUMENT_CHARACTERS, DOCUMENT_POINTS

    insatser, brister = 500, DOCUMENT_POINTS - 500
    field = {"svar": {"a": "Insats7 " + "ord " * ((DOCUMENT_CHARACTERS - 50_000) // 4)},
             "brister": [f"b{i}" for i in range(brister)]}  # fmt: skip
    data = {"förbund": "X", "år": 2024, "insatser": [f"Insats{i}" for i in range(insatser)], "fält": {1: field}}
    path = _write(tmp_path, data)
    run = _run("assess", path, "-o", tmp_path / "k.md", timeout=300)
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "k.md").read_text("utf-8")
    assert f"b{brister - 1}" in text
    assert "| Insats7 | ✓ |" in text


# 5. Nothing is lost quietly -------------------------------------------------------------------------------------


def test_a_question_row_twice_in_a_workbook(tmp_path):
    source = _filled_workbook(tmp_path)
    wb = openpyxl.load_workbook(source)
    ws = wb["Svar"]
    ws.insert_rows(3)
    for col in range(1, ws.max_column + 1):
        ws.cell(3, col).value = ws.cell(2, col).value
    ws.cell(3, 6).value = "Ett annat svar"
    path = tmp_path / "dubbel.xlsx"
    wb.save(path)
    with pytest.raises(TolvfaltError) as exc:
        load(path)
    problem = next(p for p in exc.value.problems if p.code == "duplicate_question")
    assert problem.line == "Svar!A3"
    assert problem.params["first"] == "Svar!A2"


@pytest.mark.parametrize("second", ["true", "1.0", "'01'", "' 1'"])
def test_field_keys_that_mean_the_same_field(tmp_path, second):
    text = HEAD + "fält:\n  1:\n    svar:\n      a: ett\n  " + second + ":\n    svar:\n      b: två\n"
    with pytest.raises(TolvfaltError) as exc:
        load(_yaml(tmp_path, text))
    assert {"duplicate_field", "not_field_number", "duplicate_key"} & set(_codes(exc))
    assert any(p.line == 7 for p in exc.value.problems)


def test_two_files_of_one_respondent_keep_both_answers(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        data = _data(respondent="Kommunen", år=2010)
        data["fält"][1]["svar"]["a"] = f"Svar från {folder}"
        _write(tmp_path / folder, data, "svar.yaml")
    out = tmp_path / "m.json"
    run = cli("merge", tmp_path / "a" / "svar.yaml", tmp_path / "b" / "svar.yaml", "-o", out)
    assert run.exit_code == 0
    assert "varning: 'Kommunen' svarar i flera filer" in run.stderr  # that warning, not merge_no_head's
    import json

    answers = json.loads(out.read_text("utf-8"))["answers"]["1a"]
    assert sorted(answers.values()) == ["Svar från a", "Svar från b"]


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ('<c r="F30"><f>SUM(1,2)</f></c>', "formula_no_value"),
        ('<c r="F30" t="e"><f>1/0</f><v>#DIV/0!</v></c>', "cell_error"),
        ('<c r="F30" t="e"><v>#N/A</v></c>', "cell_error"),
    ],
)
def test_cells_whose_value_would_be_lost(tmp_path, cell, code):
    path = _add_to_svar(tmp_path, f'<row r="30">{cell}</row>')
    with pytest.raises(TolvfaltError) as exc:
        load(path)
    assert [(p.code, p.line) for p in exc.value.problems] == [(code, "Svar!F30")]


@pytest.mark.parametrize("name", ["\u2028", "' '", '"\\v"', '"\\f"'])
def test_a_name_of_breaks_alone_is_empty(tmp_path, name):
    # found by the round-trip property test: a förbund of one pasted line break became "" after loading
    with pytest.raises(TolvfaltError) as exc:
        load(_yaml(tmp_path, f"förbund: {name}\når: 2024\n"))
    assert _codes(exc) == ["empty"]


def test_a_number_is_an_answer(tmp_path):
    a = load(_yaml(tmp_path, HEAD + "ort: 42\nfält:\n  1:\n    svar:\n      a: 42\n      b: 3.5\n"))
    assert (a.ort, a.answer("1a"), a.answer("1b")) == ("42", "42", "3.5")


# 6. Nothing a person wrote is overwritten ----------------------------------------------------------------------


def test_template_next_to_a_filled_workbook(tmp_path):
    filled = _filled_workbook(tmp_path)
    before = filled.read_bytes()
    run = cli("template", "-o", filled)
    assert run.exit_code == 1
    assert "--force" in run.stderr
    assert filled.read_bytes() == before
    assert cli("template", "-o", filled, "--force").exit_code == 0
    assert filled.read_bytes() != before


def test_an_assessment_is_not_replaced_without_force(tmp_path):
    last_year = _write(tmp_path, _data(), "2009.yaml")
    before = last_year.read_bytes()
    for out in (last_year, tmp_path / "ifylld.xlsx"):
        if out.suffix == ".xlsx":
            out.write_bytes(_filled_workbook(tmp_path).read_bytes())
        run = cli("assess", EXAMPLES / "2010-pahittad.yaml", "-o", out)
        assert run.exit_code == 1
        assert "--force" in run.stderr
    assert last_year.read_bytes() == before
    document = tmp_path / "k.md"
    for _ in range(2):  # a document is regenerated without asking
        assert cli("assess", EXAMPLE, "-o", document).exit_code == 0


@pytest.mark.parametrize("option", ["--docx-template", "--framework", "--from"])
def test_an_input_is_never_an_output(tmp_path, option):
    source = {"--docx-template": tmp_path / "brev.docx", "--framework": tmp_path / "eget.yaml",
              "--from": tmp_path / "2009.yaml"}[option]  # fmt: skip
    if option == "--docx-template":
        docx.Document().save(str(source))
    elif option == "--framework":
        source.write_bytes((ROOT / "tolvfalt" / "data" / "tolvfaltaren.yaml").read_bytes())
    else:
        source.write_bytes(EXAMPLE.read_bytes())
    before = source.read_bytes()
    if option == "--from":
        run = cli("new", source, "--from", source, "--force")
    else:
        run = cli("assess", EXAMPLE, option, source, "-o", source, "--force")
    assert run.exit_code in (1, 2), run.stderr
    assert source.read_bytes() == before, run.stderr


def test_only_regular_files_are_written(tmp_path):
    fifo = tmp_path / "rör.md"
    os.mkfifo(fifo)
    run = cli("assess", EXAMPLE, "-o", fifo)
    assert run.exit_code == 1
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    run = cli("assess", EXAMPLE, "-o", "/dev/null", "--format", "md")
    assert run.exit_code == 1


def test_a_link_is_written_through_and_permissions_are_kept(tmp_path):
    target = tmp_path / "verklig.md"
    target.write_text("förra\n", "utf-8")
    target.chmod(0o600)
    link = tmp_path / "länk.md"
    link.symlink_to(target)
    assert cli("assess", EXAMPLE, "-o", link).exit_code == 0
    assert link.is_symlink()
    assert target.read_text("utf-8").startswith("Fagersta")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["länk.md", "verklig.md"]


def test_no_temporary_file_is_left_after_a_kill(tmp_path):
    big = _write(tmp_path, _data(fält={n: {"svar": {"a": "ord " * 20_000}} for n in range(1, 13)}), "stor.yaml")
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5):
        process = subprocess.Popen([sys.executable, "-m", "tolvfalt", "assess", big, "-o", tmp_path / "k.docx"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)  # fmt: skip
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], delay


# 7. Nothing injected into what others open ---------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_never_start_a_formula(tmp_path, start):
    import csv

    data = _data(förbund=f"{start}HYPERLINK(1)", respondent=f"{start}cmd")
    path = _write(tmp_path, data, f"{start.strip() or 'tab'}fil.yaml")
    out = tmp_path / "ut.csv"
    assert cli("compare", path, "-o", out).exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    for row in rows[1:]:
        assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row


def test_markdown_from_text_keeps_its_structure(tmp_path):
    data = _data(titel="Kartläggning ##", inledning="~~~\n\n---\n\n===\n\n```\n\n> citat\n\n1986. året")
    data["fält"][1]["brister"] = ["---", "# rubrik", "1. punkt"]
    out = tmp_path / "k.md"
    assert cli("assess", _write(tmp_path, data), "-o", out).exit_code == 0
    tokens = MarkdownIt("commonmark").parse(out.read_text("utf-8"))
    kinds = {t.type for t in tokens}
    assert not kinds & {"hr", "fence", "code_block", "blockquote_open", "ordered_list_open"}
    h1 = [
        "".join(c.content for c in tokens[i + 1].children or [] if c.type == "text")
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h1"
    ]
    assert h1 == ["Kartläggning ##"]


# 8. Files people really have in their folders ------------------------------------------------------------------


def test_lock_files_and_resource_files(tmp_path):
    (tmp_path / "2010.yaml").write_bytes((EXAMPLES / "2010-pahittad.yaml").read_bytes())
    (tmp_path / "~$2012.xlsx").write_bytes(b"\x00" * 165)
    (tmp_path / "._2010.yaml").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 100)
    for command in (("check",), ("compare",), ("merge",)):
        run = cli(*command, tmp_path)
        assert run.exit_code == 0, (command, run.stdout, run.stderr)
    run = cli("check", tmp_path / "~$2012.xlsx", tmp_path / "._2010.yaml")
    assert run.exit_code == 1
    assert "låsfil från Excel" in run.stdout
    assert "macOS" in run.stdout


def test_one_year_twice_in_compare(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_bytes((EXAMPLES / "2010-pahittad.yaml").read_bytes())
    run = cli("compare", tmp_path)
    assert run.exit_code == 0
    assert "2010 finns i flera filer" in run.stderr
    assert "2010–2010" not in run.stdout
    assert "a.yaml" in run.stdout
    assert "b.yaml" in run.stdout


# 9. Text pasted from Word --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("char", "paragraphs"), [("\v", 1), ("\u2028", 1), ("\f", 2), ("\u2029", 2)])
def test_word_breaks_are_line_and_paragraph_breaks(tmp_path, char, paragraphs):
    for text in (f'"Första{char}andra"', f"|\n        Första{char}andra"):
        a = load(_yaml(tmp_path, HEAD + f"fält:\n  1:\n    svar:\n      a: {text}\n"))
        assert a.answer("1a") == ("Första\n\nandra" if paragraphs == 2 else "Första andra"), repr(text)


# 10. Messages a person can act on ------------------------------------------------------------------------------


def test_a_workbook_saved_as_xls_by_name_loads(tmp_path):
    path = tmp_path / "svar.xls"
    path.write_bytes(_filled_workbook(tmp_path).read_bytes())
    assert load(path).forbund


def test_a_word_file_named_xlsx(tmp_path):
    path = tmp_path / "svar.xlsx"
    docx.Document().save(str(path))
    with pytest.raises(TolvfaltError) as exc:
        load(path)
    assert _codes(exc) == ["word_document"]


def test_yaml_mistakes_in_swedish_with_both_lines(tmp_path):
    path = _yaml(tmp_path, HEAD + 'inledning: "Början\n\nfält:\n  1: {}\n')
    run = cli("check", path)
    assert run.exit_code == 1
    assert "citattecken" in run.stdout
    assert "while" not in run.stdout
    assert ":3:" in run.stdout


def test_an_unreadable_file_among_several(tmp_path):
    if os.geteuid() == 0:
        locked = tmp_path / "saknas.yaml"  # root reads everything: a missing file stands in
    else:
        locked = _yaml(tmp_path, HEAD, "låst.yaml")
        locked.chmod(0)
    run = cli("check", locked, EXAMPLE)
    assert run.exit_code == 1
    assert "2009.yaml: OK" in run.stdout


def test_a_workbook_reports_every_problem_at_once(tmp_path):
    source = _filled_workbook(tmp_path)
    wb = openpyxl.load_workbook(source)
    ws = wb["Svar"]
    header = [c.value for c in ws[1]]
    column = header.index("Bedömning") + 1
    ws.cell(2, column).value = "mycket"
    ws.cell(5, column).value = 9
    ws.cell(7, 1).value = "99z"
    path = tmp_path / "fel.xlsx"
    wb.save(path)
    with pytest.raises(TolvfaltError) as exc:
        load(path)
    assert sorted(_codes(exc)) == ["rating_out_of_scale", "rating_unclear", "unknown_question_id"]


def test_too_long_for_a_cell_names_the_file(tmp_path):
    path = _write(tmp_path, _data(inledning="ord " * 9000), "lang.yaml")
    run = cli("assess", path, "-o", tmp_path / "k.xlsx")
    assert run.exit_code == 1
    assert run.stderr.split(":")[0].endswith("lang.yaml")


def test_version():
    run = cli("--version")
    assert run.exit_code == 0
    assert run.stdout.startswith("tolvfalt ")


def test_no_traceback_anywhere_above(tmp_path):
    run = cli("assess", tmp_path / "finns-inte.yaml")
    assert_no_traceback(run)
    assert run.exit_code == 1


def test_an_output_written_in_pieces_is_whole_or_not_there(tmp_path):
    from tolvfalt.write import write_atomic

    target = tmp_path / "alla.json"
    target.write_text("förra\n", "utf-8")

    def pieces():
        yield "{\n"
        raise RuntimeError("stopped half-way")

    with pytest.raises(RuntimeError):
        write_atomic(target, pieces())
    assert target.read_text("utf-8") == "förra\n"
    assert [p.name for p in tmp_path.iterdir()] == ["alla.json"]  # nothing half-written left beside it
    write_atomic(target, iter(["{", b'"a": 1', "}\n"]))
    assert target.read_text("utf-8") == '{"a": 1}\n'
