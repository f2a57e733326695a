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


def docx_first_page(docx: Path, out: Path, work: Path) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                   check=True, capture_output=True)  # fmt: skip
    page(work / docx.with_suffix(".pdf").name, 1, out)


def main() -> None:
    work = Path(tempfile.mkdtemp())
    shutil.copytree(ROOT / "examples", work / "examples")
    run(*CLI, "assess", "examples/2011-pahittad.yaml", "-o", "k2011.pdf", cwd=work)
    run(*CLI, "assess", "examples/2011-pahittad.yaml", "-o", "k2011.docx", cwd=work)
    page(work / "k2011.pdf", 1, DOCS / "pdf-first-page.png")
    page(work / "k2011.pdf", find_page(work / "k2011.pdf", "frågorna i varje fält"), DOCS / "pdf-grid-page.png")
    docx_first_page(work / "k2011.docx", DOCS / "docx-first-page.png", work)
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
    docx_first_page(work / "k2026.docx", DOCS / "round-docx.png", work)
    print(f"docs/*.png written (from {work})")


if __name__ == "__main__":
    main()
