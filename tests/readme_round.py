"""What the README's round leaves to people, done as they would do it: the parties fill in their workbooks (only
unlocked cells) and the förbundschef writes her own part in the merged workbook. Run by tests/test_readme.py where
the README says ``<!-- readme: python tests/readme_round.py … -->``."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl

FORBUND = "Exempelforsens Samordningsförbund"


def _type(path: Path, column: str, rows: dict[str, object]) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["Svar"]
    col = [c.value for c in ws[1]].index(column) + 1
    for row in ws.iter_rows(min_row=2):
        if row[0].value in rows:
            cell = ws.cell(row[0].row, col)
            assert not cell.protection.locked, (path, column, row[0].value)
            cell.value = rows[row[0].value]
    wb.save(path)


def _meta(path: Path, key: str, value: object) -> None:
    wb = openpyxl.load_workbook(path)
    for row in wb["Uppgifter"].iter_rows(min_row=2):
        if row[0].value == key:
            assert not row[2].protection.locked, (path, key)
            row[2].value = value
    wb.save(path)


def fill(folder: Path) -> None:
    """Three of the four parties answer; Arbetsförmedlingen does not."""
    from tolvfalt.round import file_name

    def book(party: str) -> Path:
        return folder / file_name(FORBUND, 2026, party)

    fk, kommunerna, regionen = book("Försäkringskassan"), book("Kommunerna"), book("Regionen")
    _type(fk, "Svar", {"1a": "Ja, målet är gemensamt.", "2a": "Delvis."})
    _type(fk, "Bedömning", {"1a": "4 Mycket god", "2a": "3 God"})
    _type(kommunerna, "Svar", {"1a": "Målet är otydligt för deltagaren.", "2a": "Ja."})
    _type(kommunerna, "Bedömning", {"1a": "Otillfredsställande", "2a": "God"})
    _type(kommunerna, "Brister", {"1a": "Ingen gemensam plan"})
    _type(regionen, "Svar", {"1a": "Målet finns men följs inte upp."})
    _type(regionen, "Bedömning", {"1a": "3"})
    for path, who in ((fk, "Handläggare"), (kommunerna, "Samordnare"), (regionen, "Verksamhetschef")):
        _meta(path, "författare", who)


def own_part(workbook: Path) -> None:
    """The förbundschef's agreed rating, analys and åtgärd for field 1, and her summary."""
    _type(workbook, "Bedömning", {"1a": "2 Godtagbar"})
    _type(workbook, "Analys", {"1a": "Parterna ser målet olika; det tas upp i beredningsgruppen."})
    _type(workbook, "Åtgärder", {"1a": "En gemensam plan för varje deltagare under 2027"})
    for key, value in (
        ("författare", "Förbundschefen"),
        ("befattning", "förbundschef"),
        ("datum", "2026-12-20"),
        ("sammanfattning", "Parterna är överens om det mesta men ser målet för deltagaren olika."),
    ):
        _meta(workbook, key, value)  # fmt: skip


if __name__ == "__main__":
    {"fill": fill, "own-part": own_part}[sys.argv[1]](Path(sys.argv[2]))
