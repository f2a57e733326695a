"""Hypothesis strategies for assessments: any text a person could type, in any field of the framework."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from tolvfalt.framework import Framework
from tolvfalt.model import Assessment
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
    return Assessment.model_validate(data)
