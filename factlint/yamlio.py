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


class LineList(list):
    """A list that knows the 1-based source line of each item."""

    item_lines: list


class _LineLoader(yaml.SafeLoader):
    pass


class _FastLineLoader(_FastSafeLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
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
        line = key_node.start_mark.line + 1
        if key in result.key_lines:
            first = result.key_lines[key] + loader.line_offset
            loader.problems.append((f"key {key!r} is given twice (first on line {first})", line))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    """A date or time; one that is not a real one (``date: 1998-30-06``) stays the text written,
    for whoever reads the value to judge (YAML itself would stop the whole file)."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _parse(text: str, loader_class: Any, line_offset: int) -> tuple[Any, list[tuple[str, int]]]:
    loader = loader_class(text)
    loader.problems, loader.line_offset = [], line_offset
    try:
        return loader.get_single_data(), loader.problems
    finally:
        loader.dispose()


def load_yaml_lenient(text: str, path: str, line_offset: int = 0) -> tuple[Any, list[FactlintError]]:
    """Parse YAML text that should be read even when some values are unusable (front
    matter): the data, and each problem (a key given twice, a date that is not one) located.
    Text that does not parse raises FactlintError with path and line."""
    if _HAVE_LIBYAML:
        try:
            data, problems = _parse(text, _FastLineLoader, line_offset)
        except (yaml.YAMLError, FactlintError, RecursionError):
            pass  # the pure Python parser below words the error
        else:
            return data, [FactlintError(problem, path, line + line_offset) for problem, line in problems]
    try:
        data, problems = _parse(text, _LineLoader, line_offset)
    except FactlintError as err:
        raise FactlintError(err.message, path, (err.line or 0) + line_offset or None) from None
    except RecursionError:
        raise FactlintError("nested too deeply to read", path, line_offset + 1 if line_offset else None) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 + line_offset if mark is not None else None
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise FactlintError(f"invalid YAML: {problem}", path, line) from None
    return data, [FactlintError(problem, path, line + line_offset) for problem, line in problems]


def load_yaml(text: str, path: str, line_offset: int = 0) -> Any:
    """Parse YAML text written by a person (rules, config, facts); every error,
    a key given twice included, is a located FactlintError."""
    data, problems = load_yaml_lenient(text, path, line_offset)
    if problems:
        raise problems[0]
    return data


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
