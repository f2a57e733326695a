"""The shape of every ``--json`` output, one contract: the file format's Swedish keys where a key is the file's
(``förbund``, ``år``, ``fält``, ``respondent``, ``sista_dag``), English snake_case in ASCII for the rest, and one
shape for a problem wherever one is reported. ``tolvfalt schema --output KIND`` publishes these as JSON Schema."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict


class ProblemData(TypedDict):
    file: str | None
    line: int | str | None
    key: str | None
    code: str
    message: str
    suggestion: str | None
    params: dict[str, Any]


"""One problem: where (file, line or cell such as ``Svar!F7``, key), what (a code and the message in the chosen
language), the nearest valid key, and the message's parameters (``kind`` and ``masked`` for personal data)."""


class OwnPartData(TypedDict):
    rated: int
    analysed: int
    total: int


class HardAnswer(TypedDict):
    question: str
    lix: float
    longest_sentence: str


class ReadabilityData(TypedDict):
    """LIX (läsbarhetsindex) of the whole text and of each answer; the answers above ``limit``, as advice."""

    lix: float
    limit: float
    answers: dict[str, float]
    hard: list[HardAnswer]


class CheckEntry(TypedDict):
    file: str
    ok: bool
    answered: list[str] | None
    missing: list[str] | None
    ratio: float | None
    own_part: OwnPartData | None
    """For the förbundschef's own part of a round: fields with an agreed rating and with an analys."""
    readability: ReadabilityData | None
    problems: list[ProblemData]


class StatusEntry(TypedDict):
    respondent: str | None
    file: str | None
    expected: bool
    returned: bool
    late: bool
    open_in_excel: bool
    answered: int | None
    total: int | None
    rated_fields: int | None
    problems: list[ProblemData]
    personal_data: list[ProblemData]
    """Personal data found in its texts: no mistake, but it keeps the document from being published."""


class StatusData(TypedDict):
    folder: str
    förbund: str | None
    år: int | None
    sista_dag: str | None
    late: list[str]
    entries: list[StatusEntry]
    warnings: list[ProblemData]  # fmt: skip


class ComparisonEntry(TypedDict):
    file: str
    förbund: str
    år: int
    respondent: str | None
    answered: int
    total: int
    missing: list[str]
    ratings: dict[str, int | None]  # fmt: skip


class FollowUpData(TypedDict):
    action: str
    status: str | None


class FieldChangeData(TypedDict):
    fält: int
    rating_before: int | None
    rating_after: int | None
    rating_delta: int | None
    new_brister: list[str]
    gone_brister: list[str]
    gone_atgarder: list[str]
    unchanged_answers: list[str]
    follow_ups: list[FollowUpData]  # fmt: skip


StepData = TypedDict("StepData", {"from": int, "to": int, "fields": list[FieldChangeData]})


class SeriesData(TypedDict):
    förbund: str
    respondent: str | None
    years: list[ComparisonEntry]
    changes: list[StepData]


class ComparisonData(TypedDict):
    series: list[SeriesData]
    same_year: dict[str, list[ComparisonEntry]]
    problems: list[ProblemData]
    warnings: list[ProblemData]


class SpreadData(TypedDict):
    ratings: dict[str, int | None]
    low: int | None
    high: int | None
    disagreement: bool


class MergedData(TypedDict):
    förbund: str
    år: int
    respondents: list[str]
    absent: list[str]
    answers: dict[str, dict[str, str | None]]
    ratings: dict[str, SpreadData]
    warnings: list[ProblemData]  # fmt: skip


OUTPUTS: dict[str, Any] = {
    "check": list[CheckEntry],
    "status": StatusData,
    "compare": ComparisonData,
    "merge": MergedData,
}
"""The JSON each command prints, by command; ``assessment`` (``assess --format json``) is the file's own schema."""
Output = Literal["assessment", "check", "status", "compare", "merge"]


def output_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of what ``kind`` prints as JSON."""
    from pydantic import TypeAdapter

    schema: dict[str, Any] = TypeAdapter(OUTPUTS[kind]).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
