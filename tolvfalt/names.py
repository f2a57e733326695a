"""Names a person types (parties, förbund), and the year beside them: names compared after Unicode NFC
normalisation, told apart only where a reader, a file system and a workbook can tell them apart too; each
refused, by its option, where a file could not hold it."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from .errors import Problem
from .text import control_char, one_line, visible
from .workbook import CELL_LIMIT

NAME_LIMIT = CELL_LIMIT // 4
"""The longest name taken: it must fit a workbook cell with the text around it (``Svar – {name}``)."""


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """A name as it is kept: NFC, on one line, single spaces."""
    return one_line(nfc(text))


def key(text: str) -> str:
    """What two names that mean the same party share: NFC, case and spacing aside."""
    return unicodedata.normalize("NFC", one_line(text).casefold())


def same(a: str, b: str) -> bool:
    return key(a) == key(b)


def name_problems(name: str, option: str) -> list[Problem]:
    """Why ``name`` (given with ``option``) cannot be a name: empty, with a control character, or too long."""
    bad = control_char(name)
    if bad is not None:
        return [Problem("name_control_char", {"option": option, "char": bad, "name": visible(name)})]
    if not clean(name):
        return [Problem("name_empty", {"option": option})]
    if len(clean(name)) > NAME_LIMIT:
        return [Problem("name_too_long", {"option": option, "length": len(clean(name)), "limit": NAME_LIMIT})]
    return []


def clashes(names: Sequence[str], file_of: Iterable[str], option: str) -> list[Problem]:
    """Names that a reader would take for one: the same but for case, or giving the same file name. Names equal
    after normalisation are one name, not a clash."""
    problems = []
    files = list(file_of)
    seen_key: dict[str, str] = {}
    seen_file: dict[str, str] = {}
    for name, file in zip(names, files, strict=True):
        k = key(name)
        if k in seen_key and seen_key[k] != clean(name):
            problems.append(Problem("names_case", {"option": option, "a": seen_key[k], "b": clean(name)}))
            continue
        seen_key.setdefault(k, clean(name))
        if file in seen_file and key(seen_file[file]) != k:
            problems.append(Problem("names_same_file", {"option": option, "a": seen_file[file], "b": clean(name),
                                                        "file": file}))  # fmt: skip
            continue
        seen_file.setdefault(file, clean(name))
    return problems


def year_problems(year: int, option: str) -> list[Problem]:
    """A year the file's ``år`` would refuse (``check`` would), named by its option."""
    from .model import Assessment

    metadata = Assessment.model_fields["ar"].metadata
    low = next(m.ge for m in metadata if hasattr(m, "ge"))
    high = next(m.le for m in metadata if hasattr(m, "le"))
    if low <= year <= high:
        return []
    return [Problem("year_out_of_range", {"option": option, "value": year, "low": low, "high": high})]
