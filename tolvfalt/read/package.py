"""Office files (xlsx, docx) are zip packages: each is checked here before any library unpacks it, so that a
damaged, encrypted or hostile file is a message, and what it unpacks to is bounded per part and in all."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Literal

from ..errors import TolvfaltError
from .source import display_name, read_bytes

MAX_FILE_MB = 20
MAX_PART_MB = 50
MAX_UNPACKED_MB = 200
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls/.doc, and Office's wrapper of an encrypted file
_CHUNK = 1 << 20


def open_package(path: Path, kind: Literal["xlsx", "docx"]) -> tuple[bytes, zipfile.ZipFile]:
    """The file's bytes and its zip directory, once every part has unpacked within the limits."""
    name = display_name(path)
    damaged = "not_xlsx" if kind == "xlsx" else "not_docx"
    raw = read_bytes(path, MAX_FILE_MB)
    if raw.startswith(OLE2):
        code = "xls" if kind == "xlsx" and path.suffix.lower() == ".xls" else "encrypted"
        raise TolvfaltError.one(code, file=name, name=path.name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise TolvfaltError.one(
            damaged, file=name, detail=_detail(exc, "inte ett zip-arkiv / not a zip archive")
        ) from None
    names = set(archive.namelist())
    if "mimetype" in names and b"opendocument" in _read_small(archive, "mimetype"):
        raise TolvfaltError.one("ods" if kind == "xlsx" else damaged, file=name, name=path.name, detail="OpenDocument")
    if kind == "xlsx" and "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise TolvfaltError.one("word_document", file=name)
        raise TolvfaltError.one(damaged, file=name, detail="xl/workbook.xml saknas / is missing")
    if kind == "docx" and "word/document.xml" not in names:
        raise TolvfaltError.one(damaged, file=name, detail="word/document.xml saknas / is missing")
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise TolvfaltError.one("encrypted", file=name, name=path.name)
        try:
            total += _unpacked_size(archive, info, name)
        except TolvfaltError:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            NotImplementedError,
            RuntimeError,
            ValueError,
            OSError,
            EOFError,
        ) as exc:
            raise TolvfaltError.one(damaged, file=name, detail=f"{info.filename}: {_detail(exc, 'trasig')}") from None
        if total > MAX_UNPACKED_MB * 2**20:
            raise TolvfaltError.one("too_big", file=name, size=round(total / 2**20), limit=MAX_UNPACKED_MB)
    return raw, archive


def _unpacked_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> int:
    """What a part really unpacks to (its header may say otherwise), reading no further than the limit."""
    size = 0
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            size += len(chunk)
            if size > MAX_PART_MB * 2**20:
                raise TolvfaltError.one("part_too_big", file=name, part=info.filename, limit=MAX_PART_MB)
    return size


def _read_small(archive: zipfile.ZipFile, member: str) -> bytes:
    try:
        with archive.open(member) as part:
            return part.read(256)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError, EOFError):
        return b""


def _detail(exc: BaseException, fallback: str) -> str:
    return str(exc) or type(exc).__name__ or fallback
