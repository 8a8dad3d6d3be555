"""The command line: parse arguments, call one function, map the result to an exit code.

Exit codes: 0 clean, 1 findings at or above the failing level, 2 usage,
configuration or internal error. Heavy modules are imported inside the command
that needs them, so that `styr --version` and `--help` start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from styr import __version__
from styr.errors import StyrError, UsageError
from styr.messages import message

if TYPE_CHECKING:
    from styr.cache import LintCache
    from styr.findings import Severity

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="styr",
    help="styr: kommunens styrmodell som kod. Kontrollera (lint) och publicera mål i YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

LanguageOption = Annotated[
    str | None,
    typer.Option("--lang", help="Språk för meddelanden: sv eller en (standard: manifestets)."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"styr {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Visa version."),
    ] = False,
) -> None:
    """styr: kommunens styrmodell som kod."""


def _language(flag: str | None, fallback: str | None = None) -> str:
    if flag is not None:
        if flag not in ("sv", "en"):
            raise UsageError("unknown-language", name=flag)
        return flag
    return fallback or "sv"


def _colour_wanted() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


@app.command()
def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Repositorier, mappar med repositorier eller filer i dem."),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--output-format",
            "--format",
            help="text, concise, json, github, sarif, junit eller gitlab "
            "(github väljs automatiskt i GitHub Actions).",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Skriv resultatet till en fil.")
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Visa antal fynd per regel i stället.")
    ] = False,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="Lägsta nivå som ger slutkod 1: error, warning, info."),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", help="Datum att jämföra giltighetstider mot (ÅÅÅÅ-MM-DD)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Kontrollera allt på nytt, utan cache.")
    ] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", help="Var cachen ligger (standard: .styr_cache)."),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="Antal processer (standard: alla kärnor)."),
    ] = None,
    lang: LanguageOption = None,
) -> None:
    """Kontrollera scheman, YAML, målkedjan och målens kvalitet."""
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
            cache=None if no_cache else _cache(cache_dir),
            jobs=jobs if jobs is not None else (os.cpu_count() or 1),
            progress=progress,
        )
    first = result.results[0].repository.language if result.results else None
    language = _language(lang, first)
    if statistics:
        from styr.output.statistics import render_statistics

        text = render_statistics(result, language)
    else:
        colour = output is None and name == "text" and _colour_wanted()
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


def _cache(folder: Path | None) -> LintCache:
    from styr.cache import LintCache, default_folder

    given = folder or (
        Path(os.environ["STYR_CACHE_DIR"]) if "STYR_CACHE_DIR" in os.environ else None
    )
    return LintCache(given or default_folder())


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        typer.echo(text, nl=False)
    else:
        from styr.files import write_atomic

        write_atomic(output, text)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Ny katalog för kommunens repositorium.")],
    model: Annotated[
        str,
        typer.Option("--model", help="Startmodell: blank, helsingborg eller huddinge."),
    ] = "blank",
    name: Annotated[str, typer.Option("--name", help="Kommunens namn.")] = "Exempelkommun",
    code: Annotated[str, typer.Option("--code", help="Kommunkod, fyra siffror.")] = "0000",
    lang: LanguageOption = None,
) -> None:
    """Starta ett nytt repositorium för en kommun från en medföljande styrmodell."""
    from styr.scaffold import init_repository

    init_repository(directory, model, name, code)
    typer.echo(message("init-done", _language(lang), path=directory, model=model))


@app.command()
def schema(
    kind: Annotated[str | None, typer.Argument(help="Filtyp, t.ex. organisation.")] = None,
    export: Annotated[
        Path | None, typer.Option("--export", help="Skriv alla scheman till en katalog.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Skriv över ändrade filer.")] = False,
    lang: LanguageOption = None,
) -> None:
    """Visa eller exportera JSON-schemana (för editorer med YAML-stöd)."""
    from styr.files import write_atomic
    from styr.schema_check import SCHEMA_SUFFIX, schema_names, schema_text

    names = schema_names()
    if export is not None:
        for name in [*names, "common"]:
            write_atomic(export / f"{name}{SCHEMA_SUFFIX}", schema_text(name), overwrite=force)
        typer.echo(message("schema-exported", _language(lang), count=len(names) + 1, path=export))
        return
    if kind is None:
        for name in names:
            typer.echo(f"{name}{SCHEMA_SUFFIX}")
        return
    if kind not in [*names, "common"]:
        raise UsageError("unknown-schema", name=kind, known=", ".join(names))
    typer.echo(schema_text(kind), nl=False)


@app.command()
def report(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Ett eller flera repositorier.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="html eller md (Markdown).")
    ] = "html",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Skriv rapporten till en fil.")
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="Egna Jinja-mallar i stället för de inbyggda."),
    ] = None,
    with_findings: Annotated[
        bool, typer.Option("--with-findings", help="Ta med en sammanfattning av lint-fynden.")
    ] = False,
    lang: LanguageOption = None,
) -> None:
    """Publicera en målöversikt som fristående HTML eller som Markdown."""
    from styr.report import build_report

    text = build_report(
        paths or [Path(".")],
        output_format,
        _language(lang) if lang is not None else None,
        templates,
        with_findings,
    )
    if output is None:
        typer.echo(text, nl=False)
        return
    from styr.files import write_atomic

    write_atomic(output, text)
    typer.echo(message("report-written", _language(lang), path=output), err=True)


@app.command()
def status(
    paths: Annotated[list[Path] | None, typer.Argument(help="Repositorier att följa upp.")] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help="År (2024), tertial (2024-T2) eller halvår (2024-H1)."),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", help="table (tabell) eller json.")
    ] = "table",
    lang: LanguageOption = None,
) -> None:
    """Visa måluppfyllelse: utfall mot målvärde per mål och indikator."""
    from styr.followup.status import collect, render_json, render_table

    if output_format not in ("table", "json"):
        raise UsageError("unknown-format", name=output_format, known="table, json")
    statuses = collect(paths or [Path(".")], period)
    first = statuses[0].repository.language if statuses else None
    language = _language(lang, first)
    if output_format == "json":
        typer.echo(render_json(statuses, language), nl=False)
    else:
        typer.echo(render_table(statuses, language, _colour_wanted()), nl=False)


kolada_app = typer.Typer(
    help="Hämta utfall från Kolada, den öppna databasen för kommuners nyckeltal."
)
app.add_typer(kolada_app, name="kolada")


@kolada_app.command("pull")
def kolada_pull(
    path: Annotated[Path, typer.Argument(help="Repositoriet.")] = Path("."),
    years: Annotated[
        str, typer.Option("--years", help="År, t.ex. 2023,2024 eller 2020-2024.")
    ] = "",
    output: Annotated[
        Path | None,
        typer.Option("--file", help="Uppföljningsfilen att skriva (i repositoriet)."),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Skriv över även handskrivna värden.")
    ] = False,
    base_url: Annotated[
        str, typer.Option("--base-url", help="Kolada-API:ts adress (för test och speglar).")
    ] = "https://api.kolada.se/v3",
    lang: LanguageOption = None,
) -> None:
    """Hämta utfall för indikatorer med Kolada-id och skriv in dem i en uppföljningsfil."""
    from styr.followup.kolada_pull import parse_years, pull

    summary = pull(path, parse_years(years), output, overwrite=overwrite, base_url=base_url)
    typer.echo(message("kolada-pulled", _language(lang), **summary))


@app.command("rules")
def rules_command(
    lang: LanguageOption = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Hela katalogen som Markdown (docs/rules.md).")
    ] = False,
) -> None:
    """Lista alla regler med kod, namn och nivå."""
    from styr.rules.catalogue import ALL_RULES

    if markdown:
        from styr.rule_docs import rules_markdown

        typer.echo(rules_markdown(), nl=False)
        return
    language = _language(lang)
    for rule in ALL_RULES:
        summary = rule.summary.get(language) or rule.summary["sv"]
        typer.echo(f"{rule.code}  {rule.name:<24} {rule.severity.label:<8} {summary}")


@app.command("rule")
def rule_command(code_or_name: str, lang: LanguageOption = None) -> None:
    """Visa dokumentationen för en regel (kod eller namn)."""
    from styr.rules.catalogue import find_rule

    rule = find_rule(code_or_name)
    if rule is None:
        raise UsageError("unknown-rule", name=code_or_name)
    language = _language(lang)
    summary = rule.summary.get(language) or rule.summary["sv"]
    options = "".join(f"\n  {key} = {value!r}" for key, value in rule.options.items())
    heading = f"{rule.code} {rule.name} ({rule.severity.label})\n{summary}"
    typer.echo(heading + (f"\nOptions:{options}" if options else "") + f"\n\n{rule.doc}")


def main() -> None:
    """Run the CLI: no input, however bad, ends in a Python traceback."""
    try:
        app()
    except StyrError as error:
        language = "en" if "en" in sys.argv[1:] and "--lang" in sys.argv else "sv"
        typer.echo(f"styr: {message(error.key, language, **error.params)}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        if os.environ.get("STYR_DEBUG"):
            raise
        typer.echo(f"styr: {message('internal-error', 'sv', error=repr(error))}", err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
