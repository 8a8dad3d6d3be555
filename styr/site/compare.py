"""The index of a website over many municipalities: the report's comparison, with links."""

from __future__ import annotations

from styr import __version__
from styr.report.compare import compare
from styr.report.view import RepositoryView
from styr.site.municipality import SiteOptions
from styr.site.render import render_page
from styr.site.texts import SiteLabels


def compare_page(
    views: list[RepositoryView], folders: list[str], labels: SiteLabels, options: SiteOptions
) -> str:
    """index.html: the municipalities side by side, each linking to `<folder>/index.html`."""
    comparison = compare(views, labels)
    links = [f"{folder}/index.html" for folder in folders]
    return render_page(
        "compare.html.j2",
        {
            "t": labels,
            "lang": labels.language,
            "version": __version__,
            "comparison": comparison,
            "municipalities": list(zip(views, links, strict=True)),
            "count": len(views),
            "updated": options.updated,
            "title": labels.get("compare_title", count=len(views)),
        },
    )
