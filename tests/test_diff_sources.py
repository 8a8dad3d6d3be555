"""The sides of `styr diff`, the run over them, the findings' delta and --fail-on.

Real git repositories in temporary folders, made from the bundled Helsingborg
example; git never reads the configuration of the person running the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from diff_repos import BOARD, commit_all, isolated_git, run_git, two_municipalities_committed
from helpers import findings_of, replace_in
from platform_marks import needs_symlinks

import styr.diff.git as git
from styr import parallel
from styr.diff import run
from styr.diff.changes import (
    Change,
    ChangeKind,
    DiffResult,
    FindingRecord,
    FindingsDelta,
    RepositoryDiff,
)
from styr.diff.fail_on import (
    KNOWN,
    NEW_ERRORS,
    NEW_WARNINGS,
    UNEXPLAINED,
    occurring,
    parse_fail_on,
)
from styr.diff.revision import RevisionSide, revision_roots, walk_order
from styr.diff.run import diff
from styr.diff.sides import sides_for
from styr.diff.sources import FolderSide, shown_path
from styr.errors import UsageError
from styr.load import limits
from styr.messages import message
from styr.model.repository import MANIFEST, load_repository, repository_names

TODAY = date(2026, 12, 1)
__all__ = ["isolated_git"]  # the fixture, used for every test
pytestmark = pytest.mark.usefixtures("isolated_git")


@pytest.fixture
def work_tree(tmp_path: Path) -> Path:
    """A git work tree with two municipalities (Helsingborg twice), committed on main."""
    return two_municipalities_committed(tmp_path)


def test_revision_roots_are_found_as_lint_searches_folders() -> None:
    manifests = {"a", "b", "b/inner", ".hidden/c", "d/e"}
    assert revision_roots(manifests, "") == ["a", "b", "d/e"]
    assert revision_roots(manifests, "b") == ["b"]
    assert revision_roots(manifests, "b/organisation/x.yaml") == ["b"]  # the one it is in
    assert revision_roots(manifests, "d") == ["d/e"]
    assert revision_roots(manifests, "elsewhere") == []
    assert revision_roots({""}, "organisation") == [""]


def test_a_revision_holds_the_files_lint_reads_in_lints_order(work_tree: Path) -> None:
    commit = run_git(work_tree, "rev-parse", "HEAD").strip()
    (work_tree / "helsingborg" / ".dold.yaml").write_text("kind: vision\n", encoding="utf-8")
    (work_tree / "helsingborg" / "README.txt").write_text("Inte YAML\n", encoding="utf-8")
    commit_all(work_tree, "Filer som lint inte läser")
    revision = RevisionSide("v", work_tree, run_git(work_tree, "rev-parse", "HEAD").strip(), "")
    folder = FolderSide("arbetskopian", work_tree, work_tree)
    root = work_tree / "helsingborg"
    assert list(revision.repositories["helsingborg"].blobs) == [MANIFEST, *repository_names(root)]
    assert revision.repositories["helsingborg"].same_as(folder.repositories["helsingborg"])
    assert sorted(revision.repositories) == ["grannby", "helsingborg"]
    assert commit != revision.commit


def test_one_municipality_of_many_is_listed_alone(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (work_tree / "pyproject.toml").write_text("[tool.styr]\n", encoding="utf-8")
    commit_all(work_tree, "Inställningar")
    listed: list[str] = []
    real_listing = git.tree_files

    def recorded(*arguments: object, **options: object) -> list[git.TreeFile]:
        files = real_listing(*arguments, **options)  # type: ignore[arg-type]
        listed.extend(file.path for file in files)
        return files

    monkeypatch.setattr("styr.diff.revision.tree_files", recorded)
    side = RevisionSide("v", work_tree, "HEAD", "grannby")
    assert list(side.repositories) == ["grannby"]
    assert not [path for path in listed if path.startswith("helsingborg/")]
    assert side.repositories["grannby"].settings.keys() == {"pyproject.toml"}
    whole = RevisionSide("v", work_tree, "HEAD", "")
    assert whole.repositories["grannby"] == side.repositories["grannby"]


def test_a_folder_inside_a_repository_at_the_top(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "helsingborg", tmp_path / "kommun")
    run_git(tmp_path / "kommun", "init", "-q", "-b", "main")
    commit_all(tmp_path / "kommun", "Allt")
    side = RevisionSide("v", tmp_path / "kommun", "HEAD", "organisation")
    root = tmp_path / "kommun"
    assert list(side.repositories) == ["."]
    assert list(side.repositories["."].blobs) == [MANIFEST, *repository_names(root)]


def test_walk_order_puts_a_folders_files_before_its_folders() -> None:
    names = ["organisation/b.yaml", "z.yaml", "a/x.yaml", "a.yaml"]
    assert sorted(names, key=walk_order) == ["a.yaml", "z.yaml", "a/x.yaml", "organisation/b.yaml"]


def test_blob_ids_of_working_tree_bytes_are_gits(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    for data in (b"", b"kind: vision\n", "å\0\xff".encode("utf-8", "surrogateescape")):
        file.write_bytes(data)
        expected = subprocess.run(
            ["git", "hash-object", "--no-filters", str(file)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert git.blob_id(data) == expected


def test_a_sha256_repository_compares_the_working_copy_by_its_own_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = tmp_path / "styrning"
    shutil.copytree(EXAMPLES / "helsingborg", top / "helsingborg")
    shutil.copytree(EXAMPLES / "huddinge", top / "huddinge")
    run_git(top, "init", "-q", "-b", "main", "--object-format=sha256")
    commit_all(top, "Mål och budget 2025")
    replace_in(top / "huddinge" / MANIFEST, "language: sv", "language: sv  # svenska")
    monkeypatch.chdir(top)
    result = diff(*sides_for(["HEAD"], None, None), today=TODAY, language="sv")
    assert (result.unchanged, [r.path for r in result.repositories]) == (1, ["huddinge"])


def test_many_blobs_are_read_by_one_git_process(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (work_tree / "tom.txt").write_bytes(b"")
    (work_tree / "binar.bin").write_bytes(b"\0\n\n\xff")
    commit_all(work_tree, "Två filer till")
    files = git.tree_files(work_tree, "HEAD")
    calls: list[list[str]] = []
    real_run = git._run

    def counted(arguments: list[str], cwd: Path, **options: object) -> object:
        calls.append(arguments)
        return real_run(arguments, cwd, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(git, "_run", counted)
    contents = git.read_blobs(work_tree, [file.blob for file in files])
    assert len(calls) == 1
    for file in files:
        assert contents[file.blob] == (work_tree / file.path).read_bytes()


@needs_symlinks
def test_a_link_committed_is_refused_as_lint_refuses_it_on_disk(
    work_tree: Path, tmp_path: Path
) -> None:
    """The revision changed, and its lint says Y001 as lint on the work tree does."""
    secret = tmp_path / "hemligt.yaml"
    secret.write_text("vision: hemlig text\n", encoding="utf-8")
    link = work_tree / "helsingborg" / "organisation" / "lank.yaml"
    link.symlink_to(secret)
    commit_all(work_tree, "En länk")
    found = findings_of(work_tree / "helsingborg")
    # Besides the example's notes on its illustrative Kolada values (F006, F007).
    on_disk = [(f.code, f.line, f.column) for f in found if f.code not in ("F006", "F007")]
    assert [code for code, _line, _column in on_disk] == ["Y001"]
    old, new = sides_for(["HEAD~1", "HEAD", str(work_tree / "helsingborg")], None, None)
    (repository,) = diff(old, new, today=TODAY, language="sv").repositories
    (introduced,) = repository.findings.introduced
    assert (introduced.code, introduced.line, introduced.column) == on_disk[0]
    assert introduced.file == "organisation/lank.yaml"
    assert "hemlig" not in introduced.message
    assert occurring(diff(old, new, today=TODAY, language="sv"), frozenset({NEW_ERRORS}))


def test_the_working_tree_is_never_touched(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_in(work_tree / "helsingborg" / BOARD, "Fler hyresgäster", "Alla hyresgäster")
    (work_tree / "ny.txt").write_text("ny\n", encoding="utf-8")
    before = run_git(work_tree, "status", "--porcelain", "--untracked-files=all")
    index_before = (work_tree / ".git" / "index").read_bytes()
    monkeypatch.chdir(work_tree)
    old, new = sides_for(["HEAD"], None, None)
    result = diff(old, new, today=TODAY, language="sv")
    assert [r.path for r in result.repositories] == ["helsingborg"]
    assert run_git(work_tree, "status", "--porcelain", "--untracked-files=all") == before
    assert (work_tree / ".git" / "index").read_bytes() == index_before


def test_unchanged_repositories_are_counted_and_not_loaded(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run_git(work_tree, "rev-parse", "HEAD").strip()
    replace_in(work_tree / "grannby" / BOARD, "Fler hyresgäster", "Alla hyresgäster")
    second = commit_all(work_tree, "Ett mål omformulerat")
    loaded: list[str] = []
    real_load = load_repository

    def counted(root: Path, contents: object = None) -> object:
        loaded.append(root.name)
        return real_load(root, contents)  # type: ignore[arg-type]

    monkeypatch.setattr("styr.diff.run.load_repository", counted)
    monkeypatch.chdir(work_tree)
    result = diff(*sides_for([first, second], None, None), today=TODAY, language="sv")
    assert loaded == ["grannby", "grannby"]
    assert result.unchanged == 1
    assert [r.name for r in result.repositories] == ["Grannby"]
    assert any(c.kind is ChangeKind.REWORDED for c in result.repositories[0].changes)


def test_a_changed_repository_is_read_by_one_git_process_per_revision(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run_git(work_tree, "rev-parse", "HEAD").strip()
    replace_in(work_tree / "grannby" / BOARD, "Fler hyresgäster", "Alla hyresgäster")
    second = commit_all(work_tree, "Ett mål omformulerat")
    calls: list[int] = []
    real_read = git.read_blobs

    def counted(top: Path, blobs: list[str]) -> dict[str, bytes]:
        calls.append(len(blobs))
        return real_read(top, blobs)

    monkeypatch.setattr("styr.diff.revision.read_blobs", counted)
    monkeypatch.chdir(work_tree)
    result = diff(*sides_for([first, second], None, None), today=TODAY, language="sv")
    assert len(calls) == 2  # the manifest, the YAML files and the logo of each side at once
    assert result.repositories[0].findings == FindingsDelta()  # the logo was there


def test_the_runs_own_folder_is_removed_on_every_path(
    work_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run_git(work_tree, "rev-parse", "HEAD").strip()
    replace_in(work_tree / "grannby" / BOARD, "Fler hyresgäster", "Alla hyresgäster")
    second = commit_all(work_tree, "Ett mål omformulerat")
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.chdir(work_tree)
    diff(*sides_for([first, second], None, None), today=TODAY, language="sv")
    assert list(temporary.iterdir()) == []

    def broken(old: object, new: object, language: str) -> list[Change]:
        assert list(temporary.iterdir())  # the revisions' files were there while comparing
        raise KeyboardInterrupt

    monkeypatch.setattr("styr.diff.run.compare", broken)
    with pytest.raises(KeyboardInterrupt):
        diff(*sides_for([first, second], None, None), today=TODAY, language="sv")
    assert list(temporary.iterdir()) == []


def test_a_revision_is_judged_with_its_own_logo(work_tree: Path) -> None:
    """Lint reads the logo from disk: a revision's comes from the revision, so an edit
    elsewhere fixes no logo finding that the working tree never had."""
    replace_in(work_tree / "helsingborg" / BOARD, "Fler hyresgäster", "Alla hyresgäster")
    (work_tree / "helsingborg" / "bilder" / "exempellogotyp.svg").unlink()  # uncommitted
    old, new = sides_for(["HEAD", str(work_tree / "helsingborg")], None, None)
    result = diff(old, new, today=TODAY, language="sv")
    (repository,) = result.repositories
    assert [r.code for r in repository.findings.introduced] == ["M002"]
    assert repository.findings.fixed == []


def test_a_revision_is_judged_with_its_own_pyproject(work_tree: Path) -> None:
    replace_in(work_tree / "helsingborg" / "styrdokument.yaml", '"2021-12-14"', "2021-12-14")
    (work_tree / "pyproject.toml").write_text('[tool.styr]\nignore = ["Y011"]\n', encoding="utf-8")
    commit_all(work_tree, "Datum utan citattecken, regeln avstängd")
    (work_tree / "pyproject.toml").unlink()  # the YAML files are the same on both sides
    old, new = sides_for(["HEAD", str(work_tree / "helsingborg")], None, None)
    (repository,) = diff(old, new, today=TODAY, language="sv").repositories
    assert [r.code for r in repository.findings.introduced] == ["Y011"]


def test_a_file_too_large_in_a_revision_is_refused_unread(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    large = work_tree / "grannby" / "stor.yaml"
    large.write_bytes(b"kind: vision\n" + b"#" * (limits.MAX_FILE_BYTES + 1) + b"\n")
    commit_all(work_tree, "En för stor fil")
    asked: list[str] = []
    real_read = git.read_blobs

    def counted(top: Path, blobs: list[str]) -> dict[str, bytes]:
        asked.extend(blobs)
        return real_read(top, blobs)

    monkeypatch.setattr("styr.diff.revision.read_blobs", counted)
    old, new = sides_for(["HEAD~1", "HEAD", str(work_tree / "grannby")], None, None)
    (repository,) = diff(old, new, today=TODAY, language="en").repositories
    (introduced,) = repository.findings.introduced
    assert (introduced.code, introduced.file) == ("Y001", "stor.yaml")
    assert str(large.stat().st_size) in introduced.message  # said of its size, as on disk
    assert new.repositories["grannby"].blobs["stor.yaml"] not in asked


def test_findings_introduced_and_fixed(tmp_path: Path) -> None:
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    shutil.copytree(EXAMPLES / "helsingborg", old_folder)
    shutil.copytree(EXAMPLES / "helsingborg", new_folder)
    replace_in(
        old_folder / BOARD,
        "    contributes_to: [inriktning-trygghet]\n",
        "    contributes_to: [inriktning-okand]\n",
    )
    replace_in(new_folder / "styrdokument.yaml", '"2021-12-14"', "2021-12-14")
    # Lines moved above a finding do not make it another finding.
    text = (old_folder / BOARD).read_text(encoding="utf-8")
    (old_folder / BOARD).write_text("# Ett tillägg\n# och ett till\n" + text, encoding="utf-8")
    (repository,) = diff(
        *sides_for([], old_folder, new_folder), today=TODAY, language="sv"
    ).repositories
    (introduced,) = repository.findings.introduced
    (fixed,) = repository.findings.fixed
    assert (introduced.code, introduced.severity, introduced.file) == (
        "Y011",
        "warning",
        "styrdokument.yaml",
    )
    # Where the date stands in the example: the line that first writes it, after its key.
    lines = (EXAMPLES / "helsingborg" / "styrdokument.yaml").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if '"2021-12-14"' in text)
    assert (introduced.line, introduced.column) == (line, lines[line - 1].index('"2021') + 1)
    assert "2021-12-14" in introduced.message
    assert (fixed.code, fixed.severity, fixed.file, fixed.line) == ("C001", "error", BOARD, 42)
    assert "inriktning-okand" in fixed.message
    # What is fixed (or removed) is in the old folder: the repository knows both.
    assert (repository.path, repository.old_path) == (
        shown_path(new_folder),
        shown_path(old_folder),
    )


def test_a_finding_that_only_moved_is_neither_introduced_nor_fixed(tmp_path: Path) -> None:
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    shutil.copytree(EXAMPLES / "helsingborg", old_folder)
    replace_in(old_folder / "styrdokument.yaml", '"2021-12-14"', "2021-12-14")
    shutil.copytree(old_folder, new_folder)
    text = (new_folder / "styrdokument.yaml").read_text(encoding="utf-8")
    (new_folder / "styrdokument.yaml").write_text("# Ny rad\n" + text, encoding="utf-8")
    (repository,) = diff(
        *sides_for([], old_folder, new_folder), today=TODAY, language="sv"
    ).repositories
    assert repository.findings == FindingsDelta()


def test_a_goal_added_above_a_finding_leaves_it_the_same_finding(tmp_path: Path) -> None:
    """A schema finding writes its place (goals[0].horizon.end) into its message."""
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    shutil.copytree(EXAMPLES / "helsingborg", old_folder)
    board = old_folder / "organisation" / "kulturnamnden.yaml"
    replace_in(board, "end: 2026}", 'end: "2026 eller 2027"}')
    assert "S002" in [finding.code for finding in findings_of(old_folder)]
    shutil.copytree(old_folder, new_folder)
    added = (
        "goals:\n  - id: kn-nytt\n    title: Fler ska uppleva kulturlivet som tillgängligt\n"
        "    target_group: besökare\n    horizon: {start: 2023, end: 2026}\n"
        "    contributes_to: [inriktning-livskvalitet]\n"
    )
    replace_in(new_folder / "organisation" / "kulturnamnden.yaml", "goals:\n", added)
    (repository,) = diff(
        *sides_for([], old_folder, new_folder), today=TODAY, language="sv"
    ).repositories
    assert [r.code for r in repository.findings.introduced] == ["G003"]  # the new goal's own
    assert repository.findings.fixed == []


def _sfn_goal(number: int) -> str:
    return (
        f"  - id: sfn-extra-{number}\n    title: Fler unga ska delta i fritid nummer {number}\n"
        "    target_group: unga\n    horizon: {start: 2023, end: 2026}\n"
        "    contributes_to: [inriktning-trygghet]\n"
    )


def test_a_finding_whose_parameters_changed_is_the_same_finding(tmp_path: Path) -> None:
    """A board going from 4 to 5 goals keeps its G001: it is neither new nor fixed."""
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    shutil.copytree(EXAMPLES / "helsingborg", old_folder)
    shutil.copytree(EXAMPLES / "helsingborg", new_folder)
    sfn = Path("organisation") / "skol-och-fritidsnamnden.yaml"
    replace_in(old_folder / sfn, "goals:\n", "goals:\n" + _sfn_goal(1))
    replace_in(new_folder / sfn, "goals:\n", "goals:\n" + _sfn_goal(1) + _sfn_goal(2))
    assert "G001" in [finding.code for finding in findings_of(old_folder)]
    (repository,) = diff(
        *sides_for([], old_folder, new_folder), today=TODAY, language="sv"
    ).repositories
    codes = [r.code for r in repository.findings.introduced + repository.findings.fixed]
    assert "G001" not in codes
    assert repository.findings.fixed == []


def test_a_file_renamed_leaves_its_elements_findings_the_same(tmp_path: Path) -> None:
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    shutil.copytree(EXAMPLES / "helsingborg", old_folder)
    sfn = old_folder / "organisation" / "skol-och-fritidsnamnden.yaml"
    replace_in(sfn, "goals:\n", "goals:\n" + _sfn_goal(1))
    shutil.copytree(old_folder, new_folder)
    organisation = new_folder / "organisation"
    (organisation / "skol-och-fritidsnamnden.yaml").rename(organisation / "sfn.yaml")
    assert findings_of(old_folder)
    (repository,) = diff(
        *sides_for([], old_folder, new_folder), today=TODAY, language="sv"
    ).repositories
    assert repository.changes == []
    assert repository.findings == FindingsDelta()


def test_finding_messages_are_in_the_runs_language(tmp_path: Path) -> None:
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    shutil.copytree(EXAMPLES / "helsingborg", old_folder)
    shutil.copytree(EXAMPLES / "helsingborg", new_folder)
    replace_in(new_folder / "styrdokument.yaml", '"2021-12-14"', "2021-12-14")
    sides = sides_for([], old_folder, new_folder)
    (repository,) = diff(*sides, today=TODAY, language="en").repositories
    english = repository.findings.introduced[0].message
    sides = sides_for([], old_folder, new_folder)
    (repository,) = diff(*sides, today=TODAY, language="sv").repositories
    assert repository.findings.introduced[0].message != english


def test_a_broken_manifest_on_the_new_side_keeps_the_old_sides_name(tmp_path: Path) -> None:
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    shutil.copytree(EXAMPLES / "helsingborg", old_folder)
    shutil.copytree(EXAMPLES / "helsingborg", new_folder)
    (new_folder / MANIFEST).write_text("municipality: [\n", encoding="utf-8")
    (repository,) = diff(
        *sides_for([], old_folder, new_folder), today=TODAY, language="sv"
    ).repositories
    assert (repository.name, repository.code) == ("Helsingborgs stad", "1283")


def test_a_municipalitys_folder_moved_is_paired_by_its_code(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git mv grannby kommuner/grannby: the same municipality, compared element by element."""
    replace_in(work_tree / "grannby" / MANIFEST, 'code: "1283"', 'code: "9999"')
    commit_all(work_tree, "Grannby har en egen kod")
    (work_tree / "kommuner").mkdir()
    run_git(work_tree, "mv", "grannby", "kommuner/grannby")
    replace_in(work_tree / "kommuner" / "grannby" / BOARD, "Fler hyresgäster", "Alla hyresgäster")
    commit_all(work_tree, "Kommunerna i en mapp")
    monkeypatch.chdir(work_tree)
    result = diff(*sides_for(["HEAD~1", "HEAD"], None, None), today=TODAY, language="sv")
    (repository,) = result.repositories
    assert repository.path == "kommuner/grannby"
    assert repository.old_path == "grannby"
    assert [c.kind for c in repository.changes] == [ChangeKind.REWORDED]
    assert repository.findings == FindingsDelta()


