"""The language of parts (WCAG 2.1, 3.1.2): which texts of a page say they are in the files'
language.

A page's own words are in the page's language; a text from the files stays as the files write
it, and where the page speaks another language it says so, for a screen reader to read it with
the right voice. The site, its comparison page and the one-page report mark the same texts.
"""

from __future__ import annotations

from markupsafe import Markup


def content_lang_attribute(content: str, page: str) -> Markup:
    """` lang="sv"` for what comes from the files when the page is in another language, ""
    when they agree: worked out once a repository, so that a page in the files' own language
    is written as it always was, with no work per element."""
    if content == page:
        return Markup("")
    return Markup(' lang="{}"').format(content)


def kind_and_title(kind: str, title: str, xl: str) -> str:
    """A heading's text: the kind's name (markup already, or "") in the page's language and
    the title from the files. Where the page speaks another language only the title is
    marked, so that "Indicator" is not read with a Swedish voice."""
    if not xl or not kind:
        return f"{kind}{title}"
    return f"{kind}<span{xl}>{title}</span>"
