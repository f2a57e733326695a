"""Files to model: YAML or an Excel workbook, checked against the framework, every error located."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this package for --help; keep it light
    from ..framework import Framework
    from ..model import Assessment
    from .source import Located

YAML_SUFFIXES = (".yaml", ".yml")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
OTHER_SPREADSHEETS = (".xls", ".ods")  # read only to say how to convert them
READABLE = (*YAML_SUFFIXES, *EXCEL_SUFFIXES)
ROUND_FILE = "omgang.yaml"
"""The yearly round's plan, written beside the respondents' workbooks: not an assessment."""


def load(path: str | Path, framework: Framework | None = None) -> Assessment:
    """Read an assessment from a YAML file or a filled-in workbook; a mistake raises ``TolvfaltError``."""
    return load_located(path, framework)[0]


def load_located(path: str | Path, framework: Framework | None = None) -> tuple[Assessment, Located]:
    """``load``, and the plain data with the line or cell of every key (to place what is found in it later)."""
    from ..errors import TolvfaltError
    from .framework import default_framework
    from .source import display_name

    path = Path(path)
    framework = framework or default_framework()
    if path.name.startswith("~$"):  # Excel's lock file beside an open workbook
        raise TolvfaltError.one("lock_file", file=display_name(path))
    if path.name.startswith("._"):  # what macOS leaves on other file systems
        raise TolvfaltError.one("mac_resource", file=display_name(path))
    suffix = path.suffix.lower()
    if suffix in (*EXCEL_SUFFIXES, *OTHER_SPREADSHEETS):
        from .excel import read_workbook

        located = read_workbook(path, framework)
    elif suffix in YAML_SUFFIXES or path.is_dir() or not path.exists():
        from .source import read_text
        from .yaml import parse_yaml

        located = parse_yaml(read_text(path), display_name(path))
    else:
        raise TolvfaltError.one("unknown_format", file=display_name(path), suffix=path.suffix or path.name)
    return validate(located, framework), located


def validate(located: Located, framework: Framework | None = None) -> Assessment:
    """Plain data (with its lines) to a model that fits the framework, or every problem at once."""
    from pydantic import ValidationError

    from ..errors import TolvfaltError
    from ..model import Assessment
    from .framework import default_framework
    from .problems import SWEDISH, framework_problems, problems_from

    framework = framework or default_framework()
    located.add_spellings(SWEDISH)
    if not isinstance(located.data, dict):
        raise TolvfaltError.one("top_not_mapping", file=located.file, line=1)
    problems = [*located.problems, *framework_problems(located, framework)]
    try:
        assessment = Assessment.model_validate(located.data)
    except ValidationError as exc:
        found = {(p.line, p.key) for p in problems}
        problems += [p for p in problems_from(exc, located, Assessment) if (p.line, p.key) not in found]
    if problems:
        raise TolvfaltError(problems)
    return assessment
