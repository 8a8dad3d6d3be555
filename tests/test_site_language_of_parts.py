"""WCAG 2.1 success criterion 3.1.2 (Language of Parts) on an English site of Swedish files.

`styr site --lang en` writes the page's own words in English; every text that comes from the
files stays as the files write it, in Swedish, and must say so (`lang="sv"`) for a screen
reader to read it with a Swedish voice. The texts from the files are gathered from the
examples' YAML files themselves, and every piece of text on every page that holds one must
sit inside an element whose nearest `lang` is "sv".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES
from site_helpers import TEXT_KEYS

from styr.site import build_site

# A text of the files in more than one language (`{sv: Vision, en: Vision}`): an English page
# shows its English text.
LANGUAGE_KEYS = frozenset({"sv", "en"})
# Names the site's own English sentences use as well ("…fetched from Kolada"): a name of the
# page's words, not a text of the files.
OWN_NAMES = frozenset({"Kolada"})
# Elements that hold no markup, only text: the part cannot be marked there (a page's title).
PLAIN_TEXT = frozenset({"title", "style", "script"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})
READ_ATTRIBUTES = ("aria-label", "title", "alt")  # attributes a screen reader reads out


def texts_of_files(root: Path) -> list[str]:
    """Every free text a resident may read in a repository's YAML files, longest first."""
    found: set[str] = set()
    for path in sorted(root.rglob("*.yaml")):
        _gather(yaml.safe_load(path.read_text("utf-8")), None, found)
    return sorted(found - OWN_NAMES, key=lambda text: (-len(text), text))


def _gather(node: object, key: str | None, found: set[str]) -> None:
    if isinstance(node, dict):
        if LANGUAGE_KEYS & node.keys():
            return
        for name, value in node.items():
            _gather(value, name, found)
    elif isinstance(node, list):
        for value in node:
            _gather(value, key, found)
    elif isinstance(node, str) and key in TEXT_KEYS:
        text = " ".join(node.split())
        if len(text) > 1 and re.search(r"[^\W\d_]", text):  # words, not a "%" or a year
            found.add(text)


class _Unmarked(HTMLParser):
    """Each piece of text (and each attribute read out) whose nearest `lang` is not "sv"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []  # each open element and its `lang`
        self.pieces: list[tuple[str, str]] = []  # (where, text)

    def _lang(self) -> str:
        return next((lang for _, lang in reversed(self.open) if lang is not None), "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag not in VOID:
            self.open.append((tag, found.get("lang")))
        lang = found.get("lang") or self._lang()
        for name in READ_ATTRIBUTES:
            if found.get(name) and lang != "sv":
                self.pieces.append((f"{tag}@{name}", found[name] or ""))

    def handle_endtag(self, tag: str) -> None:
        for place in range(len(self.open) - 1, -1, -1):
            if self.open[place][0] == tag:
                del self.open[place:]
                return

    def handle_data(self, data: str) -> None:
        tag = self.open[-1][0] if self.open else ""
        if tag not in PLAIN_TEXT and data.strip() and self._lang() != "sv":
            self.pieces.append((tag, data))


def unmarked_texts(page: str, texts: list[str]) -> Iterator[tuple[str, str, str]]:
    """(where, text of the files, the piece it stands in) for each text of the files on the
    page that is not marked Swedish, matched as whole words."""
    reader = _Unmarked()
    reader.feed(page)
    for where, piece in reader.pieces:
        shown = " ".join(piece.split())
        for text in texts:
            if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", shown):
                yield where, text, shown
                break


@pytest.fixture(scope="module", params=["helsingborg", "huddinge"])
def english_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    name = request.param
    output = tmp_path_factory.mktemp(f"{name}-en") / "site"
    build_site([EXAMPLES / name], output, language="en")
    return EXAMPLES / name, output


def test_every_text_from_the_files_is_marked_swedish_on_an_english_site(
    english_site: tuple[Path, Path],
) -> None:
    root, output = english_site
    texts = texts_of_files(root)
    assert len(texts) > 100  # the check has the files' texts to look for
    unmarked = [
        (str(page.relative_to(output)), *found)
        for page in sorted(output.rglob("*.html"))
        for found in unmarked_texts(page.read_text("utf-8"), texts)
    ]
    assert unmarked == []


def test_the_check_finds_a_text_of_the_files_left_unmarked() -> None:
    page = (
        '<html lang="en"><head><title>Källa – Start</title></head><body>'
        '<p>The assessment was made by <span lang="sv">webbredaktionen</span>.</p>'
        "<dl><dt>Source</dt><dd>Stadens elevenkät</dd></dl>"
        '<svg aria-label="Andel elever"><text lang="sv">procent</text></svg></body></html>'
    )
    texts = ["Stadens elevenkät", "webbredaktionen", "Andel elever", "procent", "Källa"]
    assert list(unmarked_texts(page, texts)) == [
        ("dd", "Stadens elevenkät", "Stadens elevenkät"),
        ("svg@aria-label", "Andel elever", "Andel elever"),
    ]
