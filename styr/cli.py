"""The command line: parse arguments, call one function, map the result to an exit code.

Exit codes: 0 clean, 1 findings at or above the failing level, 2 usage,
configuration or internal error. Heavy modules are imported inside the command
that needs them, so that `styr --version` and `--help` start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from styr import __version__
from styr.errors import StyrError, UsageError
from styr.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    N_,
    install_for_click,
    requested_language,
    set_language,
    translate_help,
)
from styr.messages import message

if TYPE_CHECKING:
    from styr.cache import LintCache
    from styr.findings import Severity
    from styr.publishing import ErrorsBlockPublishing

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# click's and typer's own words ("Usage:", "Show this message and exit.") in our language.
install_for_click()
# typer escapes "[" in the "[default: …]" it adds to help whenever rich is installed, for
# rich to print; with rich_markup_mode=None click prints it, so "\[default: html]" showed.
typer.core.HAS_RICH = False

app = typer.Typer(
    name="styr",
    help=N_(
        "styr: the municipality's steering model as code. Check (lint) and publish goals in YAML."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    options_metavar=N_("[OPTIONS]"),
    subcommand_metavar=N_("COMMAND [ARGS]..."),
)

LanguageOption = Annotated[
    str | None,
    typer.Option("--lang", help=N_("Language of messages: sv or en (default: the manifest's).")),
]

AllowErrorsOption = Annotated[
    bool,
    typer.Option(
        "--allow-errors",
        help=N_(
            "Show it anyway, despite errors in the repository (with a clear notice that "
            "something may be missing)."
        ),
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"styr {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=N_("Show the version.")),
    ] = False,
    lang: LanguageOption = None,  # `styr --lang en lint`: read from the command line at start
) -> None:
    """styr: the municipality's steering model as code."""


def _chosen_language(flag: str | None) -> str | None:
    """--lang, else STYR_LANG; None when neither says (the manifest's may then decide)."""
    chosen = flag if flag is not None else requested_language()
    if chosen is not None and chosen not in LANGUAGES:
        raise UsageError("unknown-language", name=chosen)
    return chosen


def _language(flag: str | None, fallback: str | None = None) -> str:
    return _chosen_language(flag) or fallback or DEFAULT_LANGUAGE


def _colour_wanted() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


@app.command(help=N_("Check schemas, YAML, the goal chain and the quality of the goals."))
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
            today=_date(today),
            cache=None if no_cache else _cache(cache_dir, _language(lang)),
            jobs=jobs if jobs is not None else (os.cpu_count() or 1),
            progress=progress,
        )
    first = result.results[0].repository.language if result.results else None
    language = _language(lang, first)
    if statistics:
        from styr.output.statistics import render_statistics

        text = render_statistics(result, language)
    else:
        colour = _to_stdout(output) and name == "text" and _colour_wanted()
        text = formatter(result, language, colour)
    _emit(text, output)
    raise typer.Exit(EXIT_FINDINGS if result.failed(level) else EXIT_CLEAN)


def _severity(text: str) -> Severity:
    from styr.findings import Severity

    try:
        return Severity.parse(text)
    except ValueError:
        raise UsageError("unknown-severity", name=text) from None


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError("bad-date", value=text) from None


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


def _cache(folder: Path | None, language: str) -> LintCache | None:
    """The lint cache (--cache-dir, else STYR_CACHE_DIR, else the user's), or None.

    A cache that would trust what others can change is not used; the run
    says so on standard error and checks everything afresh.
    """
    from styr.cache import CacheRefused, open_cache

    variable = os.environ.get("STYR_CACHE_DIR")
    try:
        return open_cache(folder or (Path(variable) if variable else None))
    except CacheRefused as refusal:
        typer.echo(f"styr: {message(refusal.key, language, **refusal.params)}", err=True)
        return None


# `-o -` means standard output, for every command that writes a result.
STDOUT = "-"


def _to_stdout(output: str | None) -> bool:
    return output is None or output == STDOUT


def _emit(text: str | Iterable[str], output: str | None) -> bool:
    """Write `text` (or its pieces, as they come) to the file `output` names, else to
    standard output; True for a file."""
    if _to_stdout(output):
        for piece in (text,) if isinstance(text, str) else text:
            typer.echo(piece, nl=False)
        return False
    from styr.files import write_atomic

    write_atomic(Path(str(output)), text)
    return True


