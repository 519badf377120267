"""What every kind shares (factlint.kinds.base): a newsroom rule's parameters checked
against their kind's specs, its message's placeholders, where a finding points and
what it quotes, and which kinds exist."""

from __future__ import annotations

import pytest

from conftest import house_rule_error

from factlint.document import Document, parse_document
from factlint.kinds.base import Check, Param, Rule, get_kind, kind_names
from factlint.kinds.plan import FOLDER, STORY, ArticleInfo, Corpus


@pytest.mark.parametrize(("spec", "good", "bad", "why"), [
    (Param("str"), ["", "text"], [3, None, ["a"]], "'p' must be a str, not"),
    (Param("int"), [0, -4, 12], [True, 1.5, "3"], "'p' must be a int, not"),
    (Param("float"), [0, 0.5, 7], [False, "0.5", None], "'p' must be a float, not"),
    (Param("bool"), [True, False], [0, 1, "yes"], "'p' must be a bool, not"),
    (Param("list[str]"), [[], ["a", "b"]], [["a", 1], "a", ("a",)], "'p' must be a list[str], not"),
    (Param("list"), [[], [1, "a"]], [{}, "a", ("a",)], "'p' must be a list, not"),
    (Param("dict"), [{}, {"a": 1}], [[], "a"], "'p' must be a dict, not"),
    (Param("choice", choices=("one", "two")), ["one", "two"], ["three", None, 1], "'p' must be one of one, two, not"),
])
def test_each_parameter_type_accepts_its_values_and_names_what_it_wanted(spec, good, bad, why):
    for value in good:
        assert spec.validate("p", value) is None, value
    for value in bad:
        assert spec.validate("p", value) == f"{why} {value!r}", value


def test_bounds_are_inclusive_and_named():
    spec = Param("int", minimum=2, maximum=5)
    assert [spec.validate("n", v) for v in (2, 5)] == [None, None]
    assert spec.validate("n", 1) == "'n' must be at least 2"
    assert spec.validate("n", 6) == "'n' must be at most 5"
    assert Param("float", minimum=0.0).validate("share", -0.01) == "'share' must be at least 0.0"
    assert Param("float", maximum=0.0).validate("share", 0.0) is None


def test_a_newsroom_rules_bad_parameter_is_reported_at_its_line(tmp_path):
    message, line = house_rule_error(tmp_path, "quotes", "finding: misquote\nmin_words: 1\n")
    assert (message, line) == ("rule 'house-rule': 'min_words' must be at least 2", 8)
    message, line = house_rule_error(tmp_path, "quotes", "finding: misquote\nmax_changed_share: 1.5\n")
    assert (message, line) == ("rule 'house-rule': 'max_changed_share' must be at most 1.0", 8)


def rule(message: str = "Say {match}", **params) -> Rule:
    return Rule("r", "test", message, "info", "d", {"flag": [], "ok": []}, params, path="house/r.yaml", line=3,
                key_lines={"message": 5, "pattern": 9})


class Plain(Check):
    kind = "test"
    PLACEHOLDERS = ("match", "other")


class Compared(Plain):
    CROSS_ARTICLE = True


class PerStory(Compared):
    NEEDS_STORIES = True


def test_a_rule_error_points_at_the_key_else_at_the_rule():
    assert (rule().error("bad", "pattern").line, rule().error("bad", "pattern").path) == (9, "house/r.yaml")
    assert rule().error("bad", "severity").line == 3
    assert rule().error("bad").line == 3
    assert rule().error("bad").message == "rule 'r': bad"


@pytest.mark.parametrize(("message", "error"), [
    ("Say {what}", "unknown placeholder {what} in message (kind test offers {match}, {other})"),
    ("Say {other.x} or {speaker[0]}", "unknown placeholder {speaker[0]} in message (kind test offers {match}, {other})"),
    ("Say {match", "message is not a valid template"),
    ("Say }", "message is not a valid template"),
])
def test_a_message_may_use_only_its_kinds_placeholders(message, error):
    with pytest.raises(Exception) as raised:
        Plain.validate_message(rule(message))
    assert error in raised.value.message and raised.value.line == 5


def test_a_message_with_known_placeholders_and_literal_braces_is_accepted():
    for message in ("Say {match}", "{other.name} and {match[0]}", "Use {{braces}} for {match}", "No placeholder"):
        Plain.validate_message(rule(message))


