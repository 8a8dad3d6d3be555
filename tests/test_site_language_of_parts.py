"""WCAG 2.1 success criterion 3.1.2 (Language of Parts) on English pages of Swedish files.

`styr site --lang en` and `styr report -f html --lang en` write the page's own words in
English; every text that comes from the files stays as the files write it, in Swedish, and
must say so (`lang="sv"`) for a screen reader to read it with a Swedish voice. The texts from
the files are gathered from the examples' YAML files themselves, and every piece of text on
every page that holds one must sit inside an element whose nearest `lang` is "sv". The other
way round, a kind's name (`name: {sv: …, en: …}`) is written in the page's language, so on an
English page no element marked Swedish may hold it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES
from site_helpers import TEXT_KEYS

from styr.report.build import build_report
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


def english_kind_names(root: Path) -> set[str]:
    """The English names of the manifest's kinds of element and of organisation that are
    not the Swedish name as well ("Vision" is both)."""
    manifest = yaml.safe_load((root / "styr.yaml").read_text("utf-8"))["steering_model"]
    kinds = [*manifest.get("element_kinds", []), *manifest.get("organisation_types", [])]
    names = [kind["name"] for kind in kinds if isinstance(kind.get("name"), dict)]
    return {name["en"] for name in names if name.get("en") and name["en"] != name.get("sv")}


class _Pieces(HTMLParser):
    """Each piece of text (and each attribute read out) with its nearest `lang`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []  # each open element and its `lang`
        self.pieces: list[tuple[str, str, str]] = []  # (where, text, its language)

    def _lang(self) -> str:
        return next((lang for _, lang in reversed(self.open) if lang is not None), "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag not in VOID:
            self.open.append((tag, found.get("lang")))
        lang = found.get("lang") or self._lang()
        for name in READ_ATTRIBUTES:
            if found.get(name):
                self.pieces.append((f"{tag}@{name}", found[name] or "", lang))

    def handle_endtag(self, tag: str) -> None:
        for place in range(len(self.open) - 1, -1, -1):
            if self.open[place][0] == tag:
                del self.open[place:]
                return

    def handle_data(self, data: str) -> None:
        tag = self.open[-1][0] if self.open else ""
        if tag not in PLAIN_TEXT and data.strip():
            self.pieces.append((tag, data, self._lang()))


def _pieces(page: str) -> list[tuple[str, str, str]]:
    reader = _Pieces()
    reader.feed(page)
    return reader.pieces


def unmarked_texts(page: str, texts: list[str]) -> Iterator[tuple[str, str, str]]:
    """(where, text of the files, the piece it stands in) for each text of the files on the
    page that is not marked Swedish, matched as whole words."""
    for where, piece, lang in _pieces(page):
        if lang == "sv":
            continue
        shown = " ".join(piece.split())
        for text in texts:
            if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", shown):
                yield where, text, shown
                break


def english_kinds_marked_swedish(page: str, kinds: set[str]) -> list[tuple[str, str]]:
    """(where, name) for each English name of a kind on the page inside an element marked
    Swedish: `<h4 lang="sv"><span class="kind">Indicator</span> …` reads the English word
    with a Swedish voice."""
    return [
        (where, shown)
        for where, piece, lang in _pieces(page)
        if lang == "sv" and (shown := " ".join(piece.split()).rstrip(":")) in kinds
    ]


def _pages_of(output: Path) -> list[tuple[str, str]]:
    return [
        (str(page.relative_to(output)), page.read_text("utf-8"))
        for page in sorted(output.rglob("*.html"))
    ]


def _misread(roots: list[Path], pages: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    """What the pages get wrong of the language of parts: each text of the files left
    unmarked, and each English kind name marked Swedish."""
    texts = sorted(
        {text for root in roots for text in texts_of_files(root)},
        key=lambda text: (-len(text), text),
    )
    kinds = {name for root in roots for name in english_kind_names(root)}
    assert len(texts) > 100  # the check has the files' texts to look for
    assert kinds  # and the kinds' English names
    return [
        *((name, *found) for name, page in pages for found in unmarked_texts(page, texts)),
        *(
            (name, *found)
            for name, page in pages
            for found in english_kinds_marked_swedish(page, kinds)
        ),
    ]


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
    assert _misread([root], _pages_of(output)) == []


@pytest.mark.parametrize("name", ["helsingborg", "huddinge"])
def test_every_text_from_the_files_is_marked_swedish_in_an_english_report(name: str) -> None:
    page = build_report([EXAMPLES / name], "html", language="en")
    assert _misread([EXAMPLES / name], [(f"{name}.html", page)]) == []


def test_every_text_from_the_files_is_marked_swedish_in_an_english_report_of_several() -> None:
    roots = [EXAMPLES / "helsingborg", EXAMPLES / "huddinge"]
    page = build_report(roots, "html", language="en")
    assert _misread(roots, [("index.html", page)]) == []


def test_every_text_from_the_files_is_marked_swedish_on_an_english_comparison_site(
    tmp_path: Path,
) -> None:
    roots = [EXAMPLES / "helsingborg", EXAMPLES / "huddinge"]
    build_site(roots, tmp_path / "site", language="en")
    assert _misread(roots, _pages_of(tmp_path / "site")) == []


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


def test_the_check_finds_an_english_kind_name_marked_swedish() -> None:
    page = (
        '<html lang="en"><body>'
        '<h4 lang="sv"><span class="kind">Indicator</span> Andel elever</h4>'
        '<h4><span class="kind">Indicator</span> <span lang="sv">Andel elever</span></h4>'
        '<p lang="sv"><span class="kind">Goal:</span> Trygg stad</p></body></html>'
    )
    assert english_kinds_marked_swedish(page, {"Indicator", "Goal"}) == [
        ("span", "Indicator"),
        ("span", "Goal"),
    ]


def _without_english_kind_names(source: Path, target: Path) -> set[str]:
    """A copy of the example at `target` whose steering model names its kinds in Swedish
    only (no `en`), and those names."""
    shutil.copytree(source, target)
    manifest = target / "styr.yaml"
    data = yaml.safe_load(manifest.read_text("utf-8"))
    model = data["steering_model"]
    kinds = [*model.get("element_kinds", []), *model.get("organisation_types", [])]
    for kind in kinds:
        kind["name"].pop("en", None)
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return {kind["name"]["sv"] for kind in kinds}


def kinds_unmarked_in_headings(page: str, kinds: set[str]) -> list[tuple[str, str]]:
    """(heading, name) for each name of `kinds` before a heading's title not marked Swedish."""
    found = []
    for heading in re.findall(r'<h[1-6][ >][^\n]*?<span class="kind".*?</h[1-6]>', page):
        for _, piece, lang in _pieces(heading):
            if lang != "sv" and (shown := " ".join(piece.split())) in kinds:
                found.append((heading, shown))
    return found


def test_a_kind_the_model_names_in_swedish_only_is_marked_swedish_in_english_headings(
    tmp_path: Path,
) -> None:
    # "Indicator" is the page's word, but with no English name the kind is "Indikator
    # (nyckeltal)", the files' word, and a screen reader should read it with a Swedish voice.
    root = tmp_path / "helsingborg"
    kinds = _without_english_kind_names(EXAMPLES / "helsingborg", root)
    build_site([root], tmp_path / "site", language="en")
    site = _pages_of(tmp_path / "site")
    report = build_report([root], "html", language="en")
    marked = '<span class="kind" lang="sv">{}</span>'
    assert any(marked.format("Indikator (nyckeltal)") in page for _, page in site)
    assert marked.format("Vision") in report
    pages = [*site, ("report", report)]
    assert [found for _, page in pages for found in kinds_unmarked_in_headings(page, kinds)] == []


def kinds_unmarked(page: str, kinds: set[str]) -> list[tuple[str, str]]:
    """(where, piece) for each piece of text not marked Swedish that holds the name of one of
    `kinds` as a word, in either case ("Reading of målområde" holds "Målområde")."""
    names = sorted(kinds, key=len, reverse=True)
    found = []
    for where, piece, lang in _pieces(page):
        shown = " ".join(piece.split())
        if lang != "sv" and any(
            re.search(rf"(?<!\w){re.escape(name)}(?!\w)", shown, re.IGNORECASE) for name in names
        ):
            found.append((where, shown))
    return found


def own_words_marked_swedish(page: str, words: list[str]) -> list[tuple[str, str]]:
    """(where, piece) for each piece marked Swedish that starts with one of the page's own
    `words` ("Reading of"): the page's English read with a Swedish voice."""
    return [
        (where, shown)
        for where, piece, lang in _pieces(page)
        if lang == "sv" and (shown := " ".join(piece.split())).startswith(tuple(words))
    ]


def test_the_check_finds_a_kind_left_unmarked_among_the_pages_words() -> None:
    page = (
        '<html lang="en"><body><h2>Vision and <span lang="sv">målbild</span></h2>'
        '<h4>Reading of målområde</h4><p lang="sv">Reading of goal area</p></body></html>'
    )
    kinds = {"Vision", "Målbild", "Målområde"}
    assert kinds_unmarked(page, kinds) == [
        ("h2", "Vision and"),
        ("h4", "Reading of målområde"),
    ]
    assert own_words_marked_swedish(page, ["Reading of"]) == [("p", "Reading of goal area")]


@pytest.fixture(scope="module", params=["helsingborg", "huddinge"])
def swedish_kinds(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, set[str]]:
    """A copy of an example whose model names its kinds in Swedish only, and those names."""
    root = tmp_path_factory.mktemp(f"{request.param}-sv-kinds") / request.param
    return root, _without_english_kind_names(EXAMPLES / request.param, root)


def test_every_kind_named_in_swedish_only_is_marked_swedish_on_an_english_site(
    swedish_kinds: tuple[Path, set[str]], tmp_path: Path
) -> None:
    # The sections' headings ("Nämndens och bolagets mål (2)"), the kinds before a goal in a
    # list, the eyebrow of an area's and an organisation's page, the breadcrumbs, the plans'
    # links and the start page's sections: each the files' word, read with a Swedish voice.
    root, kinds = swedish_kinds
    build_site([root], tmp_path / "site", language="en")
    pages = _pages_of(tmp_path / "site")
    assert [(name, *found) for name, page in pages for found in kinds_unmarked(page, kinds)] == []
    # The site's own words around them stay English: "Reading of <span lang="sv">målområde".
    own = [
        (name, *found)
        for name, page in pages
        for found in own_words_marked_swedish(page, ["Reading of"])
    ]
    assert own == []
