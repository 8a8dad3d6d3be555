"""The command line: parse arguments, call one function, map the result to an exit code.

Exit codes: 0 clean, 1 findings at or above the failing level, 2 usage,
configuration or internal error. Heavy modules are imported inside the command
that needs them, so that `styr --version` and `--help` start fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from styr import __version__
from styr.errors import StyrError, UsageError
from styr.messages import message

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
        typer.Argument(help="Repositorier, mappar med repositorier eller filer i ett repositorium."),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "--output-format", help="Utdataformat: text eller json."),
    ] = "text",
    fail_on: Annotated[
        str,
        typer.Option("--fail-on", help="Lägsta nivå som ger slutkod 1: error, warning, info."),
    ] = "error",
    lang: LanguageOption = None,
) -> None:
    """Kontrollera scheman, YAML och målkedjan i ett eller flera repositorier."""
    from styr.findings import Severity
    from styr.lint import lint_paths
    from styr.output import FORMATTERS

    formatter = FORMATTERS.get(output_format)
    if formatter is None:
        raise UsageError("unknown-format", name=output_format, known=", ".join(FORMATTERS))
    try:
        level = Severity.parse(fail_on)
    except ValueError:
        raise UsageError("unknown-severity", name=fail_on) from None
    result = lint_paths(paths or [Path(".")])
    first = result.results[0].repository.language if result.results else None
    language = _language(lang, first)
    typer.echo(formatter(result, language, _colour_wanted() and output_format == "text"), nl=False)
    raise typer.Exit(EXIT_FINDINGS if result.failed(level) else EXIT_CLEAN)


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


@app.command("rules")
def rules_command(lang: LanguageOption = None) -> None:
    """Lista alla regler med kod, namn och nivå."""
    from styr.rules import ALL_RULES

    language = _language(lang)
    for rule in ALL_RULES:
        summary = rule.summary.get(language) or rule.summary["sv"]
        typer.echo(f"{rule.code}  {rule.name:<24} {rule.severity.label:<8} {summary}")


@app.command("rule")
def rule_command(code_or_name: str, lang: LanguageOption = None) -> None:
    """Visa dokumentationen för en regel (kod eller namn)."""
    from styr.rules import find_rule

    rule = find_rule(code_or_name)
    if rule is None:
        raise UsageError("unknown-rule", name=code_or_name)
    language = _language(lang)
    summary = rule.summary.get(language) or rule.summary["sv"]
    typer.echo(f"{rule.code} {rule.name} ({rule.severity.label})\n{summary}\n\n{rule.doc}")


def main() -> None:
    """Entry point: no input, however bad, ends in a Python traceback."""
    if sys.argv[1:] == ["--version"]:  # the fast path: no CLI framework needed
        print(f"styr {__version__}")
        return
    try:
        app()
    except StyrError as error:
        language = "en" if "en" in sys.argv[1:] and "--lang" in sys.argv else "sv"
        typer.echo(f"styr: {message(error.key, language, **error.params)}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if os.environ.get("STYR_DEBUG"):
            raise
        typer.echo(f"styr: {message('internal-error', 'sv', error=repr(error))}", err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
