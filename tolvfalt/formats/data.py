"""Data formats: the canonical model as JSON or YAML (what loads back equal), and comparisons, merged views and
check results as the plain data that ``--json`` prints."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..comparison import Comparison, Digest, FieldChange, Series
from ..errors import Problem, TolvfaltError
from ..i18n import Lang, message
from ..merged import Merged
from ..model import Assessment, OwnProgress
from ..read.many import FileResult
from ..readability import Readability
from ..round import RoundStatus
from .contract import (
    CheckEntry,
    ComparisonData,
    ComparisonEntry,
    FieldChangeData,
    MergedData,
    OwnPartData,
    ProblemData,
    ReadabilityData,
    SeriesData,
    StatusData,
    StatusEntry,
)

_C1 = re.compile("[\x7f-\x9f]")


def dumps(data: Any) -> str:
    """JSON in UTF-8 as it reads; DEL and C1 controls (which JSON leaves as they are) escaped too, so that none
    reaches a terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _C1.sub(_escape, text) if _C1.search(text) else text


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


# --- the assessment ---------------------------------------------------------------------------------------------


def assessment_data(a: Assessment) -> dict[str, Any]:
    """What ``assess --format json`` prints."""
    return a.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


def assessment_json(a: Assessment) -> str:
    return dumps(assessment_data(a))


