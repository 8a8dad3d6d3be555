"""What the website tells its reader about itself: texts not written yet, errors, what is tested."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml
from conftest import EXAMPLES, CliResult
from test_site_pages import read_site

from styr.model.repository import load_repository
from styr.report import build_report
from styr.scaffold import init_repository
from styr.site.texts import sentence

Run = Callable[..., CliResult]
NOT_WRITTEN = "på webbplatsen är inte ifyllda än"


def test_a_fresh_repository_says_its_placeholders_on_every_page_and_in_the_cli(
    run_cli: Run, tmp_path: Path
) -> None:
    init_repository(tmp_path / "x", "blank", "Exempelkommun", "0999")
    result = run_cli("site", tmp_path / "x", "-o", tmp_path / "s")
    assert result.code == 0, result.err
    warning = next(line for line in result.err.splitlines() if line.startswith("Varning:"))
    assert "X003" in warning and "texter" in warning
    assert "styr.yaml" in warning and "vision.yaml" in warning  # where they are
    pages = read_site(tmp_path / "s")
    for name in pages:
        text = (tmp_path / "s" / name).read_text("utf-8")
        assert "Observera: webbplatsen kan vara ofullständig" in text, name
        assert NOT_WRITTEN in text, name


def test_a_written_repository_has_no_placeholder_notice(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("site", EXAMPLES / "helsingborg", "-o", tmp_path / "s")
    assert result.code == 0, result.err
    assert "Varning:" not in result.err
    assert NOT_WRITTEN not in (tmp_path / "s" / "index.html").read_text("utf-8")


def test_the_accessibility_statement_never_doubles_a_full_stop(
    run_cli: Run, tmp_path: Path
) -> None:
    init_repository(tmp_path / "x", "blank", "Exempelkommun", "0999")  # its texts end with "."
    assert run_cli("site", tmp_path / "x", "-o", tmp_path / "s").code == 0
    statement = (tmp_path / "s" / "tillganglighet.html").read_text("utf-8")
    assert "Granskningen gjordes av" in statement
    assert ".." not in statement.replace("../", "")


def test_sentence_adds_a_full_stop_only_when_missing() -> None:
    assert sentence("Vi svarar inom två veckor") == "Vi svarar inom två veckor."
    assert sentence("Granskningen gjordes av webbredaktionen.") == (
        "Granskningen gjordes av webbredaktionen."
    )
    assert sentence("Vem granskade?") == "Vem granskade?"
    assert sentence("") == ""


def test_the_allow_errors_notice_speaks_of_the_website(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    repo = example_copy("helsingborg")
    with (repo / "organisation" / "socialnamnden.yaml").open("a", encoding="utf-8") as stream:
        stream.write("  trasig: [\n")
    result = run_cli("site", repo, "-o", tmp_path / "s", "--allow-errors")
    assert result.code == 0, result.err
    page = (tmp_path / "s" / "index.html").read_text("utf-8")
    assert "Webbplatsen publicerades ändå" in page
    assert "rapport" not in page.lower()


def test_the_accessibility_statement_claims_only_what_styr_tests(
    run_cli: Run, tmp_path: Path
) -> None:
    assert run_cli("site", EXAMPLES / "helsingborg", "-o", tmp_path / "s").code == 0
    statement = (tmp_path / "s" / "tillganglighet.html").read_text("utf-8")
    assert "Varje sida testas automatiskt" not in statement
    assert "vars sidmallar testas automatiskt mot WCAG 2.1 nivå AA" in statement


def _notice(page: str) -> str:
    return page.split('<div class="notice"', 1)[1].split("</div>", 1)[0]


def test_the_notice_names_the_parts_in_a_residents_words_not_their_files(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """A file that could not be read is named by what the steering model calls what it holds
    ("Målområde"), an error by the board it is in; on the site as in the one-page reports."""
    repo = example_copy("huddinge")
    with (repo / "malomraden.yaml").open("a", encoding="utf-8") as stream:
        stream.write("  trasig: [\n")
    model = load_repository(EXAMPLES / "huddinge").model
    area_kind = ", ".join(kind.label("sv") for kind in model.kinds_of("council_area"))
    assert run_cli("site", repo, "-o", tmp_path / "s", "--allow-errors").code == 0
    html = build_report([repo], "html", allow_errors=True)
    markdown = build_report([repo], "md", allow_errors=True)
    pages = [_notice((tmp_path / "s" / "index.html").read_text("utf-8")), _notice(html)]
    for notice in pages:
        assert f"<li>{area_kind}</li>" in notice
    assert f"> - {area_kind}\n" in markdown
    for notice in [*pages, markdown[: markdown.index("## ")]]:
        assert "malomraden" not in notice and ".yaml" not in notice


def test_the_notice_says_which_board_the_errors_are_in(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    repo = example_copy("huddinge")
    board = repo / "organisation" / "grundskolenamnden.yaml"
    text = board.read_text("utf-8")
    board.write_text(text.replace("contributes_to: [", "contributes_to: [finns-inte, ", 1), "utf-8")
    name = yaml.safe_load(text)["name"]
    assert run_cli("site", repo, "-o", tmp_path / "s", "--allow-errors").code == 0
    notice = _notice((tmp_path / "s" / "index.html").read_text("utf-8"))
    assert f"<p>Felen finns i de här delarna:</p>\n<ul>\n<li>{name}</li>\n</ul>" in notice
    markdown = build_report([repo], "md", allow_errors=True)
    assert f"> Felen finns i de här delarna:\n>\n> - {name}\n" in markdown
    assert "grundskolenamnden.yaml" not in markdown[: markdown.index("## ")]


def test_a_board_whose_file_says_no_name_is_named_in_the_notices_words(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """Its page's heading is the notice's wording for an unreadable part, never its file's
    name, as in the one-page reports; in English that wording is the page's own, not marked
    as the files' Swedish."""
    repo = example_copy("helsingborg")
    (repo / "organisation" / "socialnamnden.yaml").write_text(
        "kind: organisation\ntype: namnd\n  trasig: [\n", encoding="utf-8"
    )
    for language, heading, said in (
        ("sv", "En del vars innehåll inte gick att läsa", "Den här delen kunde inte läsas"),
        ("en", "A part whose content could not be read", "This part could not be read"),
    ):
        site = tmp_path / language
        result = run_cli("site", repo, "-o", site, "--allow-errors", "--lang", language)
        assert result.code == 0, result.err
        pages = [
            p
            for p in (site / "organisationer").glob("*.html")
            if "unreadable" in p.read_text("utf-8")
        ]
        assert len(pages) == 1
        page = pages[0].read_text("utf-8")
        assert re.search(f'<h1 id="[^"]*">{heading}</h1>', page), page
        assert f"<strong>{said}" in page
        shown = re.sub(r"<[^>]*>", "", page.split("<body", 1)[1])  # what a reader reads
        assert "socialnamnden" not in shown and ".yaml" not in shown
        # The start page's card links to it in the same words, the page's own.
        start = (site / "index.html").read_text("utf-8")
        assert re.search(f'<li class="card"><a href="[^"]*">{heading}</a>', start), start
    # The same view names it so in the one-page reports.
    html = build_report([repo], "html", allow_errors=True)
    assert re.search(r'<h3 id="[^"]*">En del vars innehåll inte gick att läsa</h3>', html)
    markdown = build_report([repo], "md", allow_errors=True)
    assert "</a>En del vars innehåll inte gick att läsa\n" in markdown
