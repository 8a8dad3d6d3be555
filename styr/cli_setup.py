"""`styr init` and `styr schema`: start a repository, and give editors the JSON schemas."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from styr.cli_common import LanguageOption, output_language
from styr.errors import UsageError
from styr.i18n import N_
from styr.messages import message


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
        message("init-done", output_language(lang), path=directory, model=model, marker=PLACEHOLDER)
    )


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
    from styr.schema_validators import OUTPUT_SCHEMAS, SCHEMA_SUFFIX, schema_names, schema_text

    names = schema_names()
    if export is not None and (export / "styr.yaml").is_file():
        # A repository: its schema copy, modelines and VS Code settings, all up to date.
        from styr.editor_refresh import refresh_repository

        changed = refresh_repository(export)
        typer.echo(
            message(
                "schema-repository-refreshed",
                output_language(lang),
                path=export,
                count=len(changed),
            )
        )
        return
    if export is not None:
        from styr.editor import schema_files
        from styr.files import write_files

        files = schema_files()
        write_files(export, files, overwrite=force)  # all or none, every file checked first
        typer.echo(message("schema-exported", output_language(lang), count=len(files), path=export))
        return
    if kind is None:
        for name in names:
            typer.echo(f"{name}{SCHEMA_SUFFIX}")
        return
    # The schema of an output (`styr diff -f json`) is printed too, though no file has it.
    if kind not in [*names, "common", *OUTPUT_SCHEMAS]:
        raise UsageError("unknown-schema", name=kind, known=", ".join(names))
    typer.echo(schema_text(kind), nl=False)
