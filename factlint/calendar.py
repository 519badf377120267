"""Month and weekday names: the one copy every date pattern and word list is built from.

Each module builds the form it needs (capitalised or case-folded, a word set or a regex
alternation, with or without the abbreviation's dot), so a spelling is fixed in one place.
"""

from collections.abc import Iterable

#: Each month in order (January is month 1) with the ways news copy shortens it:
#: "Sep." and "Sept.". May is never shortened.
MONTH_FORMS: tuple[tuple[str, ...], ...] = (
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",), ("June", "Jun"),
    ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"), ("October", "Oct"),
    ("November", "Nov"), ("December", "Dec"),
)
MONTHS = tuple(forms[0] for forms in MONTH_FORMS)
MONTH_ABBREVIATIONS = tuple(short for forms in MONTH_FORMS for short in forms[1:])
#: Each month as a date line writes it short, May in full. Every form is the start of its
#: month's name, so ``(?:Jan|...)[a-z]*`` reads the full name as well.
MONTHS_SHORT = tuple(short for forms in MONTH_FORMS for short in forms[1:] or forms)
#: Abbreviations that are also a word or a name ("to mar", "Jun" the given name): a strict
#: pattern (figure_frames) takes them for a month only with their dot ("Mar. 3").
DOT_REQUIRED = frozenset({"Mar", "Jun", "Jul"})

#: Every form of a month, case-folded, to its number: "sept" -> 9.
MONTH_NUMBERS = {form.lower(): number for number, forms in enumerate(MONTH_FORMS, 1) for form in forms}

#: Monday first, as ``datetime.date.weekday()`` counts.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def lowered(*words: Iterable[str]) -> frozenset[str]:
    """The given name lists as one case-folded word set (for stop-word lists)."""
    return frozenset(word.lower() for group in words for word in group)


def full_year(text: str) -> int:
    """A year as written, two digits or four: "05" is 2005, "97" is 1997."""
    year = int(text)
    return year if year >= 100 else (2000 + year if year < 70 else 1900 + year)
