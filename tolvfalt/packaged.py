"""The data files shipped inside the package (the default framework, the labels): trusted YAML, loaded as is."""

from __future__ import annotations

from importlib import resources
from typing import Any


def load_data(name: str) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(resources.files("tolvfalt.data").joinpath(name).read_text("utf-8"), Loader=loader)
    return data
