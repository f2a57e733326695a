"""Old Word files (.doc) become .docx through LibreOffice, when it is installed: run headless, with a profile of its
own (so that an open LibreOffice does not swallow the conversion), on a copy in a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import TolvfaltError

MAX_FILE_MB = 20
TIMEOUT = 180


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, name: str) -> bytes:
    """The .docx LibreOffice makes of ``path``."""
    from ..read.source import read_bytes

    raw = read_bytes(path, MAX_FILE_MB)
    program = soffice()
    if program is None:
        raise TolvfaltError.one("import_needs_soffice", file=name, name=path.name)
    with tempfile.TemporaryDirectory(prefix="tolvfalt-import-") as tmp:
        folder = Path(tmp)
        source = folder / "dokument.doc"
        source.write_bytes(raw)
        command = [
            program, "--headless", "--norestore", "--nolockcheck",
            f"-env:UserInstallation={(folder / 'profil').as_uri()}",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "ut"), str(source),
        ]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise TolvfaltError.one("import_convert_failed", file=name, detail=f"> {TIMEOUT} s") from None
        except OSError as exc:
            raise TolvfaltError.one("import_convert_failed", file=name, detail=exc.strerror or str(exc)) from None
        result = folder / "ut" / "dokument.docx"
        if not result.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[:200] or f"exit {done.returncode}"
            raise TolvfaltError.one("import_convert_failed", file=name, detail=detail)
        return read_bytes(result, MAX_FILE_MB)
