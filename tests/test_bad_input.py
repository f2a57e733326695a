"""Every kind of bad input: exit 1, a message naming file and line, no traceback, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import assert_no_traceback, cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tolvfalt.errors import TolvfaltError
from tolvfalt.read import validate
from tolvfalt.read.yaml import parse_yaml

HEAD = "förbund: Exempelförbundet\når: 2024\n"

CASES = {
    "malformed": (HEAD + "fält: [1, 2\n", 3, "stängs inte"),
    "duplicate": (HEAD + "år: 2025\n", 3, "nyckeln 'år' förekommer två gånger (första gången på rad 2)"),
    "duplicate_field": (HEAD + "fält:\n  1: {}\n  '1': {}\n", 5, "förekommer två gånger"),
    "unknown_key": (HEAD + "fält:\n  3:\n    bedomnig: 3\n", 5, "okänd nyckel 'bedomnig' (menade du 'bedömning'?)"),
    "unknown_top_key": (HEAD + "förfatare: Någon\n", 3, "menade du 'författare'?"),
    "field_13": (HEAD + "fält:\n  13:\n    svar:\n      a: text\n", 4, "fält 13 finns inte; fälten är 1–12"),
    "question_11b": (
        HEAD + "fält:\n  11:\n    svar:\n      b: text\n",
        6,
        "fält 11 har ingen fråga 'b'; frågorna är a",
    ),
    "rating_9": (HEAD + "fält:\n  2:\n    bedömning: 9\n", 5, "bedömningen 9 ligger utanför skalan 1–4"),
    "year_words": ("förbund: X\når: tvåtusen\n", 2, "ska vara ett heltal, inte 'tvåtusen'"),
    "bad_date": (HEAD + "datum: 6 oktober\n", 3, "ska vara ett datum"),
    "list_not_text": (HEAD + "fält:\n  1:\n    svar:\n      a: [ett, två]\n", 6, "ska vara text"),
    "both_spellings": (HEAD + "ar: 2024\n", None, "'år' och 'ar' är samma nyckel"),
    "missing_forbund": ("år: 2024\n", None, "förbund: saknas"),
    "control_char": (HEAD + 'inledning: "a\\x07b"\n', 3, "otillåtet styrtecken (U+0007)"),
    "field_word": (HEAD + "fält:\n  tre: {}\n", 4, "fältnumret ska vara ett heltal"),
    "two_documents": (HEAD + "---\n" + HEAD, 3, "flera YAML-dokument"),
    "top_is_list": ("- a\n- b\n", 1, "ska börja med nycklar"),
    "star_text": (
        HEAD + "inledning: *Viktigt* att läsa\n",
        3,
        "som börjar med * (som *kursiv*) måste skrivas i ett |-block",
    ),
    "colon_text": (HEAD + "inledning: Slutsats: det går bra\n", 3, "kolon följt av mellanslag"),
    "at_sign": (HEAD + "inledning: @kansliet svarar\n", 3, "'@' kan inte inleda ett värde i YAML"),
    "backtick": (HEAD + "inledning: `kod`\n", 3, "'`' kan inte inleda ett värde i YAML"),
    "tab_indent": (HEAD + "fält:\n\t1: {}\n", 4, "en tabb används för indrag"),
    "python_tag": (HEAD + "inledning: !!python/name:os.system x\n", 3, "YAML-taggen tag:yaml.org,2002:python/name"),
    "indented_key": ("förbund: X\n år: 2020\n", 2, "eller så är raden indragen fel"),
    "reserved_after_nel": (HEAD + 'inledning: "a\x85b"\navslutning: @hej\n', None, "'@' kan inte inleda ett värde"),
}

PYYAML_WORDS = re.compile(r"\b(found|expected|while|scanning|mapping|allowed|constructor|alias|token)\b")
"""PyYAML's own English, which a Swedish message never shows (only the catch-all for what has no message)."""


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_yaml(tmp_path: Path, name: str):
    text, line, message = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, "utf-8")
    out = tmp_path / "ut.md"
    run = cli("assess", path, "-o", out)
    assert run.exit_code == 1, run.stdout
    assert_no_traceback(run)
    where = f"{name}.yaml:{line}:" if line else f"{name}.yaml"
    assert where in run.stderr, run.stderr
    assert message in run.stderr, run.stderr
    assert not PYYAML_WORDS.search(run.stderr), run.stderr
    assert not out.exists()
    assert path.read_text("utf-8") == text  # the input is untouched


