"""Project configuration: ``.factlint.yaml`` or ``[tool.factlint]`` in pyproject.toml.

The nearest one, searching from the current folder upwards, applies unless
``--config`` names another. Every key is validated; a mistake is reported
with the file and line, never ignored.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from factlint.document import ANALYSIS_TIMEOUT
from factlint.errors import FactlintError
from factlint.findings import SEVERITIES

CONFIG_FILES = (".factlint.yaml", ".factlint.yml", "pyproject.toml")


@dataclass
class Config:
    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    rules: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)  # added to select (or to the default rules): opt-in rules by id
    fail_level: str = "warning"
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    abbreviations: list[str] = field(default_factory=list)
    facts: Path | None = None
    analysis_timeout: float = ANALYSIS_TIMEOUT  # CPU seconds per article; 0: no limit
    lines: dict[Any, int] = field(default_factory=dict)  # key, or (key, entry), -> its line in the file

    def line_of(self, key: str, entry: str | None = None) -> int | None:
        """The line of a key (or of one entry of a mapping key) in the config file."""
        return self.lines.get((key, entry)) or self.lines.get(key)

    def error(self, message: str, key: str, entry: str | None = None) -> FactlintError:
        return FactlintError(message, self.path, self.line_of(key, entry))

    def excluded(self, path: str) -> bool:
        """Does an exclude glob match the path (relative to the config's folder)?"""
        return any(_glob_match(self._relative(path), pattern) for pattern in self.exclude)

    def ignored_rules(self, path: str) -> set[str]:
        if not self.per_file_ignores:
            return set()
        relative = self._relative(path)
        return {r for pattern, rules in self.per_file_ignores.items() if _glob_match(relative, pattern) for r in rules}

    def _relative(self, path: str) -> str:
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()


def _glob_match(relative: str, pattern: str) -> bool:
    """gitignore-like: a pattern without '/' matches any part of the path."""
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in PurePosixPath(relative).parts)
    pattern = pattern.lstrip("/")
    return fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(relative, pattern + "/*") or PurePosixPath(relative).match(pattern)


