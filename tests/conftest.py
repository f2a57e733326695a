from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# The command line's --help is Swedish unless the locale is English: the tests read it in Swedish wherever they run.
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from tolvfalt.cli import app  # noqa: E402
from tolvfalt.framework import Framework  # noqa: E402
from tolvfalt.read.framework import default_framework  # noqa: E402

# CI runs every property test derandomized, so that a landing never fails by chance; a run here explores anew.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "2009.yaml"
DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None


def cli(*args: str | Path) -> Run:
    """Run the real command line in-process, with stdout and stderr kept apart."""
    result = CliRunner().invoke(app, [str(a) for a in args], prog_name="tolvfalt")
    exception = result.exception if not isinstance(result.exception, SystemExit) else None
    assert result.exit_code != 70, result.stderr  # a fault of tolvfalt's own, never acceptable
    return Run(result.exit_code, result.stdout, result.stderr, exception)


@pytest.fixture(scope="session")
def framework() -> Framework:
    return default_framework()


def in_order(text: str, parts: list[str]) -> None:
    """Every part appears in ``text``, each after the one before."""
    pos = 0
    for part in parts:
        found = text.find(part, pos)
        assert found >= 0, f"{part!r} missing or out of order"
        pos = found + len(part)


def assert_no_traceback(run: Run) -> None:
    assert run.exception is None, run.exception
    assert "Traceback" not in run.stdout + run.stderr
