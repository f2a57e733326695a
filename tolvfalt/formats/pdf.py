"""PDF from the same HTML as the web page (one design), by WeasyPrint: tagged for assistive technology, PDF/A-2a for
the archive, the title shown in the viewer's title bar, the document's language and author set."""

from __future__ import annotations

import threading
from typing import Any

from ..errors import TolvfaltError

_COLLECTOR = threading.Lock()
VARIANT = "pdf/a-2a"  # PDF/A-2, level A: archival and tagged (structure tree, headings, table header cells, lists)


def from_html(html: str) -> bytes:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # the package, or the Pango library it loads, is missing
        raise TolvfaltError.one("no_weasyprint", detail=f"{type(exc).__name__}: {exc}"[:200]) from None

    def finisher(document: Any, pdf: Any) -> None:
        import pydyf

        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})

    import gc
    import warnings

    with warnings.catch_warnings():
        # WeasyPrint leaves its sRGB profile's file to the garbage collector; that is its own affair, not ours
        warnings.simplefilter("ignore", ResourceWarning)
        # What lives before the layout (the modules, the document's model) is set aside from the collector while
        # WeasyPrint works, and the youngest generation is collected ten times less often: its collections look
        # only at what it made, and fewer times (time in the collector, 2009's document: 140 ms, 55 ms with this).
        with _COLLECTOR:  # the collector is the process's: one document at a time sets it (the web app's threads)
            thresholds = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(thresholds[0] * 10, *thresholds[1:])
            try:
                data: bytes = weasyprint.HTML(string=html, base_url=None).write_pdf(
                    pdf_variant=VARIANT, finisher=finisher, custom_metadata=True
                )
                gc.collect()
            finally:
                gc.set_threshold(*thresholds)
                gc.unfreeze()
    return data