def test_empty_file(tmp_path):
    path = tmp_path / "tom.yaml"
    path.write_text("", "utf-8")
    run = cli("check", path)
    assert run.exit_code == 1
    assert "tom.yaml: filen är tom" in run.stdout


def test_directory(tmp_path):
    folder = tmp_path / "mapp.yaml"
    folder.mkdir()
    run = cli("assess", folder)
    assert run.exit_code == 1
    assert "är en katalog" in run.stderr
    assert_no_traceback(run)


def test_missing_file(tmp_path):
    run = cli("assess", tmp_path / "saknas.yaml")
    assert run.exit_code == 1
    assert "saknas.yaml: filen finns inte" in run.stderr


def test_binary_file(tmp_path):
    path = tmp_path / "bild.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    run = cli("assess", path)
    assert run.exit_code == 1
    assert "binärfil" in run.stderr
    assert_no_traceback(run)


def test_latin1_file(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("förbund: Exempelförbundet\når: 2024\n".encode("latin-1"))
    run = cli("assess", path)
    assert run.exit_code == 1
    assert "latin1.yaml:1: filen är inte UTF-8-kodad" in run.stderr
    assert_no_traceback(run)


def test_bom_and_crlf_are_fine(tmp_path, framework):
    path = tmp_path / "windows.yaml"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + (HEAD + "fält:\n  1:\n    svar:\n      a: |\n        Ett.\n\n        Två.\n")
        .replace("\n", "\r\n")
        .encode("utf-8")
    )
    run = cli("assess", path, "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert '"a": "Ett.\\n\\nTvå."' in run.stdout


def test_english_messages(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(HEAD + "fält:\n  3:\n    bedomnig: 3\n", "utf-8")
    run = cli("check", path, "--lang", "en")
    assert "x.yaml:5: fält.3.bedomnig: unknown key 'bedomnig' (did you mean 'bedömning'?)" in run.stdout


def test_all_problems_reported_at_once(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(HEAD + "fält:\n  13: {}\n  11:\n    svar:\n      b: x\n  2:\n    bedömning: 9\n", "utf-8")
    run = cli("check", path)
    assert [line.split(":")[1] for line in run.stdout.splitlines()] == ["4", "7", "9"]


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    run = cli("check", path)
    assert run.exit_code == 1
    assert "för stor" in run.stdout


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_is_loaded_or_refused_cleanly(text):
    """Whatever the file holds, loading either gives a model or a TolvfaltError with a location."""
    try:
        validate(parse_yaml(text, "x.yaml"))
    except TolvfaltError as exc:
        assert exc.problems
        assert all(p.file == "x.yaml" for p in exc.problems)
        assert all(p.format("sv") and p.format("en") for p in exc.problems)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["förbund", "år", "ort", "datum", "fält", "insatser", "bedömning", "svar", "x"]),
        st.recursive(
            st.none() | st.booleans() | st.integers(-5, 30) | st.text(max_size=10) | st.dates(),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.integers(0, 14) | st.text(max_size=3), inner, max_size=3)
            ),
            max_leaves=10,
        ),
        max_size=6,
    )
)
def test_any_structure_is_loaded_or_refused_cleanly(data):
    from tolvfalt.formats.data import dump

    try:
        validate(parse_yaml(dump(data), "x.yaml"))
    except TolvfaltError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == "x.yaml"
            assert problem.format("sv")


def test_huge_yaml_is_refused_before_reading(tmp_path):
    path = tmp_path / "stor.yaml"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    run = cli("check", path)
    assert run.exit_code == 1
    assert "stor.yaml: är 21 MB; största tillåtna storlek är 20 MB" in run.stdout
