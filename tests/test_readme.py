"""The README's console examples run, as sqlite-utils keeps its README with cog: every ``$ command`` in a console
block is run in a folder holding a copy of examples/, in order, and its output (stderr and stdout as a terminal
shows them) must match the lines below it; a line ``…`` stands for any number of lines. What the README leaves to
people (filling in a workbook) is done by ``<!-- readme: … -->`` comments, in order with the blocks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

README = ROOT / "README.md"
STEP = re.compile(r"```console\n(.*?)```|<!-- readme: (.*?) -->", re.S)


def _commands(block: str) -> list[tuple[str, list[str]]]:
    """Each ``$ command`` (continued by a trailing backslash) with the lines it is shown to print."""
    out: list[tuple[str, list[str]]] = []
    lines = block.rstrip("\n").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            i += 1
            continue
        command = lines[i][2:]
        while command.endswith("\\"):
            i += 1
            command = command[:-1] + " " + lines[i].strip()
        i += 1
        shown = []
        while i < len(lines) and not lines[i].startswith("$ "):
            shown.append(lines[i])
            i += 1
        out.append((command, shown))
    return out


def _matches(shown: list[str], printed: list[str]) -> bool:
    """Whether ``printed`` is ``shown``, a ``…`` line standing for any lines (none, too)."""
    if not shown:
        return not printed
    if shown[0] == "…":
        return any(_matches(shown[1:], printed[k:]) for k in range(len(printed) + 1))
    return bool(printed) and printed[0].rstrip() == shown[0].rstrip() and _matches(shown[1:], printed[1:])


def _update(shown: list[str], printed: list[str]) -> list[str]:
    """``printed`` in the shape of ``shown``: as many lines before its ``…`` (and after its last one) as it had."""
    if "…" not in shown:
        return printed
    head = shown.index("…")
    tail = len(shown) - 1 - max(i for i, line in enumerate(shown) if line == "…")
    return [*printed[:head], *shown[head : len(shown) - tail], *(printed[len(printed) - tail :] if tail else [])]


FAKETIME = shutil.which("faketime")
TODAY = "2026-12-01 09:00:00"
"""The day the README's tour starts on (libfaketime, from Debian's faketime); ``<!-- readme: today DATE -->`` moves
it on."""


@pytest.mark.skipif(FAKETIME is None, reason="faketime (Debian's package) is not installed")
def test_every_console_example_of_the_readme_prints_what_it_shows(tmp_path):
    """With TOLVFALT_UPDATE_README=1, the README is rewritten with what the commands print (then read it!)."""
    update = os.environ.get("TOLVFALT_UPDATE_README") == "1"
    text = README.read_text("utf-8")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "tests", tmp_path / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "COLUMNS": "100"}
    ran, today = 0, TODAY
    for block, setup in STEP.findall(text):
        if setup.startswith("today "):
            today = setup.removeprefix("today ") + " 09:00:00"
            continue
        if setup:
            subprocess.run(setup.replace("python ", f"{sys.executable} ", 1), shell=True, cwd=tmp_path, env=env,
                           check=True)  # fmt: skip
            continue
        for command, shown in _commands(block):
            if command.startswith(("pip ", "tolvfalt serve")):  # an install, and a server (tests/test_serve*.py)
                continue
            run = subprocess.run([str(FAKETIME), today, "bash", "-c", command], cwd=tmp_path, env=env,
                                 capture_output=True, text=True)  # fmt: skip
            printed = (run.stderr + run.stdout).rstrip("\n").split("\n") if run.stderr + run.stdout else []
            if update and not _matches(shown, printed) and shown:
                old = "\n".join(shown) + "\n"
                text = text.replace(old, "\n".join(_update(shown, printed)) + "\n", 1)
                README.write_text(text, "utf-8")
                continue
            assert _matches(shown, printed), (
                f"$ {command}\n--- README shows ---\n"
                + "\n".join(shown)
                + ("\n--- it prints ---\n" + "\n".join(printed))
            )
            ran += 1
    assert ran >= 10
