"""The workbook's layout, shared by the writer (render/xlsx.py) and the reader (load/from_excel.py)."""

from __future__ import annotations

# Rows of the metadata sheet, by key (a hidden column holds the key; the label beside it is translated).
METADATA_KEYS = (
    "förbund",
    "år",
    "ort",
    "datum",
    "författare",
    "respondent",
    "titel",
    "insatser",
    "inledning",
    "avslutning",
)
# Columns of the answer sheet, by label key; the reader finds each by its heading in either language.
ANSWER_COLUMNS = (
    "id",
    "field",
    "level",
    "perspective",
    "question",
    "answer",
    "rating",
    "brister",
    "möjligheter",
    "åtgärder",
)
# The per-field columns (filled on the field's first row, merged over its rows) and the model keys they hold.
FIELD_COLUMNS = {"rating": "bedömning", "brister": "brister", "möjligheter": "möjligheter", "åtgärder": "åtgärder"}
