"""Phase two: the engines that run the kinds' cross-article plans.

Phase one (``factlint.linter.analyze``) reads one article and runs every
check on it alone; what it keeps of the article for the comparisons is each
cross-article rule's extract. Phase two compares articles, and what it
compares is declared by each kind as a plan (``factlint.kinds.plan``: group
by key, join an article to the articles it shares keys with, count over the
folder). Three engines run any plan, and none of them names a kind:

- ``memory``: in one process, every article's extract at hand (the local
  engine, ``factlint.linter.lint_sources``, runs it, part of it in a forked
  worker);
- ``folder``: from the folder's stored state, for a few changed articles
  (``check --corpus DIR FILE``: the pre-commit hook, and anything that has
  an article's new text in memory);
- ``dask``: both phases on a Dask cluster, a shuffle per key (``--engine dask``).

All three give the same findings, byte for byte in the JSON report.
"""