@app.command(help=N_("Start a new repository for a municipality from a bundled steering model."))
def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar=N_("FOLDER"), help=N_("New folder for the municipality's repository.")
        ),
    ],
    model: Annotated[
        str,
        typer.Option("--model", help=N_("Starting model: blank, helsingborg or huddinge.")),
    ] = "blank",
    name: Annotated[
        str, typer.Option("--name", help=N_("The municipality's name."))
    ] = "Exempelkommun",
    code: Annotated[
        str, typer.Option("--code", help=N_("Municipality code, four digits."))
    ] = "0000",
    lang: LanguageOption = None,
) -> None:
    from styr.scaffold import PLACEHOLDER, init_repository

    init_repository(directory, model, name, code)
    typer.echo(
        message("init-done", _language(lang), path=directory, model=model, marker=PLACEHOLDER)
    )


@app.command(help=N_("Show or export the JSON schemas (for editors with YAML support)."))
def schema(
    kind: Annotated[
        str | None, typer.Argument(metavar=N_("KIND"), help=N_("File kind, e.g. organisation."))
    ] = None,
    export: Annotated[
        Path | None, typer.Option("--export", help=N_("Write all schemas to a folder."))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Overwrite changed files."))] = False,
    lang: LanguageOption = None,
) -> None:
    from styr.schema_check import SCHEMA_SUFFIX, schema_names, schema_text

    names = schema_names()
    if export is not None and (export / "styr.yaml").is_file():
        # A repository: its schema copy, modelines and VS Code settings, all up to date.
        from styr.editor_refresh import refresh_repository

        changed = refresh_repository(export)
        typer.echo(
            message("schema-repository-refreshed", _language(lang), path=export, count=len(changed))
        )
        return
    if export is not None:
        from styr.editor import schema_files
        from styr.files import write_files

        files = schema_files()
        write_files(export, files, overwrite=force)  # all or none, every file checked first
        typer.echo(message("schema-exported", _language(lang), count=len(files), path=export))
        return
    if kind is None:
        for name in names:
            typer.echo(f"{name}{SCHEMA_SUFFIX}")
        return
    if kind not in [*names, "common"]:
        raise UsageError("unknown-schema", name=kind, known=", ".join(names))
    typer.echo(schema_text(kind), nl=False)


@app.command(help=N_("Publish an overview of the goals as standalone HTML or as Markdown."))
def report(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar=N_("REPOSITORIES..."), help=N_("One or more repositories.")),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=N_("html or md (Markdown)."))
    ] = "html",
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help=N_("Write the report to a file (- for standard output).")
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates", help=N_("Your own Jinja templates instead of the bundled ones.")
        ),
    ] = None,
    with_findings: Annotated[
        bool, typer.Option("--with-findings", help=N_("Include a summary of the lint findings."))
    ] = False,
    allow_errors: AllowErrorsOption = False,
    lang: LanguageOption = None,
) -> None:
    from styr.publishing import ErrorsBlockPublishing
    from styr.report import report_pieces

    try:
        pieces = report_pieces(
            paths or [Path(".")],
            output_format,
            _chosen_language(lang),
            templates,
            with_findings,
            allow_errors=allow_errors,
            cache=_cache(None, _language(lang)),  # what styr lint has just checked
        )
    except ErrorsBlockPublishing as refused:
        _refuse(refused, lang, "report-refused")
    if _emit(pieces, output):
        typer.echo(message("report-written", _language(lang), path=output), err=True)


@app.command(help=N_("Show goal fulfilment: outcome against target value per goal and indicator."))
def status(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar=N_("REPOSITORIES..."), help=N_("Repositories to follow up.")),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help=N_("Year (2024), tertial (2024-T2) or half-year (2024-H1).")),
    ] = None,
    output_format: Annotated[str, typer.Option("--format", help=N_("table or json."))] = "table",
    allow_errors: AllowErrorsOption = False,
    lang: LanguageOption = None,
) -> None:
    import shutil

    from styr.followup.status import collect, render_json, render_table
    from styr.publishing import ErrorsBlockPublishing

    if output_format not in ("table", "json"):
        raise UsageError("unknown-format", name=output_format, known="table, json")
    try:
        statuses = collect(
            paths or [Path(".")],
            period,
            allow_errors=allow_errors,
            cache=_cache(None, _language(lang)),  # what styr lint has just checked
        )
    except ErrorsBlockPublishing as refused:
        _refuse(refused, lang, "status-refused")
    first = statuses[0].repository.language if statuses else None
    language = _language(lang, first)
    if output_format == "json":
        typer.echo(render_json(statuses, language), nl=False)
    else:
        # COLUMNS first, then the terminal; written to a file or a pipe, the wide table.
        width = shutil.get_terminal_size(fallback=(160, 24)).columns
        typer.echo(render_table(statuses, language, _colour_wanted(), width), nl=False)


