"""A titled block of the HTML report (a goal, an area, an assignment, a work plan), in one pass.

This writes what the macro `item` of `_macros.html.j2` once laid out itself,
line for line, without the empty lines the page drops (a page written tidy
is not split into lines to be tidied, see `styr.report.render`): there is one
under every goal, and on a page of 100,000 goals the macro's lookups and
tests were seconds. The macro is still there (for a folder of templates that
calls it, and for the blocks that hold others, whose inside it renders first)
and hands its arguments to `item_html`. Every text goes through markupsafe's
`escape`, as Jinja's autoescape does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import NamedTuple

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from styr.report.html_escape import Written
from styr.report.html_escape import escaped_text as _e
from styr.report.html_parts import external_link, ref_link
from styr.report.indicators_html import status_span, write_captioned_table
from styr.report.language import kind_lang, kind_words
from styr.report.macro_origin import is_bundled
from styr.report.texts import Labels
from styr.report.view_types import Fact, ItemView


def item_html(
    x: ItemView,
    t: Labels,
    level: int,
    css_class: str,
    section: str,
    inside: str,
    peer_table: Callable[..., str],
    xl: str = "",
) -> Markup:
    """The block of `x` under a heading of `level`, with `inside` (its children) at its end.

    `section` is the heading the block stands under: its kind is not said again when
    that heading is the kind's own name ("Visionsområde", then "Den skapande staden").
    """
    return Markup(item_text(x, t, level, css_class, section, inside, peer_table, xl))


def item_text(
    x: ItemView,
    t: Labels,
    level: int,
    css_class: str,
    section: str,
    inside: str,
    peer_table: Callable[..., str],
    xl: str = "",
) -> str:
    """`item_html` as a plain text."""
    out: list[str] = []
    _write_block(x, t, level, css_class, section, inside, peer_table, out, xl)
    return "".join(out)


@functools.lru_cache(maxsize=16)  # one set of labels a report
def _words(t: Labels) -> _Words:
    return _Words(
        f'<div class="refs"><span class="label">{_e(t.contributes_to)}:</span> <ul>',
        f'<div class="refs"><span class="label">{_e(t.agenda2030)}:</span> <ul>',
        f'<div class="analysis"><strong>{_e(t.analysis)}:</strong>',
        f"{_e(t.indicators)}: ",
    )


class _Words(NamedTuple):
    """The openings of a block's lists, escaped once a report instead of once a block."""

    contributes_to: str
    agenda2030: str
    analysis: str
    indicators: str  # before the title, in the caption of the block's table of indicators


@functools.lru_cache(maxsize=256)  # by the labels, the period and the status: a few a report
def _goal_status(t: Labels, period: str, key: str, symbol: str, label: str) -> str:
    fulfilment = _e(t.get("fulfilment_in", period=period))
    status = status_span(key, symbol, label)
    return f'<p class="goal-status"><strong>{fulfilment}:</strong> {status}</p>'


