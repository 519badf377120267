"""Loading and validating YAML rule files.

Rules are data: a newsroom adds or tunes them without Python, so every
mistake in a rule file must come back as ``path:line: what is wrong``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import regex

from factlint.errors import FactlintError
from factlint.findings import SEVERITIES
from factlint.kinds.base import Check, Rule, get_kind, kind_names
from factlint.yamlio import LineDict, load_yaml_file

COMMON_KEYS = {"id", "kind", "message", "severity", "description", "examples", "opt_in"}
REQUIRED_KEYS = ("id", "kind", "message", "severity", "description", "examples")
RULE_ID = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def builtin_rules_dir() -> Path:
    """The rules shipped with factlint (installed as the factlint.rules package)."""
    import importlib.util

    spec = importlib.util.find_spec("factlint.rules")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            if Path(location).is_dir():
                return Path(location)
    return Path(__file__).resolve().parent.parent / "rules"


def rule_files(directory: str | Path) -> list[Path]:
    directory = Path(directory)
    if not directory.is_dir():
        raise FactlintError("rules folder does not exist", str(directory))
    return sorted(p for p in directory.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def parse_rule(data: object, path: str) -> Rule:
    """Validate one rule file's mapping into a Rule."""
    if not isinstance(data, LineDict):
        raise FactlintError("a rule file must hold one YAML mapping (id, kind, message, ...)", path, 1)
    rid = data.get("id")
    if not isinstance(rid, str) or not RULE_ID.match(rid):
        line = data.line_of("id")
        raise FactlintError(
            "missing 'id'" if rid is None else f"'id' must be lowercase words joined by '-', not {rid!r}", path, line
        )
    for key in REQUIRED_KEYS:
        if key not in data:
            raise FactlintError(f"rule '{rid}': missing '{key}'", path, data.line)
    kind_name = data["kind"]
    cls = get_kind(kind_name) if isinstance(kind_name, str) else None
    if cls is None:
        raise FactlintError(
            f"rule '{rid}': unknown kind {kind_name!r} (kinds: {', '.join(kind_names())})", path, data.line_of("kind")
        )
    for key in data:
        if key not in COMMON_KEYS and key not in cls.PARAMS:
            known = ", ".join(sorted(COMMON_KEYS | set(cls.PARAMS)))
            raise FactlintError(f"rule '{rid}': unknown key {key!r} for kind {kind_name} (keys: {known})", path, data.line_of(key))
    for key in ("message", "description"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise FactlintError(f"rule '{rid}': '{key}' must be non-empty text", path, data.line_of(key))
    if data["severity"] not in SEVERITIES:
        raise FactlintError(
            f"rule '{rid}': severity must be one of {', '.join(SEVERITIES)}, not {data['severity']!r}",
            path,
            data.line_of("severity"),
        )
    if not isinstance(data.get("opt_in", False), bool):
        raise FactlintError(f"rule '{rid}': 'opt_in' must be true or false", path, data.line_of("opt_in"))
    examples = data["examples"]
    if not isinstance(examples, dict) or set(examples) - {"flag", "ok"} or not examples.get("flag") or not examples.get("ok"):
        raise FactlintError(
            f"rule '{rid}': 'examples' needs 'flag' and 'ok', each a non-empty list of texts it must flag / leave alone",
            path,
            data.line_of("examples"),
        )
    for group in ("flag", "ok"):
        if not isinstance(examples[group], list) or not all(_valid_example(e) for e in examples[group]):
            raise FactlintError(
                f"rule '{rid}': each example in '{group}' is a text, or a mapping with 'files' (name: text)",
                path,
                examples.line_of(group),
            )
    params = {}
    for name, spec in cls.PARAMS.items():
        if name in data:
            problem = spec.validate(name, data[name])
            if problem:
                raise FactlintError(f"rule '{rid}': {problem}", path, data.line_of(name))
            params[name] = data[name]
        elif spec.required:
            raise FactlintError(f"rule '{rid}': kind {kind_name} needs '{name}' ({spec.help})", path, data.line)
        else:
            params[name] = spec.default
    rule = Rule(
        id=rid,
        kind=kind_name,
        message=data["message"].strip(),
        severity=data["severity"],
        description=data["description"].strip(),
        examples={"flag": list(examples["flag"]), "ok": list(examples["ok"])},
        params=params,
        opt_in=data.get("opt_in", False),
        path=path,
        line=data.line,
        key_lines=dict(data.key_lines),
        example_lines={
            group: list(getattr(examples[group], "item_lines", [examples.line_of(group)] * len(examples[group])))
            for group in ("flag", "ok")
        },
    )
    cls.validate_message(rule)
    return rule


def _valid_example(example: object) -> bool:
    if isinstance(example, str):
        return bool(example.strip())
    if isinstance(example, dict) and set(example) <= {"files", "note"} and isinstance(example.get("files"), dict):
        return all(isinstance(k, str) and isinstance(v, str) for k, v in example["files"].items())
    return False


def load_rules(directories: Iterable[str | Path]) -> list[Rule]:
    """Every rule in the given folders (or rule files); a rule id may be defined only once."""
    rules: dict[str, Rule] = {}
    for directory in directories:
        files = [Path(directory)] if Path(directory).is_file() else rule_files(directory)
        for path in files:
            shown = os.path.relpath(path) if not str(path).startswith(str(builtin_rules_dir())) else str(path)
            rule = parse_rule(load_yaml_file(str(path)), shown)
            if rule.id in rules:
                first = rules[rule.id]
                raise FactlintError(f"rule id '{rule.id}' is already defined in {first.path}", shown, rule.line)
            rules[rule.id] = rule
    return sorted(rules.values(), key=lambda r: r.id)


def explain(rule: Rule) -> str:
    """What ``factlint explain`` prints (and the language server's hover shows): why the
    rule exists, its message, every key of its kind and its examples."""
    opt_in = ", opt-in: runs only when selected by its id" if rule.opt_in else ""
    out = [f"{rule.id} ({rule.kind}, {rule.severity}{opt_in})", "", rule.description, "", f"Message: {rule.message}", f"Defined in: {rule.path}"]
    out += _kind_keys(rule)
    for group, title in (("flag", "Flags:"), ("ok", "Leaves alone:")):
        out += ["", title]
        for example in rule.examples[group]:
            if isinstance(example, str):
                out.append("  - " + example.strip().replace("\n", "\n    "))
            else:
                for name, text in example["files"].items():
                    out.append(f"  - {name}: " + text.strip().replace("\n", "\n    "))
    return "\n".join(out)


def _kind_keys(rule) -> list[str]:
    """Every key of the rule's kind: what this rule sets it to (or its default) and what it means."""
    kind = get_kind(rule.kind)
    if kind is None or not kind.PARAMS:
        return ["", f"Keys of kind {rule.kind}: none besides the common ones."]
    out = ["", f"Keys of kind {rule.kind} (this rule's value; the default when it differs):"]
    for name, spec in kind.PARAMS.items():
        value = rule.params.get(name, spec.default)
        choices = f" One of: {', '.join(spec.choices)}." if spec.choices else ""
        default = "" if value == spec.default or spec.required else f" (default: {_shown_value(spec.default)})"
        about = (spec.help[:1].upper() + spec.help[1:].rstrip(".") + ".") if spec.help else ""
        out.append(f"  {name}: {_shown_value(value)}{default}")
        out.append(f"      {about}{choices}{' Required.' if spec.required else ''}".rstrip())
    return out


def _shown_value(value) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 100 else text[:97] + "..."


def compile_rules(rules: Iterable[Rule], context: dict | None = None) -> list[Check]:
    """Instantiate each rule's kind; kinds raise rule.error on bad parameters."""
    checks = []
    for rule in rules:
        cls = get_kind(rule.kind)
        assert cls is not None  # parse_rule checked it
        checks.append(cls(rule, context))
    return checks
