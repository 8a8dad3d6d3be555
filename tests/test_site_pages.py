"""`styr site` over the examples: every page there, linked relatively, safe, in public words.

A small link checker reads every page with html.parser: every internal link
resolves to a page (and a fragment on it) that exists, every page is reached
from the start page, nothing is loaded from outside.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from conftest import EXAMPLES
from report_helpers import SCRIPT_TITLE, rich_repository

from styr.model.index import shared_index
from styr.model.repository import load_repository
from styr.report.build import build_report
from styr.scaffold import init_repository
from styr.site import build_site

PAGES = ["index.html", "mal.html", "styrdokument.html", "symboler.html", "tillganglighet.html"]
# Words of the file format and of developers, never shown to a resident.
DEVELOPER_WORDS = ["repositor", "yaml", "schema", "kind", "id:"]


@dataclass
class Page:
    """What the link checker needs of one page."""

    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)  # src= of any element
    text: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)  # href= of each <link rel=stylesheet>
    scripts: list[str] = field(default_factory=list)
    csp: str = ""
    lang: str = ""
    headings: list[int] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if "id" in found:
            self.page.ids.add(found["id"])
        if tag == "a" and "href" in found:
            self.page.links.append(found["href"])
        if "src" in found:
            self.page.sources.append(found["src"])
        if tag == "link" and found.get("rel") == "stylesheet":
            self.page.stylesheets.append(found.get("href", ""))
        if tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.page.csp = found.get("content", "")
        if tag == "html":
            self.page.lang = found.get("lang", "")
        if re.fullmatch(r"h[1-6]", tag):
            self.page.headings.append(int(tag[1]))
        if tag in ("style", "script"):
            self._inside = tag
            (self.page.styles if tag == "style" else self.page.scripts).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside == "style":
            self.page.styles[-1] += data
        elif self._inside == "script":
            self.page.scripts[-1] += data
        else:
            self.page.text.append(data)


def read_site(folder: Path) -> dict[str, Page]:
    pages = {}
    for file in sorted(folder.rglob("*.html")):
        reader = _Reader()
        reader.feed(file.read_text(encoding="utf-8"))
        pages[file.relative_to(folder).as_posix()] = reader.page
    return pages


def resolve(here: str, href: str) -> tuple[str, str]:
    """The page (from the site's root) and fragment an internal link leads to."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, f"{here}: not relative: {href}"
    assert not href.startswith("/"), f"{here}: not relative: {href}"
    if not parts.path:
        return here, unquote(parts.fragment)
    joined = PurePosixPath(here).parent / unquote(parts.path)
    normal: list[str] = []
    for part in joined.parts:
        if part == "..":
            assert normal, f"{here}: {href} leads out of the site"
            normal.pop()
        elif part != ".":
            normal.append(part)
    return "/".join(normal), unquote(parts.fragment)


def broken_links(pages: dict[str, Page]) -> list[str]:
    broken = []
    for here, page in pages.items():
        for href in page.links:
            if href.startswith(("https://", "http://", "mailto:")):
                continue  # an outside link the reader follows (Kolada, the Global Goals)
            target, fragment = resolve(here, href)
            if target not in pages:
                broken.append(f"{here}: {href} (no page {target})")
            elif fragment and fragment not in pages[target].ids:
                broken.append(f"{here}: {href} (no #{fragment} on {target})")
    return broken


def reached_from(pages: dict[str, Page], start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        for href in pages[here].links:
            if href.startswith(("https://", "http://", "mailto:")):
                continue
            target, _ = resolve(here, href)
            if target in pages and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


@pytest.fixture(scope="module", params=["helsingborg", "huddinge"])
def example_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "webbplats"
    build_site([EXAMPLES / request.param], folder)
    return folder


def test_every_page_is_there(example_site: Path) -> None:
    pages = read_site(example_site)
    for name in PAGES:
        assert name in pages
    assert (example_site / "sitemap.xml").is_file()
    assert any(name.startswith("organisationer/") for name in pages)
    assert any(name.startswith("omraden/") for name in pages)


def test_every_internal_link_resolves(example_site: Path) -> None:
    assert broken_links(read_site(example_site)) == []


def test_no_page_is_an_orphan(example_site: Path) -> None:
    pages = read_site(example_site)
    assert reached_from(pages, "index.html") == set(pages)


def test_every_page_is_in_the_sitemap_with_its_full_address(example_site: Path) -> None:
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    base = "https://styrning.example.org/"  # the examples' `site: url:`
    assert all(address.startswith(base) for address in listed)
    folder = listed[0].removeprefix(base).split("/")[0]
    pages = [address.removeprefix(f"{base}{folder}/") for address in listed]
    assert sorted(pages) == sorted(read_site(example_site))


def test_without_the_sites_address_the_sitemap_says_it_is_relative(
    example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    repo = example_copy("huddinge")
    manifest = repo / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(re.sub(r"\n  url: [^\n]+", "", text, count=1), encoding="utf-8")
    build_site([repo], tmp_path / "w")
    sitemap = (tmp_path / "w" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>index.html</loc>" in sitemap
    assert "<!-- Adresserna nedan utgår från webbplatsens startmapp." in sitemap


def test_each_page_links_the_sites_one_stylesheet_and_allows_only_its_own_rules(
    example_site: Path,
) -> None:
    """Every page links to the site's stylesheet file, allowed as `'self'`; the goal list's
    own rules are inline, allowed by their hash, and no other page has any."""
    pages = read_site(example_site)
    for name, page in pages.items():
        assert [resolve(name, href)[0] for href in page.stylesheets] == ["stil.css"], name
        allowed = ["'self'"]
        for style in page.styles:
            digest = hashlib.sha256(style.encode("utf-8")).digest()
            allowed.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
        assert f"style-src {' '.join(allowed)};" in page.csp, name
        assert page.csp.startswith("default-src 'none';"), name
        assert "base-uri 'none'" in page.csp and "form-action 'none'" in page.csp
        assert page.scripts == [], name
        assert all(source.startswith("data:") for source in page.sources), name
    assert [name for name, page in pages.items() if page.styles] == ["mal.html"]
    assert "{" in (example_site / "stil.css").read_text("utf-8")


def test_pages_have_a_language_a_skip_link_and_headings_in_order(example_site: Path) -> None:
    for name, page in read_site(example_site).items():
        assert page.lang == "sv", name
        assert "innehall" in page.ids and "#innehall" in page.links, name
        assert page.headings[0] == 1 and page.headings.count(1) == 1, name
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{name}: h{before} then h{after}"


def test_no_developer_words_a_resident_reads(example_site: Path) -> None:
    for name, page in read_site(example_site).items():
        text = " ".join(page.text).casefold()
        for word in DEVELOPER_WORDS:
            assert word not in text, f"{name}: {word}"


def test_the_same_files_give_the_same_bytes(example_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "igen"
    source = EXAMPLES / ("helsingborg" if "Helsingborg" in _start(example_site) else "huddinge")
    build_site([source], again)
    first = {p.relative_to(example_site): p.read_bytes() for p in _files(example_site)}
    second = {p.relative_to(again): p.read_bytes() for p in _files(again)}
    assert first == second


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def _start(folder: Path) -> str:
    return (folder / "index.html").read_text(encoding="utf-8")


def test_helsingborg_pages_by_id(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    assert (tmp_path / "w" / "organisationer" / "socialnamnden.html").is_file()
    assert (tmp_path / "w" / "omraden" / "inriktning-trygghet.html").is_file()
    board = (tmp_path / "w" / "organisationer" / "kommunstyrelsen.html").read_text("utf-8")
    assert 'href="../omraden/inriktning-innovation.html"' in board  # a goal → its area


def test_breadcrumbs_lead_back_through_the_start_page(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    area = (tmp_path / "w" / "omraden" / "inriktning-innovation.html").read_text("utf-8")
    board = (tmp_path / "w" / "organisationer" / "socialnamnden.html").read_text("utf-8")
    assert '<li><a href="../index.html#niva-1">Stadens inriktning</a></li>' in area
    assert '<li><a href="../index.html#organisationer-2">Nämnder och bolag</a></li>' in board
    assert '<li><span aria-current="page">Socialnämnden</span></li>' in board


def test_an_area_lists_every_goal_that_contributes_to_it(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    area = (tmp_path / "w" / "omraden" / "inriktning-innovation.html").read_text("utf-8")
    board = read_site(tmp_path / "w")["organisationer/kommunstyrelsen.html"]
    assert 'href="../organisationer/kommunstyrelsen.html#mal-ks-mal-1"' in area
    assert "mal-ks-mal-1" in board.ids


def test_huddinge_indicators_reach_the_area_through_the_council_level(tmp_path: Path) -> None:
    """Huddinge's boards follow smart goals (indicators) that contribute to the council's."""
    build_site([EXAMPLES / "huddinge"], tmp_path / "w")
    area = (tmp_path / "w" / "omraden" / "social-hallbarhet.html").read_text("utf-8")
    assert "organisationer/grundskolenamnden.html#ind-gsn-ind-2-behorighet" in area


def test_the_goal_list_filters_without_scripts(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    text = (tmp_path / "w" / "mal.html").read_text("utf-8")
    page = read_site(tmp_path / "w")["mal.html"]
    assert 'type="radio" name="omrade" id="visa-omrade-inriktning-innovation"' in text
    assert '<label for="visa-omrade-inriktning-innovation">' in text
    assert "body:has(#visa-omrade-inriktning-innovation:checked) .goal-item:not(" in page.styles[0]
    assert 'class="goal-item org-kommunstyrelsen omrade-inriktning-innovation"' in text
    assert page.scripts == []


def test_the_legend_names_every_status(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    text = " ".join(read_site(tmp_path / "w")["symboler.html"].text)
    for symbol, word in [("●", "Uppfyllt"), ("◐", "Delvis uppfyllt"), ("○", "Ej uppfyllt")]:
        assert symbol in text and word in text


def test_the_legend_keeps_the_missing_mark_out_of_the_trends(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    page = (tmp_path / "w" / "symboler.html").read_text("utf-8")
    tables = page.split('<table class="legend">')[1:]
    by_caption = {t.split("<caption>")[1].split("</caption>")[0]: t for t in tables}
    assert "(saknas)" not in by_caption["Trend"]
    assert "(saknas)" in by_caption["Övriga markeringar"]


def test_the_start_page_uses_the_models_own_names(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    text = _start(tmp_path / "w")
    assert "Förhållningssätt i tillitsbaserad styrning</h2>" in text
    assert ">Stadens inriktning</h2>" in text
    assert 'href="mal.html#status-met"' in text


def test_english_pages_with_lang_en(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w", language="en")
    page = read_site(tmp_path / "w")["index.html"]
    assert page.lang == "en"
    assert "How Helsingborgs stad is steered" in " ".join(page.text)
    assert "Accessibility statement" in " ".join(page.text)


def test_text_from_the_files_is_text_never_markup(tmp_path: Path) -> None:
    repo = rich_repository(tmp_path / "kommun")
    build_site([repo], tmp_path / "w", allow_errors=True)
    for name, page in read_site(tmp_path / "w").items():
        assert page.scripts == [], name
    everything = "".join(p.read_text("utf-8") for p in (tmp_path / "w").rglob("*.html"))
    assert SCRIPT_TITLE not in everything
    assert "&lt;script&gt;" in everything


def test_every_part_of_a_model_has_its_page_and_every_link_resolves(tmp_path: Path) -> None:
    """A repository with every kind of element: each shown on a page a link leads to."""
    repo = rich_repository(tmp_path / "kommun")
    build_site([repo], tmp_path / "w", allow_errors=True)  # it names one goal that is not there
    pages = read_site(tmp_path / "w")
    assert broken_links(pages) == []
    assert reached_from(pages, "index.html") == set(pages)
    board = (tmp_path / "w" / "organisationer" / "skolnamnden.html").read_text("utf-8")
    assert 'skn-mal-9 <span class="note">(saknas)</span>' in board  # the missing one, in words


def test_the_accent_colour_from_the_manifest_colours_every_page(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    stylesheet = (tmp_path / "w" / "stil.css").read_text("utf-8")
    assert ":root { --accent: #1d4f6e; --on-accent: #ffffff; }" in stylesheet
    for name, page in read_site(tmp_path / "w").items():
        assert [resolve(name, href)[0] for href in page.stylesheets] == ["stil.css"], name


def test_the_goal_list_says_when_no_goal_fits_and_whom_the_status_counts_are_for(
    tmp_path: Path,
) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    text = (tmp_path / "w" / "mal.html").read_text("utf-8")
    style = read_site(tmp_path / "w")["mal.html"].styles[0]
    assert "Inga mål passar valet." in text
    assert ".no-match{display:none}" in style.replace(" ", "").replace(";}", "}")
    assert "Antalet efter varje status gäller alla mål" in text


def test_in_english_what_comes_from_the_files_says_it_is_swedish(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "en", language="en")
    board = (tmp_path / "en" / "organisationer" / "socialnamnden.html").read_text("utf-8")
    assert '<html lang="en">' in board
    assert '<h1 id="org-socialnamnden" lang="sv">Socialnämnden</h1>' in board
    crumbs = board.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert '<li lang="sv"><span aria-current="page">Socialnämnden</span></li>' in crumbs
    assert "<li><a" in crumbs  # "Start" is the site's own word, in English
    lead = re.search(r'<p class="lead" lang="sv">([^<]+)</p>', board)
    assert lead is not None  # the mission
    area = next((tmp_path / "en" / "omraden").glob("*.html")).read_text("utf-8")
    assert re.search(r'<h1 id="[^"]+" lang="sv">', area)


def test_in_the_files_own_language_nothing_is_marked_again(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "sv")
    for name in read_site(tmp_path / "sv"):
        text = (tmp_path / "sv" / name).read_text("utf-8")
        assert text.count("lang=") == 1, name  # <html lang="sv"> only


_MARKED_DOCUMENTS = """\
kind: steering_documents
documents:
  - id: servicepolicy
    title: Servicepolicy
    type: policy
    illustrative: true
  - id: kulturprogram
    title: Kulturprogram
    type: program
    citation: {title: Kulturprogrammet, publisher: Testby kommun, year: 2024, url: "https://testby.example/kultur"}
  - id: reglemente
    title: Reglemente för kommunstyrelsen
    type: reglemente
  - id: naringslivsprogram
    title: Näringslivsprogram
    type: program
    illustrative: [next_review]
    next_review: "2027-06-30"
"""


def _register_rows(page: str) -> dict[str, str]:
    """Each row of the register by its document's anchor."""
    return dict(re.findall(r'<th scope="row" id="dok-([^"]+)"[^>]*>(.*?)</tr>', page, re.S))


def test_the_register_says_which_document_is_made_up_and_where_one_is_from(
    tmp_path: Path,
) -> None:
    """As the report does by the document: the register has no column for it, so it is said
    under the title, never left out."""
    root = tmp_path / "testby"
    init_repository(root, "blank", "Testby", "0999")
    (root / "styrdokument.yaml").write_text(_MARKED_DOCUMENTS, encoding="utf-8")
    build_site([root], tmp_path / "w")
    rows = _register_rows((tmp_path / "w" / "styrdokument.html").read_text("utf-8"))
    assert (
        "<strong>Exempeltext:</strong> inte kommunens egen text, utan ett påhittat exempel"
        in rows["servicepolicy"]
    )
    assert (
        "<strong>Källa för texten:</strong> Kulturprogrammet, Testby kommun, 2024, "
        "https://testby.example/kultur" in rows["kulturprogram"]
    )
    assert "Exempeltext" not in rows["kulturprogram"]
    assert "Exempeltext" not in rows["reglemente"] and "Källa" not in rows["reglemente"]
    assert (
        "<strong>Exempeltext:</strong> datumet för nästa översyn är ett påhittat exempel, "
        "inte kommunens eget" in rows["naringslivsprogram"]
    )
    assert '<td data-label="Nästa översyn">2027-06-30</td>' in rows["naringslivsprogram"]


def test_an_empty_cell_of_the_register_says_so_in_words(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    register = (tmp_path / "w" / "styrdokument.html").read_text("utf-8")
    cells = re.findall(r"<td data-label=\"[^\"]+\">(.*?)</td>", register)
    assert cells and not [cell for cell in cells if cell.strip() in ("", "–", "-")]
    assert '<td data-label="Beslutsdatum"><span class="note">Uppgift saknas</span></td>' in register


def test_the_register_shows_each_documents_area_owner_and_links_as_the_reports_do(
    tmp_path: Path,
) -> None:
    """The area it covers, who is responsible for it and what it contributes to, where the
    files say so: on the site's register as in the one-page reports, from the same view."""
    index = shared_index(load_repository(EXAMPLES / "helsingborg"))
    documents = [e for e in index.of_category("steering_document") if e.data.get("area")]
    assert documents  # the example gives documents an area and an owner
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    rows = _register_rows((tmp_path / "w" / "styrdokument.html").read_text("utf-8"))
    html = build_report([EXAMPLES / "helsingborg"], "html")
    markdown = build_report([EXAMPLES / "helsingborg"], "md")
    for document in documents:
        area, owner = document.data["area"], index.by_id[document.data["owner"]].title
        targets = [index.by_id[target].title for target in document.data.get("contributes_to", [])]
        row = rows[document.id or ""]
        assert f'<td data-label="Område">{area}</td>' in row
        assert (
            '<td data-label="Ansvarig"><a href="organisationer/' in row and f">{owner}</a>" in row
        )
        assert all(f">{target}</a>" in row.split("<td", 1)[0] for target in targets)
        section = html.split(f'id="dok-{document.id}"', 1)[1].split("</article>", 1)[0]
        assert f"<dt>Område</dt><dd>{area}</dd>" in section and f">{owner}</a>" in section
        assert all(f">{target}</a>" in section for target in targets)
        part = markdown.split(f'<a id="dok-{document.id}"></a>', 1)[1].split("\n### ", 1)[0]
        assert f"**Område:** {area}" in part and f"**Ansvarig:** [{owner}]" in part
        assert all(f"[{target}]" in part for target in targets)
