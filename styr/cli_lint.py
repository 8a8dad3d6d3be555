"""`styr lint`: check the repositories and print the findings in the chosen format."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from styr.cli_common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    LanguageOption,
    colour_wanted,
    day_option,
    emit,
    lint_cache,
    output_language,
    to_stdout,
)
from styr.errors import UsageError
from styr.i18n import N_

if TYPE_CHECKING:
    from styr.findings import Severity


def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=N_("PATHS..."),
            help=N_("Repositories, folders of repositories or files in them."),
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--output-format",
            "--format",
            help=N_(
                "text, concise, json, github, sarif, junit or gitlab (github is chosen "
                "automatically in GitHub Actions)."
            ),
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help=N_("Write the result to a file (- for standard output).")
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help=N_("Show the number of findings per rule instead."))
    ] = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", help=N_("Lowest level that gives exit code 1: error, warning, info.")
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", help=N_("Date to compare validity periods with (YYYY-MM-DD).")),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help=N_("Check everything afresh, without the cache."))
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir", help=N_("Where the cache is kept (default: the user's cache folder).")
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help=N_("Number of processes (default: all cores).")),
    ] = None,
    lang: LanguageOption = None,
) -> None:
    from styr.lint import lint_paths
    from styr.output import FORMATTERS

    name = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    formatter = FORMATTERS.get(name)
    if formatter is None:
        raise UsageError("unknown-format", name=name, known=", ".join(FORMATTERS))
    level = _severity(fail_on) if fail_on is not None else None
    with _progress_bar() as progress:
        result = lint_paths(
            paths or [Path(".")],
            today=day_option(today),
            cache=None if no_cache else lint_cache(cache_dir, output_language(lang)),
            jobs=jobs if jobs is not None else (os.cpu_count() or 1),
            progress=progress,
        )
    first = result.results[0].repository.language if result.results else None
    language = output_language(lang, first)
    if statistics:
        from styr.output.statistics import render_statistics

        text = render_statistics(result, language)
    else:
        colour = to_stdout(output) and name == "text" and colour_wanted()
        text = formatter(result, language, colour)
    emit(text, output)
    raise typer.Exit(EXIT_FINDINGS if result.failed(level) else EXIT_CLEAN)


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
