"""The data files shipped inside the package (the default framework, the labels): trusted YAML, loaded as is.

Each YAML file is the one place its data is written. Beside it the package ships the same data as JSON
(``labels.yaml.json``), which loads some twenty times faster than YAML; it holds the checksum of the YAML it was
made from and is used only while that matches, so an edited YAML file is never shadowed by an older copy.
``python -m tolvfalt.packaged`` remakes the copies (a test fails while one is out of date)."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
SHIPPED = ("labels.yaml", "tolvfaltaren.yaml")
"""The YAML files shipped with a JSON copy."""


def load_data(name: str) -> dict[str, Any]:
    # A path beside this module rather than importlib.resources, whose import alone costs some 10 ms at start-up.
    source = DATA.joinpath(name).read_bytes()
    copy = fast_copy(name, source)
    if copy is not None:
        return copy
    return _parse_yaml(source)


def fast_copy(name: str, source: bytes) -> dict[str, Any] | None:
    """The JSON copy of ``name``, if there is one made from exactly ``source``."""
    try:
        stored = json.loads(DATA.joinpath(name + ".json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("yaml_crc32") != _checksum(source):
        return None
    data = stored.get("data")
    return data if isinstance(data, dict) else None


def copy_text(name: str) -> str:
    """What ``name``'s JSON copy holds: the checksum of the YAML and its data."""
    source = DATA.joinpath(name).read_bytes()
    stored = {"yaml_crc32": _checksum(source), "data": _parse_yaml(source)}
    return json.dumps(stored, ensure_ascii=False, separators=(",", ":")) + "\n"


def _checksum(source: bytes) -> str:
    """Enough to tell an edited file (the copy lies beside it, in the same hands): not a defence."""
    return f"{zlib.crc32(source):08x}-{len(source)}"


def _parse_yaml(source: bytes) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(source.decode("utf-8"), Loader=loader)
    return data


if __name__ == "__main__":
    for shipped in SHIPPED:
        DATA.joinpath(shipped + ".json").write_text(copy_text(shipped), "utf-8")
        print(f"skrev {DATA.joinpath(shipped + '.json')}")
