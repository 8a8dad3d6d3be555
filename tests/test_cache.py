"""The lint cache: same answers as a fresh run, and nothing anyone else wrote can change them."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import CliResult
from filled import init_filled as init_repository  # placeholders written: lints clean
from helpers import replace_in

import styr.cache_index
import styr.lint
from styr.cache import ENTRIES_FOLDER, SECRET_FILE, LintCache, open_cache, partial_suffix
from styr.cache_context import code_digest
from styr.cli import main
from styr.lint import lint_paths, to_cache_entry
from styr.model.repository import read_repository_files
from styr.rules.catalogue import BY_CODE

TODAY = date(2026, 6, 1)
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="POSIX ownership and modes")


@pytest.fixture
def repos(tmp_path: Path) -> Path:
    for number in range(3):
        init_repository(tmp_path / "alla" / f"k{number}", "blank", f"K{number}", f"000{number}")
    replace_in(tmp_path / "alla" / "k1" / "styr.yaml", 'code: "0001"', "code: 0001")
    return tmp_path / "alla"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A repository with an error (C001: a reference to something that is not there)."""
    root = tmp_path / "trasig"
    init_repository(root, "blank", "Trasig", "0998")
    replace_in(root / "program.yaml", "[vision]", "[visionen]")
    return root


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    init_repository(tmp_path / "blank", "blank", "Blank", "0997")
    return tmp_path / "blank"


def _cache(tmp_path: Path) -> LintCache:
    cache = open_cache(tmp_path / "cache")
    assert cache is not None
    return cache


def _key(cache: LintCache, root: Path) -> str:
    return cache.key(root, read_repository_files(root), TODAY)


def _summary(result: object) -> list[tuple[str, str, int, int]]:
    return [
        (f.code, f.file.as_posix() if f.file else "", f.line, f.column)
        for f in result.findings  # type: ignore[attr-defined]
    ]


def _lint(run_cli: Callable[..., CliResult], root: Path, *options: str | Path) -> CliResult:
    return run_cli("lint", root, "--today", TODAY.isoformat(), "--format", "json", *options)