def test_repositories_added_and_removed(tmp_path: Path) -> None:
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    shutil.copytree(EXAMPLES / "helsingborg", old_folder / "helsingborg")
    shutil.copytree(EXAMPLES / "huddinge", old_folder / "huddinge")
    shutil.copytree(EXAMPLES / "huddinge", new_folder / "huddinge")
    shutil.copytree(EXAMPLES / "helsingborg", new_folder / "nyby")
    replace_in(new_folder / "nyby" / MANIFEST, "name: Helsingborgs stad", "name: Nyby")
    # A municipality of its own: with Helsingborg's code it would be Helsingborg moved.
    replace_in(new_folder / "nyby" / MANIFEST, 'code: "1283"', 'code: "9999"')
    result = diff(*sides_for([], old_folder, new_folder), today=TODAY, language="sv")
    assert result.unchanged == 1
    kinds = {r.name: [c.kind for c in r.changes] for r in result.repositories}
    assert kinds == {
        "Helsingborgs stad": [ChangeKind.REPOSITORY_REMOVED],
        "Nyby": [ChangeKind.REPOSITORY_ADDED],
    }
    # At the manifest's top, a place an annotation can point at.
    places = {(c.file, c.line, c.column) for r in result.repositories for c in r.changes}
    assert places == {(MANIFEST, 1, 1)}
    paths = {r.name: r.path for r in result.repositories}
    assert paths["Nyby"].endswith("ny/nyby")
    assert paths["Helsingborgs stad"].endswith("gammal/helsingborg")


