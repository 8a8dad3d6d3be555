"""A `styr lint` the cache answers runs without typer, and is the same run as through typer.

Its arguments are parsed by `styr.cli_warm.lint_options`, not by the command:
whenever that parser gives options, the typer command must give the very same
ones (else the run would differ), and whatever it does not take the whole CLI
runs as before. The runs themselves are compared byte for byte.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer
from click.testing import CliRunner
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import styr.cli_lint_run
from styr.cli import app
from styr.cli_lint_run import LintOptions, LintOutcome
from styr.cli_plain import echo
from styr.cli_warm import _FLAGS, _VALUED, lint_options

COMMAND = typer.main.get_command(app)


def _typer_options(arguments: list[str], monkeypatch: pytest.MonkeyPatch) -> LintOptions | None:
    """The options the typer command hands over for these arguments; None if it refuses them."""
    given: list[LintOptions] = []

    def record(options: LintOptions) -> LintOutcome:
        given.append(options)
        return LintOutcome("", None, 0)

    monkeypatch.setattr(styr.cli_lint_run, "lint_outcome", record)
    CliRunner().invoke(COMMAND, arguments, prog_name="styr")
    return given[0] if given else None


def test_the_table_names_exactly_the_options_of_the_command() -> None:
    lint = typer.main.get_command(app).commands["lint"]  # type: ignore[attr-defined]
    options = [p for p in lint.params if isinstance(p, click.Option)]
    by_name = {name: option for option in options for name in option.opts}
    assert set(by_name) == set(_VALUED) | set(_FLAGS)
    assert {name for name, option in by_name.items() if option.is_flag} == set(_FLAGS)
    assert all(by_name[name].name == field for name, field in {**_VALUED, **_FLAGS}.items())
    assert not any(option.secondary_opts or option.multiple for option in options)


ARGUMENTS = [
    ["lint"],
    ["lint", "a", "b"],
    ["lint", "--format", "concise", "a"],
    ["lint", "a", "--output-format=json", "--format", "text"],
    ["lint", "-o", "out.txt", "--output=x.json", "a"],
    ["lint", "--statistics", "--no-cache", "--fail-on", "warning", "a"],
    ["lint", "--today", "2026-01-01", "--cache-dir", "c", "-j", "3", "--jobs", "+4"],
    ["lint", "--lang", "en", "--lang=sv", "a"],
    ["--lang", "en", "lint", "a"],
    ["--lang=en", "--lang", "lint", "lint", "a"],
    ["lint", "--jobs", "many"],
    ["lint", "--jobs", " 2 "],
    ["lint", "--jobs", "1_0"],
    ["lint", "-j2"],
    ["lint", "-ofile"],
    ["lint", "--format="],
    ["lint", "--format"],
    ["lint", "--format", "--statistics"],
    ["lint", "--statistics=1"],
    ["lint", "--", "a"],
    ["lint", "-", "a"],
    ["lint", ""],
    ["lint", "--help"],
    ["lint", "--bogus"],
    ["--help"],
    ["--version", "lint"],
    ["lnt", "a"],
    ["--lang"],
    ["lint", "a=b", "ö"],
]


@pytest.mark.parametrize("arguments", ARGUMENTS, ids=repr)
def test_what_the_plain_parser_takes_the_command_parses_alike(
    arguments: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = lint_options(arguments)
    if plain is not None:
        assert _typer_options(arguments, monkeypatch) == plain


def test_the_plain_parser_takes_the_common_command_lines() -> None:
    taken = lint_options(["lint", "alla", "--format", "concise", "--fail-on=warning"])
    assert taken == LintOptions(paths=(Path("alla"),), output_format="concise", fail_on="warning")
    assert lint_options(["lint"]) == LintOptions()


TOKENS = [
    "lint",
    "a",
    "b/c",
    "--format",
    "--output-format",
    "concise",
    "--format=json",
    "-o",
    "--output",
    "--output=",
    "--statistics",
    "--no-cache",
    "--fail-on",
    "warning",
    "--today",
    "2026-01-01",
    "--cache-dir",
    "--cache-dir=c",
    "-j",
    "--jobs",
    "2",
    "x",
    "--lang",
    "--lang=en",
    "en",
    "-",
    "--",
    "--help",
    "-j2",
    "--statistics=1",
    "",
    "--version",
    "-x",
    "=",
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    arguments=st.lists(st.sampled_from(TOKENS), max_size=8).map(lambda rest: ["lint", *rest])
    | st.lists(st.sampled_from(TOKENS), max_size=8)
)
def test_for_any_argument_list_the_plain_parser_takes_the_command_parses_alike(
    arguments: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = lint_options(arguments)
    if plain is not None:
        assert _typer_options(arguments, monkeypatch) == plain


# Runs styr as its entry point does, or as it did before (through typer alone); says its
# exit code and whether typer or click was imported.
RUNNER = """
import json, sys, time
arguments, pretend_old, through_typer = json.loads(sys.argv[1])
if pretend_old:  # files written a moment ago are never indexed: pretend they are old
    import styr.lint
    styr.lint.now_ns = lambda: time.time_ns() + 10_000_000_000
sys.argv = ["styr", *arguments]
if through_typer:  # the entry point's start, then the CLI itself
    from styr.output_streams import make_output_safe
    make_output_safe()
    from styr.i18n import start_process
    start_process(sys.argv[1:])
    from styr.cli import main
else:
    from styr.entry import main
code = 0
try:
    main()
except SystemExit as exit:
    code = exit.code or 0
