"""sitemap.xml: every page of the site, with full addresses when the site's address is known.

The sitemap protocol wants absolute addresses. When the manifest gives the
address the site is published at, every page gets one; otherwise the paths
are written relative to the site's root, with a comment saying so, for the
web team to prefix (or to let the web server's own sitemap take over).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from styr.site.texts import SiteLabels


def sitemap(pages: list[str], base_url: str, labels: SiteLabels) -> str:
    base = base_url.rstrip("/") + "/" if base_url else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    if not base:
        note = labels.sitemap_note.replace("--", "–")
        lines.append(f"<!-- {escape(note)} -->")
    lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    lines.extend(f"<url><loc>{escape(base + page)}</loc></url>" for page in pages)
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
