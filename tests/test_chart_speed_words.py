"""A chart's sentences, split once where their values go, are filled as `str.format` fills them:
for the texts of the catalogue in every language and for any other text, with places of
another kind, in another order or none, and with braces written as text; and the
description joined from them is each sentence filled by `format`."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_chart_speed_paths import COMMON, chart_inputs

from styr.report import chart_words as chart_words_module
from styr.report.chart import build_chart
from styr.report.chart_parts import Written
from styr.report.chart_words import Sentence, chart_words, description, labels_in
from styr.report.period_words import period_words
from styr.report.texts import Labels

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


def formatted_description(t: Labels, w: Written) -> str:
    """The description read plainly: each sentence filled by `format`, by name."""
    sentences = [
        t.chart_outcomes.format(
            values="; ".join(
                f"{period_words(period, t.language)}: {value}"
                for period, value in zip(w.periods, w.values, strict=True)
            )
        )
    ]
    if w.targets:
        listed = "; ".join(f"{year}: {value}" for year, value in w.targets)
        sentences.append(t.chart_targets.format(values=listed))
    if w.range:
        sentences.append(t.chart_range.format(range=w.range))
    if w.baseline is not None:
        sentences.append(t.chart_baseline.format(year=w.baseline[0], value=w.baseline[1]))
    return " ".join(sentences)


@settings(deadline=None, max_examples=200)
@given(
    chart_inputs(),
    st.sampled_from(
        [None, "{value} ({year})", "Base {year!s}: {value:>3}.", "{{x}} {year}: {value}"]
    ),
)
@example({**COMMON, "better": "range", "value_range": (60.0, 90.0)}, None)
@example({**COMMON, "targets": [(2026, 80.0), (2030, 90.0)]}, "{value} ({year})")
def test_the_description_is_each_sentence_filled_by_format(
    inputs: dict[str, Any], baseline: str | None
) -> None:
    """With the catalogue's sentences, split, and with a baseline's sentence of another kind."""
    c = build_chart(**inputs)
    if c is None:
        return
    t = Labels(inputs["language"])  # its own: the sentences of each Labels are split once
    if baseline is not None:
        t.__dict__["chart_baseline"] = baseline
    assert description(t, c.written) == formatted_description(t, c.written)


@pytest.mark.parametrize("caption", ["{title!s}: tabell", "Tabell {title:>3}", "{{}} {title}"])
def test_a_caption_of_another_kind_is_filled_by_format(
    caption: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = Labels("sv")
    t.__dict__["chart_caption"] = caption
    monkeypatch.setattr(chart_words_module, "labels_in", lambda language: t)
    unit = f"enhet {caption}"  # a unit of its own: its words are not those kept for another
    assert chart_words("sv", unit, "Andel").caption == caption.format(title="Andel")
