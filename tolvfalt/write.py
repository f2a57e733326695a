"""Writing output files: atomically, and never over a file that was read."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import TolvfaltError
from .read.source import display_name


def write_atomic(path: Path, content: str | bytes, inputs: Iterable[Path] = (), *, overwrite: bool = True) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder, then rename it into place."""
    if any(_same(path, source) for source in inputs):
        raise TolvfaltError.one("output_is_input", file=display_name(path))
    if not overwrite and path.exists():
        raise TolvfaltError.one("exists", file=display_name(path))
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise TolvfaltError.one("unwritable", file=display_name(path), detail=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise TolvfaltError.one("unwritable", file=display_name(path), detail=exc.strerror or str(exc)) from None


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
