"""Safe YAML loading that remembers the line of every mapping key.

Rule files, config files and facts files are written by people; when one is
wrong, the error must name the line, so mappings load as ``LineDict``.

libyaml (PyYAML's C parser) reads about six times faster than the pure
Python one, which matters for front matter (once per article) and for the
lexicons in factlint/data (once per run). It is used when PyYAML was built
with it; the pure Python parser remains the fallback and, for a file that
does not parse, gives the error message, so messages are the same
everywhere.
"""

from __future__ import annotations

from typing import Any

import yaml

from factlint.errors import FactlintError

_HAVE_LIBYAML = hasattr(yaml, "CSafeLoader")
_FastSafeLoader = yaml.CSafeLoader if _HAVE_LIBYAML else yaml.SafeLoader


class LineDict(dict):
    """A dict that knows the 1-based source line of each key (and of itself)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    pass


class _FastLineLoader(_FastSafeLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
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
_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(text: str, path: str, line_offset: int = 0) -> Any:
    """Parse YAML text; errors become FactlintError with path and line."""
    if _HAVE_LIBYAML:
        try:
            return yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - SafeLoader equivalent
        except (yaml.YAMLError, FactlintError):
            pass  # the pure Python parser below words the error
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


def load_data_file(path: str) -> Any:
    """A YAML data file shipped with factlint (a lexicon): plain dicts, fast.

    These files are ours and tested, so no line numbers are kept.
    """
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_FastSafeLoader)  # noqa: S506 - SafeLoader or its C twin
