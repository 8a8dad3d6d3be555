"""The report as a PDF: WeasyPrint lays out the same HTML the report writes, for print.

A4 with the page number in the footer ("Sida 3 av 12") and, beside it, whose
report it is: the goal report the municipality of each part (its first-level
heading, one per municipality), the follow-up report its own title, which names
the report and the municipality ("Årsredovisning 2025 – Helsingborgs stad"); the
table of contents
with the page each section starts on, the fonts it uses embedded, tagged for
screen readers (PDF/UA-1), with the report's title, language and author.

WeasyPrint is an optional extra (`pip install '.[pdf]'`, or `pip install
weasyprint`): on Windows it also needs the GTK libraries (pango). Either
missing is a usage error that says what to install, never a traceback. The
page loads nothing: WeasyPrint is given a fetcher that refuses every address
but a `data:` one (the logo), so
that nothing written in the YAML can make it read a file or call out.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from styr.errors import UsageError
from styr.report.render import environment, render_whole
from styr.report.texts import LANGUAGES, Labels

if TYPE_CHECKING:
    from pathlib import Path

PDF_STYLESHEET = "_pdf.css.j2"
# Tagged for assistive technology: the structure tree and the metadata PDF/UA-1 asks for.
PDF_VARIANT = "pdf/ua-1"
_PAGE = "{page}"
_PAGES = "{pages}"


def pdf_from_html(
    html: str | Iterable[str], templates: Path | None = None, *, title_in_footer: bool = False
) -> bytes:
    """The PDF of a report page: `html` is what `styr report` writes, as one text or pieces.

    Its language, title and author are the page's own: `<html lang>`, `<title>`,
    and the municipality the title names as the author (unless the page has its
    own `<meta name="author">`, which WeasyPrint reads itself). The footer names
    the first-level heading of the part a page is in, or with `title_in_footer`
    the page's `<title>` (the follow-up report's: its title and the municipality).
    """
    weasyprint = _weasyprint()
    page = html if isinstance(html, str) else "".join(html)
    head = _PageHead.of(page)
    labels = Labels(head.language if head.language in LANGUAGES else "sv")
    footer = head.title.strip() if title_in_footer else None
    stylesheet = weasyprint.CSS(
        string=print_stylesheet(labels, templates, footer), url_fetcher=_fetcher()
    )
    quiet = logging.getLogger("weasyprint")
    was_disabled = quiet.disabled
    quiet.disabled = True  # what it would warn of (an unknown CSS property) is not the reader's
    try:
        document = weasyprint.HTML(string=page, url_fetcher=_fetcher(), media_type="print").render(
            stylesheets=[stylesheet]
        )
        if head.author and not document.metadata.authors:
            document.metadata.authors = [head.author]
        data: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    except Exception:
        # WeasyPrint's layout fails on some pages it should lay out (a wrapped dotted leader,
        # in 70) or runs out of depth: the reader is told that no PDF was made and what to
        # use instead, never shown a traceback.
        raise UsageError("pdf-layout-failed") from None
    finally:
        quiet.disabled = was_disabled
    return data


def print_stylesheet(
    labels: Labels, templates: Path | None = None, footer: str | None = None
) -> str:
    """The PDF's own styles, with the words around the page numbers in the report's language;
    `footer` the words beside them on every page, else each part's first-level heading."""
    before, between, after = page_words(labels.page_of)
    # Markup: already CSS strings (`css_string`), which HTML escaping would break.
    words = {"page_before": before, "page_between": between, "page_after": after}
    words["footer"] = css_string(footer) if footer else ""
    context = {key: Markup(value) for key, value in words.items()}
    return render_whole(environment("html", templates), PDF_STYLESHEET, context)


def page_words(sentence: str) -> tuple[str, str, str]:
    """The words before, between and after the two numbers of "Page {page} of {pages}",
    each as a CSS string (a translation keeps {page} before {pages})."""
    head, _, rest = sentence.partition(_PAGE)
    middle, _, tail = rest.partition(_PAGES)
    return css_string(head), css_string(middle), css_string(tail)


def css_string(text: str) -> str:
    """`text` as a quoted CSS string: a quote, a backslash or a line end cannot end it."""
    escaped = "".join(
        f"\\{ord(character):x} " if character in '"\\' or ord(character) < 0x20 else character
        for character in text
    )
    return f'"{escaped}"'


def _weasyprint() -> Any:
    """The WeasyPrint module, or a usage error saying what to install."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError:
        raise UsageError("pdf-needs-weasyprint") from None
    except OSError:  # the library is there, pango (GTK) is not: Windows without GTK
        raise UsageError("pdf-needs-pango") from None
    return weasyprint


def _fetcher() -> Any:
    """A WeasyPrint URL fetcher that fetches nothing but `data:` addresses."""
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    class DataOnly(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data",), allow_redirects=False)

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.lower().startswith("data:"):
                raise ValueError("styr's PDF loads nothing from outside the report")
            return super().fetch(url, headers)

    return DataOnly()


class _PageHead(HTMLParser):
    """The page's language and its `<title>`, read up to the title's end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.language = ""
        self.title = ""
        self._inside = False
        self.done = False

    @classmethod
    def of(cls, page: str) -> _PageHead:
        parser = cls()
        start = 0
        step = 1 << 14
        while not parser.done and start < len(page):
            parser.feed(page[start : start + step])
            start += step
        return parser

    @property
    def author(self) -> str:
        """Who the page is by: what its title names after the dash ("Mål och styrning –
        Huddinge kommun"), as every report's title does; "" for a title without one."""
        _, dash, after = self.title.rpartition(" – ")
        return after.strip() if dash else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.language = dict(attrs).get("lang") or ""
        elif tag == "title" and not self.done:
            self._inside = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._inside:
            self._inside = False
            self.done = True

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.title += data
