"""`styr site` on the command line: written whole, refused over errors, never over a user's own."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, CliResult
from filled import fill_placeholders
from test_site_pages import broken_links, reached_from, read_site

from styr.publishing import ErrorsBlockPublishing
from styr.scaffold import init_repository
from styr.site import MARKER, build_site

Run = Callable[..., CliResult]
BOARD = Path("organisation/socialnamnden.yaml")


def _broken(example_copy: Callable[[str], Path]) -> Path:
    """Helsingborg with a YAML syntax error in Socialnämnden's file."""
    repo = example_copy("helsingborg")
    with (repo / BOARD).open("a", encoding="utf-8") as stream:
        stream.write("  trasig: [\n")
    return repo


def test_site_writes_a_folder_and_says_so(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "webbplats"
    result = run_cli("site", EXAMPLES / "helsingborg", "-o", target)
    assert result.code == 0, result.err
    assert (target / "index.html").is_file() and (target / MARKER).is_file()
    pages = len(list(target.rglob("*.html"))) + 1  # and the sitemap
    assert f"Skrev webbplatsen till {target} ({pages} sidor)." in result.err
    assert result.out == ""


def test_the_default_folder_is_webbplats(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("site", EXAMPLES / "huddinge")
    assert result.code == 0, result.err
    assert (tmp_path / "webbplats" / "index.html").is_file()


def test_site_refuses_errors_and_leaves_the_old_site(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    target = tmp_path / "webbplats"
    assert run_cli("site", EXAMPLES / "helsingborg", "-o", target).code == 0
    before = (target / "index.html").read_bytes()
    result = run_cli("site", _broken(example_copy), "-o", target)
    assert result.code == 1
    assert "Y003" in result.err and "--allow-errors" in result.err
    assert "Webbplatsen skrevs inte" in result.err
    assert (target / "index.html").read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_a_refusal_over_an_error_that_breaks_nothing_says_only_what_is_true(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """A colour too light to read breaks no part of the files: the refusal must not say so."""
    repo = example_copy("helsingborg")
    manifest = repo / "styr.yaml"
    text = manifest.read_text("utf-8")
    manifest.write_text(re.sub(r"accent_colour: .*", 'accent_colour: "#ffee00"', text), "utf-8")
    result = run_cli("site", repo, "-o", tmp_path / "webbplats")
    assert result.code == 1 and "M001" in result.err
    assert "Webbplatsen skrevs inte" in result.err
    assert "kunde bli fel eller saknas" in result.err
    assert "trasiga" not in result.err


def test_allow_errors_publishes_with_a_notice_on_every_page(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    target = tmp_path / "webbplats"
    result = run_cli("site", _broken(example_copy), "-o", target, "--allow-errors")
    assert result.code == 0, result.err
    pages = read_site(target)
    for name in pages:
        text = (target / name).read_text("utf-8")
        assert "Observera: webbplatsen kan vara ofullständig" in text, name
    board = (target / "organisationer" / "socialnamnden.html").read_text("utf-8")
    assert "Uppgifterna om Socialnämnden kunde inte läsas och saknas här." in board
    assert broken_links(pages) == []


def test_a_folder_of_the_users_own_is_never_replaced(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "mina-filer"
    target.mkdir()
    (target / "viktigt.txt").write_text("mitt", encoding="utf-8")
    result = run_cli("site", EXAMPLES / "helsingborg", "-o", target)
    assert result.code == 2
    assert "innehåller redan sådant som styr inte har skrivit" in result.err
    assert [p.name for p in target.iterdir()] == ["viktigt.txt"]
    assert _leftovers(tmp_path) == []


def test_a_file_is_not_a_folder(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "webbplats"
    target.write_text("x", encoding="utf-8")
    result = run_cli("site", EXAMPLES / "helsingborg", "-o", target)
    assert result.code == 2 and "är en fil, inte en mapp" in result.err
    assert target.read_text(encoding="utf-8") == "x"


def test_a_link_to_a_folder_is_refused_as_a_link(run_cli: Run, tmp_path: Path) -> None:
    real = tmp_path / "riktig"
    real.mkdir()
    target = tmp_path / "webbplats"
    target.symlink_to(real, target_is_directory=True)
    result = run_cli("site", EXAMPLES / "huddinge", "-o", target)
    assert result.code == 2
    assert "är en länk till en annan plats" in result.err
    assert "är en fil" not in result.err
    assert list(real.iterdir()) == []


def test_files_of_the_users_own_in_an_earlier_site_are_kept(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "hbg"
    assert run_cli("site", EXAMPLES / "helsingborg", "-o", target).code == 0
    (target / "CNAME").write_text("example.se\n", encoding="utf-8")
    (target / "bilder").mkdir()
    (target / "bilder" / "logga.svg").write_text("<svg/>", encoding="utf-8")
    result = run_cli("site", EXAMPLES / "helsingborg", "-o", target)
    assert result.code == 0, result.err
    assert "Behöll de egna filerna" in result.err and "CNAME" in result.err
    assert (target / "CNAME").read_text(encoding="utf-8") == "example.se\n"
    assert (target / "bilder" / "logga.svg").read_text(encoding="utf-8") == "<svg/>"
    # Still the user's on the build after: never listed as styr's, never deleted.
    assert "CNAME" not in (target / MARKER).read_text(encoding="utf-8").splitlines()
    again = run_cli("site", EXAMPLES / "helsingborg", "-o", target)
    assert again.code == 0 and (target / "CNAME").is_file() and "CNAME" in again.err
    assert _leftovers(tmp_path) == []


def test_a_users_file_where_the_site_writes_a_page_refuses_and_changes_nothing(
    run_cli: Run, tmp_path: Path
) -> None:
    target = tmp_path / "hbg"
    assert run_cli("site", EXAMPLES / "helsingborg", "-o", target).code == 0
    marker = target / MARKER
    listed = marker.read_text(encoding="utf-8").splitlines()
    marker.write_text(  # as if an earlier build had not written the goal list
        "\n".join(line for line in listed if line != "mal.html") + "\n", encoding="utf-8"
    )
    (target / "mal.html").write_text("min egen", encoding="utf-8")
    result = run_cli("site", EXAMPLES / "helsingborg", "-o", target)
    assert result.code == 2
    assert "egna filer som styr inte har skrivit" in result.err and "mal.html" in result.err
    assert (target / "mal.html").read_text(encoding="utf-8") == "min egen"
    assert _leftovers(tmp_path) == []


def test_the_marker_lists_every_file_written(tmp_path: Path) -> None:
    target = tmp_path / "w"
    build_site([EXAMPLES / "huddinge"], target)
    listed = (target / MARKER).read_text(encoding="utf-8").splitlines()
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert listed[0] == "styr"
    assert listed[1:] == [f for f in files if f != MARKER]


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    target = tmp_path / "tom"
    target.mkdir()
    build_site([EXAMPLES / "huddinge"], target)
    assert (target / "index.html").is_file()


def test_an_earlier_site_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "webbplats"
    build_site([EXAMPLES / "helsingborg"], target)
    # A page an earlier build wrote (its marker lists it) for a board since removed.
    (target / "organisationer" / "nedlagd-namnd.html").write_text("gammal", encoding="utf-8")
    with (target / MARKER).open("a", encoding="utf-8") as marker:
        marker.write("organisationer/nedlagd-namnd.html\n")
    build_site([EXAMPLES / "helsingborg"], target)
    assert not (target / "organisationer" / "nedlagd-namnd.html").exists()
    assert (target / "index.html").is_file()
    assert _leftovers(tmp_path) == []


def test_a_failure_midway_leaves_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "webbplats"
    build_site([EXAMPLES / "helsingborg"], target)
    before = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    from styr.site import municipality

    real = municipality.render_page  # type: ignore[attr-defined]
    calls = []

    def failing(template: str, context: dict[str, object], *rest: Any) -> str:
        calls.append(template)
        if len(calls) == 5:
            raise OSError(28, "No space left on device")
        return real(template, context, *rest)

    monkeypatch.setattr(municipality, "render_page", failing)
    from styr.errors import UsageError

    with pytest.raises(UsageError):
        build_site([EXAMPLES / "helsingborg"], target)
    after = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert after == before
    assert _leftovers(tmp_path) == []


def test_date_is_the_last_updated_date(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "webbplats"
    result = run_cli("site", EXAMPLES / "huddinge", "-o", target, "--date", "2026-11-30")
    assert result.code == 0, result.err
    for page in target.rglob("*.html"):
        assert "Senast uppdaterad 2026-11-30" in page.read_text("utf-8"), page


def test_no_date_outside_git_no_date(example_copy: Callable[[str], Path], tmp_path: Path) -> None:
    build_site([example_copy("huddinge")], tmp_path / "w")  # a copy: in no git work tree
    assert "Senast uppdaterad" not in (tmp_path / "w" / "index.html").read_text("utf-8")


def test_a_bad_date_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("site", EXAMPLES / "huddinge", "-o", tmp_path / "w", "--date", "30/11")
    assert result.code == 2 and "30/11" in result.err
    assert not (tmp_path / "w").exists()


def test_english_site(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("site", EXAMPLES / "huddinge", "-o", tmp_path / "w", "--lang", "en")
    assert result.code == 0, result.err
    assert "Wrote the website to" in result.err
    text = (tmp_path / "w" / "tillganglighet.html").read_text("utf-8")
    assert '<html lang="en">' in text and "Accessibility statement" in text


def test_many_municipalities_index_and_a_folder_each(tmp_path: Path) -> None:
    target = tmp_path / "webbplats"
    written = build_site([EXAMPLES / "helsingborg", EXAMPLES / "huddinge"], target)
    pages = read_site(target)
    assert "1283/index.html" in pages and "0126/index.html" in pages
    index = (target / "index.html").read_text("utf-8")
    assert 'href="1283/index.html"' in index and 'href="0126/index.html"' in index
    assert "Styrningen i 2 kommuner" in index
    for root_page in ("index.html", "symboler.html", "tillganglighet.html"):
        text = (target / root_page).read_text("utf-8")
        assert "Webbplatsen samlar styrningen i Helsingborgs stad och Huddinge kommun." in text
    assert (target / "1283" / "organisationer" / "socialnamnden.html").is_file()
    assert broken_links(pages) == []
    assert reached_from(pages, "index.html") == set(pages)
    assert written.pages == len(pages) + 3  # and the three sitemaps
    root_map = (target / "sitemap.xml").read_text("utf-8")
    listed = re.findall(r"<loc>([^<]+)</loc>", root_map)
    # One over everything, at the root: each municipality's pages under its own address; the
    # comparison's pages have none (the examples' addresses do not end with 1283/ and 0126/).
    expected = [
        f"https://styrning.example.org/{name}/{page.split('/', 1)[1]}"
        for page in pages
        for code, name in (("1283", "helsingborg"), ("0126", "huddinge"))
        if page.startswith(f"{code}/")
    ]
    assert sorted(listed) == sorted(expected)
    assert "Inte med: 3 sidor" in root_map


def test_the_comparison_is_listed_when_every_address_ends_with_its_folder(
    example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    copies = []
    for name, code in (("helsingborg", "1283"), ("huddinge", "0126")):
        repo = example_copy(name)
        manifest = repo / "styr.yaml"
        text = manifest.read_text("utf-8")
        old = f"url: https://styrning.example.org/{name}/"
        assert old in text
        manifest.write_text(text.replace(old, f"url: https://kommuner.example.se/{code}/"), "utf-8")
        copies.append(repo)
    target = tmp_path / "webbplats"
    build_site(copies, target)
    listed = re.findall(r"<loc>([^<]+)</loc>", (target / "sitemap.xml").read_text("utf-8"))
    pages = read_site(target)
    assert sorted(listed) == sorted(f"https://kommuner.example.se/{page}" for page in pages)
    index = (target / "index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://kommuner.example.se/index.html">' in index


def test_every_page_has_its_canonical_address_when_the_site_has_one(tmp_path: Path) -> None:
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    pages = read_site(tmp_path / "w")
    for name in pages:
        text = (tmp_path / "w" / name).read_text("utf-8")
        link = f'<link rel="canonical" href="https://styrning.example.org/helsingborg/{name}">'
        assert text.count('rel="canonical"') == 1 and link in text, name


def test_without_an_address_no_page_has_a_canonical_link(tmp_path: Path) -> None:
    init_repository(tmp_path / "x", "blank", "Exempelkommun", "0999")
    build_site([tmp_path / "x"], tmp_path / "w")
    assert 'rel="canonical"' not in (tmp_path / "w" / "index.html").read_text("utf-8")


def test_many_in_worker_processes_give_the_same_as_one_by_one(tmp_path: Path) -> None:
    examples = [EXAMPLES / "helsingborg", EXAMPLES / "huddinge"]
    others = []
    for number in range(3):
        root = tmp_path / f"kommun{number}"
        init_repository(root, "blank", f"Testby {number}", f"099{number}")
        others.append(fill_placeholders(root))
    build_site([*examples, *others], tmp_path / "alla")  # enough for worker processes
    build_site(examples, tmp_path / "tva")  # one by one
    pages = read_site(tmp_path / "alla")
    assert {"0990/index.html", "0991/index.html", "0992/index.html"} <= set(pages)
    assert broken_links(pages) == []
    for code in ("1283", "0126"):
        together = _files_of(tmp_path / "alla" / code)
        assert together == _files_of(tmp_path / "tva" / code)
    inner = tmp_path / "alla" / "0126" / "organisationer" / "grundskolenamnden.html"
    assert 'href="../../index.html"' in inner.read_text("utf-8")  # up to the comparison


def _files_of(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_many_refused_when_one_has_errors(
    example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    target = tmp_path / "webbplats"
    with pytest.raises(ErrorsBlockPublishing):
        build_site([_broken(example_copy), EXAMPLES / "huddinge"], target)
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".styr-tmp"))


def test_the_pages_are_flushed_to_disk_at_once_not_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    flushed: list[int] = []
    synced: list[bool] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        flushed.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "sync", lambda: synced.append(True))
    build_site([EXAMPLES / "helsingborg"], tmp_path / "w")
    assert synced == [True]
    pages = len(list((tmp_path / "w").rglob("*.html")))
    assert len(flushed) < pages / 2  # folders only, never each page


def test_no_page_of_several_municipalities_has_an_empty_paragraph(tmp_path: Path) -> None:
    target = tmp_path / "webbplats"
    build_site([EXAMPLES / "helsingborg", EXAMPLES / "huddinge"], target)
    for page in read_site(target):
        text = (target / page).read_text("utf-8")
        assert not re.search(r"<p[^>]*>\s*</p>", text), page


def test_a_site_marked_before_the_marker_listed_its_files_is_replaced_as_before(
    tmp_path: Path,
) -> None:
    target = tmp_path / "webbplats"
    build_site([EXAMPLES / "huddinge"], target)
    (target / MARKER).write_text("styr\n", encoding="utf-8")  # no list: every file was styr's
    (target / "gammal.html").write_text("gammal", encoding="utf-8")
    written = build_site([EXAMPLES / "huddinge"], target)
    assert not (target / "gammal.html").exists() and written.kept == ()
    assert len((target / MARKER).read_text(encoding="utf-8").splitlines()) > 1
