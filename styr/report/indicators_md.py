"""A table of indicators in the Markdown report, written in one pass in Python.

This writes what the macro `indicator_table` of `_macros.md.j2` once laid out
itself, the same page once tidied (a comparison with other municipalities
without the second empty line in a row it starts with): a table
stands under nearly every goal, and on a page of 100,000 goals the macro's
attribute lookups, tests and filters cost more than building the indicators'
views. The macro is still there (for a folder of templates that calls it)
and hands its arguments to `indicator_table_md`. Every text from the files
goes through `md`; which columns a table has is `indicator_columns`'.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from styr.report.columns import IndicatorColumns, indicator_columns
from styr.report.followup import OutcomeView
from styr.report.markdown import md
from styr.report.md_parts import ends_with_empty_line, external_link, md_short, ref_link
from styr.report.texts import Labels
from styr.report.view_types import IndicatorView, ValueAt


def indicator_table_md(
    items: Sequence[IndicatorView],
    t: Labels,
    peer_table: Callable[[list[IndicatorView], Labels], str],
) -> str:
    """The table of the indicators, their charts' tables and their comparison with others.

    `peer_table` is the template's macro of that name: the comparison is laid out there.
    """
    if not items:
        return ""
    out = ["\n"]
    indicator_table_parts(items, t, peer_table, out)
    return "".join(out)


def indicator_table_parts(
    items: Sequence[IndicatorView],
    t: Labels,
    peer_table: Callable[[list[IndicatorView], Labels], str],
    out: list[str],
) -> bool:
    """`indicator_table_md` but its first line end (`items` not empty), added to `out` for a
    block that joins it with others itself (`item_md`); whether it ends with an empty line."""
    cols = indicator_columns(items)
    columns = cols.count
    out += [_head(t, cols), "\n| --- |", " --- |" * columns, "\n"]
    for i in items:
        _row(i, t, cols, columns, out)
    out.append("\n")
    out.extend(
        f"{i.outcome.chart.markdown()}\n" for i in cols.followed if i.outcome and i.outcome.chart
    )
    compared = [i for i in items if i.peers]
    if compared:
        peers = str(peer_table(compared, t))
        # It starts with an empty line, and one stands here already.
        out.append(peers.lstrip("\n") if ends_with_empty_line(out) else peers)
    return out[-1].endswith("\n\n") or ends_with_empty_line(out)


def _head(t: Labels, cols: IndicatorColumns) -> str:
    first = cols.followed[0].outcome if cols.followed else None  # those with an outcome
    period = first.period if first else None
    return _head_of(t, cols.baseline, cols.targets, cols.milestones, period, cols.links)


@functools.lru_cache(maxsize=256)  # by the labels and the columns: the same few on every table
def _head_of(
    t: Labels, baseline: bool, targets: bool, milestones: bool, period: str | None, links: bool
) -> str:
    head = f"| {t.indicator} |"
    if baseline:
        head += f" {t.baseline} |"
    if targets:
        head += f" {t.targets} |"
    if milestones:
        head += f" {t.milestones} |"
    if period is not None:
        head += f" {t.get('outcome_in', period=period)} |"
    if links:
        head += f" {t.links} |"
    return head


def _row(i: IndicatorView, t: Labels, cols: IndicatorColumns, columns: int, out: list[str]) -> None:
    filled = i.baseline or i.targets or i.milestones or i.outcome or i.kolada or i.agenda2030
    out.append(f'| <a id="{i.anchor}"></a>**{md(i.title)}**')
    _meta(i, t, out)
    if not filled and not columns:
        out.append(f"<br>{t.no_values}")
    out.append(" |")
    if not filled:
        if columns:
            out.append(f" {t.no_values} |" + "  |" * (columns - 1))
    else:
        if cols.baseline:
            out.append(f" {_value(i.baseline)} |" if i.baseline else "  |")
        if cols.targets:
            out.append(f" {_values(i.targets)} |")
        if cols.milestones:
            out.append(f" {_values(i.milestones)} |")
        if cols.followed:
            out.append(" ")
            if i.outcome:
                _outcome(i.outcome, t, out)
            out.append(" |")
        if cols.links:
            out.append(f" {_links(i, t)} |")
    out.append("\n")


def _meta(i: IndicatorView, t: Labels, out: list[str]) -> None:
    """What is said of the indicator under its name, in its first cell."""
    if i.unit and i.better:
        out.append(f"<br>{t.unit}: {md_short(i.unit)} · {md_short(i.better)}")
    elif i.unit:
        out.append(f"<br>{t.unit}: {md_short(i.unit)}")
    elif i.better:
        out.append(f"<br>{md_short(i.better)}")
    if i.gender_breakdown:
        out.append(f"<br>{t.gender_breakdown}")
    if i.source:
        out.append(f"<br>{t.source}: {md_short(i.source)}")
    if i.provenance:
        out.append(f"<br>{md(i.provenance)}")
    if i.decision:
        out.append(f"<br>{md(i.decision)}")
    for paragraph in i.paragraphs:
        out.append(f"<br>{md(paragraph)}")
    if i.contributes_to:
        refs = ", ".join([ref_link(ref, t) for ref in i.contributes_to])
        out.append(f"<br>{t.contributes_to}: {refs}")


def _values(values: Sequence[ValueAt]) -> str:
    if len(values) == 1:  # most cells
        return _value(values[0])
    return "<br>".join([_value(v) for v in values])


def _value(v: ValueAt) -> str:
    year = f"{v.year}: " if v.year else ""
    return f"{year}{md_short(v.value)} ({md(v.note)})" if v.note else f"{year}{md_short(v.value)}"


def _outcome(o: OutcomeView, t: Labels, out: list[str]) -> None:
    """Only the values there are: no dash for a value not given; added to `out`."""
    if o.value:
        out.append(md_short(o.value))
    if o.value and o.preliminary:
        out.append(f" ({t.preliminary})")
    if o.women and o.men:
        out.append(f" ({t.women} {md_short(o.women)}, {t.men} {md_short(o.men)})")
    elif o.women:
        out.append(f" ({t.women} {md_short(o.women)})")
    elif o.men:
        out.append(f" ({t.men} {md_short(o.men)})")
    figures = o.value or o.women or o.men
    if o.credit and figures:
        out.append(f"<br>{md(o.credit)}")
    if figures:
        out.append("<br>")
    out.append(f"{o.status.symbol} {md_short(o.status.label)}")
    if o.percent:
        out.append(f" ({md_short(o.percent)} {t.fulfilment_percent})")
    if o.next_target_year:
        out.append(_next_target(t, o.next_target, o.next_target_year))
    if o.trend and not o.chart:
        out.append(f"<br>{md(o.trend)}")
    if o.comment:
        out.append(f"<br>{md(o.comment)}")


@functools.lru_cache(maxsize=1024)  # by the labels, the value and the year: a few a report
def _next_target(t: Labels, value: str, year: str) -> str:
    return f"<br>{md(t.get('next_target', value=value, year=year))}"


def _links(i: IndicatorView, t: Labels) -> str:
    out = []
    if i.kolada:
        out.append(f"{t.kolada}: {external_link(i.kolada)}")
    if i.kolada and i.agenda2030:
        out.append("<br>")
    if i.agenda2030:
        links = ", ".join(external_link(link) for link in i.agenda2030)
        out.append(f"{t.agenda2030}: {links}")
    return "".join(out)
