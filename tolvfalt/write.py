"""Writing output files: atomically, only to regular files, never over a file that was read, and over a file that
holds answers only when asked to."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import TolvfaltError
from .read import READABLE, ROUND_FILE
from .read.source import display_name

ANSWER_SUFFIXES = READABLE
"""Files that may hold a person's answers: replacing one needs ``force``."""


def write_atomic(
    path: Path,
    content: str | bytes | Iterable[str | bytes],
    inputs: Iterable[Path] = (),
    *,
    force: bool = False,
    replaces_anything: bool = False,
    round_file: bool = False,
) -> None:
    """Write ``content`` (or its pieces, as they are made) to ``path`` so that a reader sees the old file or the
    new one, never half of either.

    Refused: a path that is one of ``inputs``; a device, pipe, folder or other non-regular file; an existing file
    that may hold answers (or any existing file, with ``replaces_anything``) unless ``force``. A symbolic link is
    written through to its target. An existing file keeps its permission bits.
    """
    info = check_target(path, inputs, force=force, replaces_anything=replaces_anything, round_file=round_file)
    target = path.resolve() if path.is_symlink() else path
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    try:
        _replace(target, (content,) if isinstance(content, str | bytes) else content, mode)
    except OSError as exc:
        raise TolvfaltError.one("unwritable", file=display_name(path), detail=exc.strerror or str(exc)) from None


def check_target(
    path: Path,
    inputs: Iterable[Path] = (),
    *,
    force: bool = False,
    replaces_anything: bool = False,
    round_file: bool = False,
) -> os.stat_result | None:
    """What ``write_atomic`` refuses, checked without writing: the existing file's status, or None."""
    name = display_name(path)
    target = path.resolve() if path.is_symlink() else path
    if target.name == ROUND_FILE and not round_file:  # the round's plan: only the send-out writes it
        raise TolvfaltError.one("round_file_output", file=name)
    if any(_same(target, source) for source in inputs):
        raise TolvfaltError.one("output_is_input", file=name)
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise TolvfaltError.one("unwritable", file=name, detail=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise TolvfaltError.one("not_output", file=name)
    if not force and (replaces_anything or target.suffix.lower() in ANSWER_SUFFIXES):
        raise TolvfaltError.one("exists", file=name)
    return info


def write_all(planned: Sequence[tuple[Path, str | bytes, bool]], inputs: Iterable[Path] = (), *, force: bool = False,
              round_file: bool = False) -> None:  # fmt: skip
    """Several files, all or none: each is checked before the first is written, and if one cannot be written,
    those written before it are put back as they were. ``planned`` holds each path, its content, and whether it
    may replace an existing file without ``force``."""
    inputs = list(inputs)
    problems = []
    for path, _, replaceable in planned:
        try:
            check_target(path, inputs, force=force or replaceable, replaces_anything=True, round_file=round_file)
        except TolvfaltError as exc:
            problems += exc.problems
    if problems:
        raise TolvfaltError(problems)
    done: list[tuple[Path, bytes | None]] = []
    try:
        for path, content, replaceable in planned:
            before = path.read_bytes() if path.exists() else None
            write_atomic(path, content, inputs, force=force or replaceable, replaces_anything=True,
                         round_file=round_file)  # fmt: skip
            done.append((path, before))
    except TolvfaltError:
        for path, before in reversed(done):
            with contextlib.suppress(OSError):
                if before is None:
                    path.unlink()
                else:
                    _replace(path, (before,), stat.S_IMODE(path.stat().st_mode))
        raise


def _replace(target: Path, pieces: Iterable[str | bytes], mode: int) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = _temporary(folder, target.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            if tmp is None:  # an unnamed file (O_TMPFILE): it gets a name only once it is whole
                tmp = _link(handle.fileno(), folder, target.name)
        os.replace(tmp, target)
        tmp = None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _temporary(folder: Path, name: str) -> tuple[int, str | None]:
    """A file to write into: unnamed where the system can (nothing is left behind if the process is killed),
    else a named temporary file beside the target."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(folder, flag | os.O_WRONLY, 0o600), None
        except OSError:
            pass  # a file system without O_TMPFILE
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    return fd, tmp


def _link(fd: int, folder: Path, name: str) -> str:
    # linkat(AT_SYMLINK_FOLLOW) on the descriptor's entry in /proc gives the unnamed file a name; os.link only
    # calls linkat (rather than link) when given a directory descriptor.
    proc = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        for attempt in range(100):
            tmp = str(folder / f".{name}.{os.getpid()}.{attempt}.tmp")
            try:
                os.link(str(fd), tmp, src_dir_fd=proc, follow_symlinks=True)
                return tmp
            except FileExistsError:
                continue
        raise FileExistsError(tmp)
    finally:
        os.close(proc)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
