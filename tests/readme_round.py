"""What the README's round leaves to people, done as they would do it: the parties fill in their workbooks (only
unlocked cells) and the förbundschef writes her own part in the merged workbook. Run by tests/test_readme.py where
the README says ``<!-- readme: python tests/readme_round.py … -->``."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl

FORBUND = "Exempelforsens Samordningsförbund"


def type_into(path: Path, column: str, rows: dict[str, object]) -> None:
    """Type into the Svar sheet's ``column`` by question id, as a person would (unlocked cells only)."""
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
    type_into(fk, "Svar", {"1a": "Ja, målet är gemensamt.", "2a": "Delvis."})
    type_into(fk, "Bedömning", {"1a": "4 Mycket god", "2a": "3 God"})
    type_into(kommunerna, "Svar", {"1a": "Målet är otydligt för deltagaren.", "2a": "Ja."})
    type_into(kommunerna, "Bedömning", {"1a": "Otillfredsställande", "2a": "God"})
    type_into(kommunerna, "Brister", {"1a": "Ingen gemensam plan"})
    type_into(regionen, "Svar", {"1a": "Målet finns men följs inte upp."})
    type_into(regionen, "Bedömning", {"1a": "3"})
    for path, who in ((fk, "Handläggare"), (kommunerna, "Samordnare"), (regionen, "Verksamhetschef")):
        _meta(path, "författare", who)


def own_part(workbook: Path) -> None:
    """The förbundschef's agreed rating, analys and åtgärd for field 1, and her summary."""
    type_into(workbook, "Bedömning", {"1a": "2 Godtagbar"})
    type_into(workbook, "Analys", {"1a": "Parterna ser målet olika; det tas upp i beredningsgruppen."})
    type_into(workbook, "Åtgärder", {"1a": "En gemensam plan för varje deltagare under 2027"})
    for key, value in (
        ("författare", "Förbundschefen"),
        ("befattning", "förbundschef"),
        ("datum", "2026-12-20"),
        ("sammanfattning", "Parterna är överens om det mesta men ser målet för deltagaren olika."),
    ):
        _meta(workbook, key, value)  # fmt: skip


if __name__ == "__main__":
    {"fill": fill, "own-part": own_part}[sys.argv[1]](Path(sys.argv[2]))
