"""An indicator's outcome and its comparison with peers on a page of the website, written
in Python as the rest of the page's small blocks are (`styr.site.markup.PageMarkup`, which
calls these with itself as `mk`). Kept apart from the page's blocks so that each module
holds one thing: the blocks a page is made of there, an indicator's figures here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from styr.report.html_escape import escaped as _e
from styr.report.view_types import IndicatorView
from styr.site.markup_parts import fact_line, site_label, status_text

if TYPE_CHECKING:
    from styr.site.markup import PageMarkup


def outcome(mk: PageMarkup, i: IndicatorView) -> str:
    """An indicator's outcome as lines of its facts: the value (and by gender), how far it
    fulfils its target, the next target, the trend, its source and its analysis."""
    t, o = mk.t, i.outcome
    assert o is not None
    value = _e(o.value or t.none)
    if o.value and o.preliminary:
        value += f" ({site_label(t, 'preliminary')})"
    if o.women or o.men:
        women, men = _e(o.women or t.none), _e(o.men or t.none)
        value += f" ({site_label(t, 'women')} {women}, {site_label(t, 'men')} {men})"
    if o.credit and (o.value or o.women or o.men):
        value += f'<br><span class="note credit">{_e(o.credit)}</span>'
    fulfilment = status_text(o.status)
    if o.percent:
        fulfilment += f" ({_e(o.percent)} {site_label(t, 'fulfilment_percent')})"
    parts = [
        fact_line(_e(t.get("outcome_in", period=o.period)), value) + "\n",
        fact_line(site_label(t, "fulfilment"), fulfilment) + "\n",
    ]
    if o.next_target_year:
        # A label of its own: the list already has one "Target values" line.
        target = f"{_e(o.next_target_year)}: {_e(o.next_target)}"
        parts.append(fact_line(site_label(t, "next_target_label"), target))
    if o.trend:
        parts.append(fact_line(site_label(t, "symbols_trend"), _e(o.trend)))
    if o.source and o.source != i.source:
        parts.append(fact_line(site_label(t, "source"), _e(o.source), mk.xl))
    if o.comment:
        parts.append(fact_line(site_label(t, "analysis"), _e(o.comment), mk.xl))
    return "".join(parts)


def peers(mk: PageMarkup, p: Any) -> str:
    """How the indicator stands among its peers (the comparison made from Kolada's values)."""
    t = mk.t
    none, preliminary = t.none, f" ({site_label(t, 'preliminary')})"
    caption = mk.told("peers_caption", group=p.group) if p.group else _e(t.peers_caption_plain)
    median = _e(p.median or none) + (preliminary if p.median_preliminary else "")
    if p.reading:
        median += f" ({_e(p.reading)})"
    parts = [
        '<div class="peers">\n',
        f'<p class="peers-heading"><strong>{caption}, {_e(p.year)}</strong></p>\n',
        '<dl class="facts">\n',
        fact_line(
            site_label(t, "peers_own"),
            _e(p.own or none) + (preliminary if p.own_preliminary else ""),
        )
        + "\n",
        fact_line(site_label(t, "peers_median"), median) + "\n",
        fact_line(site_label(t, "peers_spread"), _e(p.spread or none)) + "\n",
    ]
    if p.middle_half:
        parts.append(fact_line(site_label(t, "peers_middle_half"), _e(p.middle_half)))
    parts.append(fact_line(site_label(t, "peers_with_data"), _e(p.with_data)) + "\n")
    if p.country:
        country = _e(p.country) + (preliminary if p.country_preliminary else "")
        parts.append(fact_line(site_label(t, "peers_country"), country))
    parts.append("</dl>\n")
    if p.credit:
        parts.append(f'<p class="note credit">{_e(p.credit)}</p>')
    parts.append(f'<p class="note">{site_label(t, "peers_derived_note")}</p>\n')
    if p.illustrative:
        parts.append(f'<p class="note illustrative">{_e(p.illustrative)}</p>')
    parts.append("</div>\n")
    return "".join(parts)
