"""The data files shipped inside the package (the default framework, the labels): trusted YAML, loaded as is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


def load_data(name: str) -> dict[str, Any]:
    # A path beside this module rather than importlib.resources, whose import alone costs some 10 ms at start-up.
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(DATA.joinpath(name).read_text("utf-8"), Loader=loader)
    return data
