"""The escape of a text the views hold as a `str` (`escaped_text`, markupsafe's inner escape
called straight) is markupsafe's public escape, byte for byte, with or without its speedups."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from styr.report import html_escape
from styr.report.html_escape import escaped, escaped_text


@given(st.text())
def test_a_text_is_escaped_as_markupsafe_escapes_it(text: str) -> None:
    assert escaped_text(text) == str(escape(text)) == escaped(text)
    assert type(escaped_text(text)) is str


@given(st.text(alphabet="<>&\"' aåö\u2013"))
def test_the_escape_without_markupsafes_speedups_is_the_same(text: str) -> None:
    assert html_escape._escaped_plainly(text) == escaped_text(text)
