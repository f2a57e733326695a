"""An assessment file in YAML to plain data with the line of every key."""

from __future__ import annotations

from pathlib import Path

from ..source import Located, display_name, parse_yaml, read_text


def read_yaml(path: Path) -> Located:
    return parse_yaml(read_text(path), display_name(path))
