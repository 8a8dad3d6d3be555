"""Escaping per output format: the one place that decides how data may be written where.

Text from the YAML files and from file names reaches terminals, CI logs,
GitHub workflow commands, JSON reports and Markdown anchors. Each of those
has characters that mean something there, and each has exactly one function
here:

* `terminal`: text, concise output and anything else printed for a person to
  read in a terminal or a CI log. Every control character (C0, DEL, C1),
  every invisible format character (Unicode's category Cf: the bidirectional
  controls that reorder what is shown, a zero-width space, a byte order
  mark) and the line and paragraph separators are shown as escapes (`\\n`,
  `\\t`, `\\u202e`, `\\u200b`), never printed raw: a value can then neither
  move the cursor, clear the screen, set the window title, start a new log
  line, reorder one nor hide a character in it. So are lone surrogates (a
  file name that is not valid UTF-8), which could not be written at all.
* `workflow_data` and `workflow_property`: GitHub Actions workflow commands
  (`::error file=…::message`), with GitHub's documented escaping of `%`,
  CR and LF (and of `:` and `,` in properties) over the terminal escaping,
  so that nothing in a finding can end the command or start another.
* `json_text`: a serialised JSON document that can be written as UTF-8
  whatever the data (lone surrogates become the text `\\udcff`).
* `published`: the HTML and Markdown report, after the template has escaped
  for the format: every control character but the line breaks and tabs the
  page's own layout uses is shown as an escape (`\\u202e`), so that a title
  can neither reorder what a reader sees nor carry a terminal sequence into
  a page someone prints with `cat`. `published_utf8` asks the same of a
  page's UTF-8 bytes, for a page written tidy (`styr.report.render`).
* `anchor_slug`: an HTML id and link target built only from `a-z0-9_.-`,
  so that no data ever reaches an attribute or a link raw.
* `markdown_cell`: one line of text in generated Markdown (a table cell, a
  heading, a paragraph), Markdown's own characters escaped by
  `styr.report.markdown.md` and every control shown as `published` shows it.
* `html_text`: text inside an HTML element that Markdown passes through raw
  (a `<summary>` of a GitHub job summary), on one line.

The HTML report escapes through Jinja's autoescape, Markdown text through
`styr.report.markdown.md`, JUnit XML through `styr.output.junit.clean`.
"""

from __future__ import annotations

import re
import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# Besides the C0 controls: DEL and the C1 controls; the bidirectional marks,
# embeddings, overrides and isolates (U+061C, U+200E-F, U+202A-E, U+2066-9);
# line and paragraph separators (U+2028-9); lone surrogates.
_OTHER_CONTROLS = "\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
# What a terminal must never be given raw, by Unicode category: controls, format characters
# (the invisible ones: direction controls, zero-width spaces, the byte order mark), lone
# surrogates, line and paragraph separators. Asked of each character past printable ASCII.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_PAST_PRINTABLE_ASCII = re.compile("[^ -~]")
# CR and LF in a workflow command: GitHub's own escaping writes them as %0D and %0A.
_LEFT_FOR_WORKFLOW = frozenset("\r\n")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Written as JSON's own escape (`\u202e`): the same text to a JSON reader, inert to a terminal.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
# In a published page: every control but the line breaks and tabs of its own layout, and
# U+FFFE and U+FFFF, the two characters XML has no place for (no Word or Excel file can hold
# them) and that a page never needs.
_NOT_IN_DOCUMENT = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHER_CONTROLS}\ufffe\uffff]")
_NOT_IN_ANCHOR = re.compile(r"[^a-z0-9_.-]+")
# In UTF-8, what `published` escapes (`_NOT_IN_DOCUMENT`) but lone surrogates,
# which are no UTF-8: the C0 controls but tabs and line ends, and DEL, one byte each; the
# others by their first byte, then the rest.
_ESCAPED_FROM_LEAD = {
    0xC2: re.compile(rb"\xc2[\x80-\x9f]"),  # the C1 controls, U+0080-U+009F
    0xD8: re.compile(rb"\xd8\x9c"),  # U+061C
    0xE2: re.compile(rb"\xe2(?:\x80[\x8e\x8f\xa8-\xae]|\x81[\xa6-\xa9])"),  # U+200E-2069
    0xEF: re.compile(rb"\xef\xbf[\xbe\xbf]"),  # U+FFFE, U+FFFF
}
# The bytes of plain ASCII text: tabs, line ends and the printable characters. What is
# left when they are deleted is every C0 control and DEL, and every character past ASCII
# whole (none of its bytes is ASCII), in order: the sequences above are found in it exactly
# where they stand in the text, in a hundredth of the bytes.
_PLAIN_ASCII = b"\t\n" + bytes(range(0x20, 0x7F))
_PAST_ASCII = bytes(range(0x80, 0x100))


