"""`styr init`: a complete repository or none, the name written safely, placeholders marked."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CliResult
from hypothesis import given, settings
from hypothesis import strategies as st
from unprivileged import NOBODY, as_unprivileged, can_fork, folder_for_nobody

from styr.editor import schema_files
from styr.errors import UsageError
from styr.lint import lint_paths
from styr.load.text_checks import BIDI_CONTROLS
from styr.resources import data_dir
from styr.scaffold import PLACEHOLDER, init_repository, repository_files, starter_names
from styr.yaml_text import quote

Run = Callable[..., CliResult]

AWKWARD_NAMES = [
    "Ale: kommun",
    "Håbo #1",
    'Öckerö "ön"',
    "Sankt 'Olof'",
    "- Minus",
    "*Stjärna",
    "&Ankare",
    "!Tagg",
    "%Procent",
    "@Snabel",
    "`Grav",
    "? Fråga",
    "[Lista]",
    "{Karta}",
    "> Vikt",
    "| Rak",
    "Ja",
    "no",
    "0126",
    "null",
    "~",
    "Back\\slash",
    "Norrtälje kommun",
]


def _all_texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_texts(item)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_any_name_is_written_as_it_was_given(name: str, tmp_path: Path) -> None:
    target = tmp_path / "kommun"
    init_repository(target, "helsingborg", name, "0999")
    manifest = yaml.safe_load((target / "styr.yaml").read_text(encoding="utf-8"))
    assert manifest["municipality"] == {"name": name, "code": "0999"}
    assert manifest["steering_model"]["name"] == f"Styrmodell för {name}"
    vision = yaml.safe_load((target / "vision.yaml").read_text(encoding="utf-8"))
    assert vision["vision"]["title"] == f"Vision för {name}"
    result = lint_paths([target])
    assert [f.code for f in result.findings if f.code[0] in "YS"] == []


def test_a_name_with_a_line_break_is_refused_and_nothing_is_made(
    run_cli: Run, tmp_path: Path
) -> None:
    for name in ["Ale\nkommun", "Ale\rkommun", "Ale\u2028kommun", "Ale\x00kommun"]:
        result = run_cli("init", tmp_path / "k", "--name", name)
        assert result.code == 2
        assert "en rad text" in result.err
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "invisible",
    ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\ufeff"],
    ids=["RLO", "LRE", "LRI", "PDI", "zero-width-space", "byte-order-mark"],
)
def test_a_name_with_an_invisible_character_is_refused_and_nothing_is_made(
    run_cli: Run, tmp_path: Path, invisible: str
) -> None:
    # A direction control would be written into every file and fail the new
    # repository's own lint (Y018).
    result = run_cli("init", tmp_path / "k", "--name", f"Ale{invisible}kommun")
    assert result.code == 2
    assert "skrivriktningen" in result.err
    assert BIDI_CONTROLS.search(result.err) is None  # a direction control is shown escaped
    assert _leftovers(tmp_path) == []


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_every_name_init_accepts_makes_a_repository_that_passes_its_own_lint(name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "k"
        try:
            init_repository(target, "blank", name, "0999")
        except UsageError:
            return
        assert [f.code for f in lint_paths([target]).findings if f.severity.label == "error"] == []


def test_an_empty_name_is_refused(run_cli: Run, tmp_path: Path) -> None:
    assert run_cli("init", tmp_path / "k", "--name", "  ").code == 2
    assert _leftovers(tmp_path) == []


def test_the_name_cannot_smuggle_in_a_token(tmp_path: Path) -> None:
    init_repository(tmp_path / "k", "blank", "__KOD__ __KOMMUN__", "0999")
    manifest = yaml.safe_load((tmp_path / "k" / "styr.yaml").read_text(encoding="utf-8"))
    assert manifest["municipality"]["name"] == "__KOD__ __KOMMUN__"


def test_quote_reads_back_as_every_character_it_was_given() -> None:
    text = "".join(
        chr(point)
        for point in [*range(0, 0x3000), *range(0xE000, 0x10000), 0x10000, 0x1F600, 0x10FFFF]
        if not 0xD800 <= point <= 0xDFFF
    )
    quoted = quote(text)
    assert "\n" not in quoted and "\r" not in quoted
    assert yaml.safe_load(f"name: {quoted}\n") == {"name": text}  # a YAML 1.1 reader
    from ruamel.yaml import YAML

    assert YAML(typ="safe").load(f"name: {quoted}\n") == {"name": text}  # a YAML 1.2 reader


def test_every_starter_token_sits_in_a_value_that_gets_quoted() -> None:
    for starter in starter_names():
        for path, text in repository_files(starter, "X: y #z", "0999").items():
            assert "__KOMMUN__" not in text and "__KOD__" not in text, (starter, path)
            if path.endswith(".yaml"):
                yaml.safe_load(text)


def test_placeholders_share_one_marker(tmp_path: Path) -> None:
    """What the planner must write starts with "FYLL I:"; no instruction goes unmarked."""
    instructions = ("Skriv ", "Beskriv de ", "Förklara ", "några meningar", "Varför finns")
    for starter in starter_names():
        texts = [
            text
            for path, content in repository_files(starter, "Nyby", "0999").items()
            if path.endswith(".yaml")
            for text in _all_texts(yaml.safe_load(content))
        ]
        marked = [text for text in texts if text.startswith(PLACEHOLDER)]
        assert len(marked) >= 4, starter
        unmarked = [t for t in texts if any(w in t for w in instructions) and t not in marked]
        assert unmarked == [], starter


def test_a_repository_is_written_whole_or_not_at_all(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.files_many

    real = styr.files_many._write_new
    calls = 0

    def fail_on_the_seventh(path: Path, data: bytes) -> None:
        nonlocal calls
        calls += 1
        if calls == 7:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(styr.files_many, "_write_new", fail_on_the_seventh)
    result = run_cli("init", tmp_path / "kommun")
    assert result.code == 2
    assert "disken är full" in result.err
    assert _leftovers(tmp_path) == []
    monkeypatch.setattr(styr.files_many, "_write_new", real)
    assert run_cli("init", tmp_path / "kommun").code == 0  # and it can simply be run again
    assert run_cli("lint", tmp_path / "kommun").code == 0


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are a POSIX feature")
def test_a_file_size_limit_leaves_nothing_behind(tmp_path: Path) -> None:
    """The reproducer from the issue: `ulimit -f 8; styr init x`."""
    import resource  # POSIX only

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))

    command = [sys.executable, "-m", "styr", "init", "x"]
    limited = subprocess.run(
        command, cwd=tmp_path, preexec_fn=limit, capture_output=True, text=True, check=False
    )
    assert limited.returncode == 2, limited.stderr
    assert "Traceback" not in limited.stderr and "Internt fel" not in limited.stderr
    assert _leftovers(tmp_path) == []
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "x" / "styr.yaml").is_file()


def test_a_parent_it_may_not_write_in_is_a_usage_error(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def denied(*args: object, **kwargs: object) -> str:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    result = run_cli("init", tmp_path / "kommun")
    assert result.code == 2
    assert "behörighet" in result.err and "Internt fel" not in result.err


@can_fork
def test_a_read_only_parent_is_a_usage_error(run_cli: Run) -> None:
    # Root may write anywhere: init is run as an ordinary user (tests/unprivileged.py).
    with folder_for_nobody() as shared:
        parent = shared / "skrivskyddad"
        parent.mkdir()
        if os.geteuid() == 0:
            os.chown(parent, NOBODY, NOBODY)
        parent.chmod(0o555)

        def init() -> str:
            result = run_cli("init", parent / "kommun")
            return f"{result.code}\n{result.err}"

        code, err = as_unprivileged(init).split("\n", 1)
        assert not (parent / "kommun").exists()
    assert code == "2", err
    assert "behörighet" in err and "Internt fel" not in err


def test_a_parent_that_is_a_file_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("", encoding="utf-8")
    result = run_cli("init", tmp_path / "fil" / "kommun")
    assert result.code == 2
    assert "Internt fel" not in result.err


def test_a_target_that_is_a_file_is_refused(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "kommun").write_text("mitt", encoding="utf-8")
    result = run_cli("init", tmp_path / "kommun")
    assert result.code == 2
    assert "är en fil" in result.err
    assert (tmp_path / "kommun").read_text(encoding="utf-8") == "mitt"


def test_an_empty_folder_is_filled(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "kommun").mkdir()
    assert run_cli("init", tmp_path / "kommun").code == 0
    assert (tmp_path / "kommun" / "styr.yaml").is_file()
    assert _leftovers(tmp_path) == ["kommun"]


def test_the_current_folder_when_empty(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "kommun"
    here.mkdir()
    monkeypatch.chdir(here)
    assert run_cli("init", ".").code == 0
    assert (here / "styr.yaml").is_file() and (here / "organisation").is_dir()
    assert _leftovers(tmp_path) == ["kommun"]
    assert run_cli("lint", ".").code == 0


def test_an_empty_folder_stays_empty_when_moving_in_fails(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kommun"
    target.mkdir()
    real = os.rename
    moves = 0

    def fail_on_the_third(source: Any, destination: Any) -> None:
        nonlocal moves
        moves += 1
        if moves == 3:
            raise OSError(errno.EIO, "Input/output error")
        real(source, destination)

    monkeypatch.setattr(os, "rename", fail_on_the_third)
    result = run_cli("init", target)
    assert result.code == 2 and "Internt fel" not in result.err
    assert _leftovers(target) == []
    assert _leftovers(tmp_path) == ["kommun"]


def test_the_repository_is_readable_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("permissions are POSIX")
    previous = os.umask(0o022)
    try:
        init_repository(tmp_path / "kommun", "blank", "Nyby", "0999")
    finally:
        os.umask(previous)
    assert (tmp_path / "kommun").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "kommun" / "styr.yaml").stat().st_mode & 0o777 == 0o644


def test_init_writes_the_starter_files_and_the_editor_files(tmp_path: Path) -> None:
    written = init_repository(tmp_path / "k", "huddinge", "Nyby", "0999")
    relative = sorted(p.relative_to(tmp_path / "k").as_posix() for p in written)
    starter = data_dir("starters") / "huddinge"
    yaml_files = sorted(p.relative_to(starter).as_posix() for p in starter.rglob("*.yaml"))
    assert [p for p in relative if p.endswith(".yaml")] == yaml_files
    assert ".vscode/settings.json" in relative and ".vscode/extensions.json" in relative
    assert "schemas/organisation.schema.json" in relative
    assert "schemas/common.schema.json" in relative


def test_schema_export_onto_a_file_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("mitt", encoding="utf-8")
    result = run_cli("schema", "--export", tmp_path / "fil")
    assert result.code == 2
    assert "är en fil, inte en mapp" in result.err
    assert (tmp_path / "fil").read_text(encoding="utf-8") == "mitt"


def test_schema_export_checks_every_file_before_it_writes_one(run_cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "s"
    assert run_cli("schema", "--export", folder).code == 0
    first, last = folder / "common.schema.json", folder / "work_plan.schema.json"
    first.write_text("{}", encoding="utf-8")
    last.write_text("{}", encoding="utf-8")
    (folder / "vision.schema.json").unlink()
    result = run_cli("schema", "--export", folder)
    assert result.code == 2
    assert "2 filer" in result.err and "inget skrevs" in result.err
    assert not (folder / "vision.schema.json").exists()  # not even the missing one
    assert first.read_text(encoding="utf-8") == last.read_text(encoding="utf-8") == "{}"
    assert run_cli("schema", "--export", folder, "--force").code == 0
    assert (folder / "vision.schema.json").is_file()
    assert first.read_text(encoding="utf-8") != "{}"


def test_schema_export_refuses_a_folder_where_a_schema_file_goes(
    run_cli: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "s"
    (folder / "vision.schema.json").mkdir(parents=True)
    result = run_cli("schema", "--export", folder, "--force")
    assert result.code == 2
    assert _leftovers(folder) == ["vision.schema.json"]


def test_schema_export_failing_half_way_changes_nothing(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.files_many

    folder = tmp_path / "s"
    assert run_cli("schema", "--export", folder).code == 0
    for file in folder.iterdir():
        file.write_text("{}", encoding="utf-8")
    real = styr.files_many.write_temporary
    calls = 0

    def fail_on_the_fifth(path: Path, data: bytes, **options: Any) -> Path:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data, **options)

    monkeypatch.setattr(styr.files_many, "write_temporary", fail_on_the_fifth)
    result = run_cli("schema", "--export", folder, "--force")
    assert result.code == 2
    assert {f.read_text(encoding="utf-8") for f in folder.iterdir()} == {"{}"}
    assert len(_leftovers(folder)) == len(schema_files())  # no temporary file left


def test_schema_export_leaves_files_that_are_already_right_alone(
    run_cli: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "s"
    assert run_cli("schema", "--export", folder).code == 0
    stamps = {f.name: f.stat().st_mtime_ns for f in folder.iterdir()}
    os.utime(folder / "vision.schema.json", ns=(1, 1))
    assert run_cli("schema", "--export", folder).code == 0
    assert (folder / "vision.schema.json").stat().st_mtime_ns == 1
    assert {f.name for f in folder.iterdir()} == set(stamps)


def test_init_tells_the_planner_what_to_replace(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("init", tmp_path / "kommun")
    assert result.code == 0
    assert f"'{PLACEHOLDER}'" in result.out and "styr lint" in result.out


def test_git_ignores_a_temporary_file_styr_left_behind(tmp_path: Path) -> None:
    import fnmatch

    from styr.files import temporary_name

    init_repository(tmp_path / "kommun", "blank", "Nyby", "0999")
    patterns = [
        line
        for line in (tmp_path / "kommun" / ".gitignore").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    leftover = temporary_name(tmp_path / "kommun" / "vision.yaml").name
    assert any(fnmatch.fnmatch(leftover, pattern) for pattern in patterns)
    assert not any(fnmatch.fnmatch("vision.yaml", pattern) for pattern in patterns)


def test_a_refused_name_shows_every_invisible_character_escaped(
    run_cli: Run, tmp_path: Path
) -> None:
    result = run_cli("init", tmp_path / "k", "--name", "Ale\u200bkommun\u202e")
    assert result.code == 2
    assert '"Ale\\u200bkommun\\u202e"' in result.err
