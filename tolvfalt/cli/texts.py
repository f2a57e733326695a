"""The command line's own words (its --help): Swedish, or English with ``--lang en`` or an English ``LANG``.
What a command reports comes from data/labels.yaml; these are read before any command runs, so they stay here,
in code, where --help needs no data file."""

from __future__ import annotations

import os
import sys

from ..i18n import Lang


def help_lang(argv: list[str] | None = None, environ: dict[str, str] | None = None) -> Lang:
    args = sys.argv[1:] if argv is None else argv
    env = os.environ if environ is None else environ
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "sv"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "sv"
    locale = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    return "en" if locale.lower().startswith("en") else "sv"


LANG: Lang = help_lang()


def t(sv: str, en: str) -> str:
    """The text in the language of this run's --help."""
    return en if LANG == "en" else sv
