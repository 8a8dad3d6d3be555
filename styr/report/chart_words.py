"""The words beside and inside an indicator's chart: which direction is better, the trend,
and the chart said in sentences for screen readers.

The trend says two things so that it can never contradict the line: which way the
line went from the second last point drawn to the last, with an arrow that points
that way ("↘ Lower than in 2024"), and whether that is better or worse, judged by
the indicator's `better` through `styr.followup.fulfilment.trend` ("– better").
"""

from __future__ import annotations

import functools
import itertools
import operator
import string
from collections.abc import Sequence
from typing import TYPE_CHECKING

from styr.followup.fulfilment import Trend, trend
from styr.report.chart_parts import ChartWords
from styr.report.html_escape import escaped_text as _e
from styr.report.period_words import period_words
from styr.report.texts import Labels

if TYPE_CHECKING:
    from styr.report.chart_parts import Written

# One set of words per language for every chart of a run (a Labels keeps what it translated).
labels_in = functools.cache(Labels)


def said(t: Labels, key: str, **params: str) -> str:
    """`t.get(key, **params)` from the text `t` translated once a run: a chart says five of
    these, and a report of 100,000 indicators would look each up in the catalogue again."""
    text: str = getattr(t, key)
    return text.format(**params)


# Which way the line goes from the second last point drawn to the last.
_MOVEMENTS = {1: ("↗", "trend_higher"), -1: ("↘", "trend_lower"), 0: ("→", "trend_same")}


def trend_legend(language: str) -> list[tuple[str, str]]:
    """The arrows beside a chart and what each says, for a legend of the symbols."""
    t = labels_in(language)
    return [
        (symbol, getattr(t, key.replace("trend_", "trend_legend_")))
        for symbol, key in (_MOVEMENTS[1], _MOVEMENTS[-1], _MOVEMENTS[0])
    ]


def _movement(values: Sequence[float]) -> int:
    change = values[-1] - values[-2]
    return (change > 0) - (change < 0)


def movement_symbol(values: Sequence[float]) -> str:
    return _MOVEMENTS[_movement(values)][0] if len(values) > 1 else ""


def trend_words(
    t: Labels, values: Sequence[float], periods: Sequence[str], better: str | None
) -> str:
    """ "Lower than in 2024 – better": the line's way in words, then the judgement."""
    if len(values) < 2:
        return ""
    return _trend_text(t, _movement(values), periods[-2], _judged(trend(list(values), better)))


def _judged(moved: Trend) -> str | None:
    """The word of the judgement of a trend, "" for none; told by identity, not looked up by
    the enum (its hash is a call in Python, for every chart of two outcomes or more)."""
    if moved is Trend.IMPROVING:
        return "trend_better"
    return "trend_worse" if moved is Trend.WORSENING else None


@functools.lru_cache(maxsize=1024)  # a few movements, periods and judgements: each said once
def _trend_text(t: Labels, movement: int, period: str, judged: str | None) -> str:
    moved = said(t, _MOVEMENTS[movement][1], period=period_words(period, t.language))
    return (
        said(t, "trend_judged", movement=moved, judgement=getattr(t, judged)) if judged else moved
    )


def direction_words(t: Labels, better: str | None, range_text: str | None) -> str:
    """Which direction is better, in words ("A lower value is better"); "" when unsaid."""
    if better == "higher":
        return t.chart_better_higher
    if better == "lower":
        return t.chart_better_lower
    if better == "range" and range_text:
        return said(t, "chart_better_range", range=range_text)
    return ""


def description(t: Labels, written: Written) -> str:
    """The chart said in sentences: outcomes, then targets, then the baseline."""
    # Each sentence is read once a language, split where its values go (`_split_sentences`),
    # and joined with them here: a `str.format` by name, or a call a sentence, took longer
    # than all the rest of the description.
    split = _split_sentences(t)
    if split is None:  # a sentence with places of another kind or order: `format` fills it
        return _described(t, written)
    (outcomes, after_outcomes), (targets, after_targets), (within, after_range), baseline = split
    text = outcomes + _listed(_worded(t, written.periods), written.values) + after_outcomes
    if written.targets:
        text += " " + targets + _paired(written.targets) + after_targets
    if written.range:
        text += " " + within + written.range + after_range
    if written.baseline is not None:
        year, value = written.baseline
        text += f" {baseline[0]}{year}{baseline[1]}{value}{baseline[2]}"
    return text


def one_outcome_description(
    t: Labels,
    period: str,
    value: str,
    target: tuple[str, str] | None,
    baseline: tuple[str, str] | None,
) -> str | None:
    """`description` of a chart of one outcome (its period and value as written), a target or
    none (year, value) and no range, from those alone; None where a sentence cannot be split,
    for `description` to say."""
    split = _split_sentences(t)
    if split is None:
        return None
    (outcomes, after_outcomes), (targets, after_targets), _, said_baseline = split
    text = f"{outcomes}{period_words(period, t.language)}: {value}{after_outcomes}"
    if target is not None:
        text += f" {targets}{target[0]}: {target[1]}{after_targets}"
    if baseline is not None:
        year, number = baseline
        text += f" {said_baseline[0]}{year}{said_baseline[1]}{number}{said_baseline[2]}"
    return text


