"""A table of indicators in the HTML report, written in one pass in Python.

This writes what the macro `indicator_table` of `_macros.html.j2` once laid
out itself, byte for byte: a table stands under nearly every goal, and on a
page of 100,000 goals the macro's attribute lookups, tests and escapes cost
more than building the indicators' views. The macro is still there (for a
folder of templates that calls it) and hands its arguments to
`indicator_table_html`. Every text goes through markupsafe's `escape`, as
Jinja's autoescape does; which columns a table has is `indicator_columns`'.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from typing import NamedTuple

from markupsafe import Markup

from styr.report.chart_svg import write_chart
from styr.report.columns import IndicatorColumns, indicator_columns
from styr.report.followup import OutcomeView
from styr.report.html_escape import escaped
from styr.report.html_escape import escaped_text as _e
from styr.report.html_parts import external_link, ref_link
from styr.report.macro_origin import is_bundled
from styr.report.texts import Labels
from styr.report.view_types import IndicatorView, ValueAt


def indicator_table_html(
    items: Sequence[IndicatorView],
    t: Labels,
    caption: str,
    hide_caption: bool,
    peer_table: Callable[..., str],
    xl: str = "",
) -> Markup:
    """The table of the indicators, their charts and their comparison with other municipalities.

    `peer_table` is the template's macro of that name: the comparison is laid out there.
    """
    return Markup(indicator_table_text(items, t, caption, hide_caption, peer_table, xl))


def indicator_table_text(
    items: Sequence[IndicatorView],
    t: Labels,
    caption: str,
    hide_caption: bool,
    peer_table: Callable[..., str],
    xl: str = "",
) -> str:
    """`indicator_table_html` as a plain text."""
    out: list[str] = []
    write_indicator_table(items, t, caption, hide_caption, peer_table, out, xl)
    return "".join(out)


def write_indicator_table(
    items: Sequence[IndicatorView],
    t: Labels,
    caption: str,
    hide_caption: bool,
    peer_table: Callable[..., str],
    out: list[str],
    xl: str = "",
) -> None:
    """The table added to `out`, a part at a time, for a block that joins its parts once
    (`item_html`): joined here first, each table was copied once more."""
    # `escaped`, which leaves markup as it is: a caption may mark a title from the files.
    write_captioned_table(items, t, escaped(caption), hide_caption, peer_table, out, xl)


def write_captioned_table(
    items: Sequence[IndicatorView],
    t: Labels,
    caption: str,
    hide_caption: bool,
    peer_table: Callable[..., str],
    out: list[str],
    xl: str = "",
) -> None:
    """`write_indicator_table` with its caption escaped already: a block's caption holds its
    title, which the block escapes once for its heading and the caption both."""
    if not items:
        return
    cols = indicator_columns(items)
    followed = cols.followed
    first = followed[0].outcome if followed else None  # `followed` are those with an outcome
    outcome_label = _outcome_label(t, first.period) if first else ""
    head = _head_of(
        t, cols.baseline, cols.targets, cols.milestones, bool(followed), cols.links, outcome_label
    )
    out += (_CAPTION_HIDDEN if hide_caption else _CAPTION, caption, head)
    for i in items:
        _row(i, t, cols, outcome_label, out, xl)
    out.append("</tbody>\n</table>\n</div>\n")
    if not (followed or cols.baseline or cols.targets or cols.milestones or cols.links):
        out.append(f'<p class="no-values">{_e(t.no_values)}</p>')  # no column but the first
    _write_charts(followed, out, xl)
    compared = list(filter(_peers_of, items))
    if compared:
        # The bundled macro marks the texts from the files; a copy of the macros made before
        # it took `xl` is called as it always was.
        marked = xl and is_bundled(peer_table, "_macros.html.j2", "peer_table")
        out.append(str(peer_table(compared, t, xl) if marked else peer_table(compared, t)))


_TABLE = '<div class="table-wrap">\n<table class="indicators stack">\n'
_CAPTION = f"{_TABLE}<caption>"
_CAPTION_HIDDEN = f'{_TABLE}<caption class="visually-hidden">'
# What an indicator is read for by the table as a whole: each the C of a filter and a map
# over the indicators, not a comprehension's call of Python for each table.
_peers_of = operator.attrgetter("peers")
_chart_of = operator.attrgetter("outcome.chart")


def _write_charts(followed: list[IndicatorView], out: list[str], xl: str = "") -> None:
    """The charts of the indicators with an outcome, those that have one."""
    charts = list(filter(None, map(_chart_of, followed)))
    if charts:
        out.append('<div class="charts">')
        for chart in charts:
            write_chart(chart, out, xl)
        out.append("</div>")


@functools.lru_cache(maxsize=64)  # by the labels and the period: a few a report
def _outcome_label(t: Labels, period: str) -> str:
    return _e(t.get("outcome_in", period=period))


@functools.lru_cache(maxsize=256)  # by the labels and the columns: the same few on every table
def _head_of(
    t: Labels,
    baseline: bool,
    targets: bool,
    milestones: bool,
    followed: bool,
    links: bool,
    outcome_label: str,
) -> str:
    head = f'</caption>\n<thead><tr><th scope="col">{_e(t.indicator)}</th>'
    if baseline:
        head += f'<th scope="col">{_e(t.baseline)}</th>'
    if targets:
        head += f'<th scope="col">{_e(t.targets)}</th>'
    if milestones:
        head += f'<th scope="col">{_e(t.milestones)}</th>'
    if followed:
        head += f'<th scope="col">{outcome_label}</th>'
    if links:
        head += f'<th scope="col">{_e(t.links)}</th>'
    return head + "</tr></thead>\n<tbody>\n"


class _Words(NamedTuple):
    """A table's labels in the markup they stand in, escaped once a report, not once a row."""

    unit: str
    source: str
    gender_breakdown: str
    contributes_to: str
    baseline: str
    targets: str
    milestones: str
    no_values: str
    preliminary: str
    women: str
    men: str
    fulfilment_percent: str


