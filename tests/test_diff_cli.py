"""`styr diff` on the command line: which sides it compares, its options and exit codes.

Real git repositories in temporary folders (two municipalities made from the
Helsingborg example), run through the real entry point in this process.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, CliResult
from diff_repos import BOARD, commit_all, isolated_git, run_git, two_municipalities_committed
from helpers import replace_in

from styr.model.repository import MANIFEST

__all__ = ["isolated_git"]  # the fixture, used for every test
pytestmark = pytest.mark.usefixtures("isolated_git")

Run = Callable[..., CliResult]
OLD_TITLE = "Fler hyresgäster ska känna sig trygga i sitt bostadsområde"


@pytest.fixture
def work_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two municipalities committed on main and tagged as last year's budget; the test runs
    in the work tree."""
    top = two_municipalities_committed(tmp_path)
    run_git(top, "tag", "mal-och-budget-2025")
    monkeypatch.chdir(top)
    return top


def reword(top: Path, municipality: str, new: str) -> None:
    replace_in(top / municipality / BOARD, OLD_TITLE, new)


def as_json(result: CliResult) -> dict[str, Any]:
    assert result.code == 0, (result.out, result.err)
    document = json.loads(result.out)
    assert isinstance(document, dict)
    return document


def changed(result: CliResult) -> dict[str, list[str]]:
    """Each changed repository's path and the kinds of its changes."""
    return {
        repository["path"]: [change["kind"] for change in repository["changes"]]
        for repository in as_json(result)["repositories"]
    }


def test_no_revision_compares_where_the_branch_left_main_with_the_working_copy(
    work_tree: Path, run_cli: Run
) -> None:
    run_git(work_tree, "checkout", "-q", "-b", "arbete")
    reword(work_tree, "helsingborg", "Alla hyresgäster ska känna sig trygga")
    commit_all(work_tree, "Nytt mål på grenen")
    run_git(work_tree, "checkout", "-q", "main")
    reword(work_tree, "grannby", "Grannbys hyresgäster ska känna sig trygga")
    commit_all(work_tree, "Main har gått vidare")
    run_git(work_tree, "checkout", "-q", "arbete")
    replace_in(work_tree / "helsingborg" / "styrdokument.yaml", '"2021-12-14"', "2021-12-14")
    document = as_json(run_cli("diff", "-f", "json"))
    # Grannby changed only on main after the branch left it: not this branch's change.
    assert [r["path"] for r in document["repositories"]] == ["helsingborg"]
    assert "reworded" in changed(run_cli("diff", "-f", "json"))["helsingborg"]
    (repository,) = document["repositories"]
    assert [f["code"] for f in repository["findings"]["introduced"]] == ["Y011"]  # uncommitted
    assert document["new"] == "arbetskopian"
    assert "(main)" in document["old"]


def test_one_revision_against_the_working_copy_leaves_it_untouched(
    work_tree: Path, run_cli: Run
) -> None:
    reword(work_tree, "grannby", "Alla hyresgäster ska känna sig trygga")
    status = run_git(work_tree, "status", "--porcelain", "--untracked-files=all")
    assert "reworded" in changed(run_cli("diff", "HEAD", "-f", "json"))["grannby"]
    assert run_git(work_tree, "status", "--porcelain", "--untracked-files=all") == status
    assert OLD_TITLE not in (work_tree / "grannby" / BOARD).read_text(encoding="utf-8")


def test_two_revisions_by_tag_and_commit(work_tree: Path, run_cli: Run) -> None:
    reword(work_tree, "helsingborg", "Alla hyresgäster ska känna sig trygga")
    commit_all(work_tree, "Mål och budget 2026")
    replace_in(work_tree / "grannby" / BOARD, OLD_TITLE, "Ändrat men inte incheckat")
    document = as_json(run_cli("diff", "mal-och-budget-2025", "HEAD", "-f", "json"))
    assert (document["old"], document["new"]) == ("mal-och-budget-2025", "HEAD")
    assert list(changed(run_cli("diff", "mal-och-budget-2025", "HEAD", "-f", "json"))) == [
        "helsingborg"
    ]  # the working copy's edit is in neither revision
    assert document["unchanged"] == 1
    backwards = changed(run_cli("diff", "HEAD", "mal-och-budget-2025", "-f", "json"))
    assert "reworded" in backwards["helsingborg"]


