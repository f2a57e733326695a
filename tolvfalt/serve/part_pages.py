"""Field by field: every party's answers and ratings side by side with last year's, and the form for the
förbundschef's own part of the field; and the form for the own part's metadata (author, date, inledning …)."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import Problem, TolvfaltError
from ..formats.view.common import point_lists, prose
from ..formats.view.rating import legend, rating
from ..merged import Spread
from ..model import Assessment, FieldAnswers
from ..round import RoundStatus
from . import own_part
from .folder import HEAD_FILE, Head, NotFound, RoundFolder, head_of, is_head, last_year
from .forms import read_form
from .site import Site, base, capital, first, site, the_round

KEY_LABELS = {"bedömning": "rating", "uppföljning": "follow_up"}


def _label(s: Site, key: str) -> str:
    return s.t(KEY_LABELS.get(key, key))


def _parties(st: RoundStatus) -> list[tuple[str, Assessment]]:
    """Each party that has returned a readable workbook, by name."""
    found = []
    for e in st.entries:
        a = e.result.assessment if e.result and e.result.ok else None
        if e.returned and a is not None and a.respondent and not is_head(a):
            found.append((e.name or a.respondent, a))
    return found


def _head_parts(s: Site, head: Head) -> dict[str, Any]:
    if head.problems or not head.editable:
        problems = head.problems or [Problem("serve_head_not_yaml", {"file": head.path.name})]
        return {"head_problems": problems, "head_note": None}
    note = s.t("serve_head_new", file=HEAD_FILE) if head.result is None else s.t("serve_head_file", file=head.path.name)
    return {"head_problems": [], "head_note": note}


def _reread(s: Site, r: RoundFolder) -> Head:
    return head_of(r, r.status(s.framework))


def _start(r: RoundFolder) -> dict[str, Any]:
    if r.plan is None:
        raise TolvfaltError.one("serve_no_plan", folder=r.id)
    return {"förbund": r.plan.forbund, "år": r.plan.ar}


def _conflict_rows(
    s: Site, base_values: own_part.Values | None, current: own_part.Values, yours: own_part.Values
) -> list[dict[str, str]]:
    """Each key someone else changed since the form was loaded: before, now in the file, and what this form says."""
    keys = own_part.changed_keys(base_values, current) if base_values else own_part.changed_keys(current, yours)
    shown = own_part.shown
    fw, lang = s.framework, s.lang
    return [
        {
            "label": _label(s, key),
            "before": shown(key, base_values.get(key), fw, lang) if base_values else "–",
            "now": shown(key, current.get(key), fw, lang),
            "yours": shown(key, yours.get(key), fw, lang),
        }
        for key in keys
    ]


# --- a field ----------------------------------------------------------------------------------------------------


def field_context(
    s: Site,
    r: RoundFolder,
    number: int,
    form: own_part.Values | None = None,
    loaded: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """What the field page shows; ``form`` and ``loaded`` (digest and values as the form carried them) when a save
    comes back to the page."""
    fw, lang, t = s.framework, s.lang, s.t
    grid_field = fw.by_number.get(number)
    if grid_field is None:
        raise NotFound(str(number))
    st = r.status(fw)
    head = head_of(r, st)
    parties = _parties(st)
    last = last_year(s.folder, r, fw)
    before = last[0] if last else None

    def last_rating(name: str | None) -> int | None:
        if before is None:
            return None
        if name is None:
            return before.rating(number)
        part = before.svarande.get(name)
        field = part.falt.get(number) if part else None
        return field.bedomning if field else None

    ratings = [(name, rating(fw, a.rating(number), lang), rating(fw, last_rating(name), lang)) for name, a in parties]
    agreed = head.assessment.rating(number) if head.assessment else None
    if parties or agreed is not None or before is not None:  # last year beside, before anyone has answered
        ratings.append((capital(t("head_part")), rating(fw, agreed, lang), rating(fw, last_rating(None), lang)))
    spread = Spread(number, [(name, a.rating(number)) for name, a in parties])
    spread_text = t("serve_spread_text", low=spread.low, high=spread.high) if spread.given else t("serve_no_ratings")
    answers = {name: a.falt.get(number) or FieldAnswers() for name, a in parties}
    questions = [
        {"id": q.id, "text": q(lang), "voices": [(name, prose(f.svar.get(q.letter))) for name, f in answers.items()]}
        for q in grid_field.questions
    ]
    current = own_part.field_values(head.assessment, number)
    values = form if form is not None else current
    follow_ups = list(values["uppföljning"])
    earlier = before.falt.get(number) if before else None
    if form is None and not follow_ups and earlier is not None:
        follow_ups = [{"åtgärd": action, "status": None, "kommentar": None} for action in earlier.atgarder]
    digest, carried = loaded or (own_part.digest(current), own_part.encode(current))
    heading = fw.heading(grid_field, lang)
    year = r.plan.ar if r.plan else 0
    return {
        "title": f"{heading} – {r.plan.forbund if r.plan else r.id} {year}",
        "heading": heading,
        "crumbs": s.crumbs(r, (None, f"{t('field')} {number}")),
        "base": base(r),
        "number": number,
        "numbers": [f.number for f in fw.fields],
        "year": year,
        "ratings": ratings,
        "spread_text": spread_text,
        "disagreement": spread.disagreement,
        "last_from": last[1] if last else None,
        "has_last": last is not None,
        "questions": questions,
        "party_points": [(name, point_lists(f, lang)) for name, f in answers.items() if f.has_points()],
        **_head_parts(s, head),
        "form": values,
        "follow_ups": follow_ups,
        "digest": digest,
        "base_values": carried,
        "scale": [(step.value, step.text) for step in legend(fw, lang)],
        "point_keys": [(key, t(key)) for key in FieldAnswers.POINTS],
        "statuses": own_part.statuses(lang),
        "notes": [],
        "conflict": [],
        "problems": [],
    }


def _number(request: Request) -> int:
    number: int = request.path_params["n"]
    return number


async def field_page(request: Request) -> Response:
    s, r = site(request), the_round(request)
    context = await run_in_threadpool(field_context, s, r, _number(request))
    if "sparat" in request.query_params:
        context["notes"] = [("success", s.t("serve_saved"))]
    return s.page("field", **context)


async def save_field(request: Request) -> Response:
    s, r, number = site(request), the_round(request), _number(request)
    if number not in s.framework.by_number:
        raise NotFound(str(number))
    raw = await read_form(request.headers, request.stream())
    values = own_part.field_from_form(raw)
    return await _save(s, r, request, raw, own_part.Target(number), values, f"{base(r)}falt/{number}")


# --- the metadata -----------------------------------------------------------------------------------------------


def meta_context(
    s: Site, r: RoundFolder, form: own_part.Values | None = None, loaded: tuple[str, str] | None = None
) -> dict[str, Any]:
    t = s.t
    head = head_of(r, r.status(s.framework))
    current = own_part.meta_values(head.assessment)
    digest, carried = loaded or (own_part.digest(current), own_part.encode(current))
    kinds = {"datum": "date", **dict.fromkeys(own_part.PROSE_KEYS, "prose")}
    heading = t("serve_meta_heading")
    return {
        "title": f"{heading} – {r.plan.forbund if r.plan else r.id} {r.year or ''}",
        "heading": heading,
        "crumbs": s.crumbs(r, (None, heading)),
        "base": base(r),
        **_head_parts(s, head),
        "form": form if form is not None else current,
        "keys": [(key, _label(s, key), kinds.get(key, "line")) for key in own_part.META_KEYS],
        "digest": digest,
        "base_values": carried,
        "notes": [],
        "conflict": [],
        "problems": [],
    }


async def meta_page(request: Request) -> Response:
    s, r = site(request), the_round(request)
    context = await run_in_threadpool(meta_context, s, r)
    if "sparat" in request.query_params:
        context["notes"] = [("success", s.t("serve_saved"))]
    return s.page("meta", **context)


async def save_meta(request: Request) -> Response:
    s, r = site(request), the_round(request)
    raw = await read_form(request.headers, request.stream())
    values = own_part.meta_from_form(raw)
    return await _save(s, r, request, raw, own_part.Target(None), values, f"{base(r)}uppgifter")


# --- saving either ----------------------------------------------------------------------------------------------


async def _save(
    s: Site,
    r: RoundFolder,
    request: Request,
    raw: dict[str, list[str]],
    target: own_part.Target,
    values: own_part.Values,
    page: str,
) -> Response:
    """Save, and go back to the page; a conflict (409) or values the model refuses (422) show the page again with
    what was typed kept in the form."""
    loaded_digest, carried = first(raw, "digest"), first(raw, "base")

    def context(form: own_part.Values, loaded: tuple[str, str]) -> dict[str, Any]:
        if target.number is None:
            return meta_context(s, r, form, loaded)
        return field_context(s, r, target.number, form, loaded)

    try:
        await run_in_threadpool(
            own_part.save, lambda: _reread(s, r), target, values, loaded_digest, s.framework, _start(r)
        )
    except own_part.Conflict as conflict:
        current = conflict.current
        base_values = own_part.decode(carried)
        if base_values is not None and own_part.digest(base_values) != loaded_digest:
            base_values = None
        loaded = (own_part.digest(current), own_part.encode(current))
        page_context = await run_in_threadpool(context, values, loaded)
        page_context["conflict"] = _conflict_rows(s, base_values, current, values)
        return s.page("meta" if target.number is None else "field", 409, **page_context)
    except TolvfaltError as exc:
        page_context = await run_in_threadpool(context, values, (loaded_digest, carried))
        page_context["problems"] = exc.problems
        return s.page("meta" if target.number is None else "field", 422, **page_context)
    return RedirectResponse(f"{page}?sparat=1#egen-del" if target.number else f"{page}?sparat=1", status_code=303)
