"""One municipality's website: every page, rendered from its view and handed to a writer.

The organisations are read from the view once, in order; each one's page is
written as soon as it is built and only a light summary of it is kept, for the
area pages and the goal list written after them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from styr import __version__
from styr.followup.fulfilment import SYMBOLS, Scale, Status, read_scale
from styr.report.chart import trend_legend
from styr.report.language import content_lang_attribute
from styr.report.unreadable import publishing_notice
from styr.report.view import RepositoryView, ViewBuilder
from styr.report.view_types import OrganisationView, Ref
from styr.site import urls as u
from styr.site.filter import filter_rules
from styr.site.markup import PageMarkup
from styr.site.pages import (
    Arrangement,
    Crumb,
    OrganisationLink,
    breadcrumbs,
    by_status,
    document_rows,
    goal_count,
    grouped_by_organisation,
    kind_groups,
    status_counts,
)
from styr.site.render import Frames, accent_rules, notice_block, render_page, stylesheet
from styr.site.sitemap import full_address, sitemap
from styr.site.texts import SiteLabels, sentence
from styr.site.urls import SiteUrls, relative

Writer = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class SiteOptions:
    updated: str = ""  # "Senast uppdaterad", or "" for none
    comparison: str = ""  # the comparison page above this site, from the site's parent folder
    placeholders: int = 0  # texts still as `styr init` left them (X003), told of on every page
    content_language: str = "sv"  # the language the files are written in (manifest `language:`)
    address: str = ""  # where a comparison is published (its canonical links), "" when not known


@dataclass(frozen=True, slots=True)
class BoardEntry:
    """An organisation as the start page lists it."""

    link: OrganisationLink
    type: str
    unreadable: bool
    # False where no name could be read and the card says so in the page's words: its link is
    # then not marked as the files' language.
    name_from_files: bool


def write_municipality(
    view: RepositoryView,
    builder: ViewBuilder,
    labels: SiteLabels,
    write: Writer,
    options: SiteOptions,
) -> list[str]:
    """Write every page of one municipality's site; gives the pages' paths, in order."""
    heads = [head for group in view.groups for head in group.members]
    urls = SiteUrls.of(builder.index, builder.anchors, [(h.id, h.anchor) for h in heads])
    scale = read_scale(builder.repository.manifest_data.get("follow_up"))
    site = _Site(view, labels, urls, write, options, scale)
    write(u.STYLESHEET, stylesheet(accent_rules(view.branding)))
    site.organisation_pages()
    site.arrangement.finish()
    site.area_pages()
    site.start_page()
    site.goals_page()
    site.documents_page()
    site.symbols_page()
    site.accessibility_page()
    write(u.SITEMAP, sitemap(site.written, site.address, labels))
    return [*site.written, u.SITEMAP]


class _Site:
    """The pages of one municipality, each rendered with what every page shares."""

    def __init__(
        self,
        view: RepositoryView,
        labels: SiteLabels,
        urls: SiteUrls,
        write: Writer,
        options: SiteOptions,
        scale: Scale,
    ) -> None:
        self.scale = scale
        self.view = view
        self.t = labels
        self.urls = urls
        self.write = write
        self.options = options
        self.notice = publishing_notice([view])
        # The files' own language on what comes from them, where the page speaks another
        # (WCAG 3.1.2): an attribute for the templates, or nothing.
        self.content_lang = content_lang_attribute(options.content_language, labels.language)
        self.branding = view.branding
        self.address = self.branding.site_url if self.branding else ""  # `site: url:`
        # The start page's heading of each level and of each council-level kind, for the
        # breadcrumbs (`organisationer-1`, `niva-1`).
        self.level_sections = {
            group.name: f"organisationer-{number}" for number, group in enumerate(view.groups, 1)
        }
        self.kind_sections = {
            kind: f"niva-{number}"
            for number, (kind, _) in enumerate(kind_groups(view.council_areas), start=1)
        }
        self.arrangement = Arrangement.of(view, self.council_owner())
        self.boards: list[tuple[str, list[BoardEntry]]] = []  # by level
        self.written: list[str] = []
        self.frames = Frames()  # the header and footer, once for each folder of pages
        self.same_on_every_page = self._same_on_every_page()

    def _same_on_every_page(self) -> dict[str, Any]:
        """What every page of the municipality shows alike, made once for all its pages:
        its titles, its publisher, and the notice of what may be missing (the same words on
        every page: rendered once, not by a macro call on each)."""
        t, view = self.t, self.view
        markup = PageMarkup(t, self.content_lang, _nowhere)
        notice = notice_block(markup, self.notice, self.options.placeholders)
        return {
            "t": t,
            "sentence": sentence,
            "xl": self.content_lang,
            "lang": t.language,
            "version": __version__,
            "r": view,
            "branding": self.branding,
            "publisher": self.branding.publisher if self.branding else view.municipality,
            "covers": "",
            "notice_block": notice,
            "site_title": t.get("site_title", name=view.municipality),
            # The same, its name from the files marked in their language (the header, the
            # start page's heading); the page's <title> holds no markup, only the text.
            "site_heading": markup.told("site_title", name=view.municipality),
            "updated": self.options.updated,
        }

    def council_owner(self) -> OrganisationLink:
        """Whom the goal list names for the council level's own goals: the model's name for
        its top level ("Kommunfullmäktige"), linked to where the start page shows them."""
        levels = self.view.levels
        name = levels[0] if levels else self.t.council_level
        section = next(iter(self.kind_sections.values()), "kf-mal")
        return OrganisationLink("", name, f"{u.START}#{section}")

    # --- what every page shares ---------------------------------------------------------

    def crumbs(self, *steps: Crumb) -> list[Crumb]:
        above = [Crumb(self.t.all_municipalities, f"../{self.options.comparison}")]
        start = [Crumb(self.t.site_home, u.START)]
        return [*(above if self.options.comparison else []), *start, *steps]

    def page(
        self,
        here: str,
        template: str,
        title: str,
        crumbs: list[Crumb],
        own_css: str = "",
        **context: Any,
    ) -> None:
        def href(ref: Ref) -> str | None:
            return self.urls.link(ref, here)

        def to(page: str) -> str:
            return relative(page, here)

        if crumbs and crumbs[-1].page == here:
            crumbs = [*crumbs[:-1], Crumb(crumbs[-1].title, from_files=crumbs[-1].from_files)]
        shared = {
            **self.same_on_every_page,
            "mk": PageMarkup(self.t, self.content_lang, href),
            "here": here,
            "canonical": full_address(self.address, here),
            "title": title,
            "crumbs": crumbs,
            "breadcrumbs": Markup(breadcrumbs(crumbs, to, self.content_lang, self.t.breadcrumbs)),
            "href": href,
            "to": to,
            "stylesheet": to(u.STYLESHEET),
            "pages": {
                "start": to(u.START),
                "goals": to(u.GOALS),
                "documents": to(u.DOCUMENTS),
                "symbols": to(u.SYMBOLS),
                "accessibility": to(u.ACCESSIBILITY),
            },
        }
        page = render_page(template, {**shared, **context}, own_css, self.frames)
        self.write(here, page)
        self.written.append(here)

    # --- the pages ------------------------------------------------------------------------

    def organisation_pages(self) -> None:
        pages = iter(self.urls.board_pages)
        for group in self.view.groups:
            entries = []
            for organisation in group.organisations:  # built one at a time, let go after
                here = next(pages)
                self.organisation_page(organisation, group.name, here)
                self.arrangement.add(organisation, here, self.t)
                link = OrganisationLink(organisation.id, organisation.name, here)
                unreadable = bool(organisation.unreadable_file)
                entries.append(
                    BoardEntry(link, organisation.type, unreadable, organisation.name_from_files)
                )
            self.boards.append((group.name, entries))

    def organisation_page(self, organisation: OrganisationView, level: str, here: str) -> None:
        level_crumb = Crumb(level, f"{u.START}#{self.level_sections[level]}", from_files=True)
        crumbs = self.crumbs(
            level_crumb, Crumb(organisation.name, here, from_files=organisation.name_from_files)
        )
        self.page(here, "organisation.html.j2", organisation.name, crumbs, o=organisation)

    def area_pages(self) -> None:
        for area in self.view.council_areas:
            here = self.urls.area_pages.get(area.id)
            if here is None:
                continue
            contributions = self.arrangement.by_area.get(area.id, [])
            section = f"{u.START}#{self.kind_sections.get(area.kind, 'innehall')}"
            crumbs = self.crumbs(
                Crumb(area.kind, section),
                Crumb(area.title, here, from_files=True),
            )
            self.page(
                here,
                "area.html.j2",
                area.title,
                crumbs,
                area=area,
                readings=self.view.readings_by_area.get(area.id, []),
                groups=grouped_by_organisation(contributions),
                counts=status_counts(contributions),
                total=len(contributions),
            )

    def start_page(self) -> None:
        view = self.view
        areas = [
            (kind, [(a, goal_count(self.arrangement.by_area.get(a.id, []))) for a in items])
            for kind, items in kind_groups(view.council_areas)
        ]
        self.page(
            u.START,
            "start.html.j2",
            self.t.get("site_title", name=view.municipality),
            self.crumbs(),
            values=kind_groups(view.values),
            areas=areas,
            area_pages=self.urls.area_pages,
            boards=self.boards,
            # The goal list has a section for each status its goals have: the summary links
            # there, and only there.
            status_sections=set(by_status(self.arrangement.contributions)),
        )

    def goals_page(self) -> None:
        arrangement = self.arrangement
        contributions = arrangement.contributions
        areas = [
            (area, _slug_of(self.urls.area_pages[area.id]))
            for area in self.view.council_areas
            if area.id in self.urls.area_pages
        ]
        slug_of_area = {area.id: slug for area, slug in areas}
        boards = [(owner, _slug_of(owner.page)) for owner, _ in _owners(contributions)]
        classes = {
            id(c): " ".join(
                [f"org-{_slug_of(c.organisation.page)}"]
                + [
                    f"omrade-{slug_of_area[a]}"
                    for a in arrangement.areas_of(c)
                    if a in slug_of_area
                ]
            )
            for c in contributions
        }

        def classes_of(contribution: Any) -> str:
            return classes[id(contribution)]

        def area_page(area: Any) -> str:
            return self.urls.area_pages[area.id]

        unlinked = [c for c in contributions if not arrangement.areas_of(c)]
        statuses = by_status(contributions)
        self.page(
            u.GOALS,
            "goals.html.j2",
            self.t.all_goals,
            self.crumbs(Crumb(self.t.all_goals, u.GOALS)),
            filter_rules(
                [slug for _, slug in areas],
                [slug for _, slug in boards],
                {
                    (slug_of_area[a], _slug_of(c.organisation.page))
                    for c in contributions
                    for a in arrangement.areas_of(c)
                    if a in slug_of_area
                },
            ),
            areas=areas,
            boards=boards,
            by_area=[(area, slug, arrangement.by_area.get(area.id, [])) for area, slug in areas],
            by_organisation=_owners(contributions),
            by_status=[statuses[key] for key in _STATUS_ORDER if key in statuses],
            unlinked=unlinked,
            classes=classes_of,
            slug_of=_slug_of,
            area_page=area_page,
        )

    def documents_page(self) -> None:
        self.page(
            u.DOCUMENTS,
            "documents.html.j2",
            self.t.documents_page,
            self.crumbs(Crumb(self.t.documents_page, u.DOCUMENTS)),
            rows=document_rows(self.view.documents, self.t),
        )

    def symbols_page(self) -> None:
        statuses, trends = legend(self.scale, self.t.language)
        self.page(
            u.SYMBOLS,
            "symbols.html.j2",
            self.t.symbols_page,
            self.crumbs(Crumb(self.t.symbols_page, u.SYMBOLS)),
            statuses=statuses,
            trends=trends,
        )

    def accessibility_page(self) -> None:
        self.page(
            u.ACCESSIBILITY,
            "accessibility.html.j2",
            self.t.accessibility_page,
            self.crumbs(Crumb(self.t.accessibility_page, u.ACCESSIBILITY)),
            statements=[],  # the municipality's own: no other statement to lead to
        )


_STATUS_ORDER = [s.value for s in Status]


def legend(scale: Scale, language: str) -> tuple[list[tuple[str, str, str]], list[Any]]:
    """What the legend lists: each status's symbol, word and key, and the trend arrows."""
    statuses = [(SYMBOLS[s], scale.label(s, language), s.value) for s in Status]
    return statuses, trend_legend(language)  # the arrows beside a chart's trend


# The goal list's filter's slug for the council level, whose goals are shown on the start
# page and the area pages: "--" is in no slug made from an id (`urls.slug`), so no
# organisation's can be the same.
COUNCIL_SLUG = "kommunen--niva"


def _nowhere(ref: Ref) -> None:
    """What every page shows alike links to no element: the notice names parts, not links."""
    return None


def _slug_of(page: str) -> str:
    if page.startswith(f"{u.START}#"):
        return COUNCIL_SLUG
    return page.rsplit("/", 1)[-1].removesuffix(".html")


def _owners(contributions: list[Any]) -> list[tuple[OrganisationLink, list[Any]]]:
    groups: dict[str, tuple[OrganisationLink, list[Any]]] = {}
    for c in contributions:
        groups.setdefault(c.organisation.page, (c.organisation, []))[1].append(c)
    return list(groups.values())
