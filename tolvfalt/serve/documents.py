"""What the app hands out: the round's document in every format, the merged file, the comparison with earlier
years, and the workbooks still to be sent out as one zip. All of it made by the library from the folder."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePath

from ..errors import Problem
from ..framework import Framework
from ..i18n import Lang
from ..merged import Merged
from ..model import Assessment
from ..round import RoundStatus
from .folder import Folder, RoundFolder, head_of, inside, is_head, last_year

DOCUMENT_FORMATS = ("pdf", "docx", "xlsx", "md", "html")
COMPARISON_FORMATS = ("pdf", "xlsx", "html", "csv")
MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "yaml": "application/yaml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "zip": "application/zip",
}


@dataclass
class RoundDocument:
    """The round merged: every party's answers and the own part, with what merge warns of, and last year."""

    merged: Merged
    assessment: Assessment
    previous: Assessment | None
    previous_from: str | None
    warnings: list[Problem] = field(default_factory=list)


def round_document(folder: Folder, r: RoundFolder, s: RoundStatus, framework: Framework) -> RoundDocument:
    """Raises ``TolvfaltError`` while the round cannot be merged (a file with problems, no party has answered)."""
    from ..api import merge

    head = head_of(r, s)
    own = head.path if is_head(head.assessment) and not head.ambiguous else None
    merged = merge([r.path], framework, head=own)
    last = last_year(folder, r, framework)
    return RoundDocument(
        merged, merged.combined(), last[0] if last else None, last[1] if last else None, list(merged.warnings)
    )


def render_document(doc: RoundDocument, fmt: str, lang: Lang, framework: Framework) -> str | bytes:
    from ..formats import render

    if fmt == "yaml":
        return render(doc.merged, "yaml", lang, framework=framework)
    if fmt == "merged.html":
        return render(doc.merged, "html", lang, framework=framework)
    options = {"previous": doc.previous} if doc.previous is not None and fmt != "xlsx" else {}
    return render(doc.assessment, fmt, lang, framework=framework, **options)


def comparison_files(folder: Folder, framework: Framework) -> list[Path]:
    """What the comparison reads: each round's returned, readable files (the own part among them) and the
    assessments lying in the root."""
    paths = []
    for r in folder.rounds():
        if r.plan is None:
            continue
        for e in r.status(framework).entries:
            if e.file and e.result and e.result.ok and e.returned:
                paths.append(r.path / e.file)
    paths += [Path(f.source) for f in folder.loose_files(framework) if f.ok]
    return [p for p in paths if inside(folder.root, p)]


def render_comparison(folder: Folder, fmt: str, lang: Lang, framework: Framework) -> str | bytes:
    """Raises ``TolvfaltError`` when there is nothing to compare."""
    from ..api import compare
    from ..formats import render

    return render(compare(comparison_files(folder, framework), framework), fmt, lang)


def outgoing_zip(r: RoundFolder, s: RoundStatus) -> tuple[bytes, list[str]]:
    """The workbooks of the round nobody has returned yet, as they were sent, in one zip to attach to e-mails."""
    names = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for e in s.entries:
            if not e.expected or e.returned or not e.file or e.name is None:
                continue
            if r.plan is None or e.file not in {i.fil for i in r.plan.svarande}:
                continue
            path = r.path / e.file
            if PurePath(e.file).name != e.file or not path.is_file() or not inside(r.path, path):
                continue
            archive.writestr(e.file, path.read_bytes())
            names.append(e.file)
    return buffer.getvalue(), names


@cache
def pdf_missing() -> str | None:
    """Why PDF cannot be written here (WeasyPrint or Pango missing), or None."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"{type(exc).__name__}: {exc}"[:200]
    return None
