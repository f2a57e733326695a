"""Returned workbooks, checked and filed. The client's file name is shown, never used as a
path: a return is filed under its party's name in the round, found from the respondent inside the file; a party's
earlier return is kept under ``tidigare/`` (renamed, never deleted); a file with problems, or one that is not a
party's return for this round, is kept under ``avvisade/``, out of the round."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import threading
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath

from ..errors import Problem, TolvfaltError
from ..framework import Framework
from ..read import READABLE
from ..read.many import read_one
from ..round import file_name
from ..write import write_atomic
from .folder import ASIDE, EARLIER, RoundFolder, inside
from .forms import Incoming

_filing = threading.Lock()
"""One return filed at a time: two of the same party's at once each keep the other."""


@dataclass
class Filed:
    """What became of one uploaded file."""

    name: str
    outcome: str
    """``accepted``, ``unchanged``, ``aside`` or ``refused``; its message is ``serve_upload_{outcome}``."""
    party: str | None = None
    stored: str | None = None
    """Where it lies now, relative to the round folder."""
    kept: list[str] = field(default_factory=list)
    """The party's earlier return, renamed."""
    reason: Problem | None = None
    problems: list[Problem] = field(default_factory=list)


def file_upload(r: RoundFolder, incoming: Incoming, framework: Framework, now: dt.datetime | None = None) -> Filed:
    """Check one file and put it where it belongs; any problem is the answer, never an exception."""
    now = now or dt.datetime.now()
    suffix = PurePath(incoming.name).suffix.lower()
    if suffix not in READABLE:
        return Filed(incoming.name, "refused", reason=Problem("serve_upload_suffix", {"suffixes": ", ".join(READABLE)}))
    with tempfile.TemporaryDirectory(prefix="tolvfalt-") as tmp:
        path = Path(tmp) / f"inlamning{suffix}"
        path.write_bytes(incoming.data)
        result = read_one(path, framework)
    try:
        if result.problems:
            return _aside(r, incoming, suffix, now, problems=[_unplaced(p) for p in result.problems])
        a = result.loaded
        plan = r.plan
        if a.svarande:
            return _aside(r, incoming, suffix, now, reason=Problem("serve_upload_merged", {}))
        if not a.respondent:
            return _aside(r, incoming, suffix, now, reason=Problem("serve_upload_no_party", {}))
        if plan is not None and (a.forbund, a.ar) != (plan.forbund, plan.ar):
            params = {"forbund": a.forbund, "ar": a.ar, "round": f"{plan.forbund} {plan.ar}"}
            return _aside(r, incoming, suffix, now, reason=Problem("serve_upload_other_round", params))
        if not (a.falt or a.inledning or a.forfattare):
            return _aside(r, incoming, suffix, now, reason=Problem("serve_upload_empty", {"party": a.respondent}))
        with _filing:
            return _accept(r, incoming, suffix, a.respondent, now)
    except TolvfaltError as exc:
        return Filed(incoming.name, "refused", reason=exc.problems[0] if exc.problems else None)


def _unplaced(p: Problem) -> Problem:
    """A problem as the upload page shows it: by its cell and key, not by the temporary file it was read from."""
    return replace(p, file=None)


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60] or "fil"


def _free(folder: Path, stem: str, suffix: str) -> Path:
    for n in range(1000):
        path = folder / (f"{stem}{suffix}" if n == 0 else f"{stem}-{n}{suffix}")
        if not (path.exists() or path.is_symlink()):
            return path
    raise TolvfaltError.one("exists", file=stem)


def _subfolder(r: RoundFolder, name: str) -> Path:
    folder = r.path / name
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise TolvfaltError.one("serve_outside", file=name)
    folder.mkdir(exist_ok=True)
    return folder


def _aside(
    r: RoundFolder,
    incoming: Incoming,
    suffix: str,
    now: dt.datetime,
    *,
    reason: Problem | None = None,
    problems: list[Problem] | None = None,
) -> Filed:
    folder = _subfolder(r, ASIDE)
    target = _free(folder, f"{_stamp(now)}-{_slug(PurePath(incoming.name).stem)}", suffix)
    write_atomic(target, incoming.data)
    return Filed(incoming.name, "aside", stored=f"{ASIDE}/{target.name}", reason=reason, problems=problems or [])


def _accept(r: RoundFolder, incoming: Incoming, suffix: str, party: str, now: dt.datetime) -> Filed:
    plan = r.plan
    invited = next((i for i in (plan.svarande if plan else []) if i.namn.casefold() == party.casefold()), None)
    if invited is not None:
        stem, planned_suffix = PurePath(invited.fil).stem, PurePath(invited.fil).suffix.lower()
        name = invited.fil if planned_suffix == suffix else f"{stem}{suffix}"
    else:
        forbund, ar = (plan.forbund, plan.ar) if plan else ("svar", now.year)
        stem = PurePath(file_name(forbund, ar, party)).stem
        name = f"{stem}{suffix}"
    if PurePath(name).name != name or name.startswith("."):
        raise TolvfaltError.one("serve_outside", file=name)
    target = r.path / name
    if target.is_symlink() or not inside(r.path, target):
        raise TolvfaltError.one("serve_outside", file=name)
    if target.is_file() and target.read_bytes() == incoming.data:
        return Filed(incoming.name, "unchanged", party=party, stored=name)
    kept = []
    for other in (r.path / f"{stem}{s}" for s in READABLE):  # the party's earlier return, under any suffix
        if other.is_file() and not other.is_symlink():
            earlier = _free(_subfolder(r, EARLIER), f"{other.stem}-{_stamp(now)}", other.suffix)
            os.replace(other, earlier)
            kept.append(f"{EARLIER}/{earlier.name}")
    write_atomic(target, incoming.data)
    return Filed(incoming.name, "accepted", party=party, stored=name, kept=kept)
