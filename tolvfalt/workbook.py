"""The workbook's layout and limits, shared by the writer (formats/xlsx.py) and the reader (read/excel.py): every
sheet's columns, what each holds, and how much a workbook may hold."""

from __future__ import annotations

from .model import Assessment, FieldAnswers

# Rows of the metadata sheet, by key (a hidden column holds the key; the label beside it is translated).
METADATA_KEYS = Assessment.METADATA
# Metadata rows that hold paragraphs, and those that hold a list (one item per line in the cell).
METADATA_PROSE = ("inledning", "sammanfattning", "avslutning")
METADATA_LISTS = ("insatser", "godkända_namn", "ej_svarat")
# What a party fills in on the metadata sheet of its own workbook: no title, diarienummer, decision or closing,
# which are the förbundschef's.
PARTY_METADATA_KEYS = (
    "förbund",
    "år",
    "ort",
    "datum",
    "författare",
    "befattning",
    "respondent",
    "insatser",
    "inledning",
)
# Columns of the förbundschef's alone, left out of a party's workbook.
HEAD_COLUMNS = ("analys",)
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

# Limits: Excel's own for a cell; the reader's for a sheet (a filled template has some 25 rows on its longest sheet).
CELL_LIMIT = 32_767
MAX_ROWS = 10_000
MAX_COLUMNS = 50
