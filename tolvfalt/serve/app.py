"""The app: its routes, the guard in front of them, its style sheet and script, and an answer in words for every
error (never a traceback)."""

from __future__ import annotations

import logging
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import TolvfaltError
from ..framework import Framework
from ..i18n import Lang, message
from . import document_pages, part_pages, round_pages
from .folder import Folder, NotFound
from .forms import BadRequest
from .render import Renderer
from .security import Guard, Served, harden
from .site import Site, site

log = logging.getLogger("tolvfalt.serve")


def routes() -> list[Route]:
    return [
        Route("/", round_pages.overview),
        Route("/ny", round_pages.start_form, methods=["GET"]),
        Route("/ny", round_pages.start, methods=["POST"]),
        Route("/static/tolvfalt.css", _css),
        Route("/static/tolvfalt.js", _script),
        Route("/jamforelse", document_pages.comparison_page),
        Route("/jamforelse/forhandsvisning", document_pages.comparison_preview),
        Route("/jamforelse.{fmt}", document_pages.comparison_download),
        Route("/omgang/{id}/", round_pages.round_page),
        Route("/omgang/{id}/inlamning", round_pages.upload, methods=["POST"]),
        Route("/omgang/{id}/arbetsbocker.zip", round_pages.outgoing),
        Route("/omgang/{id}/falt/{n:int}", part_pages.field_page, methods=["GET"]),
        Route("/omgang/{id}/falt/{n:int}", part_pages.save_field, methods=["POST"]),
        Route("/omgang/{id}/uppgifter", part_pages.meta_page, methods=["GET"]),
        Route("/omgang/{id}/uppgifter", part_pages.save_meta, methods=["POST"]),
        Route("/omgang/{id}/dokument", document_pages.document_page),
        Route("/omgang/{id}/forhandsvisning", document_pages.preview),
        Route("/omgang/{id}/{name}", document_pages.download),
    ]


def create_app(folder: Path, framework: Framework, lang: Lang = "sv", served: Served | None = None) -> Starlette:
    """The app over ``folder``. ``served`` is the address it answers on (the Host it accepts, the token it asks
    for); default 127.0.0.1:8012."""
    served = served or Served("127.0.0.1", 8012)
    renderer = Renderer(framework, lang, folder.resolve().name or str(folder))
    the_site = Site(Folder(folder), framework, lang, renderer)

    async def refuse(status: int, code: str) -> Response:
        return the_site.message(status, the_site.t("serve_refused"), message(code, lang), back=None)

    app = Starlette(
        routes=routes(),
        middleware=[Middleware(Guard, served=served, refuse=refuse)],
        exception_handlers={
            NotFound: _not_found,
            HTTPException: _http_error,
            BadRequest: _bad_request,
            TolvfaltError: _user_error,
            Exception: _fault,
        },
    )
    app.state.site = the_site
    return app


async def _css(request: Request) -> Response:
    return Response(site(request).renderer.css, media_type="text/css; charset=utf-8")


async def _script(request: Request) -> Response:
    return Response(site(request).renderer.script, media_type="text/javascript; charset=utf-8")


async def _not_found(request: Request, exc: Exception) -> Response:
    s = site(request)
    return s.message(404, s.t("serve_not_found"), s.t("serve_not_found_text"))


async def _http_error(request: Request, exc: Exception) -> Response:
    s = site(request)
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 404:
        return await _not_found(request, exc)
    return s.message(status, s.t("serve_refused"), s.t("serve_http_error", status=status))


async def _bad_request(request: Request, exc: Exception) -> Response:
    s = site(request)
    assert isinstance(exc, BadRequest)
    text = message(exc.code, s.lang, **exc.params)
    return s.message(exc.status, s.t("serve_refused"), text, back=(request.url.path, s.t("serve_back")))


async def _user_error(request: Request, exc: Exception) -> Response:
    s = site(request)
    assert isinstance(exc, TolvfaltError)
    return s.message(422, s.t("serve_cannot"), problems=exc.problems)


async def _fault(request: Request, exc: Exception) -> Response:
    """A fault of tolvfalt's own: one line in the terminal and a page that says so (answered outside the guard,
    so it carries the security headers itself)."""
    s = site(request)
    detail = f"{type(exc).__name__}: {exc}"[:300]
    log.error("%s", message("internal_error", s.lang, detail=detail))
    response = s.message(500, s.t("serve_fault"), message("internal_error", s.lang, detail=detail))
    harden(response.headers)
    return response
