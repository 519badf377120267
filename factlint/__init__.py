"""factlint: an editorial fact-checking and consistency linter for news articles."""

__version__ = "0.1.0"
