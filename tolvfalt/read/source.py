"""Plain data read from a file with the place (line or cell) of every key, and reading text files safely."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, TolvfaltError
from ..text import pasted_breaks, visible

Path_ = tuple[str, ...]
MAX_TEXT_MB = 20  # an assessment is some 30 kB; anything this large is not one


@dataclass
class Located:
    """Plain data read from a file, with the line on which each key path stands."""

    data: Any
    file: str
    lines: dict[Path_, int | str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """What reading found wrong already; validation adds its own and reports all at once."""
    written: dict[Path_, str] = field(default_factory=dict)
    """A YAML file's unquoted values that YAML read as a number or a yes/no, as they were written."""

    def add_spellings(self, spellings: dict[str, str]) -> None:
        """Also file every line under the canonical key where the file used another spelling."""
        for path, line in list(self.lines.items()):
            canonical = tuple(spellings.get(part, part) for part in path)
            self.lines.setdefault(canonical, line)

    def line_for(self, loc: Sequence[object]) -> int | str | None:
        path = tuple(str(part) for part in loc)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def read_bytes(path: Path, limit_mb: int) -> bytes:
    """A regular file's bytes, at most ``limit_mb`` MB: a device, a pipe or a link to one is refused, and the
    limit holds whatever the file claims its size to be."""
    name = display_name(path)
    try:
        # O_NONBLOCK: opening a pipe does not wait for a writer; what it is, fstat then tells
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise TolvfaltError.one("is_directory", file=name)
            if not stat.S_ISREG(info.st_mode):
                raise TolvfaltError.one("not_regular", file=name)
            raw = handle.read(limit_mb * 2**20 + 1)
    except FileNotFoundError:
        raise TolvfaltError.one("not_found", file=name) from None
    except IsADirectoryError:
        raise TolvfaltError.one("is_directory", file=name) from None
    except OSError as exc:
        if path.is_dir():
            raise TolvfaltError.one("is_directory", file=name) from None
        raise TolvfaltError.one("unreadable", file=name, detail=exc.strerror or str(exc)) from None
    if len(raw) > limit_mb * 2**20:
        size = max(info.st_size, len(raw))
        raise TolvfaltError.one("too_big", file=name, size=round(size / 2**20), limit=limit_mb)
    return raw


def read_text(path: Path) -> str:
    """The text of a file, decoded as UTF-8 (with or without BOM), with line ends made LF. The breaks Word puts
    in pasted text (vertical tab, form feed, U+2028, U+2029) become placeholders that YAML leaves alone and the
    model turns back into line and paragraph breaks."""
    name = display_name(path)
    raw = read_bytes(path, MAX_TEXT_MB)
    nul = raw.find(b"\x00", 0, 8192)
    if nul != -1:  # a NUL byte: a binary file, or one damaged at that line
        raise TolvfaltError.one("binary", file=name, line=raw[:nul].count(b"\n") + 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TolvfaltError.one(
            "not_utf8", file=name, line=line, byte=f"0x{raw[exc.start]:02x}", pos=exc.start
        ) from None
    return pasted_breaks(text.replace("\r\n", "\n").replace("\r", "\n"))


def display_name(path: Path) -> str:
    """A path as the user typed it, relative where that is shorter; a control character in a file's name is
    shown as its escape (``\\x1b``), never sent to the terminal raw."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return visible(str(path))
    return visible(rel if len(rel) < len(str(path)) else str(path))