def test_many_changed_repositories_are_compared_in_worker_processes_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    for name in ("a", "b", "c"):
        shutil.copytree(EXAMPLES / "helsingborg", old_folder / name)
        shutil.copytree(EXAMPLES / "helsingborg", new_folder / name)
        replace_in(new_folder / name / BOARD, "Fler hyresgäster", f"Hyresgäster i {name}")
    replace_in(new_folder / "b" / "styrdokument.yaml", '"2021-12-14"', "2021-12-14")
    serial = diff(*sides_for([], old_folder, new_folder), today=TODAY, language="sv")
    handed_out: list[int] = []
    real = parallel.map_in_processes

    def recorded(function: Any, arguments: Any, jobs: int) -> Any:
        handed_out.append(len(arguments))
        return real(function, arguments, jobs)

    monkeypatch.setattr(run, "PARALLEL_FROM", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "map_in_processes", recorded)
    in_workers = diff(*sides_for([], old_folder, new_folder), today=TODAY, language="sv")
    assert handed_out == [3]
    assert in_workers == serial
    assert [len(r.findings.introduced) for r in in_workers.repositories] == [0, 1, 0]


def test_organisation_names_come_from_both_sides_the_new_one_winning(tmp_path: Path) -> None:
    old_folder, new_folder = tmp_path / "gammal", tmp_path / "ny"
    shutil.copytree(EXAMPLES / "helsingborg", old_folder)
    shutil.copytree(EXAMPLES / "helsingborg", new_folder)
    replace_in(new_folder / BOARD, "name: AB Helsingborgshem", "name: Helsingborgshem AB")
    (repository,) = diff(
        *sides_for([], old_folder, new_folder), today=TODAY, language="sv"
    ).repositories
    assert repository.organisation_names["ab-helsingborgshem"] == "Helsingborgshem AB"
    assert repository.organisation_names["kommunstyrelsen"] == "Kommunstyrelsen"


