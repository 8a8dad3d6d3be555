"""The HTML report's own escape of a text is markupsafe's, byte for byte."""

from __future__ import annotations

from markupsafe import Markup, escape

from styr.report.html_escape import escaped

TEXTS = [
    "",
    "Andelen elever som når målen ska öka",
    "<script>alert('x')</script>",
    "a & b \"c\" 'd' <e> &amp;",
    "\u202eomvänd\u2066",
    "\x00\x1f\x7f",
    "😀 & 😀",
]


def test_a_plain_text_is_escaped_as_markupsafe_escapes_it() -> None:
    for text in TEXTS:
        assert escaped(text) == str(escape(text))
        assert type(escaped(text)) is str


def test_markup_and_other_values_are_escaped_as_markupsafe_escapes_them() -> None:
    assert escaped(Markup("<b>already safe</b>")) == "<b>already safe</b>"
    assert escaped(12.5) == "12.5"
    assert escaped(None) == "None"


class _Text(str):
    """A text of a type of its own: escaped by markupsafe's public escape."""


def test_a_subclass_of_str_is_escaped_too() -> None:
    assert escaped(_Text("<a>")) == "&lt;a&gt;"
