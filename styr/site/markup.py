"""The website's small building blocks, written in Python: links, facts, paragraphs, a status,
an indicator, a contribution.

They were Jinja macros (the templates call them as `mk.link`, `mk.indicator` …). Every
page calls them hundreds of times: each macro call cost a context, a frame and an
attribute lookup per field, and on a site of 10,000 pages that was most of the
rendering. The markup here is what the macros wrote, byte for byte once the page is
tidied. Every text goes through markupsafe's `escape`, as Jinja's autoescape does (the
one escaping decision); what is Markup already (a chart, an attribute such as
` lang="sv"`) is written as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup, escape

from styr.report.chart_svg import chart_text
from styr.report.followup import StatusView
from styr.report.html_escape import escaped
from styr.report.language import kind_lang, kind_words
from styr.report.links import ExternalLink
from styr.report.view_types import Fact, IndicatorView, ItemView, OrganisationView, Ref
from styr.site.markup_indicator import outcome, peers
from styr.site.markup_organisation import cell, organisation_opening
from styr.site.markup_parts import (
    add_lines,
    block_heading,
    fact_line,
    kind_before,
    site_label,
    status_text,
    value_text,
)
from styr.site.pages import AreaContribution, Contribution
from styr.site.texts import SiteLabels, sentence

# Escaped as Jinja escapes it, as a plain `str` (adding to a Markup would escape again):
# the one escape of every part of a page written in Python, the report's as the site's.
_e = escaped


class PageMarkup:
    """The building blocks of one page: its labels, its `lang` attribute for what comes from
    the files (`xl`, or ""; `lang`, the same as markup for the templates' macros), and where
    a reference leads from the page (`href`)."""

    __slots__ = ("href", "lang", "t", "xl")

    def __init__(self, t: SiteLabels, xl: str, href: Callable[[Ref], str | None]) -> None:
        self.t = t
        self.xl = _e(xl)
        self.lang = Markup(self.xl)
        self.href = href

    def link(self, ref: Ref) -> Markup:
        """A link to what the reference names, or its title marked missing."""
        return Markup(self._link(ref))

    def _link(self, ref: Ref) -> str:
        target = self.href(ref)
        title = _e(ref.title)
        if target:
            return f'<a href="{_e(target)}"{self.xl}>{title}</a>'
        shown = f"<span{self.xl}>{title}</span>" if self.xl else title
        missing = site_label(self.t, "symbol_missing")
        return f'<span class="missing">{shown} <span class="note">({missing})</span></span>'

    def told(self, key: str, stop: bool = False, **values: str) -> Markup:
        """The site's text `key` with its places filled with texts from the files, each in
        the files' language where the page speaks another (an English sentence around a
        Swedish name, WCAG 3.1.2); with `stop`, ended with a full stop as `sentence` ends it."""
        plain = self.t.get(key, **values)
        if not self.xl:  # the page speaks the files' language: the text as it is
            return Markup(_e(sentence(plain) if stop else plain))
        end = sentence(plain)[len(plain.rstrip()) :] if stop else ""
        marked = {name: self.in_files(value) for name, value in values.items()}
        return Markup(_e(getattr(self.t, key))).format(**marked) + end

    def in_files(self, text: str) -> Markup:
        """A text from the files inside the page's own words, marked with the files' language
        where the page speaks another."""
        return Markup(f"<span{self.xl}>{_e(text)}</span>" if self.xl else _e(text))

    def words(self, text: str) -> Markup:
        """A kind's name, or a section's heading of kinds' names, with the files' words marked
        with their language where the page speaks another (`kind_words`)."""
        return kind_words(text, self.xl)

    def refs(self, label: str, items: Iterable[Ref]) -> Markup:
        """`Bidrar till: A, B` as a paragraph, or nothing without references."""
        return Markup(self._refs(label, items))

    def _refs(self, label: str, items: Iterable[Ref]) -> str:
        links = ", ".join(self._link(ref) for ref in items)
        if not links:
            return ""
        return f'<p class="refs"><span class="label">{_e(label)}:</span> {links}</p>\n'

    def external(self, link: ExternalLink) -> Markup:
        return Markup(self._external(link))

    @staticmethod
    def _external(link: ExternalLink) -> str:
        if link.href:
            return f'<a href="{_e(link.href)}" rel="noopener noreferrer">{_e(link.text)}</a>'
        return _e(link.text)

    def sdgs(self, links: list[ExternalLink]) -> Markup:
        """The Agenda 2030 goals as a paragraph of links, or nothing."""
        return Markup(self._sdgs(links))

    def _sdgs(self, links: list[ExternalLink]) -> str:
        if not links:
            return ""
        shown = ", ".join(self._external(link) for link in links)
        label = site_label(self.t, "agenda2030")
        return f'<p class="refs"><span class="label">{label}:</span> {shown}</p>\n'

    def facts(self, items: list[Fact]) -> Markup:
        """Labelled details as a description list, or nothing."""
        return Markup(self._facts(items))

    def _facts(self, items: list[Fact]) -> str:
        if not items:
            return ""
        lines = ['<dl class="facts">\n']
        for fact in items:
            # The page's own words (a decision's sentence) marked only where they hold the
            # files' (the deciding body's name); a text of the files' own, as a whole.
            own = fact.own and self.xl
            text = kind_words(fact.text, self.xl) if own else _e(fact.text)
            refs = "".join(
                (", " if number or fact.text else "") + self._link(ref)
                for number, ref in enumerate(fact.refs)
            )
            dd = "<dd>" if own else f"<dd{self.xl}>"
            lines.append(f"<div><dt>{_e(fact.label)}</dt>{dd}{text}{refs}</dd></div>\n")
        lines.append("</dl>\n")
        return "".join(lines)

    def cell(self, fact: Fact | None, own: str = "") -> Markup:
        """A cell of the document register (`styr.site.markup_organisation.cell`)."""
        return Markup(cell(self, fact, own))

    def organisation_opening(self, o: OrganisationView) -> Markup:
        """An organisation page's opening (`styr.site.markup_organisation`)."""
        return Markup(organisation_opening(self, o))

    def paragraphs(self, items: Iterable[str], class_: str = "") -> Markup:
        """Each text as a paragraph (of the class, if one is given)."""
        return Markup(self._paragraphs(items, class_))

    def _paragraphs(self, items: Iterable[str], class_: str = "") -> str:
        attributes = (f' class="{_e(class_)}"' if class_ else "") + self.xl
        return "".join(f"<p{attributes}>{_e(text)}</p>\n" for text in items)

    def status(self, st: StatusView) -> Markup:
        return Markup(status_text(st))

    def chart_of(self, chart: Any) -> Markup:
        """A chart (its own markup), a text in its place, or nothing."""
        if isinstance(chart, str):
            return escape(chart)
        return Markup(chart_text(chart, self.xl)) if chart else Markup("")

    def _chart(self, chart: Any) -> str:
        if isinstance(chart, str):
            return _e(chart)
        return chart_text(chart, self.xl) if chart else ""

    def contribution(self, c: Any, via: Ref | None = None) -> Markup:
        """A goal as an area page and the goal list name it: kind, link, status, the way there."""
        return Markup(self._contribution(c, via))

    def _contribution(self, c: Any, via: Ref | None) -> str:
        kind = f'<span class="kind"{kind_lang(c.kind, self.xl)}>{_e(c.kind)}:</span>'
        text = f"{kind} {self._link(c.ref)}"
        if c.status:
            text += f" {status_text(c.status)}"
        if via:
            text += f' <span class="note">({self.told("through", title=via.title)})</span>'
        return text

    def contribution_items(
        self,
        items: Iterable[Contribution | AreaContribution],
        classes: Callable[[Contribution], str] | None = None,
    ) -> Markup:
        """A list's items, one `<li>` a line, each a `contribution` (with the way it reaches
        an area, for an area's); on the goal list in the classes its filter shows them by.

        One call for a list that the goal list repeats three times over every goal of the
        municipality: a Jinja loop made four calls and four escapes of each.
        """
        lines = []
        for item in items:
            c, via = (
                (item.contribution, item.via)
                if isinstance(item, AreaContribution)
                else (item, None)
            )
            opening = f'<li class="goal-item {_e(classes(c))}">' if classes else "<li>"
            lines.append(f"{opening}{self._contribution(c, via)}</li>\n")
        return Markup("".join(lines))

    def owned_items(
        self, items: Iterable[Contribution], classes: Callable[[Contribution], str]
    ) -> Markup:
        """The goal list's items by status: each goal's kind, link and organisation."""
        return Markup(
            "".join(
                f'<li class="goal-item {_e(classes(c))}">'
                f'<span class="kind"{kind_lang(c.kind, self.xl)}>{_e(c.kind)}:</span> '
                f'{self._link(c.ref)} <span class="note"{self.xl}>'
                f"({_e(c.organisation.name)})</span></li>\n"
                for c in items
            )
        )

    def item(self, x: ItemView, level: int, class_: str = "", inner: str = "") -> Markup:
        """A titled block (a goal, an area, an assignment, a work plan), its indicators under
        it; `inner` is markup the template wrote to go at its end (a work plan's activities)."""
        return Markup(self._item(x, level, class_, inner))

    def items(self, items: Iterable[ItemView], level: int, class_: str = "") -> Markup:
        """`item` of each, one after the other, each ended with a line end: one call for a
        page's list of goals instead of a loop in the template, which cost a call through
        Jinja and an escape for every goal of every page."""
        return Markup("".join(f"{self._item(x, level, class_)}\n" for x in items))

    def _item(self, x: ItemView, level: int, class_: str = "", inner: str = "") -> str:
        t, xl, anchor = self.t, self.xl, _e(x.anchor)
        kind = kind_before(x.heading_kind, xl) if x.heading_kind else ""
        parts = [
            f'<article class="block {_e(class_)}" aria-labelledby="{anchor}">\n',
            block_heading(level, anchor, kind, _e(x.title), xl),
        ]
        if x.status:
            period = _e(t.get("fulfilment_in", period=x.status.period))
            parts.append(
                f'<p class="goal-status"><strong>{period}:</strong> {status_text(x.status)}</p>'
            )
        add_lines(parts, self._facts(x.facts))
        add_lines(parts, self._paragraphs(x.paragraphs))
        if x.contributes_to:
            add_lines(parts, self._refs(t.contributes_to, x.contributes_to))
        add_lines(parts, self._sdgs(x.agenda2030))
        for i in x.indicators:
            add_lines(parts, self._indicator(i, level + 1))
        if x.analysis:
            label = site_label(t, "analysis")
            parts.append(
                f'<div class="analysis"><p><strong>{label}:</strong></p>'
                f"{self._paragraphs(x.analysis)}</div>"
            )
        parts += [_e(inner), "</article>"]
        return "".join(parts)

    def indicator(self, i: IndicatorView, level: int) -> Markup:
        """An indicator's section: its text, facts, outcome and status, chart and comparison."""
        return Markup(self._indicator(i, level))

    def indicators(self, items: Iterable[IndicatorView], level: int) -> Markup:
        """`indicator` of each, each ended with a line end (as `items` is of blocks)."""
        return Markup("".join(f"{self._indicator(i, level)}\n" for i in items))

    def _indicator(self, i: IndicatorView, level: int) -> str:
        t, xl, anchor = self.t, self.xl, _e(i.anchor)
        parts = [
            f'<section class="indicator" aria-labelledby="{anchor}">\n',
            block_heading(level, anchor, kind_before(i.kind, xl), _e(i.title), xl),
        ]
        if i.paragraphs:
            add_lines(parts, self._paragraphs(i.paragraphs))
        if i.gender_breakdown:
            parts.append(f'<p class="note">{site_label(t, "gender_breakdown")}</p>')
        if i.provenance:
            parts.append(f'<p class="note">{_e(i.provenance)}</p>')
        if i.decision:
            parts.append(f'<p class="note"{xl}>{_e(i.decision)}</p>')
        parts.append('<dl class="facts">\n')
        if i.unit:
            parts.append(fact_line(site_label(t, "unit"), _e(i.unit), xl))
        if i.better:
            parts.append(fact_line(site_label(t, "better"), _e(i.better)))
        if i.baseline:
            parts.append(fact_line(site_label(t, "baseline"), value_text(i.baseline)))
        if i.targets:
            parts.append(
                fact_line(site_label(t, "targets"), "; ".join(value_text(v) for v in i.targets))
            )
        if i.milestones:
            parts.append(
                fact_line(
                    site_label(t, "milestones"), "; ".join(value_text(v) for v in i.milestones)
                )
            )
        if i.outcome:
            parts.append(outcome(self, i))
        if i.source:
            parts.append(fact_line(site_label(t, "source"), _e(i.source), xl))
        if i.kolada:
            parts.append(fact_line(site_label(t, "kolada"), self._external(i.kolada)))
        parts.append("</dl>\n")
        if i.outcome and i.outcome.chart:
            parts.append(self._chart(i.outcome.chart))
        if i.peers:
            parts.append(peers(self, i.peers))
        if i.contributes_to:
            add_lines(parts, self._refs(t.contributes_to, i.contributes_to))
        add_lines(parts, self._sdgs(i.agenda2030) if i.agenda2030 else "")
        parts.append("</section>")
        return "".join(parts)
