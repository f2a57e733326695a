"""Kartläggningar written by hand (Word, OpenDocument, PDF, plain text) into assessment files: every sentence in the
question it answers, every uncertain placement said, nothing lost.

    imported = import_document("kartlaggning-2009.docx")
    imported.assessment      # the Assessment, validated
    imported.yaml            # the assessment file, with a comment above every uncertain placement
    imported.uncertain       # those placements, as problems with their place in the document
    imported.unplaced        # text that could not be placed (it is in the inledning, marked for review)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Problem, TolvfaltError
from ..i18n import Lang, label, message

if TYPE_CHECKING:
    from ..framework import Framework
    from ..model import Assessment
    from .blocks import Block
    from .draft import Draft, Note

SUFFIXES = (".docx", ".doc", ".odt", ".pdf", ".txt")
"""The documents ``import_document`` reads."""
EXCERPT = 60


@dataclass(frozen=True)
class Imported:
    source: str
    """The document, as the user named it."""
    assessment: Assessment
    yaml: str
    """The assessment file: what ``assessment`` loads from, with the uncertain placements as comments."""
    uncertain: tuple[Problem, ...]
    unplaced: tuple[Problem, ...]


def import_document(
    path: str | Path,
    framework: Framework | None = None,
    *,
    lang: Lang = "sv",
    forbund: str | None = None,
    ar: int | None = None,
) -> Imported:
    """Read a kartläggning from ``path`` (.docx, .doc, .odt, .pdf, .txt). ``forbund`` and ``ar`` stand in for what
    the document does not say. A document in which no field of the framework is found raises ``TolvfaltError``
    (code ``import_no_field``); so does one that cannot be read."""
    from ..read import validate
    from ..read.framework import default_framework
    from ..read.source import display_name
    from ..read.yaml import parse_yaml
    from .structure import recognise
    from .writer import to_yaml

    path = Path(path)
    framework = framework or default_framework()
    name = display_name(path)
    blocks, read_notes = read_blocks(path, name)
    draft = recognise(blocks, framework)
    draft.notes[:0] = read_notes
    if not draft.fields:
        raise TolvfaltError.one("import_no_field", file=name)
    data = _assemble(draft, framework, path, lang, forbund, ar)
    problems = [_problem(n, name, lang) for n in draft.notes]
    comments: dict[str, list[str]] = {}
    for note in draft.notes:
        prefix = label("import_unplaced_prefix" if note.code == "import_unplaced" else "import_uncertain_prefix", lang)
        place = f"{note.place.text(lang)}: " if note.place else ""
        comments.setdefault(note.key or "", []).append(f"{prefix}: {place}{message(note.code, lang, **note.params)}")
    header = [label("import_header", lang, file=path.name)]
    text = to_yaml(data, framework, comments, header, lang, draft.fields)
    assessment = validate(parse_yaml(text, name), framework)
    return Imported(
        name,
        assessment,
        text,
        tuple(p for p in problems if p.code != "import_unplaced"),
        tuple(p for p in problems if p.code == "import_unplaced"),
    )


def read_blocks(path: Path, name: str) -> tuple[list[Block], list[Note]]:
    """The document's blocks, by its kind (the file's first bytes, then its suffix)."""
    from ..read.package import OLE2
    from .draft import Note

    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise TolvfaltError.one(
            "import_unknown_format", file=name, suffix=path.suffix or path.name, formats=", ".join(SUFFIXES)
        )
    head = _head(path)
    if suffix == ".doc" or (suffix == ".docx" and head.startswith(OLE2) and not _encrypted_ooxml(path)):
        if head.startswith(b"PK"):  # a .docx under an old name
            from .docx import read_docx

            return read_docx(path, name), []
        from .convert import convert_to_docx
        from .docx import blocks_from_bytes

        return blocks_from_bytes(convert_to_docx(path, name), name), [Note("import_converted", None)]
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(path, name), []
    if suffix == ".odt":
        from .odt import read_odt

        return read_odt(path, name), []
    if suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(path, name), [Note("import_pdf_read", None)]
    from .plain import read_text_file

    blocks, cp1252 = read_text_file(path, name)
    return blocks, [Note("import_cp1252", None)] if cp1252 else []


def _head(path: Path) -> bytes:
    """The first bytes of a regular file (what kind it is); anything else is left to the reader to refuse."""
    try:
        if not path.is_file():
            return b""
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError:
        return b""


def _encrypted_ooxml(path: Path) -> bool:
    """A password-protected .docx is an OLE2 file too; only an old Word file is converted."""
    from ..read.source import read_bytes

    return b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in read_bytes(path, 50)


def _assemble(
    draft: Draft, framework: Framework, path: Path, lang: Lang, forbund: str | None, ar: int | None
) -> dict[str, Any]:
    """The draft as the plain data of an assessment file; what the document does not say is taken from the
    arguments, the date or the file name, with a note."""
    from ..model import Assessment

    meta = dict(draft.meta)
    data: dict[str, Any] = {}
    if forbund:
        meta["förbund"] = forbund
    if not meta.get("förbund"):
        meta["förbund"] = label("import_unknown_forbund", lang)
        draft.note("import_no_forbund", None, "förbund")
    if ar:
        meta["år"] = ar
    if "år" not in meta:
        year, code = _year(meta, path)
        meta["år"] = year
        draft.note(code, None, "år", year=year)
    for key in Assessment.METADATA:
        if key not in ("utkast", "insatser", "inledning") and meta.get(key) is not None:
            data[key] = meta[key]
    if meta.get("utkast"):
        data["utkast"] = True
    inledning = list(draft.inledning)
    if draft.unplaced:
        inledning.append(label("import_review_marker", lang, file=path.name))
        for place, text in draft.unplaced:
            first, *more = text.split("\n\n")
            inledning.append(f"({place.text(lang)}) {first}")
            inledning.extend(more)
            excerpt = first if len(first) <= EXCERPT else first[: EXCERPT - 1] + "…"
            draft.note("import_unplaced", place, "inledning", excerpt=excerpt)
    if inledning:
        data["inledning"] = "\n\n".join(inledning)
    if draft.insatser:
        data["insatser"] = draft.insatser
    fields: dict[int, dict[str, Any]] = {}
    for field in framework.fields:
        n = field.number
        entry: dict[str, Any] = {}
        svar = {q.letter: "\n\n".join(draft.answers[q.id]) for q in field.questions if draft.answers.get(q.id)}
        if svar:
            entry["svar"] = svar
        if n in draft.ratings:
            entry["bedömning"] = draft.ratings[n]
        for key, items in draft.points.get(n, {}).items():
            entry[key] = items
        if draft.analys.get(n):
            entry["analys"] = "\n\n".join(draft.analys[n])
        if draft.follow_ups.get(n):
            entry["uppföljning"] = draft.follow_ups[n]
        if entry:
            fields[n] = entry
    data["fält"] = fields
    if draft.avslutning:
        data["avslutning"] = "\n\n".join(draft.avslutning)
    return data


def _year(meta: dict[str, Any], path: Path) -> tuple[int, str]:
    if isinstance(meta.get("datum"), dt.date):
        return meta["datum"].year, "import_year_from_date"
    m = re.search(r"(?<!\d)(19[5-9]\d|2[01]\d\d)(?!\d)", path.stem)
    if m:
        return int(m.group(1)), "import_year_from_name"
    return dt.date.today().year, "import_year_unknown"


def _problem(note: Note, file: str, lang: Lang) -> Problem:
    return Problem(
        note.code, dict(note.params), file=file, line=note.place.text(lang) if note.place else None, key=note.key
    )


def documents_in(folder: Path) -> list[Path]:
    """The documents in a folder that ``import_document`` reads, in name order (lock and resource files left out)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "._", "."))
    )