def test_a_message_is_filled_and_an_unknown_or_unfillable_placeholder_stays_as_written():
    check = Plain(rule("Say {match} not {other}"))
    assert check.format_message(match="A", other="B") == "Say A not B"
    assert check.format_message(match="A") == "Say A not {other}"
    assert Plain(rule("Say {match.upper}")).format_message(match=3) == "Say {match.upper}"
    assert Plain(rule("Say {match[4]}")).format_message(match="ab") == "Say {match[4]}"


def doc_of(text: str) -> Document:
    return parse_document("a.md", text.encode())


def test_a_finding_quotes_the_line_around_a_short_span_and_the_span_itself_from_40_characters():
    text = "The mayor spoke first. " + "x" * 39 + " then " + "y" * 40 + " and the end.\n"
    doc = doc_of(text)
    check = Plain(rule("Found {match}"))
    short = check.finding(doc, 23, 62)  # 39 characters: the line around it
    assert short.excerpt == doc.context(23, 62) and short.excerpt != doc.excerpt(23, 62)
    start = text.index("yyyy")
    long = check.finding(doc, start, start + 40)
    assert long.excerpt == "y" * 40
    assert long.message == "Found " + "y" * 40
    assert (long.location.line, long.location.column, long.rule, long.kind, long.severity) == (1, start + 1, "r", "test", "info")
    spaced = check.finding(doc_of("One  two\nthree four.\n"), 0, 14, message="Own words", severity="error")
    assert (spaced.message, spaced.severity) == ("Own words", "error")
    assert check.finding(doc_of("One  two\nthree four.\n"), 0, 14).message == "Found One two three"


def test_a_finding_at_a_known_place_keeps_an_empty_message_and_its_related_places():
    from factlint.findings import Related

    doc = doc_of("Text here.\n")
    check = Plain(rule())
    found = check.finding_at(doc.locate(0, 4), "Text", related=iter([]), message="")
    assert found.message == "" and found.related == ()
    there = Related(doc.locate(5, 9), "first stated here")
    assert check.finding_at(doc.locate(0, 4), "Text", related=iter([there])).related == (there,)


def test_a_cross_article_kind_without_a_plan_compares_the_folder_or_each_story():
    assert Plain(rule()).plan() is None
    folder, story = Compared(rule()).plan(), PerStory(rule()).plan()
    assert [step.keys for step in folder.steps] == [FOLDER] and not folder.needs_stories
    assert [step.keys for step in story.steps] == [STORY] and story.needs_stories
    seen = []

    class Counting(Compared):
        def check_corpus(self, extracts, corpus):
            seen.append((extracts, corpus))
            return ["finding"]

    from factlint.kinds.plan import Gathered

    corpus = Corpus({"a.md": ArticleInfo("a.md", None, None, "A")})
    step = Counting(rule()).plan().steps[0]
    assert list(step.compare(Gathered(None, {"a.md": 1}, corpus))) == ["finding"]
    assert seen == [({"a.md": 1}, corpus)]


def test_the_kinds_are_listed_sorted_and_loaded_on_first_use():
    names = kind_names()
    assert names == sorted(names) and {"duplicates", "dates", "quotes", "figures"} <= set(names)
    assert get_kind("dates").kind == "dates"
    assert get_kind("no-such-kind") is None


def test_a_kind_is_imported_and_registered_on_first_use(monkeypatch):
    import sys

    from factlint.kinds import base

    import factlint.kinds

    monkeypatch.delitem(base.REGISTRY, "dates")
    monkeypatch.delitem(sys.modules, "factlint.kinds.dates")
    monkeypatch.setattr(factlint.kinds, "dates", factlint.kinds.dates)  # put back afterwards, as the two above
    loaded = get_kind("dates")
    assert loaded is not None and loaded.kind == "dates" and base.REGISTRY["dates"] is loaded
    assert loaded.__module__ == "factlint.kinds.dates" and sys.modules["factlint.kinds.dates"].DatesCheck is loaded


def test_a_kind_whose_module_is_missing_is_none_but_a_module_missing_a_dependency_is_an_error(monkeypatch, tmp_path):
    from factlint.kinds import base

    monkeypatch.setitem(base.KIND_MODULES, "ghost", "factlint_ghost_kind")
    assert get_kind("ghost") is None
    (tmp_path / "factlint_broken_kind.py").write_text("import factlint_no_such_dependency\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(base.KIND_MODULES, "broken", "factlint_broken_kind")
    with pytest.raises(ModuleNotFoundError) as raised:
        get_kind("broken")
    assert raised.value.name == "factlint_no_such_dependency"
