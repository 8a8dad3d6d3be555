"""The page's tidying hands on whole what needs none: the same page as the line-by-line reading.

A batch of the page with no empty line to drop, no space before a line end and
nothing `published` escapes is passed on as it is, checked on its UTF-8, and
written as those bytes. Held here to the rule read a line at a time, for
random texts cut into random chunks; and the bundled templates and writers
are held to writing tidy text, which is what makes the shortcut pay.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import EXAMPLES
from hypothesis import example, given, settings
from hypothesis import strategies as st
from report_helpers import rich_repository, tidied_the_long_way

from styr import files
from styr.escape import published, published_utf8
from styr.report import build_report, render

TODAY = date(2027, 3, 1)

# Pieces of a page: markup, Swedish letters, the page's own layout, every kind of control,
# the characters that share a first UTF-8 byte with one `published` escapes, lone surrogates.
_PIECES = [
    *["<p>", "</p>", "a", "Mål", "| x |", "**b**", "&amp;", "–", "·", "→", "é", "😀"],
    *["\n", "\n", "\n\n", "\n\n\n", " ", "  ", "\t", " \n", "\t\n", "\r", "\r\n"],
    *["\xa0", "\xad", "\u2009", "\u202f", "\u200b", "\u200d", "\u2030", "\u2065", "\u206a"],
    *["\x00", "\x08", "\x0b", "\x1b", "\x7f", "\x80", "\x85", "\x9f", "\u061b", "\u061c"],
    *["\u200e", "\u200f", "\u2028", "\u2029", "\u202e", "\u2066", "\u2069", "\ud800", "\udfff"],
]
# And pieces of a page that needs no tidying but where the chunks meet: the shortcut's own.
_TIDY_PIECES = ["<p>", "</p>", "a", "Mål", "| x |", "–", "·", "\xa0", "😀", "\n", "\n", " b"]
_texts = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=60).map("".join),
    st.lists(st.sampled_from(_TIDY_PIECES), max_size=60).map("".join),
)


@st.composite
def _chunked(draw: st.DrawFn) -> list[str]:
    """A text cut at random places into chunks, some of them empty."""
    text = draw(_texts)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    bounds = [0, *cuts, len(text)]
    return [text[start:end] for start, end in itertools.pairwise(bounds)]


def _tidied(fmt: str, chunks: Iterable[str], batch: int) -> str:
    whole = render._CHARACTERS_PER_BATCH
    render._CHARACTERS_PER_BATCH = batch  # batches of every size give the same page
    try:
        return "".join(render._tidied(fmt, chunks))
    finally:
        render._CHARACTERS_PER_BATCH = whole


@settings(deadline=None, max_examples=600)
@given(_chunked(), st.sampled_from(["html", "md"]), st.sampled_from([1, 3, 8, 40, 1 << 16]))
@example(["<p>a</p>\n", "<p>b</p>\n"], "html", 1)
@example(["a\n\n", "b\n\n", "\n", "c"], "md", 1)
@example(["a\n", "\n", "\nb\n\n"], "md", 3)
@example(["a \n", "b\t", "\nc"], "html", 1)
@example(["x" * 70_000, "\n \n", "y" * 70_000 + "\n\n"], "md", 1 << 16)
@example(["\n\n", "", "a\u202e\n", "\n\n\n", "b\ud800"], "md", 1)
@example(["", ""], "html", 1)
def test_the_page_is_tidied_as_read_line_by_line(chunks: list[str], fmt: str, batch: int) -> None:
    assert _tidied(fmt, chunks, batch) == tidied_the_long_way(fmt, "".join(chunks))


@settings(deadline=None, max_examples=600)
@given(_texts)
@example("")
@example("plain <p>text</p>\n\twith\xa0layout · and – dashes\n")
@example("\xc2\x9f")  # a C1 control, its UTF-8 starts as a no-break space's does
@example("\u2027\u2028\u202f\u2065\u2066\u206a")
def test_a_text_is_published_as_it_is_exactly_when_its_utf8_says_so(text: str) -> None:
    unchanged = published(text) == text
    assert published_utf8(text) == (text.encode("utf-8") if unchanged else None)


def test_a_tidy_batch_is_handed_on_whole_with_its_utf8() -> None:
    text = "<p>Mål – a</p>\n<p>b</p>\n"
    (piece,) = render._tidied("html", [text])
    assert isinstance(piece, render.Encoded)
    assert piece == text
    assert piece.utf8 == text.encode("utf-8")
    # A batch that needs tidying comes out as a plain text, tidied.
    (tidied,) = render._tidied("html", ["<p>a</p> \n\n<p>\x1b</p>\n"])
    assert type(tidied) is str
    assert tidied == "<p>a</p>\n<p>\\u001b</p>\n"


def test_a_piece_with_its_utf8_is_written_as_those_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "_WRITE_SIZE", 8)
    carried = render.Encoded.of("ab", b"AB")  # not what encoding "ab" gives: not encoded again
    pieces = ["x", carried, "y\ud800z", render.Encoded.of("åäö" * 4, ("åäö" * 4).encode()), ""]
    written = list(files._encoded(pieces))
    assert b"".join(written) == b"xABy?z" + ("åäö" * 4).encode()
    assert all(written[:-1])  # every write but perhaps the last holds something


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_repository(tmp_path_factory.mktemp("tidy") / "testby")


def _pages_recorded(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The chunks each page's template writes, before any tidying (not the stylesheet's)."""
    pages: list[list[str]] = []
    chunks = render._chunks

    def recording(env: jinja2.Environment, name: str, context: dict[str, Any]) -> Iterator[str]:
        if name == render.STYLESHEET:  # tidied once a page, and written to be read
            return chunks(env, name, context)
        pages.append([])
        return (pages[-1].append(chunk) or chunk for chunk in chunks(env, name, context))

    monkeypatch.setattr(render, "_chunks", recording)
    return pages