# key -> (type description, checker)
_KEYS: dict[str, tuple[str, Any]] = {
    "rules": ("a list of folders", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)),
    "select": ("a list of rule ids or kinds", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)),
    "ignore": ("a list of rule ids or kinds", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)),
    "extend-select": ("a list of rule ids or kinds", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)),
    "fail-level": (f"one of {', '.join(SEVERITIES)}", lambda v: v in SEVERITIES),
    "exclude": ("a list of glob patterns", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)),
    "per-file-ignores": (
        "a mapping of glob to a list of rule ids or kinds",
        lambda v: isinstance(v, dict) and all(isinstance(r, list) and all(isinstance(i, str) for i in r) for r in v.values()),
    ),
    "severity": (
        f"a mapping of rule id to {', '.join(SEVERITIES)}",
        lambda v: isinstance(v, dict) and all(s in SEVERITIES for s in v.values()),
    ),
    "abbreviations": ("a list of abbreviations such as 'Gen.'", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)),
    "facts": ("a path to a facts YAML file", lambda v: isinstance(v, str)),
    "analysis-timeout": (
        "a number of CPU seconds per article (0: no limit)",
        lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0,
    ),
}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file from ``start`` upwards."""
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                if name != "pyproject.toml" or _has_tool_section(candidate):
                    return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.factlint" in text


def load_config(path: str | Path | None = None) -> Config:
    """Load the given config file, or the nearest one, or the defaults."""
    if path is None:
        found = find_config()
        if found is None:
            default_facts = Path.cwd() / DEFAULT_FACTS
            return Config(facts=default_facts if default_facts.is_file() else None)
        path = found
        shown = os.path.relpath(path)
    else:
        shown = str(path)  # as the command line gave it
    path = Path(path)
    if path.is_dir():
        raise FactlintError("--config: this is a folder, not a config file", shown)
    if not path.is_file():
        raise FactlintError("config file does not exist", shown)
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        data, lines = _load_toml(path, shown)
    else:
        from factlint.yamlio import LineDict, load_yaml_file

        data = load_yaml_file(shown)
        if data is None:
            data = LineDict()
            data.line, data.key_lines = 1, {}
        if not isinstance(data, dict):
            raise FactlintError("config must be a YAML mapping", shown, 1)
        lines = dict(getattr(data, "key_lines", {}))
        for key, value in data.items():  # the line of each entry of a mapping (per-file-ignores, severity)
            for entry, line in getattr(value, "key_lines", {}).items():
                lines[(key, str(entry))] = line
    return _build(data, lines, path, shown)


def _load_toml(path: Path, shown: str) -> tuple[dict, dict]:
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except UnicodeDecodeError:
        raise FactlintError("not valid UTF-8", shown) from None
    except tomllib.TOMLDecodeError as err:
        import re

        found = re.search(r"line (\d+)", str(err))
        raise FactlintError(f"invalid TOML: {str(err).split(' (at')[0]}", shown, int(found.group(1)) if found else None) from None
    section = document.get("tool", {}).get("factlint", {})
    if not isinstance(section, dict):
        raise FactlintError("[tool.factlint] must be a table", shown)
    lines: dict[Any, int] = {}
    table = None  # the [tool.factlint...] table a line is in
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            name = stripped.strip("[]").strip()
            table = name[len("tool.factlint"):].lstrip(".").strip('"') if name.startswith("tool.factlint") else None
            if table and table not in lines:
                lines[table] = number
            continue
        key = line.split("=")[0].strip().strip('"')
        if table == "" and key in section and key not in lines:
            lines[key] = number
        elif table and (table, key) not in lines:
            lines[(table, key)] = number
    for key, value in section.items():  # inline tables: an entry is on its key's line
        if isinstance(value, dict) and key in lines:
            for entry in value:
                lines.setdefault((key, str(entry)), lines[key])
    return section, lines


def _build(data: dict, lines: dict, path: Path, shown: str) -> Config:
    for key, value in data.items():
        if key not in _KEYS:
            raise FactlintError(f"unknown config key {key!r} (keys: {', '.join(_KEYS)})", shown, lines.get(key))
        description, valid = _KEYS[key]
        if not valid(value):
            raise FactlintError(f"config key {key!r} must be {description}", shown, lines.get(key))
    root = path.resolve().parent
    config = Config(path=shown, root=root)
    config.rules = [root / folder for folder in data.get("rules", [])]
    for folder, original in zip(config.rules, data.get("rules", [])):
        if not folder.is_dir():
            raise FactlintError(f"rules folder {original!r} does not exist", shown, lines.get("rules"))
    config.select = list(data.get("select", []))
    config.ignore = list(data.get("ignore", []))
    config.extend_select = list(data.get("extend-select", []))
    config.fail_level = data.get("fail-level", "warning")
    config.exclude = list(data.get("exclude", []))
    config.per_file_ignores = {str(k): list(v) for k, v in data.get("per-file-ignores", {}).items()}
    config.severity = dict(data.get("severity", {}))
    config.abbreviations = list(data.get("abbreviations", []))
    config.analysis_timeout = float(data.get("analysis-timeout", ANALYSIS_TIMEOUT))
    config.lines = lines
    config.facts = _facts_file(data.get("facts"), root, config)
    return config


DEFAULT_FACTS = "facts.yaml"


def _facts_file(named: str | None, root: Path, config: Config) -> Path | None:
    """The facts file: the one the config names, which must be a file, or facts.yaml
    beside the config if there is one. Naming the default (``facts: facts.yaml``)
    asks for nothing more than the default: it need not exist."""
    if named is None or Path(named) == Path(DEFAULT_FACTS) and not (root / named).exists():
        return root / DEFAULT_FACTS if (root / DEFAULT_FACTS).is_file() else None
    path = root / named
    if path.is_dir():
        raise config.error(f"facts file {named!r} is a folder; name a YAML file of facts", "facts")
    if not path.is_file():
        raise config.error(f"facts file {named!r} does not exist", "facts")
    return path
