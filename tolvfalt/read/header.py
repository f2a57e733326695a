"""The few keys that say whose file it is (förbund, år, respondent), read without reading the rest: from the top
of a YAML file, or from the metadata sheet of a workbook. Only a filter: what it cannot tell cheaply and surely it
leaves unknown (None), and the file is then read in full."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import IO, Any, NamedTuple
from xml.etree import ElementTree

from . import EXCEL_SUFFIXES, YAML_SUFFIXES

HEAD_BYTES = 8192
"""How much of a YAML file is looked at: its top-level keys stand at the top."""
SHEET_BYTES = 2 * 2**20
"""How much of a workbook part is unpacked for its metadata: the metadata sheet is a few kilobytes."""
_KEYS = {"förbund": "förbund", "forbund": "förbund", "år": "år", "ar": "år", "respondent": "respondent"}
_TOP_KEY = re.compile(r"(?P<q>[\"']?)(?P<key>[^:\"'#\s][^:\"'#]*?)(?P=q)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t\r]*$")
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


class Header(NamedTuple):
    """What a file says it is; a key is None where that could not be told without reading it all."""

    forbund: str | None
    ar: int | None
    respondent: str | None
    complete: bool
    """Whether every key was found, or known to be absent (a file without respondent)."""


UNKNOWN = Header(None, None, None, False)


def read_header(path: Path) -> Header:
    """The file's förbund, år and respondent, as far as its first lines (or metadata sheet) tell them."""
    suffix = path.suffix.lower()
    try:
        if suffix in YAML_SUFFIXES:
            with path.open("rb") as handle:
                raw = handle.read(HEAD_BYTES)
            fields = [i for i in (raw.find(m) for m in _FIELDS) if i >= 0]
            if fields:  # the top ends where the fields begin: nothing after it is looked at
                return _yaml_header(raw[: min(fields) + 1], whole=True, ended=False)
            return _yaml_header(raw, whole=len(raw) < HEAD_BYTES)
        if suffix in EXCEL_SUFFIXES:
            return _workbook_header(path)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, ElementTree.ParseError):
        return UNKNOWN
    return UNKNOWN


_FIELDS = ("\nfält:".encode(), b"\nfalt:", b"\nsvarande:")


def _yaml_header(raw: bytes, whole: bool, ended: bool = True) -> Header:
    """The top-level keys at the top of the file, up to the fields (a file tolvfalt writes has all three there)."""
    import yaml

    text = raw.decode("utf-8-sig", errors="replace")
    lines = text.split("\n")
    if not whole:
        lines = lines[:-1]  # the last line may be cut
    found: dict[str, Any] = {}
    for line in lines:
        if not line or line[0] in " \t#-%.\r":
            continue
        m = _TOP_KEY.match(line)
        if m is None:
            return _header(found, complete=False)  # not a plain top-level key: left to the full read
        name = unicodedata.normalize("NFC", m.group("key"))
        if name in ("fält", "falt", "svarande"):
            whole = False  # a key written after the fields is not looked for
            break
        key = _KEYS.get(name)
        if key is None:
            continue
        value = m.group("value")
        if key in found or value is None or value[:1] in ("|", ">", "&", "*", "!", "[", "{"):
            return UNKNOWN  # given twice, or not a plain value: the full read says what it is
        plain = _plain(value)
        if plain is not None:
            found[key] = plain
            continue
        try:
            found[key] = yaml.load(value, Loader=_loader())
        except yaml.YAMLError:
            return UNKNOWN
    return _header(found, complete="respondent" in found or (whole and ended))


_PLAIN = re.compile(r"[^\"'#:\\&*!|>%@`\[\]{},?-][^#:\\]*")
_QUOTED = re.compile(r"\"([^\"\\]*)\"|'([^']*)'")


def _plain(value: str) -> str | int | None:
    """A value as YAML reads it, where that is plain: digits, text without YAML's marks, or simply quoted."""
    if value.isdigit() and len(value) <= 6:
        return int(value) if value[0] != "0" or value == "0" else None
    m = _QUOTED.fullmatch(value)
    if m is not None:
        return m.group(1) if m.group(1) is not None else m.group(2)
    if _PLAIN.fullmatch(value) and value.lower() not in ("yes", "no", "on", "off", "true", "false", "null", "~"):
        return value
    return None


