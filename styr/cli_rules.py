"""`styr rules` and `styr rule`: the catalogue of lint rules and one rule's documentation."""

from __future__ import annotations

from typing import Annotated

import typer

from styr.cli_common import LanguageOption, output_language
from styr.errors import UsageError
from styr.i18n import N_


def rules_command(
    lang: LanguageOption = None,
    markdown: Annotated[
        bool,
        typer.Option("--markdown", help=N_("The whole catalogue as Markdown (docs/rules.md).")),
    ] = False,
) -> None:
    from styr.rule_docs import rules_list, rules_markdown

    text = rules_markdown() if markdown else rules_list(output_language(lang))
    typer.echo(text, nl=False)


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
    typer.echo(rule_text(rule, output_language(lang)), nl=False)
