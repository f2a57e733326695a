"""Fuzzing in the test run: any bytes, and valid files mutated as people and programs damage them, either load or
give a TolvfaltError whose problems say where; never another exception, never a long wait."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path

import openpyxl
from conftest import ROOT, cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from tolvfalt import Assessment, TolvfaltError, load

EXAMPLES = ROOT / "examples"
YAML_TEXT = (EXAMPLES / "2010-pahittad.yaml").read_text("utf-8")
FUZZ = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SECONDS = 20  # far beyond what any of these takes; a loop or a blow-up would pass it


def _loads_or_says_where(path: Path) -> None:
    start = time.monotonic()
    try:
        assert isinstance(load(path), Assessment)
    except TolvfaltError as exc:
        assert exc.problems
        assert all(p.file for p in exc.problems), exc.problems
    assert time.monotonic() - start < SECONDS


@FUZZ
@given(raw=st.binary(max_size=4000), suffix=st.sampled_from([".yaml", ".xlsx"]))
def test_any_bytes(tmp_path, raw, suffix):
    path = tmp_path / f"fil{suffix}"
    path.write_bytes(raw)
    _loads_or_says_where(path)


_EDITS = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 400)),
    st.tuples(st.just("duplicate"), st.integers(0, 400)),
    st.tuples(st.just("swap"), st.integers(0, 400)),
    st.tuples(st.just("indent"), st.integers(0, 400)),
    st.tuples(st.just("insert"), st.integers(0, 40_000), st.text(min_size=1, max_size=8)),
)


def _edit(text: str, edit: tuple[object, ...]) -> str:
    lines = text.split("\n")
    kind, where = edit[0], int(edit[1]) % max(len(lines), 1)  # type: ignore[call-overload]
    if kind == "delete":
        del lines[where]
    elif kind == "duplicate":
        lines.insert(where, lines[where])
    elif kind == "swap":
        lines[where], lines[-1 - where] = lines[-1 - where], lines[where]
    elif kind == "indent":
        lines[where] = " " + lines[where]
    else:
        at = int(edit[1]) % max(len(text), 1)  # type: ignore[call-overload]
        return text[:at] + str(edit[2]) + text[at:]
    return "\n".join(lines)


@FUZZ
@given(edits=st.lists(_EDITS, min_size=1, max_size=5))
def test_yaml_edited(tmp_path, edits):
    text = YAML_TEXT
    for edit in edits:
        text = _edit(text, edit)
    path = tmp_path / "andrad.yaml"
    path.write_text(text, "utf-8", errors="surrogatepass")
    _loads_or_says_where(path)


def _workbook_bytes() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "ifylld.xlsx"
        assert cli("assess", EXAMPLES / "2010-pahittad.yaml", "-o", out).exit_code == 0
        return out.read_bytes()


WORKBOOK = _workbook_bytes()
_VALUES = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)),
    st.sampled_from(["=1+1", "=NA()", "#N/A", "3 God", "1a", "Fält", "Svar", "  ", "12a", "99"]),
)
_WORKBOOK_EDITS = st.one_of(
    st.tuples(st.just("cell"), st.sampled_from(["Svar", "Uppgifter"]), st.integers(1, 30), st.integers(1, 12), _VALUES),
    st.tuples(st.just("delete_row"), st.sampled_from(["Svar", "Uppgifter"]), st.integers(1, 30)),
    st.tuples(st.just("insert_row"), st.sampled_from(["Svar", "Uppgifter"]), st.integers(1, 30)),
    st.tuples(st.just("delete_col"), st.sampled_from(["Svar", "Uppgifter"]), st.integers(1, 12)),
    st.tuples(st.just("insert_col"), st.sampled_from(["Svar", "Uppgifter"]), st.integers(1, 12)),
    st.tuples(st.just("rename"), st.sampled_from(["Svar", "Uppgifter"]), st.text(min_size=1, max_size=10)),
)


@settings(FUZZ, max_examples=30)
@given(edits=st.lists(_WORKBOOK_EDITS, min_size=1, max_size=4))
def test_workbook_edited(tmp_path, edits):
    wb = openpyxl.load_workbook(io.BytesIO(WORKBOOK))
    for kind, sheet, *rest in edits:
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        if kind == "cell":
            row, col, value = rest
            if not isinstance(ws.cell(row, col), openpyxl.cell.cell.MergedCell):
                try:
                    ws.cell(row, col).value = value
                except IllegalCharacterError:
                    continue  # openpyxl will not write it, so no workbook can hold it
        elif kind == "delete_row":
            ws.delete_rows(rest[0])
        elif kind == "insert_row":
            ws.insert_rows(rest[0])
        elif kind == "delete_col":
            ws.delete_cols(rest[0])
        elif kind == "insert_col":
            ws.insert_cols(rest[0])
        elif kind == "rename":
            title = "".join(ch for ch in rest[0] if ch not in "[]:*?/\\'") or "X"
            if title not in wb.sheetnames:
                ws.title = title[:31]
    path = tmp_path / "andrad.xlsx"
    try:
        wb.save(path)
    except (ValueError, TypeError):
        return  # openpyxl refuses to write it: no file to read
    _loads_or_says_where(path)


@FUZZ
@given(
    damage=st.lists(st.tuples(st.integers(0, len(WORKBOOK) - 1), st.integers(1, 255)), min_size=1, max_size=6),
    cut=st.one_of(st.none(), st.integers(0, len(WORKBOOK))),
)
def test_workbook_bytes_damaged(tmp_path, damage, cut):
    raw = bytearray(WORKBOOK)
    for offset, flip in damage:
        raw[offset] ^= flip
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(bytes(raw[:cut] if cut is not None else raw))
    _loads_or_says_where(path)


@FUZZ
@given(part=st.sampled_from(zipfile.ZipFile(io.BytesIO(WORKBOOK)).namelist()), data=st.binary(max_size=300))
def test_workbook_part_replaced(tmp_path, part, data):
    path = tmp_path / "del.xlsx"
    with zipfile.ZipFile(io.BytesIO(WORKBOOK)) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == part else old.read(info))
    _loads_or_says_where(path)
