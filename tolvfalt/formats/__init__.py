"""From model to output: one registry of formats, each with its suffixes and the objects it can write.

``render(obj, fmt)`` builds the view of ``obj`` once and hands it to the writer of ``fmt``; the heavy libraries
load only when their format is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from ..read import EXCEL_SUFFIXES, YAML_SUFFIXES

if TYPE_CHECKING:  # the command line imports this module for --help; keep it light
    from rich.console import RenderableType

    from ..framework import Framework
    from ..i18n import Lang

Kind = Literal["assessment", "comparison", "merged", "check", "status"]
ALL: frozenset[Kind] = frozenset({"assessment", "comparison", "merged", "check", "status"})


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    binary: bool
    kinds: frozenset[Kind]
    """The objects this format can write."""


FORMATS: tuple[Format, ...] = (
    Format("terminal", (".txt",), False, ALL),
    Format("md", (".md", ".markdown"), False, frozenset({"assessment", "comparison", "merged"})),
    Format("html", (".html", ".htm"), False, frozenset({"assessment", "comparison", "merged"})),
    Format("pdf", (".pdf",), True, frozenset({"assessment", "comparison", "merged"})),
    Format("docx", (".docx",), True, frozenset({"assessment", "merged"})),
    Format("xlsx", EXCEL_SUFFIXES[:1], True, frozenset({"assessment", "comparison", "merged"})),
    Format("json", (".json",), False, ALL),
    Format("yaml", YAML_SUFFIXES, False, frozenset({"assessment", "merged"})),
    Format("csv", (".csv",), True, frozenset({"comparison"})),
)
BY_NAME = {f.name: f for f in FORMATS}
FOR_PEOPLE = frozenset({"md", "html", "pdf", "docx"})
"""Documents for people to read, published: never written while personal data is in the text. The working
formats (yaml, xlsx, json) are never held back, so nothing is lost on the way to fixing it."""


def formats_for(kind: Kind) -> list[Format]:
    return [f for f in FORMATS if kind in f.kinds]


def format_for(path: Path, kind: Kind) -> Format | None:
    """The format a file name asks for, if ``kind`` can be written in it."""
    suffix = path.suffix.lower()
    return next((f for f in formats_for(kind) if suffix in f.suffixes), None)


def kind_of(obj: object) -> Kind:
    """What ``obj`` is, told by its class without importing a module it could not come from (classifying an
    assessment imports nothing of comparisons or rounds)."""
    import sys

    if isinstance(obj, list):
        return "check"
    kinds: tuple[tuple[str, str, Kind], ...] = (
        ("tolvfalt.model", "Assessment", "assessment"),
        ("tolvfalt.comparison", "Comparison", "comparison"),
        ("tolvfalt.merged", "Merged", "merged"),
        ("tolvfalt.round", "RoundStatus", "status"),
    )
    for module, name, kind in kinds:
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(obj, getattr(loaded, name)):
            return kind
    raise TypeError(f"tolvfalt cannot render a {type(obj).__name__}")


TextFormat = Literal["terminal", "md", "html", "json", "yaml"]
BinaryFormat = Literal["pdf", "docx", "xlsx", "csv"]


@overload
def render(
    obj: Any, fmt: TextFormat, lang: Lang = "sv", *, framework: Framework | None = None, **options: Any
) -> str: ...
@overload
def render(
    obj: Any, fmt: BinaryFormat, lang: Lang = "sv", *, framework: Framework | None = None, **options: Any
) -> bytes: ...
@overload
def render(
    obj: Any, fmt: str, lang: Lang = "sv", *, framework: Framework | None = None, **options: Any
) -> str | bytes: ...
def render(obj: Any, fmt: str, lang: Lang = "sv", *, framework: Framework | None = None, **options: Any) -> str | bytes:
    """``obj`` (an Assessment, a Comparison, a Merged, or the list of results ``check`` returns) in format ``fmt``.

    ``framework`` is the one an assessment was read with (default: the shipped one). A document for people (md,
    html, pdf, docx) of an assessment or a merged view is refused while personal data is in its texts
    (``TolvfaltError``, code ``personal_data``); ``anonymise=True`` writes it with every match replaced, and
    ``line_for`` and ``source`` place what is found. Other ``options`` go to the writer that takes them: the
    documents take ``previous``, last year's Assessment, to show what changed; docx takes
    ``docx_template``, a Path to a .docx to build on.
    """
    kind = kind_of(obj)
    spec = BY_NAME.get(fmt)
    if spec is None or kind not in spec.kinds:
        names = ", ".join(f.name for f in formats_for(kind))
        raise ValueError(f"cannot write a {kind} as {fmt!r}; formats: {names}")
    anonymise = bool(options.pop("anonymise", False))
    line_for = options.pop("line_for", None)
    source = options.pop("source", None)
    if fmt in FOR_PEOPLE and kind in ("assessment", "merged"):
        obj = _publishable(obj, kind, anonymise, source, line_for)
    if kind == "status":
        from .data import dumps, status_data

        if fmt == "json":
            return dumps(status_data(obj, lang))
    if kind == "check":
        from .data import check_data, dumps
        from .view.check import check_line

        if fmt == "json":
            return dumps(check_data(obj, lang))
        return "".join(check_line(r, lang) + "\n" for r in obj)
    if fmt == "terminal":
        from .terminal import plain_text

        return plain_text(renderable(obj, lang, framework=framework), 110 if kind == "comparison" else 100)
    if kind == "assessment":
        return _assessment(obj, fmt, lang, framework, options)
    if kind == "comparison":
        return _comparison(obj, fmt, lang)
    if fmt in ("yaml", "docx", "xlsx"):  # a merged view as one combined assessment
        return _assessment(obj.combined(), fmt, lang, obj.framework, options)
    return _merged(obj, fmt, lang)


def stream(
    obj: Any, fmt: str, lang: Lang = "sv", *, framework: Framework | None = None, **options: Any
) -> Iterable[str | bytes]:
    """``render`` in pieces where an output can be too large to hold whole (a comparison's JSON, written one
    series at a time); every other output is rendered at once, before anything is written."""
    if fmt == "json" and kind_of(obj) == "comparison":
        from .data import comparison_json

        return comparison_json(obj, lang)
    return (render(obj, fmt, lang, framework=framework, **options),)


def _publishable(obj: Any, kind: Kind, anonymise: bool, source: str | None, line_for: Any) -> Any:
    """The object as it may be published: refused while personal data is in its texts (every finding at its
    place), or with every match replaced for a draft (``anonymise``)."""
    from ..errors import TolvfaltError
    from ..personal import BLOCKING, redact, scan
    from .view.common import within_document_limits

    # a text larger than any document is refused before it is scanned: counted as its view counts it
    within_document_limits([obj] if kind == "assessment" else [r.loaded for r in (*obj.responses, *obj.heads)])
    assessment = obj if kind == "assessment" else obj.combined()
    if anonymise and kind == "assessment":  # a draft: marked as one on every page
        return redact(assessment).model_copy(update={"utkast": True})
    found = [p for p in scan(assessment, file=source, line_for=line_for) if p.params.get("kind") in BLOCKING]
    if found:
        raise TolvfaltError(found)
    return obj


def renderable(obj: Any, lang: Lang = "sv", *, framework: Framework | None = None) -> RenderableType:
    """What a terminal shows of ``obj``."""
    from . import terminal

    kind = kind_of(obj)
    if kind == "assessment":
        from .view.document import document

        return terminal.assessment(document(obj, _framework(framework), lang, mentions=False))
    if kind == "comparison":
        from .view.comparison import comparison

        return terminal.comparison(comparison(obj, lang))
    if kind == "merged":
        from .view.merged import merged

        return terminal.merged(merged(obj, lang))
    if kind == "status":
        from .view.status import status

        return terminal.status(status(obj, lang))
    from .view.check import check_line

    return terminal.check([check_line(r, lang) for r in obj])


def _framework(framework: Framework | None) -> Framework:
    from ..read.framework import default_framework

    return framework or default_framework()


def _assessment(obj: Any, fmt: str, lang: Lang, framework: Framework | None, options: dict[str, Any]) -> str | bytes:
    from .view.document import document

    fw = _framework(framework)
    previous = options.pop("previous", None)
    if fmt == "json":
        from .data import assessment_json

        return assessment_json(obj)
    if fmt == "yaml":
        from .data import assessment_yaml

        return assessment_yaml(obj)
    if fmt == "xlsx":
        from . import xlsx

        return xlsx.assessment(obj, fw, lang)
    doc = document(obj, fw, lang, previous)
    if fmt == "md":
        from . import markdown

        return markdown.assessment(doc)
    if fmt in ("html", "pdf"):
        from . import html

        page = html.assessment(doc)
        return page if fmt == "html" else _pdf(page)
    from . import docx

    return docx.assessment(doc, **options)


def _comparison(obj: Any, fmt: str, lang: Lang) -> str | bytes:
    from .view.comparison import comparison

    if fmt == "json":
        from .data import comparison_json

        return "".join(comparison_json(obj, lang))
    if fmt == "csv":
        from . import csv

        return csv.comparison(obj)
    view = comparison(obj, lang)
    if fmt == "md":
        from . import markdown

        return markdown.comparison(view)
    if fmt in ("html", "pdf"):
        from . import html

        page = html.comparison(view)
        return page if fmt == "html" else _pdf(page)
    from . import xlsx_comparison

    return xlsx_comparison.comparison(view)


def _pdf(page: str) -> bytes:
    from .pdf import from_html

    return from_html(page)


def _merged(obj: Any, fmt: str, lang: Lang) -> str | bytes:
    from .view.merged import merged

    if fmt == "json":
        from .data import dumps, merged_data

        return dumps(merged_data(obj, lang))
    view = merged(obj, lang)
    if fmt == "md":
        from . import markdown

        return markdown.merged(view)
    from . import html

    page = html.merged(view)
    return page if fmt == "html" else _pdf(page)