def _loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _header(found: dict[str, Any], complete: bool) -> Header:
    forbund, ar, respondent = (found.get(k) for k in ("förbund", "år", "respondent"))
    if isinstance(ar, float) and ar.is_integer():
        ar = int(ar)
    if isinstance(ar, str) and ar.strip().isdigit() and len(ar.strip()) <= 6:
        ar = int(ar)
    return Header(
        unicodedata.normalize("NFC", forbund) if isinstance(forbund, str) else None,
        ar if isinstance(ar, int) and not isinstance(ar, bool) else None,
        unicodedata.normalize("NFC", respondent) if isinstance(respondent, str) else None,
        complete
        and isinstance(forbund, str)
        and isinstance(ar, int)
        and (respondent is None or isinstance(respondent, str)),
    )


class _Bounded(io.RawIOBase):
    """A part of a zip package, unpacked no further than ``limit`` bytes."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self.stream, self.left = stream, limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.left <= 0:
            raise ValueError("part too large for a header")
        data = self.stream.read(min(len(buffer), self.left))
        self.left -= len(data)
        buffer[: len(data)] = data
        return len(data)


def _workbook_header(path: Path) -> Header:
    """The metadata sheet's keys and values: its key column holds ``förbund``, ``år``, ``respondent``."""
    from ..i18n import LANGS, label

    with zipfile.ZipFile(path) as archive:
        titles = {label("sheet_metadata", lang).lower() for lang in LANGS}
        book = ElementTree.fromstring(_part(archive, "xl/workbook.xml"))
        rels = ElementTree.fromstring(_part(archive, "xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        sheet = next((s for s in book.iter(f"{_NS}sheet") if (s.get("name") or "").strip().lower() in titles), None)
        if sheet is None:
            return UNKNOWN
        target = targets.get(sheet.get(f"{_RELS}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        rows = _rows(archive, part)
        strings = _shared(archive, {int(v) for r in rows.values() for t, v in r.values() if t == "s" and v.isdigit()})
        cells = {
            (r, c): strings.get(int(v), "") if t == "s" else v for r, row in rows.items() for c, (t, v) in row.items()
        }
        keys = {label("key_column", lang).lower() for lang in LANGS}
        values = {label("value", lang).lower() for lang in LANGS}
        top = min((r for r in rows), default=0)
        key_col = next((c for (r, c), v in cells.items() if r == top and v.strip().lower() in keys), None)
        value_col = next((c for (r, c), v in cells.items() if r == top and v.strip().lower() in values), None)
        if key_col is None or value_col is None:
            return UNKNOWN
        found: dict[str, Any] = {}
        for (r, c), v in cells.items():
            key = _KEYS.get(unicodedata.normalize("NFC", v.strip())) if c == key_col and r != top else None
            value = cells.get((r, value_col), "").strip()
            if key is not None and value:
                found[key] = value
    return _header(found, complete=True)


def _part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as stream:
        return _Bounded(stream, SHEET_BYTES).read()


def _rows(archive: zipfile.ZipFile, part: str) -> dict[int, dict[int, tuple[str, str]]]:
    """The first rows of a sheet: each cell's type and its raw value (a shared string's index, or the text)."""
    from .sheets import _REF, _column, _number

    rows: dict[int, dict[int, tuple[str, str]]] = {}
    with archive.open(part) as stream:
        for _, elem in ElementTree.iterparse(io.BufferedReader(_Bounded(stream, SHEET_BYTES)), events=("end",)):
            if elem.tag != f"{_NS}c":
                continue
            m = _REF.fullmatch(elem.get("r") or "")
            if m is None:
                raise ValueError("a cell without its address")
            row, col = _number(m.group(2)), _column(m.group(1))
            if row > 60:
                break
            kind = elem.get("t") or "n"
            text = "".join(elem.itertext()) if kind == "inlineStr" else (elem.findtext(f"{_NS}v") or "")
            rows.setdefault(row, {})[col] = ("s" if kind == "s" else "t", text)
            elem.clear()
    return rows


def _shared(archive: zipfile.ZipFile, wanted: set[int]) -> dict[int, str]:
    """The shared strings at ``wanted``, read no further than the last of them."""
    if not wanted:
        return {}
    found: dict[int, str] = {}
    last = max(wanted)
    with archive.open("xl/sharedStrings.xml") as stream:
        index = 0
        for _, elem in ElementTree.iterparse(io.BufferedReader(_Bounded(stream, SHEET_BYTES)), events=("end",)):
            if elem.tag != f"{_NS}si":
                continue
            if index in wanted:
                found[index] = "".join(t.text or "" for t in elem.iter(f"{_NS}t"))
            elem.clear()
            index += 1
            if index > last:
                break
    return found
