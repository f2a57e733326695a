"""The shape of the package: one format registry every command obeys, a library API that works as the README
shows, and imports that flow one way (read → model → view → format writer; the core knows no output)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, cli

import tolvfalt
from tolvfalt.formats import FORMATS, formats_for

PACKAGE = ROOT / "tolvfalt"
EXAMPLES = ROOT / "examples"
CORE = (
    "framework", "model", "errors", "text", "i18n", "read", "comparison", "merged", "summary", "workbook", "round",
)  # fmt: skip

# Each command that writes, what it writes, and the arguments before -o.
WRITERS = {
    "assess": ("assessment", [EXAMPLE]),
    "compare": ("comparison", [EXAMPLES]),
    "merge": ("merged", [EXAMPLES / "2010-pahittad.yaml", EXAMPLES / "exempelforbundet-2010.yaml", "--force"]),
}


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _imports(path: Path) -> set[str]:
    """The tolvfalt modules a module imports, anywhere in it (lazy imports too)."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                if node.module:
                    found.add(f"{base}.{node.module}")
                else:  # from . import sibling
                    found.update(f"{base}.{a.name}" for a in node.names)
            elif node.module and node.module.startswith("tolvfalt"):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("tolvfalt"))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


def test_the_core_knows_no_output_and_no_command_line():
    for module, imports in _graph().items():
        if module != "tolvfalt" and module.split(".")[1] in CORE:
            assert not {m for m in imports if m.startswith(("tolvfalt.formats", "tolvfalt.cli"))}, module


def test_no_import_cycle():
    graph = _graph()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == 1:
            raise AssertionError("import cycle: " + " → ".join([*path, node]))
        if state.get(node) == 2:
            return
        state[node] = 1
        for child in graph.get(node, ()):
            visit(child, [*path, node])
        state[node] = 2

    for name in graph:
        visit(name, [])


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_every_command_refuses_a_suffix_it_cannot_write(tmp_path, command):
    kind, args = WRITERS[command]
    can = {s for f in formats_for(kind) for s in f.suffixes}
    cannot = {s for f in FORMATS for s in f.suffixes} - can | {".doc", ".odt", ".png"}
    for suffix in [*sorted(cannot), ""]:
        out = tmp_path / f"ut{suffix}"
        run = cli(command, *args, "-o", out)
        assert run.exit_code == 2, (command, suffix, run.stderr)
        assert not out.exists(), (command, suffix)
        listed = re.findall(r"\.[a-z]+", run.stderr.split(";")[-1])
        assert set(listed) == can, (command, suffix, run.stderr)


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_every_command_refuses_a_format_it_cannot_write(tmp_path, command):
    kind, args = WRITERS[command]
    for fmt in [f.name for f in FORMATS if kind not in f.kinds] + ["odt", "nonsense"]:
        run = cli(command, *args, "--format", fmt)
        assert run.exit_code == 2, (command, fmt)
        assert run.stdout == "", (command, fmt)
        assert all(f.name in run.stderr for f in formats_for(kind)), run.stderr


@pytest.mark.parametrize(("command", "suffix"), [("template", ".docx"), ("template", ""), ("new", ".md")])
def test_single_format_commands_refuse_other_suffixes(tmp_path, command, suffix):
    out = tmp_path / f"ut{suffix}"
    args = ["--forbund", "X"] if command == "new" else []
    run = cli(command, *([out] if command == "new" else ["-o", out]), *args)
    assert run.exit_code == 2, run.stderr
    assert not out.exists(), run.stderr


def test_every_python_block_of_the_readme_runs(monkeypatch):
    """The README's Python asserts what it shows: a block whose values no longer hold fails here."""
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)
    assert blocks
    for block in blocks:
        assert block.count("assert ") >= 5  # values, not prints
        exec(compile(block, "README.md", "exec"), {})


def test_check_takes_a_folder_and_its_json_is_the_api(framework):
    run = cli("check", EXAMPLES, "--json")
    assert run.exit_code == 0, run.stderr
    expected = tolvfalt.render(tolvfalt.check([str(EXAMPLES)], framework), "json")
    assert json.loads(run.stdout) == json.loads(expected)
    names = [Path(r["file"]).name for r in json.loads(run.stdout)]
    assert names == sorted(p.name for p in EXAMPLES.glob("*.yaml"))


def test_compare_json_is_the_api(framework):
    run = cli("compare", EXAMPLES, "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout) == json.loads(tolvfalt.render(tolvfalt.compare([EXAMPLES], framework), "json"))


def test_assess_json_is_the_model_dump(framework):
    run = cli("assess", EXAMPLE, "--format", "json")
    assessment = tolvfalt.load(EXAMPLE, framework)
    assert json.loads(run.stdout) == assessment.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


def test_render_refuses_a_format_an_object_does_not_have(framework):
    assessment = tolvfalt.load(EXAMPLE, framework)
    with pytest.raises(ValueError, match="csv"):
        tolvfalt.render(assessment, "csv")


def test_points_and_metadata_are_defined_once_by_the_model():
    from tolvfalt.model import Assessment, FieldAnswers

    aliases = [info.alias or name for name, info in FieldAnswers.model_fields.items()]
    assert set(FieldAnswers.POINTS) <= set(aliases)
    fields = {info.alias or name for name, info in Assessment.model_fields.items()}
    assert set(Assessment.METADATA) == fields - {"fält", "svarande"}
    for path in PACKAGE.rglob("*.py"):
        if path.name != "model.py":
            text = path.read_text("utf-8")
            assert not re.search(r'"brister",\s*"möjligheter",\s*"åtgärder"', text), path
