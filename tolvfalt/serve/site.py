"""What every page handler shares: the site (folder, framework, language, pages), the round a request names, the
trail back to the overview, and the answer as a page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..framework import Framework
from ..i18n import Lang
from .folder import Folder, RoundFolder
from .render import Renderer

Crumbs = list[tuple[str | None, str]]


@dataclass
class Site:
    folder: Folder
    framework: Framework
    lang: Lang
    renderer: Renderer

    def t(self, key: str, **params: object) -> str:
        return self.renderer.t(key, **params)

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("crumbs", [])
        return HTMLResponse(self.renderer.page(name, **context), status_code=status)

    def message(self, status: int, heading: str, *texts: str, **context: Any) -> HTMLResponse:
        context.setdefault("problems", [])
        context.setdefault("back", ("/", self.t("serve_back_overview")))
        return self.page("message", status, title=heading, heading=heading, texts=list(texts), **context)

    def crumbs(self, r: RoundFolder | None = None, *rest: tuple[str | None, str]) -> Crumbs:
        trail: Crumbs = [("/", self.t("serve_overview_heading"))]
        if r is not None:
            trail.append((base(r), round_title(r)))
        return [*trail, *rest]


def site(request: Request) -> Site:
    found: Site = request.app.state.site
    return found


def the_round(request: Request) -> RoundFolder:
    """The round the address names (``NotFound`` if there is none by that name)."""
    return site(request).folder.round(request.path_params["id"])


def base(r: RoundFolder) -> str:
    return f"/omgang/{quote(r.id, safe='')}/"


def round_title(r: RoundFolder) -> str:
    return f"{r.plan.forbund} {r.plan.ar}" if r.plan else r.id


def first(form: dict[str, list[str]], key: str) -> str:
    values = form.get(key) or [""]
    return values[0]


def capital(text: str) -> str:
    """``förbundschefens del`` as a row's heading: Förbundschefens del."""
    return text[:1].upper() + text[1:]