sys.stdout.flush()
sys.stderr.write("\\n" + json.dumps([code, "typer" in sys.modules or "click" in sys.modules]))
"""

Run = tuple[str, str, int, bool]


def _run(arguments: list[str], *, pretend_old: bool = False, through_typer: bool = False) -> Run:
    """Standard output and error, exit code, and whether the CLI framework was imported."""
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI")}
    process = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps([arguments, pretend_old, through_typer])],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=environment,
    )
    errors, _, last = process.stderr.rpartition("\n")
    code, framework = json.loads(last)
    return process.stdout, errors, code, framework


Seen = tuple[str, str, int]  # what a run writes and its exit code


def _both(arguments: list[str], *, pretend_old: bool = False) -> tuple[Seen, Seen]:
    """The run without typer and the same run through typer."""
    plain = _run(arguments, pretend_old=pretend_old)
    through = _run(arguments, pretend_old=pretend_old, through_typer=True)
    assert plain[3] is False and through[3] is True
    return plain[:3], through[:3]


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copy)
    return copy


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--format", "concise"],
        ["--output-format=json"],
        ["--format", "github"],
        ["--format", "sarif"],
        ["--format", "junit"],
        ["--format", "gitlab"],
        ["--statistics"],
        ["--fail-on", "info"],
        ["--lang", "en", "--fail-on=warning"],
        ["--today", "2025-06-01"],
    ],
    ids=" ".join,
)
def test_a_lint_without_typer_is_the_run_through_typer_cold_and_warm(
    examples: Path, tmp_path: Path, options: list[str]
) -> None:
    arguments = ["lint", str(examples), *options]
    plain_cold, typer_cold = _both(
        [*arguments, "--cache-dir", str(tmp_path / "a")], pretend_old=True
    )
    assert plain_cold == typer_cold
    plain_warm, typer_warm = _both([*arguments, "--cache-dir", str(tmp_path / "a")])
    assert plain_warm == typer_warm == plain_cold
    assert _run([*arguments, "--no-cache"])[:3] == plain_cold


def test_a_lint_without_typer_writes_its_file_as_the_command_does(
    examples: Path, tmp_path: Path
) -> None:
    arguments = ["lint", str(examples), "--cache-dir", str(tmp_path / "cache"), "-o"]
    plain = _run([*arguments, str(tmp_path / "plain.txt")], pretend_old=True)
    through = _run([*arguments, str(tmp_path / "typer.txt")], through_typer=True)
    assert (plain[3], through[3]) == (False, True)
    assert plain[:3] == through[:3]
    assert (tmp_path / "plain.txt").read_bytes() == (tmp_path / "typer.txt").read_bytes()


def test_a_changed_file_is_linted_again_without_typer(examples: Path, tmp_path: Path) -> None:
    arguments = ["lint", str(examples), "--cache-dir", str(tmp_path / "cache")]
    _run(arguments, pretend_old=True)
    manifest = examples / "huddinge" / "styr.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = _run(arguments)
    assert changed[3] is False
    assert changed[:3] == _run([*arguments, "--no-cache"], through_typer=True)[:3]


@pytest.mark.parametrize(
    "options",
    [
        ["--format", "nonesuch"],
        ["--fail-on", "never"],
        ["--today", "2025-13-01"],
        ["--lang=xx"],
        ["-o", "."],
        ["-o", "examples/huddinge/out.yaml"],
        ["--jobs", "0"],
    ],
    ids=" ".join,
)
def test_an_error_is_said_as_the_command_says_it(
    examples: Path, tmp_path: Path, options: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plain, through = _both(["lint", str(examples), "--no-cache", *options])
    assert plain == through
    assert plain[2] in (0, 1, 2)


def test_a_configuration_error_is_said_as_the_command_says_it(
    examples: Path, tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.styr]\nfail_on = 3\n", encoding="utf-8")
    plain, through = _both(["lint", str(examples), "--no-cache"])
    assert plain == through
    assert plain[2] == 2


@pytest.mark.skipif(os.name != "posix", reason="who may write a folder is POSIX's")
def test_a_refused_cache_is_said_as_the_command_says_it(examples: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    plain, through = _both(["lint", str(examples), "--cache-dir", str(shared)])
    assert plain == through
    assert plain[1].count(str(shared)) == 1


def test_a_reader_that_went_away_ends_the_run_as_the_command_does(
    examples: Path, tmp_path: Path
) -> None:
    arguments = ["lint", str(examples), "--cache-dir", str(tmp_path / "cache")]
    _run(arguments, pretend_old=True)

    def closed_reader(more: list[str]) -> tuple[int, str]:
        with subprocess.Popen(
            [sys.executable, "-m", "styr", *arguments, *more],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as process:
            assert process.stdout is not None and process.stderr is not None
            process.stdout.close()
            errors = process.stderr.read().decode()
            return process.wait(timeout=120), errors

    # `-j2` is a form only typer parses: that run goes through the whole CLI.
    assert closed_reader(["-j", "2"]) == closed_reader(["-j2"])


@pytest.mark.parametrize("text", ["", "plain", "å ä ö − ↗\n", "\x1b[31mred\x1b[0m"], ids=repr)
def test_echo_writes_what_clicks_echo_writes(text: str) -> None:
    ours, clicks = io.BytesIO(), io.BytesIO()
    for target in (ours, clicks):
        stream = io.TextIOWrapper(target, encoding="utf-8", errors="replace")
        saved, sys.stdout = sys.stdout, stream
        try:
            if target is ours:
                echo(text)
            else:
                click.echo(text, nl=False)
        finally:
            sys.stdout = saved
        stream.flush()
        stream.detach()  # the bytes stay readable
    assert ours.getvalue() == clicks.getvalue()
