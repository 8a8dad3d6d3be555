"""A run builds only the command it names, and that command behaves as in the whole tree."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
import pytest
import typer
from click.testing import CliRunner
from conftest import EXAMPLES

from styr.cli import app, command_for
from styr.i18n import set_language, translate_help

ARGUMENTS = [
    ["lint", "--help"],
    ["lint", "--bogus"],
    ["lint", "--jobs", "many", str(EXAMPLES / "helsingborg")],
    ["lint", "--format", "nonesuch", str(EXAMPLES / "helsingborg")],
    ["lint", "--no-cache", "--format", "concise", str(EXAMPLES / "helsingborg")],
    ["lint", "--no-cache", "--lang", "en", "--statistics", str(EXAMPLES / "huddinge")],
    ["--lang", "en", "lint", "--help"],
    ["--lang=en", "lint", "--fail-on"],
    ["--lang", "en", "lint", "--fail-on", "never", str(EXAMPLES / "helsingborg")],
    ["init", "--help"],
    ["schema", "--help"],
    ["report", "--help"],
    ["status", "--help"],
    ["rules"],
    ["rule", "C001"],
    ["rule", "--lang", "en", "nonesuch"],
]


def _run(
    build: Callable[[], click.Command], arguments: list[str], language: str
) -> tuple[object, ...]:
    set_language(language)  # first, as `styr.cli.main` does: click names its types as they are made
    command = build()
    translate_help(command)
    result = CliRunner().invoke(command, arguments, prog_name="styr")
    return result.exit_code, result.stdout, result.stderr, type(result.exception)


@pytest.mark.parametrize("arguments", ARGUMENTS, ids=" ".join)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_command_built_alone_behaves_as_in_the_whole_tree(
    arguments: list[str], language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STYR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    whole = _run(lambda: typer.main.get_command(app), arguments, language)
    alone = _run(lambda: command_for(arguments), arguments, language)
    assert alone == whole


@pytest.mark.parametrize(
    ("arguments", "commands"),
    [
        (["lint", "."], {"lint"}),
        (["--lang", "en", "status", "."], {"status"}),
        (["--lang=sv", "rules"], {"rules"}),
        (["report", "--help"], {"report"}),
    ],
)
def test_a_run_that_names_a_command_builds_only_that_command(
    arguments: list[str], commands: set[str]
) -> None:
    command = command_for(arguments)
    assert isinstance(command, click.Group)
    assert set(command.commands) == commands


@pytest.mark.parametrize(
    "arguments",
    [[], ["--help"], ["--version"], ["--lang", "lint"], ["kolada", "pull"], ["lnt", "."], ["--"]],
    ids=repr,
)
def test_any_other_start_gets_the_whole_tree(arguments: list[str]) -> None:
    command = command_for(arguments)
    assert isinstance(command, click.Group)
    assert set(command.commands) == set(typer.main.get_group(app).commands)
