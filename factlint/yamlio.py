"""Safe YAML loading that remembers the line of every mapping key.

Rule files, config files and facts files are written by people; when one is
wrong, the error must name the line, so mappings load as ``LineDict``.
"""

from __future__ import annotations

from typing import Any

import yaml

from factlint.errors import FactlintError


class LineDict(dict):
    """A dict that knows the 1-based source line of each key (and of itself)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise FactlintError("mapping key is not a plain value", line=key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(text: str, path: str, line_offset: int = 0) -> Any:
    """Parse YAML text; errors become FactlintError with path and line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except FactlintError as err:
        raise FactlintError(err.message, path, (err.line or 0) + line_offset or None) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 + line_offset if mark is not None else None
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise FactlintError(f"invalid YAML: {problem}", path, line) from None


def load_yaml_file(path: str) -> Any:
    """Read and parse a YAML file (UTF-8), with located errors."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise FactlintError(f"cannot read file: {err.strerror}", path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise FactlintError(f"not valid UTF-8 (byte {err.start})", path) from None
    return load_yaml(text, path)