def assessment_yaml(a: Assessment) -> str:
    """The file as ``tolvfalt`` reads it back, or a problem where it would be too large to be read."""
    from ..read.source import MAX_TEXT_MB
    from ..read.yaml import MAX_NODES

    data = a.to_data()
    values, characters = _count(data)
    if values > MAX_NODES:
        raise TolvfaltError([Problem("yaml_values_over", {"n": values, "limit": MAX_NODES})])
    limit = MAX_TEXT_MB * 2**20
    if characters > limit:  # every character is a byte or more: too large before it is written out
        raise TolvfaltError([Problem("yaml_over", {"size": -(-characters // 2**20), "limit": MAX_TEXT_MB})])
    text = dump(data)
    size = len(text.encode("utf-8"))
    if size > limit:
        raise TolvfaltError([Problem("yaml_over", {"size": -(-size // 2**20), "limit": MAX_TEXT_MB})])
    return text


def _count(data: Any) -> tuple[int, int]:
    """Values and keys as the YAML reader counts them, and the characters of their text."""
    if isinstance(data, dict):
        counted = [(1, len(str(k))) for k in data] + [_count(v) for v in data.values()]
    elif isinstance(data, list):
        counted = [_count(v) for v in data]
    else:
        return 1, len(data) if isinstance(data, str) else 1
    return 1 + sum(n for n, _ in counted), sum(c for _, c in counted)


# --- check results ----------------------------------------------------------------------------------------------


def problem_data(p: Problem, lang: Lang = "sv") -> ProblemData:
    """The one shape of a problem in every JSON output."""
    params = {k: v for k, v in p.params.items() if isinstance(v, (str, int, float, bool)) or v is None}
    return {"file": p.file, "line": p.line, "key": p.key, "code": p.code, "message": message(p.code, lang, **p.params),
            "suggestion": p.suggestion, "params": params}  # fmt: skip


def _own_part(own: OwnProgress | None) -> OwnPartData | None:
    return {"rated": own.rated, "analysed": own.analysed, "total": own.total} if own else None


def _readability(r: Readability | None) -> ReadabilityData | None:
    if r is None:
        return None
    return {
        "lix": round(r.document.value, 1),
        "limit": r.limit,
        "answers": {qid: round(value.value, 1) for qid, value in r.answers.items()},
        "hard": [
            {"question": qid, "lix": round(v.value, 1), "longest_sentence": v.longest} for qid, v in r.hard.items()
        ],
    }


def check_data(results: list[FileResult], lang: Lang = "sv") -> list[CheckEntry]:
    """What ``check --json`` prints."""
    out: list[CheckEntry] = []
    for r in results:
        c = r.completeness
        out.append({
            "file": r.source,
            "ok": r.ok,
            "answered": list(c.answered) if c else None,
            "missing": list(c.missing) if c else None,
            "ratio": round(c.ratio, 4) if c else None,
            "own_part": _own_part(r.own_part),
            "readability": _readability(r.readability),
            "problems": [problem_data(p, lang) for p in r.problems],
        })  # fmt: skip
    return out


# --- the yearly round -------------------------------------------------------------------------------------------


def status_data(s: RoundStatus, lang: Lang = "sv") -> StatusData:
    """What ``status --json`` prints."""
    entries: list[StatusEntry] = []
    for e in s.entries:
        a = e.result.assessment if e.result else None
        done = e.result.completeness if e.result else None
        entries.append({
            "respondent": e.name,
            "file": e.file,
            "expected": e.expected,
            "returned": e.returned,
            "late": e.late,
            "open_in_excel": e.open_in_excel,
            "answered": len(done.answered) if done else None,
            "total": done.total if done else None,
            "rated_fields": e.rated if a else None,
            "problems": [problem_data(p, lang) for p in e.problems],
            "personal_data": [problem_data(p, lang) for p in (e.result.personal if e.result else [])],
        })  # fmt: skip
    plan = s.round
    return {
        "folder": s.folder,
        "förbund": plan.forbund if plan else None,
        "år": plan.ar if plan else None,
        "sista_dag": plan.sista_dag.isoformat() if plan and plan.sista_dag else None,
        "late": s.late,
        "entries": entries,
        "warnings": [problem_data(p, lang) for p in s.warnings],
    }


# --- the comparison ---------------------------------------------------------------------------------------------


def comparison_data(c: Comparison, lang: Lang = "sv") -> ComparisonData:
    """What ``compare --format json`` prints: everything the terminal shows, the follow-ups too."""
    data: ComparisonData = _whole(_comparison(c, lang))
    return data


def comparison_json(c: Comparison, lang: Lang = "sv") -> Iterator[str]:
    """``dumps(comparison_data(c, lang))`` in pieces, one series at a time, so that the JSON of ten thousand files
    is never held whole (nor the changes of more than one series)."""
    for chunk in _chunks(_comparison(c, lang), 0):
        yield _C1.sub(_escape, chunk) if _C1.search(chunk) else chunk
    yield "\n"


def _comparison(c: Comparison, lang: Lang) -> _Lazy:
    """The comparison's JSON, each series and each year made as it is written."""
    return _Lazy(
        [
            ("series", _Lazy(_series(c, s) for s in c.series)),
            ("same_year", _Lazy(((str(y), [_entry(c, e) for e in v]) for y, v in c.same_year.items()), pairs=True)),
            ("problems", [problem_data(p, lang) for p in c.problems]),
            ("warnings", [problem_data(p, lang) for p in c.warnings]),
        ],
        pairs=True,
    )


def _entry(c: Comparison, e: Digest) -> ComparisonEntry:
    return {
        "file": e.source,
        "förbund": e.forbund,
        "år": e.ar,
        "respondent": e.respondent,
        "answered": len(e.completeness.answered),
        "total": e.completeness.total,
        "missing": list(e.completeness.missing),
        "ratings": {str(f.number): e.rating(f.number) for f in c.framework.fields},
    }


def _change(ch: FieldChange) -> FieldChangeData:
    return {
        "fält": ch.field,
        "rating_before": ch.rating_before,
        "rating_after": ch.rating_after,
        "rating_delta": ch.rating_delta,
        "new_brister": ch.new_brister,
        "gone_brister": ch.gone_brister,
        "gone_atgarder": ch.gone_atgarder,
        "unchanged_answers": ch.unchanged_answers,
        "follow_ups": [{"action": action, "status": status} for action, status in ch.follow_ups],
    }


def _series(c: Comparison, s: Series) -> SeriesData:
    return {
        "förbund": s.forbund,
        "respondent": s.respondent,
        "years": [_entry(c, e) for e in s.entries],
        "changes": [
            {"from": st.before.ar, "to": st.after.ar, "fields": [_change(ch) for ch in st.changes]} for st in s.steps
        ],
    }


@dataclass(frozen=True)
class _Lazy:
    """A JSON array (or, with ``pairs``, an object of (key, value) pairs) whose items are made as they are
    written."""

    items: Iterable[Any]
    pairs: bool = False


def _whole(value: Any) -> Any:
    """A value with every ``_Lazy`` in it made: a list, or a dict."""
    if not isinstance(value, _Lazy):
        return value
    if value.pairs:
        return {key: _whole(item) for key, item in value.items}
    return [_whole(item) for item in value.items]


def _chunks(value: Any, depth: int) -> Iterator[str]:
    """The text ``json.dumps(value, ensure_ascii=False, indent=2)`` gives, nested ``depth`` levels deep, with
    ``_Lazy`` items made one at a time."""
    pad = "  " * depth
    if not isinstance(value, _Lazy):
        text = json.dumps(value, ensure_ascii=False, indent=2)
        yield text.replace("\n", "\n" + pad) if depth else text  # JSON strings hold no raw line break
        return
    opening, closing = "{}" if value.pairs else "[]"
    first = True
    for item in value.items:
        yield (opening if first else ",") + "\n" + pad + "  "
        first = False
        if value.pairs:
            key, item = item
            yield json.dumps(key, ensure_ascii=False) + ": "
        yield from _chunks(item, depth + 1)
    yield opening + closing if first else "\n" + pad + closing


# --- several respondents ----------------------------------------------------------------------------------------


def merged_data(m: Merged, lang: Lang = "sv") -> MergedData:
    """What ``merge -o .json`` writes."""
    first = m.responses[0].loaded
    return {
        "förbund": first.forbund,
        "år": first.ar,
        "respondents": m.names,
        "absent": m.absent,
        "answers": {q.id: dict(m.answers(q.id)) for q in m.framework.questions},
        "ratings": {
            str(s.field): {"ratings": dict(s.ratings), "low": s.low, "high": s.high, "disagreement": s.disagreement}
            for s in m.spreads
        },
        "warnings": [problem_data(p, lang) for p in m.warnings],
    }  # fmt: skip


# --- YAML output ------------------------------------------------------------------------------------------------


@cache
def _dumper() -> Any:
    import yaml

    def text(dumper: Any, value: str) -> Any:
        style = "|" if "\n" in value and _block_safe(value) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    dumper: Any = type("Dumper", (getattr(yaml, "CSafeDumper", yaml.SafeDumper),), {})
    dumper.add_representer(str, text)
    return dumper


def dump(data: Any) -> str:
    """YAML text with literal blocks for multi-line text, keys in model order, UTF-8 as is."""
    import yaml

    out: str = yaml.dump(data, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=100)
    return out


def _block_safe(value: str) -> bool:
    # A literal block keeps the text as written only when no line has leading or trailing spaces.
    return all(line == line.strip(" ") for line in value.split("\n")) and not value.startswith(" ")
