"""What `styr lint` does once its arguments are parsed: lint, render, and choose the exit code.

Without typer: the command in styr/cli_lint.py calls it, and so does a lint
run without the CLI framework (styr/cli_warm.py), which parses the same
arguments itself. One body for both, so both give the same bytes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from styr.cli_plain import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    colour_wanted,
    day_option,
    lint_cache,
    output_language,
    to_stdout,
)
from styr.errors import UsageError

if TYPE_CHECKING:
    from datetime import date

    from styr.findings import Severity
    from styr.lint import LintResult
    from styr.output import Formatter


# Named tuples, not dataclasses: made on a cached run's path (see `styr.record`).
class LintOptions(NamedTuple):
    """`styr lint`'s arguments, as its options give them (None: not given)."""

    paths: tuple[Path, ...] = ()
    output_format: str | None = None
    output: str | None = None
    statistics: bool = False
    fail_on: str | None = None
    today: str | None = None
    no_cache: bool = False
    cache_dir: Path | None = None
    jobs: int | None = None
    lang: str | None = None


class LintOutcome(NamedTuple):
    """What a lint run writes (its text, or the text's pieces) and where, and its exit code."""

    text: str | Iterable[str]
    output: str | None
    exit_code: int


def lint_outcome(options: LintOptions) -> LintOutcome:
    """Lint what the options name and render the result; nothing is written here."""
    from styr.lint import lint_paths

    chosen = _chosen(options)
    cache = (
        None if options.no_cache else lint_cache(options.cache_dir, output_language(options.lang))
    )
    jobs = options.jobs if options.jobs is not None else (os.cpu_count() or 1)
    with _progress_bar() as progress:
        result = lint_paths(
            chosen.paths, today=chosen.today, cache=cache, jobs=jobs, progress=progress
        )
    return _rendered(options, chosen, result)


class _Chosen(NamedTuple):
    """What the options choose, checked before anything is linted."""

    paths: list[Path]
    format_name: str
    formatter: Formatter
    level: Severity | None
    today: date | None


def _chosen(options: LintOptions) -> _Chosen:
    from styr.output import FORMATTERS

    name = options.output_format or (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    )
    formatter = FORMATTERS.get(name)
    if formatter is None:
        raise UsageError("unknown-format", name=name, known=", ".join(FORMATTERS))
    level = _severity(options.fail_on) if options.fail_on is not None else None
    paths = list(options.paths) or [Path(".")]
    return _Chosen(paths, name, formatter, level, day_option(options.today))


def _rendered(options: LintOptions, chosen: _Chosen, result: LintResult) -> LintOutcome:
    first = result.results[0].repository.language if result.results else None
    language = output_language(options.lang, first)
    text: str | Iterable[str]
    if options.statistics:
        from styr.output.statistics import render_statistics

        text = render_statistics(result, language)
    else:
        colour = to_stdout(options.output) and chosen.format_name == "text" and colour_wanted()
        text = chosen.formatter(result, language, colour)
    code = EXIT_FINDINGS if result.failed(chosen.level) else EXIT_CLEAN
    return LintOutcome(text, options.output, code)


def _severity(text: str) -> Severity:
    from styr.findings import Severity

    try:
        return Severity.parse(text)
    except ValueError:
        raise UsageError("unknown-severity", name=text) from None


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on a terminal, shown only once a run has taken a second.

    CI logs and piped output stay plain: no bar unless standard error is a
    terminal and CI is not set.
    """
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    import time

    from rich.progress import Progress

    started = time.monotonic()
    bar: Progress | None = None
    task = None

    def update(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if time.monotonic() - started < 1.0:
                return
            bar = Progress(transient=True)
            bar.start()
            task = bar.add_task("styr lint", total=total)
        if task is not None:
            bar.update(task, completed=done)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()
