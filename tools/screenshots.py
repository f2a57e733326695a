"""Make the screenshots in docs/ from the README's own examples: the yearly document (PDF first and grid page, the
.docx first page) and the document of the README's invented round (its summary and a field, as PDF, and its
summary in Word). Needs poppler's pdftoppm and LibreOffice.

python tools/screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CLI = [sys.executable, "-m", "tolvfalt"]


def run(*args: object, cwd: Path) -> None:
    subprocess.run([str(a) for a in args], cwd=cwd, check=True, capture_output=True)


def page(pdf: Path, number: int, out: Path, dpi: int = 70) -> None:
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(number), "-l", str(number),
                    str(pdf), str(stem)], check=True)  # fmt: skip


def find_page(pdf: Path, text: str) -> int:
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    for number, content in enumerate(pages.stdout.split("\f"), start=1):
        if text in content:
            return number
    raise SystemExit(f"{text!r} is on no page of {pdf}")


def docx_pages(docx: Path, work: Path) -> Path:
    """The .docx printed by LibreOffice, as a PDF of its own."""
    printed = work / "printed"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(printed), str(docx)],
                   check=True, capture_output=True)  # fmt: skip
    return printed / docx.with_suffix(".pdf").name


def main() -> None:
    work = Path(tempfile.mkdtemp())
    shutil.copytree(ROOT / "examples", work / "examples")
    run(*CLI, "assess", "examples/2011-pahittad.yaml", "-o", "k2011.pdf", cwd=work)
    run(*CLI, "assess", "examples/2011-pahittad.yaml", "-o", "k2011.docx", cwd=work)
    page(work / "k2011.pdf", 1, DOCS / "pdf-first-page.png")
    page(work / "k2011.pdf", find_page(work / "k2011.pdf", "frågorna i varje fält"), DOCS / "pdf-grid-page.png")
    page(docx_pages(work / "k2011.docx", work), 1, DOCS / "docx-first-page.png")
    parties = ["Försäkringskassan", "Arbetsförmedlingen", "Kommunerna", "Regionen"]
    invited = [a for p in parties for a in ("--respondent", p)]
    forbund = "Exempelforsens Samordningsförbund"
    run(*CLI, "template", *invited, "--forbund", forbund, "--ar", "2026", "--deadline", "2026-12-15", "-o", "omgang",
        cwd=work)  # fmt: skip
    run(sys.executable, ROOT / "tests" / "readme_round.py", "fill", "omgang", cwd=work)
    run(*CLI, "merge", "omgang", "-o", "sammanstallning.xlsx", cwd=work)
    run(sys.executable, ROOT / "tests" / "readme_round.py", "own-part", "sammanstallning.xlsx", cwd=work)
    run(*CLI, "assess", "sammanstallning.xlsx", "-o", "k2026.pdf", cwd=work)
    run(*CLI, "assess", "sammanstallning.xlsx", "-o", "k2026.docx", cwd=work)
    pdf = work / "k2026.pdf"
    page(pdf, find_page(pdf, "Vilka som deltog"), DOCS / "round-summary.png")
    page(pdf, find_page(pdf, "Parterna ser målet olika"), DOCS / "round-field.png")
    printed = docx_pages(work / "k2026.docx", work)
    page(printed, 1, DOCS / "round-docx.png")
    page(printed, find_page(printed, "Parterna ser målet olika"), DOCS / "round-docx-field.png")
    print(f"docs/*.png written (from {work})")


if __name__ == "__main__":
    main()
