from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import (
    DebugOption,
    ForbundOption,
    ForceOption,
    FrameworkOption,
    LangOption,
    Language,
    YearOption,
    command_context,
    err,
    wrote,
)
from .texts import t

if TYPE_CHECKING:
    from ..framework import Framework
    from ..i18n import Lang
    from ..importing import Imported

NAME = "import"
HELP = t(
    "Läs in en kartläggning skriven för hand (.docx, .doc, .odt, .pdf, .txt) till en kartläggningsfil.",
    "Import a kartläggning written by hand (.docx, .doc, .odt, .pdf, .txt) into an assessment file.",
)


def command(
    document: Annotated[
        Path,
        typer.Argument(
            metavar=t("DOKUMENT", "DOCUMENT"),
            help=t("Dokumentet, eller en mapp med dokument.", "The document, or a folder of documents."),
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar=t("FIL", "FILE"),
            help=t(
                "YAML-filen att skriva (en mapp för en mapp med dokument); annars standard ut.",
                "The .yaml file to write (a folder for a folder of documents); default: stdout.",
            ),
        ),
    ] = None,
    forbund: ForbundOption = None,
    year: YearOption = None,
    force: ForceOption = False,
    lang: LangOption = Language.sv,
    framework: FrameworkOption = None,
    debug: DebugOption = False,
) -> None:
    from ..errors import UsageError
    from ..importing import SUFFIXES, documents_in, import_document
    from ..read import YAML_SUFFIXES
    from ..write import write_atomic
    from .output import echo, require_suffix

    with command_context(lang, framework, debug) as (language, fw):
        inputs = [p for p in (framework,) if p]
        if not document.is_dir():
            target = output / f"{document.stem}.yaml" if output is not None and output.is_dir() else output
            if target is not None:
                require_suffix(NAME, target, YAML_SUFFIXES)
            imported = import_document(document, fw, lang=language, forbund=forbund, ar=year)
            _report(imported, fw, language)
            if target is None:
                echo(imported.yaml)
                return
            write_atomic(target, imported.yaml, inputs=[document, *inputs], force=force)
            wrote(target, language)
            return
        if output is None:
            raise UsageError.one("import_needs_output_dir", file=_name(document))
        if output.exists() and not output.is_dir():
            raise UsageError.one("import_output_not_dir", path=_name(output))
        files = documents_in(document)
        if not files:
            raise UsageError.one("import_no_documents", file=_name(document), formats=", ".join(SUFFIXES))
        output.mkdir(parents=True, exist_ok=True)
        failed = _folder(files, output, fw, language, forbund, year, force, inputs)
    if failed:
        raise typer.Exit(1)


def _folder(
    files: list[Path],
    output: Path,
    fw: "Framework",
    lang: "Lang",
    forbund: str | None,
    year: int | None,
    force: bool,
    inputs: list[Path],
) -> bool:
    """Each document into a .yaml of its own name in ``output``; a document that fails does not stop the rest.
    Returns whether any failed."""
    from collections import Counter

    from ..errors import TolvfaltError
    from ..importing import import_document
    from ..write import write_atomic
    from .options import progress

    stems = Counter(p.stem.casefold() for p in files)
    failed = False
    with progress(len(files), lang) as tick:
        for path in files:
            name = path.stem if stems[path.stem.casefold()] == 1 else f"{path.stem}-{path.suffix.lstrip('.').lower()}"
            target = output / f"{name}.yaml"
            try:
                imported = import_document(path, fw, lang=lang, forbund=forbund, ar=year)
                _report(imported, fw, lang)
                write_atomic(target, imported.yaml, inputs=[*files, *inputs], force=force)
                wrote(target, lang)
            except TolvfaltError as exc:
                failed = True
                for problem in exc.problems:
                    err(problem.format(lang))
            if tick is not None:
                tick(path)
    return failed


def _report(imported: "Imported", fw: "Framework", lang: "Lang") -> None:
    """Every uncertain placement and every piece of text left for review, then a line that sums them up."""
    from ..i18n import label
    from ..model import completeness

    for prefix, problems in (
        ("import_uncertain_prefix", imported.uncertain),
        ("import_unplaced_prefix", imported.unplaced),
    ):
        for problem in problems:
            err(f"{label(prefix, lang)}: {problem.format(lang)}")
    done = completeness(imported.assessment, fw)
    err(
        label(
            "import_summary",
            lang,
            file=imported.source,
            answered=len(done.answered),
            total=done.total,
            uncertain=len(imported.uncertain),
            unplaced=len(imported.unplaced),
        )
    )


def _name(path: Path) -> str:
    from ..read.source import display_name

    return display_name(path)