@functools.lru_cache(maxsize=16)  # one set of labels a report
def _words(t: Labels) -> _Words:
    def cell(label: str) -> str:
        return f'<td data-label="{_e(label)}"><ul class="values">'

    return _Words(
        unit=f'<span class="indicator-meta">{_e(t.unit)}: ',
        source=f'<span class="indicator-meta">{_e(t.source)}: ',
        gender_breakdown=f'<span class="indicator-meta">{_e(t.gender_breakdown)}</span>',
        contributes_to=(
            f'<div class="refs"><span class="label">{_e(t.contributes_to)}:</span> <ul>'
        ),
        baseline=cell(t.baseline),
        targets=cell(t.targets),
        milestones=cell(t.milestones),
        no_values=f">{_e(t.no_values)}</td>",
        preliminary=f' <span class="note preliminary">({_e(t.preliminary)})</span>',
        women=_e(t.women),
        men=_e(t.men),
        fulfilment_percent=_e(t.fulfilment_percent),
    )


def _row(
    i: IndicatorView,
    t: Labels,
    cols: IndicatorColumns,
    outcome_label: str,
    out: list[str],
    xl: str = "",
) -> None:
    words = _words(t)
    title = f"<span{xl}>{_e(i.title)}</span>" if xl else _e(i.title)
    out += ('<tr class="indicator">\n<th scope="row" id="', _e(i.anchor), '">', title)
    line_ended = _meta(i, t, words, out, xl)
    out.append("</th>\n" if line_ended else "\n</th>\n")  # no empty line
    if not (i.baseline or i.targets or i.milestones or i.outcome or i.kolada or i.agenda2030):
        if cols.count:
            out.append(f'<td class="no-values" colspan="{cols.count}"{words.no_values}')
    else:
        if cols.baseline:
            _values_cell(words.baseline, (i.baseline,) if i.baseline else (), out, xl)
        if cols.targets:
            _values_cell(words.targets, i.targets, out, xl)
        if cols.milestones:
            _values_cell(words.milestones, i.milestones, out, xl)
        if cols.followed:
            if i.outcome:
                out += ('<td data-label="', outcome_label, '">')
                _outcome(i.outcome, t, words, out, xl)
            else:
                out.append("<td>")
            out.append("</td>")
        if cols.links:
            _links_cell(i, t, out)
    out.append("</tr>\n")


