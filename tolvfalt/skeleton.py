"""A new year's assessment file: every key in place, every question as a comment."""

from __future__ import annotations

import json

from .framework import Framework
from .i18n import Lang
from .model import STATUSES, Assessment

_INTRO = {
    "sv": [
        "Kartläggning av samverkan efter {name} (version {version}).",
        "Skriv svaret under varje fråga. Stycken skiljs med en tom rad; *kursiv* och **fet** går att använda.",
        "Kontrollera filen med: tolvfalt check {path}",
        "Kartläggningen publiceras: skriv inga namn på deltagare och inga personuppgifter (personnummer, e-post).",
    ],
    "en": [
        "Mapping of collaboration according to {name} (version {version}).",
        "Write the answer below each question. Separate paragraphs by a blank line; *italic* and **bold** work.",
        "Check the file with: tolvfalt check {path}",
        "The mapping is published: write no participant's name and no personal data (identity numbers, phone, e-mail).",
    ],
}


FOLLOW_UP_HINT = {
    "sv": "åtgärderna från {year}: status " + ", ".join(STATUSES[:-1]) + " eller " + STATUSES[-1],
    "en": "the actions of {year}: status " + ", ".join(STATUSES[:-1]) + " or " + STATUSES[-1],
}


def _quote(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if value is not None else ""


def _list(items: list[str]) -> str:
    return "[" + ", ".join(_quote(i) for i in items) + "]"


def _intro(framework: Framework, path: str, lang: Lang) -> list[str]:
    return [f"# {text.format(name=framework.name, version=framework.version, path=path)}" for text in _INTRO[lang]]


def _metadata(forbund: str, ar: int, previous: Assessment | None, head: bool = False) -> list[str]:
    """The keys before the fields; the förbundschef's own part has her summary and the names she accepts too."""
    return [
        f"förbund: {_quote(forbund)}",
        f"år: {ar}",
        f"ort: {_quote(previous.ort if previous else None)}",
        "datum:          # ÅÅÅÅ-MM-DD",
        f"författare: {_quote(previous.forfattare if previous else None)}",
        f"befattning: {_quote(previous.befattning if previous else None)}",
        "inledning: |",
        "",
        *(["sammanfattning: |", ""] if head else []),
        f"insatser: {_list(previous.insatser if previous else [])}",
        *(["godkända_namn: []"] if head else []),
    ]


def _field_keys(
    previous: Assessment | None, number: int, ar: int, scale: str, lang: Lang, head: bool = False
) -> list[str]:
    """A field's rating (last year's beside), points and follow-up; the förbundschef's own part has her analys."""
    last = previous.rating(number) if previous else None
    note = f"; {ar - 1}: {last}" if last is not None else ""
    return [
        f"    bedömning:     # {scale}{note}",
        *(["    analys: |", ""] if head else []),
        "    brister: []",
        "    möjligheter: []",
        "    åtgärder: []",
        *_follow_up(previous, number, ar, lang),
    ]


def _follow_up(previous: Assessment | None, number: int, ar: int, lang: Lang) -> list[str]:
    """Last year's åtgärder of a field, each waiting for a status and a comment."""
    earlier = previous.falt.get(number) if previous else None
    if not (earlier and earlier.atgarder):
        return []
    lines = [f"    uppföljning:   # {FOLLOW_UP_HINT[lang].format(year=ar - 1)}"]
    for action in earlier.atgarder:
        lines += [f"      - åtgärd: {_quote(action)}", "        status:", "        kommentar:"]
    return lines


def skeleton(
    framework: Framework,
    *,
    forbund: str,
    ar: int,
    path: str,
    previous: Assessment | None = None,
    lang: Lang = "sv",
    head: bool = False,
    parties: Assessment | None = None,
) -> str:
    """YAML text for a new assessment; with ``previous``, its metadata and last year's ratings as comments. With
    ``head``, the förbundschef's own part of a round: no questions to answer, but per field the agreed rating, an
    analys and the points, with each party's rating as a comment when ``parties`` (the merged round) is given."""
    if head:
        return _head(framework, forbund=forbund, ar=ar, path=path, previous=previous, lang=lang, parties=parties)
    lines = [*_intro(framework, path, lang), *_metadata(forbund, ar, previous), "fält:"]
    scale = framework.scale_words(lang)
    for field in framework.fields:
        lines += [f"  # {framework.heading(field, lang)}", f"  {field.number}:", "    svar:"]
        for question in field.questions:
            lines += [f"      # {question.id}: {question(lang)}", f"      {question.letter}: |", ""]
        lines += _field_keys(previous, field.number, ar, scale, lang)
    lines += ["avslutning: |", ""]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _head(
    framework: Framework,
    *,
    forbund: str,
    ar: int,
    path: str,
    previous: Assessment | None,
    lang: Lang,
    parties: Assessment | None,
) -> str:
    from .merged import spread

    lines = [*_intro(framework, path, lang), f"# {HEAD_HINT[lang]}", *_metadata(forbund, ar, previous, head=True)]
    lines.append("fält:")
    scale = framework.scale_words(lang)
    for field in framework.fields:
        lines += [f"  # {framework.heading(field, lang)}", f"  {field.number}:"]
        rated = spread(parties, field.number).rated if parties is not None else []
        if rated:
            lines.append("    # " + " · ".join(f"{name} {value}" for name, value in rated))
        lines += _field_keys(previous, field.number, ar, scale, lang, head=True)
    lines += ["avslutning: |", ""]
    return "\n".join(line.rstrip() for line in lines) + "\n"


HEAD_HINT = {
    "sv": "Förbundschefens egen del: den gemensamma bedömningen, analysen och punkterna per fält. Parternas svar "
    "kommer från deras arbetsböcker när du kör tolvfalt merge.",
    "en": "The förbundschef's own part: the agreed rating, the analys and the points per field. The parties' answers "
    "come from their workbooks when you run tolvfalt merge.",
}
