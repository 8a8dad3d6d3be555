"""The escape of one text in HTML written in Python: markupsafe's, as Jinja's autoescape.

Its own module, with nothing of the report's, so that every part of a page
written in Python (the report's `html_parts`, `chart_svg`, the site's
`markup`) escapes alike without importing the others.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

_escape_text: Callable[[str], str] | None
try:  # markupsafe's own escape of a plain text, the one its `escape` wraps (C where built)
    from markupsafe._speedups import _escape_inner as _escape_text
except ImportError:  # another build or release of markupsafe: its public escape, the same bytes
    _escape_text = None


def escaped(value: object) -> str:
    """A text as the page shows it: markupsafe's escape, as Jinja's autoescape does.

    A plain text is escaped by markupsafe's inner escape straight away: wrapping
    it in `Markup` and taking the text out again cost more than the escaping,
    a million times on a page of 50,000 goals.
    """
    if type(value) is str and _escape_text is not None:
        return _escape_text(value)
    return str(escape(value))


def _escaped_plainly(text: str) -> str:
    return str(escape(text))


# A text the report's views hold as a `str` (their builders make every one a `str`, and mypy
# checks each call): escaped with no look at its type, markupsafe's inner escape called
# straight. `escaped`'s check and the call of a Python function were three quarters of the
# cost of an escape, and the writers of a page of 100,000 goals escape 3.5 million texts.
escaped_text: Callable[[str], str] = _escape_text or _escaped_plainly


class Written:
    """A part of a page written in Python, markup already, that `{{ }}` passes on as it is.

    Not a `Markup`: markupsafe's `escape` of a `Markup` copies its text twice (a
    `str` of it, then the new `Markup`), and an organisation's goal blocks are a
    text of up to megabytes, passed through two `{{ }}` (the macro's and the
    section's). `escape` of this copies the plain text once.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __html__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def passed_on(value: object) -> object:
    """A macro's text (a `Markup`) as a `Written`, for a `{{ }}` that passes on a large one:
    anything else is left to `{{ }}` to escape as ever."""
    return Written(str(value)) if type(value) is Markup else value
