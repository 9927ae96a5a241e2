"""Read a YAML file into plain data, refusing what PyYAML would let slip.

- A duplicate key is an error: PyYAML keeps the last one without a word, in
  a file whose point is that each number is written once.
- Anchors and aliases are refused: the data has no use for them, and nested
  aliases expand exponentially (a few hundred bytes can take minutes and
  gigabytes).
- Nesting is bounded, so no input can exhaust the stack.
- Numbers are plain decimal integers. YAML 1.1 also reads 0x59D8, 0o54730,
  6:23:20 and 23000.0 as numbers; each is refused with the way to write it.
- Unquoted dates stay ISO text, so the JSON Schema sees what the author wrote.

Every key's line is kept, so later checks can point at it. libyaml's C
parser is used when PyYAML was built with it (about ten times faster).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import FigureDataError
from .files import read_text

Key = tuple[str | int, ...]

# The data file is four levels deep (figures › id › label › en); twenty is
# room for any sensible change and far from any recursion limit.
MAX_DEPTH = 20
_PLAIN_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader (libyaml's when available) without the implicit timestamp type."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    lines: dict[Key, int]  # 1-based line of every key and list item
    file: str

    def line_of(self, key: Key) -> int | None:
        """Line of `key`, or of its nearest ancestor that has one."""
        for end in range(len(key), -1, -1):
            if key[:end] in self.lines:
                return self.lines[key[:end]]
        return None


def read_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    name = display_name or str(path)
    return parse_yaml(read_text(path, name, "the data file"), name)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML text; `name` is the file name messages give."""
    try:
        _check_events(text, name)
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                raise FigureDataError("the file is empty", file=name, expected="a YAML mapping")
            lines: dict[Key, int] = {(): root.start_mark.line + 1}
            data = _build(root, (), loader, lines, name)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = f"malformed YAML: {error.problem or error.context}"
        if error.context and error.context_mark and mark and error.context_mark.line != mark.line:
            # PyYAML notices the problem where it gets stuck, often a line
            # after the mistake; the context points back at where it began.
            problem += f" ({error.context} that starts on line {error.context_mark.line + 1})"
        raise FigureDataError(problem, file=name, line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise FigureDataError(f"malformed YAML: {error}", file=name) from None
    return YamlDocument(data=data, lines=lines, file=name)


def _check_events(text: str, name: str) -> None:
    """Refuse anchors, aliases and deep nesting before anything is built."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise FigureDataError(
                "YAML anchors and aliases (&name, *name) are not allowed",
                file=name,
                line=line,
                expected="every value written out where it is used",
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise FigureDataError(
                    f"the data is nested more than {MAX_DEPTH} levels deep",
                    file=name,
                    line=line,
                    expected="the shape the schema describes",
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _build(node: yaml.Node, key: Key, loader: _Loader, lines: dict[Key, int], name: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise FigureDataError(
                    "YAML merge keys (<<) are not allowed",
                    file=name,
                    line=line,
                    key=key,
                    expected="every value written out where it is used",
                )
            child = loader.construct_object(key_node)
            if not isinstance(child, str):
                raise FigureDataError(
                    f"the key {child!r} is not text", file=name, line=line, key=key, expected="a text key"
                )
            if child in result:
                raise FigureDataError(
                    f"duplicate key '{child}' (first defined on line {lines[key + (child,)]})",
                    file=name,
                    line=line,
                    key=key + (child,),
                    expected="each key once, so that each number is written once",
                )
            lines[key + (child,)] = line
            result[child] = _build(value_node, key + (child,), loader, lines, name)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[key + (index,)] = item.start_mark.line + 1
            items.append(_build(item, key + (index,), loader, lines, name))
        return items
    _check_number(node, key, name)
    return loader.construct_object(node)


def _check_number(node: yaml.Node, key: Key, name: str) -> None:
    """A number must be written as plain decimal digits."""
    if node.tag not in (_INT_TAG, _FLOAT_TAG) or _PLAIN_INTEGER.fullmatch(node.value):
        return
    written = node.value
    try:
        value = float(yaml.safe_load(written))
    except (TypeError, ValueError, yaml.YAMLError):
        value = float("nan")
    form = {True: "a number with a fraction", False: "a number in a YAML 1.1 form"}[node.tag == _FLOAT_TAG]
    if value == value and value not in (float("inf"), float("-inf")) and value.is_integer():
        how = f"plain decimal digits: {int(value)}"
    else:
        how = "a whole number in plain decimal digits, such as 23000"
    raise FigureDataError(f"'{written}' is {form}", file=name, line=node.start_mark.line + 1, key=key, expected=how)
