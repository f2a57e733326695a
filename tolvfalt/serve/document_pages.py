"""The document: its preview in the app's frame, the downloads in every format, and the comparison with earlier
years. A document that cannot be made (a file with problems, nobody has answered, PDF without WeasyPrint) is a
page that says why."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..errors import TolvfaltError
from ..i18n import message
from .documents import (
    COMPARISON_FORMATS,
    MEDIA,
    comparison_files,
    pdf_missing,
    render_comparison,
    render_document,
    round_document,
)
from .folder import NotFound, RoundFolder
from .security import DOCUMENT_POLICY
from .site import Site, base, round_title, site, the_round

DOWNLOADS = {
    "dokument.pdf": "pdf",
    "dokument.docx": "docx",
    "dokument.xlsx": "xlsx",
    "dokument.md": "md",
    "dokument.html": "html",
    "sammanstallning.yaml": "yaml",
    "sammanstallning.html": "merged.html",
}
"""The files a round's document page offers, by the name in the address."""
FORMAT_LABELS = {"pdf": "serve_pdf", "docx": "serve_docx", "xlsx": "serve_xlsx", "md": "serve_md", "html": "serve_html",
                 "yaml": "serve_download_yaml", "merged.html": "serve_download_merged", "csv": "serve_csv"}  # fmt: skip


def _attachment(data: str | bytes, fmt: str, name: str) -> Response:
    media = MEDIA[fmt.rsplit(".", 1)[-1]]
    return Response(data, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'})


def _preview(data: str | bytes) -> Response:
    """A document tolvfalt wrote, shown as it is, in the app's frame: its own style sheet, no script."""
    return Response(data, media_type=MEDIA["html"], headers={"content-security-policy": DOCUMENT_POLICY})


def document_context(s: Site, r: RoundFolder) -> dict[str, Any]:
    t = s.t
    heading = t("serve_document_title", title=round_title(r))
    context: dict[str, Any] = {
        "title": heading,
        "heading": heading,
        "crumbs": s.crumbs(r, (None, t("serve_document_heading"))),
        "problems": [],
        "warnings": [],
    }
    try:
        doc = round_document(s.folder, r, r.status(s.framework), s.framework)
    except TolvfaltError as exc:
        return {**context, "problems": exc.problems, "intro": t("serve_document_blocked")}
    missing = pdf_missing()
    downloads: list[tuple[str | None, str, str | None]] = []
    for name, fmt in DOWNLOADS.items():
        if fmt == "pdf" and missing:
            downloads.append((None, t(FORMAT_LABELS[fmt]), message("no_weasyprint", s.lang, detail=missing)))
        else:
            downloads.append((base(r) + name, t(FORMAT_LABELS[fmt]), None))
    downloads.append(("/jamforelse", t("serve_comparison_link"), None))
    return {
        **context,
        "warnings": doc.warnings,
        "downloads": downloads,
        "previous_note": t("serve_previous_note", source=doc.previous_from) if doc.previous_from else None,
        "preview": f"{base(r)}forhandsvisning",
        "preview_title": t("serve_preview_title", title=round_title(r)),
    }


async def document_page(request: Request) -> Response:
    s, r = site(request), the_round(request)
    context = await run_in_threadpool(document_context, s, r)
    return s.page("document", **context)


def _document(s: Site, r: RoundFolder, fmt: str) -> str | bytes:
    doc = round_document(s.folder, r, r.status(s.framework), s.framework)
    return render_document(doc, fmt, s.lang, s.framework)


async def preview(request: Request) -> Response:
    s, r = site(request), the_round(request)
    return _preview(await run_in_threadpool(_document, s, r, "html"))


async def download(request: Request) -> Response:
    s, r = site(request), the_round(request)
    name = request.path_params["name"]
    fmt = DOWNLOADS.get(name)
    if fmt is None:
        raise NotFound(name)
    data = await run_in_threadpool(_document, s, r, fmt)
    stem, _, suffix = name.partition(".")
    year = f"-{r.year}" if r.year else ""
    return _attachment(data, fmt, f"{'kartlaggning' if stem == 'dokument' else stem}{year}.{suffix}")


# --- the comparison ---------------------------------------------------------------------------------------------


def comparison_context(s: Site) -> dict[str, Any]:
    t = s.t
    heading = t("comparison")
    files = comparison_files(s.folder, s.framework)
    missing = pdf_missing()
    downloads: list[tuple[str | None, str, str | None]] = []
    for fmt in COMPARISON_FORMATS:
        if fmt == "pdf" and missing:
            downloads.append((None, t(FORMAT_LABELS[fmt]), message("no_weasyprint", s.lang, detail=missing)))
        else:
            downloads.append((f"/jamforelse.{fmt}", t(FORMAT_LABELS[fmt]), None))
    context: dict[str, Any] = {
        "title": heading,
        "heading": heading,
        "crumbs": s.crumbs(None, (None, heading)),
        "problems": [],
        "warnings": [],
        "downloads": downloads,
        "previous_note": t("serve_comparison_files", n=len(files)),
        "preview": "/jamforelse/forhandsvisning",
        "preview_title": heading,
    }
    if not files:
        from ..errors import Problem

        return {**context, "problems": [Problem("no_files", {})], "intro": t("serve_comparison_empty")}
    return context


async def comparison_page(request: Request) -> Response:
    s = site(request)
    return s.page("document", **(await run_in_threadpool(comparison_context, s)))


async def comparison_preview(request: Request) -> Response:
    s = site(request)
    return _preview(await run_in_threadpool(render_comparison, s.folder, "html", s.lang, s.framework))


async def comparison_download(request: Request) -> Response:
    s = site(request)
    fmt = request.path_params["fmt"]
    if fmt not in COMPARISON_FORMATS:
        raise NotFound(fmt)
    data = await run_in_threadpool(render_comparison, s.folder, fmt, s.lang, s.framework)
    return _attachment(data, fmt, f"jamforelse.{fmt}")
