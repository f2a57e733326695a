"""The overview of the folder's rounds, the form that starts a round, a round's status with its upload form, and
the zip of the workbooks still out."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import Problem, TolvfaltError
from ..formats.view.rating import rating
from ..merged import Spread
from ..round import RoundStatus
from .documents import MEDIA, outgoing_zip
from .folder import RoundFolder, head_of, inside, is_head, merged_round
from .forms import BadRequest, read_files, read_form
from .site import Site, base, capital, first, round_title, site, the_round
from .uploads import Filed, file_upload

MAX_PARTIES = 100


async def overview(request: Request) -> Response:
    s = site(request)
    rounds = await run_in_threadpool(s.folder.rounds)
    rows = [
        {
            "href": base(r),
            "title": str(r.year) if r.year else r.id,
            "forbund": r.plan.forbund if r.plan else "",
            "deadline": r.plan.sista_dag.isoformat() if r.plan and r.plan.sista_dag else None,
            "invited": len(r.plan.svarande) if r.plan else 0,
            "problems": r.problems,
        }
        for r in rounds
    ]
    title = s.t("serve_overview_heading")
    return s.page("overview", title=title, rounds=rows, can_start=not s.folder.is_round)


# --- starting a round -------------------------------------------------------------------------------------------


@dataclass
class Candidate:
    """Last year's assessment, as the start form offers it: a round in the folder, or a file in its root."""

    key: str
    text: str
    forbund: str
    ar: int
    parties: list[str]
    contact: str | None
    round: RoundFolder | None = None
    path: Path | None = None


def candidates(s: Site) -> list[Candidate]:
    found = [
        Candidate(
            f"omgang:{r.id}",
            s.t("serve_previous_round", år=r.plan.ar, folder=r.id),
            r.plan.forbund,
            r.plan.ar,
            [i.namn for i in r.plan.svarande],
            r.plan.kontakt,
            round=r,
        )
        for r in s.folder.rounds()
        if r.plan is not None
    ]
    for f in s.folder.loose_files(s.framework):
        a = f.assessment
        if a is not None and a.respondent is None:
            text = s.t("serve_previous_file", file=Path(f.source).name, forbund=a.forbund, år=a.ar)
            found.append(Candidate(f"fil:{Path(f.source).name}", text, a.forbund, a.ar, list(a.svarande), None,
                                   path=Path(f.source)))  # fmt: skip
    return sorted(found, key=lambda c: -c.ar)


def _defaults(s: Site, found: list[Candidate]) -> dict[str, str]:
    if found:
        c = found[0]
        names = c.parties or s.renderer.lines("serve_default_parties")
        return {"previous": c.key, "forbund": c.forbund, "ar": str(c.ar + 1), "parties": "\n".join(names),
                "deadline": "", "contact": c.contact or ""}  # fmt: skip
    parties = "\n".join(s.renderer.lines("serve_default_parties"))
    return {"previous": "", "forbund": "", "ar": str(dt.date.today().year), "parties": parties, "deadline": "",
            "contact": ""}  # fmt: skip


def _start_page(
    s: Site, form: dict[str, str], found: list[Candidate], problems: list[Problem], status: int = 200
) -> Response:
    title = s.t("serve_start_heading")
    return s.page("start", status, title=title, crumbs=s.crumbs(None, (None, title)), form=form,
                  candidates=[(c.key, c.text) for c in found], problems=problems)  # fmt: skip


async def start_form(request: Request) -> Response:
    s = site(request)
    if s.folder.is_round:
        return s.message(409, s.t("serve_start_heading"), s.t("serve_is_round"))
    found = await run_in_threadpool(candidates, s)
    return _start_page(s, _defaults(s, found), found, [])


async def start(request: Request) -> Response:
    s = site(request)
    if s.folder.is_round:
        return s.message(409, s.t("serve_start_heading"), s.t("serve_is_round"))
    raw = await read_form(request.headers, request.stream())
    form = {k: first(raw, k).strip() for k in ("previous", "forbund", "ar", "parties", "deadline", "contact")}
    found = await run_in_threadpool(candidates, s)
    problems = []
    year = int(form["ar"]) if form["ar"].isdigit() and len(form["ar"]) == 4 else None
    if year is None:
        problems.append(Problem("serve_bad_year", {"value": form["ar"]}, key="år"))
    try:
        deadline = dt.date.fromisoformat(form["deadline"]) if form["deadline"] else None
    except ValueError:
        deadline = None
        problems.append(Problem("not_date", {"value": form["deadline"]}, key="sista_dag"))
    parties = [p.strip() for p in form["parties"].replace("\r", "\n").split("\n") if p.strip()]
    if not parties or len(parties) > MAX_PARTIES:
        problems.append(Problem("serve_bad_parties", {"limit": MAX_PARTIES}, key="svarande"))
    chosen = next((c for c in found if c.key == form["previous"]), None)
    if form["previous"] and chosen is None:
        problems.append(Problem("serve_previous_gone", {}))
    if problems or year is None:
        return _start_page(s, form, found, problems, 422)
    target = s.folder.new_round_path(year)
    if (target.exists() or target.is_symlink()) and not inside(s.folder.root, target):
        return _start_page(s, form, found, [Problem("serve_outside", {}, file=target.name)], 422)
    try:
        await run_in_threadpool(_send_out, s, target, parties, form, year, deadline, chosen)
    except TolvfaltError as exc:
        return _start_page(s, form, found, exc.problems, 422)
    return RedirectResponse(f"/omgang/{target.name}/?startad=1", status_code=303)


