"""The canonical model as JSON or YAML: what the Python API returns, and what loads back equal."""

from __future__ import annotations

import json

from ..model import Assessment


def to_json(assessment: Assessment) -> str:
    return (
        json.dumps(
            assessment.model_dump(mode="json", exclude_none=True, exclude_defaults=True), ensure_ascii=False, indent=2
        )
        + "\n"
    )


def to_yaml(assessment: Assessment) -> str:
    from ..yamlio import dump

    return dump(assessment.to_data())
