"""The framework is data: the default file matches the seed, and a förbund's own file works everywhere."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import DATA, EXAMPLE, cli

from tolvfalt.framework import Framework

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tolvfalt" / "data" / "tolvfaltaren.yaml"


def test_default_framework_is_the_seed_grid(framework: Framework):
    assert framework.question_ids == tuple(
        [
            "1a",
            "1b",
            "1c",
            "2a",
            "2b",
            "3a",
            "3b",
            "4a",
            "4b",
            "5a",
            "5b",
            "6a",
            "6b",
            "7a",
            "7b",
            "8a",
            "8b",
            "9a",
            "9b",
            "10a",
            "10b",
            "11a",
            "12a",
        ]
    )
    grid = (DATA / "kartlaggning-2009-fagersta.txt").read_text("utf-8").split("Fält 1:")[0]
    for field in framework.fields:
        cell = f"{field.number} " + " ".join(q.sv for q in field.questions)
        assert cell in grid, cell
    assert [s.sv for s in framework.scale] == ["Otillfredsställande", "Godtagbar", "God", "Mycket god"]
    assert [s.en for s in framework.scale] == ["Unsatisfactory", "Acceptable", "Good", "Very good"]


def _variant(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(DEFAULT.read_text("utf-8"))
    change(data)
    path = tmp_path / "eget.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_own_framework_with_five_levels_and_other_questions(tmp_path):
    def change(data):
        data["skala"].append({"värde": 5, "sv": "Utmärkt", "en": "Excellent", "färg": "#1155cc"})
        data["fält"][11]["frågor"].append({"id": "12b", "sv": "Når förbundet ut?", "en": "Does it reach out?"})

    fw = _variant(tmp_path, change)
    doc = tmp_path / "a.yaml"
    doc.write_text("förbund: X\når: 2024\nfält:\n  12:\n    svar:\n      b: Ja.\n    bedömning: 5\n", "utf-8")
    run = cli("assess", doc, "--framework", fw, "--format", "md")
    assert run.exit_code == 0, run.stderr
    assert "### Når förbundet ut?\n\nJa." in run.stdout
    assert "5 Utmärkt" in run.stdout
    assert "1 av 24 frågor besvarade" in run.stderr
    assert cli("check", doc).exit_code == 1  # the default framework has no 12b and no 5


def test_broken_framework_is_a_clear_error(tmp_path):
    fw = _variant(tmp_path, lambda data: data["fält"][0].update(rad="deltagre"))
    run = cli("check", EXAMPLE, "--framework", fw)
    assert run.exit_code == 1
    assert "eget.yaml" in run.stderr
    assert "okänd rad 'deltagre'" in run.stderr
    assert "Traceback" not in run.stderr


def test_framework_file_errors_have_lines(tmp_path):
    fw = _variant(tmp_path, lambda data: data.update(skala="fyra"))
    run = cli("schema", "--framework", fw)
    assert run.exit_code == 1
    assert "eget.yaml:" in run.stderr
    assert "skala" in run.stderr


def test_shipped_framework_validates_and_equals_the_fast_build(framework: Framework):
    """default_framework() skips validation for speed; the same file must pass it and give the same model."""
    from tolvfalt.read.framework import default_data

    assert Framework.model_validate(default_data()) == framework