def test_a_warm_run_gives_the_same_findings(repos: Path, tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    cold = lint_paths([repos], today=TODAY, cache=cache)
    warm = lint_paths([repos], today=TODAY, cache=cache)
    assert _summary(warm) == _summary(cold) != []
    assert [r.repository.municipality_code for r in warm.results] == ["0000", "0001", "0002"]
    assert warm.files_checked == cold.files_checked
    assert warm.failed() == cold.failed()


def test_entries_are_used_and_a_changed_file_relints_its_repository(
    repos: Path, tmp_path: Path
) -> None:
    cache = _cache(tmp_path)
    first = lint_paths([repos], today=TODAY, cache=cache)
    assert len(list(cache.folder.glob("*.json"))) == 3
    for result in first.results:  # sign a fake finding into every entry: a hit now shows it
        entry = to_cache_entry(result)
        entry["findings"] = [
            {
                "code": "C001",
                "severity": "error",
                "file": "vision.yaml",
                "line": 9,
                "column": 9,
                "path": [],
                "params": {"target": "x", "suggestion": "", "suggestion_en": ""},
            }
        ]
        cache.store(_key(cache, result.repository.root), entry)
    replace_in(repos / "k2" / "vision.yaml", "Vision för K2", "Visionen")
    codes = {
        r.repository.root.name: [f.code for f in r.findings]
        for r in lint_paths([repos], today=TODAY, cache=cache).results
    }
    assert codes == {"k0": ["C001"], "k1": ["C001"], "k2": []}


def test_the_date_is_part_of_the_key(repos: Path, tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    lint_paths([repos], today=TODAY, cache=cache)
    lint_paths([repos], today=date(2027, 1, 1), cache=cache)
    assert len(list(cache.folder.glob("*.json"))) == 6


def test_a_corrupt_entry_is_ignored(repos: Path, tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    cold = lint_paths([repos], today=TODAY, cache=cache)
    for entry in cache.folder.glob("*.json"):
        entry.write_text("{ inte json", encoding="utf-8")
    assert _summary(lint_paths([repos], today=TODAY, cache=cache)) == _summary(cold)


def test_the_cache_folder_ignores_itself_in_git(repos: Path, tmp_path: Path) -> None:
    lint_paths([repos], today=TODAY, cache=_cache(tmp_path))
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


# --- Nothing planted can change a verdict -------------------------------------------------


def test_a_planted_entry_gives_the_uncached_verdict(
    broken: Path, tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    # The reproducer of the report: an empty finding list written under the public key.
    folder = tmp_path / "cache"
    key = _key(_cache(tmp_path), broken)
    (folder / f"{key}.json").write_text('{"format":1,"findings":[]}', encoding="utf-8")
    cached = _lint(run_cli, broken, "--cache-dir", folder)
    uncached = _lint(run_cli, broken, "--no-cache")
    assert (cached.code, cached.out) == (uncached.code, uncached.out)
    assert uncached.code == 1


def test_an_entry_signed_by_another_user_is_not_trusted(
    broken: Path, blank: Path, tmp_path: Path
) -> None:
    cache = _cache(tmp_path)
    uncached = lint_paths([broken], today=TODAY)
    clean = to_cache_entry(lint_paths([blank], today=TODAY).results[0])
    stranger = LintCache(cache.folder, b"s" * 32)  # the same folder, someone else's secret
    stranger.store(_key(cache, broken), clean)
    cached = lint_paths([broken], today=TODAY, cache=cache)
    assert _summary(cached) == _summary(uncached) != []


def test_an_entry_moved_to_another_key_is_not_trusted(
    broken: Path, blank: Path, tmp_path: Path
) -> None:
    cache = _cache(tmp_path)
    lint_paths([blank], today=TODAY, cache=cache)  # a genuine entry, for a clean repository
    genuine = cache.folder / f"{_key(cache, blank)}.json"
    genuine.replace(cache.folder / f"{_key(cache, broken)}.json")
    assert _summary(lint_paths([broken], today=TODAY, cache=cache)) == _summary(
        lint_paths([broken], today=TODAY)
    )


# Wrong values for each part of an entry (never one that is a valid value there).
WRONG_ENTRY_VALUES: dict[str, list[Any]] = {
    "files": [None, "x", [1], [None], [""], {}],
    "suppressed": [None, "1", 1.5, True, -1],
    "withheld": ["x", [], {"count": 1}, {"count": -1, "files": []}, {"count": 1, "files": [2]}],
    "fail_on": ["x", "ERROR", 1, []],
    "findings": [None, "x", {}, [None], [{"code": "C001"}]],
    "unusable": [
        None,
        [],
        "x",
        {"annan.yaml": [["goals"]]},
        {"styr.yaml": []},
        {"styr.yaml": [[1.5]]},
    ],
}
WRONG_FINDING_VALUES: dict[str, list[Any]] = {
    "code": [None, 1, "ZZZ9", [], "c001"],
    "severity": [None, "x", "Error", 3, []],
    "file": [1, [], ""],
    "line": [None, "1", 1.5, True, -1],
    "column": [None, "1", 1.5, True, -1],
    "path": [None, "x", [None], [1.5], [[]], [True]],
    # `{}` leaves the message's placeholders empty (it printed `{problem}` as it stands).
    "params": [None, [], "x", {}],
}


def _wrong_shapes(entry: dict[str, Any]) -> list[Any]:
    """The reproducer of the report, and an entry with one thing wrong at a time."""
    shapes: list[Any] = [{"format": 1, "findings": [{"code": "C001"}]}, [], None, "x", {}]
    shapes += [{k: v for k, v in entry.items() if k != name} for name in entry]
    shapes.append({**entry, "extra": 1})
    for name, values in WRONG_ENTRY_VALUES.items():
        shapes += [{**entry, name: value} for value in values]
    finding = entry["findings"][0]
    shapes += [
        {**entry, "findings": [{k: v for k, v in finding.items() if k != name}]} for name in finding
    ]
    for name, values in WRONG_FINDING_VALUES.items():
        shapes += [{**entry, "findings": [{**finding, name: value}]} for value in values]
    return shapes


def test_a_wrong_shaped_entry_is_a_miss_and_is_rebuilt(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The entry itself is read each time: once the files are older than the racy window
    # (two seconds, which a loaded machine passes during this loop), the stat index would
    # answer from its own copy and leave the planted entry unread (the test below).
    monkeypatch.setattr(styr.lint, "store_index", lambda *arguments: None)
    cache = _cache(tmp_path)
    uncached = lint_paths([broken], today=TODAY)
    key = _key(cache, broken)
    good = to_cache_entry(uncached.results[0])
    for shape in _wrong_shapes(good):
        cache.store(key, shape)  # signed with the right secret: only the shape is wrong
        result = lint_paths([broken], today=TODAY, cache=cache)
        assert _summary(result) == _summary(uncached), shape
        assert result.failed() and result.results[0].suppressed == uncached.results[0].suppressed
        assert cache.load(key) == good, shape  # rebuilt


def test_a_wrong_shaped_entry_beside_a_stat_index_changes_nothing(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every file's stamps trusted at once, as they are two seconds after a change.
    monkeypatch.setattr(styr.cache_index, "RACY_NS", -(10**12))
    cache = _cache(tmp_path)
    uncached = lint_paths([broken], today=TODAY)
    key = _key(cache, broken)
    lint_paths([broken], today=TODAY, cache=cache)  # the entry and the stat index written
    for shape in _wrong_shapes(to_cache_entry(uncached.results[0])):
        cache.store(key, shape)
        result = lint_paths([broken], today=TODAY, cache=cache)
        assert _summary(result) == _summary(uncached), shape
        assert result.failed() and result.results[0].suppressed == uncached.results[0].suppressed
        assert cache.load(key) == shape  # the index answered: the entry was never read


def test_a_wrong_shaped_entry_through_the_cli(
    broken: Path, tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    cache = _cache(tmp_path)
    cache.store(_key(cache, broken), {"format": 1, "findings": [{"code": "C001"}]})
    cached = _lint(run_cli, broken, "--cache-dir", cache.folder)
    uncached = _lint(run_cli, broken, "--no-cache")
    assert (cached.code, cached.out, cached.err) == (uncached.code, uncached.out, uncached.err)


def test_an_entry_whose_params_leave_the_message_unfilled_is_rebuilt_through_the_cli(
    broken: Path, tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    cache = _cache(tmp_path)
    good = to_cache_entry(lint_paths([broken], today=TODAY).results[0])
    emptied = [{**finding, "params": {}} for finding in good["findings"]]
    assert any("{" in BY_CODE[f["code"]].message for f in emptied)  # a message to fill
    cache.store(_key(cache, broken), {**good, "findings": emptied})
    text = ("lint", broken, "--today", TODAY.isoformat())  # the messages as a person reads them
    cached = run_cli(*text, "--cache-dir", cache.folder)
    uncached = run_cli(*text, "--no-cache")
    assert (cached.code, cached.out, cached.err) == (uncached.code, uncached.out, uncached.err)
    assert re.search(r"\{[a-z_]+\}", cached.out) is None


def test_only_values_json_gives_back_exactly_are_stored(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    cache.store("a", {"path": ("goals", 0)})  # a tuple would come back a list
    cache.store("b", {1: "non-text key"})
    cache.store("c", {"when": date(2026, 1, 1)})
    cache.store("d", {"path": ["goals", 0], "n": 1.5, "ok": True})
    assert cache.load("a") is cache.load("b") is cache.load("c") is None
    assert cache.load("d") == {"path": ["goals", 0], "n": 1.5, "ok": True}


# --- Where the cache lives -------------------------------------------------------------------


def test_by_default_the_cache_is_in_the_user_cache_folder_not_the_current_one(
    blank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user_cache_folder: Path
) -> None:
    elsewhere = tmp_path / "någonstans"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("STYR_CACHE_DIR", raising=False)
    monkeypatch.setattr(sys, "argv", ["styr", "lint", str(blank)])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 0
    assert list(elsewhere.iterdir()) == []
    assert not (blank / ".styr_cache").exists()
    assert len(list((user_cache_folder / "styr" / ENTRIES_FOLDER).glob("*.json"))) == 1


@POSIX_ONLY
def test_the_secret_is_private_and_made_once(tmp_path: Path, user_cache_folder: Path) -> None:
    first = _cache(tmp_path)
    secret = user_cache_folder / "styr" / SECRET_FILE
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE((user_cache_folder / "styr").stat().st_mode) & 0o077 == 0
    assert _cache(tmp_path).secret == first.secret == secret.read_bytes()


@POSIX_ONLY
def test_a_folder_others_can_write_is_refused(
    broken: Path, tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    shared = tmp_path / "delad"
    shared.mkdir()
    shared.chmod(0o777)
    key = _key(_cache(tmp_path), broken)
    (shared / f"{key}.json").write_text("planted", encoding="utf-8")
    cached = _lint(run_cli, broken, "--cache-dir", shared)
    uncached = _lint(run_cli, broken, "--no-cache")
    assert (cached.code, cached.out) == (uncached.code, uncached.out)
    assert str(shared) in cached.err and "--no-cache" in cached.err
    assert sorted(p.name for p in shared.iterdir()) == [f"{key}.json"]  # nothing written there


@POSIX_ONLY
def test_a_secret_others_can_read_is_refused(
    broken: Path, tmp_path: Path, run_cli: Callable[..., CliResult], user_cache_folder: Path
) -> None:
    _cache(tmp_path)
    secret = user_cache_folder / "styr" / SECRET_FILE
    secret.chmod(0o644)
    result = _lint(run_cli, broken, "--cache-dir", tmp_path / "cache")
    assert result.code == 1 and str(secret) in result.err
    assert list((tmp_path / "cache").glob("*.json")) == []


# --- Never through a link, never stuck on a special file --------------------------------------


@POSIX_ONLY
def test_a_dangling_gitignore_link_is_left_alone(blank: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    (folder / ".gitignore").symlink_to(tmp_path / "skapad-av-styr")
    lint_paths([blank], today=TODAY, cache=_cache(tmp_path))
    assert not (tmp_path / "skapad-av-styr").exists()


@POSIX_ONLY
def test_entries_are_neither_read_nor_written_through_links(
    broken: Path, blank: Path, tmp_path: Path
) -> None:
    cache = _cache(tmp_path)
    lint_paths([blank], today=TODAY, cache=cache)
    genuine = cache.folder / f"{_key(cache, blank)}.json"
    victim = tmp_path / "offer.txt"
    victim.write_text("orört", encoding="utf-8")
    # A link to a genuine entry is not followed ...
    (cache.folder / f"{_key(cache, broken)}.json").symlink_to(genuine)
    assert _summary(lint_paths([broken], today=TODAY, cache=cache)) == _summary(
        lint_paths([broken], today=TODAY)
    )
    # ... and writing replaces a link instead of writing through it.
    link = cache.folder / f"{_key(cache, blank)}.json"
    link.unlink()
    link.symlink_to(victim)
    lint_paths([blank], today=TODAY, cache=cache)
    assert victim.read_text(encoding="utf-8") == "orört"
    assert not link.is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_place_of_an_entry_does_not_block(broken: Path, tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    os.mkfifo(cache.folder / f"{_key(cache, broken)}.json")
    assert _summary(lint_paths([broken], today=TODAY, cache=cache)) == _summary(
        lint_paths([broken], today=TODAY)
    )


def test_no_temporary_files_are_left(repos: Path, tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    lint_paths([repos], today=TODAY, cache=cache)
    assert [p.name for p in cache.folder.iterdir() if p.suffix != ".json"] != []
    assert _leftovers(cache.folder) == []
    assert len(list(cache.folder.glob("*.json"))) == 3


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".styr-tmp")]


def test_old_entries_and_leftovers_are_pruned_once_a_day(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    _cache(tmp_path)
    (folder / ".pruned").unlink()  # as if the last pruning was long ago
    week_and_a_day = time.time() - 8 * 24 * 3600
    old, fresh = folder / f"{'a' * 40}.json", folder / f"{'b' * 40}.json"
    old_partial = folder / f"{'d' * 40}{partial_suffix(frozenset({'X003'}))}"
    old_compiled = folder / f"{'e' * 40}.compiled.json"  # a template's compiled code
    leftover, notes = folder / f".{'c' * 40}.json.1a2b3c4d.styr-tmp", folder / "anteckningar.txt"
    for path in (old, old_partial, old_compiled, fresh, leftover, notes):
        path.write_text("x", encoding="utf-8")
    for path in (old, old_partial, old_compiled, leftover, notes):
        os.utime(path, (week_and_a_day, week_and_a_day))
    _cache(tmp_path)
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(
        [fresh.name, notes.name]  # only styr's own names are ever removed
    )
    assert not leftover.exists()
    old.write_text("x", encoding="utf-8")
    os.utime(old, (week_and_a_day, week_and_a_day))
    _cache(tmp_path)  # pruned already today: not again
    assert old.exists()


# --- Parallel runs and memory ---------------------------------------------------------------


def test_parallel_and_serial_runs_agree(tmp_path: Path) -> None:
    for number in range(10):
        init_repository(tmp_path / "många" / f"k{number}", "blank", f"K{number}", f"01{number:02d}")
    replace_in(tmp_path / "många" / "k3" / "program.yaml", "[vision]", "[visionen]")
    serial = lint_paths([tmp_path / "många"], today=TODAY, jobs=1)
    parallel = lint_paths([tmp_path / "många"], today=TODAY, jobs=2)
    assert _summary(parallel) == _summary(serial)
    assert [f.code for f in parallel.findings] == ["C001"]


def test_parallel_runs_share_the_cache(tmp_path: Path) -> None:
    for number in range(10):
        init_repository(tmp_path / "många" / f"k{number}", "blank", f"K{number}", f"01{number:02d}")
    cache = _cache(tmp_path)
    cold = lint_paths([tmp_path / "många"], today=TODAY, jobs=2, cache=cache)
    assert len(list(cache.folder.glob("*.json"))) == 10
    warm = lint_paths([tmp_path / "många"], today=TODAY, jobs=2, cache=cache)
    assert _summary(warm) == _summary(cold)


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_reported_per_repository(tmp_path: Path, jobs: int) -> None:
    for number in range(9):
        init_repository(tmp_path / "alla" / f"k{number}", "blank", f"K{number}", f"02{number:02d}")
    seen: list[tuple[int, int]] = []
    lint_paths([tmp_path / "alla"], today=TODAY, jobs=jobs, progress=lambda *p: seen.append(p))
    assert seen == [(done, 9) for done in range(1, 10)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_keep_names_not_contents(
    repos: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Memory stays flat however many repositories are linted: a result keeps the
    # manifest (for the output formats) and the files' names, not their data.
    monkeypatch.setattr("styr.lint._PARALLEL_FROM", 2)
    result = lint_paths([repos], today=TODAY, jobs=jobs)
    assert len(result.results) == 3
    for repository_result in result.results:
        repository = repository_result.repository
        assert isinstance(repository.manifest.data, dict)
        assert repository.documents and all(d.data is None for d in repository.documents)
        assert all(d.file.is_file() for d in repository.documents)
    assert result.files_checked == sum(len(r.repository.all_documents()) for r in result.results)


def test_an_entry_is_json_with_a_signature_line(blank: Path, tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    lint_paths([blank], today=TODAY, cache=cache)
    header, _, payload = (cache.folder / f"{_key(cache, blank)}.json").read_bytes().partition(b"\n")
    assert header.startswith(b"styr-cache ") and json.loads(payload)["findings"] == []


def test_an_unreadable_pyproject_does_not_break_the_key(
    blank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (blank / "pyproject.toml").write_text("[tool.other]\n", encoding="utf-8")
    cache = _cache(tmp_path)
    readable = _key(cache, blank)
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "pyproject.toml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert _key(cache, blank) != readable


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_file_refused_for_another_reason_is_another_key(blank: Path, tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    refused = blank / "organisation" / "trasig.yaml"
    os.mkfifo(refused)
    lint_paths([blank], today=TODAY, cache=cache)
    refused.unlink()
    outside = tmp_path / "utanför.yaml"
    outside.write_text("kind: vision\n", encoding="utf-8")
    refused.symlink_to(outside)  # refused too, with another finding
    cached = lint_paths([blank], today=TODAY, cache=cache)
    assert _summary(cached) == _summary(lint_paths([blank], today=TODAY))
    assert [f.params for f in cached.findings] == [
        f.params for f in lint_paths([blank], today=TODAY).findings
    ]


def test_the_code_digest_changes_with_the_code_and_not_with_bytecode(tmp_path: Path) -> None:
    # An entry made by other code must not be taken for today's answer (a
    # development install keeps its version number while its rules change).
    package = tmp_path / "styr"
    (package / "rules").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "rules" / "base.py").write_text("A = 1\n", encoding="utf-8")
    (package / "data.json").write_text("{}", encoding="utf-8")
    before = code_digest(str(package))
    (package / "__pycache__" / "base.cpython-311.pyc").write_bytes(b"\0")
    (package / "notes.txt").write_text("not code", encoding="utf-8")
    assert code_digest(str(package)) == before
    (package / "rules" / "base.py").write_text("A = 2\n", encoding="utf-8")  # same size
    status = os.stat(package / "rules" / "base.py")
    os.utime(package / "rules" / "base.py", ns=(status.st_atime_ns, status.st_mtime_ns + 1))
    changed = code_digest(str(package))
    assert changed != before
    (package / "rules" / "new.py").write_text("", encoding="utf-8")
    assert code_digest(str(package)) not in (before, changed)
