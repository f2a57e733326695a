"""The merged view of several respondents: every answer to each question, and the ratings with their spread."""

from __future__ import annotations

from typing import Any

from ..i18n import Lang, label
from ..merge import Merged
from ..text import paragraphs, spans
from .compare.common import rating_or_dash, short_heading
from .markdown import cell, escape, inline, table


def _title(merged: Merged, lang: Lang) -> str:
    first = merged.responses[0].assessment
    return f"{first.forbund} {first.ar}: {label('merged', lang, n=len(merged.responses))}"


def to_markdown(merged: Merged, lang: Lang = "sv") -> str:
    fw = merged.framework
    names = [r.respondent for r in merged.responses]
    out = [f"# {escape(_title(merged, lang))}"]
    header = [label("field", lang), *map(cell, names), label("spread", lang), ""]
    rows = []
    for spread in merged.spreads:
        flag = f"**{label('disagreement', lang)}**" if spread.disagreement else ""
        span = "" if spread.low is None else f"{spread.low}–{spread.high}"
        rows.append([str(spread.field), *(rating_or_dash(r) for _, r in spread.ratings), span, flag])
    out.append(f"## {label('rating', lang)}")
    out.append(table(header, rows))
    for field in fw.fields:
        out.append(f"## {escape(fw.heading(field, lang))}")
        for question in field.questions:
            out.append(f"### {escape(question(lang))}")
            for name, text in merged.answers(question.id):
                body = "\n\n".join(inline(p) for p in paragraphs(text or "")) or f"*{label('not_answered', lang)}*"
                out.append(f"**{escape(name)}:** {body}")
    return "\n\n".join(out) + "\n"


def to_terminal(merged: Merged, lang: Lang = "sv") -> Any:
    from rich.table import Table

    fw = merged.framework
    table = Table(title=_title(merged, lang), title_justify="left", title_style="bold")
    table.add_column(label("field", lang))
    for r in merged.responses:
        table.add_column(r.respondent, justify="center")
    table.add_column(label("spread", lang), justify="center")
    table.add_column("", no_wrap=True)
    for spread in merged.spreads:
        field = fw.by_number[spread.field]
        flag = f"[bold red]{label('disagreement', lang)}[/]" if spread.disagreement else ""
        span = "" if spread.low is None else f"{spread.low}–{spread.high}"
        table.add_row(short_heading(fw, field, lang), *(rating_or_dash(r) for _, r in spread.ratings), span, flag)
    return table


def to_html(merged: Merged, lang: Lang = "sv") -> str:
    from .html import environment

    fw = merged.framework
    context = {
        "lang": lang,
        "title": _title(merged, lang),
        "names": [r.respondent for r in merged.responses],
        "spreads": [
            {"field": s.field, "ratings": [rating_or_dash(r) for _, r in s.ratings],
             "span": "" if s.low is None else f"{s.low}–{s.high}", "disagreement": s.disagreement}
            for s in merged.spreads
        ],
        "fields": [
            {"heading": fw.heading(f, lang),
             "questions": [{"text": q(lang),
                            "answers": [(name, [spans(p) for p in paragraphs(text or "")])
                                        for name, text in merged.answers(q.id)]}
                           for q in f.questions]}
            for f in fw.fields
        ],
        "labels": {k: label(k, lang) for k in ("field", "spread", "disagreement", "not_answered", "rating")},
    }  # fmt: skip
    return environment().get_template("merged.html.j2").render(context)