def test_a_path_narrows_to_the_repositories_in_it(work_tree: Path, run_cli: Run) -> None:
    reword(work_tree, "helsingborg", "Alla hyresgäster ska känna sig trygga")
    reword(work_tree, "grannby", "Grannbys hyresgäster ska känna sig trygga")
    assert list(changed(run_cli("diff", "HEAD", "-f", "json"))) == ["grannby", "helsingborg"]
    assert list(changed(run_cli("diff", "HEAD", "grannby", "-f", "json"))) == ["grannby"]
    # A file names the repository it is in, as for styr lint.
    inside = str(Path("helsingborg") / BOARD)
    assert list(changed(run_cli("diff", "HEAD", inside, "-f", "json"))) == ["helsingborg"]


def test_after_a_double_dash_a_branch_named_as_a_folder_is_the_folder(
    work_tree: Path, run_cli: Run
) -> None:
    run_git(work_tree, "branch", "grannby")  # a branch named as the folder
    reword(work_tree, "grannby", "Grannbys hyresgäster ska känna sig trygga")
    reword(work_tree, "helsingborg", "Alla hyresgäster ska känna sig trygga")
    assert list(changed(run_cli("diff", "HEAD", "-f", "json", "--", "grannby"))) == ["grannby"]
    assert list(changed(run_cli("diff", "-f", "json", "--", "grannby"))) == ["grannby"]
    ambiguous = run_cli("diff", "HEAD", "grannby", "--lang", "en")
    assert ambiguous.code == 2
    assert "'grannby' is both a version" in ambiguous.err
    # An option's value may be "--" too (a file so named), and is not the end of the options.
    assert run_cli("diff", "HEAD", "grannby", "-o", "--").code == 2  # still ambiguous
    assert not (work_tree / "--").exists()


def test_a_repository_removed_from_the_working_copy(work_tree: Path, run_cli: Run) -> None:
    shutil.rmtree(work_tree / "grannby")
    assert changed(run_cli("diff", "HEAD", "-f", "json")) == {"grannby": ["repository-removed"]}


def test_nothing_changed_is_an_empty_diff_and_exit_0(work_tree: Path, run_cli: Run) -> None:
    document = as_json(run_cli("diff", "mal-och-budget-2025", "-f", "json"))
    assert (document["repositories"], document["unchanged"]) == ([], 2)


def test_two_folders_need_no_git(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLES / "helsingborg", tmp_path / "2025")
    shutil.copytree(EXAMPLES / "helsingborg", tmp_path / "2026")
    replace_in(tmp_path / "2026" / BOARD, OLD_TITLE, "Alla hyresgäster ska känna sig trygga")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))  # not even git
    document = as_json(run_cli("diff", "--from", "2025", "--to", "2026", "-f", "json"))
    assert (document["old"], document["new"]) == ("2025", "2026")
    (repository,) = document["repositories"]
    assert repository["path"] == "2026"
    assert "reworded" in [change["kind"] for change in repository["changes"]]


def test_outside_git_says_to_compare_folders(
    tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLES / "helsingborg", tmp_path / "kommun")
    monkeypatch.chdir(tmp_path / "kommun")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = run_cli("diff")
    assert result.code == 2
    assert "ligger inte i git" in result.err
    assert "--from" in result.err and "--to" in result.err
    assert "Traceback" not in result.err


def test_an_unknown_revision_is_named(work_tree: Path, run_cli: Run) -> None:
    result = run_cli("diff", "mal-och-budget-2024")
    assert result.code == 2
    assert "'mal-och-budget-2024'" in result.err
    assert result.out == ""


def test_three_revisions_are_too_many(work_tree: Path, run_cli: Run) -> None:
    result = run_cli("diff", "HEAD", "HEAD", "mal-och-budget-2025")
    assert result.code == 2
    assert "'mal-och-budget-2025'" in result.err


