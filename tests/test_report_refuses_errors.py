"""`styr report` over errors: refused and named, or published with a notice (--allow-errors)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, CliResult

from styr.publishing import ErrorsBlockPublishing
from styr.report import build_report
from styr.report.build import FULL_REPORTS_UP_TO
from styr.scaffold import init_repository

Run = Callable[..., CliResult]
BOARD = Path("organisation/socialnamnden.yaml")


def _broken(example_copy: Callable[[str], Path]) -> Path:
    """Helsingborg with a YAML syntax error in Socialnämnden's file."""
    repo = example_copy("helsingborg")
    with (repo / BOARD).open("a", encoding="utf-8") as stream:
        stream.write("  trasig: [\n")
    return repo


def test_report_refuses_errors_and_names_them(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    repo = _broken(example_copy)
    target = tmp_path / "rapport.html"
    result = run_cli("report", repo, "-o", target)
    assert result.code == 1
    assert not target.exists()
    assert result.out == ""
    assert (repo / BOARD).as_posix() in result.err
    assert "Y003" in result.err and "YAML" in result.err
    assert "--allow-errors" in result.err and "Skrev rapporten" not in result.err


def test_an_unknown_reference_is_an_error_too(
    run_cli: Run, blank_repo: Path, tmp_path: Path
) -> None:
    board = blank_repo / "organisation" / "exempelnamnden.yaml"
    text = board.read_text(encoding="utf-8")
    start = text.index("contributes_to: [") + len("contributes_to: [")
    board.write_text(text[:start] + "finns-inte, " + text[start:], encoding="utf-8")
    result = run_cli("report", blank_repo, "--format", "md")
    assert result.code == 1 and "C001" in result.err and result.out == ""


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_allow_errors_publishes_with_a_notice_and_keeps_the_board(
    example_copy: Callable[[str], Path], fmt: str
) -> None:
    repo = _broken(example_copy)
    with pytest.raises(ErrorsBlockPublishing):
        build_report([repo], fmt)
    text = build_report([repo], fmt, allow_errors=True)
    notice = text.index("Obs! Rapporten kan vara ofullständig")
    assert notice < text.index("Innehåll")  # at the top, before the contents
    assert "granskades hittades 1 fel" in text
    # Said in a resident's words: the part by its name, no file name, no command.
    listed = text[notice : text.index("Innehåll")]
    assert "Socialnämnden" in listed and BOARD.as_posix() not in listed
    assert "styr lint" not in listed and "repositori" not in listed
    heading = text.index('id="org-socialnamnden"')  # where the board would have stood
    unreadable = text.index("Den här delen kunde inte läsas")
    assert "Socialnämnden" in text[heading:unreadable] and unreadable - heading < 200
    clean = build_report([EXAMPLES / "helsingborg"], fmt)
    assert "Obs! Rapporten" not in clean and "kunde inte läsas" not in clean


def test_the_notice_in_english(example_copy: Callable[[str], Path]) -> None:
    repo = _broken(example_copy)
    html = build_report([repo], "html", "en", allow_errors=True)
    assert "Note: this report may be incomplete" in html
    assert "This part could not be read" in html
    assert "A check of what the report is made from found 1 error." in html


def test_allow_errors_on_the_command_line(
    run_cli: Run, example_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    repo = _broken(example_copy)
    target = tmp_path / "rapport.md"
    result = run_cli("report", repo, "--format", "md", "--allow-errors", "-o", target)
    assert result.code == 0
    assert "Obs! Rapporten kan vara ofullständig" in target.read_text(encoding="utf-8")


def test_a_file_that_is_not_text_is_listed(example_copy: Callable[[str], Path]) -> None:
    """Listed in words, not by its file's name: nothing of it could be read to name it by."""
    repo = example_copy("helsingborg")
    (repo / BOARD).write_bytes("kind: organisation\nname: Socialn\xe4mnden\n".encode("latin-1"))
    markdown = build_report([repo], "md", allow_errors=True)
    top = markdown[: markdown.index("## Innehåll")]
    assert "> - En del vars innehåll inte gick att läsa\n" in top
    assert BOARD.name not in top


def test_several_repositories_refuse_and_notice_together(
    example_copy: Callable[[str], Path],
) -> None:
    repo = _broken(example_copy)
    others = [EXAMPLES / "huddinge", repo]
    with pytest.raises(ErrorsBlockPublishing):
        build_report(others, "md")
    markdown = build_report(others, "md", allow_errors=True)
    assert markdown.index("Obs! Rapporten kan vara ofullständig") < markdown.index("## ")


def test_a_comparison_of_many_refuses_errors_too(tmp_path: Path) -> None:
    roots = []
    for number in range(FULL_REPORTS_UP_TO + 1):
        root = tmp_path / f"kommun{number}"
        init_repository(root, "blank", f"Kommun {number}", f"{number:04d}")
        roots.append(root)
    board = roots[-1] / "organisation" / "exempelnamnden.yaml"
    with board.open("a", encoding="utf-8") as stream:
        stream.write("  trasig: [\n")
    with pytest.raises(ErrorsBlockPublishing) as refused:
        build_report([tmp_path], "md")
    assert refused.value.count == 1
    markdown = build_report([tmp_path], "md", allow_errors=True)
    assert "Obs! Rapporten kan vara ofullständig" in markdown


def test_a_board_of_a_misspelt_kind_is_shown_in_its_place(
    example_copy: Callable[[str], Path],
) -> None:
    repo = example_copy("helsingborg")
    board = repo / BOARD
    text = board.read_text(encoding="utf-8")
    board.write_text(text.replace("kind: organisation", "kind: organisaton", 1), "utf-8")
    with pytest.raises(ErrorsBlockPublishing):
        build_report([repo], "md")
    markdown = build_report([repo], "md", allow_errors=True)
    assert "Socialnämnden" in markdown[: markdown.index("## Innehåll")]
    heading = markdown.index('<a id="org-socialnamnden"></a>Socialnämnden')
    assert markdown.index("Den här delen kunde inte läsas") - heading < 200


def test_a_hostile_file_name_stays_text(example_copy: Callable[[str], Path]) -> None:
    repo = example_copy("helsingborg")
    hostile = repo / "organisation" / "<img src=x onerror=alert(1)>.yaml"
    hostile.write_text("kind: organisation\nid: x\nname: <b>X</b>\n  trasig: [\n", "utf-8")
    html = build_report([repo], "html", allow_errors=True)
    # The notice names the part, escaped; its file name is not for a resident.
    assert "<img src=x" not in html and "<b>" not in html and "&lt;b&gt;X" in html
    markdown = build_report([repo], "md", allow_errors=True)
    assert not re.search(r"(?<!\\)<(img|b>)", markdown)  # escaped: shown, never markup
    assert r"\<b" in markdown


def test_what_lint_has_just_checked_is_not_checked_again(
    example_copy: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.lint
    from styr.cache import open_cache
    from styr.followup.status import collect

    cache = open_cache(tmp_path / "entries", user_folder=tmp_path / "user")
    assert cache is not None
    clean, broken = example_copy("huddinge"), _broken(example_copy)
    first = build_report([clean], "md", cache=cache)
    with pytest.raises(ErrorsBlockPublishing):
        build_report([broken], "md", cache=cache)

    def no_second_lint(*args: object, **kwargs: object) -> None:
        raise AssertionError("linted again")

    monkeypatch.setattr(styr.lint, "lint_repository", no_second_lint)
    assert build_report([clean], "md", cache=cache) == first
    with pytest.raises(ErrorsBlockPublishing):  # the cached verdict is the same verdict
        build_report([broken], "md", cache=cache)
    assert collect([clean], None, cache=cache)
