"""The `md` filter: any text, escaped, reads back on a git host as exactly that text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from styr.report.markdown import md

_PARSER = MarkdownIt("commonmark").enable("table")
# Letters, digits, spaces and every character that means something in Markdown.
_TEXT = st.text(alphabet=st.sampled_from("ab 1290.)-+=#*_`[]<>|~&\\!()\n\tåÄ"), max_size=40)


def read_back(markdown: str) -> str:
    """The plain text a reader sees of one line of Markdown, or "!markup" where it is not."""
    tokens = _PARSER.parse(markdown)
    if not tokens:
        return ""
    kinds = [token.type for token in tokens]
    if kinds != ["paragraph_open", "inline", "paragraph_close"]:
        return f"!markup {kinds}"
    children = tokens[1].children or []
    if any(child.type != "text" for child in children):
        return f"!markup {[child.type for child in children]}"
    return "".join(child.content for child in children)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_any_text_reads_back_as_itself_on_one_line(text: str) -> None:
    assert read_back(md(text)) == " ".join(text.split())


def test_the_starts_of_blocks_and_the_inline_marks_are_escaped() -> None:
    assert md("1. steg") == r"1\. steg" and md("12) steg") == r"12\) steg"
    assert md("- punkt") == r"\- punkt" and md("= rubrik") == r"\= rubrik"
    assert md("a*b_c|d") == r"a\*b\_c\|d" and md("") == "" and md(None) == ""
