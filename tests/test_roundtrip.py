"""Model → YAML → model, and the canonical form of text."""

from __future__ import annotations

import json

import jsonschema
from conftest import EXAMPLE, cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import assessments, prose

from tolvfalt.formats.data import assessment_json as to_json
from tolvfalt.formats.data import assessment_yaml as to_yaml
from tolvfalt.model import Assessment
from tolvfalt.read import load, validate
from tolvfalt.read.framework import default_framework
from tolvfalt.read.yaml import parse_yaml
from tolvfalt.schema import json_schema
from tolvfalt.text import normalize, paragraphs, spans

SLOW = settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)


@SLOW
@given(assessments())
def test_yaml_round_trip(assessment: Assessment):
    assert validate(parse_yaml(to_yaml(assessment), "x.yaml")) == assessment


@SLOW
@given(assessments())
def test_json_round_trip(assessment: Assessment):
    assert Assessment.model_validate_json(to_json(assessment)) == assessment


SCHEMA = jsonschema.Draft202012Validator(json_schema(default_framework()))


@SLOW
@given(assessment=assessments())
def test_canonical_data_satisfies_the_schema(assessment: Assessment):
    SCHEMA.validate(json.loads(to_json(assessment)))


@given(prose)
def test_normalize_is_idempotent_and_keeps_every_word(text: str):
    once = normalize(text)
    assert normalize(once) == once
    assert once.split() == text.split() or "".join(once.split()) == "".join(text.split())


@given(st.lists(st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zs"]), min_size=1), min_size=1, max_size=4))
def test_paragraphs_split_on_blank_lines(parts: list[str]):
    assert paragraphs("\n\n".join(parts)) == [p for p in parts if p.strip()]


def test_spans_read_light_markup():
    assert [(s.text, s.bold, s.italic) for s in spans("a *kursiv* och **fet** text")] == [
        ("a ", False, False),
        ("kursiv", False, True),
        (" och ", False, False),
        ("fet", True, False),
        (" text", False, False),
    ]
    assert [s.text for s in spans("5 * 3 = 15")] == ["5 * 3 = 15"]


def test_schema_accepts_example_and_rejects_bad(framework):
    import yaml

    schema = json.loads(cli("schema").stdout)
    data = json.loads(to_json(load(EXAMPLE, framework)))
    jsonschema.validate(data, schema)
    raw = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    raw["datum"] = str(raw["datum"])
    raw["fält"] = {str(k): v for k, v in raw["fält"].items()}
    jsonschema.validate(raw, schema)
    for bad in ({**data, "fält": {"13": {}}}, {**data, "fält": {"11": {"svar": {"b": "x"}}}}, {**data, "okänd": 1}):
        try:
            jsonschema.validate(bad, schema)
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"schema accepted {bad!r:.80}")
