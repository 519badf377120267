"""What every kind shares: parameter specs, the Check base class, the registry.

The engine knows kinds, not rules. A kind is a ``Check`` subclass registered
under its contract name; each YAML rule of that kind becomes one instance.
A check reports on one article at a time (``check``) and, if it compares
articles (``CROSS_ARTICLE``), keeps picklable features of each article
(``extract``) and declares how they are compared once every article has been
read: its ``plan()``, in the vocabulary of ``factlint.kinds.plan`` (group by
key, join an article to the articles it shares keys with, count over the
folder). Every engine runs any plan; a kind that compares articles is this
one module.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterable

from factlint.document import Document, Location
from factlint.errors import FactlintError
from factlint.findings import Finding, Related
from factlint.kinds.plan import FOLDER, STORY, ArticleInfo, Corpus, Group, Plan

__all__ = ["ArticleInfo", "Check", "Corpus", "Param", "Rule", "get_kind", "kind_names", "register"]

REGISTRY: dict[str, type["Check"]] = {}

# Within one article, the most mentions of one fact (one figure's frame, one event's
# placements) a kind compares pair by pair. Real copy states a fact a few times (in
# the dev corpora and a quarter of Reuters, at most 2 comparable figures of one frame
# and 3 placements of one event); thousands ("The blast killed 3 people." 35,000
# times) are not prose, and comparing every pair would cost their square (and report
# each with thousands of places).
MAX_PAIRWISE = 50

# Modules that define kinds; imported on first use so start-up stays cheap.
KIND_MODULES = {
    "pattern": "factlint.kinds.pattern",
    "substitution": "factlint.kinds.substitution",
    "consistency": "factlint.kinds.consistency",
    "duplicates": "factlint.kinds.duplicates",
    "figures": "factlint.kinds.figures",
    "attribution": "factlint.kinds.attribution",
    "locations": "factlint.kinds.locations",
    "furniture": "factlint.kinds.scraped",
    "page": "factlint.kinds.scraped",
    "encoding": "factlint.kinds.encoding",
    "quotemarks": "factlint.kinds.quotemarks",
    "paragraphs": "factlint.kinds.paragraphs",
    "quotes": "factlint.kinds.quotes",
    "dates": "factlint.kinds.dates",
    "suppressions": "factlint.suppressions",  # the unused-suppression rule; the engine does the work
}


def others_on_the_story(count: int) -> str:
    """How a finding across a story names the articles against it: "2 other articles on this story
    say", "1 other article on this story says"."""
    return f"{count} other article{'s' if count != 1 else ''} on this story say{'s' if count == 1 else ''}"


def register(name: str) -> Callable[[type["Check"]], type["Check"]]:
    def decorate(cls: type[Check]) -> type[Check]:
        cls.kind = name
        REGISTRY[name] = cls
        return cls

    return decorate


def kind_names() -> list[str]:
    return sorted(KIND_MODULES)


def get_kind(name: str) -> type["Check"] | None:
    """The Check class of a kind, importing its module on first use."""
    if name not in REGISTRY and name in KIND_MODULES:
        import importlib

        try:
            importlib.import_module(KIND_MODULES[name])
        except ModuleNotFoundError as err:
            if err.name != KIND_MODULES[name]:
                raise
    return REGISTRY.get(name)


# ---------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """One kind-specific rule key: its type, default and meaning."""

    type: str  # "str" | "int" | "float" | "bool" | "list[str]" | "list" | "dict" | "choice"
    default: Any = None
    help: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    def validate(self, name: str, value: Any) -> str | None:
        """Why the value is wrong, or None."""
        checks = {
            "str": lambda v: isinstance(v, str),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "bool": lambda v: isinstance(v, bool),
            "list[str]": lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
            "list": lambda v: isinstance(v, list),
            "dict": lambda v: isinstance(v, dict),
            "choice": lambda v: v in self.choices,
        }
        if not checks[self.type](value):
            wanted = f"one of {', '.join(self.choices)}" if self.type == "choice" else f"a {self.type}"
            return f"'{name}' must be {wanted}, not {value!r}"
        if self.minimum is not None and value < self.minimum:
            return f"'{name}' must be at least {self.minimum}"
        if self.maximum is not None and value > self.maximum:
            return f"'{name}' must be at most {self.maximum}"
        return None


