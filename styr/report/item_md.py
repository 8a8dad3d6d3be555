"""A titled block of the Markdown report (a goal, an area, an assignment, a work plan), in one pass.

This writes what the macro `item` of `_macros.md.j2` once laid out itself,
the same page once tidied, without a second empty line in a row (a page
written tidy is not split into lines, see `styr.report.render`): there is one
under every goal, and on a page of 100,000 goals the macro's lookups, tests
and filters were seconds. The macro is still there (for a folder of templates
that calls it, and for the blocks that hold others, whose inside it renders
first) and hands its arguments to `item_md`. Every text from the files goes
through `md`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from jinja2 import pass_context
from jinja2.runtime import Context

from styr.report.indicators_md import indicator_table_parts
from styr.report.macro_origin import is_bundled
from styr.report.markdown import md
from styr.report.md_parts import ends_with_empty_line, external_link, md_short, ref_link
from styr.report.texts import Labels
from styr.report.view_types import Fact, IndicatorView, ItemView


def item_md(
    x: ItemView,
    t: Labels,
    level: int,
    section: str,
    inside: str,
    peer_table: Callable[[list[IndicatorView], Labels], str],
) -> str:
    """The block of `x` under a heading of `level`, with `inside` (its children) at its end.

    `section` is the heading the block stands under: its kind is not said again when
    that heading is the kind's own name ("Visionsområde", then "Den skapande staden").
    """
    out: list[str] = []
    _write_block(x, t, level, section, inside, peer_table, out)
    return "".join(out)


def _write_block(
    x: ItemView,
    t: Labels,
    level: int,
    section: str,
    inside: str,
    peer_table: Callable[[list[IndicatorView], Labels], str],
    out: list[str],
) -> None:
    """The block of `x` added to `out`, a part at a time (joined once for all the blocks)."""
    heading_kind = x.kind_under(section)
    kind = f"{md(heading_kind)}: " if heading_kind else ""
    out.append(f'{"#" * level} <a id="{x.anchor}"></a>{kind}{md(x.title)}\n\n')
    if x.lead:
        out.append(f"*{md(x.lead)}*\n\n")
    st = x.status
    if st:
        out.append(_status_line(t, st.period, st.symbol, st.label))
    if x.facts:
        out.append(" · ".join([_fact(fact, t) for fact in x.facts]))
        out.append("\n\n")
    for paragraph in x.paragraphs:
        out.append(f"{md(paragraph)}\n\n")
    if x.contributes_to:
        refs = ", ".join([ref_link(ref, t) for ref in x.contributes_to])
        out.append(f"**{t.contributes_to}:** {refs}\n\n")
    if x.agenda2030:
        links = ", ".join([external_link(link) for link in x.agenda2030])
        out.append(f"**{t.agenda2030}:** {links}\n\n")
    # Every part so far ends with an empty line: the table is written without the line
    # end it starts with, and with one more only where it does not end with an empty line.
    if x.indicators and not indicator_table_parts(x.indicators, t, peer_table, out):
        out.append("\n")
    if x.analysis:
        out.append(f"> **{t.analysis}:** {' '.join([md(p) for p in x.analysis])}\n\n")
    if inside:
        out.append(_tidy_inside(inside, ends_with_empty_line(out)))


@functools.lru_cache(maxsize=256)  # by the labels, the period and the status: a few a report
def _status_line(t: Labels, period: str, symbol: str, label: str) -> str:
    return f"**{t.get('fulfilment_in', period=period)}:** {symbol} {md_short(label)}\n\n"


def _tidy_inside(inside: str, after_empty_line: bool) -> str:
    """A `call` block's text without the empty lines it would add to one already there
    (after `after_empty_line`, and at its own end), which the page would drop: written tidy,
    the block is passed on whole (`styr.report.render`)."""
    if inside.endswith("\n\n\n"):
        inside = inside.rstrip("\n") + "\n\n"
    return inside.lstrip("\n") if after_empty_line else inside


def _fact(fact: Fact, t: Labels) -> str:
    refs = ", ".join([ref_link(ref, t) for ref in fact.refs]) if fact.refs else ""
    # A target group, a horizon: the same few texts goal after goal, escaped once each.
    return f"**{fact.label}:** {md_short(fact.text)}{refs}"


@pass_context
def items_md(
    context: Context,
    items: Sequence[ItemView],
    t: Labels,
    level: int,
    section: str,
    item: Callable[..., object],
    peer_table: Callable[[list[IndicatorView], Labels], str],
) -> str:
    """The blocks of `items` one to a line, as a loop of `{{ item(x, t, level, section) }}`
    writes them, `item` being the template's macro.

    The bundled macro hands its arguments to `item_md`: called for each of 100,000
    goals it was most of the templates' own work, so the blocks are written here
    straight. Any other macro (a copy of the macros in `--templates`) is called, as
    the template calls it.
    """
    if is_bundled(item, "_macros.md.j2", "item"):
        out: list[str] = []  # every block's parts, joined once
        for x in items:
            # A block ends with an empty line: a line end after it would add a second one.
            if out and not out[-1].endswith("\n\n") and not ends_with_empty_line(out):
                out.append("\n")
            _write_block(x, t, level, section, "", peer_table, out)
        return "".join(out)
    return "\n".join(str(context.call(item, x, t, level, section)) for x in items)
