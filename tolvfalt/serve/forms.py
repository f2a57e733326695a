"""Request bodies read within limits: a form of text, and the files of an upload form, each file read at most to
the limit every file is read within, so that a larger one is refused before the rest of it is read."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath, PureWindowsPath
from urllib.parse import parse_qs

from ..read import YAML_SUFFIXES
from ..read.package import MAX_FILE_MB
from ..read.source import MAX_TEXT_MB

MAX_FILES = 12
MAX_FIELDS = 20
MAX_FIELD_BYTES = 64 * 1024
MAX_FORM_BYTES = 4 * 2**20
"""A form of text: an analys is some kilobytes; far less than any file."""


class BadRequest(Exception):
    """The request as a whole is refused: too large, too many files, not a form. ``code`` names the message."""

    def __init__(self, code: str, status: int, **params: object) -> None:
        self.code = code
        self.status = status
        self.params = params
        super().__init__(code)


@dataclass
class Incoming:
    name: str
    """The client's file name, its last part only; for showing and for its suffix."""
    data: bytes


def limit_for(name: str) -> int:
    """The most bytes a file of this name is read to (the limits of reading it from disk)."""
    mb = MAX_TEXT_MB if PurePath(name).suffix.lower() in YAML_SUFFIXES else MAX_FILE_MB
    return mb * 2**20


def client_name(raw: str) -> str:
    """The last part of what a browser sends as the file name (old browsers send a whole Windows path)."""
    last = PureWindowsPath(raw).name if "\\" in raw else PurePath(raw).name
    return "".join(ch for ch in last if ch.isprintable())[:200] or "?"


@dataclass
class _Part:
    disposition: bytes = b""
    name: str | None = None
    """The file name, for a file; None for a field."""
    limit: int = MAX_FIELD_BYTES
    size: int = 0
    chunks: list[bytes] = field(default_factory=list)


async def read_files(headers: Mapping[str, str], stream: AsyncIterator[bytes]) -> list[Incoming]:
    """The files of a multipart form, each read at most to its limit: a larger one stops the reading there."""
    from python_multipart.exceptions import MultipartParseError
    from python_multipart.multipart import MultipartParser, parse_options_header

    content_type, options = parse_options_header(headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise BadRequest("serve_not_a_form", 400)
    length = headers.get("content-length", "")
    most = MAX_FILES * max(MAX_TEXT_MB, MAX_FILE_MB) * 2**20 + MAX_FIELDS * MAX_FIELD_BYTES
    if length.isdigit() and int(length) > most:
        raise BadRequest("serve_request_too_big", 413, limit=most // 2**20)
    files: list[Incoming] = []
    fields = 0
    part = _Part()
    header = [b"", b""]

    def on_part_begin() -> None:
        nonlocal part
        part = _Part()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header[0] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header[1] += data[start:end]

    def on_header_end() -> None:
        if header[0].lower() == b"content-disposition":
            part.disposition = header[1]
        header[0], header[1] = b"", b""

    def on_headers_finished() -> None:
        nonlocal fields
        _, params = parse_options_header(part.disposition)
        if b"filename" in params:
            if len(files) >= MAX_FILES:
                raise BadRequest("serve_too_many_files", 413, limit=MAX_FILES)
            part.name = client_name(params[b"filename"].decode("utf-8", "replace"))
            part.limit = limit_for(part.name)
            return
        fields += 1
        if fields > MAX_FIELDS:
            raise BadRequest("serve_not_a_form", 400)

    def on_part_data(data: bytes, start: int, end: int) -> None:
        part.size += end - start
        if part.size > part.limit:
            if part.name is None:
                raise BadRequest("serve_not_a_form", 400)
            raise BadRequest("serve_file_too_big", 413, name=part.name, limit=part.limit // 2**20)
        part.chunks.append(data[start:end])

    def on_part_end() -> None:
        if part.name is not None and part.size:
            files.append(Incoming(part.name, b"".join(part.chunks)))

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
        },
    )
    try:
        async for chunk in stream:
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError:
        raise BadRequest("serve_not_a_form", 400) from None
    return files


async def read_form(headers: Mapping[str, str], stream: AsyncIterator[bytes]) -> dict[str, list[str]]:
    """The fields of a url-encoded form, at most ``MAX_FORM_BYTES`` of it."""
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise BadRequest("serve_not_a_form", 400)
    body = bytearray()
    async for chunk in stream:
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise BadRequest("serve_form_too_big", 413, limit=MAX_FORM_BYTES // 2**20)
    try:
        return parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=1000)
    except ValueError:
        raise BadRequest("serve_not_a_form", 400) from None