def _send_out(
    s: Site, target: Path, parties: list[str], form: dict[str, str], year: int, deadline: dt.date | None,
    chosen: Candidate | None,
) -> None:  # fmt: skip
    from ..api import send_out
    from ..formats.data import assessment_yaml

    with tempfile.TemporaryDirectory(prefix="tolvfalt-") as tmp:
        previous = chosen.path if chosen else None
        if chosen is not None and chosen.round is not None:
            last = merged_round(chosen.round, s.framework)
            if last is None:
                raise TolvfaltError.one("serve_previous_unmerged", folder=chosen.round.id)
            previous = Path(tmp) / f"{chosen.round.id}.yaml"
            previous.write_text(assessment_yaml(last), "utf-8")
        send_out(target, parties, forbund=form["forbund"] or None, ar=year, deadline=deadline,
                 contact=form["contact"] or None, previous=previous, framework=s.framework, lang=s.lang)  # fmt: skip


# --- a round's status -------------------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    file: str | None
    returned_text: str
    answered: str
    rated: str
    badges: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def round_context(s: Site, r: RoundFolder) -> dict[str, Any]:
    """What the status page shows: who has returned, how complete, what is wrong; the grid of fields."""
    t = s.t
    st = r.status(s.framework) if not r.problems else RoundStatus(r.id, None, [])
    head = head_of(r, st)
    rows, parties = [], []
    late = r.late()
    for e in st.entries:
        a = e.result.assessment if e.result else None
        own = is_head(a)
        done = e.result.completeness if e.result else None
        badges = []
        if late and e.expected and not e.returned and not own:
            badges.append(("late", t("serve_late")))
        if e.open_in_excel:
            badges.append(("excel", t("open_in_excel")))
        if not e.expected:
            badges.append(("unexpected", t("unexpected")))
        rows.append(Row(
            capital(e.name) if own and e.name else e.name or e.file or "–", e.file, t("yes" if e.returned else "no"),
            f"{len(done.answered)}/{done.total}" if done and e.returned else "–",
            str(e.rated) if e.returned else "–", badges, list(e.result.problems if e.result else []),
        ))  # fmt: skip
        if e.returned and a is not None and a.respondent and not own:
            parties.append((e.name or a.respondent, a))
    invited = r.plan.svarande if r.plan else []
    returned = sum(1 for e in st.entries if e.expected and e.returned and e.name in {i.namn for i in invited})
    outgoing = sum(1 for e in st.entries if e.expected and not e.returned and e.file in {i.fil for i in invited})
    agreed = head.assessment
    grid = []
    for row, cells in zip(s.framework.rows, s.framework.grid(), strict=True):
        shown = []
        for f in cells:
            spread = Spread(f.number, [(name, a.rating(f.number)) for name, a in parties])
            given = t("serve_spread_short", low=spread.low, high=spread.high) if spread.given else None
            value = agreed.rating(f.number) if agreed else None
            shown.append({
                "number": f.number,
                "agreed": value,
                "agreed_text": rating(s.framework, value, s.lang).text,
                "spread": given or t("serve_no_ratings"),
                "disagreement": spread.disagreement,
            })  # fmt: skip
        grid.append({"label": row(s.lang), "cells": shown})
    due = r.plan.sista_dag if r.plan else None
    deadline = t("serve_deadline_line", date=due.isoformat()) if due else None
    if deadline and late:
        deadline += f" ({t('serve_deadline_passed')})"
    return {
        "title": round_title(r),
        "heading": round_title(r),
        "crumbs": s.crumbs(None, (None, round_title(r))),
        "base": base(r),
        "deadline": deadline,
        "round_problems": r.problems,
        "entries": rows,
        "returned": returned,
        "expected": len(invited),
        "outgoing": outgoing,
        "columns": [c(s.lang) for c in s.framework.columns],
        "grid": grid,
        "notes": [],
        "filed": [],
        "started": False,
    }


async def round_page(request: Request) -> Response:
    s, r = site(request), the_round(request)
    context = await run_in_threadpool(round_context, s, r)
    context["started"] = "startad" in request.query_params
    return s.page("round", **context)


def _filed_row(s: Site, f: Filed) -> dict[str, Any]:
    text = s.t(f"serve_upload_{f.outcome}", party=f.party or "", file=f.stored or "")
    return {"name": f.name, "outcome": f.outcome, "text": text, "reason": f.reason, "kept": f.kept,
            "problems": f.problems}  # fmt: skip


async def upload(request: Request) -> Response:
    s, r = site(request), the_round(request)
    if r.plan is None:
        raise TolvfaltError.one("serve_no_plan", folder=r.id)
    files = await read_files(request.headers, request.stream())
    filed = [await run_in_threadpool(file_upload, r, f, s.framework) for f in files]
    context = await run_in_threadpool(round_context, s, r)
    if not files:
        context["notes"] = [("error", s.t("serve_upload_none"))]
        return s.page("round", 400, **context)
    context["filed"] = [_filed_row(s, f) for f in filed]
    return s.page("round", **context)


async def outgoing(request: Request) -> Response:
    s, r = site(request), the_round(request)

    def build() -> tuple[bytes, list[str]]:
        st = r.status(s.framework)
        return outgoing_zip(r, st)

    data, names = await run_in_threadpool(build)
    if not names:
        return s.message(404, s.t("serve_zip"), s.t("serve_zip_empty"), back=(base(r), round_title(r)))
    name = f"arbetsbocker-{r.year}.zip" if r.year else "arbetsbocker.zip"
    return Response(data, media_type=MEDIA["zip"], headers={"content-disposition": f'attachment; filename="{name}"'})


__all__ = ["BadRequest", "outgoing", "overview", "round_page", "start", "start_form", "upload"]
