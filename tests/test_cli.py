"""Every command through the real command line, on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLE, assert_no_traceback, cli

from tolvfalt.cli import main
from tolvfalt.read import load

INCOMPLETE = """\
förbund: Exempelförbundet
år: 2024
fält:
  1:
    svar:
      a: Ett svar.
      b: Ett andra svar.
    bedömning: 2
"""


@pytest.fixture
def incomplete(tmp_path: Path) -> Path:
    path = tmp_path / "ofullstandig.yaml"
    path.write_text(INCOMPLETE, "utf-8")
    return path


def test_assess_markdown_to_stdout():
    run = cli("assess", EXAMPLE, "--format", "md")
    assert run.exit_code == 0
    assert run.stdout.startswith('Fagersta | 2009-10-06\n\n# Kartläggning av samverkan 2009 efter "tolvfältaren"')
    assert run.stdout.rstrip().endswith("Jonas Wells, Norra Västmanlands Samordningsförbund")
    assert run.stderr == ""  # complete: no completeness line


def test_assess_default_is_markdown_when_not_a_tty():
    assert cli("assess", EXAMPLE).stdout == cli("assess", EXAMPLE, "--format", "md").stdout


def test_assess_terminal_shows_grid_and_narrative():
    run = cli("assess", EXAMPLE, "--format", "terminal")
    assert run.exit_code == 0
    assert "Tolvfältaren" in run.stdout
    assert "3/3 besvarade" in run.stdout
    assert "Fält 12: Samordningsförbund - Resultat och effekter" in run.stdout


def test_assess_english(tmp_path):
    run = cli("assess", EXAMPLE, "--format", "md", "--lang", "en")
    assert "## Field 1: Participant - Structure and prerequisites" in run.stdout
    assert "### Is there a common goal for the participant?" in run.stdout
    assert "Samordningsförbundet finansierar, under 2009" in run.stdout  # answers stay as written
    assert "Fält" not in run.stdout


@pytest.mark.parametrize("suffix", [".md", ".json", ".yaml", ".txt"])
def test_assess_output_format_from_extension(tmp_path, suffix):
    out = tmp_path / f"ut{suffix}"
    run = cli("assess", EXAMPLE, "-o", out)
    assert run.exit_code == 0, run.stderr
    assert out.exists()
    assert out.stat().st_size > 10_000
    assert str(out.name) in run.stderr
    if suffix == ".json":
        assert json.loads(out.read_text("utf-8"))["förbund"] == "Norra Västmanlands Samordningsförbund"


def test_json_equals_python_api(framework):
    run = cli("assess", EXAMPLE, "--format", "json")
    assert json.loads(run.stdout) == load(EXAMPLE, framework).model_dump(
        mode="json", exclude_none=True, exclude_defaults=True
    )


def test_yaml_output_loads_back_equal(tmp_path, framework):
    out = tmp_path / "igen.yaml"
    assert cli("assess", EXAMPLE, "-o", out).exit_code == 0
    assert load(out, framework) == load(EXAMPLE, framework)


def test_incomplete_renders_gaps_and_reports_on_stderr(incomplete):
    run = cli("assess", incomplete, "--format", "md")
    assert run.exit_code == 0
    assert run.stdout.count("*Ej besvarad*") == 21
    assert "2 av 23 frågor besvarade" in run.stderr
    assert "1c" in run.stderr
    assert "**Bedömning:** 2 Godtagbar" in run.stdout


def test_strict_refuses_incomplete(incomplete, tmp_path):
    out = tmp_path / "x.md"
    run = cli("assess", incomplete, "--strict", "-o", out)
    assert run.exit_code == 1
    assert "ofullständig" in run.stderr
    assert not out.exists()
    assert_no_traceback(run)


def test_check_reports_one_line_per_file(incomplete):
    run = cli("check", EXAMPLE, incomplete)
    assert run.exit_code == 0
    lines = run.stdout.strip().splitlines()
    assert len(lines) == 2
    assert ": OK, 23/23 besvarade; LIX " in lines[0]
    assert "2/23 besvarade" in lines[1]
    assert "ofullständig" in lines[1]


def test_check_strict_fails_incomplete(incomplete):
    run = cli("check", "--strict", EXAMPLE, incomplete)
    assert run.exit_code == 1
    assert "ofullständig kartläggning (2/23)" in run.stdout


def test_check_fails_if_any_file_fails(tmp_path):
    bad = tmp_path / "trasig.yaml"
    bad.write_text("förbund: X\når: 2009\nfält:\n  13: {}\n", "utf-8")
    run = cli("check", EXAMPLE, bad)
    assert run.exit_code == 1
    assert "OK, 23/23" in run.stdout
    assert "trasig.yaml:4: fält.13" in run.stdout


def test_check_json(tmp_path, incomplete):
    run = cli("check", "--json", EXAMPLE, incomplete)
    results = json.loads(run.stdout)
    assert [r["ok"] for r in results] == [True, True]
    assert results[1]["answered"] == ["1a", "1b"]
    assert "12a" in results[1]["missing"]


def test_new_writes_a_skeleton_that_checks(tmp_path):
    path = tmp_path / "2025.yaml"
    run = cli("new", path, "--forbund", "Exempelförbundet", "--ar", "2025")
    assert run.exit_code == 0, run.stderr
    text = path.read_text("utf-8")
    assert "# 7b: Använder myndigheterna samordningsförbundet för samverkan?" in text
    check = cli("check", path)
    assert check.exit_code == 0
    assert "0/23 besvarade" in check.stdout


def test_new_from_last_year(tmp_path, framework):
    path = tmp_path / "2010.yaml"
    assert cli("new", path, "--from", EXAMPLE).exit_code == 0
    assessment = load(path, framework)
    assert (assessment.forbund, assessment.ar, assessment.ort) == (
        "Norra Västmanlands Samordningsförbund",
        2010,
        "Fagersta",
    )
    assert assessment.insatser == load(EXAMPLE, framework).insatser
    assert not assessment.falt


def test_new_refuses_to_overwrite(tmp_path):
    path = tmp_path / "finns.yaml"
    path.write_text("redan här", "utf-8")
    run = cli("new", path, "--forbund", "X")
    assert run.exit_code == 1
    assert "--force" in run.stderr
    assert path.read_text("utf-8") == "redan här"


def test_new_without_name_is_a_usage_error(tmp_path):
    run = cli("new", tmp_path / "x.yaml")
    assert run.exit_code == 2
    assert "--forbund" in run.stderr


def test_schema_is_json_schema():
    run = cli("schema")
    schema = json.loads(run.stdout)
    assert schema["properties"]["fält"]["properties"]["11"]["properties"]["svar"]["properties"]["a"]["description"] == (
        "11a: Arbetar samordningsförbundet med strukturella frågor eller enbart operativa?"
    )


def test_never_over_an_input_file(tmp_path):
    copy = tmp_path / "2009.yaml"
    copy.write_bytes(EXAMPLE.read_bytes())
    run = cli("assess", copy, "-o", copy)
    assert run.exit_code == 1
    assert "samma fil" in run.stderr
    assert copy.read_bytes() == EXAMPLE.read_bytes()


def test_binary_format_needs_output():
    run = cli("assess", EXAMPLE, "--format", "xlsx")
    assert run.exit_code == 2
    assert "-o" in run.stderr


@pytest.mark.parametrize(
    "args", [["assess"], ["assess", "x.yaml", "--format", "odt"], ["nosuch"], ["assess", "x.yaml", "--lang", "de"]]
)
def test_usage_errors_exit_2(args):
    run = cli(*args)
    assert run.exit_code == 2
    assert_no_traceback(run)


def test_main_takes_argv(capsys):
    assert main(["check", str(EXAMPLE)]) == 0
    assert "OK" in capsys.readouterr().out
    assert main(["assess", "does-not-exist.yaml"]) == 1


def test_debug_shows_the_traceback(tmp_path):
    run = cli("assess", tmp_path / "saknas.yaml", "--debug")
    assert run.exit_code == 1
    assert run.exception is not None


def test_python_dash_m_and_console_script():
    out = subprocess.run([sys.executable, "-m", "tolvfalt", "check", str(EXAMPLE)], capture_output=True, text=True)
    assert out.returncode == 0
    assert "OK, 23/23" in out.stdout


def test_canonical_yaml_is_stable(framework):
    first = cli("assess", EXAMPLE, "--format", "yaml").stdout
    assert yaml.safe_load(first)["fält"][12]["svar"]["a"].count("\n\n") == 4


def test_package_exports_the_library(framework):
    import tolvfalt

    assessment = tolvfalt.load(str(EXAMPLE), framework)
    assert tolvfalt.completeness(assessment, framework).complete
    assert tolvfalt.render(assessment, "md", framework=framework).startswith("Fagersta | 2009-10-06")
    assert all(callable(getattr(tolvfalt, name)) for name in tolvfalt.__all__)
    assert set(tolvfalt.__all__) == set(tolvfalt._EXPORTS)
    for name in tolvfalt.__all__:
        assert getattr(tolvfalt, name).__doc__, name
    with pytest.raises(AttributeError):
        tolvfalt.nothing  # noqa: B018


def test_help_is_swedish_and_english_with_lang_en_or_an_english_locale():
    import os
    import subprocess
    import sys

    def help_text(*args: str, **env: str) -> str:
        clean = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
        run = subprocess.run(
            [sys.executable, "-m", "tolvfalt", "merge", "--help", *args],
            capture_output=True, text=True, env={**clean, **env}, check=True,
        )  # fmt: skip
        return run.stdout

    swedish = help_text()
    assert "Slå ihop flera parters svar" in swedish
    assert "<list[" not in swedish
    assert "FIL_ELLER_MAPP" in swedish
    assert "Combine several respondents' answers" in help_text("--lang", "en")
    assert "Combine several respondents' answers" in help_text(LANG="en_GB.UTF-8")
    assert "Slå ihop" in help_text(LANG="sv_SE.UTF-8")
