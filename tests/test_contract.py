"""One JSON contract: every --json validates against the schema `tolvfalt schema --output` publishes, problems
have one shape everywhere, and keys are the file's Swedish keys or English ASCII."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from conftest import EXAMPLE, ROOT, cli

from tolvfalt.model import Assessment, FieldAnswers

EXAMPLES = ROOT / "examples"
FILE_KEYS = {*Assessment.KEYS, *(i.alias or n for n, i in FieldAnswers.model_fields.items()), "sista_dag"}
PROBLEM_KEYS = {"file", "line", "key", "code", "message", "suggestion", "params"}


def _round(tmp_path):
    folder = tmp_path / "omgang"
    run = cli("template", "--respondent", "Regionen", "--forbund", "Exempelforsens Samordningsförbund", "--ar",
              "2026", "-o", folder)  # fmt: skip
    assert run.exit_code == 0, run.stderr
    (folder / "trasig.yaml").write_text("förbund: X\når: 2026\nrespondent: Kommunen\nfält:\n  13: {}\n", "utf-8")
    return folder


def _outputs(tmp_path) -> dict[str, object]:
    merge = [EXAMPLES / "2010-pahittad.yaml", EXAMPLES / "exempelforbundet-2010.yaml", "--force"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("förbund: X\når: 2026\nfält:\n  1:\n    bedomnig: 3\n", "utf-8")
    runs = {
        "check": cli("check", EXAMPLES, broken, "--json"),
        "status": cli("status", _round(tmp_path), "--json"),
        "compare": cli("compare", EXAMPLES, "--format", "json"),
        "merge": cli("merge", *merge, "--format", "json"),
    }
    return {kind: json.loads(run.stdout) for kind, run in runs.items()}


def _keys(data: object, path: str = "") -> list[tuple[str, str]]:
    if isinstance(data, dict):
        found = []
        for key, value in data.items():
            if path.endswith(("answers", "answers.*", "ratings", "same_year", "params")):
                found += _keys(value, f"{path}.*")  # keyed by data (field numbers, question ids, names)
                continue
            found += [(path, key), *_keys(value, f"{path}.{key}")]
        return found
    if isinstance(data, list):
        return [k for item in data for k in _keys(item, path)]
    return []


@pytest.mark.parametrize("kind", ["check", "status", "compare", "merge"])
def test_every_json_output_follows_its_published_schema(tmp_path, kind):
    run = cli("schema", "--output", kind)
    assert run.exit_code == 0, run.stderr
    schema = json.loads(run.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_outputs(tmp_path)[kind], schema)


def test_a_problem_has_one_shape_in_every_output(tmp_path):
    out = _outputs(tmp_path)
    in_check = [p for entry in out["check"] for p in entry["problems"]]
    in_status = [p for entry in out["status"]["entries"] for p in entry["problems"]]
    assert in_check
    assert in_status
    assert {frozenset(p) for p in in_check + in_status} == {frozenset(PROBLEM_KEYS)}
    assert {p["code"] for p in in_check} >= {"unknown_key"}
    assert {p["code"] for p in in_status} >= {"unknown_field"}


def test_keys_are_the_files_or_english_ascii(tmp_path):
    for kind, data in _outputs(tmp_path).items():
        for path, key in _keys(data):
            assert key in FILE_KEYS or re.fullmatch(r"[a-z][a-z0-9_]*", key), (kind, path, key)


def test_compare_json_holds_the_follow_ups_the_terminal_shows(tmp_path):
    before, after = tmp_path / "a.yaml", tmp_path / "b.yaml"
    before.write_text("förbund: F\når: 2025\nfält:\n  4:\n    åtgärder: [Gemensam utbildningsdag]\n", "utf-8")
    after.write_text("förbund: F\når: 2026\nfält:\n  4:\n    uppföljning:\n      - åtgärd: Gemensam utbildningsdag\n"
                     "        status: pågår\n", "utf-8")  # fmt: skip
    run = cli("compare", before, after, "--format", "json")
    terminal = cli("compare", before, after, "--format", "terminal")
    data = json.loads(run.stdout)
    follow_ups = [f for s in data["series"] for st in s["changes"] for c in st["fields"] for f in c["follow_ups"]]
    assert follow_ups
    assert follow_ups == [{"action": "Gemensam utbildningsdag", "status": "pågår"}]
    assert "Gemensam utbildningsdag: pågår" in " ".join(terminal.stdout.split())


def test_the_assessment_schema_is_still_the_default():
    assert json.loads(cli("schema").stdout) == json.loads(cli("schema", "--output", "assessment").stdout)
    assert EXAMPLE.exists()
