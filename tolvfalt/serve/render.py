"""The app's pages: the package's jinja2 environment (autoescaped) with the templates under ``html/serve/``, every
text a label in ``data/labels.yaml``, and the style sheet served from the app: the house style, the app's own
rules, and a class per step of the framework's scale (the policy allows no inline style)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..formats.colour import text_colour
from ..framework import Framework
from ..i18n import LANG_TAGS, Lang, label, lines, message

HTML = Path(__file__).resolve().parent.parent / "html"


@dataclass
class Renderer:
    framework: Framework
    lang: Lang
    folder_name: str

    @cached_property
    def environment(self) -> Any:
        from ..formats.html import environment

        env = environment()
        env.globals.update(t=self.t, html_lang=LANG_TAGS[self.lang], folder_name=self.folder_name)
        env.filters["problem"] = self.problem
        env.filters["rating_class"] = self.rating_class
        return env

    def t(self, key: str, **params: object) -> str:
        return label(key, self.lang, **params)

    def lines(self, key: str) -> list[str]:
        return lines(key, self.lang)

    def problem(self, p: Problem) -> str:
        """A problem's message with its hint, without the place (the page shows cell and key beside it)."""
        text = message(p.code, self.lang, **p.params)
        if p.suggestion is not None:
            text += f" ({label('hint', self.lang, suggestion=repr(p.suggestion))})"
        return text

    def rating_class(self, value: int | None) -> str:
        values = [s.value for s in self.framework.scale]
        return f"rating-step-{values.index(value)}" if value in values else "rating-none"

    def page(self, name: str, **context: object) -> str:
        text: str = self.environment.get_template(f"serve/{name}.html.j2").render(context)
        return text

    @cached_property
    def css(self) -> str:
        steps = "\n".join(
            f".rating-step-{i} {{ background: {s.color}; color: {text_colour(s.color)}; }}"
            for i, s in enumerate(self.framework.scale)
        )
        from ..formats.html import environment

        house = environment().get_template("house.css").render()  # the house colours, from formats/house.py
        return "\n".join((house, _text("serve/serve.css"), steps, ""))

    @cached_property
    def script(self) -> str:
        return _text("serve/tolvfalt.js")


def _text(name: str) -> str:
    return HTML.joinpath(name).read_text("utf-8")
