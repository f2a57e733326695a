"""How well `tolvfalt import` places what kartläggningar written by hand say: per layout, the share of sentences in
the question they answer and the share found anywhere in the imported file (targets: 98 % and 100 %; from PDF 90 %
and 98 %).

The documents are the 2009 seed (as plain text and as the Word file it was) and the four examples written in each
layout of ``tests/import_documents.py``, then converted by LibreOffice (.odt, .doc, .pdf), and tolvfalt's own .docx
and .pdf of the same examples. LibreOffice and pdfplumber are needed for those rows (the rest runs without them).

python benchmarks/import_accuracy.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from import_documents import LAYOUTS, SEED, assessment_docx, placement, seed_docx  # noqa: E402

from tolvfalt.formats import render  # noqa: E402
from tolvfalt.importing import import_document  # noqa: E402
from tolvfalt.model import Assessment  # noqa: E402
from tolvfalt.read import load  # noqa: E402
from tolvfalt.read.framework import default_framework  # noqa: E402

EXAMPLES = ("2009", "2010-pahittad", "2011-pahittad", "exempelforbundet-2010")
PDF_TARGETS = (0.90, 0.98)
TARGETS = (0.98, 1.0)


def convert(files: list[Path], to: str, folder: Path) -> list[Path]:
    """``files`` converted by LibreOffice in one run (it starts once)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or not files:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder / ".profile").as_uri()
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", to, "--outdir", str(folder),
         *map(str, files)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return [folder / f"{f.stem}.{to}" for f in files]


def main() -> None:
    fw = default_framework()
    truth = {name: load(ROOT / "examples" / f"{name}.yaml", fw) for name in EXAMPLES}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows: dict[str, list[tuple[Path, Assessment]]] = {
            "text, the 2009 seed": [(SEED, truth["2009"])],
            "Word, the 2009 seed as written": [(seed_docx(folder / "seed.docx"), truth["2009"])],
            "Word, the 2009 seed, fields in bold": [(seed_docx(folder / "seed-fet.docx", "bold"), truth["2009"])],
        }
        for layout in LAYOUTS:
            rows[f"Word, {layout}"] = [
                (assessment_docx(a, folder / f"{name}-{layout}.docx", layout, fw), a) for name, a in truth.items()
            ]
        tables = [path for path, _ in rows["Word, tabell"]]
        headings = [path for path, _ in rows["Word, rubriker"]]
        seed = rows["Word, the 2009 seed as written"][0][0]
        by_stem = {p.stem: a for p, a in rows["Word, tabell"] + rows["Word, rubriker"]} | {seed.stem: truth["2009"]}
        for label, files, to in (
            ("OpenDocument (LibreOffice), tabell", tables, "odt"),
            ("Word 97 .doc (LibreOffice), tabell", tables, "doc"),
            ("PDF (LibreOffice), the 2009 seed", [seed], "pdf"),
            ("PDF (LibreOffice), tabell", tables, "pdf"),
            ("PDF (LibreOffice), rubriker", headings, "pdf"),
        ):
            converted = convert(files, to, folder / f"{to}-{label.split(',')[-1].strip().replace(' ', '-')}")
            if converted:
                rows[label] = [(p, by_stem[p.stem]) for p in converted]
        for fmt in ("docx", "pdf"):
            own = []
            for name, a in truth.items():
                path = folder / f"egen-{name}.{fmt}"
                try:
                    path.write_bytes(render(a, fmt, lang="sv", framework=fw))  # type: ignore[arg-type]
                except Exception as exc:  # WeasyPrint missing: the row is left out
                    print(f"({fmt}: {exc})", file=sys.stderr)
                    break
                own.append((path, a))
            if own:
                rows[f"tolvfalt's own .{fmt}"] = own
        print("| layout | documents | sentences | in their own question | found anywhere | target | seconds |")
        print("|---|---:|---:|---:|---:|---|---:|")
        for label, documents in rows.items():
            total = own_q = anywhere = 0
            start = time.perf_counter()
            for path, expected in documents:
                imported = import_document(path, fw).assessment
                t, o, a = placement(expected, imported, fw)
                total, own_q, anywhere = total + t, own_q + o, anywhere + a
            seconds = time.perf_counter() - start
            targets = PDF_TARGETS if "PDF" in label or label.endswith(".pdf") else TARGETS
            met = "met" if own_q >= targets[0] * total and anywhere >= targets[1] * total else "NOT met"
            target = f"{targets[0]:.0%} / {targets[1]:.0%} {met}"
            print(
                f"| {label} | {len(documents)} | {total} | {own_q / total:.1%} | {anywhere / total:.1%} | {target} "
                f"| {seconds:.1f} |"
            )


if __name__ == "__main__":
    main()
