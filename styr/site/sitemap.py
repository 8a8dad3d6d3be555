"""sitemap.xml: every page of the site, with full addresses when the site's address is known.

The sitemap protocol wants absolute addresses. When the manifest gives the
address the site is published at, every page gets one; otherwise the paths
are written relative to the site's root, with a comment saying so, for the
web team to prefix (or to let the web server's own sitemap take over).

A site over several municipalities lists each municipality's pages under its
own address, and its own root pages (the comparison) under the comparison's
address, when there is one (`comparison_address`). When some pages have a
full address, those without one are left out, with a comment saying so: a
sitemap's addresses are all full or none is.
"""

from __future__ import annotations

from styr.site.texts import SiteLabels


def escape(text: str) -> str:
    """`&`, `<` and `>` as XML writes them in a text, as `xml.sax.saxutils.escape` does: that
    module brings urllib's whole client with it, a twentieth of the imports of `styr site`'s
    pages, for three replacements."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def full_address(base_url: str, page: str) -> str:
    """The page's full address under the site's address, or "" when that is not known."""
    return f"{base_url.rstrip('/')}/{page}" if base_url else ""


def sitemap(pages: list[str], base_url: str, labels: SiteLabels) -> str:
    if not base_url:
        return _written(pages, labels.sitemap_note)
    return _written([full_address(base_url, page) for page in pages], "")


def combined_sitemap(parts: list[tuple[str, str, list[str]]], labels: SiteLabels) -> str:
    """The sitemap over several sites: each part is (its address or "", its folder, its pages)."""
    if not any(base for base, _, _ in parts):
        relative = [f"{folder}{page}" for _, folder, pages in parts for page in pages]
        return _written(relative, labels.sitemap_note)
    listed = [full_address(base, page) for base, _, pages in parts if base for page in pages]
    left_out = sum(len(pages) for base, _, pages in parts if not base)
    note = labels.get("sitemap_left_out", count=left_out) if left_out else ""
    return _written(listed, note)


def comparison_address(addresses: list[str], folders: list[str]) -> str:
    """The address the comparison is published at, or "" when it cannot be known.

    Known when every municipality's own address is that address with its folder
    after it (`https://styrning.example.se/` for `…/1283/` and `…/0126/`): the
    folder as written is then where each of them is published.
    """
    bases = set()
    for address, folder in zip(addresses, folders, strict=True):
        trimmed = address.rstrip("/")
        if not trimmed.endswith(f"/{folder}"):
            return ""
        bases.add(trimmed.removesuffix(folder))
    return bases.pop() if len(bases) == 1 else ""


def _written(addresses: list[str], note: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    if note:
        lines.append(f"<!-- {escape(note.replace('--', '–'))} -->")
    lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    lines.extend(f"<url><loc>{escape(address)}</loc></url>" for address in addresses)
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
