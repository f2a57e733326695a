"""Hypothesis strategies for assessments: any text a person could type, in any field of the framework."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from tolvfalt.framework import Framework
from tolvfalt.model import STATUSES, Assessment
from tolvfalt.read.framework import default_framework
from tolvfalt.text import one_line

# Every character a document can hold: no C0/C1 controls (tab and line breaks allowed), no surrogates.
_CHARS = st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="\ufffe\uffff") | st.sampled_from(
    "\n\t *"
)
prose = st.text(_CHARS, max_size=200)
line = st.text(_CHARS, min_size=1, max_size=60)


def field_answers(framework: Framework, number: int) -> st.SearchStrategy[dict]:
    letters = [q.letter for q in framework.by_number[number].questions]
    return st.fixed_dictionaries(
        {},
        optional={
            "svar": st.dictionaries(st.sampled_from(letters), prose, max_size=len(letters)),
            "bedömning": st.sampled_from([s.value for s in framework.scale]),
            "brister": st.lists(line, max_size=3),
            "möjligheter": st.lists(line, max_size=3),
            "åtgärder": st.lists(line, max_size=3),
            "analys": prose,
            "uppföljning": st.lists(
                st.fixed_dictionaries(
                    {"åtgärd": line.filter(lambda s: one_line(s))},
                    optional={"status": st.sampled_from(STATUSES), "kommentar": line},
                ),
                max_size=2,
            ),
        },
    )


@st.composite
def assessments(draw: st.DrawFn, framework: Framework | None = None) -> Assessment:
    framework = framework or default_framework()
    numbers = draw(st.lists(st.sampled_from(sorted(framework.by_number)), unique=True, max_size=12))
    data = draw(
        st.fixed_dictionaries(
            {
                "förbund": line.filter(lambda s: one_line(s)),  # empty once normalized is no name
                "år": st.integers(1990, 2100),
            },
            optional={
                "ort": line,
                "datum": st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
                "författare": line,
                "titel": line,
                "inledning": prose,
                "avslutning": prose,
                "insatser": st.lists(line, max_size=4),
            },
        )
    )
    data["fält"] = {n: draw(field_answers(framework, n)) for n in numbers}
    names = draw(st.lists(line.filter(lambda s: one_line(s) and "." not in s), unique_by=one_line, max_size=2))
    data["svarande"] = {
        name: {
            "inledning": draw(prose),
            "insatser": draw(st.lists(line, max_size=2)),
            "fält": {
                n: draw(field_answers(framework, n).map(_party_part))
                for n in draw(st.lists(st.sampled_from(sorted(framework.by_number)), unique=True, max_size=3))
            },
        }
        for name in names
    }
    return Assessment.model_validate(data)


def _party_part(answers: dict) -> dict:
    """A party's answers hold no analys or follow-up: those are the förbundschef's."""
    return {k: v for k, v in answers.items() if k not in ("analys", "uppföljning")}