def _meta(i: IndicatorView, t: Labels, words: _Words, out: list[str], xl: str = "") -> bool:
    """What is said of the indicator under its name, in its row's heading cell, a piece at a
    time; whether it ended its line. `xl` marks the texts from the files."""
    # A text from the files in a `span` of their language where the page speaks another
    # (`xl`); where the two agree, written as it always was.
    unit = (f"<span{xl}>{_e(i.unit)}</span>" if xl else _e(i.unit)) if i.unit else ""
    if unit and i.better:
        out += (words.unit, unit, " · ", _e(i.better), "</span>")
    elif unit:
        out += (words.unit, unit, "</span>")
    elif i.better:
        out += (_META, _e(i.better), "</span>")
    if i.gender_breakdown:
        out.append(words.gender_breakdown)
    if i.source:
        source = f"<span{xl}>{_e(i.source)}</span>" if xl else _e(i.source)
        out += (words.source, source, "</span>")
    if i.provenance:
        out += (_META, _e(i.provenance), "</span>")
    if i.decision:
        decision = f"<span{xl}>{_e(i.decision)}</span>" if xl else _e(i.decision)
        out += (_META, decision, "</span>")
    text = f'<p class="indicator-text"{xl}>' if xl else '<p class="indicator-text">'
    for paragraph in i.paragraphs:
        out += (text, _e(paragraph), "</p>")
    if not i.contributes_to:
        return False
    out.append(words.contributes_to)
    for ref in i.contributes_to:
        out += ("<li>", ref_link(ref, t, xl), "</li>")
    out.append("</ul></div>\n")
    return True


_META = '<span class="indicator-meta">'


def _values_cell(opening: str, values: Sequence[ValueAt], out: list[str], xl: str = "") -> None:
    """A cell of values, a piece at a time: joined once with the rest of the page, each value
    made into a text of its own first was half the cost of the cell."""
    if not values:
        out.append("<td></td>")
        return
    out.append(opening)
    for v in values:
        if v.year:
            out += ('<li><span class="year">', _e(v.year), ":</span> ", _e(v.value))
        else:
            out += ("<li>", _e(v.value))
        if v.note:
            note = f"<span{xl}>{_e(v.note)}</span>" if xl else _e(v.note)
            out += (' <span class="note">(', note, ")</span>")
        out.append("</li>")
    out.append("</ul></td>")


def _outcome(o: OutcomeView, t: Labels, words: _Words, out: list[str], xl: str = "") -> None:
    """Only the values there are: no dash for a value not given."""
    if o.value:
        out.append(f'<span class="outcome-value">{_e(o.value)}</span>')
        if o.preliminary:
            out.append(words.preliminary)
    if o.women and o.men:
        out.append(
            f' <span class="note">({words.women} {_e(o.women)}, {words.men} {_e(o.men)})</span>'
        )
    elif o.women:
        out.append(f' <span class="note">({words.women} {_e(o.women)})</span>')
    elif o.men:
        out.append(f' <span class="note">({words.men} {_e(o.men)})</span>')
    figures = o.value or o.women or o.men
    if o.credit and figures:
        out.append(f'<br><span class="note credit">{_e(o.credit)}</span>')
    if figures:
        out.append("<br>")
    st = o.status
    out.append(status_span(st.key, st.symbol, st.label))
    if o.percent:
        out.append(f' <span class="note">{_e(o.percent)} {words.fulfilment_percent}</span>')
    if o.next_target_year:
        out.append(_next_target(t, o.next_target, o.next_target_year))
    if o.trend and not o.chart:
        out.append(f'<br><span class="note">{_e(o.trend)}</span>')
    if o.comment:
        out.append(f'<br><span class="note"{xl}>{_e(o.comment)}</span>')


@functools.lru_cache(maxsize=1024)  # by the labels, the value and the year: a few a report
def _next_target(t: Labels, value: str, year: str) -> str:
    upcoming = t.get("next_target", value=value, year=year)
    return f'<br><span class="note">{_e(upcoming)}</span>'


@functools.lru_cache(maxsize=64)  # a few statuses a report
def status_span(key: str, symbol: str, label: str) -> str:
    """A status with its symbol, as the macro `status` writes it."""
    return (
        f'<span class="status status-{_e(key)}"><span class="status-symbol"'
        f' aria-hidden="true">{_e(symbol)}</span> {_e(label)}</span>'
    )


def _links_cell(i: IndicatorView, t: Labels, out: list[str]) -> None:
    labelled = f' data-label="{_e(t.links)}"' if i.kolada or i.agenda2030 else ""
    out.append(f"<td{labelled}>")
    if i.kolada:
        out.append(f'<span class="note">{_e(t.kolada)}:</span> {external_link(i.kolada)}')
    if i.kolada and i.agenda2030:
        out.append("<br>")
    if i.agenda2030:
        links = ", ".join(external_link(link) for link in i.agenda2030)
        out.append(f'<span class="note">{_e(t.agenda2030)}:</span> {links}')
    out.append("</td>")
