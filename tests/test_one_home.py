"""Each concept has one home: a test keeps it single wherever a text search can tell."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from tolvfalt.formats import FORMATS, BinaryFormat, TextFormat

PACKAGE = ROOT / "tolvfalt"
SOURCES = {p.relative_to(PACKAGE).as_posix(): p.read_text("utf-8") for p in PACKAGE.rglob("*.py")}
TEMPLATES = {p.relative_to(PACKAGE).as_posix(): p.read_text("utf-8") for p in (PACKAGE / "html").rglob("*.*")}


def _homes(pattern: str, texts: dict[str, str]) -> set[str]:
    return {name for name, text in texts.items() if re.search(pattern, text)}


@pytest.mark.parametrize(
    ("concept", "pattern", "home"),
    [
        (
            "house colours",
            r"[\"']#?(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6}[\"']|#[0-9a-fA-F]{6}\b",
            {"formats/house.py", "formats/colour.py"},
        ),
        ("language tags", r"sv-SE|en-GB", {"i18n.py"}),
        ("the cell limit", r"32[_,]?767", {"workbook.py"}),
        ("the follow-up statuses", r"ej påbörjad", {"model.py"}),
        ("disagreement", r"DISAGREEMENT", {"merged.py"}),
        ("the rating text", r"\.value\} \{", {"framework.py"}),
        ("suffixes of answer files", r"\"\.ya?ml\"|\"\.xlsx\"", {"read/__init__.py"}),
        ("the round file's name", r"\"omgang\.yaml\"", {"read/__init__.py"}),
    ],
)
def test_a_concept_is_defined_in_one_module(concept, pattern, home):
    assert _homes(pattern, SOURCES) == home, concept


def test_templates_take_their_colours_from_the_house_style():
    # The stylesheets name colours only through the house style's variables (ratings come from the framework).
    assert _homes(r"#[0-9a-fA-F]{6}\b", TEMPLATES) == set()


def test_no_view_shows_a_median_as_a_rating():
    views = {name: text for name, text in SOURCES.items() if name.startswith(("formats/", "merged.py"))}
    assert _homes(r"median", views) == set()


def test_text_and_binary_formats_match_the_registry():
    text = set(TextFormat.__args__)  # type: ignore[attr-defined]
    binary = set(BinaryFormat.__args__)  # type: ignore[attr-defined]
    assert text == {f.name for f in FORMATS if not f.binary}
    assert binary == {f.name for f in FORMATS if f.binary}


def test_the_contents_of_a_document_are_built_once_in_the_view():
    writers = {name: text for name, text in SOURCES.items() if name.startswith("formats/") and "view/" not in name}
    assert _homes(r"label\(\"summary_for_board\"", writers) <= {"formats/docx.py"}  # its heading, not the list
    assert _homes(r"def _contents", SOURCES) == {"formats/view/document.py"}


def test_every_view_has_a_module_of_its_own():
    views = {p.stem for p in (PACKAGE / "formats" / "view").glob("*.py")} - {"__init__"}
    assert {"document", "comparison", "merged", "check", "status"} <= views
    assert not (PACKAGE / "formats" / "view.py").exists()


def test_what_counts_as_a_response_is_the_models():
    assert _homes(r"def has_response", SOURCES) == {"model.py"}
    assert "has_response()" in SOURCES["round.py"]
    assert "has_response()" in SOURCES["merged.py"]


def test_shared_options_are_defined_once():
    cli = {name: text for name, text in SOURCES.items() if name.startswith("cli/")}
    for option in ("--force", "--strict", "--forbund", "--ar"):
        assert _homes(rf"typer\.Option\(\s*\"{option}\"", cli) == {"cli/options.py"}, option  # on its own line too


def test_the_library_gives_every_warning_the_command_line_prints():
    assert "expected_missing" not in SOURCES["cli/merge.py"]
    assert "def send_out" in SOURCES["api.py"]
    assert "Invitation" not in SOURCES["cli/template.py"]


def test_readme_layout_names_every_module():
    readme = (ROOT / "README.md").read_text("utf-8")
    layout = readme[readme.index("## Layout") :]
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("__init__.py", "__main__.py") or path.parent.name == "cli":
            continue
        assert path.name in layout or path.stem in layout, path.relative_to(PACKAGE)


# The shipped data: the YAML is its home, the JSON beside it a copy that is used only while it is the YAML's. ------


@pytest.mark.parametrize("name", ["labels.yaml", "tolvfaltaren.yaml"])
def test_the_json_copy_of_shipped_data_is_current(name):
    import os

    import yaml

    from tolvfalt import packaged

    assert name in packaged.SHIPPED
    copy = packaged.DATA / f"{name}.json"
    if os.environ.get("TOLVFALT_UPDATE_DOCS"):
        copy.write_text(packaged.copy_text(name), "utf-8")
    assert copy.read_text("utf-8") == packaged.copy_text(name), "remake it: python -m tolvfalt.packaged"
    source = (packaged.DATA / name).read_bytes()
    assert packaged.fast_copy(name, source) == yaml.safe_load(source)


def test_an_edited_yaml_file_is_read_rather_than_its_older_copy(tmp_path, monkeypatch):
    from tolvfalt import packaged

    for name in ("labels.yaml", "labels.yaml.json"):
        (tmp_path / name).write_bytes((packaged.DATA / name).read_bytes())
    monkeypatch.setattr(packaged, "DATA", tmp_path)
    assert packaged.load_data("labels.yaml")["sv"]["grid"] != "Ändrad rubrik"
    original = (tmp_path / "labels.yaml").read_text("utf-8")
    edited = original.replace("\n  grid: Tolvfältaren\n", "\n  grid: Ändrad rubrik\n")
    assert edited != original
    (tmp_path / "labels.yaml").write_text(edited, "utf-8")
    assert packaged.load_data("labels.yaml")["sv"]["grid"] == "Ändrad rubrik"
    (tmp_path / "labels.yaml.json").write_text("{not json", "utf-8")  # a damaged copy: the YAML is read
    assert packaged.load_data("labels.yaml")["sv"]["grid"] == "Ändrad rubrik"


def test_command_modules_keep_their_annotations_evaluated():
    """typer reads each command's annotations at start-up: as strings they cost a compile each (see cli/__init__)."""
    from tolvfalt.cli import COMMANDS, MODULES

    for name in COMMANDS:
        text = SOURCES[f"cli/{MODULES.get(name, name)}.py"]
        assert "from __future__ import annotations" not in text, name
