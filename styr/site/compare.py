"""The root of a website over many municipalities: the report's comparison, with links,
and the legend and accessibility statement every page's footer links to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from styr import __version__
from styr.followup.fulfilment import Scale
from styr.report.compare import compare
from styr.report.view import RepositoryView
from styr.report.view_types import Ref
from styr.site import urls as u
from styr.site.markup import PageMarkup
from styr.site.municipality import SiteOptions, legend
from styr.site.render import notice_block, render_page, stylesheet
from styr.site.sitemap import full_address
from styr.site.texts import SiteLabels, sentence


def write_comparison(
    views: list[RepositoryView],
    folders: list[str],
    labels: SiteLabels,
    options: SiteOptions,
    write: Callable[[str, str], None],
) -> list[str]:
    """index.html (each municipality linking to `<folder>/index.html`), symboler.html and
    tillganglighet.html at the root; gives the pages written."""
    title = labels.get("compare_title", count=len(views))
    statuses, trends = legend(Scale(), labels.language)
    pages: dict[str, tuple[str, str, dict[str, Any]]] = {
        u.START: (
            "compare.html.j2",
            title,
            {
                "comparison": compare(views, labels),
                "municipalities": [
                    (view, f"{folder}/index.html")
                    for view, folder in zip(views, folders, strict=True)
                ],
                "count": len(views),
            },
        ),
        u.SYMBOLS: (
            "symbols.html.j2",
            labels.symbols_page,
            {"statuses": statuses, "trends": trends},
        ),
        # Whom to tell of a problem is each municipality's to say: its own statement.
        u.ACCESSIBILITY: (
            "accessibility.html.j2",
            labels.accessibility_page,
            {
                "statements": [
                    (view.municipality, f"{folder}/{u.ACCESSIBILITY}", view.xl)
                    for view, folder in zip(views, folders, strict=True)
                ]
            },
        ),
    }
    write(u.STYLESHEET, stylesheet())
    covers = _covers(views, labels)
    for here, (template, page_title, own) in pages.items():
        shared = _shared(labels, options, here, title, page_title)
        write(here, render_page(template, {**shared, "covers": covers, **own}))
    return list(pages)


def _covers(views: list[RepositoryView], labels: SiteLabels) -> str:
    """The footer's sentence of the municipalities the site covers; where the page speaks
    another language than a municipality's files, its name is marked with theirs."""
    if not any(view.xl for view in views):  # the sentence as it always was
        return labels.get("covers", names=_listed([view.municipality for view in views], labels))
    names = [Markup("<span{}>{}</span>").format(view.xl, view.municipality) for view in views]
    return Markup(escape(labels.covers)).format(names=_listed_marked(names, labels))


def _listed(names: list[str], labels: SiteLabels) -> str:
    """Names as a sentence lists them: "A, B and C"."""
    if len(names) < 2:
        return "".join(names)
    return labels.get("names_and", names=", ".join(names[:-1]), last=names[-1])


def _listed_marked(names: list[Markup], labels: SiteLabels) -> Markup:
    """`_listed` of names that are markup already."""
    if len(names) < 2:
        return Markup("").join(names)
    listed = Markup(", ").join(names[:-1])
    return Markup(escape(labels.names_and)).format(names=listed, last=names[-1])


def _nowhere(ref: Ref) -> None:
    """The comparison's pages name no element of a municipality's own to link to."""
    return None


def _shared(
    labels: SiteLabels, options: SiteOptions, here: str, site_title: str, title: str
) -> dict[str, Any]:
    def to(page: str) -> str:
        return page

    markup = PageMarkup(labels, "", _nowhere)
    return {
        "t": labels,
        "mk": markup,
        "sentence": sentence,
        "xl": "",
        "lang": labels.language,
        "version": __version__,
        "branding": None,
        "publisher": "",
        "notice_block": notice_block(markup, None, 0),
        "here": here,
        "canonical": full_address(options.address, here),
        "title": title,
        "site_title": site_title,
        "site_heading": site_title,  # nothing marked: the comparison names no files' text
        "crumbs": [],
        "breadcrumbs": "",  # the comparison's pages are the top of the site
        "to": to,
        "stylesheet": u.STYLESHEET,
        "updated": options.updated,
        "pages": {"start": u.START, "symbols": u.SYMBOLS, "accessibility": u.ACCESSIBILITY},
    }