def test_the_bundled_html_templates_write_a_tidy_page(
    rich: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages_recorded(monkeypatch)
    roots = [[rich], [EXAMPLES / "helsingborg"], [EXAMPLES / "huddinge"]]
    for paths in [*roots, [EXAMPLES / "helsingborg", EXAMPLES / "huddinge"]]:
        build_report(paths, "html", today=TODAY, allow_errors=True)
    assert len(pages) == 4
    for chunks in pages:
        page = "".join(chunks)
        assert "<main" in page
        assert not page.startswith("\n")
        assert render._UNTIDY["html"].search(page) is None


def test_the_bundled_writers_write_tidy_goals(rich: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[tuple[str, str]] = []

    def recording(fmt: str, write: Callable[..., object]) -> object:
        @jinja2.pass_context
        def recorded(context: jinja2.runtime.Context, *args: object) -> object:
            text = write(context, *args)
            written.append((fmt, str(text)))
            return text

        return recorded

    # The writers templates call are registered from `HELPER_FUNCTIONS` (render.py).
    helpers = render.HELPER_FUNCTIONS
    monkeypatch.setitem(helpers, "items_html", recording("html", helpers["items_html"]))
    monkeypatch.setitem(helpers, "items_md", recording("md", helpers["items_md"]))
    render.environment.cache_clear()
    try:
        for fmt in ("html", "md"):
            for root in (rich, EXAMPLES / "helsingborg", EXAMPLES / "huddinge"):
                build_report([root], fmt, today=TODAY, allow_errors=True)
    finally:
        render.environment.cache_clear()
    assert {fmt for fmt, _ in written} == {"html", "md"}
    for fmt, text in written:
        if fmt == "html":
            assert "\n\n" not in text and not text.startswith("\n")
        else:  # each goal ends with an empty line, and adds no second one
            assert "\n\n\n" not in text and not text.startswith("\n")
            assert text.endswith("\n\n")
