"""PyYAML with the C loader where it is built, and the emitter settings used for output."""

from __future__ import annotations

from typing import Any

import yaml

try:
    Loader: type = yaml.CSafeLoader
    Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    Loader = yaml.SafeLoader
    Dumper = yaml.SafeDumper


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)


def _str_presenter(dumper: yaml.BaseDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value and _block_safe(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _block_safe(value: str) -> bool:
    # A literal block keeps the text as written only when no line has leading or trailing spaces.
    return all(line == line.strip(" ") for line in value.split("\n")) and not value.startswith(" ")


class _Dumper(Dumper):  # type: ignore[misc, valid-type]
    pass


_Dumper.add_representer(str, _str_presenter)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
