"""Every limit of docs/format.md, enforced at the limit and one past it; and the table there says what the code does."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, cli

from tolvfalt import TolvfaltError, load, workbook
from tolvfalt.read import package, source
from tolvfalt.read import yaml as yaml_reader

HEAD = "förbund: X\når: 2024\n"
MIB = 2**20


def _codes(path: Path) -> list[str]:
    try:
        load(path)
    except TolvfaltError as exc:
        return [p.code for p in exc.problems]
    return []


def test_the_documented_limits_are_the_code_s():
    doc = (ROOT / "docs" / "format.md").read_text("utf-8")
    table = dict(re.findall(r"^\| (.+?) \| (.+?) \|$", doc.split("## Limits")[1].split("##")[0], re.M))
    assert table["a YAML file (assessment or framework)"] == f"{source.MAX_TEXT_MB} MB"
    assert table["a workbook, or the `.docx` given with `--docx-template`"] == f"{package.MAX_FILE_MB} MB"
    assert table["one part of such a file, unpacked"] == f"{package.MAX_PART_MB} MB"
    assert table["all its parts together, unpacked"] == f"{package.MAX_UNPACKED_MB} MB"
    assert table["text in one workbook cell, read or written"].startswith(f"{workbook.CELL_LIMIT:,} characters")
    reach = f"{workbook.MAX_ROWS:,} rows, {workbook.MAX_COLUMNS} columns"
    assert table["how far a sheet that is read reaches"] == reach
    assert table["values in a YAML file, every alias counted each time it is used"] == f"{yaml_reader.MAX_NODES:,}"
    assert table["text in a YAML file, every alias counted each time it is used"] == (
        f"{yaml_reader.MAX_EXPANDED_CHARS // MIB} MiB of characters"
    )
    assert table["nesting in a YAML file"] == f"{yaml_reader.MAX_DEPTH} levels"


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_yaml_file_size(tmp_path, monkeypatch, extra, refused):
    monkeypatch.setattr(source, "MAX_TEXT_MB", 1)
    text = HEAD + "inledning: |\n  "
    path = tmp_path / "x.yaml"
    path.write_bytes((text + "a" * (MIB - len(text.encode()) - 1) + "\n").encode() + b"\n" * extra)
    assert path.stat().st_size == MIB + extra
    assert ("too_big" in _codes(path)) is refused


def _workbook(path: Path, parts: dict[str, bytes]) -> Path:
    template = ROOT / "templates" / "tolvfaltaren.xlsx"
    with zipfile.ZipFile(template) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        for name, data in parts.items():
            new.writestr(name, data)
    return path


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_one_part_unpacked(tmp_path, monkeypatch, extra, refused):
    monkeypatch.setattr(package, "MAX_PART_MB", 1)
    path = _workbook(tmp_path / "x.xlsx", {"xl/media/fyllnad.bin": b"\0" * (MIB + extra)})
    assert ("part_too_big" in _codes(path)) is refused


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_all_parts_unpacked(tmp_path, monkeypatch, extra, refused):
    template = ROOT / "templates" / "tolvfaltaren.xlsx"
    with zipfile.ZipFile(template) as archive:
        used = sum(i.file_size for i in archive.infolist())
    monkeypatch.setattr(package, "MAX_UNPACKED_MB", 2)
    filler = 2 * MIB - used + extra
    halves = {"xl/media/a.bin": b"\0" * (filler // 2), "xl/media/b.bin": b"\0" * (filler - filler // 2)}
    path = _workbook(tmp_path / "x.xlsx", halves)
    assert ("too_big" in _codes(path)) is refused


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_workbook_file_size(tmp_path, monkeypatch, extra, refused):
    import os

    monkeypatch.setattr(package, "MAX_FILE_MB", 1)
    path = _workbook(tmp_path / "x.xlsx", {"xl/media/brus.bin": os.urandom(MIB)})
    size = path.stat().st_size
    # the file is cut or grown to exactly the limit (+1); a cut file is damaged, but not too big
    with path.open("r+b") as handle:
        handle.truncate(MIB + extra)
    assert size > MIB
    assert path.stat().st_size == MIB + extra
    assert ("too_big" in _codes(path)) is refused


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_cell_text(tmp_path, extra, refused):
    text = "a" * (workbook.CELL_LIMIT + extra)
    out = tmp_path / "x.xlsx"
    source_yaml = tmp_path / "x.yaml"
    source_yaml.write_text(HEAD + f"fält:\n  1:\n    svar:\n      a: {text}\n", "utf-8")
    run = cli("assess", source_yaml, "-o", out)
    assert (run.exit_code == 1) is refused, run.stderr
    if not refused:
        assert load(out).answer("1a") == text


@pytest.mark.parametrize(("row", "col", "refused"), [(10_000, 50, False), (10_001, 1, True), (1, 51, True)])
def test_sheet_reach(tmp_path, row, col, refused):
    from tolvfalt.read.sheets import address_of as _address_of

    filled = tmp_path / "ifylld.xlsx"
    assert cli("assess", ROOT / "examples" / "2010-pahittad.yaml", "-o", filled).exit_code == 0
    cell = _address_of(row, col)
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(filled) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if b"<sheetData>" in data and b"1a</t>" in data:  # the Svar sheet
                extra = f'<row r="{row}"><c r="{cell}" t="n"><v>1</v></c></row>'
                data = data.replace(b"</sheetData>", extra.encode() + b"</sheetData>")
            new.writestr(info.filename, data)
    assert ("sheet_too_large" in _codes(path)) is refused


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_yaml_values(tmp_path, monkeypatch, extra, refused):
    monkeypatch.setattr(yaml_reader, "MAX_NODES", 107)
    # a mapping, three keys with their values, a list: 7 values, and the list's items
    path = tmp_path / "x.yaml"
    path.write_text(HEAD + "insatser: [" + ", ".join(["a"] * (100 + extra)) + "]\n", "utf-8")
    assert ("too_deep" in _codes(path)) is refused


@pytest.mark.parametrize(("extra", "refused"), [(0, False), (1, True)])
def test_yaml_expanded_text(tmp_path, monkeypatch, extra, refused):
    # förbund X år 2024 inledning <50> ort <the same 50 again, through the alias>: 7+1+2+4+9+50+3+50 = 126
    monkeypatch.setattr(yaml_reader, "MAX_EXPANDED_CHARS", 126 - extra)
    path = tmp_path / "x.yaml"
    path.write_text(HEAD + f"inledning: &t {'a' * 50}\nort: *t\n", "utf-8")
    assert ("too_much_text" in _codes(path)) is refused


@pytest.mark.parametrize(("depth", "refused"), [(64, False), (65, True)])
def test_yaml_nesting(tmp_path, depth, refused):
    nested = "v"
    for _ in range(depth - 1):
        nested = "{k: " + nested + "}"
    path = tmp_path / "x.yaml"
    path.write_text(HEAD + f"inledning: {nested}\n", "utf-8")
    codes = _codes(path)
    assert ("too_deep" in codes) is refused
    assert codes  # too deep, or else not text
