"""The website's addresses: one plain file per page, named from ids, linked relatively.

Plain files (`organisationer/sfn.html`) rather than folders with an index, so
that every link works from `file://` as well as from any web server. A page's
name comes from the id of what it shows, so that an address stays the same
as long as the id does (cut short, with a digest, when the id is long; never a
name Windows keeps for a device; see `slug`):

    index.html                    the start page
    omraden/<slug>.html           one per council-level area
    organisationer/<slug>.html    one per board, company or administration
    mal.html                      every goal, filterable
    styrdokument.html             the steering documents
    symboler.html                 what the status symbols mean
    tillganglighet.html           the accessibility statement
    sitemap.xml

Everything else (a goal, an indicator, an assignment) is a fragment on the
page that shows it: the report's anchor, unchanged (`organisationer/sfn.html#mal-sfn-1`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from styr.model.index import Element, Index
from styr.report.anchors import Anchors
from styr.report.view_types import Ref

START = "index.html"
GOALS = "mal.html"
DOCUMENTS = "styrdokument.html"
SYMBOLS = "symboler.html"
ACCESSIBILITY = "tillganglighet.html"
SITEMAP = "sitemap.xml"
STYLESHEET = "stil.css"  # every page's stylesheet, one file of each site
AREAS_FOLDER = "omraden"
ORGANISATIONS_FOLDER = "organisationer"

_NOT_SLUG = re.compile(r"[^a-z0-9]+")

# Where an element is shown when it is not a page of its own, by category.
_ON_START_PAGE = ("vision", "vision_area", "waypoint", "value", "programme")


# A file name any file system takes: a page's whole name ("<slug>.html") stays far below the
# 255 bytes a name may have, and its path (folder, name) below Windows' 260 characters.
SLUG_LENGTH = 60
_DIGEST_LENGTH = 8
# Names Windows keeps for devices, whatever their case and extension ("con.html" included).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{device}{n}" for device in ("com", "lpt") for n in range(1, 10)]
)


def slug(text: str, fallback: str = "sida") -> str:
    """A file name from an id: casefolded, å/ä→a, ö→o (any accent dropped), other runs → "-".

    A long one is cut to `SLUG_LENGTH` characters with a short digest of the
    whole id after it (two long ids alike at the start still differ), and a
    name Windows keeps for a device ("con", "lpt1") gets "-sida" after it.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    made = _NOT_SLUG.sub("-", plain).strip("-") or fallback
    if len(made) > SLUG_LENGTH:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:_DIGEST_LENGTH]
        made = f"{made[: SLUG_LENGTH - _DIGEST_LENGTH - 1].rstrip('-')}-{digest}"
    return f"{made}-sida" if made in _RESERVED else made


class Slugs:
    """Hands out distinct slugs: the second of the same gets "-2", the third "-3"."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def claim(self, text: str) -> str:
        wanted = slug(text)
        candidate, number = wanted, 2
        while candidate in self._used:
            candidate = f"{wanted}-{number}"
            number += 1
        self._used.add(candidate)
        return candidate


class SiteUrls:
    """Which page shows each element, and the relative link to it from any page.

    Built from the index and the report's anchors before any page is written,
    so that a page links to a goal on a page not written yet.
    """

    def __init__(self) -> None:
        self._page_of_anchor: dict[str, str] = {}  # anchor → page that shows it
        self._own_page: set[str] = set()  # anchors that are a page's own (its h1)
        self.area_pages: dict[str, str] = {}  # council area id → page
        self.organisation_pages: dict[str, str] = {}  # organisation id → page
        self.board_pages: list[str] = []  # every organisation's page, in the view's order

    @classmethod
    def of(cls, index: Index, anchors: Anchors, boards: Iterable[tuple[str, str]]) -> SiteUrls:
        """The addresses of one repository's site.

        `boards` are (id, anchor) of every organisation the site shows a page
        for, in the view's order, those whose file could not be read included.
        """
        urls = cls()
        area_slugs, organisation_slugs = Slugs(), Slugs()
        for element in index.of_category("council_area"):
            anchor = anchors.of(element)
            if anchor is not None:
                page = f"{AREAS_FOLDER}/{area_slugs.claim(element.id or anchor)}.html"
                urls.area_pages[element.id or ""] = page
                urls._own(anchor, page)
        for board_id, anchor in boards:
            page = f"{ORGANISATIONS_FOLDER}/{organisation_slugs.claim(board_id or anchor)}.html"
            urls.organisation_pages.setdefault(board_id, page)
            urls.board_pages.append(page)
            urls._own(anchor, page)
        for element in index.elements:
            anchor = anchors.of(element)
            if anchor is not None and anchor not in urls._page_of_anchor:
                urls._page_of_anchor[anchor] = urls._home(element, index)
        return urls

    def _own(self, anchor: str, page: str) -> None:
        self._page_of_anchor[anchor] = page
        self._own_page.add(anchor)

    def _home(self, element: Element, index: Index) -> str:
        """The page an element is shown on (its own, or its parent's, or its owner's)."""
        top = element
        while top.parent is not None and top.category not in ("council_area",):
            top = top.parent
        if top.category == "council_area":
            return self.area_pages.get(top.id or "", START)
        if top.category == "steering_document":
            return DOCUMENTS
        if top.category in _ON_START_PAGE or top.category == "council_goal":
            return START
        owner = top.owner
        if top.category in ("operational_plan", "work_plan"):
            owner = str(top.data.get("owner") or "")
        return self.organisation_pages.get(owner or "", START)

    def page_of(self, ref: Ref) -> str | None:
        """The page and fragment (from the site's root) a reference points to, or None."""
        if ref.href is None or not ref.href.startswith("#"):
            return None
        anchor = ref.href[1:]
        page = self._page_of_anchor.get(anchor)
        if page is None:
            return None
        return page if anchor in self._own_page else f"{page}#{anchor}"

    def link(self, ref: Ref, here: str) -> str | None:
        """The relative link from page `here` to what `ref` points to; None when it is missing."""
        target = self.page_of(ref)
        return None if target is None else relative(target, here)


def relative(target: str, here: str) -> str:
    """The link from page `here` to `target` (both from the site's root), relative."""
    page, hash_mark, fragment = target.partition("#")
    if page == here and hash_mark:
        return f"#{fragment}"
    up = "../" * here.count("/")
    return f"{up}{target}"


def root_of(here: str) -> str:
    """The prefix that leads from page `here` back to the site's root ("" or "../")."""
    return "../" * here.count("/")