@dataclass
class Rule:
    """A rule as written in YAML, validated; ``params`` holds the kind's keys."""

    id: str
    kind: str
    message: str
    severity: str
    description: str
    examples: dict[str, list[Any]]
    params: dict[str, Any]
    path: str = "<builtin>"
    line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict)
    example_lines: dict[str, list[int]] = field(default_factory=dict)  # "flag"/"ok" -> each example's line
    opt_in: bool = False  # runs only when selected by its id (``select`` / ``extend-select``), as Ruff's opt-in rules

    def error(self, message: str, key: str | None = None) -> FactlintError:
        """An error located at the rule's key in its file."""
        return FactlintError(f"rule '{self.id}': {message}", self.path, self.key_lines.get(key, self.line))



# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


class _Placeholders(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Check:
    """One rule compiled for its kind. Subclasses set PARAMS and override hooks."""

    kind: ClassVar[str] = ""
    PARAMS: ClassVar[dict[str, Param]] = {}
    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ("match",)
    CROSS_ARTICLE: ClassVar[bool] = False  # extract() and plan() are used
    NEEDS_STORIES: ClassVar[bool] = False  # without a plan of its own: check_corpus compares one story at a time
    # Its findings cover their span: other rules' findings inside one are left to it (a passage
    # repeated within its article is deleted, and what it says is reported at the original).
    COVERS_SPAN: ClassVar[bool] = False

    def __init__(self, rule: Rule, context: dict[str, Any] | None = None) -> None:
        self.rule = rule
        self.params = rule.params
        self.context = context or {}  # run-wide settings, e.g. "facts": path of the facts file
        self.compile()

    @classmethod
    def validate_message(cls, rule: Rule) -> None:
        try:
            fields = list(string.Formatter().parse(rule.message))
        except ValueError as err:
            raise rule.error(f"message is not a valid template ({err}); write {{{{ and }}}} for a literal brace", "message") from None
        for _, name, _, _ in fields:
            if name is not None and name.split(".")[0].split("[")[0] not in cls.PLACEHOLDERS:
                allowed = ", ".join("{" + p + "}" for p in cls.PLACEHOLDERS)
                raise rule.error(f"unknown placeholder {{{name}}} in message (kind {cls.kind} offers {allowed})", "message")

    def compile(self) -> None:
        """Prepare the rule's parameters (compile regexes ...); raise rule.error on bad input."""

    def check(self, doc: Document) -> Iterable[Finding]:
        """Findings within one article."""
        return ()

    def extract(self, doc: Document) -> Any:
        """Picklable features of one article for check_corpus (cross-article kinds)."""
        return None

    def plan(self) -> Plan | None:
        """How the articles' extracts are compared (factlint.kinds.plan), or None.

        By default a kind that compares articles runs ``check_corpus``: over
        each story's articles with ``NEEDS_STORIES``, else over the whole
        folder (which no engine can serve in parts: declare a plan).
        """
        if not self.CROSS_ARTICLE:
            return None
        return Plan((Group(STORY if self.NEEDS_STORIES else FOLDER, lambda group: self.check_corpus(group.values, group.corpus)),))

    def check_corpus(self, extracts: dict[str, Any], corpus: Corpus) -> Iterable[Finding]:
        """Findings that compare articles (the default plan's step): ``extracts`` holds the
        compared articles' extracts (None left out), ``corpus`` their ArticleInfo and stories."""
        return ()

    # -- helpers for subclasses ------------------------------------------------
    def format_message(self, **values: Any) -> str:
        try:
            return self.rule.message.format_map(_Placeholders(values))
        except (ValueError, IndexError, KeyError, AttributeError):
            return self.rule.message

    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        related: Iterable[Related] = (),
        message: str | None = None,
        severity: str | None = None,
        **values: Any,
    ) -> Finding:
        """A finding on lint-text span [start, end) of doc."""
        values.setdefault("match", " ".join(doc.text[start:end].split()))
        excerpt = doc.excerpt(start, end) if end - start >= 40 else doc.context(start, end)
        return self.finding_at(doc.locate(start, end), excerpt, related, message, severity, **values)

    def finding_at(
        self,
        location: Location,
        excerpt: str,
        related: Iterable[Related] = (),
        message: str | None = None,
        severity: str | None = None,
        **values: Any,
    ) -> Finding:
        """A finding at a known location (cross-article checks use this)."""
        return Finding(
            location=location,
            rule=self.rule.id,
            kind=self.kind,
            severity=severity or self.rule.severity,
            message=message if message is not None else self.format_message(**values),
            excerpt=excerpt,
            related=tuple(related),
        )
