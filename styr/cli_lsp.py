"""`styr lsp`: the language server an editor starts, talking over standard input and output."""

from __future__ import annotations

from typing import Annotated

import typer

from styr.i18n import N_


def lsp_command(
    stdio: Annotated[
        bool,
        typer.Option(
            "--stdio",
            help=N_("Talk over standard input and output (the default; editors may pass it)."),
        ),
    ] = False,
) -> None:
    # The server's framework is imported here, so that other commands never load it.
    from styr.lsp.server import run

    run()
