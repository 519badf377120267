"""What a plan's words mean, once for every engine (factlint.kinds.plan).

The engines' equality is tested end to end (test_plan_engines, test_reuse_engines,
test_quotes_dates); these pin the meaning they share: which keys are common, which
articles are candidates, which article came later, which steps need stories.
"""

from __future__ import annotations

from factlint.kinds.plan import FOLDER, STORY, ArticleInfo, Corpus, Count, Group, Join, Plan, candidates, shared_places


def info(path: str, date: str | None = None, story: str | None = None) -> ArticleInfo:
    return ArticleInfo(path, date, story, path.upper())


def holders_of(table: dict[int, list[str]]):
    return lambda key: table.get(key, [])


def test_a_key_is_shared_when_two_to_most_articles_give_it():
    table = {
        1: ["a.md"],  # only the article itself: nobody to compare with
        2: ["a.md", "b.md"],
        3: ["a.md", "b.md", "c.md"],  # exactly `most`: still uncommon
        4: ["a.md", "b.md", "c.md", "d.md"],  # more than `most`: common, brings nobody together
    }
    places = [(10, 1), (20, 2), (30, 3), (40, 4)]
    assert shared_places("a.md", places, holders_of(table), most=3) == {"b.md": [20, 30], "c.md": [30]}
    assert shared_places("a.md", places, holders_of(table), most=2) == {"b.md": [20]}
    assert shared_places("a.md", places, holders_of(table), most=4) == {"b.md": [20, 30, 40], "c.md": [30, 40], "d.md": [40]}


def test_shared_places_come_back_in_ascending_order_whatever_order_they_are_given():
    table = {7: ["a.md", "b.md"], 8: ["a.md", "b.md"], 9: ["a.md", "b.md"]}
    found = shared_places("a.md", [(50, 9), (5, 7), (20, 8)], holders_of(table), most=5)
    assert found == {"b.md": [5, 20, 50]}


def test_a_candidate_shares_at_least_least_places_and_is_allowed_by_pairs():
    infos = {p: info(p, date) for p, date in (("a.md", "2025-03-02"), ("b.md", "2025-03-01"), ("c.md", "2025-03-03"), ("d.md", None))}
    shared = {"c.md": [1, 2], "b.md": [4, 5, 6], "d.md": [3]}
    step = Join(keys=lambda e: (), compare=lambda j: (), most=10, least=2)
    assert candidates(step, "a.md", shared, infos) == {"b.md": [4, 5, 6], "c.md": [1, 2]}
    assert list(candidates(step, "a.md", shared, infos)) == ["b.md", "c.md"]  # sorted by path
    assert candidates(Join(lambda e: (), lambda j: (), most=10, least=3), "a.md", shared, infos) == {"b.md": [4, 5, 6]}
    assert candidates(Join(lambda e: (), lambda j: (), most=10), "a.md", shared, infos) == {"b.md": [4, 5, 6], "c.md": [1, 2], "d.md": [3]}
    seen = []

    def earlier(article: ArticleInfo, candidate: ArticleInfo) -> bool:
        seen.append((article.path, candidate.path))
        return (candidate.date or "") < (article.date or "")

    step = Join(lambda e: (), lambda j: (), most=10, pairs=earlier)
    assert candidates(step, "a.md", shared, infos) == {"b.md": [4, 5, 6], "d.md": [3]}
    assert sorted(seen) == [("a.md", "b.md"), ("a.md", "c.md"), ("a.md", "d.md")]  # (article, candidate)


def test_later_means_later_date_then_path_and_an_undated_article_comes_first():
    corpus = Corpus({p: info(p, date) for p, date in (("b.md", "2025-03-01"), ("a.md", "2025-03-02"), ("c.md", None), ("d.md", "2025-03-01"))})
    assert sorted(corpus.articles, key=corpus.order) == ["c.md", "b.md", "d.md", "a.md"]
    assert corpus.order("a.md") == ("2025-03-02", "a.md")
    assert corpus.order("c.md") == ("", "c.md")


def test_story_groups_list_each_storys_articles_in_path_order():
    corpus = Corpus({}, {"c.md": "s1", "a.md": "s2", "b.md": "s1", "d.md": "s3"})
    assert corpus.story_groups() == {"s1": ["b.md", "c.md"], "s2": ["a.md"], "s3": ["d.md"]}
    assert list(corpus.story_groups()) == ["s2", "s1", "s3"]  # in the order of their first article
    assert Corpus({}).story_groups() == {}


def test_which_steps_need_the_folders_stories():
    compare = lambda group: ()  # noqa: E731
    assert Group(STORY, compare).needs_stories
    assert not Group(FOLDER, compare).needs_stories
    assert not Group(lambda e: (e,), compare).needs_stories
    assert Group(lambda e: (e,), compare, stories=True).needs_stories
    assert not Join(lambda e: (), compare, most=3).needs_stories
    assert Join(lambda e: (), compare, most=3, stories=True).needs_stories
    assert not Plan((Group(FOLDER, compare), Join(lambda e: (), compare, most=3))).needs_stories
    assert Plan((Group(FOLDER, compare), Join(lambda e: (), compare, most=3, stories=True))).needs_stories
    assert Plan((Group(STORY, compare), Group(FOLDER, compare))).needs_stories
    assert not Plan(()).needs_stories


def test_a_member_brings_its_extract_or_the_steps_value_of_it_and_counts_are_found_by_name():
    compare = lambda group: ()  # noqa: E731
    assert Group(FOLDER, compare).member_value({"x": 1}, "k") == {"x": 1}
    assert Group(FOLDER, compare, value=lambda extract, key: (key, extract["x"])).member_value({"x": 1}, "k") == ("k", 1)
    names, words = Count("names", lambda e: e), Count("words", lambda e: e)
    plan = Plan((Group(FOLDER, compare, counts=("words",)),), counts=(names, words))
    assert plan.count("words") is words
    assert plan.count("names") is names
