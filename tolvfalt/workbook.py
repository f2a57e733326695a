"""The workbook's layout, shared by the writer (render/xlsx.py) and the reader (read/excel.py)."""

from __future__ import annotations

from .model import Assessment, FieldAnswers

# Rows of the metadata sheet, by key (a hidden column holds the key; the label beside it is translated).
METADATA_KEYS = Assessment.METADATA
# Metadata rows that hold paragraphs, and those that hold a list (one item per line in the cell).
METADATA_PROSE = ("inledning", "sammanfattning", "avslutning")
METADATA_LISTS = ("insatser", "godkända_namn")
# Columns of the answer sheet, by label key; the reader finds each by its heading in either language.
ANSWER_COLUMNS = (
    "id", "field", "level", "perspective", "question", "answer", "rating", *FieldAnswers.POINTS, "analys",
)  # fmt: skip
# The per-field columns (filled on the field's first row, merged over its rows) and the model keys they hold.
FIELD_COLUMNS = {"rating": "bedömning", **{key: key for key in FieldAnswers.POINTS}, "analys": "analys"}
# The follow-up sheet: a row per earlier åtgärd, by field.
FOLLOW_UP_COLUMNS = ("field", "action", "status", "comment")
# The parties' sheet of a merged assessment: each party's data, a value per row, keyed by its path in the file.
PARTY_COLUMNS = ("respondent", "key_column", "value")