def test_fail_on_a_kind_that_occurs_exits_1(work_tree: Path, run_cli: Run) -> None:
    reword(work_tree, "grannby", "Alla hyresgäster ska känna sig trygga")
    failing = run_cli("diff", "HEAD", "-f", "json", "--fail-on", "added,reworded")
    assert failing.code == 1
    assert "reworded" in failing.err and "added" not in failing.err
    assert json.loads(failing.out)["repositories"]  # the diff is shown all the same
    assert run_cli("diff", "HEAD", "-f", "json", "--fail-on", "added").code == 0
    assert run_cli("diff", "HEAD", "-f", "json").code == 0


def test_fail_on_new_errors(work_tree: Path, run_cli: Run) -> None:
    replace_in(
        work_tree / "grannby" / BOARD,
        "    contributes_to: [inriktning-trygghet]\n",
        "    contributes_to: [inriktning-okand]\n",
    )
    assert run_cli("diff", "HEAD", "-f", "json", "--fail-on", "new-errors").code == 1
    commit_all(work_tree, "Ett fel")
    replace_in(
        work_tree / "grannby" / BOARD,
        "    contributes_to: [inriktning-okand]\n",
        "    contributes_to: [inriktning-trygghet]\n",
    )
    assert run_cli("diff", "HEAD", "-f", "json", "--fail-on", "new-errors").code == 0  # fixed


def test_an_unknown_kind_for_fail_on_is_a_usage_error(work_tree: Path, run_cli: Run) -> None:
    result = run_cli("diff", "HEAD", "--fail-on", "sänkt")
    assert result.code == 2
    assert "'sänkt'" in result.err and "ambition-lowered-unexplained" in result.err
    assert result.out == ""


def test_output_to_a_file_is_what_standard_output_shows(work_tree: Path, run_cli: Run) -> None:
    reword(work_tree, "grannby", "Alla hyresgäster ska känna sig trygga")
    shown = run_cli("diff", "HEAD", "-f", "markdown")
    written = run_cli("diff", "HEAD", "-f", "markdown", "-o", "diff.md")
    assert (written.code, written.out) == (0, "")
    assert (work_tree / "diff.md").read_text(encoding="utf-8") == shown.out
    assert shown.out.strip()
    dash = run_cli("diff", "HEAD", "-f", "markdown", "-o", "-")
    assert dash.out == shown.out
    assert "diff.md" in run_git(work_tree, "status", "--porcelain")  # the only new file


@pytest.mark.parametrize("name", ["text", "markdown", "json", "github"])
def test_every_format_renders(work_tree: Path, run_cli: Run, name: str) -> None:
    reword(work_tree, "grannby", "Alla hyresgäster ska känna sig trygga")
    result = run_cli("diff", "HEAD", "-f", name)
    assert (result.code, result.err) == (0, "")
    assert "Grannby" in result.out


def test_an_unknown_format_is_a_usage_error(work_tree: Path, run_cli: Run) -> None:
    result = run_cli("diff", "HEAD", "-f", "html")
    assert result.code == 2
    assert "'html'" in result.err


def test_a_bad_date_is_a_usage_error(work_tree: Path, run_cli: Run) -> None:
    result = run_cli("diff", "HEAD", "--date", "1 december")
    assert result.code == 2
    assert "ÅÅÅÅ-MM-DD" in result.err


def test_english_on_request(work_tree: Path, run_cli: Run) -> None:
    assert as_json(run_cli("diff", "HEAD", "-f", "json", "--lang", "en"))["new"] == (
        "the working copy"
    )
    result = run_cli("diff", "nowhere", "--lang", "en")
    assert result.code == 2
    assert "'nowhere' is neither a version" in result.err


def test_the_manifests_language_when_none_is_asked_for(
    work_tree: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STYR_LANG", raising=False)
    for municipality in ("helsingborg", "grannby"):
        replace_in(work_tree / municipality / MANIFEST, "language: sv", "language: en")
    commit_all(work_tree, "På engelska")
    replace_in(work_tree / "grannby" / "styrdokument.yaml", '"2021-12-14"', "2021-12-14")
    document = as_json(run_cli("diff", "HEAD", "-f", "json"))
    assert document["new"] == "the working copy"
    (repository,) = document["repositories"]
    english = repository["findings"]["introduced"][0]["message"]
    swedish = as_json(run_cli("diff", "HEAD", "-f", "json", "--lang", "sv"))
    assert swedish["new"] == "arbetskopian"
    assert swedish["repositories"][0]["findings"]["introduced"][0]["message"] != english
