"""Read a YAML file into plain data, refusing what PyYAML would let slip.

PyYAML keeps the last of two duplicate keys without a word, and turns
unquoted dates into `datetime.date`. In a file whose point is that each
number is written once, a duplicate key is an error, and dates stay ISO
text so that the JSON Schema sees what the author wrote. Every key's line is
kept, so later checks can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import FigureDataError

Key = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp type."""


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
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FigureDataError("the data file does not exist", file=name,
                              expected="the YAML file that holds the site's figures") from None
    except UnicodeDecodeError as error:
        raise FigureDataError(f"the file is not valid UTF-8 ({error.reason})", file=name) from None

    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise FigureDataError("the file is empty", file=name, expected="a YAML mapping")
        lines: dict[Key, int] = {(): root.start_mark.line + 1}
        data = _build(root, (), loader, lines, name)
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
    finally:
        loader.dispose()
    return YamlDocument(data=data, lines=lines, file=name)


def _build(node: yaml.Node, key: Key, loader: _Loader, lines: dict[Key, int], name: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolve `<<` merge keys first
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            child = loader.construct_object(key_node)
            if not isinstance(child, str):
                raise FigureDataError(f"the key {child!r} is not text", file=name,
                                      line=key_node.start_mark.line + 1, key=key,
                                      expected="a text key")
            line = key_node.start_mark.line + 1
            if child in result:
                raise FigureDataError(
                    f"duplicate key '{child}' (first defined on line {lines[key + (child,)]})",
                    file=name, line=line, key=key + (child,),
                    expected="each key once, so that each number is written once")
            lines[key + (child,)] = line
            result[child] = _build(value_node, key + (child,), loader, lines, name)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[key + (index,)] = item.start_mark.line + 1
            items.append(_build(item, key + (index,), loader, lines, name))
        return items
    return loader.construct_object(node, deep=True)
