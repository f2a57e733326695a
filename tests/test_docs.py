"""The documentation is generated from the program or checked against it, so the two cannot drift.

Regenerate docs/cli.md with: TOLVFALT_UPDATE_DOCS=1 pytest tests/test_docs.py
"""

from __future__ import annotations

import os
import re

from conftest import ROOT, cli

from tolvfalt.cli import app
from tolvfalt.read.framework import default_framework
from tolvfalt.schema import json_schema

CLI_DOC = ROOT / "docs" / "cli.md"
FORMAT_DOC = ROOT / "docs" / "format.md"


def commands() -> list[str]:
    return [c.name for c in app.registered_commands if c.name]


def cli_reference() -> str:
    parts = [
        "# Command reference\n",
        "Generated from `tolvfalt COMMAND --help`; `tests/test_docs.py` fails when it is out of date.\n",
    ]
    for name in commands():
        help_text = cli(name, "--help").stdout.rstrip()
        parts.append(f"## tolvfalt {name}\n\n```\n{help_text}\n```\n")
    return "\n".join(parts)


def test_cli_reference_is_current():
    expected = cli_reference()
    if os.environ.get("TOLVFALT_UPDATE_DOCS"):
        CLI_DOC.write_text(expected, "utf-8")
    assert CLI_DOC.read_text("utf-8") == expected, (
        "docs/cli.md is stale: TOLVFALT_UPDATE_DOCS=1 pytest tests/test_docs.py"
    )


def test_every_command_is_in_the_tour():
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in commands():
        assert f"tolvfalt {name}" in readme, name


def test_readme_has_the_two_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "pip install . && tolvfalt assess examples/2009.yaml" in readme
    assert "pip install '.[test]' && pytest" in readme


def test_format_doc_names_every_key_of_the_schema():
    schema = json_schema(default_framework())
    doc = FORMAT_DOC.read_text("utf-8")
    field_keys = schema["properties"]["fält"]["properties"]["1"]["properties"]
    for key in [*schema["properties"], *field_keys]:
        assert re.search(rf"`{re.escape(key)}`", doc), f"docs/format.md does not describe `{key}`"


def test_format_doc_lists_every_question():
    doc = FORMAT_DOC.read_text("utf-8")
    for question in default_framework().questions:
        assert f"| `{question.id}` | {question.sv} |" in doc, question.id


def test_every_text_exists_in_both_languages():
    import yaml

    labels = yaml.safe_load((ROOT / "tolvfalt" / "data" / "labels.yaml").read_text("utf-8"))
    assert set(labels["sv"]) == set(labels["en"])
    assert set(labels["errors"]["sv"]) == set(labels["errors"]["en"])
    for lang in ("sv", "en"):
        for code, text in labels["errors"][lang].items():
            assert re.findall(r"{(\w+)", text) == re.findall(r"{(\w+)", labels["errors"]["sv"][code]), code


def test_help_imports_no_heavy_library():
    import subprocess
    import sys

    code = (
        "import sys; from tolvfalt.cli import app; print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'openpyxl', 'docx', 'jinja2', 'python_calamine', 'yaml')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
