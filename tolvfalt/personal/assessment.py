"""Every text of an assessment looked through: its answers, analys, points, inledning, avslutning, sammanfattning,
follow-up and every party's part under ``svarande``; each finding a problem at its key, or replaced in a copy."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from ..i18n import LANGS, label
from ..prose import Path, texts
from .detect import find_known
from .finding import Finding
from .known import Known

if TYPE_CHECKING:  # the model (pydantic) is imported only where it is needed
    from ..model import Assessment

CODE = "personal_data"
PARTIES = ("Försäkringskassan", "Arbetsförmedlingen", "Kommunerna", "Kommunen", "Regionen", "Region")
LineFor = Callable[[Sequence[object]], int | str | None]


def replacement() -> str:
    """What a match becomes in a draft: ``[personuppgift borttagen]`` (the draft's text is Swedish)."""
    return label("personal_removed")


def known_of(assessment: Assessment, extra: Iterable[str] = ()) -> Known:
    """What the assessment itself says is no participant: its förbund, ort, people, parties and insatser, and the
    names it has accepted (``godkända_namn``)."""
    a = assessment
    words = [a.forbund, a.ort, a.forfattare, a.befattning, a.respondent, a.titel, *a.insatser, *a.godkanda_namn]
    for name, part in a.svarande.items():
        words += [name, part.forfattare, *part.insatser]
    return Known.of([w for w in (*words, *PARTIES, *extra) if w])


def findings(assessment: Assessment, known: Iterable[str] = ()) -> Iterator[tuple[Path, Finding]]:
    """Each finding with the key path of its text."""
    skip = known_of(assessment, known)
    for path, text in texts(assessment.to_data()):
        for finding in find_known(text, skip):
            yield path, finding


def problem(finding: Finding, *, key: str | None, file: str | None = None, line: int | str | None = None) -> Problem:
    """A finding as a problem with code ``personal_data``: its ``kind``, the match ``masked``, what was found and
    what to do in each language."""
    kind = finding.kind
    what = {lang: label(f"personal_{kind}", lang) for lang in LANGS}
    advice = {lang: label("personal_advice_name" if kind == "name" else "personal_advice", lang) for lang in LANGS}
    params: dict[str, object] = {"kind": kind, "masked": finding.masked, "what": what, "advice": advice}
    return Problem(CODE, params, file, line, key)


def scan(
    assessment: Assessment,
    *,
    file: str | None = None,
    line_for: LineFor | None = None,
    known: Iterable[str] = (),
) -> list[Problem]:
    """Every piece of personal data in the assessment's texts, as problems at their keys (``fält.1.svar.a``,
    ``svarande.Kommunerna.fält.3.brister.0``), with the line or cell ``line_for`` gives a key path."""
    return [
        problem(f, key=".".join(path), file=file, line=line_for(path) if line_for else None)
        for path, f in findings(assessment, known)
    ]


def redact(assessment: Assessment, *, known: Iterable[str] = ()) -> Assessment:
    """A copy with every match replaced by ``[personuppgift borttagen]``: for a draft."""
    data = assessment.to_data()
    skip = known_of(assessment, known)
    removed = replacement()
    for path, text in list(texts(data)):
        found = find_known(text, skip)
        if found:
            for f in reversed(found):
                text = text[: f.start] + removed + text[f.end :]
            _put(data, path, text)
    from ..model import Assessment

    return Assessment.model_validate(data)


def _put(data: Any, path: Path, value: str) -> None:
    for part in path[:-1]:
        data = data[int(part)] if isinstance(data, list) else _item(data, part)
    if isinstance(data, list):
        data[int(path[-1])] = value
    else:
        data[_key(data, path[-1])] = value


def _item(data: dict[Any, Any], part: str) -> Any:
    return data[_key(data, part)]


def _key(data: dict[Any, Any], part: str) -> Any:
    """The dict's own key for a path part: ``fält`` is keyed by numbers."""
    return next(k for k in data if str(k) == part)
