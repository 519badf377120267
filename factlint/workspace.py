"""What a run reads before it lints: the configuration and its rules, and the articles.

The command line, the language server and the engines all read them the
same way, from here (so none of them imports another to do it).
"""

from __future__ import annotations

import os
from typing import Any, Sequence

from factlint.errors import FactlintError


def load_rules_for(config_path: str | None, extra_rules: Sequence[str] = ()) -> tuple[Any, list[Any]]:
    """The configuration (the nearest, or ``config_path``) and every rule it loads, validated:
    the built-in ones, the config's folders and ``extra_rules`` (``--rules``), severities applied."""
    from factlint.config import load_config
    from factlint.ruleset import builtin_rules_dir, load_rules

    config = load_config(config_path)
    rules = load_rules([builtin_rules_dir(), *config.rules, *extra_rules])
    _check_rule_names(config, rules)
    for rule_id, severity in config.severity.items():
        next(r for r in rules if r.id == rule_id).severity = severity
    return config, rules


def _check_rule_names(config: Any, rules: list[Any]) -> None:
    """Every rule id or kind the config names exists: a misspelt one is a located error, not a silent no-op."""
    from factlint.kinds.base import kind_names

    ids = {r.id for r in rules}
    known = ids | set(kind_names())
    for key in ("select", "ignore", "extend_select"):
        for name in getattr(config, key):
            if name not in known:
                shown = key.replace("_", "-")
                raise config.error(f"{shown}: unknown rule or kind {name!r} (see 'factlint rules')", shown)
    for pattern, names in config.per_file_ignores.items():
        for name in names:
            if name not in known:
                raise config.error(f"per-file-ignores {pattern!r}: unknown rule or kind {name!r} (see 'factlint rules')",
                                   "per-file-ignores", pattern)
    for name in config.severity:
        if name not in ids:
            raise config.error(f"severity override for unknown rule {name!r} (see 'factlint rules')", "severity", name)


def selected(rules: list[Any], select: list[str], ignore: list[str], extend: Sequence[str] = ()) -> list[Any]:
    """The rules ``select``, ``extend`` and ``ignore`` (rule ids or kinds) leave; an unknown name is an error.

    No ``select`` means every rule that is not opt-in; ``extend`` (the config's
    ``extend-select``) adds to ``select`` or to that default. An opt-in rule
    (``opt_in: true`` in its YAML: one too noisy on real copy for the default
    set) runs only when its own id is selected or extended: naming its kind
    selects the kind's default rules.
    """
    from factlint.kinds.base import kind_names

    known = {r.id for r in rules} | set(kind_names())
    for name in [*select, *ignore, *extend]:
        if name not in known:
            raise FactlintError(f"unknown rule or kind '{name}' (see 'factlint rules')")
    named = {*select, *extend}

    def chosen(rule: Any) -> bool:
        if rule.opt_in:
            return rule.id in named
        return not select or rule.id in named or rule.kind in named

    return [r for r in rules if chosen(r) and r.id not in ignore and r.kind not in ignore]


def discover(paths: list[str], config: Any) -> list[str]:
    """Article files under the given paths: folders recurse, hidden ones skipped.

    In a folder only regular files (or links to them) with an article's
    suffix are articles: a FIFO, socket or device there is passed over. A
    file named on the command line is taken whatever it is, so reading it
    says what is wrong. Paths that are one file however spelt (``a.md`` and
    ``./a.md``, a link and its target) are one article, under the first spelling.
    """
    found: list[tuple[str, str]] = []  # (path, the file's real path)
    implicit = not paths
    for given in paths or ["."]:
        if os.path.isdir(given):
            found += _walk_articles(given, config, strip_dot=implicit)
        elif os.path.lexists(given):
            if not config.excluded(given):
                found.append((given, os.path.realpath(given)))
        else:
            raise FactlintError("no such file or folder", given)
    return _first_spellings(found)


def _walk_articles(top: str, config: Any, strip_dot: bool = False) -> list[tuple[str, str]]:
    """(path, real path) of the article files under a folder, depth first in name
    order as os.walk lists them. Links to folders are not followed, so only a
    link to a file needs its real path looked up."""
    from factlint.document import ARTICLE_SUFFIXES

    found: list[tuple[str, str]] = []
    pending = [(top, os.path.realpath(top))]
    while pending:
        folder, real_folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # an unreadable subfolder is passed over, as os.walk does
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(folder, entry.name)
            if strip_dot and path.startswith("./"):
                path = path[2:]
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
                is_file = not is_folder and entry.is_file()
                real = os.path.join(real_folder, entry.name)
                if is_file and entry.is_symlink():
                    real = os.path.realpath(path)
            except OSError:
                continue
            if is_folder:
                if not config.excluded(path):
                    subfolders.append((path, real))
            elif is_file and entry.name.lower().endswith(ARTICLE_SUFFIXES) and not config.excluded(path):
                found.append((path, real))
        pending.extend(reversed(subfolders))
    return found


def _first_spellings(found: list[tuple[str, str]]) -> list[str]:
    """Each file once, under the first path that named it."""
    seen: set[str] = set()
    unique = []
    for path, real in found:
        if real not in seen:
            seen.add(real)
            unique.append(path)
    return unique


def unique_files(paths: list[str]) -> list[str]:
    """The paths in order, each file once (a URL is its own key)."""
    return _first_spellings([(path, path if "://" in path else os.path.realpath(path)) for path in paths])


def discover_articles(given: list[str], config: Any) -> list[str]:
    """``--engine dask``'s articles: a URL is listed through fsspec (the way Dask
    reads it), anything else as the local engine lists it."""
    if not given:
        return discover([], config)
    found: list[str] = []
    for path in given:
        found += _discover_url(path, config) if "://" in path else discover([path], config)
    return unique_files(found)


def _discover_url(url: str, config: Any) -> list[str]:
    import fsspec

    from factlint.document import ARTICLE_SUFFIXES

    try:
        fs, root = fsspec.core.url_to_fs(url)
        if fs.isfile(root):
            return [url]
        if not fs.isdir(root):
            raise FactlintError("no such file or folder", url)
        names = sorted(fs.find(root))
    except (OSError, ValueError, ImportError) as err:
        raise FactlintError(f"cannot list: {err}", url) from None
    found = []
    for name in names:
        inside = name[len(root):].strip("/").split("/")
        if any(part.startswith(".") for part in inside) or not name.lower().endswith(ARTICLE_SUFFIXES):
            continue
        if not config.excluded(name):
            found.append(fs.unstrip_protocol(name))
    return found
