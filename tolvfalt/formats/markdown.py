"""Markdown: the yearly document in the shape of the 2009 kartläggning, the comparison and the merged view."""

from __future__ import annotations

import re

from ..i18n import Lang, label
from ..text import Span
from .view.common import FollowUpView, PointList
from .view.comparison import ComparisonView, RatingsTable
from .view.document import DocumentView
from .view.merged import MergedView
from .view.rating import Rating

_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
# What makes a line a heading, list, quote, rule, fence or setext underline when it starts one.
_LINE_START = re.compile(r"^(?:[#+\-=~]|\d+[.)])")
_TRAILING_HASHES = re.compile(r"(#+)$")


def escape(text: str) -> str:
    """Text that stays text: no character of it starts Markdown structure or inline markup."""
    return _line_start(_SPECIAL.sub(r"\\\1", text))


def _line_start(text: str) -> str:
    # a backslash before the sign itself: "\# ", "\- ", "1986\. "
    return _LINE_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], text)


def heading(level: int, text: str) -> str:
    """A heading whose own closing ``#`` characters are kept as text."""
    return "#" * level + " " + _TRAILING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), escape(text))


def cell(text: str) -> str:
    return escape(text).replace("|", "\\|")


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells are expected escaped already."""
    lines = ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def inline(paragraph: list[Span]) -> str:
    out = []
    for span in paragraph:
        text = _SPECIAL.sub(r"\\\1", span.text)
        out.append(f"**{text}**" if span.bold else f"*{text}*" if span.italic else text)
    return _line_start("".join(out))


# --- the yearly document ----------------------------------------------------------------------------------------


def assessment(doc: DocumentView) -> str:
    lang = doc.lang
    out: list[str] = []
    if doc.place:
        out.append(escape(doc.place))
    out.append(heading(1, doc.title))
    if doc.draft:
        out.append(f"**{label('draft', lang)}**")
    if doc.references:
        out.append("  \n".join(escape(line) for line in doc.references))
    out.extend(round_summary(doc))
    if doc.sammanfattning:
        out.append(heading(2, label("own_summary", lang)))
        out.extend(inline(p) for p in doc.sammanfattning)
    out.extend(inline(p) for p in doc.inledning)
    for name, paragraphs in doc.party_intros:
        out.append(f"**{escape(name)}:** " + "\n\n".join(inline(p) for p in paragraphs))
    out.append(grid_table(doc))
    not_answered = f"*{label('not_answered', lang)}*"
    for section in doc.sections:
        out.append(heading(2, section.heading))
        if section.analys:
            out.append(heading(3, label("analys", lang)))
            out.extend(inline(p) for p in section.analys)
        for question in section.questions:
            out.append(heading(3, question.text))
            out.extend(inline(p) for p in question.paragraphs)
            if not question.paragraphs and not question.voices:
                out.append(not_answered)
            for name, paragraphs in question.voices:
                out.append(f"**{escape(name)}:** " + ("\n\n".join(inline(p) for p in paragraphs) or not_answered))
        out.extend(field_points(doc, section.rating, section.points))
        if section.note:
            out.append(f"**{escape(section.note)}**")
        if section.party_ratings:
            parties = " · ".join(f"{escape(name)} {r.short}" for name, r in section.party_ratings)
            out.append(f"{label('parties_ratings', lang)}: {parties}")
        for name, paragraphs in section.party_analys:
            out.append(f"**{label('analys', lang)}: {escape(name)}**")
            out.extend(inline(p) for p in paragraphs)
        for name, lists in section.party_points:
            out.append(f"**{escape(name)}**")
            out.extend(field_points(doc, None, lists))
    follow_ups = [s for s in doc.sections if s.follow_ups]
    if follow_ups:
        out.append(heading(2, label("follow_up", lang)))
        for section in follow_ups:
            out.append(heading(3, section.heading))
            out.append("\n".join(_follow_up(i) for i in section.follow_ups))
    out.extend(summary(doc))
    if doc.avslutning:
        out.append(heading(2, label("closing", lang)))
        out.extend(inline(p) for p in doc.avslutning)
    out.append(escape(doc.signature))
    return "\n\n".join(out) + "\n"


def round_summary(doc: DocumentView) -> list[str]:
    """Who took part and how fully, who did not, and the ratings party by party (a merged assessment only)."""
    r = doc.round
    if r is None:
        return []
    out = [heading(2, label("parties_took_part", doc.lang)), "\n".join(f"- {escape(p.text)}" for p in r.parties)]
    if r.absent_text:
        out.append(escape(r.absent_text))
    header = "| " + " | ".join(cell(h) for h in [label("field", doc.lang), *r.headers]) + " |"
    rows = [header, "|---" * (len(r.headers) + 1) + "|"]
    for row in r.rows:
        last = [f"{row.last_year.short} {row.trend}".strip()] if row.last_year is not None else []
        values = [cell(row.name), *(x.short for x in row.parties), f"**{row.agreed.short}**", *last]
        rows.append("| " + " | ".join(values) + " |")
    out.append("\n".join(rows))
    differ = [f"- **{cell(row.name)}**: {escape(row.disagreement)}" for row in r.rows if row.disagreement]
    if differ:
        out.append("\n".join(differ))
    return out


def _follow_up(item: FollowUpView) -> str:
    return f"- {escape(item.action)}: **{escape(item.status)}**" + (f". {escape(item.comment)}" if item.comment else "")


def field_points(doc: DocumentView, rating: Rating | None, points: list[PointList]) -> list[str]:
    out = []
    if rating is not None:
        out.append(f"**{label('rating', doc.lang)}:** {escape(rating.text)}")
    return out + point_blocks(points)


def point_blocks(points: list[PointList]) -> list[str]:
    return [f"**{p.label}:**\n\n" + "\n".join(f"- {inline(item)}" for item in p.items) for p in points]


def grid_table(doc: DocumentView) -> str:
    header = "| | " + " | ".join(cell(c) for c in doc.columns) + " |"
    rule = "|---" * (len(doc.columns) + 1) + "|"
    rows = []
    for row in doc.grid:
        texts = []
        for c in row.cells:
            questions = " ".join(cell(q) for q in c.questions)
            mark = f" *({cell(c.rating.text)})*" if c.rating.rated else ""
            texts.append(f"**{c.number}** {questions}{mark}")
        rows.append(f"| **{cell(row.label)}** | " + " | ".join(texts) + " |")
    legend = ", ".join(r.text for r in doc.legend)
    return "\n".join([header, rule, *rows]) + (
        f"\n\n*{escape(doc.completeness_text)}. {label('scale', doc.lang)}: {escape(legend)}.*"
    )


def summary(doc: DocumentView) -> list[str]:
    lang = doc.lang
    out = [heading(2, label("summary", lang))]
    out.append(escape(doc.completeness_text) + ".")
    out.append(heading(3, label("points_by_field", lang)))
    for item in doc.points_by_field:
        out.append(f"**{escape(item.heading)}**")
        out.extend(field_points(doc, None, item.points))
    if not doc.points_by_field:
        out.append(label("no_points", lang))
    if doc.changes is not None:
        out.append(heading(3, doc.changes.title))
        for change in doc.changes.changes:
            out.append(f"**{escape(change.heading)}**\n\n" + "\n".join(f"- {escape(line)}" for _, line in change.lines))
        if not doc.changes.changes:
            out.append(label("no_changes", lang))
    out.append(heading(3, label("insatser_by_field", lang)))
    if doc.mentions:
        rows = [[cell(insats), *("✓" if n in fields else "" for n in doc.numbers)] for insats, fields in doc.mentions]
        out.append(table([label("insats", lang), *map(str, doc.numbers)], rows))
    else:
        out.append(label("no_insatser", lang))
    return out


# --- the comparison ---------------------------------------------------------------------------------------------


def ratings_table(t: RatingsTable, headers: list[str], lang: Lang) -> str:
    rows = []
    for row in t.rows:
        cells = [cell(row.name), *(r.short for r in row.ratings)]
        rows.append([*cells, row.trend] if t.trend_column else cells)
    rows.append([f"*{label('answered_row', lang)}*", *t.answered, *([""] if t.trend_column else [])])
    return table([label("field", lang), *map(cell, headers), *([label("trend", lang)] if t.trend_column else [])], rows)


def comparison(c: ComparisonView) -> str:
    lang = c.lang
    out = [heading(1, c.title)]
    for series in c.series:
        out.append(heading(2, series.name))
        out.append(heading(3, label("ratings_over_years", lang)))
        out.append(ratings_table(series.table, series.table.headers, lang))
        if series.parties is not None:
            out.append(heading(3, label("parties_over_years", lang)))
            out.append(ratings_table(series.parties, series.parties.headers, lang))
        for step in series.steps:
            out.append(heading(3, step.title))
            if not step.changes:
                out.append(label("no_changes", lang))
            for change in step.changes:
                out.append(
                    f"**{escape(change.heading)}**\n\n" + "\n".join(f"- {escape(line)}" for _, line in change.lines)
                )
    for _, title, t in c.same_year:
        out.append(heading(2, title))
        out.append(ratings_table(t, t.entry_labels, lang))
    return "\n\n".join(out) + "\n"


# --- several respondents ----------------------------------------------------------------------------------------


def merged(m: MergedView) -> str:
    lang = m.lang
    out = [heading(1, m.title)]
    header = [label("field", lang), *map(cell, m.names), label("spread", lang), ""]
    rows = []
    for spread in m.spreads:
        flag = f"**{label('disagreement', lang)}**" if spread.disagreement else ""
        rows.append([str(spread.number), *spread.ratings, spread.span, flag])
    out.append(heading(2, label("rating", lang)))
    out.append(table(header, rows))
    for f in m.fields:
        out.append(heading(2, f.heading))
        for question in f.questions:
            out.append(heading(3, question.text))
            for name, paras in question.answers:
                body = "\n\n".join(inline(p) for p in paras) or f"*{label('not_answered', lang)}*"
                out.append(f"**{escape(name)}:** {body}")
        for name, lists in f.points:
            out.append(f"**{escape(name)}**")
            out.extend(point_blocks(lists))
    return "\n\n".join(out) + "\n"