def test_the_same_folder_on_both_sides_is_an_empty_diff(tmp_path: Path) -> None:
    folder = tmp_path / "kommun"
    shutil.copytree(EXAMPLES / "helsingborg", folder)
    result = diff(*sides_for([], folder, folder), today=TODAY, language="sv")
    assert result.empty
    assert (result.repositories, result.unchanged) == ([], 1)


@pytest.mark.parametrize(
    ("positionals", "old", "new", "key"),
    [
        ([], Path("a"), None, "diff-from-to-together"),
        ([], None, Path("a"), "diff-from-to-together"),
        (["HEAD"], Path("a"), Path("a"), "diff-from-to-alone"),
    ],
)
def test_from_and_to_go_together_and_alone(
    positionals: list[str], old: Path | None, new: Path | None, key: str
) -> None:
    with pytest.raises(UsageError) as raised:
        sides_for(positionals, old, new)
    assert raised.value.key == key


def test_from_and_to_must_be_folders(tmp_path: Path) -> None:
    (tmp_path / "fil.yaml").write_text("kind: vision\n", encoding="utf-8")
    with pytest.raises(UsageError) as raised:
        sides_for([], tmp_path / "fil.yaml", tmp_path)
    assert raised.value.key == "diff-not-a-folder"


def test_folders_without_any_repository_are_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(UsageError) as raised:
        sides_for([], tmp_path / "a", tmp_path / "b")
    assert raised.value.key == "diff-no-repository"