def _shown(match: re.Match[str]) -> str:
    character = match.group()
    return _NAMED.get(character) or f"\\u{ord(character):04x}"


def hidden(character: str) -> bool:
    """Whether `character` could act on a terminal or not be seen there (see `terminal`)."""
    return unicodedata.category(character) in HIDDEN_CATEGORIES


def _escaped(text: str, left: frozenset[str] = frozenset()) -> str:
    """`text` with every hidden character but those in `left` shown as an escape."""
    if text.isprintable():  # the common case, in C: no control, format character or separator
        return text

    def shown(match: re.Match[str]) -> str:
        character = match.group()
        return _shown(match) if hidden(character) and character not in left else character

    return _PAST_PRINTABLE_ASCII.sub(shown, text)


def terminal(text: str) -> str:
    """The text with every character that could act on a terminal or a log, or hide in one,
    shown as an escape."""
    return _escaped(text)


def one_line(text: str) -> str:
    """The text on one line (its lines joined by a space), then escaped for a terminal."""
    return terminal(" ".join(part.strip() for part in text.splitlines() if part.strip()))


def workflow_data(text: str) -> str:
    """A message of a GitHub workflow command, with GitHub's escaping of `%`, CR and LF.

    Every other control character is shown as a terminal escape first, so
    that a line break stays a line break in the annotation (`%0A`) and
    nothing else can act on the log.
    """
    text = _escaped(text, _LEFT_FOR_WORKFLOW)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value of a GitHub workflow command (`file=`, `title=`): never ends the list.

    A line break in a file name is shown as `%0A`, so it can never start a new
    command line.
    """
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def json_text(serialised: str) -> str:
    """A serialised JSON document that can always be written as UTF-8.

    A lone surrogate (from a file name that is not valid UTF-8) can only
    stand in a JSON string; it becomes the text `\\udcff` there, as the
    terminal shows it. DEL, the C1 controls, the bidirectional controls and
    the line separators are written as JSON escapes (`\\u202e`): the same
    text to a JSON reader, never a raw control to a terminal that prints the file.
    """
    if _RAW_IN_JSON.search(serialised) is not None:
        serialised = _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", serialised)
    if _SURROGATE.search(serialised) is None:
        return serialised
    return _SURROGATE.sub(lambda match: f"\\\\u{ord(match.group()):04x}", serialised)


def published(text: str) -> str:
    """A piece of a rendered report with every control but line breaks and tabs shown escaped.

    Every character the pattern escapes is one Python does not count printable:
    with the line breaks, tabs and no-break spaces of a page's own layout put
    aside, a text that is all printable has nothing to escape. That test runs
    in C at about half the time of the pattern's search, over a page of 450 MB;
    any other text is searched by the pattern as before.
    """
    if text.replace("\n", " ").replace("\t", " ").replace("\xa0", " ").isprintable():
        return text
    if _NOT_IN_DOCUMENT.search(text) is None:  # a text with other unprintable characters
        return text
    return _NOT_IN_DOCUMENT.sub(_shown, text)


def published_utf8(text: str) -> bytes | None:
    """The text's UTF-8 if `published` leaves the text as it is, else None: the same
    decision as `published`'s, asked of the bytes a page is written as.

    One pass in C deletes the bytes of plain ASCII text, and only what is left
    (the few characters past ASCII of a page, and any control) is searched.
    Python's test of printable characters was most of the time of tidying a
    page; searching the whole page's bytes for each first byte of a character
    to escape, a tenth of a second for every 150 MB of page.
    """
    try:
        utf8 = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which `published` escapes
        return None
    rest = utf8.translate(None, _PLAIN_ASCII)
    if not rest:
        return utf8
    if rest.translate(None, _PAST_ASCII):  # a C0 control or DEL
        return None
    for lead, escaped in _ESCAPED_FROM_LEAD.items():
        if lead in rest and escaped.search(rest) is not None:
            return None
    return utf8


def markdown_cell(text: str) -> str:
    """One line of text for a Markdown table cell: `|`, backticks, HTML and breaks inert."""
    # Imported here: the report package imports the linter, which imports this module.
    from styr.report.markdown import md

    return published(md(text))


def html_text(text: str) -> str:
    """Text on one line for the inside of an HTML element: `<`, `&` and quotes escaped."""
    import html  # not at the top: a lint printed to a terminal never needs it

    return html.escape(published(" ".join(text.split())), quote=True)


def anchor_slug(text: str, fallback: str = "utan-id") -> str:
    """An id for an HTML anchor, and its link target, made only of `a-z0-9_.-`.

    Lower-cased; every run of other characters becomes one `-`, so the same
    text always gives the same slug. `fallback` when nothing is left.
    """
    slug = _NOT_IN_ANCHOR.sub("-", text.lower()).strip("-")
    return slug or fallback
