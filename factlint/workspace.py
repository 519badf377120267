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
    for rule_id, severity in config.severity.items():
        matched = [r for r in rules if r.id == rule_id]
        if not matched:
            raise FactlintError(f"severity override for unknown rule '{rule_id}'", config.path)
        matched[0].severity = severity
    return config, rules


def selected(rules: list[Any], select: list[str], ignore: list[str]) -> list[Any]:
    """The rules ``select`` and ``ignore`` (rule ids or kinds) leave; an unknown name is an error."""
    from factlint.kinds.base import kind_names

    known = {r.id for r in rules} | set(kind_names())
    for name in [*select, *ignore]:
        if name not in known:
            raise FactlintError(f"unknown rule or kind '{name}' (see 'factlint rules')")
    return [
        r for r in rules if (not select or r.id in select or r.kind in select) and r.id not in ignore and r.kind not in ignore
    ]


def discover(paths: list[str], config: Any) -> list[str]:
    """Article files under the given paths: folders recurse, hidden ones skipped."""
    from factlint.document import ARTICLE_SUFFIXES

    found: list[str] = []
    implicit = not paths
    for given in paths or ["."]:
        if os.path.isfile(given):
            if not config.excluded(given):
                found.append(given)
            continue
        if not os.path.isdir(given):
            raise FactlintError("no such file or folder", given)
        for folder, subfolders, files in os.walk(given):
            subfolders[:] = sorted(
                d for d in subfolders if not d.startswith(".") and not config.excluded(os.path.join(folder, d))
            )
            for name in sorted(files):
                path = os.path.join(folder, name)
                if implicit and path.startswith("./"):
                    path = path[2:]
                if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith(".") and not config.excluded(path):
                    found.append(path)
    return list(dict.fromkeys(found))


def discover_articles(given: list[str], config: Any) -> list[str]:
    """``--engine dask``'s articles: a URL is listed through fsspec (the way Dask
    reads it), anything else as the local engine lists it."""
    if not given:
        return discover([], config)
    found: list[str] = []
    for path in given:
        found += _discover_url(path, config) if "://" in path else discover([path], config)
    return list(dict.fromkeys(found))


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
