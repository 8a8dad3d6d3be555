"""The command line: parse arguments, call one function, map the result to an exit code.

This module is the map of the command tree: the app, its root options,
`main()`, and every command with its help text, each command's code in the
module beside it (`cli_lint.py`, `cli_setup.py` for init and schema,
`cli_publish.py` for report and status, `cli_kolada.py`, `cli_rules.py`);
what they share is in `cli_common.py`.

Exit codes: 0 clean, 1 findings at or above the failing level, 2 usage,
configuration or internal error. Heavy modules are imported inside the command
that needs them, so that `styr --version` and `--help` start fast.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from styr import __version__
from styr.cli_common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    AllowErrorsOption,
    LanguageOption,
)
from styr.cli_diff import diff_command
from styr.cli_excel import export_xlsx, import_outcomes
from styr.cli_kolada import kolada_metadata, kolada_pull, kolada_search
from styr.cli_lint import lint
from styr.cli_lsp import lsp_command
from styr.cli_plain import fail, run_language
from styr.cli_publish import report, status
from styr.cli_rules import rule_command, rules_command
from styr.cli_setup import init, schema
from styr.cli_site import site
from styr.errors import StyrError
from styr.i18n import N_, install_for_click, set_language, translate_help

if TYPE_CHECKING:
    import click
    from typer.models import CommandInfo

__all__ = [
    "EXIT_CLEAN",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "AllowErrorsOption",
    "LanguageOption",
    "app",
    "kolada_app",
    "main",
]

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


# The commands, in the order `styr --help` lists them.
app.command(help=N_("Check schemas, YAML, the goal chain and the quality of the goals."))(lint)
app.command(help=N_("Start a new repository for a municipality from a bundled steering model."))(
    init
)
app.command(help=N_("Show or export the JSON schemas (for editors with YAML support)."))(schema)
app.command(
    help=N_(
        "Publish the overview of the goals, or with --period the follow-up report, as HTML, "
        "Markdown, PDF or Word."
    ),
    short_help=N_("Publish the goal report and the follow-up report."),
)(report)
app.command(help=N_("Publish the steering model as a website: a folder of accessible pages."))(site)
app.command(help=N_("Show goal fulfilment: outcome against target value per goal and indicator."))(
    status
)
app.command(
    "diff", help=N_("Show what changed in the steering model between two versions or folders.")
)(diff_command)

kolada_app = typer.Typer(
    help=N_(
        "Work with Kolada, the open database of municipal key figures: fetch outcomes and the "
        "values of municipalities to compare with, search key figures, and keep a stored list "
        "of them for work without a connection."
    ),
    options_metavar=N_("[OPTIONS]"),
    subcommand_metavar=N_("COMMAND [ARGS]..."),
)
app.add_typer(kolada_app, name="kolada")
# click itself suggests a command for a typo, in our language; typer (0.16 and later) would
# add a second "Did you mean …?" of its own, in English only.
app.suggest_commands = kolada_app.suggest_commands = False
kolada_app.command(
    "pull",
    help=N_("Fetch outcomes for indicators with a Kolada id and write them into a follow-up file."),
)(kolada_pull)
kolada_app.command(
    "search", help=N_("Search Kolada's key figures by words in their id, title or description.")
)(kolada_search)
kolada_app.command(
    "metadata",
    help=N_("Show the stored list of Kolada's key figures, or update it with --update."),
)(kolada_metadata)

export_app = typer.Typer(
    help=N_("Export the steering model to other formats."),
    options_metavar=N_("[OPTIONS]"),
    subcommand_metavar=N_("COMMAND [ARGS]..."),
)
app.add_typer(export_app, name="export")
export_app.suggest_commands = False
export_app.command(
    "xlsx",
    help=N_("Write the steering model and its follow-up as an Excel workbook, a sheet per level."),
)(export_xlsx)
import_app = typer.Typer(
    help=N_("Import what others have filled in (outcomes from an Excel workbook)."),
    options_metavar=N_("[OPTIONS]"),
    subcommand_metavar=N_("COMMAND [ARGS]..."),
)
app.add_typer(import_app, name="import")
import_app.suggest_commands = False
import_app.command(
    "outcomes",
    help=N_("Write the outcomes filled in on an exported workbook into the follow-up files."),
)(import_outcomes)

app.command("rules", help=N_("List all rules with code, name and level."))(rules_command)
app.command("rule", help=N_("Show the documentation of a rule (code or name)."))(rule_command)
app.command("lsp", help=N_("Start the language server: editors check the goal chain as you type."))(
    lsp_command
)


def command_for(arguments: Sequence[str]) -> click.Command:
    """The click command tree for these arguments: the app, or only the command they name.

    typer builds every command's options from its signature (evaluating each
    annotation) before any of them runs, which took longer than the rest of
    a `styr lint` answered from the cache. When the arguments start with a
    command's name (after `--lang X`), that command is built alone under the
    same root: it parses, helps and fails exactly as in the whole tree. Any
    other start (`--help`, `--version`, a group, a typo to suggest for)
    gets the whole tree.
    """
    named = _command_named(arguments)
    if named is None:
        return typer.main.get_command(app)
    alone = copy.copy(app)
    alone.registered_commands = [named]
    alone.registered_groups = []
    return typer.main.get_command(alone)


def _command_named(arguments: Sequence[str]) -> CommandInfo | None:
    """The command the first argument after the root's `--lang X` names, if it is one."""
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        if argument == "--lang":
            position += 2
        elif argument.startswith("--lang="):
            position += 1
        else:
            break
    if position >= len(arguments):
        return None
    for info in app.registered_commands:
        function_name = getattr(info.callback, "__name__", "")
        if (info.name or typer.main.get_command_name(function_name)) == arguments[position]:
            return info
    return None


def main() -> None:
    """Run the CLI: no input, however bad, ends in a Python traceback."""
    language = run_language()
    set_language(language)
    try:
        command = command_for(sys.argv[1:])
        translate_help(command)  # the help texts are msgids until the language is known
        command()
    except (StyrError, KeyboardInterrupt, Exception) as error:
        fail(error, language)


if __name__ == "__main__":
    main()
