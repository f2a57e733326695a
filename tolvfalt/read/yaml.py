"""YAML files to plain data that remembers the line of every key; duplicate keys are errors."""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml

from ..errors import Problem, TolvfaltError
from .source import Located, Path_

try:
    Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    Loader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
MAX_NODES = 1_000_000  # values built, aliases expanded ("billion laughs")
MAX_DEPTH = 64
MAX_EXPANDED_CHARS = 20 * 2**20  # text built, aliases expanded: no more than the largest file holds


def parse_yaml(text: str, file: str) -> Located:
    """Parse one YAML document safely; duplicate keys are errors, every key's line is kept."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.composer.ComposerError as exc:
        if "expected a single document" in str(exc):
            line = exc.problem_mark.line + 1 if exc.problem_mark else None
            raise TolvfaltError.one("several_documents", file=file, line=line) from None
        raise _syntax_error(exc, file, text) from None
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, file, text) from None
    finally:
        loader.dispose()
    if node is None:
        raise TolvfaltError.one("not_yaml_document", file=file)
    builder = _Builder(loader, file)
    data = builder.build(node, ())
    if builder.problems:
        raise TolvfaltError(builder.problems)
    return Located(data, file, builder.lines, written=builder.written)


# What PyYAML says, and the mistake a person made: each gets a message of its own, in the user's language.
_SYNTAX = (
    ("alias", "yaml_star"),
    ("mapping values are not allowed", "yaml_colon"),
    ("that cannot start any token", "yaml_reserved"),
    ("could not find expected ':'", "yaml_missing_colon"),
    ("while scanning a quoted scalar", "yaml_unclosed_quote"),
    ("found unknown escape character", "yaml_escape"),
    ("while parsing a flow", "yaml_flow"),
    ("expected <block end>", "yaml_indent"),
    ("did not find expected key", "yaml_indent"),
    ("did not find expected '-' indicator", "yaml_indent"),
    ("expected the node content", "yaml_indent"),
)


def _char_at(text: str, mark: Any) -> str | None:
    """The character a mark points at (by its index: YAML counts NEL and the like as line breaks too)."""
    index = getattr(mark, "index", None)
    return text[index] if isinstance(index, int) and 0 <= index < len(text) else None


def _syntax_error(exc: yaml.YAMLError, file: str, text: str) -> TolvfaltError:
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    detail = " ".join(str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part)
    code = next((code for phrase, code in _SYNTAX if phrase in detail), "yaml_syntax")
    line = mark.line + 1 if mark else None
    began = context.line + 1 if context is not None else None
    if began is not None and (line is None or (mark is not None and mark.line >= text.count("\n"))):
        line, began = began, None  # noticed only at the end of the file: point at where it began
    params: dict[str, object] = {"detail": detail or str(exc).splitlines()[0]}
    if code == "yaml_reserved":  # a tab, or a character YAML keeps for itself (@, `, %): told apart
        char = _char_at(text, mark)
        if char == "\t":
            code, params = "yaml_tab", {}
        elif char:
            code, params = "yaml_reserved", {"char": char}
        else:
            code = "yaml_syntax"
    problem = Problem(code, params, file, line)
    if began is not None and began != line:
        # the parser notices a mistake where it can go no further; the mistake may stand where the value began
        return TolvfaltError([problem, Problem("yaml_began_here", {"line": line}, file, began)])
    return TolvfaltError([problem])


class _Builder:
    def __init__(self, loader: Any, file: str) -> None:
        self.loader = loader
        self.file = file
        self.lines: dict[Path_, int | str] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.chars = 0
        self.written: dict[Path_, str] = {}

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES or len(path) > MAX_DEPTH:
            raise TolvfaltError.one("too_deep", file=self.file, line=node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*path, str(index))] = item.start_mark.line + 1
                items.append(self.build(item, (*path, str(index))))
            return items
        self.chars += len(node.value)
        if self.chars > MAX_EXPANDED_CHARS:
            raise TolvfaltError.one("too_much_text", file=self.file, line=node.start_mark.line + 1, limit=20)
        if node.tag == _STR:  # text, as most values are: what the constructor would return, without its cost
            return node.value
        try:
            value = self.loader.construct_object(node)
        except (ValueError, OverflowError):
            # 2009-02-30, hour 25, a number of 5,000 digits: kept as the text it is, which the model accepts where
            # text is wanted and refuses, with its own message, where a date or a number is
            return node.value
        except yaml.YAMLError as exc:
            detail = str(getattr(exc, "problem", exc))
            line = node.start_mark.line + 1
            if "could not determine a constructor" in detail:  # !!python/object and the like: never run, named
                self.problems.append(Problem("yaml_tag", {"tag": _show(node.tag)}, self.file, line, _key(path)))
                return None
            params: dict[str, object] = {"detail": detail, "value": _show(node.value)}
            self.problems.append(Problem("invalid", params, self.file, line, _key(path)))
            return None
        if not getattr(node, "style", None) and isinstance(value, (bool, int, float)):  # plain, unquoted
            self.written[path] = node.value
        return value

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = self._key(key_node, path)
            if key is None or isinstance(key, (list, dict)):
                self.problems.append(Problem("bad_key", {}, self.file, line, _key(path)))
                continue
            sub = (*path, str(key))
            if key in first_line and sub not in self.lines:  # 1 and true, 1 and 1.0: one key to Python
                params = {"key": str(key), "first": first_line[key]}
                self.problems.append(Problem("duplicate_key", params, self.file, line, _key(sub)))
                continue
            first_line.setdefault(key, line)
            if sub in self.lines:
                self.problems.append(
                    Problem("duplicate_key", {"key": str(key), "first": self.lines[sub]}, self.file, line, _key(sub))
                )
                continue
            self.lines[sub] = line
            result[key] = self.build(value_node, sub)
        return result

    def _key(self, node: yaml.Node, path: Path_) -> Any:
        """A mapping's key: text in NFC, so that keys typed on a Mac and on Windows are one key."""
        if not isinstance(node, yaml.ScalarNode):
            return None
        key = self.build(node, path)
        self.written.pop(path, None)  # a key is no value (the mapping's own path holds no scalar)
        return unicodedata.normalize("NFC", key) if isinstance(key, str) else key


def _show(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _key(path: Path_) -> str | None:
    return ".".join(path) or None