def _write_block(
    x: ItemView,
    t: Labels,
    level: int,
    css_class: str,
    section: str,
    inside: str,
    peer_table: Callable[..., str],
    out: list[str],
    xl: str = "",
) -> None:
    """The block of `x` added to `out`, a part at a time (joined once for all the blocks);
    `xl` marks its texts from the files where the page speaks another language."""
    heading_kind = x.kind_under(section)
    if heading_kind:
        # A kind the model names in the files' words only is marked where the page speaks
        # another language (`xl`); most goals stand under their kind's own heading, unsaid.
        lang = kind_lang(heading_kind, xl) if xl else ""
        kind = f'<span class="kind"{lang}>{_e(heading_kind)}</span> '
    else:
        kind = ""
    plain = _e(x.title)
    # In the caption of the table of indicators, and after a kind's name in the heading, the
    # title alone is marked with the files' language (where the page speaks another): the
    # kind's name is the page's.
    title = f"<span{xl}>{plain}</span>" if xl else plain
    if kind or not xl:
        heading = f'<h{level} id="{_e(x.anchor)}">{kind}{title}</h{level}>\n'
    else:  # a heading that is the files' text alone is marked as a whole
        heading = f'<h{level} id="{_e(x.anchor)}"{xl}>{plain}</h{level}>\n'
    out.append(f'<article class="block {_e(css_class)}">\n{heading}')
    if x.lead:
        out.append(f'<p class="lead"{xl}>{_e(x.lead)}</p>')
    st = x.status
    if st:
        out.append(_goal_status(t, st.period, st.key, st.symbol, st.label))
    if x.facts:
        out.append('<dl class="facts">\n')
        for fact in x.facts:
            _fact(fact, t, out, xl)
        out.append("</dl>\n")
    elif x.lead or st:
        out.append("\n")  # the end of the line of the lead and the status
    for paragraph in x.paragraphs:
        out.append(f"<p{xl}>{_e(paragraph)}</p>\n")
    words = _words(t)
    if x.contributes_to:
        out.append(words.contributes_to)
        for ref in x.contributes_to:
            out.append(f"<li>{ref_link(ref, t, xl)}</li>")
        out.append("</ul></div>\n")
    if x.agenda2030:
        out.append(words.agenda2030)
        for link in x.agenda2030:
            out.append(f"<li>{external_link(link)}</li>")
        out.append("</ul></div>\n")
    if x.indicators:
        caption = f"{words.indicators}{title}"
        write_captioned_table(x.indicators, t, caption, True, peer_table, out, xl)
        if not out[-1].endswith("\n"):
            out.append("\n")
    if x.analysis:
        out.append(words.analysis)
        for paragraph in x.analysis:
            out.append(f"<p{xl}>{_e(paragraph)}</p>\n")
        out.append("</div>")
    if inside:
        out.append(_tidy_inside(inside, out[-1].endswith("\n")))
    out.append("</article>")


def _tidy_inside(inside: str, line_ended: bool) -> str:
    """A `call` block's text without the empty lines it leaves at its ends (after a line
    already ended, or its own last line end), which the page would drop: written tidy, the
    block is passed on whole (`styr.report.render`)."""
    if inside.endswith("\n\n"):
        inside = inside.rstrip("\n") + "\n"
    return inside.lstrip("\n") if line_ended else inside


def _fact(fact: Fact, t: Labels, out: list[str], xl: str = "") -> None:
    """A labelled detail added to `out` a piece at a time, not made into a text first: the
    page's own words (`Fact.own`) marked only where they hold the files' (a body's name)."""
    if xl and fact.own:
        out += ("<div><dt>", _e(fact.label), "</dt><dd>", kind_words(fact.text, xl))
    else:
        dd = f"</dt><dd{xl}>" if xl else "</dt><dd>"
        out += ("<div><dt>", _e(fact.label), dd, _e(fact.text))
    if fact.refs:
        out.append(", ".join([ref_link(ref, t, xl) for ref in fact.refs]))
    out.append("</dd></div>\n")


@pass_context
def items_html(
    context: Context,
    items: Sequence[ItemView],
    t: Labels,
    level: int,
    css_class: str,
    section: str,
    item: Callable[..., object],
    peer_table: Callable[..., str],
    xl: str = "",
    line_end: bool = False,
) -> Written:
    """The blocks of `items` one to a line, as a loop of `{{ item(x, t, level, css_class,
    section) }}` writes them, `item` being the template's macro; with `line_end`, the last
    line ended too (for a section that writes them on lines of their own: a text of whole
    lines is passed on as it is, `styr.report.render`).

    The bundled macro hands its arguments to `item_html`: called for each of 100,000
    goals it was most of the templates' own work, so the blocks are written here
    straight. Any other macro (a copy of the macros in `--templates`) is called, as
    the template calls it, each block escaped as `{{ }}` escapes it.
    """
    if is_bundled(item, "_macros.html.j2", "item"):
        out: list[str] = []  # every block's parts, joined once
        for x in items:
            if out:
                out.append("\n")
            _write_block(x, t, level, css_class, section, "", peer_table, out, xl)
        if line_end and out:
            out.append("\n")
        return Written("".join(out))  # a megabyte for a large organisation: see `Written`
    called = (context.call(item, x, t, level, css_class, section) for x in items)
    blocks = "\n".join(str(escape(block)) for block in called)
    return Written(blocks + "\n" if line_end and blocks else blocks)
