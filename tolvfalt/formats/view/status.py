"""The yearly round as a förbundschef reads it: a row per party with what it returned, how complete, the first
problem in words, and who is late."""

from __future__ import annotations

from typing import NamedTuple

from ...i18n import Lang, label
from ...round import RoundStatus
from ...text import visible


class StatusRow(NamedTuple):
    who: str
    returned: bool
    returned_text: str
    """``ja``, ``nej``, ``nej, sen``, ``ja, öppen i Excel``."""
    answered: str
    rated: str
    problem: str
    """The first problem in words and how many more; empty when there is none."""
    ok: bool


class StatusView(NamedTuple):
    title: str
    columns: list[str]
    rows: list[StatusRow]
    late: str | None
    """``Sista dagen har passerat för: Regionen.``"""


def status(s: RoundStatus, lang: Lang) -> StatusView:
    title = f"{s.round.forbund} {s.round.ar}" if s.round else s.folder
    if s.round and s.round.sista_dag:
        title += f" · {label('deadline', lang)} {s.round.sista_dag.isoformat()}"
    rows = []
    for e in s.entries:
        done = e.result.completeness if e.result else None
        returned = label("yes" if e.returned else "no", lang)
        if e.late:
            returned += f", {label('late', lang)}"
        if e.open_in_excel:
            returned += f", {label('open_in_excel', lang)}"
        who = e.name or e.file or "–"
        if not e.expected and e.file:
            who = (
                f"{who} ({e.file}, {label('unexpected', lang)})"
                if e.name
                else f"{e.file} ({label('unexpected', lang)})"
            )
        problems = e.problems
        problem = ""
        personal = e.result.personal if e.result else []
        if personal and not problems:
            problem = label("personal_count", lang, n=len(personal))
        if problems:
            first = problems[0]
            problem = visible(first.format(lang).removeprefix(f"{first.file}:" if first.file else "").lstrip(": "))
            if len(problems) > 1:
                problem += f" ({label('more_problems', lang, n=len(problems) - 1)})"
        own = e.result.own_part if e.result else None
        answered = f"{len(done.answered)}/{done.total}" if done and e.returned and own is None else "–"
        rows.append(
            StatusRow(
                who,
                e.returned,
                returned,
                answered,
                str(e.rated) if e.returned else "–",
                problem,
                e.returned and not problems and not personal,
            )
        )
    columns = [
        label(key, lang) for key in ("respondent", "returned", "answered_column", "rated_column", "problems_column")
    ]
    late = label("late_parties", lang, names=", ".join(s.late)) if s.late else None
    return StatusView(title, columns, rows, late)
