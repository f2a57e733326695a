"""The result of checking files, a line per file or per problem."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...i18n import Lang, label

if TYPE_CHECKING:
    from ...read.many import FileResult


def check_line(result: FileResult, lang: Lang) -> str:
    """One line for a file that is fine; one line per problem for a file that is not."""
    if result.problems:
        return "\n".join(p.format(lang) for p in result.problems)
    c = result.completeness
    assert c is not None
    own = result.own_part
    if own is not None:
        done = label("own_part_done", lang, rated=own.rated, analysed=own.analysed, total=own.total)
        return f"{result.source}: {label('ok', lang)}, {done}"
    text = f"{result.source}: {label('ok', lang)}, {label('answered', lang, n=len(c.answered), total=c.total)}"
    if c.missing:
        text += f" ({label('incomplete', lang)}; {label('missing', lang, ids=', '.join(c.missing))})"
    open_items = len(result.assessment.open_follow_ups()) if result.assessment else 0
    if open_items:
        text += f"; {label('open_follow_ups', lang, n=open_items)}"
    return text + _readability(result, lang)


def _readability(result: FileResult, lang: Lang) -> str:
    """LIX of the whole text and, as advice, the answers above the limit (their longest sentences are in the
    JSON): one line per file still."""
    r = result.readability
    if r is None or not r.document.words:
        return ""
    text = f"; LIX {r.document.value:.0f}"
    if r.hard:
        text += f" ({label('lix_hard', lang, limit=f'{r.limit:.0f}', ids=', '.join(r.hard))})"
    return text