def _refuse(refused: ErrorsBlockPublishing, lang: str | None, key: str) -> NoReturn:
    """Name the errors as `styr lint` does, say why nothing was shown, and exit 1."""
    from styr.output.text import render

    results = refused.errors.results
    language = _language(lang, results[0].repository.language if results else None)
    typer.echo(render(refused.errors, language), err=True, nl=False)
    typer.echo(f"styr: {message(key, language, count=refused.count)}", err=True)
    raise typer.Exit(EXIT_FINDINGS)


kolada_app = typer.Typer(
    help=N_("Fetch outcomes from Kolada, the open database of municipal key figures."),
    options_metavar=N_("[OPTIONS]"),
    subcommand_metavar=N_("COMMAND [ARGS]..."),
)
app.add_typer(kolada_app, name="kolada")
# click itself suggests a command for a typo, in our language; typer (0.16 and later) would
# add a second "Did you mean …?" of its own, in English only.
app.suggest_commands = kolada_app.suggest_commands = False


@kolada_app.command(
    "pull",
    help=N_("Fetch outcomes for indicators with a Kolada id and write them into a follow-up file."),
)
def kolada_pull(
    path: Annotated[
        Path, typer.Argument(metavar=N_("REPOSITORY"), help=N_("The repository."))
    ] = Path("."),
    years: Annotated[
        str, typer.Option("--years", help=N_("Years, e.g. 2023,2024 or 2020-2024."))
    ] = "",
    output: Annotated[
        Path | None,
        typer.Option("--file", help=N_("The follow-up file to write (in the repository).")),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help=N_("Overwrite values typed by hand too."))
    ] = False,
    base_url: Annotated[
        str,
        typer.Option("--base-url", help=N_("The Kolada API's address (for tests and mirrors).")),
    ] = "https://api.kolada.se/v3",
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            help=N_("Time limit in seconds for the whole fetch, retries and waits included."),
        ),
    ] = None,
    lang: LanguageOption = None,
) -> None:
    from styr.followup.kolada_pull import parse_years, pull

    summary = pull(
        path, parse_years(years), output, overwrite=overwrite, base_url=base_url, timeout=timeout
    )
    typer.echo(message("kolada-pulled", _language(lang), **summary))


@app.command("rules", help=N_("List all rules with code, name and level."))
def rules_command(
    lang: LanguageOption = None,
    markdown: Annotated[
        bool,
        typer.Option("--markdown", help=N_("The whole catalogue as Markdown (docs/rules.md).")),
    ] = False,
) -> None:
    from styr.rule_docs import rules_list, rules_markdown

    text = rules_markdown() if markdown else rules_list(_language(lang))
    typer.echo(text, nl=False)


@app.command("rule", help=N_("Show the documentation of a rule (code or name)."))
def rule_command(
    code_or_name: Annotated[
        str, typer.Argument(metavar=N_("CODE_OR_NAME"), help=N_("The rule's code or name."))
    ],
    lang: LanguageOption = None,
) -> None:
    from styr.rule_docs import rule_text
    from styr.rules.catalogue import find_rule

    rule = find_rule(code_or_name)
    if rule is None:
        raise UsageError("unknown-rule", name=code_or_name)
    typer.echo(rule_text(rule, _language(lang)), nl=False)


def main() -> None:
    """Run the CLI: no input, however bad, ends in a Python traceback."""
    requested = requested_language()
    language = requested if requested in LANGUAGES else DEFAULT_LANGUAGE
    set_language(language)
    try:
        command = typer.main.get_command(app)
        translate_help(command)  # the help texts are msgids until the language is known
        command()
    except StyrError as error:
        typer.echo(f"styr: {message(error.key, language, **error.params)}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        if os.environ.get("STYR_DEBUG"):
            raise
        typer.echo(f"styr: {message('internal-error', language, error=repr(error))}", err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