def test_no_main_branch_is_a_usage_error(work_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_git(work_tree, "branch", "-m", "main", "trunk")
    monkeypatch.chdir(work_tree)
    with pytest.raises(UsageError) as raised:
        sides_for([], None, None)
    assert raised.value.key == "diff-no-main-branch"


def test_the_remotes_default_branch_is_the_base_without_main_or_master(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = run_git(work_tree, "rev-parse", "HEAD").strip()
    run_git(work_tree, "branch", "-m", "main", "trunk")
    run_git(work_tree, "update-ref", "refs/remotes/origin/trunk", base)
    run_git(work_tree, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk")
    run_git(work_tree, "checkout", "-q", "-b", "arbete")
    replace_in(work_tree / "grannby" / BOARD, "Fler hyresgäster", "Alla hyresgäster")
    commit_all(work_tree, "Arbete")
    monkeypatch.chdir(work_tree)
    old, _new = sides_for([], None, None)
    assert isinstance(old, RevisionSide)
    assert old.commit == base
    assert "origin/trunk" in old.label


def test_git_missing_is_a_usage_error(work_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(work_tree / "no-programs-here"))
    monkeypatch.chdir(work_tree)
    with pytest.raises(UsageError) as raised:
        sides_for([], None, None)
    assert raised.value.key == "diff-not-in-git"  # no git: there are no revisions
    with pytest.raises(UsageError) as raised:
        git.tree_files(work_tree, "HEAD")
    assert raised.value.key == "diff-git-missing"


def test_a_version_named_outside_git_says_it_is_not_in_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError) as raised:
        sides_for(["HEAD"], None, None)
    assert raised.value.key == "diff-not-in-git"


def test_a_name_after_the_path_is_one_too_many(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_in(work_tree / "grannby" / BOARD, "Fler hyresgäster", "Alla hyresgäster")
    commit_all(work_tree, "Arbete")
    monkeypatch.chdir(work_tree)
    with pytest.raises(UsageError) as raised:
        sides_for(["HEAD", "HEAD~1", ".", "extra"], None, None)
    assert (raised.value.key, raised.value.params["name"]) == ("diff-too-many", "extra")


def test_a_folder_outside_the_current_one_is_shown_as_a_relative_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert shown_path(Path("../a")) == "../a"
    assert shown_path(tmp_path / "a" / "helsingborg") == "../a/helsingborg"
    assert shown_path(Path(".")) == "."


def test_in_a_shallow_clone_an_unknown_version_says_to_fetch_the_history(
    work_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_in(work_tree / "grannby" / BOARD, "Fler hyresgäster", "Alla hyresgäster")
    commit_all(work_tree, "Arbete")
    run_git(work_tree, "tag", "mal-och-budget-2025", "HEAD~1")
    shallow = tmp_path / "grund"
    run_git(tmp_path, "clone", "-q", "--depth", "1", "--no-tags", work_tree.as_uri(), str(shallow))
    monkeypatch.chdir(shallow)
    with pytest.raises(UsageError) as raised:
        sides_for(["mal-och-budget-2025"], None, None)
    assert raised.value.key == "diff-shallow-unknown-revision"
    # A branch cloned one commit deep, and main fetched one commit deep: no common history.
    run_git(work_tree, "checkout", "-q", "-b", "arbete")
    replace_in(work_tree / "grannby" / BOARD, "Alla hyresgäster", "Många hyresgäster")
    commit_all(work_tree, "Mer arbete")
    branch = tmp_path / "gren"
    run_git(
        tmp_path, "clone", "-q", "--depth", "1", "-b", "arbete", work_tree.as_uri(), str(branch)
    )
    run_git(branch, "fetch", "-q", "--depth", "1", "origin", "main:main")
    monkeypatch.chdir(branch)
    with pytest.raises(UsageError) as raised:
        sides_for([], None, None)
    assert raised.value.key == "diff-shallow-no-base"


def test_git_not_answering_in_time_is_a_usage_error(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def too_slow(*arguments: object, **options: object) -> object:
        raise subprocess.TimeoutExpired("git", 30)

    monkeypatch.setattr(subprocess, "run", too_slow)
    with pytest.raises(UsageError) as raised:
        git.tree_files(work_tree, "HEAD")
    assert raised.value.key == "diff-git-timeout"


def test_a_work_tree_git_will_not_read_says_how_to_allow_it(
    work_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusal = (
        b"fatal: detected dubious ownership in repository at '/builds/kommun'\n"
        b"To add an exception for this directory, call: ...\n"
    )

    def refused(arguments: list[str], cwd: Path, **options: object) -> object:
        return subprocess.CompletedProcess(["git", *arguments], 128, b"", refusal)

    monkeypatch.setattr(git, "_run", refused)
    with pytest.raises(UsageError) as raised:
        git.work_tree_top(work_tree)
    assert raised.value.key == "diff-git-unsafe"
    assert message("diff-git-unsafe", "sv", **raised.value.params).startswith(
        f"git vill inte läsa {work_tree}"
    )


def test_an_option_is_never_taken_for_a_revision(work_tree: Path) -> None:
    assert git.resolve_commit(work_tree, "--all") is None
    assert git.resolve_commit(work_tree, "HEAD") is not None


def _result(*changes: Change, introduced: tuple[str, ...] = ()) -> DiffResult:
    records = [FindingRecord("C001", severity, "x.yaml", 1, 1, "m") for severity in introduced]
    repository = RepositoryDiff(
        "Testby", "0999", ".", list(changes), FindingsDelta(introduced=records)
    )
    return DiffResult("a", "b", [repository])


def _lowered(explained: bool) -> Change:
    return Change(
        ChangeKind.AMBITION_LOWERED,
        "indicator",
        "ind-1",
        "Andel",
        "organisation/x.yaml",
        params={"year": 2026, "old": 80, "new": 70, "better": "higher", "explained": explained},
    )


def test_fail_on_names_kinds_and_the_two_pseudo_kinds() -> None:
    assert parse_fail_on(None) == frozenset()
    assert parse_fail_on("added, ambition-lowered-unexplained,,new-errors") == {
        "added",
        UNEXPLAINED,
        NEW_ERRORS,
    }
    assert {kind.value for kind in ChangeKind} < set(KNOWN)


def test_an_unknown_kind_for_fail_on_lists_the_known_ones() -> None:
    with pytest.raises(UsageError) as raised:
        parse_fail_on("added,lowered")
    assert raised.value.key == "diff-unknown-kind"
    assert raised.value.params["name"] == "lowered"
    assert "ambition-lowered-unexplained" in raised.value.params["known"]


def test_which_named_kinds_occur() -> None:
    every = frozenset(KNOWN)
    assert occurring(_result(_lowered(explained=True)), every) == ["ambition-lowered"]
    assert occurring(_result(_lowered(explained=False)), every) == [
        "ambition-lowered",
        UNEXPLAINED,
    ]
    assert occurring(_result(_lowered(False)), frozenset({"added"})) == []
    assert occurring(_result(introduced=("info",)), every) == []
    assert occurring(_result(introduced=("warning",)), every) == [NEW_WARNINGS]
    # A new error is also a new warning's worth: at or above the level named.
    assert occurring(_result(introduced=("error",)), every) == [NEW_ERRORS, NEW_WARNINGS]


def test_fail_on_names_are_read_in_any_case() -> None:
    assert parse_fail_on("New-Errors, AMBITION-LOWERED,new-warnings") == {
        NEW_ERRORS,
        "ambition-lowered",
        NEW_WARNINGS,
    }
