"""The förbundschef's own part, edited a field (or the metadata) at a time: the values a form shows, the digest it
carries of them as loaded, what another save changed in between, and the save itself: load, change that part,
validate through the model, write the YAML atomically. A save whose digest no longer matches is refused."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import Problem, TolvfaltError
from ..framework import Framework
from ..i18n import Lang
from ..model import STATUSES, Assessment, FieldAnswers
from ..read.source import Located, display_name
from .folder import Head, inside

Values = dict[str, Any]
FIELD_KEYS: tuple[str, ...] = ("bedömning", "analys", *FieldAnswers.POINTS, "uppföljning")
"""What the form of a field changes; the answers (``svar``) in the own part stay as they are."""
META_KEYS: tuple[str, ...] = ("författare", "befattning", "ort", "datum", "inledning", "sammanfattning", "avslutning")
PROSE_KEYS = frozenset({"analys", "inledning", "sammanfattning", "avslutning"})
MAX_FOLLOW_UPS = 200
_saving = threading.Lock()
"""One save at a time: the second of two at once sees the first one's change and is refused."""


class Conflict(Exception):
    """The part changed since the form was loaded; ``current`` is what the file holds of it now."""

    def __init__(self, current: Values) -> None:
        self.current = current
        super().__init__("changed since loaded")


def field_values(a: Assessment | None, number: int) -> Values:
    """A field's editable values as plain data (every key present)."""
    field = (a.falt.get(number) if a else None) or FieldAnswers()
    data = field.model_dump(mode="json", by_alias=True)
    return {key: data[key] for key in FIELD_KEYS}


def meta_values(a: Assessment | None) -> Values:
    data = a.model_dump(mode="json", by_alias=True) if a else {}
    return {key: data.get(key) for key in META_KEYS}


def digest(values: Values) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def encode(values: Values) -> str:
    """The values as the form carries them (a hidden input), to tell later what someone else changed."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def decode(text: str) -> Values | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


# --- from the form ----------------------------------------------------------------------------------------------


def _text(form: Mapping[str, Sequence[str]], key: str) -> str:
    values = form.get(key) or [""]
    return values[0].replace("\r\n", "\n").replace("\r", "\n").strip()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def field_from_form(form: Mapping[str, Sequence[str]]) -> Values:
    rating = _text(form, "bedömning")
    values: Values = {
        "bedömning": int(rating) if rating.lstrip("-").isdigit() and len(rating) < 10 else (rating or None),
        "analys": _text(form, "analys") or None,
    }
    for key in FieldAnswers.POINTS:
        values[key] = _lines(_text(form, key))
    follow_ups = []
    for i in range(MAX_FOLLOW_UPS):
        if f"uppföljning-{i}-åtgärd" not in form:
            break
        action = _text(form, f"uppföljning-{i}-åtgärd")
        if action:
            follow_ups.append({
                "åtgärd": action,
                "status": _text(form, f"uppföljning-{i}-status") or None,
                "kommentar": _text(form, f"uppföljning-{i}-kommentar") or None,
            })  # fmt: skip
    values["uppföljning"] = follow_ups
    return values


def meta_from_form(form: Mapping[str, Sequence[str]]) -> Values:
    return {key: _text(form, key) or None for key in META_KEYS}


# --- what changed -----------------------------------------------------------------------------------------------


def shown(key: str, value: Any, framework: Framework, lang: Lang) -> str:
    """A value as the conflict page shows it."""
    from ..formats.view.common import follow_up
    from ..formats.view.rating import rating
    from ..model import FollowUp

    if key == "bedömning":
        return rating(framework, value if isinstance(value, int) else None, lang).text
    if key == "uppföljning":
        items = [follow_up(FollowUp.model_validate(item), lang) for item in value or []]
        return "; ".join(f"{i.action}: {i.status}" + (f" ({i.comment})" if i.comment else "") for i in items) or "–"
    if isinstance(value, list):
        return "; ".join(value) or "–"
    return str(value) if value not in (None, "") else "–"


def changed_keys(before: Values, after: Values) -> list[str]:
    return [key for key in after if before.get(key) != after.get(key)]


# --- the save ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What a save changes: a field by number, or (None) the metadata."""

    number: int | None

    def values(self, a: Assessment | None) -> Values:
        return meta_values(a) if self.number is None else field_values(a, self.number)

    def apply(self, data: dict[str, Any], values: Values) -> dict[str, Any]:
        given = {k: v for k, v in values.items() if v not in (None, "", [])}
        if self.number is None:
            return {**{k: v for k, v in data.items() if k not in META_KEYS}, **given}
        fields = dict(data.get("fält") or {})
        kept = {k: v for k, v in (fields.get(self.number) or {}).items() if k not in FIELD_KEYS}
        fields[self.number] = {**kept, **given}
        return {**data, "fält": fields}


def save(
    reread: Callable[[], Head],
    target: Target,
    values: Values,
    loaded_digest: str,
    framework: Framework,
    start: Mapping[str, Any],
) -> Assessment:
    """Write ``values`` into the own part if what it holds of ``target`` is still what the form loaded (or already
    what the form says).

    ``reread`` finds and reads the own part afresh (inside the lock); ``start`` is its first content when there is
    none yet (förbund and år of the round). Raises ``Conflict``, or ``TolvfaltError`` for values the model refuses
    and for a file that cannot be written."""
    from ..formats.data import assessment_yaml
    from ..read import validate
    from ..write import write_atomic

    with _saving:
        head = reread()
        if not head.editable:
            raise TolvfaltError(head.problems or [Problem("serve_head_not_yaml", {"file": head.path.name})])
        current = target.values(head.assessment)
        if digest(current) != loaded_digest and current != values:
            raise Conflict(current)
        data = head.assessment.to_data() if head.assessment else dict(start)
        name = display_name(head.path)
        assessment = validate(Located(target.apply(data, values), name), framework)
        if not inside(head.path.parent, head.path):
            raise TolvfaltError.one("serve_outside", file=head.path.name)
        write_atomic(head.path, assessment_yaml(assessment), force=head.result is not None)
        return assessment


def statuses(lang: Lang) -> list[tuple[str, str]]:
    """The follow-up statuses, as the form offers them: (value, label)."""
    from ..formats.view.common import follow_up
    from ..model import FollowUp

    return [(s, follow_up(FollowUp.model_validate({"åtgärd": "-", "status": s}), lang).status) for s in STATUSES]