def _listed(labels: Sequence[str], values: Sequence[str]) -> str:
    """ "2024: 61; 2025: 64": each period or year and its value."""
    if len(labels) == 1:  # most charts: one outcome, one target, no list to join
        return f"{labels[0]}: {values[0]}"
    return "; ".join(map(_PAIR.format, labels, values))


def _worded(t: Labels, periods: Sequence[str]) -> list[str]:
    """Each period as the reader says it ("januari–augusti 2025", not "2025-T2")."""
    language = t.language
    return [period_words(period, language) for period in periods]


def _paired(pairs: Sequence[tuple[str, str]]) -> str:
    """ "2026: 80; 2030: 90": each year and its value."""
    if len(pairs) == 1:  # most charts: one target, no list to join
        return f"{pairs[0][0]}: {pairs[0][1]}"
    return "; ".join(itertools.starmap(_PAIR.format, pairs))


def _described(t: Labels, written: Written) -> str:
    """`description`, each sentence filled by `format`."""
    outcomes, targets, within, baseline = _sentences(t)
    text = outcomes.fill(_listed(_worded(t, written.periods), written.values))
    if written.targets:
        text += " " + targets.fill(_paired(written.targets))
    if written.range:
        text += " " + within.fill(written.range)
    if written.baseline is not None:
        text += " " + baseline.fill(*written.baseline)
    return text


_PAIR = "{}: {}"  # a period or year and its value, in a list of them


class Sentence:
    """A text with named places (`{values}`), filled with texts in the order they are named.

    Split once at its places, so that filling it joins pieces: the same text as `format`.
    """

    __slots__ = ("_names", "_template", "pieces")

    def __init__(self, template: str, *names: str) -> None:
        self._template, self._names = template, names
        # The texts before, between and after the places; None when they are not plain places.
        self.pieces = _pieces(template, names)

    def fill(self, *values: str) -> str:
        pieces = self.pieces
        if pieces is None:  # places of another kind or order: `format` fills them
            return self._template.format(**dict(zip(self._names, values, strict=True)))
        if len(pieces) == 2:  # one place, as most sentences have
            return pieces[0] + values[0] + pieces[1]
        return "".join(map(operator.add, pieces, values)) + pieces[-1]  # the last is after all


def _pieces(template: str, names: tuple[str, ...]) -> tuple[str, ...] | None:
    """The text between the places of `template` when they are `names`, in that order, each
    written plainly (`{name}`, no conversion or format); None otherwise."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return None  # `format` says what is wrong with it
    pieces, places, text = [], [], ""
    for literal, name, spec, conversion in parsed:
        text += literal  # "{{" is a text of its own: the piece goes on after it
        if name is not None:
            places.append((name, spec, conversion))
            pieces.append(text)
            text = ""
    if places != [(name, "", None) for name in names]:
        return None
    return (*pieces, text)


@functools.lru_cache(maxsize=16)  # one a language
def _sentences(t: Labels) -> tuple[Sentence, Sentence, Sentence, Sentence]:
    return (
        Sentence(t.chart_outcomes, "values"),
        Sentence(t.chart_targets, "values"),
        Sentence(t.chart_range, "range"),
        Sentence(t.chart_baseline, "year", "value"),
    )


@functools.lru_cache(maxsize=16)  # one a language
def _split_sentences(t: Labels) -> tuple[tuple[str, ...], ...] | None:
    """The pieces of each of `_sentences`, or None when one of them cannot be split."""
    outcomes, targets, within, baseline = (sentence.pieces for sentence in _sentences(t))
    if outcomes is None or targets is None or within is None or baseline is None:
        return None
    return outcomes, targets, within, baseline


def chart_words(language: str, unit: str, title: str) -> ChartWords:
    """The words the chart shows: the same for every chart of a unit but the caption."""
    period, outcome, outcome_short, target, baseline, women, men, caption = unit_words(
        language, unit
    )
    pieces = caption.pieces  # before and after the title, as the catalogue's caption is split
    told = pieces[0] + title + pieces[1] if pieces is not None else caption.fill(title)
    return ChartWords(period, outcome, outcome_short, target, baseline, women, men, told)


def marked_words(language: str, unit: str, title: str, xl: str) -> tuple[str, str]:
    """The table's caption and its heading of the outcomes (`chart_words`' `caption` and
    `outcome`) as markup, the title and the unit from the files marked with their `lang`
    attribute `xl`, where the page speaks another language than the files."""
    t = labels_in(language)
    outcome = f"{_e(t.outcome)} (<span{xl}>{_e(unit)}</span>)" if unit else _e(t.outcome)
    pieces = unit_words(language, unit)[7].pieces
    if pieces is None:  # a caption whose title is not a plain place: not marked, but shown
        return _e(chart_words(language, unit, title).caption), outcome
    return f"{_e(pieces[0])}<span{xl}>{_e(title)}</span>{_e(pieces[1])}", outcome


@functools.lru_cache(maxsize=1024)  # a few units a report: each chart's words shared
def unit_words(language: str, unit: str) -> tuple[str, str, str, str, str, str, str, Sentence]:
    """The words of a unit's charts, and their caption yet to be told the title."""
    t = labels_in(language)
    outcome = f"{t.outcome} ({unit})" if unit else t.outcome
    return (
        t.period,
        outcome,
        t.outcome,
        t.chart_target,
        t.baseline,
        _capitalised(t.women),
        _capitalised(t.men),
        Sentence(t.chart_caption, "title"),
    )


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]
