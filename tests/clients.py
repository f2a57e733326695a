"""Real programs the tests drive: LibreOffice to convert documents, Chromium to print HTML, pdftotext to read PDFs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
PDFTOTEXT = shutil.which("pdftotext")

needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed; .ci/run installs it")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")


def soffice_convert(source: Path, to: str, outdir: Path) -> Path:
    assert SOFFICE
    profile = outdir / ".lo-profile"
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", to,
         "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    result = outdir / f"{source.stem}.{to.split(':')[0]}"
    assert result.exists(), f"LibreOffice wrote no {result.name}"
    return result


def chromium_pdf(html: Path, pdf: Path) -> Path:
    assert CHROMIUM
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={pdf.parent / '.chromium'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
         html.resolve().as_uri()],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    assert pdf.exists()
    assert pdf.stat().st_size > 1000
    return pdf


def pdf_text(pdf: Path) -> str:
    """The PDF's text with all white space folded to single spaces."""
    assert PDFTOTEXT
    out = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True)
    return re.sub(r"\s+", " ", out.stdout)
