"""The locations kind's ASCII shortcut finds the same event words."""

from __future__ import annotations

from pathlib import Path

from factlint.kinds.locations import _words_regex, load_lexicon

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_event_words_of_an_ascii_text_are_those_found_ignoring_case():
    lexicon = load_lexicon()
    anywhere = _words_regex(lexicon.words)  # the case-insensitive scan any text gets
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    texts = [s.translate(str.maketrans("“”‘’—–", "\"\"''--")) for s in seeds]
    texts += [t.upper() for t in texts] + ["A CEASE-FIRE, an Attack; the ATTACKS in Kyiv killed 12. Bombing-raid, re-attack."]
    for text in texts:
        assert text.isascii()
        fast = [(m.span(), m.group()) for m in lexicon.event_words(text)]
        assert fast == [(m.span(), m.group().lower()) for m in anywhere.finditer(text)]
        assert fast  # the texts do hold event words


def test_a_text_with_other_characters_is_scanned_ignoring_case():
    lexicon = load_lexicon()
    text = "Die EXPLOSION in Zürich: an Attack on the bank."
    assert [(m.span(), m.group()) for m in lexicon.event_words(text)] == [((4, 13), "EXPLOSION"), ((28, 34), "Attack")]
