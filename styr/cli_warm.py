"""`styr lint` without the CLI framework, for the command lines it is usually given.

Importing typer and click and building the command took about a third of a
`styr lint` that the cache answers (40 ms of 140), and as long in any other
lint run. So the entry point first offers the command line here: a plain
`lint` argument list that this module understands completely is run by the
very code the typer command runs (styr/cli_lint_run.py), and what it raises
ends the run as `styr.cli.main` ends it (`styr.cli_plain.fail`). Anything
else is declined (None) and goes through the whole CLI unchanged: help,
every form of argument this parser does not take (and so every usage error
of parsing), Windows (click expands `*` and `~` in its arguments there) and
shell completion.

Why a second parser rather than the command's own: typer makes its parser
from the command's signature, which is the cost itself. So this one accepts
only the plainest forms, and declines whatever it does not know:

* the root's `--lang X` or `--lang=X` before `lint`;
* after it, paths that do not start with "-", the flags `--statistics` and
  `--no-cache`, and the options of `_VALUED` as `--name value`, `--name=value`
  or `-o value`/`-j value`, with a value that is not empty and does not start
  with "-"; as click does, the last of an option given twice counts, and a
  path that exists must be readable.

tests/test_cli_warm.py proves that whenever this parser gives options, the
typer command gives the same ones, for many argument lists, that its table
names exactly the command's options, and that runs here and through typer
write the same bytes and end with the same exit code.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from styr.cli_lint_run import LintOptions, lint_outcome
from styr.cli_plain import emit, fail, run_language

COMMAND = "lint"
ROOT_LANGUAGE = "--lang"
# Each option that takes a value, by every name it has, and its field of LintOptions.
_VALUED = {
    "--output-format": "output_format",
    "--format": "output_format",
    "-o": "output",
    "--output": "output",
    "--fail-on": "fail_on",
    "--today": "today",
    "--cache-dir": "cache_dir",
    "--jobs": "jobs",
    "-j": "jobs",
    "--lang": "lang",
}
_FLAGS = {"--statistics": "statistics", "--no-cache": "no_cache"}


def answered(arguments: Sequence[str]) -> int | None:
    """The exit code of a lint run here, its result written; None to run the CLI instead."""
    if os.name == "nt" or _completion_asked():
        return None
    options = lint_options(arguments)
    if options is None:
        return None
    language = run_language()  # as `styr.cli.main` chooses it, before the command runs
    try:
        outcome = lint_outcome(options)
        emit(outcome.text, outcome.output)
    except OSError as error:
        if error.errno != errno.EPIPE:
            fail(error, language)
        _pacify_streams()
        return 1  # as click ends a run whose reader went away
    except (Exception, KeyboardInterrupt) as error:
        fail(error, language)  # what `styr.cli.main` says of it, and its exit code
    return outcome.exit_code


def lint_options(arguments: Sequence[str]) -> LintOptions | None:
    """The options of a `styr lint` command line in the plain forms of the module; else None."""
    position = 0
    while position < len(arguments) and arguments[position].startswith(ROOT_LANGUAGE):
        taken = _value(arguments, position, ROOT_LANGUAGE)
        if taken is None:
            return None
        position = taken[1]
    if arguments[position : position + 1] != [COMMAND]:
        return None
    values: dict[str, str] = {}
    flags: set[str] = set()
    paths: list[Path] = []
    position += 1
    while position < len(arguments):
        argument = arguments[position]
        if argument in _FLAGS:
            flags.add(_FLAGS[argument])
            position += 1
            continue
        name = argument.partition("=")[0] if argument.startswith("--") else argument
        if name in _VALUED:
            taken = _value(arguments, position, name)
            if taken is None:
                return None
            values[_VALUED[name]], position = taken
        elif _plain(argument):
            paths.append(Path(argument))
            position += 1
        else:
            return None
    return _options(paths, values, flags)


def _value(arguments: Sequence[str], position: int, name: str) -> tuple[str, int] | None:
    """The value of the option `name` at `position` and where the next argument is."""
    argument = arguments[position]
    if argument == name:
        if position + 1 < len(arguments) and _plain(arguments[position + 1]):
            return arguments[position + 1], position + 2
        return None
    value = argument.removeprefix(name + "=")
    if name.startswith("--") and value != argument and _plain(value):
        return value, position + 1
    return None


def _plain(value: str) -> bool:
    return value != "" and not value.startswith("-")


def _options(paths: list[Path], values: dict[str, str], flags: set[str]) -> LintOptions | None:
    """The options as the command gets them, or None where click would refuse one."""
    folders = [Path(values["cache_dir"])] if "cache_dir" in values else []
    if not all(map(_readable_if_there, [*paths, *folders])):
        return None
    try:  # as click's integer type converts
        jobs = int(values["jobs"]) if "jobs" in values else None
    except ValueError:
        return None
    return LintOptions(
        paths=tuple(paths),
        output_format=values.get("output_format"),
        output=values.get("output"),
        statistics="statistics" in flags,
        fail_on=values.get("fail_on"),
        today=values.get("today"),
        no_cache="no_cache" in flags,
        cache_dir=Path(values["cache_dir"]) if "cache_dir" in values else None,
        jobs=jobs,
        lang=values.get("lang"),
    )


def _readable_if_there(path: str | Path) -> bool:
    """What click's path type asks of a path option: if it exists, it can be read."""
    try:
        os.stat(path)
    except OSError:
        return True  # missing: click passes it on, and lint says so
    except ValueError:
        return False  # a NUL in it: click's own stat fails, as the CLI then says
    return os.access(path, os.R_OK)


def _completion_asked() -> bool:
    """Whether the shell asks click for completions (`_STYR_COMPLETE`, named after the program)."""
    return any(name.endswith("_COMPLETE") for name in os.environ)


def _pacify_streams() -> None:
    """What typer does when the reader of the output went away: no error at exit's flush."""
    import click.utils

    wrapper = getattr(click.utils, "PacifyFlushWrapper")  # noqa: B009 (typer's very name for it)
    sys.stdout = wrapper(sys.stdout)
    sys.stderr = wrapper(sys.stderr)
