"""A line of the follow-up of last year's åtgärder as tolvfalt's documents print it: "åtgärd: status. kommentar"."""

from __future__ import annotations

import re
from functools import cache

from ..i18n import LANGS, label
from ..model import STATUS_LABELS

_STATUS_LABELS = {**{key: status for status, key in STATUS_LABELS.items()}, "no_status": ""}


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    by_text = {label(key, lang).casefold(): value for key, value in _STATUS_LABELS.items() for lang in LANGS}
    names = "|".join(re.escape(t) for t in sorted(by_text, key=len, reverse=True))
    return re.compile(rf"^(?P<action>.+): (?P<status>{names})(?:\. (?P<comment>.*))?$", re.I | re.S), by_text


def parse_follow_up(text: str) -> dict[str, str]:
    """The åtgärd, its status and comment; a line without a known status is the åtgärd alone."""
    pattern, by_text = _pattern()
    m = pattern.match(text.strip())
    if not m:
        return {"åtgärd": text.strip()}
    item = {"åtgärd": m.group("action").strip()}
    status = by_text[m.group("status").casefold()]
    if status:
        item["status"] = status
    if m.group("comment"):
        item["kommentar"] = m.group("comment").strip()
    return item
