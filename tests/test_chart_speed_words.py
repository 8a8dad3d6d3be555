"""A chart's sentences, split once where their values go, are filled as `str.format` fills them:
for the texts of the catalogue in every language and for any other text, with places of
another kind, in another order or none, and with braces written as text."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from styr.report.chart_words import Sentence, chart_words, labels_in

NAMES = ("year", "value")
piece = st.sampled_from(["", "Utgångsvärde ", ": ", ".", "{{", "}}", " å "])
place = st.sampled_from(["{year}", "{value}", "{year!r}", "{value:>4}", "{year.real}", "{0}"])
template = st.lists(st.one_of(piece, place), max_size=6).map("".join)
value = st.sampled_from(["2022", "70", "1\u00a0234,5", "{year}", ""])


@settings(deadline=None, max_examples=400)
@given(template, value, value)
@example("Utgångsvärde {year}: {value}.", "2022", "70")
@example("{value} ({year})", "2022", "70")  # the other order
@example("{{year}} {year}{value}", "2022", "70")
@example("{year", "2022", "70")  # not a text `format` can fill
def test_a_sentence_is_filled_as_format_fills_it(text: str, year: str, number: str) -> None:
    sentence = Sentence(text, *NAMES)
    try:
        expected = text.format(year=year, value=number)
    except (ValueError, KeyError, IndexError, AttributeError) as error:
        with pytest.raises(type(error)):
            sentence.fill(year, number)
    else:
        assert sentence.fill(year, number) == expected


@settings(deadline=None, max_examples=100)
@given(st.sampled_from(["{title}", "Tabell: {title}.", "{title}{{}}", "{title!s}"]), value)
def test_a_sentence_of_one_place_is_filled_as_format_fills_it(text: str, title: str) -> None:
    assert Sentence(text, "title").fill(title) == text.format(title=title)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_caption_is_the_catalogues_with_the_title(language: str) -> None:
    caption = labels_in(language).chart_caption
    title = "Andel <nöjda> {title}"
    assert chart_words(language, "procent", title).caption == caption.format(title=title)
